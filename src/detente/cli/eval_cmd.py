"""``detente eval``: score detente against a gold file and show where it goes wrong."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from detente.cli.common import console, fail
from detente.errors import DetenteError
from detente.evaluate import MODES, Report, report_json
from detente.evaluate import evaluate as run_evaluation
from detente.evaluate.gold import FORMATS
from detente.evaluate.report import ErrorCase
from detente.evaluate.scoring import NONE, ActorScores

SHARED_HINT = (
    "The gold sets live in ../shared beside the project (e.g. ../shared/gold/seeds.jsonl); "
    "a fresh clone does not have them. See EVALUATION.md."
)


def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold file: detente JSONL, PLV TSV or PLOVER GSR JSON.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="detente, plv or plover (default: detected from the file)."),
    ] = None,
    mode: Annotated[
        str,
        typer.Option(help="open: code the raw text; pair: classify the given pairs (PLV)."),
    ] = "open",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as one JSON object.")
    ] = False,
    errors: Annotated[
        int, typer.Option(min=0, help="List the first N misses and the first N false alarms.")
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Score detente against a gold file (formats and scoring: ../shared/gold/FORMAT.md).

    Example: detente eval ../shared/gold/seeds.jsonl --errors 10
    """
    if not gold.is_file():
        raise fail(f"gold file not found: {gold}. {SHARED_HINT}")
    if fmt is not None and fmt not in (*FORMATS, "plover-gsr"):
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if mode not in MODES:
        raise fail(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    try:
        with progress_bar(quiet=quiet) as (on_loaded, advance):
            report = run_evaluation(gold, fmt=fmt, mode=mode, progress=advance, on_loaded=on_loaded)
    except DetenteError as error:
        raise fail(str(error)) from error
    if as_json:
        typer.echo(json.dumps(report_json(report, errors=errors), ensure_ascii=False))
    else:
        show(report, errors=errors, out=console())


@contextmanager
def progress_bar(*, quiet: bool) -> Iterator[tuple[Callable[[int], None], Callable[[int], None]]]:
    """A progress bar on standard error: ``on_loaded(total)`` then ``advance(n)``."""
    columns = (TextColumn("evaluating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console(stderr=True), disable=quiet, transient=True) as bar:
        task = bar.add_task("eval", total=None)

        def on_loaded(total: int) -> None:
            bar.update(task, total=total)

        def advance(n: int) -> None:
            bar.advance(task, n)

        yield on_loaded, advance


def show(report: Report, *, errors: int, out: Console) -> None:
    """The report as tables: scores, per class, confusion, actors, then the first errors."""
    out.print(
        f"[bold]{report.format}[/bold] gold, {report.mode} mode: {report.n_items} items "
        f"in {report.seconds:.1f} s"
    )
    out.print(scores_table(report))
    if report.per_class:
        out.print(class_table(report))
        out.print(confusion_table(report))
    if errors:
        show_errors("Misses", report.misses[:errors], out)
        show_errors("False alarms", report.false_alarms[:errors], out)


def scores_table(report: Report) -> Table:
    table = Table(title="Scores", title_justify="left")
    for name in ("measure", "value", "detail"):
        table.add_column(name, justify="right" if name == "value" else "left")
    if report.events is not None:
        e = report.events
        detail = f"{e.n_match} matched / {e.n_pred} predicted / {e.n_gold} gold"
        table.add_row("events precision", _pct(e.precision), detail)
        table.add_row("events recall", _pct(e.recall), "")
        table.add_row("events F1", _pct(e.f1), "")
    if report.events_sector is not None:
        table.add_row("F1 with sectors", _pct(report.events_sector.f1), "null matches anything")
    if report.pairs is not None:
        p = report.pairs
        table.add_row("pairs found", _pct(p.found), "an event between the marked spans")
        table.add_row("pair accuracy", _pct(p.accuracy), "PLV class, all gold pairs")
        table.add_row("pair macro F1", _pct(p.macro_f1), "")
        table.add_row("quad accuracy", _pct(p.quad_accuracy), "")
        table.add_row("coop/conflict accuracy", _pct(p.coop_conflict_accuracy), "")
    if report.actors is not None:
        which = "actors of matched events" if report.actors_all is not None else "gold actors"
        _actor_rows(table, report.actors, which)
    if report.actors_all is not None:
        _actor_rows(table, report.actors_all, "gold actors, each found by its words")
    return table


def _actor_rows(table: Table, actors: ActorScores, which: str) -> None:
    table.add_row("actor country", _pct(actors.country_accuracy), f"{actors.n_country} {which}")
    detail = f"{actors.n_sector} with a gold sector"
    if actors.n_not_found:
        detail += f"; {actors.n_not_found} not found in the text"
    table.add_row("actor sector", _pct(actors.sector_accuracy), detail)


def class_table(report: Report) -> Table:
    table = Table(title=f"Per {report.label_kind}", title_justify="left")
    table.add_column(report.label_kind)
    for name in ("precision", "recall", "F1", "support", "predicted"):
        table.add_column(name, justify="right")
    for score in report.per_class:
        table.add_row(
            score.label,
            _pct(score.precision),
            _pct(score.recall),
            _pct(score.f1),
            str(score.n_gold),
            str(score.n_pred),
        )
    return table


def confusion_table(report: Report) -> Table:
    """Gold labels down, predicted labels across; ``none`` is a missed or an extra event."""
    cells = {(gold, pred): n for gold, pred, n in report.confusion}
    labels = [score.label for score in report.per_class]
    rows = [*labels, NONE] if any(g == NONE for g, _ in cells) else labels
    columns = [*labels, NONE] if any(p == NONE for _, p in cells) else labels
    table = Table(title="Confusion (gold down, predicted across)", title_justify="left")
    table.add_column("gold")
    for label in columns:
        table.add_column(_short(label), justify="right")
    for gold in rows:
        table.add_row(gold, *(_cell(cells.get((gold, pred), 0), gold == pred) for pred in columns))
    return table


def show_errors(title: str, cases: Sequence[ErrorCase], out: Console) -> None:
    if not cases:
        out.print(f"[bold]{title}[/bold]: none")
        return
    table = Table(title=title, title_justify="left", show_lines=True)
    for name in ("kind", "item", "gold", "predicted", "sentence"):
        table.add_column(name, overflow="fold")
    for case in cases:
        table.add_row(case.kind, case.item_id, case.gold, case.predicted, case.sentence)
    out.print(table)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _short(label: str) -> str:
    return label if len(label) <= 4 else label[:4]


def _cell(n: int, diagonal: bool) -> str:
    if not n:
        return "[dim]·[/dim]"
    return f"[bold green]{n}[/bold green]" if diagonal else str(n)
