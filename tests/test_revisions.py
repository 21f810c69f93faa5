"""An article that comes again changed: a correction under the same link, a file read while it was
being written and again once complete. The new version takes the article's place, the earlier one is
kept, the story's brief is rebuilt; a piece of a stored article (a teaser) or an earlier version
coming back changes nothing."""

from __future__ import annotations

from pathlib import Path

from storyline.config import Settings
from storyline.ingest.revisions import continues, is_excerpt
from storyline.ingest import iter_articles
from storyline.pipeline import IngestReport, ingest_articles, ingest_paths
from storyline.records import Article, Brief
from storyline.store.sqlite import SQLiteStore

URL = "https://harlow-gazette.example/news/bridge"
PARAS = [
    "The Harlow county council voted on Monday to close the Old Mill bridge to lorries after engineers "
    "found cracks in two of its three stone arches.",
    "The council's chief engineer, Dana Whitcombe, said the bridge would stay open to cars and bicycles "
    "while a survey of the foundations is carried out over the next six weeks.",
    "Hauliers who use the crossing every day said the diversion through Pennford adds nineteen kilometres "
    "to each trip and warned that deliveries to the town's market would be late.",
    "The bridge, built in 1842, carries about 9,000 vehicles a day, according to the council's own "
    "traffic count, and is the only crossing of the river for twelve kilometres.",
    "Repairs, if the survey confirms the damage, are expected to cost between 2 and 3 million pounds "
    "and could begin next spring, the council said in a statement.",
]
TEXT = "\n\n".join(PARAS)
FIXED = TEXT.replace("between 2 and 3 million", "between 2 and 4 million")
OTHER = ("A ferry carrying 212 passengers ran aground off the island of Skarvik on Tuesday evening in thick "
         "fog, the coast guard said. No one was hurt, and all passengers were taken ashore by lifeboats "
         "within three hours, according to the operator, Nordlys Lines.")


def _store(tmp_path: Path) -> SQLiteStore:
    return SQLiteStore(tmp_path / "s.db")


