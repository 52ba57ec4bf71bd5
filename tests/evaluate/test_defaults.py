"""The default coder and classifier, with the real model, on sentences written for detente."""

from __future__ import annotations

import pytest

import detente
from detente.evaluate.coding import (
    CodingRequest,
    PairQuery,
    default_classifier,
    default_open_coder,
)
from detente.ingest import make_article

pytestmark = pytest.mark.model

SENTENCES = [
    "Norway condemned Chile on Monday over the fishing quotas.",
    "The Peruvian foreign minister met her Bolivian counterpart in La Paz.",
    "Rain fell on the coast all week.",
]


def test_open_coder_resolves_requested_spans() -> None:
    text = SENTENCES[0]
    start = text.index("Chile")
    request = CodingRequest(make_article(text), spans=((0, 6), (start, start + 5)))
    (coded,) = list(default_open_coder()([request]))
    assert [actor.country if actor else None for actor in coded.actors] == ["NOR", "CHL"]


def test_open_coder_keeps_input_order() -> None:
    requests = [CodingRequest(make_article(text)) for text in SENTENCES]
    coded = list(default_open_coder()(requests))
    assert len(coded) == 3
    assert coded[2].events == ()


def test_batched_classifier_answers_like_detente_classify() -> None:
    classifier = default_classifier()
    queries = []
    for sentence, source, target in [
        (SENTENCES[0], "Norway", "Chile"),
        (SENTENCES[1], "The Peruvian foreign minister", "her Bolivian counterpart"),
        (SENTENCES[2], "Rain", "the coast"),
    ]:
        s, t = sentence.index(source), sentence.index(target)
        queries.append(PairQuery(sentence, (s, s + len(source)), (t, t + len(target))))
    batched = list(classifier.classify_many(queries))  # type: ignore[attr-defined]
    single = [detente.classify(q.sentence, source=q.source, target=q.target) for q in queries]
    assert [a.cameo for a in batched] == [b.cameo for b in single]
