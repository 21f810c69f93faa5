"""Readers: formats, stable ids, and bad input reported with file, line and reason."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

import storyline
from storyline.errors import InputError, NotAnArticle
from storyline.ingest import iter_articles


def _split(items):
    arts = [i for i in items if not isinstance(i, InputError)]
    errs = [i for i in items if isinstance(i, InputError)]
    return arts, errs


def test_read_article_from_dict_and_text() -> None:
    a = storyline.read_article({"id": "x1", "title": "T", "published": "2020-02-03", "text": "Body text.",
                                "source": "S", "url": "https://e.example/1"})
    assert (a.id, a.title, a.published, a.source) == ("x1", "T", date(2020, 2, 3), "S")
    b = storyline.read_article("date 2020-02-03\nA short title\nThe body says something. And more.")
    assert b.published == date(2020, 2, 3) and b.title == "A short title"
    assert b.text == "The body says something. And more."
    assert storyline.read_article({"text": "no date here"}).published is None


def test_a_news_api_export_gives_its_outlet_and_date_under_their_usual_names() -> None:
    a = storyline.read_article({"source": {"id": "varn-post", "name": "The Varn Post"}, "title": "Dam opens",
                                "publishedAt": "2024-03-05T09:00:00Z", "text": "The Varn dam opened on Monday."})
    assert (a.source, a.published) == ("The Varn Post", date(2024, 3, 5))
    b = storyline.read_article({"publisher": "dorne-daily", "pubDate": "Tue, 05 Mar 2024 10:00:00 GMT",
                                "text": "The Varn dam opened on Monday."})
    assert (b.source, b.published) == ("dorne-daily", date(2024, 3, 5))
    c = storyline.read_article({"source": "Varn Radio", "outlet": "ignored", "text": "The dam opened."})
    assert c.source == "Varn Radio" and c.meta["outlet"] == "ignored"
    # a fallback name fills only an empty field, and only with a usable value; else it stays in meta
    d = storyline.read_article({"publishedAt": None, "date": "2024-03-05", "text": "The dam opened."})
    assert d.published == date(2024, 3, 5)
    e = storyline.read_article({"pubDate": "not a date", "publishedAt": 1709629200, "text": "The dam opened."})
    assert e.published is None and e.meta == {"pubDate": "not a date", "publishedAt": 1709629200}
    f = storyline.read_article({"source": {"id": None, "name": " "}, "publisher": "Dorne Media", "text": "x y."})
    assert f.source == "Dorne Media"


def test_records_build_by_keyword() -> None:
    a = storyline.Article(text="Some words.", title="t")
    assert a.id and a.id == storyline.Article(text="Some  words.", title="t").id
    m = storyline.Mention(start=0, end=4, label="PERSON")
    assert m.entity_id is None


def test_jsonl_unknown_fields_kept_and_broken_line_reported(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    good = {"id": "g1", "title": "Good", "published": "2021-05-06", "text": "Fine text.", "section": "world"}
    p.write_text(json.dumps(good) + "\n{broken json\n" + json.dumps({"id": "g2", "text": "Also fine."}) + "\n",
                 encoding="utf-8")
    arts, errs = _split(list(iter_articles([p])))
    assert [a.id for a in arts] == ["g1", "g2"]
    assert arts[0].meta["section"] == "world"
    assert len(errs) == 1 and errs[0].where == f"{p}:2" and "invalid JSON" in errs[0].reason
    cut = tmp_path / "cut.json"
    cut.write_text('{"title": "x", "text": "oops', encoding="utf-8")
    (err,) = list(iter_articles([cut]))
    assert err.reason == "invalid JSON (Unterminated string starting at column 24)"


def test_jsonl_bad_fields(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    lines = [{"id": "a", "text": ""}, {"id": "b"}, {"id": "c", "text": "x", "published": "2019-13-45"}, [1, 2]]
    p.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    arts, errs = _split(list(iter_articles([p])))
    assert arts == []
    reasons = [e.reason for e in errs]
    assert "empty 'text'" in reasons[0]
    assert "missing 'text'" in reasons[1]
    assert "not a valid date" in reasons[2]
    assert "expected a JSON object" in reasons[3]
    assert [e.where for e in errs] == [f"{p}:{i}" for i in range(1, 5)]


def test_bad_files_reported_rest_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def" * 100)
    (tmp_path / "latin1.txt").write_bytes("date 2018-03-04\nCaf\xe9 owners in S\xe3o Paulo protested on Monday."
                                          .encode("latin-1"))
    (tmp_path / "baddate.txt").write_text("date 2019-02-30 Body of an article with an impossible date.")
    (tmp_path / "ok.txt").write_text("A normal article. It has two sentences.")
    body = "Caf\xe9 owners in S\xe3o Paulo protested on Monday against the new rents, the union said."
    (tmp_path / "utf32.txt").write_bytes(codecs.BOM_UTF32_LE + body.encode("utf-32-le"))
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 8)  # no text in any encoding we read
    (tmp_path / "ebcdic.txt").write_bytes(body.encode("cp500"))
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.write(b"word " * (11 * 1024 * 1024))  # 55 MB
    arts, errs = _split(list(iter_articles([tmp_path])))
    by_name = {Path(e.where.split(":")[0]).name: e.reason for e in errs}
    assert by_name["empty.txt"] == "empty file"
    assert "PNG" in by_name["image.txt"]
    assert "NUL" in by_name["nul.txt"]
    assert "impossible date" in by_name["baddate.txt"]
    assert "MB" in by_name["huge.txt"] and "limit" in by_name["huge.txt"]
    assert "known encoding" in by_name["noise.txt"] and "known encoding" in by_name["ebcdic.txt"]
    names = sorted(Path(a.meta["path"]).name for a in arts)
    assert names == ["latin1.txt", "ok.txt", "utf32.txt"]
    assert "São Paulo" in next(a for a in arts if a.meta["path"].endswith("utf32.txt")).text
    latin = next(a for a in arts if a.meta["path"].endswith("latin1.txt"))
    assert "Café owners in São Paulo" in latin.text and latin.published == date(2018, 3, 4)


def test_a_json_file_that_holds_no_article_is_named_not_passed_over(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "none.json").write_text("[]\n")
    (tmp_path / "blank.jsonl").write_text("\n  \n\n")
    (tmp_path / "none.json.gz").write_bytes(gzip.compress(b"[ ]"))
    (tmp_path / "one.jsonl").write_text('\n{"title": "Kelby pool", "text": "Kelby will build a pool, the mayor said."}\n')
    arts, errs = _split(list(iter_articles([tmp_path])))
    assert [a.title for a in arts] == ["Kelby pool"]
    assert sorted((Path(e.where).name, e.reason) for e in errs) == [
        ("blank.jsonl", "no article in it: only blank lines"),
        ("none.json", "no article in it: an empty JSON array"),
        ("none.json.gz", "no article in it: an empty JSON array")]


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    errs = list(iter_articles([tmp_path / "nope", str(tmp_path / "*.jsonl")]))
    assert [e.reason for e in errs] == ["no such file or folder", "no file matches this pattern"]


def test_an_empty_path_and_a_dash_are_refused_not_read_as_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    """An empty path (`storyline ingest "$FOLDER"` with the variable unset) is no input, not the current
    folder read recursively; "-" says that standard input is not read (unless a file is named so)."""
    from storyline.ingest import nothing_to_read

    monkeypatch.chdir(tmp_path)
    (tmp_path / "here.txt").write_text("title: Gull count\n\nVolunteers counted 400 gulls at Hollin Bay.\n")
    errs = list(iter_articles(["", "  ", "-"]))
    assert [e.reason for e in errs] == ["an empty path: give a file, a folder or a pattern"] * 2 + [
        "standard input is not read: save it to a file and give the file's name (or POST it to "
        "`storyline serve`'s /api/articles)"]
    assert [e.where for e in nothing_to_read(["", "-"])] == ["''", "-"]
    (tmp_path / "-").write_text("title: Dash file\n\nA file named with a dash is read as any other.\n")
    assert [a.title for a in iter_articles(["-"])] == ["Dash file"] and nothing_to_read(["-", ""]) == []


def test_a_pattern_of_folders_reads_what_they_hold_and_an_unreadable_folder_is_named(tmp_path: Path,
                                                                                  monkeypatch) -> None:
    for day in ("2024-03-01", "2024-03-02"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "a.txt").write_text(f"The ferry ran late on {day}. Passengers waited an hour.")
    arts, errs = _split(list(iter_articles([str(tmp_path / "2024-*")])))
    assert len(arts) == 2 and not errs
    # a folder the walk cannot enter is reported by name, not skipped in silence
    import os

    real_walk = os.walk

    def walk(top, onerror=None, **kw):  # type: ignore[no-untyped-def]
        if onerror is not None:
            onerror(PermissionError(13, "Permission denied", str(tmp_path / "2024-03-02")))
        yield from real_walk(tmp_path / "2024-03-01", **kw)

    monkeypatch.setattr(os, "walk", walk)
    arts, errs = _split(list(iter_articles([tmp_path])))
    assert len(arts) == 1
    assert [(e.where, e.reason) for e in errs] == [(str(tmp_path / "2024-03-02"), "cannot read folder (Permission denied)")]


def test_a_pipe_or_a_device_is_named_for_what_it_is(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "feed.txt")  # a reader would wait forever on a pipe no one writes
    (tmp_path / "ok.txt").write_text("The ferry ran late on Monday. Passengers waited an hour.")
    arts, errs = _split(list(iter_articles([tmp_path, "/dev/null"])))
    assert len(arts) == 1
    assert [e.where for e in errs] == [str(tmp_path / "feed.txt"), "/dev/null"]
    assert all("not a regular file" in e.reason for e in errs)


def test_read_article_raises_with_name(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("")
    with pytest.raises(InputError) as ei:
        storyline.read_article(p)
    assert str(p) in str(ei.value) and "empty" in str(ei.value)


def test_feed_and_html(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Town News</title>'
        '<item><title>Bridge closes</title><link>https://t.example/b</link>'
        '<pubDate>Tue, 08 Jan 2019 10:00:00 GMT</pubDate>'
        '<description>&lt;p&gt;The old bridge closed on Tuesday.&lt;/p&gt;&lt;p&gt;Repairs take a month.&lt;/p&gt;'
        '</description></item><item><title>Empty</title></item></channel></rss>', encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>x</item></rss>")
    arts, errs = _split(list(iter_articles([tmp_path])))
    assert len(arts) == 1
    a = arts[0]
    assert (a.title, a.url, a.published, a.source) == ("Bridge closes", "https://t.example/b", date(2019, 1, 8),
                                                       "Town News")
    assert a.text == "The old bridge closed on Tuesday.\n\nRepairs take a month."
    reasons = sorted(e.reason for e in errs)
    assert any("malformed feed XML" in r for r in reasons)
    assert any("has no text" in r for r in reasons)


def test_a_feed_that_is_not_well_formed_keeps_its_whole_items(tmp_path: Path) -> None:
    item = ("<item><title>{t}</title><link>https://t.example/{n}</link>"
            "<description>{d}</description></item>")
    good = [item.format(t="Bridge reopens", n=1, d="The Harbor Bridge reopened on Tuesday after repairs."),
            item.format(t="Bread & Butter fair", n=2, d="The fair drew 4,000 visitors &amp; traders on Saturday."),
            item.format(t="Council votes &bogus; budget", n=3, d="The council approved a budget on Monday evening."),
            "<item><title><![CDATA[Q&A: the new ferry]]></title><link>https://t.example/4</link>"
            "<description><![CDATA[<p>The ferry runs every 20 minutes &amp; costs 2 euros.</p>]]></description></item>"]
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Town News</title>'
    (tmp_path / "amp.rss").write_text(head + "".join(good) + "</channel></rss>", encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path / "amp.rss"])))
    # a bare "&" and an "&" before a name no one defines mean themselves; CDATA text is literal
    assert [a.title for a in arts] == ["Bridge reopens", "Bread & Butter fair", "Council votes &bogus; budget",
                                       "Q&A: the new ferry"]
    assert arts[1].text == "The fair drew 4,000 visitors & traders on Saturday."
    assert arts[3].text == "The ferry runs every 20 minutes & costs 2 euros."
    assert not errs
    # a feed cut off inside its third item: the two whole items are kept, the cut is reported
    cut = head + good[0] + good[1] + good[2][:60]
    (tmp_path / "cut.rss").write_text(cut, encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path / "cut.rss"])))
    assert [a.title for a in arts] == ["Bridge reopens", "Bread & Butter fair"]
    assert len(errs) == 1 and "malformed feed XML" in errs[0].reason and "2 whole item" in errs[0].reason
    assert str(tmp_path / "cut.rss") in errs[0].where
    # entity declarations stay refused (no expansion of a hostile document)
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<rss><channel><item><title>&b;</title><description>x y z</description></item></channel></rss>')
    (tmp_path / "bomb.rss").write_text(bomb, encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path / "bomb.rss"])))
    assert not arts and len(errs) == 1 and "malformed feed XML" in errs[0].reason


def test_warc(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    body = ("<html><head><title>Port reopens after storm</title></head><body><article>"
            + "".join(f"<p>The harbour authority said ships could dock again on Friday, paragraph {i}, after "
                      f"three days of gales that closed the port and left dozens of trucks waiting.</p>"
                      for i in range(6))
            + "</article></body></html>").encode()
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, ctype in enumerate(["text/html; charset=utf-8", "image/png"]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(f"https://port.example/{i}", "response",
                                                payload=BytesIO(body), http_headers=headers))
    arts, errs = _split(list(iter_articles([path])))
    # the records that are no article are counted by type, in a warning (the ingest succeeds)
    assert [(type(e).__name__, e.reason) for e in errs] == [
        ("InputWarning", "1 response of another type than HTML (image/png 1) left aside: no article in them")]
    assert len(arts) == 1 and arts[0].url == "https://port.example/0"
    assert "ships could dock again" in arts[0].text
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file at all")
    _, errs = _split(list(iter_articles([bad])))
    assert len(errs) == 1 and str(bad) in errs[0].where


def test_the_bytes_of_the_inputs_are_told_as_they_are_read_and_add_up_to_their_size(tmp_path: Path) -> None:
    """A progress bar's total and time left: ``input_size`` counts the bytes of the files an ingest reads
    (a folder walked, its files not named like articles left out; None for a URL, whose size is unknown),
    and ``read`` hears them as they are read: a WARC record by record, a JSON Lines file line by line,
    another file once read, in increments that add up to that size."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from storyline.ingest import input_size

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("The Lanmoor ferry resumed service on Tuesday after repairs.", encoding="utf-8")
    (folder / "sub" / "b.jsonl").write_text("".join(json.dumps({"id": f"j{k}", "text": f"Lanmoor council met {k} times "
                                                                "over the ferry repairs, the clerk said."}) + "\n"
                                                    for k in range(3)), encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")   # not named like an article: not read
    with (folder / "crawl.warc").open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for k in range(6):
            body = ("<html><head><title>Quay works, day %d</title></head><body><article>" % k + "".join(
                f"<p>Crews on the Lanmoor quay poured concrete for the new ramp on day {k}, section {i}, the "
                f"harbour office said in its weekly note to residents.</p>" for i in range(60))
                + "</article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(f"https://quay.example/{k}", "response", payload=BytesIO(body),
                                                http_headers=headers))
    sizes = {f.name: f.stat().st_size for f in (folder / "a.txt", folder / "sub" / "b.jsonl", folder / "crawl.warc")}
    assert input_size([folder]) == sum(sizes.values())
    assert input_size([str(folder / "*.txt")]) == sizes["a.txt"]
    assert input_size([folder, "https://news.example/feed"]) is None
    events: list[tuple[str, int]] = []
    for item in iter_articles([folder], read=lambda n: events.append(("read", n))):
        events.append(("item", 0) if isinstance(item, storyline.Article) else ("error", 0))
    assert sum(n for what, n in events if what == "read") == sum(sizes.values())
    assert all(n > 0 for what, n in events if what == "read")
    items = [i for i, (what, _) in enumerate(events) if what == "item"]
    assert len(items) == 1 + 6 + 3
    # heard while each many-article file is read, not only once it is: between its first and last article
    warc, jsonl = items[1:7], items[7:]
    assert sum(n for what, n in events[warc[0]:warc[-1]] if what == "read") > 0
    assert sum(n for what, n in events[jsonl[0]:jsonl[-1]] if what == "read") > 0


