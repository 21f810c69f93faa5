"""Multi-document summarization benchmark: storyline against its peers, same clusters, same scorer.

For each dataset in ../shared/data/mds: ROUGE-1/2/L recall and F1 (Google's rouge-score, Porter
stemming, mean over the references) of
- storyline (``storyline.consolidate.summary.summarize``),
- sumy's LexRank, TextRank, LSA, KL-Sum and Luhn, fed storyline's sentence splits through a
  tokenizer object of our own (sumy's default needs NLTK punkt, which cannot be downloaded here),
- a lead baseline (first sentences of the newest article),
- the stored participant outputs (DUC 2004 SumRepo systems, TAC 2011 MultiLing runs),
- a greedy ROUGE oracle (the ceiling: it reads the references).
Every summary is cut to the dataset's budget by the same code (bytes for DUC 2004, words
elsewhere). DUC 2006 is run with its topic statement as ``query=``. Time per cluster (sentence
splitting excluded for all systems: they share the same splits), peak traced memory per cluster
and retained memory across clusters are reported.

    python bench/summarization.py            # full run (Multi-News: first 500 clusters by id)
    python bench/summarization.py --quick    # a small subset of every dataset
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import re
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from _common import Timer, data_path, fmt_table, iter_jsonl, peak_rss_mb

from storyline.analyze.sentences import split_sentences
from storyline.consolidate.summary import summarize
from storyline.records import Article, Sentence


@dataclass(frozen=True)
class Dataset:
    name: str
    unit: str            # "bytes" or "words"
    budget: int
    primary: str         # "recall" or "f1": the measure the literature reports
    limit: int | None
    quick: int
    query: bool = False
    outputs: bool = False


DATASETS = [
    Dataset("duc2004", "bytes", 665, "recall", None, 8, outputs=True),
    Dataset("duc2003", "words", 100, "recall", None, 5),
    Dataset("tac2011_multiling_en", "words", 250, "recall", None, 3, outputs=True),
    Dataset("multinews_trunc500", "words", 230, "f1", 300, 40),
    Dataset("duc2006", "words", 250, "recall", None, 4, query=True),
]

# participant runs that are not peers: TAC 2011's ID10 "topline" was built from the references
SLOW_PEERS = {"KL-Sum", "LSA"}
TURN = 10     # clusters a system runs in a row before the next system's turn (see run_dataset)
NOT_PEERS = {"tac2011_multiling_en": {"ID10"}}


@dataclass
class Cluster:
    id: str
    articles: list[Article]
    sentences: dict[str, list[Sentence]]
    refs: list[str]
    query: str | None = None


def load(ds: Dataset, quick: bool, limit: int | None = None) -> list[Cluster]:
    path = data_path("mds", ds.name, "clusters.jsonl")
    if not path.exists():
        return []
    rows = sorted(iter_jsonl(path), key=lambda r: r["id"])
    n = ds.quick if quick else limit or ds.limit
    out = []
    for r in rows[:n] if n else rows:
        arts = [Article(text=d["text"], id=d["id"], title=d.get("title"), published=d.get("date"),
                        source=d.get("source")) for d in r["documents"] if d.get("text", "").strip()]
        sents = {a.id: split_sentences(a.text, a.id) for a in arts}
        q = None
        if ds.query:
            mq = r.get("meta", {}).get("query") or {}
            q = ". ".join(x for x in (mq.get("title"), mq.get("narrative")) if x) or None
        out.append(Cluster(r["id"], arts, sents, list(r["summaries"]), q))
    return out


# --- budget and scoring ------------------------------------------------------------------------

def cut(text: str, ds: Dataset) -> str:
    text = " ".join(text.split())
    if ds.unit == "bytes":
        return text.encode("utf-8")[: ds.budget].decode("utf-8", errors="ignore")
    return " ".join(text.split()[: ds.budget])


_SCORER = None


def rouge(summary: str, refs: Sequence[str]) -> dict[str, float]:
    global _SCORER
    if _SCORER is None:
        from rouge_score import rouge_scorer

        _SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    acc: dict[str, float] = defaultdict(float)
    for ref in refs:
        s = _SCORER.score(ref, summary)
        for k, short in (("rouge1", "1"), ("rouge2", "2"), ("rougeL", "L")):
            acc["R" + short] += s[k].recall / len(refs)
            acc["F" + short] += s[k].fmeasure / len(refs)
    return dict(acc)


# --- sumy peers ----------------------------------------------------------------------------------

class _Tokenizer:
    """The word tokenizer sumy asks for (sumy's own needs NLTK punkt data)."""

    _WORD = re.compile(r"\w+(?:['’]\w+)*")

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # sumy never calls it on prebuilt documents
        return tuple(s.text for s in split_sentences(text))


def _sumy_document(c: Cluster):  # type: ignore[no-untyped-def]
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tok = _Tokenizer()
    paras = []
    for a in c.articles:
        ss = [SumySentence(" ".join(s.text.split()), tok) for s in c.sentences[a.id] if s.text.strip()]
        if ss:
            paras.append(Paragraph(ss))
    return ObjectDocumentModel(paras)


def _budget_count(ds: Dataset) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """sumy's `count` hook: the best-rated sentences until the budget is full."""
    def take(infos: Sequence[Any]) -> Sequence[Any]:
        used, out = 0, []
        for info in infos:
            out.append(info)
            s = str(info.sentence)
            used += len(s.encode("utf-8")) + 1 if ds.unit == "bytes" else len(s.split())
            if used >= ds.budget:
                break
        return out
    return take


def sumy_system(name: str) -> Callable[[Cluster, Dataset], str]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer,
           "KL-Sum": KLSummarizer, "Luhn": LuhnSummarizer}[name]
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(c: Cluster, ds: Dataset) -> str:
        doc = _sumy_document(c)
        return " ".join(str(s) for s in summarizer(doc, _budget_count(ds)))
    return run


