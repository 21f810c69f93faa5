"""Rough edges a newcomer met driving the command line, each pinned by what the user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.serve.cli import app
from test_web_ingest import _feed, site  # noqa: F401  (the local feed server of the web-ingest tests)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("review") / "ex.db"
    r = run(db, "ingest", "-q", str(EXAMPLES))
    assert r.exit_code == 0, r.output
    return db


def _pages(db: Path, *urls: str) -> list:  # type: ignore[type-arg]
    """The web app's answers (HTML asked for, redirects not followed) to ``urls`` over the store ``db``."""
    import asyncio

    import httpx

    from storyline.config import Settings
    from storyline.serve.api import create_app
    from storyline.store.sqlite import SQLiteStore

    settings = Settings(db=str(db))
    store = SQLiteStore(settings.db_path())
    app = create_app(settings, store=store, background=False)

    async def get_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return [await c.get(u, headers={"Accept": "text/html"}) for u in urls]

    try:
        return asyncio.run(get_all())
    finally:
        store.close()


def _story_id(db: Path) -> str:
    r = run(db, "brief", "--format", "json")
    assert r.exit_code == 0, r.output
    return str(json.loads(r.output)["story_id"])


def test_brief_accepts_the_first_characters_of_a_story_id(examples_db: Path) -> None:
    sid = _story_id(examples_db)
    for ref in (sid[:6], sid[2:8]):          # "s-adfb" and "adfb47"
        r = run(examples_db, "brief", ref, "--format", "json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.output)["story_id"] == sid
    r = run(examples_db, "brief", "s-nothere")
    assert r.exit_code == 2 and "no story 's-nothere'" in r.output


def test_brief_out_picks_the_format_from_the_file_name(examples_db: Path, tmp_path: Path) -> None:
    for name, check in (("b.md", lambda t: t.startswith("# ")),
                        ("b.json", lambda t: "story_id" in json.loads(t)),
                        ("b.html", lambda t: t.lstrip().lower().startswith("<!doctype html"))):
        r = run(examples_db, "brief", "--out", str(tmp_path / name))
        assert r.exit_code == 0, r.output
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
    # an explicit --format still wins over the extension
    r = run(examples_db, "brief", "--format", "md", "--out", str(tmp_path / "b.txt"))
    assert r.exit_code == 0 and (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("# ")


def test_brief_out_into_a_missing_folder_is_a_clear_error(examples_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "brief.md"
    r = run(examples_db, "brief", "--out", str(target))
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "cannot write" in r.output and "no-such-folder" in r.output


def test_help_names_arguments_in_capitals() -> None:
    r = runner.invoke(app, ["ingest", "--help"])
    assert "PATH" in r.output and "{paths}" not in r.output
    r = runner.invoke(app, ["brief", "--help"])
    assert "STORY" in r.output and "first characters" in r.output


def test_help_shows_no_value_after_a_flag_and_the_choices_of_an_option() -> None:
    """"--quiet <bool>" reads as if the flag took a value ("-q true" then looks for a file "true")."""
    for cmd in ("ingest", "stories", "brief", "serve"):
        out = runner.invoke(app, [cmd, "--help"], terminal_width=120).output
        assert "<bool>" not in out and "<list[str]>" not in out and "<str>" not in out, cmd
        assert "Example" in out, cmd
    assert "accurate|fast" in runner.invoke(app, ["ingest", "--help"], terminal_width=120).output
    assert "URL..." in runner.invoke(app, ["serve", "--help"], terminal_width=120).output  # may be repeated


def _warc_with(pages: list[tuple[str, str, str]]) -> bytes:
    """A WARC of HTML responses: (url, HTTP status line, body) each."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    for url, status, body in pages:
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                            http_headers=headers))
    return buf.getvalue()


_PAGE = ("<html><head><title>Storm closes coast road</title></head><body><article>"
         "<h1>Storm closes coast road</h1><p>Heavy rain flooded the coast road near Elmport on Friday, "
         "police said, and several drivers were rescued from their cars by the fire brigade.</p>"
         "<p>The road will stay closed until Monday, a police spokeswoman said.</p></article></body></html>")


def test_warc_error_pages_and_redirects_are_not_articles(tmp_path: Path) -> None:
    from storyline.errors import InputWarning
    from storyline.ingest import iter_articles
    from storyline.records import Article

    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_with([
        ("http://news.example/storm", "200 OK", _PAGE),
        ("http://news.example/gone", "404 Not Found", "<html><body><p>Sorry, this page was not found on "
                                                      "our site. Try the search box.</p></body></html>"),
        ("http://news.example/old", "301 Moved Permanently", "<html><body><p>This page has moved to a new "
                                                             "address on our site.</p></body></html>"),
    ]))
    got = list(iter_articles([path]))
    articles = [a for a in got if isinstance(a, Article)]
    assert [a.url for a in articles] == ["http://news.example/storm"]
    # no error: one warning counts what was left aside
    (note,) = [e for e in got if not isinstance(e, Article)]
    assert isinstance(note, InputWarning) and "2 HTML error or redirect responses left aside" in str(note)
    only_errors = tmp_path / "errors.warc"
    only_errors.write_bytes(_warc_with([("http://news.example/gone", "404 Not Found", "<p>not found</p>")]))
    (err,) = list(iter_articles([only_errors]))
    assert "error or redirect" in str(err) and "errors.warc" in str(err)


def test_html_headline_is_not_glued_to_the_first_sentence(tmp_path: Path) -> None:
    import storyline

    page = tmp_path / "storm.html"
    page.write_text(_PAGE, encoding="utf-8")
    a = storyline.read_article(page)
    assert a.title == "Storm closes coast road"
    assert a.text.startswith("Heavy rain flooded")
    first = storyline.split_sentences(a.text)[0]
    assert a.text[first.start:first.end].startswith("Heavy rain")


def test_a_folder_without_article_files_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    other = tmp_path / "spreadsheets"
    other.mkdir()
    (other / "figures.csv").write_text("a,b\n1,2\n")
    r = run(tmp_path / "s.db", "ingest", "-q", str(empty), str(other))
    assert r.exit_code == 1
    assert "empty folder" in r.output and "spreadsheets" in r.output and "not named like one" in r.output
    # one line per problem, its path whole however long (a wrapped path cannot be copied or grepped)
    lines = [line for line in r.output.splitlines() if line.startswith("failed ")]
    assert any(f"failed {empty}: empty folder" in line for line in lines), r.output
    assert any(str(other) in line and "not named like one" in line for line in lines), r.output


def test_a_shortened_summary_sentence_keeps_its_verb() -> None:
    from storyline.consolidate.summary_text import compress

    # cutting "said at a news conference ..." alone left "..., Governor Ada Brook." (no verb): the whole
    # attribution goes, where and how included
    assert compress("About 300 people spent two nights in the sports hall, Governor Ada Brook said at a news "
                    "conference.") == "About 300 people spent two nights in the sports hall."
    assert compress("About 300 people spent two nights in the sports hall, the fire service said in a "
                    "statement.") == "About 300 people spent two nights in the sports hall."
    # a "that" clause after the verb is what was said: it stays
    said_that = ("About 300 people spent two nights in the sports hall, and the fire service said in a statement "
                 "that more beds would come.")
    assert compress(said_that) == said_that
    # a verb with its subject before it and its content after it is no attribution ("Al Gore says it is time ...")
    gore = "The former vice president and campaigner Al Gore says it is time to stop waging war on the planet."
    assert compress(gore) == gore
    # the attributions it is meant to drop still go
    assert compress("About 300 people spent two nights in the sports hall, Governor Ada Brook said.") == \
        "About 300 people spent two nights in the sports hall."
    assert compress("About 300 people spent two nights in the sports hall, said Governor Ada Brook.") == \
        "About 300 people spent two nights in the sports hall."


def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run(tmp_path / "s.db", "serve", "--port", str(port))
    assert r.exit_code == 2
    assert f"port {port}" in r.output and "in use" in r.output and "--port" in r.output
    assert "write token" not in r.output     # nothing was started


def test_other_reports_note_only_at_a_sentence_that_states_the_fact(example_articles) -> None:
    import storyline

    by_id = {a.id: a for a in example_articles}
    noted = 0
    for words in (40, 100):
        b = storyline.brief(example_articles, max_words=words)
        for s in b.summary:
            for v in s.differs:
                noted += 1
                (d,) = [d for d in b.disagreements if v in d.values]
                shown = [by_id[c.article_id].text[c.start:c.end] for w in d.values if w not in s.differs
                         for c in w.citations if c.article_id == s.article_id and s.start <= c.start < s.end]
                assert any(t in s.text for t in shown), (s.text, v.value)
    assert noted     # the examples do dispute counts at summary sentences


def test_entity_api_lists_the_spellings_the_brief_shows(examples_db: Path) -> None:
    brief = json.loads(run(examples_db, "brief", "--format", "json").output)
    with_aliases = [e for e in brief["entities"] if e["aliases"]]
    assert with_aliases
    for e in with_aliases:
        api, page = _pages(examples_db, f"/api/entities/{e['id']}", f"/entities/{e['id']}")
        got = api.json()
        assert set(e["aliases"]) <= set(got["aliases"]), (e["name"], got["aliases"])
        assert "also written" in page.text and e["aliases"][0] in page.text


def test_json_lines_take_rfc_2822_dates_and_say_which_forms_they_read(tmp_path: Path) -> None:
    rows = [{"title": "Pool budget", "text": "The council met on Monday to discuss the budget for the new pool.",
             "published": "Tue, 11 Mar 2025 10:00:00 GMT"},
            {"title": "Hall budget", "text": "The council met on Monday to discuss the budget for the new hall.",
             "published": "11/03/2025"}]
    src = tmp_path / "export.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    r = run(db, "ingest", "-q", str(src))
    assert r.exit_code == 1 and "1 new" in r.output
    assert "export.jsonl:2" in r.output and "YYYY-MM-DD" in r.output and "Invalid isoformat" not in r.output
    brief = json.loads(run(db, "brief", "--format", "json").output)
    assert [a["published"] for a in brief["articles"]] == ["2025-03-11"]


def test_stories_past_the_end_do_not_claim_an_empty_store(examples_db: Path) -> None:
    r = run(examples_db, "stories", "--offset", "50")
    assert r.exit_code == 0
    assert "No stories yet" not in r.output and "--offset 50" in r.output and "1 story in" in r.output


def test_help_says_where_the_default_store_is() -> None:
    from storyline.config import default_db_path

    r = runner.invoke(app, ["--help"], terminal_width=200)
    assert str(default_db_path()) in " ".join(r.output.replace("│", " ").split())


def test_terminal_brief_wraps_under_the_text_not_the_bullet(examples_db: Path) -> None:
    import io

    from rich.console import Console

    from storyline.serve.render import brief_rich
    from storyline.store.sqlite import SQLiteStore

    store = SQLiteStore(examples_db, readonly=True)
    sid = store.list_stories(sort="size", limit=1)[0]["id"]
    brief = store.get_brief(sid)
    store.close()
    assert brief is not None
    out = io.StringIO()
    Console(file=out, width=60, color_system=None).print(brief_rich(brief))
    sections: dict[str, list[str]] = {}
    current = ""
    for ln in out.getvalue().splitlines():
        if "╭─ " in ln:
            current = ln.split("╭─ ")[1].split(" ─")[0]
            continue
        if ln.count("│") >= 4:
            sections.setdefault(current, []).append(ln.split("│")[2].rstrip())
    summary = [s for s in sections["Summary"] if s.strip()]
    assert len(summary) > len(brief.summary)          # sentences wrap at this width
    assert all(s.startswith((" • ", "   ")) for s in summary), summary
    quotes = [s for s in sections["Who said what"] if s.strip()]
    speakers = {g.speaker for g in brief.quotes}
    assert all(s.strip() in speakers or s.startswith("   ") for s in quotes), quotes


def test_story_page_address_takes_the_first_characters_of_an_id(examples_db: Path) -> None:
    sid = _story_id(examples_db)
    short, missing = _pages(examples_db, f"/stories/{sid[:8]}", "/stories/s-nothere")
    assert short.status_code in (302, 307) and short.headers["location"].endswith(f"/stories/{sid}")
    assert missing.status_code == 404 and "merged" not in missing.text and "s-nothere" in missing.text


def test_settings_that_would_silently_break_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "-5")
    r = run(tmp_path / "s.db", "ingest", "-q", str(EXAMPLES / "metro-daily.txt"))
    assert r.exit_code == 2 and "summary_words" in r.output and "above 0" in r.output
    monkeypatch.delenv("STORYLINE_SUMMARY_WORDS")
    conf = tmp_path / "c.toml"
    conf.write_text("story_threshold = 2.0\n")
    r = runner.invoke(app, ["--config", str(conf), "--db", str(tmp_path / "s.db"), "stories"])
    assert r.exit_code == 2 and "story_threshold" in r.output


def test_a_one_article_brief_says_1_article(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(EXAMPLES / "metro-daily.txt")).exit_code == 0
    md = run(db, "brief", "--format", "md").output
    assert "*1 article, " in md and "1 articles" not in md


def test_version_option() -> None:
    import storyline

    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.output.strip() == f"storyline {storyline.__version__}"


def test_entity_page_of_a_one_article_story_says_1_article(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run(db, "ingest", "-q", str(EXAMPLES / "metro-daily.txt")).exit_code == 0
    brief = json.loads(run(db, "brief", "--format", "json").output)
    (page,) = _pages(db, f"/entities/{brief['entities'][0]['id']}")
    assert "1 article ·" in page.text and "1 articles" not in page.text



def test_watch_says_when_a_feed_is_unchanged(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _feed(site, ["bridge", "library"])
    db = tmp_path / "s.db"
    first = run(db, "watch", "--once", f"{site.base}/feed.xml")
    assert first.exit_code == 0 and "unchanged" not in first.output
    second = run(db, "watch", "--once", f"{site.base}/feed.xml")
    assert second.exit_code == 0
    assert "1 feed unchanged since the last poll" in " ".join(second.output.split())


def test_brief_of_one_story_has_the_id_the_clustering_gives_it() -> None:
    import storyline
    from storyline.ingest.files import iter_articles

    arts = [a for a in iter_articles([EXAMPLES]) if isinstance(a, storyline.Article)]
    assert len(arts) == 5
    ids = storyline.cluster(arts)
    assert len(set(ids)) == 1
    assert storyline.brief(arts).story_id == ids[0]
    back = list(reversed(arts))    # two articles share a date: the input order breaks the tie
    assert storyline.brief(back).story_id == storyline.cluster(back)[0]


def test_the_write_command_serve_prints_stays_one_line_on_a_narrow_terminal() -> None:
    import io

    from rich.console import Console

    from storyline.serve.cli import print_write_command

    buf = io.StringIO()
    print_write_command(Console(file=buf, width=40), "tok3n", "localhost", 8765)
    (line,) = buf.getvalue().strip().splitlines()
    assert "'Content-Type: application/x-ndjson'" in line and line.endswith("http://localhost:8765/api/articles")


def test_markdown_shows_html_in_article_words_instead_of_rendering_it() -> None:
    import storyline
    from storyline.serve.render import brief_markdown

    arts = [storyline.read_article({"id": "a", "title": "Kelvar fire delays ships <b>for days</b>",
                                    "published": "2025-06-05",
                                    "text": "A fire at the Kelvar docks delayed 14 container ships on Thursday. "
                                            "The <script>port</script> authority said the docks would reopen."}),
            storyline.read_article({"id": "b", "title": "Docks shut", "published": "2025-06-05",
                                    "text": "Fire crews fought a blaze at the Kelvar docks on Thursday."})]
    md = brief_markdown(storyline.brief(arts))
    import re

    assert not re.search(r"(?<!\\)<(?:b|script)>", md)
    assert "\\<b>for days\\</b>" in md


def test_the_terminal_brief_bounds_long_citation_lists_and_what_new_articles_add() -> None:
    import io

    from rich.console import Console

    from storyline.records import Brief, Citation, NewSince, SummarySentence
    from storyline.serve.render import TERMINAL_NEW, brief_rich

    arts = tuple({"id": f"a{i}", "title": f"Report {i}", "source": f"Outlet {i}"} for i in range(20))
    cites = tuple(Citation(f"a{i}", 0, 10) for i in range(20))
    lead = SummarySentence(text="The dam held after three days of rain.", citations=cites, article_id="a0")
    added = tuple(NewSince(article_id=f"a{i}", added=(SummarySentence(
        text=f"Fact number {i} about the dam was reported today.", article_id=f"a{i}"),)) for i in range(20))
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(
        brief_rich(Brief(story_id="s", headline="Dam holds", summary=(lead,), new_since=added, articles=arts)))
    text = out.getvalue()
    assert "[1][2][3][4][5][6] +14" in text and "…" not in text
    assert text.count("Fact number") == TERMINAL_NEW and f"{20 - TERMINAL_NEW} more" in text


@pytest.mark.parametrize("name, text, said", [
    ("list.json", "[1, 2]", "not an object of settings"),                      # (was: a traceback)
    ("text.json", '"summary_words"', "not an object of settings"),
    ("upper.JSON", '{"summary_words": 2.5}', "'summary_words': 2.5 is not a valid whole number"),  # read as JSON
    ("fraction.toml", "summary_words = 1.7\n", "'summary_words': 1.7 is not a valid whole number"),  # (was: 1)
    ("truth.toml", "summary_words = true\n", "'summary_words': True is not a valid whole number"),
    ("huge.toml", "story_window_days = 1e400\n", "'story_window_days': inf is not a valid whole number"),
    ("nan.toml", "regroup_every = nan\n", "'regroup_every': nan is not a valid finite number"),
    ("null.json", '{"db": null}', "'db': None is not a valid string"),         # (was: a store named "None")
])
def test_a_config_file_of_wrong_values_is_refused_naming_the_file_and_setting(tmp_path: Path, name: str, text: str,
                                                                              said: str) -> None:
    conf = tmp_path / name
    conf.write_text(text)
    r = runner.invoke(app, ["--config", str(conf), "--db", str(tmp_path / "s.db"), "stories"])
    out = " ".join(r.output.split())
    assert r.exit_code == 2 and said in out and f"config file {conf}" in out, r.output


def test_a_wrong_environment_variable_is_named_and_an_empty_config_variable_is_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_KEEP_DAYS", "forever")
    r = run(tmp_path / "s.db", "stories")
    assert r.exit_code == 2 and "$STORYLINE_KEEP_DAYS" in r.output and "'forever'" in r.output, r.output
    monkeypatch.setenv("STORYLINE_KEEP_DAYS", "-3")
    r = run(tmp_path / "s.db", "stories")
    assert r.exit_code == 2 and "$STORYLINE_KEEP_DAYS" in r.output and "below 0" in r.output, r.output
    monkeypatch.delenv("STORYLINE_KEEP_DAYS")
    monkeypatch.setenv("STORYLINE_CONFIG", "")          # (as STORYLINE_DB="" is the default store)
    assert run(tmp_path / "s.db", "ingest", "-q", str(EXAMPLES / "metro-daily.txt")).exit_code == 0


def test_a_search_of_spaces_lists_every_story_in_any_order(examples_db: Path) -> None:
    everything = json.loads(run(examples_db, "stories", "-f", "json").output)
    for sort in ("relevance", "size"):
        r = run(examples_db, "stories", "--search", "  ", "--sort", sort, "-f", "json")
        assert r.exit_code == 0 and json.loads(r.output)["total"] == everything["total"], r.output
    (api,) = _pages(examples_db, "/api/stories?q=%20%20&sort=relevance")
    assert api.status_code == 200 and api.json()["total"] == everything["total"], api.text


def test_ingest_counts_as_new_only_the_stories_its_own_articles_began(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process that ingests a story of its own while this ingest runs does not add to this
    ingest's "(N new)"; an ingest whose article joins a stored story counts no new one."""
    import storyline.pipeline as pipeline
    from storyline.store.sqlite import SQLiteStore

    db = tmp_path / "s.db"
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "orchard.txt").write_text(
        "Hail flattens the Brenmoor orchards\n\nA hailstorm on Sunday flattened the apple orchards around "
        "Brenmoor, growers said, and the cooperative expects half of its harvest to be lost. Ines Varga, "
        "who chairs the growers' cooperative, said the stones were the size of walnuts.\n", encoding="utf-8")
    real = pipeline.ingest_paths

    def with_another_writer(store, paths, settings, **kw):  # type: ignore[no-untyped-def]
        other = SQLiteStore(db)
        try:
            real(other, [theirs], settings)    # (as a second process would, into the same store)
        finally:
            other.close()
        return real(store, paths, settings, **kw)

    monkeypatch.setattr(pipeline, "ingest_paths", with_another_writer)
    r = run(db, "ingest", str(EXAMPLES / "metro-daily.txt"))
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    assert "1 story updated (1 new)" in said
    monkeypatch.setattr(pipeline, "ingest_paths", real)
    again = " ".join(run(db, "ingest", str(EXAMPLES / "national-wire.txt")).output.split())
    assert "1 new," in again and "1 story updated (0 new)" in again