def test_an_article_without_an_outlet_is_named_by_the_site_of_its_address() -> None:
    from storyline.ingest.checks import site_of

    text = "Crews worked through the night to clear the line after the derailment on Monday."
    a = storyline.read_article({"id": "x", "title": "t", "text": text,
                                "url": "https://edition.example-news.com/2031/03/11/derailment.html"})
    assert a.source == "example-news.com"
    # a named outlet is kept
    named = storyline.read_article({"id": "y", "title": "t", "text": text, "source": "Valley Courier",
                                    "url": "https://www.valleycourier.co.uk/news/1"})
    assert named.source == "Valley Courier"
    assert site_of("https://www.valleycourier.co.uk/news/1") == "valleycourier.co.uk"
    assert site_of("http://127.0.0.1:8000/a") is None and site_of("feed.xml") is None


def test_a_date_marker_after_the_title_line_is_read(tmp_path: Path) -> None:
    """A title line, then the date marker on the body's first line: the date is the article's and
    the marker is no part of its text."""
    p = tmp_path / "coastal.txt"
    p.write_text("Fire closes the eastern docks\ndate 2025-06-05 The eastern docks stayed shut on Thursday.\n")
    (art,) = list(iter_articles([p]))
    assert art.title == "Fire closes the eastern docks" and art.published == date(2025, 6, 5)
    assert art.text == "The eastern docks stayed shut on Thursday."