def test_a_corrected_article_under_its_link_replaces_the_stored_one_and_keeps_the_first(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = Article(text=TEXT, title="Bridge closed", url=URL, source="Harlow Gazette")
    assert store.add_articles([first]).new == [first.id]
    store.put_analyses({first.id: {"x": 1}}, "v")
    store.assign({first.id: "s-1"})
    store.put_brief(Brief(story_id="s-1", headline="h"))
    assert store.dirty_stories() == []
    fixed = Article(text=FIXED, title="Bridge closed", url=URL, source="Harlow Gazette")
    assert fixed.id == first.id
    assert store.add_articles([fixed]) == ([], [], [first.id])
    now = store.get_article(first.id)
    assert now is not None and "2 and 4 million" in now.text
    assert now.meta["revisions"] == 1 and now.meta["revised_at"]
    assert [r["text"] for r in store.article_revisions(first.id)] == [TEXT]
    assert store.get_analyses([first.id], "v") == {}          # analysed again from the new text
    assert store.dirty_stories() == ["s-1"]                   # its brief is rebuilt
    assert store.count_articles() == 1


def test_a_teaser_an_earlier_version_or_the_same_text_respaced_is_no_revision(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add_articles([Article(text=TEXT, url=URL)])
    store.add_articles([Article(text=FIXED, url=URL)])
    teaser = Article(text=PARAS[0], url=URL)                                  # a feed's extract of the page
    respaced = Article(text=" ".join(FIXED.split()), url=URL)
    earlier = Article(text=TEXT, url=URL)                                     # an old copy read again
    for again in (teaser, respaced, earlier):
        assert store.add_articles([again]).revised == []
    now = store.get_article(teaser.id)
    assert now is not None and now.text == FIXED
    assert len(store.article_revisions(teaser.id)) == 1


def test_a_feeds_own_text_of_a_page_stored_from_the_page_is_the_same_article(tmp_path: Path) -> None:
    store = _store(tmp_path)
    page = Article(text=TEXT, url=URL, meta={"feed_item": 1, "full_text": "linked page"})
    store.add_articles([page])
    # the feed's content element holds the article as the feed writes it (no closing paragraph)
    feed_text = Article(text="\n\n".join(PARAS[:4]) + " More to follow.", url=URL, meta={"feed_item": 1})
    assert store.add_articles([feed_text]).revised == []
    # but a page standing in for a teaser stored when the page could not be read is the article
    short = Article(text="Hauliers warned that deliveries would be late.", url=URL + "2", meta={"feed_item": 2})
    store.add_articles([short])
    full = Article(text=TEXT, url=URL + "2", meta={"feed_item": 2, "full_text": "linked page"})
    assert store.add_articles([full]).revised == [full.id]


def test_what_counts_as_a_piece_and_as_the_same_file_grown() -> None:
    assert is_excerpt(PARAS[0], TEXT) and not is_excerpt(TEXT, PARAS[0])
    assert not is_excerpt(FIXED, TEXT)
    half = TEXT[: len(TEXT) // 2]
    assert continues(half, TEXT) and continues(TEXT, FIXED)
    assert not continues(TEXT, OTHER) and not continues(OTHER, TEXT)


def test_a_file_read_half_written_is_completed_not_stored_twice(tmp_path: Path) -> None:
    store = _store(tmp_path)
    settings = Settings()
    f = tmp_path / "in" / "bridge.txt"
    f.parent.mkdir()
    f.write_text("date 2026-03-02\nBridge closed\n" + TEXT[: len(TEXT) // 2])   # the writer is not done
    first = ingest_paths(store, [str(f.parent)], settings)
    assert len(first.new) == 1
    f.write_text("date 2026-03-02\nBridge closed\n" + TEXT)
    second = ingest_paths(store, [str(f.parent)], settings)
    assert second.new == [] and second.revised == first.new
    assert store.count_articles() == 1
    a = store.get_article(first.new[0])
    assert a is not None and a.text == TEXT
    brief = store.get_brief(second.stories[0])
    assert brief is not None and any("revised" in x for x in brief.articles)
    # the same file read again as it is: nothing changes
    third = ingest_paths(store, [str(f.parent)], settings)
    assert third.new == [] and third.revised == [] and len(third.duplicate) == 1
    # another article written to the same file is another article, not a new version
    f.write_text("date 2026-03-03\nFerry aground\n" + OTHER)
    fourth = ingest_paths(store, [str(f.parent)], settings)
    assert len(fourth.new) == 1 and fourth.revised == []
    assert store.count_articles() == 2


def test_the_brief_tells_what_a_correction_changed_and_a_completed_file_changes_nothing(tmp_path: Path) -> None:
    from storyline.pipeline import ingest_articles, update_stories
    from storyline.serve.render import brief_html, brief_markdown

    store = _store(tmp_path)
    settings = Settings()
    other = Article(text=TEXT.replace("Harlow county council", "county council of Harlow"), title="Old Mill bridge shut",
                    url="https://pennford-post.example/bridge", source="Pennford Post", published="2026-03-02")
    ingest_articles(store, [Article(text=TEXT, title="Bridge closed", url=URL, source="Harlow Gazette",
                                    published="2026-03-02"), other])
    update_stories(store, settings)
    fixed = FIXED.replace("Hauliers who use", "Lorry drivers who use") + "\n\nThe council will meet again on Thursday."
    report = ingest_articles(store, [Article(text=fixed, title="Bridge closed", url=URL, source="Harlow Gazette",
                                             published="2026-03-02")])
    assert len(report.revised) == 1
    (sid,) = update_stories(store, settings)
    brief = store.get_brief(sid)
    assert brief is not None and len(brief.revisions) == 1
    changes = brief.revisions[0].changes
    assert [(c.was_part, c.now_part) for c in changes if c.was and c.now] == [("Hauliers", "Lorry drivers"), ("3", "4")]
    added = [c for c in changes if c.now and not c.was]
    assert [c.now for c in added] == ["The council will meet again on Thursday."]
    a = store.get_article(report.revised[0])
    assert a is not None and a.text[added[0].start:added[0].end] == added[0].now   # cited where it stands
    md = brief_markdown(brief)
    assert "## Corrections and updates" in md and "Harlow Gazette, revised" in md and "(was “3”, now “4”)" in md
    html = brief_html(brief)
    assert "Corrections and updates" in html and "<del>3</del>" in html and "<ins>4</ins>" in html
    # a file read half-written and then complete was completed, not corrected
    f = tmp_path / "late.txt"
    f.write_text("Ferry aground\n" + OTHER[:120])
    ingest_paths(store, [str(f)], settings)
    f.write_text("Ferry aground\n" + OTHER)
    done = ingest_paths(store, [str(f)], settings)
    assert len(done.revised) == 1
    ferry = store.get_brief(store.article_story(done.revised[0]) or "")
    assert ferry is not None and ferry.revisions == ()


def test_an_article_posted_again_under_another_id_is_the_one_stored_from_its_address(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = Article(id="export-1", text=TEXT, url=URL)
    store.add_articles([first])
    again = store.add_articles([Article(id="export-1-copy", text=TEXT, url=URL)])
    assert again.new == [] and again.duplicate == ["export-1"]
    assert store.add_articles([Article(id="export-1-fixed", text=FIXED, url=URL)]).revised == ["export-1"]
    # a front page given as every item's link: other articles, kept apart
    front = "https://harlow-gazette.example/"
    store.add_articles([Article(id="x1", text=TEXT, url=front)])
    assert store.add_articles([Article(id="x2", text=OTHER, url=front)]).new == ["x2"]
    assert store.count_articles() == 3


def test_an_ingest_says_it_waits_for_another_updater_and_reports_the_stories_it_grouped(tmp_path: Path) -> None:
    import threading
    import time

    from storyline.pipeline import update_stories

    store = _store(tmp_path)
    settings = Settings()
    f = tmp_path / "in" / "bridge.txt"
    f.parent.mkdir()
    f.write_text("date 2026-03-02\nBridge closed\n" + TEXT)
    held, done = threading.Event(), threading.Event()

    def other_updater() -> None:   # a server's updater: it holds the lock and groups what was stored
        other = SQLiteStore(tmp_path / "s.db")
        with other.update_lock():
            held.set()
            time.sleep(0.5)
            from storyline.pipeline import _update_stories
            _update_stories(other, settings, progress=None, total=None)
        done.set()

    t = threading.Thread(target=other_updater)
    stages: list[str] = []
    t.start()
    held.wait(5)
    report = ingest_paths(store, [str(f)], settings, stage=stages.append)
    t.join(5)
    assert any(s.startswith("waiting for another process") for s in stages), stages
    assert len(report.new) == 1 and report.stories == [store.article_story(report.new[0])]
    assert update_stories(store, settings) == []


def test_what_a_review_found_no_article_lost_no_stale_or_cut_version_taken(tmp_path: Path) -> None:
    store = _store(tmp_path)
    live = "https://news.example/live"
    one = store.add_articles([Article(text=TEXT, url=live)])
    two = store.add_articles([Article(text=OTHER, url=live)])       # another story under the same address
    assert one.new and two.new and two.revised == [] and store.count_articles() == 2
    assert {a.text for a in store.iter_articles()} == {TEXT, OTHER}
    # an export listing the newest first: the older version read after it does not replace it
    store.add_articles([Article(text=FIXED, url=URL, published="2026-03-03")])
    assert store.add_articles([Article(text=TEXT, url=URL, published="2026-03-02")]).revised == []
    # a page read again cut short behind a paywall is a piece of the stored one
    cut = "\n\n".join(PARAS[:3]).replace("2 and 3", "2 and 4") + "\n\nSubscribe to continue reading."
    assert store.add_articles([Article(text=cut, url=URL, published="2026-03-03")]).revised == []
    # a page's "updated 5 minutes ago" is no new version
    stamped = Article(text=FIXED + "\n\nUpdated 5 minutes ago", url=URL + "?v", published="2026-03-03")
    store.add_articles([stamped])
    again = Article(text=FIXED + "\n\nUpdated 7 minutes ago", url=URL + "?v", published="2026-03-03")
    assert store.add_articles([again]).revised == []
    now = store.get_article(first_id := Article(text="", url=URL).id)
    assert now is not None and now.text == FIXED and first_id


def test_a_copy_of_a_completed_article_is_found_a_copy_of_it(tmp_path: Path) -> None:
    from storyline.pipeline import ingest_articles, update_stories

    store = _store(tmp_path)
    settings = Settings()
    first = Article(text=PARAS[0], title="Bridge closed", url=URL, source="Harlow Gazette", published="2026-03-02")
    ingest_articles(store, [first])
    update_stories(store, settings)
    assert ingest_articles(store, [Article(text=TEXT, title="Bridge closed", url=URL, source="Harlow Gazette",
                                           published="2026-03-02")]).revised == [first.id]
    copy = Article(text=TEXT, title="Old Mill bridge shut to lorries", url="https://pennford-post.example/bridge",
                   source="Pennford Post", published="2026-03-02")
    ingest_articles(store, [copy])
    (sid,) = update_stories(store, settings)
    # the copy shares its words with the completed version, not with the first paragraph alone
    assert store.duplicates_in(sid) == {copy.id: first.id}


def _captures(pages: list[tuple[str, str]]) -> bytes:
    """A WARC of captures of one page: (WARC-Date, body text) each."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    for when, text in pages:
        body = "<html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed</h1>" + "".join(
            f"<p>{p}</p>" for p in text.split("\n\n")) + "</article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(URL, "response", payload=io.BytesIO(body.encode()), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": when}))
    return buf.getvalue()


def test_two_captures_of_a_page_in_a_web_archive_are_versions_dated_by_their_capture(tmp_path: Path) -> None:
    settings = Settings()
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(_captures([("2026-03-02T08:00:00Z", TEXT), ("2026-03-03T17:30:00Z", FIXED)]))
    store = _store(tmp_path)
    report = ingest_paths(store, [str(crawl)], settings)
    (aid,) = report.new   # (stored and revised in one ingest: new to the store)
    a = store.get_article(aid)
    assert a is not None and "2 and 4 million" in a.text and a.meta["revised_at"] == "2026-03-03T17:30:00Z"
    assert [r["revised_at"] for r in store.article_revisions(aid)] == ["2026-03-03T17:30:00Z"]
    # captures listed newest first: the older one does not replace the newer
    newest_first = tmp_path / "b" / "crawl.warc"
    newest_first.parent.mkdir()
    newest_first.write_bytes(_captures([("2026-03-03T17:30:00Z", FIXED), ("2026-03-02T08:00:00Z", TEXT)]))
    other = SQLiteStore(tmp_path / "b" / "s.db")
    ingest_paths(other, [str(newest_first)], settings)
    kept = other.get_article(aid)
    assert kept is not None and "2 and 4 million" in kept.text and other.article_revisions(aid) == []


def test_an_article_and_its_correction_in_one_ingest_count_as_new_and_revised(tmp_path: Path) -> None:
    """Every input accounted for, whether the two versions fall in one batch or in two: "1 new,
    1 revised", not "1 new" and the second file in no count."""
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.json", TEXT), ("b.json", FIXED)):
        (folder / name).write_text(json.dumps({"id": "harlow-bridge", "title": "Bridge closed", "text": text}))
    for batch_size in (500, 1):
        store = SQLiteStore(tmp_path / f"s{batch_size}.db")
        report = IngestReport()
        ingest_articles(store, iter_articles([folder]), batch_size=batch_size, report=report)
        assert (report.new, report.duplicate, report.revised) == (["harlow-bridge"], [], ["harlow-bridge"])
        assert [r["text"] for r in store.article_revisions("harlow-bridge")] == [TEXT]
