"""Event dates: expressions resolved against the publication date, and the spaCy component."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.events.dates import DatesComponent, date_event, published_in_text, resolve
from detente.nlp import extensions
from detente.records import Actor, Event, Mention

PUBLISHED = date(2019, 3, 14)  # a Thursday

RESOLVED = [
    ("on Tuesday", date(2019, 3, 12), "weekday"),
    ("Thursday", date(2019, 3, 14), "weekday"),
    ("last Thursday", date(2019, 3, 7), "weekday"),
    ("Friday", date(2019, 3, 8), "weekday"),
    ("Sunday evening", date(2019, 3, 10), "weekday"),
    ("2 February", date(2019, 2, 2), "day-month"),
    ("on 20 November", date(2018, 11, 20), "day-month"),
    ("Nov. 20", date(2018, 11, 20), "day-month"),
    ("June 5, 2016", date(2016, 6, 5), "day-month"),
    ("March 9 this year", date(2019, 3, 9), "day-month"),
    ("in May", date(2018, 5, 1), "month"),
    ("in January", date(2019, 1, 1), "month"),
    ("late February", date(2019, 2, 1), "month"),
    ("the end of December", date(2018, 12, 1), "month"),
    ("in October 2015", date(2015, 10, 1), "month"),
    ("last week", date(2019, 3, 4), "last-week"),
    ("earlier this week", date(2019, 3, 11), "this-week"),
    ("earlier this month", date(2019, 3, 1), "this-month"),
    ("last month", date(2019, 2, 1), "last-month"),
    ("last year", date(2018, 1, 1), "last-year"),
    ("yesterday", date(2019, 3, 13), "yesterday"),
    ("today", date(2019, 3, 14), "today"),
    ("four days ago", date(2019, 3, 10), "ago"),
    ("two months ago", date(2019, 1, 1), "ago"),
    ("in the autumn of 2012", date(2012, 9, 1), "season"),
    ("last summer", date(2018, 6, 1), "season"),
    ("in 2011", date(2011, 1, 1), "year"),
    ("early 2010", date(2010, 1, 1), "year"),
    ("2018-07-30", date(2018, 7, 30), "iso"),
    ("at 9:30 a.m.", date(2019, 3, 14), "clock"),
]


@pytest.mark.parametrize(("text", "expected", "kind"), RESOLVED)
def test_resolve_against_publication_date(text: str, expected: date, kind: str) -> None:
    found = resolve(text, PUBLISHED)
    assert found is not None
    assert (found.date, found.kind) == (expected, kind)


@pytest.mark.parametrize(
    "text",
    ["six months", "20 years", "for three weeks", "the past two years", "a decade",
     "1990-1994", "the 1980s", "between 2001 and 2003", "three days", "recent years"],
)  # fmt: skip
def test_durations_and_ranges_are_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("next Tuesday", date(2019, 3, 19)), ("in May", date(2019, 5, 1)),
     ("in March", date(2019, 3, 1)), ("next week", date(2019, 3, 18))],
)  # fmt: skip
def test_future_reading(text: str, expected: date) -> None:
    found = resolve(text, PUBLISHED, future=True)
    assert found is not None and found.date == expected


@pytest.mark.parametrize("text", ["on Tuesday", "in May", "last week", "yesterday", "2 February"])
def test_relative_dates_without_publication_date_stay_unresolved(text: str) -> None:
    found = resolve(text, None)
    assert found is not None
    assert found.date is None


def test_absolute_dates_need_no_publication_date() -> None:
    assert resolve("in the spring of 2014", None) == resolve("in the spring of 2014", PUBLISHED)
    found = resolve("12 August 2008", None)
    assert found is not None and found.date == date(2008, 8, 12)


def test_publication_date_from_header_lines() -> None:
    text = (
        "Ministers trade barbs\nBy A. Writer\nPosted Jun 2, 2020 11:05 AM EDT\n"
        "The talks on Sunday, May 31, 2020, ended early.\n"
    )
    assert published_in_text(text) == date(2020, 6, 2)
    assert published_in_text("Headline\n\nUpdated: 4 May 2020\nPublished: 3 May 2020\n") == date(
        2020, 5, 3
    )
    assert published_in_text("Headline\n\n2015-11-02\n\nBody text.") == date(2015, 11, 2)


def test_no_publication_date_from_story_text() -> None:
    text = "Headline\n\nOn Sunday, May 31, 2020, the talks ended.\nPosted by a reader, no date"
    assert published_in_text(text) is None


# -- the component, on hand-built parses -----------------------------------------------------

WORDS = ["Chile", "recalled", "its", "envoy", "on", "Monday", "after", "talks", "in", "May", "."]
HEADS = [1, 1, 3, 1, 1, 4, 1, 6, 7, 8, 1]
DEPS = ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "prep", "pobj", "prep", "pobj", "punct"]
POS = ["PROPN", "VERB", "PRON", "NOUN", "ADP", "PROPN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"]
ENTS = ["B-GPE", "O", "O", "O", "O", "B-DATE", "O", "O", "O", "B-DATE", "O"]


def hand_doc(published: date | None) -> Doc:
    extensions.register()
    spaces = [True] * len(WORDS)
    spaces[-2] = False
    doc = Doc(
        Vocab(), words=WORDS, spaces=spaces, heads=HEADS, deps=DEPS, pos=POS, ents=ENTS,
        sent_starts=[True] + [False] * (len(WORDS) - 1),
    )  # fmt: skip
    doc._.published = published
    return doc


def hand_event(doc: Doc, trigger: int) -> Event:
    token = doc[trigger]
    chile = Mention("Chile", 0, 5, Actor("CHL", "GOV"))
    peru = Mention("its envoy", doc[2].idx, doc[3].idx + 5, Actor("PER", "GOV"))
    return Event(
        article_id="a", source=chile, target=peru, cameo="161", trigger=token.text,
        trigger_start=token.idx, trigger_end=token.idx + len(token), sentence=doc.text,
        sentence_start=0, goldstein=-4.0, quad=4, plover="REDUCE",
    )  # fmt: skip


def test_date_attached_to_trigger_wins() -> None:
    doc = hand_doc(PUBLISHED)
    dated = date_event(doc, hand_event(doc, 1), PUBLISHED, "published")
    assert (dated.date, dated.date_rule) == (date(2019, 3, 11), "trigger:weekday")


def test_without_publication_date_relative_dates_are_not_guessed() -> None:
    doc = hand_doc(None)
    doc._.events = [hand_event(doc, 1)]
    event = DatesComponent()(doc)._.events[0]
    assert (event.date, event.date_rule) == (None, "unresolved:relative")


def test_fallback_to_publication_date() -> None:
    doc = hand_doc(PUBLISHED)
    moved = replace(hand_event(doc, 1), trigger_start=999, trigger_end=1000)
    dated = date_event(doc, moved, PUBLISHED, "published")
    assert (dated.date, dated.date_rule) == (PUBLISHED, "published")


# -- the component in the real pipeline ------------------------------------------------------

SENTENCES = [
    # (text, trigger word, publication date, expected date, expected rule)
    ("Chile recalled its envoy from Peru on Wednesday.", "recalled", PUBLISHED,
     date(2019, 3, 13), "trigger:weekday"),
    ("Peru said last week that Chile had recalled its envoy.", "recalled", PUBLISHED,
     date(2019, 3, 4), "trigger:last-week"),
    ("Chile, which has criticised Peru for 20 years, recalled its envoy.", "recalled", PUBLISHED,
     PUBLISHED, "published"),
    ("Earlier this month, Chile recalled its envoy from Peru.", "recalled", PUBLISHED,
     date(2019, 3, 1), "trigger:this-month"),
    ("Chile and Peru agreed in the autumn of 2016 to share data.", "agreed", None,
     date(2016, 9, 1), "trigger:season"),
    ("Chile recalled its envoy from Peru.", "recalled", None, None, "unresolved:no-date"),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "published", "expected", "rule"), SENTENCES)
def test_component_on_parsed_sentences(
    bare_nlp: Language,
    text: str,
    word: str,
    published: date | None,
    expected: date | None,
    rule: str,
) -> None:
    extensions.register()
    doc = bare_nlp(text)
    doc._.published = published
    start = text.index(word)
    chile = Mention("Chile", 0, 5, Actor("CHL", "GOV"))
    peru = Mention("Peru", text.index("Peru"), text.index("Peru") + 4, Actor("PER", None))
    doc._.events = [
        Event(
            article_id="a", source=chile, target=peru, cameo="161", trigger=word,
            trigger_start=start, trigger_end=start + len(word), sentence=text, sentence_start=0,
            goldstein=-4.0, quad=4, plover="REDUCE",
        )
    ]  # fmt: skip
    event = DatesComponent()(doc)._.events[0]
    assert (event.date, event.date_rule) == (expected, rule)
