from __future__ import annotations

from storyline import Article
from storyline.group.stories import StoryClusterer

OTHER = [Article(text=t) for t in (
    "A new exhibition of Flemish paintings opened at the city museum on Monday.",
    "The national football team lost the qualifier after a late penalty.",
    "Scientists reported a rare comet visible from the southern hemisphere.")]
FLOOD_A = Article(text="Floods in the Arlen valley forced villagers from their homes as the river burst its banks.")
FLOOD_B = Article(text="Rescue boats reached villagers stranded by floods after the Arlen river burst its banks "
                       "near the valley dam.")


def test_consolidation_merges_fragments_of_one_story_and_records_the_merge() -> None:
    c = StoryClusterer(threshold=0.9, consolidate_every=0)   # a strict bar: the stream fragments
    ids = c.partial_fit([*OTHER, FLOOD_A, FLOOD_B])
    assert ids[-1] != ids[-2]
    assert c.consolidate(0.15) == 1
    assert c.resolve(ids[-1]) == c.resolve(ids[-2]) == ids[-2]   # the older story keeps its id
    (event,) = c.events_
    assert event.kind == "merge" and event.other_id == ids[-1]
    assert len({c.resolve(s) for s in ids[:3]}) == 3           # unrelated stories stay apart


def test_consolidation_keeps_stories_apart_below_the_threshold() -> None:
    c = StoryClusterer(threshold=0.9, consolidate_every=0)
    ids = c.partial_fit([*OTHER, FLOOD_A, FLOOD_B])
    assert c.consolidate(0.95) == 0
    assert len({c.resolve(s) for s in ids}) == len(ids)
