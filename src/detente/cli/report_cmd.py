"""``detente report``: one self-contained HTML page on a dyad's relation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from detente.cli.common import console, existing_db, fail
from detente.errors import DetenteError
from detente.series.dedup import open_fresh
from detente.series.dyad import FREQS
from detente.serve import chart
from detente.serve.report import build_report, render_html


def report(
    db: Path = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB file to read."),
    dyad: tuple[str, str] = typer.Option(..., "--dyad", help="Two ISO3 codes: USA RUS."),
    out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write."),
    directed: bool = typer.Option(False, "--directed", help="Only first -> second."),
    freq: str | None = typer.Option(None, "--freq", help="day ... year; chosen from the span."),
    since: datetime | None = typer.Option(None, "--since", formats=["%Y-%m-%d"]),
    until: datetime | None = typer.Option(None, "--until", formats=["%Y-%m-%d"]),
    png: Path | None = typer.Option(None, "--png", help="Also write the chart as PNG."),
    svg: Path | None = typer.Option(None, "--svg", help="Also write the chart as SVG."),
) -> None:
    """Write an HTML report: the relation chart with turning points, the strongest events with
    their evidence sentences, and the most active actors.

    Example: detente report --db news.duckdb --dyad USA RUS --out report.html --png chart.png
    """
    if freq is not None and freq not in FREQS:
        raise fail(f"unknown frequency {freq!r}; choose from {', '.join(FREQS)}")
    a, b = dyad[0].upper(), dyad[1].upper()
    try:
        with open_fresh(existing_db(db)) as store:
            made = build_report(store.con, a, b, directed=directed, freq=freq,
                                since=since.date() if since else None,
                                until=until.date() if until else None)  # fmt: skip
    except DetenteError as error:
        raise fail(str(error)) from error
    if not made.series.points:
        raise fail(f"no dated events between {a} and {b} in {db}")
    figure = chart.figure(made.series, made.segments, made.turns)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(made, chart.svg_text(figure)), encoding="utf-8")
    written = [out] + [chart.save(figure, path) for path in (png, svg) if path is not None]
    for path in written:
        console(stderr=True).print(f"wrote {path}")
