"""The events component's last step: a sentence written twice gives its events once (sentences
written for detente)."""

from __future__ import annotations

import pytest

from detente.events.component import without_repeats

pytestmark = pytest.mark.model

ACTORS = {"Norway": ("NOR", None), "Chile": ("CHL", None), "Peru": ("PER", None)}


def test_a_repeated_headline_gives_its_events_once(code) -> None:
    text = (
        "Norway condemned Chile.\n\nNorway condemned Chile.\n\nLater, Norway condemned Chile again."
    )
    events = code(text, ACTORS)
    assert len(events) == 3
    kept = without_repeats(events)
    assert len(kept) == 2
    assert {e.sentence.strip() for e in kept} == {
        "Norway condemned Chile.",
        "Later, Norway condemned Chile again.",
    }
