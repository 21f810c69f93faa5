"""Extractive multi-document summary with citations.

Method (measured in bench/summarization.py, docs/benchmarks/summarization.md):

1. Every sentence is trimmed at its ends only (a dateline opening an article, a closing
   attribution such as "..., officials said."), so its text stays the words at known offsets.
2. Every sentence of every article is reduced to its *concepts*: stemmed word bigrams holding a
   content word (and content words at a lower weight). A concept's weight is the number of
   articles that carry it (a fact told by many outlets matters), each article counting with the
   weight of its earliest occurrence (leads carry the news), and, with ``query=``, the relevance
   to the query of the sentence it occurs in.
3. Every word of the cluster, stop words too, gets an expected count in a reference as long as
   the budget (the cluster's word distribution sharpened by the share of articles using it); a
   summary earns each word up to that count, as ROUGE-1 would score it against such a reference.
   The same term runs on word bigrams (ROUGE-2's units) when the pool is large for the budget.
4. Candidate sentences are whole, self-contained sentences (no "He said..." openers, no questions,
   no quote-led sentences, no truncated trailing fragments) of a reasonable length.
5. Sentences are chosen greedily on (concept gain + word gain + a sentence-quality bonus fitted on
   DUC 2003) per unit of length, each concept counted once (so a repeated fact earns nothing);
   pairs of sentences that say the same thing (TF-IDF cosine above ``redundancy``) may not both
   be chosen.
6. The chosen sentences are ordered by article date, then position, opened by a self-contained
   lead (one that names its actor when one of similar position and score does), and each cites
   every article holding a close enough sentence (offsets of that sentence).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from itertools import chain, repeat
from itertools import compress as _pick
from operator import is_
from dataclasses import dataclass, field
from functools import cache, lru_cache
from datetime import date
from typing import Callable, Collection, Mapping, Sequence

import numpy as np
from scipy import sparse

from ..analyze.dct import reference_date
from ..analyze.quotes import QUOTED_PASSAGE, transcript_labels
from ..analyze.sentences import report_sentences
from ..analyze.timex import MONTHS, WEEKDAYS, live_stamp_end
from ..records import Article, Citation, Sentence, SummarySentence
from .template import without_template
from .summary_select import select_greedy, select_greedy_capped, select_ilp
from .summary_text import cut_off as _cut_off
from .summary_text import ends_sentence as _ends_sentence
from .summary_text import (
    compress,
    trim_span,
    lower_page_caption,
    lower_cased_page,
    lower_page_open_end,
    sentence_case,
    content_stems,
    count_words,
    STOP,
    supports,
    fact_numbers,
    fact_words,
    is_candidate_shape,
    is_furniture,
    furniture_phrase_rows,
    names_actor,
    FIRST_PERSON_TOKENS,
    is_dangling,
    carries_whole,
    leans_back,
    caption_like,
    table_line,
    is_caveat,
    personal_pages,
    truncate_bytes,
    truncate_words,
    tokens,
    stem_many,
)

__all__ = ["summarize", "SummaryConfig", "truncate_bytes", "count_words"]

_FAR = date(9999, 12, 31)
_DENSE_CELLS = 100_000


def _dense(x: np.ndarray | sparse.spmatrix) -> np.ndarray:
    return x.toarray() if isinstance(x, sparse.spmatrix | sparse.sparray) else np.asarray(x)


def _unique(a: np.ndarray) -> np.ndarray:
    """``np.unique(a)`` for 1-d integer keys by one sort (numpy's hash-based unique costs several
    times more on the few hundred keys of a story)."""
    s = a.copy()
    s.sort()
    keep = np.empty(len(s), dtype=bool)
    keep[:1] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def _unique_inverse(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(a, return_inverse=True)`` for 1-d integer keys."""
    order = a.argsort(kind="stable")
    s = a[order]
    new = np.empty(len(s), dtype=bool)
    new[:1] = True
    np.not_equal(s[1:], s[:-1], out=new[1:])
    inv = np.empty(len(s), dtype=np.int64)
    inv[order] = new.cumsum() - 1
    return s[new], inv


_EMPTY = np.zeros(0, dtype=np.int64)
_EMPTY_BOOL = np.zeros(0, dtype=bool)
_ZERO_BOUNDS = np.zeros(1, dtype=np.int64)


def _empty() -> np.ndarray:
    """The shared empty default of ``_Ids``'s arrays (every call replaces them, never writes them)."""
    return _EMPTY


# token -> 2 * stem id + (1 if a content word), with the stem ids and stems themselves: shared by
# every call of the process (rebound, never cleared in place, when they grow too large, so that a
# call holding them keeps a consistent view)
_CODES: dict[str, int] = {}
_STEM_IDS: dict[str, int] = {}
_STEM_NAMES: list[str] = []


def _token_codes(flat: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The call's code of every token (2 * word id + 1 if a content word; word ids number the
    stems in order of first appearance), the process-wide stem id of each word id, and the
    process-wide stem names the ids refer to."""
    global _CODES, _STEM_IDS, _STEM_NAMES
    if len(_CODES) > 500_000:
        _CODES, _STEM_IDS, _STEM_NAMES = {}, {}, []
    codes, stem_ids, names = _CODES, _STEM_IDS, _STEM_NAMES
    found = list(map(codes.get, flat))
    if None in found:   # tokens not met before: one call of the stemmer for all of them
        new = list(dict.fromkeys(_pick(flat, map(is_, found, repeat(None)))))
        fresh: dict[str, int] = {}
        for t, st in zip(new, stem_many(new)):
            g = stem_ids.get(st)
            if g is None:
                g = stem_ids[st] = len(names)
                names.append(st)
            codes[t] = fresh[t] = 2 * g + (t not in STOP and len(t) > 1)
        # the new tokens' codes from the call's small table, the others' as found (not a second pass
        # over the process-wide table, whose entries are far apart in memory)
        found = list(map(fresh.get, flat, found))
    code = np.array(found, dtype=np.int64)
    # the call's word ids: process-wide stem ids ranked by first appearance, by one stable sort
    # (array work: dict passes per distinct token cost more on a story's few hundred tokens)
    gid = code >> 1
    order = gid.argsort(kind="stable")
    s = gid[order]
    new_stem = np.empty(len(s), dtype=bool)
    new_stem[:1] = True
    np.not_equal(s[1:], s[:-1], out=new_stem[1:])
    firsts = order[new_stem]             # each stem's first token (the sort is stable)
    rank = np.empty(len(firsts), dtype=np.int64)
    rank[firsts.argsort()] = np.arange(len(firsts))
    wid = np.empty(len(s), dtype=np.int64)
    wid[order] = rank[new_stem.cumsum() - 1]
    firsts.sort()
    return 2 * wid + (code & 1), gid[firsts], names


@dataclass(slots=True)
class _Ids:
    """The ids of a call. Word stems are numbered in order of first appearance (``n_words`` of
    them; ``V = max(1, n_words)`` is the key base); bigram concepts by their sorted keys ``a * V +
    b`` (``keys``; a concept's id is its key's position); content words, when they count as
    concepts, get ids ``len(keys) + word id``. Every sentence's word ids and concept ids are kept
    flat (sentence ``k``'s words are ``wid[wb[k]:wb[k + 1]]``, its concepts ``cid[cb[k]:cb[k +
    1]]``) with each sentence's article and position: whole-cluster arrays, no concatenation per
    stage."""

    keys: np.ndarray = field(default_factory=_empty)
    n_words: int = 0
    V: int = 1
    wid: np.ndarray = field(default_factory=_empty)
    cm: np.ndarray = field(default_factory=lambda: _EMPTY_BOOL)
    wb: np.ndarray = field(default_factory=lambda: _ZERO_BOUNDS)
    cid: np.ndarray = field(default_factory=_empty)
    cb: np.ndarray = field(default_factory=lambda: _ZERO_BOUNDS)
    art: np.ndarray = field(default_factory=_empty)
    pos: np.ndarray = field(default_factory=_empty)
    wrow: np.ndarray = field(default_factory=_empty)     # the sentence of each entry of wid
    crow: np.ndarray = field(default_factory=_empty)     # the sentence of each entry of cid
    gids: np.ndarray = field(default_factory=_empty)   # process-wide stem id of each word id
    stem_names: list[str] = field(default_factory=list)
    _vocab: dict[str, int] | None = None

    def __len__(self) -> int:
        """Number of bigram concepts."""
        return len(self.keys)

    def vocab(self) -> dict[str, int]:
        """Stem -> word id (built on first use)."""
        if self._vocab is None:
            names = self.stem_names
            self._vocab = {names[g]: j for j, g in enumerate(self.gids.tolist())}
        return self._vocab

    def rows(self, bounds: np.ndarray) -> np.ndarray:
        """The sentence of each entry of a flat array with these bounds."""
        return np.arange(len(bounds) - 1).repeat(bounds[1:] - bounds[:-1])

    def gather(self, values: np.ndarray, bounds: np.ndarray, idx: Sequence[int],
               rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The entries of sentences ``idx`` (ascending), as ``np.concatenate`` of their slices, and
        for each entry its index in ``idx`` (``rows``: the sentence of every entry)."""
        n = len(bounds) - 1
        if len(idx) == n:
            return values, rows
        lens = bounds[1:] - bounds[:-1]
        sel = np.zeros(n, dtype=bool)
        sel[np.asarray(idx, dtype=np.int64)] = True
        return values[np.repeat(sel, lens)], np.repeat(np.arange(len(idx)), lens[np.asarray(idx, dtype=np.int64)])


