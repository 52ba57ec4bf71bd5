"""The evaluation report, and its JSON form (the keys of ``gold/FORMAT.md``, null when n/a)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from detente.evaluate.scoring import ActorScores, ClassScore, Counts, PairScores

MISSED = "missed"
WRONG_CLASS = "wrong class"
FALSE_ALARM = "false alarm"


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """A gold event detente missed or coded wrong, or an event it produced that the gold lacks."""

    kind: str  # MISSED, WRONG_CLASS or FALSE_ALARM
    item_id: str
    gold: str
    predicted: str
    sentence: str

    @property
    def is_miss(self) -> bool:
        return self.kind != FALSE_ALARM


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of one evaluation run. ``label_kind`` names the classes (CAMEO root or PLV class)."""

    format: str
    mode: str
    n_items: int
    seconds: float
    label_kind: str
    events: Counts | None = None
    events_sector: Counts | None = None
    pairs: PairScores | None = None
    actors: ActorScores | None = None
    actors_all: ActorScores | None = None  # detente gold: every gold actor, not only matched
    per_class: tuple[ClassScore, ...] = ()
    confusion: tuple[tuple[str, str, int], ...] = ()
    errors: tuple[ErrorCase, ...] = ()

    @property
    def misses(self) -> list[ErrorCase]:
        return [error for error in self.errors if error.is_miss]

    @property
    def false_alarms(self) -> list[ErrorCase]:
        return [error for error in self.errors if not error.is_miss]


def report_json(report: Report, *, errors: int = 0) -> dict[str, Any]:
    """The report as the JSON object scripts read; ``errors`` > 0 adds that many of each kind."""
    data: dict[str, Any] = {
        "format": report.format,
        "mode": report.mode,
        "n_items": report.n_items,
        "events": _events(report.events),
        "events_sector": _prf(report.events_sector),
        "pairs": _pairs(report.pairs),
        "actors": _actors(report.actors),
        "actors_all_gold": _actors(report.actors_all),
        "seconds": round(report.seconds, 3),
        "label_kind": report.label_kind,
        "per_class": [_class(score) for score in report.per_class],
        "confusion": [list(cell) for cell in report.confusion],
    }
    if errors > 0:
        data["errors"] = {
            "missed": [_error(e) for e in report.misses[:errors]],
            "false_alarms": [_error(e) for e in report.false_alarms[:errors]],
        }
    return data


def _round(value: float) -> float:
    return round(value, 4)


def _prf(counts: Counts | None) -> dict[str, Any] | None:
    if counts is None:
        return None
    return {
        "n_match": counts.n_match,
        "precision": _round(counts.precision),
        "recall": _round(counts.recall),
        "f1": _round(counts.f1),
    }


def _events(counts: Counts | None) -> dict[str, Any] | None:
    scores = _prf(counts)
    if counts is None or scores is None:
        return None
    return {"n_gold": counts.n_gold, "n_pred": counts.n_pred, **scores}


def _pairs(pairs: PairScores | None) -> dict[str, Any] | None:
    if pairs is None:
        return None
    return {
        "found": _round(pairs.found),
        "accuracy": _round(pairs.accuracy),
        "macro_f1": _round(pairs.macro_f1),
        "quad_accuracy": _round(pairs.quad_accuracy),
        "coop_conflict_accuracy": _round(pairs.coop_conflict_accuracy),
    }


def _actors(actors: ActorScores | None) -> dict[str, Any] | None:
    if actors is None:
        return None
    country, sector = actors.country_accuracy, actors.sector_accuracy
    return {
        "country_accuracy": None if country is None else _round(country),
        "sector_accuracy": None if sector is None else _round(sector),
        "n_country": actors.n_country,
        "n_sector": actors.n_sector,
        "n_not_found": actors.n_not_found,
    }


def _class(score: ClassScore) -> dict[str, Any]:
    return {
        "label": score.label,
        "precision": _round(score.precision),
        "recall": _round(score.recall),
        "f1": _round(score.f1),
        "support": score.n_gold,
        "n_pred": score.n_pred,
    }


def _error(error: ErrorCase) -> dict[str, str]:
    return {
        "kind": error.kind,
        "item": error.item_id,
        "gold": error.gold,
        "predicted": error.predicted,
        "sentence": error.sentence,
    }
