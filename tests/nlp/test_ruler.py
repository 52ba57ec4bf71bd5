"""The fast attribute ruler gives the model's own ruler's result, attribute for attribute."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from detente.nlp.ruler import FastAttributeRuler

TEXTS = [
    "I'd say we'll win, but they ain't gonna like it and y'all know nothin' about it.",
    "There is a ferry at noon; there were two yesterday.  Let's go, c'mon!\n\nGot ta run.",
    "She doesn't think it's hers, and he hasn't asked whether the boat is theirs or ours.",
    "Those envoys could've met these ministers, yet nobody called anyone after that.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_same_attributes_as_the_model_ruler(bare_nlp: Language, text: str) -> None:
    ruler = bare_nlp.get_pipe("attribute_ruler")
    with bare_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = bare_nlp(text)
    slow, fast = ruler(parsed.copy()), FastAttributeRuler(ruler)(parsed.copy())
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    assert (fast.to_array(attrs) == slow.to_array(attrs)).all()
    assert [str(t.morph) for t in fast] == [str(t.morph) for t in slow]


@pytest.mark.model
def test_most_rules_are_looked_up(bare_nlp: Language) -> None:
    fast = FastAttributeRuler(bare_nlp.get_pipe("attribute_ruler"))
    assert len(fast.matcher) == 0 and len(fast.other) <= 5
