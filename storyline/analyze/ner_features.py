"""Tokens and CRF features for storyline's named-entity tagger.

The same code builds features at training time (``scripts/train_ner.py``) and at run time
(``storyline.analyze.entities``), so the two can never drift apart. Features are plain strings
(python-crfsuite takes a list of strings per token as binary features).

Two feature sets:

* ``accurate``: word, shape, affixes, word clusters at three granularities (computed by the
  training script from word co-occurrence), a gazetteer built from the training labels, a
  case-insensitive lexicon of open name lists (countries, regions, cities, census first and last
  names) at the token and its neighbours, how often the word is capitalised mid-sentence in
  unlabelled news, a +-2 window, and document-level features (is this word capitalised elsewhere in the document, is
  it part of a longer capitalised name there, is it seen in lower case; and what those longer
  names are: their first and last words, their gazetteer and lexicon entries, the lexicon
  categories and word clusters of their first and last words, so that a bare "Pirelli" sees
  the "SpA" of "Pirelli SpA" two paragraphs up).
* ``fast``: word, shape, suffix, coarse cluster and a +-1 window; a few strings per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = [
    "PTB_BRACKETS",
    "Resources",
    "bio_spans",
    "capitals_line",
    "doc_stats",
    "gazetteer_tags",
    "sentence_features",
    "short_shape",
    "tokenize",
    "word_shape",
]

# what a tokenized corpus (Penn Treebank style: TDT, DUC, Timeline17) writes for each bracket
PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}

# the US states' one-word short forms as news writes them after a town ("Wayne, Neb."; dotted)
STATE_ABBREVIATIONS = ("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
                        "Mont Neb Nev Okla Ore Pa Tenn Vt Va Wash Wis Wyo").split()

# A news-English tokenizer close to the CoNLL-2003 (Reuters) tokenisation: possessive 's and
# n't split off, abbreviations with inner dots ("U.S.", "U.N.") kept whole, hyphenated words
# ("Kim Jong-un", "China-DPRK") kept whole, numbers with separators kept whole.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)*(?![A-Za-z])"  # U.S. U.N. a.m. U.S.-led
    r"|" + "|".join(map(re.escape, PTB_BRACKETS)) +  # a tokenized text's brackets
    r"|[A-Z]-(?:[A-Z]\.){2,}"                   # a party and its state: D-N.J. R-N.Y.
    r"|(?<![\w$])[A-Z]{1,3}\$"                   # a currency: C$ A$ US$ HK$
    r"|[NSEW]\.(?=[ \t]+(?:Korea|KOREA|Africa|AFRICA|Ireland|IRELAND|Yemen|Timor|Carolina|Dakota))"  # S. Korea
    r"|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Prof|Capt|Maj|Rev|Jan|Feb|Aug|Sept|Sep|Oct"
    r"|Nov|Dec|No|Co|Corp|Inc|Ltd|Bros|vs|Mt|Ft|ST|MT|FT)\.(?=\s)"
    r"|(?<=, )(?:" + "|".join(STATE_ABBREVIATIONS) + r")\.(?:-[A-Za-z]+)*(?=[\s,;:)])"  # a town's state: "Harlow, Calif.", "Tenby, Wash.-based"
    r"|(?<!\S)\.\d+(?![\w.])"                  # a share without its nought: a table's winning percentage ".596"
    r"|\d+(?:[.,:/]\d+)*(?:(?:st|nd|rd|th|s)(?![A-Za-z]))?(?:[-–]\w+)*"  # 1,000 3.5 10:30 1996-08-22 36-year 81st 1990s
    r"|(?:\w+(?:[-–&]\w+)*?)(?=n['’]t\b)"     # do|n't
    r"|n['’]t\b"
    r"|['’][sS]\b"
    r"|\w+(?:[-–&]\w+)*(?:['’]\w+(?<![sS]))?"
    r"|--+|\.\.\.|[^\w\s]",
    re.UNICODE,
)


# the middle initial of a name ("George W. Bush", "William H. Carr") is one token with its dot, as in
# CoNLL, and so is a first initial that opens a line or follows a bracket or a comma ("( W. Hegg 54 )",
# ", M. Butcher 70"; not an interview's "Q. What ..." and "A. Nothing ..."); "group A. The team ..." is
# left alone
_QA_WORDS = ("(?:What|Why|How|When|Where|Who|Which|Do|Does|Did|Is|Are|Was|Were|Can|Could|Would|Will|Have|Has|"
             "I|We|You|He|She|It|They|Yes|No|Not|Nothing|Well|The|That|This|There|Oh|So|And|But|In|If)")
_INITIAL = re.compile(r"(?:\b[A-Z][a-z]+[ \t]+([A-Z])\.(?=[ \t]+[A-Z])"
                      r"|(?:(?<![^\n(,;:/-])|\b[a-z]+)[ \t]*([A-Z])\.(?=[ \t]+(?!" + _QA_WORDS + r"\b)[A-Z][a-z]))")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans (start, end) of ``text[start:end]`` as offsets into ``text``."""
    end = len(text) if end is None else end
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    initials = {m.start(1) if m.start(1) >= 0 else m.start(2) for m in _INITIAL.finditer(text, start, end)}
    if not initials:
        return toks
    out: list[tuple[int, int]] = []
    for a, b in toks:
        if out and out[-1][0] in initials and a == out[-1][1] and text[a:b] == ".":
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_SHAPE_TABLE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "XXXXXXXXXXXXXXXXXXXXXXXXXXxxxxxxxxxxxxxxxxxxxxxxxxxxdddddddddd",
)


