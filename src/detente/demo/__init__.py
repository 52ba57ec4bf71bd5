"""The built-in demo corpus: articles written for detente, shipped in the package."""

from __future__ import annotations

from importlib import resources

from detente.ingest.readers import read_jsonl
from detente.records import Article, Skipped


def demo_articles() -> list[Article]:
    text = resources.files("detente.demo").joinpath("articles.jsonl").read_text("utf-8")
    items = list(read_jsonl(text, origin="demo/articles.jsonl"))
    bad = [item for item in items if isinstance(item, Skipped)]
    if bad:
        raise ValueError(f"demo corpus has unreadable items: {bad}")
    return [item for item in items if isinstance(item, Article)]
