"""PLOVER GSR scoring on ``data/mini_gsr.json`` (records written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluate import evaluate
from detente.evaluate.report import FALSE_ALARM, WRONG_CLASS
from detente.records import Actor
from tests.evaluate.fakes import FakeCoder, Spec

GOLD = Path(__file__).parent / "data" / "mini_gsr.json"

PREDICTIONS: dict[str, list[Spec]] = {
    # DISAPPROVE is compared as ACCUSE; 111 is ACCUSE
    "Tokyo": [("Tokyo", "JPNGOV", "Italian trade ministers", "ITAGOV", "111")],
    # RETREAT is YIELD (0872); the second pair of the compound source gets the wrong class
    "Kenyan": [
        ("Kenyan troops", "KENMIL", "Somalia", "SOM", "0872"),
        ("Ugandan troops", "UGAMIL", "Somalia", "SOM", "042"),
    ],
    # a statement (01) has no PLV class: a false alarm
    "human rights": [("A human rights group", "IGO", "Malawi", "MWI", "010")],
}

ACTORS = {
    "Tokyo": Actor("JPN", "GOV"),
    "Italian trade ministers": Actor("ITA", "GOV"),
    "Kenyan troops": Actor("KEN", "MIL"),
    "Ugandan troops": Actor("UGA", "GOV"),
    "Somalia": Actor("SOM"),
    "students": Actor("CHL", "EDU"),
}


@pytest.fixture
def coder() -> FakeCoder:
    return FakeCoder(PREDICTIONS, ACTORS)


def test_event_scores(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    assert (report.format, report.n_items, report.label_kind) == ("plover", 4, "PLV class")
    assert report.events is not None
    assert (report.events.n_gold, report.events.n_pred, report.events.n_match) == (3, 4, 2)


def test_errors(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    kinds = sorted((e.kind, e.item_id) for e in report.errors)
    assert kinds == [(FALSE_ALARM, "MINI-AGREE-0001"), (WRONG_CLASS, "MINI-RETREAT-0001")]
    cells = {(g, p): n for g, p, n in report.confusion}
    assert cells == {("ACCUSE", "ACCUSE"): 1, ("YIELD", "YIELD"): 1, ("YIELD", "CONSULT"): 1,
                     ("none", "no class"): 1}  # fmt: skip


def test_every_listed_actor_is_checked(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    actors = report.actors
    assert actors is not None
    # Tokyo, Italian ... ministers, Kenyan troops, Ugandan troops, Somalia, students, Malawi;
    # the NGO has no country to check
    assert (actors.n_country, actors.country_ok) == (7, 6)  # Malawi unresolved
    assert report.actors_all is None  # PLOVER: every gold actor is already what is scored
    # GOV, GOV, MIL, MIL are gold sectors ("***" and missing ones are not scored)
    assert (actors.n_sector, actors.sector_ok) == (4, 3)


def test_actor_with_an_ellipsis_is_found_in_the_text(coder: FakeCoder) -> None:
    evaluate(GOLD, coder=coder)
    tokyo = coder.seen[0]
    words = [tokyo.article.doc_text[s:e] for s, e in tokyo.spans]
    assert words == ["Tokyo", "Italian trade ministers"]
    assert tokyo.article.published is None  # the GSR dates are placeholders
