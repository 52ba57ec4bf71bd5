"""Evaluation: score detente against gold sets (``detente eval``) and time it (``detente bench``).

    >>> from detente.evaluate import evaluate
    >>> report = evaluate("../shared/gold/seeds.jsonl")  # doctest: +SKIP
    >>> report.events.f1  # doctest: +SKIP

The coder and the pair classifier are arguments (defaults: detente's pipeline), so the scorers
can be tested with fakes. Nothing is loaded at import time.
"""

from detente.evaluate.gold import GoldActor, GoldArticle, GoldEvent, GoldPair, detect_format
from detente.evaluate.labels import ClassMap
from detente.evaluate.report import ErrorCase, Report, report_json
from detente.evaluate.run import MODES, evaluate, load_gold

__all__ = [
    "MODES",
    "ClassMap",
    "ErrorCase",
    "GoldActor",
    "GoldArticle",
    "GoldEvent",
    "GoldPair",
    "Report",
    "detect_format",
    "evaluate",
    "load_gold",
    "report_json",
]
