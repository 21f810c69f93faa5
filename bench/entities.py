"""Benchmark: named-entity recognition (CoNLL-2003) and cross-document entity coreference (ECB+).

    python bench/entities.py            # full dev sets
    python bench/entities.py --quick    # a subset (a few seconds)

1. CoNLL-2003 English dev (eng.testa): entity-level micro P/R/F1 with the conlleval rules (exact
   span and type), for the accurate and the fast tagger; tokens/s on one core (features + CRF
   tagging on the pre-tokenised text, one process), and end to end on raw text
   (sentence splitting + tokenising + tagging + roles), and the F1 of ``recognize_entities`` on each
   document rebuilt as text (tokens joined by spaces, a line per sentence). The held-out test split is scored when
   ../shared/heldout/ner/conll2003/test.jsonl exists on the machine running this.
2. ECB+ entity coreference, gold mentions from the validated sentences (singletons included),
   each topic's documents given to ``storyline.resolve_entities`` at a time; MUC, B-cubed,
   CEAF-e and CoNLL F1 computed corpus-level, beside a same-last-word baseline (within topic)
   computed in the same run; the same on NewsWCL50's shared topics (loose chains). Then the same with storyline's own mentions (the recogniser's
   names): mention detection P/R against the gold name-like mentions, and coreference scored on
   the mentions both share.

Published figures are quoted from ../shared/data/*/SOURCE.md and the papers (see
docs/benchmarks/entities.md); peers that are not installed here are not run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _common, also when a test loads this file by its path

from _common import load_spacy  # noqa: E402
DATA = ROOT.parent / "shared" / "data"
HELDOUT = ROOT.parent / "shared" / "heldout"
CONLL = DATA / "ner" / "conll2003"
FINER = DATA / "ner" / "finer_ord"
ECB = DATA / "cdcr" / "ecbplus" / "docs.jsonl"
WCL = DATA / "cdcr" / "newswcl50" / "docs.jsonl"


REPEATS = 3

# --- coreference metrics --------------------------------------------------------------------

Cluster = frozenset


def _clusters(assign: dict[Hashable, Hashable]) -> list[frozenset]:
    g: dict[Hashable, set] = defaultdict(set)
    for m, c in assign.items():
        g[c].add(m)
    return [frozenset(v) for v in g.values()]


def muc(key: list[frozenset], resp: list[frozenset]) -> tuple[float, float, float]:
    def score(a: list[frozenset], b: list[frozenset]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    r, p = score(key, resp), score(resp, key)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(key: list[frozenset], resp: list[frozenset]) -> tuple[float, float, float]:
    kc = {m: c for c in key for m in c}
    rc = {m: c for c in resp for m in c}
    ms = list(kc)
    r = sum(len(kc[m] & rc.get(m, frozenset([m]))) / len(kc[m]) for m in ms) / len(ms)
    rms = list(rc)
    p = sum(len(rc[m] & kc.get(m, frozenset([m]))) / len(rc[m]) for m in rms) / len(rms)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ceaf_e(key: list[frozenset], resp: list[frozenset]) -> tuple[float, float, float]:
    from scipy.optimize import linear_sum_assignment
    from scipy.sparse import lil_matrix

    where = defaultdict(list)
    for j, c in enumerate(resp):
        for m in c:
            where[m].append(j)
    sim = lil_matrix((len(key), len(resp)))
    for i, k in enumerate(key):
        seen = set()
        for m in k:
            for j in where.get(m, ()):
                if j not in seen:
                    seen.add(j)
                    sim[i, j] = 2 * len(k & resp[j]) / (len(k) + len(resp[j]))
    dense = sim.toarray()
    ri, ci = linear_sum_assignment(-dense)
    total = dense[ri, ci].sum()
    r, p = total / len(key), total / len(resp)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def coref_scores(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> dict[str, float]:
    key, resp = _clusters(gold), _clusters(pred)
    out = {}
    for name, fn in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        out[name] = fn(key, resp)[2]
    out["CoNLL"] = (out["MUC"] + out["B3"] + out["CEAF-e"]) / 3
    return out


# --- CoNLL-2003 -----------------------------------------------------------------------------

def load_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    docs: dict[str, list] = {}
    with path.open() as fh:
        for line in fh:
            r = json.loads(line)
            docs.setdefault(r["doc"], []).append((r["tokens"], r["tags"]))
    return list(docs.values())


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"P": prec, "R": rec, "F1": 2 * prec * rec / max(prec + rec, 1e-9)}


def ner_eval(docs, mode: str, drop: str = "") -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Entity-level scores of the tagger on pre-tokenised documents; predicted names of type
    ``drop`` are left out (FiNER-ORD has no MISC)."""
    from storyline.analyze.entities import tag_tokens
    from storyline.analyze.ner_features import bio_spans

    tp = fp = fn = 0
    ntok = 0
    tag_tokens([["warm", "up"]], mode)  # model load outside the clock
    dt = float("inf")
    for _ in range(REPEATS):  # best of a few runs: the machine is shared
        t0 = time.perf_counter()
        preds = [tag_tokens([t for t, _ in d], mode) for d in docs]
        dt = min(dt, time.perf_counter() - t0)
    seen = train_names()
    by: dict[bool, list[int]] = {True: [0, 0, 0], False: [0, 0, 0]}  # seen in train? -> tp, fp, fn
    for d, pd in zip(docs, preds):
        for (toks, gold), pred in zip(d, pd):
            ntok += len(toks)
            g, p = set(bio_spans(gold)), {sp for sp in bio_spans(pred) if sp[2] != drop}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
            for sp in g | p:
                k = (" ".join(toks[sp[0]:sp[1]]), sp[2]) in seen
                by[k][0 if sp in g and sp in p else 1 if sp in p else 2] += 1
    out = {**_prf(tp, fp, fn), "tok/s": ntok / dt, "tokens": ntok}
    for k, name in ((True, "seen"), (False, "unseen")):
        a, b, c = by[k]
        out["F1 " + name] = 2 * a / max(2 * a + b + c, 1)
    out["unseen share"] = (by[False][0] + by[False][2]) / max(tp + fn, 1)
    return out


