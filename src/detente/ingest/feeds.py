"""RSS and Atom feeds (feedparser), parsed from bytes: parsing never fetches anything."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from detente.errors import MalformedRecord
from detente.ingest.html import Page

_NAMED_EMAIL = re.compile(r"\S+@\S+\s*\(([^()]+)\)")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed; ``key`` is stable across fetches (guid, else link, else content)."""

    key: str
    title: str | None
    link: str | None
    summary: str
    published: date | None
    author: str | None
    source: str | None

    @property
    def meta(self) -> Page:
        """What the feed says of the item's article."""
        return Page("", self.title, self.author, self.published, self.source, self.link)


def parse_feed(data: bytes, *, origin: str) -> list[FeedItem]:
    """The entries of an RSS or Atom document; ``MalformedRecord`` when it is not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise MalformedRecord(f"not an RSS or Atom feed ({problem or 'no entries'})", origin=origin)
    source = parsed.feed.get("title") or None
    return [_item(entry, source) for entry in parsed.entries]


def _item(entry: Any, source: str | None) -> FeedItem:
    content = entry.get("content") or []
    bodies = [part.get("value", "") for part in content]
    summary = max([*bodies, entry.get("summary", "")], key=len)
    link = entry.get("link") or None
    key = entry.get("id") or link or _digest(entry.get("title", ""), summary)
    return FeedItem(
        key=key,
        title=entry.get("title") or None,
        link=link,
        summary=summary,
        # dict.get: feedparser's own get() warns when it maps one date field onto the other
        published=_date(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")),
        author=_author(entry),
        source=source,
    )


def _author(entry: Any) -> str | None:
    """RSS writes ``email (Name)``; Atom has a name."""
    raw = entry.get("author") or ""
    named = _NAMED_EMAIL.fullmatch(raw.strip())
    if named:
        return named.group(1).strip()
    return (entry.get("author_detail") or {}).get("name") or raw or None


def _date(value: Any) -> date | None:
    if not value:
        return None
    return date(value.tm_year, value.tm_mon, value.tm_mday)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
