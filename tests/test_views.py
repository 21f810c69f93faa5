"""A story's rendered views kept in the store: served without rendering, never stale, shared by processes."""

from __future__ import annotations

import dataclasses

import test_web
from test_web import get

import storyline.serve.api as api
from storyline.config import Settings
from storyline.pipeline import put_story_brief
from storyline.serve.views import MARKDOWN, PAGE, markdown_key, page_key

store = test_web.store  # the web tests' store of three stories (a fixture)


def test_the_pipeline_keeps_each_brief_page_and_a_server_shows_it_without_rendering(store, monkeypatch) -> None:
    raw = store.get_brief_json("s-bridge")
    key = page_key(raw, "", None, store.story_row("s-bridge"), store.story_events("s-bridge"))
    kept = store.get_view("s-bridge", PAGE, key)
    assert kept is not None and store.get_brief("s-bridge").headline in kept
    assert store.get_view("s-bridge", MARKDOWN, markdown_key(raw)) is not None

    def no_render(*args, **kwargs):  # pragma: no cover - the point is that it is not called
        raise AssertionError("rendered again")

    monkeypatch.setattr(api, "story_page_html", no_render)
    app = api.create_app(Settings(db=str(store.path), token="t"), store=store, background=False, cache=False)
    page = get(app, "/stories/s-bridge")
    assert page.status_code == 200 and page.text == kept
    md = get(app, "/api/stories/s-bridge/brief", format="md")
    assert md.status_code == 200 and md.text.startswith("# ")


def test_a_new_brief_drops_the_kept_page_and_the_next_request_keeps_the_new_one(store) -> None:
    old = store.get_brief("s-bridge")
    store.put_brief(dataclasses.replace(old, headline="Bridge reopens after girder repairs"))
    raw = store.get_brief_json("s-bridge")
    key = page_key(raw, "", None, store.story_row("s-bridge"), store.story_events("s-bridge"))
    assert store.get_view("s-bridge", PAGE, key) is None  # (the old page is gone with its brief)
    app = api.create_app(Settings(db=str(store.path), token="t"), store=store, background=False, cache=False)
    page = get(app, "/stories/s-bridge")
    assert "Bridge reopens after girder repairs" in page.text
    assert store.get_view("s-bridge", PAGE, key) == page.text  # kept for the next request and other workers
    put_story_brief(store, old)  # the pipeline's way: the brief, then its views
    raw = store.get_brief_json("s-bridge")
    key = page_key(raw, "", None, store.story_row("s-bridge"), store.story_events("s-bridge"))
    assert old.headline in (store.get_view("s-bridge", PAGE, key) or "")


def test_a_page_kept_by_an_earlier_version_of_the_rendering_code_is_not_shown(store, monkeypatch) -> None:
    """An upgrade that changes the templates or the rendering renders each page again on its first
    request: the keys of the views hold a digest of the rendering code."""
    import storyline.serve.views as views

    raw = store.get_brief_json("s-bridge")
    row, history = store.story_row("s-bridge"), store.story_events("s-bridge")
    before = page_key(raw, "", None, row, history), markdown_key(raw)
    monkeypatch.setattr(views, "rendering_code", lambda: "the next release's templates")
    after = page_key(raw, "", None, row, history), markdown_key(raw)
    assert before[0] != after[0] and before[1] != after[1]


def test_a_kept_view_is_shown_only_for_what_it_was_rendered_from(store) -> None:
    store.put_view("s-orchard", PAGE, "k1", "<p>orchard page</p>")
    assert store.get_view("s-orchard", PAGE, "k1") == "<p>orchard page</p>"
    assert store.get_view("s-orchard", PAGE, "k2") is None      # another brief, root or history
    assert store.get_view("s-orchard", MARKDOWN, "k1") is None  # another kind
    store.put_view("s-orchard", PAGE, "k2", "<p>newer</p>")     # one page per story and kind
    assert store.get_view("s-orchard", PAGE, "k1") is None and store.get_view("s-orchard", PAGE, "k2") == "<p>newer</p>"


def test_a_focused_page_is_not_kept_as_the_story_page(store) -> None:
    app = api.create_app(Settings(db=str(store.path), token="t"), store=store, background=False, cache=False)
    raw = store.get_brief_json("s-bridge")
    key = page_key(raw, "", None, store.story_row("s-bridge"), store.story_events("s-bridge"))
    whole = store.get_view("s-bridge", PAGE, key)
    focused = get(app, "/stories/s-bridge", about="girder")
    assert focused.status_code == 200 and focused.text != whole
    assert store.get_view("s-bridge", PAGE, key) == whole


def test_a_reader_is_not_kept_waiting_for_a_store_another_process_is_writing(store) -> None:
    import time

    from storyline.serve.views import stored_view
    from storyline.store.sqlite import SQLiteStore

    other = SQLiteStore(store.path)  # (an updater process: its own connection)
    with other.transaction():
        t0 = time.perf_counter()
        assert stored_view(store, "s-orchard", PAGE, "k-busy", lambda: "<p>fresh</p>") == "<p>fresh</p>"
        assert time.perf_counter() - t0 < 2.0   # not the store's 30 s wait for the write lock
        assert store.get_view("s-orchard", PAGE, "k-busy") is None  # not kept: the store was busy
    other.close()
    assert stored_view(store, "s-orchard", PAGE, "k-busy", lambda: "<p>fresh</p>") == "<p>fresh</p>"
    assert store.get_view("s-orchard", PAGE, "k-busy") == "<p>fresh</p>"  # kept once the store is free


def test_the_serve_bench_imports_the_views_it_renders() -> None:
    """bench/serve.py renders the views of the briefs it stores with what ``serve.views`` exports."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("bench_serve", ROOT / "bench" / "serve.py")
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
