"""``evaluate``: one gold file in, one ``Report`` out. The coder and classifier are passed in."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from detente.errors import GoldFormatError
from detente.evaluate.articles import ArticleResult, code_articles
from detente.evaluate.coding import (
    OpenCoder,
    PairClassifier,
    default_classifier,
    default_open_coder,
)
from detente.evaluate.gold import (
    FORMATS,
    GoldArticle,
    GoldPair,
    detect_format,
    read_gold,
)
from detente.evaluate.labels import ClassMap
from detente.evaluate.pairs import (
    classify_pairs,
    code_pairs,
    open_errors,
    pair_error,
    pair_scores,
)
from detente.evaluate.report import Report
from detente.evaluate.scoring import ActorScores, Counts, class_scores, confusion, sum_counts
from detente.records import Event

MODES = ("open", "pair")
ROOT, PLV_CLASS = "CAMEO root", "PLV class"
NO_CLASS = "no class"  # a predicted CAMEO code without a PLV class (statements, 01)
Progress = Callable[[int], None]


def load_gold(path: str | Path, fmt: str | None = None) -> tuple[str, list[GoldArticle | GoldPair]]:
    """The format (detected when not given) and the items of a gold file."""
    gold_path = Path(path)
    if not gold_path.is_file():
        raise GoldFormatError(f"gold file not found: {gold_path}")
    name = fmt or detect_format(gold_path)
    if name == "plover-gsr":
        name = "plover"
    if name not in FORMATS:
        raise GoldFormatError(f"unknown gold format {name!r}; expected one of {', '.join(FORMATS)}")
    return name, read_gold(gold_path, name)


def evaluate(
    path: str | Path,
    *,
    fmt: str | None = None,
    mode: str = "open",
    coder: OpenCoder | None = None,
    classifier: PairClassifier | None = None,
    classes: ClassMap | None = None,
    progress: Progress | None = None,
    on_loaded: Callable[[int], None] | None = None,
) -> Report:
    """Score detente against a gold file (``gold/FORMAT.md``).

    ``coder`` codes texts (open mode), ``classifier`` labels given pairs (PLV pair mode); both
    default to detente's own pipeline. ``on_loaded`` is told how many items were read, ``progress``
    is advanced as they are coded.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    name, items = load_gold(path, fmt)
    if mode == "pair" and name != "plv":
        raise GoldFormatError(f"pair mode needs a PLV file (marked pairs), not {name}")
    if on_loaded:
        on_loaded(len(items))
    classes = classes or ClassMap.load()
    started = time.perf_counter()
    if name == "plv":
        pairs = [item for item in items if isinstance(item, GoldPair)]
        if mode == "pair":
            classifier = classifier or default_classifier()
            return evaluate_pairs(pairs, classifier, classes, started, progress)
        return evaluate_open_pairs(pairs, coder or default_open_coder(), classes, started, progress)
    articles = [item for item in items if isinstance(item, GoldArticle)]
    return evaluate_articles(
        articles, name, coder or default_open_coder(), classes, started, progress
    )


def evaluate_articles(
    articles: Sequence[GoldArticle],
    fmt: str,
    coder: OpenCoder,
    classes: ClassMap,
    started: float,
    progress: Progress | None,
) -> Report:
    """detente JSONL (labels: CAMEO roots) or PLOVER GSR (labels: PLV classes)."""
    if fmt == "detente":
        label_kind = ROOT

        def label(event: Event) -> str:
            return event.root

    else:
        label_kind = PLV_CLASS

        def label(event: Event) -> str:
            return classes.plv_class(event.cameo) or NO_CLASS

    titled = fmt == "detente"
    results: list[ArticleResult] = list(
        code_articles(
            articles,
            coder=coder,
            label=label,
            titled=titled,
            matched_actors=fmt == "detente",
            progress=progress,
        )
    )
    outcomes = [outcome for result in results for outcome in result.outcomes]
    actors, actors_all = ActorScores(), ActorScores()
    for result in results:
        actors, actors_all = actors + result.actors, actors_all + result.actors_all
    return Report(
        format=fmt,
        mode="open",
        n_items=len(articles),
        seconds=time.perf_counter() - started,
        label_kind=label_kind,
        events=sum_counts(result.events for result in results),
        events_sector=sum_counts(result.events_sector for result in results),
        actors=actors,
        actors_all=actors_all if fmt == "detente" else None,
        per_class=tuple(class_scores(outcomes)),
        confusion=tuple(confusion(outcomes)),
        errors=tuple(error for result in results for error in result.errors),
    )


def evaluate_pairs(
    pairs: Sequence[GoldPair],
    classifier: PairClassifier,
    classes: ClassMap,
    started: float,
    progress: Progress | None,
) -> Report:
    results = list(classify_pairs(pairs, classifier=classifier, classes=classes, progress=progress))
    outcomes = [result.outcome for result in results]
    return Report(
        format="plv",
        mode="pair",
        n_items=len(pairs),
        seconds=time.perf_counter() - started,
        label_kind=PLV_CLASS,
        pairs=pair_scores(results),
        per_class=tuple(class_scores(outcomes)),
        confusion=tuple(confusion(outcomes)),
        errors=tuple(error for result in results if (error := pair_error(result))),
    )


def evaluate_open_pairs(
    pairs: Sequence[GoldPair],
    coder: OpenCoder,
    classes: ClassMap,
    started: float,
    progress: Progress | None,
) -> Report:
    coded = list(code_pairs(pairs, coder=coder, classes=classes, progress=progress))
    results = [item.result for item in coded]
    outcomes = [result.outcome for result in results]
    n_pred = sum(len(item.events) for item in coded)
    n_correct = sum(result.correct for result in results)
    return Report(
        format="plv",
        mode="open",
        n_items=len(pairs),
        seconds=time.perf_counter() - started,
        label_kind=PLV_CLASS,
        events=Counts(len(pairs), n_pred, n_correct),
        pairs=pair_scores(results),
        per_class=tuple(class_scores(outcomes)),
        confusion=tuple(confusion(outcomes)),
        errors=tuple(error for item in coded for error in open_errors(item, classes)),
    )
