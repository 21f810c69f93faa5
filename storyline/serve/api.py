"""The HTTP API and the web page: one ASGI app over the same store and pipeline as the CLI.

    create_app(settings=None, *, store=None, background=True, cache=True) -> FastAPI
    run_updater(settings, stop) -> None          the story updater loop, for a process of its own

API (JSON unless said otherwise; schema at /openapi.json, browsable at /docs):

    GET  /api/health                      counts and whether story updates are pending
    POST /api/articles                    one article (JSON object), many (JSON array) or JSONL; token needed
    GET  /api/articles/{id}               one article
    GET  /api/stories                     paged; sort=updated|size|published|relevance; q, entity, from, to
    GET  /api/stories/{id}                one story: its articles and dates
    GET  /api/stories/{id}/brief          its brief; format=json|md|html
    GET  /api/entities/{id}               an entity (id or name) with its stories
    GET  /api/feed.atom, /feed.atom       Atom feed of the most recently updated stories

Web (HTML, server-rendered): / (story list and search), /stories/{id}, /articles/{id}?s=&e= (the
cited passage highlighted), /entities/{id}.

Writes need the token (``Authorization: Bearer <token>`` or ``X-Storyline-Token``), set by
STORYLINE_TOKEN or the ``token`` setting; without one, writes are refused. Reads are open unless
``read_token`` is set (then either token opens them; the web page also takes ``?token=`` once and
keeps it in a cookie). Errors are JSON ``{"error": ..., "status": ...}`` under /api/, never a trace.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import sqlite3
import threading
import time
import weakref
from collections import OrderedDict
from contextlib import ExitStack, contextmanager
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Settings, load_settings
from ..consolidate.brief import lead_title
from ..errors import InputError, NotAnArticle, StoreBusy, StorylineError
from ..ingest.records_in import article_from_dict
from ..pipeline import (IngestReport, RegroupReport, brief_now, ingest_articles, put_first_story_brief,
                        update_stories)
from ..pipeline import forget as forget_articles
from ..records import Article, Brief, to_dict
from ..store.sqlite import SQLiteStore
from .render import (brief_from_json, brief_markdown, cited_spans, list_teaser, page_html,
                     passages_for, path_segment, shown_title)
from .views import (MARKDOWN, PAGE, STORY_CANDIDATES, markdown_key, page_key, several_stories, story_page_html,
                    stored_view)

__all__ = ["ApiError", "app_from_env", "create_app"]

log = logging.getLogger("storyline.serve")

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines",
               "application/jsonlines")
TOKEN_COOKIE = "storyline_token"
CACHE_BYTES = 48_000_000
FOCUS_SLOTS = 2     # briefs the store does not hold (?about=, a story not yet briefed) built at once; each takes up to a second or two of one core
FOCUS_QUEUE = 6     # and how many more may wait for a turn
FOCUS_WAIT = 10.0   # seconds one waits at most
MAX_OFFSET = 10**12  # a list offset past this is past any store's end (and within SQLite's integers)


class ApiError(Exception):
    """An error answered to the client as JSON (or an HTML page on the web routes)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


# --- response models (they document the API in /openapi.json) -----------------------------------

class ErrorBody(BaseModel):
    error: str = Field(description="What went wrong and how to fix it.")
    status: int


class Health(BaseModel):
    status: str
    version: str
    articles: int
    stories: int
    pending: int = Field(description="Articles not yet in a story plus stories whose brief is being rebuilt.")
    schema_version: int
    writes_enabled: bool


class LineResult(BaseModel):
    line: int = Field(description="1-based line (JSONL) or item (JSON array) number.")
    status: Literal["new", "duplicate", "revised", "left_aside", "failed"] = Field(
        description="new; duplicate (stored already as it is); revised (stored before under the same url, "
                    "now changed: the new version replaces it and the earlier one is kept); left_aside (read "
                    "well but no article: an empty text, a site's notice such as a cookie wall; `error` says "
                    "which; as `storyline ingest` leaves it aside); failed (could not be read: `error` says why).")
    id: str | None = None
    error: str | None = None
    warnings: list[str] = Field(default_factory=list, description="What was changed to store the article "
                                "(e.g. an impossible publication date dropped).")


class IngestResult(BaseModel):
    results: list[LineResult]
    new: int
    duplicate: int
    revised: int = 0
    left_aside: int = Field(0, description="Lines read well that hold no article (status left_aside).")
    failed: int
    stories: list[str] = Field(default_factory=list, description="Stories updated (when wait=true).")
    pending: bool = Field(description="True when the stories are being updated in the background.")


class ForgetResult(BaseModel):
    forgotten: list[str] = Field(description="The article ids deleted.")
    story_id: str | None = Field(None, description="The story that held the article.")
    story_gone: bool = Field(description="True when that story held nothing else and is gone.")
    articles: int = Field(description="Articles left in the store.")
    stories: int = Field(description="Stories left in the store.")


class StoryItem(BaseModel):
    id: str
    title: str | None = None
    size: int
    first_published: str | None = None
    last_published: str | None = None
    first_seen: str | None = None
    updated: str | None = None
    href: str
    page: str
    summary: str | None = Field(None, description="The opening of the story's summary (its first sentence).")


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoryItem]
    next: str | None = None


class StoryEventOut(BaseModel):
    kind: Literal["merge", "split"] = Field(description="merge: other_id joined story_id; split: some of "
                                                         "story_id's articles left for a new story other_id")
    at: str
    story_id: str
    other_id: str
    detail: dict[str, float] = Field(default_factory=dict)


class StoryDetail(StoryItem):
    article_ids: list[str]
    duplicate_groups: list[list[str]] = Field(default_factory=list)
    events: list[StoryEventOut] = Field(default_factory=list, description="late merges and splits that "
                                                                          "touched this story, oldest first")
    brief: str


class RevisionOut(BaseModel):
    revised_at: str = Field(description="When this version was replaced by the next (UTC, ISO 8601).")
    title: str | None = None
    published: str | None = None
    text: str


class ArticleOut(BaseModel):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    lang: str = "en"
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    story_id: str | None = None
    page: str
    revisions: list[RevisionOut] = Field(default_factory=list, description="Earlier versions, oldest first: "
                                           "the article came again under its url (or from its file) changed.")


class EntityStory(StoryItem):
    entity_articles: int = 0


