"""Reciprocal objects: "X and Y accused each other" is an event each way (sentences written for
detente)."""

from __future__ import annotations

import pytest

from tests.events.conftest import triples

pytestmark = pytest.mark.model

ACTORS = {"Norway": ("NOR", None), "Chile": ("CHL", None), "Peru": ("PER", None)}


def test_each_other_gives_both_directions(code) -> None:
    events = code("Norway and Chile accused each other of breaking the fishing accord.", ACTORS)
    assert triples(events) == {("Norway", "112", "Chile"), ("Chile", "112", "Norway")}


def test_one_another(code) -> None:
    events = code("Chile and Peru praised one another after the vote.", ACTORS)
    assert triples(events) == {("Chile", "051", "Peru"), ("Peru", "051", "Chile")}


def test_three_parties_each_to_each(code) -> None:
    events = code("Norway, Chile and Peru condemned each other at the summit.", ACTORS)
    assert len(triples(events)) == 6


def test_negated_reciprocal_gives_nothing(code) -> None:
    assert code("Norway and Chile did not accuse each other of anything.", ACTORS) == []


def test_one_subject_is_not_reciprocal(code) -> None:
    assert code("Norway accused each other of nothing.", ACTORS) == []
