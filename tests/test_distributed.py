"""The analyses and briefs on a Dask cluster give the briefs of one machine; a failing story task
stops no other; a --dask value that names no cluster is refused before anything is read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.config import Settings
from storyline.pipeline import ingest_paths
from storyline.records import to_dict
from storyline.serve.cli import app
from storyline.store.sqlite import SQLiteStore

distributed = pytest.importorskip("distributed")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SECTIONS = ("headline", "summary", "timeline", "entities", "quotes", "disagreements", "new_since")


def _briefs(db: Path, settings: Settings) -> dict[str, dict]:
    store = SQLiteStore(db)
    report = ingest_paths(store, [str(EXAMPLES)], settings)
    assert report.ok and report.stories
    out = {}
    for sid in report.stories:
        d = to_dict(store.get_brief(sid))
        out[tuple(sorted(str(a["id"]) for a in d["articles"]))] = {k: d[k] for k in SECTIONS}
    assert not store.dirty_stories()  # every story's brief stored
    store.close()
    return out


def test_briefs_built_on_a_local_dask_cluster_are_the_briefs_of_one_process(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "one.db"))
    here = _briefs(tmp_path / "one.db", settings)
    there = _briefs(tmp_path / "two.db", replace(settings, db=str(tmp_path / "two.db"), dask="local:2"))
    assert there == here
    # the workers' analyses were cached by the caller: a rebuild on one process analyses nothing again
    from storyline.analyze.analyze import analysis_version

    store = SQLiteStore(tmp_path / "two.db")
    ids = [i for r in store.list_stories() for i in store.story_article_ids(r["id"])]
    assert ids and set(store.get_analyses(ids, analysis_version("accurate"))) == set(ids)


def test_a_story_task_that_fails_is_logged_and_the_others_go_on(caplog: pytest.LogCaptureFixture) -> None:
    from storyline.distributed import StoryJob, map_stories

    good = StoryJob(story_id="good", articles=({"id": "a", "title": "Bridge", "published": "2025-03-11",
                                                "text": "The Ardent Bridge closed on Tuesday after cracks were "
                                                        "found, the city said."},))
    bad = StoryJob(story_id="bad", articles=({"id": "b", "title": "no text"},))  # an Article needs its text
    with distributed.Client(processes=False, dashboard_address=None) as client:
        answers = list(map_stories(client, [bad, good], window=1))
        again = list(map_stories(client, [good], window=1))  # a second run on the same scheduler: its own task
    assert [(job.story_id, answer is not None) for job, answer in answers] == [("bad", False), ("good", True)]
    done = answers[1][1]
    assert done.brief["summary"] and set(done.analyses) == {"a"}
    assert again[0][1] is not None and again[0][1].brief == done.brief
    assert "story task" in caplog.text and "failed" in caplog.text


def test_a_story_whose_task_fails_on_the_cluster_is_built_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.distributed as dist
    from storyline.distributed import update_on_cluster

    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    ingest_paths(store, [str(EXAMPLES)], replace(settings, dask=""))
    sids = [r["id"] for r in store.list_stories()]
    store.mark_dirty(sids)

    def broken(job):  # type: ignore[no-untyped-def]
        raise RuntimeError("worker lost")

    monkeypatch.setattr(dist, "run_story_job", broken)
    with distributed.Client(processes=False, dashboard_address=None) as client:
        done = update_on_cluster(store, settings, store.dirty_stories(), client=client)
    assert sorted(done) == sorted(sids) and not store.dirty_stories()  # every story built, here
    assert store.get_brief(sids[0]).summary


def test_a_dask_option_that_names_no_cluster_is_refused_before_reading(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["--db", str(tmp_path / "s.db"), "ingest", "--dask", "local:none", str(EXAMPLES)])
    assert r.exit_code == 2 and "local:N" in r.output
    r = CliRunner().invoke(app, ["--db", str(tmp_path / "s.db"), "rebuild", "--dask", "10.0.0.5"])
    assert r.exit_code == 2 and "scheduler address" in " ".join(r.output.split())
    assert not (tmp_path / "s.db").exists() or SQLiteStore(tmp_path / "s.db").count_articles() == 0


def test_the_servers_updater_builds_briefs_itself_when_told_of_a_local_cluster(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import threading
    import time

    from storyline.serve.api import run_updater

    db = tmp_path / "s.db"
    SQLiteStore(db).add_articles([storyline_article()])
    stop = threading.Event()

    def stop_when_built() -> None:  # (or after 20 s: then the asserts below fail)
        for _ in range(100):
            if SQLiteStore(db).list_stories() and not SQLiteStore(db).dirty_stories():
                break
            time.sleep(0.2)
        stop.set()

    watcher = threading.Thread(target=stop_when_built)
    watcher.start()
    run_updater(Settings(db=str(db), dask="local:2"), stop, interval=0.1, nice=0)
    watcher.join()
    assert "needs a scheduler's address" in caplog.text
    assert SQLiteStore(db).list_stories() and not SQLiteStore(db).dirty_stories()


def storyline_article():  # type: ignore[no-untyped-def]
    from storyline.records import Article

    return Article(id="a", title="Bridge closed", published="2025-03-11",
                   text="The Ardent Bridge closed on Tuesday after engineers found cracks in two of its piers, "
                        "the city said.")
