"""The checks every article passes at the ingest edge, whatever it came from (file, folder, JSONL
line, feed item, WARC record, HTTP POST, dict):

- text that UTF-8 and SQLite cannot hold (lone surrogates from JSON ``"\\ud800"`` escapes, NUL
  characters) is cleaned: each such code point becomes U+FFFD, one for one, so offsets stay valid;
- an article whose text is over the per-article limit is rejected ("article text too long");
- a publication date outside the sane range (before 1800, or more than two days after today) is
  dropped: the article is kept without a date (one is inferred later, as for any undated article)
  and a warning naming the input says so. So is a date more than a day after the page's capture (a
  WARC record's WARC-Date, a saved page's date): a page is not published after it was fetched, and
  the article is then dated as any undated capture is. An impossible date ("2024-02-31",
  "2024-13-45") is still an error, as before: the input is malformed, not merely implausible;
- the language is told from the words when the source does not name it (``language.py``);
- a page that is no article but a site's notice to its reader (a web archive's capture note, a cookie
  wall, a log-in or JavaScript notice, a tweet's embed text, a page of menus) is left aside: a
  NotAnArticle "no article text: a web-archive notice", as a page with no text at all is (an ingest
  counts these apart from the inputs that failed); a site's
  lines among an article's paragraphs ("Advertisement", an embed's notice) are dropped from its text
  (``notices.py``). A feed item's text (a teaser, its linked page read for the article) is not judged.

Warnings travel with the article in ``meta["warnings"]`` (a list of {"where", "reason"}), so the
CLI and the HTTP API can show them and the store keeps them as provenance.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ..errors import InputError, NotAnArticle
from ..records import Article
from .language import detect_language
from .notices import read_page

__all__ = ["clean_text", "clean_value", "check_article", "date_problem", "text_size_problem",
           "add_warning", "CAPTURE_GRACE_DAYS", "DEFAULT_MAX_TEXT_BYTES", "EARLIEST_DATE", "FUTURE_DAYS"]

DEFAULT_MAX_TEXT_BYTES = 1_000_000
EARLIEST_DATE = date(1800, 1, 1)
FUTURE_DAYS = 2
CAPTURE_GRACE_DAYS = 1  # a page's own date may run a day ahead of its UTC capture time (its time zone)

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(s: str) -> str:
    """``s`` with every code point UTF-8 cannot encode (surrogates) and every NUL replaced by U+FFFD,
    one for one: offsets into the result are offsets into ``s``."""
    return _UNSTORABLE.sub("\ufffd", s) if _UNSTORABLE.search(s) else s


def clean_value(value: Any) -> Any:
    """``clean_text`` applied to every string in a JSON-like value (dict keys included)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    return value


def text_size_problem(text: str, limit: int) -> str | None:
    """"article text too long (N bytes, limit M: ...)" when ``text`` is over ``limit`` UTF-8 bytes,
    naming the setting that raises the limit."""
    if limit <= 0 or len(text) * 4 <= limit:  # a code point is at most 4 bytes
        return None
    n = len(text.encode("utf-8", "surrogatepass"))
    if n <= limit:
        return None
    return f"article text too long ({n:,} bytes, limit {limit:,}: set max_article_text_bytes to raise it)"


def date_problem(published: date | None, today: date | None = None, captured: date | None = None) -> str | None:
    """Why ``published`` cannot be a news article's date (before 1800, more than two days after
    today, or more than a day after ``captured``, the day a crawler fetched its page: a page is not
    published after it was fetched; a day's grace for a page dated in a time zone ahead of the
    crawler's UTC), or None when it can."""
    if published is None:
        return None
    if captured is not None and published > captured + timedelta(days=CAPTURE_GRACE_DAYS):
        return (f"publication date {published.isoformat()} is after the page's capture on "
                f"{captured.isoformat()}; the date was dropped and the article kept")
    today = today or date.today()
    latest = today + timedelta(days=FUTURE_DAYS)
    if published < EARLIEST_DATE:
        return (f"publication date {published.isoformat()} is before {EARLIEST_DATE.isoformat()}; "
                "the date was dropped and the article kept")
    if published > latest:
        return (f"publication date {published.isoformat()} is after {latest.isoformat()} (more than "
                f"{FUTURE_DAYS} days from today); the date was dropped and the article kept")
    return None


def add_warning(article: Article, where: str, reason: str) -> Article:
    """``article`` with one more warning in ``meta["warnings"]``."""
    warnings = [*article.meta.get("warnings", ()), {"where": where, "reason": reason}]
    return replace(article, meta={**article.meta, "warnings": warnings})


# second-level labels under which a country's sites are registered ("bbc.co.uk", "abc.net.au")
_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go".split())


def site_of(url: str | None) -> str | None:
    """The site of a web address, as an outlet's name: its host without "www." and without a
    subdomain of the registered name ("https://edition.cnn.com/2011/..." -> "cnn.com",
    "http://news.bbc.co.uk/..." -> "bbc.co.uk"); None when it has no host name."""
    if not url or "://" not in url:
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0].lower().strip(".")
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2 or all(x.isdigit() for x in labels):
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def check_article(article: Article, where: str, *, max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
                  today: date | None = None, detect_lang: bool = True, notices: bool = True) -> Article:
    """``article`` as the store may take it: strings cleaned, an absurd date dropped (with a warning),
    its language told from its words unless ``detect_lang`` is False (the source named it), a site's
    lines dropped from its text (unless ``notices`` is False: an article the caller hands in as one,
    ``read_article`` of a dict or a text). Raises InputError naming ``where`` when its text is over
    ``max_text_bytes``, or NotAnArticle when (``notices``) it is no article but a site's notice
    (``notices.read_page``)."""
    problem = text_size_problem(article.text, max_text_bytes)
    if problem:
        raise InputError(where, problem)
    changes: dict[str, Any] = {}
    for name in ("text", "title", "source", "url"):
        value = getattr(article, name)
        if isinstance(value, str):
            cleaned = clean_text(value)
            if cleaned is not value:
                changes[name] = cleaned
    if notices and "feed_item" not in article.meta:
        text = changes.get("text", article.text)
        what, kept = read_page(text)
        if what:
            raise NotAnArticle(where, f"no article text: {what}")
        if kept is not text:
            changes["text"] = kept
    if not (changes.get("source", article.source) or "").strip():
        site = site_of(changes.get("url", article.url))
        if site:
            changes["source"] = site  # no outlet named: the site of its address
    if changes:
        article = replace(article, **changes)
    if detect_lang:
        lang = detect_language(((article.title or "") + "\n" + article.text).strip(), default=article.lang)
        if lang != article.lang:
            article = replace(article, lang=lang)
    why = date_problem(article.published, today, article.captured)
    if why:
        article = add_warning(replace(article, published=None, published_inferred=False), where, why)
    return article
