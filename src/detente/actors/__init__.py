"""Actors: every mention of a doc resolved to a country (ISO3, or IGO) and a sector, with evidence.

knowledge = ActorKnowledge.load()                     # packaged tables (+ actors_file)
resolve_phrase(knowledge, "Iranian Foreign Minister Mohammad Javad Zarif")   # IRN GOV
nlp.add_pipe("detente_actors")                        # doc._.mentions
mention_for_span(doc, start, end, knowledge=...)      # the mention at a char span
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from detente.actors.knowledge import ActorKnowledge
from detente.actors.mentions import build_phrase
from detente.actors.resolve import Phrase, Resolution, phrase_from_words, resolve, strong_hits
from detente.records import Actor, Mention

__all__ = ["ActorKnowledge", "mention_for_span", "resolve_phrase"]


def resolve_phrase(
    knowledge: ActorKnowledge, text: str, *, when: date | None = None
) -> Actor | None:
    """The actor an arbitrary phrase names, without a parse ("a U.S. Supreme Court decision")."""
    found = _resolve_words(knowledge, knowledge.tokenize(text), when)
    if found is None:
        return None
    if found.actor.country is None and found.hint:
        return replace(found.actor, country=found.hint, method="adjective")
    return found.actor


def _resolve_words(
    knowledge: ActorKnowledge, words: list[str], when: date | None
) -> Resolution | None:
    phrase = phrase_from_words(knowledge, words)
    best: Resolution | None = None
    while phrase.words and best is None:
        best = resolve(knowledge, phrase, when)
        phrase = _without_head(knowledge, phrase)
    if best is not None and (best.actor.country is not None or best.entity):
        return best
    if best is not None:
        return _named_anywhere(knowledge, best, words)
    return None


def _without_head(knowledge: ActorKnowledge, phrase: Phrase) -> Phrase:
    """Drop the head word: "U.S. Supreme Court decision" -> "U.S. Supreme Court"."""
    words = list(phrase.words[: phrase.head])
    if not words:
        return Phrase((), 0)
    shorter = phrase_from_words(knowledge, words)
    return Phrase(shorter.words, shorter.head, shorter.names, phrase.attached)


def _named_anywhere(knowledge: ActorKnowledge, best: Resolution, words: list[str]) -> Resolution:
    """Last resort: a country named anywhere in the phrase ("hawks in Washington")."""
    for hit in strong_hits(knowledge, words):
        entry = hit.entries[0]
        if entry.country and entry.kind != "person":
            actor = Actor(
                entry.country, best.actor.sector, best.actor.name, entry.igo, None, "title"
            )
            why = f'named in the phrase: "{" ".join(words[hit.start : hit.end])}"'
            return Resolution(actor, (*best.evidence, why), best.role, best.person, best.entity)
    return best


def mention_for_span(
    doc: Doc, start: int, end: int, *, knowledge: ActorKnowledge | None = None
) -> Mention | None:
    """The mention of a processed doc covering (or overlapping) ``[start, end)``.

    With no overlapping mention and a ``knowledge`` (``nlp.get_pipe("detente_actors").knowledge``),
    the span's own words are resolved; without one, None.
    """
    mentions: list[Mention] = list(doc._.mentions or [])
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    covering = [m for m in overlapping if m.start <= start and end <= m.end]
    if covering:
        return covering[0]
    resolved = [m for m in overlapping if m.actor.country is not None]
    if resolved:
        return resolved[0]
    if overlapping:
        return overlapping[0]
    if knowledge is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    return _span_mention(knowledge, doc, span)


def _span_mention(knowledge: ActorKnowledge, doc: Doc, span: Span) -> Mention | None:
    when = doc._.published if isinstance(doc._.published, date) else None
    found = resolve(knowledge, build_phrase(doc, span.start, span.root.i, attach=False), when)
    if found is None or found.actor.country is None:
        found = _resolve_words(knowledge, [t.text for t in span], when)
    if found is None:
        return None
    return Mention(span.text, span.start_char, span.end_char, found.actor, found.evidence)
