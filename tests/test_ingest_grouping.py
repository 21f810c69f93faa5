"""The end of an ingest run: `storyline ingest` (and a POST to /api/articles) ends each run with a
consolidation over the stories the run touched, judged in a provisional latent basis while the store
is short of its latent sample, so that one run groups a folder as `cluster(idf="stream")` does, and
later runs record their merges as ordinary merge events that the store applies."""
from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import httpx

from storyline import Article
from storyline.config import Settings
from storyline.group.stories import StoryClusterer, cluster, stream_order
from storyline.pipeline import group_pending, ingest_articles, ingest_paths
from storyline.serve.api import create_app
from storyline.store.sqlite import SQLiteStore

# Five subjects; a report picks one of five interchangeable words for each of six slots, so two
# reports of one subject share about one word in five: the single pass of the stream splits each
# subject into several stories, which a consolidation can join.
SLOTS = {
    "ferry": ["ferry vessel boat launch hovercraft", "sank capsized foundered listed grounded",
              "strait channel crossing sound narrows", "passengers travellers commuters tourists riders",
              "rescuers lifeboats coastguard divers helicopters", "storm gale squall swell tempest"],
    "mine": ["mine colliery pit quarry seam", "collapse cave-in rockfall subsidence landslip",
             "miners workers diggers crews labourers", "trapped stranded buried entombed cornered",
             "shaft tunnel gallery adit drift", "drilling boring excavation tunnelling digging"],
    "orchestra": ["orchestra symphony ensemble philharmonic band", "conductor maestro director baton leader",
                  "concert recital performance gala programme", "violins strings cellos violas basses",
                  "premiere debut opening launch unveiling", "audience listeners crowd patrons subscribers"],
    "wildfire": ["wildfire blaze bushfire inferno firestorm", "hectares acres hillsides slopes ridges",
                 "firefighters crews brigades smokejumpers volunteers", "evacuation exodus retreat flight withdrawal",
                 "smoke embers ash soot cinders", "winds gusts breezes draughts updrafts"],
    "budget": ["budget spending outlay appropriation estimates", "deficit shortfall gap overrun hole",
               "taxes levies duties tariffs excises", "minister treasurer chancellor secretary comptroller",
               "parliament assembly legislature senate chamber", "cuts savings reductions trims austerity"],
}


