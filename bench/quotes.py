"""Quote (attribution) extraction on PolNeAR dev: content, speaker and cue spans, with a baseline.

    python bench/quotes.py            # the whole dev split (84 articles, 2,192 attributions)
    python bench/quotes.py --quick    # the first 20 articles
    python bench/quotes.py --split train

Scores (micro over all attributions of the split; see docs/benchmarks/quotes.md):
- exact: a predicted span equals a gold span (content: the envelope ``start``..``end``);
- overlap: predicted and gold spans share a character, matched one-to-one (greedy, most overlap
  first) -- the lenient score used for attribution spans;
- token: word tokens inside any predicted vs any gold span of the article (precision/recall of
  tokens), as PolNeAR's own span-agreement measure does;
- attribution: a predicted quote whose content overlaps a gold content AND whose speaker overlaps
  that gold quote's speaker.
The peers in the same run are the quotation-marks-only baseline (every double-quoted passage of three
words or more is a direct quote, no speaker) and, when installed, textacy's ``direct_quotations``
over spaCy's en_core_web_md parse.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _common, also when a test loads this file by its path
DATA = ROOT.parent / "shared" / "data" / "quotes" / "polnear"

from _common import load_spacy  # noqa: E402
from storyline.analyze.quotes import extract_quotes, quoted_regions  # noqa: E402

Span = tuple[int, int]
_WORD = re.compile(r"\w+")


def load(split: str) -> list[dict]:
    path = DATA / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"PolNeAR data not found at {path}")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class PRF:
    def __init__(self) -> None:
        self.tp_p = 0  # predicted items that matched
        self.tp_g = 0  # gold items that matched
        self.n_pred = 0
        self.n_gold = 0

    def add(self, tp_p: int, tp_g: int, n_pred: int, n_gold: int) -> None:
        self.tp_p += tp_p
        self.tp_g += tp_g
        self.n_pred += n_pred
        self.n_gold += n_gold

    @property
    def p(self) -> float:
        return self.tp_p / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp_g / self.n_gold if self.n_gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_overlap(pred: Sequence[Span], gold: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of overlapping spans, most overlap first."""
    cands = sorted(((_overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
                    if _overlap(p, g) > 0), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def exact(pred: Iterable[Span], gold: Iterable[Span]) -> tuple[int, int, int, int]:
    ps, gs = list(pred), list(gold)
    pset, gset = set(ps), set(gs)
    return (sum(1 for p in ps if p in gset), sum(1 for g in gs if g in pset), len(ps), len(gs))


def token_set(text: str, spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() for m in _WORD.finditer(text, s, e))
    return out


def baseline(text: str) -> list[dict]:
    out = []
    for s, e in quoted_regions(text):
        if len(_WORD.findall(text[s:e])) >= 3:
            out.append({"content": (s, e), "speaker": None, "cue": None, "kind": "direct"})
    return out


def textacy_peer():  # type: ignore[no-untyped-def]
    """textacy's ``direct_quotations`` (rules over a spaCy parse, direct quotes with speaker and
    cue) on spaCy's en_core_web_md, when both are installed (``make bench`` installs them), else None."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp = load_spacy(["ner"])  # the lemmatizer stays: the lemmas find the cues
    if nlp is None:
        return None

    def run(text: str) -> list[dict]:
        # paragraph by paragraph: textacy refuses a text with an unclosed quotation mark, so one
        # such paragraph only loses its own quotes
        out = []
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        paras = [(a, text[a:b]) for a, b in zip(starts, [*starts[1:], len(text) + 1]) if text[a:b].strip()]
        for (off, _), doc in zip(paras, nlp.pipe(p for _, p in paras)):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:
                continue
            for speaker, cue, content in triples:
                out.append({"content": (off + content.start_char, off + content.end_char),
                            "speaker": (off + min(t.idx for t in speaker), off + max(t.idx + len(t) for t in speaker))
                            if speaker else None,
                            "cue": (off + min(t.idx for t in cue), off + max(t.idx + len(t) for t in cue)) if cue else None,
                            "kind": "direct"})
        return out

    return run


def ours(text: str) -> list[dict]:
    return [{"content": (q.start, q.end),
             "speaker": (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None,
             "cue": (q.cue_start, q.cue_end) if q.cue_start is not None else None,
             "kind": q.kind} for q in extract_quotes(text)]


def ours_polnear_kinds(text: str) -> list[dict]:
    return [{"content": (q.start, q.end),
             "speaker": (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None,
             "cue": (q.cue_start, q.cue_end) if q.cue_start is not None else None,
             "kind": q.kind} for q in extract_quotes(text, typewriter_marks_quote=False)]


def gold_of(doc: dict) -> list[dict]:
    out = []
    for q in doc["quotes"]:
        sp = q.get("speaker_spans") or []
        cu = q.get("cue_spans") or []
        out.append({"content": (q["start"], q["end"]),
                    "speaker": (sp[0][0], sp[-1][1]) if sp else None,
                    "cue": (cu[0][0], cu[-1][1]) if cu else None,
                    "kind": q["type"]})
    return out


def evaluate(docs: Sequence[dict], system) -> tuple[dict[str, PRF], float, dict[str, list[int]]]:
    scores = {k: PRF() for k in ("content exact", "content overlap", "content token", "speaker exact",
                                 "speaker overlap", "cue exact", "cue overlap", "attribution")}
    by_kind: dict[str, list[int]] = {}
    elapsed = 0.0
    for doc in docs:
        text = doc["text"]
        t0 = time.perf_counter()
        pred = system(text)
        elapsed += time.perf_counter() - t0
        gold = gold_of(doc)
        pc = [p["content"] for p in pred]
        gc = [g["content"] for g in gold]
        scores["content exact"].add(*exact(pc, gc))
        pairs = match_overlap(pc, gc)
        scores["content overlap"].add(len(pairs), len(pairs), len(pc), len(gc))
        pt, gt = token_set(text, pc), token_set(text, gc)
        scores["content token"].add(len(pt & gt), len(pt & gt), len(pt), len(gt))
        for key in ("speaker", "cue"):
            ps = [p[key] for p in pred if p[key]]
            gs = [g[key] for g in gold if g[key]]
            scores[f"{key} exact"].add(*exact(ps, gs))
            kp = match_overlap(ps, gs)
            scores[f"{key} overlap"].add(len(kp), len(kp), len(ps), len(gs))
        ok = sum(1 for i, j in pairs if pred[i]["speaker"] and gold[j]["speaker"]
                 and _overlap(pred[i]["speaker"], gold[j]["speaker"]) > 0)
        scores["attribution"].add(ok, ok, len(pc), sum(1 for g in gold if g["speaker"]))
        kind_ok = by_kind.setdefault("_kind", [0, 0])
        for i, j in pairs:
            kind_ok[0] += pred[i]["kind"] == gold[j]["kind"]
            kind_ok[1] += 1
        matched_gold = {j for _, j in pairs}
        for j, g in enumerate(gold):
            rec = by_kind.setdefault(g["kind"], [0, 0])
            rec[0] += j in matched_gold
            rec[1] += 1
    return scores, elapsed, by_kind


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="first 20 articles only")
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    args = ap.parse_args(argv)
    docs = load(args.split)
    if args.quick:
        docs = docs[:20]
    chars = sum(len(d["text"]) for d in docs)
    n_gold = sum(len(d["quotes"]) for d in docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles, {n_gold} attributions, {chars / 1e6:.2f} M chars")
    results = {}
    systems = [("storyline", ours), ("quote-marks baseline", baseline)]
    peer = textacy_peer()
    if peer is not None:
        systems.append(("textacy (spaCy md)", peer))
    else:
        print("(textacy / spaCy not installed here: its column is left out)")
    for name, fn in systems:
        results[name] = evaluate(docs, fn)
    names = list(results)
    print()
    print(f"| measure | {' | '.join(f'{n} P / R / F1' for n in names)} | F1 ratio to the best peer |")
    print(f"| --- | {' | '.join('---:' for _ in names)} | ---: |")
    for key in results[names[0]][0]:
        cells = []
        fs = []
        for n in names:
            s = results[n][0][key]
            fs.append(s.f)
            cells.append(f"{100 * s.p:.1f} / {100 * s.r:.1f} / {100 * s.f:.1f}")
        best = max(fs[1:])
        ratio = f"{fs[0] / best:.2f}x" if best > 0 else "n/a"
        print(f"| {key} | {' | '.join(cells)} | {ratio} |")
    print()
    print("| recall (content overlap) by gold kind | " + " | ".join(names) + " |")
    print("| --- | " + " | ".join("---:" for _ in names) + " |")
    for kind in ("direct", "mixed", "indirect"):
        cells = []
        for n in names:
            got, tot = results[n][2].get(kind, [0, 0])
            cells.append(f"{100 * got / tot:.1f} ({got}/{tot})" if tot else "-")
        print(f"| {kind} | " + " | ".join(cells) + " |")
    got, tot = results[names[0]][2]["_kind"]
    print(f"\nkind (direct/indirect/mixed) agreement on overlap-matched quotes: {100 * got / tot:.1f}% ({got}/{tot})")
    _, _, alt = evaluate(docs, ours_polnear_kinds)
    got, tot = alt["_kind"]
    print(f"  the same with typewriter marks ('') not counted as quotation marks, as the PolNeAR conversion "
          f"does: {100 * got / tot:.1f}% ({got}/{tot})")
    print()
    for n in names:
        el = results[n][1]
        print(f"throughput {n}: {len(docs) / el:,.0f} articles/s, {chars / el / 1e6:.2f} M chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
