"""The command line as a user drives it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from typer.testing import CliRunner

import storyline

from storyline.serve.cli import app

runner = CliRunner()


def run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


def test_help_answers() -> None:
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for cmd in ("ingest", "stories", "brief", "rebuild"):
        assert cmd in r.output
    r = runner.invoke(app, ["brief", "--help"])
    assert "--format" in r.output and "--words" in r.output


def test_the_command_line_starts_without_loading_scikit_learn() -> None:
    """Listing stories or printing a stored brief needs no machine learning library: the command line
    and the store import none (scikit-learn and SciPy cost every command about a second at start),
    and the stop words the summary's tokens use are still scikit-learn's list."""
    import subprocess
    import sys

    code = ("import sys, storyline.serve.cli; from storyline.consolidate.summary_text import STOP; "
            "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules), 'whereupon' in STOP)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "True"]
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from storyline.consolidate.stopwords import ENGLISH_STOP_WORDS as KEPT

    assert KEPT == ENGLISH_STOP_WORDS


def test_ingest_shows_each_step_with_its_own_bar(tmp_path: Path) -> None:
    """The progress shows reading (each article as it is read, not a batch of 500 at once, and the bytes
    of the inputs read of their total), the grouping (a step of its own, its clock running while it
    groups, with the clusterer's step and count: "grouping into stories: placing articles 4/4", then
    "saving") and the briefs, each with its count and time."""
    from storyline.pipeline import ingest_articles
    from storyline.store.sqlite import SQLiteStore

    heard: list[int] = []
    articles = [storyline.Article(text=f"The ferry to Oldmere ran {n} times on Sunday.", title=f"Ferry {n}")
                for n in range(5)]
    ingest_articles(SQLiteStore(tmp_path / "p.db"), articles, batch_size=2, progress=heard.append)
    assert heard == [1, 1, 1, 1, 1]
    texts = ["Keepers at Varnholt zoo named the new snow leopard cub Pemba after a public vote.",
             "The snow leopard cub Pemba took her first steps outside at Varnholt zoo, keepers said.",
             "Tolbrook council voted to close the Ashgate library branch from March to save money.",
             "Readers protested outside the Ashgate library after Tolbrook council voted to close it."]
    for n, text in enumerate(texts):
        (tmp_path / f"item{n}.txt").write_text(text)
    r = run(tmp_path / "s.db", "ingest", *(str(tmp_path / f"item{n}.txt") for n in range(len(texts))))
    lines = [ln.split() for ln in r.output.splitlines()]
    steps = {" ".join(w[:2]): w[-1] for w in lines if w[:2] in (["reading", "articles"], ["updating", "stories"])}
    assert {k: v.count(":") for k, v in steps.items()} == {"reading articles": 2, "updating stories": 2}
    # the articles read and the bytes of the files, of their total (known before the reading: its time left)
    size = sum((tmp_path / f"item{n}.txt").stat().st_size for n in range(len(texts)))
    reading = next(w for w in lines if w[:2] == ["reading", "articles"])
    assert reading[3:7] == ["4", "read,", f"{size}/{size}", "B"]   # (after the bar)
    grouping = next(w for w in lines if w[:3] == ["grouping", "into", "stories:"])
    # its last step, the stories saved (seconds for thousands of articles): a step of one piece, its clock
    assert grouping[3] == "saving" and grouping[5].count(":") == 2


def test_a_running_bar_tells_the_time_it_has_left() -> None:
    """At ten briefs a second with 300 to go: "0:30 left"; nothing for a step whose total is unknown
    or that is done."""
    from rich.progress import Progress

    from storyline.serve.cli import _TimeLeft

    now = [0.0]
    bars = Progress(_TimeLeft(), get_time=lambda: now[0], disable=True)
    briefs, reading = bars.add_task("briefs", total=400), bars.add_task("reading", total=None)
    for second in range(1, 11):
        now[0] = float(second)
        bars.advance(briefs, 10)
        bars.advance(reading, 10)
    left = _TimeLeft()
    assert [str(left.render(bars.tasks[t])) for t in (briefs, reading)] == ["0:30 left", ""]
    bars.update(briefs, completed=400)
    assert str(left.render(bars.tasks[briefs])) == ""


def test_a_grouping_step_of_one_piece_shows_its_clock_not_a_count() -> None:
    """The grouping's steps on one bar: "placing articles 300/1200"; a fit of the latent basis (one
    piece: 0 of 1, then 1 of 1) shows "fitting topics" and its clock, not "0/1"."""
    from rich.progress import Progress

    from storyline.serve.cli import _Count, _grouping_steps

    bars = Progress(_Count(), disable=True)
    task = bars.add_task("grouping into stories", total=None, counted=False)
    hook = _grouping_steps(bars, task)
    shown = []
    for step, done, total in (("placing articles", 300, 1200), ("fitting topics", 0, 1), ("fitting topics", 1, 1),
                              ("merging stories", 2, 9)):
        hook(step, done, total)
        shown.append((bars.tasks[task].description, str(_Count().render(bars.tasks[task])).strip()))
    assert shown == [("grouping into stories: placing articles", "300/1200"), ("grouping into stories: fitting topics", ""),
                     ("grouping into stories: fitting topics", ""), ("grouping into stories: merging stories", "2/9")]


def test_a_warning_many_articles_share_is_counted_after_the_first_few(tmp_path: Path) -> None:
    """Four teasers of a feed file: three warnings named, then "and 1 more article" (not "articles")."""
    items = "".join(f"<item><title>Weir {k} stays shut</title><link>https://t.example/{k}</link><description>The "
                    f"river authority said repairs to weir {k} would take months.</description></item>" for k in range(4))
    (tmp_path / "feed.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Town News</title>'
                                       f"{items}</channel></rss>", encoding="utf-8")
    r = run(tmp_path / "f.db", "ingest", "-q", str(tmp_path / "feed.rss"))
    assert r.exit_code == 0, r.output
    assert r.output.count("likely a teaser") == 4 and "warning and 1 more article: a feed item" in r.output


def test_seeds_ingest_and_json_brief(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "s.db"
    r = run(db, "ingest", "-q", str(seeds_dir))
    assert r.exit_code == 0, r.output
    assert "3 new, 0 already stored, 0 failed" in r.output
    r = run(db, "ingest", "-q", str(seeds_dir))
    assert r.exit_code == 0 and "0 new, 3 already stored" in r.output
    r = run(db, "brief", "--format", "json")
    assert r.exit_code == 0, r.output
    brief = json.loads(r.output)
    arts = {a["title"] or a["id"]: a for a in brief["articles"]}
    undated = arts.pop("Kim Jong Un makes 4th visit to China in a year")
    assert sorted(a["published"] for a in arts.values()) == ["2019-01-09", "2019-01-10"]
    assert not any(a["published_inferred"] for a in arts.values())
    # the undated report gets a date inferred from its own words ("Tuesday", "Jan. 7-10")
    assert undated["published"] == "2019-01-08" and undated["published_inferred"] is True
    assert brief["summary"]
    for s in brief["summary"]:
        assert s["citations"] and s["article_id"] in {c["article_id"] for c in s["citations"]}


def _dam_reports(first: Path, second: Path) -> None:
    """Two short reports of one invented event, one in each folder."""
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text("date 2024-05-02\nSource: Tarnby Post\nTarnby dam opens\n"
                                 "The new Tarnby dam opened on Thursday after six years of building. "
                                 "Engineer Olga Brisk said the lake would fill by June.")
    (second / "b.txt").write_text("date 2024-05-03\nSource: Vell Herald\nLake fills behind Tarnby dam\n"
                                  "Water began to fill the lake behind the Tarnby dam on Friday, engineer "
                                  "Olga Brisk said.")


def test_a_run_that_groups_the_whole_store_again_says_so(tmp_path: Path) -> None:
    # a store of under a hundred articles is grouped again at each run: the stories of earlier runs
    # can be joined or parted, which the list of the stories updated does not tell
    first, second = tmp_path / "first", tmp_path / "second"
    _dam_reports(first, second)
    db = tmp_path / "s.db"
    r = run(db, "ingest", "-q", str(first))
    assert r.exit_code == 0 and "grouped the store's" not in r.output.lower()  # a first run groups only its own
    r = run(db, "ingest", "-q", str(second))
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    assert "Grouped the store's 2 articles again" in said and "1 story before" in said


def test_a_reader_that_stops_reading_ends_a_command_in_silence_with_141_not_1(tmp_path: Path) -> None:
    """`storyline stories | head`: the pipe closed under a command ends it as SIGPIPE ends a Unix tool
    (exit 141, nothing on stderr), whichever way it writes (a table, JSON, Markdown), never with 1,
    which says that some inputs failed."""
    import os
    import subprocess
    import sys

    _dam_reports(tmp_path / "first", tmp_path / "second")
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(tmp_path / "first"), str(tmp_path / "second")).exit_code == 0
    for args in (["stories"], ["stories", "--format", "json"], ["brief", "--format", "md"], ["brief"]):
        read, write = os.pipe()
        os.close(read)   # the reader is gone before the first line
        try:
            done = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), *args], stdout=write,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
        finally:
            os.close(write)
        assert (done.returncode, done.stderr) == (141, ""), args


def test_the_time_left_is_told_at_the_whole_runs_pace_and_grows_while_a_step_lasts() -> None:
    """The briefs of an ingest differ in cost: the time left is the whole run's pace applied to what is
    left (steady), not the last seconds' (it swung 3x), and it grows while a long step runs."""
    from rich.progress import Progress

    from storyline.serve.cli import _TimeLeft

    now = [0.0]
    bars = Progress(_TimeLeft(), get_time=lambda: now[0], disable=True)
    task = bars.add_task("updating stories", total=100)
    now[0] = 40.0
    bars.advance(task, 50)

    def told(at: float) -> str:
        now[0] = at
        return str(_TimeLeft().render(bars.tasks[0]))

    assert told(100.0) == "1:40 left" and told(160.0) == "2:40 left"
    bars.advance(task, 50)
    assert told(170.0) == ""


