"""The US–Russia line coded from text: the demo corpus and the seed articles each open with
cooperation and turn to conflict (the seeds are read from ../shared at run time)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.demo import demo_articles
from detente.ingest import read_paths
from detente.pipeline import Coder
from detente.records import Article
from detente.series.dedup import refresh
from detente.series.dyad import Point, dyad_series
from detente.store import Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def coded_line(coder: Coder, articles: Iterable[Article], freq: str) -> list[Point]:
    store = Store(duckdb.connect())
    for article, events in coder.code(articles):
        store.add(article, events)
    refresh(store)
    return [p for p in dyad_series(store.con, "USA", "RUS", freq=freq).points if p.events]


def mean_goldstein(points: list[Point]) -> float:
    return sum(p.goldstein_sum for p in points) / sum(p.events for p in points)


def test_demo_line_turns_from_cooperation_to_conflict(coder: Coder) -> None:
    points = coded_line(coder, demo_articles(), "quarter")
    first, later = points[0], points[1:]
    assert first.period == date(2021, 1, 1)
    assert first.cooperation > first.conflict and (first.goldstein_mean or 0) > 0
    assert sum(p.conflict for p in later) > sum(p.cooperation for p in later)
    assert mean_goldstein(later) < 0


@pytest.mark.shared
def test_seeds_line_opens_with_cooperation_then_conflict(coder: Coder, shared_dir: Path) -> None:
    lines = (shared_dir / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines]
    articles = []
    for item in gold:
        [article] = read_paths([shared_dir / "gold" / item["path"]])
        assert isinstance(article, Article)
        articles.append(replace(article, published=date.fromisoformat(item["published"])))
    points = [p for p in coded_line(coder, articles, "month") if p.period.year == 2017]
    assert points[0].period == date(2017, 2, 1)
    assert (points[0].goldstein_mean or 0) > 0
    assert mean_goldstein(points[1:]) < (points[0].goldstein_mean or 0)
    assert sum(p.conflict for p in points[1:]) > 0
