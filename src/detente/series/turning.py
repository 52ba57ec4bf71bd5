"""Turning points: where a dyad's Goldstein series shifts, and the events around each shift.

The signal is the mean Goldstein score of each period that has events (empty periods carry no
information and are skipped). PELT with a least-squares cost (what ``ruptures.Pelt(model="l2")``
computes, written out here to spare the scipy import) splits it into segments of constant mean.
The penalty per change is ``2 * sigma^2 * log(n)`` (BIC-style), with the noise ``sigma``
estimated robustly from the median absolute difference between neighbouring periods and floored
at ``MIN_SIGMA`` Goldstein points, so that small wobbles never count. A shift also has to move
the segment mean by at least ``MIN_SHIFT`` points.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np

from detente.series.dyad import DyadSeries, Point, SeriesEvent, dyad_events

MIN_SIGMA = 0.75
MIN_SHIFT = 1.0


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of periods with one mean Goldstein score."""

    start: date
    end: date
    mean: float
    events: int


@dataclass(frozen=True, slots=True)
class TurningPoint:
    """The relation shifts at ``period`` (the first period of the new segment)."""

    period: date
    before: float
    after: float
    events: tuple[SeriesEvent, ...]

    @property
    def direction(self) -> str:
        return "warmer" if self.after > self.before else "colder"


def default_penalty(signal: np.ndarray) -> float:
    """``2 sigma^2 log n`` with sigma from the median absolute first difference."""
    n = len(signal)
    if n < 3:
        return math.inf
    mad = float(np.median(np.abs(np.diff(signal))))
    sigma = max(mad / (math.sqrt(2) * 0.6745), MIN_SIGMA)
    return 2 * sigma**2 * math.log(n)


def change_points(
    signal: np.ndarray, *, penalty: float | None = None, min_size: int = 1
) -> list[int]:
    """Indices where a new segment of ``signal`` starts (never 0), by PELT with an L2 cost."""
    if len(signal) < 2 * min_size + 1:
        return []
    pen = default_penalty(signal) if penalty is None else penalty
    if math.isinf(pen):
        return []
    return pelt(np.asarray(signal, dtype=float), pen, min_size)


def pelt(signal: np.ndarray, penalty: float, min_size: int) -> list[int]:
    """Optimal partition minimising squared error plus ``penalty`` per change (Killick et al.
    2012: candidates that can no longer start the last segment are pruned)."""
    n = len(signal)
    sums = np.concatenate([[0.0], np.cumsum(signal)])
    squares = np.concatenate([[0.0], np.cumsum(signal**2)])

    def cost(start: int, stop: int) -> float:
        total = sums[stop] - sums[start]
        return float(squares[stop] - squares[start] - total * total / (stop - start))

    best = [-penalty] + [math.inf] * n
    last = [0] * (n + 1)
    alive = [0]
    for stop in range(min_size, n + 1):
        ready = [s for s in alive if stop - s >= min_size]
        totals = {s: best[s] + cost(s, stop) for s in ready}
        last[stop] = min(totals, key=lambda s: (totals[s], s))
        best[stop] = totals[last[stop]] + penalty
        alive = [s for s in alive if s not in totals or totals[s] <= best[stop]] + [stop]
    cuts, stop = [], n
    while last[stop] > 0:
        stop = last[stop]
        cuts.append(stop)
    return sorted(cuts)


def segments(series: DyadSeries, *, penalty: float | None = None) -> list[Segment]:
    """The series cut at its change points; only periods with events count."""
    points = [p for p in series.points if p.events]
    if not points:
        return []
    signal = np.array([p.goldstein_mean for p in points], dtype=float)
    cuts = [0, *_significant(signal, change_points(signal, penalty=penalty)), len(points)]
    return [_segment(points[start:stop]) for start, stop in itertools.pairwise(cuts)]


def _significant(signal: np.ndarray, cuts: list[int]) -> list[int]:
    """Drop cuts whose neighbouring segments differ by less than ``MIN_SHIFT``."""
    kept = list(cuts)
    changed = True
    while changed and kept:
        changed = False
        bounds = [0, *kept, len(signal)]
        means = [float(signal[a:b].mean()) for a, b in itertools.pairwise(bounds)]
        gaps = [abs(means[i + 1] - means[i]) for i in range(len(kept))]
        smallest = min(range(len(kept)), key=gaps.__getitem__)
        if gaps[smallest] < MIN_SHIFT:
            del kept[smallest]
            changed = True
    return kept


def _segment(points: list[Point]) -> Segment:
    total = sum(p.events for p in points)
    mean = sum(p.goldstein_sum for p in points) / total
    return Segment(points[0].period, points[-1].end, round(mean, 4), total)


def turning_points(
    con: duckdb.DuckDBPyConnection,
    series: DyadSeries,
    *,
    penalty: float | None = None,
    events_per_point: int = 3,
) -> list[TurningPoint]:
    """Each shift between segments, with the strongest events of the last period before it and
    the first period after it."""
    parts = segments(series, penalty=penalty)
    found = []
    for left, right in itertools.pairwise(parts):
        last_before = [p for p in series.points if p.events and p.period <= left.end][-1]
        first_after = next(p for p in series.points if p.events and p.period >= right.start)
        events = dyad_events(
            con, series.a, series.b, directed=series.directed, since=last_before.period,
            until=first_after.end, order="weight", limit=events_per_point,
        )  # fmt: skip
        found.append(TurningPoint(right.start, left.mean, right.mean, tuple(events)))
    return found
