"""Typed records that flow between the pipeline stages.

ingest -> ``Article``; actors -> ``Mention`` (a span of text) carrying an ``Actor`` (who it is);
events -> ``Event`` (source mention, target mention, CAMEO code, evidence).
Character offsets are half-open (``start <= i < end``) into ``Article.doc_text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the input."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    origin: str = ""
    language: str | None = None

    @property
    def doc_text(self) -> str:
        """The text that is parsed: the headline (a sentence too) then the body."""
        if self.title:
            return f"{self.title}\n\n{self.text}"
        return self.text


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a mention refers to: a country (ISO3, or ``IGO``) and a sector."""

    country: str | None
    sector: str | None = None
    name: str | None = None
    igo: str | None = None
    recipient: str | None = None
    method: str = "table"

    @property
    def code(self) -> str:
        """CAMEO-style actor code, e.g. ``RUSGOV`` or ``IGONATO``."""
        base = self.igo if self.country == "IGO" and self.igo else ""
        return f"{self.country or '---'}{base}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor, with how it was resolved."""

    text: str
    start: int
    end: int
    actor: Actor
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Source did ``cameo`` to target, as the sentence says."""

    article_id: str
    source: Mention
    target: Mention
    cameo: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    goldstein: float
    quad: int
    plover: str
    confidence: float = 1.0
    date: date | None = None
    date_rule: str = "published"
    method: str = "lexicon"
    notes: tuple[str, ...] = field(default=())

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def international(self) -> bool:
        src, tgt = self.source.actor, self.target.actor
        if src.country is None or tgt.country is None:
            return False
        if src.country == "IGO" or tgt.country == "IGO":
            return src.code != tgt.code
        return src.country != tgt.country

    @property
    def id(self) -> str:
        key = (
            f"{self.article_id}|{self.source.start}|{self.target.start}|"
            f"{self.trigger_start}|{self.cameo}"
        )
        return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that was reported and not coded."""

    origin: str
    reason: str
    message: str
