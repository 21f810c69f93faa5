"""The embedded store: SQLite in WAL mode. The only module that speaks SQL.

Writes go in one transaction per batch, so a crash (even kill -9) leaves either the whole batch
or none of it; re-running the same ingest completes what was missing.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sqlite3
import threading
import weakref
import zlib
from contextlib import contextmanager
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from ..consolidate.entities import name_sound, spelled_alike
from ..consolidate.names import search_fold
from ..consolidate.template import line_hashes
from ..errors import StoreBusy, StoreError
from ..ingest.revisions import continues, is_excerpt, text_key
from ..records import Article, Brief, Story, article_id_for, from_dict, to_dict
from .schema import MIGRATIONS, SEARCH_FOLDED, SEARCH_SPACED

log = logging.getLogger(__name__)

BUILD_LOCK_BYTES = 4096  # bytes of the build-lock file: one per key (``build_turn``)
BUSY_TIMEOUT_MS = 30_000   # how long a write waits for another writer (a server's reader-facing writes: none)

__all__ = ["SQLiteStore", "Stored", "StoryRow"]

StoryRow = dict[str, Any]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _article_row(a: Article, seq: int, now: str) -> tuple[Any, ...]:
    return (a.id, a.source, a.url, a.title, a.published.isoformat() if a.published else None,
            int(a.published_inferred), a.text, a.lang, json.dumps(dict(a.meta), default=str), now, seq)


def _row_article(r: sqlite3.Row) -> Article:
    return Article(id=r["id"], text=r["text"], title=r["title"], published=r["published"],
                   published_inferred=bool(r["published_inferred"]), source=r["source"], url=r["url"],
                   lang=r["lang"], meta=json.loads(r["meta"] or "{}"))


class Stored(NamedTuple):
    """What ``add_articles`` did with a batch: article ids stored now, already stored as they are
    (or a piece of what is stored: a teaser of a stored page), and stored before but changed since."""

    new: list[str]
    duplicate: list[str]
    revised: list[str]


def _via(meta: Mapping[str, Any]) -> str:
    """How an article's text was read: from a feed item's own content, or as a page or file."""
    return "feed" if "feed_item" in meta and "full_text" not in meta else "page"


def _insert(c: sqlite3.Connection, a: Article, seq: int, now: str) -> bool:
    """Store a new article (its search row, the file it was read from); False when its id is taken."""
    if not c.execute("INSERT OR IGNORE INTO articles (id, source, url, title, published, published_inferred,"
                     " text, lang, meta, ingested_at, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     _article_row(a, seq, now)).rowcount:
        return False
    c.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)", (a.id, a.title or "", a.text))
    _put_lines(c, a)
    if a.meta.get("file"):
        c.execute("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", (f"file:{a.meta['file']}", a.id))
    return True


def _put_lines(c: sqlite3.Connection, a: Article) -> None:
    """Keep the lines of an article's (new) text (``line_hashes``), in place of any it had."""
    c.execute("DELETE FROM article_lines WHERE article_id = ?", (a.id,))
    c.executemany("INSERT OR IGNORE INTO article_lines (line, article_id) VALUES (?, ?)",
                  [(h, a.id) for h in sorted(line_hashes(a))])


def _under_stored_url(c: sqlite3.Connection, a: Article) -> Article:
    """``a`` under the id of the article stored from its address when that is the same article, or it
    grown or edited (an export posted again with ids of its own): one article, not two. An address
    shared by other articles (a site's front page given as every item's link) keeps them apart."""
    if not a.url:
        return a
    r = c.execute("SELECT id, text FROM articles WHERE url = ? AND id != ? LIMIT 1", (a.url, a.id)).fetchone()
    if r is None or not continues(r["text"], a.text):
        return a
    return replace(a, id=r["id"])


def _revise(c: sqlite3.Connection, a: Article, now: str) -> bool | None:
    """Take ``a`` as the new version of the stored article of its id when it is one: its title or
    words changed, and it is not a piece of the stored text (a teaser, a page cut short), not an
    earlier version come again, and not the same article read another way (a feed's text of a page
    stored from the page: the first stays, unless it was only a piece of the new one). The stored
    version goes to ``article_revisions``; the article's row takes the new title, text, date (the
    stored one when the new has none) and meta (with ``revised_at`` and ``revisions``); its cached
    analysis is dropped and its story marked for a brief rebuild. A feed item's changed digest with
    the same article is noted, so that its page is not read at every poll. A version published
    before the stored one (an export listing the newest first), or captured before it (a web
    archive's captures, dated by ``meta["captured"]``, which also dates the revision), does not
    replace it. Returns whether it revised, or None when ``a`` is another article under the same
    address (none of the stored text goes on in it, and it is no piece of it: a live page, a front
    page given as a link).
    (``articles_fts`` keeps the first text: nothing reads it yet.)"""
    r = c.execute("SELECT title, text, published, published_inferred, meta, story_id FROM articles WHERE id = ?",
                  (a.id,)).fetchone()
    if r is None:
        return False
    meta = json.loads(r["meta"] or "{}")
    key = text_key(a.title, a.text)
    # (the same article read again is the common case, and the cheapest to tell: the comparisons of
    # words are made only for a text that changed)
    same = key == text_key(r["title"], r["text"]) or key in {text_key(t, x) for t, x in c.execute(
        "SELECT title, text FROM article_revisions WHERE article_id = ?", (a.id,))}
    grown = piece = False
    if not same:
        grown, piece = is_excerpt(r["text"], a.text), is_excerpt(a.text, r["text"])
        if not (grown or piece or continues(r["text"], a.text)):
            return None  # another article under the same address (a live page, a front page): not a version
    captured, was_captured = str(a.meta.get("captured") or ""), str(meta.get("captured") or "")
    older = bool(a.published and r["published"] and a.published.isoformat() < str(r["published"])[:10]) or (
        bool(captured and was_captured) and captured < was_captured)
    if same or older or piece or (_via(meta) != _via(a.meta) and not grown):
        digest = a.meta.get("item_digest")
        if digest and meta.get("item_digest") != digest:
            c.execute("UPDATE articles SET meta = ? WHERE id = ?",
                      (json.dumps({**meta, "item_digest": digest}, default=str), a.id))
        return False
    when = captured or now   # a web archive's later capture: replaced when it was captured
    c.execute("INSERT INTO article_revisions (article_id, revised_at, title, text, published, meta) "
              "VALUES (?, ?, ?, ?, ?, ?)", (a.id, when, r["title"], r["text"], r["published"], r["meta"]))
    published = a.published.isoformat() if a.published else r["published"]
    inferred = int(a.published_inferred) if a.published else r["published_inferred"]
    new_meta = {**a.meta, "revised_at": when, "revisions": int(meta.get("revisions", 0)) + 1}
    c.execute("UPDATE articles SET title = ?, text = ?, published = ?, published_inferred = ?, meta = ?, "
              "source = COALESCE(?, source) WHERE id = ?",
              (a.title, a.text, published, inferred, json.dumps(new_meta, default=str), a.source, a.id))
    c.execute("DELETE FROM analyses WHERE article_id = ?", (a.id,))
    _put_lines(c, a)
    if r["story_id"]:
        _touch_story(c, r["story_id"], now, size=False)
    return True


# story lists: ties (the stories of one ingest share their second of update) go to the story with the
# later news, then the larger, then the newer row; the CLI, the API and the web page list alike
_STORY_ORDERS = {"updated": "{s}updated DESC, {s}last_published DESC, {s}size DESC, {s}rowid DESC",
                 "size": "{s}size DESC, {s}updated DESC, {s}rowid DESC",
                 "published": "{s}last_published DESC, {s}size DESC, {s}rowid DESC"}


def _size_weight(size: int | None) -> float:
    """A story's weight in search relevance: 1 + log(1 + its articles)."""
    return 1.0 + math.log1p(max(0, size or 0))


def _set_wal(conn: sqlite3.Connection, tries: int = 100) -> None:
    """Switch a connection's database to WAL. On a new file opened by several connections at once
    the switch can meet "database is locked" at once, without the busy timeout: it is tried again."""
    import time

    for k in range(tries):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or k == tries - 1:
                raise
            time.sleep(0.01 * (1 + k % 10))


