"""WARC files (plain or gzipped): every HTML response record becomes an Article."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..records import Article
from .decode import decode_bytes
from .html import parse_html

__all__ = ["read_warc"]


def read_warc(path: Path, *, max_bytes: int = 20_000_000) -> Iterator[Article | InputError]:
    """Articles in the HTML responses of a WARC; other records are skipped, bad ones reported."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:  # pragma: no cover - warcio is a core dependency
        yield InputError(str(path), f"reading WARC needs warcio: pip install warcio ({exc})")
        return
    records = found = 0
    try:
        with path.open("rb") as fh:
            for n, record in enumerate(ArchiveIterator(fh), start=1):
                records = n
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url or n}"
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield InputError(where, f"response is over the {max_bytes / 1e6:.0f} MB limit")
                    continue
                found += 1
                try:
                    text, _ = decode_bytes(data, where)
                    yield parse_html(text, where, url=url)
                except InputError as exc:
                    yield exc
        if records == 0:
            yield InputError(str(path), "no WARC records found (not a WARC file?)")
        elif found == 0:
            yield InputError(str(path), f"none of its {records} records is an HTML response")
    except ArchiveLoadFailed as exc:
        yield InputError(str(path), f"not a readable WARC file ({exc})")
    except (OSError, EOFError, ValueError) as exc:
        yield InputError(str(path), f"WARC file is truncated or corrupt ({type(exc).__name__}: {exc})")
