"""Objects the parser hands to a clause, and what speakers say of others (sentences written for
detente)."""

from __future__ import annotations

import pytest

from tests.events.conftest import triples

pytestmark = pytest.mark.model

ACTORS = {
    "Ghana": ("GHA", None),
    "Kenya": ("KEN", None),
    "Nigerian inspectors": ("NGA", None),
    "Somali refugees": ("SOM", "REF"),
    "Uganda": ("UGA", None),
    "Congolese refugees": ("COD", "REF"),
    "Chile": ("CHL", None),
    "Norway": ("NOR", None),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ghana allowed Nigerian inspectors to visit the site.",
            ("Ghana", "0862", "Nigerian inspectors"),
        ),
        (
            "Uganda will not accept any Congolese refugees fleeing the fighting.",
            ("Uganda", "122", "Congolese refugees"),
        ),
        ("Chile welcomed Norway to mediate in the dispute.", ("Chile", "051", "Norway")),
    ],
)
def test_the_object_of_a_verb_is_not_the_subject_of_its_infinitive(
    code, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(text, ACTORS))
    assert expected in found, found


def test_what_an_allowed_actor_is_to_do_has_not_happened(code) -> None:
    found = triples(code("Ghana allowed Nigerian inspectors to visit Kenya.", ACTORS))
    assert not any(src == "Nigerian inspectors" for src, _, _ in found), found


def test_a_finite_clause_keeps_its_subject(code) -> None:
    found = triples(code("Ghana says Nigerian inspectors are visiting Kenya.", ACTORS))
    assert ("Nigerian inspectors", "042", "Kenya") in found, found


DOMESTIC = {
    "The Peruvian opposition leader": ("PER", "OPP"),
    "the Peruvian government": ("PER", "GOV"),
    "The Peruvian interior minister": ("PER", "GOV"),
    "Shining Path rebels": ("PER", "REB"),
    "Peru": ("PER", None),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Peruvian opposition leader said the Peruvian government must resign.",
            ("The Peruvian opposition leader", "100", "the Peruvian government"),
        ),
        (
            "The Peruvian interior minister said Shining Path rebels were behind the bombing.",
            ("The Peruvian interior minister", "112", "Shining Path rebels"),
        ),
    ],
)
def test_one_sector_may_demand_of_or_accuse_another_of_its_country(
    code, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(code(text, DOMESTIC))


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian interior minister said the Peruvian government must act.",
        "The Peruvian interior minister said Peru must act.",
    ],
)
def test_one_sector_demands_nothing_of_itself_or_its_country(code, text: str) -> None:
    assert not any(c == "100" for _, c, _ in triples(code(text, DOMESTIC)))


CRITICS = {
    "Government critics": ("BOL", "OPP"),
    "Government advisers": ("BOL", "GOV"),
    "the Bolivian president": ("BOL", "GOV"),
}


def test_what_critics_say_of_an_actor_is_criticism(code) -> None:
    text = "Government critics say the Bolivian president has silenced the press."
    found = triples(code(text, CRITICS))
    assert ("Government critics", "111", "the Bolivian president") in found, found


def test_what_others_say_of_an_actor_is_no_criticism(code) -> None:
    text = "Government advisers say the Bolivian president has met the press."
    assert not any(c.startswith("11") for _, c, _ in triples(code(text, CRITICS)))


WELCOME = {"Norway": ("NOR", None), "the Chilean president": ("CHL", "GOV")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway said the Chilean president is welcome in Oslo.", "030"),
        ("Norway said the Chilean president would not be welcome in Oslo.", "120"),
    ],
)
def test_whom_a_speaker_calls_welcome(code, text: str, expected: str) -> None:
    assert ("Norway", expected, "the Chilean president") in triples(code(text, WELCOME))
