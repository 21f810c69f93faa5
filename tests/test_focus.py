"""A focused brief: the summary of what a story's articles say about one person, organisation, place
or subject, from the Python API, the command line, the HTTP API and the web page."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from storyline.config import Settings
from storyline.consolidate.brief import build_brief, focus_entity
from storyline.consolidate.summary import SummaryConfig, summarize
from storyline.consolidate.summary_text import supports
from storyline.records import Article, Entity
from storyline.serve.api import create_app
from storyline.serve.cli import app as cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _mentions(text: str, *names: str) -> bool:
    return any(n.lower() in text.lower() for n in names)


@pytest.fixture(scope="module")
def seed_arts() -> list[Article]:
    import storyline

    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("shared data not present: seeds")
    return [storyline.read_article(p) for p in sorted(seeds.glob("*.txt"))]


def test_a_person_focus_finds_every_spelling_and_only_sentences_about_them(seed_arts) -> None:
    whole = build_brief("s", seed_arts)
    b = build_brief("s", seed_arts, about="Kim Eui-keum")
    # the spokesperson is one entity under both spellings; the brief names it by its canonical name
    assert b.about in ("Kim Eui-keum", "Kim Eui-kyeom") and b.about_entity
    assert b.summary, "the spokesman's words are in one article"
    for s in b.summary:
        assert _mentions(s.text, "Eui-keum", "Eui-kyeom"), s.text
    # the rest of the brief is the story's whole
    assert b.entities == whole.entities
    # the timeline keeps the dated events about him (told in the sentence that names him)
    assert set(b.timeline) <= set(whole.timeline) and len(b.timeline) < len(whole.timeline)
    assert all("Eui-k" in e.text for e in b.timeline)
    # the same quotes, the spokesman's first
    assert set(b.quotes) == set(whole.quotes) and b.quotes[0].entity_id == b.about_entity
    assert whole.quotes[0].entity_id != b.about_entity
    assert whole.about is None and whole.about_entity is None


def test_a_surname_focus_and_a_subject_focus(seed_arts) -> None:
    b = build_brief("s", seed_arts, about="trump")
    assert b.about == "Donald Trump"
    assert len(b.summary) >= 2 and all("Trump" in s.text for s in b.summary)
    assert b.timeline and all("Trump" in e.text for e in b.timeline)
    b = build_brief("s", seed_arts, about="  sanctions ")
    assert b.about == "sanctions" and b.about_entity is None
    assert b.summary and all("sanction" in s.text.lower() for s in b.summary)
    # every sentence still cites the articles that carry it, at offsets that hold its words
    texts = {a.id: a.text for a in seed_arts}
    for s in b.summary:
        assert s.citations and all(texts[c.article_id][c.start:c.end].strip() for c in s.citations)


def test_a_focused_summary_opens_with_a_sentence_that_names_its_subject(seed_arts) -> None:
    b = build_brief("s", seed_arts, about="Kim Jong Un")
    texts = [s.text for s in b.summary]
    # "The North Korean leader is said to have met with Xi" counts (a title for him), but does not open
    assert any(t.startswith("The North Korean leader is said") for t in texts), texts
    assert texts[0].startswith("North Korean Leader Kim Jong Un arrived"), texts


def test_a_focus_on_nothing_in_the_story_gives_an_empty_summary(seed_arts) -> None:
    b = build_brief("s", seed_arts, about="the weather in Lisbon")
    assert b.about == "the weather in Lisbon" and b.summary == ()
    assert b.timeline == () and b.entities and b.quotes  # no dated event about it; the other sections stay


def test_focus_entity_matches_spellings_case_and_accents() -> None:
    ents = [Entity(id="e1", name="Kim Jong Un", label="PER", aliases=("Kim Jong-un", "Kim")),
            Entity(id="e2", name="José Manuel Barroso", label="PER", aliases=("Barroso",)),
            Entity(id="e3", name="Chinese", label="MISC"),
            Entity(id="e4", name="Kim Eui-kyeom", label="PER", aliases=("Kim Eui-keum",))]
    assert focus_entity("kim jong-un", ents).id == "e1"
    assert focus_entity("KIM EUI KEUM", ents).id == "e4"
    assert focus_entity("jose barroso", ents).id == "e2"
    assert focus_entity("Kim", ents).id == "e1"          # the most important of the story's Kims
    assert focus_entity("chinese", ents).id == "e3"      # an exact name
    assert focus_entity("sanctions", ents) is None
    assert focus_entity(" - ", ents) is None


def test_summarize_focus_spans_use_only_the_sentences_holding_them() -> None:
    text = ("The council approved the new bridge over the river on Monday. "
            "Mayor Ann Holt said the bridge would open next spring after two years of work. "
            "Traffic on the old crossing has doubled since the factory opened in the north. "
            "Holt also promised a cycle lane across the new bridge for the town's commuters.")
    art = Article(id="a", text=text)
    spans = {"a": [(m.start(), m.end()) for m in re.finditer(r"Holt", text)]}
    only = SummaryConfig(reader=True, query_only=True, fill_words=False)
    out = summarize([art], max_words=100, config=only, focus=spans)
    assert out and all("Holt" in s.text for s in out)
    assert summarize([art], max_words=100, config=only, focus={"a": []}) == []
    # without query_only, the focus biases but other sentences may fill the summary
    biased = summarize([art], max_words=100, config=SummaryConfig(), focus=spans)
    assert any("Holt" in s.text for s in biased)


def test_a_title_before_a_name_is_no_shared_fact() -> None:
    # both name the chief executive; only the first says he met families
    assert not supports("Northline chief executive Darius Kowalczyk met evacuated families on Tuesday.",
                        "Northline Freight chief executive Dariusz Kowalczyk said the company was "
                        "\"deeply sorry\" and would pay for the evacuation.", 0.6)
    assert supports("The chief executive met evacuated families on Tuesday.",
                    "On Tuesday the chief executive met families who had been evacuated.", 0.6)


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("focus") / "ex.db"
    r = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", str(EXAMPLES)])
    assert r.exit_code == 0, r.output
    from storyline.store.sqlite import SQLiteStore

    st = SQLiteStore(db)
    sid = st.list_stories(sort="size", limit=1)[0]["id"]
    st.close()
    return db, sid


def test_cli_brief_about(example_db) -> None:
    db, sid = example_db
    r = CliRunner().invoke(cli, ["--db", str(db), "brief", "--about", "Kowalczyk", "--format", "json"])
    assert r.exit_code == 0, r.output
    b = json.loads(r.output)
    assert b["about"] == "Dariusz Kowalczyk" and b["about_entity"]
    assert len(b["summary"]) >= 2 and all("Kowalczyk" in s["text"] for s in b["summary"])
    # his meeting with families cites only the article that tells it, not his apology
    met = [s for s in b["summary"] if "met evacuated families" in s["text"]]
    assert met and len(met[0]["citations"]) == 1
    r = CliRunner().invoke(cli, ["--db", str(db), "brief", sid[:6], "-a", "the weather"])
    assert r.exit_code == 0, r.output
    assert "Summary: about the weather" in r.output and "No sentence of these articles is about the weather" in r.output
    # the stored brief is untouched
    r = CliRunner().invoke(cli, ["--db", str(db), "brief", "--format", "json"])
    assert json.loads(r.output)["about"] is None
    assert "--about" in CliRunner().invoke(cli, ["brief", "--help"]).output


def _get(app, url: str, **params: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return await c.get(url, params=params)

    return asyncio.run(go())


def test_http_and_web_focus(example_db) -> None:
    from storyline.store.sqlite import SQLiteStore

    db, sid = example_db
    st = SQLiteStore(db)
    try:
        app = create_app(Settings(db=str(db)), store=st, background=False)
        r = _get(app, f"/api/stories/{sid}/brief", about="Helen Marsh")
        assert r.status_code == 200
        b = r.json()
        assert b["about"] == "Helen Marsh" and all("Marsh" in s["text"] for s in b["summary"])
        md = _get(app, f"/api/stories/{sid}/brief", about="ammonia", format="md").text
        assert "## Summary: about ammonia" in md and "## Timeline: about ammonia" in md
        assert _get(app, f"/api/stories/{sid}/brief", about="x" * 201).status_code == 422
        page = _get(app, f"/stories/{sid}").text
        assert 'name="about"' in page                      # the focus box
        assert f'/stories/{sid}?about=Helen%20Marsh#summary' in page   # a focus link per entity
        page = _get(app, f"/stories/{sid}", about="helen marsh").text
        assert "Summary: about Helen Marsh" in page and f'href="/stories/{sid}#summary"' in page
        summary = page[page.index('id="summary"'):page.index("</ul>", page.index('id="summary"'))]
        assert summary.count("<li>") >= 1 and "state of emergency" in summary
        assert "deeply sorry" not in summary
        bad = _get(app, f"/stories/{sid}", about='<script>alert(1)</script>"').text
        assert "<script>alert" not in bad and "&lt;script&gt;alert(1)&lt;/script&gt;" in bad
        # an entity's page leads to what each of its stories says about it
        ent = _get(app, "/entities/helen marsh")
        assert ent.status_code == 200 and f"/stories/{sid}?about=Helen%20Marsh#summary" in ent.text
    finally:
        st.close()


def test_a_focus_from_the_stored_brief_is_the_focus_of_a_brief_built_anew(example_db) -> None:
    from storyline.pipeline import brief_now
    from storyline.store.sqlite import SQLiteStore

    db, sid = example_db
    st = SQLiteStore(db)
    try:
        settings = Settings(db=str(db))
        arts = st.get_articles(st.story_article_ids(sid))
        for about in ("Helen Marsh", "Kowalczyk", "ammonia"):
            stored = brief_now(st, sid, settings, about=about)                  # from the stored brief
            anew = build_brief(sid, arts, max_words=settings.summary_words, about=about)
            assert stored is not None and stored.about == anew.about and stored.summary == anew.summary, about
            assert stored.timeline == anew.timeline and stored.quotes == anew.quotes
    finally:
        st.close()


def test_a_focus_on_a_store_ingested_with_the_fast_tagger_tags_no_article_again(tmp_path, monkeypatch) -> None:
    """A store ingested with --ner fast: a focus (and another length), read with the default settings,
    uses the analyses its brief was built from, not every article tagged again by the accurate tagger
    (half a minute for a story of 500 articles, at each focus a server is asked for)."""
    import storyline.analyze.analyze as analyze
    from storyline.pipeline import brief_now
    from storyline.store.sqlite import SQLiteStore

    db = tmp_path / "fast.db"
    r = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", "--ner", "fast", str(EXAMPLES)])
    assert r.exit_code == 0, r.output

    def no_tagging(*args, **kwargs):  # pragma: no cover - the point is that it is not called
        raise AssertionError("an article analysed again")

    monkeypatch.setattr(analyze, "analyze_article", no_tagging)
    st = SQLiteStore(db, readonly=True)
    try:
        sid = st.list_stories(sort="size", limit=1)[0]["id"]
        focused = brief_now(st, sid, Settings(db=str(db)), about="Helen Marsh", cache=False)
        shorter = brief_now(st, sid, Settings(db=str(db), summary_words=40), cache=False)
        assert focused is not None and focused.summary and shorter is not None and shorter.summary
    finally:
        st.close()


def test_focused_briefs_built_at_once_are_limited(example_db, monkeypatch) -> None:
    """A client asking for one subject after another gets a 503 with Retry-After once every turn to
    build a focused brief is taken and the queue is full; a cached focus and the plain brief still answer."""
    import storyline.serve.api as api
    from storyline.store.sqlite import SQLiteStore

    db, sid = example_db
    st = SQLiteStore(db)
    monkeypatch.setattr(api, "FOCUS_WAIT", 0.2)
    app = create_app(Settings(db=str(db)), store=st, background=False)
    svc = app.state.service
    url = f"/api/stories/{sid}/brief"

    async def go() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            assert (await c.get(url, params={"about": "Helen Marsh"})).status_code == 200
            for _ in range(api.FOCUS_SLOTS):   # every turn taken by builds in progress
                assert svc._focus.acquire(timeout=1)
            try:
                r = await c.get(url, params={"about": "ammonia"})   # waits its turn, then gives up
                assert r.status_code == 503 and r.headers["retry-after"] and "try again" in r.json()["error"]
                assert (await c.get(f"/stories/{sid}", params={"about": "ammonia"})).status_code == 503
                assert (await c.get(url, params={"about": "Helen Marsh"})).status_code == 200   # built before
                assert (await c.get(url)).status_code == 200
                svc._focus_asked = api.FOCUS_SLOTS + api.FOCUS_QUEUE   # a full queue answers at once
                assert (await c.get(url, params={"about": "evacuation"})).status_code == 503
                svc._focus_asked = 0
            finally:
                for _ in range(api.FOCUS_SLOTS):
                    svc._focus.release()
            assert (await c.get(url, params={"about": "ammonia"})).status_code == 200

    try:
        asyncio.run(go())
    finally:
        st.close()


def _counted(monkeypatch, module, name: str, what) -> list:  # type: ignore[no-untyped-def]
    """Calls of ``module.name`` from now on, each noted as ``what(args, kwargs)``."""
    calls: list = []  # type: ignore[type-arg]
    real = getattr(module, name)

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(what(args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def _asked_together(n: int, ask) -> list:  # type: ignore[no-untyped-def]
    """``ask()`` run by ``n`` threads released at once; their answers."""
    import threading

    gate = threading.Barrier(n)
    answers: list = []  # type: ignore[type-arg]

    def one() -> None:
        gate.wait()
        answers.append(ask())

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def test_focused_briefs_asked_for_together_are_built_once(example_db, monkeypatch) -> None:
    import storyline.serve.api as api
    from storyline.store.sqlite import SQLiteStore

    db, sid = example_db
    st = SQLiteStore(db)
    app = create_app(Settings(db=str(db)), store=st, background=False)
    svc = app.state.service
    built = _counted(monkeypatch, api, "brief_now", lambda args, kwargs: kwargs.get("about", ""))
    try:
        answers = _asked_together(6, lambda: api._focused_brief(svc, sid, "Helen Marsh"))
        assert len(answers) == 6 and all(a is not None for a in answers)
        assert len(built) == 1      # the others waited for that build and found it made
    finally:
        st.close()


def _unbriefed_copy(src: Path, sid: str, db: Path) -> None:
    """A copy of the store ``src`` in which story ``sid`` has no brief yet (the updater's to build)."""
    import sqlite3

    with sqlite3.connect(src) as a, sqlite3.connect(db) as con:
        a.backup(con)
        con.execute("DELETE FROM brief_views")
        con.execute("DELETE FROM briefs WHERE story_id = ?", (sid,))
        con.execute("UPDATE stories SET dirty = 1 WHERE id = ?", (sid,))


def test_a_story_not_yet_briefed_asked_for_together_is_built_once(example_db, monkeypatch, tmp_path) -> None:
    """Readers opening a story whose brief the updater has not built yet get it built now, once for
    all of them, from the cached analyses; the brief is kept in the store for the next reader (also
    after the store changes), and the story stays the updater's to brief."""
    import storyline.pipeline as pipeline
    import storyline.serve.api as api
    from storyline.store.sqlite import SQLiteStore

    src, sid = example_db
    db = tmp_path / "unbriefed.db"
    _unbriefed_copy(src, sid, db)
    st = SQLiteStore(db)
    app = create_app(Settings(db=str(db)), store=st, background=False)
    svc = app.state.service
    built = _counted(monkeypatch, pipeline, "build_brief", lambda args, kwargs: args[0])
    try:
        answers = _asked_together(5, lambda: api._get_brief(svc, sid))
        assert len(answers) == 5 and all(a is not None for a in answers)
        assert built == [sid]
        b, raw = answers[0]  # type: ignore[misc]
        assert b.story_id == sid and b.summary and json.loads(raw)["story_id"] == sid
        assert st.get_brief_json(sid) == raw            # kept for the next reader
        assert sid in st.dirty_stories()                # and the updater still builds its own
        svc.bump()                                      # the store changed (another story, say)

        async def page() -> None:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
                r = await c.get(f"/api/stories/{sid}/brief", params={"format": "md"})
                assert r.status_code == 200 and b.headline in r.text

        asyncio.run(page())
        assert built == [sid]      # read from the store: not built again
    finally:
        st.close()


def test_a_readers_first_brief_is_not_stored_over_a_changed_story(example_db, tmp_path) -> None:
    """A brief built for a reader is kept only while the store holds none of the story and the story's
    articles are still the ones it was built from: the updater's work is never overwritten."""
    from storyline.pipeline import brief_now, put_first_story_brief
    from storyline.store.sqlite import SQLiteStore

    src, sid = example_db
    db = tmp_path / "changed.db"
    _unbriefed_copy(src, sid, db)
    with SQLiteStore(db) as st:
        b = brief_now(st, sid, Settings(db=str(db)), cache=False)
        assert b is not None and len(b.articles) >= 2
        smaller = dataclasses.replace(b, articles=b.articles[:-1])   # built before an article came
        assert put_first_story_brief(st, smaller) is None and st.get_brief_json(sid) is None
        raw = put_first_story_brief(st, b)
        assert raw is not None and st.get_brief_json(sid) == raw
        assert put_first_story_brief(st, b) is None          # one is stored now: left as it is
        st.put_brief(b)
        assert sid not in st.dirty_stories()                  # the updater's brief clears the mark


_HOLD_TURN = """
import sys, time
from storyline.store.sqlite import SQLiteStore
st = SQLiteStore(sys.argv[1])
with st.build_turn(sys.argv[2], 5.0):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
    if len(sys.argv) > 4:
        raw = open(sys.argv[4]).read()
        from storyline.serve.render import brief_from_json
        assert st.put_first_brief(brief_from_json(raw)) is not None
"""


def _env_with_repo() -> dict[str, str]:
    """The environment of a child Python process that imports this checkout's storyline."""
    import os

    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1]),
                                                         os.environ.get("PYTHONPATH", "")])}


