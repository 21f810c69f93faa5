"""Live sources: feeds and pages read over HTTP (`storyline ingest URL`, `storyline watch`).

A small HTTP server in a thread plays the publisher: a feed whose items are teasers linking to
article pages, conditional GETs (ETag), failures (404, 500, a binary body, a server that is not
there)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from storyline.errors import InputError
from storyline.ingest.web import read_url
from storyline.records import Article
from storyline.serve.cli import app, parse_interval
from storyline.store.sqlite import SQLiteStore

PARAS = {
    "bridge": [
        "The Harlow county council voted on Monday to close the Old Mill bridge to lorries after "
        "engineers found cracks in two of its three stone arches.",
        "The council's chief engineer, Dana Whitcombe, said the bridge would stay open to cars and "
        "bicycles while a survey of the foundations is carried out over the next six weeks.",
        "Hauliers who use the crossing every day said the diversion through Pennford adds nineteen "
        "kilometres to each trip and warned that deliveries to the town's market would be late.",
        "The bridge, built in 1842, carries about 9,000 vehicles a day, according to the council's "
        "own traffic count, and is the only crossing of the river for twelve kilometres.",
        "Repairs, if the survey confirms the damage, are expected to cost between 2 and 3 million "
        "pounds and could begin next spring, the council said in a statement.",
    ],
    "library": [
        "The new public library in Eastbrook opened its doors on Saturday after three years of "
        "building work and a long argument over its budget.",
        "More than 4,000 people visited on the first day, the library's director, Tomas Ferreira, "
        "said, many of them queuing from early morning to see the glass reading room.",
        "The building holds 120,000 books, a children's floor with its own garden and a workshop "
        "with printers and sewing machines that anyone with a library card can book.",
        "The project cost 18 million euros, four million more than planned, after the builder found "
        "the old railway yard beneath the site was full of buried rubble.",
        "Opening hours will run until ten in the evening on weekdays, the longest of any library "
        "in the region, Ferreira said.",
    ],
    "ferry": [
        "A ferry carrying 212 passengers ran aground off the island of Skarvik on Tuesday evening "
        "in thick fog, the coast guard said.",
        "No one was hurt, and all passengers were taken ashore by lifeboats within three hours, "
        "according to the operator, Nordlys Lines.",
        "Divers inspected the hull overnight and found a two-metre gash above the keel, the "
        "operator's safety officer, Ingrid Solheim, told reporters on Wednesday.",
        "The route between Skarvik and the mainland will be served by a smaller vessel until the "
        "ferry is repaired, which could take a month.",
    ],
}


def page(title: str, paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright the Harlow Gazette</footer></body></html>").encode()


def rss(items: list[tuple[str, str, str, str]]) -> bytes:
    out = ["<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Harlow Gazette</title>"]
    for title, link, date, desc in items:
        out.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                   f"<description>{desc}</description></item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


class Site:
    """What the server answers: path -> (status, content type, body, etag)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes, str | None]] = {}
        self.log: list[tuple[str, str | None]] = []   # (path, If-None-Match sent)
        self.base = ""
        self.headers: dict[str, dict[str, str]] = {}   # path -> extra response headers
        self.trickle: dict[str, float] = {}            # path -> seconds between the body's bytes


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            s.log.append((self.path, self.headers.get("If-None-Match")))
            status, ctype, body, etag = s.routes.get(self.path, (404, "text/plain", b"not here", None))
            if etag is not None and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            for name, value in s.headers.get(self.path, {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.path in s.trickle:
                try:
                    for b in body:
                        self.wfile.write(bytes([b]))
                        self.wfile.flush()
                        time.sleep(s.trickle[self.path])
                except OSError:
                    pass
                return
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield s
    server.shutdown()
    server.server_close()


def _feed(site: Site, keys: list[str], etag: str = '"v1"') -> None:
    items = []
    for k in keys:
        title = {"bridge": "Old Mill bridge closed to lorries", "library": "Eastbrook library opens",
                 "ferry": "Ferry runs aground off Skarvik"}[k]
        site.routes[f"/news/{k}.html"] = (200, "text/html; charset=utf-8", page(title, PARAS[k]), None)
        items.append((title, f"{site.base}/news/{k}.html", "Mon, 02 Mar 2026 09:00:00 GMT",
                      PARAS[k][0][:90] + "…"))
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(items), etag)


def _cli(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", str(db), *args])


def test_ingest_feed_url_reads_full_text_of_teaser_items(site: Site, tmp_path: Path) -> None:
    _feed(site, ["bridge", "library"])
    res = _cli(tmp_path / "s.db", "ingest", "-q", f"{site.base}/feed.xml")
    assert res.exit_code == 0, res.output
    assert "2 new" in res.output
    store = SQLiteStore(tmp_path / "s.db")
    arts = {a.title: a for a in store.iter_articles()}
    bridge = arts["Old Mill bridge closed to lorries"]
    # the text is the page's whole article, not the feed's one-line teaser
    assert "9,000 vehicles a day" in bridge.text and "Dana Whitcombe" in bridge.text
    assert "Copyright" not in bridge.text          # page furniture left out
    assert bridge.url == f"{site.base}/news/bridge.html"
    assert str(bridge.published) == "2026-03-02"    # the feed's date
    assert bridge.meta.get("full_text") == "linked page"


def test_a_second_ingest_of_a_feed_counts_its_items_as_already_stored(site: Site, tmp_path: Path) -> None:
    _feed(site, ["bridge", "library"])
    assert "2 new" in _cli(tmp_path / "s.db", "ingest", "-q", f"{site.base}/feed.xml").output
    site.log.clear()
    again = _cli(tmp_path / "s.db", "ingest", "-q", f"{site.base}/feed.xml")
    assert again.exit_code == 0, again.output
    assert "0 new, 2 already stored" in " ".join(again.output.split())
    assert [p for p, _ in site.log] == ["/feed.xml"]       # the stored items' pages are not fetched again


def test_unreadable_linked_page_keeps_teaser_with_warning(site: Site, tmp_path: Path) -> None:
    _feed(site, ["bridge", "library"])
    del site.routes["/news/library.html"]           # 404
    res = _cli(tmp_path / "s.db", "ingest", "-q", f"{site.base}/feed.xml")
    assert res.exit_code == 0, res.output
    assert "HTTP 404" in res.output and "teaser" in res.output
    texts = [a.text for a in SQLiteStore(tmp_path / "s.db").iter_articles()]
    assert any(t.startswith("The new public library in Eastbrook") for t in texts)


def test_watch_polls_conditionally_and_stores_only_new_items(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _feed(site, ["bridge", "library"])
    first = _cli(db, "watch", "--once", f"{site.base}/feed.xml")
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    site.log.clear()
    second = _cli(db, "watch", "--once", f"{site.base}/feed.xml")
    assert "0 new" in second.output
    assert site.log == [("/feed.xml", '"v1"')]      # one conditional request, answered 304
    _feed(site, ["bridge", "library", "ferry"], etag='"v2"')
    site.log.clear()
    third = _cli(db, "watch", "--once", f"{site.base}/feed.xml")
    assert "1 new, 2 already stored" in third.output
    assert [p for p, _ in site.log] == ["/feed.xml", "/news/ferry.html"]   # known items' pages not refetched
    store = SQLiteStore(db)
    assert store.count_articles() == 3
    assert any("212 passengers" in a.text for a in store.iter_articles())


def test_watch_given_one_url_twice_polls_it_once(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _feed(site, ["bridge", "library"])
    url = f"{site.base}/feed.xml"
    out = _cli(db, "watch", "--once", url, f" {url}")
    assert out.exit_code == 0, out.output
    assert "2 new, 0 already stored" in out.output and "polled once" in out.output
    assert [p for p, _ in site.log].count("/feed.xml") == 1


@pytest.mark.parametrize("route,expect", [
    ((500, "text/plain", b"oops", None), "HTTP 500"),
    ((200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200), None), "PNG image"),
    ((200, "application/rss+xml", b"<?xml version='1.0'?><rss><channel><item><title>x", None), "malformed feed"),
])
def test_bad_responses_are_reported_with_the_url(site: Site, route: tuple, expect: str) -> None:  # type: ignore[type-arg]
    site.routes["/bad"] = route
    out = list(read_url(f"{site.base}/bad"))
    assert len(out) == 1 and isinstance(out[0], InputError)
    assert out[0].where == f"{site.base}/bad" and expect in out[0].reason


def test_a_link_written_with_spaces_or_accents_is_read_as_a_browser_sends_it(site: Site) -> None:
    _feed(site, ["bridge"])
    site.routes["/news/old%20mill%20br%C3%BCcke.html"] = site.routes.pop("/news/bridge.html")
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([(
        "Old Mill bridge closed to lorries", f"{site.base}/news/old mill brücke.html",
        "Mon, 02 Mar 2026 09:00:00 GMT", PARAS["bridge"][0][:90])]), None)
    out = list(read_url(f"{site.base}/feed.xml"))
    assert len(out) == 1 and isinstance(out[0], Article) and "Dana Whitcombe" in out[0].text
    page_itself = list(read_url(f"{site.base}/news/old mill brücke.html"))
    assert isinstance(page_itself[0], Article) and "Dana Whitcombe" in page_itself[0].text


def _raw_server(answer: bytes) -> tuple[str, threading.Thread]:
    """A server that answers one request with ``answer`` as it is, then hangs up."""
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)

    def serve() -> None:
        conn, _ = sock.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(answer)
        sock.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    return f"http://127.0.0.1:{sock.getsockname()[1]}/feed.xml", t


@pytest.mark.parametrize("answer,expect", [
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
     b"40\r\n{\"title\": \"Cut\", \"text\": \"The", "closed the connection before the end"),
    (b"SSH-2.0-OpenSSH_9.6\r\n\r\n", "answer is no HTTP"),
])
def test_an_answer_cut_short_or_no_http_is_one_error_not_a_crash(answer: bytes, expect: str) -> None:
    url, t = _raw_server(answer)
    out = list(read_url(url, timeout=5))
    t.join(5)
    assert len(out) == 1 and isinstance(out[0], InputError)
    assert out[0].where == url and expect in out[0].reason


