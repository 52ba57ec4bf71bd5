"""Score the learned model alone on PLV pair mode (a dev set the model never trains on).

    .venv/bin/python training/evaluate_plv.py [--model DIR] [--plv ../shared/data/plv/PLV_train.tsv]

Each gold pair's source and target spans go to the model; its code probabilities are summed per
PLV class (``detente.evaluate.labels.ClassMap``: CAMEO code -> PLOVER 2021 -> PLV class; 01 and
``none`` have no class, so the best class that has one answers). The quad class is that of the
best code of the chosen class. Prints accuracy, quad accuracy, per-class figures, the most
frequent confusions, speed and cold start; only these aggregates are looked at, never the
sentences, so that the corpus is not tuned to them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scores import score

from detente.evaluate.gold import read_plv
from detente.evaluate.labels import ClassMap
from detente.events.learned import LearnedClassifier, Prediction, model_dir

PLV = Path(__file__).resolve().parents[2] / "shared" / "data" / "plv" / "PLV_train.tsv"


def plv_answer(prediction: Prediction, classes: ClassMap) -> tuple[str, str]:
    """(PLV class, CAMEO code) with the most probability among codes that have a class."""
    mass: dict[str, float] = defaultdict(float)
    best: dict[str, tuple[float, str]] = {}
    for code, p in prediction.codes.items():
        label = classes.plv_class(code)
        if label is None:
            continue
        mass[label] += p
        if p > best.get(label, (-1.0, ""))[0]:
            best[label] = (p, code)
    label = max(mass, key=mass.__getitem__)
    return label, best[label][1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--plv", type=Path, default=PLV)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    classifier = LearnedClassifier.load(args.model or model_dir())
    classifier.predict([("Chile thanked Peru.", (0, 5), (14, 18))])
    cold = time.perf_counter() - started

    classes = ClassMap.load()
    pairs = list(read_plv(args.plv))
    items = []
    for pair in pairs:
        whole = (0, len(pair.sentence))
        source = pair.sources[0] if pair.sources else whole
        target = pair.targets[0] if pair.targets else whole
        items.append((pair.sentence, source, target))
    started = time.perf_counter()
    predictions = classifier.predict(items)
    seconds = time.perf_counter() - started

    answers = [plv_answer(p, classes) for p in predictions]
    scores = score([p.label for p in pairs], [label for label, _ in answers])
    quads = [classes.quad(code) for _, code in answers]
    quad_accuracy = sum(q == p.quad for q, p in zip(quads, pairs, strict=True)) / len(pairs)
    print(scores.table())
    print(f"PLV pair accuracy {scores.accuracy:.3f}, quad {quad_accuracy:.3f}, n={len(pairs)}")
    print(f"{len(pairs) / seconds:.0f} pairs/s (2 threads), cold start {cold:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