# --- storyline, lead, oracle -------------------------------------------------------------------------

def storyline_system(c: Cluster, ds: Dataset) -> str:
    kw: dict[str, Any] = {"max_bytes": ds.budget} if ds.unit == "bytes" else {"max_words": ds.budget}
    out = summarize(c.articles, query=c.query, sentences=c.sentences, **kw)
    return " ".join(s.text for s in out)


def lead_system(c: Cluster, ds: Dataset) -> str:
    """The first sentences of the newest article (DUC's baseline)."""
    newest = max(range(len(c.articles)), key=lambda i: (c.articles[i].published is not None,
                                                         c.articles[i].published or 0, i))
    return " ".join(s.text for s in c.sentences[c.articles[newest].id])


def oracle_system(c: Cluster, ds: Dataset) -> str:
    """Greedy sentence selection maximising mean ROUGE-1 + ROUGE-2 recall against the references."""
    from rouge_score import tokenizers

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    refs = [tok.tokenize(r) for r in c.refs]
    ref_counts = [(_ngrams(r, 1), _ngrams(r, 2)) for r in refs]
    texts = [" ".join(s.text.split()) for a in c.articles for s in c.sentences[a.id]]
    toks = [tok.tokenize(t) for t in texts]
    lens = [len(t.encode("utf-8")) + 1 if ds.unit == "bytes" else len(t.split()) for t in texts]
    chosen: list[int] = []
    used = 0
    cur_tokens: list[str] = []

    def value(tokens: list[str]) -> float:
        u, b = _ngrams(tokens, 1), _ngrams(tokens, 2)
        v = 0.0
        for r1, r2 in ref_counts:
            v += _overlap(u, r1) / max(1, sum(r1.values())) + _overlap(b, r2) / max(1, sum(r2.values()))
        return v

    base = 0.0
    while used < ds.budget:
        best, best_v = -1, base
        for i, t in enumerate(toks):
            if i in chosen or not t:
                continue
            room = ds.budget - used
            cand = t if lens[i] <= room else t[: max(0, int(len(t) * room / lens[i]))]
            v = value(cur_tokens + cand)
            if v > best_v + 1e-9:
                best, best_v = i, v
        if best < 0:
            break
        chosen.append(best)
        cur_tokens += toks[best]
        used += lens[best]
        base = best_v
    return " ".join(texts[i] for i in chosen)


