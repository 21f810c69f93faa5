"""Ingest: sources (files, folders, JSONL, HTML, feeds, WARC, dicts) to Article records."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from ..errors import InputError
from ..records import Article
from .files import expand_paths, iter_articles, read_path
from .records_in import article_from_dict
from .text import parse_text_article

__all__ = ["read_article", "iter_articles", "expand_paths", "read_path", "article_from_dict",
           "parse_text_article"]


def read_article(source: str | os.PathLike[str] | Mapping[str, Any] | Article) -> Article:
    """One Article from a path, a text in the plain-text format, or a dict with
    id, title, published ("YYYY-MM-DD" or None), text, source, url.

    Raises InputError naming the input and the problem.
    """
    if isinstance(source, Article):
        return source
    if isinstance(source, Mapping):
        return article_from_dict(source, "<dict>")
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096 and Path(source).is_file()
    ):
        path = Path(source)
        if not path.is_file():
            raise InputError(str(path), "no such file")
        results = list(read_path(path))
        for r in results:
            if isinstance(r, Article):
                return r
        raise results[0] if results else InputError(str(path), "no article found")
    if isinstance(source, str):
        return parse_text_article(source)
    raise InputError(repr(source)[:60], f"cannot read an article from a {type(source).__name__}")
