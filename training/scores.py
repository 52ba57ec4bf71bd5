"""Accuracy, per-class precision/recall/F1 and the confusion matrix of a labelling."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ClassScore:
    label: str
    support: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    classes: list[ClassScore]
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    code_accuracy: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    def table(self) -> str:
        lines = [f"{'class':<10} {'n':>5} {'prec':>6} {'rec':>6} {'f1':>6}"]
        for c in self.classes:
            lines.append(
                f"{c.label:<10} {c.support:>5} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
            )
        lines.append(f"accuracy {self.accuracy:.3f}  macro-F1 {self.macro_f1:.3f}  (n={self.n})")
        top = ", ".join(f"{g}->{p} {k}" for g, p, k in self.confusions[:15])
        lines.append(f"most frequent confusions (gold->predicted): {top}")
        return "\n".join(lines)


def score(
    gold: list[str],
    predicted: list[str],
    *,
    gold_codes: list[str] | None = None,
    predicted_codes: list[str] | None = None,
) -> Scores:
    pairs = Counter(zip(gold, predicted, strict=True))
    labels = sorted(set(gold) | set(predicted))
    classes = []
    for label in labels:
        hit = pairs[(label, label)]
        support = sum(k for (g, _), k in pairs.items() if g == label)
        said = sum(k for (_, p), k in pairs.items() if p == label)
        precision = hit / said if said else 0.0
        recall = hit / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(
            ClassScore(label, support, round(precision, 4), round(recall, 4), round(f1, 4))
        )
    n = len(gold)
    present = [c for c in classes if c.support]
    confusions = sorted(
        ((g, p, k) for (g, p), k in pairs.items() if g != p), key=lambda item: -item[2]
    )
    code_accuracy = 0.0
    if gold_codes is not None and predicted_codes is not None:
        code_accuracy = sum(g == p for g, p in zip(gold_codes, predicted_codes, strict=True)) / n
    return Scores(
        n=n,
        accuracy=round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / n, 4),
        macro_f1=round(sum(c.f1 for c in present) / len(present), 4),
        classes=classes,
        confusions=confusions,
        code_accuracy=round(code_accuracy, 4),
    )
