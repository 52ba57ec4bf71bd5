"""``detente watch``: poll news feeds, code new items into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli.code_cmd import report
from detente.cli.common import console, fail
from detente.errors import DetenteError
from detente.ingest.fetch import Fetcher
from detente.ingest.options import ReadOptions
from detente.ingest.watch import Watcher, parse_every, watch
from detente.pipeline import Coder
from detente.settings import DEFAULT_DB, Settings
from detente.store import Store


def watch_feeds(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs or files.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to write.")] = Path(DEFAULT_DB),
    every: Annotated[str, typer.Option(help="Time between rounds: 30s, 15m, 1h.")] = "15m",
    once: Annotated[
        bool, typer.Option("--once", help="Run one round and exit (cron, tests).")
    ] = False,
    pages: Annotated[
        bool, typer.Option("--pages/--no-pages", help="Fetch each item's page for its full text.")
    ] = True,
    rate: Annotated[
        float, typer.Option(min=0.0, help="Seconds between two requests to one host.")
    ] = 1.0,
    actors: Annotated[Path | None, typer.Option(help="Extra actor table (YAML/TSV).")] = None,
) -> None:
    """Fetch feeds, code the items not seen before and store them; repeat every --every.

    Example: detente watch https://example.org/world.rss --db news.duckdb --every 15m
    """
    try:
        seconds = parse_every(every)
    except ValueError as error:
        raise fail(str(error)) from error
    settings = Settings(actors_file=str(actors) if actors else None)
    try:
        coder = Coder(settings)
        with Store.open(db) as store, Fetcher(min_interval=rate) as fetcher:
            watcher = Watcher(store, coder, fetcher, ReadOptions(), fetch_pages=pages)
            watch(feeds, watcher, every=seconds, once=once, on_round=report)
    except DetenteError as error:
        raise fail(str(error)) from error
    except KeyboardInterrupt:
        console(stderr=True).print("stopped")
