"""Build a validated ``Article`` from raw text and metadata."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from detente.errors import BinaryInput, EmptyInput, TooLarge
from detente.records import Article
from detente.settings import MAX_ARTICLE_CHARS

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def article_id(text: str) -> str:
    """Stable id: a hash of the text with case and white space folded."""
    folded = _SPACE.sub(" ", text).strip().lower()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> date | None:
    """A publication date from ISO text, a date or a datetime; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return _parse_loose_date(text)


def _parse_loose_date(text: str) -> date | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def make_article(
    text: str,
    *,
    title: str | None = None,
    published: object = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    origin: str = "",
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Article:
    """Validate and normalise one article; raise an ``InputError`` when it cannot be coded."""
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise EmptyInput("no text", origin=origin)
    if "\x00" in body or len(_CONTROL.findall(body[:4000])) > 20:
        raise BinaryInput("binary content, not text", origin=origin)
    if len(body) > max_chars:
        raise TooLarge(f"{len(body):,} characters, over the limit of {max_chars:,}", origin=origin)
    clean_title = _SPACE.sub(" ", title).strip() if title else None
    return Article(
        id=article_id(body),
        text=body,
        title=clean_title or None,
        published=parse_date(published),
        url=url or None,
        source=source or None,
        author=author or None,
        origin=origin,
    )
