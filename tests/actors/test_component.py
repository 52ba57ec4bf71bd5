"""The detente_actors component on sentences parsed by the English model."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from detente.records import Mention

pytestmark = pytest.mark.model


def by_text(doc: Doc) -> dict[str, Mention]:
    return {m.text: m for m in doc._.mentions}


def test_mentions_are_sorted_non_overlapping_and_aligned(parse: Callable[..., Doc]) -> None:
    doc = parse(
        "Canadian Prime Minister Paul Roy met the Brazilian ambassador in Ottawa. "
        "Roy said he would visit Brazil."
    )
    mentions = doc._.mentions
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for left, right in itertools.pairwise(mentions):
        assert left.end <= right.start
    for mention in mentions:
        assert doc.text[mention.start : mention.end] == mention.text


def test_title_adjective_and_coref(parse: Callable[..., Doc]) -> None:
    doc = parse(
        "Canadian Prime Minister Paul Roy met the Brazilian ambassador in Ottawa. "
        "Roy said he would visit Brazil.",
        date(2019, 3, 1),
    )
    found = by_text(doc)
    assert found["Canadian Prime Minister Paul Roy"].actor.code == "CANGOV"
    assert found["the Brazilian ambassador"].actor.code == "BRAGOV"
    assert found["Roy"].actor.code == "CANGOV"
    assert found["Roy"].actor.method == "coref"
    assert found["he"].actor.code == "CANGOV"
    assert found["he"].evidence[-1] == "he"
    assert found["Brazil"].actor.code == "BRA"
