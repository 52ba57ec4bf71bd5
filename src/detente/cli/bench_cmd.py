"""``detente bench``: throughput and memory of detente next to a bare spaCy parse."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from detente.cli.common import console, fail
from detente.errors import DetenteError
from detente.evaluate.bench import BenchReport, bench_json
from detente.evaluate.bench import bench as run_bench
from detente.settings import Settings

SHARED_HINT = (
    "The benchmark corpus lives in ../shared beside the project "
    "(../shared/corpora/guardian_sample.csv.zip); a fresh clone does not have it."
)


def bench(
    corpus: Annotated[Path, typer.Argument(help="Articles: CSV, JSONL, or a zip of either.")],
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N articles.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Parser processes (both runs).")] = 1,
    select: Annotated[
        bool,
        typer.Option(
            "--select/--no-select", help="Parse only the sentences that may hold an event."
        ),
    ] = True,
    learned: Annotated[
        bool,
        typer.Option(
            "--learned/--no-learned",
            help="Use the learned classifier (slower; --no-learned: lexicon and grammar only).",
        ),
    ] = True,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as one JSON object.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Time detente end to end (into a fresh DuckDB) and a bare parse of the same texts.

    Example: detente bench ../shared/corpora/guardian_sample.csv.zip --limit 100
    """
    if not corpus.exists():
        raise fail(f"corpus not found: {corpus}. {SHARED_HINT}")
    try:
        with progress_bars(quiet=quiet) as phase:
            report = run_bench(
                corpus,
                limit=limit,
                settings=Settings(workers=workers, select_sentences=select, use_classifier=learned),
                progress=phase,
            )
    except DetenteError as error:
        raise fail(str(error)) from error
    if report.detente.n_articles == 0:
        raise fail(f"no article could be read from {corpus}")
    if as_json:
        typer.echo(json.dumps(bench_json(report)))
    else:
        console().print(bench_table(report))


@contextmanager
def progress_bars(*, quiet: bool) -> Iterator[Callable[[str, int], Callable[[int], None]]]:
    """``phase(name, total)`` adds a bar and returns the callback that advances it."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=console(stderr=True), disable=quiet, transient=True) as bars:

        def phase(name: str, total: int) -> Callable[[int], None]:
            task = bars.add_task(name, total=total)
            return lambda n: bars.advance(task, n)

        yield phase


def bench_table(report: BenchReport) -> Table:
    table = Table(
        title=f"{report.corpus}: {report.detente.n_articles} articles, "
        f"{report.detente.n_words:,} words, {report.workers} worker(s), {report.model}"
        f"{'' if report.select_sentences else ', every sentence parsed'}"
        f"{'' if report.learned else ', lexicon only'}",
        title_justify="left",
    )
    for name in ("run", "seconds", "articles/s", "words/s"):
        table.add_column(name, justify="left" if name == "run" else "right")
    for name, timing in (("detente (code + store)", report.detente), ("bare parse", report.bare)):
        table.add_row(
            name,
            f"{timing.seconds:.1f}",
            f"{timing.articles_per_second:.2f}",
            f"{timing.words_per_second:,.0f}",
        )
    table.caption = (
        f"ratio vs bare parse {report.ratio_vs_bare_parse:.2f} · "
        f"{report.events_per_article:.2f} events/article ({report.n_events} events) · "
        f"peak RSS {report.peak_rss_mb:,.0f} MB (with the bare parse "
        f"{report.peak_rss_mb_total:,.0f} MB) · pipeline load {report.load_seconds:.1f} s · "
        f"{report.n_skipped} skipped"
    )
    return table
