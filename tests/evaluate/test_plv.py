"""PLV scoring, pair and open modes, on ``data/mini_plv.tsv`` (sentences written for these tests).

Gold: p1 ACCUSE (quad 3), p2 AID (2), p3 CONSULT (1), p4 YIELD (2, no marked target),
p5 ASSAULT (4).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.errors import GoldFormatError
from detente.evaluate import evaluate
from detente.evaluate.coding import PairQuery
from detente.evaluate.report import FALSE_ALARM, MISSED, WRONG_CLASS
from tests.evaluate.fakes import FakeClassification, FakeClassifier, FakeCoder, Spec

GOLD = Path(__file__).parent / "data" / "mini_plv.tsv"

ANSWERS = {
    "condemned": FakeClassification("111"),  # ACCUSE: right
    "grain": FakeClassification("0233"),  # REQUEST: wrong class, wrong quad, right coop
    # a statement first, then a code with a class: the alternative answers (CONSULT: right)
    "met": FakeClassification("010", alternatives=(("042", 0.3),)),
    "resign": FakeClassification("010"),  # a statement and nothing else: wrong
    # p5: no answer
}


def test_pair_mode_scores() -> None:
    report = evaluate(GOLD, mode="pair", classifier=FakeClassifier(ANSWERS))
    assert (report.format, report.mode, report.n_items) == ("plv", "pair", 5)
    assert report.events is None and report.actors is None
    pairs = report.pairs
    assert pairs is not None
    assert pairs.found == pytest.approx(4 / 5)
    assert pairs.accuracy == pytest.approx(2 / 5)
    assert pairs.quad_accuracy == pytest.approx(2 / 5)
    assert pairs.coop_conflict_accuracy == pytest.approx(4 / 5)
    # ACCUSE 1, CONSULT 1, AID 0, YIELD 0, ASSAULT 0, REQUEST 0
    assert pairs.macro_f1 == pytest.approx(2 / 6)


def test_pair_mode_passes_the_marked_spans() -> None:
    classifier = FakeClassifier(ANSWERS)
    evaluate(GOLD, mode="pair", classifier=classifier)
    sentence, source, target = classifier.calls[0]
    assert (sentence[slice(*source)], sentence[slice(*target)]) == ("Norway", "Chile")
    resign, source, target = classifier.calls[3]
    assert resign[slice(*source)] == "Uruguay's cabinet"
    assert target == (0, len(resign))  # implicit target: the whole sentence


def test_pair_mode_errors() -> None:
    report = evaluate(GOLD, mode="pair", classifier=FakeClassifier(ANSWERS))
    kinds = [(e.kind, e.item_id, e.gold, e.predicted) for e in report.errors]
    assert kinds == [
        (WRONG_CLASS, "p2", "AID", "REQUEST (0233)"),
        (WRONG_CLASS, "p4", "YIELD", "none (010)"),
        (MISSED, "p5", "ASSAULT", ""),
    ]
    assert report.errors[0].sentence.startswith("<s>Peru</s> shipped")


PREDICTIONS: dict[str, list[Spec]] = {
    "condemned": [("Norway", "NOR", "Chile", "CHL", "111")],
    # the wrong direction: not found
    "grain": [("Bolivia", "BOL", "Peru", "PER", "071")],
    # two events overlap the marked spans; the one with the gold class answers
    "Quito": [
        ("Ecuador's president", "ECUGOV", "Colombia's foreign minister", "COLGOV", "036"),
        ("president", "ECUGOV", "foreign minister", "COLGOV", "042"),
    ],
    # the target is implicit: any target will do
    "resign": [("Uruguay's cabinet", "URYGOV", "Friday", "URY", "0831")],
    # a span that ends where the marked source begins does not overlap it (half-open spans)
    "Vanuatu": [
        ("Rebels", "REB", "Fiji", "FJI", "190"),
        ('then "', "VUT", "Fiji", "FJI", "190"),
    ],
}


def test_open_mode_scores() -> None:
    report = evaluate(GOLD, fmt="plv", mode="open", coder=FakeCoder(PREDICTIONS))
    assert report.mode == "open"
    assert report.events is not None
    assert (report.events.n_gold, report.events.n_pred, report.events.n_match) == (5, 7, 3)
    assert report.pairs is not None
    assert report.pairs.found == pytest.approx(3 / 5)
    assert report.pairs.accuracy == pytest.approx(3 / 5)
    assert report.events_sector is None and report.actors is None


def test_open_mode_errors() -> None:
    report = evaluate(GOLD, mode="open", coder=FakeCoder(PREDICTIONS))
    missed = [(e.kind, e.item_id) for e in report.misses]
    assert missed == [(MISSED, "p2"), (MISSED, "p5")]
    alarms = [e.item_id for e in report.false_alarms]
    assert alarms == ["p2", "p3", "p5", "p5"]  # every event but the right ones
    assert all(e.kind == FALSE_ALARM for e in report.false_alarms)


def test_pair_mode_needs_plv(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="pair mode"):
        evaluate(Path(__file__).parent / "data" / "mini.jsonl", mode="pair")


def test_unknown_mode() -> None:
    with pytest.raises(ValueError, match="mode"):
        evaluate(GOLD, mode="closed")


class BatchOnly(FakeClassifier):
    """A classifier that takes all pairs at once: single calls must not be used."""

    batches: int = 0

    def classify_many(self, queries: list[PairQuery]) -> Iterator[FakeClassification]:
        self.batches += 1
        for query in queries:
            yield super().__call__(query.sentence, source=query.source, target=query.target)

    def __call__(
        self, sentence: str, *, source: tuple[int, int], target: tuple[int, int]
    ) -> FakeClassification:
        raise AssertionError("classify_many should have been used")


def test_pair_mode_uses_batches_when_offered() -> None:
    classifier = BatchOnly(ANSWERS)
    report = evaluate(GOLD, mode="pair", classifier=classifier)
    assert classifier.batches == 1 and len(classifier.calls) == 5
    assert report.pairs is not None and report.pairs.accuracy == pytest.approx(2 / 5)
