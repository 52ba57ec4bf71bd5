"""The JSON report has the keys of gold/FORMAT.md; keys that do not apply are null."""

from __future__ import annotations

import json
from pathlib import Path

from detente.evaluate import evaluate, report_json
from tests.evaluate.fakes import FakeClassification, FakeClassifier, FakeCoder

DATA = Path(__file__).parent / "data"
KEYS = {"format", "mode", "n_items", "events", "events_sector", "pairs", "actors", "seconds"}
EVENT_KEYS = {"n_gold", "n_pred", "n_match", "precision", "recall", "f1"}
PAIR_KEYS = {"found", "accuracy", "macro_f1", "quad_accuracy", "coop_conflict_accuracy"}


def test_open_report_keys() -> None:
    data = report_json(evaluate(DATA / "mini.jsonl", coder=FakeCoder()))
    assert set(data) >= KEYS
    assert set(data["events"]) >= EVENT_KEYS
    assert {"precision", "recall", "f1"} <= set(data["events_sector"])
    assert {"country_accuracy", "sector_accuracy"} <= set(data["actors"])
    assert data["pairs"] is None
    assert "errors" not in data
    json.dumps(data)  # serialisable as is


def test_pair_report_keys() -> None:
    classifier = FakeClassifier({"condemned": FakeClassification("111")})
    data = report_json(evaluate(DATA / "mini_plv.tsv", mode="pair", classifier=classifier))
    assert (data["format"], data["mode"], data["n_items"]) == ("plv", "pair", 5)
    assert set(data["pairs"]) >= PAIR_KEYS
    assert data["events"] is None and data["events_sector"] is None and data["actors"] is None
    assert data["pairs"]["accuracy"] == 0.2


def test_errors_are_added_on_request() -> None:
    data = report_json(evaluate(DATA / "mini.jsonl", coder=FakeCoder()), errors=2)
    assert len(data["errors"]["missed"]) == 2 and data["errors"]["false_alarms"] == []
    assert {"kind", "item", "gold", "predicted", "sentence"} == set(data["errors"]["missed"][0])


def test_actor_accuracy_is_null_without_actors(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Nothing happened.", "events": []}\n', encoding="utf-8")
    data = report_json(evaluate(gold, coder=FakeCoder()))
    assert data["actors"]["country_accuracy"] is None
    assert data["events"]["f1"] == 0.0
