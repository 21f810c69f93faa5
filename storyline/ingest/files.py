"""Files, folders and globs: find the inputs, read each with the reader its kind needs.

Every reader yields ``Article`` or ``InputError``; a bad input never stops the others.
"""

from __future__ import annotations

import glob
import os
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError, InputWarning, NotAnArticle
from ..records import Article
from .checks import DEFAULT_MAX_TEXT_BYTES, add_warning, check_article
from .decode import Inflater, decode_bytes, path_text
from .html import parse_html
from .jsonl import parse_json, parse_jsonl
from .text import parse_text_article

__all__ = ["expand_paths", "read_path", "iter_articles", "input_size", "nothing_to_read", "KINDS"]

KINDS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".gz": "gzip",
}
DEFAULT_MAX_BYTES = 20_000_000
MAX_GUNZIPPED_BYTES = 2_000_000_000  # a gzipped stream (JSON Lines, feed) is read up to this size
MAX_JSON_BYTES = 500_000_000  # a JSON file of many articles (an array, an export) is parsed whole up to this size
_STREAM_KINDS = {"jsonl", "feed", "warc"}
_PARTIAL_KINDS = {"jsonl", "feed"}   # kinds read up to a cut: the whole lines, the whole items before it
Read = Callable[[int], None]  # hears the bytes of the inputs read since it last heard (a progress bar's unit)


def _teaser_warned(item: Article | InputError, where: str) -> Article | InputError:
    """A feed file's item of a few words (a teaser: a title and a line) is kept, with a warning that
    its linked page was not read, as it is when the feed is read from its address."""
    from .web import TEASER_WORDS

    if isinstance(item, Article) and len(item.text.split()) < TEASER_WORDS:
        return add_warning(item, where, f"a feed item of fewer than {TEASER_WORDS} words, likely a teaser: its "
                                        "linked page was not read (give the feed's address to read the pages)")
    return item


