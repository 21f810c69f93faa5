"""The command line as a user drives it."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_exit_code_1_when_some_inputs_fail(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("date 2024-01-02\nA good article about the river flood. Water rose fast.")
    (src / "empty.txt").write_text("")
    r = run(tmp_path / "s.db", "ingest", "-q", str(src))
    assert r.exit_code == 1
    assert "1 new" in r.output and "1 failed" in r.output and "empty.txt" in r.output


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
    assert sources == ["1. Council approves new park in Riverton"]


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
