"""``detente watch`` against a real HTTP server on 127.0.0.1, with a fake coder (no model)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.ingest import ReadOptions
from detente.ingest.fetch import Fetcher
from detente.ingest.watch import Watcher, parse_every, watch
from detente.records import Article, Event
from detente.run import RunSummary
from detente.store import Store
from tests.ingest.feeds_data import FRENCH_ITEM, ITEMS, page, rss

PAGE_ONLY = "Officials said further talks were planned for the autumn in Tashkent."
Item = tuple[str, str, str, str]


@dataclass
class Site:
    """What the test server serves, and every request it got."""

    items: list[Item] = field(default_factory=lambda: list(ITEMS))
    version: int = 1
    pages: set[str] = field(default_factory=lambda: {key for key, *_ in ITEMS})
    requests: list[tuple[str, dict[str, str], float, int]] = field(default_factory=list)
    base: str = ""

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'

    def publish(self, *items: Item) -> None:
        self.items = [*self.items, *items]
        self.version += 1

    def hits(self, path: str) -> list[tuple[dict[str, str], int]]:
        return [(headers, status) for p, headers, _, status in self.requests if p == path]


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body, headers = self.answer()
            site.requests.append((self.path, dict(self.headers), time.monotonic(), status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def answer(self) -> tuple[int, bytes, dict[str, str]]:
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == site.etag:
                    return 304, b"", {"ETag": site.etag}
                modified = formatdate(1_700_000_000 + site.version, usegmt=True)
                headers = {"ETag": site.etag, "Last-Modified": modified}
                headers["Content-Type"] = "application/rss+xml"
                return 200, rss(site.items, link_base=site.base), headers
            key = self.path.strip("/").removesuffix(".html")
            if key in site.pages:
                item = next(i for i in site.items if i[0] == key)
                return 200, page(item[1], item[2]), {"Content-Type": "text/html"}
            return 404, b"not here", {"Content-Type": "text/plain"}

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join()


class FakeCoder:
    """Codes nothing: records which articles it was given."""

    def __init__(self) -> None:
        self.given: list[Article] = []

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            self.given.append(article)
            yield article, []


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(duckdb.connect(":memory:")) as opened:
        yield opened


def watcher(store: Store, options: ReadOptions, *, interval: float = 0.0) -> Watcher:
    return Watcher(store, FakeCoder(), Fetcher(min_interval=interval, timeout=5), options)


def given(w: Watcher) -> list[Article]:
    assert isinstance(w.coder, FakeCoder)
    return w.coder.given


def test_round_codes_items_from_their_pages(site: Site, store: Store, options: ReadOptions) -> None:
    w = watcher(store, options)
    summary = w.round([f"{site.base}/feed.xml"])
    assert (summary.coded, summary.duplicates, summary.skipped) == (2, 0, [])
    articles = given(w)
    assert [a.title for a in articles] == [title for _, title, _, _ in ITEMS]
    assert all(PAGE_ONLY in a.text for a in articles)  # the full page, not the summary
    assert all("Tajikistan" not in a.text for a in articles)  # the related box was dropped
    assert articles[0].url == f"{site.base}/kz-1.html"
    assert store.counts()["articles"] == 2
    agents = {headers.get("User-Agent", "") for _, headers, _, _ in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("detente/")


def test_conditional_get_and_no_recoding(site: Site, store: Store, options: ReadOptions) -> None:
    w = watcher(store, options)
    feed = f"{site.base}/feed.xml"
    w.round([feed])
    again = w.round([feed])
    (first, _), (second, status) = site.hits("/feed.xml")
    assert "If-None-Match" not in first
    assert second["If-None-Match"] == '"v1"' and second["If-Modified-Since"]
    assert status == 304
    assert (again.coded, again.duplicates, again.skipped) == (0, 0, [])

    site.publish(("tj-9", "Tajikistan reopens border post", ITEMS[0][2].replace("Kaz", "Taj"), ""))
    site.pages.add("tj-9")
    third = w.round([feed])
    assert third.coded == 1
    assert [a.title for a in given(w)][-1] == "Tajikistan reopens border post"
    assert len(given(w)) == 3
    assert len(site.hits("/kz-1.html")) == 1  # an item seen before: its page is not fetched again
    assert store.counts()["articles"] == 3


def test_state_survives_a_new_watcher(site: Site, tmp_path: Path, options: ReadOptions) -> None:
    db = tmp_path / "w.duckdb"
    feed = f"{site.base}/feed.xml"
    for _ in range(2):
        with Store.open(db) as opened:
            w = watcher(opened, options)
            w.round([feed])
            site.version += 1  # a changed ETag: the feed is fetched in full again
    assert len(given(w)) == 0
    assert [status for _, status in site.hits("/feed.xml")] == [200, 200]


def test_rate_limit_per_host(site: Site, store: Store, options: ReadOptions) -> None:
    w = watcher(store, options, interval=0.3)
    w.round([f"{site.base}/feed.xml"])
    times = [when for _, _, when, _ in site.requests]
    assert len(times) == 3  # the feed and two pages
    assert all(later - earlier >= 0.29 for earlier, later in pairwise(times))


def test_missing_page_falls_back_to_summary(site: Site, store: Store, options: ReadOptions) -> None:
    site.pages.clear()
    w = watcher(store, options)
    summary = w.round([f"{site.base}/feed.xml"])
    assert summary.coded == 2
    assert [a.text for a in given(w)] == [text for _, _, text, _ in ITEMS]


def test_non_english_item_is_reported_once(site: Site, store: Store, options: ReadOptions) -> None:
    site.publish(FRENCH_ITEM)
    site.pages.add(FRENCH_ITEM[0])
    w = watcher(store, options)
    first = w.round([f"{site.base}/feed.xml"])
    assert first.coded == 2
    assert first.skipped_by_reason == {"not-english": 1}
    site.version += 1
    second = w.round([f"{site.base}/feed.xml"])
    assert (second.coded, second.skipped) == (0, [])


def test_failing_feed_is_reported_and_others_go_on(
    site: Site, store: Store, options: ReadOptions, tmp_path: Path
) -> None:
    local = tmp_path / "local.rss"
    local.write_bytes(rss([FRENCH_ITEM[:1] + ITEMS[1][1:]]))
    w = watcher(store, options)
    summary = w.round([f"{site.base}/gone.xml", "http://127.0.0.1:9/feed.xml", str(local)])
    reasons = [(s.origin, s.reason) for s in summary.skipped]
    assert reasons == [
        (f"{site.base}/gone.xml", "fetch-failed"),
        ("http://127.0.0.1:9/feed.xml", "fetch-failed"),
    ]
    assert summary.coded == 1  # the local feed file


def test_watch_runs_rounds_until_stopped(site: Site, store: Store, options: ReadOptions) -> None:
    rounds: list[RunSummary] = []
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(
            [f"{site.base}/feed.xml"],
            watcher(store, options),
            every=60,
            on_round=rounds.append,
            sleep=sleep,
        )
    assert [r.coded for r in rounds] == [2, 0, 0]
    assert all(50 < p <= 60 for p in pauses)


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("1h30m", 5400), ("1d", 86400)]
)
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 minutes", "0s", "5x"])
def test_parse_every_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)


@pytest.mark.model
def test_watch_once_end_to_end(site: Site, tmp_path: Path) -> None:
    from detente.cli.app import app

    db = tmp_path / "news.duckdb"
    args = ["watch", f"{site.base}/feed.xml", "--db", str(db), "--once", "--rate", "0"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "coded 2 articles" in first.output
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0 and "coded 0 articles" in second.output
    with Store.open(db, read_only=True) as opened:
        assert opened.counts()["articles"] == 2
        events = opened.events()
    assert {(e["source_country"], e["target_country"]) for e in events} >= {("GEO", "RUS")}
