from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"


def need(path: Path) -> Path:
    """Skip a test whose shared data is not present on this machine."""
    if not path.exists():
        pytest.skip(f"shared data not present: {path.name}")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return need(SEEDS)


@pytest.fixture
def seed_articles(seeds_dir: Path):
    import storyline

    return [storyline.read_article(p) for p in sorted(seeds_dir.glob("*.txt"))]


@pytest.fixture
def example_articles():
    from storyline.ingest import iter_articles

    return [a for a in iter_articles([EXAMPLES]) if not isinstance(a, Exception)]
