"""The ``detente_events`` spaCy component: sets ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from detente.events.cameo import CameoTable
from detente.events.extract import EventExtractor
from detente.events.grammar import Grammar
from detente.events.lexicon import Lexicon
from detente.nlp import extensions


@Language.factory(
    "detente_events",
    default_config={"lexicon_file": None},
    requires=["doc._.mentions", "token.dep", "token.lemma"],
    assigns=["doc._.events"],
)
def make_events_component(nlp: Language, name: str, lexicon_file: str | None) -> EventsComponent:
    extensions.register()
    extractor = EventExtractor(Lexicon.load(lexicon_file), Grammar.load(), CameoTable.load())
    return EventsComponent(extractor)


class EventsComponent:
    def __init__(self, extractor: EventExtractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extractor.extract(doc)
        return doc
