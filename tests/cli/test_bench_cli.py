"""``detente bench``: a missing corpus, and a real run on a corpus written for the test."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from detente.cli.app import app
from detente.cli.bench_cmd import bench_table
from detente.evaluate.bench import BenchReport, Timing

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


def test_bench_table() -> None:
    report = BenchReport(
        corpus="corpus.csv.zip",
        model="m",
        workers=2,
        n_skipped=1,
        n_events=30,
        detente=Timing(seconds=10.0, n_articles=20, n_words=20_000),
        bare=Timing(seconds=5.0, n_articles=20, n_words=20_000),
        load_seconds=1.0,
        peak_rss_mb=512.0,
        peak_rss_mb_total=800.0,
    )
    out = Console(width=200, record=True)
    out.print(bench_table(report))
    text = out.export_text()
    assert "ratio vs bare parse 0.50" in text and "1.50 events/article" in text
    assert "2,000" in text and "4,000" in text  # words/s of each run
