"""Open extraction scores for article-level gold (detente JSONL, PLOVER GSR records).

Per article, detente's international events are matched one to one with the gold events on
(source country, target country, label), a gold event's ``alt`` labels accepted; the same again
with the sectors (null matches anything). Gold and predicted events left over are paired on the
dyad alone to show which class was predicted instead ("wrong class"); the rest are misses and
false alarms.

Actors (the country must be the same, and the sector too when the gold gives one): for detente
gold, as FORMAT.md says, the actors of the matched events, the gold's against the event's; for
PLOVER gold, and for detente gold as ``actors_all``, every gold actor, its words found in the text
and the span resolved by detente's actors stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from detente.errors import GoldFormatError, InputError
from detente.evaluate.coding import Coded, CodingRequest, OpenCoder
from detente.evaluate.gold import GoldActor, GoldArticle, GoldEvent, find_phrase, sentence_around
from detente.evaluate.report import FALSE_ALARM, MISSED, WRONG_CLASS, ErrorCase
from detente.evaluate.scoring import (
    NONE,
    ActorScores,
    Counts,
    Outcome,
    max_matching,
    sector_fits,
)
from detente.ingest import make_article
from detente.records import Actor, Article, Event

Label = Callable[[Event], str]
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """The scores of one gold article."""

    events: Counts
    events_sector: Counts
    actors: ActorScores  # FORMAT.md's: matched events' actors (detente) or every gold actor
    actors_all: ActorScores  # every gold actor, resolved from its words in the text
    outcomes: tuple[Outcome, ...]
    errors: tuple[ErrorCase, ...]


def code_articles(
    items: Sequence[GoldArticle],
    *,
    coder: OpenCoder,
    label: Label,
    titled: bool = True,
    matched_actors: bool = True,
    progress: Progress | None = None,
) -> Iterator[ArticleResult]:
    """Code every gold article (one ``coder`` call, so texts are batched) and score it;
    ``matched_actors``: score the actors of matched events, else every gold actor."""
    articles = [to_article(item, titled=titled) for item in items]
    spans = [actor_spans(item, article) for item, article in zip(items, articles, strict=True)]
    requests = (
        CodingRequest(article, tuple(s for s in found if s is not None))
        for article, found in zip(articles, spans, strict=True)
    )
    coded_all = coder(requests)
    for item, found, coded in zip(items, spans, coded_all, strict=True):
        yield score_article(item, coded, spans=found, label=label, matched_actors=matched_actors)
        if progress:
            progress(1)


def to_article(item: GoldArticle, *, titled: bool) -> Article:
    """The article to code: validated like any input, keeping the gold id and date."""
    try:
        article = make_article(item.text, title=item.title if titled else None, origin=item.id)
    except InputError as error:
        raise GoldFormatError(f"gold article {item.id}: {error}") from error
    return replace(article, id=item.id, published=item.published)


def actor_spans(item: GoldArticle, article: Article) -> list[tuple[int, int] | None]:
    """Where each gold actor's words are in the text that is coded (None when not found)."""
    return [find_phrase(article.doc_text, actor.text) for actor in item.actors]


def score_article(
    item: GoldArticle,
    coded: Coded,
    *,
    spans: Sequence[tuple[int, int] | None],
    label: Label,
    matched_actors: bool = True,
) -> ArticleResult:
    predicted = [event for event in coded.events if event.international]
    gold = list(item.events)
    matched = max_matching(len(gold), len(predicted), _fits(gold, predicted, label, sectors=False))
    with_sectors = max_matching(
        len(gold), len(predicted), _fits(gold, predicted, label, sectors=True)
    )
    outcomes, errors = compare(item, gold, predicted, matched, label=label)
    every = score_actors(item.actors, resolved_actors(spans, coded.actors))
    return ArticleResult(
        events=Counts(len(gold), len(predicted), len(matched)),
        events_sector=Counts(len(gold), len(predicted), len(with_sectors)),
        actors=score_matched_actors(gold, predicted, matched) if matched_actors else every,
        actors_all=every,
        outcomes=tuple(outcomes),
        errors=tuple(errors),
    )


def _fits(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], label: Label, *, sectors: bool
) -> Callable[[int, int], bool]:
    def fits(i: int, j: int) -> bool:
        return event_fits(gold[i], predicted[j], label(predicted[j]), sectors=sectors)

    return fits


