"""``detente series``: a dyad's relation per period, its turning points, the events behind it."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from detente.cli.common import console, existing_db, fail
from detente.errors import DetenteError
from detente.series.dedup import WINDOW_DAYS, open_fresh
from detente.series.dyad import FREQS, DyadSeries, Point, dyad_events, dyad_series, period_start
from detente.series.dyad import period_end as end_of
from detente.series.turning import TurningPoint, turning_points

FORMATS = ("table", "csv", "json")
SHORT = {"verbal_cooperation": "v.coop", "material_cooperation": "m.coop",
         "verbal_conflict": "v.conf", "material_conflict": "m.conf",
         "goldstein_mean": "mean G", "goldstein_sum": "sum G"}  # fmt: skip
COLUMNS = (
    "period", "end", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict", "goldstein_mean", "goldstein_sum", "index",
)  # fmt: skip


def series(
    db: Path = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB file to read."),
    dyad: tuple[str, str] = typer.Option(..., "--dyad", help="Two ISO3 codes: USA RUS."),
    directed: bool = typer.Option(False, "--directed", help="Only first -> second."),
    freq: str = typer.Option("month", "--freq", help="day, week, month, quarter or year."),
    since: datetime | None = typer.Option(None, "--since", formats=["%Y-%m-%d"]),
    until: datetime | None = typer.Option(None, "--until", formats=["%Y-%m-%d"]),
    period: datetime | None = typer.Option(
        None, "--period", formats=["%Y-%m-%d", "%Y-%m"], help="List the events behind one point."
    ),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
    window: int = typer.Option(WINDOW_DAYS, "--window", min=0, help="De-duplication window, days."),
) -> None:
    """Events per period between two countries: counts per quad class, mean and summed
    Goldstein, the cooperation-conflict index, and the turning points.

    Example: detente series --db news.duckdb --dyad USA RUS --freq month --format csv
    """
    if freq not in FREQS:
        raise fail(f"unknown frequency {freq!r}; choose from {', '.join(FREQS)}")
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose table, csv or json")
    a, b = dyad[0].upper(), dyad[1].upper()
    try:
        with open_fresh(existing_db(db), window=window) as store:
            if period is not None:
                start = period_start(period.date(), freq)
                events = dyad_events(store.con, a, b, directed=directed, since=start,
                                     until=end_of(start, freq))  # fmt: skip
                write_rows([asdict(e) for e in events], fmt, title=f"{a}–{b} {start}")
                return
            line = dyad_series(store.con, a, b, directed=directed, freq=freq,
                               since=_day(since), until=_day(until))  # fmt: skip
            turns = turning_points(store.con, line)
    except DetenteError as error:
        raise fail(str(error)) from error
    show(line, turns, fmt)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def point_row(point: Point) -> dict[str, Any]:
    row = {name: getattr(point, name) for name in COLUMNS}
    row["index"] = None if point.index is None else round(point.index, 4)
    return row


def show(line: DyadSeries, turns: list[TurningPoint], fmt: str) -> None:
    rows = [point_row(p) for p in line.points]
    if fmt == "json":
        doc = {"dyad": [line.a, line.b], "directed": line.directed, "freq": line.freq,
               "points": rows, "turning_points": [turn_row(t) for t in turns]}  # fmt: skip
        sys.stdout.write(json.dumps(doc, default=str, indent=1) + "\n")
        return
    if fmt == "table":
        rows = [{SHORT.get(k, k): v for k, v in row.items() if k != "end"} for row in rows]
    write_rows(rows, fmt, title=f"{line.label} by {line.freq}")
    if fmt == "table":
        for number, turn in enumerate(turns, start=1):
            console().print(f"[bold]turning point {number}[/bold] {turn.period}: {turn.direction} "
                            f"({turn.before:+.2f} → {turn.after:+.2f})")  # fmt: skip
            for event in turn.events:
                console().print(f"  {event.date} {event.source_country} {event.cameo} "
                                f"{event.target_country}: {event.sentence}")  # fmt: skip


def turn_row(turn: TurningPoint) -> dict[str, Any]:
    return {"period": turn.period, "before": turn.before, "after": turn.after,
            "events": [e.id for e in turn.events]}  # fmt: skip


def write_rows(rows: list[dict[str, Any]], fmt: str, *, title: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, default=str, indent=1) + "\n")
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        table = Table(title=title)
        for number, name in enumerate(rows[0] if rows else ["period"]):
            table.add_column(name, no_wrap=number == 0, min_width=10 if number == 0 else None)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        console().print(table)
