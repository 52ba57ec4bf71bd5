from __future__ import annotations

import pytest

from detente.ingest.sniff import detect

PAGE = b"<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>x</p></body></html>"
RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        # signatures win over names
        ("archive", b"PK\x03\x04rest", "zip"),
        ("notes.txt", b"\x1f\x8b\x08\x00", "gzip"),
        ("crawl", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        ("scan.txt", b"%PDF-1.4", "binary"),
        # extensions
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("a.csv", b"date,text\n", "csv"),
        ("page.htm", b"<p>x</p>", "html"),
        ("news.rss", RSS, "feed"),
        ("a.md", b"# Title", "text"),
        # an .xml file that is not a feed is read for what it is
        ("page.xml", PAGE, "html"),
        # content of extension-less files
        ("download", PAGE, "html"),
        ("feed", RSS, "feed"),
        ("feed", ATOM, "feed"),
        ("records", b'{"text": "Peru and Chile met.", "title": "t"}\n{"text": "y"}', "jsonl"),
        ("records", b'[{"text": "Peru and Chile met."}]', "json"),
        ("table", b"id,date,text,source\n1,2020-01-01,x,y\n", "csv"),
        ("story", b"Peru and Chile met on Monday.\n\nThey signed a deal.", "text"),
        ("story", b"Dear reader, text, with commas, here", "text"),
    ],
)
def test_detect(name: str, head: bytes, expected: str) -> None:
    assert detect(name, head) == expected
