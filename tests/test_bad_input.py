"""Bad input never stops a batch, and each gets one clear error (or warning) naming the input and
the problem. The fixtures are written here, by hand."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline.config import Settings, load_settings
from storyline.errors import InputError, StoreError
from storyline.ingest import iter_articles
from storyline.ingest.records_in import article_from_dict
from storyline.pipeline import ingest_articles
from storyline.serve.cli import app
from storyline.store.sqlite import SQLiteStore

runner = CliRunner()

GOOD = {"title": "Dam gates opened", "published": "2023-03-14",
        "text": "Engineers opened the gates of the Varn dam on Monday, the water board said."}


def _split(items):
    arts = [i for i in items if not isinstance(i, InputError)]
    errs = [i for i in items if isinstance(i, InputError)]
    return arts, errs


def _warnings(article) -> list[str]:
    return [w["reason"] for w in article.meta.get("warnings", ())]


# -- 1. lone surrogates ---------------------------------------------------------------------------

def test_lone_surrogate_line_is_stored_with_replacement_char(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    odd = {"title": "Odd \ud800 title", "text": "The mayor \udc01 said on Monday the bridge would reopen."}
    p.write_text(json.dumps(odd) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")  # "\ud800" escapes
    items = list(iter_articles([p]))
    arts, errs = _split(items)
    assert errs == [] and len(arts) == 2
    assert arts[0].text == "The mayor \ufffd said on Monday the bridge would reopen."
    assert arts[0].title == "Odd \ufffd title"
    with SQLiteStore(tmp_path / "s.db") as store:
        report = ingest_articles(store, items)
        assert len(report.new) == 2 and report.ok
        assert store.get_articles([arts[0].id])[0].text == arts[0].text
    # the API and Python path read the same dict to the same article
    same = article_from_dict(odd, "<post>")
    assert (same.id, same.text, same.title) == (arts[0].id, arts[0].text, arts[0].title)
    assert storyline.read_article(odd).id == arts[0].id


def test_analysis_functions_take_lone_surrogates() -> None:
    text = "\ud800 Ana Ruiz said on Tuesday in Kelso that \"we are ready\", the operator said."
    assert storyline.recognize_entities("\ud800 lone surrogate said Tuesday") is not None
    mentions = storyline.recognize_entities(text)
    assert mentions, "names after the bad character are still found"
    for m in mentions:  # one code point replaced by one: offsets still point into the original text
        assert text[m.start:m.end] == m.text
    timexes = storyline.tag_timexes(text, date(2024, 5, 7))
    assert any(text[t.start:t.end] == "Tuesday" for t in timexes)
    assert storyline.extract_quotes(text)
    assert storyline.split_sentences(text)
    a = storyline.Article(text=text, title="Ruiz \udfff")  # building the record does not fail either
    b = storyline.Article(text="Ana Ruiz said on Tuesday in Kelso that the ferry would sail again.")
    assert len(storyline.cluster([a, b])) == 2
    assert storyline.brief([a, b]).articles


# -- 2. WARC ------------------------------------------------------------------------------------

def _warc(gz: bool, n: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        body = (f"<html><head><title>Dam report {i}</title></head><body><article><h1>Dam report {i}</h1>"
                f"<p>The Varn dam released {i + 2} million cubic metres of water on Monday, the water board "
                f"said in a statement.</p><p>Farmers downstream of the Varn dam said report {i} came late and "
                f"that fields near the river were already under water on Tuesday.</p></article></body></html>")
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = w.create_warc_record(f"https://varn.example/{i}", "response", payload=io.BytesIO(body.encode()),
                                   http_headers=hh)
        w.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_records_read_and_goes_on(tmp_path: Path, gz: bool, capfd) -> None:
    data = _warc(gz)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.75)])
    after = tmp_path / "z_after.txt"
    after.write_text("Water levels at the Varn dam fell on Wednesday, the board said.", encoding="utf-8")
    arts, errs = _split(list(iter_articles([cut, after])))
    assert len(arts) == 3  # two records before the cut, and the next file
    assert any(a.meta.get("path") == str(after) for a in arts)
    assert len(errs) == 1 and errs[0].where == str(cut)
    assert "WARC file truncated or corrupt after 2 records" in errs[0].reason
    assert "WARNING" not in capfd.readouterr().err


def test_garbage_warc_is_not_a_warc_and_jsonl_gz_is_jsonl(tmp_path: Path, capfd) -> None:
    bad = tmp_path / "junk.warc"
    bad.write_bytes(b"these lines are not a web archive\n" * 8)
    badgz = tmp_path / "junk.warc.gz"
    badgz.write_bytes(gzip.compress(b"these lines are not a web archive either\n" * 8))
    _, errs = _split(list(iter_articles([bad, badgz])))
    assert [e.where for e in errs] == [str(bad), str(badgz)]
    assert all("not a WARC file" in e.reason for e in errs)
    assert "WARNING" not in capfd.readouterr().err
    full = tmp_path / "ok.warc.gz"
    full.write_bytes(_warc(True, 2))
    assert len(_split(list(iter_articles([full])))[0]) == 2
    lines = tmp_path / "batch.jsonl.gz"
    lines.write_bytes(gzip.compress((json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "title": "Two"}) + "\n").encode()))
    arts, errs = _split(list(iter_articles([tmp_path / "batch.jsonl.gz"])))
    assert errs == [] and [a.title for a in arts] == ["Dam gates opened", "Two"]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(lines.read_bytes()[:-12])
    arts, errs = _split(list(iter_articles([cut])))
    assert len(errs) == 1 and errs[0].where == str(cut) and "truncated" in errs[0].reason
    # the whole lines before the cut are read, however few (a small file is no exception)
    many = gzip.compress("".join(json.dumps({**GOOD, "title": f"Gate {i}", "text": f"Gate {i} of the Varn dam "
                                                     f"opened on Monday at {i} a.m."}) + "\n"
                                 for i in range(60)).encode())
    cut.write_bytes(many[:len(many) // 2])
    arts, errs = _split(list(iter_articles([cut])))
    assert len(errs) == 1 and "truncated" in errs[0].reason
    assert 5 < len(arts) < 60 and [a.title for a in arts] == [f"Gate {i}" for i in range(len(arts))]


# -- 3. per-article size limit ---------------------------------------------------------------------

def test_text_limit_applies_to_lines_items_files_and_posts(tmp_path: Path) -> None:
    long_text = "The Varn dam overflowed. " * 40  # 1,000 bytes
    (tmp_path / "a.jsonl").write_text(json.dumps({**GOOD, "text": long_text}) + "\n" + json.dumps(GOOD) + "\n",
                                      encoding="utf-8")
    (tmp_path / "b.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Varn</title>'
        f"<item><title>Long</title><description>{long_text}</description></item>"
        "<item><title>Short</title><description>The dam held on Monday.</description></item>"
        "</channel></rss>", encoding="utf-8")
    (tmp_path / "c.txt").write_text(long_text, encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path], max_text_bytes=600)))
    assert sorted(a.title for a in arts) == ["Dam gates opened", "Short"]
    assert sorted(e.where for e in errs) == [f"{tmp_path / 'a.jsonl'}:1", f"{tmp_path / 'b.rss'}#item1",
                                             str(tmp_path / "c.txt")]
    for e in errs:
        assert re.fullmatch(r"article text too long \((999|1,000) bytes, limit 600: set max_article_text_bytes "
                            r"to raise it\)", e.reason), e.reason
    with pytest.raises(InputError, match="article text too long"):
        article_from_dict({"text": long_text}, "<post>", max_text_bytes=600)
    assert Settings().max_article_text_bytes == 1_000_000
    assert load_settings(max_article_text_bytes=5000).text_limit() == 5000


# -- 4. NUL bytes in one JSON line -----------------------------------------------------------------

def test_nul_bytes_spoil_one_line_not_the_file(tmp_path: Path) -> None:
    p = tmp_path / "n.jsonl"
    p.write_bytes(json.dumps(GOOD).encode() + b"\n\x00\x00\x01\x02 junk\n"
                  + json.dumps({**GOOD, "title": "Third"}).encode() + b"\n")
    arts, errs = _split(list(iter_articles([p])))
    assert [a.title for a in arts] == ["Dam gates opened", "Third"]
    assert len(errs) == 1 and errs[0].where == f"{p}:2" and "NUL" in errs[0].reason
    png = tmp_path / "image.jsonl"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    _, errs = _split(list(iter_articles([png])))
    assert len(errs) == 1 and "PNG" in errs[0].reason


# -- 5. absurd dates -----------------------------------------------------------------------------

def test_absurd_dates_are_dropped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "far.txt").write_text("date 9999-12-31\nPier repaired\nThe pier was repaired, engineers said "
                                      "on Monday.\n", encoding="utf-8")
    (tmp_path / "old.jsonl").write_text(json.dumps({**GOOD, "published": "0001-01-01"}) + "\n"
                                        + json.dumps({**GOOD, "title": "Later", "published": "3024-04-30"}) + "\n",
                                        encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path])))
    assert errs == [] and len(arts) == 3
    assert all(a.published is None for a in arts)
    by_title = {a.title: _warnings(a) for a in arts}
    assert "publication date 9999-12-31 is after" in by_title["Pier repaired"][0]
    assert "publication date 0001-01-01 is before 1800-01-01" in by_title["Dam gates opened"][0]
    assert "3024-04-30" in by_title["Later"][0]
    assert arts[0].meta["warnings"][0]["where"]  # names the input
    ok = article_from_dict({**GOOD, "published": date.today().isoformat()}, "<post>")
    assert ok.published == date.today() and not _warnings(ok)


@pytest.mark.parametrize("extreme", [date(9999, 12, 31), date(1, 1, 1), date(9999, 12, 27), date(1, 1, 4)])
def test_timeline_and_brief_survive_any_date(extreme: date) -> None:
    dated = storyline.Article(text="The pier at Kelso was repaired on Monday, engineers said. It reopens on "
                                   "Thursday, Jan. 2.", published=extreme)
    undated = storyline.Article(text="The Kelso pier reopened on Saturday, Dec. 30, officials said on Friday.")
    arts = [dated, undated]
    assert isinstance(storyline.timeline(arts), list)
    assert storyline.brief(arts).articles
    from storyline.analyze.dct import infer_dct

    infer_dct(undated, [dated])  # a date or None, never OverflowError


# -- 6. read-only store ----------------------------------------------------------------------------

def test_read_only_store_is_a_store_error(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "q.db")
    store._conn().execute("PRAGMA query_only=1")  # SQLite refuses writes as on a read-only file
    with pytest.raises(StoreError, match="is read-only"):
        store.add_articles([storyline.Article(text="Some words here.")])
    store.close()


def test_cli_ingest_into_read_only_file_exits_2(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    SQLiteStore(db).close()
    art = tmp_path / "a.txt"
    art.write_text("The Kelso ferry sailed again on Thursday, the operator said.", encoding="utf-8")
    os.chmod(db, 0o444)
    try:
        if os.access(db, os.W_OK):
            pytest.skip("running as a user who can write a read-only file (root)")
        r = runner.invoke(app, ["--db", str(db), "ingest", "-q", str(art)])
        assert r.exit_code == 2
        assert f"store {db} is read-only" in r.output and "Traceback" not in r.output
    finally:
        os.chmod(db, 0o644)


# -- 7. read_article with paths ------------------------------------------------------------------

def test_read_article_paths(tmp_path: Path) -> None:
    for missing in ("/no/such/file.txt", "no_such_file.txt", str(tmp_path / "gone.jsonl")):
        with pytest.raises(InputError, match="no such file"):
            storyline.read_article(missing)
    with pytest.raises(InputError, match="folder"):
        storyline.read_article(str(tmp_path))
    many = tmp_path / "many.jsonl"
    many.write_text("\n".join(json.dumps({**GOOD, "title": f"T{i}"}) for i in range(3)), encoding="utf-8")
    with pytest.raises(InputError, match="holds 3 articles"):
        storyline.read_article(many)
    one = tmp_path / "one.txt"
    one.write_text("date 2023-03-14\nDam gates opened\nEngineers opened the gates on Monday.", encoding="utf-8")
    a = storyline.read_article(str(one))
    assert (a.title, a.published) == ("Dam gates opened", date(2023, 3, 14))
    t = storyline.read_article("Engineers opened the gates of the dam on Monday, the board said.")
    assert t.text.startswith("Engineers")


# -- 8. smaller things ---------------------------------------------------------------------------

def test_feed_with_html_entities_and_a_bad_date(tmp_path: Path) -> None:
    p = tmp_path / "f.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Varn&nbsp;News</title>'
                 "<item><title>Gates&nbsp;open</title><pubDate>Mon, 13 Mar 2023 09:00:00 GMT</pubDate>"
                 "<description>The gates opened&nbsp;on Monday &eacute;t&eacute; &amp; more.</description></item>"
                 "<item><title>Odd date</title><pubDate>Someday, 45 Smarch 2023</pubDate>"
                 "<description>The dam held on Tuesday.</description></item></channel></rss>", encoding="utf-8")
    arts, errs = _split(list(iter_articles([p])))
    assert errs == [] and len(arts) == 2
    assert arts[0].text == "The gates opened on Monday \u00e9t\u00e9 & more."
    assert arts[0].title == "Gates\u00a0open" and arts[0].source == "Varn\u00a0News"
    # (a feed item of a few words is kept with a warning that it may be a teaser, and no other)
    assert arts[0].published == date(2023, 3, 13) and [w for w in _warnings(arts[0]) if "teaser" not in w] == []
    assert any("likely a teaser" in w for w in _warnings(arts[0]))
    assert arts[1].published is None
    assert arts[1].meta["warnings"][0]["where"] == f"{p}#item2"
    assert "unreadable date 'Someday, 45 Smarch 2023'" in _warnings(arts[1])[0]


def test_text_of_wrong_type_says_so() -> None:
    with pytest.raises(InputError, match="'text' must be a string"):
        article_from_dict({"text": 12345}, "<post>")
    with pytest.raises(InputError, match="missing 'text'"):
        article_from_dict({"title": "no body"}, "<post>")


def test_cli_prints_each_failure_once_without_log_noise(tmp_path: Path, caplog) -> None:
    (tmp_path / "good.txt").write_text("The Kelso ferry sailed again on Thursday, the operator said.",
                                       encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><div></div></body></html>", encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"text": "The quay was', encoding="utf-8")
    (tmp_path / "far.txt").write_text("date 9999-12-31\nThe pier was repaired, engineers said on Monday.",
                                      encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        r = runner.invoke(app, ["--db", str(tmp_path / "c.db"), "ingest", "-q", str(tmp_path)])
    assert r.exit_code == 1, r.output
    assert r.output.count("broken.jsonl") == 1 and "failed" in r.output and "1 failed" in r.output
    assert r.output.count("empty.html") == 1 and "left aside" in r.output   # (no article in it: not a failure)
    assert "warning" in r.output and "9999-12-31" in r.output
    assert not [rec for rec in caplog.records if rec.name.startswith(("storyline", "trafilatura"))]
    assert "2 new" in r.output and "1 with warnings" in r.output


def test_utf16_without_bom_is_read_not_called_binary(tmp_path: Path) -> None:
    text = "date 2023-03-14\nDam gates opened\nEngineers opened the gates of the Varn dam on Monday, J\u00fcrgen said."
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.encode("utf-16-be"))
    arts, errs = _split(list(iter_articles([tmp_path])))
    assert errs == [] and len(arts) == 2
    assert all(a.title == "Dam gates opened" and "J\u00fcrgen" in a.text for a in arts)
    assert sorted(a.meta["encoding"] for a in arts) == ["utf-16-be", "utf-16-le"]


def test_the_python_api_leaves_out_what_is_not_an_article_and_says_so(caplog) -> None:
    import storyline

    good = storyline.Article(id="g", text="The Varn dam held on Monday after a week of rain, engineers said.",
                             published=date(2024, 3, 4))
    for call in (storyline.brief, storyline.summarize, storyline.timeline):
        caplog.clear()
        call([None, good])  # type: ignore[list-item]
        assert "articles[0]: not a storyline.Article but NoneType" in caplog.text
    # an answer per article, in order, cannot leave one out: it names it instead
    with pytest.raises(storyline.InputError) as ei:
        storyline.cluster([good, None])  # type: ignore[list-item]
    assert ei.value.where == "articles[1]"
    with pytest.raises(storyline.InputError) as ei:
        storyline.summarize("The dam held.")  # type: ignore[arg-type]
    assert "read_article" in ei.value.reason


def test_a_long_text_is_tagged_in_batches_with_the_same_names() -> None:
    import storyline.analyze.entities as ner

    text = "\n\n".join(f"Mayor Helen Marsh of Brennick met Dariusz Kowalczyk of Northline Freight on day {i}. "
                       f"The National Transport Safety Agency said {i} cars had derailed near Carrow."
                       for i in range(60))
    whole = [(m.start, m.end, m.label) for m in storyline.recognize_entities(text)]
    batches = ner._token_batches([["w"] * 30] * 10, 100)
    assert batches == [(0, 4), (4, 8), (8, 10)]
    old, ner._BATCH_TOKENS = ner._BATCH_TOKENS, 200  # so this text is tagged in batches
    try:
        batched = [(m.start, m.end, m.label) for m in storyline.recognize_entities(text)]
    finally:
        ner._BATCH_TOKENS = old
    assert batched == whole and len(whole) >= 300
