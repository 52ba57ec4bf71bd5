"""Fake coders for the evaluator: predictions written by hand, no spaCy model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from detente.evaluate.coding import Coded, CodingRequest
from detente.records import Actor, Event, Mention

# (source words, source code, target words, target code, CAMEO code); a code is ISO3 + sector.
Spec = tuple[str, str, str, str, str]


def actor(code: str) -> Actor:
    """``"NORGOV"`` -> Actor("NOR", "GOV"); ``"CHL"`` -> Actor("CHL", None)."""
    return Actor(code[:3] or None, code[3:] or None)


def mention(text: str, words: str, code: str) -> Mention:
    start = text.index(words)
    return Mention(words, start, start + len(words), actor(code))


def make_event(text: str, spec: Spec, *, confidence: float = 0.9) -> Event:
    source_words, source_code, target_words, target_code, cameo = spec
    source = mention(text, source_words, source_code)
    return Event(
        article_id="fake",
        source=source,
        target=mention(text, target_words, target_code),
        cameo=cameo,
        trigger="x",
        trigger_start=source.end,
        trigger_end=source.end + 1,
        sentence=text,
        sentence_start=0,
        goldstein=0.0,
        quad=1,
        plover="",
        confidence=confidence,
    )


@dataclass
class FakeCoder:
    """Predicts ``predictions[key]`` for a text that contains ``key`` (the first key found), and
    resolves a requested span to ``actors[words of the span]``."""

    predictions: dict[str, list[Spec]] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    seen: list[CodingRequest] = field(default_factory=list)

    def __call__(self, requests: Iterable[CodingRequest]) -> Iterator[Coded]:
        for request in requests:
            self.seen.append(request)
            text = request.article.doc_text
            specs = next((v for k, v in self.predictions.items() if k in text), [])
            yield Coded(
                events=tuple(make_event(text, spec) for spec in specs),
                actors=tuple(self.actors.get(text[start:end]) for start, end in request.spans),
            )


@dataclass(frozen=True)
class FakeClassification:
    cameo: str | None
    confidence: float = 0.8
    alternatives: tuple[tuple[str, float], ...] = ()


@dataclass
class FakeClassifier:
    """Answers ``answers[key]`` for a sentence that contains ``key``; records the spans it got."""

    answers: dict[str, FakeClassification]
    calls: list[tuple[str, tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def __call__(
        self, sentence: str, *, source: tuple[int, int], target: tuple[int, int]
    ) -> FakeClassification:
        self.calls.append((sentence, source, target))
        return next(
            (v for k, v in self.answers.items() if k in sentence), FakeClassification(None, 0.0)
        )
