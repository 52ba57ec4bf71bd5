"""Article text and metadata from saved web pages and HTML-laden text, offline (trafilatura).

trafilatura drops navigation, cookie banners, related-story boxes, share bars and comments;
what it keeps is one paragraph per line. Nothing here fetches: pages come in as bytes or text.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
from lxml import etree

_TAG = re.compile(
    r"</?(p|div|br|span|a|b|i|em|strong|ul|ol|li|h[1-6]|html|head|body|script|style|table|tr|td"
    r"|img|iframe|section|article|header|footer|nav|aside|figure|figcaption|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")
MIN_PAGE_WORDS = 5  # fewer is a menu or an error page, not an article
_ENTITY = re.compile(r"&(#\d{1,6}|#x[0-9a-f]{1,5}|[a-z]{2,8});", re.IGNORECASE)
_DROP = ("script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe")
# class or id of page furniture inside a fragment
_FURNITURE = re.compile(
    r"\b(share|sharing|social|related|comments?|cookies?|promo|newsletter|advert\w*|subscribe)\b",
    re.IGNORECASE,
)
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}


@dataclass(frozen=True, slots=True)
class Page:
    """An article's text and what its page (or record, or feed item) says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | date | None = None
    source: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """True when ``text`` carries HTML markup or entities rather than plain prose."""
    head = text[:20_000]
    return bool(_TAG.search(head)) or len(_ENTITY.findall(head)) >= 2


def is_full_page(text: str) -> bool:
    return bool(re.search(r"<(html|body|!doctype html)\b", text[:4096], re.IGNORECASE))


def extract_page(markup: str | bytes, *, url: str | None = None) -> Page:
    """The article of a whole page, paragraphs separated by blank lines ('' when none)."""
    import trafilatura

    document: Any = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    if document is None or len(_WORDS.findall(document.text or "")) < MIN_PAGE_WORDS:
        return Page(text="", url=url)
    return Page(
        text=_paragraphs(document.text),
        title=document.title or None,
        author=document.author or None,
        published=document.date or None,
        source=document.sitename or None,
        url=url or document.url or None,
    )


def markup_text(text: str) -> str:
    """Plain text of HTML-laden text: a whole page (trafilatura) or a fragment such as a feed
    summary (its tags dropped, its blocks as paragraphs)."""
    if is_full_page(text):
        return extract_page(text).text
    if not _TAG.search(text):
        return html_lib.unescape(text)
    return fragment_text(text)


def fragment_text(text: str) -> str:
    """Text of an HTML fragment without scripts, navigation or buttons; blocks become lines."""
    try:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return html_lib.unescape(_TAG.sub(" ", text))
    for element in list(root.iter()):
        if element.tag in _DROP or _FURNITURE.search(_names(element)):
            element.drop_tree()
    for element in root.iter(*_BLOCK):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def _names(element: lxml.html.HtmlElement) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)
