"""Plain-text articles: an optional ``date YYYY-MM-DD`` marker (or a line that holds the date alone),
optional ``title:``, ``source:`` and
``url:`` lines (the outlet and the address; without them a file's outlet is its name), an optional
title line and standfirst, then the body.

The date marker may stand on its own line or on the same line as the first words of the body
(`` date 2019-01-10 Chinese President Xi ...``), before the title line or after it. A first line counts as a title when it is short
and does not end a sentence; the body then starts after it.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import InputError, NotAnArticle
from ..records import Article
from .checks import clean_text

__all__ = ["parse_text_article"]

_DATE_MARKER = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*\n?", re.IGNORECASE)
_DATE_LINE = re.compile(r"\A\s*(\d{4})-(\d{2})-(\d{2})[ \t]*\n")   # a line that is an ISO date alone: the marker too
_FIELD_MARKER = re.compile(r"\A\s*(title|source|url)[ \t]*:[ \t]*(.+)\n", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;,\"'”’)]\s*$")
_MAX_TITLE_WORDS = 25


def _parse_marker_date(m: re.Match[str], where: str) -> date:
    y, mo, d = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise InputError(where, f"impossible date in date marker {m.group(0).strip()!r} ({exc})") from exc


def _date_marker(text: str, where: str, line: int) -> tuple[date | None, str]:
    """The date of a ``date YYYY-MM-DD`` marker opening ``text`` (on line ``line`` of the file) and
    the text after it; (None, text) without one. An impossible or unreadable date is an error."""
    m = _DATE_MARKER.match(text)
    if m:
        return _parse_marker_date(m, f"{where}:{line}"), text[m.end():]
    m = _DATE_LINE.match(text)
    if m:
        try:
            return _parse_marker_date(m, where), text[m.end():]
        except InputError:   # ("2024-13-45" alone: no date the writer meant as one; left as text)
            return None, text
    if re.match(r"\A\s*date\b[ \t]*:?[ \t]+[\d/.-]{6,}", text, re.IGNORECASE):
        token = text.split()[1]
        raise InputError(f"{where}:{line}", f"unreadable date in date marker {token!r} (expected YYYY-MM-DD)")
    return None, text


def _is_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(line)


def parse_text_article(raw: str, where: str = "<text>", *, source: str | None = None,
                       url: str | None = None) -> Article:
    """Parse one article in the plain-text format. Raises InputError with ``where`` on bad input."""
    text = clean_text(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.strip():
        raise NotAnArticle(where, "empty article (no text)")
    fields, text = _fields(text)
    published, text = _date_marker(text, where, 1 + len(fields))
    more, text = _fields(text)
    fields.update(more)
    title: str | None = fields.get("title")
    if title is None:
        stripped = text.lstrip("\n")
        first, _, rest = stripped.partition("\n")
        if rest.strip() and _is_title(first.strip()):
            title = first.strip()
            text = rest
    if published is None and title is not None:  # the marker after the title line ("title\ndate 2019-01-10 ...")
        published, text = _date_marker(text, where, 2)
    body = text.strip()
    if not body:
        raise InputError(where, "article has a title or date but no body text")
    return Article(text=body, title=title, published=published, source=fields.get("source") or source,
                   url=fields.get("url") or url, meta={"path": where} if where != "<text>" else {})


def _fields(text: str) -> tuple[dict[str, str], str]:
    """The ``title:``, ``source:`` and ``url:`` lines opening ``text`` (in any order), and the rest."""
    fields: dict[str, str] = {}
    while (m := _FIELD_MARKER.match(text)) and m.group(1).lower() not in fields:
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "url" and not re.match(r"(?i)https?://\S+$", value):
            text = text[m.end():]
            continue   # "url: n/a": no address (every such file would share one id)
        if key == "source" and (len(value.split()) > 8 or value.endswith((".", "!", "?")) and len(value.split()) > 3):
            break   # "Source: Officials say 40 people died ...": the article's first sentence
        fields[key] = value
        text = text[m.end():]
    return fields, text
