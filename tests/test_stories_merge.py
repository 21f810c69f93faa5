from __future__ import annotations

from pathlib import Path

from storyline import Article
from storyline.config import Settings
from storyline.group.stories import StoryClusterer
from storyline.pipeline import ingest_articles, update_stories
from storyline.store.sqlite import SQLiteStore

FILL = [Article(text=t) for t in (
    "A new exhibition of Flemish paintings opened at the city museum on Monday.",
    "The national football team lost the qualifier after a late penalty.",
    "Scientists reported a rare comet visible from the southern hemisphere.",
    "Bakers in the region raised bread prices after the wheat harvest failed.",
    "The airline cancelled flights as pilots met to discuss the new roster.")]
STRIKE = Article(text="Workers at the Dunmore steel plant began a strike over pay on Monday, halting the blast "
                      "furnace at the plant.")
BUDGET = Article(text="Dunmore council approved a budget for the harbour bridge and the bridge road on Monday.")
BRIDGE = Article(text="Dunmore steel plant strike: workers blocked the harbour bridge and the bridge road, and the "
                      "council budget debate was halted over the plant strike.")


def test_an_article_that_bridges_two_stories_merges_them_and_the_merge_is_recorded() -> None:
    c = StoryClusterer(threshold=0.3)
    ids = c.partial_fit([*FILL, STRIKE, BUDGET, BRIDGE])
    assert ids[-3] != ids[-2]                       # two stories at first
    (event,) = c.events_
    assert event.kind == "merge" and event.story_id == ids[-3]   # the older story keeps its id
    assert c.resolve(ids[-2]) == c.resolve(ids[-1]) == ids[-3]


def test_a_merge_across_ingest_runs_moves_the_stored_articles(tmp_path: Path) -> None:
    """On a store this small (under run_min_sample articles) each run groups the stored articles again
    with its own, as one run would: the story that took STRIKE keeps its id, and any story a run
    emptied leads, by a merge event, to the one holding its articles."""
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"), story_threshold=0.3, story_window_days=365)
    ingest_articles(store, FILL)
    update_stories(store, settings)
    ingest_articles(store, [STRIKE, BUDGET])
    update_stories(store, settings)
    first = store.article_story(STRIKE.id)
    ingest_articles(store, [BRIDGE])
    update_stories(store, settings)
    assert store.article_story(BUDGET.id) == store.article_story(BRIDGE.id) == store.article_story(STRIKE.id) == first
    listed = {r["id"] for r in store.list_stories(limit=100)}
    for e in store.story_events():
        if e["kind"] == "merge":
            assert e["other_id"] not in listed and store.merged_into(e["other_id"]) in listed
    assert store.get_brief(first) is not None
