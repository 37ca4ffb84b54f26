"""The README tells the truth: its settings table and commands match the code."""

from __future__ import annotations

import re

from click.testing import CliRunner
from conftest import ROOT

from govkg.cli import main
from govkg.settings import settings_table

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_settings_table_is_the_declared_settings():
    assert settings_table() in README


def test_readme_first_screen_has_exactly_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in first_block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert "govkg ingest ../shared/corpus" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    test_command = [line for line in README.split("```sh", 1)[1].split("```", 1)[0].splitlines() if "pytest" in line][0]
    assert test_command.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_in_the_readme_exists():
    runner = CliRunner()
    for command in sorted(set(re.findall(r"`govkg (\w+)", README))):
        assert runner.invoke(main, [command, "--help"]).exit_code == 0, command
