"""Bytes to text: encodings, binary detection, size limits. Shared by every reader."""

from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["decode_bytes", "looks_binary", "MAGIC"]

MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}


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
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
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
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(where, f"invalid UTF-16 text ({exc.reason})") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
