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


# One article about a Turkish statesman, read as if published in three different years.
GUL = (
    "Abdullah Gul arrived in Baku on Monday for talks with Azerbaijani officials. "
    "Gul told reporters that Ankara wanted closer ties with its neighbour."
)


@pytest.mark.parametrize(
    ("published", "sector", "office"),
    [
        (date(2005, 5, 2), "GOV", "foreign minister"),
        (date(2011, 5, 2), "GOV", "president"),
        (date(2016, 5, 2), "ELI", "president"),
    ],
)
def test_one_person_across_the_years(
    parse: Callable[..., Doc], published: date, sector: str, office: str
) -> None:
    doc = parse(GUL, published)
    found = by_text(doc)
    gul = found["Abdullah Gul"]
    assert (gul.actor.country, gul.actor.sector) == ("TUR", sector)
    assert office in gul.evidence[0]
    assert found["Gul"].actor.sector == sector
    assert found["Azerbaijani officials"].actor.code == "AZEGOV"
    assert found["Ankara"].actor.code == "TURGOV"


def test_a_title_in_the_text_wins_over_the_date(parse: Callable[..., Doc]) -> None:
    doc = parse("Former President Abdullah Gul criticised the Greek government.", date(2011, 1, 1))
    found = by_text(doc)
    assert found["Former President Abdullah Gul"].actor.code == "TURELI"
    assert found["the Greek government"].actor.code == "GRCGOV"


def test_apposition_gives_the_name_its_actor(parse: Callable[..., Doc]) -> None:
    doc = parse("Mia Lund, the Danish ambassador to Chile, protested on Tuesday.")
    found = by_text(doc)
    lund = found["Mia Lund"]
    assert (lund.actor.code, lund.actor.recipient, lund.actor.method) == (
        "DNKGOV",
        "CHL",
        "apposition",
    )
    assert found["the Danish ambassador"].actor.recipient == "CHL"


def test_possessive_institution_and_igo(parse: Callable[..., Doc]) -> None:
    doc = parse("Egypt's foreign ministry condemned the attack and asked UN peacekeepers to help.")
    found = by_text(doc)
    assert found["Egypt's foreign ministry"].actor.code == "EGYGOV"
    peacekeepers = found["UN peacekeepers"].actor
    assert (peacekeepers.country, peacekeepers.igo, peacekeepers.sector) == ("IGO", "UN", "MIL")


def test_they_follows_a_plural_group(parse: Callable[..., Doc]) -> None:
    doc = parse("Hungarian lawmakers rejected the bill on Monday. They called it dangerous.")
    found = by_text(doc)
    assert found["Hungarian lawmakers"].actor.code == "HUNLEG"
    assert found["They"].actor.code == "HUNLEG"
    assert found["They"].actor.method == "coref"


def test_he_does_not_stand_for_a_plural_group(parse: Callable[..., Doc]) -> None:
    doc = parse("Canadian Prime Minister Paul Roy's critics say he has ignored the provinces.")
    found = by_text(doc)
    assert found["Canadian Prime Minister Paul Roy's critics"].actor.code == "CANOPP"
    assert "he" not in found or found["he"].actor.sector != "OPP"


def test_the_ambassador_refers_back(parse: Callable[..., Doc]) -> None:
    doc = parse(
        "The Mexican ambassador met Canadian officials in Ottawa. "
        "Later the ambassador said the talks went well."
    )
    found = by_text(doc)
    assert found["the ambassador"].actor.code == "MEXGOV"
    assert found["the ambassador"].evidence == ("The Mexican ambassador", "the ambassador")


def test_no_guess_for_an_untitled_stranger(parse: Callable[..., Doc]) -> None:
    doc = parse("Lena Marsh and Tom Ridley spoke to reporters about Peru and Chile.")
    for mention in doc._.mentions:
        if mention.text in ("Lena Marsh", "Tom Ridley"):
            assert mention.actor.country is None


def test_default_pipeline_with_sentence_selection() -> None:
    from detente.nlp import load_nlp

    nlp = load_nlp(events=False)
    text = (
        "The weather in Lima was mild. Peruvian officials accused Chile of spying on Monday. "
        "Markets were calm."
    )
    doc = nlp(text)
    assert all(text[m.start : m.end] == m.text for m in doc._.mentions)
    assert {"PERGOV", "CHL"} <= {m.actor.code for m in doc._.mentions}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Chile said it would withdraw its troops from Peru.", "its troops", "CHLMIL"),
        ("Peru says Chile has moved their soldiers to the border.", "their soldiers", "CHLMIL"),
    ],
)
def test_a_possessive_pronoun_gives_its_owners_country(
    parse: Callable[..., Doc], text: str, phrase: str, code: str
) -> None:
    assert by_text(parse(text))[phrase].actor.code == code


def test_a_us_state_is_the_usa_not_the_country_beside_it(parse: Callable[..., Doc]) -> None:
    doc = parse("Lawmakers in Oregon voted to welcome Eritrean refugees.")
    assert by_text(doc)["Oregon"].actor.country == "USA"
    assert by_text(doc)["Lawmakers"].actor.country != "ERI"


def test_ice_is_us_immigration_police(parse: Callable[..., Doc]) -> None:
    doc = parse("ICE deported forty Guatemalan farmworkers last week.")
    assert by_text(doc)["ICE"].actor.code == "USACOP"


def test_a_lowercase_common_noun_is_no_president(parse: Callable[..., Doc]) -> None:
    doc = parse("Patrols combed the bush near the Ugandan border.")
    assert all(m.actor.name != "George W. Bush" for m in doc._.mentions)
    assert "the bush" not in by_text(doc)


def test_a_senate_takes_the_country_of_the_story(parse: Callable[..., Doc]) -> None:
    doc = parse("The Senate passed the mining bill, Chilean ministers said.")
    assert by_text(doc)["The Senate"].actor.code == "CHLLEG"


def test_a_senate_keeps_its_default_beside_a_target_country(parse: Callable[..., Doc]) -> None:
    doc = parse("The Senate voted to impose tariffs on Peru.")
    assert by_text(doc)["The Senate"].actor.code == "USALEG"


def test_an_organisation_operating_somewhere_is_the_speaker(parse: Callable[..., Doc]) -> None:
    from detente.events.extract import MentionIndex

    doc = parse("The Red Cross operating in Yemen said Saudi jets had bombed a clinic.")
    index = MentionIndex(doc, list(doc._.mentions))
    said = next(t for t in doc if t.lower_ == "said")
    subject = next(c for c in said.children if c.dep_ == "nsubj")
    found = index.find(subject)
    assert found is not None and found.actor.country == "IGO"
