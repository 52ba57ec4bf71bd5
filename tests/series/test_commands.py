"""``detente series``, ``report`` and ``network`` on a small store written to disk."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli.app import app
from detente.store import Store
from tests.series.conftest import StoreBuilder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "small.duckdb"
    build = StoreBuilder(Store(duckdb.connect(str(path))))
    build.article([("USA", "057", "RUS", date(2021, 1, 5)), ("USA", "057", "RUS", date(2021, 1, 6)),
                   ("RUS", "163", "USA", date(2021, 3, 2))])  # fmt: skip
    build.store.close()
    return path


def test_series_json(db: Path) -> None:
    result = CliRunner().invoke(app, ["series", "--db", str(db), "--dyad", "usa", "rus",
                                      "--freq", "month", "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [(p["period"], p["events"], p["index"]) for p in doc["points"]] == [
        ("2021-01-01", 1, 1.0), ("2021-02-01", 0, None), ("2021-03-01", 1, -1.0),
    ]  # fmt: skip


def test_series_period_lists_the_events(db: Path) -> None:
    result = CliRunner().invoke(app, ["series", "--db", str(db), "--dyad", "USA", "RUS",
                                      "--period", "2021-01", "--format", "csv"])  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and ",057," in lines[1] and lines[0].endswith("reports,articles")


def test_bad_options_fail_clearly(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["series", "--db", str(db), "--dyad", "USA", "RUS",
                                 "--freq", "fortnight"])  # fmt: skip
    assert result.exit_code == 1 and "unknown frequency" in result.output
    missing = runner.invoke(app, ["series", "--db", str(tmp_path / "none.duckdb"),
                                  "--dyad", "USA", "RUS"])  # fmt: skip
    assert missing.exit_code == 1 and "no database" in missing.output
    empty = runner.invoke(app, ["report", "--db", str(db), "--dyad", "FRA", "MLI",
                                "--out", str(tmp_path / "r.html")])  # fmt: skip
    assert empty.exit_code == 1 and "no dated events" in empty.output


def test_report_and_network_files(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--dyad", "USA", "RUS", "--out",
                                 str(out), "--png", str(tmp_path / "chart.png")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text() and (tmp_path / "chart.png").stat().st_size > 1000
    net = tmp_path / "net.graphml"
    result = runner.invoke(app, ["network", "--db", str(db), "--since", "2021-01-01",
                                 "--until", "2021-02-01", "--out", str(net)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "<graphml" in net.read_text()