def test_unreachable_server_and_size_limit(site: Site) -> None:
    import socket

    with socket.socket() as sock:             # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    out = list(read_url(f"http://127.0.0.1:{port}/feed.xml", timeout=3))
    assert isinstance(out[0], InputError) and "refused" in out[0].reason
    _feed(site, ["bridge"])
    big = list(read_url(f"{site.base}/news/bridge.html", max_bytes=500))
    assert isinstance(big[0], InputError) and "limit" in big[0].reason


def test_one_bad_url_does_not_stop_the_batch(site: Site, tmp_path: Path) -> None:
    _feed(site, ["ferry"])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("Harbour reopens\n\n" + " ".join(PARAS["bridge"]), encoding="utf-8")
    res = _cli(tmp_path / "s.db", "ingest", "-q", f"{site.base}/missing.xml", f"{site.base}/feed.xml", str(folder))
    assert res.exit_code == 1                                  # some input failed
    assert f"{site.base}/missing.xml" in res.output and "HTTP 404" in res.output
    assert "2 new" in res.output


def test_read_article_reads_a_page_url(site: Site) -> None:
    import storyline

    _feed(site, ["ferry"])
    a = storyline.read_article(f"{site.base}/news/ferry.html")
    assert isinstance(a, Article) and "Ingrid Solheim" in a.text
    with pytest.raises(InputError, match="HTTP 404"):
        storyline.read_article(f"{site.base}/nothing-here")


