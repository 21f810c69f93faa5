"""Online story clustering: each new article joins the best matching open story or starts a new one.

An article is described by four things, all computed from its own title and text (never its id or
file name):

- its words: hashed terms, sublinear tf times an idf learnt from the stream itself;
- its names: capitalised phrases and years (a cheap stand-in for named entities); none for a text
  whose capitals mark sentence openers only (a lower-cased copy, ``lower_cased()``);
- its date: an article joins a story only if its date lies within ``window_days`` of the story's
  dates, and a story closes when the stream has moved ``window_days`` past its last article;
- its latent vector: its words projected on a truncated SVD (LSA) basis, centred and normalised
  (group/latent.py): fitted on the whole collection offline (``cluster()``), on the stream's first
  ``latent_sample`` articles online (those articles and their stories get their vectors then).

Candidate stories come from an inverted index on each article's rarest, heaviest terms and names
(never a scan of all stories); each candidate is scored by average linkage against the story's
members: ``sparse = (1 - entity_weight) * cos(words) + entity_weight * cos(names)``, and, once the
article and the story have latent vectors, ``(1 - latent_weight) * sparse + latent_weight *
cos(latent)``. The article joins the best one at or above the bar: ``latent_threshold`` for a blended
score, ``threshold`` (lowered for loose stories, see ``_bar``) for a sparse one, provided the two share at
least ``min_shared`` distinct words other than years (as two stories must to merge): one shared word,
often a place name counted once as a word and again as a name, is no evidence of one event. Near-duplicates
(group/dedup.py) join their original's story directly. When an article matches two open stories
strongly and the two stories agree as a whole, they are merged (a late merge, recorded as an event).

Everything is sequential and deterministic, so the result is the same whatever the batch size, and
the state (global document frequencies and the latent basis or its pending sample, one blob per open
story, signatures for dedup) can be saved to the store and loaded by the next run:
``StoryClusterer.partial_fit`` continues the stream.

At the end of ``cluster()`` (and, online, every ``consolidate_every`` articles of the stream, counted by
stream position so that any batching of one stream runs it at the same articles) a consolidation
pass merges open stories whose average linkage reaches ``consolidate_latent_threshold`` (blended links) or
``consolidate_threshold`` (sparse ones): agglomerative average linkage started from the stream's
stories, exact from the stories' sums of unit vectors, recorded as merge events: the single pass
alone fragments long stories. The periodic pass runs once the latent basis exists, at the blended
bar ``consolidate_periodic_latent`` (stricter than the final pass's: it sees only the
``max_consolidate`` most recently active stories); before the basis, only if ``consolidate_early``
gives it a sparse bar (off: sparse-only passes inside the stream cost Multi-News). Offline,
``cluster(idf="collection")`` has no periodic pass (its final pass sees every story).
Two small stories (neither above ``consolidate_sparse_size`` articles) also need a sparse (words and names) average linkage of ``consolidate_min_sparse``: the
latent space alone otherwise joins different events of one topic.

An ingest run (the pipeline: ``storyline ingest``, a POST to the API) wraps its articles in
``begin_run`` (their document frequencies counted first; a provisional latent basis while the stream
is short of its sample) and ``end_run`` (a consolidation over the stories the run touched and their
candidates), so that one run over a collection gives the stories ``cluster()`` gives.

``cluster(articles)`` is the offline use of the same logic (articles taken in date order); when its
pass finds more than ``latent_refit`` stories per latent dimension, it runs again on a basis with one
dimension per story found (at most ``latent_refit_high``).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import struct
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..records import Article
from .dedup import DEFAULT_THRESHOLD as DEDUP_THRESHOLD
from .dedup import NUM_PERM, DedupIndex, signature, word_hash, words_of
from .latent import Projection, latent_dims

__all__ = [
    "StoryClusterer",
    "StoryEvent",
    "Features",
    "features",
    "cluster",
    "lower_cased",
    "story_id_for",
    "stream_order",
    "date_order",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "ProgressHook",
    "one_step",
    "READING",
    "PLACING",
    "MERGING",
    "FITTING",
]

DEFAULT_THRESHOLD = 0.2
DEFAULT_ENTITY_WEIGHT = 0.2
DEFAULT_WINDOW_DAYS = 730
DEFAULT_CONSOLIDATE = 0.15
DEFAULT_LATENT_WEIGHT = 0.4
DEFAULT_LATENT_THRESHOLD = 0.4
DEFAULT_CONSOLIDATE_LATENT = 0.25
# online: a consolidation pass every 1,000 articles of the stream (by position: the same stories
# whatever the batching), once the latent basis exists, at a stricter blended bar than the final
# pass (it sees only the most recent ``max_consolidate`` stories); see docs/benchmarks/stories.md
DEFAULT_CONSOLIDATE_EVERY = 1000
DEFAULT_PERIODIC_LATENT = 0.35
DEFAULT_LATENT_SAMPLE = 5000
DEFAULT_STREAM_DIMS = 200
# ingest runs (``begin_run`` / ``end_run``, see docs/benchmarks/stories.md "Ingest grouping"): a stream
# short of its latent sample scores with a provisional basis fitted at a run's start on the sample so
# far and the run (refitted once the sample has grown by RUN_REFIT_GROWTH; none below RUN_MIN_SAMPLE
# articles); a run ends with a consolidation over the stories it touched and their candidates, in
# groups of at most MAX_CONSOLIDATE_RUN stories held at once
DEFAULT_RUN_REFIT_GROWTH = 1.25
DEFAULT_MAX_CONSOLIDATE_RUN = 4000
DEFAULT_RUN_MIN_SAMPLE = 100
# the blended bar of the pass at the end of a run that continues a stream (it sees part of the stream,
# as the periodic pass does); the first run of a stream ends with the final pass's bar
DEFAULT_RUN_LATENT = DEFAULT_PERIODIC_LATENT
MAX_SPAN_WINDOWS = 3  # a merge may not make a story span more than this many windows (``spans_fit``)
RUN_STORIES_FACTOR = 10  # a run's pass considers at most this many times max_consolidate_run stories
RUN_SLACK = 0.02  # pairs this far below their bar still join two stories' groups (see _consolidate_groups)
# consolidation: two small stories (neither above CONSOLIDATE_SPARSE_SIZE articles) merge only if their
# sparse (word and name) average linkage reaches CONSOLIDATE_MIN_SPARSE as well as the blended bar
DEFAULT_CONSOLIDATE_MIN_SPARSE = 0.15
DEFAULT_CONSOLIDATE_SPARSE_SIZE = 4
# offline latent dimensions: max(2 sqrt(n), LATENT_LINEAR * n), at most LATENT_HIGH
DEFAULT_LATENT_LINEAR = 0.03
DEFAULT_LATENT_HIGH = 400
# offline: a pass that finds more than LATENT_REFIT stories per latent dimension runs again with one
# dimension per story, at most LATENT_REFIT_HIGH
DEFAULT_LATENT_REFIT = 2.0
DEFAULT_LATENT_REFIT_HIGH = 1000
# Splits (checked in the periodic pass): a story whose members fall into two groups, each of at least
# DEFAULT_SPLIT_MIN articles, that link at under DEFAULT_SPLIT times the bar a merge of the two would
# need, is split in two; stories of more than DEFAULT_SPLIT_MAX_MEMBERS articles no longer split.
DEFAULT_SPLIT = 0.5
DEFAULT_SPLIT_MIN = 3
DEFAULT_SPLIT_MAX_MEMBERS = 64
# evidence: an article joins a story, and two stories merge, only if they share at least MIN_SHARED distinct
# words other than years (a full name brings two: "Ingrid Halvorsen"); one shared word (a lone place
# name: "Springfield") is no evidence of one event, however short the texts and high their cosine
DEFAULT_MIN_SHARED = 2
# a continuing run's lone article joins an earlier story at the first run's bar (``own_bar``) only if the two
# share MIN_SHARED words outside every word of its names and the stories' name keys (a person, with a first name
# and a title, and a town are no common event); an article whose names' words are not at hand (a lone article
# of an earlier run) needs LONE_MIN_SHARED words besides the name keys (a first name or a title counts as a word)
LONE_MIN_SHARED = 3
# progress of a run's long steps (``StoryClusterer.progress``): hook(step, done, total), told every
# PROGRESS_EVERY articles read or placed, and after each round of a consolidation pass
ProgressHook = Callable[[str, int, int], None]
READING = "reading words"  # begin_run: the run's articles' words and names (done, of the articles given)
PLACING = "placing articles"  # the run's articles placed so far, of the whole run (begin_run's run_size)
MERGING = "merging stories"  # a consolidation pass: its stories settled (none left to merge with), of all
FITTING = "fitting topics"  # the latent basis fitted on the articles so far: 0 of 1, then 1 of 1 (one long step)
PROGRESS_EVERY = 100


@contextmanager
def one_step(hook: ProgressHook | None, what: str) -> Iterator[None]:
    """Tell ``hook`` of a step of one piece (a fit, a save): begun (0 of 1), then done (1 of 1)."""
    if hook is not None:
        hook(what, 0, 1)
    yield
    if hook is not None:
        hook(what, 1, 1)

N_FEATURES = 1 << 20
ENT_OFFSET = N_FEATURES  # entity terms live in [N_FEATURES, 2 * N_FEATURES) in the inverted index

_STOP = frozenset("""a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she
she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with
won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say mr mrs ms new one
two three would will just like also told year years time people percent last first get got go going make made""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d{4}")
_CAP = re.compile(r"(?:(?<=\s)|^|(?<=[\"“(\[]))([A-Z][A-Za-z'’.-]*[A-Za-z](?:\s+(?:(?:of|de|la|van|von|al|bin|del|the)\s+)?"
                  r"[A-Z][A-Za-z'’.-]*[A-Za-z])*)")