def _hold_turn(db: Path, key: str, seconds: float, brief_file: Path | None = None):  # type: ignore[no-untyped-def]
    """Another process that takes the build turn ``key`` of store ``db`` for ``seconds`` (storing the
    brief in ``brief_file`` before it gives the turn back); returns once the turn is held."""
    import subprocess
    import sys

    args = [sys.executable, "-c", _HOLD_TURN, str(db), key, str(seconds)] + ([str(brief_file)] if brief_file else [])
    p = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=_env_with_repo())
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def test_build_turns_exclude_other_processes_per_key(tmp_path) -> None:
    from storyline.errors import StoreBusy
    from storyline.store.sqlite import SQLiteStore

    db = tmp_path / "turns.db"
    with SQLiteStore(db) as st:
        other = _hold_turn(db, "brief s1", 1.0)
        try:
            with pytest.raises(StoreBusy, match="building brief s1"):
                with st.build_turn("brief s1", 0.2):
                    pass
            with st.build_turn("brief s2", 0.2):   # another key: no wait
                pass
            with st.build_turn("brief s1", 5.0):   # given back when the other process is done
                assert other.wait(timeout=10) == 0
        finally:
            other.wait(timeout=10)
        assert other.returncode == 0


_PROBE_TURN = """
import sys
from storyline.errors import StoreBusy
from storyline.store.sqlite import SQLiteStore
try:
    with SQLiteStore(sys.argv[1]).build_turn(sys.argv[2], 0.2):
        print("taken")
except StoreBusy:
    print("busy")
"""