def test_a_line_that_holds_an_iso_date_alone_is_the_articles_date(tmp_path: Path) -> None:
    """A title line, then "2025-06-05" alone on its line (as many exports write it), was body text and the
    article undated; alone on the first line it was the title. It is the date marker, before or after the
    title; a date inside the body's first line, or one that is no date, stays text."""
    body = "The eastern docks stayed shut on Thursday, the harbour office said."
    for name, raw in (("after.txt", f"Fire closes the eastern docks\n2025-06-05\n\n{body}\n"),
                      ("before.txt", f"2025-06-05\nFire closes the eastern docks\n{body}\n")):
        (tmp_path / name).write_text(raw, encoding="utf-8")
        (art,) = list(iter_articles([tmp_path / name]))
        assert (art.title, art.published, art.text) == ("Fire closes the eastern docks", date(2025, 6, 5), body), name
    (tmp_path / "odd.txt").write_text(f"Fire closes the eastern docks\n2025-13-45\n{body}\n", encoding="utf-8")
    (tmp_path / "inline.txt").write_text(f"Fire closes the eastern docks\n2025-06-05 saw {body}\n", encoding="utf-8")
    for name in ("odd.txt", "inline.txt"):
        (art,) = list(iter_articles([tmp_path / name]))
        assert art.published is None and art.text.startswith("2025-"), name

def test_a_binary_file_named_jsonl_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    p = tmp_path / "noise.jsonl"
    p.write_bytes(bytes(range(256)) * 40)
    errs = list(iter_articles([p]))
    assert len(errs) == 1 and isinstance(errs[0], InputError)
    assert errs[0].where == str(p) and "not a JSON lines file" in errs[0].reason
    # a real JSON lines file keeps one error per bad line, and its good lines
    good = tmp_path / "mixed.jsonl"
    good.write_text("\n".join(["{broken", json.dumps({"id": "a", "text": "A fire broke out."}), "{also broken"]))
    items = list(iter_articles([good]))
    assert [type(x).__name__ for x in items] == ["InputError", "Article", "InputError"]


def test_an_unreadable_date_marker_after_the_title_is_reported_on_its_line(tmp_path: Path) -> None:
    p = tmp_path / "slash.txt"
    p.write_text("Fire closes the docks\ndate 2025/06/05 The docks stayed shut on Thursday.\n")
    (err,) = list(iter_articles([p]))
    assert isinstance(err, InputError) and err.where == f"{p}:2" and "unreadable date" in err.reason


