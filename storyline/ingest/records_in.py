"""Dicts (from JSON, JSONL or the HTTP API) to Articles."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Mapping

from ..errors import InputError, NotAnArticle
from ..records import Article
from .checks import DEFAULT_MAX_TEXT_BYTES, check_article, clean_value, text_size_problem

__all__ = ["article_from_dict", "parse_published"]

_KNOWN = {"id", "url", "source", "title", "published", "text", "lang"}
_ALIASES = {"date": "published", "body": "text", "content": "text", "link": "url", "headline": "title"}
# names of news APIs and site exports, taken only when the field is still empty and the value is
# usable (a date that parses, a name that is not blank); otherwise they stay in ``meta``
_FALLBACKS = {"publishedAt": "published", "published_at": "published", "pubDate": "published",
              "datePublished": "published", "publisher": "source", "outlet": "source"}


def _named(value: Any) -> Any:
    """A source given as an object, as news APIs export it (``{"id": "bbc-news", "name": "BBC
    News"}``), is its name; a blank one is none; anything else is left for the checks below."""
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title") or value.get("id") or None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _usable(key: str, value: Any, where: str) -> bool:
    """Whether a fallback's value can fill ``key``: a date that parses, a source with a name."""
    if key == "source":
        return isinstance(_named(value), str)
    try:
        return isinstance(value, str) and parse_published(value, where) is not None
    except InputError:
        return False


def parse_published(value: Any, where: str) -> date | None:
    """None, a date, an ISO date/datetime string ("2019-01-08", "2019-01-08T10:00:00Z") or an RFC 2822
    one ("Tue, 08 Jan 2019 10:00:00 GMT")."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(where, f"'published' must be a string YYYY-MM-DD or null, got {type(value).__name__}")
    s = value.strip()
    try:
        if len(s) > 10:
            return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        return date.fromisoformat(s)
    except ValueError as exc:
        rfc = _rfc2822_date(s)
        if rfc is not None:
            return rfc
        why = str(exc) if "isoformat" not in str(exc) else "use YYYY-MM-DD, an ISO date-time or an RFC 2822 date"
        raise InputError(where, f"'published' is not a valid date: {value!r} ({why})") from exc


def _rfc2822_date(s: str) -> date | None:
    """The date of an RFC 2822 date-time ("Tue, 11 Mar 2025 10:00:00 GMT", as feeds and mail
    write them; many JSON exports copy it), None when ``s`` is not one."""
    from email.utils import parsedate_to_datetime

    if not any(c.isalpha() for c in s):  # "11/03/2025" and other bare numbers stay unread
        return None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def article_from_dict(data: Mapping[str, Any], where: str, *,
                      max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES, notices: bool = True) -> Article:
    """An Article from a dict with id, url, source, title, published, text; other keys go to meta.
    Strings are cleaned, the text size and the date checked (see ``checks``; ``notices``: a site's
    notice refused, its lines dropped)."""
    if not isinstance(data, Mapping):
        raise InputError(where, f"expected a JSON object, got {type(data).__name__}")
    d: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    fallbacks: list[tuple[str, Any]] = []
    for k, v in clean_value(dict(data)).items():
        if k in _FALLBACKS:
            fallbacks.append((k, v))
            continue
        key = _ALIASES.get(k, k)
        if key != k and key in data:  # an alias never overrides the field itself
            key = k
        if key in _KNOWN and key not in d:
            d[key] = _named(v) if key == "source" else v
        else:
            meta[k] = v
    for k, v in fallbacks:  # ("publishedAt", "publisher", ...: only where the field is still empty)
        key = _FALLBACKS[k]
        if d.get(key) in (None, "") and _usable(key, v, where):
            d[key] = _named(v) if key == "source" else v
        else:
            meta[k] = v
    text = d.get("text")
    if text is None:
        raise InputError(where, "missing 'text' (a string with the article body)")
    if not isinstance(text, str):
        raise InputError(where, f"'text' must be a string (the article body), got {type(text).__name__}")
    too_long = text_size_problem(text, max_text_bytes)
    if too_long:
        raise InputError(where, too_long)
    if not text.strip():
        raise NotAnArticle(where, "empty 'text'")
    for k in ("id", "url", "source", "title", "lang"):
        if d.get(k) is not None and not isinstance(d[k], (str, int)):
            raise InputError(where, f"'{k}' must be a string, got {type(d[k]).__name__}")
    title = d.get("title")
    article = Article(
        id=str(d["id"]) if d.get("id") not in (None, "") else "",
        text=text.replace("\r\n", "\n").strip(),
        title=str(title).strip() if title else None,
        published=parse_published(d.get("published"), where),
        source=str(d["source"]) if d.get("source") else None,
        url=str(d["url"]) if d.get("url") else None,
        lang=str(d.get("lang") or "en"),
        meta=meta,
    )
    return check_article(article, where, max_text_bytes=max_text_bytes, detect_lang=not d.get("lang"), notices=notices)
