"""Demands written as nouns or as conditions on pressure (sentences written for detente)."""

from __future__ import annotations

import pytest

from tests.events.conftest import triples

pytestmark = pytest.mark.model

ACTORS = {
    "Norway": ("NOR", None),
    "Chile": ("CHL", None),
    "Santiago": ("CHL", "GOV"),
    "Oslo": ("NOR", "GOV"),
    "The Norwegian foreign minister": ("NOR", "GOV"),
}


@pytest.mark.parametrize(
    "text",
    [
        "Norway repeated the demand that Chile free the sailors.",
        "Norway's demand that Chile free the sailors went unheeded.",
        "Norway repeated its demand for Chile to free the sailors.",
        "Oslo said on behalf of the government of the demand for Chile to free the sailors.",
    ],
)
def test_a_demand_noun_names_who_must_act(code, text: str) -> None:
    found = triples(code(text, ACTORS))
    assert any(c == "100" and t == "Chile" for _, c, t in found), found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Sanctions on Chile will stay until it frees the sailors, Norway said.", "Norway"),
        (
            "Norway said its sanctions against Chile will not be lifted until Santiago frees "
            "the sailors.",
            "Norway",
        ),
        (
            "The Norwegian foreign minister said that the embargo on Chile remains in force, "
            "until it withdraws its troops.",
            "The Norwegian foreign minister",
        ),
        ("Norway will keep its tariffs on Chile until the sailors are free.", "Norway"),
    ],
)
def test_pressure_kept_until_a_condition_is_a_demand(code, text: str, source: str) -> None:
    assert (source, "100", "Chile") in triples(code(text, ACTORS))


def test_pressure_without_a_condition_demands_nothing(code) -> None:
    found = triples(code("Sanctions on Chile will stay in place, Norway said.", ACTORS))
    assert not any(c.startswith("10") for _, c, _ in found), found
