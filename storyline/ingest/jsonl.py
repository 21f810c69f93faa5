"""JSON Lines (one article per line) and JSON files (an object or an array of objects)."""

from __future__ import annotations

import json
from typing import Callable, Iterator

from ..errors import InputError
from ..records import Article
from .checks import DEFAULT_MAX_TEXT_BYTES
from .records_in import article_from_dict

__all__ = ["parse_jsonl", "parse_json"]


def _json_problem(exc: json.JSONDecodeError) -> str:
    """ "invalid JSON (Unterminated string starting at column 24)": the decoder's message ends in "at"
    for some problems, and the column is appended once."""
    return f"invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"


def _binary_line(line: str) -> str | None:
    if "\x00" in line:
        return "binary data in the line (NUL bytes)"
    control = sum(1 for c in line if c < " " and c not in "\t\f")
    if control > 8 and control / len(line) > 0.05:
        return "binary data in the line (control characters)"
    return None


def parse_jsonl(text: str, where: str, *, max_line_bytes: int = 20_000_000,
                max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
                at: Callable[[int], None] | None = None) -> Iterator[Article | InputError]:
    """Yield one Article per non-blank line, or an InputError naming ``where:line`` and the reason.
    A line of binary data is one bad line; the others are read. A file whose first
    ``_NOT_JSONL`` lines all fail is no JSON lines file (a binary file, a CSV named .jsonl): one
    error names it, instead of one per line. ``at`` hears how many characters of ``text`` are read,
    after each line."""
    reading = False  # (an article was read: every line is reported as it comes)
    held: list[InputError] = []
    for item in _parse_lines(text, where, max_line_bytes, max_text_bytes, at):
        if reading or isinstance(item, Article):
            reading = True
            yield from held
            held = []
            yield item
            continue
        held.append(item)
        if len(held) >= _NOT_JSONL:
            first = held[0].where.rsplit(":", 1)[-1]
            yield InputError(where, f"not a JSON lines file: its first {len(held)} lines are no articles "
                                    f"(line {first}: {held[0].reason}); the rest was not read")
            return
    yield from held


_NOT_JSONL = 5


def _parse_lines(text: str, where: str, max_line_bytes: int, max_text_bytes: int,
                 at: Callable[[int], None] | None = None) -> Iterator[Article | InputError]:
    pos = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        pos += len(line) + 1
        if at is not None:
            at(pos)
        line = line.rstrip("\r")
        if not line.strip():
            continue
        loc = f"{where}:{lineno}"
        if len(line) > max_line_bytes:
            yield InputError(loc, f"line is {len(line):,} characters, over the {max_line_bytes:,} limit")
            continue
        binary = _binary_line(line)
        if binary:
            yield InputError(loc, binary)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(loc, _json_problem(exc))
            continue
        except RecursionError:
            yield InputError(loc, "invalid JSON (nested too deeply)")
            continue
        try:
            yield article_from_dict(obj, loc, max_text_bytes=max_text_bytes)
        except InputError as exc:
            yield exc
        except RecursionError:
            yield InputError(loc, "not a valid article (nested too deeply)")


def parse_json(text: str, where: str, *,
               max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES) -> Iterator[Article | InputError]:
    """A JSON file holding one article object or an array of them."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"{where}:{exc.lineno}", _json_problem(exc))
        return
    except RecursionError:
        yield InputError(where, "invalid JSON (nested too deeply)")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        try:
            yield article_from_dict(item, f"{where}[{i}]" if isinstance(obj, list) else where,
                                    max_text_bytes=max_text_bytes)
        except InputError as exc:
            yield exc
        except RecursionError:
            yield InputError(f"{where}[{i}]" if isinstance(obj, list) else where,
                             "not a valid article (nested too deeply)")
