"""Streams and containers: zip, gzip and WARC/WET read record by record, never whole.

Readers here hand each member (a stream) or each web record back to a callback, so archives
nest: a ``.jsonl.gz`` inside a ``.zip`` is read line by line.
"""

from __future__ import annotations

import gzip
import io
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, TypeVar, cast

from detente.errors import TooLarge
from detente.ingest.sniff import EXTENSIONS
from detente.records import Skipped

Stream = IO[bytes]
Opts = TypeVar("Opts")
Out = TypeVar("Out")
Member = Callable[[Stream, str, str, Opts], Iterator[Out]]


class BrokenArchive(OSError):
    """A container whose bytes are corrupt or cut short."""


# What reading a corrupt or truncated container raises.
BROKEN = (zipfile.BadZipFile, EOFError, zlib.error, OSError)
SPOOL_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebRecord:
    """The payload of one WARC response or WET conversion record."""

    content: bytes
    content_type: str
    uri: str | None
    origin: str


class _Prefixed(io.RawIOBase):
    """A stream that yields ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: Stream) -> None:
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: Stream, size: int) -> tuple[bytes, Stream]:
    """The first ``size`` bytes, and a stream that still starts at them."""
    # GzipFile says it can seek, but seeking back rewinds its source, which may not seek.
    if stream.seekable() and not isinstance(stream, gzip.GzipFile):
        position = stream.tell()
        head = _read_up_to(stream, size)
        stream.seek(position)
        return head, stream
    head = _read_up_to(stream, size)
    return head, io.BufferedReader(_Prefixed(head, stream))


def _read_up_to(stream: Stream, size: int) -> bytes:
    parts, left = [], size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_bounded(stream: Stream, limit: int, origin: str) -> bytes:
    """All of ``stream``, or ``TooLarge`` when it holds more than ``limit`` bytes."""
    data = _read_up_to(stream, limit + 1)
    if len(data) > limit:
        raise TooLarge(f"over the size limit of {limit:,} bytes", origin=origin)
    return data


def numbered_lines(
    stream: Stream, limit: int, *, keep_ends: bool = False
) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; a line longer than ``limit`` comes as None, unread."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(stream)
            yield number, None
            continue
        yield number, line if keep_ends else line.rstrip(b"\r\n")


def _skip_line(stream: Stream) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def wanted_member(name: str) -> bool:
    """Archive members worth reading: known extensions and extension-less files."""
    path = PurePosixPath(name)
    if any(part.startswith((".", "__MACOSX")) for part in path.parts):
        return False
    return not path.suffix or path.suffix.lower() in EXTENSIONS


def read_zip(
    stream: Stream, origin: str, member: Member[Opts, Out], options: Opts
) -> Iterator[Out]:
    """Each wanted member of a zip archive, streamed to ``member``."""
    if stream.seekable():
        yield from _zip_members(stream, origin, member, options)
        return
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        shutil.copyfileobj(stream, spool)
        spool.seek(0)
        yield from _zip_members(cast(Stream, spool), origin, member, options)


def _zip_members(
    stream: Stream, origin: str, member: Member[Opts, Out], options: Opts
) -> Iterator[Out]:
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            if info.is_dir() or not wanted_member(info.filename):
                continue
            with archive.open(info) as opened:
                yield from member(opened, info.filename, f"{origin}!{info.filename}", options)


def read_gzip(
    stream: Stream, name: str, origin: str, member: Member[Opts, Out], options: Opts
) -> Iterator[Out]:
    """The one stream inside a gzip file; the inner format comes from the name without .gz."""
    lower = name.lower()
    inner = name[:-3] if lower.endswith(".gz") else ""
    if lower.endswith(".tgz"):
        inner = name[:-4] + ".tar"
    with gzip.GzipFile(fileobj=stream, mode="rb") as unpacked:
        yield from member(cast(Stream, unpacked), inner, origin, options)


def read_warc(stream: Stream, origin: str, limit: int) -> Iterator[WebRecord | Skipped]:
    """HTML responses (WARC) and text conversions (WET), one record at a time."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
            if not record.rec_type:
                raise BrokenArchive(f"record {number} has no WARC-Type")
            found = _web_record(record, origin, number)
            if found is None:
                continue
            body = _read_up_to(record.content_stream(), limit + 1)
            if len(body) > limit:
                yield Skipped(found.origin, TooLarge.reason, f"record over {limit:,} bytes")
            else:
                yield WebRecord(body, found.content_type, found.uri, found.origin)
    except (ArchiveLoadFailed, AttributeError, ValueError) as error:
        # warcio fails on some malformed headers with AttributeError or ValueError
        raise BrokenArchive(f"not a readable WARC: {error}") from error


def _web_record(record: object, origin: str, number: int) -> WebRecord | None:
    """The record's type and address when it holds an article candidate, else None."""
    headers = record.rec_headers  # type: ignore[attr-defined]
    kind = record.rec_type  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    if kind == "response" and http is not None:
        if not http.get_statuscode().startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    elif kind in ("conversion", "resource"):
        content_type = headers.get_header("Content-Type") or "text/plain"
    else:
        return None
    if "html" not in content_type and "text/plain" not in content_type:
        return None
    uri = headers.get_header("WARC-Target-URI")
    return WebRecord(b"", content_type.lower(), uri, f"{origin}!{uri or f'record {number}'}")
