"""Briefs built in one process against the same briefs built on a local Dask cluster (storyline's
``--dask local:N``), on the shared MDS clusters: stories per second, articles per second, the
speed-up, and whether the two give the same briefs.

Each cluster is one story (the data says which documents belong together); every run starts from a
fresh store, so the entity tagger reads every article (nothing is cached). The workers are this
machine's cores; on a cluster of machines the same code runs with a scheduler's address.

    python bench/cluster.py                  # DUC 2003, DUC 2004 and TAC 2011, accurate tagger
    python bench/cluster.py --quick          # DUC 2004 only
    python bench/cluster.py --workers 4      # workers of the Dask run (default: every core)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _mds import available_sets, story_articles  # noqa: E402

from storyline.config import Settings  # noqa: E402
from storyline.pipeline import ingest_articles, update_stories  # noqa: E402
from storyline.records import to_dict  # noqa: E402
from storyline.store.sqlite import SQLiteStore  # noqa: E402

SETS = ["duc2003", "duc2004", "tac2011_multiling_en"]
SECTIONS = ("headline", "summary", "timeline", "entities", "quotes", "disagreements")


def run(sets: list[str], dask: str, ner: str) -> dict:
    """Store the sets' articles as one story per cluster, then time the briefs of every story."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = SQLiteStore(db)
        story_of: dict[str, str] = {}

        def gen():  # type: ignore[no-untyped-def]
            for story, a in story_articles(sets):
                story_of[a.id] = story
                yield a

        report = ingest_articles(store, gen(), batch_size=1000)
        store.assign(story_of)
        t0 = time.perf_counter()
        done = update_stories(store, Settings(db=str(db), ner_mode=ner, dask=dask))
        secs = time.perf_counter() - t0
        digest = hashlib.sha256()
        for sid in sorted(done):
            d = to_dict(store.get_brief(sid))
            digest.update(json.dumps({k: d[k] for k in SECTIONS}, sort_keys=True).encode())
        left = len(store.dirty_stories())
        store.close()
    return {"articles": len(report.new), "stories": len(set(story_of.values())), "built": len(done),
            "left": left, "seconds": secs, "digest": digest.hexdigest()[:12]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="DUC 2004 only")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Dask workers (default: every core)")
    ap.add_argument("--ner", default="accurate", choices=["fast", "accurate"], help="entity tagger")
    args = ap.parse_args()
    sets = [s for s in (["duc2004"] if args.quick else SETS) if s in available_sets()]
    if not sets:
        print("no shared MDS data found; nothing to measure")
        return 0
    rows = [("one process", run(sets, "", args.ner)),
            (f"Dask, local:{args.workers}", run(sets, f"local:{args.workers}", args.ner))]
    base = rows[0][1]["seconds"]
    print(f"briefs of {', '.join(sets)} (one story per cluster; entity tagger: {args.ner}; "
          f"{os.cpu_count()} cores here)")
    print("| run | stories | articles | seconds | stories/s | articles/s | speed-up | briefs (sha-256) | left unbuilt |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for name, r in rows:
        print(f"| {name} | {r['built']} | {r['articles']} | {r['seconds']:.1f} | {r['built'] / r['seconds']:.2f} "
              f"| {r['articles'] / r['seconds']:.1f} | {base / r['seconds']:.2f}x | {r['digest']} | {r['left']} |")
    same = rows[0][1]["digest"] == rows[1][1]["digest"]
    print(f"\nthe two runs give {'the same briefs' if same else 'DIFFERENT briefs'}")
    return 0 if same and not rows[1][1]["left"] else 1


if __name__ == "__main__":
    sys.exit(main())