def train_names() -> set[tuple[str, str]]:
    """(text, type) of every name labelled in the train split: a gold name of another split
    is "seen" when it is here with the same type."""
    seen: set[tuple[str, str]] = set()
    path = CONLL / "train.jsonl"
    if not path.exists():
        return seen
    from storyline.analyze.ner_features import bio_spans

    with path.open() as fh:
        for line in fh:
            r = json.loads(line)
            for a, b, t in bio_spans(r["tags"]):
                seen.add((" ".join(r["tokens"][a:b]), t))
    return seen


def _doc_text(doc) -> tuple[str, list[list[tuple[int, int]]]]:  # type: ignore[no-untyped-def]
    """A document rebuilt as text (tokens joined by spaces, a line per sentence) and each token's
    character span."""
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    pos = 0
    for toks, _ in doc:
        row = []
        for t in toks:
            row.append((pos, pos + len(t)))
            pos += len(t) + 1
        spans.append(row)
        parts.append(" ".join(toks))
    return "\n".join(parts), spans


def raw_text_eval(docs, mode: str, drop: str = "") -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Scores of ``storyline.recognize_entities`` on the documents rebuilt as text, as a user
    calls it: a name counts when its characters are exactly a gold name's tokens, with its type
    (storyline's PERSON is CoNLL's PER)."""
    from storyline.analyze.entities import recognize_entities
    from storyline.analyze.ner_features import bio_spans

    tp = fp = fn = 0
    for d in docs:
        text, spans = _doc_text(d)
        gold = {(spans[i][a][0], spans[i][b - 1][1], t) for i, (_, tags) in enumerate(d)
                for a, b, t in bio_spans(tags)}
        pred = {(m.start, m.end, "PER" if m.label == "PERSON" else m.label)
                for m in recognize_entities(text, mode) if m.label != drop}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    return _prf(tp, fp, fn)


def raw_text_speed(docs, mode: str) -> float:  # type: ignore[no-untyped-def]
    """Tokens/s of storyline.recognize_entities on the documents rebuilt as plain text."""
    from storyline.analyze.entities import recognize_entities

    texts = ["\n".join(" ".join(t) for t, _ in d) for d in docs]
    ntok = sum(len(t) for d in docs for t, _ in d)
    recognize_entities(texts[0], mode)
    dt = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for tx in texts:
            recognize_entities(tx, mode)
        dt = min(dt, time.perf_counter() - t0)
    return ntok / dt


def spacy_peer(docs, drop: str = "") -> dict[str, float] | None:  # type: ignore[no-untyped-def]
    """spaCy's packaged English pipeline, if it is installed here (OntoNotes labels mapped)."""
    try:
        from spacy.tokens import Doc
    except ImportError:
        return None
    nlp = load_spacy(["lemmatizer", "parser"])
    if nlp is None:
        return None
    from storyline.analyze.ner_features import bio_spans

    amap = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
            "EVENT": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
    sents = [(t, g) for d in docs for t, g in d]
    tp = fp = fn = 0
    t0 = time.perf_counter()
    out = list(nlp.pipe((Doc(nlp.vocab, words=t) for t, _ in sents), batch_size=256, n_process=1))
    dt = time.perf_counter() - t0
    for (toks, gold), doc in zip(sents, out):
        p = {(e.start, e.end, amap[e.label_]) for e in doc.ents if e.label_ in amap and amap[e.label_] != drop}
        g = set(bio_spans(gold))
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return {**_prf(tp, fp, fn), "tok/s": sum(len(t) for t, _ in sents) / dt, "name": nlp.meta.get("name", "?")}


