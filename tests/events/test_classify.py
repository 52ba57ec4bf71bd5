"""Pair mode: the lexicon first, the learned classifier where the lexicon is silent."""

from __future__ import annotations

from dataclasses import replace

from detente.events.classify import decide, overlaps, pair_events
from detente.events.learned import Prediction
from tests.factories import article, event, mention


def _prediction(probs: dict[str, float], codes: dict[str, float]) -> Prediction:
    label = max(probs, key=probs.__getitem__)
    code = max(codes, key=codes.__getitem__) if label != "none" else None
    return Prediction(probs, label, probs[label], codes, code)


def _condemnation():
    art = article("Norway condemned Chile.")
    found = event(art, mention("Norway", 0, "NOR"), mention("Chile", 17, "CHL"), "111")
    return replace(found, confidence=0.6)


def test_lexicon_code_wins_and_classifier_raises_confidence() -> None:
    prediction = _prediction({"11": 0.9, "none": 0.1}, {"111": 0.6, "112": 0.3})
    answer = decide([_condemnation()], prediction)
    assert (answer.cameo, answer.method) == ("111", "lexicon")
    assert answer.confidence == 0.9
    assert all(code[:2] != "11" for code, _ in answer.alternatives)


def test_classifier_answers_when_the_lexicon_is_silent() -> None:
    prediction = _prediction({"17": 0.7, "none": 0.3}, {"173": 0.5, "171": 0.2})
    answer = decide([], prediction)
    assert (answer.cameo, answer.method, answer.confidence) == ("173", "learned", 0.5)
    assert answer.alternatives == (("171", 0.2),)


def test_nothing_when_neither_knows() -> None:
    answer = decide([], _prediction({"none": 1.0}, {}))
    assert answer.cameo is None and answer.confidence == 0.0


def test_pair_events_need_both_spans_to_overlap() -> None:
    condemned = _condemnation()
    assert pair_events([condemned], (0, 3), (17, 22)) == [condemned]
    assert pair_events([condemned], (17, 22), (0, 3)) == []
    assert overlaps((0, 3), (2, 5)) and not overlaps((0, 3), (3, 5))
