"""Events are tested apart from actor resolution: the test names the actors in each sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from detente.events.cameo import CameoTable
from detente.events.extract import EventExtractor
from detente.events.grammar import Grammar
from detente.events.lexicon import Lexicon
from detente.nlp import extensions
from detente.records import Actor, Event, Mention

ActorSpec = dict[str, tuple[str, str | None]]


@pytest.fixture(scope="session")
def extractor() -> EventExtractor:
    return EventExtractor(Lexicon.load(), Grammar.load(), CameoTable.load())


def with_mentions(doc: Doc, actors: ActorSpec) -> Doc:
    """Mark every occurrence of each named phrase as a mention of the given actor."""
    extensions.register()
    mentions = []
    for phrase, (country, sector) in actors.items():
        start = doc.text.find(phrase)
        while start >= 0:
            actor = Actor(country, sector, name=phrase)
            mentions.append(Mention(phrase, start, start + len(phrase), actor))
            start = doc.text.find(phrase, start + len(phrase))
    doc._.mentions = sorted(mentions, key=lambda m: m.start)
    doc._.article_id = "test"
    return doc


@pytest.fixture(scope="session")
def code(bare_nlp: Language, extractor: EventExtractor) -> Callable[[str, ActorSpec], list[Event]]:
    def run(text: str, actors: ActorSpec) -> list[Event]:
        return extractor.extract(with_mentions(bare_nlp(text), actors))

    return run


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    """(source text, code, target text) of each event."""
    return {(e.source.text, e.cameo, e.target.text) for e in events}
