"""The predicate lexicon: verbs, light-verb phrases and nouns that express CAMEO events.

The lexicon is the folder ``events/data/lexicon/`` (one YAML file per CAMEO root, described in
its README.md); each entry reads like::

    - code: "163"                     # the CAMEO code
      verbs: [impose, slap]           # verb lemmas; "back down" is a verb with its particle
      objects: [sanction, embargo]    # optional: the direct object the verb needs
      complements: [liar]             # optional: what a labelling verb calls its object
      nouns: [sanction, embargo]      # nominal events ("sanctions on Russia")
      target: [prep on, prep against] # where the target is (default: obj for verbs)
      symmetric: false                # meetings, talks, agreements: both directions
      joint: false                    # "X and Y shared data": coordinated subjects, to each other
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import ConfigError

VERB_TARGETS = ("obj",)
NOUN_TARGETS = ("prep against", "prep on", "prep with", "prep to", "prep toward", "prep towards")
SLOT_KINDS = {
    "obj", "dative", "prep", "obj-prep", "obj-any", "clause", "clause-any", "poss", "labelled",
    "obj-poss",
}  # fmt: skip
KEYS = {"code", "verbs", "objects", "complements", "nouns", "target", "symmetric", "joint"}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of expressing a CAMEO event."""

    code: str
    lemma: str
    pos: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    targets: tuple[str, ...] = VERB_TARGETS
    symmetric: bool = False
    complements: frozenset[str] = frozenset()
    joint: bool = False

    @property
    def mutual(self) -> bool:
        """Whether coordinated subjects with no other party named do it to each other: "Chile and
        Peru met" (symmetric), "Chile and Peru agreed to share data" (joint)."""
        return self.symmetric or self.joint

    @property
    def specificity(self) -> int:
        return 3 * bool(self.complements) + 2 * bool(self.objects) + bool(self.particle)


class Lexicon:
    """Patterns indexed by lemma."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self._verbs: dict[str, list[Pattern]] = defaultdict(list)
        self._nouns: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            index = self._verbs if pattern.pos == "verb" else self._nouns
            index[pattern.lemma].append(pattern)

    @classmethod
    def load(cls, extra: str | Path | None = None) -> Lexicon:
        """The packaged lexicon, plus the entries of ``extra`` (a YAML file or folder)."""
        folder = resources.files("detente.events").joinpath("data/lexicon")
        texts = [
            (item.read_text(encoding="utf-8"), f"lexicon/{item.name}")
            for item in sorted(folder.iterdir(), key=lambda i: i.name)
            if item.name.endswith(".yaml")
        ]
        if extra is not None:
            path = Path(extra)
            files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
            texts += [(file.read_text(encoding="utf-8"), str(file)) for file in files]
        return cls([pattern for text, where in texts for pattern in read_entries(text, where)])

    def verb_patterns(self, lemma: str) -> list[Pattern]:
        return self._verbs.get(lemma, [])

    def noun_patterns(self, lemma: str) -> list[Pattern]:
        return self._nouns.get(lemma, [])

    @property
    def codes(self) -> set[str]:
        return {pattern.code for pattern in self.patterns}


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses an entry with the same key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        for key in keys:
            if keys.count(key) > 1:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", node.start_mark
                )
        return super().construct_mapping(node, deep=deep)


def read_entries(text: str, where: str) -> list[Pattern]:
    """The patterns of one lexicon file."""
    try:
        entries = yaml.load(text, Loader=_StrictLoader) or []
    except yaml.YAMLError as error:
        raise ConfigError(f"{where}: invalid YAML: {error}") from error
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: expected a list of entries")
    return [p for number, e in enumerate(entries) for p in parse_entry(e, where, number)]


def parse_entry(entry: Any, where: str, number: int) -> list[Pattern]:
    if not isinstance(entry, dict) or "code" not in entry:
        raise ConfigError(f"{where}: entry {number} has no code: {entry!r}")
    code = str(entry["code"])
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise ConfigError(f"{where}: entry {number}: bad CAMEO code {code!r}")
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: entry {number} ({code}): unknown key(s) {unknown}")
    objects = frozenset(_words(entry.get("objects"), where, number))
    labels = frozenset(_words(entry.get("complements"), where, number))
    symmetric = bool(entry.get("symmetric", False))
    joint = bool(entry.get("joint", False))
    patterns: list[Pattern] = []
    verb_targets = _targets(entry.get("target"), VERB_TARGETS, where, number)
    for verb in _words(entry.get("verbs"), where, number):
        lemma, _, particle = verb.partition(" ")
        patterns.append(
            Pattern(
                code,
                lemma,
                "verb",
                particle or None,
                objects,
                verb_targets,
                symmetric,
                labels,
                joint,
            )
        )
    noun_targets = _targets(entry.get("target"), NOUN_TARGETS, where, number)
    for noun in _words(entry.get("nouns"), where, number):
        patterns.append(
            Pattern(code, noun, "noun", None, frozenset(), noun_targets, symmetric, joint=joint)
        )
    if not patterns:
        raise ConfigError(f"{where}: entry {number} ({code}) has no verbs or nouns")
    return patterns


def _words(value: Any, where: str, number: int) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: entry {number}: expected a list of words, got {value!r}")
    return [" ".join(v.lower().split()) for v in value]


def _targets(value: Any, default: tuple[str, ...], where: str, number: int) -> tuple[str, ...]:
    slots = tuple(_words(value, where, number)) or default
    for slot in slots:
        if slot.split(" ")[0] not in SLOT_KINDS:
            raise ConfigError(f"{where}: entry {number}: unknown target slot {slot!r}")
    return slots
