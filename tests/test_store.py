"""The SQLite store: migrations, batches, and a kill -9 in the middle of an ingest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import StoreError
from storyline.records import Article
from storyline.store.schema import MIGRATIONS
from storyline.store.sqlite import SQLiteStore


def test_schema_version_and_wal(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.schema_version == len(MIGRATIONS)
    mode = sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_same_article_stored_once(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    a = Article(text="One text.", title="T")
    assert store.add_articles([a, a]) == ([a.id], [a.id], [])
    assert store.add_articles([a]) == ([], [a.id], [])
    assert store.count_articles() == 1


def test_not_a_database(tmp_path: Path) -> None:
    p = tmp_path / "junk.db"
    p.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a storyline store"):
        SQLiteStore(p)


def test_newer_schema_refused(tmp_path: Path) -> None:
    p = tmp_path / "s.db"
    SQLiteStore(p).close()
    c = sqlite3.connect(p)
    c.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="upgrade storyline"):
        SQLiteStore(p)


def _write_corpus(path: Path, n: int) -> None:
    topics = ["bridge", "harbour", "election", "storm", "budget", "rail", "school", "hospital"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            t = topics[i % len(topics)]
            fh.write(json.dumps({"id": f"c{i}", "title": f"{t} report {i}", "published": "2024-05-01",
                                 "text": f"The {t} council met on Monday to discuss item {i}. "
                                         f"Officials said the {t} plan number {i} would be ready soon."}) + "\n")


def test_kill_9_mid_ingest_then_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    n = 2000
    _write_corpus(corpus, n)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "storyline", "--db", str(db), "ingest", "-q", str(corpus)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_at = None
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
                count = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                c.close()
            except sqlite3.Error:
                count = 0
            if count > 0:
                os.kill(proc.pid, signal.SIGKILL)
                killed_at = count
                break
        time.sleep(0.01)
    proc.wait()
    assert killed_at is not None, "ingest finished before it could be killed"
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    fts = c.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
    c.close()
    assert 0 < stored <= n and (stored % 500 == 0 or stored == n)  # whole batches only
    assert fts == stored
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    store = SQLiteStore(db)
    assert store.count_articles() == n
    assert store.unassigned_articles() == []
    assert store.dirty_stories() == []
    assert f"{n - stored} new, {stored} already stored" in " ".join(done.stdout.split())


def test_a_new_store_opened_by_many_threads_at_once_is_created_once(tmp_path):
    """`storyline serve` and `storyline watch` started together on a store that does not exist yet."""
    import threading

    from storyline.store.sqlite import SQLiteStore

    db = tmp_path / "fresh.db"
    errors: list[BaseException] = []
    go = threading.Barrier(8)

    def open_it() -> None:
        go.wait()
        try:
            SQLiteStore(db).count_articles()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert SQLiteStore(db).schema_version >= 1


def test_a_story_is_found_by_any_spelling_of_its_entity_and_an_older_store_learns_them(tmp_path: Path) -> None:
    from storyline.records import Brief, Entity

    kim = Entity(id="person:kim-eui-kyeom", name="Kim Eui-kyeom", label="PERSON", aliases=("Kim Eui-keum",),
                 mentions={"a": 1, "b": 1})
    brief = Brief(story_id="s1", headline="Kim visits Beijing", entities=(kim,))
    # a store of the schema before spellings were kept, holding a brief already
    db = tmp_path / "old.db"
    old = SQLiteStore(db)
    old.add_articles([Article(id="a", text="Kim Eui-keum spoke.", title="t")])
    old.close()
    c = sqlite3.connect(db)
    c.execute("DROP TABLE story_entity_names")
    c.execute("DROP TABLE article_revisions")  # and of every later one
    c.execute("DROP INDEX articles_url")
    c.execute("DROP TABLE article_lines")
    c.execute("DROP TABLE brief_views")
    c.execute("PRAGMA user_version = 3")
    c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s1', 'x', 'x', 1, 0)")
    c.execute("INSERT INTO briefs (story_id, json, updated) VALUES ('s1', ?, 'x')",
              (json.dumps({"story_id": "s1", "headline": "h", "entities": [
                  {"id": kim.id, "name": kim.name, "label": "PERSON", "aliases": ["Kim Eui-keum"]}]}),))
    c.execute("INSERT INTO story_entities (story_id, entity_id, name, label, articles) VALUES ('s1', ?, ?, 'PERSON', 2)",
              (kim.id, kim.name))
    # briefs of odd shapes are read past, not fatal: entities as a string, an entity as a string, aliases as text
    c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s2', 'x', 'x', 1, 0)")
    c.execute("INSERT INTO briefs (story_id, json, updated) VALUES ('s2', ?, 'x')",
              (json.dumps({"story_id": "s2", "entities": ["foo", {"id": 3}, {"id": "e9", "aliases": "x"}]}),))
    c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s3', 'x', 'x', 1, 0)")
    c.execute("INSERT INTO briefs (story_id, json, updated) VALUES ('s3', 'not json', 'x')")
    c.commit()
    c.close()
    store = SQLiteStore(db)
    assert store.schema_version == len(MIGRATIONS)
    for spelling in ("Kim Eui-kyeom", "kim eui-keum"):
        rows, total = store.search_stories(entity=spelling)
        assert total == 1 and rows[0]["id"] == "s1", spelling
        assert store.get_entity(spelling)["id"] == kim.id
        assert store.get_entity(spelling)["aliases"] == ["Kim Eui-keum"]
    # a brief stored now keeps its spellings too; another spelling finds nothing
    store.put_brief(brief)
    assert store.search_stories(entity="Kim Eui-keum")[1] == 1
    assert store.search_stories(entity="Kim Ui-gyeom")[1] == 0


def test_an_entity_is_found_by_its_name_without_accents_and_an_older_store_learns_the_folded_sounds(
        tmp_path: Path) -> None:
    """A name asked for without its accents finds the entity that writes them ("orsted" Ørsted, "lodz"
    Łódź, "Jose Baez" José Báez: words too short for two romanisations), folded as the search is
    (``search_fold``); a store of schema 9, its names' sounds unfolded, computes them again when opened."""
    from storyline.records import Brief, Entity

    db = tmp_path / "old.db"
    store = SQLiteStore(db)
    ents = {"s1": Entity(id="org:orsted", name="Ørsted", label="ORG", mentions={"a": 1}),
            "s2": Entity(id="loc:lodz", name="Łódź", label="LOC", mentions={"b": 1}),
            "s3": Entity(id="person:baez", name="José Báez", label="PERSON", aliases=("Báez",), mentions={"c": 1})}
    with store.transaction() as c:
        for sid in ents:
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)", (sid,))
    for sid, e in ents.items():
        store.put_brief(Brief(story_id=sid, headline=f"News of {e.name}", entities=(e,)))
    store.close()
    c = sqlite3.connect(db)   # the sounds as schema 9 wrote them: the accented letters dropped
    for name, sound in (("Ørsted", "rstd"), ("Łódź", "dz"), ("José Báez", "js bz"), ("Báez", "bz")):
        c.execute("UPDATE story_entity_names SET sound = ? WHERE name = ?", (sound, name))
    c.execute("PRAGMA user_version = 9")
    c.commit()
    c.close()
    store = SQLiteStore(db)
    assert store.schema_version == len(MIGRATIONS) >= 10
    found = lambda name: [r["id"] for r in store.search_stories(entity=name)[0]]  # noqa: E731
    assert found("orsted") == found("ØRSTED") == found("Orsted") == ["s1"]
    assert found("lodz") == found("Łódź") == ["s2"]
    assert found("Jose Baez") == found("baez") == found("José Báez") == ["s3"]
    assert found("Jose Perez") == found("Ursted") == []
    assert store.get_entity("orsted")["id"] == "org:orsted" and store.get_entity("jose baez")["name"] == "José Báez"
    store.close()