def test_a_file_not_named_like_an_article_beside_articles_is_named_not_skipped_in_silence(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.serve.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2031-03-02\nFerry aground\nA ferry ran aground off Skarvik on Tuesday.")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / ".DS_Store").write_bytes(b"\0\0")
    (folder / "s.db.update-lock").write_bytes(b"")     # a store kept beside its inputs
    r = CliRunner().invoke(app, ["--db", str(tmp_path / "s.db"), "ingest", "-q", str(folder)])
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "1 new" in out and "report.pdf" in out and "not named like articles" in out and ".DS_Store" not in out
    assert "update-lock" not in out


def test_a_json_array_of_many_articles_is_read_past_one_articles_size_limit(tmp_path: Path) -> None:
    from storyline.ingest.files import read_path

    arts = [{"title": f"Ferry {i}", "published": "2031-03-02",
             "text": f"The ferry number {i} sailed again on Thursday after repairs to its hull, the operator said."}
            for i in range(40)]
    f = tmp_path / "export.json"
    f.write_text(json.dumps(arts))
    assert f.stat().st_size > 2000
    got, errs = _split(list(read_path(f, max_bytes=2000)))       # one article may be 2 kB, the array more
    assert len(got) == 40 and not errs
    big = tmp_path / "one.txt"
    big.write_text("word " * 1000)
    _, errs = _split(list(read_path(big, max_bytes=2000)))
    assert errs and "over the 0 MB limit for one article" in errs[0].reason


def test_a_text_file_names_its_outlet_title_and_address_in_lines_of_its_own(tmp_path: Path) -> None:
    from storyline.ingest.files import read_path

    f = tmp_path / "0412.txt"
    f.write_text("source: Harlow Gazette\ntitle: Bridge closed to lorries\nurl: https://harlow.example/bridge\n"
                 "date 2026-03-02\nThe council closed the Old Mill bridge to lorries on Monday.\n")
    (a,), _ = _split(list(read_path(f)))
    assert (a.source, a.title, a.url, a.published) == ("Harlow Gazette", "Bridge closed to lorries",
                                                       "https://harlow.example/bridge", date(2026, 3, 2))
    assert a.text == "The council closed the Old Mill bridge to lorries on Monday."
    g = tmp_path / "plain.txt"
    g.write_text("date 2026-03-02\nsource: Pennford Post\nThe ferry sailed again on Thursday, the operator said.")
    (b,), _ = _split(list(read_path(g)))
    assert (b.source, b.published, b.title) == ("Pennford Post", date(2026, 3, 2), None)
    h = tmp_path / "bare.txt"
    h.write_text("The ferry sailed again on Thursday, the operator said.")
    (c,), _ = _split(list(read_path(h)))
    assert c.source == "bare"       # no source line: the file's name


def test_a_text_files_field_lines_that_are_no_fields_stay_out_of_its_identity_and_body(tmp_path: Path) -> None:
    from storyline.ingest.files import read_path

    for k in range(2):
        (tmp_path / f"n{k}.txt").write_text(f"url: n/a\nThe ferry number {k} sailed again on Thursday.")
    ids = {a.id for k in range(2) for a in _split(list(read_path(tmp_path / f"n{k}.txt")))[0]}
    assert len(ids) == 2                       # "url: n/a" is no address shared by both
    f = tmp_path / "s.txt"
    f.write_text("Source: Officials say 40 people died when the river burst its banks overnight.\nMore followed.")
    (a,), _ = _split(list(read_path(f)))
    assert a.source == "s" and a.text.startswith("Source: Officials say 40 people died")


_STORY = ("<p>The Harbor Bridge over the Varn reopened to traffic on Tuesday after six weeks of repairs to its "
          "eastern span, the city's transport office said.</p>"
          "<p>Engineers replaced forty steel cables and resurfaced the deck, and the work cost about 12 million "
          "euros, according to the office's figures published on Monday evening.</p>"
          "<p>Ferry operators, who carried commuters across the river while the bridge was shut, said their "
          "extra services would end on Friday as traffic returned to the old route.</p>")


def test_a_pages_furniture_gives_neither_its_date_nor_its_lines(tmp_path: Path) -> None:
    """A date in a 'most read' list is no date of the article (the byline's <time> is); a 'READ MORE'
    pointer, a 'Next story' link and a 'Print | Email' bar made of links are no lines of its text."""
    page = ("<html><head><title>Harbor Bridge reopens after repairs</title></head><body>"
            "<h1>Harbor Bridge reopens after repairs</h1><p class='byline'>By Ana Ruiz "
            "<time datetime='2019-04-09T09:10:00Z'>Tuesday, April 9, 2019</time></p><div class='text'>" + _STORY
            + "<p><strong>READ MORE:</strong> <a href='/s/2'>Ferry fares to rise in the summer season</a></p>"
            "<p><a href='#'>Print this article</a> | <a href='#'>Email to a friend</a></p>"
            "<p>Next story: <a href='/s/3'>Council approves the new tram depot in Eastbury</a></p></div>"
            "<aside class='most-read'><h3>Most read</h3><ol><li><a href='/s/4'>Storm floods the old market</a> "
            "<span class='date'>May 19, 2019</span></li><li><a href='/s/5'>Chef wins bread award</a> "
            "<span class='date'>May 20, 2019</span></li></ol></aside></body></html>")
    (tmp_path / "bridge.html").write_text(page, encoding="utf-8")
    a = storyline.read_article(tmp_path / "bridge.html")
    assert a.published == date(2019, 4, 9)
    assert a.text.startswith("The Harbor Bridge over the Varn") and a.text.endswith("to the old route.")
    assert "READ MORE" not in a.text and "Next story" not in a.text and "Print" not in a.text


def test_a_sentence_written_with_many_links_is_the_articles(tmp_path: Path) -> None:
    """A blog's paragraph whose words are mostly links is prose (words of its own between them), not a
    'READ MORE' pointer: it stays in the text, the pointer does not."""
    linked = ("<p>As <a href='/a'>the transport office</a> said in <a href='/b'>its statement</a>, the "
              "<a href='/c'>cable repairs</a> follow <a href='/d'>last winter's storms</a> and "
              "<a href='/e'>a report by the county engineers</a>.</p>")
    page = ("<html><head><title>Harbor Bridge reopens after repairs</title></head><body>"
            "<h1>Harbor Bridge reopens after repairs</h1><div class='text'>" + _STORY + linked
            + "<p><strong>READ MORE:</strong> <a href='/s/2'>Ferry fares to rise in the summer season</a></p>"
            "<p>The office said a second inspection of the western span would follow in the autumn.</p>"
            "</div></body></html>")
    (tmp_path / "blog.html").write_text(page, encoding="utf-8")
    a = storyline.read_article(tmp_path / "blog.html")
    assert "follow last winter's storms and a report by the county engineers." in a.text
    assert "READ MORE" not in a.text


def test_a_page_titled_by_its_site_alone_is_titled_by_its_heading(tmp_path: Path) -> None:
    """An old site's page: the <title> is the site's name, the date a line above the heading, a
    poster's line under it and the tags under the text. The heading is the title, the name the source,
    and the date, poster's and tags' lines are no part of the text."""
    page = ("<html><head><title>Varn Valley Gazette</title></head><body><table><tr><td>"
            "<p class='date'>Tuesday, April 9, 2019</p><h2>Harbor Bridge reopens to traffic after six weeks</h2>"
            "<p>Posted by admin in Town News</p>" + _STORY + "<p>Tags: Bridge, Traffic, Varn</p></td></tr></table>"
            "</body></html>")
    (tmp_path / "gazette.html").write_text(page, encoding="utf-8")
    a = storyline.read_article(tmp_path / "gazette.html")
    assert a.title == "Harbor Bridge reopens to traffic after six weeks"
    assert a.source == "Varn Valley Gazette" and a.published == date(2019, 4, 9)
    assert a.text.startswith("The Harbor Bridge over the Varn") and a.text.endswith("to the old route.")


def test_a_saved_page_is_known_by_the_address_its_save_note_writes(tmp_path: Path) -> None:
    """A page saved by a browser ("saved from url=") or by SingleFile (its url and saved date) with no
    canonical link or site name: its address is the one noted, its source the site of that address,
    SingleFile's saved date its capture. A note of a local file ("about:internet") is no address."""
    head = "<html><head><title>Harbor Bridge reopens after repairs</title></head><body><h1>Harbor Bridge reopens</h1>"
    pages = {"browser.html": "<!DOCTYPE html>\n<!-- saved from url=(0050)https://www.varnpost.example/city/bridge.html -->\n",
             "single.html": ("<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://news.varnpost.example/"
                             "bridge \n saved date: Thu Apr 11 2019 08:30:00 GMT+0200 (CEST)\n-->"),
             "local.html": "<!DOCTYPE html>\n<!-- saved from url=(0014)about:internet -->\n"}
    for name, note in pages.items():
        (tmp_path / name).write_text(note + head + _STORY + "</body></html>", encoding="utf-8")
    browser, single, local = (storyline.read_article(tmp_path / name) for name in pages)
    assert (browser.url, browser.source) == ("https://www.varnpost.example/city/bridge.html", "varnpost.example")
    assert (single.url, single.source) == ("https://news.varnpost.example/bridge", "varnpost.example")
    assert single.meta["captured"] == "2019-04-11" and single.published is None
    assert local.url is None and local.source is None


def test_a_site_named_by_the_pages_title_is_its_source_though_its_address_is_known() -> None:
    """A page whose <title> names only its site is that site's, also when read from its address (a
    WARC record, a fetched page): the name the page writes, not the host of the address."""
    from storyline.ingest.html import parse_html

    page = ("<html><head><title>Varn Valley Gazette</title></head><body><h2>Harbor Bridge reopens to traffic after "
            "six weeks</h2>" + _STORY + "</body></html>")
    a = parse_html(page, "x", url="https://www.varngazette.example/news/bridge.html")
    assert a.source == "Varn Valley Gazette" and a.title == "Harbor Bridge reopens to traffic after six weeks"


def test_a_headline_part_with_a_full_stop_is_no_site_name() -> None:
    """trafilatura takes a part of the <title> around a dash or colon that holds a full stop for the
    site's domain name: "U.S." of "U.S. - Varn trade talks resume" is no outlet (the page is then its
    address's site's, as any page without a site name). A domain name in the title, or a site name the metadata declares, stays."""
    from storyline.ingest.html import parse_html

    def page(title: str, head: str = "") -> str:
        return (f"<html><head><title>{title}</title>{head}</head><body><h1>{title.split(' | ')[0]}</h1>"
                + _STORY + "</body></html>")

    talks = parse_html(page("U.S. - Varn trade talks resume"), "x", url="https://news.varnpost.example/talks")
    assert talks.title == "U.S. - Varn trade talks resume" and talks.source is None   # (its address's site, later)
    bridge = parse_html(page("Harbor Bridge reopens - Mayor Dr. Ilse Varn speaks"), "y")
    assert bridge.source is None
    assert parse_html(page("Harbor Bridge reopens | varnpost.example"), "z").source == "varnpost.example"
    declared = page("Harbor Bridge reopens | St. Varn Courier", '<meta property="og:site_name" content="St. Varn Courier">')
    assert parse_html(declared, "w").source == "St. Varn Courier"
    # the headline or a description the metadata holds declares no site name of a part of them
    for head in ('<meta property="og:title" content="U.S. - Varn trade talks resume">',
                 '<meta name="description" content="U.S. and Varn negotiators met in Corvel.">'):
        assert parse_html(page("U.S. - Varn trade talks resume", head), "v").source is None, head
    ld = '<script type="application/ld+json">{"publisher": {"name": "St. Varn Courier"}}</script>'
    assert parse_html(page("Harbor Bridge reopens | St. Varn Courier", ld), "u").source == "St. Varn Courier"


def _undated_warc(path: Path, pages: dict[str, str], captured: str) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, text in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            page = f"<html><head><title>{url.rsplit('/', 1)[1]}</title></head><body><article>{text}</article></body></html>"
            w.write_record(w.create_warc_record(url, "response", payload=BytesIO(page.encode()), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": captured}))


def test_an_undated_page_of_a_web_archive_is_dated_by_its_capture_as_a_last_resort(tmp_path: Path) -> None:
    """A WARC page that declares no date and names no day is dated by its capture (it was up by then),
    marked inferred and noted so, and its brief lists it as "captured <date>"; an archived page whose
    own days are of years before is not; a story's later days are no date of a page captured earlier."""
    from storyline.analyze.dct import with_inferred_dates
    from storyline.serve.render import _source_name

    plain = _STORY.replace(" on Tuesday", "").replace(" on Monday evening", "").replace(" on Friday", "")
    path = tmp_path / "crawl.warc.gz"
    _undated_warc(path, {"https://varnpost.example/bridge": plain}, "2019-04-12T08:00:00Z")
    (bridge,), errs = _split(list(iter_articles([path])))
    assert not errs and bridge.published is None and bridge.meta["captured"].startswith("2019-04-12")
    (dated_bridge,) = with_inferred_dates([bridge])
    assert (dated_bridge.published, dated_bridge.published_inferred) == (date(2019, 4, 12), True)
    assert dated_bridge.meta["dated_by"] == "capture"
    museum = storyline.Article(text="The Varn Museum opened its new wing on 3 March 2009, and a second hall "
                                    "followed on 17 March 2009.", meta={"captured": "2019-04-12T08:00:00Z"})
    assert with_inferred_dates([museum])[0].published is None
    from storyline.consolidate.brief import article_info

    assert _source_name(article_info(dated_bridge)) == "varnpost.example, captured 2019-04-12"
    later = storyline.Article(text="The bridge's tolls were cut.", published=date(2019, 5, 20), id="later")
    (_, inferred) = with_inferred_dates([later, bridge])
    assert inferred.published == date(2019, 4, 12) and "dated_by" not in inferred.meta


def test_ingest_says_an_undated_page_of_a_crawl_is_dated_by_its_capture(tmp_path: Path) -> None:
    """The ingest's note on new articles without a publication date tells the pages of a crawl apart:
    they are dated by their capture (the brief shows "captured"), not left undated."""
    from typer.testing import CliRunner

    from storyline.serve.cli import app

    plain = _STORY.replace(" on Tuesday", "").replace(" on Monday evening", "").replace(" on Friday", "")
    _undated_warc(tmp_path / "crawl.warc.gz", {"https://varnpost.example/bridge": plain}, "2019-04-12T08:00:00Z")
    (tmp_path / "note.txt").write_text("The Varn ferry ran late again, its captain said.\n" * 3, encoding="utf-8")
    db = str(tmp_path / "s.db")
    out = " ".join(CliRunner().invoke(app, ["--db", db, "ingest", "-q", str(tmp_path / "crawl.warc.gz")]).output.split())
    assert "1 new article has no publication date: it is a page of a crawl, dated by its capture" in out
    out = " ".join(CliRunner().invoke(app, ["--db", db, "ingest", "-q", str(tmp_path / "note.txt")]).output.split())
    assert "1 new article has no publication date: relative dates" in out and "crawl" not in out


def test_a_web_archive_pages_date_after_its_capture_is_dropped_with_a_warning(tmp_path: Path) -> None:
    """A WARC page cannot be published after the crawler fetched it: a declared date more than a day
    after the record's WARC-Date is dropped (the capture then dates the page, as for any undated
    capture) with a warning naming the record; a date one day ahead (a time zone east of UTC) or
    before the capture is the page's."""
    from storyline.analyze.dct import with_inferred_dates

    path = tmp_path / "crawl.warc.gz"
    pages = {f"https://varnpost.example/{name}": f"<p><time datetime='{day}'>{day}</time></p>{_STORY}"
             for name, day in (("late", "2019-05-20"), ("east", "2019-04-13"), ("early", "2019-04-10"))}
    _undated_warc(path, pages, "2019-04-12T22:30:00Z")
    arts, errs = _split(list(iter_articles([path])))
    assert not errs
    by_url = {a.url.rsplit("/", 1)[1]: a for a in arts}
    late = by_url["late"]
    assert late.published is None
    (warning,) = late.meta["warnings"]
    assert warning["where"] == f"{path}#https://varnpost.example/late"
    assert "2019-05-20" in warning["reason"] and "capture" in warning["reason"]
    assert with_inferred_dates([late])[0].published <= date(2019, 4, 12)
    assert by_url["east"].published == date(2019, 4, 13) and not by_url["east"].meta.get("warnings")
    assert by_url["early"].published == date(2019, 4, 10)


_TEASERS = [("Weir to stay shut until spring", "The river authority said repairs to the northern weir would take months."),
            ("Ferry fares rise for summer", "Operators on the Oldmere crossing will charge two euros more from June."),
            ("Council backs new tram depot", "Councillors voted 31 to 9 for the depot on the old gasworks site."),
            ("Storm floods old market", "Traders in the covered market spent the day clearing water from stalls."),
            ("Lock keeper retires", "Anna Brell, who has kept the Marrow lock since 1984, hands over the keys.")]


def test_an_index_page_of_teasers_is_no_article(tmp_path: Path) -> None:
    """A section page lists other pages' headlines, each with a line and a 'Read more' link: it is
    reported as no article page, naming the file, not stored as an article of teasers. A live page whose
    entries are headed by links to places on the page, and an article followed by a few teasers, are
    articles."""
    teasers = "".join(f"<div class='teaser'><h3><a href='/news/{i}'>{h}</a></h3><p>{t}</p>"
                      f"<a href='/news/{i}'>Read more</a></div>" for i, (h, t) in enumerate(_TEASERS))
    (tmp_path / "latest.html").write_text("<html><head><title>Varn Post - Latest</title></head><body>"
                                          f"<h1>Latest news</h1>{teasers}</body></html>", encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path / "latest.html"])))
    assert not arts and len(errs) == 1 and errs[0].where.endswith("latest.html")
    assert "not an article page" in errs[0].reason
    live = "".join(f"<div class='entry' id='e{i}'><h3><a href='#e{i}'>{9 + i}:00</a> {h}</h3><p>{t}</p></div>"
                   for i, (h, t) in enumerate(_TEASERS))
    (tmp_path / "live.html").write_text("<html><head><title>Flood day: live</title></head><body><h1>Flood day: "
                                        f"live</h1>{live}</body></html>", encoding="utf-8")
    (tmp_path / "story.html").write_text("<html><head><title>Harbor Bridge reopens</title></head><body><h1>Harbor "
                                         f"Bridge reopens</h1>{_STORY}{teasers}</body></html>", encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path / "live.html", tmp_path / "story.html"])))
    assert not errs and len(arts) == 2 and "Anna Brell" in arts[0].text
    assert arts[1].text.startswith("The Harbor Bridge over the Varn")


