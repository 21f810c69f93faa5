"""Train the models behind ``storyline.resolve_entities`` on ECB+ (entity mentions).

    python scripts/train_coref.py --seed S --out runs/S.json.gz     # one run: about 8 min on two cores
    python scripts/train_coref.py --seed S --no-sweep --out runs/S.json.gz  # a run for an ensemble: about 3 min
    python scripts/train_coref.py --ensemble runs/0.json.gz runs/100.json.gz runs/200.json.gz runs/300.json.gz
        # the shipped model: the four runs averaged, thresholds swept on dev (about 11 min; --jobs N shares
        # the sweep among N processes, the same result)

The train topics of ../shared/data/cdcr/ecbplus/docs.jsonl give

* four association tables: how often mentions of two types corefer (a common noun's head, a
  pronoun, the word cluster of a name; e.g. "host" with a name of the cluster of "degeneres"),
  counted over all train pairs and over the pairs inside one article; the features of each train
  topic use the tables without that topic;
* a gradient-boosted pair model (scikit-learn HistGradientBoosting, every positive pair and a
  sample of the negatives) exported as flat node arrays that storyline evaluates with numpy;
* a second one for the pairs inside one article (every such pair of the train articles), whose
  probabilities replace the first model's for those pairs;
* two more for the pairs from two different articles of a name and a common noun, and of two
  common nouns (every such pair of the train topics), whose probabilities replace the first
  model's for those pairs (``--no-cross`` leaves them out);
* the entity-level second pass (``--no-merge`` leaves it out): a boosted-tree model of pairs of
  first-pass clusters, trained on the clusters of the train topics at three first-pass thresholds,
  with first-pass probabilities that are cross-fitted (``--folds`` folds of train topics, each
  scored by the models above trained on the other folds); the label of a cluster pair is whether
  the gold entities most of their mentions belong to are the same.

The dev topics choose the linkage (average or weighted), whether to propagate through
article-mates, and the threshold that maximise CoNLL F1; with the second pass, the first-pass
threshold and the merge threshold together. Gold mentions from the
validated sentences, each topic's documents at a time, as bench/entities.py scores them.

Every model is a bag of ``--bags`` boosted-tree models (seeds ``--seed``, ``--seed`` + 1, ...: each
its own sample of negatives and early-stopping split) whose logits are averaged. One run's dev score
still moves by about a point with the seed, so the shipped model averages four whole runs
(``--ensemble``: seeds 0, 100, 200 and 300, each with its own cross-fitted second pass and singleton
model) and sweeps the thresholds for that average. Writes storyline/models/coref-pairs.json.gz
(gzip without a timestamp: the same training, the same bytes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import entities as B

from storyline import Article, Mention
from storyline.consolidate import entities as E

Table = dict[str, list[int]]


def topic_mentions(docs: list[dict]):  # type: ignore[no-untyped-def]
    """Per topic: (topic, articles, mention infos, gold cluster ids, keys)."""
    out = []
    for topic, tdocs in sorted(B._topics(docs).items()):
        arts = [Article(text=d["text"]) for d in tdocs]
        ments, gold, keys = [], [], []
        for d, a in zip(tdocs, arts):
            for m in B._gold_entity_mentions(d):
                ments.append(Mention(start=m["start"], end=m["end"], text=m["text"], article_id=a.id))
                gold.append(m["cluster"] or f"single:{d['id']}:{m['id']}")
                keys.append((d["id"], m["start"], m["end"]))
        out.append((topic, arts, E.mention_infos(arts, ments), np.array(gold), keys))
    return out


def assoc_counts(info, gold, within: bool = False) -> tuple[Counter, Counter]:  # type: ignore[no-untyped-def]
    """(coreferent, total) pair counts per key pair, for both key kinds (``within``: pairs inside
    one article only)."""
    res = []
    for keys in E.assoc_keys(info):
        pos: Counter = Counter()
        tot: Counter = Counter()
        n = len(keys)
        for i in range(n):
            for j in range(i + 1, n):
                if within and info[i].doc != info[j].doc:
                    continue
                k = E.assoc_key(keys[i], keys[j])
                tot[k] += 1
                if gold[i] == gold[j]:
                    pos[k] += 1
        res.append((pos, tot))
    return res  # type: ignore[return-value]


def to_table(pos: Counter, tot: Counter, min_total: int = 1) -> Table:
    return {k: [int(pos[k]), int(v)] for k, v in tot.items() if v >= min_total}


TABLES = ("word", "cls", "within_word", "within_cls")


def topic_arrays(tm, tables, per_topic=None):  # type: ignore[no-untyped-def]
    """Per topic: (topic, pair features, kind codes, gold, keys, within-article features and pairs,
    the association tables used). ``per_topic``: leave each topic's own counts out of its tables."""
    out = []
    for ti, (topic, arts, info, gold, keys) in enumerate(tm):
        if per_topic is not None:
            assoc = {name: to_table(pos - tp, tot - tt)
                     for name, (pos, tot), (tp, tt) in zip(TABLES, tables, per_topic[ti])}
        else:
            assoc = {name: to_table(pos, tot, 2) for name, (pos, tot) in zip(TABLES, tables)}
        base, code = E.pair_features(arts, info, assoc)
        wx, wp = E.within_features(arts, info, base, assoc)
        out.append((topic, base, code, gold, keys, wx, wp, arts, info))
    return out


