"""The training corpus: read and check it, split it, augment the training part.

Every ``training/corpus/*.jsonl`` line is ``{"text", "source", "target", "cameo", "form"}``;
source and target are substrings of text, cameo a code of ``events/data/cameo.tsv`` or null
(no event from source to target). See training/README.md for the augmentations.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from detente.events.cameo import CameoTable
from detente.events.learned import NONE, Span

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SWAP_NAMES = HERE / "swap_names.tsv"

# Roots whose event runs one way: the reversed pair (target -> source) is not the same event.
DIRECTED_ROOTS = frozenset(
    {"02", "07", "08", "09", "10", "11", "13", "15", "16", "17", "18", "19", "20"}
)
MUTUAL = re.compile(r"\b(each other|one another|traded|mutual|both sides|exchanged)\b", re.I)


class CorpusError(ValueError):
    """A corpus line that cannot be used; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    source: Span
    target: Span
    root: str
    code: str
    form: str
    origin: str


def read_corpus(folder: Path = CORPUS) -> list[Example]:
    table = CameoTable.load()
    examples = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.strip():
                examples.append(parse_line(line, table, origin=f"{path.name}:{number}"))
    if not examples:
        raise CorpusError(f"no corpus lines in {folder}")
    return examples


def parse_line(line: str, table: CameoTable, *, origin: str) -> Example:
    try:
        row = json.loads(line)
        text, source, target = row["text"], row["source"], row["target"]
        cameo, form = row.get("cameo"), row.get("form") or ""
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise CorpusError(f"{origin}: not a corpus record ({error})") from error
    if cameo is not None and cameo not in table:
        raise CorpusError(f"{origin}: unknown CAMEO code {cameo!r}")
    source_span, target_span = locate(text, source, target, origin=origin)
    code = cameo if cameo is not None else NONE
    root = cameo[:2] if cameo is not None else NONE
    return Example(text, source_span, target_span, root, code, form, origin)


def locate(text: str, source: str, target: str, *, origin: str) -> tuple[Span, Span]:
    """Spans of source and target in text; the target's first occurrence clear of the source."""
    start = text.find(source) if source else -1
    if start < 0:
        raise CorpusError(f"{origin}: source {source!r} is not in the text")
    source_span = (start, start + len(source))
    found = [m.start() for m in re.finditer(re.escape(target), text)] if target else []
    if not found:
        raise CorpusError(f"{origin}: target {target!r} is not in the text")
    clear = [s for s in found if s >= source_span[1] or s + len(target) <= source_span[0]]
    begin = (clear or found)[0]
    return source_span, (begin, begin + len(target))


def split(examples: list[Example], share: float, seed: int) -> tuple[list[Example], list[Example]]:
    """Stratified by root: ``share`` of each root goes to validation."""
    by_root: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_root[example.root].append(example)
    rng = random.Random(seed)
    train, valid = [], []
    for root in sorted(by_root):
        group = by_root[root][:]
        rng.shuffle(group)
        cut = round(len(group) * share)
        valid += group[:cut]
        train += group[cut:]
    rng.shuffle(train)
    return train, valid


def code_labels(examples: list[Example], minimum: int) -> dict[str, str]:
    """Code -> label of the code head: rare 4-digit codes fold into their 3-digit parent, then
    rare 3-digit codes into the root's own code (``xx0``), so each label has enough examples."""
    counts = Counter(e.code for e in examples)
    folded: dict[str, str] = {}
    for code in counts:
        folded[code] = code[:3] if len(code) == 4 and counts[code] < minimum else code
    parents = Counter(folded[e.code] for e in examples)
    for code, label in folded.items():
        if label != NONE and len(label) == 3 and parents[label] < minimum:
            folded[code] = label[:2] + "0"
    return folded


# -- augmentation --------------------------------------------------------------------------------


def read_swap_names(path: Path = SWAP_NAMES) -> list[tuple[str, str]]:
    """(country name, demonym) pairs that actor swapping draws from."""
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, demonym = line.split("\t")
            pairs.append((name.strip(), demonym.strip()))
    return pairs


def swap_actors(
    example: Example, names: list[tuple[str, str]], rng: random.Random
) -> Example | None:
    """The example with each country it names (and its demonym) replaced by another country."""
    present = [pair for pair in names if any(_word(n).search(example.text) for n in pair)]
    if not present:
        return None
    pool = [pair for pair in names if pair not in present]
    mapping: dict[str, str] = {}
    for (name, demonym), (new_name, new_demonym) in zip(
        present, rng.sample(pool, len(present)), strict=True
    ):
        mapping[name], mapping[demonym] = new_name, new_demonym
    pattern = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b"
    )
    text, source, target = _rewrite(example, pattern, mapping)
    return replace(
        example, text=text, source=source, target=target, origin=example.origin + "+swap"
    )


def _rewrite(
    example: Example, pattern: re.Pattern[str], mapping: dict[str, str]
) -> tuple[str, Span, Span]:
    """Apply ``mapping`` to the text and move both spans with the edits."""
    pieces, last, shifts = [], 0, []
    for match in pattern.finditer(example.text):
        pieces += [example.text[last : match.start()], mapping[match.group(0)]]
        shifts.append((match.end(), len(mapping[match.group(0)]) - len(match.group(0))))
        last = match.end()
    pieces.append(example.text[last:])

    def moved(position: int) -> int:
        return position + sum(delta for stop, delta in shifts if stop <= position)

    def span(s: Span) -> Span:
        return moved(s[0]), moved(s[1])

    return "".join(pieces), span(example.source), span(example.target)


def _word(name: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(name) + r"\b")


def reverse(example: Example) -> Example | None:
    """Target -> source of a one-way event: a pair with no event."""
    if example.root not in DIRECTED_ROOTS or example.form == "coordination":
        return None
    if MUTUAL.search(example.text):
        return None
    return replace(
        example,
        source=example.target,
        target=example.source,
        root=NONE,
        code=NONE,
        origin=example.origin + "+reverse",
    )


def augment(
    train: list[Example], *, swap_rate: float, reverse_rate: float, seed: int
) -> list[Example]:
    """The training examples plus swapped-actor copies and reversed negatives."""
    rng = random.Random(seed)
    names = read_swap_names()
    extra: list[Example] = []
    for example in train:
        if rng.random() < swap_rate:
            swapped = swap_actors(example, names, rng)
            if swapped is not None:
                extra.append(swapped)
        if rng.random() < reverse_rate:
            reversed_ = reverse(example)
            if reversed_ is not None:
                extra.append(reversed_)
    out = train + extra
    rng.shuffle(out)
    return out
