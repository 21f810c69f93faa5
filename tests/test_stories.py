from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import storyline
from storyline import Article
from storyline.config import Settings
from storyline.group.stories import StoryClusterer, cluster
from storyline.pipeline import ingest_articles, update_stories
from storyline.store.sqlite import SQLiteStore

FLOOD = [
    "Heavy rain flooded the river town of Kelso Bridge on {d}, forcing the evacuation of three hundred homes. "
    "Mayor Ingrid Halvorsen said the emergency shelters at Kelso Bridge school were full by evening.",
    "Rescue teams in Kelso Bridge pulled two fishermen from the swollen Tarran river. Mayor Ingrid Halvorsen "
    "asked residents to stay away from the flooded riverbanks until the water level falls.",
    "The Tarran river burst its banks again near Kelso Bridge, and Ingrid Halvorsen, the mayor, asked for army "
    "help. Evacuated families in Kelso Bridge may not return home for days, officials said.",
    "Insurers began assessing flood damage in Kelso Bridge after the Tarran river receded. Halvorsen said the "
    "town would ask for national disaster funds to rebuild the flooded homes and the river bridge.",
]
CHESS = [
    "Grandmaster Olu Adeyemi won the Varna chess open on {d} with a quiet endgame against Pavel Strunin, "
    "taking the title and a place in the candidates tournament.",
    "Olu Adeyemi, the new Varna open champion, said his endgame preparation with his coach paid off against "
    "Strunin. The chess federation confirmed his candidates tournament place.",
    "Pavel Strunin congratulated Adeyemi after the final round of the Varna open, calling the endgame a "
    "lesson in patience. Strunin finished second in the chess tournament.",
]


def _articles(start: date) -> tuple[list[Article], list[str]]:
    arts, gold = [], []
    for i in range(4):
        d = start + timedelta(days=i)
        arts.append(Article(text=FLOOD[i].format(d=d.isoformat()), title=None, published=d))
        gold.append("flood")
        if i < 3:
            arts.append(Article(text=CHESS[i].format(d=d.isoformat()), published=d))
            gold.append("chess")
    return arts, gold


def _same_partition(a: list[str], b: list[str]) -> bool:
    return all((a[i] == a[j]) == (b[i] == b[j]) for i in range(len(a)) for j in range(len(a)))


def test_two_interleaved_events_become_two_stories() -> None:
    arts, gold = _articles(date(2021, 3, 1))
    ids = storyline.cluster(arts)
    assert len(ids) == len(arts)
    assert _same_partition(ids, gold)


def test_an_article_years_later_does_not_join_an_old_story() -> None:
    arts, _ = _articles(date(1998, 3, 1))
    late = Article(text=FLOOD[0].format(d="2019-03-01") + " Twenty years on, the town remembers.",
                   published=date(2019, 3, 1))
    ids = cluster([*arts, late])
    assert ids[-1] not in ids[:-1]
    undated = Article(text=late.text)  # without a date the words alone decide
    assert cluster([*arts, undated])[-1] == cluster(arts)[0]


def test_the_result_does_not_depend_on_the_batch_size() -> None:
    arts, _ = _articles(date(2021, 3, 1))
    arts = arts * 1 + [Article(text=t.format(d="later") + " More follows.", published=date(2021, 3, 9))
                       for t in FLOOD[:2]]
    whole = StoryClusterer().partial_fit(arts)
    c = StoryClusterer()
    pieces = c.partial_fit(arts[:3]) + c.partial_fit(arts[3:4]) + c.partial_fit(arts[4:])
    assert whole == pieces


def test_ingest_runs_continue_the_stream_through_the_store(tmp_path: Path) -> None:
    arts, gold = _articles(date(2021, 3, 1))
    settings = Settings(db=str(tmp_path / "a.db"), story_threshold=0.2, story_window_days=365)
    one = SQLiteStore(tmp_path / "one.db")
    ingest_articles(one, arts)
    update_stories(one, settings)
    two = SQLiteStore(tmp_path / "two.db")
    for k in range(0, len(arts), 2):  # the same stream in four ingest runs
        ingest_articles(two, arts[k:k + 2])
        changed = update_stories(two, settings)
        assert set(changed) <= {two.article_story(a.id) for a in arts[k:k + 2]}  # only their stories
    a1 = [one.article_story(a.id) for a in arts]
    a2 = [two.article_story(a.id) for a in arts]
    assert a1 == a2 and _same_partition(a1, gold)
    story = two.article_story(arts[-1].id)
    brief = two.get_brief(story)
    assert brief is not None and brief.new_since  # the last run added something and it is cited
    assert all(c.article_id == arts[-1].id for n in brief.new_since for s in n.added for c in s.citations)


