"""A hand-built store whose US–Russia relation warms, then turns cold."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from detente.series.dedup import refresh
from detente.store import Store
from tests.series.conftest import StoreBuilder


@pytest.fixture
def turning_store() -> Store:
    build = StoreBuilder(Store(duckdb.connect(":memory:")))
    for month in range(1, 7):
        build.article([("USA", "057", "RUS", date(2021, month, 3)),
                       ("RUS", "036", "USA", date(2021, month, 20)),
                       ("FRA", "112", "MLI", date(2021, month, 8))])  # fmt: skip
    for month in range(7, 13):
        build.article([("USA", "163", "RUS", date(2021, month, 3)),
                       ("RUS", "112", "USA", date(2021, month, 20)),
                       ("RUS", "112", "USA", date(2021, month, 21))])  # fmt: skip
    refresh(build.store)
    return build.store
