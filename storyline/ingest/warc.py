"""WARC files (plain or gzipped): every HTML response record with a 2xx status becomes an Article
(error pages and redirects are skipped; one warning counts the responses left aside, and their
types). Each article carries its capture time (the record's
WARC-Date) in ``meta["captured"]``: two captures of one address are two versions of its article,
and the later one is dated by its capture, not by the ingest.

A damaged WARC never stops a batch: the records read before the damage are kept, the reading goes
on at the first whole record after it (a damaged record in the middle costs that record only), and
one error names the file and where it was damaged ("WARC file truncated or corrupt after N records",
"WARC file corrupt after N records (...): the damaged part was left aside; the M records after it
were read"). A
file that is not a WARC at all says so, and warcio's own warnings (written straight to stderr)
are caught and summed up in that error instead.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import InputError, InputWarning
from ..records import Article
from .checks import DEFAULT_MAX_TEXT_BYTES, check_article
from .decode import decode_bytes, path_text
from .html import parse_html

__all__ = ["read_warc"]

_WARC_STARTS = (b"WARC/", b"filedesc://")  # WARC, and the older ARC that warcio also reads


def _head(path: Path, n: int = 64) -> tuple[bytes, bool]:
    """The first ``n`` bytes of the (decompressed) file, b"" when they cannot be read; and whether
    the file is gzipped."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(n)
            if not raw.startswith(b"\x1f\x8b"):
                return raw, False
        with gzip.open(path, "rb") as gz:
            return gz.read(n), True
    except (OSError, EOFError, zlib.error):
        return b"", raw.startswith(b"\x1f\x8b")


def _leftover(path: Path, offset: int) -> bool:
    """Whether anything but blank space follows ``offset``, where the last whole record ended."""
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            while chunk := fh.read(1 << 16):
                if chunk.strip(b"\r\n\t \x00"):
                    return True
    except OSError:
        return False
    return False


