"""``detente bench``: a missing corpus, and a real run on a corpus written for the test."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.app import app

ROWS = [
    ("2030-01-02", "Norway condemned Chile on Monday over the fishing quotas.", "test"),
    ("2030-01-03", "Peru praised Bolivia for its help after the floods.", "test"),
    ("2030-01-04", "Rain fell on the coast all week and the harbour stayed shut.", "test"),
]


@pytest.fixture
def zipped_csv(tmp_path: Path) -> Path:
    table = tmp_path / "corpus.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "text", "source"])
        writer.writerows(ROWS)
    archive = tmp_path / "corpus.csv.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(table, "corpus.csv")
    return archive


def test_missing_corpus_says_where_it_lives(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", str(tmp_path / "guardian.csv.zip")])
    assert result.exit_code != 0
    assert "corpus not found" in result.output and "../shared" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["bench", "--help"])
    assert result.exit_code == 0 and "Example: detente bench" in result.output


@pytest.mark.model
def test_bench_json(zipped_csv: Path) -> None:
    result = CliRunner().invoke(app, ["bench", str(zipped_csv), "--limit", "2", "--json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 2
    for key in ("articles_per_s", "words_per_s", "events_per_article", "peak_rss_mb"):
        assert data[key] >= 0
    assert data["ratio_vs_bare_parse"] > 0


@pytest.mark.model
def test_bench_table(zipped_csv: Path) -> None:
    result = CliRunner().invoke(app, ["bench", str(zipped_csv), "-q"])
    assert result.exit_code == 0, result.output
    assert "ratio vs bare parse" in result.output and "bare parse" in result.output
