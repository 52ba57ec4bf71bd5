"""resolve_phrase: actors from plain phrases, no parse (tables, titles, adjectives, IGOs)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import ActorKnowledge, resolve_phrase


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Russia", "RUS", None),
        ("the United States", "USA", None),
        ("U.S.", "USA", None),
        ("Senior Russian officials", "RUS", "GOV"),
        ("the US ambassador", "USA", "GOV"),
        ("Russian MPs", "RUS", "LEG"),
        ("Chinese warships", "CHN", "MIL"),
        ("Russia's defence ministry", "RUS", "GOV"),
        ("a U.S. Supreme Court decision", "USA", "JUD"),
        ("The U.S. Senate", "USA", "LEG"),
        ("the Russian Senate", "RUS", "LEG"),
        ("Iranian Foreign Minister Mohammad Javad Zarif", "IRN", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("Tokyo", "JPN", "GOV"),
        ("Kenyan rebel commanders", "KEN", "REB"),
        ("Turkish military officials", "TUR", "MIL"),
        ("Israeli intelligence officials", "ISR", "SPY"),
        ("the Egyptian opposition leader", "EGY", "OPP"),
        ("a group of Moroccan diplomats", "MAR", "GOV"),
        ("the president of Armenia", "ARM", "GOV"),
        ("former Peruvian president", "PER", "ELI"),
        ("ex-Brazilian minister", "BRA", "ELI"),
    ],
)
def test_phrases(knowledge: ActorKnowledge, text: str, country: str, sector: str | None) -> None:
    actor = resolve_phrase(knowledge, text)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "igo", "sector"),
    [
        ("the United Nations", "UN", None),
        ("U.N. Security Council", "UNSC", "GOV"),
        ("UN peacekeepers", "UN", "MIL"),
        ("NATO", "NATO", None),
        ("EU foreign ministers", "EU", "GOV"),
        ("the International Atomic Energy Agency", "IAEA", None),
    ],
)
def test_igos(knowledge: ActorKnowledge, text: str, igo: str, sector: str | None) -> None:
    actor = resolve_phrase(knowledge, text)
    assert actor is not None
    assert (actor.country, actor.igo, actor.sector, actor.method) == ("IGO", igo, sector, "igo")


def test_ambassador_to_is_the_recipient(knowledge: ActorKnowledge) -> None:
    actor = resolve_phrase(knowledge, "the Canadian ambassador to Mexico")
    assert actor is not None
    assert (actor.country, actor.sector, actor.recipient) == ("CAN", "GOV", "MEX")


def test_apposition_gives_an_unknown_name_its_actor(knowledge: ActorKnowledge) -> None:
    actor = resolve_phrase(knowledge, "Anna Lindqvist, the Swedish envoy to Chile")
    assert actor is not None
    assert (actor.country, actor.sector, actor.recipient) == ("SWE", "GOV", "CHL")
    assert actor.method == "apposition"


def test_unknown_name_is_not_guessed(knowledge: ActorKnowledge) -> None:
    actor = resolve_phrase(knowledge, "Anna Lindqvist")
    assert actor is None or actor.country is None


def test_lowercase_country_word_is_not_a_country(knowledge: ActorKnowledge) -> None:
    assert resolve_phrase(knowledge, "turkey") is None


def test_people_table_follows_the_date(knowledge: ActorKnowledge) -> None:
    early = resolve_phrase(knowledge, "Trump", when=date(2018, 5, 1))
    between = resolve_phrase(knowledge, "Trump", when=date(2022, 5, 1))
    assert early is not None and (early.country, early.sector) == ("USA", "GOV")
    assert between is not None and (between.country, between.sector) == ("USA", "ELI")