def _drain(record: Any) -> bool:
    """Read the rest of the record; False when the file ended before its Content-Length did."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) <= 0


def _status(record: Any) -> str:
    """The HTTP status code of a response record ("200", "404"), "" when it has none."""
    try:
        return str(record.http_headers.get_statuscode() or "") if record.http_headers else ""
    except Exception:  # a damaged status line: let the page speak for itself
        return ""


def _media_type(ctype: str) -> str:
    """"image/png" of "image/png; charset=binary"; "no type" for a response without one."""
    return ctype.split(";")[0].strip().lower() or "no type"


def _left_aside(other_types: Counter[str], not_ok: int) -> str:
    """What the report says of a WARC's responses that are no article: how many, of which types
    (the commonest first), and the HTML error pages and redirects."""
    parts = []
    if other_types:
        kinds = ", ".join(f"{t} {n:,}" for t, n in other_types.most_common(4))
        more = ", ..." if len(other_types) > 4 else ""
        n = sum(other_types.values())
        parts.append(f"{n:,} response{'s' if n != 1 else ''} of another type than HTML ({kinds}{more})")
    if not_ok:
        parts.append(f"{not_ok:,} HTML error or redirect response{'s' if not_ok != 1 else ''}")
    return " and ".join(parts) + " left aside: no article in them"


def _cut(records: int, detail: str) -> str:
    return f"WARC file truncated or corrupt after {records} record{'s' if records != 1 else ''} ({detail})"


_RESYNC_CHUNK = 1 << 20


def _next_record_start(path: Path, after: int, gzipped: bool) -> int | None:
    """Where the first whole record after byte ``after`` begins: a gzip member whose data opens with a
    WARC header (a ``.warc.gz`` holds one record a member), or a "WARC/1." line; None when none does
    (the damage runs to the end: a file cut short). One pass over the rest of the file."""
    mark = b"\x1f\x8b\x08" if gzipped else b"\nWARC/1."
    try:
        with path.open("rb") as fh:
            fh.seek(after)
            tail, pos = b"", after
            while chunk := fh.read(_RESYNC_CHUNK):
                buf, base = tail + chunk, pos - len(tail)
                i = buf.find(mark)
                while i >= 0:
                    start = base + i + (0 if gzipped else 1)
                    if start > after and _opens_record(path, start, gzipped):
                        return start
                    i = buf.find(mark, i + 1)
                pos += len(chunk)
                tail = buf[-len(mark):]
    except OSError:
        return None
    return None


def _opens_record(path: Path, start: int, gzipped: bool) -> bool:
    """Whether a WARC record header begins at byte ``start`` (inside a gzip member that begins there)."""
    try:
        with path.open("rb") as fh:
            fh.seek(start)
            raw = fh.read(4096)
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 64) if gzipped else raw
    except (OSError, zlib.error):
        return False
    return head.startswith(b"WARC/")


def _damaged(spots: list[tuple[int, str]], after: int) -> str:
    """The error of a WARC read past damaged places (``spots``: the records read before each, and what
    was wrong), ``after`` records read after the first."""
    (first, detail), more = spots[0], len(spots) - 1
    where = f"in {len(spots)} places, the first " if more else ""
    return (f"WARC file corrupt {where}after {first} record{'s' if first != 1 else ''} ({detail}): the damaged "
            f"part{'s were' if more else ' was'} left aside; the {after} record{'s' if after != 1 else ''} "
            f"after {'them' if more else 'it'} were read")


def read_warc(path: Path, *, max_bytes: int = 20_000_000, max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES,
              at: Callable[[int], None] | None = None) -> Iterator[Article | InputError]:
    """Articles in the HTML responses of a WARC; other records are skipped, bad ones reported. ``at``
    hears how far into the file (its bytes as stored, gzipped or not) the reading is, after each record."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - warcio is a core dependency
        yield InputError(str(path), f"reading WARC needs warcio: pip install warcio ({exc})")
        return
    where_file = path_text(path)
    head, gzipped = _head(path)
    spots: list[tuple[int, str]] = []   # damaged places read past: (records read before, what was wrong)
    start = 0
    if not head.lstrip(b"\r\n\t ").startswith(_WARC_STARTS):
        resume = _next_record_start(path, 0, gzipped)   # (its first record damaged, whole ones after it)
        if resume is None:
            inside = "its gzip data does not" if gzipped else "it does not"
            yield InputError(where_file, f"not a WARC file ({inside} start with a WARC/ record header)")
            return
        spots.append((0, "its first record is damaged"))
        start = resume
    records = found = not_ok = 0
    other_types: Counter[str] = Counter()   # responses of another type than HTML (images, PDFs, scripts)
    noise = io.StringIO()
    problem: tuple[int, str] | None = None   # (records read before it, what was wrong)
    while True:   # from the file's start, then from the first whole record after each damaged place
        problem, it = None, None
        try:
            with path.open("rb") as fh:
                fh.seek(start)
                it = ArchiveIterator(fh)
                stream = iter(it)
                while True:
                    try:
                        with contextlib.redirect_stderr(noise):
                            record = next(stream)
                    except StopIteration:
                        break
                    n = records + 1
                    if at is not None:
                        at(fh.tell())
                    if record.rec_type != "response":
                        if not _drain(record):
                            problem = (records, f"record {n} is cut short")
                            break
                        records = n
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    where = f"{where_file}#{url or n}"
                    ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                    data = record.content_stream().read(max_bytes + 1) if "html" in ctype.lower() else b""
                    if not _drain(record):
                        problem = (records, f"record {n} is cut short")
                        break
                    records = n
                    if "html" not in ctype.lower():
                        other_types[_media_type(ctype)] += 1
                        continue
                    status = _status(record)
                    if status and not status.startswith("2"):  # an error page or a redirect, not an article
                        not_ok += 1
                        continue
                    if len(data) > max_bytes:
                        yield InputError(where, f"response is over the {max_bytes / 1e6:.0f} MB limit")
                        continue
                    found += 1
                    try:
                        text, _ = decode_bytes(data, where)
                        page = parse_html(text, where, url=url)
                        captured = record.rec_headers.get_header("WARC-Date")
                        if captured:
                            page = replace(page, meta={**page.meta, "captured": str(captured)})
                        yield check_article(page, where, max_text_bytes=max_text_bytes)
                    except InputError as exc:
                        yield exc
                if problem is None and _leftover(path, it.offset):
                    problem = (records, "the next record is cut short")
        except Exception as exc:  # warcio fails in many ways on damaged input (AttributeError included)
            problem = (records, f"{type(exc).__name__} in warcio")
        if problem is None:
            break
        resume = _next_record_start(path, it.offset if it is not None else start, gzipped)
        if resume is None:   # (damaged to its end: cut short)
            break
        spots.append(problem)
        start = resume
    failed = _damaged(spots, records - spots[0][0]) if spots else None
    if problem:
        failed = f"{failed}; and {_cut(*problem)[len('WARC file '):]}" if failed else _cut(*problem)
    if failed:
        yield InputError(where_file, failed)
    elif records == 0:
        yield InputError(where_file, "no WARC records found (not a WARC file?)")
    elif found == 0:
        skipped = f" ({not_ok} HTML error or redirect response{'s' if not_ok != 1 else ''} skipped)" if not_ok else ""
        yield InputError(where_file, f"none of its {records} records is an HTML response{skipped}")
    if found and (other_types or not_ok):
        yield InputWarning(where_file, _left_aside(other_types, not_ok))
    warnings = noise.getvalue().count("WARNING")
    if warnings and not failed:
        yield InputError(where_file, f"{warnings} WARC records are not followed by a blank line "
                                     "(their Content-Length may be wrong); the records were read")
