"""The periodic consolidation pass: triggered by the stream position, so any batching of one
stream gives the same stories and the same merge events."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from storyline import Article
from storyline.group.stories import StoryClusterer

TOPICS = {
    "harbour": ("harbour dockers strike cranes container ships berth union wages port Calloway pickets "
                "shipping freight delays stevedores"),
    "volcano": ("volcano eruption ash lava crater villagers evacuated Mount Orrin tremors seismologists "
                "plume flights grounded magma"),
    "election": ("election ballots voters turnout candidate Maren Osk coalition parliament polls count "
                 "constituency campaign recount"),
    "vaccine": ("vaccine trial doses clinic nurses immunisation Fenwick laboratory patients antibodies "
                "regulator approval rollout"),
    "derby": ("football derby stadium striker goal penalty Redmarsh supporters referee league table "
              "coach fixture"),
    "bridge": ("bridge collapse girders engineers inspection Tolland river span traffic diversion "
               "concrete contractor inquiry"),
}
FILLER = "said on reported officials according added told people week statement local".split()


def _vocabulary(topic: str, size: int = 30) -> list[str]:
    """The topic's words, padded with made-up ones of its own (``harbqa``...) to ``size``."""
    words = sorted(set(TOPICS[topic].split()))
    extra = [f"{topic[:4]}q{chr(97 + j)}" for j in range(26)]
    return (words + extra)[:size]


def _stream(n: int, seed: int = 7) -> list[Article]:
    """``n`` short dated articles on six topics, each a random draw of six of its topic's 30 words:
    two articles of a topic share few words, so the single pass splits each topic into several
    stories whose average linkage still reaches the consolidation bar."""
    rng = random.Random(seed)
    names = sorted(TOPICS)
    vocab = {t: _vocabulary(t) for t in names}
    arts = []
    for i in range(n):
        topic = names[rng.randrange(len(names))]
        text = " ".join(rng.sample(vocab[topic], 6) + rng.sample(FILLER, 3)) + "."
        arts.append(Article(text=text.capitalize(), published=date(2022, 1, 1) + timedelta(days=i // 40)))
    return arts


# the default path (a latent basis fitted on the first 100 articles, passes after it) and the
# sparse pass before any basis (``consolidate_early``)
SETUPS = ({"latent_sample": 100}, {"consolidate_early": 0.15})


def _run(arts: list[Article], batch: int, **kw: float) -> tuple[list[str], list[tuple[str, str, int]]]:
    c = StoryClusterer(consolidate_every=60, **kw)  # type: ignore[arg-type]
    ids: list[str] = []
    for k in range(0, len(arts), batch):
        ids += c.partial_fit(arts[k:k + batch])
    merges = [(e.story_id, e.other_id, e.seq) for e in c.events_ if e.kind == "merge"]
    return [c.resolve(i) for i in ids], merges


@pytest.mark.parametrize("kw", SETUPS)
def test_periodic_consolidation_gives_the_same_stories_whatever_the_batch_size(kw: dict[str, float]) -> None:
    arts = _stream(300)
    whole, whole_merges = _run(arts, len(arts), **kw)
    for batch in (1, 7):
        ids, merges = _run(arts, batch, **kw)
        assert ids == whole
        assert merges == whole_merges
    # the pass did run inside the stream and joined stories (at positions 60, 120, ...)
    periodic = [m for m in whole_merges if m[2] < len(arts) and m[2] % 60 == 0]
    assert periodic


@pytest.mark.parametrize("kw", SETUPS)
def test_the_periodic_pass_joins_what_the_single_pass_split(kw: dict[str, float]) -> None:
    arts = _stream(300)
    plain = StoryClusterer(consolidate_every=0, **kw)  # type: ignore[arg-type]
    off = [plain.resolve(i) for i in plain.partial_fit(arts)]
    on, _ = _run(arts, len(arts), **kw)
    assert len(set(on)) < len(set(off))


def test_a_stream_continued_from_saved_state_runs_the_same_passes() -> None:
    """Two ingest runs (state saved after the first, as the store keeps it) give the later articles
    the same stories and the same periodic merges as one run."""
    arts = _stream(300)
    kw = {"latent_sample": 100, "consolidate_every": 60}
    one = StoryClusterer(**kw)  # type: ignore[arg-type]
    whole = one.partial_fit(arts)
    first = StoryClusterer(**kw)  # type: ignore[arg-type]
    first.partial_fit(arts[:130])
    second = StoryClusterer(**kw)  # type: ignore[arg-type]
    second.load_globals(first.globals_bytes())
    for sid in sorted(first.open, key=lambda s: first.open[s].first_seq):
        blob = first.story_bytes(sid)
        assert blob is not None
        second.load_story(blob)
    for aid, sig in first.new_sigs.items():
        second.load_signature(aid, first.resolve(first.assignments_[aid]), sig.tobytes())
    later = second.partial_fit(arts[130:])
    assert [second.resolve(i) for i in later] == [one.resolve(i) for i in whole[130:]]
    seq = [(e.story_id, e.other_id, e.seq) for e in one.events_ if e.kind == "merge" and e.seq > 130]
    assert seq and seq == [(e.story_id, e.other_id, e.seq) for e in second.events_ if e.kind == "merge"]
