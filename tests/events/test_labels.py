"""Labelling verbs: "called Chile a liar" is criticism, "called Chile a partner" praise, and
neither is a phone call (sentences written for detente)."""

from __future__ import annotations

import pytest

from detente.errors import ConfigError
from detente.events.lexicon import read_entries
from tests.events.conftest import triples

ACTORS = {"Norway": ("NOR", None), "Chile": ("CHL", None), "the Chilean president": ("CHL", "GOV")}


def test_complements_are_read_and_unknown_keys_refused() -> None:
    [pattern] = read_entries('- {code: "111", verbs: [brand], complements: [Liar]}', "t")
    assert pattern.complements == {"liar"}
    assert pattern.specificity > 2
    with pytest.raises(ConfigError, match="unknown key"):
        read_entries('- {code: "111", verbs: [brand], complement: [liar]}', "t")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norway called Chile a liar on Tuesday.", {("Norway", "111", "Chile")}),
        (
            "The Norwegian envoy called the Chilean president a war criminal.",
            {("The Norwegian envoy", "111", "the Chilean president")},
        ),
        ("Norway called Chile a reliable partner.", {("Norway", "051", "Chile")}),
        ("Norway called Chile's decision reckless.", {("Norway", "111", "Chile")}),
    ],
)
def test_labels(code, sentence: str, expected: set[tuple[str, str, str]]) -> None:
    actors = {**ACTORS, "The Norwegian envoy": ("NOR", "GOV")}
    assert expected <= triples(code(sentence, actors))


@pytest.mark.model
def test_a_label_is_no_phone_call(code) -> None:
    codes = {c for _, c, _ in triples(code("Norway called Chile a threat to the region.", ACTORS))}
    assert "041" not in codes and "111" in codes


@pytest.mark.model
def test_a_plain_call_still_is(code) -> None:
    events = code("Norway called Chile after the vote.", ACTORS)
    assert ("Norway", "041", "Chile") in triples(events)
