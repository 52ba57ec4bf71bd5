"""The ``detente_events`` spaCy component: sets ``doc._.events``.

The lexicon and grammar find events; when the learned classifier is installed (it ships in
``events/model``) it rescores them and adds the events of candidate pairs the lexicon missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from detente.events.cameo import CameoTable
from detente.events.combine import Combiner
from detente.events.extract import EventExtractor, MentionIndex
from detente.events.grammar import Grammar
from detente.events.learned import MODEL_FILES, LearnedClassifier, model_dir
from detente.events.lexicon import Lexicon
from detente.nlp import extensions
from detente.records import Event


@Language.factory(
    "detente_events",
    default_config={"lexicon_file": None, "learned": True},
    requires=["doc._.mentions", "token.dep", "token.lemma"],
    assigns=["doc._.events"],
)
def make_events_component(
    nlp: Language, name: str, lexicon_file: str | None, learned: bool
) -> EventsComponent:
    extensions.register()
    table = CameoTable.load()
    extractor = EventExtractor(Lexicon.load(lexicon_file), Grammar.load(), table)
    combiner = None
    if learned and model_available():
        combiner = Combiner(LearnedClassifier.load(), table, grammar=extractor.grammar)
    return EventsComponent(extractor, combiner)


def model_available() -> bool:
    """Whether the learned classifier's files are installed with the package."""
    folder = model_dir()
    return all(folder.joinpath(name).is_file() for name in MODEL_FILES)


class EventsComponent:
    def __init__(self, extractor: EventExtractor, combiner: Combiner | None = None) -> None:
        self.extractor = extractor
        self.combiner = combiner

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Docs in batches, so the classifier sees many pairs at once."""
        for batch in minibatch(docs, size=batch_size):
            yield from self.process(batch)

    def process(self, docs: list[Doc]) -> list[Doc]:
        found = []
        for doc in docs:
            index = MentionIndex(doc, list(doc._.mentions or []))
            pairs = self.extractor.pairs(doc, index) if self.combiner else []
            found.append((doc, self.extractor.extract(doc, index), pairs))
        if self.combiner is None:
            combined = [events for _, events, _ in found]
        else:
            combined = self.combiner.combine_many(found)
        for doc, events in zip(docs, combined, strict=True):
            doc._.events = without_repeats(events)
        return docs


def without_repeats(events: list[Event]) -> list[Event]:
    """A sentence written twice in a doc (a headline repeated as the first line) gives its events
    once."""
    seen: set[tuple[str, str, str, str]] = set()
    kept = []
    for event in events:
        key = (event.sentence.strip(), event.source.text, event.target.text, event.cameo)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept
