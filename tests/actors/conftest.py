"""Shared fixtures: the actor tables (no model) and the English pipeline (model tests only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from detente.actors import ActorKnowledge


@pytest.fixture(scope="session")
def knowledge() -> ActorKnowledge:
    return ActorKnowledge.load()


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pipeline up to actors, every sentence parsed (selection is another stage's choice)."""
    import inspect

    from detente.nlp import load_nlp

    options: dict[str, bool] = {"events": False}
    if "select" in inspect.signature(load_nlp).parameters:  # sentence selection, when present
        options["select"] = False
    return load_nlp(**options)


@pytest.fixture()
def parse(nlp: Language) -> Callable[..., Doc]:
    """Run the pipeline on a text with an optional publication date."""

    def run(text: str, published: date | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)

    return run