def test_a_wire_copy_joins_its_original_and_is_recorded(tmp_path: Path) -> None:
    arts, _ = _articles(date(2021, 3, 1))
    copy = Article(text=arts[0].text + " (Reporting by a wire service.)", title="Floods hit Kelso Bridge",
                   published=date(2021, 3, 2))
    c = StoryClusterer()
    ids = c.partial_fit([*arts, copy])
    assert ids[-1] == ids[0]
    assert c.duplicates_ == {copy.id: arts[0].id}


def test_bad_parameters_are_refused_with_a_reason() -> None:
    for kw in ({"threshold": 1.5}, {"entity_weight": -1}, {"window_days": 0}):
        try:
            StoryClusterer(**kw)  # type: ignore[arg-type]
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(kw)


def test_empty_and_odd_articles_do_not_break_a_batch_nor_group_together() -> None:
    arts = [Article(text="", id="e1"), Article(text="   ", id="e2"), Article(text="!!!", id="e3"),
            Article(text="Kelso Bridge", id="k")]
    ids = cluster(arts)
    assert len(ids) == 4 and len(set(ids[:3])) == 3


def test_one_shared_place_name_does_not_make_two_short_items_one_story() -> None:
    """Two one-line items that share only a town's name (a word and a name, counted once) or only a
    year are two stories, offline and online; two that share a person's full name are one."""
    day = date(2021, 3, 1)
    pairs = [("Fire in Springfield kills two.", "Springfield council passes budget."),
             ("Riverton floods after storm.", "Riverton school wins award."),
             ("Fire in Springfield kills two in 2021.", "Springfield council passes 2021 budget.")]
    for a, b in pairs:
        arts = [Article(text=a, published=day), Article(text=b, published=day + timedelta(days=1))]
        ids = cluster(arts)
        assert ids[0] != ids[1], (a, b)
        assert len(set(StoryClusterer().partial_fit(arts))) == 2, (a, b)
    same = [Article(text="Mayor Ingrid Halvorsen opens the bridge.", published=day),
            Article(text="Ingrid Halvorsen resigns as mayor.", published=day + timedelta(days=1))]
    ids = cluster(same)
    assert ids[0] == ids[1]


TOVAR = ["Militants of the Tovar Front fired rockets at the border town of Misrat on Sunday. The Tovar Front said "
         "the rockets answered an air strike on its camps near Misrat.",
         "The Tovar Front fired more rockets at Misrat, and the army answered with air strikes on the militants' "
         "camps near the border town.",
         "Army air strikes hit camps of the Tovar Front near Misrat after rockets fell on the border town, the "
         "militants said."]


def test_an_undated_article_does_not_merge_stories_years_apart() -> None:
    """An undated article like both a 1998 story and a 2014 one joins one of them, and no late merge
    (the article matches both) joins the two stories across sixteen years."""
    old, new = Article(text=TOVAR[0], published=date(1998, 12, 7)), Article(text=TOVAR[2], published=date(2014, 7, 31))
    c = StoryClusterer()
    c.partial_fit([old, new, Article(text=TOVAR[1])])
    assert c.story_of(old.id) != c.story_of(new.id) and not c.events_


def test_an_undated_story_does_not_bridge_stories_years_apart_in_the_pass() -> None:
    """The consolidation pass may join an undated story to a 1998 one; the two are then a 1998 story,
    which a 2014 story is too far from to join (the undated story's open span does not pass on)."""
    old, new = Article(text=TOVAR[0], published=date(1998, 12, 7)), Article(text=TOVAR[2], published=date(2014, 7, 31))
    c = StoryClusterer(threshold=0.95, adaptive=0.0)   # nothing joins in the stream: the pass decides
    c.partial_fit([Article(text=TOVAR[1]), old, new])
    assert len(c.open) == 3
    c.consolidate()
    assert c.story_of(old.id) != c.story_of(new.id)
    assert all(s.first is None or s.last - s.first <= c.window_days for s in c.open.values())


def test_a_story_does_not_grow_year_after_year_through_members_under_the_window_apart() -> None:
    """The same beat reported twice every 400 days for eleven years (each report well under the
    730-day window from the last): an article joins a story only near its centre in time, so the stream
    keeps the beat in pieces of about two windows, and no merge (the pass, offline) makes a story span
    more than three windows; before, one story spanned the eleven years."""
    start = date(2001, 3, 5)
    arts = [Article(text=TOVAR[(2 * k + i) % 3], id=f"tovar-{k}-{i}", published=start + timedelta(days=400 * k + i))
            for k in range(11) for i in range(2)]
    c = StoryClusterer()
    c.partial_fit(arts)
    assert len(c.open) > 1 and all(s.last - s.first <= 2 * c.window_days for s in c.open.values() if s.first)
    c.consolidate()
    assert len(c.open) > 1 and all(s.last - s.first <= 3 * c.window_days for s in c.open.values() if s.first)
    days: dict[str, list[date]] = {}
    for a, sid in zip(arts, cluster(arts)):
        assert a.published is not None
        days.setdefault(sid, []).append(a.published)
    assert len(days) > 1 and all((max(d) - min(d)).days <= 3 * c.window_days for d in days.values())