def test_watch_usage_errors(tmp_path: Path) -> None:
    assert parse_interval("15m") == 900 and parse_interval("90") == 90 and parse_interval("1h") == 3600
    with pytest.raises(ValueError):
        parse_interval("soon")
    assert _cli(tmp_path / "s.db", "watch", "--once", str(tmp_path)).exit_code == 2     # not a URL
    assert _cli(tmp_path / "s.db", "watch", "--every", "2s", "http://127.0.0.1:9/f").exit_code == 2


def _hold_lock(db: str, held: str, go: str) -> None:
    import time

    store = SQLiteStore(db)
    with store.update_lock():
        Path(held).write_text("1")
        deadline = time.monotonic() + 60
        while not Path(go).exists() and time.monotonic() < deadline:
            time.sleep(0.05)


def test_ingest_waits_for_another_process_updating_the_same_store(tmp_path: Path) -> None:
    """`storyline ingest` (or `watch`) beside `storyline serve`'s updater: one updater at a time."""
    import multiprocessing
    import time

    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    held, go = tmp_path / "held", tmp_path / "go"
    p = multiprocessing.get_context("spawn").Process(target=_hold_lock, args=(str(db), str(held), str(go)))
    p.start()
    try:
        deadline = time.monotonic() + 60
        while not held.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert held.exists()
        (tmp_path / "a.txt").write_text("Harbour reopens\n\n" + " ".join(PARAS["bridge"]), encoding="utf-8")
        result: list = []  # type: ignore[type-arg]
        t = threading.Thread(target=lambda: result.append(_cli(db, "ingest", "-q", str(tmp_path / "a.txt"))))
        t.start()
        store = SQLiteStore(db)
        while store.count_articles() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        # stored, but not grouped while the other process holds the lock
        for _ in range(40):
            assert store.pending_count() == 1
            time.sleep(0.1)
        go.write_text("1")
        t.join(timeout=120)
        assert result and result[0].exit_code == 0, result
        assert store.pending_count() == 0 and store.count_stories() == 1
    finally:
        go.write_text("1")
        p.join(timeout=30)


