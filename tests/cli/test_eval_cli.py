"""``detente eval``: errors, JSON and tables (fake coder), then real runs (model, ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.app import app
from detente.records import Actor
from tests.evaluate.fakes import FakeClassification, FakeClassifier, FakeCoder

DATA = Path(__file__).resolve().parents[1] / "evaluate" / "data"
KEYS = {"format", "mode", "n_items", "events", "events_sector", "pairs", "actors", "seconds"}


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> FakeCoder:
    coder = FakeCoder(
        {"criticised Chile": [("Norwegian", "NOR", "Chilean", "CHL", "040")]},
        {"Norwegian": Actor("NOR")},
    )
    monkeypatch.setattr("detente.evaluate.run.default_open_coder", lambda: coder)
    return coder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["eval", *args], env={"COLUMNS": "240"})
    return result.exit_code, result.output


def test_missing_gold_file_says_where_gold_lives(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "seeds.jsonl"))
    assert code != 0
    assert "gold file not found" in output and "../shared" in output


def test_unreadable_gold_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    code, output = run(str(bad))
    assert code != 0 and "invalid JSON" in output


def test_bad_options(tmp_path: Path) -> None:
    assert run(str(DATA / "mini.jsonl"), "--format", "xml")[0] != 0
    assert run(str(DATA / "mini.jsonl"), "--mode", "closed")[0] != 0


def test_json_report(fake_coder: FakeCoder) -> None:
    code, output = run(str(DATA / "mini.jsonl"), "--json", "--quiet")
    assert code == 0, output
    data = json.loads(output)
    assert set(data) >= KEYS
    assert data["events"]["n_match"] == 1 and data["events"]["n_gold"] == 4
    assert data["pairs"] is None


def test_tables_and_errors(fake_coder: FakeCoder) -> None:
    code, output = run(str(DATA / "mini.jsonl"), "--errors", "2", "--quiet")
    assert code == 0, output
    for title in ("Scores", "Per CAMEO root", "Confusion", "Misses", "False alarms"):
        assert title in output
    assert "criticised Chile's fisheries ministry" in output  # the quote of a missed event


def test_pair_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    classifier = FakeClassifier({"condemned": FakeClassification("111")})
    monkeypatch.setattr("detente.evaluate.run.default_classifier", lambda: classifier)
    code, output = run(str(DATA / "mini_plv.tsv"), "--mode", "pair", "--json", "-q")
    assert code == 0, output
    data = json.loads(output)
    assert (data["mode"], data["pairs"]["accuracy"]) == ("pair", 0.2)


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0 and "Example: detente eval" in result.output


GOLD_LINE = {
    "id": "cli-1",
    "title": None,
    "published": "2030-05-04",
    "text": "Norway condemned Chile on Monday. Peru praised Chile for its help.",
    "events": [
        {
            "source": {"text": "Norway", "country": "NOR", "sector": None},
            "target": {"text": "Chile", "country": "CHL", "sector": None},
            "cameo": "111",
            "alt": [],
        }
    ],
}


@pytest.mark.model
def test_real_pipeline_on_a_tiny_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    code, output = run(str(gold), "--json", "-q")
    assert code == 0, output
    data = json.loads(output)
    assert data["n_items"] == 1 and data["events"]["n_gold"] == 1


@pytest.mark.model
def test_real_pipeline_tables(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    code, output = run(str(gold), "--errors", "3", "-q")
    assert code == 0, output
    assert "Scores" in output


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
def test_plv_pair_mode_reports_every_pair(shared_dir: Path) -> None:
    """The whole PLV file in pair mode (its time is a benchmark figure, in EVALUATION.md)."""
    code, output = run(str(shared_dir / "data/plv/PLV_train.tsv"), "--mode", "pair", "--json", "-q")
    assert code == 0, output
    data = json.loads(output)
    assert data["n_items"] == 1050 and data["pairs"]["found"] > 0.5
    assert 0.0 < data["pairs"]["quad_accuracy"] <= 1.0
