"""Read articles from files, folders and streams of every supported format.

Plain text, JSONL/JSON, CSV, saved web pages, RSS/Atom feeds, WARC/WET, and ``.zip``/``.gz`` of
any of these. The format comes from the file's signature bytes, then its extension, then its
content (``sniff``). Files are streamed: a record file or an archive is never read whole.

Every item becomes an ``Article`` or a ``Skipped`` report (origin, reason, message); a bad item
never stops the batch. Origins name the file, then ``:line`` for records, ``#n`` for feed items
and JSON array elements, and ``!member`` inside archives.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from detente.errors import InputError, MalformedRecord, TooLarge
from detente.ingest import archives
from detente.ingest.articles import build_article, page_article
from detente.ingest.decode import binary_kind, decode
from detente.ingest.feeds import FeedItem, parse_feed
from detente.ingest.html import Page, extract_page
from detente.ingest.options import ReadOptions
from detente.ingest.sniff import EXTENSIONS, HEAD_BYTES, Format, detect
from detente.records import Article, Skipped

Item = Article | Skipped
Stream = IO[bytes]


def read_paths(
    paths: Iterable[str | Path], *, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles from files and folders (folders are walked in name order)."""
    options = options or ReadOptions()
    for raw in paths:
        if str(raw).startswith(("http://", "https://")):
            yield Skipped(str(raw), "remote", "a URL: fetch feeds with `detente watch URL --once`")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p)):
                yield from read_file(child, options=options)
        elif path.exists():
            yield from read_file(path, options=options)
        else:
            yield Skipped(str(path), "missing", "no such file or folder")


def _wanted(path: Path) -> bool:
    """Files a folder walk reads: known extensions, and extension-less files (sniffed)."""
    return not path.name.startswith(".") and (not path.suffix or path.suffix.lower() in EXTENSIONS)


def read_file(path: Path, *, options: ReadOptions | None = None) -> Iterator[Item]:
    options = options or ReadOptions()
    try:
        stream = path.open("rb")
    except OSError as error:
        yield Skipped(str(path), "unreadable", str(error))
        return
    with stream:
        yield from read_stream(stream, name=path.name, origin=str(path), options=options)