def test_search_by_relevance_puts_the_bigger_story_first_when_the_words_match_alike(tmp_path: Path) -> None:
    """In a small store a word is in every story (BM25 tells them apart by length alone): the story
    of four articles comes before a note of one that says the word as often."""
    from storyline.config import Settings
    from storyline.pipeline import ingest_articles, update_stories

    store = SQLiteStore(tmp_path / "rel.db")
    big = [Article(id=f"fire-{i}", title=f"Fire at Kelvar port, report {i}", published=date(2025, 6, 3 + i),
                   text=f"Fire crews fought a blaze at the Kelvar port warehouse for {i + 2} hours. The eastern "
                        f"docks stayed closed and ships waited offshore.") for i in range(4)]
    note = [Article(id="note", title="Kelvar notes", published=date(2025, 6, 4),
                    text="Kelvar notes: the market opens late this week.")]
    ingest_articles(store, big + note)
    store.assign({**{a.id: "s-fire" for a in big}, "note": "s-note"})
    update_stories(store, Settings(db=str(tmp_path / "rel.db")))
    rows, total = store.search_stories(q="kelvar", sort="relevance")
    assert total == 2 and [r["id"] for r in rows] == ["s-fire", "s-note"]
    store.close()


def test_stories_updated_in_the_same_second_list_alike_later_news_first(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    with store.transaction() as c:
        for sid, last, size in (("s-b", "2031-03-01", 9), ("s-a", "2031-03-05", 2), ("s-c", "2031-03-05", 4)):
            c.execute("INSERT INTO stories (id, first_seen, updated, last_published, size, dirty) "
                      "VALUES (?, 'x', '2031-03-06T10:00:00', ?, ?, 0)", (sid, last, size))
    listed = [r["id"] for r in store.list_stories()]
    searched = [r["id"] for r in store.search_stories()[0]]
    assert listed == searched == ["s-c", "s-a", "s-b"]
    assert [r["id"] for r in store.list_stories(sort="size")] == [r["id"] for r in store.search_stories(sort="size")[0]]


def test_a_name_finds_the_stories_that_spell_it_another_way(tmp_path: Path) -> None:
    from storyline.records import Brief, Entity

    store = SQLiteStore(tmp_path / "s.db")
    people = {"s1": Entity(id="person:moammar-gadhafi", name="Moammar Gadhafi", label="PERSON", aliases=("Gadhafi",)),
              "s2": Entity(id="person:muammar-gaddafi", name="Muammar Gaddafi", label="PERSON", aliases=("Gaddafi",)),
              "s3": Entity(id="person:ali-hassan", name="Ali Hassan", label="PERSON"),
              "s4": Entity(id="person:ali-hussein", name="Ali Hussein", label="PERSON"),
              "s5": Entity(id="person:bernie-sanders", name="Bernie Sanders", label="PERSON", aliases=("Sanders",)),
              "s6": Entity(id="person:jane-saunders", name="Jane Saunders", label="PERSON", aliases=("Saunders",))}
    with store.transaction() as c:
        for sid in people:
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)", (sid,))
    for sid, e in people.items():
        store.put_brief(Brief(story_id=sid, headline=f"{e.name} story", entities=(e,)))

    def found(name: str) -> set[str]:
        return {r["id"] for r in store.search_stories(entity=name)[0]}

    for spelling in ("Qaddafi", "Gaddafi", "gadhafi", "Muammar Qaddafi", "Col. Moammar Gadhafi"):
        assert found(spelling) == {"s1", "s2"}, spelling
    assert found("Ali Hussein") == {"s4"}            # sounds alike, another name
    assert found("Sanders") == {"s5"} and found("Saunders") == {"s6"}   # two common family names
    page = store.get_entity("Gaddafi")
    assert page is not None and {s["id"] for s in page["stories"]} == {"s1", "s2"}
    assert {"Moammar Gadhafi", "Muammar Gaddafi"} <= {page["name"], *page["aliases"]}