def word_shape(w: str) -> str:
    """Character classes with runs longer than four cut: "Jinping" -> "Xxxxx", "1996" -> "dddd"."""
    s = w.translate(_SHAPE_TABLE)
    return re.sub(r"(.)\1{4,}", r"\1\1\1\1", s) if len(s) > 4 else s


def short_shape(w: str) -> str:
    """Runs collapsed: "Jinping" -> "Xx", "U.S." -> "X.X.", "Eui-keum" -> "Xx-x"."""
    s = w.translate(_SHAPE_TABLE)
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@dataclass
class Resources:
    """What the tagger knows besides the CRF weights: word clusters, a name gazetteer, an
    open-data lexicon and case ratios.

    ``clusters`` maps a lower-cased word to cluster ids at three granularities (coarse to fine).
    ``gazetteer`` maps a tuple of tokens (as written) to the set of types it was labelled with.
    ``lexicon`` maps a tuple of lower-cased tokens to categories of open name lists ("country",
    "city", "first", "last"...), matched case-insensitively.
    ``capratio`` maps a lower-cased word to a bin "0".."4" of how often unlabelled news text
    writes it capitalised in mid-sentence. Resources without the last two (older models) work.
    """

    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    gaz_max: int = 6
    lexicon: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    capratio: Mapping[str, str] = field(default_factory=dict)
    # a word's features (``_word_entry``), kept as they are asked for: the fields above are not
    # changed once the tagger runs, and a copy (``dataclasses.replace``) starts its own
    memo: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict, init=False, repr=False, compare=False)


def gazetteer_tags(tokens: Sequence[str], gaz: Mapping[tuple[str, ...], frozenset[str]],
                   max_len: int = 6) -> list[list[str]]:
    """For each token, ``B-PER``/``I-ORG``... tags of the longest gazetteer entries covering it."""
    n = len(tokens)
    out: list[list[str]] = [[] for _ in range(n)]
    if not gaz:
        return out
    i = 0
    while i < n:
        hit = 0
        types: frozenset[str] = frozenset()
        for L in range(min(max_len, n - i), 0, -1):
            t = gaz.get(tuple(tokens[i:i + L]))
            if t:
                hit, types = L, t
                break
        if hit:
            for k in range(hit):
                pre = "B-" if k == 0 else "I-"
                out[i + k].extend(pre + ty for ty in types)
                if hit > 1:
                    out[i + k].append("len" + ("1" if hit == 1 else "2+"))
            i += hit
        else:
            i += 1
    return out


@dataclass
class DocStats:
    """Document-level facts about words, computed once per document."""

    lower_seen: set[str]          # words seen in lower case somewhere in the document
    cap_mid: set[str]             # words seen capitalised in mid-sentence
    in_long_name: set[str]        # words seen inside a run of 2+ capitalised words (mid-sentence)
    first_cap_ctx: dict[str, str]  # word -> the word before its first mid-sentence capitalised use
    # word -> the first / last words of the runs of 2+ capitalised words that contain it in the
    # document's body ("Pirelli" -> {"spa"} after "Pirelli SpA"): a bare "Pirelli" later on
    # sees the company suffix of its fuller form (non-local features, Ratinov & Roth 2009)
    run_first: dict[str, set[str]] = field(default_factory=dict)
    run_last: dict[str, set[str]] = field(default_factory=dict)
    # word -> what those runs are: gazetteer types ("gORG") and lexicon categories ("xcity") of
    # the run as a whole, lexicon categories and word clusters of its first and last words
    run_types: dict[str, set[str]] = field(default_factory=dict)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def capitals_line(tokens: Sequence[str]) -> bool:
    """Whether a sentence is written all in capitals, as a headline is ("WIGAN BEAT BRADFORD")."""
    return len(tokens) > 1 and all(not t[:1].isalpha() or t.isupper() for t in tokens)


