"""Lookup tables: surface forms (one or more tokens) to the entries they may name.

Keys are token tuples normalised by :func:`norm` (lowercase, no accents, no dots), so "U.S." and
"US" share a key; each entry keeps the case pattern of the form it came from, and a text token
must follow it ("US" matches, "us" does not; "Turkey" matches, "turkey" does not).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

MAX_WORDS = 10


def norm(word: str) -> str:
    """Lowercase, accents folded, dots and curly quotes removed: the key of one token."""
    if word.isascii():
        return word.replace(".", "").lower()
    folded = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return plain.replace("\u2019", "'").replace("\u2018", "'").replace(".", "").lower()


def stem(word: str) -> str:
    """A crude singular for the sector lexicon: ``officials`` -> ``official``."""
    key = norm(word)
    if len(key) <= 2 or key.endswith(("ss", "us", "is", "ics", "news")):
        return key
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("men") and key not in {"men"}:
        return key[:-3] + "man"
    if key.endswith("s"):
        return key[:-1]
    return key


def shape(word: str) -> str:
    """How a table form's token must be written in the text: ``upper``, ``title`` or ``any``."""
    letters = word.replace(".", "")
    if len(letters) >= 2 and letters.isupper():
        return "upper"
    if letters[:1].isupper():
        return "title"
    return "any"