# --- ECB+ -----------------------------------------------------------------------------------

def load_ecb(split: str) -> list[dict]:
    with ECB.open() as fh:
        return [d for d in map(json.loads, fh) if d["split"] == split]


def _topics(docs: list[dict]) -> dict[str, list[dict]]:
    t: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        t[d["topic"]].append(d)
    return t


def _gold_entity_mentions(doc: dict) -> list[dict]:
    return [m for m in doc["mentions"] if m["kind"] == "entity" and m["validated_sentence"]]


def _gold_map(docs: Iterable[dict]) -> dict[Hashable, Hashable]:
    gold = {}
    for d in docs:
        for m in _gold_entity_mentions(d):
            gold[(d["id"], m["start"], m["end"])] = m["cluster"] or ("single", d["id"], m["id"])
    return gold


def ecb_resolve(docs: list[dict], baseline: bool = False) -> dict[Hashable, Hashable]:
    import storyline
    from storyline import Article, Mention

    pred: dict[Hashable, Hashable] = {}
    for topic, tdocs in sorted(_topics(docs).items()):
        arts = [Article(text=d["text"]) for d in tdocs]  # ids from content: the system never sees ECB+ ids
        ments, keys = [], []
        for d, a in zip(tdocs, arts):
            for m in _gold_entity_mentions(d):
                ments.append(Mention(start=m["start"], end=m["end"], text=m["text"], article_id=a.id))
                keys.append((d["id"], m["start"], m["end"]))
        if baseline:
            ids = [f"{topic}:{(m.text.split() or [''])[-1].lower()}" for m in ments]
        else:
            ids = [f"{topic}:{x}" for x in storyline.resolve_entities(arts, ments)]
        pred.update(zip(keys, ids))
    return pred


_NAME_TYPES = ("HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC", "LOC_OTHER")


