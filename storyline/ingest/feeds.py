"""RSS 2.0 and Atom feeds: one Article per item, text from the item's content or description."""

from __future__ import annotations

import html as htmllib
import re
from email.utils import parsedate_to_datetime
from typing import Iterator
from xml.etree.ElementTree import Element

from ..errors import InputError
from ..records import Article
from .records_in import parse_published

__all__ = ["parse_feed"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block tags become paragraph breaks, entities decoded."""
    s = _SCRIPT.sub(" ", fragment)
    s = _BLOCK_TAG.sub("\n\n", s)
    s = htmllib.unescape(_TAG.sub("", s))
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", s)]
    return "\n\n".join(p for p in paras if p)


def _date(raw: str | None, where: str):  # type: ignore[no-untyped-def]
    if not raw:
        return None
    raw = raw.strip()
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_published(raw, where)
    except InputError:
        return None


def _text(el: Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def parse_feed(text: str, where: str) -> Iterator[Article | InputError]:
    """Articles of an RSS or Atom document; a broken feed or item is reported, never raised."""
    try:
        from defusedxml.ElementTree import fromstring
    except ImportError:  # pragma: no cover - defusedxml is a core dependency
        from xml.etree.ElementTree import fromstring
    try:
        root = fromstring(text.encode("utf-8"))
    except Exception as exc:  # ParseError, defusedxml's forbidden constructs
        yield InputError(where, f"malformed feed XML ({type(exc).__name__}: {exc})")
        return
    feed_title = _text(root.find("channel/title")) or _text(root.find(f"{_ATOM}title")) or None
    items = root.findall("channel/item") or root.findall("item") or root.findall(f"{_ATOM}entry")
    if not items:
        yield InputError(where, "feed has no <item> or <entry> elements")
        return
    for i, item in enumerate(items, start=1):
        loc = f"{where}#item{i}"
        atom = item.tag.startswith(_ATOM)
        if atom:
            title = _text(item.find(f"{_ATOM}title"))
            link_el = item.find(f"{_ATOM}link[@rel='alternate']") or item.find(f"{_ATOM}link")
            url = link_el.get("href") if link_el is not None else None
            raw_date = _text(item.find(f"{_ATOM}published")) or _text(item.find(f"{_ATOM}updated"))
            body = _text(item.find(f"{_ATOM}content")) or _text(item.find(f"{_ATOM}summary"))
            source = feed_title
        else:
            title = _text(item.find("title"))
            url = _text(item.find("link")) or None
            raw_date = _text(item.find("pubDate")) or _text(item.find(_DC_DATE))
            body = _text(item.find(_CONTENT)) or _text(item.find("description"))
            source = feed_title
        text = html_to_text(body)
        if not text:
            yield InputError(loc, f"feed item {title!r} has no text (no content or description)")
            continue
        yield Article(text=text, title=title or None, published=_date(raw_date, loc), source=source,
                      url=url, meta={"path": where, "feed_item": i})
