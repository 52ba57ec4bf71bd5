"""The model's attribute ruler, applied the same way at a fraction of the cost.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of some 180 patterns over every token, which costs as
much as the parser. Its patterns are short, fixed-length lists of plain token tests (``TAG``,
``LOWER``, ``DEP``, ``IS_SPACE``: equal to a value, ``IN`` / ``NOT_IN`` a list, or a ``REGEX``),
so each is filed under what its first token must be (tag and word, tag, or word) and tried only
where that fits. A pattern with anything else (an operator, another attribute) still goes through
a ``Matcher``. Matches are applied in the ruler's own order (later rules win) with one
``from_array``; the result is the ruler's own, attribute for attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc

KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
TAG_COLUMN, LOWER_COLUMN = 0, 1
MAX_SEEN = 200_000

Row = Sequence[int]


@dataclass(frozen=True, slots=True)
class Test:
    """One token test on ``column``: equal to ``value``, (not) in ``values``, or ``regex``."""

    column: int
    value: int = 0
    values: frozenset[int] | None = None
    negate: bool = False
    regex: re.Pattern[str] | None = None
    strings: StringStore | None = field(default=None, compare=False)
    seen: dict[int, bool] = field(default_factory=dict, compare=False)

    def passes(self, row: Row) -> bool:
        found = row[self.column]
        if self.regex is not None:
            return self._matches(found)
        if self.values is None:
            return found == self.value
        return (found in self.values) != self.negate

    def _matches(self, found: int) -> bool:
        known = self.seen.get(found)
        if known is None and self.regex is not None and self.strings is not None:
            known = self.seen[found] = bool(self.regex.search(self.strings[found]))
        return bool(known)


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern of the ruler: its number (which attributes it sets) and one test list a token."""

    number: int
    tokens: tuple[tuple[Test, ...], ...]

    def matches(self, rows: Sequence[Row], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        for k, tests in enumerate(self.tokens):
            row = rows[start + k]
            for test in tests:
                if not test.passes(row):
                    return False
        return True


class FastAttributeRuler:
    """Same result as ``ruler(doc)`` for a spaCy ``AttributeRuler``."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.strings: StringStore = ruler.vocab.strings
        self.by_tag_word: dict[tuple[int, int], list[Rule]] = {}
        self.by_value: dict[tuple[int, int], list[Rule]] = {}
        self.other: list[Rule] = []
        self.seen: dict[tuple[int, ...], tuple[list[int], list[Rule]]] = {}
        self.matcher = Matcher(ruler.vocab, validate=False)
        for number in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(number))
            slow = [p for p in patterns if not self._file(number, p)]
            if slow:
                self.matcher.add(str(number), slow)

    def _file(self, number: int, pattern: list[dict[str, Any]]) -> bool:
        """File a pattern under its first token's tag and word; False when it has other tests."""
        tokens = []
        for spec in pattern:
            tests = [self._test(key, value) for key, value in spec.items()]
            if any(t is None for t in tests):
                return False
            tokens.append(tuple(t for t in tests if t is not None))
        rule = Rule(number, tuple(tokens))
        tag = _plain(tokens[0], TAG_COLUMN)
        word = _plain(tokens[0], LOWER_COLUMN)
        if tag is not None and word is not None:
            self.by_tag_word.setdefault((tag, word), []).append(rule)
        else:
            keys = _keys(tokens[0])
            for key in keys:
                self.by_value.setdefault(key, []).append(rule)
            if not keys:
                self.other.append(rule)
        return True

    def _test(self, key: str, spec: Any) -> Test | None:
        if key not in KEYS:
            return None
        column = COLUMNS.index(KEYS[key])
        if not isinstance(spec, dict):
            return Test(column, self._code(key, spec))
        if len(spec) != 1:
            return None
        kind, argument = next(iter(spec.items()))
        if kind in ("IN", "NOT_IN"):
            values = frozenset(self._code(key, a) for a in argument)
            return Test(column, values=values, negate=kind == "NOT_IN")
        if kind == "REGEX" and key != "IS_SPACE":
            return Test(column, regex=re.compile(argument), strings=self.strings)
        return None

    def _code(self, key: str, value: Any) -> int:
        if key == "IS_SPACE":
            return int(bool(value))
        return int(self.strings.add(str(value)))

    def __call__(self, doc: Doc) -> Doc:
        self.apply(doc, self.matches(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule, start, end) of every match, in the order the ruler applies them."""
        rows = doc.to_array(COLUMNS).tolist() if len(doc) else []
        found: list[tuple[int, int, int]] = []
        for i, row in enumerate(rows):
            singles, longer = self._rules(row)
            found.extend((number, i, i + 1) for number in singles)
            for rule in longer:
                if rule.matches(rows, i):
                    found.append((rule.number, i, i + len(rule.tokens)))
        if len(self.matcher):
            found.extend(
                (int(self.strings[key]), start, end)
                for key, start, end in self.matcher(doc, allow_missing=True, as_spans=False)
            )
        return sorted(set(found))

    def _rules(self, row: list[int]) -> tuple[list[int], list[Rule]]:
        """The one-token rules a token with these values matches, and the longer rules that may
        start at it (cached: the same values come back all the time)."""
        key = tuple(row)
        known = self.seen.get(key)
        if known is None:
            if len(self.seen) > MAX_SEEN:
                self.seen.clear()
            rules = self.by_tag_word.get((row[TAG_COLUMN], row[LOWER_COLUMN]), [])
            for column, value in enumerate(row):
                rules = rules + self.by_value.get((column, value), [])
            rules = rules + self.other
            singles = [r.number for r in rules if len(r.tokens) == 1 and r.matches([row], 0)]
            known = self.seen[key] = (singles, [r for r in rules if len(r.tokens) > 1])
        return known

    def apply(self, doc: Doc, matches: Iterable[tuple[int, int, int]]) -> None:
        """Set each rule's attributes on its token, later rules over earlier ones."""
        values: dict[int, dict[int, int]] = {}
        for number, start, end in matches:
            index = self.ruler.indices[number]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                raise ValueError(f"attribute rule {number}: token {index} is outside its match")
            for attr, value in self.ruler.attrs[number].items():
                values.setdefault(attr, {})[position] = value
        if not values:
            return
        attrs: list[int | str] = [*sorted(values)]
        array = doc.to_array(attrs)
        for column, attr in enumerate(sorted(values)):
            for position, value in values[attr].items():
                array[position, column] = value
        doc.from_array(attrs, array)  # type: ignore[arg-type]


def _keys(tests: Sequence[Test]) -> list[tuple[int, int]]:
    """(column, value) pairs one of which a token must have to pass ``tests``."""
    plain = [t for t in tests if t.values is None and t.regex is None]
    if plain:
        return [(plain[0].column, plain[0].value)]
    listed = [t for t in tests if t.values is not None and not t.negate]
    if listed:
        return [(listed[0].column, value) for value in sorted(listed[0].values or ())]
    return []


def _plain(tests: Sequence[Test], column: int) -> int | None:
    """The value a plain equality test on ``column`` asks for, if there is one."""
    for test in tests:
        if test.column == column and test.values is None and test.regex is None:
            return test.value
    return None
