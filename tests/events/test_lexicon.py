"""The lexicon as data: every CAMEO code reachable, no word claimed twice, and the cases in
``cases.yaml`` (sentences written for detente) coded by the real model."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.events.cameo import CameoTable
from detente.events.grammar import Grammar
from detente.events.lexicon import Lexicon, Pattern
from tests.events.conftest import triples

CASES_FILE = Path(__file__).with_name("cases.yaml")

# Codes no pattern needs to produce, and why.
UMBRELLAS = {
    root: "a root is never coded itself: its unspecified events take the x0 code (01 -> 010)"
    for root in (f"{n:02d}" for n in range(1, 21))
}
GRAMMAR_ONLY = {
    "134": "threatening to end talks is said with an infinitive; needs a per-code threat table",
    "135": "threatening to end mediation is said with an infinitive; needs a per-code threat table",
    "136": "threatening to end a foreign presence likewise; needs a per-code threat table",
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return CameoTable.load()


def read_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return cases


def reachable_codes(lexicon: Lexicon, grammar: Grammar) -> set[str]:
    """Codes of the patterns, plus what the grammar makes of them (intent, refusal, threat)."""
    codes = set(lexicon.codes)
    for code in lexicon.codes:
        for mode in ("intent", "refusal", "threat"):
            changed = grammar.transform(code, mode)
            if changed is not None:
                codes.add(changed)
    return codes


def test_lexicon_codes_are_cameo_codes(lexicon: Lexicon, table: CameoTable) -> None:
    assert len(lexicon.patterns) > 1000
    assert sorted(c for c in lexicon.codes if c not in table) == []


def test_every_code_is_reachable(lexicon: Lexicon, table: CameoTable) -> None:
    exempt = UMBRELLAS.keys() | GRAMMAR_ONLY.keys()
    reachable = reachable_codes(lexicon, Grammar.load())
    missing = sorted(entry.code for entry in table if entry.code not in reachable | exempt)
    assert missing == []


def test_exemptions_are_real_codes_not_in_the_lexicon(lexicon: Lexicon, table: CameoTable) -> None:
    for code in UMBRELLAS.keys() | GRAMMAR_ONLY.keys():
        assert code in table
        assert code not in lexicon.codes


def test_every_code_has_a_label(table: CameoTable) -> None:
    unlabelled = [entry.code for entry in table if not entry.label.strip()]
    assert unlabelled == []
    labels = [entry.label for entry in table]
    assert len(set(labels)) == len(labels)


def test_verb_words_are_a_lemma_and_at_most_one_particle(lexicon: Lexicon) -> None:
    bad = [p for p in lexicon.patterns if p.particle and " " in p.particle]
    assert bad == []


def test_objects_and_nouns_have_at_most_two_words(lexicon: Lexicon) -> None:
    words = [w for p in lexicon.patterns for w in (*p.objects, p.lemma)]
    assert [w for w in words if len(w.split()) > 2] == []


def test_no_verb_is_claimed_by_two_codes(lexicon: Lexicon) -> None:
    """Two patterns with the same verb, particle and objects would be decided by file order."""
    by_words: dict[tuple[str, str | None], list[Pattern]] = defaultdict(list)
    for pattern in lexicon.patterns:
        if pattern.pos == "verb":
            by_words[(pattern.lemma, pattern.particle)].append(pattern)
    clashes = [
        (words, a.code, b.code)
        for words, patterns in by_words.items()
        for i, a in enumerate(patterns)
        for b in patterns[i + 1 :]
        if a.code != b.code and _clash(a, b)
    ]
    assert clashes == []


def _clash(a: Pattern, b: Pattern) -> bool:
    if a.complements or b.complements:  # labelling verbs are told apart by the complement
        return bool(a.complements & b.complements)
    return bool(a.objects & b.objects) or not (a.objects or b.objects)


def test_no_noun_is_claimed_by_two_codes(lexicon: Lexicon) -> None:
    codes: dict[str, set[str]] = defaultdict(set)
    for pattern in lexicon.patterns:
        if pattern.pos == "noun":
            codes[pattern.lemma].add(pattern.code)
    assert {noun: c for noun, c in codes.items() if len(c) > 1} == {}


def test_cases_cover_every_root() -> None:
    cases = read_cases()
    assert len(cases) >= 60
    roots = {code[:2] for case in cases for _, code, _ in case.get("expect", [])}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert any(case.get("none") for case in cases)


@pytest.mark.model
@pytest.mark.parametrize("case", read_cases(), ids=lambda case: case["sentence"][:60])
def test_case(code: Any, case: dict[str, Any]) -> None:
    actors = {phrase: (country, sector) for phrase, (country, sector) in case["actors"].items()}
    found = triples(code(case["sentence"], actors))
    if case.get("none"):
        assert found == set()
        return
    for source, expected, target in case["expect"]:
        codes = {c for s, c, t in found if s == source and t == target}
        assert any(c.startswith(expected) for c in codes), (expected, found)
