"""Line breaks and wire datelines start sentences (sentences written for detente)."""

from __future__ import annotations

import pytest
import spacy

from detente.ingest import make_article
from detente.nlp.paragraphs import dateline_ends, paragraph_breaks
from detente.pipeline import Coder


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("OSLO -- Norway expelled two envoys.", "Norway expelled"),
        ("LIMA, Peru (Wire) - The navy boarded a trawler.", "The navy"),
        ("SANTIAGO, March 3 (Wire): Chile recalled its envoy.", "Chile recalled"),
        ("NEW DELHI, India, May 3 -- India signed the pact.", "India signed"),
        ("Rain fell.\nBOGOTA -- Police detained a mayor.", "Police detained"),
    ],
)
def test_dateline_found(text: str, story: str) -> None:
    assert [text[end:].startswith(story) for end in dateline_ends(text)] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "US-Chile talks - A new round opens.",  # a hyphen inside a word
        "NATO: allies agree on a plan.",  # a lower-case story is no dateline
        "Chile and Peru -- Norway mediates.",  # no capitals
        "Norway said OSLO -- the capital -- was calm.",  # not at a line's start
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_ends(text) == []


def test_the_story_after_a_dateline_is_a_sentence() -> None:
    doc = paragraph_breaks(spacy.blank("en")("LIMA, Peru (Wire) -- Chile recalled its envoy."))
    assert [t.text for t in doc if t.is_sent_start] == ["LIMA", "Chile"]


@pytest.mark.model
def test_a_dateline_city_is_no_actor() -> None:
    article = make_article("MOSCOW -- A Chilean court convicted a Peruvian sailor of spying.")
    ((_, events),) = Coder().code([article])
    assert events, "the court's act is coded"
    assert {e.source.text for e in events} == {"A Chilean court"}
