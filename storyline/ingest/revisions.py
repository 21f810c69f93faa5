"""When an article arriving again is a new version of the one stored (a correction, an update, a
file read again once complete) and when it is the same article or only a piece of it.

Pure functions on texts; the ingest readers, ``SQLiteStore.add_articles`` and the pipeline decide
with them.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

__all__ = ["TEASER_WORDS", "text_key", "is_excerpt", "continues", "item_digest"]

TEASER_WORDS = 120  # a feed item shorter than this is a teaser (of its linked page, of a stored article)
_WORD = re.compile(r"\w+")


def text_key(title: str | None, text: str) -> str:
    """A digest of what a reader sees of an article: its title and its words (spacing, line breaks
    and case of the spaces between words do not count)."""
    h = hashlib.blake2b(digest_size=12)
    h.update(" ".join((title or "").split()).encode("utf-8", "surrogatepass") + b"\0")
    h.update(" ".join(text.split()).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def item_digest(*parts: str | None) -> str:
    """A digest of what a feed states of an item (its title, its text, its update time): when it
    changes, the item may have been corrected, and its page is read again."""
    h = hashlib.blake2b(digest_size=12)
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _shingles(words: list[str], n: int = 3) -> set[tuple[str, ...]]:
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _share(part: Iterable[tuple[str, ...]], whole: set[tuple[str, ...]]) -> float:
    items = list(part)
    return sum(s in whole for s in items) / len(items) if items else 0.0


def is_excerpt(new: str, old: str) -> bool:
    """Whether ``new`` is a piece of ``old`` rather than a new version of it: a teaser (under
    ``TEASER_WORDS`` words) of a text at least twice as long, or at most half of its words, nearly
    all of them as they stand in ``old`` (a feed's extract of a stored page, a page cut short)."""
    nw, ow = _words(new), _words(old)
    if len(nw) >= len(ow):
        return False
    if len(nw) < TEASER_WORDS and 2 * len(nw) <= len(ow):
        return True
    return 2 * len(nw) <= len(ow) and _share(_shingles(nw), _shingles(ow)) >= 0.8


def continues(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` grown or edited (a file read while it was being written, then again
    complete; a correction written into it), not another article written to the same file: most of
    ``old``'s word triples (half at least) are still in ``new``."""
    return _share(_shingles(_words(old)), _shingles(_words(new))) >= 0.5
