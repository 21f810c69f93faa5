"""Temporal expression benchmark: storyline's tagger vs dateparser's ``search_dates`` on TempEval-3.

Data: ../shared/data/timex/te3-tbaq/docs.jsonl (TempEval-3 training data, TimeBank + AQUAINT).
Scoring follows the official TempEval-3 Task A rules (see that folder's SOURCE.md):

- relaxed match: a gold and a system timex overlap (one-to-one, in order); strict match: relaxed
  match with the same extent text after tokenisation (whitespace and punctuation split);
- P = matched system / system, R = matched gold / gold, F1; micro-averaged over all documents;
- type and value accuracy over relaxed matches (exact strings); Value F1 = relaxed F1 x value accuracy.

Throughput is measured on the sentences of the same documents (one core, one process), for
storyline and dateparser in the same run.

    python bench/timex.py            # all 256 documents
    python bench/timex.py --quick    # 40 documents, a shorter dateparser run
    python bench/timex.py --errors 40   # also print storyline errors (for development)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "timex"
TBAQ = DATA / "te3-tbaq" / "docs.jsonl"

from storyline.analyze.sentences import split_sentences
from storyline.analyze.timex import tag_timexes


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    type: str | None
    value: str | None


@dataclass
class Scores:
    n_gold: int = 0
    n_sys: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Scores) -> None:
        for k in ("n_gold", "n_sys", "relaxed", "strict", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def table(self) -> dict[str, float]:
        rp = self.relaxed / self.n_sys if self.n_sys else 0.0
        rr = self.relaxed / self.n_gold if self.n_gold else 0.0
        sp = self.strict / self.n_sys if self.n_sys else 0.0
        sr = self.strict / self.n_gold if self.n_gold else 0.0
        rf = self._f(rp, rr)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {"strict_p": sp, "strict_r": sr, "strict_f1": self._f(sp, sr), "relaxed_p": rp,
                "relaxed_r": rr, "relaxed_f1": rf, "type_acc": type_acc, "type_f1": rf * type_acc,
                "value_acc": value_acc, "value_f1": rf * value_acc}


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", s)


def score_doc(gold: Sequence[Span], system: Sequence[Span], errors: list | None = None) -> Scores:
    """One-to-one overlap alignment in text order (what the TE3 normalizer does for timexes)."""
    sc = Scores(n_gold=len(gold), n_sys=len(system))
    used: set[int] = set()
    matched_sys: set[int] = set()
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            ov = min(s.end, g.end) - max(s.start, g.start)
            if best is None or ov > best[0]:
                best = (ov, i)
        if best is None:
            if errors is not None:
                errors.append(("MISS", g, None))
            continue
        i = best[1]
        used.add(i)
        matched_sys.add(i)
        s = system[i]
        sc.relaxed += 1
        if _tokens(s.text) == _tokens(g.text):
            sc.strict += 1
        if s.type == g.type:
            sc.type_ok += 1
        if s.value == g.value:
            sc.value_ok += 1
        elif errors is not None:
            errors.append(("VALUE", g, s))
        if errors is not None and _tokens(s.text) != _tokens(g.text):
            errors.append(("EXTENT", g, s))
    if errors is not None:
        for i, s in enumerate(system):
            if i not in matched_sys:
                errors.append(("SPURIOUS", None, s))
    return sc


def load_docs(path: Path = TBAQ, limit: int | None = None) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def gold_spans(doc: dict) -> list[Span]:
    return [Span(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc["timexes"]]


def storyline_spans(doc: dict) -> list[Span]:
    dct = date.fromisoformat(doc["dct"])
    return [Span(t.start, t.end, t.text, t.type, t.value) for t in tag_timexes(doc["text"], dct)]


def _dp_value(matched: str, dt: datetime) -> str:
    """A TIMEX3-like value for a dateparser result: as fine as the matched words say."""
    s = matched.lower()
    if re.search(r"\d{1,2}:\d\d|a\.?m\b|p\.?m\b|noon|midnight", s):
        return dt.strftime("%Y-%m-%dT%H:%M")
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", s)) or re.search(
        r"day|yesterday|today|tomorrow|ago|mon|tue|wed|thu|fri|sat|sun", s)
    if re.fullmatch(r"\s*\d{4}\s*", s):
        return dt.strftime("%Y")
    if re.search(r"\byear", s) and not has_day:
        return dt.strftime("%Y")
    if not has_day:
        return dt.strftime("%Y-%m")
    return dt.strftime("%Y-%m-%d")


def dateparser_spans(doc: dict, search_dates: Callable) -> list[Span]:
    dct = datetime.fromisoformat(doc["dct"])
    text = doc["text"]
    out: list[Span] = []
    for sent in split_sentences(text):
        st = text[sent.start:sent.end]
        try:
            found = search_dates(st, languages=["en"], settings={"RELATIVE_BASE": dct}) or []
        except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd inputs; the bench keeps going
            found = []
        pos = 0
        for matched, dt in found:
            i = st.find(matched, pos)
            if i < 0:
                continue
            pos = i + len(matched)
            out.append(Span(sent.start + i, sent.start + i + len(matched), matched, None, _dp_value(matched, dt)))
    return out


def evaluate(docs: Iterable[dict], tagger: Callable[[dict], list[Span]],
             errors: list | None = None) -> Scores:
    total = Scores()
    for d in docs:
        total.add(score_doc(gold_spans(d), tagger(d), errors))
    return total


def throughput(sentences: Sequence[tuple[str, date]], fn: Callable[[str, date], object],
               repeats: int = 5, min_seconds: float = 0.6) -> float:
    """Sentences per second on one core: the best of ``repeats`` timed passes (as ``timeit`` does),
    so that other processes on a shared machine disturb the figure as little as possible."""
    best = 0.0
    for _ in range(repeats):
        n, t0 = 0, time.perf_counter()
        while True:
            for s, d in sentences:
                fn(s, d)
            n += len(sentences)
            el = time.perf_counter() - t0
            if el >= min_seconds:
                break
        best = max(best, n / el)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="40 documents and a short dateparser run")
    ap.add_argument("--errors", type=int, default=0, help="print this many storyline errors")
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args(argv)
    if not TBAQ.exists():
        print(f"data not present: {TBAQ}")
        return 0
    docs = load_docs(limit=40 if args.quick else None)
    errs: list | None = [] if args.errors else None
    ours = evaluate(docs, storyline_spans, errs).table()
    sents = [(d["text"][s.start:s.end], date.fromisoformat(d["dct"])) for d in docs
             for s in split_sentences(d["text"])]
    ours_sps = throughput(sents, lambda s, d: tag_timexes(s, d))
    rows = [("storyline (rules)", ours, ours_sps)]
    dp_sps = None
    if not args.no_dateparser:
        try:
            from dateparser.search import search_dates
        except ImportError:
            print("dateparser not installed: pip install -e '.[bench]'")
            search_dates = None
        if search_dates is not None:
            dp_docs = docs[:15] if args.quick else docs
            dp = evaluate(dp_docs, lambda d: dateparser_spans(d, search_dates)).table()
            sub = sents[:300] if args.quick else sents[:1500]
            dp_sps = throughput(sub, lambda s, d: search_dates(
                s, languages=["en"], settings={"RELATIVE_BASE": datetime(d.year, d.month, d.day)}), 3, 1.0)
            rows.append((f"dateparser search_dates ({len(dp_docs)} docs)", dp, dp_sps))
    silver_path = DATA / "te3-silver" / "docs.jsonl"
    silver = None
    if silver_path.exists():
        # machine annotations (TIPSem, TRIOS, ... merged): an agreement check on text never tuned on
        silver = evaluate(load_docs(silver_path, limit=100 if args.quick else 400), storyline_spans).table()
    n_gold = sum(len(d["timexes"]) for d in docs)
    print(f"TempEval-3 TBAQ (training data), {len(docs)} documents, {n_gold} gold timexes, "
          f"{len(sents)} sentences")
    hdr = ("system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "type acc",
           "value acc", "value F1", "sent/s")
    print("| " + " | ".join(hdr) + " |")
    print("|" + "---|" * len(hdr))
    for name, t, sps in rows:
        cells = [name] + [f"{100 * t[k]:.1f}" for k in ("strict_p", "strict_r", "strict_f1", "relaxed_p",
                                                          "relaxed_r", "relaxed_f1", "type_acc", "value_acc",
                                                          "value_f1")] + [f"{sps:,.0f}"]
        if name.startswith("dateparser"):
            cells[7] = "n/a"
        print("| " + " | ".join(cells) + " |")
    if dp_sps:
        print(f"\nthroughput ratio storyline / dateparser: {ours_sps / dp_sps:,.0f}x")
    if silver:
        print(f"\nagreement with te3-silver ({100 if args.quick else 400} docs, machine-annotated, not gold): "
              f"relaxed P/R/F1 {100 * silver['relaxed_p']:.1f}/{100 * silver['relaxed_r']:.1f}/"
              f"{100 * silver['relaxed_f1']:.1f}, value agreement {100 * silver['value_acc']:.1f}")
    print("\nPublished, TempEval-3 platinum test (UzZaman et al. 2013, Table 3; "
          "../shared/data/timex/PUBLISHED_SCORES.md):")
    print("| system | relaxed F1 | strict F1 | value F1 |\n|---|---|---|---|")
    for name, rf, sf, vf in (("HeidelTime-t", 90.30, 81.34, 77.61), ("NavyTime-1,2", 90.32, 79.57, 70.97),
                             ("SUTime", 90.32, 79.57, 67.38), ("ClearTK-1,2", 90.23, 82.71, 64.66)):
        print(f"| {name} | {rf:.2f} | {sf:.2f} | {vf:.2f} |")
    print(f"\nfloors: relaxed F1 >= 91.0 ({'met' if ours['relaxed_f1'] >= 0.91 else 'NOT met'}), "
          f"value F1 >= 80.0 ({'met' if ours['value_f1'] >= 0.80 else 'NOT met'}), "
          f">= 5,000 sentences/s ({'met' if ours_sps >= 5000 else 'NOT met'})")
    if errs:
        for kind, g, s in errs[: args.errors]:
            print(kind, "gold:", (g.text, g.type, g.value) if g else None, "sys:", (s.text, s.type, s.value) if s else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
