"""Feeds written for the tests: RSS 2.0 and Atom, with English and non-English items."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

ITEMS = [
    (
        "kz-1",
        "Kazakhstan and Uzbekistan sign water deal",
        "Kazakhstan and Uzbekistan signed an agreement on Thursday to share water from the "
        "Syr Darya river during the summer months, the two foreign ministries said.",
        "Thu, 08 Jun 2023 10:00:00 GMT",
    ),
    (
        "ge-2",
        "Georgia protests to Russia over border markers",
        "Georgia lodged a formal protest with Russia on Friday after troops moved border "
        "markers deeper into Georgian territory near the village of Khurvaleti.",
        "Fri, 09 Jun 2023 08:30:00 GMT",
    ),
]
FRENCH_ITEM = (
    "fr-3",
    "Le Mali rappelle son ambassadeur",
    "Le gouvernement du Mali a rappelé jeudi son ambassadeur en Côte d'Ivoire après "
    "l'arrestation de quarante soldats maliens à l'aéroport d'Abidjan, selon un communiqué.",
    "Thu, 08 Jun 2023 12:00:00 GMT",
)


def rss(items: Sequence[tuple[str, str, str, str]], *, link_base: str = "") -> bytes:
    entries = "".join(
        f"<item><title>{escape(title)}</title><guid>{key}</guid>"
        + (f"<link>{link_base}/{key}.html</link>" if link_base else "")
        + f"<pubDate>{date}</pubDate><author>desk@steppe.example (Aigerim Sadykova)</author>"
        f"<description>{escape(f'<p>{summary}</p>')}</description></item>"
        for key, title, summary, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Steppe Wire: Region</title><link>https://steppe.example/</link>{entries}"
        "</channel></rss>"
    ).encode()


def atom(items: Sequence[tuple[str, str, str, str]]) -> bytes:
    entries = "".join(
        f"<entry><id>tag:steppe.example,2023:{key}</id><title>{escape(title)}</title>"
        f'<link href="https://steppe.example/{key}"/><updated>2023-06-0{n + 1}T09:00:00Z</updated>'
        f"<author><name>Daniyar Bekov</name></author>"
        f'<content type="html">{escape(f"<p>{summary}</p>")}</content></entry>'
        for n, (key, title, summary, _) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Steppe Wire Atom</title><id>tag:steppe.example,2023:feed</id>{entries}</feed>"
    ).encode()


def page(title: str, body: str) -> bytes:
    """A small news page with furniture around the article."""
    return (
        f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
        '<meta property="og:site_name" content="Steppe Wire"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/region'>Region</a></nav>"
        f"<article><h1>{escape(title)}</h1><p>{escape(body)}</p>"
        "<p>Officials said further talks were planned for the autumn in Tashkent.</p></article>"
        "<aside class='related'><a href='/x'>Tajikistan closes border post</a></aside>"
        "</body></html>"
    ).encode()
