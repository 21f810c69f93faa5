"""Story clustering and near-duplicate benchmark, peers side by side.

    python bench/stories.py            # all sets, dedup, scale at 10k and 100k
    python bench/stories.py --quick    # ECB+ dev, NewsWCL50, DUC mix, 500 Multi-News clusters, dedup, scale 10k
    python bench/stories.py --scale 1000000   # add a scale point
    python bench/stories.py --skip dedup --skip scale --system storyline-ingest --system storyline-ingest-5 \
        --system storyline-ingest-5-regroup   # the ingest rows only (--set NAME: some sets only)

Quality: B-cubed precision, recall, F1 and the number of stories, articles fed in stream order
(dated ones sorted by date, undated ones spread by a seeded shuffle; ids are opaque hashes, so no
label leaks). storyline runs with its defaults (chosen on ECB+ train), offline (``cluster()``:
document frequencies from the whole set, as the peers' TF-IDF has them) and as the online pipeline
runs it (``storyline-stream``: document frequencies learnt from the stream so far), and exactly as
``storyline ingest`` groups (``storyline-ingest``: the pipeline's functions through a temporary SQLite
store, the stories read back from the store; ``storyline-ingest-5``: the same stream split into five
ingest runs, each a fresh clusterer loaded from the store; ``storyline-ingest-5-regroup``: the five
runs, then ``storyline regroup``, the whole store grouped again as one run); the peers' thresholds are
tuned on ECB+ train and used unchanged on the other sets:
- agglomerative: scikit-learn AgglomerativeClustering, cosine, average linkage, on TF-IDF;
- hdbscan: scikit-learn HDBSCAN on L2-normalised TF-IDF reduced by TruncatedSVD (noise = singletons).
Published: Miranda et al. 2018 report pairwise F1 0.94 on their English set (not available here).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stories_data import ECB, MDS, WCL, dedup_pairs, load_duc, load_ecb, load_multinews, load_wcl, synthetic_stream

from storyline.group.dedup import DEFAULT_THRESHOLD, DedupIndex, shingle_hashes, signature
from storyline.group.stories import cluster
from storyline.records import Article


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    n = len(pred)
    pair = Counter(zip(pred, gold))
    cp, cg = Counter(pred), Counter(gold)
    p = sum(c * c / cp[a] for (a, _), c in pair.items()) / n
    r = sum(c * c / cg[b] for (_, b), c in pair.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _texts(arts: Sequence[Article]) -> list[str]:
    return [((a.title or "") + "\n" + a.text) for a in arts]


def _tfidf(arts: Sequence[Article]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(_texts(arts))


def agglomerative(arts: Sequence[Article], threshold: float) -> list[str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics.pairwise import cosine_distances

    d = cosine_distances(_tfidf(arts).astype(np.float32))  # an empty text is at distance 1 from all
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=threshold).fit_predict(d)
    return [str(v) for v in labels]


def hdbscan(arts: Sequence[Article], min_size: int) -> list[str]:
    from sklearn.cluster import HDBSCAN
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    x = _tfidf(arts)
    k = max(2, min(100, x.shape[0] - 1, x.shape[1] - 1))
    z = normalize(TruncatedSVD(k, random_state=0).fit_transform(x))
    labels = HDBSCAN(min_cluster_size=min_size, min_samples=1, copy=True).fit_predict(z)
    return [str(v) if v >= 0 else f"noise{i}" for i, v in enumerate(labels)]


def storyline_ingest(arts: Sequence[Article], runs: int = 1, *, then_regroup: bool = False) -> list[str]:
    """What ``storyline ingest`` does to group ``arts`` (stored in stream order), in ``runs`` ingest
    runs of consecutive parts of the stream: each run stores its articles and groups the pending ones
    (``pipeline.ingest_articles`` + ``pipeline.group_pending``, a clusterer loaded from the store);
    with ``then_regroup``, ``storyline regroup`` follows (``pipeline.regroup``). The story of each
    article is read back from the store. Briefs are left out: they do not change the grouping."""
    from storyline.config import Settings
    from storyline.pipeline import group_pending, ingest_articles, regroup
    from storyline.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = SQLiteStore(db)
        settings = Settings(db=str(db))
        size = max(1, -(-len(arts) // runs))
        for k in range(0, len(arts), size):
            ingest_articles(store, arts[k:k + size], batch_size=1000)
            group_pending(store, settings)
        if then_regroup:
            regroup(store, settings, briefs=False)
        story = {r[0]: r[1] for r in store._conn().execute("SELECT id, story_id FROM articles")}
        store.close()
    return [story[a.id] or "" for a in arts]


def _best(params: Sequence[float], run: Callable[[float], list[str]], gold: Sequence[str]) -> float:
    return max(params, key=lambda t: bcubed(run(t), gold)[2])


SYSTEMS = ("storyline", "storyline-stream", "storyline-ingest", "storyline-ingest-5", "storyline-ingest-5-regroup",
           "agglomerative", "hdbscan")


def quality(quick: bool, systems: Sequence[str] = SYSTEMS, only_sets: Sequence[str] = ()) -> list[dict[str, object]]:
    train, gtrain = load_ecb("train")
    agg_t, hdb_m = 0.85, 8
    if "agglomerative" in systems:
        agg_t = _best([0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9], lambda t: agglomerative(train, t), gtrain)
    if "hdbscan" in systems:
        hdb_m = int(_best([2, 3, 4, 5, 8], lambda m: hdbscan(train, int(m)), gtrain))
    if "agglomerative" in systems or "hdbscan" in systems:
        print(f"peers tuned on ECB+ train: agglomerative distance threshold {agg_t}, HDBSCAN min_cluster_size "
              f"{hdb_m}", flush=True)
    sets: list[tuple[str, Callable[[], tuple[list[Article], list[str]]]]] = [
        ("ECB+ dev", lambda: load_ecb("dev")),
        ("ECB+ train", lambda: (train, gtrain)),
        ("NewsWCL50", load_wcl),
        ("DUC 2003+2004+2006 mix", load_duc),
        ("Multi-News mix" + (" (500 clusters)" if quick else ""),
         lambda: load_multinews(limit_clusters=500 if quick else None)),
    ]
    if only_sets:
        sets = [(name, load) for name, load in sets if any(o.lower() in name.lower() for o in only_sets)]
    rows = []
    for name, load in sets:
        arts, gold = load()
        preds: dict[str, list[str]] = {}
        for system, run in (("storyline", lambda a: cluster(a)),
                            ("storyline-stream", lambda a: cluster(a, idf="stream")),
                            ("storyline-ingest", lambda a: storyline_ingest(a, 1)),
                            ("storyline-ingest-5", lambda a: storyline_ingest(a, 5)),
                            ("storyline-ingest-5-regroup", lambda a: storyline_ingest(a, 5, then_regroup=True)),
                            ("agglomerative", lambda a: agglomerative(a, agg_t)),
                            ("hdbscan", lambda a: hdbscan(a, hdb_m))):
            if system not in systems:
                continue
            t0 = time.perf_counter()
            try:
                pred = run(arts)
            except MemoryError as exc:
                print(f"  {name} {system}: {exc}")
                continue
            dt = time.perf_counter() - t0
            preds[system] = pred
            p, r, f = bcubed(pred, gold)
            rows.append({"set": name, "system": system, "docs": len(arts), "gold": len(set(gold)),
                         "P": p, "R": r, "F1": f, "stories": len(set(pred)), "s": dt})
            print(f"  {name:32s} {system:26s} P {p:.3f} R {r:.3f} F1 {f:.3f} stories {len(set(pred)):5d}"
                  f" (gold {len(set(gold))}) {dt:6.1f}s", flush=True)
        if "storyline-ingest" in preds and "storyline-ingest-5" in preds:
            # how far five ingest runs land from one: B-cubed of the one against the other
            p, r, f = bcubed(preds["storyline-ingest-5"], preds["storyline-ingest"])
            print(f"  {name:32s} ingest 5 runs against 1 run: P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)
    return rows


def dedup_bench(n: int) -> dict[str, float]:
    arts, truth = dedup_pairs(n)
    t0 = time.perf_counter()
    sigs = [signature((a.title or "") + "\n" + a.text) for a in arts]
    idx = DedupIndex(DEFAULT_THRESHOLD, max_items=None)
    found: set[frozenset[str]] = set()
    for a, s in zip(arts, sigs):
        for other, _ in idx.query(s):
            found.add(frozenset((a.id, other)))
        idx.insert(a.id, s)
    t_lsh = time.perf_counter() - t0
    t0 = time.perf_counter()
    sets = [set(shingle_hashes((a.title or "") + "\n" + a.text).tolist()) for a in arts]
    exact: set[frozenset[str]] = set()
    for i, j in itertools.combinations(range(len(arts)), 2):
        a, b = sets[i], sets[j]
        inter = len(a & b)
        if inter and inter / (len(a) + len(b) - inter) >= DEFAULT_THRESHOLD:
            exact.add(frozenset((arts[i].id, arts[j].id)))
    t_exact = time.perf_counter() - t0

    def pr(got: set[frozenset[str]], ref: set[frozenset[str]]) -> tuple[float, float]:
        tp = len(got & ref)
        return tp / max(1, len(got)), tp / max(1, len(ref))

    p, r = pr(found, truth)
    pe, re_ = pr(exact, truth)
    pa, ra = pr(found, exact)
    out = {"articles": len(arts), "pairs": len(truth), "P": p, "R": r, "P_exact": pe, "R_exact": re_,
           "P_vs_exact": pa, "R_vs_exact": ra, "s_lsh": t_lsh, "s_exact": t_exact}
    print(f"  near-duplicates: {len(arts)} articles, {len(truth)} true pairs, threshold {DEFAULT_THRESHOLD}\n"
          f"    MinHash LSH     P {p:.3f} R {r:.3f}  {t_lsh:6.2f}s\n"
          f"    exact Jaccard   P {pe:.3f} R {re_:.3f}  {t_exact:6.2f}s  (all pairs)\n"
          f"    LSH vs exact    P {pa:.3f} R {ra:.3f}  speed ratio x{t_exact / t_lsh:.1f}", flush=True)
    return out


def _peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM; ru_maxrss would carry the parent's peak across exec)."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _scale_child(n: int, workers: int) -> None:
    """Run in a fresh process: features (``workers`` processes) + online clustering of n articles."""
    from concurrent.futures import ProcessPoolExecutor

    from storyline.group.stories import StoryClusterer, features

    c = StoryClusterer()
    chunk = 2000
    marks = []
    t0 = time.perf_counter()
    stream = synthetic_stream(n)
    pool = ProcessPoolExecutor(workers) if workers > 1 else None
    done = 0
    while True:
        batch = list(itertools.islice(stream, chunk))
        if not batch:
            break
        feats = list(pool.map(features, batch, chunksize=100)) if pool else [features(a) for a in batch]
        c.partial_fit(feats)
        c.drain()
        done += len(batch)
        marks.append((done, time.perf_counter() - t0))
    if pool:
        pool.shutdown()
    dt = time.perf_counter() - t0
    tenth = max(1, len(marks) // 10)
    first = marks[tenth - 1][0] / marks[tenth - 1][1]
    last_n = marks[-1][0] - marks[-1 - tenth][0] if len(marks) > tenth else marks[-1][0]
    last_t = marks[-1][1] - marks[-1 - tenth][1] if len(marks) > tenth else marks[-1][1]
    rss = _peak_rss_mb()
    print(json.dumps({"n": n, "per_s": n / dt, "first10_per_s": first, "last10_per_s": last_n / last_t,
                      "rss_mb": rss, "open": len(c.open), "s": dt}))


def scale(sizes: Sequence[int], workers: int) -> list[dict[str, float]]:
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--scale-child", str(n), "--workers", str(workers)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr[-2000:])
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"  {n:>9,d} articles: {row['per_s']:7.0f} articles/s (first tenth {row['first10_per_s']:.0f}, "
              f"last tenth {row['last10_per_s']:.0f}), peak RSS {row['rss_mb']:.0f} MB, open stories "
              f"{row['open']}", flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--scale", type=int, action="append", default=None, help="extra scale sizes")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scale-child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--skip", action="append", default=[], help="quality, dedup or scale")
    ap.add_argument("--system", action="append", default=None, choices=SYSTEMS,
                    help="quality rows of these systems only (default: all)")
    ap.add_argument("--set", action="append", default=[], dest="sets",
                    help="quality sets whose name contains this (default: all)")
    args = ap.parse_args()
    if args.scale_child:
        _scale_child(args.scale_child, args.workers)
        return
    if not ECB.exists() or not MDS.exists() or not WCL.exists():
        print(f"shared data not found under {ECB.parent.parent}: nothing to measure")
        return
    if "quality" not in args.skip:
        print("== story clustering (B-cubed, stream order)")
        quality(args.quick, args.system or SYSTEMS, args.sets)
    if "dedup" not in args.skip:
        print("== near-duplicates (DUC articles and their edited copies)")
        dedup_bench(300 if args.quick else 1000)
    if "scale" not in args.skip:
        print(f"== scale: dedup + clustering, synthetic stream, {args.workers} processes for features")
        sizes = [10_000] if args.quick else [10_000, 100_000]
        scale(sizes + (args.scale or []), args.workers)


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