def test_a_blog_feeds_appeared_first_line_is_no_part_of_the_item(tmp_path: Path) -> None:
    body = _STORY + ("<p>The post <a href='https://t.example/b'>Harbor Bridge reopens</a> appeared first on "
                     "<a href='https://t.example'>Town News</a>.</p>")
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        '<channel><title>Town News</title><item><title>Harbor Bridge reopens</title><link>https://t.example/b</link>'
        f'<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>', encoding="utf-8")
    arts, errs = _split(list(iter_articles([tmp_path / "feed.rss"])))
    assert len(arts) == 1 and arts[0].text.endswith("to the old route.")


def test_a_year_or_a_comments_date_in_a_pages_text_is_no_publication_date(tmp_path: Path) -> None:
    """A page that declares no date (no metadata, no <time>, no dated address) is undated, not dated
    by a year its text names ("since 1996" read as 1996-01-01) or by a reader's comment's stamp; a date
    its address or a byline's element of class "date" gives is still read."""
    body = (_STORY + "<p>The bridge has carried the coast road since 1996, when the old ferry closed.</p>"
            "<p>Marta Voss, March 3, 2021 at 6:12 am | Report abuse | The tolls were too high anyway.</p>")
    (tmp_path / "bridge.html").write_text(f"<html><head><title>Harbor Bridge reopens</title></head><body>"
                                          f"<article>{body}</article></body></html>", encoding="utf-8")
    assert storyline.read_article(tmp_path / "bridge.html").published is None
    from storyline.ingest.html import parse_html

    page = f"<html><body><article>{body}</article></body></html>"
    assert parse_html(page, "x", url="https://varnpost.example/2019/04/09/bridge.html").published == date(2019, 4, 9)
    byline = page.replace("<article>", "<article><p class='date'>April 9, 2019</p>")
    assert parse_html(byline, "y").published == date(2019, 4, 9)