def test_a_one_letter_last_word_is_searched_as_a_word_not_as_a_prefix(tmp_path: Path) -> None:
    from storyline.records import Brief

    store = SQLiteStore(tmp_path / "s.db")
    heads = {"s1": "Eels return to the estuary", "s2": "Election night in Everby", "s3": "Route é reopens"}
    with store.transaction() as c:
        for sid in heads:
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)", (sid,))
    for sid, head in heads.items():
        store.put_brief(Brief(story_id=sid, headline=head))
    assert SQLiteStore.fts_query("é") == '"e"' and SQLiteStore.fts_query("estu") == '"estu"*'   # (folded: ``search_fold``)
    assert {r["id"] for r in store.search_stories(q="é")[0]} == {"s3"}
    assert {r["id"] for r in store.search_stories(q="estu")[0]} == {"s1"}   # a longer last word is a prefix still
    store.close()



def test_a_word_inside_a_run_of_chinese_or_japanese_is_found(tmp_path: Path) -> None:
    """Chinese and Japanese are written without spaces between words, and FTS5's unicode61 took a whole
    run for one word: "北京" found nothing in "今天北京下大雨". Each Han or kana letter is a word of the
    index, and a query's run of them a phrase: found inside a run, in order only; a store of schema 10
    is folded so when opened."""
    from storyline.records import Brief, SummarySentence

    db = tmp_path / "cjk.db"
    store = SQLiteStore(db)
    briefs = {"s1": ("今天北京下大雨", "市民出行受阻，地铁停运。"), "s2": ("大阪で地震", "昨日の朝、大阪府で強い地震がありました。"),
              "s3": ("Ferry returns to Oldmere", "The ferry ran again.")}
    with store.transaction() as c:
        for sid in briefs:
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)", (sid,))
    for sid, (head, summary) in briefs.items():
        store.put_brief(Brief(story_id=sid, headline=head, summary=(SummarySentence(text=summary),)))
    found = lambda q: sorted(r["id"] for r in store.search_stories(q=q)[0])  # noqa: E731
    assert found("北京") == found("地铁") == found("下大雨") == ["s1"]
    assert found("地震") == found("大阪府") == found("強い") == ["s2"] and found("大") == ["s1", "s2"]
    assert found("京北") == found("京都") == [] and found("ferry") == ["s3"] and found("地震 -大阪") == []
    store.close()
    c = sqlite3.connect(db)   # the rows as schema 10 wrote them: each run one word
    c.execute("UPDATE stories_fts SET headline = '今天北京下大雨' WHERE story_id = 's1'")
    c.execute("PRAGMA user_version = 10")
    c.commit()
    c.close()
    store = SQLiteStore(db)
    assert store.schema_version == len(MIGRATIONS) and found("北京") == ["s1"]
    store.close()

