"""Reading the three gold formats (small files written for these tests)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.errors import GoldFormatError
from detente.evaluate.gold import (
    GoldActor,
    GoldArticle,
    GoldPair,
    detect_format,
    find_phrase,
    read_gold,
    sentence_around,
    unmark,
)
from detente.evaluate.run import load_gold

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("mini.jsonl", "detente"), ("mini_plv.tsv", "plv"), ("mini_gsr.json", "plover")],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(DATA / name) == fmt


def test_detect_format_refuses_other_files(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="known format"):
        detect_format(other)


def test_missing_gold_file_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="not found"):
        load_gold(tmp_path / "absent.jsonl")


def test_detente_articles_inline_and_by_path() -> None:
    items = read_gold(DATA / "mini.jsonl", "detente")
    assert [item.id for item in items] == ["mini-1", "mini-2", "mini-3"]
    first, second, third = items
    assert isinstance(first, GoldArticle) and isinstance(second, GoldArticle)
    assert first.title == "Oslo rebukes Santiago over fishing quotas"
    assert first.published == date(2031, 3, 2)
    assert second.text.startswith("Peru sent emergency food aid")  # read from texts/
    assert second.published is None
    assert isinstance(third, GoldArticle) and third.events == ()


def test_detente_events_keep_roots_and_alt_roots() -> None:
    first, second, _ = read_gold(DATA / "mini.jsonl", "detente")
    assert isinstance(first, GoldArticle) and isinstance(second, GoldArticle)
    criticise = first.events[0]
    assert criticise.label == "11" and criticise.alt == ("10",)
    assert criticise.source == GoldActor("Norway's foreign minister", "NOR", "GOV")
    assert second.events[0].accepted == ("02", "07")
    # actors are the distinct actors of the events (talks in both directions share theirs)
    assert len(first.actors) == 4


def test_detente_line_without_text_or_path(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "events": []}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="neither 'text' nor 'path'"):
        read_gold(gold, "detente")


def test_detente_bad_cameo_code(tmp_path: Path) -> None:
    event = {"source": {"country": "NOR"}, "target": {"country": "CHL"}, "cameo": "talks"}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "t", "events": [event]}) + "\n", "utf-8")
    with pytest.raises(GoldFormatError, match="CAMEO code"):
        read_gold(gold, "detente")


def test_plv_pairs_and_their_spans() -> None:
    pairs = read_gold(DATA / "mini_plv.tsv", "plv")
    assert len(pairs) == 5
    first = pairs[0]
    assert isinstance(first, GoldPair)
    assert first.label == "ACCUSE" and first.quad == 3
    assert [first.sentence[s:e] for s, e in first.sources] == ["Norway"]
    assert [first.sentence[s:e] for s, e in first.targets] == ["Chile"]


def test_plv_implicit_target_and_quoted_sentence() -> None:
    pairs = read_gold(DATA / "mini_plv.tsv", "plv")
    resign, quoted = pairs[3], pairs[4]
    assert isinstance(resign, GoldPair) and isinstance(quoted, GoldPair)
    assert resign.targets == ()
    assert quoted.sentence.startswith('Rebels shelled the town, then "Vanuatu"')
    assert [quoted.sentence[s:e] for s, e in quoted.sources] == ["Vanuatu"]


def test_unmark_repeated_marks() -> None:
    plain, spans = unmark("<s>Peru</s> paid <t>Chile</t> and later <t>Chile</t> again.")
    assert plain == "Peru paid Chile and later Chile again."
    assert spans["s"] == ((0, 4),)
    assert [plain[s:e] for s, e in spans["t"]] == ["Chile", "Chile"]


def test_plover_records() -> None:
    items = read_gold(DATA / "mini_gsr.json", "plover")
    assert len(items) == 4  # the DOCUMENT record is skipped
    tokyo = items[0]
    assert isinstance(tokyo, GoldArticle)
    (event,) = tokyo.events
    assert (event.source.country, event.target.country, event.label) == ("JPN", "ITA", "ACCUSE")
    assert event.target.sector == "GOV"  # GOVxyz -> GOV


def test_plover_list_actors_make_every_pair() -> None:
    _, troops, students, ngo = read_gold(DATA / "mini_gsr.json", "plover")
    assert isinstance(troops, GoldArticle)
    pairs = {(e.source.country, e.target.country, e.label) for e in troops.events}
    assert pairs == {("KEN", "SOM", "YIELD"), ("UGA", "SOM", "YIELD")}
    assert isinstance(students, GoldArticle) and students.events == ()  # target ""
    assert students.actors == (GoldActor("students", "CHL", None),)  # *** is no sector
    assert isinstance(ngo, GoldArticle) and ngo.events == ()  # an NGO has no country
    assert [a.country for a in ngo.actors] == ["MWI"]


@pytest.mark.parametrize(
    ("phrase", "sentence"),
    [
        ("recalled", "The ministry in Chile recalled its envoy."),
        ("said so", 'Peru said so on Monday: "It is over."'),
        ("other words", "other words"),
        ("Headline", "Headline"),
    ],
)
def test_sentence_around(phrase: str, sentence: str) -> None:
    text = (
        "Headline\n\nThe ministry in Chile recalled its envoy. "
        'Peru said so on Monday: "It is over." '
    )
    assert sentence_around(text, phrase) == sentence


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("Chile", "Chile"),
        ("the ministry", "The ministry"),
        ("Chilean ... envoy", "Chilean trade envoy"),
        ("Chilean .. envoy", "Chilean trade envoy"),
        ("Peru", None),
        ("", None),
        ("he", "he"),  # a word, not the letters of "The" or "Chile"
        ("Chile's envoy", "Chile’s envoy"),  # curly and straight quotes alike
        ("Chilean  trade\nenvoy", "Chilean trade envoy"),  # spacing is not compared
    ],
)
def test_find_phrase(phrase: str, found: str | None) -> None:
    text = "The ministry in Chile recalled the Chilean trade envoy. Chile’s envoy said he left."
    span = find_phrase(text, phrase)
    assert (text[span[0] : span[1]] if span else None) == found
