"""``detente export``: write events to files other tools read."""

from __future__ import annotations

from pathlib import Path

import typer

from detente.cli.common import console, existing_db, fail
from detente.store import Store
from detente.store.export import FORMATS
from detente.store.export import export as export_store


def export(
    db: Path = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB file to read."),
    fmt: str = typer.Option("parquet", "--format", help="parquet, csv, jsonl or gdelt."),
    out: Path = typer.Option(Path("out"), "--out", help="Folder to write to."),
) -> None:
    """Export events and articles (GDELT: a GDELT 2.0 event table).

    Example: detente export --db news.duckdb --format gdelt --out out/
    """
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    with Store.open(existing_db(db), read_only=True) as store:
        paths = export_store(store, out, fmt)
    for path in paths:
        console().print(f"wrote {path}")