def _unique_counts(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(a, return_counts=True)`` for 1-d integer keys."""
    s = a.copy()
    s.sort()
    keep = np.empty(len(s), dtype=bool)
    keep[:1] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    at = keep.nonzero()[0]
    ends = np.concatenate((at, [len(s)]))
    return s[at], ends[1:] - ends[:-1]


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """Knobs of the summarizer (defaults tuned on DUC 2003 and a Multi-News sample)."""

    min_words: int = 8
    max_sentence_words: int = 55
    position_boost: float = 1.0       # extra weight of a concept met in an article's lead
    position_tau: float = 4.0         # how fast the lead bonus decays with sentence index
    min_df: int = 0                   # 0: chosen from the number of articles
    single_doc_weight: float = 0.0    # weight share of concepts carried by one article only
    unigram_weight: float = 0.3       # weight share of single content words as concepts
    query_weight: float = 4.0         # how strongly ``query=`` reweights concepts
    redundancy: float = 0.5           # cosine above which two sentences state the same fact
    cite_threshold: float = 0.35      # cosine above which another article carries the fact
    cite_coverage: float = 0.6        # ... and the share of its fact words it must hold (0: cosine alone)
    same_fact: float = 0.3            # reader: a lower cosine at which two sentences that each carry the
                                      # other's fact words (``supports`` both ways) tell one fact
    candidate_limit: int = 250        # sentences handed to the solver
    concept_limit: int = 1500
    ilp_time_limit: float = 3.0
    solver: str = "greedy"              # "ilp" (exact, HiGHS) or "greedy" (lazy greedy)
    greedy_scale: float = 1.0         # greedy picks by gain / length**scale
    trim: bool = True                 # leave out datelines and closing attributions (offsets kept)
    trim_attributions: bool = True    # with trim: closing attributions too (a reader's brief keeps them)
    reader: bool = False              # a reader's brief: no sentence leaning on one it does not show ("that figure")
    reader_stop: float = 0.3          # a reader's brief ends when the best gain per word is under this share of the first
    compress: bool = False            # also rewrite inside sentences (text no longer at its offsets)
    compress_days: bool = False       # also drop bare weekday mentions (with compress)
    compress_parts: str = "dpa"       # d: datelines, p: parentheticals, a: trailing attributions
    centrality_weight: float = 0.0    # bonus per unit length for sentences close to the TF-IDF centroid ...
    long_centrality: float = 3.0      # ... plus this much for long summaries, ramped in between these budgets (words):
    long_from: float = 120.0          # ... none up to ``long_from``,
    long_full: float = 250.0          # ... all of it from ``long_full``
    quality_weight: float = 4.0       # bonus per unit length for sentences the quality model likes
    # intercept + one weight per _quality_features column: ridge regression of a sentence's unigram
    # precision against the references, fitted on DUC 2003 only (python bench/summarization.py --train-quality)
    quality_coef: tuple[float, ...] = (0.2636, -0.041, -0.0382, -0.0132, 0.1282, 0.5487, 0.0454)
    fill_bytes: bool = True           # with max_bytes, fill the rest with a cut sentence (as DUC)
    fill_words: bool = True           # with max_words, fill a remainder of >= fill_min_words with a cut sentence
    fill_min_words: int = 6
    pool_factor: float = 3.0          # looser sentences join the pool while it holds < factor x budget words
    rouge_weight: float = 3.0         # weight of the expected unigram overlap term
    # Poisson regression of a word's count per 100 reference words on _word_table's features,
    # fitted on DUC 2003 only (python bench/summarization.py --train-words)
    word_coef: tuple[float, ...] = (0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0)
    rouge_len: float = 1.25           # expected reference length, in units of the budget
    bigram_overlap: float = 1.0       # weight of the same expected-overlap term on word bigrams (ROUGE-2's units)
    query_only: bool = False          # with a query or focus, leave out the sentences not on it
    bigram_min_pool: float = 4.0      # ... used when the candidates hold at least this many times the budget


@dataclass(slots=True)
class _Item:
    sent: Sentence
    art: int
    pos: int
    text: str
    words: int
    nbytes: int
    start: int = 0          # offsets of the words used, in the article (a trimmed dateline moves start)
    end: int = 0
    tail: str = ""          # final mark appended when a closing attribution was trimmed
    shaped: bool | None = None      # self-contained sentence shape (set by _candidates)
    first_person: bool = True       # holds a first-person token (False: it cannot be first-person)
    toks: list[str] = field(default_factory=list)   # lower-cased tokens of ``text``
    runs_on: bool = False   # (a reader's brief) cut short: the article goes on in lower case after it
    #                         (``_runs_on``), or ends on it with no final mark (``_cut_off``)
    caption: bool = False   # (a reader's brief) a lower-case page's photo caption (``lower_page_caption``)


def _items(arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]] | None,
           config: SummaryConfig, ids: _Ids | None = None) -> list[_Item]:
    """One item per non-empty sentence; ``ids`` (filled here) numbers their words and concepts."""
    ids = _Ids() if ids is None else ids
    out: list[_Item] = []
    toks: list[list[str]] = []
    for ai, a in enumerate(arts):
        ss = report_sentences(a, (sentences or {}).get(a.id))  # (not the headline the text opens with)
        text_end = len(a.text.rstrip()) if config.reader else 0
        lower_page = config.reader and config.trim and lower_cased_page(a.text)
        for pos, s in enumerate(ss):
            raw = a.text[s.start:s.end] if s.end > s.start else (s.text or "")
            i, j, tail = trim_span(raw, lead=pos == 0, attributions=config.trim_attributions) if config.trim else (0, len(raw), "")
            # (a lower-case page: a dateline opens the lead, "Dubai (reuters) - the incursion ...", an agency's
            # dateline any sentence, and an advertisement's label, a photo's credit or teaser any sentence,
            # "Advertisement the agency said ..."; the brief shows "The ...")
            lower = lower_page and not i and lower_page_open_end(raw, lead=pos == 0)
            if lower:
                i = lower
            if config.trim and s.end > s.start:
                # a live page's entry time ("2021 President Preval says ...") is no word of the entry
                i = max(i, live_stamp_end(a.text, s.start + i, s.start + j) - s.start)
            parts = (raw[i:j] + tail).split()
            if not parts:
                continue
            text = " ".join(parts)
            if lower:
                text = sentence_case(text)  # (read as the sentence it opens, as the brief shows it)
            n_words = len(parts)
            if config.compress:
                text = compress(text, days=config.compress_days, parts=config.compress_parts)
                n_words = count_words(text)
            tk = tokens(text)
            toks.append(tk)
            out.append(_Item(sent=s, art=ai, pos=pos, text=text, words=n_words,
                             nbytes=len(text.encode("utf-8")), start=s.start + i, end=s.start + j, tail=tail,
                             first_person=not FIRST_PERSON_TOKENS.isdisjoint(tk), toks=tk,
                             runs_on=config.reader and (s.end > s.start and (_runs_on(a.text, s.end)
                                                                             or _cut_off(text, s.end, text_end))
                                                        or _trailing_off(text)),
                             caption=lower_page and lower_page_caption(text, a.text, s.end if s.end > s.start else None)))
    _number(out, toks, ids, config.unigram_weight > 0)
    return out


_LOWER_NEXT = re.compile(r"\s*[a-z][a-z'’-]*\b")
_SHORT_LAST = re.compile(r"(?<![\w.'’-])([a-z]{2,4})\s?\.$")


def _runs_on(text: str, end: int) -> bool:
    """Whether a sentence ending at ``end`` was cut at an abbreviation's dot ("UN approves no-fly zone
    in Libya Libyan amb. \nstill hopeful for airstrikes ..."): its last word is a short one that the
    tagger's vocabulary of news words does not know ("amb"; not "moon", "war", "govt"), and the text
    goes on in lower case (not "iPhone")."""
    from ..analyze.entities import known_word  # (the tagger's module is read only when a text needs it)

    last = _SHORT_LAST.search(text, max(0, end - 8), end)
    return last is not None and not known_word(last.group(1)) and _LOWER_NEXT.match(text, end) is not None


# an ellipsis glued to a sentence's last word or comma ("... said wednesday, aug. 31,...", "Mr. Velk, a
# velm-based...", "Just watched ferry sinks replay more videos..."): a teaser, a page's cut lead or a video's link
_TRAILING_OFF = re.compile(r"[\w,](?:\.\.\.|…)[\"'”’)]*$")


def _trailing_off(sentence: str) -> bool:
    """Whether ``sentence`` stops on an ellipsis glued to its last word or comma (``_TRAILING_OFF``): its words go on
    elsewhere, or nowhere the page shows."""
    return sentence[-1:] in ".…\"'”’)" and _TRAILING_OFF.search(sentence, max(0, len(sentence) - 8)) is not None


def _number(items: Sequence[_Item], toks: Sequence[list[str]], ids: _Ids, unigrams: bool) -> None:
    """Number the words and concepts of every sentence (see ``_Ids``), with whole-cluster array
    work: per-token Python work dominated small clusters. Bigram concepts are pairs of
    consecutive stems holding a content word, each once per sentence."""
    flat = list(chain.from_iterable(toks))
    codes, ids.gids, ids.stem_names = _token_codes(flat)
    cm = (codes & 1).astype(bool)
    wid = codes >> 1
    n = len(items)
    bounds = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, toks), dtype=np.int64, count=n), out=bounds[1:])
    ids.n_words = len(ids.gids)
    V = ids.V = max(1, ids.n_words)
    # bigrams: consecutive tokens of one sentence, at least one of them a content word
    row = ids.rows(bounds)
    ok = np.zeros(len(flat), dtype=bool)
    if len(flat) > 1:
        ok[:-1] = (row[:-1] == row[1:]) & (cm[:-1] | cm[1:])
    at = ok.nonzero()[0]
    key = _unique(row[at] * (V * V) + wid[at] * V + wid[at + 1])     # each once per sentence
    ids.keys, cid = _unique_inverse(key % (V * V))
    cb = key.searchsorted(np.arange(n + 1) * (V * V))
    crow = key // (V * V)
    if unigrams and n:
        ukey = _unique((row * V + wid)[cm])        # each content word once per sentence
        ub = ukey.searchsorted(np.arange(n + 1) * V)
        # each sentence's bigrams, then its content words: bigram ids (< len(keys)) come in
        # ascending order within a sentence, and so do word concept ids (>= len(keys)), so one
        # sort of (sentence, concept id) keys gives that order
        M = len(ids.keys) + V
        both = np.concatenate([crow * M + cid, (ukey // V) * M + (len(ids.keys) + ukey % V)])
        both.sort()
        cid, crow = both % M, both // M
        cb = cb + ub
    ids.wrow, ids.crow = row, crow
    ids.wid, ids.cm, ids.wb, ids.cid, ids.cb = wid, cm, bounds, cid, cb
    ids.art = np.fromiter((it.art for it in items), dtype=np.int64, count=n)
    ids.pos = np.fromiter((it.pos for it in items), dtype=np.int64, count=n)


def _tfidf(ids: _Ids, V: int) -> np.ndarray | sparse.csr_matrix:
    """Rows: sentences as l2-normalised (1 + log tf) x idf vectors of their content words (dense
    for story-sized inputs, where dense products cost less than sparse bookkeeping)."""
    n, V = len(ids.wb) - 1, max(1, V)
    # content words of every sentence, as (sentence, word id) pairs in sentence order
    uk, cnt = _unique_counts(ids.wrow[ids.cm] * V + ids.wid[ids.cm])   # sorted by row, then column
    r, c = uk // V, uk % V
    df = np.bincount(c, minlength=V)
    vals = (1.0 + np.log(cnt)) * (np.log((1 + n) / (1 + df)) + 1.0)[c]
    norms = np.sqrt(np.bincount(r, weights=vals * vals, minlength=n))
    norms[norms == 0] = 1.0
    vals = vals / norms[r]
    if n * V <= _DENSE_CELLS:
        out = np.zeros((n, V))
        out[r, c] = vals
        return out
    new_ptr = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=n))])
    return sparse.csr_matrix((vals, c, new_ptr), shape=(n, V))


def _query_relevance(items: Sequence[_Item], query: str | None, ids: _Ids) -> np.ndarray:
    rel = np.zeros(len(items))
    if not query:
        return rel
    q = set(content_stems(query))
    if not q:
        return rel
    names = [ids.stem_names[g] for g in ids.gids.tolist()]    # stem of each word id
    wb = ids.wb.tolist()
    sets = [{names[j] for j in ids.wid[wb[k]:wb[k + 1]][ids.cm[wb[k]:wb[k + 1]]].tolist()} for k in range(len(items))]
    df: dict[str, int] = defaultdict(int)
    for st in sets:
        for t in st & q:
            df[t] += 1
    n = len(items)
    idf = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in q}
    total = sum(idf[t] for t in q if df[t]) or 1.0
    for i, st in enumerate(sets):
        hit = st & q
        rel[i] = sum(idf[t] for t in hit) / total
    return rel


def _focus_relevance(items: Sequence[_Item], arts: Sequence[Article],
                     focus: Mapping[str, Sequence[tuple[int, int]]]) -> np.ndarray:
    """1 for each sentence holding the start of one of ``focus``'s spans in its article, else 0."""
    rel = np.zeros(len(items))
    starts = {aid: sorted(st for st, _ in spans) for aid, spans in focus.items() if spans}
    for i, it in enumerate(items):
        ss = starts.get(arts[it.art].id)
        if ss:
            k = bisect.bisect_left(ss, it.sent.start)
            rel[i] = float(k < len(ss) and ss[k] < max(it.sent.end, it.sent.start + 1))
    return rel


def _concept_weights(ids: _Ids, occ: np.ndarray, n_arts: int, rel: np.ndarray,
                     n_bigrams: int, m: int, config: SummaryConfig,
                     skip_rows: np.ndarray | None = None) -> np.ndarray:
    """Weight of each concept id: the sum over the articles carrying it of its best occurrence
    weight there; concepts told by too few articles get none, unless the query asks for them.
    Sentences flagged in ``skip_rows`` carry nothing."""
    if not m:
        return np.zeros(0)
    cids = ids.cid
    rows = ids.crow
    if skip_rows is not None and skip_rows.any():
        keep = ~skip_rows[rows]
        cids, rows = cids[keep], rows[keep]
    art = ids.art[rows]
    key = cids * n_arts + art
    occ_r = occ[rows]
    order = np.lexsort((-occ_r, key))   # by (concept, article), best occurrence first
    key_s = key[order]
    first = np.ones(len(key_s), dtype=bool)
    first[1:] = key_s[1:] != key_s[:-1]
    top = order[first]
    total = np.bincount(cids[top], weights=occ_r[top], minlength=m)
    n_with = np.bincount(cids[top], minlength=m)
    on_query = np.zeros(m)
    if rel.any():
        np.maximum.at(on_query, cids, rel[rows])
    uni = np.arange(m) >= n_bigrams   # ids past the bigrams are single words
    total = np.where(uni, total * config.unigram_weight, total)
    min_df = config.min_df or (1 if n_arts == 1 else 2 if n_arts <= 6 else 3)
    few = np.maximum(config.single_doc_weight, on_query) * total
    return np.where(n_with >= min_df, total, few)


def _content_keys(ids: _Ids) -> list[bytes]:
    """Each sentence's content stems, in order, as bytes: equal for copies of one sentence."""
    content = ids.wid[ids.cm]
    step = content.itemsize
    buf = content.tobytes()
    bounds = (np.concatenate([[0], np.cumsum(ids.cm)])[ids.wb] * step).tolist()
    return [buf[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


_Pages = dict[tuple[object, bytes], list[int]]


def _source_pages(ids: _Ids, keys: Sequence[bytes], arts: Sequence[Article]) -> _Pages:
    """(source, content key) -> the articles of that source holding such a sentence, in the order
    met. ``keys``: ``_content_keys(ids)``."""
    pages: _Pages = defaultdict(list)
    for key, a in zip(keys, ids.art.tolist()):
        src = arts[a].source
        if key and src and a not in pages[(src, key)][-1:]:  # an article's sentences come together
            pages[(src, key)].append(a)
    return pages


def _site_copies(ids: _Ids, keys: Sequence[bytes], arts: Sequence[Article], pages: _Pages) -> np.ndarray:
    """Per sentence, whether it copies a sentence of an earlier article from the same source: a
    site's sidebar headline or boilerplate, repeated on its every page. A reader's brief counts
    such copies once, so that 26 pages of one site do not make their sidebar the story's main
    fact (wire copy from several outlets still counts per outlet). ``pages``: ``_source_pages``."""
    out = np.zeros(len(ids.art), dtype=bool)
    for k, (key, a) in enumerate(zip(keys, ids.art.tolist())):
        src = arts[a].source
        if key and src:
            out[k] = pages[(src, key)][0] != a
    return out


BOILERPLATE_PAGES = 3  # a sentence on this many pages of one source is the site's boilerplate


def _boilerplate(pages: _Pages) -> set[bytes]:
    """Content keys of the sentences a source repeats word for word on ``BOILERPLATE_PAGES`` or more
    of its pages: a site's standing paragraph ("The Libyan government maintains tight control on
    communications and has not responded to repeated requests from CNN for access to the country.",
    on 16 CNN pages of the T17 Libya story), which is no news of this story. ``pages``:
    ``_source_pages``."""
    return {key for (_, key), where in pages.items() if len(where) >= BOILERPLATE_PAGES}


TRANSCRIPT_LABELS = 3


def transcripts(arts: Sequence[Article]) -> set[int]:
    """Indices of the articles that are broadcast transcripts (at least ``TRANSCRIPT_LABELS`` lines
    opened by a speaker's name in capitals, people who take turns and speak: ``transcript_labels``):
    their sentences are what anchors and guests said on air ("Mubarak tries to let the people think
    ..."), not an outlet's reporting."""
    return {i for i, a in enumerate(arts)
            if transcript_labels(a.text or "", TRANSCRIPT_LABELS)}


def mostly_quoted(text: str) -> bool:
    """Whether half or more of a sentence's words are a quotation: someone's words, for the quotes
    section; a summary tells the facts in the reporter's words first."""
    if '"' not in text and "“" not in text and "``" not in text:
        return False  # no quotation (each form of ``QUOTED_PASSAGE`` opens with one of these)
    quoted = sum(len(next(g for g in m.groups() if g is not None).split()) for m in QUOTED_PASSAGE.finditer(text))
    return quoted >= 6 and 2 * quoted >= len(text.split())


# a sentence that tells what will happen ("The commission will release its report on Thursday")
_WILL = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:expected|scheduled|set|due|to)\s+(?:to\s+)?[a-z]+|plans?\s+to)\b")


def _stale(text: str, published: date | None, newest: date | None) -> bool:
    """Whether a sentence tells of a day to come that is past for the story's newest article: "will
    release its report on Thursday" when later articles report the release (they tell what happened)."""
    if newest is None or published is None or published >= newest or not _WILL.search(text):
        return False
    days = [d for d in _days(text, published) if d > published.isoformat()]
    return bool(days) and max(days) < newest.isoformat()


def _candidates(items: Sequence[_Item], keys: Sequence[bytes], config: SummaryConfig, rel: np.ndarray,
                budget_words: float, refs: Sequence[date | None] = ()) -> list[int]:
    """Self-contained sentences first; looser tiers join only while the pool is thin for the budget.
    In a reader's brief (``refs``: each article's reference day), a sentence about a day to come that
    later articles have overtaken (``_stale``) only fills."""
    newest = max((d for d in refs if d is not None), default=None)
    furnished = furniture_phrase_rows([it.text for it in items])  # (one scan for all the sentences first)
    seen: set[bytes] = set()
    tiers: list[list[int]] = [[], [], []]
    leaning: list[int] = []
    for i, (it, key) in enumerate(zip(items, keys)):  # a repeated sentence (same content stems) is met once
        if not key or key in seen or it.words < 3 or (config.reader and (is_furniture(it.text, i in furnished) or table_line(it.text))):
            continue  # (a reader's brief is not even filled with page furniture: "Cannot play media.")
        seen.add(key)
        # a reader's brief leaves out what leans on the sentence before, and likely captions with no verb
        shaped = it.shaped = _shaped(it, i in furnished) and not (config.reader and (leans_back(it.text) or caption_like(it.text)
                                                                     or is_caveat(it.text) or it.runs_on or it.caption
                                                                     or (newest is not None and it.art < len(refs)
                                                                         and _stale(it.text, refs[it.art], newest))))
        if shaped and config.min_words <= it.words <= config.max_sentence_words and _ends_sentence(it.text) \
                and not mostly_quoted(it.text):
            tiers[0].append(i)
        elif shaped and it.words >= 5:
            tiers[1].append(i)
        elif config.reader and not shaped:
            leaning.append(i)  # a reader's brief is shorter rather than lean on sentences it does not show
        else:
            tiers[2].append(i)
    if not any(tiers):
        tiers[2] = leaning
    levels = [0, 1, 2]
    if rel.any():
        on = [[i for i in t if rel[i] > 0] for t in tiers]
        off = [[i for i in t if rel[i] <= 0] for t in tiers]
        if sum(map(len, on)) >= 3:
            # on-query sentences first; off-query ones only when the focused pool is thin
            tiers = [on[0], on[1], off[0], off[1], on[2], off[2]]
            levels = [0, 1, 1, 1, 2, 2]
    cands: list[int] = []
    for level, t in zip(levels, tiers):
        need = config.pool_factor if level < 2 else 1.0  # sentences leaning on context: only to fill
        if len(cands) >= 3 and sum(items[i].words for i in cands) >= need * budget_words:
            break
        cands.extend(t)
    return sorted(cands)


def _conflicts(sim_rows: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences whose cosine reaches ``threshold``, in row-major order."""
    if threshold <= 0:
        ii, jj = np.nonzero(np.triu(sim_rows, 1) >= threshold)
    else:
        ii, jj = np.nonzero(sim_rows >= threshold)
        upper = ii < jj
        ii, jj = ii[upper], jj[upper]
    return list(zip(ii.tolist(), jj.tolist()))


# a count and the word it counts ("217 people", "$75 billion", "1,200 homes"); not a year, a clock time,
# a share or a span of time, which many facts of a story share
_COUNT = re.compile(r"(?<![\d.,:])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+([a-z]+)")
_NOT_COUNTED = frozenset("""percent pct am pm a p and or to of in on at by for from years year days day months month weeks
week hours hour minutes minute seconds second miles mile feet foot km kilometers kilometres meters metres
times points point degrees""".split())


def count_phrases(text: str) -> set[tuple[str, str]]:
    """The counts of a sentence with the word they count ("All 217 people aboard were killed" ->
    {("217", "")}, "1,200 homes" -> {("1200", "home")}): two sentences of a brief that give one such
    count tell one fact. An uneven count above 12 ("217 people", "217 passengers and crewmen") is
    itself the key; a round or small one counts only with its word ("10 people" and "10 arrests" are
    two facts)."""
    out = set()
    for m in _COUNT.finditer(text):
        number, word = m.group(1).replace(",", ""), m.group(2)
        if word in _NOT_COUNTED or (len(number) == 4 and number[:2] in ("19", "20")) or number in ("0", "1"):
            continue
        uneven = "." not in number and int(number) > 12 and int(number) % 10 != 0
        out.add((number, "" if uneven else word.rstrip("s")))
    return out


def _same_counts(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences that give the same count of the same thing."""
    by: dict[tuple[str, str], list[int]] = {}
    for i, t in enumerate(texts):
        for key in count_phrases(t):
            by.setdefault(key, []).append(i)
    return sorted({(a, b) for rows in by.values() for x, a in enumerate(rows) for b in rows[x + 1:]})


def one_fact(a: str, b: str, a_published: date | None, b_published: date | None) -> bool:
    """Whether two sentences close in words tell one fact in other words: each carries half of the
    other's fact words, two of them at least ("announced Friday that Hugh Jackman will be the host of
    the 81st annual Oscars" and "On Friday, the organization behind the Academy Awards named Jackman as
    the host of February's annual show"; not "was found guilty in the murder" and "charged with her
    murder"), on the same names (some in common when both name any), and they name no different days."""
    if len(fact_words(a) & fact_words(b)) < 2 or not (supports(a, b) and supports(b, a)):
        return False
    na, nb = _name_words(a), _name_words(b)
    if na and nb and not na & nb:
        return False  # "Police charged Reed with the murder" / "Detectives released Moss ... the murder"
    return not _other_days(a, a_published, b, b_published)


_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]*")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _name_words(sentence: str) -> set[str]:
    """The capitalised words of a sentence that may name someone or something (its first word too
    unless a common one; days and months left out): two sentences on different names tell two facts."""
    out = set()
    for m in _NAME_WORD.finditer(sentence):
        w = _POSSESSIVE_END.sub("", m.group())  # "Hale's" is Hale, "Jones" stays Jones
        if w.lower() in STOP or w.lower() in _CALENDAR_WORDS:
            continue
        out.add(w)
    return out


def _thin_and_unnamed(claim: str, other: str) -> bool:
    """Whether ``other`` shares fewer than three of ``claim``'s fact words, none of its numbers and none
    of the names ``claim`` gives: too little to carry its fact."""
    names = _name_words(claim)
    if not names or len(fact_words(claim) & fact_words(other)) >= 3 or fact_numbers(claim) & fact_numbers(other):
        return False
    # a name in other words: any case ("Mayor Lint" / "the mayor"), or its initials ("U.S." / "United States")
    keys = {w.lower() for w in names} | _short_forms(claim)
    return not keys & ({_POSSESSIVE_END.sub("", w).lower() for w in _WORD.findall(other)} | _short_forms(other))


_WORD = re.compile(r"[\w'’-]+")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_CAP_RUN = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)+")


