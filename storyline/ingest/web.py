"""Web sources: a feed, a page or a JSON export named by an http(s) URL.

``fetch`` gets one URL (conditional GET with the validators of an earlier fetch, size and time
limits, gzip); ``read_url`` turns what it got into articles. A feed item that carries only a
teaser (a title and a line or two) gets the full text of the page it links to, extracted with
trafilatura; when that page cannot be read, the teaser is kept with a warning. Every problem is an
``InputError`` naming the URL, never an exception out of a batch.
"""

from __future__ import annotations

import http.client
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from email.message import Message
from typing import Callable, Iterator

from ..errors import InputError
from ..records import Article
from .checks import DEFAULT_MAX_TEXT_BYTES, add_warning, check_article
from .decode import Inflater, decode_bytes
from .revisions import TEASER_WORDS  # a feed item shorter than this is a teaser: its linked page is read

__all__ = ["Fetched", "fetch", "is_url", "read_url", "DEFAULT_TIMEOUT", "TEASER_WORDS"]

DEFAULT_TIMEOUT = 20.0     # seconds one read of a response may wait
WHOLE_ANSWER = 3           # past this many timeouts (a minute by default) a response must come
MIN_RATE = 2_000           # at this many bytes a second on average, or it is given up
DEFAULT_MAX_BYTES = 20_000_000
PAGE_WORKERS = 4            # linked pages fetched at once
USER_AGENT = "storyline/0.1 (news story consolidation)"
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


def is_url(s: str) -> bool:
    """Whether ``s`` is an http(s) URL (what ``read_url`` reads)."""
    return bool(_URL.match(s.strip()))


@dataclass(frozen=True)
class Fetched:
    """One response: the final URL (after redirects), its media type and charset, the body, and
    the validators to send next time (``etag``, ``last_modified``)."""

    url: str
    content_type: str
    charset: str | None
    data: bytes
    etag: str | None = None
    last_modified: str | None = None


def _reason(exc: BaseException) -> str:
    """What went wrong, on one line."""
    return " ".join(_reason_lines(exc).split())


def _reason_lines(exc: BaseException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        return "the server closed the connection before the end of its answer"
    if isinstance(exc, http.client.BadStatusLine) and not isinstance(exc, ConnectionError):
        return f"the server's answer is no HTTP ({str(exc).strip()[:80]!r})"
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308) and "infinite loop" in str(exc.msg):
            return f"HTTP {exc.code}: redirected in a loop or too many times"
        return f"HTTP {exc.code} {exc.reason}".strip()
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "no answer in time (timed out)"
    if isinstance(exc, urllib.error.URLError):
        inner = exc.reason
        if isinstance(inner, (socket.timeout, TimeoutError)):
            return "no answer in time (timed out)"
        if isinstance(inner, socket.gaierror):
            return "host not found"
        if isinstance(inner, ConnectionRefusedError):
            return "connection refused"
        return f"cannot connect ({inner})"
    return f"{type(exc).__name__}: {exc}"


def _body(resp: object, where: str, max_bytes: int, encoding: str, start: float, timeout: float) -> bytes:
    """The response body, read as it comes: at most ``max_bytes`` (compressed and once decompressed,
    inflated as it arrives, so that a small bomb never fills memory), and no slower on average than
    ``MIN_RATE`` bytes a second once ``WHOLE_ANSWER`` timeouts have passed (a server that sends a byte
    now and then is not waited on for ever; ``timeout`` bounds each read only)."""
    read = getattr(resp, "read1", None) or getattr(resp, "read")
    inflate = Inflater(gz=encoding != "deflate", limit=max_bytes) if encoding in ("gzip", "x-gzip", "deflate") else None
    chunks: list[bytes] = []
    raw = 0
    while True:
        spent = time.monotonic() - start
        if spent > 10 * WHOLE_ANSWER * timeout:
            raise InputError(where, f"no complete answer in {10 * WHOLE_ANSWER * timeout:.0f} s")
        if spent > WHOLE_ANSWER * timeout and raw < MIN_RATE * spent:
            raise InputError(where, f"the server sends too slowly ({raw / spent / 1000:.1f} kB/s after {spent:.0f} s)")
        chunk = read(1 << 16)
        if not chunk:
            break
        raw += len(chunk)
        if raw > max_bytes:
            raise InputError(where, f"response is over the {max_bytes / 1e6:.0f} MB limit (max_article_bytes)")
        if inflate is not None:
            try:
                chunk = inflate.feed(chunk)
            except zlib.error as exc:
                raise InputError(where, f"response body could not be decompressed ({exc})") from exc
            if inflate.over:
                raise InputError(where, f"response is over the {max_bytes / 1e6:.0f} MB limit once decompressed "
                                        "(max_article_bytes)")
        chunks.append(chunk)
    if inflate is not None and raw and not inflate.ended:
        raise InputError(where, "response body could not be decompressed (it ends before its compressed stream)")
    return b"".join(chunks)


