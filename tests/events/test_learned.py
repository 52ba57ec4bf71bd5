"""The learned second opinion: marking, the shipped model's answers, and its provenance."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from detente.errors import InputError, ModelError
from detente.events.learned import (
    MODEL_FILES,
    NONE,
    LearnedClassifier,
    corpus_digest,
    mark,
    model_dir,
    window,
)

CORPUS = Path(__file__).resolve().parents[2] / "training" / "corpus"


def pair(text: str, source: str, target: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    s, t = text.index(source), text.rindex(target)
    return text, (s, s + len(source)), (t, t + len(target))


def shipped() -> bool:
    return all(model_dir().joinpath(name).is_file() for name in MODEL_FILES)


needs_model = pytest.mark.skipif(
    not shipped(), reason="the learned model is not committed yet (build it with `make train`)"
)


@pytest.fixture(scope="module")
def classifier() -> LearnedClassifier:
    return LearnedClassifier.load()


# -- marking (no model) --------------------------------------------------------------------------


def test_mark_wraps_source_and_target() -> None:
    text, source, target = pair("Peru recalled its envoy from Chile.", "Peru", "Chile")
    assert mark(text, source, target) == (
        "[unused0] Peru [unused1] recalled its envoy from [unused2] Chile [unused3]."
    )


def test_mark_target_before_source() -> None:
    text = "Chile was criticised by Peru."
    assert mark(text, (24, 28), (0, 5)) == (
        "[unused2] Chile [unused3] was criticised by [unused0] Peru [unused1]."
    )


def test_mark_nested_spans_stay_nested() -> None:
    text = "The Norwegian foreign minister met Lula."
    marked = mark(text, (0, 30), (4, 13))
    assert marked.startswith(
        "[unused0] The [unused2] Norwegian [unused3] foreign minister [unused1]"
    )


@pytest.mark.parametrize("source", [(5, 3), (-1, 2), (0, 99)])
def test_mark_rejects_spans_outside_the_text(source: tuple[int, int]) -> None:
    with pytest.raises(InputError, match="source span"):
        mark("Oman hosted talks.", source, (0, 4))


def test_window_keeps_both_spans_of_a_long_text() -> None:
    filler = "Nothing happened that day. " * 40
    text = filler + "Fiji thanked Samoa." + filler
    start = len(filler)
    cut, source, target = window(text, (start, start + 4), (start + 13, start + 18), chars=50)
    assert len(cut) < len(text)
    assert cut[source[0] : source[1]] == "Fiji"
    assert cut[target[0] : target[1]] == "Samoa"


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(ModelError, match=r"model\.onnx, metadata\.json missing"):
        LearnedClassifier.load(tmp_path)


# -- the shipped model ---------------------------------------------------------------------------

CLEAR_CASES = [
    ("Ecuadorian troops shelled Peruvian border posts overnight, killing four soldiers.",
     "Ecuadorian troops", "Peruvian border posts", "19"),
    ("Mongolia and Kazakhstan signed an agreement on Tuesday to build a cross-border railway.",
     "Mongolia", "Kazakhstan", "05"),
    ("The Danish prime minister met her Icelandic counterpart in Reykjavik for talks on fishing.",
     "The Danish prime minister", "her Icelandic counterpart", "04"),
    ("Tunisia's president accused Libya of harbouring the gunmen behind the hotel attack.",
     "Tunisia's president", "Libya", "11"),
    ("Japanese army helicopters delivered food and tents to flood-hit villages in Bangladesh.",
     "Japanese army helicopters", "flood-hit villages in Bangladesh", "07"),
    ("Uruguay imposed new tariffs and an import ban on goods from Paraguay.",
     "Uruguay", "Paraguay", "16"),
    ("Police in Nairobi arrested eleven opposition activists during a march on Friday.",
     "Police in Nairobi", "eleven opposition activists", "17"),
]  # fmt: skip


@pytest.mark.model
@needs_model
@pytest.mark.parametrize(("text", "source", "target", "roots"), CLEAR_CASES)
def test_clear_cases(
    classifier: LearnedClassifier, text: str, source: str, target: str, roots: str
) -> None:
    [prediction] = classifier.predict([pair(text, source, target)])
    # Signing an agreement is CAMEO 057 (a 05 code) in the corpus' convention, 03 elsewhere.
    allowed = {"03", "05"} if roots == "05" else {roots}
    assert prediction.label in allowed, prediction.probs


@pytest.mark.model
@needs_model
def test_probabilities_are_a_distribution(classifier: LearnedClassifier) -> None:
    [prediction] = classifier.predict([pair(*CLEAR_CASES[0][:3])])
    assert set(prediction.probs) == set(classifier.labels)
    assert math.isclose(sum(prediction.probs.values()), 1.0, abs_tol=1e-4)
    assert all(0.0 <= p <= 1.0 for p in prediction.probs.values())
    assert prediction.confidence == max(prediction.probs.values())
    assert math.isclose(sum(prediction.codes.values()), 1.0 - prediction.probs[NONE], abs_tol=1e-4)
    assert prediction.code is not None and prediction.code.startswith(prediction.label)


@pytest.mark.model
@needs_model
def test_batches_keep_input_order(classifier: LearnedClassifier) -> None:
    items = [pair(text, source, target) for text, source, target, _ in CLEAR_CASES]
    alone = [classifier.predict([item])[0] for item in items]
    assert classifier.predict(items[::-1])[::-1] == alone  # the default: the same in any company
    together = classifier.predict(items[::-1], batch_size=3)[::-1]
    # int8 dynamic quantisation scales activations per batch, so padding moves probabilities a
    # little; the answer and its rough size must not change.
    for one, many in zip(alone, together, strict=True):
        assert one.label == many.label
        assert all(math.isclose(one.probs[k], many.probs[k], abs_tol=0.1) for k in one.probs)


@pytest.mark.model
@needs_model
def test_direction_matters(classifier: LearnedClassifier) -> None:
    text = "Guatemalan soldiers fired on Honduran farmers who had crossed the river."
    forward, backward = classifier.predict(
        [pair(text, "Guatemalan soldiers", "Honduran farmers"),
         pair(text, "Honduran farmers", "Guatemalan soldiers")]
    )  # fmt: skip
    assert forward.label in {"18", "19"}
    assert backward.probs[forward.label] < forward.probs[forward.label]


@pytest.mark.model
@needs_model
def test_empty_batch(classifier: LearnedClassifier) -> None:
    assert classifier.predict([]) == []


@pytest.mark.model
@needs_model
def test_model_was_built_from_the_committed_corpus() -> None:
    metadata = json.loads(model_dir().joinpath("metadata.json").read_text("utf-8"))
    if not CORPUS.is_dir():
        pytest.skip("training/corpus is not beside the tests (installed package)")
    assert metadata["corpus_sha256"] == corpus_digest(CORPUS), (
        "training/corpus changed since the model was built: retrain with `make train`"
    )
