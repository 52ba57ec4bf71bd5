"""Joint acts of coordinated subjects: "X and Y agreed to share data" is an act between them, each
way, unless another party is named (sentences written for detente)."""

from __future__ import annotations

import pytest

from tests.events.conftest import triples

pytestmark = pytest.mark.model

ACTORS = {
    "Norway": ("NOR", None),
    "Chile": ("CHL", None),
    "Peru": ("PER", None),
    "Bolivia": ("BOL", None),
    "The rebels": ("COL", "REB"),
    "the army": ("VEN", "MIL"),
}


def pairs(events) -> set[tuple[str, str]]:
    return {(e.source.text, e.target.text) for e in events}


def test_agreeing_to_share_data_is_joint(code) -> None:
    events = code("Norway and Chile have agreed to share satellite data.", ACTORS)
    assert triples(events) == {("Norway", "0314", "Chile"), ("Chile", "0314", "Norway")}


def test_sharing_with_a_third_party_is_not_between_the_subjects(code) -> None:
    events = code("Chile and Peru shared intelligence with Bolivia last week.", ACTORS)
    assert pairs(events) == {("Chile", "Bolivia"), ("Peru", "Bolivia")}


def test_a_deal_with_a_third_party_is_not_between_the_subjects(code) -> None:
    events = code("Chile and Peru signed a fishing deal with Bolivia.", ACTORS)
    assert ("Chile", "Peru") not in pairs(events)
    assert ("Peru", "Chile") not in pairs(events)
    assert ("Chile", "Bolivia") in pairs(events)


def test_agreeing_to_a_deal_is_signing_it(code) -> None:
    events = code("Chile and Peru have agreed to a new border deal.", ACTORS)
    assert triples(events) == {("Chile", "057", "Peru"), ("Peru", "057", "Chile")}


def test_failing_to_reach_agreement_is_a_rejection_between_them(code) -> None:
    events = code("Norway and Peru failed to reach agreement on salmon quotas.", ACTORS)
    assert triples(events) == {("Norway", "120", "Peru"), ("Peru", "120", "Norway")}


def test_failing_to_do_something_else_is_not_coded(code) -> None:
    assert code("Norway failed to meet Peru in Oslo.", ACTORS) == []


def test_violating_a_truce_together_is_fighting_each_other(code) -> None:
    events = code("The rebels and the army both violated the truce agreement.", ACTORS)
    assert triples(events) == {("The rebels", "196", "the army"), ("the army", "196", "The rebels")}


def test_coordinated_possessors_of_the_subject_are_parties(code) -> None:
    actors = {"Chile": ("CHL", None), "Peru's defence ministers": ("PER", "GOV")}
    events = code("Chile and Peru's defence ministers met in Quito on Friday.", actors)
    assert pairs(events) == {
        ("Chile", "Peru's defence ministers"),
        ("Peru's defence ministers", "Chile"),
    }


def test_coordinated_nationalities_of_the_subject_are_parties(code) -> None:
    actors = {"Chilean": ("CHL", "GOV"), "Norwegian negotiators": ("NOR", "GOV")}
    events = code("Chilean and Norwegian negotiators failed to reach a deal on salmon.", actors)
    assert triples(events) == {
        ("Chilean", "120", "Norwegian negotiators"),
        ("Norwegian negotiators", "120", "Chilean"),
    }


def test_a_second_infinitive_is_under_the_same_control_verb(code) -> None:
    events = code("Norway agreed to meet Peru and cooperate with Bolivia on fishing.", ACTORS)
    assert ("Norway", "031", "Bolivia") in triples(events)
    assert not any(e.cameo.startswith("06") for e in events)


def test_a_round_of_exercises_is_exercises(code) -> None:
    events = code("Chile and Peru began a new round of joint naval exercises.", ACTORS)
    assert triples(events) == {("Chile", "062", "Peru"), ("Peru", "062", "Chile")}
