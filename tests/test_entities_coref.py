"""resolve_entities on ECB+ dev topics: better than the same-last-word baseline (a regression gate)."""

from __future__ import annotations

import sys

from conftest import DATA, ROOT, need


def test_ecbplus_dev_topics_beat_last_word_baseline() -> None:
    need(DATA / "cdcr" / "ecbplus" / "docs.jsonl")
    sys.path.insert(0, str(ROOT / "bench"))
    import entities as bench  # bench/entities.py

    docs = [d for d in bench.load_ecb("dev") if d["topic"] in ("2", "5", "12")]
    gold = bench._gold_map(docs)
    ours = bench.coref_scores(gold, bench.ecb_resolve(docs))
    base = bench.coref_scores(gold, bench.ecb_resolve(docs, baseline=True))
    assert ours["CoNLL"] > base["CoNLL"]
    assert ours["CoNLL"] > 0.70


def test_metrics_on_a_toy_example() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import entities as bench

    gold = {1: "a", 2: "a", 3: "a", 4: "b", 5: "c"}
    assert bench.coref_scores(gold, dict(gold))["CoNLL"] == 1.0
    pred = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z"}
    s = bench.coref_scores(gold, pred)
    # MUC: key links 2, found 1 -> R 1/2; response links 2, correct 1 -> P 1/2
    assert abs(s["MUC"] - 0.5) < 1e-9
    assert 0 < s["B3"] < 1 and 0 < s["CEAF-e"] < 1
