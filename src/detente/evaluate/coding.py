"""What the evaluator asks of detente, as two small interfaces with defaults.

``OpenCoder``: texts in, each text's events (and the actors of given spans) out, in input order.
``PairClassifier``: the event between a given source and target span of a sentence.

Tests pass fakes; the defaults load the spaCy pipeline on first use.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from detente.records import Actor, Article, Event, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


@dataclass
class PipelineCoder:
    """Codes texts with detente's pipeline in ``nlp.pipe`` batches; spans go to the actors stage."""

    coder: Coder
    batch_size: int = 64

    def __call__(self, requests: Iterable[CodingRequest]) -> Iterator[Coded]:
        from detente.nlp import make_docs

        nlp = self.coder.language
        pending: deque[CodingRequest] = deque()

        def docs() -> Iterator[Doc]:
            for request in requests:
                pending.append(request)
                yield from make_docs(nlp, [request.article])

        for doc in nlp.pipe(docs(), batch_size=self.batch_size):
            request = pending.popleft()
            yield Coded(
                events=tuple(doc._.events or ()),
                actors=tuple(span_actor(doc, start, end) for start, end in request.spans),
            )


def span_actor(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor detente's actors stage resolves for a character span of ``doc``."""
    from detente.actors import mention_for_span

    found: Mention | Actor | None = mention_for_span(doc, start, end)
    if isinstance(found, Mention):
        return found.actor
    return found


def default_open_coder() -> OpenCoder:
    """detente's shared coder (default settings), loaded on first use."""
    import detente

    return PipelineCoder(detente.default_coder())


def default_classifier() -> PairClassifier:
    """``detente.classify``."""
    import detente

    return detente.classify


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
