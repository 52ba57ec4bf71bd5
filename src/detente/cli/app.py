"""``detente`` command: each sub-command lives in its own module and is registered here.

Modules are imported only when their command runs: ``detente --help`` lists the commands from
their docstrings (read with ``ast``, nothing imported) and ``detente series`` never loads spaCy.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from typer._click import Command, Context  # typer's own copy of click

COMMANDS = {  # name: (module, function)
    "code": ("detente.cli.code_cmd", "code"),
    "events": ("detente.cli.events_cmd", "events"),
    "export": ("detente.cli.export_cmd", "export"),
    "demo": ("detente.cli.demo_cmd", "demo"),
    "eval": ("detente.cli.eval_cmd", "evaluate"),
    "bench": ("detente.cli.bench_cmd", "bench"),
    "watch": ("detente.cli.watch_cmd", "watch_feeds"),
    "series": ("detente.cli.series_cmd", "series"),
    "report": ("detente.cli.report_cmd", "report"),
    "network": ("detente.cli.network_cmd", "network"),
}


class LazyCommands(TyperGroup):
    """Lists every command by its docstring; imports a command's module when it is run."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in COMMANDS:
            return None
        return TyperCommand(cmd_name, help=docstring(*COMMANDS[cmd_name]))

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        name, _, rest = super().resolve_command(ctx, args)
        return name, load_command(name) if name else None, rest


@cache
def load_command(name: str) -> Command:
    """The command ``name`` as typer builds it from its function."""
    module, function = COMMANDS[name]
    single = typer.Typer(add_completion=False)
    single.command(name)(getattr(importlib.import_module(module), function))
    return typer.main.get_command(single)


def docstring(module: str, function: str) -> str:
    """The docstring of ``module.function``, read from its source without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return ""
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return ast.get_docstring(node) or ""
    return ""


app = typer.Typer(name="detente", cls=LazyCommands, no_args_is_help=True, add_completion=False)


@app.callback()
def detente() -> None:
    """Political event data from raw news: who did what to whom, when."""


def main() -> None:
    app()
