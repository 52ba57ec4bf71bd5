"""Build a validated ``Article`` from raw text and metadata: clean, check, name its language."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import fields, replace
from datetime import date, datetime

from detente.errors import BinaryInput, EmptyInput, TooLarge
from detente.ingest.boilerplate import strip_boilerplate
from detente.ingest.html import Page, extract_page, is_full_page, looks_like_html, markup_text
from detente.ingest.options import ReadOptions
from detente.records import Article
from detente.settings import MAX_ARTICLE_CHARS

log = logging.getLogger(__name__)

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
    language: str | None = None,
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
        published=parse_date(published) or _published_in_text(body),
        url=url or None,
        source=source or None,
        author=author or None,
        origin=origin,
        language=language,
    )


def _published_in_text(body: str) -> date | None:
    """A "Posted Sep 13, 2017" header line, when the metadata gives no date."""
    from detente.events.dates import published_in_text  # the date grammar lives with events

    return published_in_text(body)


def build_article(
    text: str,
    options: ReadOptions,
    *,
    origin: str,
    headline: bool = False,
    meta: Page | None = None,
) -> Article:
    """Clean raw text (HTML, boilerplate), validate it and check its language.

    ``meta`` carries what the input says of the article (title, date, ...); HTML-laden text
    fills in what it lacks. ``headline``: a first line that reads as a headline becomes the
    title (plain-text files). Raise an ``InputError`` when nothing codable remains.
    """
    meta = meta or Page(text="")
    if len(text) > options.max_chars * 4:
        raise TooLarge(f"{len(text):,} characters, far over the limit", origin=origin)
    if looks_like_html(text):
        page = _markup_page(text, options, origin=origin)
        text, meta = page.text, _merged(meta, page)
    cleaned = strip_boilerplate(text, options.boilerplate)
    options.stats.boilerplate_lines += len(cleaned.removed)
    if cleaned.removed:
        log.debug("%s: removed %d boilerplate lines", origin, len(cleaned.removed))
    title, body = meta.title, cleaned.text
    if headline and not title:
        title, body = split_headline(body)
    article = make_article(
        body,
        title=title,
        published=meta.published,
        url=meta.url,
        source=meta.source,
        author=meta.author or cleaned.author,
        origin=origin,
        max_chars=options.max_chars,
    )
    if options.language is None:
        return article
    return replace(article, language=options.language.check(article.doc_text, origin=origin))


def page_article(page: Page, options: ReadOptions, *, origin: str) -> Article:
    """An article from an extracted web page."""
    options.stats.html_extracted += 1
    if not page.text:
        raise EmptyInput("web page with no article text", origin=origin)
    first, _, rest = page.text.partition("\n\n")
    text = rest if rest and page.title and first.strip() == page.title.strip() else page.text
    return build_article(text, options, origin=origin, meta=page)


def _merged(first: Page, second: Page) -> Page:
    """``first``, with its empty fields taken from ``second``."""
    return Page(**{f.name: getattr(first, f.name) or getattr(second, f.name) for f in fields(Page)})


def _markup_page(text: str, options: ReadOptions, *, origin: str) -> Page:
    options.stats.html_extracted += 1
    page = extract_page(text) if is_full_page(text) else Page(text=markup_text(text))
    if not page.text.strip():
        raise EmptyInput("HTML markup with no article text", origin=origin)
    return page


def split_headline(text: str) -> tuple[str | None, str]:
    """(headline, body) when the first line reads as a headline, else (None, text)."""
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