def read_bytes(
    data: bytes, *, name: str, origin: str, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles from bytes in memory (format from ``name`` and the content)."""
    yield from read_stream(io.BytesIO(data), name=name, origin=origin, options=options)


def read_stream(
    stream: Stream, *, name: str, origin: str, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles from a binary stream, dispatched on its format."""
    options = options or ReadOptions()
    head, stream = archives.peek(stream, HEAD_BYTES)
    kind = detect(name, head)
    options.stats.formats[kind] += 1
    reader = _READERS[kind]
    try:
        yield from reader(stream, name, origin, options)
    except InputError as error:
        yield Skipped(error.origin or origin, error.reason, str(error))
    except archives.BROKEN as error:
        yield Skipped(origin, "unreadable", f"broken {kind} data: {error}")


def _read_member(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    return read_stream(stream, name=name, origin=origin, options=options)


def _binary(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    head, _ = archives.peek(stream, HEAD_BYTES)
    yield Skipped(origin, "binary", f"{binary_kind(head) or 'binary content'}, not text")


def _text(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    text = _decoded(archives.read_bounded(stream, options.max_text_bytes, origin), origin, options)
    yield _guard(origin, build_article, text, options, origin=origin, headline=True)


def _html(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    data = archives.read_bounded(stream, options.max_page_bytes, origin)
    kind = binary_kind(data[:HEAD_BYTES])
    if kind:
        yield Skipped(origin, "binary", f"{kind}, not a web page")
        return
    yield _guard(origin, _page_article, data, None, options, origin)


def _feed(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    data = archives.read_bounded(stream, options.max_page_bytes, origin)
    for number, item in enumerate(parse_feed(data, origin=origin), start=1):
        where = f"{origin}#{number}"
        yield _guard(where, feed_article, item, options, where)


def _page_article(data: bytes, url: str | None, options: ReadOptions, origin: str) -> Article:
    return page_article(extract_page(data, url=url), options, origin=origin)


def feed_article(
    item: FeedItem, options: ReadOptions, origin: str, *, page_text: str | None = None
) -> Article:
    """An article from a feed item: the full page's text when given, else the item's summary."""
    return build_article(page_text or item.summary, options, origin=origin, meta=item.meta)


def _json(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    head, stream = archives.peek(stream, 64)
    if not head.lstrip().startswith(b"["):
        yield from _jsonl(stream, name, origin, options)
        return
    data = archives.read_bounded(stream, options.max_page_bytes, origin)
    try:
        records = json.loads(_decoded(data, origin, options))
    except json.JSONDecodeError as error:
        raise MalformedRecord(f"invalid JSON: {error.msg} (line {error.lineno})") from error
    for number, record in enumerate(records if isinstance(records, list) else [records], 1):
        where = f"{origin}#{number}"
        yield _guard(where, record_article, record, where, options)


def _jsonl(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    for number, line in archives.numbered_lines(stream, options.max_text_bytes):
        where = f"{origin}:{number}"
        if line is None:
            yield Skipped(where, TooLarge.reason, "line over the size limit")
            continue
        if line.strip():
            yield _guard(where, _json_record, line, where, options)


def read_jsonl(text: str, *, origin: str, options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles from JSONL text: one JSON object per line."""
    options = options or ReadOptions()
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{origin}:{number}"
        if line.strip():
            yield _guard(where, _json_record, line, where, options)


def _json_record(line: str | bytes, origin: str, options: ReadOptions) -> Article:
    text = line if isinstance(line, str) else _decoded(line, origin, options)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedRecord(f"invalid JSON: {error.msg}", origin=origin) from error
    return record_article(record, origin, options)


def _csv(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(options.max_text_bytes)
    lines = _CsvLines(stream, origin, options)
    reader = csv.DictReader(lines)
    try:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield Skipped(origin, MalformedRecord.reason, "CSV has no 'text' column")
            return
        first = reader.line_num + 1
        for row in reader:
            where = f"{origin}:{first}"
            bad = lines.bad_between(first, reader.line_num)
            first = reader.line_num + 1
            if bad:
                yield Skipped(where, bad.reason, str(bad))
            else:
                yield _guard(where, record_article, row, where, options)
    except csv.Error as error:
        yield Skipped(f"{origin}:{reader.line_num}", MalformedRecord.reason, f"CSV error: {error}")


class _CsvLines:
    """Decoded lines of a CSV stream; lines that cannot be decoded are remembered by number."""

    def __init__(self, stream: Stream, origin: str, options: ReadOptions) -> None:
        self.lines = archives.numbered_lines(stream, options.max_text_bytes, keep_ends=True)
        self.origin, self.options = origin, options
        self.bad: dict[int, InputError] = {}

    def __iter__(self) -> Iterator[str]:
        for number, line in self.lines:
            if line is None:
                self.bad[number] = TooLarge("line over the size limit")
                yield "\n"
                continue
            try:
                yield _decoded(line, self.origin, self.options)
            except InputError as error:
                self.bad[number] = error
                yield line.decode("utf-8", "replace")

    def bad_between(self, first: int, last: int) -> InputError | None:
        return next((self.bad[n] for n in range(first, last + 1) if n in self.bad), None)


def record_article(record: object, origin: str, options: ReadOptions | None = None) -> Article:
    """An article from a JSON object or CSV row with ``text`` and optional metadata."""
    if not isinstance(record, dict):
        raise MalformedRecord("record is not an object", origin=origin)
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecord("record has no 'text' string", origin=origin)
    meta = Page(
        text="",
        title=_str(record.get("title")),
        published=_str(record.get("published")) or _str(record.get("date")),
        url=_str(record.get("url")),
        source=_str(record.get("source")),
        author=_str(record.get("author")),
    )
    return build_article(text, options or ReadOptions(), origin=origin, meta=meta)


def text_article(text: str, *, origin: str, options: ReadOptions | None = None) -> Article:
    """A plain-text article; a first line that reads as a headline becomes the title."""
    return build_article(text, options or ReadOptions(), origin=origin, headline=True)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _decoded(data: bytes, origin: str, options: ReadOptions) -> str:
    decoded = decode(data, origin=origin)
    if decoded.encoding == "cp1252":
        options.stats.recoded += 1
    return decoded.text


def _guard(where: str, build: Callable[..., Article], /, *args: Any, **kwargs: Any) -> Item:
    """Run an article builder; an ``InputError`` becomes a ``Skipped`` report."""
    try:
        return build(*args, **kwargs)
    except InputError as error:
        return Skipped(error.origin or where, error.reason, str(error))


def _zip(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    return archives.read_zip(stream, origin, _read_member, options)


def _gzip(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    return archives.read_gzip(stream, name, origin, _read_member, options)


def _warc(stream: Stream, name: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    for record in archives.read_warc(stream, origin, options.max_page_bytes):
        if isinstance(record, Skipped):
            yield record
        else:
            yield _guard(record.origin, web_article, record, options)


def web_article(record: archives.WebRecord, options: ReadOptions) -> Article:
    """An article from a WARC response (a web page) or a WET conversion (plain text)."""
    if "html" in record.content_type:
        return _page_article(record.content, record.uri, options, record.origin)
    text = _decoded(record.content, record.origin, options)
    meta = Page(text="", url=record.uri)
    return build_article(text, options, origin=record.origin, headline=True, meta=meta)


_READERS: dict[Format, Callable[[Stream, str, str, ReadOptions], Iterator[Item]]] = {
    "text": _text,
    "html": _html,
    "feed": _feed,
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "zip": _zip,
    "gzip": _gzip,
    "warc": _warc,
    "binary": _binary,
}
