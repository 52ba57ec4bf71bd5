"""``detente demo``: code the built-in demo corpus and summarise the dyads."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from detente.cli.common import console, fail
from detente.demo import demo_articles
from detente.errors import DetenteError
from detente.pipeline import Coder
from detente.series.summary import dyad_summaries, quarterly_goldstein
from detente.store import Store


def demo(
    db: Path = typer.Option(Path("detente-demo.duckdb"), "--db", help="DuckDB file to write."),
) -> None:
    """Code the demo corpus (written for detente, shipped with it) and print a dyad summary.

    Example: detente demo --db demo.duckdb
    """
    articles = demo_articles()
    try:
        coder = Coder()
        with Store.open(db) as store:
            new = [a for a in articles if not store.has_article(a.id)]
            for article, events in coder.code(new):
                store.add(article, events)
            print_summary(store, len(articles))
    except DetenteError as error:
        raise fail(str(error)) from error


def print_summary(store: Store, n_articles: int) -> None:
    out = console()
    counts = store.counts()
    out.print(f"demo: {n_articles} articles, {counts['events']} events in the store")
    table = Table("dyad", "events", "coop", "conflict", "mean Goldstein", "from", "to")
    summaries = dyad_summaries(store)
    for s in summaries:
        table.add_row(f"{s.a}–{s.b}", str(s.events), str(s.cooperation), str(s.conflict),
                      f"{s.mean_goldstein:+.2f}", s.first, s.last)  # fmt: skip
    out.print(table)
    if summaries:
        top = summaries[0]
        line = Table(f"{top.a}–{top.b} by quarter", "events", "mean Goldstein")
        for quarter, n, mean in quarterly_goldstein(store, top.a, top.b):
            line.add_row(quarter, str(n), f"{mean:+.2f}")
        out.print(line)
