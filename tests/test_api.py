"""The HTTP API through httpx's ASGI client: every endpoint, auth, paging, errors, concurrency."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_api_data import build_store, rich_brief

from storyline.config import Settings
from storyline.records import Entity
from storyline.serve.api import create_app

TOKEN = "s3cret-token"


def make_client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, raise_app_exceptions=False),
                             base_url="http://testserver")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "api.db"), token=TOKEN, max_request_bytes=200_000,
                    max_article_bytes=50_000)


@pytest.fixture
def store(settings: Settings):
    s = build_store(settings.db_path(), settings)
    yield s
    s.close()


@pytest.fixture
def app(settings: Settings, store):
    return create_app(settings, store=store, background=False)


def run(coro):
    return asyncio.run(coro)


async def _get(app: Any, url: str, **kw: Any) -> httpx.Response:
    async with make_client(app) as c:
        return await c.get(url, **kw)


async def _post(app: Any, url: str, token: str | None = TOKEN, **kw: Any) -> httpx.Response:
    headers = dict(kw.pop("headers", {}))
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    async with make_client(app) as c:
        return await c.post(url, headers=headers, **kw)


def error_of(r: httpx.Response) -> str:
    body = r.json()
    assert body["status"] == r.status_code
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in r.text
    return body["error"]


# --- reads -----------------------------------------------------------------------------------------

def test_health_counts(app):
    r = run(_get(app, "/api/health"))
    assert r.status_code == 200
    h = r.json()
    assert h["status"] == "ok" and h["articles"] == 5 and h["stories"] == 3 and h["pending"] == 0
    assert h["writes_enabled"] is True



def test_a_store_serve_cannot_write_is_served_read_only(settings, store, monkeypatch):
    """`storyline serve` on a store it cannot write (another user's file) serves it as it is: its
    workers open it read-only (STORYLINE_SERVE_READ_ONLY), every page reads, health says writes are off,
    and a write is refused in one line, not a worker that fails to start."""
    import os

    from storyline.serve.api import app_from_env

    store.close()
    db, real = settings.db_path(), os.access
    monkeypatch.setattr("storyline.store.sqlite.os.access",
                        lambda p, mode, **kw: False if Path(p) == db and mode & os.W_OK else real(p, mode, **kw))
    for key, value in (("STORYLINE_DB", str(db)), ("STORYLINE_TOKEN", TOKEN), ("STORYLINE_SERVE_READ_ONLY", "1")):
        monkeypatch.setenv(key, value)
    app = app_from_env()
    assert run(_get(app, "/api/health")).json()["writes_enabled"] is False
    assert run(_get(app, "/api/stories", params={"q": "frost"})).json()["total"] == 1
    for url in ("/", "/stories/s-orchard", "/api/stories/s-orchard/brief?format=md"):
        assert run(_get(app, url)).status_code == 200, url
    r = run(_post(app, "/api/articles", json={"title": "Pier", "text": "The Kelso pier reopened on Monday."}))
    assert r.status_code == 400 and "is read-only" in error_of(r)

def test_stories_paging_and_sorting(app):
    first = run(_get(app, "/api/stories", params={"limit": 2})).json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["next"]
    second = run(_get(app, first["next"])).json()
    assert second["offset"] == 2 and len(second["items"]) == 1 and second["next"] is None
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert sorted(ids) == ["s-bridge", "s-library", "s-orchard"]
    by_size = run(_get(app, "/api/stories", params={"sort": "size"})).json()["items"]
    assert [i["size"] for i in by_size] == sorted((i["size"] for i in by_size), reverse=True)
    by_pub = run(_get(app, "/api/stories", params={"sort": "published"})).json()["items"]
    assert [i["id"] for i in by_pub] == ["s-orchard", "s-bridge", "s-library"]
    assert by_pub[0]["page"] == "/stories/s-orchard" and by_pub[0]["href"] == "/api/stories/s-orchard"


def test_stories_filters(app, store):
    def ids(**params: Any) -> list[str]:
        r = run(_get(app, "/api/stories", params=params))
        assert r.status_code == 200, r.text
        return sorted(i["id"] for i in r.json()["items"])

    assert ids(q="girder") == ["s-bridge"]
    assert ids(q="apple blossom") == ["s-orchard"]
    assert ids(q="blosso") == ["s-orchard"]          # the last word may be a prefix
    assert ids(q='"unbalanced (quote OR') == []       # FTS syntax is never passed through
    assert ids(q="girder OR blossom") == ["s-bridge", "s-orchard"]   # a capitalised OR joins alternatives
    assert ids(q="apple OR girder blossom") == ["s-orchard"]         # ... and binds tighter than the rest
    assert ids(q="girder OR") == ["s-bridge"]                       # a dangling OR is left out
    assert ids(q="girder OR blossom -apple") == ["s-bridge"]        # a minus before a word excludes it
    assert ids(q="girder OR blossom -appl") == ["s-bridge"]         # (the last word is a prefix still)
    assert ids(q="-apple") == []                                    # exclusions alone find nothing
    assert ids(q="girder-apple") == []                              # a hyphen inside a word is no minus
    assert ids(**{"from": "2024-01-01"}) == ["s-bridge", "s-orchard"]
    assert ids(to="2024-03-31") == ["s-bridge", "s-library"]
    assert ids(**{"from": "2024-03-05", "to": "2024-03-05"}) == ["s-bridge"]
    rich_brief(store)
    assert ids(entity="mara quint") == ["s-bridge"]
    assert ids(entity="e-quint") == ["s-bridge"]
    assert ids(entity="nobody") == []
    assert ids(q="Quint", sort="relevance") == ["s-bridge"]


def test_a_storys_own_address_gives_the_opening_of_its_summary_as_the_list_does(app, store):
    rich_brief(store)
    listed = {i["id"]: i for i in run(_get(app, "/api/stories")).json()["items"]}
    story = run(_get(app, "/api/stories/s-bridge")).json()
    assert story["summary"] and story["summary"] == listed["s-bridge"]["summary"]


def test_an_entitys_stories_give_the_opening_of_their_summaries_as_the_list_does(app, store):
    rich_brief(store)
    listed = {i["id"]: i for i in run(_get(app, "/api/stories")).json()["items"]}
    named = run(_get(app, "/api/entities/e-quint")).json()["stories"]
    assert named and all(s["summary"] and s["summary"] == listed[s["id"]]["summary"] for s in named)


def test_story_and_brief_formats(app, store):
    rich_brief(store)
    story = run(_get(app, "/api/stories/s-bridge")).json()
    assert story["article_ids"] == ["bridge-1", "bridge-2"] and story["size"] == 2
    j = run(_get(app, story["brief"]))
    assert j.headers["content-type"].startswith("application/json")
    b = j.json()
    assert b["story_id"] == "s-bridge" and b["summary"] and b["entities"][0]["name"] == "Mara Quint"
    md = run(_get(app, story["brief"], params={"format": "md"}))
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# ") and "## Where the sources differ" in md.text
    html = run(_get(app, story["brief"], params={"format": "html"}))
    assert html.headers["content-type"].startswith("text/html") and "<h1>" in html.text
    bad = run(_get(app, story["brief"], params={"format": "pdf"}))
    assert bad.status_code == 422 and "format" in error_of(bad)


def test_brief_html_escapes_article_text(app):
    html = run(_get(app, "/api/stories/s-orchard/brief", params={"format": "html"})).text
    assert "<script>alert" not in html
    page = run(_get(app, "/articles/orchard-1")).text
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page


def test_article_and_entity(app, store):
    a = run(_get(app, "/api/articles/bridge-2")).json()
    assert a["title"] == "Saltmarsh bridge shut for repairs" and a["story_id"] == "s-bridge"
    assert a["published"] == "2024-03-05" and "Mara Quint" in a["text"]
    rich_brief(store)
    e = run(_get(app, "/api/entities/e-quint")).json()
    assert e["name"] == "Mara Quint" and e["label"] == "PERSON"
    assert [s["id"] for s in e["stories"]] == ["s-bridge"]
    assert e["aliases"] == ["Quint"]  # the other names its briefs give it
    by_name = run(_get(app, "/api/entities/saltmarsh")).json()
    assert by_name["id"] == "e-saltmarsh"


@pytest.mark.parametrize("url", ["/api/stories/s-nope", "/api/stories/s-nope/brief", "/api/articles/nope",
                                 "/api/entities/nobody", "/api/nothing-here"])
def test_unknown_ids_are_404_json(app, url):
    r = run(_get(app, url))
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert "nope" in error_of(r) or "nobody" in error_of(r) or "nothing-here" in error_of(r)


async def _head(app: Any, url: str) -> httpx.Response:
    async with make_client(app) as c:
        return await c.head(url)


@pytest.mark.parametrize("url", ["/api/health", "/api/stories", "/api/stories/s-bridge", "/", "/stories/s-bridge",
                                 "/feed.atom"])
def test_a_head_request_is_answered_as_its_get_without_the_body(app, url):
    got, head = run(_get(app, url)), run(_head(app, url))
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content)) and head.content == b""
    missing = run(_head(app, "/api/stories/s-nope"))
    assert missing.status_code == 404 and missing.content == b""


def test_invalid_query_is_422_json(app):
    for params in ({"limit": 0}, {"limit": "many"}, {"from": "yesterday"}, {"sort": "random"}, {"offset": -1}):
        r = run(_get(app, "/api/stories", params=params))
        assert r.status_code == 422, params
        error_of(r)


def test_atom_feed(app):
    r = run(_get(app, "/api/feed.atom"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(r.content)
    entries = root.findall("a:entry", ns)
    assert len(entries) == 3
    titles = {e.findtext("a:title", namespaces=ns) for e in entries}
    assert "Frost destroys half of the apple blossom" in titles or "Ardley growers count frost losses" in titles
    assert all(e.findtext("a:summary", namespaces=ns) for e in entries)
    assert run(_get(app, "/feed.atom")).status_code == 200


def test_atom_feeds_of_a_search_and_of_an_entity(app):
    """An analyst follows one beat: the feed of a search, or of the stories naming one entity."""
    ns = {"a": "http://www.w3.org/2005/Atom"}

    def feed(params):
        r = run(_get(app, "/feed.atom", params=params))
        assert r.status_code == 200
        root = ET.fromstring(r.content)
        return root, [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]

    root, titles = feed({"q": "frost"})
    assert titles and all("rost" in t for t in titles)                 # the orchard story only
    assert "frost" in root.findtext("a:title", namespaces=ns)
    assert root.find("a:link[@rel='self']", ns).get("href").endswith("/feed.atom?q=frost")
    root, titles = feed({"entity": "saltmarsh"})
    assert len(titles) == 1 and "bridge" in titles[0].lower()
    assert "Saltmarsh" in root.findtext("a:title", namespaces=ns)
    assert feed({"q": "no such words anywhere"})[1] == []
    # the pages link to the feed of what they show
    assert 'href="/feed.atom?q=frost"' in run(_get(app, "/", params={"q": "frost"})).text
    eid = run(_get(app, "/api/entities/saltmarsh")).json()["id"]
    assert f"/feed.atom?entity={eid}" in run(_get(app, f"/entities/{eid}")).text


def test_api_docs_page_works_offline(app):
    page = run(_get(app, "/docs"))
    assert page.status_code == 200 and "storyline API" in page.text
    assert "cdn." not in page.text and "/openapi.json" in page.text
    js = run(_get(app, "/docs-assets/swagger-ui-bundle.js"))
    assert js.status_code == 200 and len(js.content) > 100_000
    assert run(_get(app, "/docs-assets/swagger-ui.css")).status_code == 200


def test_openapi_documents_every_endpoint(app):
    spec = run(_get(app, "/openapi.json")).json()
    paths = spec["paths"]
    for p in ("/api/health", "/api/articles", "/api/articles/{article_id}", "/api/stories",
              "/api/stories/{story_id}", "/api/stories/{story_id}/brief", "/api/entities/{entity_id}",
              "/api/feed.atom"):
        assert p in paths, p
    body = paths["/api/articles"]["post"]["requestBody"]["content"]
    assert "application/json" in body and "application/x-ndjson" in body
    assert "/" not in paths and "/stories/{story_id}" not in paths


# --- writes ----------------------------------------------------------------------------------------

NEW = {"title": "Council votes to replace the swing bridge", "source": "Harbour Herald", "published": "2024-05-01",
       "text": "The council voted on Tuesday to replace the Saltmarsh swing bridge rather than repair it. "
               "A new bridge would cost about forty million."}


def test_post_one_article_then_duplicate(app, store):
    r = run(_post(app, "/api/articles?wait=true", json=NEW))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["new"] == 1 and body["results"][0]["status"] == "new" and body["stories"]
    aid = body["results"][0]["id"]
    assert run(_get(app, f"/api/articles/{aid}")).json()["text"] == NEW["text"]
    again = run(_post(app, "/api/articles?wait=true", json=NEW))
    assert again.status_code == 200 and again.json()["results"][0] == {"line": 1, "status": "duplicate",
                                                                     "id": aid, "error": None}
    assert store.count_articles() == 6
    sid = store.article_story(aid)
    assert sid and run(_get(app, f"/api/stories/{sid}")).status_code == 200


def test_a_corrected_article_posted_under_its_url_is_revised_and_its_first_version_kept(app, store):
    first = {**NEW, "url": "https://harbour-herald.example/bridge"}
    aid = run(_post(app, "/api/articles?wait=true", json=first)).json()["results"][0]["id"]
    fixed = {**first, "text": first["text"].replace("forty million", "forty-five million")}
    r = run(_post(app, "/api/articles?wait=true", json=fixed))
    assert r.status_code == 200, r.text
    assert r.json()["revised"] == 1 and r.json()["results"][0]["status"] == "revised" and r.json()["stories"]
    got = run(_get(app, f"/api/articles/{aid}")).json()
    assert "forty-five million" in got["text"]
    assert [v["text"] for v in got["revisions"]] == [first["text"]] and got["revisions"][0]["revised_at"]
    assert store.count_articles() == 6
    html = run(_get(app, got["page"])).text
    assert "1 earlier version below" in html and "Earlier version, replaced" in html and "forty million" in html


def test_an_article_and_its_correction_in_one_request_are_answered_new_then_revised(app, store):
    """Not "new" then "duplicate": the second line was stored, as a new version of the first (as it is
    when sent in a second request)."""
    first = {**NEW, "url": "https://harbour-herald.example/quay"}
    fixed = {**first, "text": first["text"].replace("forty million", "forty-five million")}
    r = run(_post(app, "/api/articles?wait=true", json=[first, fixed]))
    assert r.status_code in (200, 201), r.text
    body = r.json()
    assert [x["status"] for x in body["results"]] == ["new", "revised"], body
    assert body["new"] == 1 and body["revised"] == 1 and body["duplicate"] == 0
    assert "forty-five million" in run(_get(app, f"/api/articles/{body['results'][0]['id']}")).json()["text"]


def test_post_jsonl_bulk_per_line_results(app, store):
    lines = [json.dumps(NEW), "{not json", json.dumps({"title": "no body"}), "",
             json.dumps({**NEW, "title": "Another", "text": "Ferries will run every twenty minutes."}),
             json.dumps(NEW), json.dumps({"text": "x", "published": "not a date"})]
    r = run(_post(app, "/api/articles?wait=true", content="\n".join(lines).encode(),
                  headers={"Content-Type": "application/x-ndjson"}))
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [x["line"] for x in res] == [1, 2, 3, 5, 6, 7]
    assert [x["status"] for x in res] == ["new", "failed", "failed", "new", "duplicate", "failed"]
    assert "invalid JSON" in res[1]["error"] and "text" in res[2]["error"] and "date" in res[5]["error"]
    assert r.json()["new"] == 2 and r.json()["failed"] == 3
    assert store.count_articles() == 7


def test_a_posted_line_that_holds_no_article_is_left_aside_not_failed(app, store):
    """As `storyline ingest` says of such an input: a blank text or a site's notice is read well and holds no
    article; it is answered "left_aside" with the reason and counted apart from the lines that failed."""
    cookie = ("Our website stores cookies on your device. You can change your cookie settings in your browser at "
              "any time. Accept and continue")
    lines = [json.dumps(NEW), json.dumps({"title": "Blank", "text": "   "}), json.dumps({"title": "Wall", "text": cookie}),
             "{not json"]
    r = run(_post(app, "/api/articles?wait=true", content="\n".join(lines).encode(),
                  headers={"Content-Type": "application/x-ndjson"}))
    assert r.status_code == 200, r.text
    body = r.json()
    assert [x["status"] for x in body["results"]] == ["new", "left_aside", "left_aside", "failed"], body
    assert body["results"][1]["error"] == "empty 'text'" and "cookie notice" in body["results"][2]["error"]
    assert (body["new"], body["left_aside"], body["failed"]) == (1, 2, 1)
    r = run(_post(app, "/api/articles", json={"title": "Blank", "text": ""}))  # one object: nothing new, 200
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "left_aside", r.text
    schema = run(_get(app, "/openapi.json")).json()["components"]["schemas"]
    assert "left_aside" in schema["LineResult"]["properties"]["status"]["enum"]


def test_post_jsonl_a_line_that_is_not_utf8_fails_alone_and_a_bom_is_read(app, store):
    good = json.dumps({**NEW, "title": "Ferry timetable", "text": "Ferries will run every twenty minutes."})
    body = b"\xef\xbb\xbf" + json.dumps(NEW).encode() + b"\n" + b'{"text": "caf\xe9"}' + b"\n" + good.encode()
    r = run(_post(app, "/api/articles?wait=true", content=body, headers={"Content-Type": "application/x-ndjson"}))
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [x["status"] for x in res] == ["new", "failed", "new"]
    assert "not UTF-8" in res[1]["error"] and res[1]["line"] == 2
    # one JSON article with a byte-order mark is read; a compressed body is refused by name
    r = run(_post(app, "/api/articles?wait=true", content=b"\xef\xbb\xbf" + json.dumps(
        {**NEW, "title": "Pier", "text": "The pier reopened on Friday."}).encode(),
        headers={"Content-Type": "application/json"}))
    assert r.status_code == 201, r.text
    r = run(_post(app, "/api/articles", content=b"\x1f\x8b\x08\x00", headers={
        "Content-Type": "application/json", "Content-Encoding": "gzip"}))
    assert r.status_code == 415 and "Content-Encoding: gzip" in r.text
    r = run(_post(app, "/api/articles", content=b'{"text": ' + b"9" * 5000 + b"}",
                  headers={"Content-Type": "application/json"}))
    assert r.status_code == 400 and "4,300 digits" in r.text and "sys." not in r.text


def test_an_article_id_with_slashes_is_reachable_and_linked(app, store):
    from urllib.parse import quote

    aid = "herald/2024-05-01/bridge vote?"
    r = run(_post(app, "/api/articles?wait=true", json={**NEW, "id": aid}))
    assert r.status_code == 201 and r.json()["results"][0]["id"] == aid, r.text
    a = run(_get(app, "/api/articles/" + quote(aid, safe=""))).json()
    assert a["id"] == aid and a["page"] == "/articles/" + quote(aid, safe="")
    page = run(_get(app, a["page"], headers={"Accept": "text/html"}))
    assert page.status_code == 200 and "swing bridge" in page.text
    brief = run(_get(app, f"/stories/{a['story_id']}", headers={"Accept": "text/html"})).text
    assert "/articles/" + quote(aid, safe="") in brief  # the citation links reach it
    r = run(_post(app, "/api/articles", json=None))  # (the route's neighbours are unchanged)
    assert r.status_code in (400, 422)


def test_post_json_array(app, store):
    r = run(_post(app, "/api/articles?wait=true",
                  json=[NEW, {**NEW, "url": "https://herald.example/x", "text": "A second text."}, 7]))
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["new", "new", "failed"]


def test_background_update(settings, store):
    app = create_app(settings, store=store, background=True)
    svc = app.state.service
    svc.start()
    try:
        r = run(_post(app, "/api/articles", json=NEW))
        assert r.status_code == 202 and r.json()["pending"] is True
        aid = r.json()["results"][0]["id"]
        import time

        deadline = time.time() + 20
        while time.time() < deadline and (store.article_story(aid) is None or store.pending_count()):
            time.sleep(0.05)
        sid = store.article_story(aid)
        assert sid is not None and store.get_brief(sid) is not None
    finally:
        svc.stop()


def test_writes_need_the_token(app, settings, store):
    for token in (None, "wrong", TOKEN + "x", ""):
        r = run(_post(app, "/api/articles", token=token, json=NEW))
        assert r.status_code == 401, token
        assert "token" in error_of(r) and r.headers.get("www-authenticate", "").startswith("Bearer")
    r = run(_post(app, "/api/articles?wait=true", token=None, json=NEW, headers={"X-Storyline-Token": TOKEN}))
    assert r.status_code == 201
    closed = create_app(Settings(db=settings.db, token=""), store=store, background=False)
    r = run(_post(closed, "/api/articles", json=NEW))
    assert r.status_code == 403 and "STORYLINE_TOKEN" in error_of(r)


def test_reads_can_be_closed(settings, store):
    app = create_app(Settings(db=settings.db, token=TOKEN, read_token="reader"), store=store, background=False)
    for url in ("/api/stories", "/api/health", "/", "/stories/s-bridge", "/api/feed.atom"):
        assert run(_get(app, url)).status_code == 401, url
        assert run(_get(app, url, headers={"Authorization": "Bearer reader"})).status_code == 200, url
        assert run(_get(app, url, headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 200, url
    r = run(_get(app, "/", params={"token": "reader"}))
    assert r.status_code == 200 and "storyline_token" in r.headers.get("set-cookie", "")


def test_bad_json_is_400_with_json_body(app):
    r = run(_post(app, "/api/articles", content=b'{"text": "unterminated', headers={"Content-Type": "application/json"}))
    assert r.status_code == 400 and "invalid JSON" in error_of(r)
    r = run(_post(app, "/api/articles", content=b"\xff\xfe", headers={"Content-Type": "application/json"}))
    assert r.status_code == 400 and "UTF-8" in error_of(r)
    r = run(_post(app, "/api/articles", json={"title": "no text"}))
    assert r.status_code == 422 and "text" in error_of(r)
    r = run(_post(app, "/api/articles", json=[]))
    assert r.status_code == 422
    r = run(_post(app, "/api/articles", content=b"text=hello", headers={"Content-Type": "application/x-www-form-urlencoded"}))
    assert r.status_code == 415 and "application/json" in error_of(r)


def test_oversized_bodies_are_413(app, store):
    big = json.dumps({**NEW, "text": "word " * 60_000}).encode()
    r = run(_post(app, "/api/articles", content=big, headers={"Content-Type": "application/json"}))
    assert r.status_code == 413 and "limit" in error_of(r)

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(50):
            yield b" " * 10_000

    r = run(_post(app, "/api/articles", content=chunks(), headers={"Content-Type": "application/json"}))
    assert r.status_code == 413
    one_big = json.dumps({**NEW, "text": "word " * 12_000}).encode()     # under the body limit, over an article's
    r = run(_post(app, "/api/articles", content=one_big, headers={"Content-Type": "application/json"}))
    assert r.status_code == 422 and "bytes" in error_of(r)
    assert store.count_articles() == 5


def test_concurrent_posts_of_the_same_article_store_it_once(app, store):
    async def many() -> list[httpx.Response]:
        async with make_client(app) as c:
            return await asyncio.gather(*[
                c.post("/api/articles?wait=true", json=NEW, headers={"Authorization": f"Bearer {TOKEN}"})
                for _ in range(12)])

    rs = run(many())
    assert all(r.status_code in (200, 201) for r in rs)
    statuses = [r.json()["results"][0]["status"] for r in rs]
    assert statuses.count("new") == 1 and statuses.count("duplicate") == 11
    assert store.count_articles() == 6
    aid = rs[0].json()["results"][0]["id"]
    sid = store.article_story(aid)
    assert store.story_article_ids(sid).count(aid) == 1


def test_internal_errors_hide_the_trace(app, store, monkeypatch):
    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("secret internals /home/x/db.py line 3")

    monkeypatch.setattr(store, "search_stories", boom)
    r = run(_get(app, "/api/stories"))
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text and "internal error" in error_of(r)


def test_surrogates_and_odd_input_do_not_crash(app):
    r = run(_post(app, "/api/articles?wait=true", content=b'{"text": "caf\\ud800 bar", "title": "\\udfff"}',
                  headers={"Content-Type": "application/json"}))
    assert r.status_code in (200, 201), r.text
    r = run(_post(app, "/api/articles", json={"text": "ok", "published": 2024}))
    assert r.status_code == 422
    r = run(_post(app, "/api/articles", json={"text": "ok", "title": {"nested": 1}}))
    assert r.status_code in (201, 422)


def test_cached_lists_follow_writes_from_other_connections(app, settings):
    """List pages are cached until the store changes, also when another process writes to it."""
    from storyline.pipeline import ingest_articles, update_stories
    from storyline.records import Article
    from storyline.store.sqlite import SQLiteStore

    assert run(_get(app, "/api/stories")).json()["total"] == 3
    assert "3 stories" in run(_get(app, "/")).text
    other = SQLiteStore(settings.db_path())          # another connection, as the CLI would open
    ingest_articles(other, [Article(id="late-1", title="Harbour crane collapses", published="2024-06-01",
                                    text="A harbour crane collapsed in high winds on Saturday.")])
    other.assign({"late-1": "s-crane"})
    update_stories(other, settings)
    other.close()
    page = run(_get(app, "/api/stories")).json()
    assert page["total"] == 4 and page["items"][0]["id"] == "s-crane"
    assert "4 stories" in run(_get(app, "/")).text
    assert [i["id"] for i in run(_get(app, "/api/stories", params={"q": "crane"})).json()["items"]] == ["s-crane"]


def test_posted_lines_are_checked_as_files_are(app, store):
    text = "The Varn dam gates opened on Monday, the water board said."
    lines = [json.dumps({"id": "p-sur", "title": "Odd \ud800", "published": "2023-03-14", "text": text + " \udc00"}),
             json.dumps({"id": "p-big", "text": "word " * 11_000}),                 # over the 50 kB test limit
             json.dumps({"id": "p-far", "published": "9999-12-31", "text": text + " Later."}),
             json.dumps({"id": "p-num", "text": 12345})]
    r = run(_post(app, "/api/articles?wait=true", content="\n".join(lines).encode(),
                  headers={"Content-Type": "application/x-ndjson"}))
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [x["status"] for x in res] == ["new", "failed", "new", "failed"]
    assert res[1]["error"].startswith("article text too long (55,000 bytes, limit 50,000: set max_article_text_bytes")
    assert "publication date 9999-12-31" in res[2]["warnings"][0]
    assert res[3]["error"].startswith("'text' must be a string")
    art = run(_get(app, "/api/articles/p-sur")).json()
    assert art["title"] == "Odd \ufffd" and art["text"].endswith(" \ufffd")
    assert run(_get(app, "/api/articles/p-far")).json()["published"] is None


def test_the_list_page_past_its_end_bad_dates_and_a_blank_search(app, store):
    total = run(_get(app, "/api/stories")).json()["total"]
    assert total >= 2
    page = run(_get(app, "/", params={"offset": total})).text
    assert "No more stories" in page and "No stories yet" not in page and "shown" not in page
    page = run(_get(app, "/", params={"from": "2019-02-30", "to": "99999-01-01"})).text
    assert "“2019-02-30” is not a date" in page and "“99999-01-01” is not a date" in page
    assert f"{total} stor" in page  # the filters left out, as it says
    # spaces alone are no query, in the API as on the page
    blank = run(_get(app, "/api/stories", params={"q": "  "})).json()
    assert blank["total"] == total


def test_a_markdown_brief_links_only_web_addresses():
    from storyline.serve.render import _md_link

    assert _md_link("https://herald.example/a?b=1") == " <https://herald.example/a?b=1>"
    assert _md_link("javascript:alert(document.cookie)") == " `javascript:alert(document.cookie)`"
    assert _md_link("data:text/html,<script>x</script>") == " `data:text/html,<script>x</script>`"
    assert _md_link(None) == "" and _md_link("  ") == ""


def test_the_api_and_the_pages_take_the_first_characters_of_a_story_id_as_the_cli_does(app, store):
    """`storyline brief bri` names s-bridge; so do /api/stories/bri, its brief (every format) and the
    story's page. Characters that start several ids are a 400 that counts them, not a 404."""
    rich_brief(store)
    for ref in ("bri", "s-bri"):
        story = run(_get(app, f"/api/stories/{ref}"))
        assert story.status_code == 200 and story.json()["id"] == "s-bridge", story.text
        assert story.json()["brief"] == "/api/stories/s-bridge/brief"
        for fmt in ("json", "md", "html"):
            r = run(_get(app, f"/api/stories/{ref}/brief", params={"format": fmt}))
            assert r.status_code == 200 and ("s-bridge" in r.text or "Saltmarsh" in r.text), (ref, fmt)
        assert run(_get(app, f"/api/stories/{ref}/brief", params={"about": "Quint"})).json()["story_id"] == "s-bridge"
    page = run(_get(app, "/stories/bri", params={"about": "Quint"}))
    assert page.status_code == 302 and page.headers["location"] == "/stories/s-bridge?about=Quint"
    for url in ("/api/stories/s-", "/api/stories/s-/brief", "/api/stories/s-/brief?format=md"):
        r = run(_get(app, url))
        assert r.status_code == 400 and "starts 3 story ids" in error_of(r), (url, r.text)
    several = run(_get(app, "/stories/s-", headers={"accept": "text/html"}))
    assert several.status_code == 400 and "starts 3 story ids" in several.text
    assert run(_get(app, "/api/stories/zz/brief")).status_code == 404


def test_an_old_story_id_merged_away_says_where_it_went_for_its_brief_too(app, store):
    live = store.list_stories(limit=1)[0]["id"]
    with store.transaction() as c:
        c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s-gone', 'x', 'x', 0, 0)")
        c.execute("INSERT INTO story_events (at, kind, story_id, other_id, detail) VALUES ('x', 'merge', ?, 's-gone', '{}')",
                  (live,))
    for url in ("/api/stories/s-gone", "/api/stories/s-gone/brief"):
        r = run(_get(app, url))
        assert r.status_code == 404 and f"merged into '{live}'" in r.text, (url, r.text)


def test_the_cli_and_the_api_list_the_same_stories_in_the_same_shape(app, store, settings):
    from typer.testing import CliRunner

    from storyline.serve.cli import app as cli

    api = run(_get(app, "/api/stories?limit=50")).json()
    r = CliRunner().invoke(cli, ["--db", str(settings.db_path()), "stories", "-f", "json", "--limit", "50"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert [i["id"] for i in out["items"]] == [i["id"] for i in api["items"]]
    assert set(out["items"][0]) == set(api["items"][0]) and out["items"][0]["summary"] == api["items"][0]["summary"]
    rel = CliRunner().invoke(cli, ["--db", str(settings.db_path()), "stories", "--sort", "relevance"])
    assert rel.exit_code == 0, rel.output     # nothing searched: as the API, most recently updated first


def test_a_date_range_written_backwards(app):
    # the page reads it forwards and says so; the API says what is wrong
    page = run(_get(app, "/", params={"from": "2024-03-31", "to": "2024-03-01"})).text
    assert "/stories/s-bridge" in page and "/stories/s-orchard" not in page and "/stories/s-library" not in page
    assert "came after" in page and 'value="2024-03-01"' in page
    r = run(_get(app, "/api/stories", params={"from": "2024-03-31", "to": "2024-03-01"}))
    assert r.status_code == 422 and "after" in error_of(r)


def test_an_entity_filter_lists_the_stories_its_entity_page_lists(app, store):
    # "Quint" is how the bridge story writes Mara Quint; the library story names her in full only
    rich_brief(store)
    lib = store.get_brief("s-library")
    store.put_brief(dataclasses.replace(lib, entities=(Entity(id="e-quint", name="Mara Quint", label="PERSON",
                                                              aliases=("Mara Quint",), mentions={"library-1": 1}),)))
    page = run(_get(app, "/api/entities/Quint")).json()
    assert page["name"] == "Mara Quint" and {s["id"] for s in page["stories"]} == {"s-bridge", "s-library"}
    listed = run(_get(app, "/api/stories", params={"entity": "Quint"})).json()
    assert sorted(i["id"] for i in listed["items"]) == ["s-bridge", "s-library"]
    web = run(_get(app, "/", params={"entity": "Quint"})).text
    assert "Stories about Mara Quint" in web and "/stories/s-library" in web


def test_a_name_finds_the_entity_most_stories_write_it_for_not_one_storys_mistag(app, store):
    # two stories write "Quint" for Mara Quint; a third has a "Quint" its tagger took for a place
    rich_brief(store)
    for sid, entity in (("s-library", Entity(id="e-quint", name="Mara Quint", label="PERSON",
                                             aliases=("Quint",), mentions={"library-1": 1})),
                        ("s-orchard", Entity(id="e-quint-place", name="Quint", label="LOC",
                                             mentions={"orchard-1": 1}))):
        store.put_brief(dataclasses.replace(store.get_brief(sid), entities=(entity,)))
    page = run(_get(app, "/api/entities/quint")).json()
    assert (page["id"], page["name"]) == ("e-quint", "Mara Quint")
    assert run(_get(app, "/api/entities/e-quint-place")).json()["name"] == "Quint"   # (its id still finds it)


def test_an_entity_named_without_its_accents_is_found_by_the_filter_the_entity_page_and_the_web_page(app, store):
    # "zoe lecka" is Zoë Łęcka, "orsbaek" Ørsbæk: entity names are folded as the search is (``search_fold``)
    rich_brief(store)
    for sid, entity in (("s-library", Entity(id="e-lecka", name="Zoë Łęcka", label="PERSON", aliases=("Łęcka",),
                                             mentions={"library-1": 1})),
                        ("s-orchard", Entity(id="e-orsbaek", name="Ørsbæk", label="LOC", mentions={"orchard-1": 1}))):
        store.put_brief(dataclasses.replace(store.get_brief(sid), entities=(entity,)))
    for name, sid in (("zoe lecka", "s-library"), ("LECKA", "s-library"), ("orsbaek", "s-orchard")):
        listed = run(_get(app, "/api/stories", params={"entity": name})).json()
        assert [i["id"] for i in listed["items"]] == [sid], name
    assert run(_get(app, "/api/entities/zoe lecka")).json()["name"] == "Zoë Łęcka"
    web = run(_get(app, "/", params={"entity": "orsbaek"})).text
    assert "Stories about Ørsbæk" in web and "/stories/s-orchard" in web and "/stories/s-library" not in web


def test_the_readme_lists_every_api_route_and_posts_json_lines_as_the_api_reads_them(app):
    """Every operation of /openapi.json is in the README's list of routes, and its curl example sends a
    JSON Lines file as the API reads one: whole (--data-binary), with a JSON Lines content type."""
    from storyline.serve.api import JSONL_TYPES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = {re.sub(r"\{[^}]*\}", "{}", m.group(2)) for m in re.finditer(r"\b(GET|POST|DELETE)\s+(/api/[^\s?]*)", readme)}
    paths = {re.sub(r"\{[^}]*\}", "{}", p.replace(":path", "")) for p in app.openapi()["paths"]}
    assert paths <= listed, sorted(paths - listed)
    m = re.search(r"curl [^\n]*Content-Type: ([\w/+-]+)'[^\n]*\n\s*--data-binary @\S+\.jsonl", readme)
    assert m and m.group(1) in JSONL_TYPES
    assert "opens the store in a browser" not in readme


def test_a_story_asked_by_its_whole_id_is_read_once(app, store, monkeypatch):
    """GET /api/stories/{id} reads the story's row once for a whole id (its first characters: once to
    find it, once to read it); a deleted story's id or its first characters are a 404, not a 400."""
    from storyline.store.sqlite import SQLiteStore

    reads: list[str] = []
    real = SQLiteStore._conn

    def traced(self: SQLiteStore):
        conn = real(self)
        conn.set_trace_callback(lambda sql: reads.append(sql) if "FROM stories WHERE id" in sql else None)
        return conn

    monkeypatch.setattr(SQLiteStore, "_conn", traced)
    r = run(_get(app, "/api/stories/s-bridge"))
    assert r.status_code == 200 and r.json()["id"] == "s-bridge" and r.json()["size"] == 2
    assert len(reads) == 1, reads
    monkeypatch.setattr(SQLiteStore, "_conn", real)
    with store.transaction() as c:   # a story emptied (its articles forgotten), and another whose id starts alike
        c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s-bridgework', 'x', 'x', 0, 0)")
        c.execute("INSERT INTO stories (id, first_seen, updated, size, dirty) VALUES ('s-quayold', 'x', 'x', 0, 0)")
    assert run(_get(app, "/api/stories/s-bri")).json()["id"] == "s-bridge"   # the one live story it starts
    for ref in ("s-quayold", "s-quay", "quay"):
        for url in (f"/api/stories/{ref}", f"/api/stories/{ref}/brief"):
            r = run(_get(app, url))
            assert r.status_code == 404 and "no story" in error_of(r), (url, r.text)


def test_an_error_naming_a_huge_id_or_path_does_not_echo_all_of_it(app):
    for url in ("/api/stories/" + "k" * 20_000, "/api/entities/" + "k" * 20_000, "/nowhere/" + "k" * 20_000):
        r = run(_get(app, url))
        said = error_of(r)
        assert r.status_code == 404 and len(r.content) < 1_000, (url, len(r.content))
        assert said.startswith(("no story 'kkk", "no entity 'kkk", "no such page or endpoint: /nowhere/kkk"))
        assert said.endswith("characters more)")
    page = run(_get(app, "/stories/" + "k" * 20_000, headers={"accept": "text/html"}))
    assert page.status_code == 404 and "k" * 1_000 not in page.text


def test_search_folds_case_accents_and_sharp_s_alike_in_index_and_query(app, store):
    """`q=strassenbahn` finds a story that writes "Straßenbahn", `q=zurich` one that writes "Zürich",
    `q=Łódź` one that writes "Lodz": the index and the query are folded alike (``search_fold``)."""
    for sid, head in (("s-library", "Zürich's Straßenbahn stops at the new library"),
                      ("s-orchard", "Frost in Lodz and Øresund orchards")):
        b = store.get_brief(sid)
        store.put_brief(dataclasses.replace(b, headline=head))

    def ids(q: str) -> list[str]:
        r = run(_get(app, "/api/stories", params={"q": q}))
        assert r.status_code == 200, r.text
        return sorted(i["id"] for i in r.json()["items"])

    assert ids("strassenbahn") == ids("STRASSENBAHN") == ids("Straßenbahn") == ids("zurich") == ["s-library"]
    assert ids("ZÜRICH strassenb") == ["s-library"]                    # the last word a prefix still
    assert ids("Łódź") == ids("oresund") == ids("ØRESUND") == ["s-orchard"]
    assert ids("strassenbahn OR lodz") == ["s-library", "s-orchard"]   # OR still told by its capitals
    assert ids("strassenbahn -zürich") == []
