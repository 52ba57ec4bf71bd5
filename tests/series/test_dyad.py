"""Dyad series checked against values computed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from detente.series.dedup import refresh
from detente.series.dyad import Point, dyad_events, dyad_series, period_end, period_start
from detente.store import Store
from tests.series.conftest import StoreBuilder


@pytest.fixture
def relations(build: StoreBuilder) -> Store:
    build.article(
        [("USA", "057", "RUS", date(2021, 1, 5)), ("RUS", "036", "USA", date(2021, 1, 20)),
         ("CHN", "112", "USA", date(2021, 1, 5)), ("USA", "112", "RUS", None)],
        published=date(2021, 1, 21),
    )  # fmt: skip
    build.article(
        [("USA", "112", "RUS", date(2021, 2, 3)), ("USA", "163", "RUS", date(2021, 2, 10)),
         ("RUS", "161", "USA", date(2021, 2, 11))],
        published=date(2021, 2, 12),
    )  # fmt: skip
    build.article([("RUS", "130", "USA", date(2021, 4, 1))], published=date(2021, 4, 2))
    refresh(build.store)
    return build.store


def values(point: Point) -> tuple[object, ...]:
    quads = (point.verbal_cooperation, point.material_cooperation, point.verbal_conflict,
             point.material_conflict)  # fmt: skip
    return (point.period, point.events, quads, point.goldstein_mean, point.goldstein_sum,
            point.index)  # fmt: skip


def test_monthly_undirected_series(relations: Store) -> None:
    series = dyad_series(relations.con, "usa", "RUS", freq="month")
    assert [values(p) for p in series.points] == [
        (date(2021, 1, 1), 2, (1, 1, 0, 0), 6.0, 12.0, 1.0),
        (date(2021, 2, 1), 3, (0, 0, 1, 2), pytest.approx(-4.6667), -14.0, -1.0),
        (date(2021, 3, 1), 0, (0, 0, 0, 0), None, 0.0, None),
        (date(2021, 4, 1), 1, (0, 0, 1, 0), -4.4, -4.4, -1.0),
    ]
    assert series.points[1].end == date(2021, 2, 28)
    assert series.label == "USA–RUS"


def test_quarterly_mixes_cooperation_and_conflict(relations: Store) -> None:
    first = dyad_series(relations.con, "RUS", "USA", freq="quarter").points[0]
    assert values(first) == (date(2021, 1, 1), 5, (1, 1, 1, 2), -0.4, -2.0, -0.2)
    assert first.end == date(2021, 3, 31)


def test_directed_series_counts_one_direction(relations: Store) -> None:
    series = dyad_series(relations.con, "USA", "RUS", directed=True, freq="month")
    assert [values(p) for p in series.points] == [
        (date(2021, 1, 1), 1, (0, 1, 0, 0), 8.0, 8.0, 1.0),
        (date(2021, 2, 1), 2, (0, 0, 1, 1), -5.0, -10.0, -1.0),
    ]


def test_weekly_series_without_filling_and_within_dates(relations: Store) -> None:
    series = dyad_series(
        relations.con, "USA", "RUS", freq="week", since=date(2021, 1, 10), fill=False
    )
    assert [(p.period, p.events) for p in series.points] == [
        (date(2021, 1, 18), 1), (date(2021, 2, 1), 1), (date(2021, 2, 8), 2),
        (date(2021, 3, 29), 1),
    ]  # fmt: skip


def test_events_behind_a_point(relations: Store) -> None:
    point = dyad_series(relations.con, "USA", "RUS", freq="month").points[1]
    events = dyad_events(relations.con, "USA", "RUS", since=point.period, until=point.end)
    assert [(e.source_country, e.cameo, e.date) for e in events] == [
        ("USA", "112", date(2021, 2, 3)), ("USA", "163", date(2021, 2, 10)),
        ("RUS", "161", date(2021, 2, 11)),
    ]  # fmt: skip
    strongest = dyad_events(relations.con, "USA", "RUS", order="weight", limit=1)
    assert strongest[0].cameo == "057"


def test_unknown_dyad_gives_an_empty_series(relations: Store) -> None:
    assert dyad_series(relations.con, "FRA", "MLI").points == ()


@pytest.mark.parametrize(
    ("day", "freq", "start", "end"),
    [(date(2021, 2, 17), "week", date(2021, 2, 15), date(2021, 2, 21)),
     (date(2021, 2, 17), "month", date(2021, 2, 1), date(2021, 2, 28)),
     (date(2021, 11, 30), "quarter", date(2021, 10, 1), date(2021, 12, 31)),
     (date(2020, 2, 29), "year", date(2020, 1, 1), date(2020, 12, 31)),
     (date(2020, 2, 29), "day", date(2020, 2, 29), date(2020, 2, 29))],
)  # fmt: skip
def test_period_bounds(day: date, freq: str, start: date, end: date) -> None:
    assert period_start(day, freq) == start
    assert period_end(start, freq) == end


def test_unknown_frequency_is_an_error(relations: Store) -> None:
    with pytest.raises(ValueError, match="unknown frequency"):
        dyad_series(relations.con, "USA", "RUS", freq="fortnight")
