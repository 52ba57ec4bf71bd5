"""Which reader a file needs: by its signature bytes, then its extension, then its content."""

from __future__ import annotations

import codecs
import csv
import re
from pathlib import PurePath
from typing import Literal

from detente.ingest.decode import binary_kind

Format = Literal["zip", "gzip", "warc", "feed", "html", "json", "jsonl", "csv", "text", "binary"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".mhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".wet": "warc", ".arc": "warc",
    ".zip": "zip", ".gz": "gzip", ".tgz": "gzip",
}  # fmt: skip
HEAD_BYTES = 8192

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype html|html|head|body)[\s>]", re.IGNORECASE)
_COLUMN = re.compile(r"[\w.-]{0,40}")
_JSON_KEY = re.compile(rb'\{\s*"[^"\n]{1,100}"\s*:')


def detect(name: str, head: bytes) -> Format:
    """The format of a file called ``name`` whose first bytes are ``head``."""
    signed = by_signature(head)
    if signed:
        return signed
    by_name = EXTENSIONS.get(PurePath(name).suffix.lower())
    if by_name == "feed" and not _FEED.search(head[:2048]):
        return by_content(head)  # an .xml file that is no feed is read as whatever it holds
    return by_name or by_content(head)


def by_signature(head: bytes) -> Format | None:
    """Formats whose first bytes say what they are, whatever the name."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if binary_kind(head):
        return "binary"
    return None


def by_content(head: bytes) -> Format:
    """Guess a text format from its first bytes (extension-less files)."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if _FEED.search(start[:2048]) and start.startswith(b"<"):
        return "feed"
    if _HTML.search(start[:2048]) and start.startswith(b"<"):
        return "html"
    if start.startswith(b"<?xml"):
        return "feed"  # other XML: the feed reader reports it as not a feed
    if start.startswith(b"[") and _JSON_KEY.match(start[1:].lstrip()):
        return "json"
    first = start.split(b"\n", 1)[0]
    if _JSON_KEY.match(first):
        return "jsonl"
    if _is_csv_header(first):
        return "csv"
    return "text"


def _is_csv_header(line: bytes) -> bool:
    try:
        fields = next(csv.reader([line.decode("utf-8", "replace")]))
    except (csv.Error, StopIteration):
        return False
    names = [field.strip('"') for field in fields]
    return len(names) >= 2 and "text" in names and all(_COLUMN.fullmatch(n) for n in names)