def _short_forms(sentence: str) -> set[str]:
    """The abbreviations a sentence writes ("U.S." -> "us") and the initials of its runs of
    capitalised words ("United States" -> "us"), lower-cased."""
    return {m.group().replace(".", "").lower() for m in _DOTTED.finditer(sentence)} | {
        "".join(w[0] for w in m.group().split() if w != "of").lower() for m in _CAP_RUN.finditer(sentence)}


_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(w for w in WEEKDAYS if w.endswith("day"))  # months, "jan", "monday"


def _same_facts(sims: np.ndarray, texts: Sequence[str], published: Sequence[date | None],
                config: SummaryConfig) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, under the redundancy bar but above ``config.same_fact`` that tell one fact."""
    if config.same_fact <= 0 or config.same_fact >= config.redundancy:
        return []
    return [(i, j) for i, j in _conflicts(sims, config.same_fact)
            if sims[i, j] < config.redundancy and one_fact(texts[i], texts[j], published[i], published[j])]


@dataclass(frozen=True, slots=True)
class _WordTerm:
    """The greedy's expected-overlap term: each candidate's counts as CSR parts (words by word id,
    then word bigrams after them), each one's expected count in a reference (``caps``), the term's
    weight against the concepts (``scale``), and, when bigrams count, their sorted keys ``a * V + b``
    (the order of their caps) and what one occurrence of a bigram counts (``bigram_unit``)."""

    counts: tuple[np.ndarray, np.ndarray, np.ndarray]
    caps: np.ndarray
    scale: float
    bigram_keys: np.ndarray = field(default_factory=_empty)
    bigram_unit: float = 0.0


def _slices(starts: np.ndarray, lens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions ``starts[r] .. starts[r] + lens[r] - 1`` of every row ``r``, flat, with their row."""
    row = np.arange(len(lens)).repeat(lens)
    before = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
    return np.arange(len(row)) + (starts - before).repeat(lens), row