def test_an_entity_lists_stories_updated_together_by_how_many_articles_name_it(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    with store.transaction() as c:
        for sid, named in (("s-a", 1), ("s-b", 5), ("s-c", 3)):
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) "
                      "VALUES (?, 'x', '2031-03-06T10:00:00', 6, 0)", (sid,))
            c.execute("INSERT INTO story_entities (story_id, entity_id, name, label, articles) "
                      "VALUES (?, 'person:orla-venn', 'Orla Venn', 'PERSON', ?)", (sid, named))
    page = store.get_entity("Orla Venn")
    assert page is not None and [s["id"] for s in page["stories"]] == ["s-b", "s-c", "s-a"]
    store.close()


def test_cached_analyses_are_stored_compressed_and_plain_rows_of_an_older_store_still_read(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    a, b = Article(text="The ferry left Port Alder at noon."), Article(text="The ferry reached Grey Isle.")
    store.add_articles([a, b])
    analysis = {"sentences": [[0, 34]] * 200, "entities": [{"text": "Port Alder", "label": "LOC"}] * 200}
    store.put_analyses({a.id: analysis}, "v1")
    raw = sqlite3.connect(tmp_path / "s.db").execute("SELECT json FROM analyses WHERE article_id = ?", (a.id,)).fetchone()[0]
    assert len(raw) * 4 < len(json.dumps(analysis))            # far smaller than its JSON text
    with sqlite3.connect(tmp_path / "s.db") as c:                # a row written by an older version: plain text
        c.execute("INSERT INTO analyses (article_id, version, json) VALUES (?, ?, ?)", (b.id, "v1", json.dumps({"old": True})))
    assert store.get_analyses([a.id, b.id], "v1") == {a.id: analysis, b.id: {"old": True}}


def test_a_story_id_prefix_is_looked_up_in_the_index_not_row_by_row(tmp_path: Path) -> None:
    """The server asks ``find_stories`` of every story id it does not hold: a range of the primary key,
    which reads a few rows of thousands (LIKE read them all); the first characters in capitals too."""
    store = SQLiteStore(tmp_path / "s.db")
    conn = store._conn()
    with conn:
        conn.executemany("INSERT INTO stories (id, first_seen, updated, size) VALUES (?, '2024-05-01', '2024-05-01', 1)",
                         [(f"s-{k:012x}",) for k in range(0, 5000 * 4099, 4099)])
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 50)
    assert store.find_stories("ffff") == [] and store.find_stories("S-0000000010") == ["s-000000001003"]
    conn.set_progress_handler(None, 0)
    assert steps[0] < 100, steps[0]
    assert store.find_stories("s-00000000") == [f"s-{k:012x}" for k in range(0, 10 * 4099, 4099)]
    store.close()