class EntityOut(BaseModel):
    id: str
    name: str
    label: str
    aliases: list[str] = Field(default_factory=list)
    stories: list[EntityStory]
    total: int = Field(0, description="How many stories name it; `stories` lists the `limit` most recently "
                                      "updated of them.")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad request"},
    401: {"model": ErrorBody, "description": "Missing or wrong token"},
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Invalid parameters or body"},
}

ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "minLength": 1, "description": "The article body."},
        "title": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"], "description": "YYYY-MM-DD or an ISO datetime."},
        "source": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "id": {"type": ["string", "null"], "description": "Derived from url or title and text when absent."},
        "lang": {"type": ["string", "null"]},
    },
    "additionalProperties": True,
}

POST_BODY = {
    "requestBody": {
        "required": True,
        "description": "One article (a JSON object), several (a JSON array), or JSON Lines (one object per line).",
        "content": {
            "application/json": {"schema": {"oneOf": [ARTICLE_SCHEMA, {"type": "array", "items": ARTICLE_SCHEMA}]}},
            "application/x-ndjson": {"schema": {"type": "string", "description": "One JSON article per line."}},
        },
    }
}


# --- state shared by the routes ---------------------------------------------------------------

@dataclass
class Service:
    """The store, the settings, the write lock and the background story updater."""

    settings: Settings
    store: SQLiteStore
    background: bool | str = True   # True: a thread here; "external": another process; False: in the request
    lock: threading.Lock = field(default_factory=threading.Lock)
    _wake: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    cache: bool = True
    _page_cache: OrderedDict[Any, Any] = field(default_factory=OrderedDict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)
    _cache_sizes: dict[Any, int] = field(default_factory=dict)
    _cache_bytes: int = 0
    _gen: int = 0
    _dv_lock: threading.Lock = field(default_factory=threading.Lock)
    _dv_conn: sqlite3.Connection | None = None
    _dv: int | None = None
    _dv_failed: bool = False
    _seen: threading.local = field(default_factory=threading.local)
    _focus: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(FOCUS_SLOTS))
    _focus_asked: int = 0
    _flights: dict[Any, list[Any]] = field(default_factory=dict)  # key -> [lock, threads asking]

    def start(self) -> None:
        if self.background is True and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="storyline-updater", daemon=True)
            self._thread.start()
            if self.store.pending_count():
                self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        with self._dv_lock:
            if self._dv_conn is not None:
                self._dv_conn.close()
                self._dv_conn = None

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.update()
            except Exception:
                log.exception("updating stories failed")

    def update(self) -> list[str]:
        """Group unassigned articles and rebuild changed briefs, one updater at a time across threads
        and worker processes (a lock file next to the store)."""
        try:
            with self.lock:     # update_stories also takes the store's lock, across processes
                return update_stories(self.store, self.settings)
        finally:
            self.bump()

    def ingest(self, items: list[Article | InputError], wait: bool) -> tuple[IngestReport, list[str]]:
        """Store the articles (one transaction; concurrent posts of one article store it once); update
        their stories now (wait) or in the background. Returns what was stored and their stories."""
        report = ingest_articles(self.store, items)
        self.bump()
        stories: list[str] = []
        if wait or not self.background:
            self.update()
            stories = self.store.stories_of(report.new + report.revised + report.duplicate)
        elif (report.new or report.revised) and self._thread is not None:
            self._wake.set()
        return report, stories

    def forget(self, ids: list[str]) -> RegroupReport:
        """Delete the articles and group the rest again (``pipeline.forget``), one updater at a time."""
        try:
            with self.lock:
                return forget_articles(self.store, self.settings, ids)
        finally:
            self.bump()

    def generation(self) -> int:
        """A number that changes whenever the store may have changed: after this process's writes, and
        when a connection of the service's own sees another connection's commit (SQLite's
        data_version, read on that one connection so that its values form one sequence: a counter per
        thread had made each new worker thread's first request empty every cache), so a cache keyed by
        it never serves a page older than the store it reads."""
        with self._dv_lock:
            if not self._dv_failed:
                try:
                    if self._dv_conn is None:   # one connection of its own: its counter is one sequence
                        uri = f"file:{quote(str(self.store.path.resolve()))}?mode=ro"
                        self._dv_conn = conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                        weakref.finalize(self, conn.close)
                    dv = int(self._dv_conn.execute("PRAGMA data_version").fetchone()[0])
                except sqlite3.Error:   # (a store that cannot be written, in a read-only folder: it changes not)
                    (log.debug if self.store.cannot_write else log.warning)(
                        "the page cache follows the store per thread: %s cannot be read on its own", self.store.path)
                    self._dv_failed = True
                else:
                    if self._dv is not None and dv != self._dv:
                        self.bump()   # (under the lock: no thread sees the new value with the old generation)
                    self._dv = dv
                    return self._gen
        # (a store that cannot be opened again read-only, ":memory:": each thread's own connection)
        dv = self.store.data_version()
        if getattr(self._seen, "dv", None) != dv:
            self._seen.dv = dv
            self.bump()
        return self._gen

    def bump(self) -> None:
        with self._cache_lock:
            self._gen += 1

    @contextmanager
    def focus_slot(self, until: float | None = None) -> Iterator[None]:
        """A turn to build a brief the store does not hold (a focused one, or one of a story not yet
        briefed): at most FOCUS_SLOTS are built at once and FOCUS_QUEUE more wait
        (FOCUS_WAIT seconds at most, or until ``until`` on ``time.monotonic``); beyond that the request
        gets a 503 with Retry-After, so a client asking for one subject after another cannot take every
        worker from the other pages."""
        with self._cache_lock:
            if self._focus_asked >= FOCUS_SLOTS + FOCUS_QUEUE:
                raise _busy()
            self._focus_asked += 1
        try:
            if not self._focus.acquire(timeout=_left(until)):
                raise _busy()
            try:
                yield
            finally:
                self._focus.release()
        finally:
            with self._cache_lock:
                self._focus_asked -= 1

    @contextmanager
    def single_flight(self, key: Any, until: float | None = None) -> Iterator[None]:
        """One thread at a time per ``key``: the others asking for the same key wait for it (FOCUS_WAIT
        seconds at most, or until ``until``: then a 503, as for a turn), then find what it built in the
        page cache (``peek``) instead of building it again. Without the cache each builds its own."""
        if not self.cache:
            yield
            return
        with self._cache_lock:
            flight = self._flights.setdefault(key, [threading.Lock(), 0])
            flight[1] += 1
        try:
            if not flight[0].acquire(timeout=_left(until)):
                raise _busy()
            try:
                yield
            finally:
                flight[0].release()
        finally:
            with self._cache_lock:
                flight[1] -= 1
                if not flight[1]:
                    del self._flights[key]

    @contextmanager
    def build_turn(self, key: str, until: float | None = None) -> Iterator[None]:
        """A turn, among this store's processes, to build what ``key`` names (``SQLiteStore.build_turn``),
        waited for until ``until`` at most (then a 503, as for a turn to build)."""
        with ExitStack() as stack:
            try:
                stack.enter_context(self.store.build_turn(key, _left(until)))
            except StoreBusy:
                raise _busy() from None
            yield

    def peek(self, key: Any) -> Any:
        """What the page cache holds under ``key`` (None: nothing)."""
        if not self.cache:
            return None
        with self._cache_lock:
            return self._page_cache.get(key)

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()``, remembered under ``key`` when caching is on (least recently used dropped first,
        at most 4096 entries and about CACHE_BYTES of pages per process)."""
        if not self.cache or key is None:
            return make()
        with self._cache_lock:
            value = self._page_cache.get(key)
            if value is not None:
                self._page_cache.move_to_end(key)
                return value
        return self.remember(key, make())

    def remember(self, key: Any, value: Any) -> Any:
        """Keep ``value`` under ``key`` in the page cache (when caching is on); returns it."""
        if not self.cache or key is None or value is None:
            return value
        size = len(value) if isinstance(value, str) else len(value[1]) if (
            isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str)) else 2_000
        with self._cache_lock:
            if key not in self._page_cache:
                self._page_cache[key] = value
                self._cache_sizes[key] = size
                self._cache_bytes += size
            while self._page_cache and (len(self._page_cache) > 4096 or self._cache_bytes > CACHE_BYTES):
                old, _ = self._page_cache.popitem(last=False)
                self._cache_bytes -= self._cache_sizes.pop(old, 0)
        return value


def _busy() -> ApiError:
    """The answer to a reader who found every turn to build a brief taken (``Service.focus_slot``)."""
    return ApiError(503, "too many briefs are being built; try again in a few seconds",
                    {"Retry-After": str(int(FOCUS_WAIT))})


def _left(until: float | None) -> float:
    """Seconds one may still wait for a turn: FOCUS_WAIT, or what is left until ``until``."""
    return FOCUS_WAIT if until is None else max(0.0, until - time.monotonic())


def feed_href(root: str, q: str | None = None, entity: str | None = None) -> str:
    """The address of the Atom feed of a search (``q``) or an entity's stories, or of all stories."""
    params = {k: v for k, v in (("q", q), ("entity", entity)) if v}
    return f"{root}/feed.atom" + ("?" + urlencode(params) if params else "")