def ecb_own_mentions(docs: list[dict]) -> dict[str, float]:
    """storyline's own mentions (the recogniser) on ECB+: detection against gold name mentions
    (proper-name gold mentions of person/org/place types, in validated sentences), and
    coreference of the detected mentions that match a gold mention exactly."""
    import storyline
    from storyline import Article
    from storyline.analyze.entities import recognize_entities

    gold_all = _gold_map(docs)
    tp = npred = ngold = 0
    pred: dict[Hashable, Hashable] = {}
    for topic, tdocs in sorted(_topics(docs).items()):
        arts, ments, keys = [], [], []
        for d in tdocs:
            a = Article(text=d["text"])
            arts.append(a)
            valid = {i for i in d["validated_sentences"]}
            sent_of = d["sentences"]
            gnames = {(m["start"], m["end"]) for m in _gold_entity_mentions(d)
                      if m["type"] in _NAME_TYPES and any(w[:1].isupper() for w in m["text"].split())}
            ngold += len(gnames)
            for m in recognize_entities(d["text"], article_id=a.id):
                if not any(s <= m.start < e for i, (s, e) in enumerate(sent_of) if i in valid):
                    continue
                npred += 1
                tp += (m.start, m.end) in gnames
                if (d["id"], m.start, m.end) in gold_all:
                    ments.append(m)
                    keys.append((d["id"], m.start, m.end))
        ids = storyline.resolve_entities(arts, ments) if ments else []
        pred.update(zip(keys, (f"{topic}:{x}" for x in ids)))
    gold = {k: gold_all[k] for k in pred}
    sc = coref_scores(gold, pred) if pred else {"CoNLL": 0.0}
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return {"det_P": p, "det_R": r, "det_F1": 2 * p * r / max(p + r, 1e-9), "matched": len(pred), **sc}


# --- main -----------------------------------------------------------------------------------

