"""Late splits: a story whose members turn out to tell two events is split in two at the periodic
pass, the split is recorded, and the store moves the articles and rebuilds both briefs."""
from __future__ import annotations

from pathlib import Path

from storyline import Article
from storyline.config import Settings
from storyline.group.stories import StoryClusterer
from storyline.pipeline import ingest_articles, update_stories
from storyline.store.sqlite import SQLiteStore

HARBOUR = [Article(text=t) for t in (
    "Dockers at Calloway port began a strike over wages, leaving container ships waiting at the berth, "
    "Governor Tam Verity said.",
    "The Calloway dockers' strike left cranes idle and container ships queued outside the port.",
    "Union pickets at Calloway port said the dockers would strike until wages rose; freight is delayed.",
    "Shipping lines diverted container ships from Calloway port as the dockers' strike over wages went on.")]
VOLCANO = [Article(text=t) for t in (
    "Mount Orrin erupted overnight, sending an ash plume over the villages on its slopes, Governor Tam "
    "Verity said.",
    "Villagers below Mount Orrin were evacuated as lava flowed from the crater after the eruption.",
    "Seismologists recorded tremors under Mount Orrin before the eruption sent ash over the valley.",
    "Flights were grounded as the ash plume from Mount Orrin drifted east after the eruption.")]
LATER = [Article(text="Calloway port dockers voted on a new wage offer to end the strike that stranded container ships."),
         Article(text="Ash from Mount Orrin fell on villages a second day; evacuated villagers waited to return.")]


def _wrongly_merged(**kw: float) -> StoryClusterer:
    """Two events in two stories, then merged by a consolidation at a permissive bar (they share only
    the governor who spoke of both)."""
    c = StoryClusterer(consolidate_every=10, consolidate_min_sparse=0, **kw)  # type: ignore[arg-type]
    c.partial_fit([*HARBOUR, *VOLCANO])
    assert len({c.story_of(a.id) for a in HARBOUR}) == len({c.story_of(a.id) for a in VOLCANO}) == 1
    assert c.consolidate(threshold=0.0001) == 1
    assert len({c.story_of(a.id) for a in HARBOUR + VOLCANO}) == 1
    return c


def test_a_story_that_tells_two_events_is_split_at_the_periodic_pass() -> None:
    c = _wrongly_merged()
    c.partial_fit(LATER)  # the 10th article runs the periodic pass
    harbour, volcano = {c.story_of(a.id) for a in HARBOUR}, {c.story_of(a.id) for a in VOLCANO}
    assert len(harbour) == len(volcano) == 1 and harbour != volcano
    (split,) = [e for e in c.events_ if e.kind == "split"]
    assert split.seq == 10 and split.story_id in harbour and split.other_id in volcano
    assert set(split.articles) == {a.id for a in VOLCANO}   # the group of the story's first article keeps the id
    assert split.detail["similarity"] < split.detail["bar"]
    # later articles go where they belong, and the next passes do not merge them back
    assert c.story_of(LATER[0].id) in harbour and c.story_of(LATER[1].id) in volcano
    c.partial_fit([Article(text=f"Mount Orrin ash and lava: villagers evacuated again, day {i}.") for i in range(10)])
    assert {c.story_of(a.id) for a in HARBOUR} != {c.story_of(a.id) for a in VOLCANO}


def test_no_split_when_splits_are_off_or_the_story_is_one_event() -> None:
    c = _wrongly_merged(split_threshold=0.0)
    c.partial_fit(LATER)
    assert not [e for e in c.events_ if e.kind == "split"]
    one = StoryClusterer(consolidate_every=10)
    one.partial_fit([*HARBOUR, *LATER[:1], *HARBOUR[::-1], LATER[0]])
    assert not [e for e in one.events_ if e.kind == "split"]


def test_a_stream_continued_from_saved_state_splits_the_same() -> None:
    """The members a story keeps travel with its saved state: a clusterer restored from it runs the
    same split as the one that never stopped."""
    one = _wrongly_merged()
    two = _wrongly_merged()
    restored = StoryClusterer(consolidate_every=10, consolidate_min_sparse=0)
    restored.load_globals(two.globals_bytes())
    for sid in sorted(two.open):
        blob = two.story_bytes(sid)
        assert blob is not None
        restored.load_story(blob)
    one.partial_fit(LATER)
    restored.partial_fit(LATER)
    key = [(e.story_id, e.other_id, e.seq, e.articles) for e in one.events_ if e.kind == "split"]
    assert key and key == [(e.story_id, e.other_id, e.seq, e.articles) for e in restored.events_]
    assert [one.story_of(a.id) for a in LATER] == [restored.story_of(a.id) for a in LATER]


