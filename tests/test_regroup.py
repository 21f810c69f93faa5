"""`storyline regroup`: the whole store grouped again as one ingest run would group it, in place of
stories grown over many runs, with the old ids still leading somewhere."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_ingest_grouping import _partition, _pieces, _pure, _reports
from test_web_ingest import _feed, site  # noqa: F401  (the local feed server of the web-ingest tests)
from typer.testing import CliRunner

from storyline import Article
from storyline.config import Settings
from storyline.group.stories import cluster
from storyline.pipeline import (REGROUPED_AT, group_pending, ingest_articles, kept_ids, regroup, regroup_due,
                                update_stories)
from storyline.serve.cli import app
from storyline.store.sqlite import SQLiteStore


def _in_runs(tmp_path: Path, name: str, arts: list[Article], runs: int) -> tuple[SQLiteStore, Settings]:
    store = SQLiteStore(tmp_path / f"{name}.db")
    settings = Settings(db=str(tmp_path / f"{name}.db"))
    size = -(-len(arts) // runs)
    for lo in range(0, len(arts), size):
        ingest_articles(store, arts[lo:lo + size])
        update_stories(store, settings)   # as `storyline ingest` does: group, then the briefs
    return store, settings


def _stories(store: SQLiteStore, arts: list[Article]) -> list[str]:
    return [store.article_story(a.id) or "" for a in arts]


def test_regroup_mends_stories_split_over_runs(tmp_path: Path) -> None:
    arts, labels = _reports(150, seed=0)
    copy = Article(id="copy-of-first", text=arts[0].text, published=arts[0].published)
    arts, labels = arts + [copy], labels + [labels[0]]
    store, settings = _in_runs(tmp_path, "five", arts, 5)
    before = _stories(store, arts)
    one = cluster(arts)
    # five runs leave subjects in more pieces than one run over the same articles
    assert sum(_pieces(before, labels).values()) > sum(_pieces(one, labels).values())
    report = regroup(store, settings)
    after = _stories(store, arts)
    assert _partition(after) == _partition(one) and _pure(after, labels)
    assert report.articles == len(arts)
    assert (report.stories_before, report.stories_after) == (len(set(before)), len(set(after)))
    listed = {r["id"] for r in store.list_stories(limit=1000)}
    assert listed == set(after)
    # every story that changed has a fresh brief naming exactly its articles
    assert set(report.briefs) == set(report.changed) and report.changed
    for sid in listed:
        brief = store.get_brief(sid)
        assert brief is not None and {a["id"] for a in brief.articles} == set(store.story_article_ids(sid))
    # a story emptied by the regroup: no brief, and its id leads to the story holding most of its articles
    assert report.gone
    for old, into in report.gone.items():
        held = [a for a, sid in zip(arts, before) if sid == old]
        assert old not in listed and store.get_brief(old) is None
        assert store.find_stories(old) == [into] and store.merged_into(old) == into
        assert sum(store.article_story(a.id) == into for a in held) * 2 >= len(held)
    # a stored id goes with most of its story's articles (``kept_ids``), not with its first article
    names = kept_ids({a.id: (sid, None) for a, sid in zip(arts, before)}, {a.id: sid for a, sid in zip(arts, one)})
    assert after == [names.get(sid, sid) for sid in one]
    assert len(set(before) & set(after)) >= len(set(after)) // 2     # most stories kept their address
    # the copy is still marked as a copy of the first report
    assert store.duplicates_in(store.article_story(copy.id) or "") == {copy.id: arts[0].id}
    store.close()


def test_a_run_after_a_regroup_goes_on_as_after_one_run(tmp_path: Path) -> None:
    arts, _ = _reports(160, seed=1)
    regrouped, settings = _in_runs(tmp_path, "many", arts[:120], 4)
    regroup(regrouped, settings)
    single, settings1 = _in_runs(tmp_path, "one", arts[:120], 1)
    for store, s in ((regrouped, settings), (single, settings1)):
        ingest_articles(store, arts[120:])
        group_pending(store, s)
    # the same stories (the regrouped store keeps its stored ids, the single run names its own)
    assert _partition(_stories(regrouped, arts)) == _partition(_stories(single, arts))
    regrouped.close()
    single.close()


def test_regroup_of_a_one_run_store_changes_nothing(tmp_path: Path) -> None:
    arts, _ = _reports(100, seed=2)
    store, settings = _in_runs(tmp_path, "one", arts, 1)
    rows = store.list_stories(limit=1000)
    briefs = {r["id"]: store.get_brief_json(r["id"]) for r in rows}
    report = regroup(store, settings)
    assert report.changed == [] and report.gone == {} and report.briefs == []
    assert store.list_stories(limit=1000) == rows      # no story looks updated
    assert {r["id"]: store.get_brief_json(r["id"]) for r in rows} == briefs
    store.close()


def test_a_failed_replacement_leaves_the_stored_grouping_as_it_was(tmp_path: Path) -> None:
    arts, _ = _reports(60, seed=3)
    store, _ = _in_runs(tmp_path, "s", arts, 2)
    before = _stories(store, arts)
    states = store._conn().execute("SELECT COUNT(*) FROM story_state").fetchone()[0]
    with pytest.raises(Exception):
        store.replace_grouping(globals_blob=b"", assignments={a.id: "s-elsewhere" for a in arts}, duplicates={},
                               states={"s-elsewhere": object()}, sigs={}, changed=["s-elsewhere"],  # type: ignore[dict-item]
                               gone={sid: "s-elsewhere" for sid in set(before)})
    assert _stories(store, arts) == before
    assert store._conn().execute("SELECT COUNT(*) FROM story_state").fetchone()[0] == states
    assert store.find_stories(before[0]) == [before[0]]
    store.close()


def test_the_regroup_command(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "c.db"
    r = runner.invoke(app, ["--db", str(db), "regroup", "-q"])
    assert r.exit_code == 2 and "No articles yet" in r.output
    arts, _ = _reports(150, seed=0)
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):   # three ingest runs
        part = folder / f"part{k}.jsonl"
        part.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat()}) + "\n"
                                for a in arts[k * 50:(k + 1) * 50]), encoding="utf-8")
        assert runner.invoke(app, ["--db", str(db), "ingest", "-q", str(part)]).exit_code == 0
    r = runner.invoke(app, ["--db", str(db), "regroup", "-q"])
    assert r.exit_code == 0, r.output
    assert "150 articles regrouped" in r.output and "rebuilt" in r.output
    store = SQLiteStore(db)
    assert _partition(_stories(store, arts)) == _partition(cluster(arts))
    store.close()
    assert "regroup" in runner.invoke(app, ["--help"]).output
    # its bars tell the grouping's steps, as an ingest's do, the last one the stories saved (with its clock)
    r = runner.invoke(app, ["--db", str(db), "regroup"])
    assert r.exit_code == 0, r.output
    grouping = next(ln.split() for ln in r.output.splitlines() if ln.split()[:3] == ["grouping", "into", "stories:"])
    assert grouping[3] == "saving" and grouping[5].count(":") == 2, r.output


def test_a_regroup_is_due_once_its_interval_has_passed(tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    store = SQLiteStore(tmp_path / "d.db")
    settings = Settings(db=str(tmp_path / "d.db"))
    day = 86400.0
    assert not regroup_due(store, day)                       # nothing stored yet
    arts, _ = _reports(30, seed=5)
    ingest_articles(store, arts)
    now = datetime.now(timezone.utc)
    assert not regroup_due(store, 0.0, now=now + timedelta(days=30))    # 0: never
    assert not regroup_due(store, day, now=now)                          # counted from the first article
    assert regroup_due(store, day, now=now + timedelta(days=1, minutes=1))
    regroup(store, settings)
    assert not regroup_due(store, day, now=now + timedelta(hours=23))   # counted from the regroup
    assert regroup_due(store, day, now=now + timedelta(days=1, minutes=1))
    store.close()


def test_watch_and_the_server_updater_regroup_when_due(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    import threading
    import time

    from storyline.serve.api import run_updater

    _feed(site, ["bridge", "ferry"])
    db = tmp_path / "w.db"
    runner = CliRunner()
    feed = f"{site.base}/feed.xml"
    r = runner.invoke(app, ["--db", str(db), "watch", "--once", "--regroup-every", "soon", feed])
    assert r.exit_code == 2 and "--regroup-every" in r.output
    r = runner.invoke(app, ["--db", str(db), "watch", "--once", "--regroup-every", "1d", feed])
    assert r.exit_code == 0 and "2 new" in r.output and "regrouped" not in r.output   # stored just now: not due
    store = SQLiteStore(db)
    long_ago = "2000-01-01T00:00:00+00:00"
    store.set_kv(REGROUPED_AT, long_ago)
    r = runner.invoke(app, ["--db", str(db), "watch", "--once", "--regroup-every", "1d", feed])
    assert r.exit_code == 0 and "regrouped 2 articles" in r.output, r.output
    assert store.get_kv(REGROUPED_AT) != long_ago
    r = runner.invoke(app, ["--db", str(db), "watch", "--once", "--regroup-every", "1d", feed])
    assert "regrouped" not in r.output                                               # done: not due again
    # `storyline serve --regroup-every 1d`: the updater process regroups too
    store.set_kv(REGROUPED_AT, long_ago)
    stop = threading.Event()
    t = threading.Thread(target=run_updater, args=(Settings(db=str(db), regroup_every=86400.0), stop),
                         kwargs={"nice": 0, "interval": 0.05})
    t.start()
    try:
        deadline = time.monotonic() + 60
        while store.get_kv(REGROUPED_AT) == long_ago and time.monotonic() < deadline:
            time.sleep(0.1)
        assert store.get_kv(REGROUPED_AT) != long_ago
    finally:
        stop.set()
        t.join(timeout=60)
    store.close()


def test_what_a_replacement_changes() -> None:
    from storyline.pipeline import regroup_changes

    old = {"a1": ("s-a", None), "a2": ("s-a", None), "b1": ("s-b", None), "b2": ("s-b", "b1"),
           "c1": ("s-c", None), "p1": (None, None)}
    new = {"a1": "s-a", "a2": "s-a", "b1": "s-a", "b2": "s-a",     # s-b joins s-a
           "c1": "s-c", "p1": "s-p"}                               # a pending article gets a story
    before, after, changed, gone = regroup_changes(old, new, {"b2": "b1"})
    assert (before, after) == (3, 3)
    assert changed == ["s-a", "s-p"] and gone == {"s-b": "s-a"}      # s-c is as it was
    # the same stories with a copy mark gone: the story changed (its duplicate groups did)
    assert regroup_changes(old, {**new, "b1": "s-b", "b2": "s-b"}, {})[2] == ["s-b", "s-p"]


def test_a_stored_story_id_goes_with_most_of_its_articles() -> None:
    """A regroup that keeps ids (a small store's runs, a forget) gives a stored story's id to the new
    story holding most of its articles, even when its first article parts from them: the reader who
    follows the story keeps its address; the story of that one article gets another id."""
    # s-a held a1..a5 (a1 first); now a1 stands alone, under its own id s-a, and a2..a5 form s-n
    old = {f"a{i}": ("s-a", None) for i in range(1, 6)} | {"b1": ("s-b", None), "b2": ("s-b", None)}
    new = {"a1": "s-a", "a2": "s-n", "a3": "s-n", "a4": "s-n", "a5": "s-n", "b1": "s-b", "b2": "s-b"}
    names = kept_ids(old, new)
    assert names["s-n"] == "s-a"                       # the four articles keep the story's id
    alone = names["s-a"]                               # the first article's story gets a fresh id
    assert alone not in {"s-a", "s-n", "s-b"} and alone.startswith("s-")
    assert "s-b" not in names                          # an unchanged story keeps its id
    # the next run over the same stories: the same ids again (the one article's story keeps its fresh id)
    again = {aid: names.get(sid, sid) for aid, sid in new.items()}
    assert kept_ids({aid: (sid, None) for aid, sid in again.items()}, new) == names


def test_one_article_dated_years_ahead_does_not_reshape_a_regroup(tmp_path: Path) -> None:
    """An article dated years after the rest moves the stream's clock past every other story's window.
    Those stories closed at the next thousandth article, before the pass at the end of the run, so a
    regroup of a store of a thousand articles (and cluster()) left the earlier stories in the pieces of
    the single pass: 41 stories of five subjects became 106. Now a story of the run under way closes
    after that pass: the stories are those the same odd articles dated inside the stream give."""
    arts, labels = _reports(990, seed=4)
    last = max(a.published for a in arts if a.published)

    def odd(day: date) -> list[Article]:
        dated = Article(id="odd-dated", title="Tram timetable", text="The tram timetable is revised for the holidays.",
                        published=day)
        return [dated] + [Article(id=f"odd-undated-{k}", title=f"Notice {k}", text=f"Library hours change on weekday {k}.")
                          for k in range(12)]

    inside = cluster(arts + odd(last))[:len(arts)]
    ahead = cluster(arts + odd(date(2031, 3, 20)))[:len(arts)]
    assert _partition(ahead) == _partition(inside) and _pure(inside, labels)
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    for part in (arts, odd(date(2031, 3, 20))):   # the reports, then a run of odd articles
        ingest_articles(store, part)
        group_pending(store, settings)
    regroup(store, settings, briefs=False)
    assert _partition(_stories(store, arts)) == _partition(inside)
    store.close()


def test_stories_set_aside_for_a_runs_end_are_bounded() -> None:
    """A run that outlives its stories (an article dated years ahead, a run of years of articles) sets
    aside for its final pass at most as many expired stories as that pass looks at; the others close
    at once, as they did, so a long run's memory stays bounded."""
    from storyline.group.stories import RUN_STORIES_FACTOR, StoryClusterer

    arts, _ = _reports(1200, seed=4)
    ahead = Article(id="odd-dated", title="Tram timetable", text="The tram timetable is revised for the holidays.",
                    published=date(2031, 3, 20))
    c = StoryClusterer(max_consolidate_run=1)
    run = [ahead] + sorted(arts, key=lambda a: a.published or date.min)   # every story expires at the 1,000th
    c.partial_fit(c.begin_run(run, run_size=len(run)))
    parked = set(c._parked)
    assert 0 < len(parked) <= RUN_STORIES_FACTOR and c.closed   # (the cap: 10 x 1 story)
    c.end_run()
    assert not c._parked and not any(c.resolve(sid) in c.open for sid in parked)   # closed after the pass