def _in_chunks(ids: Sequence[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """``ids`` in chunks that fit one ``IN (...)`` list (SQLite caps a statement's parameters),
    each with its placeholders ("?,?,?")."""
    for i in range(0, len(ids), size):
        chunk = list(ids[i:i + size])
        yield chunk, ",".join("?" * len(chunk))


def _backfill_names(c: sqlite3.Connection) -> None:
    """Schema 4: the aliases of the entities of every brief already stored, read from its JSON (a
    brief that cannot be read, or an entity without an id, adds nothing)."""
    rows: list[tuple[str, str, str]] = []
    for sid, raw in c.execute("SELECT story_id, json FROM briefs"):
        try:
            ents = json.loads(raw).get("entities") or []
        except (ValueError, TypeError, AttributeError):
            continue
        for e in ents if isinstance(ents, list) else ():
            if not isinstance(e, dict) or not isinstance(e.get("id"), str):
                continue
            aliases = e.get("aliases")
            rows.extend((sid, e["id"], a) for a in (aliases if isinstance(aliases, list) else ()) if isinstance(a, str) and a)
    c.executemany("INSERT OR IGNORE INTO story_entity_names (story_id, entity_id, name) VALUES (?, ?, ?)", rows)


def _backfill_sounds(c: sqlite3.Connection) -> None:
    """Schema 6: the sound of every entity name already stored; schema 10: again, its words folded
    (``search_fold``: "Ørsted" sounds as "Orsted"); only the rows whose sound changes are written."""
    rows = [(sound, rowid) for rowid, name, old in c.execute("SELECT rowid, name, sound FROM story_entity_names")
            if (sound := name_sound(name)) != old]
    c.executemany("UPDATE story_entity_names SET sound = ? WHERE rowid = ?", rows)


def _backfill_lines(c: sqlite3.Connection) -> None:
    """Schema 7: the lines of every article already stored (read a few thousand at a time)."""
    last = -1
    while rows := c.execute("SELECT rowid, id, text, lang FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 2000",
                            (last,)).fetchall():
        for r in rows:
            _put_lines(c, Article(id=r["id"], text=r["text"], lang=r["lang"]))
        last = rows[-1]["rowid"]


# a letter of a script written without spaces between its words (Han, kana): the index's unicode61 would
# take a whole run of them for one word, which no word inside it finds ("北京" in "今天北京下雨")
_UNSPACED = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_UNSPACED_EDGE = re.compile(f"(?<=[{_UNSPACED}])(?=\\S)|(?<=\\S)(?=[{_UNSPACED}])")


def search_text(text: str) -> str:
    """``text`` as the stories' search index holds it and a query's word is matched against it: folded
    (``search_fold``), and each letter of a script written without spaces (Han, kana) a word of its own,
    so that a query's run of them, a phrase, is found inside a longer run ("北京" in "今天北京下雨")."""
    folded = search_fold(text)
    return folded if folded.isascii() else _UNSPACED_EDGE.sub(" ", folded)


def _backfill_search_fold(c: sqlite3.Connection) -> None:
    """Schemas 9 and 11: the search rows of the stories already stored, folded as new ones are
    (``search_text``; it gives a row it made before again)."""
    last = -1
    while rows := c.execute("SELECT rowid, headline, summary, entities FROM stories_fts WHERE rowid > ? "
                            "ORDER BY rowid LIMIT 2000", (last,)).fetchall():
        c.executemany("UPDATE stories_fts SET headline = ?, summary = ?, entities = ? WHERE rowid = ?",
                      [(*(search_text(v or "") for v in r[1:]), r[0]) for r in rows])
        last = rows[-1][0]


def _entity_names(brief: Brief) -> list[tuple[str, str, str, str]]:
    """(story, entity, name, sound) for every name the brief gives each entity (canonical, aliases)."""
    return [(brief.story_id, e.id, n, name_sound(n)) for e in brief.entities for n in dict.fromkeys((e.name, *e.aliases))]


def _empty_story(c: sqlite3.Connection, sid: str) -> None:
    """A story whose articles went elsewhere: its brief, search entry and entities go, its row stays
    (size 0) so that its id can lead to where they went."""
    c.execute("DELETE FROM briefs WHERE story_id = ?", (sid,))
    c.execute("DELETE FROM stories_fts WHERE story_id = ?", (sid,))
    c.execute("DELETE FROM story_entities WHERE story_id = ?", (sid,))
    c.execute("DELETE FROM story_entity_names WHERE story_id = ?", (sid,))
    c.execute("DELETE FROM brief_views WHERE story_id = ?", (sid,))
    c.execute("UPDATE stories SET size = 0, dirty = 0 WHERE id = ?", (sid,))


_TOUCH_STORY = ("INSERT INTO stories (id, first_seen, updated, dirty) VALUES (?, {first_seen}, ?, 1) "
                "ON CONFLICT(id) DO UPDATE SET updated = excluded.updated, dirty = 1")


def _touch_story(c: sqlite3.Connection, sid: str, now: str, *, size: bool = True,
                 first_seen_from_articles: bool = False) -> None:
    """Mark a story changed at ``now`` (made if new, first seen now or, with
    ``first_seen_from_articles``, when its oldest article was stored), its size counted again."""
    if first_seen_from_articles:
        c.execute(_TOUCH_STORY.format(first_seen="COALESCE((SELECT MIN(ingested_at) FROM articles WHERE story_id = ?), ?)"),
                  (sid, sid, now, now))
    else:
        c.execute(_TOUCH_STORY.format(first_seen="?"), (sid, now, now))
    if size:
        c.execute("UPDATE stories SET size = (SELECT COUNT(*) FROM articles WHERE story_id = ?) WHERE id = ?", (sid, sid))


def _pack_json(value: Any) -> bytes:
    """``value`` as compact JSON, deflated (level 1: about five times smaller, a fraction of a
    millisecond for an article's analysis)."""
    return zlib.compress(json.dumps(value, separators=(",", ":")).encode("utf-8"), 1)


def _unpack_json(stored: str | bytes) -> Any:
    """What ``_pack_json`` stored, or plain JSON text (a row stored before packing)."""
    return json.loads(zlib.decompress(stored) if isinstance(stored, bytes) else stored)


def _put_globals(c: sqlite3.Connection, blob: bytes) -> None:
    """The clusterer's stream-wide state (document frequencies, latent basis) in kv, as a blob (SQLite
    keeps a blob as it is in any column): its base64 text and that text's copy had cost 1.3x the blob
    each at every save, about 170 MB more at the peak of a 3,000-article first run."""
    c.execute("INSERT INTO kv (key, value) VALUES ('grouping.globals', ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (blob,))


def _globals_blob(value: str | bytes | None) -> bytes | None:
    """The blob ``_put_globals`` stored (a store written before keeps it as base64 text)."""
    import base64

    if not value:
        return None
    return bytes(value) if isinstance(value, (bytes, memoryview)) else base64.b64decode(value)


def _read_only(exc: BaseException) -> bool:
    """Whether SQLite refused a write because the file (or its folder) is read-only."""
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("readonly" in msg or "read-only" in msg)


class SQLiteStore:
    """Articles, stories and briefs in one SQLite file. Safe to share across threads."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        """Open (and create or migrate) the store. Unless ``readonly``, a file that this process
        cannot write is refused at once: StoreError "store PATH is read-only"."""
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.RLock()
        self._build_fd: int | None = None
        self._fd_lock = threading.Lock()
        self._turns: dict[tuple[int, int], int] = {}   # (process id, byte) -> this process's turns holding it
        self.readonly = readonly
        if str(path) != ":memory:":
            if self.path.is_dir():   # (`--db data/`, or an empty `--db "$UNSET"`: ".")
                raise StoreError(f"store {self.path} is a folder: name a file in it, such as "
                                 f"{self.path / 'storyline.db'}")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of the store {self.path}: {exc}") from exc
            if not readonly and self.path.exists() and not os.access(self.path, os.W_OK):
                raise StoreError(f"store {self.path} is read-only")
        # a file a reader cannot write (another user's, a read-only disk): opened read-only, and read in
        # the schema it was written in where only its rows' folding is behind (``_migrate``)
        self._unwritable = readonly and str(path) != ":memory:" and self.path.exists() and \
            not os.access(self.path, os.W_OK)
        self._schema = len(MIGRATIONS)   # the schema its rows are in
        self._reopened = 0   # immutable connections opened again, for the file had changed (``data_version``)
        self._migrate()

    # -- connections -----------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        stamp = getattr(self._local, "stamp", None)
        if stamp is not None and stamp != self._file_stamp():   # an immutable one, of a file changed since:
            conn = self._local.conn = self._local.stamp = None   # (left to close once no cursor reads it)
            self._reopened += 1
        if conn is None:
            try:
                conn = self._open_read_only() if self._unwritable else self._open()
                conn.row_factory = sqlite3.Row
                conn.create_function("size_weight", 1, _size_weight, deterministic=True)
                conn.create_function("spelled_alike", 2, spelled_alike, deterministic=True)
                if not self._unwritable:
                    _set_wal(conn)
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            except sqlite3.DatabaseError as exc:
                if _read_only(exc):
                    raise StoreError(f"store {self.path} is read-only") from exc
                if "not a database" in str(exc):
                    raise StoreError(f"{self.path} is not a storyline store (not an SQLite database)") from exc
                raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    def _open(self, uri_query: str = "") -> sqlite3.Connection:
        """A new connection to the file, with SQLite's URI parameters ``uri_query`` ("mode=ro") if any."""
        target = f"{self.path.absolute().as_uri()}?{uri_query}" if uri_query else str(self.path)
        return sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False, uri=bool(uri_query))

    def _open_read_only(self) -> sqlite3.Connection:
        """A connection that only reads a file this process cannot write. A store in WAL mode needs its
        index file (PATH-shm) beside it, which a read-only folder cannot hold: where there is none, and no
        log of writes (PATH-wal) that only it could read, no process is writing the store, and it is read
        as a file that does not change (SQLite's ``immutable``)."""
        conn = self._open("mode=ro")
        try:
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "unable to open" not in str(exc):
                raise
            wal = Path(f"{self.path}-wal")
            self._local.stamp = self._file_stamp()   # (taken first: a write while it opens is seen next time)
            if wal.exists() and wal.stat().st_size:
                raise StoreError(f"cannot read the store {self.path}: it cannot be written here, nor its folder, "
                                 f"and its writes logged in {wal} need {self.path}-shm beside it; open it once as "
                                 "a user who can write the folder, or read a copy of it") from exc
        return self._open("immutable=1")

    def _file_stamp(self) -> tuple[int, int, int, bool]:
        """What tells that a file read as immutable has changed: its owner wrote it since (a checkpoint
        rewrites its pages, which an immutable connection's cache would mix with the old ones: "database
        disk image is malformed"), or is writing it now (a log of writes beside it); zeros when it is gone."""
        try:
            st = os.stat(self.path)
        except OSError:
            return 0, 0, 0, False
        return st.st_ino, st.st_mtime_ns, st.st_size, os.path.exists(f"{self.path}-wal")

    @contextmanager
    def update_lock(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Exclusive across the processes using this store (``storyline ingest``, ``watch``, the
        updater of ``storyline serve``): held while articles are grouped into stories and briefs
        rebuilt, so two updaters never continue the same stream at once. A lock file next to the
        store (flock); a no-op where that is not supported and for an in-memory store. ``on_wait`` is
        called once when another process holds the lock, before waiting for it."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        if str(self.path) == ":memory:":
            yield
            return
        with open(f"{self.path}.update-lock", "a+b") as fh:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    @contextmanager
    def build_turn(self, key: str, timeout: float) -> Iterator[None]:
        """Exclusive across the processes using this store, per ``key``: a server's worker processes
        asking for one brief the store does not hold take turns, so that one builds it and the others
        find it stored (``put_first_brief``). One byte of a lock file next to the store per key
        (``fcntl.lockf``; keys that share a byte only wait for each other). Within a process it
        excludes nothing (the lock is the process's: it is given back when the process's last turn on
        its byte ends): threads take turns by ``serve``'s single flight.
        ``StoreBusy`` after ``timeout`` seconds; a no-op where locks are not supported, the lock file
        cannot be opened, or for an in-memory store."""
        fd = self._build_lock_fd()
        if fd is None:
            yield
            return
        import fcntl
        import time

        byte = zlib.crc32(key.encode("utf-8")) % BUILD_LOCK_BYTES
        held = (os.getpid(), byte)   # (a forked child holds none of its parent's locks)
        deadline = time.monotonic() + timeout
        while not self._take_byte(fd, held):   # (held by another process: EAGAIN or EACCES)
            if time.monotonic() >= deadline:
                raise StoreBusy(f"another process of store {self.path} is building {key}")
            time.sleep(0.05)
        try:
            yield
        finally:
            with self._fd_lock:   # the byte is given back by the last of this process's turns on it
                self._turns[held] -= 1
                if not self._turns[held]:
                    del self._turns[held]
                    fcntl.lockf(fd, fcntl.LOCK_UN, 1, byte)

    def _take_byte(self, fd: int, held: tuple[int, int]) -> bool:
        """Lock the build-lock file's byte of ``held`` for this process, or count one more turn on it
        where the process holds it already (a lock is the process's: the first turn's end would drop
        the other's, whose key shares the byte); False when another process holds it."""
        import fcntl

        with self._fd_lock:
            if held not in self._turns:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, held[1])
                except OSError:
                    return False
            self._turns[held] = self._turns.get(held, 0) + 1
            return True

    def _build_lock_fd(self) -> int | None:
        """This store object's one descriptor of its build-lock file (kept open: closing any descriptor
        of a file drops every lock the process holds on it), or None (see ``build_turn``)."""
        with self._fd_lock:
            if self._build_fd is None and str(self.path) != ":memory:":
                try:
                    import fcntl  # noqa: F401
                    self._build_fd = os.open(f"{self.path}.build-lock", os.O_RDWR | os.O_CREAT, 0o644)
                except (ImportError, OSError) as exc:
                    log.debug("no build turns across processes for %s: %s", self.path, exc)
                    self._build_fd = -1
                else:
                    weakref.finalize(self, os.close, self._build_fd)
            return None if self._build_fd in (None, -1) else self._build_fd

    @contextmanager
    def transaction(self, *, wait: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it. ``wait=False`` (a server answering
        a reader): raise ``StoreBusy`` at once, rather than wait, when another writer holds the store."""
        conn = self._conn()
        if not self._lock.acquire(blocking=wait):
            raise StoreBusy(f"store {self.path} is being written by another thread")
        try:
            if not wait:
                conn.execute("PRAGMA busy_timeout=0")
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                else:
                    conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if _read_only(exc):
                    raise StoreError(f"store {self.path} is read-only") from exc
                if not wait and not conn.in_transaction and "locked" in str(exc).lower():
                    raise StoreBusy(f"store {self.path} is being written by another process") from exc
                raise
            finally:
                if not wait:
                    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            self._lock.release()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        conn = self._conn()
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a storyline store (not an SQLite database: {exc})") from exc
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} has schema version {version}, newer than this storyline "
                             f"({len(MIGRATIONS)}): upgrade storyline")
        if version < len(MIGRATIONS) and self._unwritable:
            if any(m.strip() for m in MIGRATIONS[version:]):
                raise StoreError(f"store {self.path} was written by an older storyline (schema {version}; this one "
                                 f"reads {len(MIGRATIONS)}) and cannot be brought up to date here, for it cannot be "
                                 "written: run any storyline command on it once as a user who can write it "
                                 f"(`storyline --db {self.path} stories`), or read a copy of it")
            # only its rows' folding is behind (schemas 9, 10, 11: no table changes): read as they are,
            # the search matching its words as written too where the rows are not folded (``search_stories``)
            log.info("store %s has schema %d and cannot be written: read as it is", self.path, version)
            self._schema = version
            return
        # a backfill met twice on the way (the sounds at 6 and 10, the search rows at 9 and 11) computes the
        # newest form the first time: the second is left out in the same run
        filled: set[Callable[[sqlite3.Connection], None]] = set()
        for i in range(version, len(MIGRATIONS)):
            with self.transaction() as c:
                # another process may have applied it since we looked (two commands opening a new store
                # at once): read the version again under the write lock
                if c.execute("PRAGMA user_version").fetchone()[0] > i:
                    continue
                for stmt in MIGRATIONS[i].split(";"):
                    if stmt.strip():
                        c.execute(stmt)
                if i + 1 == 4:
                    _backfill_names(c)
                if i + 1 in (6, 10) and _backfill_sounds not in filled:
                    _backfill_sounds(c)
                    filled.add(_backfill_sounds)
                if i + 1 == 7:
                    _backfill_lines(c)
                if i + 1 in (SEARCH_FOLDED, SEARCH_SPACED) and _backfill_search_fold not in filled:
                    _backfill_search_fold(c)
                    filled.add(_backfill_search_fold)
                c.execute(f"PRAGMA user_version = {i + 1}")

    @property
    def cannot_write(self) -> bool:
        """Whether the store was opened only to read, for this process cannot write its file."""
        return self._unwritable

    @property
    def schema_version(self) -> int:
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])

    # -- articles ----------------------------------------------------------------------------
    def add_articles(self, articles: Sequence[Article]) -> Stored:
        """Store a batch in one transaction. Returns the ids stored now, those already stored as they
        are, and those stored before that came again changed (see ``_revise``: the earlier version is
        kept in ``article_revisions``, the article's analysis dropped and its story's brief marked for
        a rebuild). An article whose ``meta["file"]`` names the file it was read from (an absolute
        path) is remembered as that file's (``file_article``)."""
        out = Stored([], [], [])
        if not articles:
            return out
        now = _now()
        with self.transaction() as c:
            seq = c.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            for a in articles:
                a = _under_stored_url(c, a)
                if _insert(c, a, seq + 1, now):
                    seq += 1
                    out.new.append(a.id)
                    continue
                revised = _revise(c, a, now)
                if revised is None:  # another article under the address: stored apart, under an id of its words
                    a = replace(a, id=article_id_for(a.text, a.title, f"{a.url}#{text_key(a.title, a.text)}"))
                    if _insert(c, a, seq + 1, now):
                        seq += 1
                        out.new.append(a.id)
                    else:
                        out.duplicate.append(a.id)
                elif revised:
                    # (also one stored new earlier in this batch: each input is counted, as it is when
                    # the two versions fall in two batches)
                    if a.id not in out.revised:
                        out.revised.append(a.id)
                else:
                    out.duplicate.append(a.id)
        return out

    def file_article_id(self, path: str) -> str | None:
        """The id of the article first stored from the file at ``path`` (an absolute path), if any."""
        return self.get_kv(f"file:{path}")

    def article_revisions(self, article_id: str) -> list[dict[str, Any]]:
        """The earlier versions of an article, oldest first: when each was replaced (``revised_at``),
        and its title, text, publication date and meta as they were."""
        rows = self._conn().execute(
            "SELECT revised_at, title, text, published, meta FROM article_revisions WHERE article_id = ? "
            "ORDER BY rowid", (article_id,)).fetchall()
        return [dict(r) | {"meta": json.loads(r["meta"] or "{}")} for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        r = self._conn().execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _row_article(r) if r else None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        out: dict[str, Article] = {}
        for chunk, marks in _in_chunks(ids):
            for r in self._conn().execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
                out[r["id"]] = _row_article(r)
        return [out[i] for i in ids if i in out]

    def known_item(self, item: Article) -> bool:
        """Whether a feed item need not be read again: its article is stored, and what the feed states
        of it (``meta["item_digest"]``: title, text, update time) is what it stated when it was stored
        (or was not recorded). A changed item has its linked page read again (a correction)."""
        r = self._conn().execute("SELECT meta FROM articles WHERE id = ?", (item.id,)).fetchone()
        if r is None:
            return False
        digest = item.meta.get("item_digest")
        if not digest:
            return True
        stored = json.loads(r["meta"] or "{}").get("item_digest")
        return stored is None or stored == digest or (bool(item.url) and self._conn().execute(
            "SELECT 1 FROM articles WHERE url = ? AND json_extract(meta, '$.item_digest') = ? LIMIT 1",
            (item.url, digest)).fetchone() is not None)

    def has_article(self, article_id: str) -> bool:
        return self._conn().execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def stories_of(self, article_ids: Iterable[str]) -> list[str]:
        """The stories holding these articles (those grouped), sorted, each once."""
        out: set[str] = set()
        for chunk, marks in _in_chunks(list(dict.fromkeys(article_ids))):
            out.update(r[0] for r in self._conn().execute(
                f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL", chunk))
        return sorted(out)

    def earlier_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Article id -> the text each had before its latest version, for those revised."""
        out: dict[str, str] = {}
        for chunk, marks in _in_chunks(list(dict.fromkeys(article_ids))):
            for aid, text in self._conn().execute(
                    f"SELECT article_id, text FROM article_revisions WHERE rowid IN (SELECT MAX(rowid) FROM "
                    f"article_revisions WHERE article_id IN ({marks}) GROUP BY article_id)", chunk):
                out[aid] = text
        return out

    def article_story(self, article_id: str) -> str | None:
        r = self._conn().execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return r[0] if r else None

    def first_ingested(self) -> str | None:
        """When the oldest stored article was stored (ISO 8601, UTC), None for an empty store."""
        r = self._conn().execute("SELECT MIN(ingested_at) FROM articles").fetchone()
        return r[0] if r else None

    def count_articles(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def unassigned_articles(self, limit: int | None = None) -> list[Article]:
        q = "SELECT * FROM articles WHERE story_id IS NULL ORDER BY seq"
        if limit:
            q += f" LIMIT {int(limit)}"
        return [_row_article(r) for r in self._conn().execute(q)]

    def iter_articles(self, batch: int = 1000) -> Iterator[Article]:
        last = 0
        while True:
            rows = self._conn().execute("SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                                        (last, batch)).fetchall()
            if not rows:
                return
            for r in rows:
                yield _row_article(r)
            last = rows[-1]["seq"]

    # -- stories -------------------------------------------------------------------------------
    def assign(self, assignments: dict[str, str], duplicates: dict[str, str] | None = None) -> None:
        """Put articles into stories (article id -> story id) in one transaction; marks them dirty."""
        if not assignments:
            return
        now = _now()
        with self.transaction() as c:
            for aid, sid in assignments.items():
                c.execute("UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?",
                          (sid, (duplicates or {}).get(aid), aid))
            for sid in set(assignments.values()):
                _touch_story(c, sid, now)

    def story_article_ids(self, story_id: str) -> list[str]:
        return [r[0] for r in self._conn().execute(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))]

    def dirty_stories(self) -> list[str]:
        return [r[0] for r in self._conn().execute("SELECT id FROM stories WHERE dirty = 1 ORDER BY id")]

    def get_story(self, story_id: str) -> Story | None:
        got = self.story_and_row(story_id)
        return got[0] if got else None

    def story_and_row(self, story_id: str) -> tuple[Story, StoryRow] | None:
        """The story ``story_id`` and its row (as ``story_row`` gives it), from one read of the row;
        None when the store has no such id (an emptied story has a row: its size is 0)."""
        r = self._conn().execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if not r:
            return None
        data = json.loads(r["data"] or "{}")
        story = Story(id=r["id"], article_ids=tuple(self.story_article_ids(story_id)),
                      duplicate_groups=tuple(tuple(g) for g in data.get("duplicate_groups", [])),
                      first_seen=r["first_seen"], updated=r["updated"], title=r["title"])
        return story, {k: r[k] for k in self._STORY_COL_NAMES}

    def list_stories(self, *, sort: str = "updated", limit: int = 50, offset: int = 0) -> list[StoryRow]:
        order = _STORY_ORDERS.get(sort, "").format(s="")
        if not order:
            raise StoreError(f"unknown sort {sort!r}: use updated, size or published")
        rows = self._conn().execute(
            f"SELECT id, title, first_seen, updated, first_published, last_published, size FROM stories "
            f"WHERE size > 0 ORDER BY {order} LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def count_stories(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM stories WHERE size > 0").fetchone()[0])

    # -- briefs --------------------------------------------------------------------------------
    def mark_dirty(self, story_ids: Sequence[str] | None = None) -> int:
        """Mark stories (all with articles when ``story_ids`` is None) for a brief rebuild, without
        touching their update time; returns how many were marked."""
        with self.transaction() as c:
            if story_ids is None:
                return c.execute("UPDATE stories SET dirty = 1 WHERE size > 0").rowcount
            return sum(c.execute(f"UPDATE stories SET dirty = 1 WHERE size > 0 AND id IN ({marks})", chunk).rowcount
                       for chunk, marks in _in_chunks(story_ids))

    def put_brief(self, brief: Brief, *, extra: dict[str, Any] | None = None) -> str:
        """Store a story's brief (replacing its last one); returns the JSON text stored."""
        raw = json.dumps(to_dict(brief))
        with self.transaction() as c:
            self._write_brief(c, brief, raw, extra, keep_dirty=False)
        return raw

    def put_first_brief(self, brief: Brief, *, extra: dict[str, Any] | None = None,
                        wait: bool = True) -> str | None:
        """Store a brief a reader had built for a story the store holds no brief of (``serve``), only
        while the store still holds none and the story's articles are still the brief's; the story
        stays marked for the updater, whose brief (it tells what each new article adds) replaces this
        one. Returns the JSON text stored, or None when not written. ``wait=False``: ``StoreBusy`` at
        once when another writer holds the store."""
        raw = json.dumps(to_dict(brief))
        with self.transaction(wait=wait) as c:
            if c.execute("SELECT 1 FROM briefs WHERE story_id = ?", (brief.story_id,)).fetchone():
                return None
            held = {r[0] for r in c.execute("SELECT id FROM articles WHERE story_id = ?", (brief.story_id,))}
            if not held or held != {str(a.get("id")) for a in brief.articles}:
                return None
            self._write_brief(c, brief, raw, extra, keep_dirty=True)
        return raw

    def _write_brief(self, c: sqlite3.Connection, brief: Brief, raw: str, extra: dict[str, Any] | None, *,
                     keep_dirty: bool) -> None:
        """The rows of a stored brief: the brief, the story's row, its search text and entity names."""
        c.execute("INSERT INTO briefs (story_id, json, updated) VALUES (?, ?, ?) "
                  "ON CONFLICT(story_id) DO UPDATE SET json = excluded.json, updated = excluded.updated",
                  (brief.story_id, raw, _now()))
        c.execute("UPDATE stories SET title = ?, first_published = ?, last_published = ?, "
                  "dirty = CASE WHEN ? THEN dirty ELSE 0 END, data = ? WHERE id = ?",
                  (brief.headline, brief.first_published, brief.last_published, keep_dirty,
                   json.dumps(extra or {}), brief.story_id))
        c.execute("DELETE FROM stories_fts WHERE story_id = ?", (brief.story_id,))
        c.execute("INSERT INTO stories_fts (story_id, headline, summary, entities) VALUES (?, ?, ?, ?)",
                  (brief.story_id, search_text(brief.headline or ""), search_text(" ".join(s.text for s in brief.summary)),
                   search_text(" ".join(" ".join((e.name, *e.aliases)) for e in brief.entities))))
        c.execute("DELETE FROM story_entities WHERE story_id = ?", (brief.story_id,))
        c.executemany("INSERT OR REPLACE INTO story_entities (story_id, entity_id, name, label, articles) "
                      "VALUES (?, ?, ?, ?, ?)",
                      [(brief.story_id, e.id, e.name, e.label, len(e.mentions)) for e in brief.entities])
        c.execute("DELETE FROM story_entity_names WHERE story_id = ?", (brief.story_id,))
        c.executemany("INSERT OR IGNORE INTO story_entity_names (story_id, entity_id, name, sound) VALUES (?, ?, ?, ?)",
                      _entity_names(brief))
        c.execute("DELETE FROM brief_views WHERE story_id = ?", (brief.story_id,))  # (rendered from the old brief)

    def get_view(self, story_id: str, kind: str, key: str) -> str | None:
        """The stored rendering ``kind`` of a story's brief (``put_view``), when it was made under ``key``
        (what it was rendered from: ``serve.views``); None otherwise."""
        r = self._conn().execute("SELECT key, body FROM brief_views WHERE story_id = ? AND kind = ?",
                                 (story_id, kind)).fetchone()
        return zlib.decompress(r[1]).decode("utf-8") if r is not None and r[0] == key else None

    def put_view(self, story_id: str, kind: str, key: str, body: str, *, wait: bool = True) -> bool:
        """Keep a rendering of a story's brief (compressed), replacing the story's earlier one of that kind.
        ``wait=False`` (a server answering a reader): give up at once, returning False, when another
        writer holds the store, rather than keep the reader waiting for it."""
        row = (story_id, kind, key, zlib.compress(body.encode("utf-8"), 1))
        try:
            with self.transaction(wait=wait) as c:
                c.execute("INSERT OR REPLACE INTO brief_views (story_id, kind, key, body) VALUES (?, ?, ?, ?)", row)
        except StoreBusy:
            return False
        return True

    def get_brief(self, story_id: str) -> Brief | None:
        r = self._conn().execute("SELECT json FROM briefs WHERE story_id = ?", (story_id,)).fetchone()
        return from_dict(Brief, json.loads(r[0])) if r else None

    # -- analysis cache -------------------------------------------------------------------------
    def get_analyses(self, ids: Iterable[str], version: str) -> dict[str, dict[str, Any]]:
        """Cached per-article analysis (JSON dicts) of the given version, by article id."""
        ids = list(ids)
        out: dict[str, dict[str, Any]] = {}
        for chunk, marks in _in_chunks(ids):
            q = f"SELECT article_id, json FROM analyses WHERE version = ? AND article_id IN ({marks})"
            for r in self._conn().execute(q, [version, *chunk]):
                out[r[0]] = _unpack_json(r[1])
        return out

    def put_analyses(self, items: dict[str, dict[str, Any]], version: str) -> None:
        """Cache analyses, each as compressed JSON (a fifth of the text's room; stores written before
        hold plain JSON text, which ``get_analyses`` reads as well)."""
        with self.transaction() as c:
            c.executemany("INSERT OR REPLACE INTO analyses (article_id, version, json) VALUES (?, ?, ?)",
                          [(k, version, _pack_json(v)) for k, v in items.items()])

    # -- page template ------------------------------------------------------------------------
    def template_pages(self, article_ids: Iterable[str], *, min_articles: int, sample: int = 24
                       ) -> tuple[set[str], list[set[str]]]:
        """The lines of these articles that other stories' pages write too: each held by
        ``min_articles`` or more stored articles (near-duplicate copies aside) of two stories or more
        (an unassigned article counts as a story of its own); and the lines of up to ``sample`` of the
        articles holding each (the evidence ``template.template_keys`` weighs)."""
        ids = list(article_ids)
        mine: set[str] = set()
        for chunk, marks in _in_chunks(ids):
            mine.update(r[0] for r in self._conn().execute(
                f"SELECT DISTINCT line FROM article_lines WHERE article_id IN ({marks})", chunk))
        lines: set[str] = set()
        holders: set[str] = set()
        for chunk, marks in _in_chunks(sorted(mine)):
            q = ("SELECT l.line, COUNT(*), COUNT(DISTINCT COALESCE(a.story_id, a.id)),"
                 f" GROUP_CONCAT(a.id, char(31)) FROM article_lines l JOIN articles a ON a.id = l.article_id"
                 f" WHERE l.line IN ({marks}) AND a.duplicate_of IS NULL GROUP BY l.line")
            for line, n, stories, held in self._conn().execute(q, chunk):
                if n >= min_articles and stories >= 2:
                    lines.add(line)
                    holders.update(sorted(held.split("\x1f"))[:sample])
        pages: dict[str, set[str]] = defaultdict(set)
        for chunk, marks in _in_chunks(sorted(holders)):
            for aid, line in self._conn().execute(
                    f"SELECT article_id, line FROM article_lines WHERE article_id IN ({marks})", chunk):
                pages[aid].add(line)
        return lines, list(pages.values())

    # -- key/value ----------------------------------------------------------------------------
    def get_kv(self, key: str) -> str | None:
        r = self._conn().execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return r[0] if r else None

    def set_kv(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      (key, value))

    # -- queries for serve ---------------------------------------------------------------------
    _STORY_COLS = "id, title, first_seen, updated, first_published, last_published, size"
    _STORY_COL_NAMES = tuple(c.strip() for c in _STORY_COLS.split(","))

    @staticmethod
    def fts_query(text: str, *, schema: int = len(MIGRATIONS)) -> str | None:
        """A safe FTS5 query from free text, its words folded as the index is (``search_text``: a run of Han
        or kana letters a phrase of them; for the rows of an older ``schema``, a store read as it is, each
        word also as those rows hold it: a run of Han or kana one word before 11, and as written before 9:
        "Straße" finds "strasse" and "Straße"):
        every word must occur (prefix match on the last one, unless it is a single character),
        except that words joined by a capitalised OR are alternatives ("ammonia OR chlorine leak":
        either gas, and leak), and a word written with a minus before it must not ("Jackson
        -Murray"; a query of exclusions alone finds nothing). Users' quotes, other operators and
        brackets are never passed through as FTS5 syntax; an OR with no word on one side is left out."""
        import re

        # (a minus excludes only at a word's start: "-Murray", not "Kim Jong-un"; each word folded as the
        # index is, after OR is told by its capitals: ``search_text``)
        words = [(m.start() > 0 and text[m.start() - 1] == "-" and (m.start() == 1 or text[m.start() - 2].isspace()),
                  m.group(0) if m.group(0) == "OR" else search_text(m.group(0)).replace('"', ""), m.group(0))
                 for m in re.finditer(r"\w+", text, flags=re.UNICODE)]
        spelled: dict[str, tuple[str, ...]] = {}   # a word's other forms in the rows of an older schema
        for _, t, w in words:
            older = ((search_fold(w),) if schema < SEARCH_SPACED else ()) + \
                ((w,) if schema < SEARCH_FOLDED and w.lower() != search_fold(w) else ())
            spelled[t] = (*spelled.get(t, ()), *(f.replace('"', "") for f in older))
        tokens = [(minus, t) for minus, t, _ in words if t][:24]

        def term(t: str, prefix: bool) -> str:   # '"strasse"*', or '("strasse"* OR "Straße"*)' as written too
            end = "*" if prefix and len(t) > 1 else ""   # (one letter is no prefix: "é" is not every e-word)
            forms = [f'"{f}"{end}' for f in dict.fromkeys((t, *spelled.get(t, ())))]
            return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"

        groups: list[list[str]] = []
        excluded: list[str] = []
        join = False
        for k, (minus, t) in enumerate(tokens):
            last = k == len(tokens) - 1
            if minus:
                excluded.append(term(t, last))
                join = False
                continue
            if t == "OR":
                join = bool(groups)
                continue
            if join:
                groups[-1].append(term(t, last))
            else:
                groups.append([term(t, last)])
            join = False
        groups = groups[:12]
        if not groups:
            return None
        query = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
        for x in excluded[:12]:
            query = f"({query}) NOT {x}"
        return query

    def search_stories(self, *, q: str | None = None, entity: str | None = None, date_from: str | None = None,
                       date_to: str | None = None, sort: str = "updated", limit: int = 20,
                       offset: int = 0) -> tuple[list[StoryRow], int]:
        """Stories matching every given filter, one page of them and the total count.

        ``q`` is free text searched in headlines, summaries and entity names (FTS5); ``entity`` an entity
        id or name (any case); ``date_from``/``date_to`` (YYYY-MM-DD) keep stories whose published
        span overlaps the range. ``sort``: updated, size, published, or relevance (with ``q``)."""
        q = (q or "").strip() or None  # spaces alone are no query (every story, as the web page lists)
        where = ["s.size > 0"]
        args: list[Any] = []
        join = ""
        fts = self.fts_query(q, schema=self._schema) if q else None
        if q and fts is None:
            return [], 0
        if sort == "relevance" and not fts:
            sort = "updated"   # (nothing to be relevant to: a query of spaces alone, or none)
        if fts and sort == "relevance":
            # BM25 with a headline word worth four of the summary's and an entity's name two
            join = (" JOIN (SELECT story_id, bm25(stories_fts, 0.0, 4.0, 1.0, 2.0) AS rank FROM stories_fts"
                    " WHERE stories_fts MATCH ?) f ON f.story_id = s.id")
            args.append(fts)
        elif fts:  # no ranking needed: a plain set of matching stories
            where.append("s.id IN (SELECT story_id FROM stories_fts WHERE stories_fts MATCH ?)")
            args.append(fts)
        if entity:
            # (any spelling of the name: "Gaddafi" finds the stories that write "Gadhafi" or "Qaddafi"; and
            # every story of the entity the name stands for, as its page lists them: "Obama" finds the
            # stories that write only "Barack Obama")
            found = self._entity_ids(entity)
            ids = found[3] if found else [entity]
            where.append(f"s.id IN (SELECT story_id FROM story_entities WHERE entity_id IN ({','.join('?' * len(ids))}) "
                         "UNION SELECT story_id FROM story_entity_names WHERE name = ? COLLATE NOCASE "
                         "UNION SELECT story_id FROM story_entity_names WHERE sound = ? AND spelled_alike(name, ?))")
            args += [*ids, entity, name_sound(entity), entity]
        if date_from:
            where.append("COALESCE(s.last_published, s.first_published) >= ?")
            args.append(date_from)
        if date_to:
            where.append("s.first_published <= ?")
            args.append(date_to)
        orders = {k: v.format(s="s.") for k, v in _STORY_ORDERS.items()}
        if fts and sort == "relevance":
            # (how well the words match, times how much the story holds: in a small store the words
            # match every story about as well, and the one of ten articles comes before a note of one)
            orders["relevance"] = "f.rank * size_weight(s.size), s.updated DESC, s.rowid DESC"
        order = orders.get(sort)
        if order is None:
            raise StoreError(f"unknown sort {sort!r}: use {', '.join(orders)}")
        cond = " AND ".join(where)
        conn = self._conn()
        total = int(conn.execute(f"SELECT COUNT(*) FROM stories s{join} WHERE {cond}", args).fetchone()[0])
        cols = ", ".join("s." + c.strip() for c in self._STORY_COLS.split(","))
        rows = conn.execute(f"SELECT {cols} FROM stories s{join} WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
                            [*args, int(limit), int(offset)]).fetchall()
        return [dict(r) for r in rows], total

    def story_row(self, story_id: str) -> StoryRow | None:
        r = self._conn().execute(f"SELECT {self._STORY_COLS} FROM stories WHERE id = ?", (story_id,)).fetchone()
        return dict(r) if r else None

    def get_entity(self, entity: str, *, limit: int = 100) -> dict[str, Any] | None:
        """An entity by id (or, failing that, by name in any case) with the stories it appears in,
        most recently updated first (of those updated together, the one with the most articles naming it):
        {"id", "name", "label", "aliases", "stories": [story rows + articles], "total": how many stories
        name it, of which ``stories`` lists at most ``limit``}."""
        found = self._entity_ids(entity)
        if found is None:
            return None
        eid, name, label, ids = found
        conn = self._conn()
        marks = ",".join("?" * len(ids))
        cols = ", ".join("s." + c.strip() for c in self._STORY_COLS.split(","))
        stories = conn.execute(
            f"SELECT {cols}, MAX(e.articles) AS entity_articles FROM story_entities e JOIN stories s ON s.id = e.story_id "
            f"WHERE e.entity_id IN ({marks}) GROUP BY s.id ORDER BY s.updated DESC, entity_articles DESC, s.id LIMIT ?",
            (*ids, int(limit))).fetchall()
        total = len(stories) if len(stories) < limit else int(conn.execute(
            f"SELECT COUNT(DISTINCT s.id) FROM story_entities e JOIN stories s ON s.id = e.story_id "
            f"WHERE e.entity_id IN ({marks})", ids).fetchone()[0])
        names = [r[0] for r in conn.execute(
            f"SELECT DISTINCT name FROM story_entities WHERE entity_id IN ({marks}) LIMIT 20", ids)]
        names += self._brief_aliases(eid, [r["id"] for r in stories[:20]])
        return {"id": eid, "name": name, "label": label,
                "aliases": [n for n in dict.fromkeys(names) if n != name][:20],
                "stories": [dict(r) for r in stories], "total": total}

    def _entity_ids(self, entity: str) -> tuple[str, str, str, list[str]] | None:
        """(id, name, label, ids) of the entity ``entity`` names (an id, or a name in any case: its name
        or any spelling the briefs list, for the entity that most stories write it for, whether as its
        name or as another spelling; on a tie, the one it is the name of: "Putin" is Vladimir Putin of six
        stories, not a "Putin" one story's tagger took for a place; failing those, a name spelled alike,
        accents folded: ``spelled_alike``, "orsted" for "Ørsted"); ``ids``: its id and those of the
        same entity under another spelling in other stories ("Muammar Gaddafi" beside "Moammar Gadhafi")."""
        conn = self._conn()
        rows = conn.execute("SELECT entity_id, name, label FROM story_entities WHERE entity_id = ? LIMIT 1",
                            (entity,)).fetchall()
        if not rows:  # (a brief's names hold each entity's own name beside its other spellings)
            rows = conn.execute(
                "SELECT e.entity_id, e.name, e.label FROM story_entity_names n JOIN story_entities e "
                "ON e.story_id = n.story_id AND e.entity_id = n.entity_id WHERE n.name = ? COLLATE NOCASE "
                "GROUP BY e.entity_id ORDER BY COUNT(*) DESC, MAX(e.name = ? COLLATE NOCASE) DESC, e.entity_id "
                "LIMIT 1", (entity, entity)).fetchall()
        if not rows:  # a store whose names table misses a brief's own names
            rows = conn.execute("SELECT entity_id, name, label FROM story_entities WHERE name = ? COLLATE NOCASE "
                                "LIMIT 1", (entity,)).fetchall()
        if not rows:  # another spelling of a name, its accents left off ("orsted" for "Ørsted"), as the filter finds it
            rows = conn.execute(
                "SELECT e.entity_id, e.name, e.label FROM story_entity_names n JOIN story_entities e "
                "ON e.story_id = n.story_id AND e.entity_id = n.entity_id WHERE n.sound = ? AND spelled_alike(n.name, ?) "
                "GROUP BY e.entity_id ORDER BY COUNT(*) DESC, e.entity_id LIMIT 1", (name_sound(entity), entity)).fetchall()
        if not rows:
            return None
        eid, name, label = rows[0]
        ids = list(dict.fromkeys([eid, *(r[0] for r in conn.execute(
            "SELECT DISTINCT n.entity_id FROM story_entity_names n JOIN story_entities e ON e.story_id = n.story_id "
            "AND e.entity_id = n.entity_id WHERE n.sound = ? AND spelled_alike(n.name, ?) AND e.label = ? LIMIT 50",
            (name_sound(name), name, label)))]))
        return eid, name, label, ids

    def _brief_aliases(self, entity_id: str, story_ids: list[str]) -> list[str]:
        """The names (aliases, spellings) the briefs of ``story_ids`` give entity ``entity_id``, each
        brief's in its own order (``story_entity_names``, which ``put_brief`` fills)."""
        if not story_ids:
            return []
        q = (f"SELECT name FROM story_entity_names WHERE entity_id = ? AND story_id IN "
             f"({','.join('?' * len(story_ids))}) ORDER BY rowid")
        return [r[0] for r in self._conn().execute(q, [entity_id, *story_ids])]

    def article_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id -> text, for the given ids (those that exist)."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, str] = {}
        for chunk, marks in _in_chunks(ids):
            out.update((r[0], r[1]) for r in self._conn().execute(f"SELECT id, text FROM articles WHERE id IN ({marks})",
                                                                  chunk))
        return out

    def get_brief_json(self, story_id: str) -> str | None:
        """The stored brief as its JSON text (no parsing), or None."""
        r = self._conn().execute("SELECT json FROM briefs WHERE story_id = ?", (story_id,)).fetchone()
        return r[0] if r else None

    def story_teasers(self, ids: Iterable[str]) -> dict[str, str]:
        """Story id -> the first sentence of its brief's summary (read inside SQLite, no JSON parsing here)."""
        return {sid: first[0] for sid, first in self.story_openings(ids, 1).items()}

    def story_openings(self, ids: Iterable[str], n: int = 2) -> dict[str, list[str]]:
        """Story id -> the first ``n`` sentences of its brief's summary (read inside SQLite, no JSON
        parsing here); a story whose summary is empty is left out."""
        ids = list(ids)
        if not ids or n < 1:
            return {}
        cols = ", ".join(f"json_extract(json, '$.summary[{i}].text')" for i in range(n))
        q = f"SELECT story_id, {cols} FROM briefs WHERE story_id IN ({','.join('?' * len(ids))})"
        out = {r[0]: [t for t in r[1:] if t] for r in self._conn().execute(q, ids)}
        return {sid: texts for sid, texts in out.items() if texts}

    def data_version(self) -> int:
        """SQLite's data_version of this thread's connection: it changes when any other connection
        (thread or process) commits to the store. Used by serve to know when cached pages are stale."""
        conn = self._conn()   # (one opened again counts as a change: its own counter starts again)
        return int(conn.execute("PRAGMA data_version").fetchone()[0]) + (self._reopened << 32)

    def unassigned_count(self) -> int:
        """Articles stored but not yet in a story."""
        return int(self._conn().execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0])

    def pending_count(self) -> int:
        """Articles stored but not yet in a story, plus stories whose brief is out of date."""
        conn = self._conn()
        a = conn.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0]
        s = conn.execute("SELECT COUNT(*) FROM stories WHERE dirty = 1").fetchone()[0]
        return int(a) + int(s)
    # -- grouping state ---------------------------------------------------------------------------
    # The online clusterer's state: global counts in kv "grouping.globals" (a compressed blob),
    # one row of story_state per OPEN story (closed stories lose their row, so loading the state costs
    # the open stories, not the corpus), article_sigs for the near-duplicate index, story_events for
    # late merges.
    def load_grouping(self) -> tuple[bytes | None, list[bytes], list[tuple[str, str, bytes]]]:
        """(globals blob or None, open story blobs, (article id, story id, signature) of open stories)."""
        conn = self._conn()
        g = conn.execute("SELECT value FROM kv WHERE key = 'grouping.globals'").fetchone()
        stories = [bytes(r[0]) for r in conn.execute("SELECT state FROM story_state ORDER BY story_id")]
        sigs = [(r[0], r[1], bytes(r[2])) for r in conn.execute(
            "SELECT s.article_id, a.story_id, s.sig FROM story_state t JOIN articles a ON a.story_id = t.story_id "
            "JOIN article_sigs s ON s.article_id = a.id ORDER BY a.seq")]
        return _globals_blob(g[0] if g else None), stories, sigs

    def save_grouping(self, *, globals_blob: bytes, assignments: dict[str, str], duplicates: dict[str, str],
                      states: dict[str, bytes], closed: Sequence[str], sigs: dict[str, bytes],
                      events: Sequence[tuple[str, str, str, str, Sequence[str]]]) -> None:
        """Store one clustering step in one transaction: the late changes first, in their order
        ("merge": (kind, kept, absorbed, detail JSON, ()); "split": (kind, story, new story, detail
        JSON, the articles that moved to the new story)), then the new assignments, the open
        stories' states, closed stories, signatures, globals."""
        now = _now()
        changed: set[str] = set()
        gone: set[str] = set()
        with self.transaction() as c:
            for kind, keep, other, detail, moved in events:
                if kind == "merge":
                    c.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, other))
                    _empty_story(c, other)
                    gone.add(other)
                elif kind == "split":
                    c.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(other, aid) for aid in moved])
                    _touch_story(c, other, now, size=False)
                    changed.add(other)
                else:
                    raise ValueError(f"unknown story event kind {kind!r}")
                c.execute("INSERT INTO story_events (at, kind, story_id, other_id, detail) VALUES (?, ?, ?, ?, ?)",
                          (now, kind, keep, other, detail))
                _touch_story(c, keep, now, size=False)
                changed.add(keep)
            for aid, sid in assignments.items():
                c.execute("UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?",
                          (sid, duplicates.get(aid), aid))
            changed = (changed | set(assignments.values())) - gone
            for sid in sorted(changed):
                _touch_story(c, sid, now)
            c.executemany("INSERT INTO story_state (story_id, state, updated) VALUES (?, ?, ?) "
                          "ON CONFLICT(story_id) DO UPDATE SET state = excluded.state, updated = excluded.updated",
                          [(sid, blob, now) for sid, blob in states.items()])
            c.executemany("DELETE FROM story_state WHERE story_id = ?", [(sid,) for sid in closed])
            c.executemany("INSERT OR REPLACE INTO article_sigs (article_id, sig) VALUES (?, ?)", list(sigs.items()))
            _put_globals(c, globals_blob)

    def renew_signatures(self, sigs: Mapping[str, bytes]) -> None:
        """Replace the near-duplicate signatures of articles already grouped (a revised article's,
        of its new words); an article not grouped yet gets its signature when it is."""
        with self.transaction() as c:
            c.executemany("UPDATE article_sigs SET sig = ? WHERE article_id = ?",
                          [(sig, aid) for aid, sig in sigs.items()])

    def select_articles(self, *, ids: Sequence[str] = (), story: str | None = None, source: str | None = None,
                        before: str | None = None) -> list[str]:
        """The ids of the stored articles that match every given selector: ``ids`` (those stored),
        ``story`` (its articles), ``source`` (the source's name, any case), ``before`` (YYYY-MM-DD:
        published before that day, or, without a date, stored before it)."""
        where: list[str] = []
        args: list[Any] = []
        found: dict[str, int] | None = None
        if ids:
            found = {}
            for chunk, marks in _in_chunks(list(dict.fromkeys(ids))):
                found.update((r[0], r[1]) for r in self._conn().execute(
                    f"SELECT id, seq FROM articles WHERE id IN ({marks})", chunk))
        if story is not None:
            where.append("story_id = ?")
            args.append(story)
        if source is not None:
            where.append("source = ? COLLATE NOCASE")
            args.append(source)
        if before is not None:
            where.append("(CASE WHEN published IS NOT NULL AND published != '' THEN substr(published, 1, 10) "
                         "ELSE substr(ingested_at, 1, 10) END) < ?")
            args.append(before)
        if not where:
            return sorted(found, key=found.__getitem__) if found else []
        out = [r[0] for r in self._conn().execute(
            f"SELECT id FROM articles WHERE {' AND '.join(where)} ORDER BY seq", args)]
        return out if found is None else [a for a in out if a in found]

    def article_index(self) -> list[tuple[str, str | None, str | None, str | None]]:
        """(id, published, story id, duplicate of) of every article, in storing order: what a regroup
        reads before it reads the texts."""
        return [(r[0], r[1], r[2], r[3]) for r in self._conn().execute(
            "SELECT id, published, story_id, duplicate_of FROM articles ORDER BY seq")]

    def replace_grouping(self, *, globals_blob: bytes, assignments: dict[str, str], duplicates: dict[str, str],
                         states: dict[str, bytes], sigs: dict[str, bytes], changed: Sequence[str],
                         gone: Mapping[str, str | None], detail: dict[str, Any] | None = None,
                         forget: Sequence[str] = ()) -> None:
        """Replace the whole grouping in one transaction (a regroup): every article's story and
        duplicate mark, the open stories' states, the signatures and the globals. The ``changed``
        stories (new, or whose articles changed) are marked dirty, so that their briefs are rebuilt;
        each story of ``gone`` (none of its articles left in it) is emptied, its brief dropped, and
        a "merge" event leads its id to the story now holding most of its articles, so that its old
        links and ids still lead somewhere (None: its articles were all forgotten; it leads nowhere).
        The articles of ``forget`` are deleted in the same transaction, with their cached analyses.
        Nothing is written when anything fails."""
        now = _now()
        info = json.dumps({"regroup": True, **(detail or {})})
        with self.transaction() as c:
            for chunk, marks in _in_chunks(list(forget)):
                c.execute(f"DELETE FROM analyses WHERE article_id IN ({marks})", chunk)
                c.execute(f"DELETE FROM article_revisions WHERE article_id IN ({marks})", chunk)
                c.execute(f"DELETE FROM article_lines WHERE article_id IN ({marks})", chunk)
                c.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
            c.executemany("UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?",
                          [(sid, duplicates.get(aid), aid) for aid, sid in assignments.items()])
            for old, into in sorted(gone.items()):
                _empty_story(c, old)
                if into is not None:
                    c.execute("INSERT INTO story_events (at, kind, story_id, other_id, detail) "
                              "VALUES (?, 'merge', ?, ?, ?)", (now, into, old, info))
            for sid in sorted(changed):
                _touch_story(c, sid, now, first_seen_from_articles=True)
            c.execute("DELETE FROM story_state")
            c.executemany("INSERT INTO story_state (story_id, state, updated) VALUES (?, ?, ?)",
                          [(sid, blob, now) for sid, blob in sorted(states.items())])
            c.execute("DELETE FROM article_sigs")
            c.executemany("INSERT INTO article_sigs (article_id, sig) VALUES (?, ?)", list(sigs.items()))
            _put_globals(c, globals_blob)

    def story_events(self, story_id: str | None = None) -> list[dict[str, Any]]:
        """Late merges (and splits), oldest first; only those touching ``story_id`` if given."""
        q = "SELECT id, at, kind, story_id, other_id, detail FROM story_events"
        args: tuple[Any, ...] = ()
        if story_id:
            q += " WHERE story_id = ? OR other_id = ?"
            args = (story_id, story_id)
        return [dict(r) | {"detail": json.loads(r["detail"] or "{}")}
                for r in self._conn().execute(q + " ORDER BY id", args)]

    def find_stories(self, ref: str, *, limit: int = 10) -> list[str]:
        """The ids of the stories ``ref`` names: its own id; else the story a merged-away id now lives
        in; else every id that starts with ``ref`` (with or without the ``s-``), at most ``limit``.
        One id means ``ref`` names a story; none or several, that it does not (yet)."""
        ref = ref.strip()
        if not ref:
            return []
        conn = self._conn()
        if conn.execute("SELECT 1 FROM stories WHERE id = ? AND size > 0", (ref,)).fetchone():
            return [ref]
        now = self.merged_into(ref)
        if now is not None:
            return [now]
        low = ref.lower()  # (the ids are lower-case hex digests: "S-AB12" is "s-ab12", as LIKE read it)
        prefixes = {low} if low.startswith("s-") else {low, "s-" + low}
        found: list[str] = []
        for p in sorted(prefixes):
            # (a range of the primary key's index, not LIKE, which reads every row: the server asks this
            # of every id it does not hold)
            found += [r[0] for r in conn.execute(
                "SELECT id FROM stories WHERE id >= ? AND id < ? AND size > 0 ORDER BY id LIMIT ?",
                (p, p + "\U0010ffff", limit))]
        return sorted(set(found))[:limit]

    def merged_into(self, story_id: str) -> str | None:
        """The story a merged-away story now lives in (following later merges up to a story that
        holds articles: a regroup can bring an id merged away long ago back to life), or None if it
        was never merged away."""
        conn = self._conn()
        seen = {story_id}
        cur: str | None = None
        sid = story_id
        for _ in range(1000):
            r = conn.execute("SELECT story_id FROM story_events WHERE kind = 'merge' AND other_id = ? "
                             "ORDER BY id DESC LIMIT 1", (sid,)).fetchone()
            if r is None or r[0] in seen:
                break
            cur = sid = r[0]
            seen.add(sid)
            if conn.execute("SELECT 1 FROM stories WHERE id = ? AND size > 0", (sid,)).fetchone():
                break
        return cur

    def duplicates_in(self, story_id: str) -> dict[str, str]:
        """article id -> the earlier article it copies, for the near-duplicates of one story."""
        return {r[0]: r[1] for r in self._conn().execute(
            "SELECT id, duplicate_of FROM articles WHERE story_id = ? AND duplicate_of IS NOT NULL", (story_id,))}
