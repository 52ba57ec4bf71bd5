"""Open extraction scores on hand-made gold with hand-made predictions (no model).

``data/mini.jsonl`` has 4 gold events: NOR->CHL 111 (alt 10), NOR->CHL 040 and CHL->NOR 040
(talks, both ways), PER->BOL 0233 (alt 07); and an article with no events.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluate import evaluate
from detente.evaluate.report import FALSE_ALARM, MISSED, WRONG_CLASS
from detente.records import Actor
from tests.evaluate.fakes import FakeCoder, Spec

DATA = Path(__file__).parent / "data"
GOLD = DATA / "mini.jsonl"

PREDICTIONS: dict[str, list[Spec]] = {
    "criticised Chile": [
        # root 10 is an alt of the gold 111: correct; the target sector is wrong (MIL, gold GOV)
        ("Norway's foreign minister", "NORGOV", "Chile's fisheries ministry", "CHLMIL", "100"),
        ("Norwegian", "NOR", "Chilean", "CHL", "040"),
        # the same dyad and root again: one-to-one, so a false alarm
        ("Norwegian", "NOR", "Chilean", "CHL", "043"),
        # domestic: not counted at all
        ("Oslo", "NORGOV", "Norway's foreign minister", "NORGOV", "010"),
    ],
    # 071 is an alt root of the gold 0233; gold sectors are null, so any sector matches
    "emergency food aid": [("Peru", "PERMIL", "Bolivia", "BOLGOV", "071")],
    # the article with no gold event
    "Lisbon": [("Lisbon", "PRT", "harbour", "ESP", "112")],
}

ACTORS = {
    "Norway's foreign minister": Actor("NOR", "GOV"),
    "Chile's fisheries ministry": Actor("CHL", "LEG"),  # right country, wrong sector
    "Norwegian": Actor("NOR"),
    # "Chilean" is not resolved
    "Peru": Actor("PER"),
    "Bolivia": Actor("BOL"),
}


@pytest.fixture
def coder() -> FakeCoder:
    return FakeCoder(PREDICTIONS, ACTORS)


def test_event_scores(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    assert (report.format, report.mode, report.n_items) == ("detente", "open", 3)
    assert report.events is not None
    assert (report.events.n_gold, report.events.n_pred, report.events.n_match) == (4, 5, 3)
    assert report.events.precision == pytest.approx(0.6)
    assert report.events.recall == pytest.approx(0.75)
    assert report.events.f1 == pytest.approx(2 / 3)


def test_sector_scores(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    assert report.events_sector is not None
    assert report.events_sector.n_match == 2  # the CHLMIL target no longer matches CHLGOV
    assert report.events_sector.precision == pytest.approx(0.4)


def test_empty_predictions() -> None:
    report = evaluate(GOLD, coder=FakeCoder())
    assert report.events is not None
    assert (report.events.n_gold, report.events.n_pred, report.events.n_match) == (4, 0, 0)
    assert (report.events.precision, report.events.recall, report.events.f1) == (0.0, 0.0, 0.0)
    assert len(report.misses) == 4 and report.false_alarms == []


def test_article_without_events_only_adds_false_alarms(tmp_path: Path) -> None:
    gold = tmp_path / "quiet.jsonl"
    gold.write_text(GOLD.read_text(encoding="utf-8").splitlines()[2] + "\n", encoding="utf-8")
    report = evaluate(gold, coder=FakeCoder(PREDICTIONS))
    assert report.events is not None
    assert (report.events.n_gold, report.events.n_pred, report.events.n_match) == (0, 1, 0)
    (alarm,) = report.errors
    assert alarm.kind == FALSE_ALARM and "Lisbon" in alarm.sentence


def test_coder_gets_title_date_and_actor_spans(coder: FakeCoder) -> None:
    evaluate(GOLD, coder=coder)
    first = coder.seen[0]
    assert first.article.id == "mini-1"
    assert first.article.doc_text.startswith("Oslo rebukes Santiago")
    assert str(first.article.published) == "2031-03-02"
    words = [first.article.doc_text[s:e] for s, e in first.spans]
    assert words == [
        "Norway's foreign minister",
        "Chile's fisheries ministry",
        "Norwegian",
        "Chilean",
    ]


def test_errors_say_why(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    kinds = [(e.kind, e.item_id) for e in report.errors]
    assert kinds == [(MISSED, "mini-1"), (FALSE_ALARM, "mini-1"), (FALSE_ALARM, "mini-3")]
    missed = report.errors[0]
    assert missed.gold.startswith("Chilean [CHL] -> Norwegian [NOR]: 04")
    assert missed.sentence == "Norwegian and Chilean diplomats later held talks in Geneva."


def test_wrong_class_on_the_same_dyad(tmp_path: Path) -> None:
    coder = FakeCoder({"emergency food aid": [("Peru", "PER", "Bolivia", "BOL", "112")]})
    report = evaluate(GOLD, coder=coder)
    wrong = [e for e in report.errors if e.kind == WRONG_CLASS]
    assert len(wrong) == 1 and wrong[0].item_id == "mini-2"
    assert ("02", "11", 1) in report.confusion


def test_per_class_and_confusion(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    assert report.label_kind == "CAMEO root"
    scores = {s.label: s for s in report.per_class}
    assert (scores["04"].n_gold, scores["04"].n_pred, scores["04"].recall) == (2, 2, 0.5)
    assert scores["02"].recall == 1.0  # found through the alt root 07
    cells = {(g, p): n for g, p, n in report.confusion}
    assert cells[("10", "10")] == 1 and cells[("07", "07")] == 1
    assert cells[("04", "none")] == 1 and cells[("none", "11")] == 1


def test_actor_scores_are_those_of_matched_events(coder: FakeCoder) -> None:
    report = evaluate(GOLD, coder=coder)
    actors = report.actors
    assert actors is not None
    # 3 matched events, 6 actors; a match needs both countries, so the countries are right
    assert (actors.n_country, actors.country_ok) == (6, 6)
    assert (actors.n_sector, actors.sector_ok) == (2, 1)  # predicted CHL MIL where gold has GOV


def test_every_gold_actor_resolved_from_its_words(coder: FakeCoder) -> None:
    every = evaluate(GOLD, coder=coder).actors_all
    assert every is not None
    assert (every.n_country, every.country_ok) == (6, 5)  # "Chilean" unresolved
    assert (every.n_sector, every.sector_ok) == (2, 1)  # only GOV actors have a gold sector
    assert every.n_not_found == 0


def test_actor_words_not_in_the_text_count_as_wrong(tmp_path: Path) -> None:
    line = (
        '{"id": "a", "text": "Peru thanked Chile.", "events": [{"source": {"text": "Lima", '
        '"country": "PER", "sector": "GOV"}, "target": {"text": "Chile", "country": "CHL", '
        '"sector": null}, "cameo": "051", "alt": []}]}'
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n", encoding="utf-8")
    report = evaluate(gold, coder=FakeCoder(actors={"Chile": Actor("CHL")}))
    assert report.actors is not None and report.actors.n_country == 0  # nothing matched
    every = report.actors_all
    assert every is not None
    assert (every.country_ok, every.n_country) == (1, 2)
    assert (every.sector_ok, every.n_sector) == (0, 1)
    assert every.n_not_found == 1


def test_progress_is_told(coder: FakeCoder) -> None:
    told: list[int] = []
    evaluate(GOLD, coder=coder, on_loaded=told.append, progress=told.append)
    assert told == [3, 1, 1, 1]
