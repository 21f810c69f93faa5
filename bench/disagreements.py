"""Where the sources differ, read on the shared news clusters: how many clusters show a disputed
count, age, date, name or size, and what each value says, for a person to judge.

No public set marks disagreements between news reports, so this script is a reading aid with
counts, not a score: it prints every disagreement found in the DUC clusters (one event each,
several agencies) and in the first Multi-News clusters, with the words that state each value.

    python bench/disagreements.py            # DUC 2003, 2004, 2006 and 300 Multi-News clusters
    python bench/disagreements.py --quick    # DUC 2004 only
    python bench/disagreements.py --quiet    # the table only
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from _common import fmt_table
from _mds import available_sets, iter_clusters

import storyline
from storyline.consolidate.disagreements import AGE_SLOT, SIZE_SLOT, find_disagreements
from storyline.records import Article, Disagreement

AGE_OF, SIZE_OF = AGE_SLOT.split("{")[0], SIZE_SLOT.split("{")[0]
SETS = {"duc2003": None, "duc2004": None, "duc2006": None, "multinews_trunc500": 300}


def _articles(cluster: dict) -> list[Article]:
    return [storyline.read_article({"id": d["id"], "title": d.get("title") or "", "published": d.get("date"),
                                    "text": d["text"], "source": d.get("source") or ""})
            for d in cluster["documents"]]


def _show(k: int, d: Disagreement) -> str:
    vals = "\n".join(f"      {v.shown}: \"{v.said}\" ({len(v.citations)} places)" for v in d.values)
    return f"  cluster {k}: {d.slot} ({d.kind}; {d.note})\n{vals}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="DUC 2004 only")
    ap.add_argument("--quiet", action="store_true", help="print the table only, not each disagreement")
    args = ap.parse_args(argv)
    sets = [s for s in (["duc2004"] if args.quick else SETS) if s in available_sets()]
    if not sets:
        print("no clusters under ../shared/data/mds: nothing to read")
        return 0
    rows = []
    for name in sets:
        limit = SETS.get(name)
        kinds: Counter[str] = Counter()
        shown, n, with_any = [], 0, 0
        t0 = time.perf_counter()
        for k, cluster in enumerate(iter_clusters(name)):
            if limit is not None and k >= limit:
                break
            n += 1
            ds = find_disagreements(_articles(cluster))
            with_any += bool(ds)
            kinds.update(("age" if d.slot.startswith(AGE_OF) else "term") if d.person
                         else "size" if d.slot.startswith(SIZE_OF) else d.kind for d in ds)
            shown.extend(_show(k, d) for d in ds)
        secs = time.perf_counter() - t0
        rows.append([name, n, with_any, kinds["number"], kinds["age"], kinds["term"], kinds["date"], kinds["name"],
                     kinds["size"], f"{1000 * secs / max(n, 1):.0f}"])
        if not args.quiet and shown:
            print(f"## {name}\n" + "\n".join(shown) + "\n")
    print(fmt_table(["set", "clusters", "with a disagreement", "counts", "ages", "prison terms", "dates", "names",
                     "sizes", "ms per cluster"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
