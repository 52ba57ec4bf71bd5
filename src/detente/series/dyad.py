"""A dyad's relation over time: de-duplicated events counted and scored per period.

For each period (day, ISO week starting Monday, month, quarter or year) a ``Point`` holds the
event count, the count per quad class (1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict), the mean and summed Goldstein score, and the
cooperation–conflict index ``(coop - conflict) / (coop + conflict)``, where ``coop`` counts
quad classes 1-2 and ``conflict`` 3-4: +1 when every event cooperates, -1 when every event is
conflict, None for a period without events. An undirected series counts both directions;
``directed`` counts only ``a -> b``. Everything is read from ``events_dedup``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

import duckdb

FREQS = ("day", "week", "month", "quarter", "year")
MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}


@dataclass(frozen=True, slots=True)
class Point:
    """One period of a dyad series; ``period`` is its first day, ``end`` its last."""

    period: date
    end: date
    events: int = 0
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein_mean: float | None = None
    goldstein_sum: float = 0.0

    @property
    def cooperation(self) -> int:
        return self.verbal_cooperation + self.material_cooperation

    @property
    def conflict(self) -> int:
        return self.verbal_conflict + self.material_conflict

    @property
    def index(self) -> float | None:
        """(coop - conflict) / (coop + conflict); None without events."""
        total = self.cooperation + self.conflict
        return (self.cooperation - self.conflict) / total if total else None


@dataclass(frozen=True, slots=True)
class DyadSeries:
    a: str
    b: str
    directed: bool
    freq: str
    points: tuple[Point, ...]

    @property
    def label(self) -> str:
        return f"{self.a}→{self.b}" if self.directed else f"{self.a}–{self.b}"


@dataclass(frozen=True, slots=True)
class SeriesEvent:
    """One de-duplicated event, as series, turning points and reports show it."""

    id: str
    article_id: str
    date: date | None
    date_rule: str | None
    source_country: str
    source_sector: str | None
    source_text: str | None
    source_name: str | None
    target_country: str
    target_sector: str | None
    target_text: str | None
    target_name: str | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    trigger: str | None
    sentence: str | None
    confidence: float | None
    reports: int
    articles: int


EVENT_FIELDS = tuple(f.name for f in fields(SeriesEvent))


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise ValueError(f"unknown frequency {freq!r}; choose from {', '.join(FREQS)}")
    return freq


def period_start(day: date, freq: str) -> date:
    if freq == "day":
        return day
    if freq == "week":
        return day - timedelta(days=day.weekday())
    months = MONTHS_IN[check_freq(freq)]
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def next_period(start: date, freq: str) -> date:
    if freq == "day":
        return start + timedelta(days=1)
    if freq == "week":
        return start + timedelta(weeks=1)
    index = start.year * 12 + start.month - 1 + MONTHS_IN[check_freq(freq)]
    return date(index // 12, index % 12 + 1, 1)


def period_end(start: date, freq: str) -> date:
    """The last day of the period that starts on ``start``."""
    return next_period(start, freq) - timedelta(days=1)


def dyad_filter(a: str, b: str, *, directed: bool) -> tuple[str, list[Any]]:
    """WHERE clause (over ``events_dedup``) selecting the dyad's events."""
    if directed:
        return "a = least(?, ?) AND b = greatest(?, ?) AND source_country = ?", [a, b, a, b, a]
    return "a = least(?, ?) AND b = greatest(?, ?)", [a, b, a, b]


def date_range(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    where, params = " AND date IS NOT NULL", []
    if since:
        where += " AND date >= ?"
        params.append(since)
    if until:
        where += " AND date <= ?"
        params.append(until)
    return where, params


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    directed: bool = False,
    freq: str = "month",
    since: date | None = None,
    until: date | None = None,
    fill: bool = True,
) -> DyadSeries:
    """The dyad's series, oldest period first; ``fill`` adds empty periods between events."""
    a, b, freq = a.upper(), b.upper(), check_freq(freq)
    where, params = dyad_filter(a, b, directed=directed)
    span, more = date_range(since, until)
    rows = con.execute(
        f"""
        SELECT date_trunc('{freq}', date)::DATE AS period, count(*),
               count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
               count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4),
               avg(goldstein), sum(goldstein)
        FROM events_dedup WHERE {where}{span}
        GROUP BY period ORDER BY period
        """,
        params + more,
    ).fetchall()
    points = [
        Point(
            period, period_end(period, freq), events, verbal_coop, material_coop, verbal_conf,
            material_conf, _round(mean), _round(total) or 0.0,
        )
        for period, events, verbal_coop, material_coop, verbal_conf, material_conf, mean, total
        in rows
    ]  # fmt: skip
    if fill:
        points = filled(points, freq)
    return DyadSeries(a, b, directed, freq, tuple(points))


def filled(points: list[Point], freq: str) -> list[Point]:
    """``points`` with an empty point for every period between the first and the last."""
    if not points:
        return []
    by_start = {point.period: point for point in points}
    out, current = [], points[0].period
    while current <= points[-1].period:
        out.append(by_start.get(current) or Point(current, period_end(current, freq)))
        current = next_period(current, freq)
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def dyad_events(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    directed: bool = False,
    since: date | None = None,
    until: date | None = None,
    order: str = "date",
    limit: int | None = None,
) -> list[SeriesEvent]:
    """The de-duplicated events of a dyad, by date (``order="date"``) or by weight
    (``order="weight"``: strongest Goldstein score times reports first)."""
    where, params = dyad_filter(a.upper(), b.upper(), directed=directed)
    span, more = date_range(since, until)
    ordering = {
        "date": "date, source_country, cameo",
        "weight": "abs(goldstein) * reports DESC, date, cameo",
    }[order]
    sql = f"SELECT {', '.join(EVENT_FIELDS)} FROM events_dedup WHERE {where}{span}"
    sql += f" ORDER BY {ordering}" + (f" LIMIT {int(limit)}" if limit else "")
    return [SeriesEvent(*row) for row in con.execute(sql, params + more).fetchall()]