def export_trees(clf) -> tuple[dict, int]:  # type: ignore[no-untyped-def]
    feat, thr, left, right, val, leaf, root = [], [], [], [], [], [], []
    depth = 0
    for pred in clf._predictors:
        nodes = pred[0].nodes
        off = len(feat)
        root.append(off)
        for nd in nodes:
            feat.append(int(nd["feature_idx"]))
            thr.append(float(nd["num_threshold"]))
            left.append(int(nd["left"]) + off)
            right.append(int(nd["right"]) + off)
            val.append(float(nd["value"]) if nd["is_leaf"] else 0.0)  # only the leaves' values are read
            leaf.append(int(nd["is_leaf"]))
            depth = max(depth, int(nd["depth"]))
        assert not any(nd["is_categorical"] for nd in nodes)
    return ({"feature": feat, "threshold": thr, "left": left, "right": right, "value": val, "leaf": leaf,
             "root": root}, depth + 1)


def fit(train, neg_max: int, iters: int, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(seed)
    X, Y = [], []
    for _, base, code, gold, *_ in train:
        iu = np.triu_indices(len(gold), 1)
        X.append(base[iu])
        Y.append((gold[:, None] == gold[None, :])[iu])
    x, y = np.concatenate(X), np.concatenate(Y)
    pos = np.flatnonzero(y)
    negs = np.flatnonzero(~y)
    neg = rng.choice(negs, size=min(neg_max, len(negs)), replace=False)
    idx = np.concatenate([pos, neg])
    print(f"  {len(y)} pairs, {len(pos)} coreferent; fitting on {len(idx)}", flush=True)
    clf = HistGradientBoostingClassifier(max_iter=iters, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=40,
                                         l2_regularization=1.0, random_state=seed)
    clf.fit(x[idx].astype(np.float64), y[idx])
    trees, depth = export_trees(clf)
    offset = float(np.ravel(clf._baseline_prediction)[0]) + float(np.log(len(neg) / len(negs)))
    # check: the numpy evaluation reproduces scikit-learn's on a sample
    s = x[idx[:2000]].astype(np.float64)
    m = {k: np.array(v, dtype=np.float64 if k in ("threshold", "value") else np.int32) for k, v in trees.items()}
    mine = E.tree_logits(s, m, depth) + float(np.ravel(clf._baseline_prediction)[0])
    ref = clf.decision_function(s)
    assert np.allclose(mine, ref, atol=1e-6), float(np.abs(mine - ref).max())
    return {"features": E.FEATURE_NAMES, "kinds": E.PAIR_KINDS, "trees": trees, "depth": depth, "offset": offset}


def average_models(models: list[dict]) -> dict:
    """One model whose logit is the mean of the models' logits (trees concatenated, leaf values and
    offsets divided by their number)."""
    if len(models) == 1:
        return models[0]
    k = len(models)
    trees: dict[str, list] = {key: [] for key in models[0]["trees"]}
    for m in models:
        off = len(trees["feature"])
        t = m["trees"]
        trees["feature"] += t["feature"]
        trees["threshold"] += t["threshold"]
        trees["left"] += [x + off for x in t["left"]]
        trees["right"] += [x + off for x in t["right"]]
        trees["value"] += [v / k for v in t["value"]]
        trees["leaf"] += t["leaf"]
        trees["root"] += [x + off for x in t["root"]]
    out = dict(models[0])
    out.update(trees=trees, depth=max(m["depth"] for m in models), offset=sum(m["offset"] for m in models) / k)
    return out


def fit_within(train, iters: int = 200, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    """The within-article model: every pair of mentions inside one train article."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.concatenate([r[5] for r in train])
    y = np.concatenate([r[3][r[6][:, 0]] == r[3][r[6][:, 1]] for r in train if len(r[6])])
    print(f"  within articles: {len(y)} pairs, {int(y.sum())} coreferent", flush=True)
    clf = HistGradientBoostingClassifier(max_iter=iters, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20,
                                         l2_regularization=1.0, random_state=seed)
    clf.fit(x.astype(np.float64), y)
    trees, depth = export_trees(clf)
    return {"features": E.WITHIN_NAMES + E.FEATURE_NAMES, "trees": trees, "depth": depth,
            "offset": float(np.ravel(clf._baseline_prediction)[0])}


CROSS_KINDS = ("proper-nominal", "nominal-nominal")


def fit_cross(train, kind_pair: str, iters: int = 200, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    """A model of the pairs of ``kind_pair`` from two different articles of a train topic (all of
    them, no sampling), whose probabilities replace the general model's for those pairs."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    X, Y = [], []
    for _, base, _, gold, *_rest, info in train:
        sel = E.cross_pairs(info, kind_pair)
        X.append(base[sel])
        Y.append((gold[:, None] == gold[None, :])[sel])
    x, y = np.concatenate(X), np.concatenate(Y)
    print(f"  {kind_pair} across articles: {len(y)} pairs, {int(y.sum())} coreferent", flush=True)
    clf = HistGradientBoostingClassifier(max_iter=iters, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40,
                                         l2_regularization=1.0, random_state=seed)
    clf.fit(x.astype(np.float64), y)
    trees, depth = export_trees(clf)
    return {"trees": trees, "depth": depth, "offset": float(np.ravel(clf._baseline_prediction)[0])}


def first_pass(train, args, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    """The first-pass models (general, within-article, cross-article) trained on ``train``."""
    model = average_models([fit(train, args.neg, args.iters, seed=seed + s) for s in range(args.bags)])
    if not args.no_within:
        model["within"] = average_models([fit_within(train, seed=seed + s) for s in range(args.bags)])
    if not args.no_cross:
        model["cross"] = {kp: average_models([fit_cross(train, kp, seed=seed + s) for s in range(args.bags)])
                          for kp in CROSS_KINDS}
    return model


def with_arrays(model: dict) -> dict:
    m = dict(model)
    m["T"] = E.tree_arrays(model["trees"])
    if "within" in model:
        m["W_T"] = E.tree_arrays(model["within"]["trees"])
    m["cross"] = {kp: dict(c, T=E.tree_arrays(c["trees"])) for kp, c in model.get("cross", {}).items()}
    return m


def topic_probs(topics, m: dict, propagate: bool) -> list[np.ndarray]:  # type: ignore[no-untyped-def]
    """First-pass probabilities of each topic's mention pairs."""
    out = []
    for topic, base, code, g, keys, _, _, arts, info in topics:
        p = E.within_probs(E.pair_probs(base, code, m), arts, info, base, m)
        p = E.cross_probs(p, info, base, m)
        out.append(E.propagate(p, [x.doc for x in info]) if propagate else p)
    return out


def cross_fitted_probs(train, args) -> list[np.ndarray]:  # type: ignore[no-untyped-def]
    """Propagated first-pass probabilities of every train topic from models trained on the other
    folds of train topics, so that the second pass learns from realistic first-pass errors."""
    order = np.random.default_rng(100).permutation(len(train))
    out: list[np.ndarray | None] = [None] * len(train)
    for f in range(args.folds):
        held = sorted(order[f::args.folds].tolist())
        print(f"  fold {f + 1}/{args.folds}: {len(held)} topics held out", flush=True)
        m = with_arrays(first_pass([r for i, r in enumerate(train) if i not in set(held)], args, args.seed))
        for i, p in zip(held, topic_probs([train[i] for i in held], m, True)):
            out[i] = p
    return out  # type: ignore[return-value]


MERGE_TRAIN_THRESHOLDS = (0.3, 0.4, 0.5)


def fit_merge(train, probs: list[np.ndarray], bags: int = 1, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    """The second-pass model: pairs of first-pass clusters (average link at three thresholds) of
    the train topics whose best member pair has p > 0.02; positive when the gold entities most of
    the two clusters' mentions belong to are the same."""
    X, Y = [], []
    for (_, base, _, gold, _, _, _, arts, info), p in zip(train, probs):
        for t in MERGE_TRAIN_THRESHOLDS:
            labs = np.array(E.cluster_mentions(p, t, "average"))
            groups = [np.flatnonzero(labs == u) for u in dict.fromkeys(labs.tolist())]
            if len(groups) < 2:
                continue
            major = []
            for g in groups:
                vals, cnt = np.unique(gold[g], return_counts=True)
                major.append(vals[np.argmax(cnt)])
            x = E.cluster_pair_features(p, base, info, len(arts), groups)
            iu = np.triu_indices(len(groups), 1)
            keep = x[:, 0] > 0.02
            X.append(x[keep])
            Y.append(np.array([major[a] == major[b] for a, b in zip(iu[0][keep], iu[1][keep])]))
    x, y = np.concatenate(X), np.concatenate(Y)
    print(f"  cluster pairs: {len(y)}, {int(y.sum())} of the same entity", flush=True)
    return average_models([fit_small_trees(x, y, E.MERGE_NAMES, seed + s) for s in range(bags)])


def fit_small_trees(x: np.ndarray, y: np.ndarray, names: list[str], seed: int) -> dict:
    """A small boosted-tree classifier (the second pass's and the singleton model's settings),
    exported as node arrays and checked against scikit-learn's own probabilities."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20,
                                         l2_regularization=1.0, random_state=seed)
    clf.fit(x, y)
    trees, depth = export_trees(clf)
    out = {"features": names, "trees": trees, "depth": depth, "offset": float(np.ravel(clf._baseline_prediction)[0])}
    s = x[:2000]
    mine = E.tree_probs(s, E.tree_arrays(trees), depth, out["offset"])
    assert np.allclose(mine, clf.predict_proba(s)[:, 1], atol=1e-6)
    return out


def anaphoricity_prior(train) -> tuple[list[tuple[Counter, Counter]], Counter, Counter]:  # type: ignore[no-untyped-def]
    """(coreferent, total) mention counts per anaphoricity key ("nominal:host"): per train topic
    and over all of them (a mention is coreferent when its gold entity has another mention)."""
    per, pos_all, tot_all = [], Counter(), Counter()
    for r in train:
        gold, info = r[3], r[8]
        size = Counter(gold.tolist())
        pos, tot = Counter(), Counter()
        for g, x in zip(gold, info):
            k = E.anaphoricity_key(x)
            tot[k] += 1
            pos[k] += int(size[g] > 1)
        per.append((pos, tot))
        pos_all.update(pos)
        tot_all.update(tot)
    return per, pos_all, tot_all


def fit_anaphoricity(train, probs: list[np.ndarray], bags: int = 1, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    """The mention-level model: has a mention a coreferent mention in its topic? Trained on the
    train topics with cross-fitted first-pass probabilities and the key prior without each topic's
    own counts; ships the prior of all train topics (keys seen at least twice)."""
    per, pos_all, tot_all = anaphoricity_prior(train)
    X, Y = [], []
    for r, p, (pos, tot) in zip(train, probs, per):
        prior = {k: (pos_all[k] - pos[k], tot_all[k] - tot[k]) for k in tot_all}
        X.append(E.anaphoricity_features(p, r[8], r[7], prior))
        size = Counter(r[3].tolist())
        Y.append(np.array([size[g] > 1 for g in r[3]]))
    x, y = np.concatenate(X), np.concatenate(Y)
    print(f"  mentions: {len(y)}, {int((~y).sum())} singletons", flush=True)
    out = average_models([fit_small_trees(x, y, E.ANAPHORIC_NAMES, seed + s) for s in range(bags)])
    out["prior"] = {k: [int(pos_all[k]), int(v)] for k, v in tot_all.items() if v >= 2}
    return out


ANAPHORIC_THRESHOLDS = (None, 0.4, 0.5, 0.6)
POP_BARS = (0.0, 0.2, 0.4)


def score_labels(topics, labels: list[list[int]]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    gold, pred = {}, {}
    for (topic, _, _, g, keys, *_), lab in zip(topics, labels):
        for k, gl, pl in zip(keys, g, lab):
            gold[k] = gl
            pred[k] = f"{topic}:{pl}"
    return B.coref_scores(gold, pred)


def prepare(with_train: bool = True):  # type: ignore[no-untyped-def]
    """The association tables counted on the train topics, and the train (each topic without its own
    counts; None without ``with_train``) and dev topic arrays."""
    tm_train = topic_mentions(B.load_ecb("train"))
    tm_dev = topic_mentions(B.load_ecb("dev"))
    per_topic = [assoc_counts(info, gold) + assoc_counts(info, gold, within=True) for _, _, info, gold, _ in tm_train]
    tables = []
    for k in range(len(TABLES)):
        pos: Counter = Counter()
        tot: Counter = Counter()
        for pt in per_topic:
            pos.update(pt[k][0])
            tot.update(pt[k][1])
        tables.append((pos, tot))
    return tables, topic_arrays(tm_train, tables, per_topic) if with_train else None, topic_arrays(tm_dev, tables)


_SWEEP: dict = {}  # what a sweep's worker processes read (set before they fork)


def _sweep_cell(cell: tuple[float | None, float]) -> list[tuple[float, float, float | None, float, dict]]:
    """One first-pass threshold of one singleton threshold: (first pass, merge, singleton, bar, scores) of
    each merge threshold and leaving bar."""
    ta, t1 = cell
    dev, probs, mg_arrays, ana = _SWEEP["dev"], _SWEEP["probs"], _SWEEP["merge"], _SWEEP["ana"]
    alone = [None if ta is None else a < ta for a in ana or [None] * len(dev)]
    labels = [E.cluster_mentions(p, float(t1), "average") for p in probs]
    seqs = [E.merge_sequence(p, r[1], r[8], len(r[7]), lab, E.merge_scorer(mg_arrays), 0.15, al)
            for p, r, lab, al in zip(probs, dev, labels, alone)]
    out = []
    for t2 in np.arange(0.15, 0.61, 0.05):
        merged = [E.apply_merges(lab, sq, float(t2)) for lab, sq in zip(labels, seqs)]
        for bar in POP_BARS if ta is not None else (0.0,):
            final = [E.checked_clusters(E.pop_singletons(lab, p, al, bar) if al is not None else lab, p, r[1], r[8])
                     for lab, p, al, r in zip(merged, probs, alone, dev)]
            out.append((float(t1), float(t2), ta, bar, score_labels(dev, final)))
    return out


def second_pass_sweep(dev, probs: list[np.ndarray], mg: dict, an: dict | None,  # type: ignore[no-untyped-def]
                      jobs: int = 1):
    """The dev sweep of the second pass: singleton threshold (none or ANAPHORIC_THRESHOLDS), leaving
    bar, first-pass threshold and merge threshold; (CoNLL F1, first pass, merge, singleton, bar) of
    the best setting. ``jobs`` worker processes share the grid's cells (the same settings, printed and
    compared in the same order: the same choice)."""
    _SWEEP.update(dev=dev, probs=probs, merge=dict(mg, T=E.tree_arrays(mg["trees"])),
                  ana=[E.anaphoricity(p, r[8], r[7], dict(an, T=E.tree_arrays(an["trees"]))) for p, r in zip(probs, dev)]
                  if an else None)
    cells = [(ta, float(t1)) for ta in (ANAPHORIC_THRESHOLDS if an else (None,)) for t1 in np.arange(0.30, 0.61, 0.05)]
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_sweep_cell, cells, chunksize=1)
    else:
        results = map(_sweep_cell, cells)
    best_m: tuple[float, float, float, float | None, float] = (-1.0, 0.5, 0.5, None, 0.0)
    for rows in results:
        for t1, t2, ta, bar, sc in rows:
            print(f"  anaphoricity {ta}, pop {bar}, average {t1:.2f}, merge {t2:.2f}: dev CoNLL F1 "
                  f"{sc['CoNLL']:.4f} (MUC {sc['MUC']:.4f} B3 {sc['B3']:.4f} CEAF-e {sc['CEAF-e']:.4f})",
                  flush=True)
            if sc["CoNLL"] > best_m[0]:
                best_m = (sc["CoNLL"], t1, t2, ta, bar)
    _SWEEP.clear()
    return best_m


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--neg", type=int, default=200_000, help="negative pairs sampled for training")
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--out", type=Path, default=E.MODEL_PATH)
    ap.add_argument("--no-within", action="store_true", help="no separate within-article model")
    ap.add_argument("--no-cross", action="store_true", help="no separate cross-article models for common nouns")
    ap.add_argument("--bags", type=int, default=3,
                    help="models of each kind averaged, each with its own seed (sample of negatives, validation split)")
    ap.add_argument("--seed", type=int, default=100, help="seed of the first of each kind's bagged models")
    ap.add_argument("--no-merge", action="store_true", help="no entity-level second pass")
    ap.add_argument("--no-anaphoricity", action="store_true",
                    help="no mention-level singleton model (predicted singletons kept out of the second pass)")
    ap.add_argument("--folds", type=int, default=5, help="folds of train topics for the second pass's cross-fitting")
    ap.add_argument("--jobs", type=int, default=1, help="processes sharing the second pass's dev sweep")
    ap.add_argument("--no-sweep", action="store_true",
                    help="a run for --ensemble: keep the second pass's models without sweeping its thresholds on dev "
                         "(the ensemble sweeps its own; most of a run's time)")
    ap.add_argument("--ensemble", type=Path, nargs="+", metavar="RUN",
                    help="no training: average the models of these runs (files written by --out) and sweep on dev")
    args = ap.parse_args(argv)
    if not B.ECB.exists():
        print(f"ECB+ not found: {B.ECB}", file=sys.stderr)
        return 2
    if args.ensemble:
        return ensemble(args.ensemble, args.out, args.jobs)
    t0 = time.time()
    tables, train, dev = prepare()
    print(f"features in {time.time() - t0:.0f}s", flush=True)
    model = first_pass(train, args, args.seed)
    # the shipped tables: key pairs seen at least twice
    model["assoc"] = {name: to_table(pos, tot, 2) for name, (pos, tot) in zip(TABLES, tables)}
    m = with_arrays(model)
    best = (-1.0, 0.5, "average", False)
    for prop in (False, True):
        probs = topic_probs(dev, m, prop)
        for method in ("average", "weighted"):
            for t in np.arange(0.15, 0.51, 0.05):
                sc = score_labels(dev, [E.cluster_mentions(p, float(t), method) for p in probs])
                print(f"  propagate {prop} {method} threshold {t:.2f}: dev CoNLL F1 {sc['CoNLL']:.4f} (MUC "
                      f"{sc['MUC']:.4f} B3 {sc['B3']:.4f} CEAF-e {sc['CEAF-e']:.4f})", flush=True)
                if sc["CoNLL"] > best[0]:
                    best = (sc["CoNLL"], float(t), method, prop)
    model["threshold"] = round(best[1], 2)
    model["linkage"] = best[2]
    model["propagate"] = best[3]
    if not args.no_merge:
        print(f"first pass alone: {best[2]} {best[1]:.2f}, dev CoNLL F1 {best[0]:.4f}; second pass:", flush=True)
        cf = cross_fitted_probs(train, args)
        mg = fit_merge(train, cf, args.bags, args.seed)
        an = None if args.no_anaphoricity else fit_anaphoricity(train, cf, args.bags, args.seed)
        if args.no_sweep:  # (for an ensemble: its thresholds are swept on the average)
            model.update(linkage="average", propagate=True, merge=mg)
            if an is not None:
                model["anaphoricity"] = an
            write_model(model, args.out)
            print(f"second pass fitted, not swept -> {args.out} ({time.time() - t0:.0f}s)")
            return 0
        probs = topic_probs(dev, m, True)
        best_m = second_pass_sweep(dev, probs, mg, an, args.jobs)
        if best_m[0] > best[0]:
            model.update(threshold=round(best_m[1], 2), linkage="average", propagate=True)
            model["merge"] = dict(mg, threshold=round(best_m[2], 2))
            if an is not None:  # kept when unused too (threshold None): an ensemble of runs averages it
                model["anaphoricity"] = dict(an, threshold=best_m[3], bar=best_m[4])
            best = (best_m[0], best_m[1], "average", True)
            print(f"second pass: average {best_m[1]:.2f}, merge {best_m[2]:.2f}, anaphoricity {best_m[3]}, "
                  f"pop {best_m[4]}", flush=True)
    write_model(model, args.out)
    print(f"{model['linkage']} threshold {model['threshold']}: dev CoNLL F1 {best[0]:.4f} -> {args.out} ({time.time() - t0:.0f}s)")
    return 0


def write_model(model: dict, out: Path) -> None:
    model["trained_on"] = "ECB+ train topics (gold entity mentions, validated sentences); threshold tuned on dev"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model, separators=(",", ":")).encode()
    # gzip without a timestamp: the same training writes the same bytes
    out.write_bytes(gzip.compress(text, mtime=0) if out.suffix == ".gz" else text)


def read_model(path: Path) -> dict:
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def ensemble(paths: list[Path], out: Path, jobs: int = 1) -> int:
    """One model from whole training runs (``--seed`` 0, 100, 200, 300: each its own first pass,
    cross-fitting, second pass and singleton model): every model kind's logits averaged over the
    runs, then the thresholds swept on dev for the ensemble."""
    t0 = time.time()
    runs = [read_model(p) for p in paths]
    if any(r["assoc"] != runs[0]["assoc"] or "anaphoricity" not in r or "merge" not in r for r in runs):
        print("ensemble: every run needs the same tables, a second pass and a singleton model", file=sys.stderr)
        return 2
    _, _, dev = prepare(with_train=False)  # the runs' tables are the train topics' counts: only dev is scored
    keys = ("features", "kinds", "trees", "depth", "offset")
    model = average_models([{k: r[k] for k in keys} for r in runs])
    model["within"] = average_models([r["within"] for r in runs])
    model["cross"] = {kp: average_models([r["cross"][kp] for r in runs]) for kp in CROSS_KINDS}
    model["assoc"] = runs[0]["assoc"]
    mg = average_models([{k: v for k, v in r["merge"].items() if k != "threshold"} for r in runs])
    an = average_models([{k: v for k, v in r["anaphoricity"].items() if k not in ("threshold", "bar", "prior")}
                         for r in runs])
    an["prior"] = runs[0]["anaphoricity"]["prior"]
    probs = topic_probs(dev, with_arrays(model), True)
    best = second_pass_sweep(dev, probs, mg, an, jobs)
    model.update(threshold=round(best[1], 2), linkage="average", propagate=True)
    model["merge"] = dict(mg, threshold=round(best[2], 2))
    model["anaphoricity"] = dict(an, threshold=best[3], bar=best[4])
    write_model(model, out)
    print(f"ensemble of {len(runs)} runs: average {best[1]:.2f}, merge {best[2]:.2f}, anaphoricity {best[3]}, "
          f"pop {best[4]}: dev CoNLL F1 {best[0]:.4f} -> {out} ({time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
