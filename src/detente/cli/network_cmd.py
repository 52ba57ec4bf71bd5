"""``detente network``: who interacts with whom in a period, as GraphML or CSV."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from detente.cli.common import console, existing_db, fail
from detente.errors import DetenteError
from detente.series.dedup import open_fresh
from detente.series.network import LEVELS, write_network
from detente.series.network import network as build_network


def network(
    db: Path = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB file to read."),
    since: datetime | None = typer.Option(None, "--since", formats=["%Y-%m-%d"]),
    until: datetime | None = typer.Option(None, "--until", formats=["%Y-%m-%d"]),
    out: Path = typer.Option(Path("network.graphml"), "--out", help=".graphml or .csv file."),
    level: str = typer.Option("country", "--level", help="country or actor (country+sector)."),
    min_events: int = typer.Option(1, "--min-events", min=1, help="Drop thinner edges."),
) -> None:
    """Write the network of who did what to whom between two dates.

    Example: detente network --db news.duckdb --since 2021-01-01 --out net.graphml
    """
    if level not in LEVELS:
        raise fail(f"unknown level {level!r}; choose country or actor")
    if out.suffix.lower() not in {".graphml", ".csv"}:
        raise fail(f"cannot tell the format of {out}: use .graphml or .csv")
    try:
        with open_fresh(existing_db(db)) as store:
            edges = build_network(
                store.con, since=since.date() if since else None,
                until=until.date() if until else None, level=level, min_events=min_events,
            )  # fmt: skip
    except DetenteError as error:
        raise fail(str(error)) from error
    write_network(edges, out)
    nodes = {e.source for e in edges} | {e.target for e in edges}
    console(stderr=True).print(f"wrote {out}: {len(nodes)} nodes, {len(edges)} edges")