def test_a_grouping_step_taken_up_again_tells_its_time_left_at_its_own_pace() -> None:
    """The grouping places articles between merge passes: "placing articles" comes back at 1000 of 2876
    with its clock started again. Its time left is the pace since then, not 1000 articles in a second
    ("0:00 left" for a step that had a minute to go)."""
    from rich.progress import Progress

    from storyline.serve.cli import _grouping_steps, _TimeLeft

    now = [0.0]
    bars = Progress(_TimeLeft(), get_time=lambda: now[0], disable=True)
    task = bars.add_task("grouping into stories", total=None, counted=False)
    hook = _grouping_steps(bars, task)
    hook("placing articles", 100, 2876)
    now[0] = 30.0
    hook("placing articles", 1000, 2876)
    hook("merging stories", 5, 10)
    now[0] = 40.0
    hook("placing articles", 1000, 2876)   # taken up again where it stood
    now[0] = 50.0
    hook("placing articles", 1100, 2876)   # 100 articles in 10 s: 1776 more take about three minutes
    assert str(_TimeLeft().render(bars.tasks[task])) == "2:57 left"


def test_help_read_by_a_reader_that_stops_reading_ends_in_silence_with_141_not_1() -> None:
    """`storyline --help | head -3`: the help text, which Typer writes with a console of its own, ends
    as every other command does when its reader is gone (exit 141, nothing on stderr), not with 1."""
    import os
    import subprocess
    import sys

    for args in (["--help"], ["ingest", "--help"]):
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run([sys.executable, "-m", "storyline", *args], stdout=write,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
        finally:
            os.close(write)
        assert (done.returncode, done.stderr) == (141, ""), args


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2_not_a_traceback(tmp_path: Path) -> None:
    """`storyline brief > /dev/full` (a full disk): one line naming the output and the problem, exit 2,
    as a --out file that cannot be written, whichever way the command writes (a table, JSON, Markdown)."""
    import os
    import subprocess
    import sys

    import pytest

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    _dam_reports(tmp_path / "first", tmp_path / "second")
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(tmp_path / "first"), str(tmp_path / "second")).exit_code == 0
    for args in (["stories"], ["stories", "--format", "json"], ["brief", "--format", "md"], ["brief"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), *args], stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
        assert (done.returncode, done.stderr.strip()) == \
            (2, "error: cannot write standard output: No space left on device"), args


