"""Train the pair model behind ``storyline.resolve_entities`` on ECB+ (entity mentions).

    python scripts/train_coref.py

The train topics of ../shared/data/cdcr/ecbplus/docs.jsonl train one logistic regression per
kind pair (name-name, name-noun, noun-pronoun, ...); the dev topics choose the average-link
threshold that maximises CoNLL F1. Gold mentions from the validated sentences, each topic's
documents at a time, as bench/entities.py scores them. Writes storyline/models/coref-pairs.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import entities as B

from storyline import Article, Mention
from storyline.consolidate import entities as E


def topic_arrays(docs: list[dict]):  # type: ignore[no-untyped-def]
    """Per topic: (base features, kind codes, gold cluster ids, keys)."""
    out = []
    for topic, tdocs in sorted(B._topics(docs).items()):
        arts = [Article(text=d["text"]) for d in tdocs]
        ments, gold, keys = [], [], []
        for d, a in zip(tdocs, arts):
            for m in B._gold_entity_mentions(d):
                ments.append(Mention(start=m["start"], end=m["end"], text=m["text"], article_id=a.id))
                gold.append(m["cluster"] or f"single:{d['id']}:{m['id']}")
                keys.append((d["id"], m["start"], m["end"]))
        info = E.mention_infos(arts, ments)
        base, code = E.pair_features(arts, info)
        out.append((topic, base, code, np.array(gold), keys))
    return out


def fit(train, c: float, seed: int = 0) -> dict:  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    X: list[list[np.ndarray]] = [[] for _ in E.PAIR_KINDS]
    Y: list[list[np.ndarray]] = [[] for _ in E.PAIR_KINDS]
    for _, base, code, gold, _ in train:
        n = len(gold)
        iu = np.triu_indices(n, 1)
        y = (gold[:, None] == gold[None, :])[iu]
        f = base[iu]
        k = code[iu]
        for kk in range(len(E.PAIR_KINDS)):
            sel = k == kk
            X[kk].append(f[sel])
            Y[kk].append(y[sel])
    coef, inter = [], []
    for kk, name in enumerate(E.PAIR_KINDS):
        x = np.concatenate(X[kk]) if X[kk] else np.zeros((0, len(E.FEATURE_NAMES)))
        y = np.concatenate(Y[kk]) if Y[kk] else np.zeros(0, dtype=bool)
        if len(x) > 200_000:  # keep every positive, sample negatives
            pos = np.flatnonzero(y)
            neg = rng.choice(np.flatnonzero(~y), size=200_000 - len(pos), replace=False)
            idx = np.concatenate([pos, neg])
            x, y = x[idx], y[idx]
        if y.sum() < 5 or (~y).sum() < 5:
            coef.append([0.0] * len(E.FEATURE_NAMES))
            inter.append(-6.0 if y.mean() < 0.5 else 0.0)
            print(f"  {name}: {len(y)} pairs, too few of one class; constant", flush=True)
            continue
        lr = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)  # 'bias' feature is the intercept
        lr.fit(x, y)
        coef.append([float(v) for v in lr.coef_[0]])
        inter.append(0.0)
        print(f"  {name}: {len(y)} pairs, {int(y.sum())} coreferent", flush=True)
    return {"features": E.FEATURE_NAMES, "kinds": E.PAIR_KINDS, "coef": coef, "intercept": inter}


def score(topics, model: dict, threshold: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    m = {"W": np.array(model["coef"], dtype=np.float32), "b": np.array(model["intercept"], dtype=np.float32)}
    gold, pred = {}, {}
    for topic, base, code, g, keys in topics:
        labels = E.cluster_mentions(E.pair_probs(base, code, m), threshold)
        for k, gl, pl in zip(keys, g, labels):
            gold[k] = gl
            pred[k] = f"{topic}:{pl}"
    return B.coref_scores(gold, pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=E.MODEL_PATH)
    args = ap.parse_args(argv)
    if not B.ECB.exists():
        print(f"ECB+ not found: {B.ECB}", file=sys.stderr)
        return 2
    t0 = time.time()
    train = topic_arrays(B.load_ecb("train"))
    dev = topic_arrays(B.load_ecb("dev"))
    print(f"features in {time.time() - t0:.0f}s", flush=True)
    model = fit(train, args.c)
    best = (-1.0, 0.5)
    for t in np.arange(0.05, 0.81, 0.05):
        sc = score(dev, model, float(t))
        print(f"  threshold {t:.2f}: dev CoNLL F1 {sc['CoNLL']:.4f} (MUC {sc['MUC']:.4f} B3 {sc['B3']:.4f} "
              f"CEAF-e {sc['CEAF-e']:.4f})", flush=True)
        if sc["CoNLL"] > best[0]:
            best = (sc["CoNLL"], float(t))
    model["threshold"] = round(best[1], 2)
    model["trained_on"] = "ECB+ train topics (gold entity mentions, validated sentences); threshold tuned on dev"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1))
    trs = score(train, model, model["threshold"])
    print(f"threshold {model['threshold']}: dev CoNLL F1 {best[0]:.4f}, train CoNLL F1 {trs['CoNLL']:.4f} "
          f"-> {args.out} ({time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