def test_a_build_turn_holds_its_byte_while_another_turn_of_its_process_on_that_byte_ends(tmp_path) -> None:
    """Two turns of one process (two threads) on keys that share a byte of the lock file: the first
    one's end leaves the byte locked for the second (any unlock drops a process's lock)."""
    import subprocess
    import sys
    import zlib

    from storyline.store.sqlite import BUILD_LOCK_BYTES, SQLiteStore

    first: dict[int, str] = {}
    key = next(k for i in range(10_000) if first.setdefault(zlib.crc32((k := f"brief s{i}").encode()) % BUILD_LOCK_BYTES, k) != k)
    other_key = first[zlib.crc32(key.encode()) % BUILD_LOCK_BYTES]
    db = tmp_path / "turns.db"

    def probe() -> str:
        return subprocess.run([sys.executable, "-c", _PROBE_TURN, str(db), key], capture_output=True, text=True,
                              env=_env_with_repo(), timeout=60, check=True).stdout.strip()

    with SQLiteStore(db) as st:
        with st.build_turn(key, 0.2):
            with st.build_turn(other_key, 0.2):
                pass
            assert probe() == "busy"
        assert probe() == "taken"


def test_a_brief_another_worker_process_is_building_is_waited_for_not_built(example_db, monkeypatch, tmp_path) -> None:
    """Worker processes of one server asked for one story not yet briefed: while one builds it, a
    reader of another waits for its turn and then reads the brief that one stored, instead of
    building it a second time; a turn held too long answers 503."""
    import storyline.pipeline as pipeline
    import storyline.serve.api as api
    from storyline.store.sqlite import SQLiteStore

    src, sid = example_db
    db = tmp_path / "workers.db"
    _unbriefed_copy(src, sid, db)
    theirs = tmp_path / "brief.json"
    with SQLiteStore(src) as s:
        raw = s.get_brief_json(sid)
    assert raw is not None
    theirs.write_text(raw)
    st = SQLiteStore(db)
    svc = create_app(Settings(db=str(db)), store=st, background=False).state.service
    built = _counted(monkeypatch, pipeline, "build_brief", lambda args, kwargs: args[0])
    try:
        monkeypatch.setattr(api, "FOCUS_WAIT", 0.3)
        other = _hold_turn(db, f"brief {sid}", 1.5)
        with pytest.raises(api.ApiError) as busy:
            api._get_brief(svc, sid)
        assert busy.value.status == 503 and built == []
        other.wait(timeout=10)
        monkeypatch.setattr(api, "FOCUS_WAIT", 10.0)
        other = _hold_turn(db, f"brief {sid}", 0.5, theirs)
        got = api._get_brief(svc, sid)
        other.wait(timeout=10)
        assert got is not None and got[1] == raw and built == []
    finally:
        st.close()


def test_readers_of_one_focus_wait_no_longer_than_a_turn_when_every_turn_is_taken(example_db, monkeypatch) -> None:
    """Readers asking together for one focus while every turn to build is taken each get the 503 after
    FOCUS_WAIT at most, not one after another (waiting for the same build is waiting for a turn too)."""
    import time

    import storyline.serve.api as api
    from storyline.store.sqlite import SQLiteStore

    db, sid = example_db
    st = SQLiteStore(db)
    monkeypatch.setattr(api, "FOCUS_WAIT", 0.3)
    svc = create_app(Settings(db=str(db)), store=st, background=False).state.service
    for _ in range(api.FOCUS_SLOTS):
        assert svc._focus.acquire(timeout=1)

    def ask() -> tuple[float, int]:
        t0 = time.monotonic()
        try:
            api._focused_brief(svc, sid, "no one at all")
            return time.monotonic() - t0, 200
        except api.ApiError as e:
            return time.monotonic() - t0, e.status

    try:
        answers = _asked_together(5, ask)
    finally:
        for _ in range(api.FOCUS_SLOTS):
            svc._focus.release()
        st.close()
    assert all(code == 503 for _, code in answers)
    assert max(t for t, _ in answers) < 2 * api.FOCUS_WAIT
