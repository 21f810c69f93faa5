"""JSON Lines (one article per line) and JSON files (an object or an array of objects)."""

from __future__ import annotations

import json
from typing import Iterator

from ..errors import InputError
from ..records import Article
from .records_in import article_from_dict

__all__ = ["parse_jsonl", "parse_json"]


def parse_jsonl(text: str, where: str, *, max_line_bytes: int = 20_000_000) -> Iterator[Article | InputError]:
    """Yield one Article per non-blank line, or an InputError naming ``where:line`` and the reason."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        loc = f"{where}:{lineno}"
        if len(line) > max_line_bytes:
            yield InputError(loc, f"line is {len(line):,} characters, over the {max_line_bytes:,} limit")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(loc, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield article_from_dict(obj, loc)
        except InputError as exc:
            yield exc


def parse_json(text: str, where: str) -> Iterator[Article | InputError]:
    """A JSON file holding one article object or an array of them."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"{where}:{exc.lineno}", f"invalid JSON ({exc.msg} at column {exc.colno})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        try:
            yield article_from_dict(item, f"{where}[{i}]" if isinstance(obj, list) else where)
        except InputError as exc:
            yield exc
