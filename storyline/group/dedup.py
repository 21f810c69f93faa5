"""Exact and near-duplicate articles: MinHash signatures over word shingles, an LSH band index.

Wire copies repeat each other with a new headline, shuffled or dropped paragraphs and small edits.
Each article gets a MinHash signature (``num_perm`` minima of hashed word ``shingle``-grams of its
text). The :class:`DedupIndex` files every signature under ``bands`` keys (one per band of ``rows``
minima), so a new article is compared only with the articles that share a band key with it, never
with all of them; a candidate is a duplicate when the share of equal minima (an estimate of the
Jaccard similarity of the shingle sets) reaches ``threshold``.

The defaults (3-word shingles, 126 minima in 42 bands of 3, threshold 0.45) were chosen by measuring
edited copies against distinct articles of the same story (``bench/stories.py``, docs/benchmarks/stories.md).

Public surface::

    signature(text) -> np.ndarray                        # uint32[num_perm]
    DedupIndex(threshold=0.45).add(key, sig) -> str | None   # the key of an earlier duplicate, or None
    duplicate_groups(articles) -> list[tuple[str, ...]]  # earliest first, singletons left out
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..records import Article

__all__ = [
    "DEFAULT_THRESHOLD",
    "NUM_PERM",
    "SHINGLE",
    "DedupIndex",
    "duplicate_groups",
    "duplicate_of",
    "estimate_jaccard",
    "shingle_hashes",
    "signature",
    "signatures",
    "word_hash",
    "words_of",
]

NUM_PERM = 126
SHINGLE = 3
BANDS = 42
DEFAULT_THRESHOLD = 0.45

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)
_rng = np.random.RandomState(1)
# multiply-shift hashing: h(x) = ((a*x + b) mod 2^64) >> 32, a odd; one (a, b) per minimum
_A = _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


_CACHE: dict[str, int] = {}
_CACHE_MAX = 500_000


def word_hash(w: str) -> int:
    """crc32 of a word (stable across processes), memoised: news vocabularies repeat."""
    h = _CACHE.get(w)
    if h is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        h = _CACHE[w] = zlib.crc32(w.encode("utf-8"))
    return h


def words_of(text: str) -> list[str]:
    """The lower-cased words that shingles are made of."""
    return _WORD.findall(text.lower())


def shingle_hashes(text: str | list[str], k: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the lower-cased word ``k``-grams of ``text`` (or of its ``words_of``), unique."""
    words = words_of(text) if isinstance(text, str) else text
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
    k = min(k, len(h))
    acc = np.zeros(len(h) - k + 1, dtype=np.uint64)
    for j in range(k):
        acc = (acc * _MIX[j % 3] + h[j:len(h) - k + 1 + j]) & _MASK32
    return np.unique(acc)


def signature(text: str | list[str], k: int = SHINGLE) -> np.ndarray:
    """The MinHash signature (uint32[NUM_PERM]) of ``text`` (or of its ``words_of``); all ones for a
    text without words."""
    sh = shingle_hashes(text, k)
    if len(sh) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    with np.errstate(over="ignore"):
        hv = (np.outer(sh, _A) + _B) >> _SHIFT
    return hv.min(axis=0).astype(np.uint32)


def signatures(texts: Iterable[str], k: int = SHINGLE) -> np.ndarray:
    """Signatures of many texts, one row each."""
    rows = [signature(t, k) for t in texts]
    return np.vstack(rows) if rows else np.zeros((0, NUM_PERM), dtype=np.uint32)


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal minima: an unbiased estimate of the Jaccard similarity of the shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


