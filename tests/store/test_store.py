from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.store import Store
from detente.store.export import GDELT_COLUMNS, export
from detente.store.migrations import MIGRATIONS
from detente.store.store import EventQuery
from tests.factories import article, event, mention


@pytest.fixture
def store() -> Store:
    return Store(duckdb.connect(":memory:"))


def _norway_chile(store: Store) -> None:
    art = article("Norway condemned Chile on Monday.", published="2021-03-01")
    nor, chl = mention("Norway", 0, "NOR"), mention("Chile", 17, "CHL", "GOV")
    store.add(art, [event(art, nor, chl, "111"), event(art, chl, nor, "040", trigger_start=5)])


def test_migrations_recorded_once(store: Store) -> None:
    assert store.schema_version == len(MIGRATIONS) >= 1
    store.migrate()
    assert store.schema_version == len(MIGRATIONS)


def test_adding_the_same_article_twice_stores_it_once(store: Store) -> None:
    _norway_chile(store)
    art = article("Norway condemned Chile on Monday.", published="2021-03-01")
    assert store.add(art, []) is False
    assert store.counts() == {"articles": 1, "events": 2}


def test_dyad_query_is_undirected_unless_asked(store: Store) -> None:
    _norway_chile(store)
    both = store.events(EventQuery(dyad=("NOR", "CHL")))
    directed = store.events(EventQuery(dyad=("NOR", "CHL"), directed=True))
    assert len(both) == 2
    assert [row["cameo"] for row in directed] == ["111"]
    assert directed[0]["goldstein"] == -2.0 and directed[0]["quad"] == 3


def test_date_filter(store: Store) -> None:
    _norway_chile(store)
    assert store.events(EventQuery(since=date(2021, 3, 2))) == []
    assert len(store.events(EventQuery(until=date(2021, 3, 1)))) == 2


def test_store_file_persists(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    with Store.open(path) as store:
        _norway_chile(store)
    with Store.open(path, read_only=True) as store:
        assert store.counts()["events"] == 2


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(store: Store, tmp_path: Path, fmt: str) -> None:
    _norway_chile(store)
    paths = export(store, tmp_path, fmt)
    events_path = paths[0]
    con = duckdb.connect()
    reader = {"jsonl": "read_json_auto", "csv": "read_csv_auto", "parquet": "read_parquet"}[fmt]
    rows = con.execute(f"SELECT cameo FROM {reader}('{events_path}') ORDER BY cameo").fetchall()
    assert [r[0] for r in rows] == ["040", "111"]


def test_gdelt_export_has_gdelt_columns(store: Store, tmp_path: Path) -> None:
    _norway_chile(store)
    (path,) = export(store, tmp_path, "gdelt")
    with path.open() as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert list(rows[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    condemn = next(r for r in rows if r["EventCode"] == "111")
    assert condemn["Actor1CountryCode"] == "NOR" and condemn["Actor2Code"] == "CHLGOV"
    assert condemn["EventRootCode"] == "11" and condemn["QuadClass"] == "3"
    assert condemn["SQLDATE"] == "20210301" and condemn["GoldsteinScale"] == "-2.0"
    assert json.dumps(rows)  # every value is plain text