def _ngrams(tokens: Sequence[str], n: int) -> dict[tuple[str, ...], int]:
    out: dict[tuple[str, ...], int] = defaultdict(int)
    for i in range(len(tokens) - n + 1):
        out[tuple(tokens[i:i + n])] += 1
    return out


def _overlap(a: dict[tuple[str, ...], int], b: dict[tuple[str, ...], int]) -> int:
    return sum(min(v, b[k]) for k, v in a.items() if k in b)


# --- the run -----------------------------------------------------------------------------------------

@dataclass
class Result:
    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    n: int = 0
    timer: Timer = field(default_factory=Timer)
    peak_mb: float = 0.0
    retained_kb: float = 0.0
    kind: str = "peer"


def run_dataset(ds: Dataset, clusters: list[Cluster], systems: dict[str, tuple[str, Callable[[Cluster, Dataset], str]]],
                mem_clusters: int) -> dict[str, Result]:
    """Every system on every cluster. Systems take turns, ``TURN`` clusters each, so that a change of
    load on a shared machine during the run slows them all alike (their time ratios stay fair),
    while each system runs consecutive clusters as a user would run it, its code warm from its own
    previous call. Turns of one cluster were unfair to storyline: the five sumy peers share one
    library, so each kept the others' code warm, while storyline's was evicted by all of them
    (sumy LexRank 3.5 ms per Multi-News cluster back to back and 3.5 ms between its siblings;
    storyline 1.3 ms back to back, 1.6 ms between them)."""
    results: dict[str, Result] = {}
    n_sent = sum(len(s) for c in clusters for s in c.sentences.values()) / max(1, len(clusters))
    active: dict[str, tuple[str, Callable[[Cluster, Dataset], str]]] = {}
    for name, (kind, fn) in systems.items():
        if name in SLOW_PEERS and n_sent > 300:
            print(f"({name} not run on {ds.name}: {n_sent:.0f} sentences per cluster, sumy's {name} is "
                  f"quadratic or worse there)\n")
            continue
        active[name] = (kind, fn)
        results[name] = Result(kind=kind)
    for b in range(0, len(clusters), TURN):
        block = clusters[b:b + TURN]
        for name, (kind, fn) in active.items():
            res = results[name]
            texts = []
            with contextlib.redirect_stdout(io.StringIO()):
                for c in block:
                    with res.timer:
                        texts.append(fn(c, ds))
            for c, text in zip(block, texts):     # scored after the turn: not between timed calls
                for k, v in rouge(cut(text, ds), c.refs).items():
                    res.scores[k] += v
                res.n += 1
    for name, (kind, fn) in active.items():
        if kind in ("storyline", "peer", "baseline") and clusters:
            results[name].peak_mb, results[name].retained_kb = _memory(fn, clusters[:mem_clusters], ds)
    return results


def _memory(fn: Callable[[Cluster, Dataset], str], clusters: list[Cluster], ds: Dataset) -> tuple[float, float]:
    """Peak traced memory of one cluster (MiB), and memory still held after the last cluster
    compared with after the first (KiB): flat memory shows as ~0."""
    gc.collect()
    tracemalloc.start()
    peak = 0.0
    after_first = None
    for c in clusters:
        tracemalloc.reset_peak()
        with contextlib.redirect_stdout(io.StringIO()):
            fn(c, ds)
        gc.collect()
        cur, pk = tracemalloc.get_traced_memory()
        peak = max(peak, pk / 2**20)
        if after_first is None:
            after_first = cur
    cur, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, (cur - (after_first or cur)) / 1024


def participant_results(ds: Dataset, clusters: list[Cluster]) -> dict[str, Result]:
    path = data_path("mds", ds.name, "system_outputs.jsonl")
    if not ds.outputs or not path.exists():
        return {}
    refs = {c.id: c.refs for c in clusters}
    out: dict[str, Result] = {}
    for row in iter_jsonl(path):
        if row["id"] not in refs:
            continue
        system_id = row["system"].split()[0]
        kind = "reads refs" if system_id in NOT_PEERS.get(ds.name, set()) else "participant"
        res = out.setdefault(f"{row['system']} (stored run)", Result(kind=kind))
        for k, v in rouge(cut(row["summary"], ds), refs[row["id"]]).items():
            res.scores[k] += v
        res.n += 1
    return out


