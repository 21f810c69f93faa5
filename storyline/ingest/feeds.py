"""RSS 2.0 and Atom feeds: one Article per item, text from the item's content or description."""

from __future__ import annotations

import html as htmllib
import re
from datetime import date
from html.entities import html5 as _HTML5
from email.utils import parsedate_to_datetime
from typing import Iterator
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

from ..errors import InputError, NotAnArticle
from ..records import Article
from .checks import DEFAULT_MAX_TEXT_BYTES, add_warning, check_article
from .records_in import parse_published
from .revisions import item_digest
from .web import is_url

__all__ = ["parse_feed"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"   # RSS 1.0 (RDF): its items stand beside the channel
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


# the line a blog's feed adds under each item ("The post Bridge reopens appeared first on Town News.")
_APPEARED_FIRST = re.compile(r"^The post .{1,400} appeared first on .{1,120}$")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block tags become paragraph breaks, entities decoded; a last
    paragraph that only says where the item first appeared (``_APPEARED_FIRST``) is dropped."""
    s = _SCRIPT.sub(" ", fragment)
    s = _BLOCK_TAG.sub("\n\n", s)
    s = htmllib.unescape(_TAG.sub("", s))
    paras = [p for p in (" ".join(p.split()) for p in re.split(r"\n\s*\n", s)) if p]
    if len(paras) > 1 and _APPEARED_FIRST.match(paras[-1]):
        paras.pop()
    return "\n\n".join(paras)


_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")


def html_entities_to_xml(text: str) -> str:
    """``text`` with the HTML named entities that XML does not define (``&nbsp;``, ``&eacute;``...)
    written as numeric character references, which every XML parser reads. Unknown names are left
    for the parser to report."""
    def ref(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES:
            return m.group(0)
        chars = _HTML5.get(name + ";")
        return "".join(f"&#{ord(c)};" for c in chars) if chars else m.group(0)

    return _ENTITY.sub(ref, text) if "&" in text else text


def _date(raw: str | None, where: str) -> tuple[date | None, str | None]:
    """The item's date, and a warning when it has one that cannot be read."""
    if not raw:
        return None, None
    raw = raw.strip()
    try:
        return parsedate_to_datetime(raw).date(), None
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return parse_published(raw, where), None
    except InputError:
        return None, f"unreadable date {raw[:60]!r}; the item was read without a date"


def _text(el: Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


# a link's tracking parameters: the same article reached from a newsletter, a feed or a share button
# (only the families that never name an article: a site may keep its article's id in "ref" or "ito")
_TRACKING = re.compile(r"^(?:utm_[\w-]*|fbclid|gclid|dclid|mc_cid|mc_eid)=", re.IGNORECASE)


def without_tracking(url: str) -> str:
    """``url`` without its tracking parameters ("?utm_source=rss"): one article, one address, so that
    an item seen again under a campaign's link is known as stored. The rest of the query and the
    fragment stay as written (a live blog's "#post-101", a "#!/article/991" route name articles)."""
    url = url.strip()
    end = url.find("#")
    end = len(url) if end < 0 else end
    q = url.find("?", 0, end)      # (a "?" inside the fragment is the fragment's)
    if q < 0:
        return url
    pieces = re.split(r"([&;])", url[q + 1:end])   # values and the separators between them, as written
    kept: list[str] = []
    for k in range(0, len(pieces), 2):
        if pieces[k] and not _TRACKING.match(pieces[k]):
            kept += ([pieces[k - 1]] if kept else []) + [pieces[k]]
    return url[:q] + ("?" + "".join(kept) if kept else "") + url[end:]


_PREFIX = re.compile(r"<(/?)[\w.-]+:")


def _markup(el: Element | None) -> str:
    """An item's content as HTML: its text (escaped or CDATA HTML), or the markup written inside it
    (Atom's ``type="xhtml"``, a description holding bare ``<p>`` elements)."""
    if el is None:
        return ""
    if len(el) == 0:
        return _text(el)
    from xml.etree.ElementTree import tostring

    inner = (el.text or "") + "".join(tostring(child, encoding="unicode") for child in el)
    return _PREFIX.sub(r"<\1", inner).strip()   # "<ns0:p xmlns:ns0=...>" -> "<p ...>"


def parse_feed(text: str, where: str, *, max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
               allow_empty: bool = False, base: str | None = None) -> Iterator[Article | InputError]:
    """Articles of an RSS or Atom document; a broken feed or item is reported, never raised. HTML
    entities (``&nbsp;``) are read though XML does not define them; an unreadable date is a
    warning on its item (``meta["warnings"]``). ``allow_empty``: an item without text but with a
    link is yielded with empty text (the caller reads the linked page)."""
    try:
        root, broken = _parse_xml(text)
    except Exception as exc:  # ParseError, defusedxml's forbidden constructs
        yield InputError(where, f"malformed feed XML ({type(exc).__name__}: {exc})")
        return
    feed_title = _text(root.find("channel/title")) or _text(root.find(f"{_ATOM}title")) \
        or _text(root.find(f"{_RSS1}channel/{_RSS1}title")) or None
    items = root.findall("channel/item") or root.findall("item") or root.findall(f"{_ATOM}entry") \
        or root.findall(f"{_RSS1}item")
    if broken is not None:
        # read leniently: only the items the document closes are whole (a feed cut off mid-item)
        items = items[:len(_ITEM_END.findall(text))]
    if not items:
        yield InputError(where, f"malformed feed XML ({broken})" if broken is not None
                         else "feed has no <item> or <entry> elements")
        return
    base = base or where
    for el in (root, root.find("channel")):
        if el is not None and el.get(_XML_BASE):
            try:
                base = urljoin(base, el.get(_XML_BASE, ""))
            except ValueError:   # a malformed xml:base is no base
                pass
    yield from _items(items, where, feed_title, max_text_bytes, allow_empty, base)
    if broken is not None:
        yield InputError(where, f"malformed feed XML ({broken}); the {len(items)} whole item(s) were read")


# an "&" that starts no reference XML reads (HTML's named ones are numeric by then): a bare "&", an
# unknown name ("&bogus;")
_BARE_AMP = re.compile(r"&(?!#\d{1,7};|#x[0-9A-Fa-f]{1,6};|(?:amp|lt|gt|quot|apos);)")
_CDATA = re.compile(r"(<!\[CDATA\[.*?\]\]>)", re.DOTALL)


def _xml_safe(text: str) -> str:
    """``text`` with HTML's named entities as numeric references (``html_entities_to_xml``) and a
    bare "&" escaped ("Bread & Butter", the commonest fault of hand-made feeds, means itself, as
    does an "&" before a name no one defines), outside CDATA sections, whose text is literal."""
    if "&" not in text:
        return text
    parts = _CDATA.split(text)
    return "".join(p if k % 2 else _BARE_AMP.sub("&amp;", html_entities_to_xml(p)) for k, p in enumerate(parts))


_ITEM_END = re.compile(r"</(?:[\w.-]+:)?(?:item|entry)\s*>")
_DECLARED_ENCODING = re.compile(r"^(\ufeff?\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")


def _parse_xml(text: str) -> tuple[Element, str | None]:
    """The feed's root element, and None, or the strict parser's complaint when the document is not
    well-formed XML (a bare "&" in a title, a feed cut off mid-item) and was read leniently
    (lxml's recovering parser: no DTD, no entity expansion, no network). Constructs that
    defusedxml forbids (entity bombs, external entities) are never read."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import fromstring
    except ImportError:  # pragma: no cover - defusedxml is a core dependency
        from xml.etree.ElementTree import fromstring

        class DefusedXmlException(ValueError):  # type: ignore[no-redef]
            pass
    # the text is decoded already: a declaration naming another encoding ("ISO-8859-1", "UTF-16")
    # would have the parser decode it a second time
    text = _DECLARED_ENCODING.sub(r"\1", text, count=1)
    data = _xml_safe(text).encode("utf-8", "surrogatepass")
    try:
        return fromstring(data), None
    except DefusedXmlException:
        raise
    except Exception as exc:
        strict = f"{type(exc).__name__}: {exc}"
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    root = etree.fromstring(data, parser)
    if root is None:
        raise ValueError(strict)
    return root, strict


def _items(items: list[Element], where: str, feed_title: str | None, max_text_bytes: int,
           allow_empty: bool, base: str) -> Iterator[Article | InputError]:
    for i, item in enumerate(items, start=1):
        loc = f"{where}#item{i}"
        atom = item.tag.startswith(_ATOM)
        if atom:
            title = _text(item.find(f"{_ATOM}title"))
            # the page itself: a link with rel "alternate" or none ("self", "edit", "replies" are others)
            link_el = next((el for el in item.findall(f"{_ATOM}link") if el.get("rel", "alternate") == "alternate"), None)
            url = link_el.get("href") if link_el is not None else None
            updated = _text(item.find(f"{_ATOM}updated"))
            raw_date = _text(item.find(f"{_ATOM}published")) or updated
            body = _markup(item.find(f"{_ATOM}content")) or _markup(item.find(f"{_ATOM}summary"))
        else:
            ns = _RSS1 if item.tag == f"{_RSS1}item" else ""
            title = _text(item.find(f"{ns}title"))
            url = _text(item.find(f"{ns}link")) or None
            guid = item.find("guid")
            if url is None and guid is not None and guid.get("isPermaLink", "true") == "true" and is_url(_text(guid)):
                url = _text(guid)     # a permalink guid is the item's address
            raw_date = _text(item.find("pubDate")) or _text(item.find(_DC_DATE))
            updated = _text(item.find(f"{_ATOM}updated"))
            body = _markup(item.find(_CONTENT)) or _markup(item.find(f"{ns}description"))
        source = feed_title
        if url and not is_url(url):
            # "/story/1" on the feed's site: against the item's or the feed's xml:base, else the
            # address the feed was read from (after redirects)
            try:
                xml_base = item.get(_XML_BASE)
                here = urljoin(base, xml_base) if xml_base else base
                url = urljoin(here, url) if is_url(here) else url
            except ValueError:   # a malformed base ("http://[::1"): the link as written
                pass
        if url:
            url = without_tracking(url)
        text = html_to_text(body)
        if not text and not (allow_empty and url):
            yield NotAnArticle(loc, f"feed item {title!r} has no text (no content or description)")
            continue
        published, date_warning = _date(raw_date, loc)
        try:
            article = check_article(Article(text=text, title=title or None, published=published, source=source,
                                            url=url, meta={"path": where, "feed_item": i, "where": loc,
                                                          "item_digest": item_digest(title, text, updated)}),
                                    loc, max_text_bytes=max_text_bytes)
        except InputError as exc:
            yield exc
            continue
        yield add_warning(article, loc, date_warning) if date_warning else article
