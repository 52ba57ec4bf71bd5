"""Small stores built by hand: articles and events written with ``Store.add``, no model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pytest

from detente.records import Actor, Article, Event, Mention
from detente.store import Store

# (CAMEO code, Goldstein, quad class), chosen to cover all four quad classes
CODES = {
    "036": (4.0, 1),  # express intent to meet
    "057": (8.0, 2),  # sign formal agreement
    "061": (6.4, 2),  # cooperate economically
    "112": (-2.0, 3),  # accuse
    "130": (-4.4, 3),  # threaten
    "161": (-4.0, 4),  # reduce or break diplomatic relations
    "163": (-8.0, 4),  # impose embargo or sanctions
}


@dataclass
class StoreBuilder:
    """Adds one article per call, each holding the events it is given."""

    store: Store
    count: int = 0
    articles: list[Article] = field(default_factory=list)

    def article(
        self,
        events: list[tuple[str, str, str, date | None]],
        *,
        published: date | None = None,
        text: str | None = None,
    ) -> Article:
        """``events`` as (source country, CAMEO code, target country, date)."""
        self.count += 1
        body = text or f"Article number {self.count} about relations between several states."
        art = Article(id=f"art{self.count:04d}", text=body, published=published, title=None)
        made = [make_event(art, i, *spec) for i, spec in enumerate(events)]
        self.store.add(art, made)
        self.articles.append(art)
        return art


def make_event(
    art: Article, index: int, source: str, cameo: str, target: str, day: date | None
) -> Event:
    goldstein, quad = CODES[cameo]
    sentence = f"{source} did {cameo} to {target} (sentence {index})."
    return Event(
        article_id=art.id,
        source=Mention(source, 0, 3, Actor(source, "GOV", name=f"{source} government")),
        target=Mention(target, 11, 14, Actor(target, "GOV", name=f"{target} government")),
        cameo=cameo, trigger="did", trigger_start=4 + 100 * index, trigger_end=7 + 100 * index,
        sentence=sentence, sentence_start=100 * index, goldstein=goldstein, quad=quad,
        plover="", date=day, date_rule="test",
    )  # fmt: skip


@pytest.fixture
def store() -> Store:
    return Store(duckdb.connect(":memory:"))


@pytest.fixture
def build(store: Store) -> StoreBuilder:
    return StoreBuilder(store)


EventSpec = Callable[..., Article]
