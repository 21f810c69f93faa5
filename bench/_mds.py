"""Loading the shared multi-document summarization sets (../shared/data/mds) for benchmarks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from storyline.records import Article

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


def story_articles(sets: list[str], scale: int = 1) -> Iterator[tuple[str, Article]]:
    """(story, article) for every document of ``sets``, each cluster one story; at ``scale`` > 1 the
    documents are repeated with new ids (and new stories)."""
    for rep in range(scale):
        for ds in sets:
            for c in iter_clusters(ds):
                story = f"{ds}:{c['id']}:{rep}"
                for d in c["documents"]:
                    if not d["text"].strip():
                        continue
                    yield story, Article(id=f"{ds}:{d['id']}:{rep}", text=d["text"], title=d.get("title"),
                                         published=d.get("date"), source=d.get("source"))
