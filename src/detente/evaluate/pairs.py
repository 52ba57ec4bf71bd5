"""PLV scores: the event class between a marked source and target.

pair mode  the classifier is given the two spans; its best CAMEO code with a PLV class is the
           answer (a statement, 01, falls through to the classifier's next code when it exposes
           alternatives).
           An implicit side (no marked span) is passed as the whole sentence: it overlaps anything.
open mode  the raw sentence is coded; the pair is found when a predicted event's source overlaps a
           marked source span and its target a marked target span (an implicit side overlaps
           anything); it is correct when such an event has the gold class. Every event detente
           predicts in the sentences counts in ``n_pred``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from detente.evaluate.coding import (
    BatchClassifier,
    Classified,
    CodingRequest,
    OpenCoder,
    PairClassifier,
    PairQuery,
    ranked_codes,
)
from detente.evaluate.gold import GoldPair, Span
from detente.evaluate.labels import ClassMap, is_cooperation
from detente.evaluate.report import FALSE_ALARM, MISSED, WRONG_CLASS, ErrorCase
from detente.evaluate.scoring import NONE, Outcome, PairScores, macro_f1, ratio
from detente.records import Article, Event, Mention

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class PairResult:
    """What detente said about one gold pair."""

    pair: GoldPair
    found: bool
    cameo: str | None = None
    label: str | None = None
    quad: int | None = None

    @property
    def correct(self) -> bool:
        return self.label == self.pair.label

    @property
    def outcome(self) -> Outcome:
        return Outcome(self.pair.label, self.label or NONE, self.correct)


@dataclass(frozen=True, slots=True)
class OpenPairResult:
    """A pair coded in open mode, with every event predicted in its sentence."""

    result: PairResult
    events: tuple[Event, ...]
    chosen: Event | None


def classify_pairs(
    pairs: Sequence[GoldPair],
    *,
    classifier: PairClassifier,
    classes: ClassMap,
    progress: Progress | None = None,
) -> Iterator[PairResult]:
    """Pair mode: ask the classifier about each pair (all at once when it takes batches)."""
    queries = [pair_query(pair) for pair in pairs]
    if isinstance(classifier, BatchClassifier):
        answers: Iterable[Classified] = classifier.classify_many(queries)
    else:
        answers = (classifier(q.sentence, source=q.source, target=q.target) for q in queries)
    for pair, answer in zip(pairs, answers, strict=True):
        codes = ranked_codes(answer)
        code = next((c for c in codes if classes.plv_class(c)), codes[0] if codes else None)
        yield pair_result(pair, code, classes, found=bool(codes))
        if progress:
            progress(1)


def pair_query(pair: GoldPair) -> PairQuery:
    """The first marked span of each side; an implicit side is the whole sentence."""
    whole = (0, len(pair.sentence))
    return PairQuery(
        pair.sentence,
        pair.sources[0] if pair.sources else whole,
        pair.targets[0] if pair.targets else whole,
    )


def code_pairs(
    pairs: Sequence[GoldPair],
    *,
    coder: OpenCoder,
    classes: ClassMap,
    progress: Progress | None = None,
) -> Iterator[OpenPairResult]:
    """Open mode: code each raw sentence and look for an event between the marked spans."""
    requests = (CodingRequest(Article(id=pair.id, text=pair.sentence)) for pair in pairs)
    for pair, coded in zip(pairs, coder(requests), strict=True):
        between = [event for event in coded.events if joins(event, pair)]
        chosen = choose(between, pair.label, classes)
        code = chosen.cameo if chosen else None
        result = pair_result(pair, code, classes, found=chosen is not None)
        yield OpenPairResult(result, coded.events, chosen)
        if progress:
            progress(1)


def pair_result(pair: GoldPair, code: str | None, classes: ClassMap, *, found: bool) -> PairResult:
    if code is None:
        return PairResult(pair, found=found)
    return PairResult(pair, found, code, classes.plv_class(code), classes.quad(code))


def joins(event: Event, pair: GoldPair) -> bool:
    """The event's source overlaps a marked source and its target a marked target."""
    return overlaps_any(event.source, pair.sources) and overlaps_any(event.target, pair.targets)


def overlaps_any(mention: Mention, spans: Sequence[Span]) -> bool:
    """Half-open overlap with any of ``spans``; with no marked span (implicit actor), True."""
    if not spans:
        return True
    return any(mention.start < end and start < mention.end for start, end in spans)


def choose(events: Sequence[Event], label: str, classes: ClassMap) -> Event | None:
    """The event that answers for the pair: one of the gold class, else the most confident."""
    for event in events:
        if classes.plv_class(event.cameo) == label:
            return event
    return max(events, key=lambda event: event.confidence, default=None)


def pair_scores(results: Sequence[PairResult]) -> PairScores:
    n = len(results)
    return PairScores(
        found=ratio(sum(r.found for r in results), n),
        accuracy=ratio(sum(r.correct for r in results), n),
        macro_f1=macro_f1([r.outcome for r in results]),
        quad_accuracy=ratio(sum(r.quad == r.pair.quad for r in results), n),
        coop_conflict_accuracy=ratio(
            sum(r.quad is not None and is_cooperation(r.quad) == is_cooperation(r.pair.quad)
                for r in results),
            n,
        ),
    )  # fmt: skip


def pair_error(result: PairResult) -> ErrorCase | None:
    if result.correct:
        return None
    kind = WRONG_CLASS if result.found else MISSED
    predicted = f"{result.label or NONE} ({result.cameo})" if result.cameo else ""
    return ErrorCase(kind, result.pair.id, result.pair.label, predicted, result.pair.marked)


def open_errors(coded: OpenPairResult, classes: ClassMap) -> list[ErrorCase]:
    """The pair's error if it was not coded right, and every other event as a false alarm."""
    errors = [error for error in [pair_error(coded.result)] if error]
    for event in coded.events:
        if coded.result.correct and event is coded.chosen:
            continue
        predicted = (
            f"{event.source.text} -> {event.target.text}: "
            f"{classes.plv_class(event.cameo) or NONE} ({event.cameo} '{event.trigger}')"
        )
        errors.append(ErrorCase(FALSE_ALARM, coded.result.pair.id, "", predicted, event.sentence))
    return errors
