"""HTML pages: main text, title and date extracted with trafilatura."""

from __future__ import annotations

import logging

from ..errors import InputError
from ..records import Article
from .records_in import parse_published

__all__ = ["parse_html"]


class _NoDiscardNotice(logging.Filter):
    """trafilatura logs "discarding data: None" at WARNING for every page it finds no text in; the
    caller reports that page once, as an input error, so the notice is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("discarding data")


_FILTER = _NoDiscardNotice()


def _quiet_trafilatura() -> None:
    log = logging.getLogger("trafilatura.core")
    if _FILTER not in log.filters:
        log.addFilter(_FILTER)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _without_headline(text: str, title: str | None) -> str:
    """The text without its first line when that line is the page's title (trafilatura keeps the
    article's <h1> in the text; the title is the Article's own field, and a headline left in the
    text would run into the first sentence, which has no full stop before it)."""
    first, sep, rest = text.partition("\n")
    if title and sep and rest.strip() and _squash(first) == _squash(title):
        return rest.strip()
    return text


def parse_html(html: str, where: str, *, url: str | None = None) -> Article:
    """Extract the article in an HTML page. Raises InputError when no article text is found."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - trafilatura is a core dependency
        raise InputError(where, "reading HTML needs trafilatura: pip install trafilatura") from exc
    if not html.strip():
        raise InputError(where, "empty HTML page")
    _quiet_trafilatura()
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(where, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    text = (doc or {}).get("text") or ""
    if not text.strip():
        raise InputError(where, "no article text found in the HTML page")
    title = (doc or {}).get("title") or None
    text = _without_headline(text.strip(), title)
    try:
        published = parse_published((doc or {}).get("date"), where)
    except InputError:
        published = None
    return Article(
        text=text,
        title=title,
        published=published,
        source=(doc or {}).get("sitename") or None,
        url=url or (doc or {}).get("url") or None,
        meta={"path": where},
    )