def _two_stories(tmp_path: Path) -> tuple[SQLiteStore, Settings, str, str]:
    """A store holding the harbour and the volcano stories: (store, settings, harbour id, volcano id)."""
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    ingest_articles(store, [*HARBOUR, *VOLCANO])
    update_stories(store, settings)
    first, other = store.article_story(HARBOUR[0].id), store.article_story(VOLCANO[0].id)
    assert first and other and first != other
    return store, settings, first, other


def _late(store: SQLiteStore, *events: tuple, closed: tuple[str, ...] = ()) -> None:
    """Store late merges or splits as the pipeline does after a clustering step."""
    store.save_grouping(globals_blob=b"", assignments={}, duplicates={}, states={}, closed=list(closed), sigs={},
                        events=list(events))


def test_the_store_moves_split_articles_and_rebuilds_both_briefs(tmp_path: Path) -> None:
    store, settings, first, gone = _two_stories(tmp_path)
    n0 = len(store.story_events())  # the stream's own late merges while it built the two stories
    # as a permissive merge would leave them: every article in the harbour story
    _late(store, ("merge", first, gone, "{}", ()), closed=(gone,))
    update_stories(store, settings)
    assert {store.article_story(a.id) for a in HARBOUR + VOLCANO} == {first}
    _late(store, ("split", first, "s-new", '{"similarity": 0.01}', [a.id for a in VOLCANO]))
    assert set(store.dirty_stories()) == {first, "s-new"}
    update_stories(store, settings)
    assert {store.article_story(a.id) for a in VOLCANO} == {"s-new"}
    assert {store.article_story(a.id) for a in HARBOUR} == {first}
    assert [(e["kind"], e["story_id"], e["other_id"]) for e in store.story_events()[n0:]] == \
        [("merge", first, gone), ("split", first, "s-new")]
    new, old = store.get_brief("s-new"), store.get_brief(first)
    assert new is not None and old is not None
    assert {str(a["id"]) for a in new.articles} == {a.id for a in VOLCANO}
    assert {str(a["id"]) for a in old.articles} == {a.id for a in HARBOUR}
    assert "Orrin" in " ".join(s.text for s in new.summary) and "Orrin" not in " ".join(s.text for s in old.summary)
    sizes = {r["id"]: r["size"] for r in store.list_stories(limit=10)}
    assert sizes[first] == 4 and sizes["s-new"] == 4


def test_the_api_lists_the_splits_and_merges_of_a_story(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storyline.serve.api import create_app

    store, settings, first, _ = _two_stories(tmp_path)
    _late(store, ("split", first, "s-new", '{"similarity": 0.01, "bar": 0.2}', [HARBOUR[3].id]))
    update_stories(store, settings)
    with TestClient(create_app(settings, store=store)) as client:
        got = client.get(f"/api/stories/{first}").json()
        new = client.get("/api/stories/s-new").json()
    assert [(e["kind"], e["other_id"], e["detail"]["bar"]) for e in got["events"]] == [("split", "s-new", 0.2)]
    assert new["article_ids"] == [HARBOUR[3].id] and new["events"][0]["story_id"] == first


def test_the_story_page_shows_its_history_and_an_old_address_follows_a_merge(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storyline.serve.api import create_app

    store, settings, first, gone = _two_stories(tmp_path)
    _late(store, ("merge", first, gone, "{}", ()), closed=(gone,))
    _late(store, ("split", first, "s-new", "{}", [a.id for a in VOLCANO]))
    update_stories(store, settings)
    with TestClient(create_app(settings, store=store)) as client:
        page = client.get(f"/stories/{first}").text
        old = client.get(f"/stories/{gone}", follow_redirects=False)
    assert "History" in page and f"story <code>{gone}</code> joined this one" in page
    assert 'href="/stories/s-new"' in page
    assert old.status_code == 301 and old.headers["location"].endswith(f"/stories/{first}")