def test_a_file_url_names_the_local_file(tmp_path: Path) -> None:
    """"file:///…/x.txt" (what a browser's address bar shows for a local file) is read as that file;
    one of another machine is refused saying so, not "no such file"."""
    folder = tmp_path / "night desk"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Harbour crane toppled in gale\n\nA crane at the Tesselby harbour fell "
                                        "over in a gale on Sunday night. No one was hurt, the port authority said.\n")
    url = (folder / "harbour.txt").as_uri()                 # file:///…/night%20desk/harbour.txt
    arts, errs = _split(list(iter_articles([url, url.replace("file://", "file://localhost")])))
    assert not errs and [a.title for a in arts] == ["Harbour crane toppled in gale"] * 2
    arts, errs = _split(list(iter_articles(["file://fileserver/share/harbour.txt"])))
    assert not arts and len(errs) == 1 and "another machine (fileserver)" in errs[0].reason


def test_a_feed_read_again_warns_only_of_the_items_it_stores(tmp_path: Path) -> None:
    """A teaser item of a feed file is stored with a warning; read again (the same feed, the next
    morning) it is found stored, and a warning about an article this run did not store is noise."""
    from storyline.config import Settings
    from storyline.pipeline import ingest_paths
    from storyline.store.sqlite import SQLiteStore

    def item(n: int, words: int) -> str:
        text = " ".join(f"Ferry{n} crews on the Ostvik crossing tested the new ramp, day {i}." for i in range(words // 10))
        return (f"<item><title>Ostvik ferry ramp {n}</title><link>https://ostvik.example/{n}</link>"
                f"<guid>ostvik-{n}</guid><pubDate>Tue, 0{n} Apr 2024 08:00:00 GMT</pubDate>"
                f"<description>{text}</description></item>")

    feed = tmp_path / "ostvik.rss"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Ostvik</title>{item(1, 40)}"
                    f"{item(2, 300)}</channel></rss>", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "s.db"))
    with SQLiteStore(settings.db_path()) as st:
        first = ingest_paths(st, [feed], settings)
        assert len(first.new) == 2 and len(first.warnings) == 1 and "teaser" in first.warnings[0][1]
        again = ingest_paths(st, [feed], settings)
        assert again.new == [] and len(again.duplicate) == 2 and again.warnings == []


