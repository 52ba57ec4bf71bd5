"""Verb forms the model's rule lemmatizer reads as another verb get their own lemma."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.nlp.pipeline import VerbLemmas


def test_listed_verb_forms_get_their_lemma() -> None:
    doc = Doc(Vocab(), words=["Chile", "staged", "drills"], pos=["PROPN", "VERB", "NOUN"])
    doc[1].lemma_ = "stag"
    assert VerbLemmas.load()(doc)[1].lemma_ == "stage"


def test_nouns_keep_their_lemma() -> None:
    doc = Doc(Vocab(), words=["higher", "wages"], pos=["ADJ", "NOUN"])
    doc[1].lemma_ = "wage"
    assert VerbLemmas.load()(doc)[1].lemma_ == "wage"


@pytest.mark.model
def test_the_pipeline_reads_staged_as_stage() -> None:
    from detente.nlp import load_nlp

    nlp = load_nlp(events=False, select=False)
    doc = nlp("Peru staged naval drills off the coast of Chile.")
    assert [t.lemma_ for t in doc if t.lower_ == "staged"] == ["stage"]