def _entity_name(st: SQLiteStore, entity: str) -> str:
    e = st.get_entity(entity, limit=1)
    return str(e["name"]) if e else entity


def _svc(request: Request) -> Service:
    return request.app.state.service


def _same(given: str | None, expected: str) -> bool:
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))


def _token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get("x-storyline-token") or request.cookies.get(TOKEN_COOKIE) or \
        request.query_params.get("token")


_bearer = HTTPBearer(auto_error=False, description="The write token (STORYLINE_TOKEN), or the read token for "
                                                   "reads when the server's reads are closed.")


def require_write(request: Request, _: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    s = _svc(request).settings
    if not s.token:
        raise ApiError(403, "writes are disabled on this server: start it with STORYLINE_TOKEN set "
                            "(or `token` in the config file)")
    if not _same(_token_of(request), s.token):
        raise ApiError(401, "this request needs the write token: send 'Authorization: Bearer <token>'",
                       {"WWW-Authenticate": 'Bearer realm="storyline"'})


def require_read(request: Request) -> None:
    s = _svc(request).settings
    if not s.read_token:
        return
    given = _token_of(request)
    if not (_same(given, s.read_token) or _same(given, s.token)):
        raise ApiError(401, "this server's pages and API need the read token: send 'Authorization: Bearer "
                            "<token>' (or open the page once with ?token=...)",
                       {"WWW-Authenticate": 'Bearer realm="storyline"'})


# --- helpers -------------------------------------------------------------------------------------

ENTITY_PAGE_STORIES = 100   # the stories an entity's page lists; it links the search that lists them all


def _story_item(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "href": f"/api/stories/{row['id']}", "page": f"/stories/{row['id']}"}


def _with_summaries(store: SQLiteStore, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Story rows with the opening of each story's summary, as every story list of the API gives them."""
    teasers = store.story_teasers(r["id"] for r in rows)
    return [{**r, "summary": teasers.get(r["id"])} for r in rows]


def _to_article(obj: Any, where: str, max_text_bytes: int) -> Article | InputError:
    """The article of one posted object, checked as every ingested article is (strings cleaned, the
    text size and the date checked: see ``ingest.checks``)."""
    try:
        a = article_from_dict(obj, where, max_text_bytes=max_text_bytes)
        json.dumps(dict(a.meta), default=str)
        return a
    except InputError as exc:
        return exc
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:
        return InputError(where, f"not a valid article: {exc}")


def _results(items: list[Article | InputError], lines: list[int], new: list[str],
             revised: list[str]) -> list[dict[str, Any]]:
    fresh, changed = set(new), set(revised)
    out = []
    for i, item in zip(lines, items):
        if isinstance(item, InputError):
            status = "left_aside" if isinstance(item, NotAnArticle) else "failed"
            out.append({"line": i, "status": status, "id": None, "error": item.reason})
            continue
        # (each id's first line "new", and its next a "revised" one when the store took a new version of it
        # in the same batch: a correction sent with its first version)
        status = "new" if item.id in fresh else "revised" if item.id in changed else "duplicate"
        (fresh if status == "new" else changed).discard(item.id)
        row: dict[str, Any] = {"line": i, "status": status, "id": item.id, "error": None}
        warnings = [str(w.get("reason", "")) for w in item.meta.get("warnings", ()) if isinstance(w, dict)]
        if warnings:  # only when there are some
            row["warnings"] = warnings
        out.append(row)
    return out


def _json_problem(exc: Exception) -> str:
    """What is wrong with a JSON text, for a client: Python's advice on its integer limit is not."""
    msg = str(exc)
    if "int_max_str_digits" in msg or "integer string conversion" in msg:
        return "a number with more than 4,300 digits"
    return msg or type(exc).__name__


def _parse_body(body: bytes, content_type: str,
                max_article: int) -> tuple[list[Article | InputError], list[int], bool]:
    """(items, their line numbers, bulk) from a POST body; raises ApiError for a body that cannot be
    read at all."""
    ctype = content_type.split(";")[0].strip().lower()
    if body.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some editors write: no part of the JSON
        body = body[3:]
    if ctype in JSONL_TYPES:
        items: list[Article | InputError] = []
        lines: list[int] = []
        # line by line, as the CLI reads a .jsonl file: one bad line fails alone
        for n, raw in enumerate(body.splitlines(), start=1):
            if not raw.strip():
                continue
            lines.append(n)
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                items.append(InputError(f"line {n}", f"not UTF-8 ({exc.reason} at byte {exc.start} of the line)"))
                continue
            except (ValueError, RecursionError) as exc:
                items.append(InputError(f"line {n}", f"invalid JSON: {_json_problem(exc)}"))
                continue
            items.append(_to_article(obj, f"line {n}", max_article))
        if not items:
            raise ApiError(422, "the body has no JSON lines: send one JSON article per line")
        return items, lines, True
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"the body is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    if ctype in ("application/json", "") or ctype.endswith("+json"):
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ApiError(400, f"invalid JSON: {_json_problem(exc)}") from exc
        if isinstance(obj, list):
            if not obj:
                raise ApiError(422, "an empty array: send at least one article")
            return ([_to_article(o, f"item {i}", max_article) for i, o in enumerate(obj, start=1)],
                    list(range(1, len(obj) + 1)), True)
        item = _to_article(obj, "body", max_article)
        if isinstance(item, InputError) and not isinstance(item, NotAnArticle):  # (no article: answered left_aside)
            raise ApiError(422, f"not a valid article: {item.reason}")
        return [item], [1], False
    raise ApiError(415, f"unsupported content type {ctype!r}: use application/json (one article or an array) "
                        f"or application/x-ndjson (JSON Lines)")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body is over the limit of {limit} bytes: send fewer articles per request")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the body is over the limit of {limit} bytes: send fewer articles per request")
        chunks.append(chunk)
    return b"".join(chunks)


def _named_story(store: SQLiteStore, story_id: str) -> str:
    """The story ``story_id`` names, as the command line reads it (``SQLiteStore.find_stories``): itself
    when the store has it (a merged-away id too: its answer says where it went), else the one story
    whose id it starts; a 400 counting them when it starts several. One naming nothing is left as it
    is, for its 404."""
    if store.story_row(story_id) is not None:
        return story_id
    return _story_it_starts(store, story_id)


def _story_it_starts(store: SQLiteStore, ref: str) -> str:
    """The one story that ``ref``, no id of the store, names (``SQLiteStore.find_stories``: a
    merged-away id's story, or the one live story whose id it starts); a 400 counting them when it
    starts several live ones; ``ref`` itself when it names none (a 404 for the caller)."""
    found = store.find_stories(ref, limit=STORY_CANDIDATES)
    if len(found) > 1:
        raise ApiError(400, several_stories(ref, found))
    return found[0] if found else ref


def _get_brief(svc: Service, story_id: str) -> tuple[Brief, str] | None:
    """The story's brief and its JSON text (built now if the story has none yet)."""
    raw = svc.store.get_brief_json(story_id)
    if raw is not None:
        return brief_from_json(raw), raw
    if svc.store.story_row(story_id) is None:
        return None
    return _brief_built_now(svc, story_id, None)


ABOUT_HELP = ("Focus the summary on a person, organisation or place (any spelling the articles use) or a "
              "subject: only sentences about it are used")


def _focused_brief(svc: Service, story_id: str, about: str) -> tuple[Brief, str] | None:
    """The story's brief with its summary focused on ``about``, built now (and kept until the store changes)."""
    return _brief_built_now(svc, story_id, " ".join(about.split()))


def _brief_built_now(svc: Service, story_id: str, about: str | None) -> tuple[Brief, str] | None:
    """A brief the store does not hold (focused on ``about``, or of a story not yet briefed), built
    now. Readers asking for the same one together get one build (``single_flight``); at most
    FOCUS_SLOTS builds run at once (``focus_slot``). A focused brief is kept in this process until the
    store changes; a story's first brief is stored (``put_first_story_brief``), and the server's other
    worker processes asking for it meanwhile wait for it (``build_turn``) instead of building it too."""
    key = ("built", svc.generation(), story_id, about.casefold() if about is not None else None)

    def build(until: float) -> tuple[Brief, str] | None:
        with svc.focus_slot(until):
            b = brief_now(svc.store, story_id, svc.settings, about=about, cache=False)
        if b is None:
            return None
        raw = put_first_story_brief(svc.store, b) if about is None else None
        return b, raw or json.dumps(to_dict(b))

    def make() -> tuple[Brief, str] | None:
        until = time.monotonic() + FOCUS_WAIT   # (one wait in all: for the same build, then for a turn)
        with svc.single_flight(key, until):
            built = svc.peek(key)   # built by a request that asked for it while this one waited
            if built is not None:
                return built
            if about is not None:
                return svc.remember(key, build(until))
            with svc.build_turn(f"brief {story_id}", until):
                raw = svc.store.get_brief_json(story_id)   # stored by another process meanwhile
                return svc.remember(key, build(until) if raw is None else (brief_from_json(raw), raw))

    return svc.cached(key, make)


def _site(request: Request) -> dict[str, str]:
    return {"root": request.scope.get("root_path", "").rstrip("/")}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/openapi.json", "/feed.atom"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _local_api_docs(app: FastAPI) -> None:
    """/docs: Swagger UI served from the installed ``swagger-ui-bundle`` files, so that the API
    page works offline (FastAPI's own page loads them from a CDN, and stays blank without one)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # not installed: FastAPI's page, from its CDN
        js = css = icon = None
    else:
        app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
        js, css, icon = "/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css", "/docs-assets/favicon-32x32.png"

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        kw: dict[str, Any] = {"swagger_js_url": js, "swagger_css_url": css, "swagger_favicon_url": icon} if js else {}
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="storyline API", **kw)


MAX_ERROR_CHARS = 600  # an error's message is cut here: it echoes what the client sent (an id, a path)


def bounded_message(message: str, limit: int = MAX_ERROR_CHARS) -> str:
    """``message`` cut at ``limit`` characters, saying how many more there were: an error that names
    what a client sent (a 60,000-character id) is not answered with all of it again."""
    if len(message) <= limit:
        return message
    return f"{message[:limit]}… ({len(message) - limit:,} characters more)"


def _error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    message = bounded_message(message)
    if _wants_html(request):
        titles = {400: "Bad request", 401: "Sign-in needed", 403: "Not allowed", 404: "Not found",
                  413: "Too large", 422: "Invalid request", 500: "Server error"}
        html = page_html("error.html", site=_site(request), status=status, title=titles.get(status, "Error"),
                         message=message)
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


# --- the app ---------------------------------------------------------------------------------------

def create_app(settings: Settings | None = None, *, store: SQLiteStore | None = None,
               background: bool | str = True, cache: bool = True) -> FastAPI:
    """The ASGI app over ``store`` (default: the settings' store). ``background``: after an ingest, update
    stories in a background thread (True), leave them to an updater process ("external", see
    ``run_updater``; what `storyline serve` does), or update them before answering (False); POST
    returns at once unless it asks ``wait=true``.
    ``cache``: remember rendered list pages and query results until the store changes."""
    from contextlib import asynccontextmanager

    settings = settings or load_settings()
    svc = Service(settings=settings, store=store or SQLiteStore(settings.db_path()), background=background,
                  cache=cache)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        svc.start()
        try:
            yield
        finally:
            svc.stop()

    app = FastAPI(title="storyline", version=__version__, lifespan=lifespan, docs_url=None,
                  description="News articles in, consolidated and cited stories out. Writes need the token "
                              "(`Authorization: Bearer <token>`).",
                  openapi_tags=[{"name": "articles"}, {"name": "stories"}, {"name": "entities"},
                                {"name": "service"}])
    app.state.service = svc
    _local_api_docs(app)

    app.add_middleware(SizeLimit, limit=settings.max_request_bytes)
    app.add_middleware(HeadAsGet)

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        return _error_response(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        msg = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such page or endpoint: {request.url.path}"
        elif exc.status_code == 405:
            msg = f"method {request.method} not allowed on {request.url.path}"
        return _error_response(request, exc.status_code, msg, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc}: {e.get('msg')}" if loc else str(e.get("msg")))
        return _error_response(request, 422, "invalid request: " + "; ".join(parts))

    @app.exception_handler(StorylineError)
    async def on_storyline_error(request: Request, exc: StorylineError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return _error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return _error_response(request, 500, "internal error: the server could not answer this request "
                                             "(details are in the server log)")

    read = [Depends(require_read)]

    # -- API -----------------------------------------------------------------------------------
    @app.get("/api/health", response_model=Health, tags=["service"], dependencies=read, responses=ERRORS)
    def health(request: Request) -> dict[str, Any]:
        st = _svc(request).store
        return {"status": "ok", "version": __version__, "articles": st.count_articles(),
                "stories": st.count_stories(), "pending": st.pending_count(),
                "schema_version": st.schema_version, "writes_enabled": bool(settings.token) and not st.cannot_write}

    @app.post("/api/articles", response_model=IngestResult, tags=["articles"], openapi_extra=POST_BODY,
              status_code=200, dependencies=[Depends(require_write)],
              responses={**ERRORS, 201: {"model": IngestResult, "description": "Stored (one article)"},
                         202: {"model": IngestResult, "description": "Stored; stories update in the background"},
                         403: {"model": ErrorBody, "description": "Writes are disabled"},
                         413: {"model": ErrorBody, "description": "Body too large"},
                         415: {"model": ErrorBody, "description": "Unsupported content type"}})
    async def post_articles(request: Request,
                            wait: bool = Query(False, description="Update the stories before answering.")
                            ) -> Response:
        """Add articles: one (a JSON object), several (a JSON array) or JSON Lines (one object per line,
        `Content-Type: application/x-ndjson`), each answered on its own line: new, duplicate (already
        stored, stored once however often posted), revised (stored before under the same url and changed
        since: the new version takes its place, the earlier one is kept and listed by
        `GET /api/articles/{id}`), left aside (read well but no article: an empty text, a site's notice
        such as a cookie wall; the reason in `error`, not counted as failed, as `storyline ingest` counts
        it) or failed with the reason. Stories update in the background unless `wait=true`."""
        coding = request.headers.get("content-encoding", "").strip().lower()
        if coding not in ("", "identity"):
            raise ApiError(415, f"a compressed body (Content-Encoding: {coding}) is not read: send the JSON "
                                f"uncompressed")
        body = await _read_body(request, settings.max_request_bytes)
        items, lines, bulk = _parse_body(body, request.headers.get("content-type", ""),
                                         settings.text_limit())
        report, stories = await run_in_threadpool(svc.ingest, items, wait)
        results = _results(items, lines, report.new, report.revised)
        counts = {k: sum(r["status"] == k for r in results)
                  for k in ("new", "duplicate", "revised", "left_aside", "failed")}
        pending = bool(report.new or report.revised) and not wait and svc.background is not False
        out = {"results": results, **counts, "stories": stories, "pending": pending}
        status = 202 if pending else (201 if (not bulk and counts["new"]) else 200)
        return JSONResponse(out, status_code=status)

    @app.delete("/api/articles/{article_id:path}", response_model=ForgetResult, tags=["articles"],
                dependencies=[Depends(require_write)],
                responses={**ERRORS, 403: {"model": ErrorBody, "description": "Writes are disabled"}})
    async def delete_article(article_id: str, request: Request) -> dict[str, Any]:
        """Forget an article (a retraction, a takedown): it is deleted, the stories are grouped again
        over the rest (as `storyline forget` does; its cost grows with the store), the story that held
        it gets a new brief, or is gone when it held nothing else. 404 when no such article is stored."""
        svc_ = _svc(request)
        if svc_.store.get_article(article_id) is None:
            raise ApiError(404, f"no article {article_id!r}")
        was = svc_.store.article_story(article_id)
        report = await run_in_threadpool(svc_.forget, [article_id])
        return {"forgotten": report.forgotten, "story_id": was,
                "story_gone": was is not None and was in report.gone, "articles": report.articles,
                "stories": report.stories_after}

    @app.get("/api/articles/{article_id:path}", response_model=ArticleOut, tags=["articles"], dependencies=read,
             responses=ERRORS)
    def get_article(article_id: str, request: Request) -> dict[str, Any]:
        st = _svc(request).store
        a = st.get_article(article_id)
        if a is None:
            raise ApiError(404, f"no article {article_id!r}")
        d = to_dict(a)
        d["story_id"] = st.article_story(article_id)
        d["page"] = f"/articles/{path_segment(article_id)}"
        d["revisions"] = [{k: r[k] for k in ("revised_at", "title", "published", "text")}
                          for r in st.article_revisions(article_id)]
        return d

    @app.get("/api/stories", response_model=StoryPage, tags=["stories"], dependencies=read, responses=ERRORS)
    def list_stories(request: Request,
                     q: str | None = Query(None, max_length=500, description="Words in headline, summary or "
                                              "names (all must occur; the last may be a prefix; words joined by "
                                              "OR are alternatives; a word after a minus must not occur)."),
                     entity: str | None = Query(None, max_length=200, description="Entity id, name or any spelling "
                                                                                "the briefs list."),
                     date_from: date | None = Query(None, alias="from", description="Published on or after."),
                     date_to: date | None = Query(None, alias="to", description="Published on or before."),
                     sort: Literal["updated", "size", "published", "relevance"] = "updated",
                     limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=1_000_000),
                     ) -> dict[str, Any]:
        """Stories, most recently updated first (or the largest, the latest published, the best match)."""
        # (sort=relevance without a query is by update: ``search_stories`` falls back for every caller)
        if date_from and date_to and date_from > date_to:
            raise ApiError(422, f"invalid request: from ({date_from}) is after to ({date_to})")
        svc_ = _svc(request)
        args: dict[str, Any] = dict(q=q, entity=entity, date_from=date_from.isoformat() if date_from else None,
                    date_to=date_to.isoformat() if date_to else None, sort=sort, limit=limit, offset=offset)
        def listed() -> tuple[list[dict[str, Any]], int]:
            found, n = svc_.store.search_stories(**args)
            return _with_summaries(svc_.store, found), n

        rows, total = svc_.cached(("list", svc_.generation(), tuple(args.items())), listed)
        nxt = None
        if offset + len(rows) < total:
            params = {k: v for k, v in request.query_params.items() if k != "offset"}
            params["offset"] = str(offset + limit)
            nxt = "/api/stories?" + urlencode(params)
        return {"total": total, "limit": limit, "offset": offset, "items": [_story_item(r) for r in rows],
                "next": nxt}

    @app.get("/api/stories/{story_id}", response_model=StoryDetail, tags=["stories"], dependencies=read,
             responses=ERRORS)
    def get_story(story_id: str, request: Request) -> dict[str, Any]:
        st = _svc(request).store
        got = st.story_and_row(story_id)   # (a whole id: its row read once)
        if got is None and (named := _story_it_starts(st, story_id)) != story_id:
            story_id, got = named, st.story_and_row(named)
        if got is None or not got[1]["size"]:  # an emptied story: merged into another, or its articles forgotten
            now = st.merged_into(story_id) if got else None
            raise ApiError(404, f"no story {story_id!r}" + (f": it was merged into {now!r}" if now else ""))
        story, row = got
        return {**_story_item(row), "summary": st.story_teasers([story_id]).get(story_id),
                "article_ids": list(story.article_ids),
                "duplicate_groups": [list(g) for g in story.duplicate_groups],
                "events": [{k: e[k] for k in ("kind", "at", "story_id", "other_id", "detail")}
                           for e in st.story_events(story_id)],
                "brief": f"/api/stories/{story_id}/brief"}

    @app.get("/api/stories/{story_id}/brief", tags=["stories"], dependencies=read,
             responses={**ERRORS, 200: {"description": "The brief", "content": {
                 "application/json": {}, "text/markdown": {}, "text/html": {}}}})
    def get_brief(story_id: str, request: Request,
                  format: Literal["json", "md", "html"] = Query("json", description="json, md or html"),
                  about: str | None = Query(None, max_length=200, description=ABOUT_HELP),
                  ) -> Response:
        """The story's brief: cited summary, timeline, entities, quotes, disagreements, what is new.
        With ``about``, the summary tells only what the articles say about that person, organisation,
        place or subject (the brief's ``about`` names it; an empty summary: nothing is about it)."""
        svc_ = _svc(request)
        focused = bool(about and about.strip())
        raw = None if focused else svc_.store.get_brief_json(story_id)
        if raw is None and (named := _named_story(svc_.store, story_id)) != story_id:
            story_id = named   # (the first characters of its id)
            raw = None if focused else svc_.store.get_brief_json(story_id)
        if raw is not None and format == "json":
            return Response(raw, media_type="application/json")  # (as stored: no parsing)
        if raw is not None and format == "md":
            stored: str = raw
            md = stored_view(svc_.store, story_id, MARKDOWN, markdown_key(stored),
                             lambda: brief_markdown(brief_from_json(stored)))
            return PlainTextResponse(md, media_type="text/markdown; charset=utf-8")
        got = _focused_brief(svc_, story_id, about or "") if focused else _get_brief(svc_, story_id)
        if got is None:
            now = svc_.store.merged_into(story_id)
            raise ApiError(404, f"no story {story_id!r}" + (f": it was merged into {now!r}" if now else ""))
        b, raw = got
        if format == "json":
            return Response(raw, media_type="application/json")
        if format == "md":
            return PlainTextResponse(brief_markdown(b), media_type="text/markdown; charset=utf-8")
        from .render import brief_html

        spans = cited_spans(b)
        texts = svc_.store.article_texts(aid for aid, _, _ in spans)
        return HTMLResponse(brief_html(b, passages=passages_for(b, texts, spans)))

    @app.get("/api/entities/{entity_id}", response_model=EntityOut, tags=["entities"], dependencies=read,
             responses=ERRORS)
    def get_entity(entity_id: str, request: Request,
                   limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
        """An entity (by id, or by name in any case) and the stories it appears in."""
        st = _svc(request).store
        e = st.get_entity(entity_id, limit=limit)
        if e is None:
            raise ApiError(404, f"no entity {entity_id!r}")
        e["stories"] = [_story_item(r) for r in _with_summaries(st, e["stories"])]
        return e

    def feed(request: Request,
             q: str | None = Query(None, max_length=500, description="Only stories matching these words "
                                   "(as in GET /api/stories)."),
             entity: str | None = Query(None, max_length=200, description="Only stories naming this entity "
                                        "(id or name).")) -> Response:
        """The 30 most recently updated stories, or those of a search or an entity: a feed to follow."""
        svc_ = _svc(request)
        base = str(request.base_url).rstrip("/")
        q = (q or "").strip() or None
        entity = (entity or "").strip() or None
        xml = svc_.cached(("feed", svc_.generation(), base, q, entity),
                          lambda: _feed_xml(svc_.store, base, q, entity))
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    def _feed_xml(st: SQLiteStore, base: str, q: str | None = None, entity: str | None = None) -> str:
        if q or entity:
            rows = st.search_stories(q=q, entity=entity, sort="updated", limit=30)[0]
        else:
            rows = st.list_stories(sort="updated", limit=30)
        entries = []
        for r in rows:
            raw = st.get_brief_json(r["id"])
            sents = json.loads(raw).get("summary", []) if raw else []
            entries.append({**r, "summary": " ".join(str(x.get("text", "")) for x in sents)})
        updated = rows[0]["updated"] if rows else datetime.now(UTC).isoformat(timespec="seconds")
        label = " and ".join(x for x in ((f"“{q}”" if q else None), (_entity_name(st, entity) if entity else None)) if x)
        return page_html("feed.atom", base=base, entries=entries, updated=updated, label=label,
                         self_href=base + feed_href("", q, entity))

    app.add_api_route("/api/feed.atom", feed, methods=["GET"], tags=["stories"], dependencies=read,
                      summary="Atom feed of the most recently updated stories",
                      responses={200: {"content": {"application/atom+xml": {}}, "description": "Atom feed"}})
    app.add_api_route("/feed.atom", feed, methods=["GET"], dependencies=read, include_in_schema=False)

    # -- web ------------------------------------------------------------------------------------
    web_read = [Depends(require_read)]

    def _with_cookie(request: Request, resp: Response) -> Response:
        tok = request.query_params.get("token")
        if tok and settings.read_token:
            resp.set_cookie(TOKEN_COOKIE, tok, httponly=True, samesite="lax")
        return resp

    @app.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=web_read)
    def index(request: Request, q: str | None = Query(None, max_length=500),
              entity: str | None = Query(None, max_length=200),
              date_from: str | None = Query(None, alias="from", max_length=40),
              date_to: str | None = Query(None, alias="to", max_length=40),
              sort: str | None = None, offset: str | None = None) -> Response:
        svc_ = _svc(request)
        root = _site(request)["root"]
        html = svc_.cached(("index", svc_.generation(), root, str(request.query_params)),
                           lambda: _index_html(svc_, root, q, entity, date_from, date_to, sort, offset))
        return _with_cookie(request, HTMLResponse(html))

    def _index_html(svc_: Service, root: str, q: str | None, entity: str | None, date_from: str | None,
                    date_to: str | None, sort: str | None, offset_text: str | None) -> str:
        st = svc_.store
        # an offset the page cannot read is said so and the first page shown; one past the end says so
        offset = page_offset(offset_text)
        bad_offset = (offset_text or "").strip() if offset is None else None
        offset = offset or 0
        q = (q or "").strip() or None
        entity = (entity or "").strip() or None
        d_from = _iso_or_none(date_from)
        d_to = _iso_or_none(date_to)
        # a date the page cannot read is said so, not dropped in silence
        bad_dates = [v.strip() for v, d in ((date_from, d_from), (date_to, d_to)) if v and v.strip() and d is None]
        swapped = bool(d_from and d_to and d_from > d_to)   # a range written backwards is read forwards
        if swapped:
            d_from, d_to = d_to, d_from
        sorts = ["relevance", "updated", "size", "published"] if q else ["updated", "size", "published"]
        default_sort = "relevance" if q else "updated"
        # an order the page does not know is said so ("relevance" without a search is none to say: by update)
        bad_sort = sort.strip() if sort and sort.strip() and sort not in sorts and sort != "relevance" else None
        sort = sort if sort in sorts else default_sort
        limit = 25
        rows, total = st.search_stories(q=q, entity=entity, date_from=d_from, date_to=d_to, sort=sort,
                                        limit=limit, offset=offset)
        params = {k: v for k, v in (("q", q), ("entity", entity), ("from", d_from), ("to", d_to)) if v}
        if sort != default_sort:
            params["sort"] = sort
        # (from past the end, "newer" leads to the list's last page)
        prev_off = min(offset - limit, (total - 1) // limit * limit) if total else 0
        prev_href = f"{root}/?" + urlencode({**params, "offset": max(0, prev_off)}) if offset else None
        next_href = f"{root}/?" + urlencode({**params, "offset": offset + limit}) if offset + limit < total else None
        entity_row = st.get_entity(entity, limit=1) if entity else None
        openings = st.story_openings(r["id"] for r in rows)
        teasers = {r["id"]: list_teaser(r.get("title"), openings.get(r["id"], ())) for r in rows}
        return page_html("index.html", site={"root": root, "feed": feed_href(root, q, entity)}, q=q, entity=entity, date_from=d_from, date_to=d_to,
                         sort=sort, sorts=sorts, default_sort=default_sort, items=rows, total=total, offset=offset,
                         prev_href=prev_href, next_href=next_href, entity_row=entity_row, teasers=teasers,
                         bad_dates=bad_dates, bad_offset=bad_offset, bad_sort=bad_sort, swapped=swapped, first_href=f"{root}/?" + urlencode(params) if params else f"{root}/")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=web_read)
    def story_page(story_id: str, request: Request, about: str | None = Query(None, max_length=200)) -> Response:
        svc_ = _svc(request)
        raw = svc_.store.get_brief_json(story_id)
        root = _site(request)["root"]
        about = " ".join((about or "").split()) or None
        if raw is None:  # a story merged into another: its old address leads to the story it joined
            query = f"?{request.url.query}" if request.url.query else ""   # (a focus kept)
            now = svc_.store.merged_into(story_id)
            if now is not None and now != story_id:
                return RedirectResponse(f"{root}/stories/{path_segment(now)}{query}", status_code=301)
            named = _named_story(svc_.store, story_id)  # the first characters of one id, as the CLI takes
            if named != story_id:
                return RedirectResponse(f"{root}/stories/{path_segment(named)}{query}", status_code=302)
        row, history = svc_.store.story_row(story_id), svc_.store.story_events(story_id)
        key = page_key(raw, root, about, row, history) if raw is not None else None

        def render() -> str:
            got = _focused_brief(svc_, story_id, about) if about else _get_brief(svc_, story_id)
            if got is None:
                raise ApiError(404, f"no story {story_id!r} in this store (the story list at {root or ''}/ "
                                    "has the ones there are)")
            return story_page_html(svc_.store, story_id, got[0], root, row, history)

        def make() -> str:
            # the page the store keeps for this brief (a focused page is built on request, kept in this process)
            return stored_view(svc_.store, story_id, PAGE, key, render) if key and not about else render()

        html = svc_.cached(("story", key), make) if key else make()
        return _with_cookie(request, HTMLResponse(html))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=web_read)
    def article_page(article_id: str, request: Request, s: int | None = Query(None, ge=0),
                     e: int | None = Query(None, ge=0)) -> Response:
        st = _svc(request).store
        a = st.get_article(article_id)
        if a is None:
            raise ApiError(404, f"no article {article_id!r}")
        text = a.text
        before, passage, after = text, "", ""
        if s is not None and e is not None and s < e <= len(text):
            before, passage, after = text[:s], text[s:e], text[e:]
        title, derived = shown_title({"title": a.title, "lead_title": "" if a.title else lead_title(a)})
        html = page_html("article.html", site=_site(request), article=a, story_id=st.article_story(article_id),
                         title=title, derived=derived,
                         before=before, passage=passage, after=after, revisions=st.article_revisions(article_id))
        return _with_cookie(request, HTMLResponse(html))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=web_read)
    def entity_page(entity_id: str, request: Request) -> Response:
        e = _svc(request).store.get_entity(entity_id, limit=ENTITY_PAGE_STORIES)
        if e is None:
            raise ApiError(404, f"no entity {entity_id!r}")
        site = _site(request)
        site = {**site, "feed": feed_href(site["root"], entity=str(e["id"]))}
        return _with_cookie(request, HTMLResponse(page_html("entity.html", site=site, entity=e)))

    @app.get("/index.html", include_in_schema=False)
    def index_alias() -> Response:
        return RedirectResponse("/")

    return app


class SizeLimit:
    """Pure ASGI middleware: a request whose Content-Length is over ``limit`` is answered 413 at once
    (chunked bodies are counted where they are read)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            for k, v in scope.get("headers", ()):
                if k == b"content-length":
                    status, msg = 0, ""
                    if not v.isdigit():
                        status, msg = 400, "invalid Content-Length header"
                    elif int(v) > self.limit:
                        status, msg = 413, (f"the body is over the limit of {self.limit} bytes: send fewer "
                                            f"articles per request")
                    if status:
                        resp = JSONResponse({"error": msg, "status": status}, status_code=status,
                                            headers={"Connection": "close"})
                        await resp(scope, receive, send)
                        return
                    break
        await self.app(scope, receive, send)


class HeadAsGet:
    """Pure ASGI middleware: a HEAD request is answered as its GET would be, headers only (HTTP
    servers must take HEAD wherever they take GET: uptime checks, link checkers, `curl -I`)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Any) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def page_offset(text: str | None) -> int | None:
    """The list offset a page address gives (absent or blank: 0), or None for one that is not a whole
    number of zero or more; an offset past any store's end is kept within what SQLite takes."""
    text = (text or "").strip()
    if not text:
        return 0
    if not text.isascii() or not text.isdigit():
        return None
    return min(int(text[:13]) if len(text) <= 13 else MAX_OFFSET, MAX_OFFSET)


