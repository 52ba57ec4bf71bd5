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
        ("Kremlin critics", "RUS", "OPP"),
        ("detractors of the Cuban government", "CUB", "OPP"),
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
        ("NATO", "NATO", "MIL"),
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


@pytest.mark.parametrize(
    ("text", "when", "country", "sector"),
    [
        # Abdullah Gul: foreign minister, then president, then out of office.
        ("Abdullah Gul", date(2005, 6, 1), "TUR", "GOV"),
        ("Abdullah Gul", date(2010, 6, 1), "TUR", "GOV"),
        ("Abdullah Gul", date(2016, 6, 1), "TUR", "ELI"),
        # Petro Poroshenko: foreign minister, businessman, president, opposition.
        ("Poroshenko", date(2010, 1, 1), "UKR", "GOV"),
        ("Poroshenko", date(2012, 1, 1), "UKR", "BUS"),
        ("Poroshenko", date(2016, 1, 1), "UKR", "GOV"),
        ("Poroshenko", date(2021, 1, 1), "UKR", "OPP"),
        # Before any office: the country, no sector.
        ("Kamala Harris", date(2010, 1, 1), "USA", None),
        # An international official: IGO.
        ("Kofi Annan", date(2003, 1, 1), "IGO", "GOV"),
    ],
)
def test_offices_follow_the_date(
    knowledge: ActorKnowledge, text: str, when: date, country: str, sector: str | None
) -> None:
    actor = resolve_phrase(knowledge, text, when=when)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_shared_surname_picks_who_held_office(knowledge: ActorKnowledge) -> None:
    early = resolve_phrase(knowledge, "Bush", when=date(1990, 6, 1))
    late = resolve_phrase(knowledge, "Bush", when=date(2005, 6, 1))
    assert early is not None and early.name == "George H. W. Bush"
    assert late is not None and late.name == "George W. Bush"


def test_igo_person_has_the_igo_name(knowledge: ActorKnowledge) -> None:
    actor = resolve_phrase(knowledge, "Jens Stoltenberg", when=date(2018, 1, 1))
    assert actor is not None and (actor.country, actor.igo) == ("IGO", "NATO")


def test_title_in_the_text_beats_the_table(knowledge: ActorKnowledge) -> None:
    actor = resolve_phrase(knowledge, "former President Vladimir Putin", when=date(2018, 1, 1))
    assert actor is not None and actor.sector == "ELI"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the White House", "USA", "GOV"),
        ("Foggy Bottom", "USA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("the Elysee", "FRA", "GOV"),
        ("the Quai d'Orsay", "FRA", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("the State Department", "USA", "GOV"),
        ("the Duma", "RUS", "LEG"),
        ("the Knesset", "ISR", "LEG"),
        ("the Bundeswehr", "DEU", "MIL"),
        ("the IRGC", "IRN", "MIL"),
        ("Hezbollah", "LBN", "REB"),
        ("the Taliban", "AFG", "REB"),
        ("the FSB", "RUS", "SPY"),
        ("Mossad", "ISR", "SPY"),
        ("Kenyan police", "KEN", "COP"),
        ("the ruling party", None, "PTY"),
        ("Bolivian journalists", "BOL", "MED"),
        ("Peruvian students", "PER", "EDU"),
        ("Tunisian protesters", "TUN", "CVL"),
        ("a Chilean mining company", "CHL", "BUS"),
        ("Malian separatists", "MLI", "REB"),
    ],
)
def test_institutions_and_seats(
    knowledge: ActorKnowledge, text: str, country: str | None, sector: str
) -> None:
    actor = resolve_phrase(knowledge, text)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Lavrov of Russia", "RUS", "GOV"),
        ("King Abdullah of Jordan", "JOR", "GOV"),
        ("the head of the Syrian parliament", "SYR", "GOV"),
        ("a member of the Kenyan parliament", "KEN", "LEG"),
        ("dozens of Egyptian protesters", "EGY", "CVL"),
        ("thousands of Nigerians", "NGA", "CVL"),
        ("rebels in Mali", "MLI", "REB"),
        ("activists from Belarus", "BLR", "CVL"),
    ],
)
def test_attachments(knowledge: ActorKnowledge, text: str, country: str, sector: str) -> None:
    actor = resolve_phrase(knowledge, text, when=date(2015, 1, 1))
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("pro-Russian separatists", None),
        ("a US-backed militia", None),
        ("an anti-Iran alliance", None),
        ("Karen guerrillas", "MMR"),
        ("ethnic Tamils", "LKA"),
        ("a human rights group", "NGO"),
        ("Amnesty International", "IGO"),
    ],
)
def test_weak_or_special_countries(
    knowledge: ActorKnowledge, text: str, country: str | None
) -> None:
    actor = resolve_phrase(knowledge, text)
    assert actor is not None
    assert actor.country == country


@pytest.mark.parametrize(
    "text", ["Michael Jordan", "Denzel Washington", "Chad Smith", "Georgia O'Keeffe"]
)
def test_country_words_inside_personal_names(knowledge: ActorKnowledge, text: str) -> None:
    actor = resolve_phrase(knowledge, text)
    assert actor is None or actor.country is None


def test_misspelt_name(knowledge: ActorKnowledge) -> None:
    actor = resolve_phrase(knowledge, "President Bouteflicka", when=date(2005, 1, 1))
    assert actor is not None and (actor.country, actor.sector) == ("DZA", "GOV")


def test_evidence_and_method(knowledge: ActorKnowledge) -> None:
    from detente.actors.resolve import phrase_from_words, resolve

    phrase = phrase_from_words(knowledge, knowledge.tokenize("Senior Russian officials"))
    found = resolve(knowledge, phrase, None)
    assert found is not None
    assert found.actor.method == "adjective"
    assert any("Russian" in line for line in found.evidence)
    assert any("officials" in line for line in found.evidence)
