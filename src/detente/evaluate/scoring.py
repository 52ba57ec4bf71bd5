"""Counting and matching: micro precision/recall/F1, one-to-one matching, per-class scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

NONE = "none"  # the label of "no event" / "no class" in per-class tables and confusion matrices


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    """Gold items, predicted items and matches between them."""

    n_gold: int = 0
    n_pred: int = 0
    n_match: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.n_match, self.n_pred)

    @property
    def recall(self) -> float:
        return ratio(self.n_match, self.n_gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.n_gold + other.n_gold, self.n_pred + other.n_pred, self.n_match + other.n_match
        )


@dataclass(frozen=True, slots=True)
class ClassScore:
    """One class: gold items of it (support), predictions of it, and correct ones of each side."""

    label: str
    n_gold: int
    n_pred: int
    n_found: int  # gold items of this class that were found (recall)
    n_correct: int  # predictions of this class that were right (precision)

    @property
    def precision(self) -> float:
        return ratio(self.n_correct, self.n_pred)

    @property
    def recall(self) -> float:
        return ratio(self.n_found, self.n_gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One line of the confusion: a gold label and what was predicted for it (``NONE`` when
    nothing was), or a prediction that matched no gold (gold ``NONE``)."""

    gold: str
    predicted: str
    correct: bool


def sum_counts(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for count in counts:
        total = total + count
    return total


def max_matching(
    n_left: int, n_right: int, fits: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of left to right items (augmenting paths; inputs are small).

    Left items are served in order and try right items in order, so earlier candidates win ties.
    """
    options = [[j for j in range(n_right) if fits(i, j)] for i in range(n_left)]
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            current = owner[j]
            if current is None or augment(current, seen):
                owner[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)


def class_scores(outcomes: Sequence[Outcome]) -> list[ClassScore]:
    """Per-class scores, classes in order of support then name; ``NONE`` is left out."""
    gold = Counter(o.gold for o in outcomes if o.gold != NONE)
    pred = Counter(o.predicted for o in outcomes if o.predicted != NONE)
    found = Counter(o.gold for o in outcomes if o.correct)
    correct = Counter(o.predicted for o in outcomes if o.correct)
    labels = sorted(set(gold) | set(pred), key=lambda label: (-gold[label], label))
    return [
        ClassScore(label, gold[label], pred[label], found[label], correct[label])
        for label in labels
    ]


def macro_f1(outcomes: Sequence[Outcome]) -> float:
    """Mean F1 over the classes that occur in gold or predictions (``NONE`` left out)."""
    scores = class_scores(outcomes)
    return ratio(sum(score.f1 for score in scores), len(scores))


def confusion(outcomes: Iterable[Outcome]) -> list[tuple[str, str, int]]:
    """``(gold, predicted, count)`` cells; a correct outcome sits on the diagonal of its prediction
    (a prediction accepted through an alternative label counts as that label)."""
    cells = Counter((o.predicted if o.correct else o.gold, o.predicted) for o in outcomes)
    return sorted((gold, pred, n) for (gold, pred), n in cells.items())


@dataclass(frozen=True, slots=True)
class PairScores:
    """PLV pair scores, each a share of all gold pairs."""

    found: float
    accuracy: float
    macro_f1: float
    quad_accuracy: float
    coop_conflict_accuracy: float


@dataclass(frozen=True, slots=True)
class ActorScores:
    """Gold actors checked for country and for sector, and how many detente got right."""

    n_country: int = 0
    country_ok: int = 0
    n_sector: int = 0
    sector_ok: int = 0
    n_not_found: int = 0  # gold actor words not found in the text (counted as wrong)

    @property
    def country_accuracy(self) -> float | None:
        return self.country_ok / self.n_country if self.n_country else None

    @property
    def sector_accuracy(self) -> float | None:
        return self.sector_ok / self.n_sector if self.n_sector else None

    def __add__(self, other: ActorScores) -> ActorScores:
        return ActorScores(
            self.n_country + other.n_country,
            self.country_ok + other.country_ok,
            self.n_sector + other.n_sector,
            self.sector_ok + other.sector_ok,
            self.n_not_found + other.n_not_found,
        )


def sector_fits(gold: str | None, predicted: str | None) -> bool:
    """Sector agreement for event matching: a null sector on either side matches anything."""
    return gold is None or predicted is None or gold == predicted
