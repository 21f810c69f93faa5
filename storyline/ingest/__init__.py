"""Ingest: sources (files, folders, JSONL, HTML, feeds, WARC, dicts) to Article records."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..errors import InputError
from ..records import Article
from .files import KINDS, expand_paths, input_size, iter_articles, nothing_to_read, read_path
from .records_in import article_from_dict
from .checks import check_article
from .text import parse_text_article
from .web import is_url, read_url

__all__ = ["read_article", "iter_articles", "expand_paths", "input_size", "nothing_to_read", "read_path", "article_from_dict",
           "parse_text_article", "read_url"]


def _looks_like_path(s: str) -> bool:
    """A one-line string that names a file: it starts like a path (``/``, ``./``, ``~``, ``C:\\``),
    is one word with a path separator, or ends in a known extension (``.txt``, ``.jsonl``...)."""
    s = s.strip()
    if not s or "\n" in s or len(s) >= 4096:
        return False
    if s.startswith(("/", "./", "../", "~", "\\")) or (len(s) > 2 and s[1] == ":" and s[2] in "/\\"):
        return True
    if " " not in s and ("/" in s or os.sep in s):
        return True
    return s.lower().endswith(tuple(KINDS))


def read_article(source: str | os.PathLike[str] | Mapping[str, Any] | Article) -> Article:
    """One Article from a path, an http(s) URL of a page, a text in the plain-text format, or a
    dict with id, title, published ("YYYY-MM-DD" or None), text, source, url.

    A one-line string that looks like a path (a path separator, or a known extension such as
    ``.txt``) is read as one and must exist. A file must hold exactly one article: use ``ingest``
    (``iter_articles``) for files that hold many.

    A dict or a text is the article the caller hands in, taken as one: only ingest, a path and a URL
    tell a page that is a site's notice (a web archive's note, a cookie wall) from an article.

    Raises InputError naming the input and the problem.
    """
    if isinstance(source, Article):
        return source
    if isinstance(source, Mapping):
        return article_from_dict(source, "<dict>", notices=False)
    if isinstance(source, str) and is_url(source):
        return _read_one_url(source.strip())
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and (_looks_like_path(source) or (
            "\n" not in source and len(source) < 4096 and _is_file(source)))
    ):
        return _read_one_file(Path(source).expanduser())
    if isinstance(source, str):
        return check_article(parse_text_article(source), "<text>", notices=False)
    raise InputError(repr(source)[:60], f"cannot read an article from a {type(source).__name__}")


def _only_article(results: Sequence[Article | InputError], where: str, many: str) -> Article:
    """The one article of what reading ``where`` gave; else the first error it met, "no article
    found", or, for several articles, "holds N articles, not one" and ``many`` (what to use instead)."""
    articles = [r for r in results if isinstance(r, Article)]
    if len(articles) > 1:
        raise InputError(where, f"holds {len(articles)} articles, not one ({many})")
    if articles:
        return articles[0]
    errors = [r for r in results if isinstance(r, InputError)]
    raise errors[0] if errors else InputError(where, "no article found")


def _read_one_url(url: str) -> Article:
    return _only_article(list(read_url(url)), url, "a feed: use ingest or iter_articles")


def _is_file(s: str) -> bool:
    try:
        return Path(s).is_file()
    except (OSError, ValueError):  # a name too long, a NUL in it
        return False


def _read_one_file(path: Path) -> Article:
    where = str(path)
    try:
        if path.is_dir():
            raise InputError(where, "is a folder, not a file (use ingest or iter_articles for folders)")
        if not path.is_file():
            raise InputError(where, "no such file" if not path.exists() else "not a regular file")
    except (OSError, ValueError) as exc:
        raise InputError(where[:200], f"not a usable path ({exc})") from exc
    return _only_article(list(read_path(path)), where, "use ingest or iter_articles to read them all")
