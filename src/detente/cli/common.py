"""Options and helpers shared by commands."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from detente.settings import DEFAULT_DB

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to use.")


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    console(stderr=True).print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def existing_db(path: Path) -> Path:
    if not path.exists():
        raise fail(f"no database at {path}; run `detente code ... --db {path}` first")
    return path