def table(ds: Dataset, results: dict[str, Result], n_clusters: int) -> str:
    key = "R" if ds.primary == "recall" else "F"
    peers = {k: r for k, r in results.items() if r.kind in ("peer",)}
    fastest = min((r.timer.mean for r in peers.values() if r.timer.count), default=0.0)
    lex = results.get("LexRank")
    rows = []
    order = sorted(results.items(), key=lambda kv: (kv[1].kind == "oracle", -kv[1].scores[key + "1"] / max(1, kv[1].n)))
    for name, r in order:
        m = {k: v / max(1, r.n) for k, v in r.scores.items()}
        t = r.timer.mean
        rows.append([name, r.kind, m["R1"], m["R2"], m["RL"], m["F1"], m["F2"], m["FL"],
                     (f"{t * 1000:.1f}" if t < 0.01 else f"{t * 1000:.0f}") if r.timer.count else "-",
                     f"{t / fastest:.2f}" if r.timer.count and fastest else "-",
                     f"{lex.timer.mean / t:.1f}x" if lex and r.timer.count and t else "-",
                     f"{r.peak_mb:.1f}" if r.peak_mb else "-",
                     f"{r.retained_kb:+.0f}" if r.peak_mb else "-"])
    head = (f"### {ds.name}: {n_clusters} clusters, budget {ds.budget} {ds.unit}"
            f"{', query = topic statement' if ds.query else ''}; primary measure: {ds.primary}\n\n")
    return head + fmt_table(["system", "kind", "R-1 R", "R-2 R", "R-L R", "R-1 F", "R-2 F", "R-L F", "ms/cluster",
                             "time / fastest peer", "LexRank time / this", "peak MiB", "retained KiB"], rows)


def floors(ds: Dataset, results: dict[str, Result]) -> list[str]:
    key = "R" if ds.primary == "recall" else "F"
    me = results.get("storyline")
    if me is None:
        return []
    mine = {k: v / max(1, me.n) for k, v in me.scores.items()}
    lines = []
    for metric in ("1", "2"):
        rivals = {n: r.scores[key + metric] / max(1, r.n) for n, r in results.items()
                  if r.kind in ("peer", "participant", "baseline")}
        if not rivals:
            continue
        best = max(rivals, key=rivals.__getitem__)
        ok = mine[key + metric] > rivals[best]
        lines.append(f"- {ds.name} ROUGE-{metric} {key}: storyline {mine[key + metric]:.4f} vs best rival {best} "
                     f"{rivals[best]:.4f}: {'met' if ok else 'NOT met'}")
    if ds.name.startswith("multinews") and "LexRank" in results:
        lx = results["LexRank"].scores["F1"] / max(1, results["LexRank"].n)
        d = mine["F1"] - lx
        lines.append(f"- {ds.name} R-1 F1 over LexRank: {d * 100:+.2f} points (floor +3): {'met' if d >= 0.03 else 'NOT met'}")
    if "LexRank" in results and me.timer.count:
        sp = results["LexRank"].timer.mean / me.timer.mean
        lines.append(f"- {ds.name} speed vs LexRank: {sp:.1f}x (floor 2x): {'met' if sp >= 2 else 'NOT met'}")
    return lines


def train_quality() -> tuple[float, ...]:
    """Refit the sentence-quality coefficients on DUC 2003 (never on an evaluation set): ridge
    regression of each candidate's unigram precision against the references."""
    import numpy as np
    from rouge_score import tokenizers
    from sklearn.linear_model import Ridge

    import storyline.consolidate.summary as S

    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    ds = next(d for d in DATASETS if d.name == "duc2003")
    feats: list[Any] = []
    target: list[float] = []
    grabbed: dict[str, Any] = {}
    original = S._quality_features

    def grab(cands, items, *args):  # type: ignore[no-untyped-def]
        X = original(cands, items, *args)
        grabbed["X"], grabbed["texts"] = X, [items[i].text for i in cands]
        return X

    S._quality_features = grab
    try:
        for c in load(ds, quick=False):
            with contextlib.redirect_stdout(io.StringIO()):
                S.summarize(c.articles, max_bytes=665, sentences=c.sentences)
            refs = [set(tok.tokenize(r)) for r in c.refs]
            for x, t in zip(grabbed["X"], grabbed["texts"]):
                tt = tok.tokenize(t)
                feats.append(x)
                target.append(float(np.mean([sum(w in r for w in tt) / max(1, len(tt)) for r in refs])))
    finally:
        S._quality_features = original
    model = Ridge(alpha=1.0).fit(np.array(feats), np.array(target))
    return tuple([round(float(model.intercept_), 4)] + [round(float(v), 4) for v in model.coef_])


