"""The ``detente`` command starts without loading spaCy: commands load when they run."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from detente.cli.app import COMMANDS, app

PROBE = """
import sys
from typer.testing import CliRunner
from detente.cli.app import app
result = CliRunner().invoke(app, {args!r})
assert result.exit_code == 0, result.output
print("spacy" in sys.modules)
"""


@pytest.mark.parametrize("args", [["--help"], ["series", "--help"], ["events", "--help"]])
def test_no_spacy_to_list_commands_or_run_series(args: list[str]) -> None:
    probe = PROBE.format(args=args)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_help_lists_every_command_with_its_summary() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f" {name} " in result.output
    assert "Code news articles into events" in result.output


def test_a_command_runs_with_its_own_options() -> None:
    result = CliRunner().invoke(app, ["code", "--help"])
    assert result.exit_code == 0 and "--db" in result.output


def test_an_unknown_command_is_an_error() -> None:
    result = CliRunner().invoke(app, ["parse-everything"])
    assert result.exit_code != 0 and "No such command" in result.output