def _kind(path: Path) -> str | None:
    """The reader a file needs, by its name: ``x.warc.gz`` is a WARC, ``x.jsonl.gz`` gzipped JSON Lines
    ("gzip" is answered for the latter; ``_inner_kind`` names what is inside)."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    return KINDS.get(path.suffix.lower())


def _inner_kind(path: Path) -> str | None:
    """The kind of what a ``.gz`` file holds, by the name under the ``.gz`` (None: sniff it)."""
    inner = KINDS.get(Path(path.name[:-3]).suffix.lower()) if path.name.lower().endswith(".gz") else None
    return None if inner in ("gzip", "warc") else inner


def _gunzip(path: Path, limit: int) -> tuple[bytes, str | None]:
    """The decompressed bytes of a gzip file (at most ``limit`` + 1), and the problem that stopped
    reading (None when it read to the end). What was read before a problem is kept, however little
    (the file is decompressed as a stream, member after member)."""
    chunks: list[bytes] = []
    inflate = Inflater(strict=True)
    first = b""
    try:
        with path.open("rb") as fh:
            while inflate.size <= limit:
                raw = fh.read(1 << 16)
                if not raw:
                    break
                first = first or raw
                chunks.append(inflate.feed(raw))
            else:
                return b"".join(chunks), f"decompressed size over the {limit / 1e6:,.0f} MB limit; the rest was not read"
    except zlib.error as exc:
        if not chunks and not first.startswith(b"\x1f\x8b"):   # (no gzip header: named .gz, never compressed)
            return b"", "not gzip data, though its name ends in .gz: if it is not compressed, name it without the .gz"
        return b"".join(chunks), f"not a readable gzip file ({exc})"
    except OSError as exc:
        return b"".join(chunks), f"cannot read file ({exc.strerror or exc})"
    if not inflate.ended:  # input ended inside a member
        return b"".join(chunks), "gzip file truncated (the end is missing)"
    return b"".join(chunks), None


def _no_article_files(others: int) -> str:
    names = " ".join(sorted({k for k in KINDS if k != ".gz"}))
    if not others:
        return "empty folder: no files in it"
    return (f"no article files in this folder: its {others} file{'s are' if others != 1 else ' is'} "
            f"not named like one ({names}, .warc.gz or any of them .gz); name a file to read it anyway")


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | str | InputError]:
    """Files named, found under folders (recursively, hidden ones skipped) or matched by globs;
    http(s) URLs are passed on as they are (``str``)."""
    from .web import is_url

    for p in paths:
        s = os.fspath(p)
        if is_url(s):
            yield s.strip()
            continue
        local = _file_url_path(s)
        if isinstance(local, InputError):
            yield local
            continue
        if not s.strip():   # (`storyline ingest "$FOLDER"` with the variable unset: not the current folder)
            yield InputError(repr(s), "an empty path: give a file, a folder or a pattern")
            continue
        path = Path(local or s)
        if s == "-" and not path.exists():
            yield InputError(s, _NO_STDIN)
            continue
        if path.is_dir():
            yield from _walk(path, s)
        elif path.is_file():
            yield path
        elif any(c in s for c in "*?["):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                yield InputError(s, "no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)
                elif Path(m).is_dir():  # a pattern of folders ("data/2024-*"): what they hold
                    yield from _walk(Path(m), m)
        elif path.exists():
            yield InputError(s, _NOT_REGULAR)
        else:
            yield InputError(s, "no such file or folder")


def _file_url_path(s: str) -> str | InputError | None:
    """The path of this machine's file a file: URL names ("file:///data/feed.xml", as a browser's
    address bar shows a local file; "%20" for a space), an error for another host's; None when ``s``
    is no file: URL."""
    if s[:5].lower() != "file:":
        return None
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    parts = urlsplit(s.strip())
    if parts.netloc.lower() not in ("", "localhost"):
        return InputError(s, f"a file URL of another machine ({parts.netloc}): only this machine's files are read")
    return url2pathname(parts.path)


_STORE_FILES = (".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3", ".update-lock")  # a store kept beside its inputs
_NO_STDIN = ("standard input is not read: save it to a file and give the file's name (or POST it to "
             "`storyline serve`'s /api/articles)")
_NOT_REGULAR = "not a regular file or folder (a device, a pipe or a socket): nothing to read"


def _walk(path: Path, s: str) -> Iterator[Path | InputError]:
    """The article files under a folder (recursively, hidden ones skipped); a folder that cannot be
    read is reported, not skipped in silence."""
    found = others = 0
    left: list[str] = []     # files a reader would miss: not hidden, not named like an article
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            fp = Path(root) / f
            if not f.startswith(".") and _kind(fp) is not None:
                found += 1
                yield fp if fp.is_file() or not fp.exists() else InputError(str(fp), _NOT_REGULAR)
            else:
                others += 1
                if not f.startswith(".") and not f.lower().endswith(_STORE_FILES):
                    left.append(os.path.relpath(fp, path))
    for err in unreadable:
        yield InputError(err.filename or s, f"cannot read folder ({err.strerror or err})")
    if found and left:
        shown = ", ".join(left[:3]) + (f" and {len(left) - 3:,} more" if len(left) > 3 else "")
        yield InputWarning(s, f"{len(left):,} file{'s' if len(left) != 1 else ''} not named like articles left "
                              f"aside: {shown} (name a file to read it anyway)")
    if not found and not unreadable:
        yield InputError(s, _no_article_files(others))


def sniff(text: str) -> str:
    """The reader a text needs, from its first characters: jsonl, json, feed, html or text."""
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith(("<?xml", "<rss", "<feed")) and ("<rss" in head or "<feed" in head):
        return "feed"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def _whole_limit(kind: str | None, max_bytes: int) -> int:
    """How large a file read whole may be: one article's limit, or a JSON file's (many articles)."""
    return max(max_bytes, MAX_JSON_BYTES) if kind == "json" else max_bytes


def _too_big(where: str, size: int, limit: int, kind: str | None = None) -> InputError:
    if kind == "json":
        return InputError(where, f"JSON file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for one "
                                 "JSON document: write it as JSON Lines (one article per line), which is read as a stream")
    return InputError(where, f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit "
                             "for one article (set max_article_bytes to raise it)")


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES, read: Read | None = None) -> Iterator[Article | InputError]:
    """Every article in one file, or errors naming the file (and line) and the reason.

    ``max_bytes`` bounds a file read as one article (and a JSON line); ``max_text_bytes`` the text
    of any one article. ``read`` hears the file's bytes as they are read, in increments that add up to
    its size: while a WARC or a JSON Lines file is read (its records, its lines), else once it is read."""
    told = _Told(read, path)
    yield from _read_path(path, max_bytes, max_text_bytes, told)
    told.at_end()


class _Told:
    """What ``read`` has heard of one file: the bytes of it read so far, told in increments, never past
    its size (a reader's measure of how far it is, ``at``, in bytes of the file or a share of its text)."""

    def __init__(self, read: Read | None, path: Path) -> None:
        self.read, self.done = read, 0
        try:
            self.size = path.stat().st_size if read is not None else 0
        except OSError:
            self.size = 0

    def at(self, done: int, of: int | None = None) -> None:
        """``done`` bytes of the file read, or ``done`` of ``of`` units (characters of its text)."""
        if self.read is None:
            return
        now = min(self.size, done if of is None else self.size * done // max(1, of))
        if now > self.done:
            self.read(now - self.done)
            self.done = now

    def at_end(self) -> None:
        self.at(self.size)


def _read_path(path: Path, max_bytes: int, max_text_bytes: int, told: _Told) -> Iterator[Article | InputError]:
    where = path_text(path)
    kind = _kind(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(where, f"cannot read file ({exc.strerror})")
        return
    if size == 0:
        yield NotAnArticle(where, "empty file")
        return
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, max_bytes=max_bytes, max_text_bytes=max_text_bytes, at=told.at)
        return
    gz_problem: str | None = None
    if kind == "gzip":
        kind = _inner_kind(path)
        limit = _whole_limit(kind, max_bytes) if kind is not None and kind not in _STREAM_KINDS else MAX_GUNZIPPED_BYTES
        data, gz_problem = _gunzip(path, limit)
        if data.startswith(b"WARC/") and kind is None:
            from .warc import read_warc

            yield from read_warc(path, max_bytes=max_bytes, max_text_bytes=max_text_bytes, at=told.at)
            return
        if kind is not None and kind not in _STREAM_KINDS and len(data) > _whole_limit(kind, max_bytes):
            yield _too_big(where, len(data), _whole_limit(kind, max_bytes), kind)
            return
        if gz_problem and kind is None:   # (told before the cut, which is made by the kind: a line, a tag)
            kind = sniff(data[:2048].decode("utf-8-sig", "ignore"))
        if gz_problem and kind is not None and kind not in _PARTIAL_KINDS:  # (a whole article cut short)
            yield InputError(where, gz_problem)
            return
        if gz_problem:  # the last line, the last tag may be cut (inside a character, too)
            data = data[: data.rfind(b"\n") + 1] if kind == "jsonl" else data[: data.rfind(b">") + 1]
        if not data.strip():
            if not gz_problem:
                yield NotAnArticle(where, "empty file (once decompressed)")
            else:
                yield InputError(where, gz_problem)
            return
    else:
        if kind not in _STREAM_KINDS and size > _whole_limit(kind, max_bytes):
            yield _too_big(where, size, _whole_limit(kind, max_bytes), kind)
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(where, f"cannot read file ({exc.strerror})")
            return
    try:
        text, encoding = decode_bytes(data, where, lines=kind == "jsonl")
    except InputError as exc:
        yield exc
        return
    if kind is None:
        kind = sniff(text)
    if kind == "jsonl":
        yield from _or_said_empty(parse_jsonl(text, where, max_line_bytes=max_bytes, max_text_bytes=max_text_bytes,
                                              at=lambda n: told.at(n, len(text))),
                                  where, "no article in it: only blank lines" if not gz_problem else None)
        if gz_problem:
            yield InputError(where, f"{gz_problem}; the complete lines before it were read")
    elif kind == "json":
        yield from _or_said_empty(parse_json(text, where, max_text_bytes=max_text_bytes), where,
                                  "no article in it: an empty JSON array")
    elif kind == "feed":
        from .feeds import parse_feed

        items = 0
        for n, item in enumerate(parse_feed(text, where, max_text_bytes=max_text_bytes), start=1):
            if gz_problem and isinstance(item, InputError) and item.where == where:
                continue   # (the feed cut short, as the gzip's problem says below)
            items += 1
            yield _teaser_warned(item, f"{where}#item{n}")
        if gz_problem:   # a gzipped feed cut short: its whole items are read, as a plain one's are
            yield InputError(where, gz_problem + (f"; the {items} whole item(s) before it were read" if items else ""))
    else:
        try:
            if kind == "html":
                article = parse_html(text, where)
            else:
                article = parse_text_article(text, where, source=path_text(path.stem))
            article = check_article(article, where, max_text_bytes=max_text_bytes)
        except InputError as exc:
            yield exc
            return
        if encoding not in ("utf-8", "utf-8-sig"):
            article = _with_meta(article, encoding=encoding)
        yield article


def _or_said_empty(items: Iterator[Article | InputError], where: str,
                   reason: str | None) -> Iterator[Article | InputError]:
    """``items``, or, when there are none (a file of blank lines, an empty array), one NotAnArticle
    naming the file and ``reason``: a file that gives nothing is never passed over in silence."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty and reason:
        yield NotAnArticle(where, reason)


def _with_meta(article: Article, **extra: object) -> Article:
    from dataclasses import replace

    return replace(article, meta={**article.meta, **extra})


def iter_articles(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
                  known: Callable[[Article], bool] | None = None,
                  read: Read | None = None) -> Iterator[Article | InputError]:
    """All articles under ``paths`` (files, folders, globs, http(s) URLs of feeds, pages or JSON
    exports), with an InputError for each bad input. ``known(item)``: a feed item already
    stored, as the feed now states it, is skipped before its linked page is fetched. ``read`` hears the
    bytes of the files read as they are read (``read_path``; of ``input_size`` in all)."""
    for p in expand_paths(paths):
        if isinstance(p, InputError):
            yield p
        elif isinstance(p, str):
            from .web import read_url

            yield from read_url(p, max_bytes=max_bytes, max_text_bytes=max_text_bytes, known=known)
        else:
            yield from read_path(p, max_bytes=max_bytes, max_text_bytes=max_text_bytes, read=read)


def nothing_to_read(paths: Iterable[str | os.PathLike[str]]) -> list[InputError]:
    """Why none of ``paths`` names anything to read (each a missing file, an empty folder, a pattern
    that matches nothing...), or [] as soon as one names a file or an http(s) URL (the rest is not
    walked): a command can say so before it begins, rather than after a run that read nothing."""
    errors: list[InputError] = []
    for p in expand_paths(paths):
        if not isinstance(p, InputError):
            return []
        if not isinstance(p, InputWarning):
            errors.append(p)
    return errors


def input_size(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """The bytes of the files ``iter_articles(paths)`` reads (those named, under folders, matched by
    globs), counted as the folders are walked, not listed; None when an http(s) URL is among ``paths``
    (its size is known only once it is fetched). The total of a progress bar of ``read``."""
    total = 0
    for p in expand_paths(paths):
        if isinstance(p, str):
            return None
        if isinstance(p, Path):
            try:
                total += p.stat().st_size
            except OSError:
                pass
    return total