def test_serve_updater_follows_feeds(site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`storyline serve --watch URL`: the updater process polls the feed and builds the stories."""
    import time

    from storyline.config import Settings
    from storyline.serve.api import run_updater

    _feed(site, ["bridge", "ferry"])
    db = tmp_path / "s.db"
    stop = threading.Event()
    t = threading.Thread(target=run_updater, args=(Settings(db=str(db)), stop),
                         kwargs={"watch": [f"{site.base}/feed.xml"], "every": 3600, "nice": 0, "interval": 0.05})
    t.start()
    try:
        store = SQLiteStore(db)
        deadline = time.monotonic() + 120
        while (store.count_stories() < 2 or store.pending_count()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert store.count_stories() == 2 and store.pending_count() == 0, caplog.text
        assert [p for p, _ in site.log].count("/feed.xml") == 1       # polled once per interval
    finally:
        stop.set()
        t.join(timeout=60)
    assert _cli(tmp_path / "x.db", "serve", "--watch", str(tmp_path)).exit_code == 2


def test_json_exports_over_http(site: Site) -> None:
    """A JSON array, one pretty-printed object, and JSON Lines served as application/json."""
    import json

    docs = [{"id": f"j{i}", "title": t, "published": "2026-03-02", "text": " ".join(PARAS[k])}
            for i, (k, t) in enumerate([("bridge", "Bridge closed"), ("ferry", "Ferry aground")])]
    site.routes["/all.json"] = (200, "application/json", json.dumps(docs).encode(), None)
    site.routes["/one.json"] = (200, "application/json", json.dumps(docs[0], indent=2).encode(), None)
    site.routes["/lines"] = (200, "application/json", "\n".join(json.dumps(d) for d in docs).encode(), None)
    for path, n in (("/all.json", 2), ("/one.json", 1), ("/lines", 2)):
        got = list(read_url(f"{site.base}{path}"))
        assert [type(a) for a in got] == [Article] * n, (path, got)


def test_feed_items_without_description_take_their_page_or_are_reported(site: Site) -> None:
    site.routes["/news/ferry.html"] = (200, "text/html", page("Ferry runs aground", PARAS["ferry"]), None)
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([
        ("Ferry runs aground", f"{site.base}/news/ferry.html", "Tue, 03 Mar 2026 18:00:00 GMT", ""),
        ("Gone", f"{site.base}/news/gone.html", "Tue, 03 Mar 2026 19:00:00 GMT", ""),
    ]), None)
    ferry, gone = list(read_url(f"{site.base}/feed.xml"))
    assert isinstance(ferry, Article) and "212 passengers" in ferry.text
    assert isinstance(gone, InputError) and "has no text" in gone.reason and "HTTP 404" in gone.reason


def test_watch_reads_a_teaser_again_when_its_page_failed_for_a_passing_reason(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _feed(site, ["bridge", "ferry"])
    ferry_page = site.routes["/news/ferry.html"]
    site.routes["/news/ferry.html"] = (503, "text/plain", b"busy", None)
    first = _cli(db, "watch", "--once", f"{site.base}/feed.xml")
    assert "1 new" in first.output and "503" in first.output and "next poll" in first.output
    site.routes["/news/ferry.html"] = ferry_page
    site.log.clear()
    second = _cli(db, "watch", "--once", f"{site.base}/feed.xml")
    assert "1 new" in second.output, second.output
    assert site.log[0] == ("/feed.xml", None)             # not a conditional request: the feed is read again
    assert [p for p, _ in site.log[1:]] == ["/news/ferry.html"]
    assert any("212 passengers" in a.text for a in SQLiteStore(db).iter_articles())
    # a one-off ingest keeps the teaser (with a warning) instead: there is no next poll
    site.routes["/news/bridge.html"] = (503, "text/plain", b"busy", None)
    res = _cli(tmp_path / "t.db", "ingest", "-q", f"{site.base}/feed.xml")
    assert "2 new" in res.output and "teaser" in res.output


def test_watch_tries_a_missing_page_at_a_few_polls_then_keeps_the_teaser(site: Site, tmp_path: Path) -> None:
    from storyline.pipeline import PAGE_POLLS

    db = tmp_path / "s.db"
    _feed(site, ["bridge", "ferry"])
    del site.routes["/news/ferry.html"]        # 404: the page is not up yet
    outputs = [" ".join(_cli(db, "watch", "--once", f"{site.base}/feed.xml").output.split())
               for _ in range(PAGE_POLLS)]
    for out in outputs[:-1]:
        assert "HTTP 404" in out and "read again at the next poll" in out
    assert "1 new" in outputs[0] and "0 new" in outputs[1]
    last = outputs[-1]
    assert "1 new" in last and "kept the feed's teaser" in last, last
    texts = [a.text for a in SQLiteStore(db).iter_articles()]
    assert len(texts) == 2 and any(t.startswith("The Skarvik ferry") or "ferry" in t.lower() for t in texts)


def test_a_server_that_trickles_or_a_small_gzip_bomb_is_stopped_early(site: Site) -> None:
    import gzip
    import tracemalloc

    site.routes["/slow.xml"] = (200, "application/rss+xml", rss([("T", "", "", "x" * 200)]), None)
    site.trickle["/slow.xml"] = 0.05            # 200+ bytes at 20 a second: ten seconds and more
    started = time.monotonic()
    out = list(read_url(f"{site.base}/slow.xml", timeout=0.5))
    assert isinstance(out[0], InputError) and "sends too slowly" in out[0].reason
    assert time.monotonic() - started < 5
    site.routes["/bomb.xml"] = (200, "application/rss+xml", gzip.compress(b" " * 60_000_000), None)
    site.headers["/bomb.xml"] = {"Content-Encoding": "gzip"}
    tracemalloc.start()
    out = list(read_url(f"{site.base}/bomb.xml", max_bytes=1_000_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(out[0], InputError) and "once decompressed" in out[0].reason
    assert peak < 20_000_000                    # never the 60 MB it inflates to


def test_feed_shapes_relative_links_declared_encodings_and_atom_links(site: Site) -> None:
    _feed(site, ["bridge"])
    latin = ("<?xml version='1.0' encoding='ISO-8859-1'?><rss version='2.0'><channel><title>Gazette</title>"
             "<item><title>Caf\u00e9 owner Jos\u00e9 M\u00fcller speaks</title><link>/news/bridge.html</link>"
             "<description>" + PARAS["bridge"][0] + "</description></item></channel></rss>").encode("latin-1")
    site.routes["/latin.xml"] = (200, "application/rss+xml; charset=iso-8859-1", latin, None)
    [item] = list(read_url(f"{site.base}/latin.xml"))
    assert isinstance(item, Article) and item.title == "Caf\u00e9 owner Jos\u00e9 M\u00fcller speaks"
    assert item.url == f"{site.base}/news/bridge.html" and "Dana Whitcombe" in item.text   # its page was read
    atom = (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>G</title>"
            f"<entry><title>Old Mill bridge closed to lorries</title>"
            f"<link rel='replies' href='{site.base}/comments/1'/><link rel='alternate' href='{site.base}/news/bridge.html'/>"
            f"<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>{PARAS['bridge'][0]}</p></div></content>"
            f"</entry></feed>").encode()
    site.routes["/atom.xml"] = (200, "application/atom+xml", atom, None)
    [entry] = list(read_url(f"{site.base}/atom.xml", full_text=False))
    assert isinstance(entry, Article) and entry.url == f"{site.base}/news/bridge.html"
    assert entry.text.startswith("The Harlow county council voted")


def test_a_feed_answering_a_page_and_a_teaser_linking_to_a_consent_wall(site: Site) -> None:
    _feed(site, ["bridge"])
    seen: dict[str, str] = {}
    assert all(isinstance(a, Article) for a in read_url(f"{site.base}/feed.xml", validators=seen))
    site.routes["/feed.xml"] = (200, "text/html", page("Down for maintenance", ["We will be back soon. " * 5]), None)
    [got] = list(read_url(f"{site.base}/feed.xml", validators=seen))
    assert isinstance(got, InputError) and "not the feed it served before" in got.reason
    wall = page("Your privacy", ["We and our partners use cookies to store and access information on a device. " * 6])
    site.routes["/news/bridge.html"] = (200, "text/html", wall, None)
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([("Old Mill bridge closed to lorries",
                                f"{site.base}/news/bridge.html", "", PARAS["bridge"][0][:90])]), None)
    [item] = list(read_url(f"{site.base}/feed.xml"))
    assert isinstance(item, Article) and "cookies" not in item.text
    # (the wall is told for what it is: no article, a cookie notice)
    assert any("kept the feed's teaser" in w["reason"] and "no article text: a cookie notice" in w["reason"]
               for w in item.meta.get("warnings", []))


@pytest.mark.parametrize("text", ["nan", "inf", "-5m", "1e12s"])
def test_a_poll_interval_must_be_a_finite_positive_duration(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


def test_a_poll_that_fails_on_the_store_is_reported_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import storyline.pipeline as pipeline

    def busy(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(pipeline, "watch_round", busy)
    r = _cli(tmp_path / "w.db", "watch", "--once", "http://127.0.0.1:9/feed.xml")
    assert r.exit_code == 1 and "poll failed" in r.output and "database is locked" in r.output
    assert "Traceback" not in r.output


def test_a_campaign_link_is_the_same_article_and_a_redirect_loop_is_one_line(site: Site) -> None:
    from storyline.ingest.feeds import without_tracking

    assert without_tracking("https://ex.org/a?id=5&utm_source=rss&fbclid=x#post-2") == "https://ex.org/a?id=5#post-2"
    assert without_tracking("https://ex.org/v.asp?id=7;page=2") == "https://ex.org/v.asp?id=7;page=2"
    assert without_tracking("https://ex.org/news?ref=4411") == "https://ex.org/news?ref=4411"   # an id, maybe
    assert without_tracking("http://[::1/story?utm_source=x") == "http://[::1/story"        # no crash
    _feed(site, ["bridge"])
    [first] = list(read_url(f"{site.base}/feed.xml"))
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([("Old Mill bridge closed to lorries",
                                f"{site.base}/news/bridge.html?utm_source=rss&utm_medium=feed", "",
                                PARAS["bridge"][0][:90])]), None)
    [again] = list(read_url(f"{site.base}/feed.xml"))
    assert isinstance(first, Article) and isinstance(again, Article) and again.id == first.id
    site.routes["/loop"] = (302, "text/plain", b"", None)
    site.headers["/loop"] = {"Location": "/loop"}
    [got] = list(read_url(f"{site.base}/loop"))
    assert isinstance(got, InputError) and "redirected" in got.reason and "\n" not in got.reason


def test_watch_leaves_out_feed_items_older_than_the_kept_window(site: Site, tmp_path: Path) -> None:
    _feed(site, ["bridge", "library"])                 # dated March 2026
    db = tmp_path / "k.db"
    r = _cli(db, "watch", "--once", "--keep", "30d", f"{site.base}/feed.xml")
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    assert "0 new" in said and "2 items older than the kept 30 days left out" in said
    assert SQLiteStore(db).count_articles() == 0
    assert "2 new" in _cli(tmp_path / "all.db", "watch", "--once", f"{site.base}/feed.xml").output


def test_a_gzip_of_several_members_a_slow_but_steady_server_and_a_redirected_feeds_links(site: Site) -> None:
    import gzip

    body = rss([(f"Item {k}", f"/news/{k}.html", "", PARAS["bridge"][0]) for k in range(40)])
    half = len(body) // 2
    site.routes["/two.xml"] = (200, "application/rss+xml", gzip.compress(body[:half]) + gzip.compress(body[half:]), None)
    site.headers["/two.xml"] = {"Content-Encoding": "gzip"}
    items = list(read_url(f"{site.base}/two.xml", full_text=False))
    assert len(items) == 40 and all(isinstance(a, Article) for a in items)
    site.routes["/steady.xml"] = (200, "application/rss+xml", body, None)
    site.trickle["/steady.xml"] = 0.0                # a byte at a time (some kB/s), past three 0.3 s timeouts
    assert len(list(read_url(f"{site.base}/steady.xml", full_text=False, timeout=0.3))) == 40
    site.routes["/rss"] = (301, "text/plain", b"", None)
    site.headers["/rss"] = {"Location": "/feeds/main/rss.xml"}
    site.routes["/feeds/main/rss.xml"] = (200, "application/rss+xml", rss([("Bridge", "2031/06/bridge.html", "",
                                                                            PARAS["bridge"][0])]), None)
    [item] = list(read_url(f"{site.base}/rss", full_text=False))
    assert isinstance(item, Article) and item.url == f"{site.base}/feeds/main/2031/06/bridge.html"


def test_bytes_after_a_gzip_stream_and_a_malformed_xml_base_spoil_nothing(site: Site) -> None:
    import gzip

    from storyline.ingest.feeds import parse_feed, without_tracking

    body = rss([("Bridge", f"{site.base}/news/bridge.html", "", PARAS["bridge"][0])])
    site.routes["/tail.xml"] = (200, "application/rss+xml", gzip.compress(body) + b"\r\n", None)
    site.headers["/tail.xml"] = {"Content-Encoding": "gzip"}
    assert [isinstance(a, Article) for a in read_url(f"{site.base}/tail.xml", full_text=False)] == [True]
    feed = ("<rss version='2.0' xml:base='http://[::1'><channel><title>T</title><item><title>A</title>"
            "<link>story/1</link><description>" + PARAS["bridge"][0] + "</description></item></channel></rss>")
    [item] = list(parse_feed(feed, "http://example.org/feed.xml"))
    assert isinstance(item, Article)
    assert without_tracking("https://e.org/a?id=1;page=2&utm_source=rss") == "https://e.org/a?id=1;page=2"
    assert without_tracking("https://e.org/#!/article?utm_source=rss&id=9") == "https://e.org/#!/article?utm_source=rss&id=9"


def test_a_teaser_held_for_its_page_is_stored_when_it_leaves_the_feed(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    _feed(site, ["bridge", "ferry"])
    del site.routes["/news/ferry.html"]        # 404: held back, to be read again
    first = " ".join(_cli(db, "watch", "--once", f"{site.base}/feed.xml").output.split())
    assert "1 new" in first and "read again at the next poll" in first
    _feed(site, ["library"], etag='"v2"')      # the ferry item leaves the feed
    second = " ".join(_cli(db, "watch", "--once", f"{site.base}/feed.xml").output.split())
    assert "2 new" in second and "left the feed" in second, second
    texts = [a.text for a in SQLiteStore(db).iter_articles()]
    assert len(texts) == 3 and any("212 passengers" in t or "Skarvik" in t for t in texts)


def test_watch_takes_a_corrected_item_as_a_new_version_of_its_article(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _feed(site, ["bridge", "library"])
    assert "2 new" in _cli(db, "watch", "--once", f"{site.base}/feed.xml").output
    # the publisher corrects the day of the vote: on its page and in the feed's teaser
    PARAS["bridge"][0] = PARAS["bridge"][0].replace("on Monday", "on Sunday")
    try:
        _feed(site, ["bridge", "library"], etag='"v2"')
        site.log.clear()
        out = " ".join(_cli(db, "watch", "--once", f"{site.base}/feed.xml").output.split())
    finally:
        PARAS["bridge"][0] = PARAS["bridge"][0].replace("on Sunday", "on Monday")
    assert "0 new, 1 already stored, 1 revised" in out, out
    assert [p for p, _ in site.log] == ["/feed.xml", "/news/bridge.html"]   # the unchanged item's page is not read
    store = SQLiteStore(db)
    bridge = next(a for a in store.iter_articles() if a.title == "Old Mill bridge closed to lorries")
    assert "voted on Sunday" in bridge.text and store.count_articles() == 2
    assert "voted on Monday" in store.article_revisions(bridge.id)[0]["text"]
    sid = store.article_story(bridge.id)
    brief = store.get_brief(sid or "")
    assert brief is not None and not any("Monday" in s.text for s in brief.summary)
    assert any(a.get("revised") for a in brief.articles)


def test_watch_stops_on_sigterm_as_on_ctrl_c(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM (systemd's, docker's stop) ends the watch as Ctrl-C does: "stopped", the store kept; the
    handler is the caller's again afterwards."""
    import os
    import signal
    import time

    _feed(site, ["bridge"])
    caller = signal.signal(signal.SIGTERM, lambda *_: None)   # (without the fix: taken, and the watch goes on)
    waits: list[float] = []

    def sleep(seconds: float) -> None:   # the wait between two polls: the service is stopped there
        waits.append(seconds)
        if len(waits) > 1:
            raise RuntimeError("still watching after SIGTERM")
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(time, "sleep", sleep)
    try:
        r = _cli(tmp_path / "s.db", "watch", "--every", "10s", f"{site.base}/feed.xml")
        assert signal.getsignal(signal.SIGTERM) is not None and signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
        restored = signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, caller)
    assert r.exit_code == 0 and r.output.rstrip().endswith("stopped") and len(waits) == 1, r.output
    assert restored is not None and restored.__name__ == "<lambda>"   # the caller's handler again
    assert SQLiteStore(tmp_path / "s.db").count_articles() == 1


def test_watch_prints_each_poll_on_one_line(site: Site, tmp_path: Path) -> None:
    """A poll's line stays whole in a log file (grep for a time or a count finds all of it), however
    long the store's path."""
    _feed(site, ["bridge"])
    db = tmp_path / ("a-folder-with-a-long-name-" * 3) / "store.db"
    db.parent.mkdir()
    r = _cli(db, "watch", "--once", f"{site.base}/feed.xml")
    assert r.exit_code == 0, r.output
    (line,) = [ln for ln in r.output.splitlines() if " new, " in ln]
    assert line.endswith(f"1 article in {db}"), r.output