def _reports(n: int = 100, seed: int = 0) -> tuple[list[Article], list[str]]:
    rng = random.Random(seed)
    subjects = sorted(SLOTS)
    arts, labels = [], []
    for i in range(n):
        subject = subjects[i % len(subjects)]
        words = [rng.choice(slot.split()) for slot in SLOTS[subject]]
        rng.shuffle(words)
        arts.append(Article(text=" ".join(words) + ".", published=date(2023, 3, 1) + timedelta(days=i // 25)))
        labels.append(subject)
    return arts, labels


def _partition(ids: list[str]) -> set[frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for i, sid in enumerate(ids):
        groups.setdefault(sid, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def _pieces(ids: list[str], labels: list[str]) -> Counter[str]:
    """How many stories each subject is spread over."""
    return Counter(label for label, _ in set(zip(labels, ids)))


def _pure(ids: list[str], labels: list[str]) -> bool:
    return all(len({labels[i] for i in g}) == 1 for g in _partition(ids))


def _old_path(arts: list[Article]) -> list[str]:
    """What `storyline ingest` did before: the stream alone, no pass at the end of the run."""
    c = StoryClusterer()
    c.partial_fit([arts[i] for i in stream_order(arts)])
    return [c.story_of(a.id) for a in arts]


def _write_folder(folder: Path, arts: list[Article]) -> None:
    folder.mkdir()
    with open(folder / "reports.jsonl", "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat()}) + "\n")


def test_one_ingest_run_of_a_folder_groups_as_the_stream_row_does(tmp_path: Path) -> None:
    arts, labels = _reports()
    _write_folder(tmp_path / "in", arts)
    store = SQLiteStore(tmp_path / "s.db")
    report = ingest_paths(store, [tmp_path / "in"], Settings(db=str(tmp_path / "s.db")))
    assert len(report.new) == len(arts) and not report.failed
    stored = [store.article_story(a.id) or "" for a in arts]
    old = _old_path(arts)
    # the old path split subjects that the run's end joins, without mixing two subjects
    assert len(set(stored)) < len(set(old))
    assert _pure(stored, labels) and _pure(old, labels)
    pieces_old, pieces_now = _pieces(old, labels), _pieces(stored, labels)
    assert all(pieces_now[s] <= pieces_old[s] for s in SLOTS)
    assert [s for s in SLOTS if pieces_now[s] < pieces_old[s]]
    # exactly the stories of `cluster(idf="stream")` (the bench's stream row)
    assert _partition(stored) == _partition(cluster(arts, idf="stream"))
    # the joins are merge events the store applied: the merged-away stories are gone, their briefs too
    merges = [e for e in store.story_events() if e["kind"] == "merge"]
    assert merges
    listed = {r["id"] for r in store.list_stories(limit=1000)}
    for e in merges:
        assert e["other_id"] not in listed and store.get_brief(e["other_id"]) is None
        assert store.merged_into(e["other_id"]) in set(stored)
    assert {sid for sid in stored} <= listed
    store.close()


def test_a_second_run_records_merges_that_the_store_applies(tmp_path: Path) -> None:
    arts, labels = _reports(150, seed=1)
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    ingest_articles(store, arts[:100])
    group_pending(store, settings)
    after_first = len(store.story_events())
    first = [store.article_story(a.id) for a in arts[:100]]
    ingest_articles(store, arts[100:])
    group_pending(store, settings)
    stored = [store.article_story(a.id) or "" for a in arts]
    later = store.story_events()[after_first:]
    ended = [e for e in later if e["kind"] == "merge" and e["detail"].get("consolidate")]
    assert ended  # the second run's end joined stories
    for e in ended:
        assert store.story_article_ids(e["other_id"]) == []          # its articles moved
        assert store.merged_into(e["other_id"]) in set(stored)        # its address redirects
    # every article of the first run is in its story or in the one its story merged into
    for sid, now in zip(first, stored[:100]):
        assert now == sid or store.merged_into(sid or "") == now
    assert _pure(stored, labels)
    store.close()


def test_five_runs_stay_close_to_one_run(tmp_path: Path) -> None:
    """What holds across run boundaries (the passes of five runs see five bases, not one): on these
    reports both one run and five runs keep every story to one subject and join fragments that the
    stream alone leaves apart. (On the shared sets, the bench's storyline-ingest-5 row.)"""
    arts, labels = _reports(150, seed=2)
    runs = []
    for k in (1, 5):
        store = SQLiteStore(tmp_path / f"s{k}.db")
        settings = Settings(db=str(tmp_path / f"s{k}.db"))
        size = len(arts) // k
        for lo in range(0, len(arts), size):
            ingest_articles(store, arts[lo:lo + size])
            group_pending(store, settings)
        runs.append([store.article_story(a.id) or "" for a in arts])
        store.close()
    old = _old_path(arts)
    for ids in runs:
        assert _pure(ids, labels) and len(set(ids)) < len(set(old))


def test_end_run_keeps_the_clusterer_batch_invariant() -> None:
    """The stream itself does not depend on batching; a run's end is a function of the state it ends."""
    arts, _ = _reports(120, seed=3)
    out = []
    for batch in (1, 7, 120):
        c = StoryClusterer()
        for lo in range(0, len(arts), batch):
            c.partial_fit(arts[lo:lo + batch])
        c.end_run()
        out.append(([c.story_of(a.id) for a in arts], [(e.story_id, e.other_id) for e in c.events_]))
    assert out[0] == out[1] == out[2]


def test_a_short_stream_keeps_its_provisional_basis_between_runs_and_scores_as_before() -> None:
    arts, _ = _reports(120, seed=4)
    c = StoryClusterer()
    c.partial_fit(arts[:110])
    c.end_run()
    assert c.projection is None and c._provisional is not None and c._fitted_on == 110
    restored = StoryClusterer()
    restored.load_globals(c.globals_bytes())
    assert restored.projection is None and restored._fitted_on == 110 and restored._provisional is not None
    # a run that grew the sample by less than a quarter reuses the basis; the stream scores sparse
    for blob in (c.story_bytes(s) for s in sorted(c.open)):
        assert blob is not None
        restored.load_story(blob)
    restored.partial_fit(arts[110:])
    basis = restored._provisional
    restored.end_run()
    assert restored._provisional is basis and all(s.z is None for s in restored.open.values())


def test_a_short_run_on_a_tiny_store_has_no_pass() -> None:
    arts, _ = _reports(30, seed=5)
    c = StoryClusterer()
    c.partial_fit(arts)
    before = [c.story_of(a.id) for a in arts]
    assert c.end_run() == 0 and [c.story_of(a.id) for a in arts] == before


def test_the_run_pass_costs_the_run_not_the_store() -> None:
    """A run of two reports after hundreds of stories considers their stories and candidates only."""
    arts, _ = _reports(400, seed=6)
    c = StoryClusterer(latent_sample=200)  # the basis is final after 200 reports
    c.partial_fit(arts[:398])
    c.end_run()
    c.partial_fit(arts[398:])
    seen = c._run_stories()
    assert 1 <= len(seen) <= 2 * (1 + c.max_candidates) < len(c.open) + 2 * (1 + c.max_candidates)
    assert {c.story_of(a.id) for a in arts[398:]} <= {s.id for s in seen}


def test_a_post_batch_gets_the_same_end_of_run(tmp_path: Path) -> None:
    """POST /api/articles is an ingest run: its batch ends with the same pass."""
    arts, labels = _reports()
    settings = Settings(db=str(tmp_path / "api.db"), token="t0ken", max_request_bytes=2_000_000)
    store = SQLiteStore(settings.db_path())
    app = create_app(settings, store=store, background=False)
    body = [{"id": a.id, "text": a.text, "published": a.published.isoformat()} for a in arts]

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.post("/api/articles?wait=true", json=body, headers={"Authorization": "Bearer t0ken"})

    r = asyncio.run(post())
    assert r.status_code in (200, 201), r.text
    stored = [store.article_story(a.id) or "" for a in arts]
    assert _partition(stored) == _partition(cluster(arts, idf="stream"))
    assert len(set(stored)) < len(set(_old_path(arts))) and _pure(stored, labels)
    assert any(e["detail"].get("consolidate") for e in store.story_events())
    store.close()
