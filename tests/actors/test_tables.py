"""Lookup tables: keys, case rules, plurals and misspellings, the sector lexicon, dated offices."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors.tables import Entry, Gazetteer, Role, TermLexicon, norm, shape, stem


@pytest.mark.parametrize(
    ("word", "key"),
    [("U.S.", "us"), ("Élysée", "elysee"), ("D\u2019Alema", "d'alema"), ("Kremlin", "kremlin")],
)
def test_norm(word: str, key: str) -> None:
    assert norm(word) == key


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("officials", "official"),
        ("militias", "militia"),
        ("policemen", "policeman"),
        ("MPs", "mp"),
        ("Congress", "congress"),
        ("news", "news"),
    ],
)
def test_stem(word: str, singular: str) -> None:
    assert stem(word) == singular


def gazetteer(*forms: tuple[str, Entry]) -> Gazetteer:
    table = Gazetteer()
    for text, entry in forms:
        words = text.split()
        table.add(words, Entry(entry.kind, entry.country, pattern=tuple(shape(w) for w in words)))
    table.index_misspellings()
    return table


COUNTRIES = gazetteer(
    ("US", Entry("abbreviation", "USA")),
    ("Turkey", Entry("name", "TUR")),
    ("Ethiopia", Entry("name", "ETH")),
    ("Libyan", Entry("adjective", "LBY")),
    ("Costa Rica", Entry("name", "CRI")),
)


def countries(words: list[str]) -> list[str | None]:
    return [hit.entries[0].country for hit in COUNTRIES.find(words)]


def test_abbreviations_match_only_in_capitals() -> None:
    assert countries(["the", "US", "said"]) == ["USA"]
    assert countries(["let", "us", "go"]) == []


def test_names_need_a_capital() -> None:
    assert countries(["Turkey", "and", "turkey"]) == ["TUR"]


def test_longest_form_wins() -> None:
    hits = COUNTRIES.find(["Costa", "Rica", "voted"])
    assert [(h.start, h.end) for h in hits] == [(0, 2)]


def test_plural_of_a_demonym() -> None:
    assert countries(["Libyans", "protested"]) == ["LBY"]


def test_one_letter_missing_or_added() -> None:
    assert countries(["Ethopia"]) == ["ETH"]
    assert countries(["Ethiopiaa"]) == ["ETH"]


def test_short_words_are_not_taken_for_misspellings() -> None:
    assert countries(["Turky"]) == []


def test_term_lexicon_longest_match() -> None:
    terms = TermLexicon()
    terms.add("minister", head="GOV")
    terms.add("prime minister", head="GOV")
    terms.add("officials", role="GOV", is_role=True)
    found = terms.find(["the", "Prime", "Minister", "and", "officials"])
    assert [(s, e) for s, e, _ in found] == [(1, 3), (4, 5)]
    assert found[1][2].is_role


def test_role_holds_between_its_dates() -> None:
    role = Role("FRA", "GOV", start=date(2012, 5, 15), end=date(2017, 5, 14))
    assert role.holds(date(2015, 1, 1))
    assert not role.holds(date(2018, 1, 1))
    assert Role("FRA", "GOV", start=date(2017, 5, 14)).holds(date(2030, 1, 1))
