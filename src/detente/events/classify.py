"""Pair mode: the event between two given spans of a sentence.

The coder runs on the sentence; an event whose source overlaps the given source span and
whose target overlaps the given target span answers. ``alternatives`` lists other codes found
for that pair, best first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from detente.ingest import make_article
from detente.records import Event

if TYPE_CHECKING:
    from detente.pipeline import Coder

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Classification:
    """The event class between a source and a target; ``cameo`` is None when none is found."""

    cameo: str | None
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = field(default=())
    method: str = "none"


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pair_events(events: list[Event], source: Span, target: Span, offset: int = 0) -> list[Event]:
    """Events of ``events`` between the two spans (offsets of the sentence, shifted by offset)."""
    found = []
    for event in events:
        src = (event.source.start - offset, event.source.end - offset)
        tgt = (event.target.start - offset, event.target.end - offset)
        if overlaps(src, source) and overlaps(tgt, target):
            found.append(event)
    return sorted(found, key=lambda e: -e.confidence)


def classify_pair(coder: Coder, sentence: str, *, source: Span, target: Span) -> Classification:
    article = make_article(sentence, origin="<pair>")
    events = next(iter(coder.code([article])))[1]
    lead = len(sentence) - len(sentence.lstrip())
    matches = pair_events(events, source, target, offset=-lead)
    if not matches:
        return Classification(None, 0.0)
    best = matches[0]
    others = tuple((e.cameo, e.confidence) for e in matches[1:])
    return Classification(best.cameo, best.confidence, others, best.method)
