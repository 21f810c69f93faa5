"""Train storyline's named-entity taggers (CRF, python-crfsuite) on CoNLL-2003 English.

    python scripts/train_ner.py                      # both settings, written to storyline/models/
    python scripts/train_ner.py --mode fast --c1 0.05 --c2 0.01 --iters 100

Reads ../shared/data/ner/conll2003/{train,dev}.jsonl (the train split trains, the dev split only
scores). Steps:
1. word clusters: lower-cased words of the CoNLL train text and the ECB+ article text (unlabelled
   use only) are embedded by their left/right neighbours (PPMI, truncated SVD) and clustered by
   k-means at three granularities: a cheap stand-in for Brown clusters;
2. a gazetteer of the names labelled in the train split; while training, each document sees the
   gazetteer built from the other folds (jackknife), so the CRF does not learn to trust it blindly;
3. CRFs for the accurate and fast feature sets; dev F1 (conlleval rules) printed at the end.

Output (storyline/models/): ner-accurate.crfsuite, ner-fast.crfsuite, ner-resources.json.gz.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.analyze.ner_features import (  # noqa: E402
    Resources,
    bio_spans,
    doc_stats,
    sentence_features,
)

DATA = ROOT.parent / "shared" / "data"
NER = DATA / "ner" / "conll2003"
ECB = DATA / "cdcr" / "ecbplus" / "docs.jsonl"
OUT = ROOT / "storyline" / "models"


def load_docs(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents as lists of (tokens, tags) sentences."""
    docs: dict[str, list[tuple[list[str], list[str]]]] = {}
    with path.open() as fh:
        for line in fh:
            r = json.loads(line)
            docs.setdefault(r["doc"], []).append((r["tokens"], r["tags"]))
    return list(docs.values())


# --- word clusters --------------------------------------------------------------------------

def unlabelled_sentences(train_docs) -> list[list[str]]:  # type: ignore[no-untyped-def]
    sents = [[w.lower() for w in toks] for d in train_docs for toks, _ in d]
    if ECB.exists():
        with ECB.open() as fh:
            for line in fh:
                r = json.loads(line)
                for s in r["text"].split("\n"):
                    sents.append(s.lower().split())
    return sents


def build_clusters(sents: list[list[str]], ks=(32, 128, 512), min_count: int = 2,
                   n_ctx: int = 2000, dim: int = 60, seed: int = 0) -> dict[str, tuple[str, ...]]:
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    cnt = Counter(w for s in sents for w in s)
    vocab = [w for w, c in cnt.items() if c >= min_count]
    vid = {w: i for i, w in enumerate(vocab)}
    ctx = [w for w, _ in cnt.most_common(n_ctx)]
    cid = {w: i for i, w in enumerate(ctx)}
    rows, cols = [], []
    for s in sents:
        padded = ["<s>"] + s + ["</s>"]
        for i in range(1, len(padded) - 1):
            w = padded[i]
            if w not in vid:
                continue
            for off, d in ((-1, 0), (1, 1), (-2, 2), (2, 3)):
                j = i + off
                if 0 <= j < len(padded):
                    c = cid.get(padded[j])
                    if c is not None:
                        rows.append(vid[w])
                        cols.append(c * 4 + d)
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(vocab), len(ctx) * 4))
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    cs = cs / cs.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (rs[m.row] * cs[m.col] + 1e-9) + 1e-9)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    emb = TruncatedSVD(dim, random_state=seed).fit_transform(ppmi)
    emb = normalize(emb)
    labels = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(emb))
    return {w: tuple(str(lab[i]) for lab in labels) for w, i in vid.items()}


# --- gazetteer ------------------------------------------------------------------------------

def gazetteer_of(docs) -> dict[tuple[str, ...], frozenset[str]]:  # type: ignore[no-untyped-def]
    g: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for d in docs:
        for toks, tags in d:
            for s, e, t in bio_spans(tags):
                if e - s <= 6:
                    g[tuple(toks[s:e])][t] += 1
    # keep the types that make up at least a quarter of an entry's uses
    out = {}
    for k, c in g.items():
        tot = sum(c.values())
        out[k] = frozenset(t for t, v in c.items() if v * 4 >= tot)
    return out


