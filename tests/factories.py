"""Hand-made records for tests that need no model."""

from __future__ import annotations

from datetime import date

from detente.events.cameo import CameoTable
from detente.ingest import make_article
from detente.records import Actor, Article, Event, Mention


def article(text: str = "Norway condemned Chile on Monday.", **meta: object) -> Article:
    return make_article(text, origin="test", **meta)  # type: ignore[arg-type]


def mention(text: str, start: int, country: str | None, sector: str | None = None) -> Mention:
    return Mention(text, start, start + len(text), Actor(country, sector, name=text))


def event(
    art: Article,
    source: Mention,
    target: Mention,
    cameo: str,
    *,
    day: date | None = None,
    trigger_start: int = 0,
) -> Event:
    entry = CameoTable.load().get(cameo)
    return Event(
        article_id=art.id,
        source=source,
        target=target,
        cameo=cameo,
        trigger="x",
        trigger_start=trigger_start,
        trigger_end=trigger_start + 1,
        sentence=art.text,
        sentence_start=0,
        goldstein=entry.goldstein,
        quad=entry.quad,
        plover=entry.plover,
        date=day or art.published,
    )