# --- pages that are no article: a site's notices to its reader, and its lines among paragraphs --------

_BRIDGE = ("The Harlow county council voted on Tuesday to close the Old Mill bridge to lorries after "
           "engineers found cracks in two of its arches. Councillor Dana Whitcombe said repairs would "
           "take until spring and cost about 2 million pounds.")


@pytest.mark.parametrize(("page", "kind"), [
    # a web archive's note of its own crawling: no "you", no well-known phrasing, dense in the page's machinery
    ("These captures of the site were crawled by the archive's robots. Archived pages keep their links "
     "to other pages on the web, and crawls of some sites run every week.", "a web-archive notice"),
    ("Our website stores cookies on your device. You can change your cookie settings in your browser at "
     "any time. Accept and continue", "a cookie notice"),
    ("Please log in to your account to read this page. Forgot your password? Create an account to keep "
     "reading.", "a log-in or subscription notice"),
    ("Post with a map pin: you can attach your town to your tweets from the app, and remove it from each "
     "tweet later. Learn more", "a social-media embed or page notice"),
    ("Home\nWorld\nSport\nWeather\nContact us\nOur offices", "a page of menus and links"),
])
def test_a_page_that_is_a_sites_notice_is_no_article(tmp_path: Path, page: str, kind: str) -> None:
    (tmp_path / "notice.txt").write_text(page, encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(_BRIDGE, encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps({"text": page}) + "\n" + json.dumps({"text": _BRIDGE}) + "\n",
                                         encoding="utf-8")
    got = list(iter_articles([tmp_path]))
    errors = {e.where: e.reason for e in got if isinstance(e, InputError)}
    assert all(isinstance(e, NotAnArticle) for e in got if isinstance(e, InputError))   # left aside, not failed
    assert errors == {str(tmp_path / "notice.txt"): f"no article text: {kind}",
                      f"{tmp_path / 'more.jsonl'}:1": f"no article text: {kind}"}   # left aside, named with why
    assert [a.text for a in got if not isinstance(a, InputError)] == [_BRIDGE, _BRIDGE]
    with pytest.raises(InputError, match=f"no article text: {kind}"):
        storyline.read_article(tmp_path / "notice.txt")
    # an article the caller hands in (a dict, a text) is taken as one, as evaluation scripts hand theirs
    assert storyline.read_article({"id": "n1", "text": page}).text == page.strip()
    assert storyline.read_article(page + "\n").text.strip() in page   # (a text's first line may be its title)


@pytest.mark.parametrize("text", [
    "The dam held on Monday.",      # short, but an article's sentence: shortness alone is no notice
    "Regulators fined the company on Monday. Users who click a link in an email should change their "
    "password at once, the agency said.",   # an article about the machinery, told as news
    "\"You must log in to continue reading,\" the screen said when Ms. Okafor opened the paper's page.",
    "Election results\nSmith 4,512\nJones 3,100\nTurnout was 61 percent, the county clerk said.",
])
def test_an_article_about_the_web_or_a_short_one_is_kept(text: str) -> None:
    assert storyline.read_article({"text": text}).text == text


def test_a_sites_lines_among_an_articles_paragraphs_are_dropped(tmp_path: Path) -> None:
    second = "Lorries will be sent through Eastfield instead, and a ferry will carry cyclists in the morning."
    text = ("Advertisement\n\n" + _BRIDGE + "\n\nAdvertisement\n\nPost with a map pin: you can attach your town "
            "to your tweets from the app. Learn more\n\n" + second + "\n\nStory continues below advertisement")
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    assert storyline.read_article(tmp_path / "page.txt").text == _BRIDGE + "\n\n" + second
    # a well-known notice run into the article's first sentence (one paragraph): the notice goes, the article stays
    archived = ("Flowing in every day, these data are added to the Wayback Machine after an embargo period. "
                + _BRIDGE)
    (tmp_path / "archived.txt").write_text(archived + "\n", encoding="utf-8")
    assert storyline.read_article(tmp_path / "archived.txt").text == _BRIDGE


_PAGES = [  # (a page, what it is when no article, its text without the site's lines)
    ("Our website stores cookies on your device. You can change your cookie settings in your browser at any "
     "time. Accept and continue", "a cookie notice", None),
    ("Home\nWorld\nSport\nWeather\nContact us\nOur offices", "a page of menus and links", None),
    ("The Harlow council voted on Tuesday to close the Old Mill bridge.\n\nAdvertisement\n\nEngineers found "
     "cracks in two arches, Councillor Dana Whitcombe said.", None,
     "The Harlow council voted on Tuesday to close the Old Mill bridge.\n\nEngineers found cracks in two "
     "arches, Councillor Dana Whitcombe said."),
    ("The ferry sailed at dawn. Click here to subscribe to our newsletter.\nShare this\nThe captain said the "
     "sea was calm.", None, "The ferry sailed at dawn. Click here to subscribe to our newsletter.\nThe captain "
     "said the sea was calm."),
    ("Engineers said the bridge would reopen. \"You must log in to continue,\" the notice said.", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("page", "what", "kept"), _PAGES)
def test_a_pages_notice_check_reads_its_lines_once_and_tells_what_the_two_checks_tell(
        page: str, what: str | None, kept: str | None, monkeypatch) -> None:
    from storyline.ingest import notices

    expected = (what, kept if kept is not None else page)
    assert (notices.no_article(page), notices.without_site_lines(page) if what is None else page) == expected
    calls: list[str] = []
    real = notices._spans
    monkeypatch.setattr(notices, "_spans", lambda line: calls.append(line) or real(line))
    assert notices.read_page(page) == expected
    # each line's sentences found once (and the first and last kept lines' again, for a notice run into them)
    assert len(calls) <= sum(1 for ln in page.split("\n") if ln.strip()) + 2


def _feed_xml(n: int) -> bytes:
    """An RSS feed of ``n`` invented items, each a paragraph of the Kelby ferry's week."""
    items = "".join(f"<item><title>Kelby ferry, day {i}</title><link>https://kelby.example/ferry/{i}</link>"
                    f"<description>The Kelby ferry crossed the sound {i} times on day {i}, its skipper "
                    f"Ama Dorrell said, and the harbour café stayed open late for the crews.</description></item>"
                    for i in range(n))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kelby Wire</title>'
            + items + "</channel></rss>").encode()


def test_a_gzipped_feed_cut_short_gives_its_whole_items_as_a_plain_one_does(tmp_path: Path) -> None:
    """A feed.rss.gz cut short (a download stopped) lost every item, where the same feed cut short
    unzipped gives the items it closes: the items before the cut are read, one error names the file and
    says both. A file named .gz that was never compressed is told so, not "Error -3 ... incorrect header
    check"."""
    import gzip

    whole = gzip.compress(_feed_xml(300), mtime=0)
    (tmp_path / "cut.rss.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "plain.rss.gz").write_bytes(_feed_xml(3))   # named .gz, never compressed
    arts, errs = _split(list(iter_articles([tmp_path / "cut.rss.gz"])))
    assert 20 < len(arts) < 300 and [a.title for a in arts] == [f"Kelby ferry, day {i}" for i in range(len(arts))]
    assert "café" in arts[-1].text                      # (no character cut at the end spoils the feed's decoding)
    assert [(e.where, e.reason) for e in errs] == [
        (str(tmp_path / "cut.rss.gz"), f"gzip file truncated (the end is missing); the {len(arts)} whole item(s) "
                                       "before it were read")]
    arts, errs = _split(list(iter_articles([tmp_path / "plain.rss.gz"])))
    assert arts == [] and [e.reason for e in errs] == [
        "not gzip data, though its name ends in .gz: if it is not compressed, name it without the .gz"]


@pytest.mark.parametrize("gz", [True, False])
def test_a_damaged_record_in_the_middle_of_a_warc_costs_that_record_not_the_rest(tmp_path: Path, gz: bool) -> None:
    """A WARC with one damaged record in the middle (bytes zeroed in a gzip member; a Content-Length
    written wrong) stopped there: every record after it was lost. The reading goes on at the first whole
    record after the damage, and one error names the file, where it was damaged and what was read after."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    w = WARCWriter(buf, gzip=gz)
    starts = []
    for k in range(9):
        starts.append(buf.tell())
        body = (f"<html><head><title>Tollan lock, week {k}</title></head><body><article><p>Crews at the Tollan "
                f"lock replaced gate {k} this week, the canal office said, and barges waited {k + 2} hours at the "
                "upper basin while divers checked the sill.</p></article></body></html>").encode()
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://tollan.example/{k}", "response", payload=BytesIO(body),
                                            http_headers=hh))
    data = bytearray(buf.getvalue())
    if gz:   # the fifth record's compressed bytes zeroed
        data[starts[4] + 30: starts[4] + 90] = bytes(60)
    else:    # the fifth record's length written far too long: it would swallow every record after it
        at = data.index(b"Content-Length: ", starts[4])
        data[at:data.index(b"\r\n", at)] = b"Content-Length: 99999999"
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(bytes(data))
    arts, errs = _split(list(iter_articles([path])))
    assert sorted(a.url for a in arts) == [f"https://tollan.example/{k}" for k in (0, 1, 2, 3, 5, 6, 7, 8)]
    assert [(e.where, e.reason.split(" (")[0]) for e in errs] == [(str(path), "WARC file corrupt after 4 records")]
    assert errs[0].reason.endswith("the damaged part was left aside; the 4 records after it were read"), errs[0].reason


def test_a_cut_gzip_named_without_its_kind_keeps_its_whole_lines_as_a_named_one_does(tmp_path: Path) -> None:
    """A gzipped JSON Lines file cut short and named ``wire.gz`` (its kind told by its first characters)
    was cut at its last ">" rather than its last line end: every line lost when no text holds a ">", a
    whole line lost and a false "invalid JSON" error when one does. It is read as ``wire.jsonl.gz`` is."""
    import gzip

    lines = "".join(json.dumps({"id": f"q{i}", "title": f"Marl quay, day {i}", "text": f"The Marl quay crane lifted "
                                f"{i} boxes on day {i}, the port -> rail link carried them inland, its foreman said."})
                    + "\n" for i in range(200)).encode()
    whole = gzip.compress(lines, mtime=0)
    for name in ("wire.gz", "wire.jsonl.gz"):
        (tmp_path / name).write_bytes(whole[: len(whole) // 2])
    got = {}
    for name in ("wire.gz", "wire.jsonl.gz"):
        arts, errs = _split(list(iter_articles([tmp_path / name])))
        assert [e.reason for e in errs] == ["gzip file truncated (the end is missing); the complete lines before it "
                                            "were read"], name
        got[name] = [a.title for a in arts]
    assert 20 < len(got["wire.gz"]) < 200 and got["wire.gz"] == got["wire.jsonl.gz"]


@pytest.mark.parametrize("gz", [True, False])
def test_a_warc_whose_first_record_is_damaged_is_read_from_its_next_whole_record(tmp_path: Path, gz: bool) -> None:
    """A WARC whose first record is damaged (its gzip member's bytes zeroed; its first line spoilt) was
    called "not a WARC file" and every record lost; the reading goes on at the next whole record."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for k in range(4):
        body = (f"<html><head><title>Brenna weir, gauge {k}</title></head><body><article><p>The Brenna weir gauge {k} "
                f"read {k + 4} metres at dawn, the river board said, and the towpath below it was closed until the "
                "water fell.</p></article></body></html>").encode()
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://brenna.example/{k}", "response", payload=BytesIO(body),
                                            http_headers=hh))
    data = bytearray(buf.getvalue())
    if gz:
        data[30:90] = bytes(60)
    else:
        data[0:4] = b"XXXX"
    path = tmp_path / ("weir.warc.gz" if gz else "weir.warc")
    path.write_bytes(bytes(data))
    arts, errs = _split(list(iter_articles([path])))
    assert sorted(a.url for a in arts) == [f"https://brenna.example/{k}" for k in (1, 2, 3)]
    assert [e.reason for e in errs] == ["WARC file corrupt after 0 records (its first record is damaged): the damaged "
                                        "part was left aside; the 3 records after it were read"]
    (tmp_path / "notes.warc").write_bytes(b"Brenna weir notes, not a WARC at all.\n" * 50)
    assert [e.reason for e in _split(list(iter_articles([tmp_path / "notes.warc"])))[1]] == [
        "not a WARC file (it does not start with a WARC/ record header)"]