class DedupIndex:
    """An LSH index of MinHash signatures with short verbs: ``insert``, ``query``, ``remove``, ``add``.

    ``max_items`` bounds memory: past it, the oldest entries are forgotten (wire copies arrive close
    together in time, so a bounded window finds them).
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, *, bands: int = BANDS, num_perm: int = NUM_PERM,
                 max_items: int | None = 300_000) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if bands < 1 or num_perm % bands:
            raise ValueError(f"bands ({bands}) must divide num_perm ({num_perm})")
        self.threshold = threshold
        self.bands = bands
        self.rows = num_perm // bands
        self.num_perm = num_perm
        self.max_items = max_items
        self._tables: list[dict[bytes, str | list[str]]] = [{} for _ in range(bands)]
        self._sigs: OrderedDict[str, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def _keys(self, sig: np.ndarray) -> list[bytes]:
        if len(sig) != self.num_perm:
            raise ValueError(f"signature has {len(sig)} minima, the index expects {self.num_perm}")
        r = self.rows
        return [sig[i * r:(i + 1) * r].tobytes() for i in range(self.bands)]

    def insert(self, key: str, sig: np.ndarray) -> None:
        if key in self._sigs:
            return
        for table, k in zip(self._tables, self._keys(sig)):
            bucket = table.get(k)
            if bucket is None:
                table[k] = key  # one key alone is kept as a str, not a list: much less memory
            elif isinstance(bucket, str):
                table[k] = [bucket, key]
            else:
                bucket.append(key)
        self._sigs[key] = sig
        if self.max_items is not None:
            while len(self._sigs) > self.max_items:
                self.remove(next(iter(self._sigs)))

    def remove(self, key: str) -> None:
        sig = self._sigs.pop(key, None)
        if sig is None:
            return
        for table, k in zip(self._tables, self._keys(sig)):
            bucket = table.get(k)
            if bucket is None:
                continue
            if isinstance(bucket, str):
                if bucket == key:
                    del table[k]
                continue
            if key in bucket:
                bucket.remove(key)
            if len(bucket) == 1:
                table[k] = bucket[0]

    def query(self, sig: np.ndarray) -> list[tuple[str, float]]:
        """Indexed keys whose estimated Jaccard with ``sig`` reaches the threshold, most similar first."""
        cands: set[str] = set()
        for table, k in zip(self._tables, self._keys(sig)):
            bucket = table.get(k)
            if isinstance(bucket, str):
                cands.add(bucket)
            elif bucket:
                cands.update(bucket)
        out = []
        for c in cands:
            j = estimate_jaccard(self._sigs[c], sig)
            if j >= self.threshold:
                out.append((c, j))
        out.sort(key=lambda x: (-x[1], x[0]))
        return out

    def add(self, key: str, sig: np.ndarray) -> str | None:
        """Insert ``key`` and return the most similar earlier duplicate's key (or None)."""
        hits = [h for h in self.query(sig) if h[0] != key]
        self.insert(key, sig)
        return hits[0][0] if hits else None


@dataclass(frozen=True, slots=True)
class _Item:
    key: str
    published: date | None
    order: int


def _earliest(items: Sequence[_Item]) -> list[_Item]:
    return sorted(items, key=lambda i: (i.published is None, i.published or date.min, i.order))


def duplicate_of(articles: Sequence[Article], *, threshold: float = DEFAULT_THRESHOLD) -> dict[str, str]:
    """For each article that duplicates another, the id of its group's representative (the earliest).

    Articles are compared through the LSH index only. Exact copies (the same words) always match.
    """
    index = DedupIndex(threshold, max_items=None)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a in articles:
        if a.id in index:
            continue
        sig = signature(a.text)
        hits = [h for h in index.query(sig) if h[0] != a.id]
        index.insert(a.id, sig)
        for other, _ in hits:
            ra, rb = find(a.id), find(other)
            if ra != rb:
                parent[ra] = rb
    members: dict[str, list[_Item]] = {}
    for i, a in enumerate(articles):
        members.setdefault(find(a.id), []).append(_Item(a.id, a.published, i))
    out: dict[str, str] = {}
    for items in members.values():
        if len(items) > 1:
            ordered = _earliest(items)
            for it in ordered[1:]:
                out[it.key] = ordered[0].key
    return out


def duplicate_groups(articles: Sequence[Article], *, threshold: float = DEFAULT_THRESHOLD) -> list[tuple[str, ...]]:
    """Groups of near-duplicate articles (ids, the earliest first); articles without a copy are left out."""
    dup = duplicate_of(articles, threshold=threshold)
    groups: dict[str, list[str]] = {}
    for a in articles:
        rep = dup.get(a.id)
        if rep is not None:
            groups.setdefault(rep, [rep]).append(a.id)
    return [tuple(dict.fromkeys(g)) for g in groups.values()]
