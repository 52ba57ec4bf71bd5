"""``detente code``: code articles into the store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from detente.cli.common import console, fail
from detente.errors import DetenteError
from detente.pipeline import Coder
from detente.records import Article, Skipped
from detente.run import RunSummary, code_paths
from detente.settings import DEFAULT_DB, Settings
from detente.store import Store


def code(
    inputs: list[Path] = typer.Argument(..., help="Files or folders: .txt, .jsonl, .csv, .zip."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to write."),
    actors: Path | None = typer.Option(None, "--actors", help="Extra actor table (YAML/TSV)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Parser processes."),
    published: datetime | None = typer.Option(
        None,
        "--published",
        formats=["%Y-%m-%d"],
        help="Publication date (YYYY-MM-DD) for articles that carry none, e.g. plain-text files.",
    ),
    learned: bool = typer.Option(
        True,
        "--learned/--no-learned",
        help="Use the learned classifier (--no-learned: lexicon and grammar only, faster).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Code news articles into events and store them.

    Example: detente code articles/ more.jsonl --db news.duckdb
    (or: detente code statement.txt --published 2017-04-12)
    """
    settings = Settings(
        workers=workers, actors_file=str(actors) if actors else None, use_classifier=learned
    )
    try:
        coder = Coder(settings)
        with Store.open(db) as store:
            day = published.date() if published else None
            summary = _run(inputs, store, coder, quiet=quiet, published=day)
    except DetenteError as error:
        raise fail(str(error)) from error
    report(summary)
    if summary.coded == 0 and summary.duplicates == 0:
        raise typer.Exit(1)


def _run(
    inputs: list[Path], store: Store, coder: Coder, *, quiet: bool, published: date | None
) -> RunSummary:
    columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console(stderr=True), disable=quiet) as progress:
        task = progress.add_task("code", total=None)

        def advance(item: Article | Skipped) -> None:
            progress.advance(task)

        return code_paths(inputs, store, coder, on_item=advance, published=published)


def report(summary: RunSummary) -> None:
    out = console(stderr=True)
    for item in summary.skipped:
        out.print(f"[yellow]skipped[/yellow] {item.origin}: {item.reason}: {item.message}")
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(summary.skipped_by_reason.items()))
    out.print(
        f"coded {summary.coded} articles, {summary.events} events; "
        f"already stored {summary.duplicates}; skipped {len(summary.skipped)}"
        + (f" ({reasons})" if reasons else "")
    )
