"""``detente`` command: each sub-command lives in its own module and is registered here."""

from __future__ import annotations

import typer

from detente.cli import (
    bench_cmd,
    code_cmd,
    demo_cmd,
    eval_cmd,
    events_cmd,
    export_cmd,
    network_cmd,
    report_cmd,
    series_cmd,
    watch_cmd,
)

app = typer.Typer(
    name="detente",
    help="Political event data from raw news: who did what to whom, when.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("code")(code_cmd.code)
app.command("events")(events_cmd.events)
app.command("export")(export_cmd.export)
app.command("demo")(demo_cmd.demo)
app.command("eval")(eval_cmd.evaluate)
app.command("bench")(bench_cmd.bench)
app.command("watch")(watch_cmd.watch_feeds)
app.command("series")(series_cmd.series)
app.command("report")(report_cmd.report)
app.command("network")(network_cmd.network)


def main() -> None:
    app()