def _iso_or_none(value: str | None) -> str | None:
    """A YYYY-MM-DD date as the API reads it, None for anything else ("2019-02-30", "20190101")."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def run_updater(settings: Settings, stop: Any = None, *, interval: float = 0.5, nice: int = 5,
                watch: Sequence[str] = (), every: float = 900.0) -> None:
    """Group new articles and rebuild changed briefs whenever the store has some pending, until ``stop``
    (an Event) is set, or, without one, until SIGTERM or the parent process ends. Runs at a lower CPU
    priority than the web workers so that a long rebuild never stalls pages; one updater at a time per
    store (a lock file). ``watch``: feed URLs polled every ``every`` seconds (as `storyline watch`);
    the whole store is regrouped as the ``regroup_every`` setting says (see `storyline regroup`), and
    articles older than ``keep_days`` are forgotten then (``pipeline.maintain``)."""
    import os
    import signal
    import time

    from ..pipeline import maintain, maintenance_due, maintenance_every, watch_round

    if settings.dask.startswith("local"):
        # the updater runs as a daemon process, which may start no worker processes of its own: a local
        # cluster is for `storyline ingest` and `rebuild`; a scheduler's address works here
        log.warning("the server's updater builds briefs in its own process: dask=%r needs a scheduler's "
                    "address here (tcp://host:8786)", settings.dask)
        settings = replace(settings, dask="")
    parent = os.getppid()
    if stop is None:
        term = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: term.set())
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C goes to the server, which then stops us

        class _Watch:
            def is_set(self) -> bool:
                return term.is_set() or os.getppid() != parent

            def wait(self, t: float) -> bool:
                return term.wait(t)

        stop = _Watch()
    if nice:
        try:
            os.nice(nice)
        except OSError:
            pass
    store = SQLiteStore(settings.db_path())
    next_poll = next_regroup = time.monotonic()
    try:
        while not stop.is_set():
            try:
                if watch and time.monotonic() >= next_poll:
                    next_poll = time.monotonic() + every
                    report = watch_round(store, watch, settings)
                    for f in report.failed:
                        log.warning("watch: %s: %s", f.where, f.reason)
                    log.info("watch: %d new articles, %d stories updated", len(report.new), len(report.stories))
                    continue
                if store.pending_count():
                    update_stories(store, settings)
                    continue
                if time.monotonic() >= next_regroup and maintenance_due(store, settings):
                    # a failed one is not retried at once
                    next_regroup = time.monotonic() + maintenance_every(settings)
                    done = maintain(store, settings)
                    log.info("regroup: %d articles forgotten, %d left, %d stories before, %d now, %d changed",
                             len(done.forgotten), done.articles, done.stories_before, done.stories_after,
                             len(done.changed))
                    continue
            except Exception:
                log.exception("updating stories failed")
            stop.wait(interval)
    finally:
        store.close()


def app_from_env() -> FastAPI:
    """The app from settings in the environment (STORYLINE_DB, STORYLINE_TOKEN, ...): the factory that
    `storyline serve` hands to uvicorn (so that several worker processes can each build one)."""
    import os

    external = os.environ.get("STORYLINE_SERVE_UPDATER") == "external"
    settings = load_settings()
    read_only = os.environ.get("STORYLINE_SERVE_READ_ONLY") == "1"   # (a store `serve` cannot write)
    return create_app(settings, store=SQLiteStore(settings.db_path(), readonly=True) if read_only else None,
                      background="external" if external or read_only else True,
                      cache=os.environ.get("STORYLINE_SERVE_CACHE", "1") != "0")