def fits(word: str, pattern: str) -> bool:
    """Whether a text token is written as the table form requires."""
    if pattern == "upper":
        letters = word.replace(".", "")
        return letters.isupper()
    if pattern == "title":
        return word[:1].isupper() or word[:1].isdigit()
    return True


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form names."""

    kind: str
    country: str | None
    sector: str | None = None
    igo: str | None = None
    name: str = ""
    pattern: tuple[str, ...] = ()
    user: bool = False
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """Entries found for ``words[start:end]``."""

    start: int
    end: int
    entries: tuple[Entry, ...]


FUZZY_KINDS = frozenset({"name", "adjective", "people", "group", "person"})
FUZZY_MIN = 6
TERM_FUZZY_MIN = 8
FUZZY_FORM_MIN = 5


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


@dataclass(slots=True)
class Gazetteer:
    """Surface forms of names (countries, organisations, people) to entries.

    Besides exact forms it finds plural demonyms ("Libyans" from "Libyan") and, for single
    capitalised words of six letters or more, misspellings by one letter missing or added in
    country names, demonyms and surnames ("Ethopia", "Mitterand"), when exactly one form is
    that close.
    """

    forms: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    near: dict[str, set[str]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)

    def add(self, words: Sequence[str], entry: Entry, *, replace: bool = False) -> None:
        key = tuple(norm(w) for w in words if norm(w))
        if not key or len(key) > MAX_WORDS:
            return
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(words))
        entries = self.forms.setdefault(key, [])
        if replace:
            entries.clear()
        if entry not in entries:
            entries.append(entry)

    def lookup(self, words: Sequence[str], keys: Sequence[str] | None = None) -> tuple[Entry, ...]:
        """Entries whose form is exactly ``words`` and whose case pattern they follow."""
        key = tuple(norm(w) for w in words) if keys is None else tuple(keys)
        kept = [w for w, k in zip(words, key, strict=True) if k]
        return tuple(
            e
            for e in self.forms.get(tuple(k for k in key if k), ())
            if not e.pattern
            or len(e.pattern) != len(kept)
            or (
                fits(kept[0], e.pattern[0])
                and all(fits(w, p) for w, p in zip(kept, e.pattern, strict=True) if p == "upper")
            )
        )

    def index_misspellings(self) -> None:
        """Prepare the one-letter neighbourhoods of single-word names (call once after loading)."""
        self.near.clear()
        for key, entries in self.forms.items():
            if (
                len(key) == 1
                and len(key[0]) >= FUZZY_FORM_MIN
                and any(e.kind in FUZZY_KINDS for e in entries)
            ):
                for variant in {key[0], *_deletions(key[0])}:
                    self.near.setdefault(variant, set()).add(key[0])

    def _plural(self, words: Sequence[str]) -> tuple[Entry, ...]:
        last = words[-1]
        if len(last) < 5 or not last.endswith("s") or norm(words[0]) not in self.longest:
            return ()
        entries = self.lookup([*words[:-1], last[:-1]])
        return tuple(e for e in entries if e.kind == "adjective")

    def _misspelt(self, word: str) -> tuple[Entry, ...]:
        found = self._misspelt_one(word)
        if not found and word.endswith("s"):
            found = tuple(e for e in self._misspelt_one(word[:-1]) if e.kind == "adjective")
        return found

    def _misspelt_one(self, word: str) -> tuple[Entry, ...]:
        key = norm(word)
        if len(key) < FUZZY_MIN or not word[:1].isupper() or (key,) in self.forms:
            return ()
        close = {c for c in self.near.get(key, ()) if len(c) == len(key) + 1}
        close |= {v for v in _deletions(key) if v in self.near and v in self.near[v]}
        close = {c for c in close if c != key and c[:1] == key[:1]}
        if len(close) != 1:
            return ()
        entries = self.forms[(close.pop(),)]
        return tuple(e for e in entries if e.kind in FUZZY_KINDS)

    def find(self, words: Sequence[str], *, start: int = 0, end: int | None = None) -> list[Hit]:
        """Longest matches, left to right, within ``words[start:end]``."""
        stop = len(words) if end is None else end
        keys = [norm(w) for w in words]
        hits: list[Hit] = []
        i = start
        while i < stop:
            longest = max(self.longest.get(keys[i], 0), 1)
            for j in range(min(stop, i + longest + 1), i, -1):
                entries = self.lookup(words[i:j], keys[i:j]) or self._plural(words[i:j])
                if not entries and j == i + 1:
                    entries = self._misspelt(words[i])
                if entries:
                    hits.append(Hit(i, j, entries))
                    i = j
                    break
            else:
                i += 1
        return hits


@dataclass(frozen=True, slots=True)
class Term:
    """A word of the sector lexicon and what it says about the phrase it is in."""

    head: str | None = None
    role: str | None = None
    is_role: bool = False
    modifier: str | None = None
    ngo: bool = False


@dataclass(slots=True)
class TermLexicon:
    """Sector words (stemmed, lowercase) and the small word classes the resolver needs."""

    terms: dict[tuple[str, ...], Term] = field(default_factory=dict)
    former: frozenset[str] = frozenset()
    diplomatic: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    strong: frozenset[str] = frozenset()
    property: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    state_media: frozenset[str] = frozenset()
    longest: dict[str, int] = field(default_factory=dict)
    near: dict[str, set[str]] = field(default_factory=dict)

    def add(self, text: str, **changes: str | bool | None) -> None:
        key = tuple(stem(w) for w in text.replace("-", " - ").split())
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        old = self.terms.get(key, Term())
        values = {
            "head": old.head,
            "role": old.role,
            "is_role": old.is_role,
            "modifier": old.modifier,
            "ngo": old.ngo,
        }
        values.update(changes)
        self.terms[key] = Term(**values)  # type: ignore[arg-type]

    def index_misspellings(self) -> None:
        """Neighbourhoods of long one-word terms, for "peackeepers" and "Commision"."""
        self.near.clear()
        for key in self.terms:
            if len(key) == 1 and len(key[0]) >= TERM_FUZZY_MIN:
                for variant in _deletions(key[0]):
                    self.near.setdefault(variant, set()).add(key[0])

    def _misspelt(self, word: str) -> Term | None:
        if len(word) < TERM_FUZZY_MIN or (word,) in self.terms:
            return None
        close = {c for c in self.near.get(word, ()) if len(c) == len(word) + 1}
        close |= {v for v in _deletions(word) if (v,) in self.terms}
        return self.terms[(close.pop(),)] if len(close) == 1 else None

    def find(self, words: Sequence[str]) -> list[tuple[int, int, Term]]:
        """Longest matches of sector words, left to right."""
        stems = [stem(w) for w in words]
        found: list[tuple[int, int, Term]] = []
        i = 0
        while i < len(stems):
            for j in range(min(len(stems), i + self.longest.get(stems[i], 0)), i, -1):
                term = self.terms.get(tuple(stems[i:j]))
                if term is not None:
                    found.append((i, j, term))
                    i = j
                    break
            else:
                typo = self._misspelt(stems[i]) if stems[i].isalpha() else None
                if typo is not None:
                    found.append((i, i + 1, typo))
                i += 1
        return found


@dataclass(frozen=True, slots=True)
class Role:
    """One office a person held, from ``start`` to ``end`` (None: open)."""

    country: str
    sector: str | None
    title: str = ""
    start: date | None = None
    end: date | None = None
    user: bool = False
    igo: str | None = None

    def holds(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)