_URL_KEEP = "!#$%&'()*+,/:;=?@[]~"   # reserved and unreserved characters, and escapes already made


def _wire_url(url: str) -> str:
    """``url`` as a browser sends it: spaces and other characters a URL may not hold written as
    UTF-8 %-escapes ("/a page" -> "/a%20page", "/Münster" -> "/M%C3%BCnster"), an international
    host name in its ASCII form; an address that needs nothing is given back as it is."""
    if url.isascii() and not any(c.isspace() or c < " " or c in '"<>\\^`{|}' for c in url):
        return url
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc
    if not host.isascii():
        userinfo, at, hostport = host.rpartition("@")
        name, colon, port = hostport.partition(":") if hostport.count(":") == 1 else (hostport, "", "")
        try:
            host = userinfo + at + name.encode("idna").decode("ascii") + colon + port
        except UnicodeError:
            pass   # (left as it is: the request says the host is not found)
    return urllib.parse.urlunsplit((parts.scheme, host, *(urllib.parse.quote(x, safe=_URL_KEEP)
                                                          for x in (parts.path, parts.query, parts.fragment))))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          etag: str | None = None, last_modified: str | None = None) -> Fetched | None:
    """GET ``url``. None when the server answers 304 Not Modified to the validators given; raises
    InputError naming the URL on any failure (HTTP status, connection, timeout, size)."""
    where = url.strip()
    if not is_url(where):
        raise InputError(where, "not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip",
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                         "text/html;q=0.9, application/json;q=0.8, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    req = urllib.request.Request(_wire_url(where), headers=headers)
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - the scheme is checked above
            info: Message = resp.headers
            data = _body(resp, where, max_bytes, (info.get("Content-Encoding") or "").lower(), start, timeout)
            return Fetched(url=resp.geturl() or where, content_type=info.get_content_type(),
                           charset=info.get_content_charset(), data=data,
                           etag=info.get("ETag"), last_modified=info.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None
        raise InputError(where, _reason(exc)) from None
    except InputError:
        raise
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(where, _reason(exc)) from None


def _text_of(got: Fetched, where: str) -> str:
    if got.charset:
        try:
            return got.data.decode(got.charset, errors="replace")
        except LookupError:  # an unknown charset name: detect it instead
            pass
    return decode_bytes(got.data, where)[0]


def _kind_of(got: Fetched, text: str) -> str:
    """What the body is: by its first characters (as a file of unknown kind), else by its media type."""
    from .files import sniff

    ct = got.content_type
    if "rss" in ct or "atom" in ct:
        return "feed"
    kind = sniff(text)
    if kind != "text":
        return kind
    if "json" in ct:
        return "json"
    if "html" in ct:
        return "html"
    return "feed" if "xml" in ct else "text"


def _words(text: str) -> int:
    return len(text.split())


_NAME_WORD = re.compile(r"[^\W\d_]{4,}")


def _tells_the_item(item: Article, page: str) -> bool:
    """Whether a linked page tells the feed item's story: it holds at least half of the item's title
    and teaser words (of four letters or more, at most the first 20), or the item has none."""
    told = f"{item.title or ''} {item.text}"
    head = (item.title or item.text)[:200]
    if sum(1 for c in head if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or "\u0e00" <= c <= "\u0e7f") \
            > len(head) / 3:
        return True   # Chinese, Japanese, Thai: no spaces between words to compare by
    words = list(dict.fromkeys(w.lower() for w in _NAME_WORD.findall(told)))[:20]
    if len(words) < 2:
        return True
    on_page = {w.lower() for w in _NAME_WORD.findall(page)}
    return sum(w in on_page for w in words) >= len(words) / 2


def _with_page(item: Article, where: str, page: Article | InputError) -> Article:
    """A feed item completed by its linked page: the page's text when it is longer; the feed's
    title, date and source first (the feed states them on purpose), the page's when missing."""
    if isinstance(page, InputError):
        return add_warning(item, where, f"kept the feed's teaser: the linked page {page.where} could not be read "
                                           f"({page.reason})")
    if _words(page.text) <= _words(item.text):
        return item
    if not _tells_the_item(item, page.text):
        return add_warning(item, where, f"kept the feed's teaser: the linked page {page.url or item.url} does not tell "
                                        "the item's story (a consent, login or error page?)")
    return replace(item, text=page.text, title=item.title or page.title, published=item.published or page.published,
                   source=item.source or page.source,
                   meta={**item.meta, "full_text": "linked page", "page_url": page.url or item.url})


def read_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
             max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES, full_text: bool = True,
             known: Callable[[Article], bool] | None = None, validators: dict[str, str] | None = None,
             retry: Callable[[str], int] | None = None,
             fetcher: Callable[..., Fetched | None] = fetch,
             hold: Callable[[Article], None] | None = None,
             seen: set[str] | None = None) -> Iterator[Article | InputError]:
    """The articles at ``url``: a feed's items (teasers completed from their linked pages when
    ``full_text``), a page's article, or a JSON / JSON Lines export. ``known(item)`` says a feed
    item is already stored as the feed now states it (its page is then not fetched again, and it is
    not yielded; a changed item is read again).
    ``validators`` (``etag``, ``last_modified``) make the request conditional and are updated in
    place with the response's; an unchanged resource yields nothing. ``retry`` (a poll that comes
    back) is called with the id of a feed item whose linked page could not be read and says how many
    more polls may read it again: while that is above 0 the item is reported, not kept as a teaser,
    and the validators are dropped, so that the next poll reads the feed in full and fetches that page
    again (a page not up yet, a server busy for a while); at 0 the teaser is kept with a warning.
    ``hold`` is given each teaser so held back (its warning on it), for the caller to store should the
    item leave the feed before its page is read; ``seen`` collects the ids of the feed's items."""
    where = url.strip()
    v = validators if validators is not None else {}
    try:
        got = fetcher(where, timeout=timeout, max_bytes=max_bytes, etag=v.get("etag"),
                      last_modified=v.get("last_modified"))
    except InputError as exc:
        yield exc
        return
    if got is None:     # 304: nothing new since the last fetch
        return
    for key, value in (("etag", got.etag), ("last_modified", got.last_modified)):
        if value:
            v[key] = value
        else:
            v.pop(key, None)
    try:
        text = _text_of(got, where)
    except InputError as exc:
        yield exc
        return
    kind = _kind_of(got, text)
    if kind == "feed":
        v["kind"] = "feed"
        yield from _feed_articles(text, where, timeout=timeout, max_bytes=max_bytes, max_text_bytes=max_text_bytes,
                                  full_text=full_text, known=known, fetcher=fetcher, base=got.url,
                                  retry=retry, on_retry=lambda: _forget_validators(v),
                                  hold=hold, seen=seen)
        return
    if v.get("kind") == "feed" and kind in ("html", "text"):
        # a feed's address answering a page: a maintenance or error page served with 200, no news
        _forget_validators(v)
        yield InputError(where, f"answered {'an HTML page' if kind == 'html' else 'plain text'}, not the feed it "
                                "served before (a maintenance or error page?); nothing stored, read again at the next poll")
        return
    if kind in ("json", "jsonl"):
        from .jsonl import parse_json, parse_jsonl

        body = text.strip()
        # an array or one object is JSON; objects one per line (whatever the media type says) JSON Lines
        lines = body.startswith("{") and "\n{" in body.replace("\r\n", "\n")
        if lines:
            yield from parse_jsonl(text, where, max_text_bytes=max_text_bytes)
        else:
            yield from parse_json(text, where, max_text_bytes=max_text_bytes)
        return
    try:
        if kind == "html":
            from .html import parse_html

            article = parse_html(text, where, url=got.url)
        else:
            from .text import parse_text_article

            article = replace(parse_text_article(text, where), url=got.url)
        yield check_article(article, where, max_text_bytes=max_text_bytes)
    except InputError as exc:
        yield exc


def _forget_validators(v: dict[str, str]) -> None:
    """Drop a URL's validators (not what it served, ``kind``): its next poll reads it in full."""
    v.pop("etag", None)
    v.pop("last_modified", None)


def _page(url: str, *, timeout: float, max_bytes: int, max_text_bytes: int,
          fetcher: Callable[..., Fetched | None]) -> Article | InputError:
    from .html import parse_html

    try:
        got = fetcher(url, timeout=timeout, max_bytes=max_bytes)
        if got is None:
            return InputError(url, "server answered 304 Not Modified to a plain request")
        return check_article(parse_html(_text_of(got, url), url, url=got.url), url, max_text_bytes=max_text_bytes)
    except InputError as exc:
        return exc


def _feed_articles(text: str, where: str, *, timeout: float, max_bytes: int, max_text_bytes: int, full_text: bool,
                   known: Callable[[Article], bool] | None, fetcher: Callable[..., Fetched | None],
                   retry: Callable[[str], int] | None = None,
                   on_retry: Callable[[], None] | None = None,
                   base: str | None = None, hold: Callable[[Article], None] | None = None,
                   seen: set[str] | None = None) -> Iterator[Article | InputError]:
    from .feeds import parse_feed

    items: list[Article | InputError] = []
    for item in parse_feed(text, where, max_text_bytes=max_text_bytes, allow_empty=full_text, base=base):
        if isinstance(item, Article) and seen is not None:
            seen.add(item.id)
        if isinstance(item, Article) and known is not None and known(item):
            continue
        items.append(item)
    teasers = [i for i, a in enumerate(items) if full_text and isinstance(a, Article) and a.url
               and is_url(a.url) and _words(a.text) < TEASER_WORDS]
    if not teasers:
        yield from (_no_text(item, where) for item in items)
        return
    with ThreadPoolExecutor(max_workers=min(PAGE_WORKERS, len(teasers))) as pool:
        # pages arrive in item order as they are fetched (a progress bar moves with them)
        pages = iter(pool.map(lambda i: _page(items[i].url or "", timeout=timeout, max_bytes=max_bytes,  # type: ignore[union-attr]
                                              max_text_bytes=max_text_bytes, fetcher=fetcher), teasers))
        wanted = set(teasers)
        for i, item in enumerate(items):
            if i not in wanted or not isinstance(item, Article):
                yield _no_text(item, where)
                continue
            page = next(pages)
            loc = f"{where}#item{item.meta.get('feed_item', i + 1)}"
            left = retry(item.id) if retry is not None and isinstance(page, InputError) else 0
            if left > 0 and isinstance(page, InputError):
                if on_retry is not None:
                    on_retry()      # the next poll reads the whole feed again
                tries = "1 more try" if left == 1 else f"{left} more tries"
                if hold is not None and item.text.strip():
                    hold(_with_page(item, loc, page))   # the teaser, should the item leave the feed
                yield InputError(loc, f"the linked page {page.where} could not be read ({page.reason}); "
                                      f"the item is read again at the next poll ({tries} at most)")
                continue
            done = _with_page(item, loc, page)
            if not done.text.strip():
                reason = page.reason if isinstance(page, InputError) else "no text"
                yield InputError(loc, f"feed item {item.title!r} has no text, and its linked page could not be "
                                      f"read ({reason})")
                continue
            yield done


def _no_text(item: Article | InputError, where: str) -> Article | InputError:
    """``item`` as it is, or an error for an item left without text (no teaser, no page read)."""
    if isinstance(item, Article) and not item.text.strip():
        return InputError(str(item.meta.get("where", where)), f"feed item {item.title!r} has no text "
                          "(no content or description, and no readable linked page)")
    return item