def test_the_groupings_state_is_saved_as_it_is_and_a_base64_state_of_an_older_store_still_loads(tmp_path: Path) -> None:
    # the state holds the latent basis (tens of MB): its base64 text and the text's copy had cost
    # 2.7x its size in memory at every save
    import base64
    import tracemalloc

    store = SQLiteStore(tmp_path / "s.db")
    size = 4_000_000
    blob = os.urandom(size)
    tracemalloc.start()
    try:
        store.save_grouping(globals_blob=blob, assignments={}, duplicates={}, states={}, closed=[], sigs={},
                            events=[])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size / 2, f"{peak:,} bytes allocated to save {size:,}"
    assert store.load_grouping()[0] == blob
    with store.transaction() as c:  # as a store written before kept it
        c.execute("UPDATE kv SET value = ? WHERE key = 'grouping.globals'", (base64.b64encode(blob).decode("ascii"),))
    assert store.load_grouping()[0] == blob


def _store_of_schema_8(db: Path) -> None:
    """A store as schema 8 wrote it: its search rows as the briefs write them ("Straßenbahn"), not folded."""
    from storyline.records import Brief, Entity

    store = SQLiteStore(db)
    rows = {"s1": ("Zürich's Straßenbahn halts", "Trams in Zürich stopped.", "Łucja Ørsted"),
            "s2": ("Ferry returns to Oldmere", "The ferry ran again.", "")}
    with store.transaction() as c:
        for sid in rows:
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)", (sid,))
    store.put_brief(Brief(story_id="s1", headline=rows["s1"][0],
                          entities=(Entity(id="person:lo", name="Łucja Ørsted", label="PERSON"),)))
    store.put_brief(Brief(story_id="s2", headline=rows["s2"][0]))
    store.close()
    c = sqlite3.connect(db)   # the rows as the store of schema 8 wrote them: not folded
    for sid, (head, summary, names) in rows.items():
        c.execute("UPDATE stories_fts SET headline = ?, summary = ?, entities = ? WHERE story_id = ?",
                  (head, summary, names, sid))
    c.execute("PRAGMA user_version = 8")
    c.commit()
    c.close()


def test_a_store_of_the_schema_before_folded_search_is_folded_in_place(tmp_path: Path) -> None:
    """A store written before the search index was folded (schema 8: its rows as the briefs write them,
    "Straßenbahn") is migrated when opened: every story's search row folded in place, so that
    "strassenbahn" finds it there too; nothing else is touched."""
    db = tmp_path / "old.db"
    _store_of_schema_8(db)
    store = SQLiteStore(db)
    assert store.schema_version == len(MIGRATIONS) >= 9
    found = lambda q: [r["id"] for r in store.search_stories(q=q)[0]]  # noqa: E731
    assert found("strassenbahn") == found("ZURICH") == found("lucja orsted") == found("Straßenbahn") == ["s1"]
    assert found("oldmere") == ["s2"]
    assert [tuple(r) for r in store._conn().execute(
        "SELECT headline, summary, entities FROM stories_fts WHERE story_id = 's1'")] == [
        ("zurich's strassenbahn halts", "trams in zurich stopped.", "lucja orsted")]
    store.close()


