"""Pair mode: the event between two given spans of a sentence.

The given spans become the sentence's actor mentions (replacing any mention they overlap), the
extractor runs, and an event from the source span to the target span answers. ``alternatives``
lists other codes found for that pair, best first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from spacy.tokens import Doc, Token

from detente.events.combine import joining_verb, recoded
from detente.events.learned import Prediction
from detente.records import Actor, Event, Mention

if TYPE_CHECKING:
    from detente.events.component import EventsComponent
    from detente.pipeline import Coder

Span = tuple[int, int]
AFTER_EVENTS = ("detente_events", "detente_dates")


@dataclass(frozen=True, slots=True)
class Classification:
    """The event class between a source and a target; ``cameo`` is None when none is found."""

    cameo: str | None
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = field(default=())
    method: str = "none"


@dataclass(frozen=True, slots=True)
class PairQuery:
    sentence: str
    source: Span
    target: Span


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pair_events(events: Sequence[Event], source: Span, target: Span) -> list[Event]:
    """Events between the two spans, most confident first."""
    found = [
        event
        for event in events
        if overlaps((event.source.start, event.source.end), source)
        and overlaps((event.target.start, event.target.end), target)
    ]
    return sorted(found, key=lambda e: -e.confidence)


def classify_many(coder: Coder, queries: Sequence[PairQuery]) -> Iterator[Classification]:
    """Classify many pairs: the lexicon reads each parsed sentence with the given spans as its
    mentions; the learned classifier (when installed) judges every pair in one batch."""
    nlp = coder.language
    later = [name for name in AFTER_EVENTS if name in nlp.pipe_names]
    component = cast("EventsComponent", nlp.get_pipe("detente_events"))
    docs = nlp.pipe((q.sentence for q in queries), disable=later, batch_size=64)
    found: list[list[Event]] = []
    verbs: list[Token | None] = []
    for query, doc in zip(queries, docs, strict=True):
        force_mentions(doc, [query.source, query.target])
        found.append(pair_events(component.extractor.extract(doc), query.source, query.target))
        verbs.append(joining_verb(doc, query.source, query.target))
    combiner = component.combiner
    if combiner is None:
        yield from (answer(matches) for matches in found)
        return
    grammar = component.extractor.grammar
    predictions = combiner.classifier.predict([(q.sentence, q.source, q.target) for q in queries])
    for matches, prediction, verb in zip(found, predictions, verbs, strict=True):
        yield decide(matches, recoded(prediction, grammar, verb))


def decide(matches: list[Event], prediction: Prediction) -> Classification:
    """The lexicon's code when it found one (its confidence raised by the classifier's
    agreement); else the classifier's codes, best first."""
    learned = tuple(sorted(prediction.codes.items(), key=lambda item: -item[1]))
    if matches:
        best = matches[0]
        agreement = prediction.probs.get(best.root, 0.0)
        others = tuple(item for item in learned if item[0][:2] != best.root)
        return Classification(best.cameo, max(best.confidence, agreement), others, "lexicon")
    if not learned:
        return Classification(None, 0.0)
    code, p = learned[0]
    return Classification(code, p, learned[1:], "learned")


def classify_pair(coder: Coder, sentence: str, *, source: Span, target: Span) -> Classification:
    return next(classify_many(coder, [PairQuery(sentence, source, target)]))


def answer(matches: list[Event]) -> Classification:
    if not matches:
        return Classification(None, 0.0)
    best = matches[0]
    others = tuple((e.cameo, e.confidence) for e in matches[1:] if e.cameo != best.cameo)
    return Classification(best.cameo, best.confidence, others, best.method)


def force_mentions(doc: Doc, spans: Sequence[Span]) -> None:
    """Make each span a mention, keeping the actor of a mention it overlaps."""
    mentions: list[Mention] = list(doc._.mentions or [])
    forced = []
    for start, end in spans:
        near = [m for m in mentions if overlaps((m.start, m.end), (start, end))]
        actor = near[0].actor if near else Actor(None, None, method="given")
        text = doc.text[start:end]
        forced.append(Mention(text, start, end, actor, (text,)))
    kept = [m for m in mentions if not any(overlaps((m.start, m.end), s) for s in spans)]
    doc._.mentions = sorted(kept + forced, key=lambda m: m.start)
