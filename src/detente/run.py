"""One coding run: read inputs, code them, store them, count what happened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from detente.ingest import read_paths
from detente.pipeline import Coder
from detente.records import Article, Skipped
from detente.store import Store


@dataclass
class RunSummary:
    """Counts of one run; ``skipped`` keeps every report (origin, reason, message)."""

    coded: int = 0
    duplicates: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def skipped_by_reason(self) -> dict[str, int]:
        return dict(Counter(item.reason for item in self.skipped))


def code_paths(
    paths: Iterable[str | Path],
    store: Store,
    coder: Coder,
    *,
    on_item: Callable[[Article | Skipped], None] | None = None,
    published: date | None = None,
) -> RunSummary:
    """Code every article under ``paths`` into ``store``; bad items are reported, not fatal.

    ``published`` dates the articles that carry no date of their own (plain-text files).
    """
    summary = RunSummary()

    def fresh_articles() -> Iterator[Article]:
        seen: set[str] = set()
        for item in read_paths(paths):
            if on_item is not None:
                on_item(item)
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            elif item.id in seen or store.has_article(item.id):
                summary.duplicates += 1
            else:
                seen.add(item.id)
                yield (
                    item if item.published or not published else replace(item, published=published)
                )

    for article, events in coder.code(fresh_articles()):
        if store.add(article, events):
            summary.coded += 1
            summary.events += len(events)
        else:
            summary.duplicates += 1
    return summary