def doc_stats(sentences: Iterable[Sequence[str]], res: Resources | None = None,
              gaz: Mapping[tuple[str, ...], frozenset[str]] | None = None) -> DocStats:
    """Document-level facts for the accurate feature set. With ``res``, each run of capitalised
    words is also looked up whole in the gazetteer (``gaz`` when given: the jackknifed one at
    training time) and the lexicon."""
    gz = (res.gazetteer if gaz is None else gaz) if res is not None else {}
    lex = res.lexicon if res is not None else {}
    clusters = res.clusters if res is not None else {}
    run_types: dict[str, set[str]] = {}
    lower_seen: set[str] = set()
    cap_mid: set[str] = set()
    in_long: set[str] = set()
    first_ctx: dict[str, str] = {}
    run_first: dict[str, set[str]] = {}
    run_last: dict[str, set[str]] = {}

    def close(run: list[str]) -> None:
        if len(run) < 2:
            return
        lows = [w.lower() for w in run]
        in_long.update(lows)
        types = {"g" + t for t in gz.get(tuple(run), ())} | {"x" + t for t in lex.get(tuple(lows), ())}
        # what its first and last words are: lexicon categories ("a census first name") and
        # mid-grained word clusters (the cluster of company suffixes, of given names...)
        types.update("fx" + t for t in lex.get((lows[0],), ()))
        types.update("lx" + t for t in lex.get((lows[-1],), ()))
        for tag, w in (("fc", lows[0]), ("lc", lows[-1])):
            c = clusters.get(w)
            if c and len(c) > 1:
                types.add(tag + c[1])
        for lw in lows:
            run_first.setdefault(lw, set()).add(lows[0])
            run_last.setdefault(lw, set()).add(lows[-1])
            if types:
                run_types.setdefault(lw, set()).update(types)

    for toks in sentences:
        if capitals_line(toks):
            continue
        run: list[str] = []
        for i, t in enumerate(toks):
            if t[:1].islower():
                lower_seen.add(t.lower())
            if i > 0 and _is_cap(t):
                cap_mid.add(t.lower())
                first_ctx.setdefault(t.lower(), toks[i - 1].lower())
            if _is_cap(t) and t[:1].isalpha():
                run.append(t)
            else:
                close(run)
                run = []
        close(run)
    return DocStats(lower_seen, cap_mid, in_long, first_ctx, run_first, run_last, run_types)


_MEMO_WORDS = 100_000  # words whose features a Resources keeps (cleared when full)


