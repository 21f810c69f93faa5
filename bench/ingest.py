"""Ingest and brief throughput on every shared MDS dataset, at 1x and 10x the data.

All documents of ../shared/data/mds go into one store; each cluster is briefed as one story (the
data says which documents belong together). At 10x, the documents are repeated with new ids.
Each scale runs in its own process so that peak RSS is its own.

    python bench/ingest.py            # 1x and 10x
    python bench/ingest.py --quick    # 1x of DUC 2004 only
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _mds import available_sets, story_articles  # noqa: E402

from storyline.config import Settings  # noqa: E402
from storyline.pipeline import ingest_articles, update_stories  # noqa: E402
from storyline.store.sqlite import SQLiteStore  # noqa: E402


def run_scale(sets: list[str], scale: int, ner_mode: str = "fast") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        story_of: dict[str, str] = {}

        def gen():  # type: ignore[no-untyped-def]
            for story, a in story_articles(sets, scale):
                story_of[a.id] = story
                yield a

        t0 = time.perf_counter()
        report = ingest_articles(store, gen(), batch_size=1000)
        t_ingest = time.perf_counter() - t0
        store.assign(story_of)
        n_stories = len(set(story_of.values()))
        t0 = time.perf_counter()
        update_stories(store, Settings(db=str(Path(tmp) / "bench.db"), ner_mode=ner_mode))
        t_brief = time.perf_counter() - t0
        db_mb = (Path(tmp) / "bench.db").stat().st_size / 1e6
    return {"scale": scale, "articles": len(report.new), "stories": n_stories,
            "ingest_s": t_ingest, "articles_per_s": len(report.new) / t_ingest,
            "brief_s": t_brief, "briefs_per_s": n_stories / t_brief,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "db_mb": db_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="DUC 2004 at 1x only")
    ap.add_argument("--scale", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--sets", help="comma-separated MDS sets (default: all present)")
    ap.add_argument("--scales", default="1,10", help="data multiples to run (default 1,10)")
    ap.add_argument("--ner", default="fast", choices=["fast", "accurate"], help="entity tagger for the briefs")
    args = ap.parse_args()
    if args.scale:
        print(json.dumps(run_scale(args.sets.split(","), args.scale, args.ner)))
        return
    sets = ["duc2004"] if args.quick else (args.sets.split(",") if args.sets else available_sets())
    if not sets:
        print("no shared MDS data found; nothing to measure")
        return
    scales = [1] if args.quick else [int(x) for x in args.scales.split(",")]
    rows = []
    for scale in scales:
        out = subprocess.run([sys.executable, __file__, "--scale", str(scale), "--sets", ",".join(sets),
                              "--ner", args.ner],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"ingest + brief on {', '.join(sets)} (one story per cluster; entity tagger: {args.ner})")
    print(f"{'scale':>5} {'articles':>9} {'stories':>8} {'ingest art/s':>13} {'briefs/s':>9} "
          f"{'brief s':>8} {'peak RSS MB':>12} {'db MB':>7}")
    for r in rows:
        print(f"{r['scale']:>5} {r['articles']:>9} {r['stories']:>8} {r['articles_per_s']:>13.0f} "
              f"{r['briefs_per_s']:>9.1f} {r['brief_s']:>8.1f} {r['peak_rss_mb']:>12.0f} {r['db_mb']:>7.0f}")


if __name__ == "__main__":
    main()
