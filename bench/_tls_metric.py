"""Alignment-based ROUGE for timelines (Martschat & Markert 2017), as tilse computes it for news-tls.

Written for the benchmark from the published description and tilse's behaviour:

- ROUGE-N counts as ROUGE-1.5.5 with ``-m -s`` (the settings tilse passes to the Perl script):
  lower case, "-" split off, every other non-alphanumeric character a space, the SMART stop words
  (ROUGE's ``smart_common_words.txt``) dropped, only tokens starting with a letter or digit kept,
  Porter stems for tokens longer than three characters. ROUGE-1.5.5 first looks a token up in its
  WordNet exception list ("went" -> "go"); that list is not used here.
- ``align_date_content_costs_many_to_one`` ("AR-N"): every predicted date is aligned to the
  reference date of least cost (precision side) and every reference date to the predicted date of
  least cost (recall side); cost = (1 - 1/(days apart + 1)) * (1 - approximate ROUGE-1 F1 of the two
  days' sentences). An aligned pair counts its n-gram matches times 1/(days apart + 1). Precision =
  sum of weighted matches / predicted n-grams, recall = / reference n-grams.
- Date-F1: set overlap of the dates.
- Over tasks: precision and recall are averaged, then F1 is taken of the averages (news-tls).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

import numpy as np

__all__ = ["Timeline", "ar_scores", "date_scores", "f1", "rouge_tokens"]

Timeline = Mapping[date, Sequence[str]]  # day -> its sentences

SMART_STOP = frozenset("""
's a a's able about above according accordingly across actually after afterwards again against ain't
all allow allows almost alone along already also although always am amid among amongst an and
another any anybody anyhow anyone anything anyway anyways anywhere ap apart appear appreciate
appropriate apr are aren't around as aside ask asking associated at aug available away awfully b be
became because become becomes becoming been before beforehand behind being believe below beside
besides best better between beyond both brief but by c c'mon c's came can can't cannot cant cause
causes certain certainly changes clearly co com come comes concerning consequently consider
considering contain containing contains corresponding could couldn't course currently d dec
definitely described despite did didn't different do does doesn't doing don't done down downwards
during e e.g. each edu eg eight either else elsewhere enough entirely especially et etc etc. even
ever every everybody everyone everything everywhere ex exactly example except f far feb few fifth
five followed following follows for former formerly forth four fri from further furthermore g get
gets getting given gives go goes going gone got gotten greetings h had hadn't happens hardly has
hasn't have haven't having he he's hello help hence her here here's hereafter hereby herein hereupon
hers herself hi him himself his hither hopefully how howbeit however i i'd i'll i'm i've i.e. ie if
ignored immediate in inasmuch inc indeed index indicate indicated indicates inner insofar instead
into inward is isn't it it'd it'll it's its itself j jan jul jun just k keep keeps kept know known
knows l lately later latter latterly least less lest let let's like liked likely little look looking
looks ltd m mainly many mar may maybe me mean meanwhile merely might mon more moreover most mostly
mr. ms. much must my myself n namely nd near nearly necessary need needs neither never nevertheless
new news next nine no nobody non none noone nor normally not nothing nov novel now nowhere o
obviously oct of off often oh ok okay old on once one ones only onto or other others otherwise ought
our ours ourselves out outside over overall own p particular particularly per perhaps placed please
plus possible presumably probably provides q que quite qv r rather rd re really reasonably regarding
regardless regards relatively respectively reuters right s said same sat saw say saying says second
secondly see seeing seem seemed seeming seems seen self selves sensible sent sep serious seriously
seven several shall she should shouldn't since six so some somebody somehow someone something
sometime sometimes somewhat somewhere soon sorry specified specify specifying still sub such sup
sure t t's take taken tech tell tends th than thank thanks thanx that that's thats the their theirs
them themselves then thence there there's thereafter thereby therefore therein theres thereupon
these they they'd they'll they're they've think third this thorough thoroughly those though three
through throughout thru thu thus to together too took toward towards tried tries truly try trying
tue twice two u un under unfortunately unless unlikely until unto up upon us use used useful uses
using usually uucp v value various very via viz vs w want wants was wasn't way we we'd we'll we're
we've wed welcome well went were weren't what what's whatever when whence whenever where where's
whereafter whereas whereby wherein whereupon wherever whether which while whither who who's whoever
whole whom whose why will willing wish with within without won't wonder would wouldn't x y yes yet
you you'd you'll you're you've your yours yourself yourselves z zero
""".split())
_NON_ALNUM = re.compile(r"[^a-z0-9\-]")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    try:
        return _stemmer().stem(token)
    except IndexError:
        return token


def rouge_tokens(sentences: Sequence[str]) -> tuple[str, ...]:
    """The tokens ROUGE-1.5.5 -m -s counts in ``sentences`` (joined: bigrams cross sentences)."""
    text = _NON_ALNUM.sub(" ", " ".join(sentences).lower().replace("-", " - "))
    out = []
    for tok in text.split():
        if tok in SMART_STOP or not ("a" <= tok[0] <= "z" or "0" <= tok[0] <= "9"):
            continue
        out.append(_stem(tok) if len(tok) > 3 else tok)
    return tuple(out)


def _grams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n))))


def _counts(pred: Sequence[str], ref: Sequence[str], n: int) -> tuple[int, int, int]:
    """(matches, predicted n-grams, reference n-grams) of token sequences."""
    p, r = _grams(pred, n), _grams(ref, n)
    return sum(min(c, r[g]) for g, c in p.items()), sum(p.values()), sum(r.values())


def _approx_rouge1(pred: Sequence[str], ref: Sequence[str]) -> float:
    """tilse's content cost: unigram F1 over whitespace tokens, no stemming or stop words."""
    p = Counter(t for s in pred for t in s.split())
    r = Counter(t for s in ref for t in s.split())
    match = sum(min(c, r[t]) for t, c in p.items())
    prec = match / sum(p.values()) if p else 0.0
    rec = match / sum(r.values()) if r else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def ar_scores(pred: Timeline, ref: Timeline, ns: Sequence[int] = (1, 2)) -> dict[int, tuple[float, float]]:
    """{n: (precision, recall)} of the many-to-one date-content alignment ROUGE-n of one timeline."""
    pd, rd = sorted(pred), sorted(ref)
    out: dict[int, tuple[float, float]] = {}
    if not pd or not rd:
        return {n: (0.0, 0.0) for n in ns}
    gap = np.array([[abs(a.toordinal() - b.toordinal()) for b in rd] for a in pd], dtype=float)
    content = np.array([[1.0 - _approx_rouge1(pred[a], ref[b]) for b in rd] for a in pd])
    cost = (1.0 - 1.0 / (gap + 1.0)) * content
    prec_of = cost.argmin(axis=1)  # each predicted date -> a reference date
    rec_of = cost.argmin(axis=0)  # each reference date -> a predicted date
    ptoks = {d: rouge_tokens(pred[d]) for d in pd}
    rtoks = {d: rouge_tokens(ref[d]) for d in rd}
    for n in ns:
        num = den = 0.0
        for i, a in enumerate(pd):
            b = rd[prec_of[i]]
            h, p, _ = _counts(ptoks[a], rtoks[b], n)
            num += h / (gap[i, prec_of[i]] + 1.0)
            den += p
        prec = num / den if den else 0.0
        num = den = 0.0
        for j, b in enumerate(rd):
            a = pd[rec_of[j]]
            h, _, m = _counts(ptoks[a], rtoks[b], n)
            num += h / (gap[rec_of[j], j] + 1.0)
            den += m
        out[n] = (prec, num / den if den else 0.0)
    return out


def date_scores(pred: Timeline, ref: Timeline) -> tuple[float, float]:
    """(precision, recall) of the predicted dates."""
    hit = len(set(pred) & set(ref))
    return (hit / len(pred) if pred else 0.0), (hit / len(ref) if ref else 0.0)
