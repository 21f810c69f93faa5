"""`storyline forget`: articles deleted from the store (by id, story, source or age), the stories
grouped again over what remains, with their ids kept and nothing left behind of what was forgotten."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_ingest_grouping import _partition, _pure, _reports
from typer.testing import CliRunner

from storyline import Article
from storyline.config import Settings
from storyline.group.stories import cluster
from storyline.ingest import iter_articles
from storyline.pipeline import forget, ingest_articles, update_stories
from storyline.serve.cli import app
from storyline.store.sqlite import SQLiteStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _store(tmp_path: Path, arts: list[Article], name: str = "f") -> tuple[SQLiteStore, Settings]:
    settings = Settings(db=str(tmp_path / f"{name}.db"))
    store = SQLiteStore(settings.db_path())
    ingest_articles(store, arts)
    update_stories(store, settings)
    return store, settings


def _examples() -> list[Article]:
    return [a for a in iter_articles([EXAMPLES]) if isinstance(a, Article)]


def _traces(path: Path, ids: set[str]) -> dict[str, int]:
    """Rows anywhere in the store that still name one of ``ids``."""
    c = sqlite3.connect(path)
    marks = ",".join("?" * len(ids))
    out = {f"{t}.{col}": c.execute(f"SELECT COUNT(*) FROM {t} WHERE {col} IN ({marks})", sorted(ids)).fetchone()[0]
           for t, col in (("articles", "id"), ("articles", "duplicate_of"), ("analyses", "article_id"),
                          ("article_sigs", "article_id"))}
    c.close()
    return out


def test_forgetting_a_source_keeps_the_story_and_its_id_and_rebuilds_its_brief(tmp_path: Path) -> None:
    arts = _examples()
    store, settings = _store(tmp_path, arts)
    [sid] = [r["id"] for r in store.list_stories()]
    metro = [a.id for a in arts if a.source == "metro-daily"]
    assert metro and any(a["id"] in metro for a in store.get_brief(sid).articles)
    report = forget(store, settings, store.select_articles(source="Metro-Daily"))
    assert report.forgotten == metro and not report.gone
    assert [r["id"] for r in store.list_stories()] == [sid]          # the story keeps its id
    brief = store.get_brief(sid)
    cited = {c.article_id for s in brief.summary for c in s.citations}
    assert {a["id"] for a in brief.articles} == {a.id for a in arts} - set(metro) and not cited & set(metro)
    assert store.get_article(metro[0]) is None and not any(_traces(store.path, set(metro)).values())
    # read again, it is stored anew and joins the same story
    ingest_articles(store, [a for a in arts if a.source == "metro-daily"])
    update_stories(store, settings)
    assert store.article_story(metro[0]) == sid


def test_forgetting_a_whole_story_leaves_the_others_as_they_were(tmp_path: Path, seed_articles) -> None:
    store, settings = _store(tmp_path, _examples() + list(seed_articles))
    rows = {r["id"]: r["size"] for r in store.list_stories()}
    assert len(rows) == 2
    kim = store.article_story(seed_articles[0].id)
    other = next(s for s in rows if s != kim)
    other_brief = store.get_brief(other)
    report = forget(store, settings, store.select_articles(story=kim))
    assert report.gone == {kim: None} and len(report.forgotten) == 3
    assert {r["id"]: r["size"] for r in store.list_stories()} == {other: rows[other]}
    assert store.get_brief(kim) is None and store.find_stories(kim) == []
    assert store.get_brief(other) == other_brief                     # untouched, not even rebuilt
    assert store.search_stories(q="Pyongyang")[1] == 0                 # gone from search too


def test_after_forgetting_the_stories_are_those_one_run_over_the_rest_finds(tmp_path: Path) -> None:
    arts, labels = _reports(150, seed=3)
    store, settings = _store(tmp_path, arts)
    drop = {a.id for a in arts[5::7]}
    forget(store, settings, sorted(drop) + ["never-stored"])
    rest = [a for a in arts if a.id not in drop]
    after = [store.article_story(a.id) or "" for a in rest]
    assert _partition(after) == _partition(cluster(rest)) and _pure(after, [lab for a, lab in zip(arts, labels)
                                                                             if a.id not in drop])
    assert store.count_articles() == len(rest) and not any(_traces(store.path, drop).values())
    # every stored story state is under the id its articles carry, and the next run goes on from it
    more, _ = _reports(20, seed=9)
    ingest_articles(store, more)
    update_stories(store, settings)
    assert all(store.article_story(a.id) for a in more)
    for r in store.list_stories(limit=1000):
        assert {a["id"] for a in store.get_brief(r["id"]).articles} == set(store.story_article_ids(r["id"]))


def test_a_failed_forget_deletes_nothing(tmp_path: Path, monkeypatch) -> None:
    arts = _examples()
    store, settings = _store(tmp_path, arts)
    import storyline.store.sqlite as sq

    def boom(*a, **k):  # noqa: ANN002, ANN003
        raise RuntimeError("disk full")

    monkeypatch.setattr(sq, "_put_globals", boom)
    with pytest.raises(RuntimeError):
        forget(store, settings, [arts[0].id])
    assert store.count_articles() == len(arts) and store.get_article(arts[0].id) is not None


def test_cli_forget(tmp_path: Path, seed_articles, seeds_dir: Path) -> None:
    db = tmp_path / "c.db"
    run = lambda *a, **k: CliRunner().invoke(app, ["--db", str(db), *a], **k)  # noqa: E731
    assert run("ingest", "-q", str(EXAMPLES), str(seeds_dir)).exit_code == 0
    r = run("forget")
    assert r.exit_code == 2 and "say which articles to forget" in r.output
    r = run("forget", "--before", "2019-13-01", "-y")
    assert r.exit_code == 2 and "is not a day" in r.output
    # not at a terminal, it asks for --yes and deletes nothing
    r = run("forget", "--source", "metro-daily")
    assert r.exit_code == 2 and "add --yes" in r.output
    st = SQLiteStore(db)
    n = st.count_articles()
    st.close()
    assert n == 8
    # articles published before 2020 (one seed has no date: it was stored today, so it stays)
    r = run("forget", "--before", "2020-01-01", "--yes", "-q")
    assert r.exit_code == 0 and "2 articles forgotten, 6 left in 2 stories (were 2: 0 gone with them, 0 merged" \
        in " ".join(r.output.split())
    r = run("forget", "no-such-article", "-y")
    assert r.exit_code == 0 and "no article 'no-such-article'" in r.output and "nothing forgotten" in r.output
    left = json.loads(run("brief", "--format", "json").output)
    assert "metro-daily" in {a["source"] for a in left["articles"]}
    r = run("forget", "--story", "no-such-story", "-y")
    assert r.exit_code == 2 and "no story" in r.output
    assert "forget" in CliRunner().invoke(app, ["--help"]).output


def test_the_forget_report_counts_the_stories_that_parted_so_the_counts_add_up(tmp_path: Path,
                                                                               monkeypatch) -> None:
    import storyline.serve.cli as cli
    from storyline.pipeline import RegroupReport

    db = tmp_path / "p.db"
    run = lambda *a: CliRunner().invoke(app, ["--db", str(db), *a])  # noqa: E731
    assert run("ingest", "-q", str(EXAMPLES)).exit_code == 0
    # 3 stories were there; one went with its articles, one joined another, two came of one that parted
    parted = RegroupReport(articles=4, stories_before=3, stories_after=3, gone={"s-a": None, "s-b": "s-c"},
                           forgotten=["x"])
    monkeypatch.setattr(cli, "_regroup_shown", lambda *a, **k: parted)
    r = run("forget", "--source", "metro-daily", "-y")
    assert r.exit_code == 0
    assert "in 3 stories (were 3: 1 gone with them, 1 merged into others, 2 new from parts of others)" \
        in " ".join(r.output.split())


def test_http_delete_forgets_an_article(tmp_path: Path, seed_articles) -> None:
    import asyncio

    import httpx

    from storyline.serve.api import create_app

    store, settings = _store(tmp_path, _examples() + list(seed_articles))
    settings = Settings(db=settings.db, token="tok")
    app = create_app(settings, store=store, background=False)
    kim = store.article_story(seed_articles[0].id)

    def call(method: str, url: str, token: str | None = "tok") -> httpx.Response:
        async def go() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                return await c.request(method, url, headers=headers)
        return asyncio.run(go())

    url = f"/api/articles/{seed_articles[0].id}"
    assert call("DELETE", url, token=None).status_code == 401
    assert call("GET", url).status_code == 200
    r = call("DELETE", url)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["forgotten"] == [seed_articles[0].id] and body["story_id"] == kim and not body["story_gone"]
    assert body["articles"] == 7 and body["stories"] == 2
    assert call("GET", url).status_code == 404 and call("DELETE", url).status_code == 404
    brief = call("GET", f"/api/stories/{kim}/brief").json()
    assert seed_articles[0].id not in {a["id"] for a in brief["articles"]} and len(brief["articles"]) == 2
    for a in seed_articles[1:]:
        assert call("DELETE", f"/api/articles/{a.id}").status_code == 200
    assert call("GET", f"/api/stories/{kim}").status_code == 404


def test_a_store_kept_to_a_window_forgets_old_articles_at_its_scheduled_regroup(tmp_path: Path,
                                                                                 seed_articles) -> None:
    import threading
    import time
    from datetime import datetime, timedelta, timezone

    from storyline.config import ConfigError, load_settings
    from storyline.pipeline import REGROUPED_AT, maintain, maintenance_due
    from storyline.serve.api import run_updater

    arts = _examples() + list(seed_articles)
    store, settings = _store(tmp_path, arts)
    undated = [a.id for a in arts if a.published is None]
    now = datetime.now(timezone.utc) + timedelta(days=2)
    window = Settings(db=settings.db, keep_days=3 * 365)            # the 2019 reports are older
    # without a regroup schedule, a window is kept daily: due a day after the store began
    assert not maintenance_due(store, window) and not maintenance_due(store, settings, now=now)
    assert maintenance_due(store, window, now=now)
    dated = {a.id for a in seed_articles if a.published is not None}
    report = maintain(store, window, now=now)
    assert set(report.forgotten) == dated and len(dated) == 2         # the 2019 reports; the undated one stays
    assert store.count_articles() == 8 - 2 and not maintenance_due(store, window)   # done: not due again
    # the server's updater does the same when the schedule says so
    store.set_kv(REGROUPED_AT, "2000-01-01T00:00:00+00:00")
    stop = threading.Event()
    t = threading.Thread(target=run_updater, args=(Settings(db=settings.db, keep_days=400.0), stop),
                         kwargs={"nice": 0, "interval": 0.05})
    t.start()
    try:
        deadline = time.monotonic() + 60
        while store.count_articles() > len(undated) and time.monotonic() < deadline:   # the 2025 ones go too
            time.sleep(0.1)
    finally:
        stop.set()
        t.join(timeout=60)
    assert sorted(store.select_articles(before="9999-01-01")) == sorted(undated)   # stored today: in the window
    with pytest.raises(ConfigError):
        load_settings(keep_days=-1)
    r = CliRunner().invoke(app, ["--db", settings.db, "watch", "--once", "--keep", "a while", "http://x/feed"])
    assert r.exit_code == 2 and "--keep" in r.output