def _cannot_write(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    """Make ``db`` a file this process cannot write, as another user's is (``os.access`` says so; the
    tests may run as root, who can write any file)."""
    real = os.access
    monkeypatch.setattr("storyline.store.sqlite.os.access",
                        lambda p, mode, **kw: False if Path(p) == db and mode & os.W_OK else real(p, mode, **kw))


def test_an_older_store_that_cannot_be_written_is_read_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader who cannot write a store of an older schema (another user's file) reads it: where only
    its rows' folding is behind (schemas 9 and 10), as it is, nothing written, the search finding its
    words as written too; where its tables are behind, a StoreError says what to do, not SQLite's
    "attempt to write a readonly database"."""
    db = tmp_path / "old.db"
    _store_of_schema_8(db)
    before = db.read_bytes()
    _cannot_write(monkeypatch, db)
    with pytest.raises(StoreError, match="is read-only"):   # (a command that writes is refused at once)
        SQLiteStore(db)
    store = SQLiteStore(db, readonly=True)
    assert store.schema_version == 8
    found = lambda q: [r["id"] for r in store.search_stories(q=q)[0]]  # noqa: E731
    assert found("Straßenbahn") == found("zurich") == found("Ørsted") == ["s1"]
    assert found("ferry -Straßenbahn") == found("oldmere") == ["s2"]
    assert [r["id"] for r in store.list_stories()] == ["s2", "s1"] and store.get_brief("s1") is not None
    with pytest.raises(StoreError, match="is read-only"):
        store.mark_dirty(["s1"])
    store.close()
    assert db.read_bytes() == before
    c = sqlite3.connect(db)
    c.execute("PRAGMA user_version = 7")   # (schema 8 adds a table)
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="older storyline .*schema 7.*cannot be written.*as a user who can write it"):
        SQLiteStore(db, readonly=True)


def test_a_store_of_schema_10_that_cannot_be_written_finds_its_chinese_runs_as_they_are_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store of schema 10 read as it is holds each run of Han or kana as one word ("今天北京下大雨"):
    the query's letters, one word each from schema 11 on, found nothing there, not even the whole run
    that schema 10 itself found; they are looked for as that row holds them too."""
    from storyline.records import Brief, SummarySentence

    db = tmp_path / "s10.db"
    store = SQLiteStore(db)
    with store.transaction() as c:
        c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s1', 'x', 'x', 1, 0)")
    store.put_brief(Brief(story_id="s1", headline="Tokyo 今天北京下大雨", summary=(SummarySentence(text="ラーメン店"),)))
    store.close()
    c = sqlite3.connect(db)
    c.execute("UPDATE stories_fts SET headline = 'tokyo 今天北京下大雨', summary = 'ラーメン店'")
    c.execute("PRAGMA user_version = 10")
    c.commit()
    c.close()
    _cannot_write(monkeypatch, db)
    store = SQLiteStore(db, readonly=True)
    found = lambda q: [r["id"] for r in store.search_stories(q=q)[0]]  # noqa: E731
    assert found("今天北京下大雨") == found("Tokyo 今天北京") == found("ラーメン") == ["s1"]
    assert found("ferry") == [] and store.schema_version == 10
    store.close()


def test_a_store_read_as_immutable_is_read_again_once_its_owner_has_written_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store another user writes, in a folder this reader cannot write and opened while no one wrote
    it, is read as immutable: its owner's later writes went unseen for good (the old count of stories),
    or its pages were mixed with those cached ("database disk image is malformed"); the connection is
    opened again once the file has changed, and its data_version changes with it."""
    db = tmp_path / "s.db"
    store = SQLiteStore(db)
    with store.transaction() as c:
        c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s0', 'x', 'x', 1, 0)")
    store.close()
    _cannot_write(monkeypatch, db)
    real_open = SQLiteStore._open

    class NoShm:   # (what SQLite answers a reader of a WAL store whose PATH-shm it cannot make)
        def execute(self, *args: Any) -> None:
            raise sqlite3.OperationalError("unable to open database file")

        def close(self) -> None:
            pass

    def open_in_a_folder_it_cannot_write(self: SQLiteStore, uri_query: str = "") -> Any:
        no_shm = uri_query == "mode=ro" and not Path(f"{db}-shm").exists()
        return NoShm() if no_shm else real_open(self, uri_query)

    monkeypatch.setattr(SQLiteStore, "_open", open_in_a_folder_it_cannot_write)
    reader = SQLiteStore(db, readonly=True)
    assert reader.count_stories() == 1
    seen = reader.data_version()
    owner = sqlite3.connect(db)   # (the owner's `storyline ingest`: WAL, its log checkpointed at its close)
    owner.executemany("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)",
                      [(f"s{i}",) for i in range(1, 400)])
    owner.commit()
    owner.close()
    assert not Path(f"{db}-wal").exists()
    assert reader.count_stories() == 400 and reader.data_version() != seen
    reader.close()
