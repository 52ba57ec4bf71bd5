"""End-to-end CLI runs with the real model, on articles written for detente."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.app import app

pytestmark = pytest.mark.model

ARTICLE = """Norway expels Chilean envoy

Norway expelled the Chilean ambassador on Monday after weeks of tension, the ministry said.

Chile condemned Norway for the decision and said it would respond.
"""


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "latin.txt").write_bytes("Caf\xe9 au lait \xff\xfe".encode("latin-1"))
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    records = [
        json.dumps({"text": "Peru praised Chile for its help.", "published": "2021-05-04"}),
        "{not json",
        json.dumps({"title": "no text here"}),
    ]
    (folder / "more.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return folder


def test_code_reports_bad_items_and_goes_on(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["code", str(inputs), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "coded 2 articles" in result.output
    assert "skipped 5" in result.output
    for reason in ("empty", "not-utf8", "binary", "malformed"):
        assert reason in result.output


def test_rerun_adds_no_duplicate(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    runner = CliRunner()
    runner.invoke(app, ["code", str(inputs), "--db", str(db), "--quiet"])
    again = runner.invoke(app, ["code", str(inputs), "--db", str(db), "--quiet"])
    assert "coded 0 articles" in again.output and "already stored 2" in again.output
    assert again.exit_code == 0


def test_nothing_codable_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(empty), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1


def test_events_and_export_read_what_code_wrote(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    runner = CliRunner()
    runner.invoke(app, ["code", str(inputs / "good.txt"), "--db", str(db), "--quiet"])
    listed = runner.invoke(
        app, ["events", "--db", str(db), "--dyad", "NOR", "CHL", "--format", "jsonl"]
    )
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert any(r["source_country"] == "NOR" and r["target_country"] == "CHL" for r in rows)
    out = tmp_path / "out"
    exported = runner.invoke(
        app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    everything = runner.invoke(app, ["events", "--db", str(db), "--all", "--format", "jsonl"])
    n_events = sum(line.startswith("{") for line in everything.stdout.splitlines())
    assert n_events >= len(rows)
    assert (out / "events.export.CSV").read_text().count("\n") == n_events + 1


def test_demo_prints_a_dyad_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    assert "USA–RUS" in result.output or "RUS–USA" in result.output


def test_published_dates_only_the_articles_without_a_date(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    args = ["code", str(inputs / "good.txt"), str(inputs / "more.jsonl"), "--db", str(db)]
    result = CliRunner().invoke(app, [*args, "--published", "2019-03-11", "--quiet"])
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(app, ["events", "--db", str(db), "--all", "--format", "jsonl"])
    dates = {
        row["source_country"]: row["date"]
        for row in map(json.loads, filter(None, listed.stdout.splitlines()))
    }
    assert dates["NOR"].startswith("2019-03-")  # "on Monday", from the date given
    assert dates["PER"] == "2021-05-04"  # the JSONL record's own date is kept


def test_published_must_be_a_date(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    args = ["code", str(inputs / "good.txt"), "--db", str(db), "--published", "last week"]
    assert CliRunner().invoke(app, args).exit_code == 2


def test_no_learned_codes_with_the_lexicon_only(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    args = ["code", str(inputs / "good.txt"), "--db", str(db), "--no-learned", "--quiet"]
    assert CliRunner().invoke(app, args).exit_code == 0
    listed = CliRunner().invoke(app, ["events", "--db", str(db), "--all", "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert rows and {row["method"] for row in rows} == {"lexicon"}