def event_fits(gold: GoldEvent, event: Event, label: str, *, sectors: bool = False) -> bool:
    """Same dyad (countries) and an accepted label; with ``sectors``, agreeing sectors too."""
    source, target = event.source.actor, event.target.actor
    if not same_dyad(gold, event) or label not in gold.accepted:
        return False
    if not sectors:
        return True
    return sector_fits(gold.source.sector, source.sector) and sector_fits(
        gold.target.sector, target.sector
    )


def same_dyad(gold: GoldEvent, event: Event) -> bool:
    return (gold.source.country, gold.target.country) == (
        event.source.actor.country,
        event.target.actor.country,
    )


def compare(
    item: GoldArticle,
    gold: Sequence[GoldEvent],
    predicted: Sequence[Event],
    matched: Iterable[tuple[int, int]],
    *,
    label: Label,
) -> tuple[list[Outcome], list[ErrorCase]]:
    """Outcomes for the confusion matrix and per-class table, and the errors to show."""
    outcomes: list[Outcome] = []
    errors: list[ErrorCase] = []
    free_gold, free_pred = set(range(len(gold))), set(range(len(predicted)))
    for i, j in matched:
        outcomes.append(Outcome(gold[i].label, label(predicted[j]), correct=True))
        free_gold.discard(i)
        free_pred.discard(j)
    left_gold, left_pred = sorted(free_gold), sorted(free_pred)
    confused = max_matching(
        len(left_gold),
        len(left_pred),
        lambda i, j: same_dyad(gold[left_gold[i]], predicted[left_pred[j]]),
    )
    for i, j in confused:
        g, p = gold[left_gold[i]], predicted[left_pred[j]]
        outcomes.append(Outcome(g.label, label(p), correct=False))
        errors.append(
            ErrorCase(WRONG_CLASS, item.id, describe_gold(g), describe_event(p, label), p.sentence)
        )
        free_gold.discard(left_gold[i])
        free_pred.discard(left_pred[j])
    text = f"{item.title}\n\n{item.text}" if item.title else item.text
    for i in sorted(free_gold):
        outcomes.append(Outcome(gold[i].label, NONE, correct=False))
        context = sentence_around(text, gold[i].quote) if gold[i].quote else text
        errors.append(ErrorCase(MISSED, item.id, describe_gold(gold[i]), "", context))
    for j in sorted(free_pred):
        p = predicted[j]
        outcomes.append(Outcome(NONE, label(p), correct=False))
        errors.append(ErrorCase(FALSE_ALARM, item.id, "", describe_event(p, label), p.sentence))
    return outcomes, errors


def resolved_actors(
    spans: Sequence[tuple[int, int] | None], actors: Sequence[Actor | None]
) -> list[Actor | bool | None]:
    """One entry per gold actor: the resolved actor (or None), or False when its words were not
    found in the text (no span was asked for)."""
    given = iter(actors)
    return [False if span is None else next(given, None) for span in spans]


def score_matched_actors(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], matched: Iterable[tuple[int, int]]
) -> ActorScores:
    """The gold source and target of each matched event against the event's own actors."""
    pairs = [
        (gold_actor, actor)
        for i, j in matched
        for gold_actor, actor in (
            (gold[i].source, predicted[j].source.actor),
            (gold[i].target, predicted[j].target.actor),
        )
    ]
    return score_actors([g for g, _ in pairs], [a for _, a in pairs])


def score_actors(gold: Sequence[GoldActor], resolved: Sequence[Actor | bool | None]) -> ActorScores:
    """Country (and, where the gold gives one, sector) agreement for every gold actor."""
    total = ActorScores()
    for actor, found in zip(gold, resolved, strict=True):
        got = found if isinstance(found, Actor) else None
        known_sector = actor.sector is not None
        total = total + ActorScores(
            n_country=1,
            country_ok=int(got is not None and got.country == actor.country),
            n_sector=int(known_sector),
            sector_ok=int(known_sector and got is not None and got.sector == actor.sector),
            n_not_found=int(found is False),
        )
    return total


def describe_gold(event: GoldEvent) -> str:
    alt = f" (or {', '.join(event.alt)})" if event.alt else ""
    return f"{_gold_actor(event.source)} -> {_gold_actor(event.target)}: {event.label}{alt}"


def describe_event(event: Event, label: Label) -> str:
    source, target = event.source, event.target
    return (
        f"{source.text} [{source.actor.code}] -> {target.text} [{target.actor.code}]: "
        f"{label(event)} ({event.cameo} '{event.trigger}')"
    )


def _gold_actor(actor: GoldActor) -> str:
    code = f"{actor.country or '---'}{actor.sector or ''}"
    return f"{actor.text} [{code}]"
