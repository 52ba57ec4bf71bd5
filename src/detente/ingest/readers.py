"""Read articles from plain-text files, folders, JSONL, CSV and zip archives.

Every item becomes an ``Article`` or a ``Skipped`` report (origin, reason, message); a bad item
never stops the batch.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from detente.errors import BinaryInput, EncodingError, InputError, MalformedRecord
from detente.ingest.articles import make_article
from detente.records import Article, Skipped

TEXT_SUFFIXES = {".txt", ".text", ".md"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
ARCHIVE_SUFFIXES = {".zip"}
SUPPORTED = TEXT_SUFFIXES | RECORD_SUFFIXES | ARCHIVE_SUFFIXES

Item = Article | Skipped


def read_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Articles from files and folders (folders are walked in name order)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED:
                    yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Skipped(str(path), "missing", "no such file or folder")


def read_file(path: Path) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(str(path), "unreadable", str(error))
        return
    yield from read_bytes(data, name=path.name, origin=str(path))


def read_bytes(data: bytes, *, name: str, origin: str) -> Iterator[Item]:
    """Dispatch on the file name's extension."""
    suffix = Path(name).suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        yield from _read_zip(data, origin)
        return
    try:
        text = decode(data, origin=origin)
    except InputError as error:
        yield Skipped(origin, error.reason, str(error))
        return
    if suffix in {".jsonl", ".ndjson"}:
        yield from read_jsonl(text, origin=origin)
    elif suffix == ".csv":
        yield from read_csv(text, origin=origin)
    else:
        yield _guard(lambda: text_article(text, origin=origin), origin)


def decode(data: bytes, *, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary content, not text", origin=origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EncodingError(f"not valid UTF-8 (byte {error.start})", origin=origin) from error


def text_article(text: str, *, origin: str) -> Article:
    """A plain-text article; a first line that reads as a headline becomes the title."""
    title, body = split_headline(text)
    return make_article(body, title=title, origin=origin)


def split_headline(text: str) -> tuple[str | None, str]:
    stripped = text.strip()
    first, sep, rest = stripped.partition("\n")
    line = first.strip()
    looks_like_headline = (
        sep
        and rest.strip()
        and 0 < len(line) <= 200
        and len(line.split()) <= 25
        and not line.endswith((".", ":", ",", ";"))
    )
    if looks_like_headline:
        return line, rest.strip()
    return None, stripped


def read_jsonl(text: str, *, origin: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(where, MalformedRecord.reason, f"invalid JSON: {error.msg}")
            continue
        yield _guard(lambda record=record, where=where: record_article(record, where), where)


def read_csv(text: str, *, origin: str) -> Iterator[Item]:
    csv.field_size_limit(1 << 26)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skipped(origin, MalformedRecord.reason, "CSV has no 'text' column")
        return
    try:
        for number, row in enumerate(reader, start=2):
            where = f"{origin}:{number}"
            yield _guard(lambda row=row, where=where: record_article(row, where), where)
    except csv.Error as error:
        yield Skipped(origin, MalformedRecord.reason, f"CSV error: {error}")


def record_article(record: object, origin: str) -> Article:
    """An article from a JSON object or CSV row with ``text`` and optional metadata."""
    if not isinstance(record, dict):
        raise MalformedRecord("record is not an object", origin=origin)
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecord("record has no 'text' string", origin=origin)
    return make_article(
        text,
        title=_str(record.get("title")),
        published=record.get("published") or record.get("date"),
        url=_str(record.get("url")),
        source=_str(record.get("source")),
        author=_str(record.get("author")),
        origin=origin,
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _read_zip(data: bytes, origin: str) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        yield Skipped(origin, "unreadable", f"bad zip archive: {error}")
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or Path(info.filename).suffix.lower() not in SUPPORTED:
                continue
            yield from read_bytes(
                archive.read(info), name=info.filename, origin=f"{origin}!{info.filename}"
            )


def _guard(build: Callable[[], Article], origin: str) -> Item:
    """Run an article builder; an ``InputError`` becomes a ``Skipped`` report."""
    try:
        return build()
    except InputError as error:
        return Skipped(origin, error.reason, str(error))
