"""Counting and one-to-one matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.evaluate.scoring import (
    NONE,
    Counts,
    Outcome,
    class_scores,
    confusion,
    macro_f1,
    max_matching,
    sector_fits,
)


def test_counts() -> None:
    counts = Counts(n_gold=4, n_pred=5, n_match=3)
    assert counts.precision == pytest.approx(0.6)
    assert counts.recall == pytest.approx(0.75)
    assert counts.f1 == pytest.approx(2 / 3)


def test_empty_counts_are_zero_not_errors() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)
    assert Counts(n_gold=3).f1 == 0.0


def test_matching_is_one_to_one() -> None:
    # two predictions of the same event match it once
    assert max_matching(1, 2, lambda i, j: True) == [(0, 0)]


def test_matching_is_maximal_not_greedy() -> None:
    # gold 0 accepts roots 11 and 10, gold 1 only 10; predictions are [10, 11].
    # Greedy would give prediction 0 to gold 0 and leave gold 1 unmatched.
    accepts = [{"11", "10"}, {"10"}]
    predicted = ["10", "11"]
    pairs = max_matching(2, 2, lambda i, j: predicted[j] in accepts[i])
    assert pairs == [(0, 1), (1, 0)]


def test_sector_null_matches_anything() -> None:
    assert sector_fits(None, "GOV") and sector_fits("GOV", None) and sector_fits(None, None)
    assert sector_fits("GOV", "GOV") and not sector_fits("GOV", "MIL")


@given(st.lists(st.lists(st.booleans(), min_size=4, max_size=4), max_size=4))
def test_matching_never_reuses_an_item(table: list[list[bool]]) -> None:
    pairs = max_matching(len(table), 4, lambda i, j: table[i][j])
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert all(table[i][j] for i, j in pairs)


OUTCOMES = [
    Outcome("11", "10", correct=True),  # accepted through alt
    Outcome("04", "04", correct=True),
    Outcome("04", NONE, correct=False),  # missed
    Outcome(NONE, "04", correct=False),  # false alarm
    Outcome("02", "11", correct=False),  # wrong class
]


def test_class_scores() -> None:
    scores = {s.label: s for s in class_scores(OUTCOMES)}
    assert set(scores) == {"11", "04", "02", "10"}
    four = scores["04"]
    assert (four.n_gold, four.n_pred, four.precision, four.recall) == (2, 2, 0.5, 0.5)
    assert scores["11"].recall == 1.0 and scores["11"].precision == 0.0
    assert scores["10"].precision == 1.0 and scores["10"].n_gold == 0
    assert scores["02"].f1 == 0.0


def test_confusion_puts_accepted_alternatives_on_the_diagonal() -> None:
    cells = {(g, p): n for g, p, n in confusion(OUTCOMES)}
    assert cells == {
        ("10", "10"): 1,
        ("04", "04"): 1,
        ("04", NONE): 1,
        (NONE, "04"): 1,
        ("02", "11"): 1,
    }


def test_macro_f1() -> None:
    outcomes = [Outcome("A", "A", True), Outcome("B", "A", False), Outcome("B", NONE, False)]
    # A: P 1/2, R 1 -> 2/3; B: 0
    assert macro_f1(outcomes) == pytest.approx(1 / 3)
