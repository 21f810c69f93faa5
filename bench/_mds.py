"""Loading the shared multi-document summarization sets (../shared/data/mds) for benchmarks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MDS = DATA / "mds"
MDS_SETS = ("duc2003", "duc2004", "duc2006", "tac2011_multiling_en", "multinews_trunc500")


def iter_clusters(dataset: str) -> Iterator[dict]:
    path = MDS / dataset / "clusters.jsonl"
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def available_sets() -> list[str]:
    return [d for d in MDS_SETS if (MDS / d / "clusters.jsonl").exists()]
