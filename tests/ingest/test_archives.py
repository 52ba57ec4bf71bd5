from __future__ import annotations

import gzip
import io
import json
import random
import zipfile
from pathlib import Path
from typing import IO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.ingest import ReadOptions, read_paths
from detente.ingest.readers import read_stream
from detente.records import Article, Skipped
from tests.ingest.feeds_data import ITEMS, page, rss

BODY = (
    "Mongolia and China agreed on Monday to open a second rail crossing at Zamiin-Uud, "
    "the Mongolian transport ministry said."
)
WET_TEXT = (
    "Bhutan and Nepal resumed talks on the return of refugees on Wednesday, officials in "
    "Thimphu said.\nThe talks had stalled for more than a decade."
)
FRENCH = (
    "Le gouvernement de la Mauritanie a annoncé mardi la fermeture de sa frontière avec le "
    "Mali pendant deux semaines pour des raisons de sécurité."
)


def write_warc(stream: IO[bytes], *, gzip_records: bool) -> None:
    writer = WARCWriter(stream, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for uri, status, ctype, payload in [
        ("https://steppe.example/rail", "200 OK", "text/html; charset=utf-8", page("Rail", BODY)),
        (
            "https://steppe.example/logo.png",
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
        ),
        ("https://steppe.example/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
        ("https://steppe.example/fr", "200 OK", "text/html", page("Mauritanie", FRENCH)),
    ]:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers, length=len(payload)
        )
        writer.write_record(record)
    request = writer.create_warc_record(
        "https://steppe.example/rail",
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=StatusAndHeaders("GET /rail HTTP/1.1", [], is_http_request=True),
    )
    writer.write_record(request)
    conversion = writer.create_warc_record(
        "https://steppe.example/talks",
        "conversion",
        payload=io.BytesIO(WET_TEXT.encode()),
        length=len(WET_TEXT.encode()),
        warc_content_type="text/plain",
    )
    writer.write_record(conversion)


def summary(items: list[Article | Skipped]) -> list[tuple[str, str]]:
    return [
        (
            item.origin.rsplit("!", 1)[-1],
            item.text[:20] if isinstance(item, Article) else item.reason,
        )
        for item in items
    ]


def test_warc_responses_and_conversions(tmp_path: Path, options: ReadOptions) -> None:
    for name, zipped in [("crawl.warc", False), ("crawl.warc.gz", True)]:
        path = tmp_path / name
        with path.open("wb") as handle:
            write_warc(handle, gzip_records=zipped)
        items = list(read_paths([path], options=options))
        assert summary(items) == [
            ("https://steppe.example/rail", BODY[:20]),
            ("https://steppe.example/fr", "not-english"),
            ("https://steppe.example/talks", WET_TEXT[:20]),
        ]
        rail = items[0]
        assert isinstance(rail, Article)
        assert rail.url == "https://steppe.example/rail" and rail.source == "Steppe Wire"
        assert "Tajikistan" not in rail.text and "Home" not in rail.text
        talks = items[2]
        assert isinstance(talks, Article) and talks.title is None  # first line ends with "."


def test_gzip_of_jsonl_and_of_a_page(tmp_path: Path, options: ReadOptions) -> None:
    lines = [
        json.dumps({"text": summary_text, "title": title}) for _, title, summary_text, _ in ITEMS
    ]
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress("\n".join([*lines, "{bad"]).encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page("Rail", BODY)))
    items = list(read_paths([tmp_path], options=options))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("Article", f"{tmp_path / 'news.jsonl.gz'}:1"),
        ("Article", f"{tmp_path / 'news.jsonl.gz'}:2"),
        ("Skipped", f"{tmp_path / 'news.jsonl.gz'}:3"),
        ("Article", f"{tmp_path / 'page.html.gz'}"),
    ]


def test_zip_of_every_format_with_nesting(tmp_path: Path, options: ReadOptions) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("deep/story.txt", f"Rail crossing opens\n{BODY}")
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("feed.rss", rss(ITEMS))
        archive.writestr("page.htm", page("Rail", BODY))
        archive.writestr("records.jsonl.gz", gzip.compress(json.dumps({"text": WET_TEXT}).encode()))
        archive.writestr("inner.zip", inner.getvalue())
        archive.writestr("scan.pdf", b"%PDF-1.5 binary")  # not a supported extension: not read
        archive.writestr("photo", b"\x89PNG\r\n\x1a\n" + bytes(40))  # sniffed as binary
        archive.writestr("__MACOSX/._page.htm", b"\x00\x05\x16\x07")
        archive.writestr("folder/", b"")
    items = list(read_paths([path], options=options))
    origins = [(item.origin.split("!", 1)[1], type(item).__name__) for item in items]
    assert origins == [
        ("feed.rss#1", "Article"),
        ("feed.rss#2", "Article"),
        ("page.htm", "Article"),
        ("records.jsonl.gz:1", "Article"),
        ("inner.zip!deep/story.txt", "Article"),
        ("photo", "Skipped"),
    ]
    story = items[4]
    assert isinstance(story, Article) and story.title == "Rail crossing opens"


def test_broken_archives_are_reported(tmp_path: Path, options: ReadOptions) -> None:
    whole = gzip.compress(("\n".join(json.dumps({"text": BODY}) for _ in range(3))).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "bad.warc").write_bytes(b"WARC/1.0\r\nnonsense\r\n\r\n")
    items = list(read_paths([tmp_path], options=options))
    skipped = {Path(i.origin).name: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {
        "bad.warc": "unreadable",
        "bad.zip": "unreadable",
        "cut.jsonl.gz": "unreadable",
    }


class Tracked(io.RawIOBase):
    """A stream that records how much was asked of it at once, and how much it gave."""

    def __init__(self, data: bytes) -> None:
        self.data, self.position, self.largest = data, 0, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self.largest = max(self.largest, len(buffer))
        chunk = self.data[self.position : self.position + len(buffer)]
        buffer[: len(chunk)] = chunk
        self.position += len(chunk)
        return len(chunk)


def test_archives_are_streamed(options: ReadOptions) -> None:
    noise = random.Random(7)
    text = "\n".join(
        json.dumps({"text": f"{BODY} Ref {noise.getrandbits(128):032x}."}) for _ in range(4000)
    )
    packed = gzip.compress(text.encode())
    raw = Tracked(packed)
    stream = io.BufferedReader(raw, buffer_size=16 * 1024)
    fast = ReadOptions(language=None, boilerplate=options.boilerplate)
    items = read_stream(stream, name="big.jsonl.gz", origin="big", options=fast)
    first = next(items)
    assert isinstance(first, Article)
    assert raw.position < len(packed) / 2  # the first article came before the rest was read
    assert sum(1 for _ in items) == 3999
    assert raw.largest <= 16 * 1024
