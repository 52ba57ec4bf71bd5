"""The interaction network of a period, and its GraphML and CSV files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from detente.series.dedup import refresh
from detente.series.network import network, write_network
from tests.series.conftest import StoreBuilder


@pytest.fixture
def built(build: StoreBuilder) -> StoreBuilder:
    build.article([("USA", "057", "RUS", date(2021, 1, 3)), ("USA", "163", "RUS", date(2021, 1, 9)),
                   ("RUS", "112", "USA", date(2021, 1, 9)), ("FRA", "112", "MLI", date(2021, 1, 9)),
                   ("CHN", "130", "USA", date(2021, 3, 9))])  # fmt: skip
    refresh(build.store)
    return build


def test_edges_of_a_period(built: StoreBuilder) -> None:
    edges = network(built.store.con, since=date(2021, 1, 1), until=date(2021, 1, 31))
    assert [(e.source, e.target, e.events, e.cooperation, e.conflict, e.goldstein_mean)
            for e in edges] == [
        ("USA", "RUS", 2, 1, 1, 0.0), ("FRA", "MLI", 1, 0, 1, -2.0), ("RUS", "USA", 1, 0, 1, -2.0),
    ]  # fmt: skip
    actors = network(built.store.con, level="actor", min_events=2)
    assert [(e.source, e.target) for e in actors] == [("USAGOV", "RUSGOV")]


def test_graphml_and_csv(built: StoreBuilder, tmp_path: Path) -> None:
    edges = network(built.store.con)
    graph = nx.read_graphml(write_network(edges, tmp_path / "net.graphml"))
    assert graph.number_of_edges() == 4
    assert graph.nodes["USA"]["sent"] == 2 and graph.nodes["USA"]["received"] == 2
    assert graph.edges["USA", "RUS"]["events"] == 2
    with write_network(edges, tmp_path / "net.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["source"] == "USA" and rows[0]["events"] == "2"
    with pytest.raises(ValueError, match=r"graphml or \.csv"):
        write_network(edges, tmp_path / "net.txt")
