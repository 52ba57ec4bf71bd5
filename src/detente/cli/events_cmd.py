"""``detente events``: list stored events."""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from detente.cli.common import console, existing_db, fail
from detente.store import Store
from detente.store.store import EventQuery

SHOWN = ("date", "source_country", "source_sector", "source_text", "cameo", "target_country",
         "target_sector", "target_text", "goldstein", "sentence")  # fmt: skip


def events(
    db: Path = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB file to read."),
    dyad: tuple[str, str] | None = typer.Option(None, "--dyad", help="Two ISO3 codes: USA RUS."),
    directed: bool = typer.Option(False, "--directed", help="Only first -> second."),
    since: datetime | None = typer.Option(None, "--since", formats=["%Y-%m-%d"]),
    until: datetime | None = typer.Option(None, "--until", formats=["%Y-%m-%d"]),
    all_events: bool = typer.Option(False, "--all", help="Domestic events too."),
    limit: int | None = typer.Option(None, "--limit", min=1),
    fmt: str = typer.Option("table", "--format", help="table, csv or jsonl."),
) -> None:
    """List coded events, oldest first.

    Example: detente events --db news.duckdb --dyad USA RUS --since 2017-01-01 --format csv
    """
    if fmt not in {"table", "csv", "jsonl"}:
        raise fail(f"unknown format {fmt!r}; choose table, csv or jsonl")
    query = EventQuery(
        dyad=(dyad[0].upper(), dyad[1].upper()) if dyad else None,
        directed=directed,
        since=since.date() if since else None,
        until=until.date() if until else None,
        international=None if all_events else True,
        limit=limit,
    )
    with Store.open(existing_db(db), read_only=True) as store:
        rows = store.events(query)
    if fmt == "table":
        print_table(rows)
    elif fmt == "csv":
        write_csv(rows)
    else:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str) + "\n")


def print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(*SHOWN, show_lines=False)
    for row in rows:
        table.add_row(*(str(row[name] if row[name] is not None else "") for name in SHOWN))
    console().print(table)
    console(stderr=True).print(f"{len(rows)} events")


def write_csv(rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
