"""The seeds gold's ``not_events`` (negated, hypothetical, denied) give no event: the gold is read
from ../shared at run time, and the test is skipped without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.evaluate.articles import to_article
from detente.evaluate.gold import find_phrase, read_gold
from detente.pipeline import Coder
from detente.records import Event

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_no_event_in_any_not_event_sentence(shared_dir: Path) -> None:
    gold = shared_dir / "gold" / "seeds.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    quotes = {
        record["id"]: [item["quote"] for item in record.get("not_events", []) if item.get("quote")]
        for record in map(json.loads, filter(None, lines))
    }
    items = read_gold(gold, "detente")
    coded = Coder().code([to_article(item, titled=True) for item in items])
    checked = 0
    for item, (article, events) in zip(items, coded, strict=True):
        for quote in quotes[item.id]:
            where = find_phrase(article.doc_text, quote)
            assert where is not None, quote
            start = where[0]
            inside = [e for e in events if e.international and _holds(e, start)]
            assert inside == [], quote
            checked += 1
    assert checked == sum(map(len, quotes.values())) > 0


def _holds(event: Event, offset: int) -> bool:
    """Whether the event's sentence holds the character at ``offset``."""
    return event.sentence_start <= offset < event.sentence_start + len(event.sentence)