def _capped_gain(keys: np.ndarray, unit: float, have: np.ndarray, caps: np.ndarray, base: int,
                 n_rows: int) -> np.ndarray:
    """Per row, what its entries (``keys``: row * ``base`` + index into ``caps``, each counting
    ``unit``) add to ``sum(min(have, caps))``."""
    uk, cnt = _unique_counts(keys)
    j = uk % base
    gain = np.minimum(have[j] + cnt * unit, caps[j]) - np.minimum(have[j], caps[j])
    return np.bincount(uk // base, weights=gain, minlength=n_rows)


def _fill_cut(chosen: list[int], cands: list[int], items: Sequence[_Item], w_all: np.ndarray,
              ids: _Ids, room: int, sims: np.ndarray, config: SummaryConfig, in_bytes: bool,
              bonus: np.ndarray, words: _WordTerm | None) -> int | None:
    """The candidate whose first ``room`` bytes (or words) add the most to what the greedy
    maximises: uncovered concept weight, its bonus for the share of it kept, and what its words
    and word bigrams add to the expected overlap (``words``) (the first one when none adds
    anything: the budget is used to the end). Only the head is read, which is all a summary cut at
    its budget keeps: the concepts and words after the cut earn nothing. A byte budget is filled
    to its last byte, as DUC cut summaries, by a head that keeps one whole word at least (none:
    no fill); a word budget only when ``config.fill_min_words`` are left."""
    if room < (1 if in_bytes else config.fill_min_words):
        return None
    said = set(chosen)
    said.update(np.flatnonzero((sims[:, chosen] >= config.redundancy).any(axis=1)).tolist())
    ks = [k for k in range(len(cands)) if k not in said]   # not chosen, nor saying what a chosen one says
    if not ks:
        return None
    n_tok, kept = [], []
    for k in ks:
        it = items[cands[k]]
        head = truncate_bytes(it.text, room) if in_bytes else truncate_words(it.text, room)
        ht = tokens(head)
        n = min(len(ht), len(it.toks))
        n_tok.append(n - (n > 0 and ht[n - 1] != it.toks[n - 1]))    # a word cut by a byte budget earns nothing
        # the share of its bonus (which grows with its length) the head keeps
        kept.append(len(head.encode("utf-8")) / max(1, it.nbytes) if in_bytes else count_words(head) / max(1, it.words))
    whole_word = [x for x, t in enumerate(n_tok) if t > 0]
    if not whole_word:   # (a byte budget too small for any head's first word: a cut word earns nothing)
        return None
    if len(whole_word) < len(ks):
        ks, n_tok, kept = [ks[x] for x in whole_word], [n_tok[x] for x in whole_word], [kept[x] for x in whole_word]
    rows_n = len(ks)
    sent = np.asarray([cands[k] for k in ks], dtype=np.int64)
    at, row = _slices(ids.wb[sent], np.asarray(n_tok, dtype=np.int64))
    wid, cm = ids.wid[at], ids.cm[at]
    pair = (row[:-1] == row[1:]).nonzero()[0]        # consecutive tokens of one head
    V = ids.V
    # concepts: bigrams holding a content word, and content words when they count
    pc = pair[cm[pair] | cm[pair + 1]]
    cid, crow = ids.keys.searchsorted(wid[pc] * V + wid[pc + 1]), row[pc]
    if len(w_all) > len(ids.keys):
        cid, crow = np.concatenate([cid, len(ids.keys) + wid[cm]]), np.concatenate([crow, row[cm]])
    covered = np.zeros(len(w_all), dtype=bool)
    whole = sorted(cands[k] for k in chosen)
    covered[ids.gather(ids.cid, ids.cb, whole, ids.crow)[0]] = True
    M = len(w_all)
    key = _unique(crow * M + cid)
    # (float even when no head holds a concept: bincount of no entries gives integers)
    gain: np.ndarray = np.bincount(key // M, weights=w_all[key % M] * ~covered[key % M], minlength=rows_n).astype(float)
    gain += bonus[ks] * np.asarray(kept)
    if words is not None:
        ptr, idx, val = words.counts
        have = np.zeros(len(words.caps))
        for k in chosen:
            np.add.at(have, idx[ptr[k]:ptr[k + 1]], val[ptr[k]:ptr[k + 1]])
        C = len(words.caps)
        got = _capped_gain(row * C + wid, 1.0, have, words.caps, C, rows_n)
        if len(words.bigram_keys) and len(pair):
            b = ids.n_words + words.bigram_keys.searchsorted(wid[pair] * V + wid[pair + 1])
            got += _capped_gain(row[pair] * C + b, words.bigram_unit, have, words.caps, C, rows_n)
        gain += words.scale * got
    return ks[int(np.argmax(gain))]


def summarize(articles: Sequence[Article], max_words: int = 100, max_bytes: int | None = None,
              query: str | None = None, *, config: SummaryConfig = SummaryConfig(),
              sentences: Mapping[str, Sequence[Sentence]] | None = None,
              focus: Mapping[str, Sequence[tuple[int, int]]] | None = None,
              template_out: bool = False) -> list[SummarySentence]:
    """Pick sentences that together tell the story, each cited to every article that carries it.

    ``max_words`` bounds the total number of words: whole sentences are chosen to fit it, then a
    remainder of at least ``config.fill_min_words`` words is filled with the head of one more
    sentence, cut at the budget (``SummarySentence.truncated``; ``config.fill_words=False`` leaves
    it empty); when no whole sentence fits, the best one is cut to the budget. ``max_bytes``, when
    given, replaces the word budget: the summary, sentences joined by one separator, is cut at
    that many bytes as DUC did (the last sentence may then be cut). ``query`` biases the summary
    toward a person, place or subject. ``sentences`` (article id -> Sentence list) reuses splits
    made earlier. Lines of the pages' template (``template.without_template``) are never used
    (``template_out``: the caller has blanked them already, with ``sentences``). ``focus`` (article id -> character spans, e.g. the mentions of one entity under
    all its spellings) biases it as ``query`` does, toward the sentences holding such a span;
    with ``config.query_only`` only sentences on the query or focus are used (none: no summary).
    """
    arts = [a for a in articles if a.text and a.text.strip()]
    if not arts or (max_bytes is None and max_words <= 0) or (max_bytes is not None and max_bytes <= 0):
        return []
    if not (template_out and sentences is not None):
        arts, sentences = without_template(arts, sentences)  # a site's template lines are no news
    cvocab = _Ids()
    items = _items(arts, sentences, config, cvocab)
    if not items:
        return []
    rel = _query_relevance(items, query, cvocab)
    if focus is not None:
        rel = np.maximum(rel, _focus_relevance(items, arts, focus))
    focused = bool(query) or focus is not None
    if focused and config.query_only and not rel.any():
        return []
    pos = cvocab.pos.astype(float)
    occ = 1.0 + config.position_boost * np.exp(-pos / config.position_tau)
    if focused:
        occ = occ * (1.0 + config.query_weight * rel)
    n_concepts = len(cvocab) + (cvocab.n_words if config.unigram_weight > 0 else 0)
    keys = _content_keys(cvocab)
    pages = _source_pages(cvocab, keys, arts) if config.reader and len(arts) > 1 else None
    skip = _site_copies(cvocab, keys, arts, pages) if pages is not None else None
    w_all = _concept_weights(cvocab, occ, len(arts), rel, len(cvocab), n_concepts, config, skip)
    budget_words = max_words if max_bytes is None else max_bytes / 6.0  # a byte budget in words
    refs = [reference_date(a) for a in arts] if config.reader else []  # each article's day, read once
    cands = _candidates(items, keys, config, rel, budget_words, refs)
    if focused and config.query_only:
        cands = [i for i in cands if rel[i] > 0]
    personal: set[int] = set()
    if pages is not None:  # a reader's brief of several articles
        talk = transcripts(arts)
        if talk and len(talk) < len(arts):  # a broadcast's words are speech, not the story's reporting
            cands = [i for i in cands if items[i].art not in talk]
        personal = personal_pages(arts)  # readers' comments, a diary: no report of the story, nor its source
        cands = [i for i in cands if items[i].art not in personal]
        boiler = _boilerplate(pages)
        if boiler:  # a site's standing paragraph is no news, while there is news to tell
            news = [i for i in cands if keys[i] not in boiler]
            cands = news if len(news) >= 3 else cands
    if not cands:
        return []
    cc, crow = cvocab.gather(cvocab.cid, cvocab.cb, cands, cvocab.crow)
    score = np.bincount(crow, weights=w_all[cc], minlength=len(cands))
    lengths_all = np.array([items[i].nbytes + 1 if max_bytes is not None else items[i].words for i in cands],
                           dtype=float)
    budget = float(max_bytes if max_bytes is not None else max_words)
    told = (np.bincount(crow, weights=(w_all[cc] > 0) & (cc < len(cvocab)), minlength=len(cands)) > 0
            if config.reader and len(arts) > 1 else None)
    if told is not None and told.sum() >= 3:
        # a reader's brief leaves out sentences that share no weighted word pair with the story
        # (a paper's other local news, a site's sidebar headline once its copies count once):
        # they could only fill the budget
        keep = np.flatnonzero(told)
        cands = [cands[k] for k in keep]
        score, lengths_all = score[keep], lengths_all[keep]
        cc, crow = cvocab.gather(cvocab.cid, cvocab.cb, cands, cvocab.crow)
    if len(cands) > config.candidate_limit:
        keep = np.argsort(-(score / np.maximum(lengths_all, 1.0) ** 0.5), kind="stable")[: config.candidate_limit]
        keep.sort()
        cands = [cands[k] for k in keep]
        score = score[keep]
        lengths_all = lengths_all[keep]
        cc, crow = cvocab.gather(cvocab.cid, cvocab.cb, cands, cvocab.crow)
    n = len(cands)
    # concepts of the candidates that carry weight, best first, capped
    present = _unique(cc)
    present = present[w_all[present] > 0]
    used = present[(-w_all[present]).argsort(kind="stable")][: config.concept_limit]
    col = np.full(n_concepts, -1, dtype=np.int64)
    col[used] = np.arange(len(used))
    w = w_all[used]
    rows = crow
    cols_ = col[cc]
    ok = cols_ >= 0
    if config.rouge_weight > 0:
        inc: np.ndarray | sparse.csr_matrix = np.zeros((n, len(used)), dtype=bool)
        inc[rows[ok], cols_[ok]] = True
    else:
        inc = sparse.csr_matrix((np.ones(int(ok.sum())), (rows[ok], cols_[ok])), shape=(n, len(used)))
    tf = _tfidf(cvocab, cvocab.n_words)
    cand_vecs = tf[cands]
    sims = _dense(cand_vecs @ cand_vecs.T)
    conflicts = _conflicts(sims, config.redundancy)
    if config.reader:
        texts = [items[i].text for i in cands]
        conflicts = sorted(set(conflicts) | set(_same_counts(texts))
                           | set(_same_facts(sims, texts, [refs[items[i].art] for i in cands], config)))
    # a tiny bonus prefers, among equal covers, sentences near the leads and on the query
    bonus = 1e-3 * (occ[cands] + rel[cands]) * (w.max() if len(w) else 1.0)
    top30 = float(np.sort(w)[::-1][:30].sum())
    cw = centrality_weight(budget_words, config)
    # the candidates' closeness to the story's centroid: a quality feature and the centrality bonus
    cent = _centrality(tf, cand_vecs) if cw > 0 or (config.quality_weight > 0 and config.quality_coef) else None
    if config.quality_weight > 0 and config.quality_coef:
        X = _quality_features(cands, items, score, cand_vecs, tf, len(arts), config, cvocab.art, cent)
        q = X @ np.asarray(config.quality_coef[1:]) + config.quality_coef[0]
        if focused:
            q = q * rel[cands]  # with a query, quality counts only as far as the sentence is on it
        bonus = bonus + config.quality_weight * np.clip(q, 0, None) * lengths_all / budget * top30
    if cw > 0 and cent is not None:
        bonus = bonus + cw * cent * lengths_all / budget * top30
    chosen = None
    words: _WordTerm | None = None
    if config.rouge_weight > 0:
        counts, caps = _unigram_model(items, cvocab, cands, len(arts), budget_words, config)
        words = _WordTerm(counts, caps, config.rouge_weight * top30 / max(1.0, caps.sum()))
        pool = sum(items[i].words for i in cands)
        if config.bigram_overlap > 0 and pool >= config.bigram_min_pool * budget_words:
            words = _with_bigrams(words, cvocab, cands, len(arts), budget_words,
                                  config.bigram_overlap / config.rouge_weight, config)
        chosen = select_greedy_capped(inc, w, lengths_all, budget, bonus, conflicts, words.counts, words.caps * 1.0,
                                      words.scale, config.reader_stop if config.reader else 0.0)
    if chosen is None and config.solver == "ilp":
        chosen = select_ilp(inc, w, lengths_all, budget, bonus, conflicts, time_limit=config.ilp_time_limit)
    if chosen is None:
        chosen = select_greedy(inc, w, lengths_all, budget, bonus, conflicts, scale=config.greedy_scale)
    if not chosen and max_bytes is None:
        # no sentence fits the word budget: cut the best one to it
        best = int(np.argmax(score)) if len(score) else 0
        chosen = [best]
    cut_k: int | None = None
    in_bytes = max_bytes is not None
    if (config.fill_bytes if in_bytes else config.fill_words):
        room = int(budget - lengths_all[chosen].sum()) - (1 if in_bytes else 0)
        cut_k = _fill_cut(chosen, cands, items, w_all, cvocab, room, sims, config, in_bytes, bonus, words)
        if cut_k is not None:
            chosen.append(cut_k)
    order = sorted(chosen, key=lambda k: (k == cut_k, arts[items[cands[k]].art].published or _FAR,
                                          items[cands[k]].pos, items[cands[k]].art))
    if not (focused and config.query_only):
        order = _lead_with_context(order, cands, items, cut_k, score, arts)
    else:  # a focused summary follows its subject in time, opened by a sentence that names it
        order = _named_first(order, cands, items, cut_k, arts)
    all_sims = tf @ cand_vecs[order].T
    return _render(order, cands, items, arts, _dense(all_sims), max_words, max_bytes, config, cvocab.art, refs,
                   uncited=personal)


def centrality_weight(budget_words: float, config: SummaryConfig) -> float:
    """Weight of the centroid bonus for a summary of ``budget_words`` words. A short summary is
    filled by the story's main concepts; a long one, once they are covered, would otherwise take
    short sentences that add a stray concept or two ("Financial analysts are also cautious about
    the proposal."), so closeness to the whole story counts more as the budget grows."""
    span = max(1e-9, config.long_full - config.long_from)
    ramp = min(1.0, max(0.0, (budget_words - config.long_from) / span))
    return config.centrality_weight + config.long_centrality * ramp


def _word_table(items: Sequence[_Item], ids: _Ids, n_arts: int) -> np.ndarray:
    """Features of every word of the cluster (stop words too), by word id: log frequency, share of
    the articles using it, stop word, stop word x log frequency, closeness to a lead, share of the
    articles using it in their first three sentences."""
    n, V = max(1, n_arts), ids.n_words
    if not V:
        return np.zeros((0, 6))
    w = ids.wid
    rows = ids.wrow
    art, pos = ids.art[rows], ids.pos[rows]
    ltf = np.log1p(np.bincount(w, minlength=V).astype(float))
    pairs = _unique(w * n + art)
    df = np.bincount(pairs // n, minlength=V) / n
    lead_pairs = _unique((w * n + art)[pos < 3])
    lead = np.bincount(lead_pairs // n, minlength=V) / n
    first = np.full(V, np.iinfo(np.int64).max)
    np.minimum.at(first, w, pos)
    stop = np.array([t in STOP or len(t) < 2 for t in ids.vocab()], dtype=float)
    return np.column_stack([ltf, df, stop, stop * ltf, 1.0 / (1.0 + first.astype(float)), lead])


def _unigram_model(items: Sequence[_Item], ids: _Ids, cands: Sequence[int], n_arts: int,
                   ref_words: float, config: SummaryConfig) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray]:
    """Counts of every word (stop words too) per candidate, and the expected count of each word in
    a reference of ``ref_words`` words: the cluster's word distribution, sharpened by the share of
    the articles using each word (``word_coef``: log-linear weights of ``_word_table``'s features)."""
    coef = np.asarray(config.word_coef)
    V = ids.n_words
    if np.any(coef[3:]):
        X = _word_table(items, ids, n_arts)
    else:  # the default model reads only frequency and article share: skip the rest
        w = ids.wid
        art = ids.art[ids.wrow]
        n = max(1, n_arts)
        df = np.bincount(_unique(w * n + art) // n, minlength=V) / n
        X = _columns(np.log1p(np.bincount(w, minlength=V).astype(float)), df)
    caps = np.exp(coef[0] + X @ coef[1:1 + X.shape[1]])
    caps = config.rouge_len * ref_words * caps / (caps.sum() or 1.0)
    cw, crow = ids.gather(ids.wid, ids.wb, cands, ids.wrow)
    key = crow * V + cw
    uk, cnt = _unique_counts(key)    # sorted by candidate, then word
    # CSR parts (indptr, indices, data), not a scipy matrix: building one costs more than the
    # greedy's arithmetic on a story-sized cluster
    counts = (uk.searchsorted(np.arange(len(cands) + 1) * V), uk % V, cnt.astype(float))
    return counts, caps


def _with_bigrams(words: _WordTerm, ids: _Ids, cands: Sequence[int], n_arts: int, ref_words: float,
                  share: float, config: SummaryConfig) -> _WordTerm:
    """The word-count model of ``_unigram_model`` extended to word bigrams (every pair of
    consecutive words, stop words too: what ROUGE-2 counts): each bigram's expected count in a
    reference is modelled as a word's is, and its entries are scaled so that the bigram term
    weighs ``share`` times the word term in the greedy (a capped gain scales with its counts).
    Each candidate's bigram entries follow its word entries."""
    V = max(1, ids.n_words)
    rows = ids.wrow
    w = ids.wid
    at = (rows[:-1] == rows[1:]).nonzero()[0]
    if not len(at):
        return words
    caps = words.caps
    bkeys, bid = _unique_inverse(w[at] * V + w[at + 1])
    B = len(bkeys)
    n = max(1, n_arts)
    brow = rows[at]
    df = np.bincount(_unique(bid * n + ids.art[brow]) // n, minlength=B) / n
    coef = config.word_coef
    bcaps = np.exp(coef[0] + coef[1] * np.log1p(np.bincount(bid, minlength=B).astype(float)) + coef[2] * df)
    bcaps *= config.rouge_len * ref_words / (bcaps.sum() or 1.0)
    r = share * caps.sum() / (bcaps.sum() or 1.0)
    m = len(cands)
    if m != len(ids.wb) - 1:   # only the candidates' bigrams, numbered by candidate
        sel = np.full(len(ids.wb) - 1, -1, dtype=np.int64)
        sel[np.asarray(cands, dtype=np.int64)] = np.arange(m)
        brow = sel[brow]
        keep = brow >= 0
        brow, bid = brow[keep], bid[keep]
    uk, cnt = _unique_counts(brow * B + bid)       # sorted by candidate, then bigram
    bptr = np.searchsorted(uk, np.arange(m + 1) * B)
    wptr, word, wcnt = words.counts
    # merged rows: a candidate's word entries, then its bigram entries
    ptr = wptr + bptr
    out_idx = np.empty(ptr[-1], dtype=np.int64)
    out_val = np.empty(ptr[-1])
    wpos = np.arange(len(word)) + np.repeat(bptr[:-1], wptr[1:] - wptr[:-1])
    bpos = np.arange(len(uk)) + np.repeat(wptr[1:], bptr[1:] - bptr[:-1])
    out_idx[wpos], out_val[wpos] = word, wcnt
    out_idx[bpos], out_val[bpos] = len(caps) + uk % B, cnt * r
    return _WordTerm((ptr, out_idx, out_val), np.concatenate([caps, bcaps * r]), words.scale, bkeys, r)


def _centrality(tf: np.ndarray | sparse.csr_matrix, cand_vecs: np.ndarray | sparse.csr_matrix) -> np.ndarray:
    """Each candidate's cosine with the centroid of all sentences' TF-IDF rows."""
    centroid = np.asarray(tf.mean(axis=0)).ravel()
    centroid /= np.sqrt(centroid.dot(centroid)) or 1.0    # np.linalg.norm's own arithmetic
    return np.asarray(cand_vecs @ centroid).ravel()


def _quality_features(cands: Sequence[int], items: Sequence[_Item], score: np.ndarray, cand_vecs: sparse.csr_matrix,
                      tf: sparse.csr_matrix, n_arts: int, config: SummaryConfig,
                      art_of: np.ndarray | None = None, cent: np.ndarray | None = None) -> np.ndarray:
    """Per candidate: lead closeness, position, length, concept density, centrality (``cent``: ``_centrality``,
    when already computed), support share."""
    pos = np.array([items[i].pos for i in cands], dtype=float)
    words = np.array([items[i].words for i in cands], dtype=float)
    dens = score / np.maximum(words, 1.0)
    dens = dens / (dens.max() or 1.0)
    if cent is None:
        cent = _centrality(tf, cand_vecs)
    if art_of is None:
        art_of = np.fromiter((it.art for it in items), dtype=np.int64, count=len(items))
    if isinstance(tf, np.ndarray):
        close = (cand_vecs @ tf.T) >= config.cite_threshold
        # items come in article order: one block of columns per article that has sentences
        starts = art_of.searchsorted(np.arange(n_arts))
        starts = _unique(starts[starts < len(items)])
        held = np.logical_or.reduceat(close, starts, axis=1) if len(starts) else np.zeros((len(cands), 0), dtype=bool)
        support = held.sum(axis=1) / max(1, n_arts)
    else:
        sims = (cand_vecs @ tf.T).tocsr()
        sims.data = (sims.data >= config.cite_threshold).astype(float)
        sims.eliminate_zeros()
        owner = sparse.csr_matrix((np.ones(len(items)), (np.arange(len(items)), art_of)), shape=(len(items), n_arts))
        support = np.asarray(((sims @ owner) > 0).sum(axis=1)).ravel() / max(1, n_arts)
    return _columns(1.0 / (1.0 + pos), np.minimum(pos, 40) / 40, words / 30.0, dens, cent, support)


def _columns(*cols: np.ndarray) -> np.ndarray:
    """``np.column_stack(cols)`` for 1-d float columns of one length, written into one array (numpy's
    own checks and conversions cost more than the copy on a story's few candidates)."""
    out = np.empty((len(cols[0]), len(cols)))
    for j, c in enumerate(cols):
        out[:, j] = c
    return out


def _shaped(it: _Item, phrases: bool = True) -> bool:
    """Whether a sentence has a summary sentence's shape (``is_candidate_shape``, not ``is_dangling``), read
    once; ``phrases=False``: it holds none of ``furniture_phrase``'s words."""
    if it.shaped is None:
        it.shaped = is_candidate_shape(it.text, first_person=it.first_person, phrases=phrases) \
            and not is_dangling(it.text)
    return it.shaped


_BARE_THE = re.compile(r"^The [a-z][a-z-]*(?:, (?:who|which|whose) [^,]{0,120},)? (?:was|were|is|are|has been|had been) "
                       r"(?:[a-z]+ed|[a-z]+en|made|held|set|"
                       r"put|built|sent|found|kept|lost|paid|sold|told|won|led|brought|bought|caught|left|shut|hit|"
                       r"cut|run|done|seen|known|shown|drawn|grown)\b")


def _lead_with_context(order: list[int], cands: list[int], items: Sequence[_Item], cut_k: int | None,
                       score: np.ndarray, arts: Sequence[Article] = (), similar: float = 0.8) -> list[int]:
    """Open with the sentence that best introduces the story: self-contained, nearest to an
    article's lead, then richest in concepts; the others keep their chronological order. When
    that sentence only describes its actor ("The North Korean leader is said to...") and one of
    similar position (at most one sentence further from its lead) and score (``similar`` of it)
    names its actor ("North Korean Leader Kim Jong Un arrived..."), that one opens."""
    whole = [k for k in order if k != cut_k]
    good = [k for k in whole if _shaped(items[cands[k]])]
    if not good:
        return order
    # "The decision was made at ...", "The men, who were working to restore phone lines, were kidnapped
    # ..." tell of something a sentence before introduced: they do not open
    good = [k for k in good if not _BARE_THE.match(items[cands[k]].text)] or good
    key = lambda k: (items[cands[k]].pos, -score[k])  # noqa: E731
    # a caption does not open, unless all are captions: ``caption_like`` is asked, best first, only
    # of the sentences that could open (the first one that is no caption, and its rivals)
    ranked = sorted(good, key=key)
    opens = cache(lambda k: not caption_like(items[cands[k]].text))
    first = next((k for k in ranked if opens(k)), ranked[0])
    any_opens = opens(first)
    common = _written_lower(arts)
    if not names_actor(items[cands[first]].text, common):
        p0, s0 = items[cands[first]].pos, score[first]
        rivals = [k for k in good if k != first and items[cands[k]].pos <= p0 + 1 and score[k] >= similar * s0
                  and (not any_opens or opens(k)) and names_actor(items[cands[k]].text, common)]
        if rivals:
            first = min(rivals, key=key)
    return [first] + [k for k in order if k != first]


def _named_first(order: list[int], cands: list[int], items: Sequence[_Item], cut_k: int | None,
                 arts: Sequence[Article]) -> list[int]:
    """``order`` (chronological) with, when its first sentence only describes its actor ("The North
    Korean leader is said to ..."), the first sentence of the same day that names one ("North Korean
    Leader Kim Jong Un arrived ...") moved to the front."""
    whole = [k for k in order if k != cut_k]
    if not whole:
        return order
    common = _written_lower(arts)
    day = arts[items[cands[whole[0]]].art].published
    if names_actor(items[cands[whole[0]]].text, common):
        return order
    named = next((k for k in whole[1:] if arts[items[cands[k]].art].published == day
                  and names_actor(items[cands[k]].text, common)), None)
    return order if named is None else [named] + [k for k in order if k != named]


def _written_lower(arts: Sequence[Article]) -> Callable[[str], bool]:
    """Whether the articles write a word in lower case somewhere (a common word, not a name)."""
    seen: dict[str, bool] = {}

    def common(word: str) -> bool:
        lw = word.lower()
        if lw not in seen:
            seen[lw] = any(f" {lw}{end}" in a.text for a in arts for end in (" ", ",", "."))
        return seen[lw]
    return common


@lru_cache(maxsize=8192)
def _days(sentence: str, published: date | None) -> frozenset[str]:
    """The calendar days a sentence names, resolved against its article's date (cached: a cited
    sentence is read by ``one_fact`` and again by the check for another day)."""
    from ..analyze.timex import tag_timexes

    return frozenset(t.value[:10] for t in tag_timexes(sentence, published)
                     if t.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value[:10]) and "X" not in t.value)


def _other_days(claim: str, claim_published: date | None, other: str, other_published: date | None) -> bool:
    """Whether two sentences each name days and none in common: the same words tell of another day."""
    a, b = _days(claim, claim_published), _days(other, other_published)
    return bool(a and b and not a & b)


def _render(order: list[int], cands: list[int], items: Sequence[_Item], arts: Sequence[Article],
            sims: np.ndarray, max_words: int, max_bytes: int | None,
            config: SummaryConfig, art_of: np.ndarray | None = None,
            refs: Sequence[date | None] = (), uncited: Collection[int] = ()) -> list[SummarySentence]:
    # items come in article order: each article's sentences are one block of rows; per article
    # and summary sentence, the closest sentence of that article and its cosine; ``uncited``
    # articles (readers' pages) are no source of the story's facts
    if art_of is None:
        art_of = np.fromiter((it.art for it in items), dtype=np.int64, count=len(items))
    seg = art_of.searchsorted(np.arange(len(arts) + 1)).tolist()
    cols = np.arange(len(order))
    near: list[list[int] | None] = []
    near_v: list[list[float] | None] = []
    for ai in range(len(arts)):
        if seg[ai + 1] > seg[ai]:
            block = sims[seg[ai]:seg[ai + 1]]
            am = block.argmax(axis=0)
            near.append((am + seg[ai]).tolist())
            near_v.append(block[am, cols].tolist())
        else:
            near.append(None)
            near_v.append(None)
    out: list[SummarySentence] = []
    reader_bar = config.same_fact if config.reader and config.same_fact > 0 else 1.0
    bytes_left = max_bytes
    words_left = max_words
    for col, k in enumerate(order):
        i = cands[k]
        it = items[i]
        # the words at the sentence's offsets (less a trimmed dateline or attribution)
        src = arts[it.art].text
        full = src[it.start:it.end] + it.tail if not config.compress else it.text
        text = full
        if bytes_left is not None:
            if bytes_left <= 0:
                break
            text = truncate_bytes(text, bytes_left).rstrip()
            bytes_left -= len(text.encode("utf-8")) + 1
        else:
            if words_left <= 0:
                break
            if config.compress or it.words > words_left:   # it.words counts the words of ``full``
                text = truncate_words(text, words_left)
                words_left -= count_words(text)
            else:
                words_left -= it.words
        if not text:
            break
        cites: list[Citation] = []
        for ai, a in enumerate(arts):
            if ai == it.art:
                j = i
            elif ai in uncited:
                continue
            else:
                rows, vals = near[ai], near_v[ai]
                if rows is None or vals is None or vals[col] < min(config.cite_threshold, reader_bar):
                    continue
                j = rows[col]
                close = vals[col] >= config.cite_threshold
                if not (close and (not config.cite_coverage or supports(text, items[j].text, config.cite_coverage))
                        or reader_bar < 1.0 and one_fact(src[it.start:it.end], items[j].text, refs[it.art], refs[ai])):
                    continue  # close in words, but not the same fact (or other numbers); in a reader's
                    # brief, one fact in other words is cited
                if not carries_whole(src[it.start:it.end], items[j].text):
                    continue  # "won stage 13" is not carried by "also won yesterday's stage", nor a fact by its condition
                if _thin_and_unnamed(src[it.start:it.end], items[j].text):
                    continue  # "Comey said he was "very close" to the investigation" is not carried by
                    # "the investigation into the emails is closed": under three fact words and no name
                if config.reader and _other_days(src[it.start:it.end], refs[it.art],
                                                 arts[ai].text[items[j].start:items[j].end], refs[ai]):
                    continue  # the same words of another day ("on Monday" / "on Dec. 15"): another fact
            s = items[j].sent
            cites.append(Citation(article_id=a.id, start=s.start, end=s.end, source=a.source))
        cites.sort(key=lambda c: c.article_id != it.sent.article_id)
        cut = len(text) < len(full) and full.startswith(text)
        if cut:
            text = text[: it.end - it.start]  # a cut never keeps a lone trailing mark
        end = it.start + len(text) if cut else it.end
        out.append(SummarySentence(text=text, citations=tuple(cites), article_id=it.sent.article_id,
                                   start=it.start, end=end, truncated=cut, trimmed=bool(it.tail) and not cut))
    return out
