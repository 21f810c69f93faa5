"""A story's brief rendered as readers read it (the web page, the Markdown), kept in the store.

A brief page is rendered once per version of its brief, not at every request: the page of a brief
with a hundred quotes costs tens of milliseconds of templates, a stored page under one to read. The
pipeline renders a story's views when it stores its brief (``store_brief_views``); a server renders a view
the store lacks on its first request and keeps it (``stored_view``), so that every worker process and
every restart shares it. A view is kept under the key of what it was rendered from (the brief's JSON,
the story's row and history, the site's root, and the code that renders it: the templates and the
rendering modules, so that an upgrade that changes a page does not serve the page it rendered before),
so a stale one is never shown; a new brief drops the story's views (``SQLiteStore.put_brief``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Brief
from ..store.sqlite import SQLiteStore
from .render import (brief_context, brief_from_json, brief_markdown, citation_field, cited_spans, page_html,
                     passages_for, path_segment)

log = logging.getLogger(__name__)

__all__ = ["PAGE", "MARKDOWN", "STORY_CANDIDATES", "several_stories", "page_key", "markdown_key", "story_page_html", "stored_view", "store_brief_views"]

PAGE = "page"
MARKDOWN = "md"


STORY_CANDIDATES = 10   # the ids told when the first characters of a story id start several


def several_stories(ref: str, found: list[str]) -> str:
    """Why ``ref`` names no story when it starts several ids (``found``: ``SQLiteStore.find_stories``
    with ``limit=STORY_CANDIDATES``), for the command line and the server alike."""
    more = len(found) >= STORY_CANDIDATES
    return (f"{ref!r} starts {len(found)}{' or more' if more else ''} story ids: {', '.join(found)}"
            f"{', ...' if more else ''}; give more of it")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def rendering_code() -> str:
    """A digest of the code that renders the views: the web templates, ``render.py`` and this module."""
    here = Path(__file__).parent
    files = sorted((here / "web").rglob("*")) + [here / "render.py", Path(__file__)]
    return _digest("\0".join(f"{f.relative_to(here)}\0{f.read_text('utf-8', 'replace')}" for f in files if f.is_file()))


def page_key(raw: str, root: str, about: str | None, row: Any, history: Any) -> str:
    """What a story page is rendered from: its brief's JSON, the site's root, the focus, the story's
    row and its history of merges and splits, and the rendering code."""
    return _digest("\0".join((raw, root, about or "", json.dumps([row, history], sort_keys=True, default=str),
                               rendering_code())))


def markdown_key(raw: str) -> str:
    """What a brief's Markdown is rendered from: its JSON, and the rendering code."""
    return _digest(raw + "\0" + rendering_code())


def story_page_html(store: SQLiteStore, story_id: str, brief: Brief, root: str, row: Any, history: Any) -> str:
    """The web page of a story's brief (``story.html``), its citations opening the cited words."""
    spans = cited_spans(brief)
    texts = store.article_texts(aid for aid, _, _ in spans)
    ctx = brief_context(brief, passages_for(brief, texts, spans))
    page = f"{root}/stories/{path_segment(story_id)}"

    def link_for(c: Any) -> str:
        return (f"{root}/articles/{path_segment(citation_field(c, 'article_id'))}?s={int(citation_field(c, 'start'))}"
                f"&e={int(citation_field(c, 'end'))}#passage")

    return page_html("story.html", site={"root": root}, row=row, history=history, link_for=link_for,
                     article_href=lambda aid: f"{root}/articles/{path_segment(aid)}",
                     entity_href=lambda eid: f"{root}/entities/{path_segment(eid)}",
                     focus_href=lambda name: f"{page}?about={path_segment(name)}#summary" if name else f"{page}#summary",
                     **ctx)


def stored_view(store: SQLiteStore, story_id: str, kind: str, key: str, make: Callable[[], str]) -> str:
    """The story's view ``kind`` kept under ``key``, else ``make()`` kept for the next request (a
    store that cannot be written to, or is busy with another writer, only loses the keeping: the
    reader is never kept waiting for it)."""
    got = store.get_view(story_id, kind, key)
    if got is not None:
        return got
    body = make()
    try:
        store.put_view(story_id, kind, key, body, wait=False)
    except (sqlite3.Error, StoreError) as exc:
        log.debug("view %s of story %s not kept: %s", kind, story_id, exc)
    return body


def store_brief_views(store: SQLiteStore, story_id: str, raw: str, root: str = "") -> None:
    """Render and keep the web page and the Markdown of the brief whose JSON text the store has just
    stored as ``raw`` (what the pipeline does when it stores a brief)."""
    brief = brief_from_json(raw)
    row, history = store.story_row(story_id), store.story_events(story_id)
    store.put_view(story_id, PAGE, page_key(raw, root, None, row, history),
                   story_page_html(store, story_id, brief, root, row, history))
    store.put_view(story_id, MARKDOWN, markdown_key(raw), brief_markdown(brief))