def test_a_page_of_stories_says_which_of_them_it_lists(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for k, text in enumerate(["Orvik bridge opens\nThe steel bridge over the Orvik fjord opened to traffic, "
                              "engineer Pia Lund said. Ferries will stop.",
                              "Lunde mill burns\nFire destroyed the old grain mill at Lunde overnight; "
                              "firefighter Odd Rask said nobody was hurt.",
                              "Sarby school closes\nPupils of Sarby will travel to Veld after the village "
                              "school closed for lack of teachers, headmistress Kari Holm said."]):
        (src / f"{k}.txt").write_text(f"date 2024-0{2 * k + 1}-10\n{text}")
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(src)).exit_code == 0
    assert "3 stories in" in run(db, "stories").output
    assert "stories 2-3 of 3 in" in run(db, "stories", "--offset", "1").output
    assert "story 1 of 3 in" in run(db, "stories", "--limit", "1").output
    said = " ".join(run(db, "stories", "--from", "2024-01-01", "--offset", "2").output.split())
    assert "story 3 of 3 that match, of 3 stories in" in said


def test_exit_code_1_when_some_inputs_fail(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("date 2024-01-02\nA good article about the river flood. Water rose fast.")
    (src / "broken.jsonl").write_text('{"title": "Flood", "text": "The river')
    r = run(tmp_path / "s.db", "ingest", "-q", str(src))
    assert r.exit_code == 1
    assert "1 new" in r.output and "1 failed" in r.output and "broken.jsonl:1: invalid JSON" in r.output


def test_pages_that_hold_no_article_are_left_aside_not_failed(tmp_path: Path) -> None:
    """An empty file, a cookie wall, a record with an empty text: read well, no article in them. They are
    named and counted apart ("left aside"), and an ingest that meets only these besides its articles
    succeeds (exit 0); an input that cannot be read still fails it."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("date 2024-01-02\nA good article about the river flood. Water rose fast.")
    (src / "empty.txt").write_text("")
    (src / "wall.txt").write_text("Our website stores cookies on your device. You can change your cookie "
                                  "settings in your browser at any time. Accept and continue")
    (src / "more.jsonl").write_text('{"title": "Blank", "text": "  "}\n')
    r = run(tmp_path / "s.db", "ingest", "-q", str(src))
    said = " ".join(r.output.split())
    assert r.exit_code == 0, r.output
    assert "1 new" in said and "3 left aside (not an article), 0 failed" in said
    assert f"left aside {src / 'wall.txt'}: no article text: a cookie notice" in said
    assert f"left aside {src / 'empty.txt'}: empty file" in said and f"{src / 'more.jsonl'}:1: empty 'text'" in said
    (src / "broken.jsonl").write_text('{"text": "The river')
    again = run(tmp_path / "s.db", "ingest", "-q", str(src))
    assert again.exit_code == 1 and "1 failed" in again.output


def test_ctrl_c_says_the_work_done_is_kept_and_how_to_finish(tmp_path: Path, monkeypatch) -> None:
    import storyline.pipeline

    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(storyline.pipeline, "ingest_paths", stopped)
    (tmp_path / "a.txt").write_text("date 2024-01-02\nThe ferry to Ostrin sailed late. Fog was thick.")
    r = run(tmp_path / "s.db", "ingest", "-q", str(tmp_path / "a.txt"))
    said = " ".join(r.output.split())
    assert r.exit_code == 130
    assert said.startswith("interrupted: the work done so far is kept") and "run the same command again" in said


def test_a_file_named_in_latin_1_is_stored_under_a_name_shown_with_escapes(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-news.txt"), "wb") as fh:   # no UTF-8 name
        fh.write(b"date 2024-05-05\nThe cafe in Lorbury reopened on Monday after a fire. Guests came back.")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.json"), "wb") as fh:
        fh.write(b"[")
    r = run(tmp_path / "s.db", "ingest", "-q", str(folder))
    said = " ".join(r.output.split())
    assert r.exit_code == 1 and "1 new" in said and "bad\\xff.json:1: invalid JSON" in said
    stored = json.loads(run(tmp_path / "s.db", "brief", "--format", "json").output)["articles"]
    assert [a["source"] for a in stored] == ["caf\\xe9-news"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    r = run(tmp_path / "s.db", "brief", "--format", "pdf")
    assert r.exit_code == 2
    r = run(tmp_path / "s.db", "brief", "no-such-story")
    assert r.exit_code == 2


def test_html_escapes_article_text(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    evil = "<script>alert('x')</script>"
    rows = [{"id": f"e{i}", "title": f"Title {evil} {i}", "published": "2024-03-0" + str(i + 1),
             "text": f"The council said {evil} was found on the site on Monday. Officials closed the site "
                     f"for inspection number {i}."} for i in range(3)]
    src.write_text("\n".join(json.dumps(r) for r in rows))
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(src)).exit_code == 0
    out = tmp_path / "b.html"
    r = run(db, "brief", "--format", "html", "--out", str(out))
    assert r.exit_code == 0, r.output
    html = out.read_text()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    md = run(db, "brief", "--format", "md")
    assert md.exit_code == 0 and "## Summary" in md.output


def test_words_option_changes_length(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "s.db"
    run(db, "ingest", "-q", str(seeds_dir))
    short = json.loads(run(db, "brief", "--format", "json", "--words", "40").output)
    long = json.loads(run(db, "brief", "--format", "json", "--words", "150").output)
    # the budget counts the articles' own words (a resolved date may be added in brackets)
    texts = {a.id: a.text for a in map(storyline.read_article, sorted(seeds_dir.glob("*.txt")))}
    spans = lambda b: sum(len(texts[s["article_id"]][s["start"]:s["end"]].split()) for s in b["summary"])  # noqa: E731
    assert spans(short) <= 40 < spans(long) <= 150


def test_rebuild_briefs_with_new_settings_keeps_stories(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    db = tmp_path / "r.db"
    assert run(db, "ingest", "-q", str(examples)).exit_code == 0
    before = json.loads(run(db, "brief", "--format", "json").output)
    rows = storyline.store.sqlite.SQLiteStore(db).list_stories()
    r = runner.invoke(app, ["--db", str(db), "rebuild", "-q"], env={"STORYLINE_SUMMARY_WORDS": "40"})
    assert r.exit_code == 0, r.output
    assert "1 brief rebuilt" in r.output
    after = json.loads(run(db, "brief", "--format", "json").output)
    asked = json.loads(run(db, "brief", "--words", "40", "--format", "json").output)
    assert after["summary"] == asked["summary"] and len(after["summary"]) < len(before["summary"])
    assert after["story_id"] == before["story_id"] and len(after["articles"]) == len(before["articles"])
    assert storyline.store.sqlite.SQLiteStore(db).list_stories() == rows   # no story looks updated
    r = run(db, "rebuild", "-q", "s-nope")
    assert r.exit_code == 2 and "no story" in r.output


def test_stories_search_entity_and_dates(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "s.db"
    examples = Path(__file__).resolve().parents[1] / "examples"
    assert run(db, "ingest", "-q", str(seeds_dir), str(examples)).exit_code == 0
    everything = run(db, "stories")
    assert "2 stories in" in everything.output
    from storyline.store.sqlite import SQLiteStore

    st = SQLiteStore(db)
    ids = {("train" if "Brennick" in (r["title"] or "") else "kim"): r["id"] for r in st.list_stories()}
    st.close()
    train, kim = ids["train"], ids["kim"]
    r = run(db, "stories", "--search", "ammonia")
    assert r.exit_code == 0 and "1 of 2 stories" in r.output and train in r.output and kim not in r.output
    r = run(db, "stories", "-s", "ammon")          # the last word is a prefix
    assert "1 of 2 stories" in r.output
    r = run(db, "stories", "-s", "ammonia OR Pyongyang")
    assert "2 of 2 stories" in r.output
    r = run(db, "stories", "--entity", "lu kang")
    assert "1 of 2 stories" in r.output and kim in r.output and train not in r.output
    r = run(db, "stories", "--from", "2025-01-01")
    assert "1 of 2 stories" in r.output and train in r.output
    r = run(db, "stories", "--to", "2019-12-31", "--from", "2019-01-01")
    assert "1 of 2 stories" in r.output and kim in r.output and train not in r.output
    r = run(db, "stories", "-s", "volcano")
    assert r.exit_code == 0 and "No story matches, of 2 stories" in r.output
    listed = json.loads(run(db, "stories", "-s", "ammonia", "--format", "json").output)
    assert listed["total"] == 1 and [x["id"] for x in listed["items"]] == [train]
    assert listed["items"][0]["size"] == 5 and "ammonia" in listed["items"][0]["summary"]
    every = json.loads(run(db, "stories", "-f", "json", "--limit", "1").output)
    assert every["total"] == 2 and len(every["items"]) == 1
    # the page has the shape of GET /api/stories: one parser reads both
    assert {"total", "limit", "offset", "items"} <= set(every) and every["limit"] == 1
    assert {"id", "title", "size", "first_seen", "updated"} <= set(every["items"][0])
    r = run(db, "stories", "--entity", "Lu", "-f", "json")  # a spelling the brief lists finds the story
    assert [x["id"] for x in json.loads(r.output)["items"]] == [kim]
    assert run(db, "stories", "-f", "xml").exit_code == 2
    r = run(db, "stories", "--from", "2019-02-30")
    assert r.exit_code == 2 and "--from '2019-02-30' is not a day" in r.output


def test_stories_entity_finds_a_name_written_without_its_accents(tmp_path: Path) -> None:
    # `--entity "ines kjaer"` finds the story whose brief names Inès Kjær (folded as `--search` is)
    from storyline.records import Brief, Entity
    from storyline.store.sqlite import SQLiteStore

    db = tmp_path / "s.db"
    st = SQLiteStore(db)
    with st.transaction() as c:
        for sid in ("s-vote", "s-port"):
            c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES (?, 'x', 'x', 1, 0)", (sid,))
    st.put_brief(Brief(story_id="s-vote", headline="Vote in Varnel",
                       entities=(Entity(id="p-kjaer", name="Inès Kjær", label="PERSON", mentions={"a": 1}),)))
    st.put_brief(Brief(story_id="s-port", headline="Port of Kelvar reopens"))
    st.close()
    for name in ("ines kjaer", "INES KJAER", "Inès Kjær"):
        r = run(db, "stories", "--entity", name, "-f", "json")
        assert r.exit_code == 0, r.output
        assert [x["id"] for x in json.loads(r.output)["items"]] == ["s-vote"], name


def test_a_date_range_written_backwards_is_a_usage_error_not_an_empty_list(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2024-03-02\nThe ferry to Ostrin sailed late on Friday. Fog was thick.")
    assert run(tmp_path / "s.db", "ingest", "-q", str(tmp_path / "a.txt")).exit_code == 0
    r = run(tmp_path / "s.db", "stories", "--from", "2024-03-31", "--to", "2024-03-01")
    assert r.exit_code == 2 and "--from (2024-03-31) is after --to (2024-03-01)" in " ".join(r.output.split())
    assert run(tmp_path / "s.db", "stories", "--from", "2024-03-01", "--to", "2024-03-31").exit_code == 0


def test_an_undated_page_is_noted_and_its_source_line_does_not_repeat_its_title(tmp_path: Path) -> None:
    page = tmp_path / "park.html"
    page.write_text("<html><head><title>Council approves new park in Riverton</title></head><body><article>"
                    "<h1>Council approves new park in Riverton</h1><p>The Riverton city council voted on "
                    "Wednesday to approve a new 12-acre park on the site of the former paper mill, council "
                    "members said.</p><p>Councilman Tom Baker said the city had more urgent needs and that the "
                    "money should go to road repairs.</p></article></body></html>", encoding="utf-8")
    db = tmp_path / "s.db"
    r = run(db, "ingest", "-q", str(page))
    assert r.exit_code == 0 and "1 new article has no publication date" in " ".join(r.output.split())
    md = run(db, "brief", "-f", "md").output
    sources = md.split("## Sources", 1)[1].strip().splitlines()
    assert sources == ["1. Council approves new park in Riverton (undated)"]


def test_a_source_line_names_the_outlet_and_date_and_never_repeats_the_title(tmp_path: Path) -> None:
    arts = [{"id": f"d{i}", "title": f"Varn dam gates opened after rain ({i})", "published": "2024-03-05",
             "source": "Varn Post" if i else None,
             "text": "The gates of the Varn dam were opened on Monday after three days of heavy rain, the "
                     "regional water board said. Water board chief Tom Brae said the town was safe."}
            for i in range(2)]
    p = tmp_path / "dam.jsonl"
    p.write_text("\n".join(json.dumps(a) for a in arts), encoding="utf-8")
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(p)).exit_code == 0
    md = run(db, "brief", "-f", "md").output
    sources = sorted(md.split("## Sources", 1)[1].strip().splitlines())
    assert sources == ["1. Varn dam gates opened after rain (0) (2024-03-05)",
                       "2. Varn dam gates opened after rain (1) (Varn Post, 2024-03-05)"]
    text = " ".join(run(db, "brief").output.split())
    assert "Varn dam gates opened after rain (0) — 2024-03-05" in text
    assert "rain (0) — Varn dam" not in text
    html = run(db, "brief", "-f", "html").output
    item = html.split('<ol class="sources">', 1)[1].split("</ol>", 1)[0]
    assert item.count("Varn dam gates opened after rain (0)") == 1 and "2024-03-05" in item


def test_a_warning_given_to_many_articles_is_printed_for_a_few_then_counted(tmp_path) -> None:
    items = "".join(f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
                    f"<description>The gates of dam {i} opened on Monday after heavy rain.</description></item>"
                    for i in range(8))
    feed = tmp_path / "teasers.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Varn</title>{items}</channel></rss>')
    r = run(tmp_path / "t.db", "ingest", "-q", str(feed))
    assert r.output.count("likely a teaser") == 4 and "and 5 more articles" in r.output
    assert f"{feed}#item1" in r.output


def test_a_mistyped_store_is_named_not_made(tmp_path: Path) -> None:
    missing = tmp_path / "nodir" / "nwes.db"
    for args in (("stories",), ("brief",)):
        r = run(missing, *args)
        assert r.exit_code == 2 and "no store at" in r.output and "nwes.db" in r.output, r.output
    assert not missing.exists() and not missing.parent.exists()


def test_a_library_logging_at_info_stays_off_the_terminal_without_verbose(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Dask's scheduler and nannies set their own loggers to INFO: without -v their records must not
    reach stderr (an `ingest -q --dask local` printed some thirty lines of them)."""
    import io
    import logging

    root = logging.getLogger()
    chatty = logging.getLogger("distributed.made-up")
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setattr(chatty, "level", logging.INFO)
    for verbose, shown in (([], False), (["-v"], True)):
        monkeypatch.setattr(root, "handlers", [])     # (as in a fresh process: pytest's own are put back after)
        assert run(tmp_path / "s.db", *verbose, "stories").exit_code == 2   # (no store: the logging is set up)
        (handler,) = root.handlers
        out = io.StringIO()
        monkeypatch.setattr(handler, "stream", out)
        chatty.info("Scheduler at tcp://127.0.0.1:8786")
        assert ("Scheduler at" in out.getvalue()) is shown, (verbose, out.getvalue())


def test_a_story_of_one_undated_article_says_undated_in_the_list_and_under_its_sources(tmp_path: Path) -> None:
    """A story none of whose articles has a day (not even one inferred from its words) is listed
    "undated", and its brief says so in its heading and after its source's name: a blank reads as a
    fault of the display."""
    p = tmp_path / "kiln.txt"
    p.write_text("title: Pottery kiln fire closes Brenwick studio\nsource: Brenwick Echo\n\nA kiln fire closed "
                 "the Brenwick pottery studio, its owner Dana Ferrow said. Nobody was hurt.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(p)).exit_code == 0
    listed = run(db, "stories").output
    assert "│ undated " in listed, listed
    text = " ".join(run(db, "brief").output.split())
    assert "Pottery kiln fire closes Brenwick studio — Brenwick Echo, undated" in text and "1 article · undated" in text
    md = run(db, "brief", "-f", "md").output
    assert "*1 article, undated*" in md
    assert md.split("## Sources", 1)[1].strip() == "1. Pottery kiln fire closes Brenwick studio (Brenwick Echo, undated)"


def test_help_breaks_a_list_of_choices_between_choices_never_inside_one() -> None:
    """`storyline stories --help` in a terminal of 60 or 80 columns: the sort order's choices are
    broken after a bar, never inside a word ("relev" over "ance")."""
    from storyline.serve.cli import choices_in_lines

    assert choices_in_lines("updated|size|published|relevance") == "updated|size|\npublished|\nrelevance"
    assert choices_in_lines("text|json") == "text|json"
    for width in ("60", "80", "120"):
        out = runner.invoke(app, ["stories", "--help"], env={"COLUMNS": width}).output
        lines = out.splitlines()
        first = next(i for i, line in enumerate(lines) if "--sort" in line)
        after = lines[first].index("--sort") + len("--sort")
        at = after + len(lines[first][after:]) - len(lines[first][after:].lstrip())   # the column of types
        last = next(i for i, line in enumerate(lines) if "--limit" in line)
        cells = [cell for line in lines[first:last] if (cell := line[at:].split(" ", 1)[0])]
        assert "".join(cells).split("|") == ["updated", "size", "published", "relevance"], out
        assert all(cell.endswith("|") for cell in cells[:-1]), cells   # each line broken after a bar


def test_ingest_of_nothing_to_read_fails_at_once_naming_each_input(tmp_path: Path) -> None:
    """`storyline ingest` of a missing file, an empty folder or a pattern that matches nothing says
    so before it begins (no progress bars of a run that reads nothing) and makes no store; one input
    to read among them is read, the others reported as before."""
    db, empty = tmp_path / "s.db", tmp_path / "empty"
    empty.mkdir()
    r = run(db, "ingest", str(tmp_path / "no-such.txt"), str(empty), str(tmp_path / "*.jsonl"))
    out = " ".join(r.output.split())
    assert r.exit_code == 1, r.output
    assert f"failed {tmp_path / 'no-such.txt'}: no such file or folder" in out
    assert f"failed {empty}: empty folder" in out and "no file matches this pattern" in out
    assert "nothing to read in 3 inputs given" in out
    assert "reading articles" not in out and "updating stories" not in out and not db.exists()
    good = tmp_path / "mill.txt"
    good.write_text("title: Old mill reopens in Farrowby\n\nThe old mill in Farrowby reopened as a bakery on "
                    "Saturday, its new owner Lia Tamsin said.\n", encoding="utf-8")
    r = run(db, "ingest", "-q", str(empty), str(good))
    assert r.exit_code == 1 and "1 new" in r.output and f"failed {empty}: empty folder" in " ".join(r.output.split())


def test_a_store_given_as_a_folder_is_refused_naming_a_file_to_give(tmp_path: Path) -> None:
    """`--db data/` names a folder, not a store: every command says so and how to name a file in it
    (SQLite alone says "unable to open database file")."""
    news = tmp_path / "news.txt"
    news.write_text("title: Ferry strike in Oldmere\n\nFerry crews in Oldmere struck on Monday.\n", encoding="utf-8")
    for args in (["stories"], ["ingest", str(news)], ["brief"]):
        r = run(tmp_path, *args)
        assert r.exit_code == 2 and f"store {tmp_path} is a folder: name a file in it, such as " \
            f"{tmp_path / 'storyline.db'}" in " ".join(r.output.split()), r.output


def _served_store(tmp_path: Path):
    """The serve tests' store of three invented stories (``test_api_data``), briefs built."""
    from test_api_data import build_store

    from storyline.config import Settings

    settings = Settings(db=str(tmp_path / "s.db"), token="t")
    return build_store(settings.db_path(), settings)


def test_a_brief_to_a_file_whose_extension_names_no_format_is_refused_naming_it(tmp_path: Path) -> None:
    """`brief -o out.pdf` wrote the text brief into out.pdf: an extension that names no format of a
    brief is refused, naming it and the ones that do, and nothing is written; one that names a format
    (in any case) writes it, a name without an extension gets text, and --format says it outright."""
    store = _served_store(tmp_path)
    store.close()
    db = tmp_path / "s.db"
    pdf = tmp_path / "out.pdf"
    r = run(db, "brief", "s-bridge", "-o", str(pdf))
    said = " ".join(r.output.split())
    assert r.exit_code == 2 and not pdf.exists(), r.output
    assert "'.pdf' names no format of a brief" in said and ".md" in said and ".html" in said and ".json" in said
    assert "give --format" in said
    assert run(db, "brief", "s-bridge", "-o", str(tmp_path / "b.MD")).exit_code == 0
    assert (tmp_path / "b.MD").read_text(encoding="utf-8").startswith("# ")
    assert run(db, "brief", "s-bridge", "-o", str(tmp_path / "b.htm")).exit_code == 0
    assert "<html" in (tmp_path / "b.htm").read_text(encoding="utf-8")
    assert run(db, "brief", "s-bridge", "-o", str(tmp_path / "plain")).exit_code == 0
    assert "Saltmarsh" in (tmp_path / "plain").read_text(encoding="utf-8")
    r = run(db, "brief", "s-bridge", "-f", "json", "-o", str(pdf))   # asked outright: written as asked
    assert r.exit_code == 0 and json.loads(pdf.read_text(encoding="utf-8"))["story_id"] == "s-bridge"
    from storyline.serve.cli import BRIEF_FORMATS, _FORMAT_OF_SUFFIX

    assert set(_FORMAT_OF_SUFFIX.values()) == set(BRIEF_FORMATS)   # every format has its extension, and no more




def test_a_usage_line_writes_its_arguments_as_unix_tools_do() -> None:
    """Typer 0.2x wrote "ingest [OPTIONS] {PATH}..." (braces a reader would type) and, of a metavar with
    brackets of its own, "rebuild [OPTIONS] [[STORY]...]...": a required argument is "PATH...", an
    optional one "[STORY]...", as Unix usage lines write them."""
    def usage(cmd: str) -> str:
        r = runner.invoke(app, [cmd, "--help"], terminal_width=120)
        return next(line.strip() for line in r.output.splitlines() if "Usage:" in line)

    assert usage("ingest").endswith(" ingest [OPTIONS] PATH...") and usage("watch").endswith(" watch [OPTIONS] URL...")
    assert usage("rebuild").endswith(" rebuild [OPTIONS] [STORY]...") and usage("brief").endswith(" brief [OPTIONS] [STORY]")
    assert usage("forget").endswith(" forget [OPTIONS] [ARTICLE]...")

def test_a_brief_out_to_a_dash_is_written_to_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`brief -o -` wrote a file named "-": a dash is standard output, as for any Unix tool, in the
    format --format gives (text without it), and no file is made."""
    store = _served_store(tmp_path)
    store.close()
    monkeypatch.chdir(tmp_path)
    r = run(tmp_path / "s.db", "brief", "s-bridge", "-f", "json", "-o", "-")
    assert r.exit_code == 0 and json.loads(r.stdout)["story_id"] == "s-bridge", r.output
    r = run(tmp_path / "s.db", "brief", "s-bridge", "--out", "-")
    assert r.exit_code == 0 and "Saltmarsh" in r.stdout and "wrote" not in r.output
    assert not (tmp_path / "-").exists()

def test_the_story_list_writes_a_storys_days_as_its_brief_does(tmp_path: Path) -> None:
    """`storyline stories` wrote a story's days by its own rule ("2024-03-04 – 2024-03-05") beside the
    brief's heading ("2024-03-04 to 2024-03-05"): one rule (``render.story_span``) for both, a story
    across the new year and an undated one included."""
    import dataclasses

    from storyline.serve.render import dates_shown

    store = _served_store(tmp_path)
    b = store.get_brief("s-orchard")
    assert b is not None
    store.put_brief(dataclasses.replace(b, first_published="2024-12-30", last_published="2025-01-02"))
    b = store.get_brief("s-library")
    assert b is not None
    store.put_brief(dataclasses.replace(b, first_published=None, last_published=None))
    store.close()
    db = tmp_path / "s.db"
    listed = run(db, "stories").output
    for sid, shown in (("s-bridge", "2024-03-04 to 2024-03-05"), ("s-orchard", "2024-12-30 to 2025-01-02"),
                       ("s-library", "undated")):
        row = next(line for line in listed.splitlines() if sid in line)
        assert f"│ {shown} " in row, listed
        brief = json.loads(run(db, "brief", sid, "-f", "json").output)
        assert dates_shown(brief["first_published"], brief["last_published"]) == shown
        assert f"· {shown}" in " ".join(run(db, "brief", sid).output.split())


def test_search_finds_a_word_typed_without_its_accents_or_sharp_s(tmp_path: Path) -> None:
    """`--search strassenbahn` found no "Straßenbahn" (FTS5 folds case and most accents, not ß, ø
    or ł): the index and the query are folded alike, whichever way each is written."""
    import dataclasses

    store = _served_store(tmp_path)
    b = store.get_brief("s-library")
    assert b is not None
    store.put_brief(dataclasses.replace(b, headline="Zürich's Straßenbahn stops at the Øresund library"))
    store.close()
    db = tmp_path / "s.db"
    for typed in ("strassenbahn", "STRASSENBAHN", "Strassenb", "zurich strassenbahn", "oresund", "Straßenbahn"):
        r = run(db, "stories", "--search", typed)
        assert r.exit_code == 0 and "s-library" in r.output and "1 of 3 stories" in r.output, (typed, r.output)
    assert "No story matches" in run(db, "stories", "--search", "strassenbahn -zürich").output


def test_a_dot_that_starts_no_extension_writes_the_brief_as_text() -> None:
    """`brief -o brief-v1.2` or `-o "Mr. Dorrell brief"` was refused ("its extension '.2' names no format"):
    a dot before digits alone or before words is no extension; such a name is written as text, as one
    without a dot is, while an extension that names no format is still refused."""
    from storyline.serve.cli import brief_format_of

    got = {n: brief_format_of(Path(n)) for n in ("brief-v1.2", "Mr. Dorrell brief", "brief.2026-11-26", "plain",
                                                  "brief.HTML", "notes.TXT", "brief.pdf", "b.mp3")}
    assert got == {"brief-v1.2": "text", "Mr. Dorrell brief": "text", "brief.2026-11-26": "text", "plain": "text",
                   "brief.HTML": "html", "notes.TXT": "text", "brief.pdf": None, "b.mp3": None}


def test_a_brief_out_to_dot_slash_dash_is_written_to_a_file_named_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o -` is standard output, but `-o ./-` is how a Unix user names a file "-": pathlib reads both
    as "-", and the brief went to the terminal, no file written."""
    store = _served_store(tmp_path)
    store.close()
    monkeypatch.chdir(tmp_path)
    r = run(tmp_path / "s.db", "brief", "s-bridge", "-f", "json", "-o", "./-")
    assert r.exit_code == 0 and "wrote" in r.output, r.output
    assert json.loads((tmp_path / "-").read_text(encoding="utf-8"))["story_id"] == "s-bridge"
