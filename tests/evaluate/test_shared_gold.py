"""The gold sets in ../shared read as FORMAT.md says (skipped when ../shared is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from detente.evaluate.gold import GoldArticle, GoldPair, detect_format
from detente.evaluate.labels import PLV_CLASSES
from detente.evaluate.run import load_gold

pytestmark = pytest.mark.shared


def test_seeds(shared_dir: Path) -> None:
    fmt, items = load_gold(shared_dir / "gold/seeds.jsonl")
    assert fmt == "detente" and len(items) == 5
    articles = [item for item in items if isinstance(item, GoldArticle)]
    assert sum(len(a.events) for a in articles) == 47
    assert all(a.text and a.published for a in articles)


def test_plv_train(shared_dir: Path) -> None:
    path = shared_dir / "data/plv/PLV_train.tsv"
    assert detect_format(path) == "plv"
    _, items = load_gold(path)
    pairs = [item for item in items if isinstance(item, GoldPair)]
    assert len(pairs) == 1050
    assert set(Counter(p.label for p in pairs)) == set(PLV_CLASSES)
    assert sum(bool(p.sources and p.targets) for p in pairs) > 1000


def test_plover_gsr(shared_dir: Path) -> None:
    path = shared_dir / "data/plover/PLOVER_GSR_CAMEO.txt"
    assert detect_format(path) == "plover"
    _, items = load_gold(path)
    records = [item for item in items if isinstance(item, GoldArticle)]
    assert len(records) == 322  # the DOCUMENT record is skipped
    countries = {a.country for r in records for a in r.actors}
    assert {"JPN", "ITA"} <= countries and not {"JAP", "ITL"} & countries
