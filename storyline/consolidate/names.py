"""Spellings of one name: the edit distance of two words and the test for two spellings of one
person's name, shared by the quote grouping, the entity merge and the disagreement report; and the
folding of a text as a reader without its accents types it, shared by the store's search and its
entity names."""

from __future__ import annotations

import unicodedata

__all__ = ["edit_distance", "search_fold", "similar_names"]


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


# letters that no Unicode decomposition takes apart into a base letter and a mark, written as a reader
# without them types them ("Øresund" as "Oresund", "Łódź" as "Lodz"); ß is "ss" by case folding
_UNMARKED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def search_fold(text: str) -> str:
    """``text`` as the search index holds it and a query is matched against it: case folded ("ß" ->
    "ss"), accents and other marks off ("Zürich" -> "zurich"), compatibility forms plain ("ﬁ" -> "fi",
    full-width letters), and the letters in ``_UNMARKED`` spelled as a reader without them types them.
    The same for the index and the query, so that "strassenbahn", "Straßenbahn" and "STRASSENBAHN"
    find each other (FTS5's unicode61 folds case and most accents only); and the same for an entity's
    name and a name asked for (``entities.name_sound``, ``entities.spelled_alike``: "Orsted" is "Ørsted")."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_UNMARKED)
