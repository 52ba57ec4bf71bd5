"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1252 only when the
bytes clearly are that; anything else is reported, never guessed."""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

from detente.errors import BinaryInput, EncodingError

# Signatures of common binary formats, so the report can say what the file is.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
# Windows-1252 characters that English news text plausibly holds besides Latin letters.
_CP1252_PUNCT = set("‘’“”–—…•€£¢¥§©®°±·×÷¼½¾¿¡«»")


class Decoded(NamedTuple):
    text: str
    encoding: str


def binary_kind(head: bytes) -> str | None:
    """What binary content ``head`` (the first bytes of a file) is, or None for text."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        return "binary content"
    return None


def decode(data: bytes, *, origin: str) -> Decoded:
    """Text of ``data``; ``BinaryInput`` or ``EncodingError`` when it cannot be read safely."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, origin=origin)
    kind = binary_kind(data[:8192])
    if kind:
        raise BinaryInput(f"{kind}, not text", origin=origin)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        fallback = clear_cp1252(data)
        if fallback is None:
            raise EncodingError(
                f"not valid UTF-8 (byte {error.start}) and not clearly Windows-1252",
                origin=origin,
            ) from error
        return Decoded(fallback, "cp1252")


def _decode_utf16(data: bytes, *, origin: str) -> Decoded:
    try:
        return Decoded(data.decode("utf-16"), "utf-16")
    except UnicodeDecodeError as error:
        raise EncodingError(f"broken UTF-16 (byte {error.start})", origin=origin) from error


def clear_cp1252(data: bytes) -> str | None:
    """``data`` as Windows-1252 when it clearly is: mostly ASCII, each non-ASCII byte alone
    between ASCII ones (UTF-8 and other multi-byte encodings come in runs) and decoding to a
    letter or common punctuation. None otherwise."""
    runs = _HIGH_RUN.findall(data)
    if not runs or sum(map(len, runs)) > max(3, len(data) * 0.15):
        return None
    if any(len(run) > 1 for run in runs):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = {
        char
        for char in text
        if ord(char) > 127
        and char not in _CP1252_PUNCT
        and not unicodedata.category(char).startswith("L")
    }
    return None if odd else text
