"""Clauses whose actors the parse does not hand over directly: relative pronouns and mirrored
clauses read as noun phrases (sentences written for detente)."""

from __future__ import annotations

import pytest

from tests.events.conftest import triples

pytestmark = pytest.mark.model

ACTORS = {
    "Norway": ("NOR", None),
    "Chile": ("CHL", None),
    "Peru": ("PER", None),
    "The Chilean foreign minister": ("CHL", "GOV"),
    "Erdogan": ("TUR", "GOV"),
    "merkel": ("DEU", "GOV"),
    "Abe": ("JPN", "GOV"),
    "biden": ("USA", "GOV"),
}


def test_who_stands_for_the_actor_it_describes(code) -> None:
    text = "The Chilean foreign minister, who met Peru on Monday, flew home."
    found = triples(code(text, ACTORS))
    assert ("The Chilean foreign minister", "040", "Peru") in found


def test_who_stands_for_the_nearest_actor_of_its_phrase(code) -> None:
    text = "A spokesman for the embassy of Norway, who condemned Chile, spoke to reporters."
    assert ("Norway", "111", "Chile") in triples(code(text, ACTORS))


def test_that_about_a_thing_gives_no_source(code) -> None:
    text = "Peru saw the bombing near the border of Chile that killed four soldiers of Norway."
    assert not any(src == "Chile" for src, _, _ in triples(code(text, ACTORS)))


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Erdogan praised merkel, merkel praised Erdogan.", "Erdogan", "merkel"),
        ("Abe praised biden, biden praised Abe.", "Abe", "biden"),
    ],
)
def test_a_mirrored_clause_read_as_a_noun_phrase_keeps_its_roles(
    code, text: str, first: str, second: str
) -> None:
    found = triples(code(text, ACTORS))
    assert (first, "051", second) in found
    assert (second, "051", first) in found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Norway complained that the talks collapsed because of Chile.", "Chile"),
        ("Norway complained that Norway is a victim of a feud among Peru politicians.", "Peru"),
        ("The Chilean foreign minister doubted that Norway would keep its word.", "Norway"),
    ],
)
def test_a_complaint_is_about_the_foreign_actor_of_its_clause(code, text: str, target: str) -> None:
    found = triples(code(text, ACTORS))
    assert any(c.startswith("11") and t == target for _, c, t in found), found


def test_a_complaint_about_ones_own_country_is_no_event(code) -> None:
    assert code("Norway complained that Norway pays too much.", ACTORS) == []
