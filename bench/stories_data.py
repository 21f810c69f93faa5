"""Data for bench/stories.py: labelled article streams, edited copies, synthetic streams.

Labels travel beside the articles, never in them: every article gets an opaque id (a hash of its
position in a shuffled list), no source file name, and only its title, date and text.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from storyline.records import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ECB = DATA / "clustering" / "ecbplus_dated"
WCL = DATA / "clustering" / "newswcl50"
MDS = DATA / "mds"

Labelled = tuple[list[Article], list[str]]


def _opaque(prefix: str, i: int) -> str:
    return hashlib.blake2b(f"{prefix}:{i}".encode(), digest_size=8).hexdigest()


def _pub(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def stream_order(rows: list[dict], seed: int) -> list[dict]:
    """Shuffle (seeded), then sort the dated rows by date in the places dated rows hold: undated
    articles stay spread through the stream and nothing of the original order survives."""
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    dated = [i for i, r in enumerate(rows) if r["date"]]
    by_date = sorted((rows[i] for i in dated), key=lambda r: r["date"])
    for i, r in zip(dated, by_date):
        rows[i] = r
    return rows


def _to_labelled(rows: list[dict], prefix: str, seed: int) -> Labelled:
    rows = stream_order(rows, seed)
    arts = [Article(id=_opaque(prefix, i), title=r.get("title") or None, published=_pub(r["date"]),
                    text=r["text"]) for i, r in enumerate(rows)]
    return arts, [r["story"] for r in rows]


def load_ecb(split: str, seed: int = 0) -> Labelled:
    rows = [json.loads(line) for line in open(ECB / f"{split}.jsonl", encoding="utf-8")]
    return _to_labelled([{"title": r.get("title"), "date": r.get("date"), "text": r["text"],
                          "story": r["story"]} for r in rows], f"ecb-{split}", seed)


def load_wcl(seed: int = 0) -> Labelled:
    rows = [json.loads(line) for line in open(WCL / "articles.jsonl", encoding="utf-8")]
    return _to_labelled([{"title": None, "date": None, "text": r["text"], "story": r["story"]}
                         for r in rows], "wcl", seed)


def _mds_rows(names: list[str]) -> list[dict]:
    rows: list[dict] = []
    seen: set[str] = set()
    for name in names:
        for line in open(MDS / name / "clusters.jsonl", encoding="utf-8"):
            c = json.loads(line)
            for d in c["documents"]:
                key = " ".join(d["text"].split())
                if key in seen:  # the same document filed under two clusters: keep its first label
                    continue
                seen.add(key)
                rows.append({"title": d.get("title"), "date": d.get("date"), "text": d["text"],
                             "story": f"{name}/{c['id']}"})
    return rows


def load_duc(seed: int = 0) -> Labelled:
    return _to_labelled(_mds_rows(["duc2003", "duc2004", "duc2006"]), "duc", seed)


def load_multinews(seed: int = 0, limit_clusters: int | None = None) -> Labelled:
    rows = _mds_rows(["multinews_trunc500"])
    if limit_clusters:
        keep = sorted({r["story"] for r in rows})[:limit_clusters]
        ks = set(keep)
        rows = [r for r in rows if r["story"] in ks]
    return _to_labelled(rows, "mn", seed)


# --- edited copies for near-duplicate detection -----------------------------------------------

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")


def _paragraphs(text: str) -> list[list[str]]:
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) < 3:  # no paragraph layout: make paragraphs of three sentences
        sents = _SENT.split(" ".join(text.split()))
        paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
    return [_SENT.split(" ".join(p.split())) for p in paras]


def edited_copy(text: str, other: str, rng: random.Random) -> tuple[str, str]:
    """An edited copy of ``text``: a new headline, a few sentences swapped, a paragraph dropped
    and one added (from ``other``, an article of the same story). Returns (headline, text)."""
    paras = _paragraphs(text)
    for p in paras:  # swap sentences inside some paragraphs
        if len(p) > 1 and rng.random() < 0.5:
            i = rng.randrange(len(p) - 1)
            p[i], p[i + 1] = p[i + 1], p[i]
    if len(paras) > 4:
        del paras[rng.randrange(1, len(paras))]
    extra = _paragraphs(other)
    if extra:
        paras.insert(rng.randrange(1, len(paras) + 1), extra[rng.randrange(len(extra))])
    if len(paras) > 2 and rng.random() < 0.5:  # move one paragraph
        p = paras.pop(rng.randrange(1, len(paras)))
        paras.insert(rng.randrange(1, len(paras) + 1), p)
    headline = "UPDATE " + " ".join(" ".join(paras[0]).split()[:8])
    return headline, "\n\n".join(" ".join(p) for p in paras)


def _distinct(rows: list[dict], n: int, max_jaccard: float = 0.2) -> list[dict]:
    """Up to ``n`` rows none of which is itself a near-copy of another (exact word-trigram Jaccard
    below ``max_jaccard``), so the only true duplicate pairs are the constructed ones."""
    from storyline.group.dedup import shingle_hashes

    kept: list[dict] = []
    sets: list[set[int]] = []
    for r in rows:
        s = set(shingle_hashes(r["text"], 3).tolist())
        if all(len(s & t) / max(1, len(s | t)) < max_jaccard for t in sets):
            kept.append(r)
            sets.append(s)
            if len(kept) >= n:
                break
    return kept


def dedup_pairs(n: int, seed: int = 0) -> tuple[list[Article], set[frozenset[str]]]:
    """``n`` DUC documents, each with an edited copy, shuffled: (articles, the true copy pairs)."""
    rows = _mds_rows(["duc2003", "duc2004", "duc2006"])
    rng = random.Random(seed)
    rng.shuffle(rows)
    rows = _distinct([r for r in rows if len(r["text"].split()) >= 150], n)
    by_story: dict[str, list[dict]] = {}
    for r in rows:
        by_story.setdefault(r["story"], []).append(r)
    arts: list[Article] = []
    pairs: set[frozenset[str]] = set()
    for i, r in enumerate(rows):
        mates = [m for m in by_story[r["story"]] if m is not r] or rows
        head, body = edited_copy(r["text"], rng.choice(mates)["text"], rng)
        a = Article(id=_opaque("orig", i), title=r.get("title"), published=_pub(r["date"]), text=r["text"])
        b = Article(id=_opaque("copy", i), title=head, published=_pub(r["date"]), text=body)
        arts += [a, b]
        pairs.add(frozenset((a.id, b.id)))
    rng.shuffle(arts)
    return arts, pairs


# --- synthetic stream for scale ------------------------------------------------------------------

def synthetic_stream(n: int, seed: int = 0, per_day: int = 1000) -> Iterator[Article]:
    """``n`` articles made from the shared texts (DUC, Multi-News) with new ids and dates, in date
    order, ``per_day`` a day: each source text recurs as a fresh article with its words reordered by
    paragraph and a word or two changed, so that nothing is an exact copy."""
    rows = _mds_rows(["duc2003", "duc2004", "duc2006", "multinews_trunc500"])
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    for i in range(n):
        r = rows[rng.randrange(len(rows))]
        words = r["text"].split()
        if len(words) > 40:
            cut = rng.randrange(0, len(words) // 3)
            words = words[cut:] + words[:cut]
        text = " ".join(words)
        yield Article(id=_opaque(f"syn{seed}", i), title=None, published=start + timedelta(days=i // per_day),
                      text=text)
