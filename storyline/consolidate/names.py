"""Spellings of one name: the edit distance of two words and the test for two spellings of one
person's name, shared by the quote grouping, the entity merge and the disagreement report."""

from __future__ import annotations

__all__ = ["edit_distance", "similar_names"]


def edit_distance(a: str, b: str, cap: int = 3) -> int:
    """The Levenshtein distance of ``a`` and ``b``; ``cap + 1`` when their lengths alone differ by more."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def similar_names(a: str, b: str) -> bool:
    """Two spellings of one person's name: same number of words, at least one word identical, and
    every differing word long (>= 4 letters) and within two edits ("Eui-keum"/"Eui-kyeom",
    "Dariusz"/"Darius"). "Kim Jong Un" and "Kim Jong Il" are not similar (short words differ)."""
    wa, wb = a.split(), b.split()
    if a == b or len(wa) != len(wb) or len(wa) < 2:
        return False
    same = sum(x == y for x, y in zip(wa, wb))
    if same == 0:
        return False
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if min(len(x), len(y)) < 4 or x[0].lower() != y[0].lower():
            return False
        d = edit_distance(x.lower(), y.lower())
        if d > 2 or d > max(len(x), len(y)) // 3:
            return False
    return True
