"""Watch feeds: each round fetches every feed (conditional GET), takes the items not seen before,
fetches each item's page for its full text (falling back to the item's summary), codes the
articles and stores them. What was fetched and seen lives in the store (``feeds``,
``feed_items``), so a restarted watcher, or a cron job running ``--once``, codes nothing twice.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb

from detente.errors import EmptyInput, InputError, TooLarge
from detente.ingest.feeds import FeedItem, parse_feed
from detente.ingest.fetch import Fetched, Fetcher
from detente.ingest.html import extract_page
from detente.ingest.options import ReadOptions
from detente.ingest.readers import feed_article
from detente.records import Article, Event, Skipped
from detente.run import RunSummary
from detente.store import Store

_SPAN = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class ArticleCoder(Protocol):
    """What watching needs of ``pipeline.Coder``."""

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]: ...


def parse_every(text: str) -> float:
    """Seconds in a span like ``90``, ``30s``, ``15m``, ``1h30m`` or ``1d``."""
    spans = _SPAN.findall(text.strip().lower())
    if not spans or _SPAN.sub("", text.strip().lower()).strip():
        raise ValueError(f"not a time span: {text!r} (use e.g. 30s, 15m, 1h)")
    seconds = sum(float(number) * _UNIT[unit] for number, unit in spans)
    if seconds <= 0:
        raise ValueError(f"time span must be positive: {text!r}")
    return seconds


@dataclass
class FeedState:
    """Fetch state and seen items, kept in the store's database."""

    con: duckdb.DuckDBPyConnection

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self.con.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", [feed]
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save(self, feed: str, fetched: Fetched | None) -> None:
        etag = fetched.etag if fetched else None
        modified = fetched.last_modified if fetched else None
        status = fetched.status if fetched else None
        self.con.execute(
            "INSERT INTO feeds VALUES (?, ?, ?, ?, current_timestamp) ON CONFLICT (url) DO UPDATE"
            " SET etag = coalesce(excluded.etag, feeds.etag),"
            " last_modified = coalesce(excluded.last_modified, feeds.last_modified),"
            " status = excluded.status, checked_at = excluded.checked_at",
            [feed, etag, modified, status],
        )

    def seen(self, feed: str, key: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM feed_items WHERE feed = ? AND key = ?", [feed, key]
        ).fetchone()
        return row is not None

    def mark(self, feed: str, key: str, outcome: str, article_id: str | None = None) -> None:
        self.con.execute(
            "INSERT INTO feed_items VALUES (?, ?, ?, ?, current_timestamp) ON CONFLICT DO NOTHING",
            [feed, key, article_id, outcome],
        )


@dataclass
class Watcher:
    """One watcher: its store, coder, fetcher and reading options."""

    store: Store
    coder: ArticleCoder
    fetcher: Fetcher
    options: ReadOptions
    fetch_pages: bool = True

    @property
    def state(self) -> FeedState:
        return FeedState(self.store.con)

    def round(self, feeds: Sequence[str]) -> RunSummary:
        """Fetch, code and store the new items of every feed once."""
        summary = RunSummary()
        for feed in feeds:
            try:
                fetched = self._fetch_feed(feed)
                items = [] if fetched.unchanged else parse_feed(fetched.body, origin=feed)
            except InputError as error:
                summary.skipped.append(Skipped(feed, error.reason, str(error)))
                continue
            new = [item for item in items if not self.state.seen(feed, item.key)]
            self._take(feed, new, summary)
            self.state.save(feed, fetched)
        return summary

    def _fetch_feed(self, feed: str) -> Fetched:
        if not feed.startswith(("http://", "https://")):
            return _read_local(feed)
        etag, modified = self.state.validators(feed)
        return self.fetcher.get(feed, etag=etag, last_modified=modified)

    def _take(self, feed: str, items: list[FeedItem], summary: RunSummary) -> None:
        """Turn new items into articles, code them, store them, and mark every item seen."""
        fresh: dict[str, tuple[FeedItem, Article]] = {}
        for item in items:
            where = f"{feed}#{item.key}"
            try:
                article = self._article(item, where)
            except InputError as error:
                summary.skipped.append(Skipped(where, error.reason, str(error)))
                self.state.mark(feed, item.key, error.reason)
                continue
            if article.id in fresh or self.store.has_article(article.id):
                summary.duplicates += 1
                self.state.mark(feed, item.key, "duplicate", article.id)
            else:
                fresh[article.id] = (item, article)
        articles = [article for _, article in fresh.values()]
        for article, events in self.coder.code(articles):
            if self.store.add(article, events):
                summary.coded += 1
                summary.events += len(events)
            else:
                summary.duplicates += 1
            self.state.mark(feed, fresh[article.id][0].key, "coded", article.id)

    def _article(self, item: FeedItem, where: str) -> Article:
        """The item's full page when it can be fetched and read, else its summary."""
        if self.fetch_pages and item.link and item.link.startswith(("http://", "https://")):
            page = self._page(item.link)
            try:
                if page is not None:
                    return feed_article(item, self.options, where, page_text=page)
            except (EmptyInput, TooLarge):
                pass  # the page held no usable article: the summary may
        if not item.summary.strip():
            raise EmptyInput("feed item has no summary and its page gave no text", origin=where)
        return feed_article(item, self.options, where)

    def _page(self, url: str) -> str | None:
        try:
            fetched = self.fetcher.get(url)
        except InputError:
            return None
        page = extract_page(fetched.body, url=fetched.url)
        return page.text or None


def _read_local(path: str) -> Fetched:
    try:
        return Fetched(path, 200, Path(path).read_bytes())
    except OSError as error:
        raise InputError(f"cannot read feed: {error}", origin=path) from error


def watch(
    feeds: Sequence[str],
    watcher: Watcher,
    *,
    every: float,
    once: bool = False,
    on_round: Callable[[RunSummary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run rounds every ``every`` seconds (one round with ``once``) until interrupted."""
    while True:
        started = time.monotonic()
        summary = watcher.round(feeds)
        if on_round is not None:
            on_round(summary)
        if once:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))