def wcl_table(quick: bool) -> None:
    """NewsWCL50: the same protocol as ECB+ (gold entity mentions, one topic at a time) on chains
    that mix identity with near-identity ("Trump", "the president", "the White House")."""
    with WCL.open() as fh:
        docs = [json.loads(line) for line in fh]
    if quick:
        keep = sorted({d["topic"] for d in docs}, key=str)[:2]
        docs = [d for d in docs if d["topic"] in keep]
    gold = _gold_map(docs)
    print("## NewsWCL50 entity coreference, gold mentions (shared topics; loose chains, not comparable "
          "with ECB+)\n")
    print("| split | system | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 | s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    coref_rows("shared", docs, gold)
    print()


def coref_rows(split: str, docs: list[dict], gold: dict[Hashable, Hashable]) -> None:
    """Table rows of the same-last-word baseline and of storyline.resolve_entities on ``docs``."""
    for name, base in (("same last word (baseline)", True), ("storyline.resolve_entities", False)):
        t0 = time.perf_counter()
        sc = coref_scores(gold, ecb_resolve(docs, baseline=base))
        print(f"| {split} | {name} | {sc['MUC']:.4f} | {sc['B3']:.4f} | {sc['CEAF-e']:.4f} | "
              f"{sc['CoNLL']:.4f} | {time.perf_counter() - t0:.1f} |")


def finer_table(quick: bool) -> None:
    """FiNER-ORD (financial news; persons, organisations, places: MISC names are left out of
    every system's output), pre-tokenised and from raw text, beside spaCy when installed."""
    if not (FINER / "dev.jsonl").exists():
        print("FiNER-ORD data not present; skipping it")
        return
    sets = [("dev", load_conll(FINER / "dev.jsonl")[: 6 if quick else None])]
    test_path = HELDOUT / "ner" / "finer_ord" / "test.jsonl"
    if test_path.exists() and not quick:
        sets.append(("test", load_conll(test_path)))
    print("## FiNER-ORD financial news NER (PER / ORG / LOC; entity-level micro F1, conlleval rules)\n")
    print("| split | system | P | R | F1 | F1 from raw text (recognize_entities) | tokens/s (tagger) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for split, docs in sets:
        speeds = {}
        for mode in ("accurate", "fast"):
            r = ner_eval(docs, mode, drop="MISC")
            raw = raw_text_eval(docs, mode, drop="MISC")
            speeds[mode] = r["tok/s"]
            print(f"| {split} | storyline {mode} | {r['P']:.4f} | {r['R']:.4f} | {r['F1']:.4f} | {raw['F1']:.4f} | "
                  f"{r['tok/s']:,.0f} |")
        peer = spacy_peer(docs, drop="MISC")
        if peer:
            print(f"| {split} | peer spaCy {peer['name']} (OntoNotes, mapped) | {peer['P']:.4f} | {peer['R']:.4f} | "
                  f"{peer['F1']:.4f} | | {peer['tok/s']:,.0f} (accurate {speeds['accurate'] / peer['tok/s']:.2f}x) |")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a subset: 40 dev documents, 3 ECB+ dev topics")
    ap.add_argument("--skip-ner", action="store_true")
    ap.add_argument("--skip-coref", action="store_true")
    ap.add_argument("--skip-finer", action="store_true", help="leave out the FiNER-ORD financial-news part")
    args = ap.parse_args(argv)
    global REPEATS
    REPEATS = 1 if args.quick else 3
    if not args.skip_ner:
        if not (CONLL / "dev.jsonl").exists():
            print("CoNLL-2003 data not present; skipping NER")
        else:
            dev = load_conll(CONLL / "dev.jsonl")
            if args.quick:
                dev = dev[:40]
            sets = [("dev", dev)]
            test_path = HELDOUT / "ner" / "conll2003" / "test.jsonl"
            if test_path.exists() and not args.quick:
                sets.append(("test", load_conll(test_path)))
            print("## CoNLL-2003 English NER (entity-level micro F1, conlleval rules; one core)\n")
            print("| split | setting | P | R | F1 | F1 from raw text (recognize_entities) | F1 on names seen in train "
                  "| F1 on unseen names (share) | tokens/s (tagger) | tokens/s (raw text, end to end) |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            speeds = {}
            for split, docs in sets:
                for mode in ("accurate", "fast"):
                    r = ner_eval(docs, mode)
                    raw_f1 = raw_text_eval(docs, mode)["F1"]
                    raw = raw_text_speed(docs, mode) if split == "dev" else float("nan")
                    speeds[mode] = r["tok/s"]
                    print(f"| {split} | {mode} | {r['P']:.4f} | {r['R']:.4f} | {r['F1']:.4f} | {raw_f1:.4f} | "
                          f"{r['F1 seen']:.4f} | {r['F1 unseen']:.4f} ({r['unseen share']:.0%}) | "
                          f"{r['tok/s']:,.0f} | {raw:,.0f} |")
            peer = spacy_peer(dev)
            if peer:
                print(f"| dev | peer spaCy {peer['name']} (OntoNotes, mapped) | {peer['P']:.4f} | {peer['R']:.4f} | "
                      f"{peer['F1']:.4f} | | | | {peer['tok/s']:,.0f} | ratio accurate/peer "
                      f"{speeds['accurate'] / peer['tok/s']:.2f}x |")
            else:
                print("\n(peer spaCy pipeline not installed here; published figures in docs/benchmarks/entities.md)")
            print()
    if not args.skip_ner and not args.skip_finer:
        finer_table(args.quick)
    if not args.skip_coref:
        if not ECB.exists():
            print("ECB+ data not present; skipping coreference")
            return 0
        print("## ECB+ entity coreference, gold mentions (validated sentences, singletons included)\n")
        print("| split | system | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 | s |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for split in ("train", "dev"):
            docs = load_ecb(split)
            if args.quick:
                keep = sorted({d["topic"] for d in docs}, key=int)[:3]
                docs = [d for d in docs if d["topic"] in keep]
            coref_rows(split, docs, _gold_map(docs))
        print()
        if WCL.exists():
            wcl_table(args.quick)
        docs = load_ecb("dev")
        if args.quick:
            keep = sorted({d["topic"] for d in docs}, key=int)[:3]
            docs = [d for d in docs if d["topic"] in keep]
        r = ecb_own_mentions(docs)
        print("## ECB+ dev with storyline's own mentions (names found by the recogniser)\n")
        print("| detection P | detection R | detection F1 | mentions matching gold | CoNLL F1 on those |")
        print("|---:|---:|---:|---:|---:|")
        print(f"| {r['det_P']:.4f} | {r['det_R']:.4f} | {r['det_F1']:.4f} | {r['matched']} | {r['CoNLL']:.4f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
