"""Extractive multi-document summary with citations.

Sentences of all articles are scored by centrality (cosine to the story's TF-IDF centroid), by
support (how many other articles carry a similar sentence) and by position; an MMR loop picks
them under the word budget, skipping any sentence too close to one already chosen. Each chosen
sentence cites every article holding a sentence close enough to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

import numpy as np

from ..analyze.sentences import split_sentences
from ..records import Article, Citation, Sentence, SummarySentence

__all__ = ["summarize", "SummaryConfig", "truncate_bytes", "count_words"]

_FAR = date(9999, 12, 31)

_WORD = re.compile(r"\w[\w'’.-]*")
_DANGLING = re.compile(
    r"^(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those|But|And|Also|However|Meanwhile|"
    r"Still|Yet|So|Then|Instead|There)\b"
)


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    min_words: int = 6
    max_sentence_words: int = 60
    lambda_mmr: float = 0.7
    redundancy: float = 0.5
    cite_threshold: float = 0.38
    position_weight: float = 0.15
    support_weight: float = 0.25


def count_words(text: str) -> int:
    return len(text.split())


def truncate_bytes(text: str, max_bytes: int) -> str:
    """Cut ``text`` to at most ``max_bytes`` UTF-8 bytes, never inside a character."""
    raw = text.encode("utf-8")
    if len(raw) <= max_bytes:
        return text
    return raw[:max_bytes].decode("utf-8", errors="ignore")


def _vectorize(texts: list[str], query: str | None):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'-]*\b",
                          lowercase=True)
    mat = vec.fit_transform(texts + ([query] if query else []))
    return mat


def summarize(articles: Sequence[Article], max_words: int = 100, max_bytes: int | None = None,
              query: str | None = None, *, config: SummaryConfig = SummaryConfig(),
              sentences: dict[str, list[Sentence]] | None = None) -> list[SummarySentence]:
    """Pick sentences that together tell the story, each cited to every article that carries it.

    ``max_words`` bounds the total number of words; ``max_bytes`` (if given) cuts the joined summary
    at that many bytes as DUC-style benchmarks do (the last sentence may then be cut).
    """
    arts = [a for a in articles if a.text.strip()]
    if not arts:
        return []
    sents: list[Sentence] = []
    art_of: list[int] = []
    pos_frac: list[float] = []
    for ai, a in enumerate(arts):
        ss = (sentences or {}).get(a.id) or split_sentences(a.text, a.id)
        for s in ss:
            sents.append(s)
            art_of.append(ai)
            pos_frac.append(s.index / max(1, len(ss)))
    if not sents:
        return []
    texts = [s.text for s in sents]
    try:
        mat = _vectorize(texts, query)
    except ValueError:  # nothing but stop words and punctuation: no content to rank
        return []
    q = None
    if query:
        q = mat[-1]
        mat = mat[:-1]
    sims = (mat @ mat.T).toarray()
    art_idx = np.asarray(art_of)
    n_art = len(arts)
    # centroid of article vectors
    centroid = np.asarray(mat.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    central = np.asarray(mat @ (centroid / norm)).ravel()
    # support: number of other articles with a close sentence
    support = np.zeros(len(sents))
    if n_art > 1:
        for ai in range(n_art):
            cols = art_idx == ai
            best = sims[:, cols].max(axis=1)
            support += (best >= config.cite_threshold) & (art_idx != ai)
        support /= (n_art - 1)
    words = np.array([count_words(t) for t in texts])
    score = central + config.support_weight * support * central.max() \
        + config.position_weight * (1 - np.asarray(pos_frac)) * central.max()
    if q is not None:
        qs = np.asarray((mat @ q.T).toarray()).ravel()
        score = 0.5 * score / (score.max() or 1) + 0.5 * qs / (qs.max() or 1)
    ok = (words >= config.min_words) & (words <= config.max_sentence_words)
    for i, t in enumerate(texts):
        if _DANGLING.match(t) or t.endswith(("?", ":")) or not t[:1].isupper() and not t[:1] in "\"“":
            ok[i] = False
    if not ok.any():
        ok[:] = words > 0
    budget = max_words if max_bytes is None else max(max_words, 10_000)
    chosen: list[int] = []
    used = 0
    cand = set(np.flatnonzero(ok).tolist())
    while cand:
        best_i, best_v = -1, -np.inf
        for i in cand:
            red = max((sims[i, j] for j in chosen), default=0.0)
            if red >= config.redundancy:
                continue
            v = config.lambda_mmr * score[i] - (1 - config.lambda_mmr) * red
            if v > best_v:
                best_i, best_v = i, v
        if best_i < 0:
            break
        cand.discard(best_i)
        if used + words[best_i] > budget:
            if max_bytes is None:
                continue
        chosen.append(best_i)
        used += int(words[best_i])
        if max_bytes is not None and sum(len(texts[j].encode()) + 1 for j in chosen) > max_bytes:
            break
        if max_bytes is None and used >= budget:
            break
    chosen.sort(key=lambda i: (arts[art_of[i]].published or _FAR, pos_frac[i]))
    out: list[SummarySentence] = []
    remaining = max_bytes
    for i in chosen:
        s = sents[i]
        cites = []
        for ai in range(n_art):
            cols = np.flatnonzero(art_idx == ai)
            j = int(cols[np.argmax(sims[i, cols])])
            if ai == art_of[i]:
                j = i
            elif sims[i, j] < config.cite_threshold:
                continue
            cites.append(Citation(article_id=sents[j].article_id, start=sents[j].start, end=sents[j].end,
                                  source=arts[ai].source))
        text = s.text
        if remaining is not None:
            if remaining <= 0:
                break
            text = truncate_bytes(text, remaining)
            remaining -= len(text.encode("utf-8")) + 1
        out.append(SummarySentence(text=text, citations=tuple(cites), article_id=s.article_id,
                                   start=s.start, end=s.end))
    return out

