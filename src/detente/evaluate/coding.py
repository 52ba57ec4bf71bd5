"""What the evaluator asks of detente, as two small interfaces with defaults.

``OpenCoder``: texts in, each text's events (and the actors of given spans) out, in input order.
``PairClassifier``: the event between a given source and target span of a sentence; one that
also has ``classify_many`` (``BatchClassifier``) is given all pairs at once.

Tests pass fakes; the defaults load the spaCy pipeline on first use.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from detente.records import Actor, Article, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from detente.actors import ActorKnowledge
    from detente.pipeline import Coder

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class CodingRequest:
    """An article to code, and the spans of ``article.doc_text`` whose actors to resolve."""

    article: Article
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Coded:
    """The events detente found in one text, and the actor of each requested span (or None)."""

    events: tuple[Event, ...]
    actors: tuple[Actor | None, ...] = ()


class OpenCoder(Protocol):
    def __call__(self, requests: Iterable[CodingRequest]) -> Iterator[Coded]: ...


class Classified(Protocol):
    """What the evaluator reads of ``detente.events.classify.Classification``."""

    @property
    def cameo(self) -> str | None: ...

    @property
    def confidence(self) -> float: ...


class PairClassifier(Protocol):
    def __call__(self, sentence: str, *, source: Span, target: Span) -> Classified: ...


@dataclass(frozen=True, slots=True)
class PairQuery:
    sentence: str
    source: Span
    target: Span


@runtime_checkable
class BatchClassifier(Protocol):
    def classify_many(self, queries: Sequence[PairQuery]) -> Iterator[Classified]: ...


@dataclass
class PipelineCoder:
    """Codes texts with detente's pipeline in ``nlp.pipe`` batches; spans go to the actors stage."""

    coder: Coder
    batch_size: int = 64

    def __call__(self, requests: Iterable[CodingRequest]) -> Iterator[Coded]:
        from detente.nlp import make_docs

        nlp = self.coder.language
        knowledge = actor_knowledge(nlp)
        pending: deque[CodingRequest] = deque()

        def docs() -> Iterator[Doc]:
            for request in requests:
                pending.append(request)
                yield from make_docs(nlp, [request.article])

        for doc in nlp.pipe(docs(), batch_size=self.batch_size):
            request = pending.popleft()
            yield Coded(
                events=tuple(doc._.events or ()),
                actors=tuple(
                    span_actor(doc, start, end, knowledge=knowledge) for start, end in request.spans
                ),
            )


def actor_knowledge(nlp: Language) -> ActorKnowledge | None:
    """The actors component's tables, to resolve spans that no mention covers."""
    if "detente_actors" not in nlp.pipe_names:
        return None
    knowledge: ActorKnowledge | None = getattr(nlp.get_pipe("detente_actors"), "knowledge", None)
    return knowledge


def span_actor(
    doc: Doc, start: int, end: int, *, knowledge: ActorKnowledge | None = None
) -> Actor | None:
    """The actor detente's actors stage resolves for a character span of ``doc``: the mention
    that covers or overlaps it, else the span's own words resolved with ``knowledge``."""
    from detente.actors import mention_for_span

    found = mention_for_span(doc, start, end, knowledge=knowledge)
    return found.actor if found is not None else None


def default_open_coder() -> OpenCoder:
    """detente's shared coder (default settings), loaded on first use."""
    import detente

    return PipelineCoder(detente.default_coder())


@dataclass
class PipelinePairClassifier:
    """``detente.classify`` for many pairs at once: the sentences are parsed in ``nlp.pipe``
    batches and each pair is answered by ``detente.events.classify.classify_many``."""

    coder: Coder

    def __call__(self, sentence: str, *, source: Span, target: Span) -> Classified:
        return next(self.classify_many([PairQuery(sentence, source, target)]))

    def classify_many(self, queries: Sequence[PairQuery]) -> Iterator[Classified]:
        from detente.events import classify

        asked = [classify.PairQuery(q.sentence, q.source, q.target) for q in queries]
        yield from classify.classify_many(self.coder, asked)


def default_classifier() -> PairClassifier:
    """``detente.classify``, batched, on detente's shared coder."""
    import detente

    return PipelinePairClassifier(detente.default_coder())


def ranked_codes(result: Classified) -> list[str]:
    """The classifier's CAMEO codes, best first: ``cameo`` then any ``alternatives`` it exposes
    (codes, ``(code, score)`` pairs, or objects with a ``cameo``), in the order given."""
    codes = [result.cameo] if result.cameo else []
    alternatives: Sequence[object] = getattr(result, "alternatives", None) or ()
    for item in alternatives:
        code = alternative_code(item)
        if code and code not in codes:
            codes.append(code)
    return codes


def alternative_code(item: object) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        return item[0]
    code = getattr(item, "cameo", None)
    return code if isinstance(code, str) else None
