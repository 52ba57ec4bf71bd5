"""The learned second opinion: a fine-tuned MiniLM that names the event between two spans.

The sentence is shown to the model with its source and target marked by BERT's spare tokens
(``[unused0] source [unused1]`` ... ``[unused2] target [unused3]``); one head gives the CAMEO
root (or ``none``: no event from source to target), a second head the CAMEO code. The model is
an int8 ONNX file built by ``training/train.py`` from ``training/corpus`` and shipped in
``events/model/``; it runs on onnxruntime, without torch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from detente.errors import InputError, ModelError

Span = tuple[int, int]
PairInput = tuple[str, Span, Span]

NONE = "none"
MARKERS = ("[unused0]", "[unused1]", "[unused2]", "[unused3]")
MODEL_FILES = ("model.onnx", "tokenizer.json", "metadata.json")
MAX_TOKENS = 160
WINDOW_CHARS = 300
# One pair per run: the int8 model quantises activations with a scale taken over the whole batch,
# so in a batch a pair's probabilities would depend on its neighbours (and their padding), and an
# article coded alone would not come out as it does in a corpus. Batching saved only ~15%.
BATCH_SIZE = 1
THREADS = 2


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the model says about one pair.

    ``probs``: CAMEO root (or ``none``) -> probability, summing to 1; ``label`` is the best of
    them and ``confidence`` its probability. ``codes``: CAMEO code -> P(root) * P(code | root)
    over the codes the model knows (summing to 1 - P(none)); ``code`` is the best code of the
    best root (None when that is ``none``).
    """

    probs: dict[str, float]
    label: str
    confidence: float
    codes: dict[str, float]
    code: str | None


def mark(text: str, source: Span, target: Span) -> str:
    """``text`` with the two spans wrapped in the marker tokens (spans may nest or touch)."""
    for name, (start, end) in (("source", source), ("target", target)):
        if not 0 <= start < end <= len(text):
            raise InputError(f"{name} span {start}:{end} is not inside a text of {len(text)} chars")
    inserts = [
        (source[0], 1, -(source[1] - source[0]), MARKERS[0] + " "),
        (source[1], 0, source[1] - source[0], " " + MARKERS[1]),
        (target[0], 1, -(target[1] - target[0]), MARKERS[2] + " "),
        (target[1], 0, target[1] - target[0], " " + MARKERS[3]),
    ]
    pieces, last = [], 0
    for position, _, _, marker in sorted(inserts):
        pieces += [text[last:position], marker]
        last = position
    pieces.append(text[last:])
    return "".join(pieces)


def window(text: str, source: Span, target: Span, chars: int = WINDOW_CHARS) -> PairInput:
    """Crop a long text to the stretch around both spans, so truncation cannot drop a marker."""
    low, high = min(source[0], target[0]), max(source[1], target[1])
    if len(text) <= (high - low) + 2 * chars:
        return text, source, target
    start, end = max(0, low - chars), min(len(text), high + chars)
    shift = (source[0] - start, source[1] - start), (target[0] - start, target[1] - start)
    return text[start:end], shift[0], shift[1]


def corpus_digest(folder: Path) -> str:
    """SHA-256 over the corpus files (``*.jsonl``, by name): what the model metadata records."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def model_dir() -> Traversable:
    return resources.files("detente.events").joinpath("model")


class LearnedClassifier:
    """Classify (sentence, source span, target span) triples with the shipped model."""

    def __init__(self, session: Any, tokenizer: Any, metadata: dict[str, Any]) -> None:
        self.session = session
        self.tokenizer = tokenizer
        self.metadata = metadata
        self.labels: list[str] = list(metadata["labels"])
        self.codes: list[str] = list(metadata["code_labels"])
        self.max_tokens = int(metadata.get("max_tokens", MAX_TOKENS))
        self.codes_by_root: dict[str, list[int]] = {}
        for index, code in enumerate(self.codes):
            if code != NONE:
                self.codes_by_root.setdefault(code[:2], []).append(index)

    @classmethod
    def load(cls, folder: Traversable | Path | None = None) -> LearnedClassifier:
        """Load the model from ``folder`` (default: the one shipped in the package)."""
        folder = folder if folder is not None else model_dir()
        missing = [name for name in MODEL_FILES if not folder.joinpath(name).is_file()]
        if missing:
            raise ModelError(
                f"the learned event model is not installed ({', '.join(missing)} missing in "
                f"{folder}); rebuild it with `make train` or reinstall detente"
            )
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = THREADS
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            folder.joinpath("model.onnx").read_bytes(), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_str(folder.joinpath("tokenizer.json").read_text("utf-8"))
        metadata = json.loads(folder.joinpath("metadata.json").read_text("utf-8"))
        return cls(session, tokenizer, metadata)

    def predict(self, items: Sequence[PairInput], batch_size: int = BATCH_SIZE) -> list[Prediction]:
        """One prediction per item, in the order given (batches are sorted by length inside)."""
        rows = encode(self.tokenizer, items, self.max_tokens)
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
        out: list[Prediction | None] = [None] * len(rows)
        for batch in _chunks(order, batch_size):
            root_probs, code_probs = self.run([rows[i] for i in batch])
            for row, i in enumerate(batch):
                out[i] = self.prediction(root_probs[row], code_probs[row])
        return [p for p in out if p is not None]

    def run(self, rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Root and code probabilities of a batch of token id lists."""
        width = max(len(ids) for ids in rows)
        input_ids = np.zeros((len(rows), width), dtype=np.int64)
        attention = np.zeros((len(rows), width), dtype=np.int64)
        for r, ids in enumerate(rows):
            input_ids[r, : len(ids)] = ids
            attention[r, : len(ids)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": attention}
        root_logits, code_logits = self.session.run(["root_logits", "code_logits"], feeds)
        return softmax(root_logits), softmax(code_logits)

    def prediction(self, root_probs: np.ndarray, code_probs: np.ndarray) -> Prediction:
        probs = {label: float(p) for label, p in zip(self.labels, root_probs, strict=True)}
        label = max(probs, key=probs.__getitem__)
        codes: dict[str, float] = {}
        for root, members in self.codes_by_root.items():
            within = code_probs[members]
            for index, share in zip(members, within / within.sum(), strict=True):
                codes[self.codes[index]] = probs[root] * float(share)
        members = self.codes_by_root.get(label, []) if label != NONE else []
        code = max((self.codes[i] for i in members), key=codes.__getitem__, default=None)
        return Prediction(probs, label, probs[label], codes, code)


def encode(tokenizer: Any, items: Sequence[PairInput], max_tokens: int) -> list[list[int]]:
    """Token ids of each marked pair, ``[CLS] ... [SEP]`` within ``max_tokens`` (training too)."""
    texts = [mark(*window(text, source, target)) for text, source, target in items]
    rows = [encoding.ids for encoding in tokenizer.encode_batch(texts)]
    return [ids if len(ids) <= max_tokens else [*ids[: max_tokens - 1], ids[-1]] for ids in rows]


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