def train_words() -> tuple[float, ...]:
    """Refit the reference word-count model on DUC 2003 (never on an evaluation set): Poisson
    regression of each cluster word's count per 100 reference words on its features."""
    import numpy as np
    from sklearn.linear_model import PoissonRegressor

    import storyline.consolidate.summary as S
    from storyline.consolidate.summary_text import stems

    ds = next(d for d in DATASETS if d.name == "duc2003")
    feats: list[Any] = []
    target: list[float] = []
    for c in load(ds, quick=False):
        ids = S._Ids()
        items = S._items(c.articles, c.sentences, S.SummaryConfig(), ids)
        X = S._word_table(items, ids, len(c.articles))
        vocab = ids.vocab()
        y = np.zeros(len(vocab))
        for r in c.refs:
            toks = stems(r)
            for t in toks:
                j = vocab.get(t)
                if j is not None:
                    y[j] += 100.0 / max(1, len(toks)) / len(c.refs)
        feats.append(X)
        target.append(y)
    model = PoissonRegressor(alpha=1e-4, max_iter=1000).fit(np.vstack(feats), np.concatenate(target))
    return tuple([round(float(model.intercept_), 4)] + [round(float(v), 4) for v in model.coef_])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a small subset of every dataset")
    ap.add_argument("--datasets", nargs="*", default=None, help="names of datasets to run (default: all present)")
    ap.add_argument("--no-oracle", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="first N clusters by id of each dataset")
    ap.add_argument("--systems", nargs="*", default=None, help="run only these systems (participants always scored)")
    ap.add_argument("--train-quality", action="store_true",
                    help="refit the sentence-quality coefficients on DUC 2003 and print them")
    ap.add_argument("--train-words", action="store_true",
                    help="refit the reference word-count model on DUC 2003 and print it")
    args = ap.parse_args(argv)
    if args.train_words:
        print("word_coef =", train_words())
        return 0
    if args.train_quality:
        print("quality_coef =", train_quality())
        return 0
    systems: dict[str, tuple[str, Callable[[Cluster, Dataset], str]]] = {"storyline": ("storyline", storyline_system)}
    for name in ("LexRank", "TextRank", "LSA", "KL-Sum", "Luhn"):
        systems[name] = ("peer", sumy_system(name))
    systems["Lead"] = ("baseline", lead_system)
    if not args.no_oracle:
        systems["Oracle (greedy, reads refs)"] = ("oracle", oracle_system)
    if args.systems:
        systems = {k: v for k, v in systems.items() if k in args.systems}
    print("# Multi-document summarization benchmark\n")
    print(f"Command: python bench/summarization.py{' --quick' if args.quick else ''}\n")
    all_floors: list[str] = []
    t0 = time.time()
    for ds in DATASETS:
        if args.datasets and ds.name not in args.datasets:
            continue
        clusters = load(ds, args.quick, args.limit)
        if not clusters:
            print(f"(skipped {ds.name}: data not present)\n")
            continue
        results = run_dataset(ds, clusters, systems, mem_clusters=3 if args.quick else 5)
        results.update(participant_results(ds, clusters))
        print(table(ds, results, len(clusters)))
        print()
        all_floors += floors(ds, results)
        sys.stdout.flush()
    print("## Floors\n")
    print("\n".join(all_floors))
    print(f"\nTotal wall time {time.time() - t0:.0f} s; peak RSS {peak_rss_mb():.0f} MiB.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