# --- CRF ------------------------------------------------------------------------------------

def doc_xseq(doc, res: Resources, mode: str, gaz=None):  # type: ignore[no-untyped-def]
    sents = [toks for toks, _ in doc]
    st = doc_stats(sents) if mode == "accurate" else None
    return [sentence_features(toks, res, st, mode, gaz) for toks in sents]


def train(mode: str, train_docs, res: Resources, out: Path, c1: float, c2: float, iters: int,
          folds: int = 5) -> float:  # type: ignore[no-untyped-def]
    import pycrfsuite

    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    fold_gaz = None
    if mode == "accurate":
        fold_gaz = [gazetteer_of([d for j, d in enumerate(train_docs) if j % folds != f]) for f in range(folds)]
    for j, d in enumerate(train_docs):
        g = fold_gaz[j % folds] if fold_gaz is not None else None
        for xs, (_, tags) in zip(doc_xseq(d, res, mode, g), d):
            trainer.append(xs, tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    print(f"[{mode}] features built in {time.time() - t0:.0f}s; training ...", flush=True)
    trainer.train(str(out))
    dt = time.time() - t0
    print(f"[{mode}] trained in {dt:.0f}s -> {out} ({out.stat().st_size / 1e6:.1f} MB)", flush=True)
    return dt


def evaluate(mode: str, model: Path, docs, res: Resources) -> dict[str, float]:  # type: ignore[no-untyped-def]
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tp = fp = fn = 0
    ntok = 0
    t0 = time.perf_counter()
    for d in docs:
        for xs, (toks, gold) in zip(doc_xseq(d, res, mode), d):
            pred = tagger.tag(xs)
            ntok += len(toks)
            g = set(bio_spans(gold))
            p = set(bio_spans(pred))
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
    dt = time.perf_counter() - t0
    prec = tp / max(tp + fp, 1)
    rec = tp / max(tp + fn, 1)
    f1 = 2 * prec * rec / max(prec + rec, 1e-9)
    return {"precision": prec, "recall": rec, "f1": f1, "tokens_per_s": ntok / dt}


def save_resources(res: Resources, path: Path) -> None:
    data = {"clusters": {w: list(c) for w, c in res.clusters.items()},
            "gazetteer": [[list(k), sorted(v)] for k, v in res.gazetteer.items()],
            "gaz_max": res.gaz_max}
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=["accurate", "fast", "both"], default="both")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=150)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--reuse-resources", action="store_true", help="keep an existing ner-resources.json.gz")
    args = ap.parse_args(argv)
    if not (NER / "train.jsonl").exists():
        print(f"training data not found: {NER}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    train_docs = load_docs(NER / "train.jsonl")
    dev_docs = load_docs(NER / "dev.jsonl")
    rpath = args.out / "ner-resources.json.gz"
    if args.reuse_resources and rpath.exists():
        sys.path.insert(0, str(ROOT))
        from storyline.analyze.entities import load_resources

        res = load_resources(rpath)
    else:
        t0 = time.time()
        clusters = build_clusters(unlabelled_sentences(train_docs))
        res = Resources(clusters=clusters, gazetteer=gazetteer_of(train_docs))
        save_resources(res, rpath)
        print(f"clusters ({len(clusters)} words) and gazetteer ({len(res.gazetteer)} names) "
              f"in {time.time() - t0:.0f}s", flush=True)
    modes = ["accurate", "fast"] if args.mode == "both" else [args.mode]
    for mode in modes:
        model = args.out / f"ner-{mode}.crfsuite"
        train(mode, train_docs, res, model, args.c1, args.c2, args.iters)
        r = evaluate(mode, model, dev_docs, res)
        print(f"[{mode}] dev P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f} "
              f"{r['tokens_per_s']:.0f} tokens/s (features + tagging, one core)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
