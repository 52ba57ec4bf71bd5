"""Turning points on hand-built dyads, and the PELT search against ruptures'."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from detente.series.dedup import refresh
from detente.series.dyad import dyad_series
from detente.series.turning import pelt, segments, turning_points
from tests.series.conftest import StoreBuilder


def test_cooperation_then_conflict_has_one_turning_point(build: StoreBuilder) -> None:
    for month in range(1, 7):
        build.article([("USA", "057", "RUS", date(2021, month, 3)),
                       ("RUS", "036", "USA", date(2021, month, 20))])  # fmt: skip
    for month in range(7, 13):
        build.article([("USA", "163", "RUS", date(2021, month, 3)),
                       ("RUS", "112", "USA", date(2021, month, 20))])  # fmt: skip
    refresh(build.store)
    series = dyad_series(build.store.con, "USA", "RUS", freq="month")
    found = turning_points(build.store.con, series)
    assert len(found) == 1
    shift = found[0]
    assert (shift.period, shift.before, shift.after) == (date(2021, 7, 1), 6.0, -5.0)
    assert shift.direction == "colder"
    assert [(e.cameo, e.date) for e in shift.events] == [
        ("057", date(2021, 6, 3)), ("163", date(2021, 7, 3)), ("036", date(2021, 6, 20)),
    ]  # fmt: skip


def test_steady_relation_has_no_turning_point(build: StoreBuilder) -> None:
    for month in range(1, 13):
        code = "130" if month % 2 else "112"
        build.article([("USA", "112", "RUS", date(2021, month, 3)),
                       ("RUS", code, "USA", date(2021, month, 9))])  # fmt: skip
    refresh(build.store)
    series = dyad_series(build.store.con, "USA", "RUS", freq="month")
    assert turning_points(build.store.con, series) == []
    (whole,) = segments(series)
    assert (whole.start, whole.end, whole.events) == (date(2021, 1, 1), date(2021, 12, 31), 24)


def test_too_short_a_series_has_no_turning_point(build: StoreBuilder) -> None:
    build.article(
        [("USA", "057", "RUS", date(2021, 1, 3)), ("USA", "163", "RUS", date(2021, 2, 3))]
    )
    refresh(build.store)
    assert turning_points(build.store.con, dyad_series(build.store.con, "USA", "RUS")) == []


def test_pelt_agrees_with_ruptures() -> None:
    ruptures = pytest.importorskip("ruptures")
    generator = np.random.default_rng(7)
    for _ in range(60):
        n = int(generator.integers(5, 50))
        signal = generator.normal(0, 1, n)
        for cut in generator.integers(1, n, int(generator.integers(0, 4))):
            signal[cut:] += generator.normal(0, 4)
        penalty = float(generator.uniform(0.5, 15))
        expected = ruptures.Pelt(model="l2", min_size=1, jump=1).fit(signal.reshape(-1, 1))
        assert pelt(signal, penalty, 1) == expected.predict(pen=penalty)[:-1]