def _word_entry(w: str, res: Resources) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A word's own features and what it tells its neighbours before the tag of where it stands (its
    word, its short shape and its two coarsest clusters): both depend on the word alone, so they are
    computed once per word written."""
    entry = res.memo.get(w)
    if entry is None:
        if len(res.memo) >= _MEMO_WORDS:
            res.memo.clear()
        own = _word_features(w, res)
        c = res.clusters.get(w.lower())
        window = (own[0], own[2], "c0=" + c[0], "c1=" + c[1]) if c else (own[0], own[2])
        entry = res.memo[w] = (own, window)
    return entry


def _word_features(w: str, res: Resources) -> tuple[str, ...]:
    lw = w.lower()
    f = ["w=" + lw, "sh=" + word_shape(w), "ss=" + short_shape(w)]
    n = len(w)
    for k in (1, 2, 3, 4):
        if n > k:
            f.append(f"p{k}=" + lw[:k])
            f.append(f"s{k}=" + lw[-k:])
    if w[:1].isupper():
        f.append("cap")
        if w.isupper() and n > 1:
            f.append("allcap")
    if "-" in w:
        f.append("hyph")
    c = res.clusters.get(lw)
    if c:
        f.extend(f"c{j}=" + cid for j, cid in enumerate(c))
    else:
        f.append("c=none")
    if res.capratio:
        f.append("cr=" + res.capratio.get(lw, "?"))
    return tuple(f)


_WINDOW = ((-2, "-2:"), (-1, "-1:"), (1, "1:"), (2, "2:"))


def sentence_features(tokens: Sequence[str], res: Resources, stats: DocStats | None = None,
                      mode: str = "accurate",
                      gaz: Mapping[tuple[str, ...], frozenset[str]] | None = None) -> list[list[str]]:
    """The feature strings of each token of one sentence."""
    if mode == "fast":
        return _fast_features(tokens, res)
    n = len(tokens)
    entries = [_word_entry(t, res) for t in tokens]
    gz = gazetteer_tags(tokens, res.gazetteer if gaz is None else gaz, res.gaz_max)
    headline = capitals_line(tokens)
    lows = [t.lower() for t in tokens]
    lx = gazetteer_tags(lows, res.lexicon, 4) if res.lexicon else None
    out: list[list[str]] = []
    for i, t in enumerate(tokens):
        f = ["b", *entries[i][0]]
        f.extend("g=" + g for g in gz[i])
        if lx is not None:
            f.extend("x=" + g for g in lx[i])
            if i > 0:
                f.extend("-1:x=" + g for g in lx[i - 1])
            if i < n - 1:
                f.extend("1:x=" + g for g in lx[i + 1])
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        if headline:
            f.append("headline")
        for d, tag in _WINDOW:
            j = i + d
            if 0 <= j < n:
                f.extend(tag + part for part in entries[j][1])
                if abs(d) == 1:
                    f.extend(tag + "g=" + g for g in gz[j])
        if i > 0:
            f.append("bi-=" + lows[i - 1] + "|" + lows[i])
        if i < n - 1:
            f.append("bi+=" + lows[i] + "|" + lows[i + 1])
        if stats is not None and t[:1].isalpha():
            lw = lows[i]
            if lw in stats.lower_seen:
                f.append("d:low")
            if lw in stats.cap_mid:
                f.append("d:capmid")
            if lw in stats.in_long_name:
                f.append("d:inlong")
            ctx = stats.first_cap_ctx.get(lw)
            if ctx is not None and (i == 0 or headline):
                f.append("d:ctx=" + ctx)
            if t[:1].isupper():
                f.extend("dr:first=" + w for w in sorted(stats.run_first.get(lw, ())) if w != lw)
                f.extend("dr:last=" + w for w in sorted(stats.run_last.get(lw, ())) if w != lw)
                f.extend("dr:gz=" + w for w in sorted(stats.run_types.get(lw, ())))
        out.append(f)
    return out


def _fast_features(tokens: Sequence[str], res: Resources) -> list[list[str]]:
    lows = [t.lower() for t in tokens]
    shapes = [short_shape(t) for t in tokens]
    cl = res.clusters
    cs = [cl.get(w, ("-", "-", "-"))[1] for w in lows]
    n = len(tokens)
    out = []
    for i in range(n):
        w = lows[i]
        f = ["w=" + w, "ss=" + shapes[i], "s3=" + w[-3:], "c=" + cs[i]]
        if i:
            f.append("-1w=" + lows[i - 1])
            f.append("-1c=" + cs[i - 1])
            f.append("-1ss=" + shapes[i - 1])
        else:
            f.append("BOS")
        if i < n - 1:
            f.append("+1w=" + lows[i + 1])
            f.append("+1c=" + cs[i + 1])
        out.append(f)
    return out


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Chunks (start, end, type) of a BIO/IOB2 tag sequence, conlleval rules (an I- after O or
    after another type starts a new chunk)."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    typ = ""
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start >= 0:
                spans.append((start, i, typ))
                start = -1
                typ = ""
            if t != "O":
                start, typ = i, t[2:]
    return spans


def doc_label_features(sentences: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Second-pass (stacked) features: how the first-pass tagger labelled the same word at its
    other places in the document ("Grant" tagged PER in "Paula Grant" elsewhere), so that one
    name gets one type across a document. One list of strings per token."""
    seen: dict[str, dict[str, int]] = {}
    where: list[list[str]] = []
    for toks, tags in zip(sentences, first_pass):
        row = []
        for t, tag in zip(toks, tags):
            lw = t.lower()
            typ = tag[2:] if tag != "O" else "O"
            row.append(typ)
            if t[:1].isalpha():
                d = seen.setdefault(lw, {})
                d[typ] = d.get(typ, 0) + 1
        where.append(row)
    out: list[list[list[str]]] = []
    for toks, row in zip(sentences, where):
        feats = []
        for t, typ in zip(toks, row):
            counts = seen.get(t.lower())
            f: list[str] = []
            if counts and t[:1].isupper():
                others = dict(counts)
                others[typ] = others.get(typ, 0) - 1
                ents = {k: v for k, v in others.items() if v > 0 and k != "O"}
                if ents:
                    best = max(ents, key=lambda k: ents[k])
                    f.append("p2:maj=" + best)
                    f.append("p2:maj=" + best + "|self=" + typ)
                elif others.get("O", 0) > 0:
                    f.append("p2:onlyO")
            f.append("p2:self=" + typ)
            feats.append(f)
        out.append(feats)
    return out