_YEAR4 = re.compile(r"^(1[89]|20)\d\d$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SENT_START = re.compile(r"(?:^|[.!?]['\"”’)]?\s+|\n\s*|[\"“]\s*)$")


def _h(term: str) -> int:
    return word_hash(term) % N_FEATURES


# the hashed word terms of years (``features`` keeps 4-digit years as words): not evidence of one event
_YEAR_KEYS = np.zeros(N_FEATURES, dtype=bool)
_YEAR_KEYS[[_h(str(y)) for y in range(1800, 2100)]] = True


def _shared_words(a: np.ndarray, b: np.ndarray) -> int:
    """How many distinct word keys (not years) the unique key arrays ``a`` and ``b`` share."""
    common = np.intersect1d(a, b, assume_unique=True)
    return int(np.count_nonzero(~_YEAR_KEYS[common]))


@dataclass(frozen=True, slots=True)
class Features:
    """What the clusterer sees of one article: hashed term frequencies, names, date, signature."""

    article_id: str
    words: dict[int, float]
    names: dict[int, float]
    day: int | None
    sig: np.ndarray | None = field(default=None, compare=False)
    # its names as found ("judge marta kovalenko of grenholm", "grenholm"; "fr:..." outside English), before hashing
    name_list: tuple[str, ...] = field(default=(), compare=False)


def _entities(text: str) -> list[str]:
    out: list[str] = []
    for m in _CAP.finditer(text):
        phrase = m.group(1)
        toks = phrase.split()
        if len(toks) == 1:
            w = toks[0].lower()
            if w in _STOP or len(w) < 3:
                continue
            if _SENT_START.search(text[max(0, m.start() - 3):m.start()]) and m.start() > 0:
                # a single capitalised word opening a sentence may be an ordinary word: keep it
                # only if it is not a stop word (checked above) and has an inner capital or is long
                if not any(c.isupper() for c in toks[0][1:]) and len(w) < 6:
                    continue
        else:
            while toks and toks[0].lower() in _STOP:
                toks = toks[1:]
            if not toks:
                continue
        out.append(" ".join(toks).lower())
        if len(toks) > 1:
            out.append(toks[-1].lower())
    out.extend("y" + y for y in _YEAR.findall(text))
    return out


# a text whose capitals carry no names: lower-cased, then re-capitalised at sentence starts only (as in
# some corpus copies). Below LOWER_CASED_SHARE capitalised words among at least LOWER_CASED_MIN words
# inside sentences, capitalised phrases are sentence openers, not names (ordinary news: 4-30 %).
LOWER_CASED_SHARE = 0.01
LOWER_CASED_MIN = 30
_OPENER_END = frozenset(".!?:;\"”)'’")


def lower_cased(text: str) -> bool:
    """Whether ``text`` looks lower-cased: (almost) no capitalised word inside a sentence."""
    toks = text.split()
    mid = cap = 0
    for prev, t in zip(toks, toks[1:]):
        if prev[-1] in _OPENER_END or not t[0].isalpha():
            continue
        mid += 1
        cap += t[0].isupper()
    return mid >= LOWER_CASED_MIN and cap < LOWER_CASED_SHARE * mid


def _tf(terms: Iterable[str]) -> dict[int, float]:
    counts: dict[int, int] = {}
    for t in terms:
        k = _h(t)
        counts[k] = counts.get(k, 0) + 1
    return {k: 1.0 + math.log(c) for k, c in counts.items()}


def features(article: Article, *, with_signature: bool = True) -> Features:
    """The clusterer's view of ``article`` (a pure function of its title, text and date)."""
    title = article.title or ""
    text = article.text or ""
    toks = words_of(title + "\n" + text)
    words = [w for w in toks if len(w) > 2 and w not in _STOP and (not w[0].isdigit() or _YEAR4.match(w))]
    words += [w for w in words_of(title) if len(w) > 2 and w not in _STOP and not w[0].isdigit()]
    # capitals that mark sentence openers only carry no names (and years alone, without names,
    # would tie unrelated stories of one year together)
    names = [] if lower_cased(text) else _entities(title) + _entities(text)
    if not article.english:
        # an article shares terms, names included, only with articles in its own language: a story's
        # summary, entities and quotes are read in one language
        words = [f"{article.lang}:{w}" for w in words]
        names = [f"{article.lang}:{n}" for n in names]
    day = article.published.toordinal() if article.published else None
    sig = signature(toks) if with_signature and len(toks) >= 3 else None  # no words: nothing to copy
    return Features(article.id, _tf(words), _tf(names), day, sig, tuple(names))


def name_word_keys(names: Iterable[str]) -> np.ndarray:
    """The word keys (sorted, unique) of every word of ``names`` (``Features.name_list``): "judge marta kovalenko
    of grenholm" gives judge, marta, kovalenko, of and grenholm; a name outside English keeps its language's
    prefix on each word ("fr:jean dupont": fr:jean, fr:dupont), as its words are keyed."""
    keys: set[int] = set()
    for n in names:
        lang, colon, body = n.rpartition(":")
        keys.update(_h(lang + colon + t) for t in body.split())
    return np.fromiter(sorted(keys), np.int64, len(keys))


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A late change to the stories: ``kind`` "merge" (``other_id`` absorbed into ``story_id``) or
    "split" (``articles`` left ``story_id`` for a new story ``other_id``)."""

    kind: str
    story_id: str
    other_id: str
    seq: int
    detail: dict[str, float] = field(default_factory=dict, hash=False)
    articles: tuple[str, ...] = ()


MEMBER_WORDS = 64  # the heaviest words and names a story keeps of each member, to judge splits by
MEMBER_NAMES = 16


class _Member:
    """What a story keeps of one member article while it may still split: its heaviest words and
    names (unit-vector weights, truncated; one int32 key array and one float16 value array, words
    first), its latent vector (float16), its day and stream position: about 0.9 KB."""

    __slots__ = ("aid", "seq", "day", "keys", "vals", "nw", "z")

    def __init__(self, aid: str, seq: int, day: int | None, wk: np.ndarray, wv: np.ndarray, ek: np.ndarray,
                 ev: np.ndarray, z: np.ndarray | None) -> None:
        self.aid, self.seq, self.day = aid, seq, day
        self.keys = np.concatenate([wk, ek]).astype(np.int32)  # hashed terms are < 2**20
        self.vals = np.concatenate([wv, ev]).astype(np.float16)
        self.nw = len(wk)
        self.z = None if z is None else np.asarray(z, dtype=np.float16)

    @classmethod
    def of(cls, aid: str, seq: int, day: int | None, w: dict[int, float], e: dict[int, float],
           z: np.ndarray | None) -> "_Member":
        """The member kept of an article with word and name vectors ``w`` and ``e``."""
        return cls(aid, seq, day, *_top_arrays(w, MEMBER_WORDS), *_top_arrays(e, MEMBER_NAMES), z)

    @property
    def wk(self) -> np.ndarray:
        return self.keys[:self.nw].astype(np.int64)

    @property
    def wv(self) -> np.ndarray:
        return self.vals[:self.nw]

    @property
    def ek(self) -> np.ndarray:
        return self.keys[self.nw:].astype(np.int64)

    @property
    def ev(self) -> np.ndarray:
        return self.vals[self.nw:]

    def unit(self) -> tuple[dict[int, float], dict[int, float]]:
        """The kept words and names as unit vectors (what a rebuilt story sums)."""
        return _unit(self.wk, self.wv), _unit(self.ek, self.ev)


def _top_arrays(v: dict[int, float], k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` heaviest entries (ties by key, so the choice never depends on dict order)."""
    keys = np.fromiter(v.keys(), np.int64, len(v))
    vals = np.fromiter(v.values(), np.float64, len(v))
    order = np.lexsort((keys, -vals))[:k]
    return keys[order], vals[order].astype(np.float32)


def _unit(keys: np.ndarray, vals: np.ndarray) -> dict[int, float]:
    v = vals.astype(np.float64)
    n = float(np.sqrt(v @ v))
    return dict(zip(keys.tolist(), (v / n).tolist())) if n > 0 else {}


class _Story:
    __slots__ = ("id", "w", "wn2", "e", "en2", "size", "first", "last", "first_seq", "last_seq", "indexed",
                 "ne", "_arrays", "z", "nz", "members", "checked", "dsum", "nd")

    def __init__(self, sid: str, seq: int) -> None:
        self.id = sid
        self.w: dict[int, float] = {}
        self.wn2 = 0.0
        self.e: dict[int, float] = {}
        self.en2 = 0.0
        self.size = 0
        self.first: int | None = None
        self.last: int | None = None
        self.dsum = 0.0  # the sum of its dated members' days, and their number: its centre in time
        self.nd = 0
        self.first_seq = seq
        self.last_seq = seq
        self.indexed: set[int] = set()
        self.ne = 0  # members with names
        self.z: np.ndarray | None = None  # the sum of the members' unit latent vectors
        self.nz = 0  # members with a latent vector
        self.members: list[_Member] | None = []  # None once the story is too large to split
        self.checked = 0  # its size when a split was last considered
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The centroid as (word keys, word values, name keys, name values), cached until it changes."""
        if self._arrays is None:
            self._arrays = (np.fromiter(self.w.keys(), np.int64, len(self.w)),
                            np.fromiter(self.w.values(), np.float64, len(self.w)),
                            np.fromiter(self.e.keys(), np.int64, len(self.e)),
                            np.fromiter(self.e.values(), np.float64, len(self.e)))
        return self._arrays

    def centre(self) -> float | None:
        """The mean day of its dated members (None: none dated)."""
        return self.dsum / self.nd if self.nd else None

    # -- serialisation: a JSON header and little-endian arrays; float64 so that a round trip is exact
    def to_bytes(self) -> bytes:
        head = json.dumps({"id": self.id, "size": self.size, "first": self.first, "last": self.last,
                           "first_seq": self.first_seq, "last_seq": self.last_seq, "nw": len(self.w),
                           "ne": len(self.e), "ni": len(self.indexed), "nem": self.ne, "wn2": self.wn2, "en2": self.en2,
                           "nz": self.nz, "k": 0 if self.z is None else len(self.z),
                           "members": _members_head(self.members), "checked": self.checked,
                           "dsum": self.dsum, "nd": self.nd}).encode()
        idx = sorted(self.indexed)
        parts = [struct.pack("<I", len(head)), head,
                 np.fromiter(self.w.keys(), np.int64, len(self.w)).tobytes(),
                 np.fromiter(self.w.values(), np.float64, len(self.w)).tobytes(),
                 np.fromiter(self.e.keys(), np.int64, len(self.e)).tobytes(),
                 np.fromiter(self.e.values(), np.float64, len(self.e)).tobytes(),
                 np.asarray(idx, dtype=np.int64).tobytes()]
        if self.z is not None:
            parts.append(np.asarray(self.z, dtype=np.float64).tobytes())
        parts.append(_members_bytes(self.members))
        return zlib.compress(b"".join(parts), 1)

    @classmethod
    def from_bytes(cls, blob: bytes) -> "_Story":
        raw = zlib.decompress(blob)
        (n,) = struct.unpack("<I", raw[:4])
        h = json.loads(raw[4:4 + n])
        s = cls(h["id"], h["first_seq"])
        s.size, s.first, s.last, s.last_seq = h["size"], h["first"], h["last"], h["last_seq"]
        s.wn2, s.en2, s.ne = h["wn2"], h["en2"], h["nem"]
        if "nd" in h:
            s.dsum, s.nd = h["dsum"], h["nd"]
        elif s.first is not None and s.last is not None:  # saved before the centre was kept: its mid-span
            s.dsum, s.nd = (s.first + s.last) / 2.0, 1
        off = 4 + n

        def take(k: int, dt: type) -> np.ndarray:
            nonlocal off
            a: np.ndarray = np.frombuffer(raw, dtype=dt, count=k, offset=off)
            off += k * 8
            return a

        wk, wv = take(h["nw"], np.int64), take(h["nw"], np.float64)
        ek, ev = take(h["ne"], np.int64), take(h["ne"], np.float64)
        s.w = dict(zip(wk.tolist(), wv.tolist()))
        s.e = dict(zip(ek.tolist(), ev.tolist()))
        s.indexed = set(take(h["ni"], np.int64).tolist())
        if h.get("k"):
            s.z = take(h["k"], np.float64).copy()
            s.nz = h["nz"]
        s.members = _members_from(h.get("members"), raw, off)  # state saved before splits existed: None
        s.checked = h.get("checked", 0)
        return s


def _members_head(members: list[_Member] | None) -> dict | None:
    if members is None:
        return None
    return {"ids": [m.aid for m in members], "seq": [m.seq for m in members], "day": [m.day for m in members],
            "nw": [m.nw for m in members], "ne": [len(m.keys) - m.nw for m in members],
            "k": [0 if m.z is None else len(m.z) for m in members]}


def _members_bytes(members: list[_Member] | None) -> bytes:
    if not members:
        return b""
    return b"".join([np.concatenate([m.wk for m in members]).astype(np.int64).tobytes(),
                     np.concatenate([m.wv for m in members]).astype(np.float32).tobytes(),
                     np.concatenate([m.ek for m in members]).astype(np.int64).tobytes(),
                     np.concatenate([m.ev for m in members]).astype(np.float32).tobytes(),
                     np.concatenate([m.z for m in members if m.z is not None] or [np.zeros(0, np.float32)])
                     .astype(np.float32).tobytes()])


def _members_from(h: dict | None, raw: bytes, off: int) -> list[_Member] | None:
    if h is None:
        return None
    nw, ne, nk = sum(h["nw"]), sum(h["ne"]), sum(h["k"])
    arrays = []
    for count, dt in ((nw, np.int64), (nw, np.float32), (ne, np.int64), (ne, np.float32), (nk, np.float32)):
        arrays.append(np.frombuffer(raw, dtype=dt, count=count, offset=off))
        off += count * np.dtype(dt).itemsize
    wk, wv, ek, ev, zs = arrays
    out, iw, ie, iz = [], 0, 0, 0
    for aid, seq, day, a, b, k in zip(h["ids"], h["seq"], h["day"], h["nw"], h["ne"], h["k"]):
        m = _Member(aid, seq, day, wk[iw:iw + a], wv[iw:iw + a], ek[ie:ie + b], ev[ie:ie + b],
                    zs[iz:iz + k] if k else None)
        iw, ie, iz = iw + a, ie + b, iz + k
        out.append(m)
    return out


def _dot(small: dict[int, float], big: dict[int, float]) -> float:
    if len(small) > len(big):
        small, big = big, small
    g = big.get
    return sum(v * g(k, 0.0) for k, v in small.items())


def _add_into(acc: dict[int, float], vec: dict[int, float]) -> float:
    """acc += vec; returns the dot product acc·vec before the addition."""
    d = 0.0
    for k, v in vec.items():
        old = acc.get(k, 0.0)
        d += old * v
        acc[k] = old + v
    return d


def story_id_for(articles: Sequence[Article]) -> str:
    """A stable story id from the ids of its articles (used for a one-story brief)."""
    h = hashlib.blake2b(digest_size=6)
    for aid in sorted(a.id for a in articles):
        h.update(aid.encode())
    return "s-" + h.hexdigest()


def renamed_state(blob: bytes, story_id: str) -> bytes:
    """A stored story state (``StoryClusterer.story_bytes``) under another story id."""
    s = _Story.from_bytes(blob)
    s.id = story_id
    return s.to_bytes()


def _new_story_id(article_id: str) -> str:
    return "s-" + hashlib.blake2b(article_id.encode(), digest_size=6).hexdigest()


UNDATED_FIRST, UNDATED_LAST = -float(1 << 40), float(1 << 40)  # an undated story's span in _PairState


class _PairState:
    """The consolidation pass's view of a set of stories: pairwise sums of member similarities
    (words, names, latent vectors), sizes and date spans, and the margin of any pair over its bar."""

    def __init__(self, c: "StoryClusterer", stories: Sequence[_Story], thr: float, *, sparse_only: bool = False,
                 dense: bool = True) -> None:
        from scipy import sparse

        def matrix(i: int) -> "sparse.csr_matrix":
            parts = [s.arrays() for s in stories]
            k = [p[i] for p in parts]
            v = [p[i + 1] for p in parts]
            indptr = np.concatenate([[0], np.cumsum([len(x) for x in k])])
            return sparse.csr_matrix((np.concatenate(v), np.concatenate(k), indptr), shape=(len(stories), N_FEATURES))

        n = len(stories)
        self.c, self.thr = c, thr
        self.lw = c.latent_weight if c.projection is not None and not sparse_only else 0.0
        self.nz = np.array([s.nz if s.z is not None else 0 for s in stories], dtype=np.float64)
        zs = None
        if self.lw and c.projection is not None:
            zs = np.stack([s.z if s.z is not None else np.zeros(c.projection.k) for s in stories])
        # dense: the full pairwise sums, updated by merges; otherwise rows are computed on demand
        # (``rows`` only, no merges: memory grows with the rows asked for, not with n squared)
        self._mw: sparse.csr_matrix | None = None if dense else matrix(0)
        self._me: sparse.csr_matrix | None = None if dense else matrix(2)
        self._zs: np.ndarray | None = None if dense else zs
        if dense:  # one sparse matrix at a time
            self.dw = np.asarray((lambda m: m @ m.T)(matrix(0)).todense(), dtype=np.float64)
            self.de = np.asarray((lambda m: m @ m.T)(matrix(2)).todense(), dtype=np.float64)
            self.dz: np.ndarray | None = None if zs is None else zs @ zs.T
        else:
            self.dw = self.de = np.zeros((0, 0))
            self.dz = None if zs is None else np.zeros((0, 0))
        self.size = np.array([s.size for s in stories], dtype=np.float64)
        self.ne = np.array([s.ne for s in stories], dtype=np.float64)
        self.first = np.array([s.first if s.first is not None else UNDATED_FIRST for s in stories], dtype=np.float64)
        self.last = np.array([s.last if s.last is not None else UNDATED_LAST for s in stories], dtype=np.float64)
        self.alive = np.ones(n, dtype=bool)
        # a continuing run's pass: which stories began in the run (``StoryClusterer.own_bar``)
        self.own = None if c.own_bar is None or c._run_from is None else \
            np.array([s.first_seq > c._run_from for s in stories], dtype=bool)
        # the run's additions (``_merge`` keeps ``run_touched`` on the stories that live on: no resolving, whose cost
        # would grow with the run's stories once per group of the pass)
        self.grown = None if self.own is None else np.array([s.id in c.run_touched for s in stories], dtype=bool)
        self.ew = c.entity_weight if c.consolidate_entity_weight is None else c.consolidate_entity_weight

    def _links(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        """(link, the blended mask or None, the sparse link) of ``rows`` against every story."""
        size, ne, ew = self.size, self.ne, self.ew

        def rows_of(i: int) -> np.ndarray:
            m = (self._mw, self._me)[i]
            if m is not None:
                return np.asarray((m[rows] @ m.T).todense(), dtype=np.float64)
            return (self.dw, self.de)[i][rows]  # rows of the dense sums (copies made one at a time)

        link = rows_of(0) / np.outer(size[rows], size)
        nn = np.outer(ne[rows], ne)
        sp = np.where(nn > 0, (1.0 - ew) * link + ew * rows_of(1) / np.maximum(nn, 1.0), link)
        if self.dz is None:
            return sp, None, sp
        zz = np.outer(self.nz[rows], self.nz)
        mixed = zz > 0
        lw = self.lw
        dz = self._zs[rows] @ self._zs.T if self._zs is not None else self.dz[rows]
        return np.where(mixed, (1.0 - lw) * sp + lw * dz / np.maximum(zz, 1.0), sp), mixed, sp

    def link(self, i: int, j: int) -> float:
        return float(self._links(np.array([i]))[0][0, j])

    def lone_only(self, i: int, j: int) -> bool:
        """Whether pair (i, j) clears its bar only as a continuing run's lone article's pair (``_lone_pair``: the
        first run's bar, ``own_bar``, where the continuing bar would hold them apart). A pair without latent
        vectors on both sides is judged at the pass's own bar, never at ``own_bar``: no."""
        own = self.own
        if own is None or (own[i] and own[j]) or not self._lone_pair(np.array([i]))[0, j]:
            return False
        link, mixed, _ = self._links(np.array([i]))
        return mixed is not None and bool(mixed[0, j]) and float(link[0, j]) < self.c.consolidate_latent_threshold

    def _lone_pair(self, rows: np.ndarray) -> np.ndarray:
        """Which pairs (row, any story) a continuing run judges as a lone article's, at the first run's bar: a
        lone article of the run with any story, and a lone article of an earlier run with a story the run grew
        (an earlier pass judged it against that story without the run's articles, which a first run's final
        pass over all of them would have seen)."""
        assert self.own is not None and self.grown is not None
        one = self.size <= 1
        lone = self.own & one
        return lone[rows, None] | lone[None, :] | (one[rows, None] & self.grown[None, :]) | \
            (self.grown[rows, None] & one[None, :])

    def rows(self, rows: np.ndarray) -> np.ndarray:
        """The margin of each pair (row, any story) over its bar; -2 where the pair may not merge."""
        c = self.c
        rows = np.asarray(rows, dtype=np.int64)
        link, mixed, sp = self._links(rows)
        size, first, last, alive = self.size, self.first, self.last, self.alive
        ok = (first[rows, None] - c.window_days <= last[None, :]) & \
             (first[None, :] - c.window_days <= last[rows, None]) & alive[rows, None] & alive[None, :]
        undated = (first <= UNDATED_FIRST)
        ok &= c.spans_fit(first[rows, None], last[rows, None], first[None, :], last[None, :]) | \
            undated[rows, None] | undated[None, :]
        ok[np.arange(len(rows)), rows] = False
        if c.consolidate_min_sparse and not c.consolidate_small_sparse:  # blended links need their sparse part to clear a floor
            ok_sparse = sp >= c.consolidate_min_sparse
            if c.consolidate_sparse_size:  # only for pairs of two small stories
                ok_sparse |= np.maximum(size[rows, None], size[None, :]) > c.consolidate_sparse_size
            ok &= ok_sparse
        if c.consolidate_min_size > 1:  # a lone article joins only through the stream's own bar
            big = size >= c.consolidate_min_size
            ok &= big[rows, None] & big[None, :]
        if c.consolidate_days:  # a soft date prior: stories far apart in time need more
            gap = np.maximum(0.0, np.maximum(first[rows, None] - last[None, :], first[None, :] - last[rows, None]))
            gap = np.where(np.abs(gap) > (1 << 39), 0.0, gap)  # undated stories: no prior
            link = link * np.exp(-gap / c.consolidate_days)
        bar = self.thr if mixed is None else np.where(mixed, c.consolidate_latent_threshold, self.thr)
        if self.own is not None and mixed is not None and c.own_bar is not None:  # the run's own pairs
            own = (self.own[rows, None] & self.own[None, :]) | self._lone_pair(rows)
            bar = np.where(mixed & own, c.own_bar, bar)
        if c.consolidate_small_sparse and mixed is not None:  # two small stories: shared words alone
            small = np.maximum(size[rows, None], size[None, :]) <= c.consolidate_sparse_size
            link = np.where(small, sp, link)
            bar = np.where(small, c.consolidate_small_sparse, bar)
        return np.where(ok, link - bar, -2.0)

    def merge(self, i: int, j: int) -> None:
        """Story ``j`` joins story ``i``."""
        self.alive[j] = False
        self.size[i] += self.size[j]
        if self.grown is not None:
            self.grown[i] |= self.grown[j]
        self.ne[i] += self.ne[j]
        self.nz[i] += self.nz[j]
        if self.first[j] > UNDATED_FIRST:  # an undated story's span (all of time) must not pass on to a merge
            dated = self.first[i] > UNDATED_FIRST
            self.first[i] = min(self.first[i], self.first[j]) if dated else self.first[j]
            self.last[i] = max(self.last[i], self.last[j]) if dated else self.last[j]
        for d in (self.dw, self.de, self.dz):
            if d is not None:
                d[i, :] += d[j, :]
                d[:, i] += d[:, j]


class StoryClusterer:
    """The online clusterer (scikit-learn style: parameters in ``__init__``, ``partial_fit`` on a stream).

    After ``partial_fit``: ``assignments_`` (article id -> story id as first assigned), ``duplicates_``
    (article id -> the earlier article it copies), ``events_`` (late merges) and ``resolve(story_id)``
    (the story a merged story now lives in).
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, entity_weight: float = DEFAULT_ENTITY_WEIGHT,
                 window_days: int = DEFAULT_WINDOW_DAYS, dedup_threshold: float = DEDUP_THRESHOLD,
                 merge_threshold: float | None = None, top_terms: int = 12, max_candidates: int = 40,
                 max_postings: int = 5000, max_idle: int = 200_000, max_centroid: int = 1500,
                 dedup_window: int = 100_000, linkage: str = "average",
                 adaptive: float = 0.6, consolidate_threshold: float | None = DEFAULT_CONSOLIDATE,
                 consolidate_every: int = DEFAULT_CONSOLIDATE_EVERY, max_consolidate: int = 2000,
                 consolidate_early: float = 0.0, consolidate_periodic_latent: float = DEFAULT_PERIODIC_LATENT,
                 consolidate_entity_weight: float | None = None, consolidate_days: float = 0.0,
                 consolidate_min_size: int = 1, latent_weight: float = DEFAULT_LATENT_WEIGHT,
                 latent_sample: int = DEFAULT_LATENT_SAMPLE, latent_dims: int | None = None,
                 latent_threshold: float = DEFAULT_LATENT_THRESHOLD,
                 consolidate_latent_threshold: float = DEFAULT_CONSOLIDATE_LATENT,
                 latent_stream_dims: int = DEFAULT_STREAM_DIMS, min_sparse: float = 0.0,
                 consolidate_min_sparse: float = DEFAULT_CONSOLIDATE_MIN_SPARSE,
                 consolidate_sparse_size: int = DEFAULT_CONSOLIDATE_SPARSE_SIZE, latent_scale: float = 2.0,
                 latent_linear: float = DEFAULT_LATENT_LINEAR,
                 latent_high: int = DEFAULT_LATENT_HIGH, consolidate_sparse_threshold: float = 0.0,
                 consolidate_small_sparse: float = 0.0, latent_refit: float = DEFAULT_LATENT_REFIT,
                 latent_refit_high: int = DEFAULT_LATENT_REFIT_HIGH, split_threshold: float = DEFAULT_SPLIT,
                 split_min: int = DEFAULT_SPLIT_MIN, split_max_members: int = DEFAULT_SPLIT_MAX_MEMBERS,
                 run_refit_growth: float = DEFAULT_RUN_REFIT_GROWTH,
                 max_consolidate_run: int = DEFAULT_MAX_CONSOLIDATE_RUN,
                 run_min_sample: int = DEFAULT_RUN_MIN_SAMPLE,
                 run_latent_threshold: float = DEFAULT_RUN_LATENT, min_shared: int = DEFAULT_MIN_SHARED) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be in (0, 1), got {threshold}")
        if not 0.0 <= entity_weight <= 1.0:
            raise ValueError(f"entity_weight must be in [0, 1], got {entity_weight}")
        if window_days < 1:
            raise ValueError(f"window_days must be at least 1, got {window_days}")
        if linkage not in ("average", "centroid"):
            raise ValueError(f"linkage must be 'average' or 'centroid', got {linkage!r}")
        if not 0.0 <= latent_weight <= 1.0:
            raise ValueError(f"latent_weight must be in [0, 1], got {latent_weight}")
        if run_refit_growth < 1.0:
            raise ValueError(f"run_refit_growth must be at least 1 (1: refit at every run), got {run_refit_growth}")
        if max_consolidate_run < 0:
            raise ValueError(f"max_consolidate_run must be at least 0 (0: no pass at a run's end), got {max_consolidate_run}")
        if run_min_sample < 0:
            raise ValueError(f"run_min_sample must be at least 0, got {run_min_sample}")
        self.linkage = linkage
        self.latent_weight = latent_weight
        self.latent_threshold = latent_threshold
        self.consolidate_latent_threshold = consolidate_latent_threshold
        self.latent_sample = latent_sample
        self.latent_dims = latent_dims
        self.latent_stream_dims = latent_stream_dims
        self.min_sparse = min_sparse
        self.min_shared = min_shared
        self.consolidate_min_sparse = consolidate_min_sparse
        self.consolidate_sparse_size = consolidate_sparse_size
        self.latent_scale = latent_scale
        self.latent_linear = latent_linear
        self.latent_high = latent_high
        self.consolidate_sparse_threshold = consolidate_sparse_threshold
        self.consolidate_small_sparse = consolidate_small_sparse
        self.latent_refit = latent_refit
        self.latent_refit_high = latent_refit_high
        self.split_threshold = split_threshold
        self.split_min = split_min
        self.split_max_members = split_max_members
        self.run_refit_growth = run_refit_growth
        self.max_consolidate_run = max_consolidate_run
        self.run_min_sample = run_min_sample
        self._run_ids: set[str] = set()  # articles of this run whose document frequencies are counted
        # the words of the names of the articles that began a story in a continuing run on a provisional basis
        # (article id -> sorted word keys; see _evidence)
        self._run_names: dict[str, np.ndarray] = {}
        self.run_latent_threshold = run_latent_threshold
        self._run_from: int | None = None  # the stream position the current run began at
        self._run_size = 0  # the articles of the current run (begin_run's run_size), for ``progress``
        # told of a run's long steps (READING, PLACING, MERGING): see ProgressHook; None: nobody
        self.progress: ProgressHook | None = None
        self.run_touched: set[str] = set()  # the stories this ingest run added to (see end_run)
        # a continuing run's pass on a provisional basis: the blended bar of a pair of stories both begun in
        # the run, or of a lone article of the run and any story
        self.own_bar: float | None = None
        # a pass under way (a run, cluster()'s pass): its expired stories wait for its end (_close_idle)
        self._parking = False
        self._parked: set[str] = set()
        self._fitted_on = 0  # the sample size a provisional basis was fitted on (0: none, or the final one)
        # the dimensions a provisional basis has at least: set after a first run that found more stories
        # than its basis could keep apart (``refit_dims``), as ``cluster()`` refits
        self.min_dims = 0
        self.moved: dict[str, str] = {}  # article id -> the story a split moved it to
        self.projection: Projection | None = None
        self._sample: list[tuple[str, dict[int, float]]] = []  # the stream's first articles, to fit on
        self._sample_story: dict[str, str] = {}  # their stories, for a sample loaded from the store
        self.consolidate_threshold = consolidate_threshold
        self.consolidate_every = consolidate_every
        self.consolidate_early = consolidate_early
        self.consolidate_periodic_latent = consolidate_periodic_latent
        self.max_consolidate = max_consolidate
        self.consolidate_entity_weight = consolidate_entity_weight
        self.consolidate_days = consolidate_days
        self.consolidate_min_size = consolidate_min_size
        self.adaptive = adaptive
        self.threshold = threshold
        self.entity_weight = entity_weight
        self.window_days = window_days
        self.dedup_threshold = dedup_threshold
        self.merge_threshold = merge_threshold if merge_threshold is not None else threshold
        self.top_terms = top_terms
        self.max_candidates = max_candidates
        self.max_postings = max_postings
        self.max_idle = max_idle
        self.max_centroid = max_centroid
        self.df_w = np.zeros(N_FEATURES, dtype=np.int32)
        self.df_e = np.zeros(N_FEATURES, dtype=np.int32)
        self.n_docs = 0
        self.warmed = False
        self.seq = 0
        self.clock: int | None = None
        self.open: dict[str, _Story] = {}
        self.postings: dict[int, set[str]] = {}
        self.dedup = DedupIndex(dedup_threshold, max_items=dedup_window)
        self.article_story: dict[str, str] = {}  # dedup keys -> story (only for indexed articles)
        self.redirect: dict[str, str] = {}
        self.assignments_: dict[str, str] = {}
        self.duplicates_: dict[str, str] = {}
        self.events_: list[StoryEvent] = []
        self.touched: set[str] = set()
        self.closed: list[str] = []
        self.new_sigs: dict[str, np.ndarray] = {}
        self._sw = np.zeros(N_FEATURES, dtype=np.float64)  # the current article, dense, for scoring
        self._se = np.zeros(N_FEATURES, dtype=np.float64)
        self._years = 0  # the scattered article's year terms

    # -- the stream --------------------------------------------------------------------------------
    def partial_fit(self, articles: Iterable[Article | Features]) -> list[str]:
        """Assign each article (in the given order) to a story; returns the story id per article.
        ``progress`` hears PLACING every PROGRESS_EVERY articles and at the end: the articles placed
        since the run began (or in this call, outside a run) of the run's size (or this call's)."""
        out = []
        hook = self.progress
        start = self.seq if self._run_from is None else self._run_from
        for a in articles:
            f = a if isinstance(a, Features) else features(a)
            out.append(self._add(f))
            if hook is not None and len(out) % PROGRESS_EVERY == 0:
                hook(PLACING, self.seq - start, max(self._run_size, self.seq - start))
        if hook is not None and out:
            hook(PLACING, self.seq - start, max(self._run_size, self.seq - start))
        return out

    def warm(self, feats: Iterable[Features]) -> None:
        """Offline use: learn the document frequencies from a whole collection first (and keep them
        fixed), as a batch TF-IDF would, instead of from the stream so far."""
        for f in feats:
            if f.words:
                self.df_w[np.fromiter(f.words.keys(), np.int64, len(f.words))] += 1
            if f.names:
                self.df_e[np.fromiter(f.names.keys(), np.int64, len(f.names))] += 1
            self.n_docs += 1
        self.warmed = True

    def story_of(self, article_id: str) -> str:
        """The story an article of this stream is in now (after late merges and splits)."""
        sid = self.moved.get(article_id) or self.assignments_.get(article_id) or self._sample_story.get(article_id, "")
        return self.resolve(sid)

    def resolve(self, sid: str) -> str:
        seen = 0
        while sid in self.redirect and seen < 10_000:
            sid = self.redirect[sid]
            seen += 1
        return sid

    def _weights(self, tf: dict[int, float], df: np.ndarray, count: bool = True) -> dict[int, float]:
        if not tf:
            return {}
        keys = np.fromiter(tf.keys(), np.int64, len(tf))
        if count and not self.warmed:
            df[keys] += 1
        n = self.n_docs
        idf = np.log((n + 1.0) / (df[keys] + 1.0)) + 1.0
        vals = np.fromiter(tf.values(), np.float64, len(tf)) * idf
        norm = float(np.sqrt(np.dot(vals, vals)))
        if norm == 0.0:
            return {}
        return dict(zip(keys.tolist(), (vals / norm).tolist()))

    def _gate(self, s: _Story, day: int | None) -> bool:
        """Whether an article of ``day`` may join ``s``: within ``window_days`` of its span and of its
        centre in time (the mean day of its members), so that a story cannot grow year after year
        through members each less than ``window_days`` apart: its span stays bounded by its core."""
        if day is None or s.first is None or s.last is None:
            return True
        if not s.first - self.window_days <= day <= s.last + self.window_days:
            return False
        centre = s.centre()
        return centre is None or abs(day - centre) <= self.window_days

    def _mixed(self, s: _Story, z: np.ndarray | None) -> bool:
        return z is not None and s.z is not None and s.nz > 0 and self.latent_weight > 0

    def _score(self, s: _Story, e: dict[int, float], z: np.ndarray | None = None) -> float:
        """The sparse score, blended with the mean latent cosine to the story's members when both
        the article and the story have latent vectors (then ``latent_threshold`` is the bar)."""
        sp = self._sparse_score(s, e)
        if sp is None:  # too few shared words: no evidence, whatever the latent space says
            return 0.0
        if z is None or s.z is None or not self._mixed(s, z):
            return sp
        if sp < self.min_sparse:  # the two-key rule: shared words and names must clear a floor too
            return 0.0
        return (1.0 - self.latent_weight) * sp + self.latent_weight * float(z @ s.z) / s.nz

    def _sparse_score(self, s: _Story, e: dict[int, float]) -> float | None:
        """Score against the article vectors scattered in ``self._sw`` / ``self._se`` (dense scratch);
        None when the article shares fewer than ``min_shared`` words (not years) with the story.

        "average" linkage: the mean cosine between the article and the story's members (the sum of
        their unit vectors, divided by their number); "centroid": the cosine with that sum."""
        wk, wv, ek, ev = s.arrays()
        avg = self.linkage == "average"
        x = self._sw[wk]
        if self.min_shared:
            n = int(np.count_nonzero(x))  # (the article's years are counted once, in ``_scatter``)
            if n - self._years < self.min_shared and (
                    n < self.min_shared or int(np.count_nonzero(x[~_YEAR_KEYS[wk]])) < self.min_shared):
                return None
        dw = float(np.dot(x, wv))
        cw = (dw / s.size if avg else dw / math.sqrt(s.wn2)) if s.wn2 > 0 and s.size else 0.0
        if e and s.en2 > 0 and s.ne:
            de = float(np.dot(self._se[ek], ev))
            ce = de / s.ne if avg else de / math.sqrt(s.en2)
            return (1.0 - self.entity_weight) * cw + self.entity_weight * ce
        return cw

    def _cohesion(self, s: _Story) -> float:
        """The mean cosine between two members of ``s`` (from the norm of the sum of unit vectors)."""
        if s.size < 3:
            return 1.0
        cw = (s.wn2 - s.size) / (s.size * (s.size - 1))
        if s.ne >= 3 and self.entity_weight:
            ce = (s.en2 - s.ne) / (s.ne * (s.ne - 1))
            cw = (1.0 - self.entity_weight) * cw + self.entity_weight * ce
        return cw

    def _bar(self, s: _Story, mixed: bool = False) -> float:
        """The score an article needs to join ``s``: ``latent_threshold`` for a blended score;
        for a sparse one ``threshold``, lowered for a loose story (one whose own members agree
        less) down to ``adaptive * cohesion``, never below ``threshold / 2``."""
        if mixed:
            return self.latent_threshold
        if not self.adaptive:
            return self.threshold
        return min(self.threshold, max(self.threshold / 2, self.adaptive * self._cohesion(s)))

    def _scatter(self, w: dict[int, float], e: dict[int, float], on: bool) -> None:
        if w:
            keys = np.fromiter(w.keys(), np.int64, len(w))
            self._sw[keys] = np.fromiter(w.values(), np.float64, len(w)) if on else 0.0
            self._years = int(np.count_nonzero(_YEAR_KEYS[keys])) if on else 0
        if e:
            self._se[np.fromiter(e.keys(), np.int64, len(e))] = np.fromiter(e.values(), np.float64, len(e)) if on else 0.0

    def _candidates(self, w: dict[int, float], e: dict[int, float]) -> list[str]:
        votes: dict[str, float] = {}
        top = sorted(w.items(), key=lambda kv: -kv[1])[:self.top_terms]
        tope = sorted(e.items(), key=lambda kv: -kv[1])[:self.top_terms]
        for k, v in top:
            for sid in self.postings.get(k, ()):
                votes[sid] = votes.get(sid, 0.0) + v
        for k, v in tope:
            for sid in self.postings.get(k + ENT_OFFSET, ()):
                votes[sid] = votes.get(sid, 0.0) + v
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], self.open[kv[0]].first_seq))
        return [sid for sid, _ in ranked[:self.max_candidates]]

    def _index(self, s: _Story, w: dict[int, float], e: dict[int, float]) -> None:
        top = [k for k, _ in sorted(w.items(), key=lambda kv: -kv[1])[:self.top_terms]]
        top += [k + ENT_OFFSET for k, _ in sorted(e.items(), key=lambda kv: -kv[1])[:self.top_terms]]
        for k in top:
            if k in s.indexed:
                continue
            p = self.postings.setdefault(k, set())
            if len(p) < self.max_postings:
                p.add(s.id)
                s.indexed.add(k)

    def _unindex(self, s: _Story) -> None:
        for k in s.indexed:
            p = self.postings.get(k)
            if p is not None:
                p.discard(s.id)
                if not p:
                    del self.postings[k]

    def _absorb(self, s: _Story, w: dict[int, float], e: dict[int, float], day: int | None,
                z: np.ndarray | None = None, aid: str | None = None) -> None:
        s._arrays = None
        if s.members is not None and aid is not None and self.split_threshold:
            if len(s.members) < self.split_max_members:
                s.members.append(_Member.of(aid, self.seq, day, w, e, z))
            else:  # too large to split: an established story; its members no longer cost memory
                s.members = None
        self._accumulate(s, w, e, day, z)
        s.last_seq = self.seq
        self._index(s, w, e)
        self.touched.add(s.id)
        self.run_touched.add(s.id)

    def _accumulate(self, s: _Story, w: dict[int, float], e: dict[int, float], day: int | None,
                    z: np.ndarray | None) -> None:
        """Add one member's vectors to the story's sums (bounded centroids) and its date span."""
        if z is not None:
            self._add_latent(s, z)
        s.wn2 += 2.0 * _add_into(s.w, w) + sum(v * v for v in w.values())
        s.en2 += 2.0 * _add_into(s.e, e) + sum(v * v for v in e.values())
        s.ne += 1 if e else 0
        if len(s.w) > self.max_centroid:  # keep the heaviest terms: bounded memory and cost per story
            keep = sorted(s.w.items(), key=lambda kv: (-kv[1], kv[0]))[:self.max_centroid * 2 // 3]
            s.w = dict(keep)
            s.wn2 = sum(v * v for _, v in keep)
        if len(s.e) > self.max_centroid:
            keep = sorted(s.e.items(), key=lambda kv: (-kv[1], kv[0]))[:self.max_centroid * 2 // 3]
            s.e = dict(keep)
            s.en2 = sum(v * v for _, v in keep)
        if day is not None:
            s.first = day if s.first is None else min(s.first, day)
            s.last = day if s.last is None else max(s.last, day)
            s.dsum += day
            s.nd += 1
        s.size += 1

    def _add(self, f: Features) -> str:
        self.seq += 1
        counted = f.article_id in self._run_ids  # counted by begin_run
        if counted:
            self._run_ids.discard(f.article_id)
        elif not self.warmed:
            self.n_docs += 1
        if f.day is not None and (self.clock is None or f.day > self.clock):
            self.clock = f.day
        if self.seq % 1000 == 0:
            self._close_idle()
        if self.consolidate_every and self.seq % self.consolidate_every == 0:
            self._periodic()
        w = self._weights(f.words, self.df_w, not counted)
        e = self._weights(f.names, self.df_e, not counted)
        z = self._latent(f.article_id, w)
        sid = self._place(f, w, e, z)
        if self._sample and len(self._sample) >= self.latent_sample:
            # a stream this long goes on: dimensions for the collection it is heading for
            self._fit_latent(self.latent_dims or self.latent_stream_dims)
        return sid

    @property
    def provisional(self) -> bool:
        """Whether the latent basis is a short stream's provisional one (fitted by ``begin_run`` on
        the sample so far; the sample goes on growing until the stream's own basis is fitted)."""
        return self.projection is not None and self._fitted_on > 0

    def _latent(self, article_id: str, w: dict[int, float]) -> np.ndarray | None:
        if (self.projection is None or self.provisional) and self.latent_weight and self.latent_sample and w:
            self._sample.append((article_id, w))
        return self.projection.project(w) if self.projection is not None else None

    def _fit_latent(self, k: int | None = None) -> None:
        """Fit the latent basis (``k`` dimensions, default ``latent_dims`` or the rule of
        ``latent.latent_dims``) on the stream's first articles, then give them (and their open
        stories) their latent vectors (recomputed, if a provisional basis gave them some)."""
        sample, self._sample = self._sample, []
        projection = self._fit([w for _, w in sample], k or self.latent_dims)
        self._reproject(projection, sample)
        self._sample_story, self._fitted_on = {}, 0

    def _reproject(self, projection: Projection | None, sample: Sequence[tuple[str, dict[int, float]]]) -> None:
        """Use ``projection`` from now on; the open stories' latent sums (and their members' vectors)
        are recomputed from ``sample``, which holds every article of the stream so far (a stream is
        sampled from its start until its own basis is fitted)."""
        if self.projection is not None:
            for s in self.open.values():
                if s.z is not None or s.nz:
                    s.z, s.nz = None, 0
                    self.touched.add(s.id)
                for m in s.members or ():
                    m.z = None
        self.projection = projection
        if projection is None:
            return
        for aid, w in sample:
            # the story of a sample article of an earlier run is known from the saved sample
            story = self.open.get(self.story_of(aid))
            z = projection.project(w)
            if story is not None and z is not None:
                self._add_latent(story, z)
                self.touched.add(story.id)
                for m in story.members or ():
                    if m.aid == aid:
                        m.z = z.astype(np.float16)

    def set_projection(self, projection: Projection | None) -> None:
        """Use ``projection`` for the articles from now on (offline: one fitted on the collection)."""
        self.projection = projection
        self._sample = []
        self._sample_story = {}
        self._fitted_on = 0

    @staticmethod
    def _add_latent(s: _Story, z: np.ndarray) -> None:
        s.z = z.copy() if s.z is None else s.z + z
        s.nz += 1

    def _place(self, f: Features, w: dict[int, float], e: dict[int, float], z: np.ndarray | None) -> str:
        # 1. a near-duplicate joins its original's story
        if f.sig is not None:
            orig = self.dedup.add(f.article_id, f.sig)
            self.new_sigs[f.article_id] = f.sig
            if orig is not None:
                osid = self.resolve(self.article_story.get(orig, ""))
                s = self.open.get(osid)
                if s is not None and self._gate(s, f.day):
                    self.duplicates_[f.article_id] = orig
                    self._absorb(s, w, e, f.day, z, f.article_id)
                    return self._assign(f.article_id, s.id)
        # 2. the best matching open story
        scored = []
        self._scatter(w, e, True)
        try:
            for sid in self._candidates(w, e):
                s = self.open[sid]
                if self._gate(s, f.day):
                    mixed = self._mixed(s, z)
                    raw = self._score(s, e, z)
                    # ranked by the margin over the bar's base (blended and sparse scores differ in scale)
                    scored.append((raw - (self.latent_threshold if mixed else self.threshold), -s.first_seq, sid,
                                   raw, mixed))
        finally:
            self._scatter(w, e, False)
        scored.sort(reverse=True)
        if scored and scored[0][3] >= self._bar(self.open[scored[0][2]], scored[0][4]):
            best = self.open[scored[0][2]]
            self._absorb(best, w, e, f.day, z, f.article_id)
            sid = self._assign(f.article_id, best.id)
            # late merges: the stories this article also matches, if the two stories now agree as a
            # whole (average linkage between them, as agglomerative clustering would merge them)
            for _, _, other, sc, mixed in scored[1:4]:
                if sc < (self.latent_threshold if mixed else self.merge_threshold) / 2 or best.id not in self.open:
                    break
                if other in self.open and self.open[other] is not best and self._gate(self.open[other], f.day):
                    best = self._maybe_merge(best, self.open[other], scored[0][3], sc)
            return self.assignments_[f.article_id]
        s = _Story(_new_story_id(f.article_id), self.seq)
        self.open[s.id] = s
        if self._run_from and self.provisional:  # a continuing run's lone article, so far: its names' words (_evidence)
            self._run_names[f.article_id] = name_word_keys(f.name_list)
        self._absorb(s, w, e, f.day, z, f.article_id)
        return self._assign(f.article_id, s.id)

    def _assign(self, article_id: str, sid: str) -> str:
        self.assignments_[article_id] = sid
        if article_id in self.dedup:
            self.article_story[article_id] = sid
        return sid

    def _link(self, a: _Story, b: _Story) -> tuple[float, bool]:
        """Average linkage between two stories, and whether it blends the latent space. (A late merge
        needs no check of shared words: the article that matched both stories shares enough with each.)"""
        if a.wn2 <= 0 or b.wn2 <= 0 or not a.size or not b.size:
            return 0.0, False
        if self.linkage == "average":
            cw = _dot(a.w, b.w) / (a.size * b.size)
            ce = _dot(a.e, b.e) / (a.ne * b.ne) if a.ne and b.ne else None
        else:
            cw = _dot(a.w, b.w) / math.sqrt(a.wn2 * b.wn2)
            ce = _dot(a.e, b.e) / math.sqrt(a.en2 * b.en2) if a.en2 > 0 and b.en2 > 0 else None
        sp = cw if ce is None else (1.0 - self.entity_weight) * cw + self.entity_weight * ce
        if a.z is None or b.z is None or not a.nz or not b.nz or not self.latent_weight:
            return sp, False
        if sp < self.min_sparse:
            return 0.0, True
        return (1.0 - self.latent_weight) * sp + self.latent_weight * float(a.z @ b.z) / (a.nz * b.nz), True

    def _evidence(self, a: _Story, b: _Story, lone: bool = False) -> bool:
        """Whether two stories share the ``min_shared`` words (not years) a join needs; ``lone`` (a continuing
        run's lone article with a story, at the first run's bar): that many words outside the names, every word
        of the lone article's own names (a title, a first name: "Judge Marta Kovalenko of Grenholm") and the name
        keys of either story (a shared surname or town is a name's word, not the event's); when the lone
        article's names are not at hand (one of an earlier run), LONE_MIN_SHARED words besides the name keys."""
        if not self.min_shared:
            return True
        (wa, _, ea, _), (wb, _, eb, _) = a.arrays(), b.arrays()
        if not lone:
            return _shared_words(wa, wb) >= self.min_shared
        own = [self._run_names.get(s.members[0].aid) for s in (a, b) if s.size == 1 and s.members]
        known = [k for k in own if k is not None]
        names = np.union1d(np.union1d(ea, eb), np.concatenate(known)) if known else np.union1d(ea, eb)
        need = self.min_shared if known else LONE_MIN_SHARED
        return _shared_words(np.setdiff1d(wa, names, assume_unique=True), wb) >= need

    def _spans_meet(self, a: _Story, b: _Story) -> bool:
        """Whether two stories' date spans lie within ``window_days`` of each other (undated: yes)."""
        if a.first is None or a.last is None or b.first is None or b.last is None:
            return True
        return a.first - self.window_days <= b.last and b.first - self.window_days <= a.last and \
            bool(self.spans_fit(a.first, a.last, b.first, b.last))

    def spans_fit(self, fa: "np.ndarray | float", la: "np.ndarray | float", fb: "np.ndarray | float",
                  lb: "np.ndarray | float") -> "np.ndarray | bool":
        """Whether two dated stories (spans ``fa``-``la`` and ``fb``-``lb``, in days) would together span at
        most MAX_SPAN_WINDOWS x ``window_days``: an article joins a story only near its centre in time
        (``_gate``: a story grown by joins spans about two windows), and a merge must not undo that bound
        by joining pieces of a beat end to end. Elementwise on arrays (the caller masks undated stories)."""
        return np.maximum(la, lb) - np.minimum(fa, fb) <= MAX_SPAN_WINDOWS * self.window_days

    def _maybe_merge(self, a: _Story, b: _Story, sa: float, sb: float) -> _Story:
        """Merge ``b`` into ``a`` (the older keeps its id) if they link at ``merge_threshold`` and their
        date spans meet (the article that matched both may be undated); returns the story that now
        holds ``a``'s articles."""
        if not self._spans_meet(a, b):
            return a
        c, mixed = self._link(a, b)
        if c < (self.latent_threshold if mixed else self.merge_threshold):
            return a
        return self._merge(a, b, {"similarity": round(c, 4), "scores": round(min(sa, sb), 4)})

    def _merge(self, a: _Story, b: _Story, detail: dict[str, float]) -> _Story:
        """Merge the younger of ``a`` and ``b`` into the older (a "merge" event); returns the older."""
        keep, gone = (a, b) if a.first_seq <= b.first_seq else (b, a)
        keep._arrays = None
        keep.wn2 += 2.0 * _add_into(keep.w, gone.w) + gone.wn2
        keep.en2 += 2.0 * _add_into(keep.e, gone.e) + gone.en2
        keep.size += gone.size
        keep.ne += gone.ne
        if gone.z is not None:
            keep.z = gone.z.copy() if keep.z is None else keep.z + gone.z
            keep.nz += gone.nz
        if gone.first is not None:
            keep.first = gone.first if keep.first is None else min(keep.first, gone.first)
            keep.last = gone.last if keep.last is None else max(keep.last or gone.last or 0, gone.last or 0)
        keep.dsum += gone.dsum
        keep.nd += gone.nd
        keep.last_seq = max(keep.last_seq, gone.last_seq)
        if keep.members is None or gone.members is None or \
                len(keep.members) + len(gone.members) > self.split_max_members:
            keep.members = None
        else:
            keep.members = sorted(keep.members + gone.members, key=lambda m: m.seq)
        self._unindex(gone)
        for k in sorted(gone.indexed):
            p = self.postings.setdefault(k, set())
            if len(p) < self.max_postings:
                p.add(keep.id)
                keep.indexed.add(k)
        del self.open[gone.id]
        self.redirect[gone.id] = keep.id
        self.touched.add(keep.id)
        self.touched.discard(gone.id)
        if gone.id in self.run_touched:
            self.run_touched.discard(gone.id)
            self.run_touched.add(keep.id)
        self.closed.append(gone.id)
        self.events_.append(StoryEvent("merge", keep.id, gone.id, self.seq, detail))
        return keep

    # -- consolidation: average-linkage merges among the open stories --------------------------------
    def consolidate(self, threshold: float | None = None) -> int:
        """Merge open stories whose average linkage (mean article-to-article similarity, words and
        names weighted as in scoring) reaches ``threshold`` (default ``consolidate_threshold``) and
        whose dates lie within ``window_days`` of each other, as agglomerative average-linkage
        clustering would, starting from the stories the stream built: rounds of mutual best pairs
        until none is left. Each merge is a "merge" event. Returns the number of merges.

        The pair margins (link minus the pair's bar) are kept in one matrix; after a round only the
        rows and columns of the stories that grew are recomputed (a pair's margin depends on its two
        stories alone), so a pass over thousands of stories costs a few full scans, not one per round."""
        thr = self.consolidate_threshold if threshold is None else threshold
        if not thr or len(self.open) < 2:
            return 0
        stories = sorted(self.open.values(), key=lambda s: s.first_seq)
        if len(stories) > self.max_consolidate:  # bounded cost: the most recently active stories
            stories = sorted(sorted(stories, key=lambda s: -s.last_seq)[:self.max_consolidate],
                             key=lambda s: s.first_seq)
        merges = self._consolidate_round(stories, thr, False)
        if self.consolidate_sparse_threshold:  # a second round on shared words and names alone
            stories = [s for s in stories if s.id in self.open]
            merges += self._consolidate_round(stories, self.consolidate_sparse_threshold, True)
        return merges

    # -- ingest runs -------------------------------------------------------------------------------------
    def begin_run(self, articles: Sequence[Article | Features], *, run_size: int | None = None) -> list[Features]:
        """Start an ingest run of ``articles`` (a batch of the stream, all known before the first is
        placed; feed them to ``partial_fit`` next, as returned). Their document frequencies are counted
        now, so that every article of the run is weighted by all of them (as a batch TF-IDF would);
        and a stream still short of its latent sample gets a provisional basis, fitted on the sample
        so far and the run's articles, used from now on (refitted at a later run's start once the
        sample has grown by ``run_refit_growth``; none below ``run_min_sample`` articles), until the
        stream's own basis at ``latent_sample`` articles: the run that completes the sample fits it at
        its start, with at least ``latent_stream_dims`` dimensions, more if the offline rule gives
        more for the stream so far and the whole run (``run_size``: the run's articles, when they come
        in several calls). Returns the run's features.

        The stories then depend on where runs begin and end (``partial_fit`` alone does not); the
        pipeline calls ``begin_run`` and ``end_run`` once per ingest run."""
        feats = self._read(articles)
        if self._run_from is None:
            self._run_from = self.seq
            self._run_size = 0
        self._run_size = max(self._run_size, run_size or 0, self.seq - self._run_from + len(feats))
        self._parking = True  # the run's stories close after its pass (``_close_idle``)
        if not self.warmed:
            for f in feats:
                if f.article_id in self._run_ids or f.article_id in self.assignments_:
                    continue
                self._run_ids.add(f.article_id)
                self.n_docs += 1
                if f.words:
                    self.df_w[np.fromiter(f.words.keys(), np.int64, len(f.words))] += 1
                if f.names:
                    self.df_e[np.fromiter(f.names.keys(), np.int64, len(f.names))] += 1
        if self.latent_weight and self.latent_sample and (self.projection is None or self.provisional):
            fresh = [w for w in (self._weights(f.words, self.df_w, False) for f in feats) if w]
            n = len(self._sample) + len(fresh)
            if n >= self.latent_sample:  # the run completes the sample: the stream's own basis, now
                total = len(self._sample) + max(len(fresh), run_size or 0)
                k = self.latent_dims or max(self.latent_stream_dims, latent_dims(
                    total, scale=self.latent_scale, linear=self.latent_linear, high=self.latent_high))
                basis = self._fit(([w for _, w in self._sample] + fresh)[:self.latent_sample], k)
                if basis is not None:
                    self._reproject(basis, self._sample)
                    self._sample, self._sample_story, self._fitted_on = [], {}, 0
            elif n >= max(3, self.run_min_sample) and \
                    (self.projection is None or n >= self._fitted_on * self.run_refit_growth):
                k = self.latent_dims or max(min(self.min_dims, n - 1), latent_dims(
                    n, scale=self.latent_scale, linear=self.latent_linear, high=self.latent_high))
                basis = self._fit([w for _, w in self._sample] + fresh, k)
                if basis is not None:
                    self._reproject(basis, self._sample)
                    self._fitted_on = n  # > 0: provisional
        return feats

    def _fit(self, vectors: Sequence[dict[int, float]], k: int | None) -> Projection | None:
        """``Projection.fit`` of ``vectors`` with ``k`` dimensions; ``progress`` hears FITTING 0 of 1
        before and 1 of 1 after (the fit of a run of thousands takes seconds, one per story more on a
        refit: a step of its own, not the end of the words read before it)."""
        with one_step(self.progress, FITTING):
            return Projection.fit(vectors, N_FEATURES, k=k)

    def _read(self, articles: Sequence[Article | Features]) -> list[Features]:
        """The features of ``articles`` (``progress`` hears READING every PROGRESS_EVERY articles)."""
        hook = self.progress
        if hook is None:
            return [a if isinstance(a, Features) else features(a) for a in articles]
        out = []
        for i, a in enumerate(articles, 1):
            out.append(a if isinstance(a, Features) else features(a))
            if i % PROGRESS_EVERY == 0 or i == len(articles):
                hook(READING, i, len(articles))
        return out

    def end_run(self) -> int:
        """Close an ingest run: a consolidation over the stories this run added to and their candidates,
        so that its cost grows with the run, not with the stories held (at most RUN_STORIES_FACTOR x
        ``max_consolidate_run`` stories, in groups that could merge, ``max_consolidate_run`` at most
        held at once). The first run of a stream (the whole stream so far, as ``cluster()`` sees it)
        uses the final pass's blended bar, a run that continues a stream ``run_latent_threshold`` (it
        sees part of the stream, as the periodic pass does); while the stream is short of its latent
        sample (a provisional basis, on which a first run or a regroup gives ``cluster()``'s stories),
        only for a pair with a story of an earlier run: a pair of stories both begun in this run gets
        the final pass's bar (``own_bar``), as in a first run, which also knows all its articles before
        it places the first (a subject new in the run, cut into pieces by the single pass on a basis
        fitted before it, is joined as a first run joins it); so does a pair of a lone article of the run
        (a story of one article begun in it) and any story: the single pass found it no story, and the
        pass judges it as a first run's final pass judges a lone article (a later article of an earlier
        story, scored on a basis fitted before the run, joins that story). While a stream is too short for a latent
        basis (under ``run_min_sample`` articles) its first run ends with the pass on words and names
        that ``cluster()`` makes without a basis, and a later run has no pass (on the bench's five-run
        streams such passes joined stories that a few articles' frequencies made look alike; the
        pipeline does not continue such a stream: it groups a store that small again with the run,
        ``pipeline.group_pending``). Merges are "merge" events. Returns their number."""
        try:
            if self.latent_weight and self.latent_sample and self.projection is None and self._run_from != 0:
                return 0    # a later run of a stream too short for a basis: no pass (see the docstring)
            if self._run_from == 0:  # the run is the whole stream so far: the final pass's bar
                return self._consolidate_run()
            final, self.consolidate_latent_threshold = self.consolidate_latent_threshold, self.run_latent_threshold
            self.own_bar = final if self.provisional else None
            try:
                return self._consolidate_run()
            finally:
                self.consolidate_latent_threshold, self.own_bar = final, None
        finally:
            self._close_parked()
            self.run_touched.clear()
            self._run_ids.clear()
            self._run_names.clear()
            self._run_from = None
            self._run_size = 0

    def regroups(self, grouped: int, run: int) -> bool:
        """Whether an ingest run of ``run`` articles on a store of ``grouped`` grouped ones groups them all
        again with its own (``pipeline.regroup``: the stories of one run over all of them) instead of
        continuing the stream. A store of fewer than ``run_min_sample`` articles does (its grouping is
        provisional: words and names over a few dozen articles' frequencies); so does a stream short of
        its latent sample, before and after the run, once it has grown by ``run_refit_growth`` (a quarter)
        since it was last grouped as a whole (the size its provisional basis was fitted on), whether one
        run or several brought that growth: the growth at which its provisional basis is refitted, its
        earlier articles having been placed on the statistics of fewer articles (the pieces they left stay
        apart when the stream continues). Counted per run only, a store fed in runs of under a quarter
        each never regrouped and drifted further from one run with every run. Such regroups place at
        most ``run_refit_growth / (run_refit_growth - 1)`` (5) times the store's articles in all (a
        geometric series); the run that completes the sample continues the stream."""
        if grouped <= 0:
            return False
        if grouped < self.run_min_sample:
            return True
        short = bool(self.latent_weight and self.latent_sample) and (self.projection is None or self.provisional)
        if not short or grouped + run >= self.latent_sample:
            return False
        if run >= (self.run_refit_growth - 1.0) * grouped:
            return True
        # the sample holds the stored articles that have words, as the basis was fitted on them
        return self.provisional and len(self._sample) + run >= self.run_refit_growth * self._fitted_on

    def refit_dims(self, found: int, n: int) -> int:
        """After a run over ``n`` articles scored on a provisional basis: the dimensions the basis should
        have had when the run found (``found`` stories) more than ``latent_refit`` stories per dimension,
        as ``cluster()`` runs its pass again (one dimension per story, at most ``latent_refit_high``,
        fewer than the articles); 0 when it needs none."""
        if not (self.provisional and self.latent_refit and self.latent_dims is None) or self.projection is None:
            return 0
        k = int(self.projection.comps.shape[1])
        if found <= self.latent_refit * k:
            return 0
        k2 = min(found, self.latent_refit_high, n - 1)
        return k2 if k2 > k else 0

    def _story_candidates(self, s: _Story) -> list[str]:
        """The open stories that share ``s``'s heaviest words and names in the inverted index (as an
        article's candidates are found), best first."""
        wk, wv, ek, ev = s.arrays()
        votes: dict[str, float] = {}
        for keys, vals, off in ((wk, wv, 0), (ek, ev, ENT_OFFSET)):
            for i in np.lexsort((keys, -vals))[:self.top_terms].tolist():
                v = float(vals[i])
                for sid in self.postings.get(int(keys[i]) + off, ()):
                    if sid != s.id:
                        votes[sid] = votes.get(sid, 0.0) + v
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], self.open[kv[0]].first_seq))
        return [sid for sid, _ in ranked[:self.max_candidates]]

    def _run_stories(self) -> list[_Story]:
        """The stories this run added to (the most recently active first), then their candidates, at
        most RUN_STORIES_FACTOR x ``max_consolidate_run`` in all."""
        cap = self.max_consolidate_run * RUN_STORIES_FACTOR
        run = {sid for sid in (self.resolve(x) for x in self.run_touched) if sid in self.open}
        ranked = sorted(run, key=lambda sid: (-self.open[sid].last_seq, self.open[sid].first_seq))
        chosen = dict.fromkeys(ranked[:cap])
        for sid in ranked[:cap]:
            if len(chosen) >= cap:
                break
            for other in self._story_candidates(self.open[sid]):
                chosen.setdefault(other)
        return [self.open[sid] for sid in list(chosen)[:cap]]

    def _consolidate_run(self) -> int:
        thr = self.consolidate_threshold
        if not thr or not self.max_consolidate_run:
            return 0
        stories = self._run_stories()
        if len(stories) < 2:
            return 0
        return self._consolidate_groups(sorted(stories, key=lambda s: s.first_seq), thr)

    def _consolidate_groups(self, stories: list[_Story], thr: float) -> int:
        """Consolidation rounds over ``stories`` (in stream order), group by group: the groups are the
        connected parts of the graph of pairs that could merge (a link within RUN_SLACK of its bar,
        with no floor for small stories), found row block by row block without the n x n matrices.
        Average linkage never lifts a merged story's link above the larger of its parts' links, so
        (but for date spans that grow) no merge crosses two groups: the result is that of one pass over
        all of them, at the memory of the largest group. A group of
        more than ``max_consolidate_run`` stories goes in overlapping windows."""
        if len(stories) <= self.max_consolidate_run:
            return self._consolidate_windows(stories, thr)
        floor, self.consolidate_min_sparse = self.consolidate_min_sparse, 0.0
        try:
            st = _PairState(self, stories, thr, dense=False)
            parent = np.arange(len(stories))

            def find(i: int) -> int:
                while parent[i] != i:
                    parent[i] = parent[parent[i]]
                    i = int(parent[i])
                return i

            step = max(64, min(512, 4_000_000 // len(stories)))  # rows x stories temporaries stay small
            for lo in range(0, len(stories), step):
                rows = np.arange(lo, min(len(stories), lo + step))
                ii, jj = np.nonzero(st.rows(rows) >= -RUN_SLACK)
                for i, j in zip((rows[ii]).tolist(), jj.tolist()):
                    a, b = find(i), find(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        finally:
            self.consolidate_min_sparse = floor
        groups: dict[int, list[_Story]] = {}
        for i, s in enumerate(stories):
            groups.setdefault(find(i), []).append(s)
        return sum(self._consolidate_windows(g, thr) for g in groups.values() if len(g) > 1)

    def _consolidate_windows(self, stories: list[_Story], thr: float) -> int:
        """Consolidation rounds over ``stories`` (in stream order), in windows of at most
        ``max_consolidate_run`` stories that overlap by half when there are more."""
        cap = self.max_consolidate_run
        merges = 0
        start = 0
        while True:
            window = [s for s in stories[start:start + cap] if s.id in self.open]
            if len(window) >= 2:
                merges += self._consolidate_round(window, thr, False)
                if self.consolidate_sparse_threshold:
                    window = [s for s in window if s.id in self.open]
                    merges += self._consolidate_round(window, self.consolidate_sparse_threshold, True)
            if start + cap >= len(stories):
                return merges
            start += max(1, cap // 2)

    # -- splits: a story whose members have drifted into two events ----------------------------------
    def split(self) -> int:
        """Consider splitting every open story that grew by a quarter since it was last considered and
        still keeps its members; returns the number of splits (each a "split" event)."""
        if not self.split_threshold:
            return 0
        n = 0
        for s in sorted(self.open.values(), key=lambda s: s.first_seq):
            # considered again once it has grown by a quarter: the cost per article stays bounded
            if s.members is None or len(s.members) < 2 * self.split_min or s.size < s.checked * 1.25:
                continue
            s.checked = s.size
            n += self._split(s)
        return n

    def _member_sims(self, ms: Sequence[_Member]) -> tuple[np.ndarray, bool]:
        """Member-to-member similarities, blended as article scores are (words and names; latent
        vectors when every member has one); and whether they are blended."""
        def gram(keys: list[np.ndarray], vals: list[np.ndarray]) -> np.ndarray:
            # dense over the members' own terms (at most split_max_members x MEMBER_WORDS of them)
            cols, local = np.unique(np.concatenate(keys), return_inverse=True)
            rows = np.repeat(np.arange(len(keys)), [len(k) for k in keys])
            m = np.zeros((len(keys), len(cols)), dtype=np.float64)
            m[rows, local] = np.concatenate(vals)
            g = m @ m.T
            nrm = np.sqrt(np.diag(g))
            nn = np.outer(nrm, nrm)
            return np.divide(g, nn, out=np.zeros_like(g), where=nn > 0)

        w = gram([m.wk for m in ms], [m.wv for m in ms])
        e = gram([m.ek for m in ms], [m.ev for m in ms])
        has = np.array([len(m.ek) > 0 for m in ms])
        ew = self.entity_weight
        sp = np.where(np.outer(has, has), (1.0 - ew) * w + ew * e, w)
        mixed = self.latent_weight > 0 and self.projection is not None and all(m.z is not None for m in ms)
        if not mixed:
            return sp, False
        z = np.stack([m.z for m in ms]).astype(np.float64)  # type: ignore[misc]
        z /= np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)
        out = (1.0 - self.latent_weight) * sp + self.latent_weight * (z @ z.T)
        return np.where(sp < self.min_sparse, 0.0, out), True

    def _split(self, s: _Story) -> int:
        """Split ``s`` in two when the average-linkage cut of its members gives two groups of at least
        ``split_min`` articles, each as cohesive as a story must be to take a member (the merge bar),
        that link at under ``split_threshold`` times that bar. The group of its first article keeps
        the id; the other becomes a new story."""
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import squareform

        ms = s.members or []
        sim, mixed = self._member_sims(ms)
        bar = (self.consolidate_periodic_latent or self.consolidate_latent_threshold) if mixed else self.merge_threshold
        d = np.clip(1.0 - sim, 0.0, 2.0)
        np.fill_diagonal(d, 0.0)
        lab = fcluster(linkage(squareform(d, checks=False), method="average"), t=2, criterion="maxclust")
        a = lab == lab[0]
        b = ~a
        if a.sum() < self.split_min or b.sum() < self.split_min:
            return 0
        between = float(sim[np.ix_(a, b)].mean())

        def cohesion(g: np.ndarray) -> float:
            k = int(g.sum())
            return float((sim[np.ix_(g, g)].sum() - np.trace(sim[np.ix_(g, g)])) / (k * (k - 1)))

        if between >= self.split_threshold * bar or min(cohesion(a), cohesion(b)) < bar:
            return 0
        kept = [m for m, x in zip(ms, a) if x]
        gone = [m for m, x in zip(ms, b) if x]
        new = _Story(_new_story_id(f"{gone[0].aid}@{self.seq}"), gone[0].seq)
        self.open[new.id] = new
        self._rebuild(s, kept)
        self._rebuild(new, gone)
        for m in gone:
            self.moved[m.aid] = new.id
            if m.aid in self.article_story:
                self.article_story[m.aid] = new.id
        self.events_.append(StoryEvent("split", s.id, new.id, self.seq,
                                       {"similarity": round(between, 4), "bar": round(bar, 4)},
                                       tuple(m.aid for m in gone)))
        return 1

    def _rebuild(self, s: _Story, members: list[_Member]) -> None:
        """The story's sums, span and index rebuilt from the members it keeps."""
        self._unindex(s)
        s.w, s.e, s.wn2, s.en2, s.size, s.ne = {}, {}, 0.0, 0.0, 0, 0
        s.z, s.nz, s.first, s.last, s.indexed, s._arrays = None, 0, None, None, set(), None
        s.dsum, s.nd = 0.0, 0
        for m in members:
            w, e = m.unit()
            self._accumulate(s, w, e, m.day, None if m.z is None else m.z.astype(np.float64))
            self._index(s, w, e)
        s.members = list(members)
        s.first_seq, s.last_seq = members[0].seq, max(m.seq for m in members)
        s.checked = s.size
        self.touched.add(s.id)

    def _periodic(self) -> int:
        """The pass every ``consolidate_every`` articles of the stream (by stream position, so any
        batching of one stream runs it at the same articles). Before the latent basis exists, links
        are sparse only; the pass then runs only if ``consolidate_early`` gives it its own sparse bar."""
        if self.projection is None:
            return (self.consolidate(self.consolidate_early) if self.consolidate_early else 0) + self.split()
        if not self.consolidate_periodic_latent:
            return self.consolidate() + self.split()
        final, self.consolidate_latent_threshold = self.consolidate_latent_threshold, self.consolidate_periodic_latent
        try:
            return self.consolidate() + self.split()
        finally:
            self.consolidate_latent_threshold = final

    def _consolidate_round(self, stories: list[_Story], thr: float, sparse_only: bool) -> int:
        st = _PairState(self, stories, thr, sparse_only=sparse_only)
        n = len(stories)
        margin = np.empty((n, n), dtype=np.float64)
        for lo in range(0, n, 1024):  # in slices: each costs a few temporaries of its size
            margin[lo:lo + 1024] = st.rows(np.arange(lo, min(n, lo + 1024)))
        merges = 0
        settled = 0
        while True:
            n = len(stories)
            best = margin.argmax(axis=1)
            rng = np.arange(n)
            if self.progress is not None:  # the stories with none left to merge with (merged-away ones too)
                settled = max(settled, int(np.count_nonzero(margin[rng, best] < 0)))
                self.progress(MERGING, settled, n)
            cand = np.flatnonzero((margin[rng, best] >= 0) & (best[best] == rng) & (rng < best))
            if not len(cand):
                break
            kept = []
            for i in cand.tolist():
                j = int(best[i])  # i < j: rows are in first_seq order, so i is the older story
                if not self._evidence(stories[i], stories[j], st.lone_only(i, j)):  # checked only for the pairs that merge
                    margin[i, j] = margin[j, i] = -2.0
                    continue
                self._merge(stories[i], stories[j], {"similarity": round(st.link(i, j), 4), "consolidate": 1.0})
                st.merge(i, j)
                merges += 1
                kept.append(i)
            if not kept:
                continue
            grew = np.array(kept, dtype=np.int64)
            gone = best[grew]
            margin[gone, :] = -2.0
            margin[:, gone] = -2.0
            rows = st.rows(grew)
            margin[grew, :] = rows
            margin[:, grew] = rows.T
        if self.progress is not None:
            self.progress(MERGING, len(stories), len(stories))
        return merges

    def _close_idle(self) -> None:
        """Close the stories the stream has left behind (``_expired``). A story of the pass under way (an
        ingest run between ``begin_run`` and ``end_run``, or ``cluster()``'s pass) is parked instead: out
        of the inverted index, so that no article finds it any more, but still open for the pass at the
        pass's end, which closes it then (``_close_parked``). Closed mid-pass it would miss that pass, and
        which stories miss it would hang on where the multiples of 1,000 articles fall after the stream
        clock jumps (one article dated years after the rest expires every story behind it). At most as
        many are parked as the pass looks at (RUN_STORIES_FACTOR x ``max_consolidate_run``): memory stays
        bounded on a run of years of articles; beyond that they close as before."""
        room = RUN_STORIES_FACTOR * self.max_consolidate_run - len(self._parked)  # (no more than the pass looks at)
        for sid in [sid for sid, s in self.open.items() if self._expired(s)]:
            parked = sid in self._parked   # (a merge may have indexed it again)
            if parked or (self._parking and sid in self.run_touched and room > 0):
                room -= not parked
                s = self.open[sid]
                self._unindex(s)
                s.indexed = set()
                self._parked.add(sid)
            else:
                self._close(sid)

    def _close(self, sid: str) -> None:
        s = self.open.pop(sid)
        self.run_touched.discard(sid)
        self._unindex(s)
        self.closed.append(sid)
        self.touched.discard(sid)

    def _close_parked(self) -> None:
        """Close the stories parked during the pass that has just ended (those still expired: a merge
        with a later story may have brought one back into the stream's window)."""
        for sid in sorted({self.resolve(x) for x in self._parked}):
            if sid in self.open and self._expired(self.open[sid]):
                self._close(sid)
        self._parked.clear()
        self._parking = False

    def _expired(self, s: _Story) -> bool:
        if self.seq - s.last_seq > self.max_idle:
            return True
        return self.clock is not None and s.last is not None and s.last < self.clock - self.window_days

    # -- persistence ---------------------------------------------------------------------------------
    def globals_bytes(self, names: dict[str, str] | None = None) -> bytes:
        """The stream's global state: document frequencies, then the latent basis (once fitted) or
        the sample it will be fitted on (before; both while the basis is provisional). ``names``: story
        id -> the id it is stored under (a regroup that keeps stored ids), for the sample's stories."""
        proj = self.projection.to_bytes() if self.projection is not None else b""
        sample = self._sample_bytes(names or {})
        head = json.dumps({"n_docs": self.n_docs, "seq": self.seq, "clock": self.clock,
                           "latent": len(proj), "sample": len(sample),
                           "fitted_on": self._fitted_on if self.provisional else 0, "min_dims": self.min_dims}).encode()
        return (zlib.compress(struct.pack("<I", len(head)) + head + self.df_w.tobytes() + self.df_e.tobytes(), 1)
                + proj + sample)

    def load_globals(self, blob: bytes) -> None:
        d = zlib.decompressobj()
        raw = d.decompress(blob)
        (n,) = struct.unpack("<I", raw[:4])
        h = json.loads(raw[4:4 + n])
        self.n_docs, self.seq, self.clock = h["n_docs"], h["seq"], h["clock"]
        off = 4 + n
        self.df_w = np.frombuffer(raw, np.int32, N_FEATURES, off).copy()
        self.df_e = np.frombuffer(raw, np.int32, N_FEATURES, off + 4 * N_FEATURES).copy()
        rest, nl, ns = d.unused_data, h.get("latent", 0), h.get("sample", 0)
        self.set_projection(Projection.from_bytes(rest[:nl]) if nl else None)
        if ns:
            self._load_sample(rest[nl:nl + ns])
        self._fitted_on = h.get("fitted_on", 0) if self.projection is not None else 0
        self.min_dims = h.get("min_dims", 0)

    def _sample_bytes(self, names: dict[str, str]) -> bytes:
        if not self._sample:
            return b""
        ids = [aid for aid, _ in self._sample]
        stories = [names.get(sid, sid) for sid in (self.story_of(aid) for aid in ids)]
        head = json.dumps({"ids": ids, "stories": stories, "lens": [len(w) for _, w in self._sample]}).encode()
        keys = np.concatenate([np.fromiter(w.keys(), np.int64, len(w)) for _, w in self._sample])
        vals = np.concatenate([np.fromiter(w.values(), np.float64, len(w)) for _, w in self._sample])
        return zlib.compress(struct.pack("<I", len(head)) + head + keys.tobytes() + vals.tobytes(), 1)

    def _load_sample(self, blob: bytes) -> None:
        raw = zlib.decompress(blob)
        (n,) = struct.unpack("<I", raw[:4])
        h = json.loads(raw[4:4 + n])
        total = sum(h["lens"])
        keys = np.frombuffer(raw, np.int64, total, 4 + n).tolist()
        vals = np.frombuffer(raw, np.float64, total, 4 + n + 8 * total).tolist()
        off = 0
        self._sample = []
        for aid, sid, k in zip(h["ids"], h["stories"], h["lens"]):
            self._sample.append((aid, dict(zip(keys[off:off + k], vals[off:off + k]))))
            self._sample_story[aid] = sid
            off += k

    def story_bytes(self, sid: str) -> bytes | None:
        s = self.open.get(sid)
        return s.to_bytes() if s is not None else None

    def load_story(self, blob: bytes) -> None:
        s = _Story.from_bytes(blob)
        self.open[s.id] = s
        for k in sorted(s.indexed):
            self.postings.setdefault(k, set()).add(s.id)

    def load_signature(self, article_id: str, story_id: str, sig: bytes) -> None:
        arr = np.frombuffer(sig, dtype=np.uint32)
        if len(arr) == NUM_PERM:
            self.dedup.insert(article_id, arr)
            self.article_story[article_id] = story_id

    def drain(self) -> tuple[set[str], list[str], list[StoryEvent], dict[str, np.ndarray]]:
        """What changed since the last drain: (touched open stories, closed or merged-away stories,
        events, new signatures). Resets them."""
        out = (set(self.touched), list(self.closed), list(self.events_), dict(self.new_sigs))
        self.touched.clear()
        self.closed.clear()
        self.events_.clear()
        self.new_sigs.clear()
        return out


def stream_order(articles: Sequence[Article]) -> list[int]:
    """Indices of ``articles`` in stream order: the dated ones sorted by date in the places dated
    articles hold, undated ones where they are (a stable order, so ties keep their input order)."""
    return date_order([a.published for a in articles])


def date_order(dates: Sequence[date | str | None]) -> list[int]:
    """``stream_order`` of articles with these publication dates: all dates, or all ISO date strings
    as the store keeps them ("2019-01-08": they sort in calendar order)."""
    dated = [i for i, d in enumerate(dates) if d is not None]
    by_date = sorted(dated, key=lambda i: (dates[i], i))
    order = list(range(len(dates)))
    for slot, i in zip(dated, by_date):
        order[slot] = i
    return order


def cluster(articles: Sequence[Article], *, idf: str = "collection", **params: float | int | str) -> list[str]:
    """Story id per article, in the input order: the online clusterer run over the articles in
    stream order, with late merges applied. ``idf="collection"`` (offline: all articles are known)
    learns document frequencies from all of them first; ``idf="stream"`` learns them as it goes,
    exactly as the online pipeline does.

    Offline, the latent basis has ``latent.latent_dims(n)`` dimensions; if the pass then finds more
    than ``latent_refit`` times as many stories as the basis has dimensions, the basis was too coarse
    to keep that many events apart (topical neighbours share its directions), and the pass runs again
    on a basis with one dimension per story found, at most ``latent_refit_high``."""
    if idf not in ("collection", "stream"):
        raise ValueError(f"idf must be 'collection' or 'stream', got {idf!r}")
    arts = list(articles)
    feats = [features(a) for a in arts]
    if idf == "collection":  # offline, the final pass sees every story: no pass inside the stream
        params = {"consolidate_every": 0, **params}
    c = StoryClusterer(**params)  # type: ignore[arg-type]
    if idf == "stream" or not c.latent_weight or len(feats) < c.run_min_sample:
        # a basis fitted on a few dozen articles is degenerate (centring removes what they share)
        return _cluster_pass(c, arts, feats, idf, None)
    k = c.latent_dims or latent_dims(len(feats), scale=c.latent_scale, linear=c.latent_linear, high=c.latent_high)
    out = _cluster_pass(c, arts, feats, idf, k)
    found = len(set(out))
    if c.latent_dims is None and c.latent_refit and found > c.latent_refit * k:
        k2 = min(found, c.latent_refit_high, len(feats) - 1)
        if k2 > k:
            out = _cluster_pass(StoryClusterer(**params), arts, feats, idf, k2)  # type: ignore[arg-type]
    return out


def _cluster_pass(c: StoryClusterer, arts: list[Article], feats: list[Features], idf: str, k: int | None) -> list[str]:
    """One offline pass: the stream over ``arts`` in stream order, then the final consolidation."""
    if idf == "collection":
        c.warm(feats)
        if c.latent_weight and k:  # offline: the latent basis from the whole collection, as LSA would
            c.set_projection(Projection.fit([c._weights(f.words, c.df_w) for f in feats], N_FEATURES, k=k))
    ids: dict[int, str] = {}
    c._parking = True  # the stories that expire during the pass still take part in its final pass
    for i in stream_order(arts):
        ids[i] = c.partial_fit([feats[i]])[0]
    if c._sample and len(c._sample) >= c.run_min_sample:  # a stream shorter than the latent sample
        c._fit_latent()
    c.max_consolidate = max(c.max_consolidate, len(c.open))  # offline: one last pass over all stories
    c.consolidate()
    return [c.resolve(c.moved.get(arts[i].id, ids[i])) for i in range(len(arts))]


def _day(d: date | None) -> int | None:
    return d.toordinal() if d else None
