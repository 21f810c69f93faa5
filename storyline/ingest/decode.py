"""Bytes to text: encodings, binary detection, size limits. Shared by every reader."""

from __future__ import annotations

import codecs
import os
import zlib

from ..errors import InputError

__all__ = ["Inflater", "decode_bytes", "looks_binary", "path_text", "MAGIC"]

MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}


def path_text(path: str | os.PathLike[str]) -> str:
    """A file's name as text that can be stored and shown: the bytes of a name that are no UTF-8 (a
    name written on a Latin-1 system, "caf\\xe9.txt") kept as \\xNN escapes."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` looks like UTF-16 text written without a BOM (most
    characters ASCII, so every other byte is NUL), else None."""
    head = data[:8192]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def looks_binary(data: bytes, *, lines: bool = False) -> str | None:
    """The reason ``data`` is not text (e.g. "a PNG image"), or None when it looks like text.
    ``lines``: the data is judged line by line later (JSON Lines), so only a known binary format
    rejects the whole file here."""
    head = data[:8192]
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            return f"binary file ({what})"
    if lines:
        return None
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            or utf16_without_bom(data):
        return None
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    if head:
        control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if control / len(head) > 0.05:
            return "binary file (too many control characters)"
    return None


def decode_bytes(data: bytes, where: str, *, lines: bool = False) -> tuple[str, str]:
    """Decode ``data`` to text; returns (text, encoding). UTF-8 first, then UTF-16 by BOM,
    then Windows-1252 / Latin-1, so a Latin-1 file is read rather than dropped. ``lines``: see
    ``looks_binary``."""
    reason = looks_binary(data, lines=lines)
    if reason:
        raise InputError(where, reason)
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # (before UTF-16: FF FE opens both)
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError as exc:
            raise InputError(where, f"invalid UTF-32 text ({exc.reason})") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(where, f"invalid UTF-16 text ({exc.reason})") from exc
    bomless = utf16_without_bom(data)
    if bomless:
        try:
            return data.decode(bomless), bomless
        except UnicodeDecodeError as exc:
            raise InputError(where, f"invalid UTF-16 text ({exc.reason})") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if not lines and _unreadable(text):
        raise InputError(where, "not text in a known encoding (mostly bytes above 127, as in binary data or an "
                                "encoding other than UTF-8, UTF-16, UTF-32 or Windows-1252): convert it to UTF-8")
    return text, encoding


def _unreadable(text: str) -> bool:
    """Whether a text read as Windows-1252 is mostly not Western text: in English, French or German
    most characters are ASCII letters, digits, spaces and marks, whatever the accents."""
    head = text[:8192]
    if len(head) < 40:
        return False
    return sum(1 for c in head if c < "\x80") < 0.7 * len(head)


class Inflater:
    """Gzip data (or one zlib stream, ``gz=False``: HTTP's "deflate") inflated as its bytes arrive,
    member after member of a concatenated gzip, so that neither a large file nor a small bomb is held
    whole. ``feed`` gives what the bytes inflate to, at most ``limit`` + 1 bytes in all when a limit
    is given (``over`` then says it was passed), and raises ``zlib.error`` on bytes that are not what
    they claim. Bytes after a member that open no other are left aside, unless ``strict`` (a file:
    they are read as a member, and fail). ``ended``: the input stopped between members, not in one."""

    def __init__(self, *, gz: bool = True, limit: int | None = None, strict: bool = False) -> None:
        self.gz, self.limit, self.strict = gz, limit, strict
        self.size, self.over, self._fed = 0, False, False
        self._d = self._member()

    def _member(self) -> "zlib._Decompress":
        return zlib.decompressobj(zlib.MAX_WBITS | (16 if self.gz else 0))

    def feed(self, raw: bytes) -> bytes:
        out: list[bytes] = []
        while raw and not self.over:
            piece = self._d.decompress(raw) if self.limit is None else self._d.decompress(raw, self.limit + 1 - self.size)
            self._fed = True
            self.size += len(piece)
            out.append(piece)
            if self.limit is not None and (self._d.unconsumed_tail or self.size > self.limit):
                self.over = True
                break
            raw = self._d.unused_data if self._d.eof and self.gz else b""
            if raw and (self.strict or raw[:2] == b"\x1f\x8b"):   # the next member of a concatenated gzip
                self._d, self._fed = self._member(), False
            else:
                raw = b""   # (bytes after the end of the stream are no part of it)
        return b"".join(out)

    @property
    def ended(self) -> bool:
        return self._d.eof or not self._fed
