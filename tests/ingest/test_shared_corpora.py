"""Real news from ../shared: every article read, none refused, little removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.ingest import ReadOptions, read_paths
from detente.records import Article

pytestmark = pytest.mark.shared


def test_guardian_sample_reads_whole(shared_dir: Path, options: ReadOptions) -> None:
    items = list(read_paths([shared_dir / "corpora" / "guardian_sample.csv.zip"], options=options))
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == len(items) == 249
    assert {a.language for a in articles} == {"en"}
    assert len({a.id for a in articles}) == 249
    assert options.stats.boilerplate_lines == 0  # edited newspaper text has no furniture


def test_seeds_lose_only_furniture(shared_dir: Path, options: ReadOptions) -> None:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    articles = [item for item in read_paths(paths, options=options) if isinstance(item, Article)]
    assert len(articles) == len(paths) == 5
    raw = sum(len(path.read_text().strip()) for path in paths)
    kept = sum(len(a.doc_text) for a in articles)
    assert 0.9 * raw < kept < raw  # something was removed, and not much
    assert 0 < options.stats.boilerplate_lines < 20
