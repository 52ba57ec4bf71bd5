"""Receiving verbs turn the roles round: in "Chile faced criticism from Peru" Peru acts on Chile
(sentences written for detente)."""

from __future__ import annotations

import pytest

from detente.events.extract import MentionIndex
from tests.events.conftest import triples, with_mentions

pytestmark = pytest.mark.model

ACTORS = {"Norway": ("NOR", None), "Chile": ("CHL", None), "Peru": ("PER", None)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chile faced sharp criticism from Peru over the arrests.", ("Peru", "111", "Chile")),
        ("Norway won support from Chile for its bid.", ("Chile", "05", "Norway")),
        ("Chile received an invitation from Norway to the summit.", ("Norway", "03", "Chile")),
    ],
)
def test_the_giver_acts(code, sentence: str, expected: tuple[str, str, str]) -> None:
    found = triples(code(sentence, ACTORS))
    source, prefix, target = expected
    assert any(s == source and c.startswith(prefix) and t == target for s, c, t in found), found
    assert not any(s == target and t == source for s, _, t in found), found


def test_no_giver_no_event(code) -> None:
    assert code("Chile received criticism over the arrests.", ACTORS) == []


def test_giving_keeps_its_roles(code) -> None:
    assert ("Peru", "111", "Chile") in triples(code("Peru criticised Chile sharply.", ACTORS))


def test_candidate_pairs_run_from_the_giver(bare_nlp, extractor) -> None:
    doc = with_mentions(bare_nlp("Chile received military aid from Peru in May."), ACTORS)
    pairs = extractor.pairs(doc, MentionIndex(doc, list(doc._.mentions)))
    assert [(p.source.text, p.target.text) for p in pairs] == [("Peru", "Chile")]
