"""Timeline summarization of long-running topics: storyline.timeline on Timeline17 (T17).

The news-tls protocol (Gholipour Ghalandari & Ifrim 2020) on the 6 shared T17 topics, 13 ground-truth
timelines (the held-out topics finan, iraq and syria are not read):

- one task per timeline: input = the topic's articles published within the timeline's first..last
  date; l = its number of dates, k = round(mean sentences per date);
  storyline.timeline(articles, max_dates=l, per_date=k);
- AR1-F / AR2-F: alignment-based ROUGE-1/2 with the many-to-one date-content cost alignment
  (tilse's ``align_date_content_costs_many_to_one``; bench/_tls_metric.py), Date-F1: date overlap;
  precision and recall averaged over tasks, then F1 of the averages.

Peers on the same inputs in the same run: PUBCOUNT-style (the l days on which most articles were
published, each with the first sentences of k of its articles) and random days (l days drawn among
the publication days, the same sentences; seed 0). Published figures (ACL 2020, Table 4) beside.
Time per task is storyline's, caches emptied before each task; peak memory is the process's.

    python bench/timeline.py            # 13 timelines
    python bench/timeline.py --quick    # mj and haiti (2 timelines)
    python bench/timeline.py --show mj  # also print storyline's timeline of the mj task
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _common import fmt_table, iter_jsonl, peak_rss_mb  # noqa: E402
from _tls_metric import Timeline, ar_scores, date_scores, f1  # noqa: E402

import storyline  # noqa: E402
from storyline.analyze.sentences import sentence_spans  # noqa: E402

T17 = HERE.parent.parent / "shared" / "data" / "tls" / "t17"
SHARED_TOPICS = ("bpoil", "egypt", "h1n1", "haiti", "libya", "mj")
QUICK_TOPICS = ("haiti", "mj")
PUBLISHED = {  # T17 AR1-F, AR2-F, Date-F1 (Gholipour Ghalandari & Ifrim 2020, Table 4; all 19 timelines)
    "DATEWISE": (0.120, 0.035, 0.544), "PUBCOUNT": (0.105, 0.027, 0.481), "MARTSCHAT2018": (0.105, 0.030, 0.544),
    "TRAN2013": (0.094, 0.022, 0.517), "CLUST": (0.082, 0.020, 0.407), "CHIEU2004": (0.066, 0.019, 0.251),
}


def load_topic(topic: str) -> tuple[list[storyline.Article], dict[str, Timeline]]:
    arts = [storyline.read_article({"id": d["id"], "title": d.get("title") or "", "published": d["date"],
                                    "text": d["text"], "source": d.get("source", "")})
            for d in iter_jsonl(T17 / topic / "articles.jsonl")]
    tls: dict[str, Timeline] = {}
    for p in sorted((T17 / topic / "timelines").glob("*.json")):
        raw = json.loads(p.read_text(encoding="utf-8"))
        tls[p.stem] = {date.fromisoformat(d): list(s) for d, s in raw.items()}
    return arts, tls


def run_storyline(arts: Sequence[storyline.Article], n_dates: int, k: int) -> Timeline:
    out: dict[date, list[str]] = defaultdict(list)
    for e in storyline.timeline(arts, max_dates=n_dates, per_date=k):
        if e.granularity == "day":
            out[date.fromisoformat(e.date[:10])].append(e.text)
    return dict(out)


def _leads(arts: Sequence[storyline.Article]) -> dict[date, list[str]]:
    """Per publication day, the first sentence of each article published on it, in input order."""
    out: dict[date, list[str]] = defaultdict(list)
    for a in arts:
        spans = sentence_spans(a.text)
        if a.published and spans:
            out[a.published].append(" ".join(a.text[spans[0][0]:spans[0][1]].split()))
    return out


def run_pubcount(arts: Sequence[storyline.Article], n_dates: int, k: int) -> Timeline:
    counts = Counter(a.published for a in arts if a.published)
    leads = _leads(arts)
    days = sorted(counts, key=lambda d: (-counts[d], d))[:n_dates]
    return {d: leads[d][:k] for d in days}


def run_random(arts: Sequence[storyline.Article], n_dates: int, k: int, seed: int = 0) -> Timeline:
    leads = _leads(arts)
    days = sorted(leads)
    rng = random.Random(seed)
    return {d: leads[d][:k] for d in rng.sample(days, min(n_dates, len(days)))}


def _clear_caches() -> None:
    from storyline.analyze.sentences import _cached_spans
    from storyline.consolidate.timeline_rank import day_mentions

    _cached_spans.cache_clear()
    day_mentions.cache_clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="mj and haiti only (2 timelines)")
    ap.add_argument("--show", metavar="TOPIC", help="print storyline's timeline(s) of this topic")
    ap.add_argument("--per-task", action="store_true", help="print the scores of every task")
    args = ap.parse_args()
    if not T17.exists():
        print(f"shared data not present: {T17}; nothing to measure")
        return 0
    topics = QUICK_TOPICS if args.quick else SHARED_TOPICS
    systems: dict[str, Callable[[Sequence[storyline.Article], int, int], Timeline]] = {
        "storyline": run_storyline, "PUBCOUNT-style": run_pubcount, "random days": run_random}
    sums: dict[str, list[float]] = {name: [0.0] * 6 for name in systems}
    times: list[float] = []
    rows_task = []
    n_tasks = 0
    for topic in topics:
        arts, tls = load_topic(topic)
        for name, ref in tls.items():
            lo, hi = min(ref), max(ref)
            inp = [a for a in arts if a.published and lo <= a.published <= hi]
            n_dates = len(ref)  # l of the protocol
            k = max(1, round(sum(len(s) for s in ref.values()) / n_dates))
            n_tasks += 1
            for sys_name, fn in systems.items():
                if sys_name == "storyline":
                    _clear_caches()
                    t0 = time.perf_counter()
                    pred = fn(inp, n_dates, k)
                    times.append(time.perf_counter() - t0)
                else:
                    pred = fn(inp, n_dates, k)
                ar = ar_scores(pred, ref)
                dp, dr = date_scores(pred, ref)
                vals = [ar[1][0], ar[1][1], ar[2][0], ar[2][1], dp, dr]
                sums[sys_name] = [s + v for s, v in zip(sums[sys_name], vals)]
                if sys_name == "storyline":
                    rows_task.append([f"{topic}/{name}", len(inp), n_dates, k, f1(vals[0], vals[1]), f1(vals[2], vals[3]),
                                      f1(vals[4], vals[5]), times[-1]])
                    if args.show == topic:
                        print(f"\n--- {topic}/{name}: {len(inp)} articles, l={n_dates}, k={k}")
                        for d in sorted(pred):
                            for s in pred[d]:
                                print(f"{d}  {s[:160]}")
    if args.per_task:
        print(fmt_table(["task", "articles", "l", "k", "AR1-F", "AR2-F", "Date-F1", "s"], rows_task))
        print()
    rows = []
    ours = None
    for sys_name, s in sums.items():
        p1, r1, p2, r2, dp, dr = (v / n_tasks for v in s)
        fig = (f1(p1, r1), f1(p2, r2), f1(dp, dr))
        ours = ours or fig
        rows.append([sys_name + " (this run)", *fig, *(ours[i] / fig[i] if fig[i] else 0.0 for i in range(3))])
    for name, fig in PUBLISHED.items():
        rows.append([name + " (published, 19 timelines)", *fig, *(ours[i] / fig[i] for i in range(3))])
    print(f"T17 shared topics: {', '.join(topics)}; {n_tasks} timelines")
    print(fmt_table(["system", "AR1-F", "AR2-F", "Date-F1", "AR1 ratio", "AR2 ratio", "Date ratio"], rows))
    print("(ratio: storyline's figure / the row's figure; published rows are on all 19 T17 timelines, "
          f"this run on {n_tasks} shared ones)")
    peer = rows[1][1:4]
    checks = [("AR1-F >= PUBCOUNT-style (this run)", ours[0] >= peer[0]),
              ("AR2-F >= PUBCOUNT-style (this run)", ours[1] >= peer[1]),
              ("Date-F1 >= PUBCOUNT-style (this run)", ours[2] >= peer[2]),
              ("AR1-F >= 0.120 (DATEWISE, published)", ours[0] >= PUBLISHED["DATEWISE"][0]),
              ("Date-F1 >= 0.544 (DATEWISE, published)", ours[2] >= PUBLISHED["DATEWISE"][2])]
    print("\nfloors: " + ", ".join(f"{name} ({'met' if ok else 'NOT met'})" for name, ok in checks))
    print(f"\nstoryline time per timeline: mean {sum(times) / len(times):.2f} s, max {max(times):.2f} s "
          f"(largest input {max(r[1] for r in rows_task)} articles); peak RSS {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
