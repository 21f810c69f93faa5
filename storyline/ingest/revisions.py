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


# what a page or a feed rewrites at every visit: "Updated 5 minutes ago", "Posted 2 hrs ago"
_VOLATILE = re.compile(r"\b(?:(?:updated|posted|published|last\s+modified)\s*:?\s*)?(?:\d+|an?|one)\s*"
                       r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\bjust\s+now\b", re.IGNORECASE)


def _steady(text: str) -> str:
    """``text``'s words less what changes at every visit (``_VOLATILE``), its spacing collapsed."""
    return " ".join(_VOLATILE.sub(" ", text).split())


def text_key(title: str | None, text: str) -> str:
    """A digest of what a reader sees of an article: its title and its words (spacing, line breaks
    and a page's "updated 5 minutes ago" do not count)."""
    h = hashlib.blake2b(digest_size=12)
    h.update(_steady(title or "").encode("utf-8", "surrogatepass") + b"\0")
    h.update(_steady(text).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def item_digest(*parts: str | None) -> str:
    """A digest of what a feed states of an item (its title, its text, its update time): when it
    changes, the item may have been corrected, and its page is read again (a teaser's "posted 5
    minutes ago" does not count)."""
    h = hashlib.blake2b(digest_size=12)
    for p in parts:
        h.update(_steady(p or "").encode("utf-8", "surrogatepass") + b"\0")
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
    ``TEASER_WORDS`` words, half its longer words in ``old``) of a text at least twice as long, or at most half of its words, nearly
    all of them as they stand in ``old`` (a feed's extract of a stored page), or at most three
    quarters of them, all but a line as they stand (a page cut short behind a paywall)."""
    nw, ow = _words(new), _words(old)
    if len(nw) >= len(ow):
        return False
    if len(nw) < TEASER_WORDS and 2 * len(nw) <= len(ow):
        # (a teaser in other words than the page's, but of its story: most of its longer words in it)
        told = {w for w in nw if len(w) >= 4}
        return not told or len(told & set(ow)) >= 0.5 * len(told)
    share = _share(_shingles(nw), _shingles(ow))
    # (a page read again cut short, "Subscribe to continue reading." after three of its paragraphs)
    return (2 * len(nw) <= len(ow) and share >= 0.8) or (4 * len(nw) <= 3 * len(ow) and share >= 0.9)


def continues(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` grown or edited (a file read while it was being written, then again
    complete; a correction written into it), not another article written to the same file: most of
    ``old``'s word triples (half at least) are still in ``new``."""
    return _share(_shingles(_words(old)), _shingles(_words(new))) >= 0.5
