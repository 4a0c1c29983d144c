"""The command line: every command documented with an example, errors as one line with CONTRACT exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

COMMANDS = [
    ["ingest"], ["analyze"], ["export"], ["serve"], ["demo"], ["publish"], ["watchlist", "add"], ["watchlist", "list"],
    ["token", "create"], ["entity", "merge"], ["entity", "split"], ["dump"], ["restore"],
]


def _all_commands(typer_app, prefix=()):
    import typer.main

    group = typer.main.get_command(typer_app)
    out = []

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, path + (name,))
        else:
            out.append(list(path))

    walk(group, tuple(prefix))
    return out


def test_cli_every_command_is_listed_in_this_test():
    assert sorted(map(tuple, _all_commands(app))) == sorted(map(tuple, COMMANDS))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_cli_help_shows_an_example(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example: storyline " + command[0] in result.output


def test_cli_top_level_help_has_example():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Example: storyline" in result.output


def test_cli_unknown_export_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown export format: 'xml'; supported:" in result.output
    assert "json" in result.output


def test_cli_dead_database_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: cannot open database")


def test_cli_invalid_engine_is_usage_error(tmp_path):
    result = runner.invoke(app, ["analyze", "--db", str(tmp_path / "x.db"), "--engine", "spark"])
    assert result.exit_code == 2 and "invalid engine 'spark'; valid: local, ray" in result.output


def test_cli_global_db_option_applies_to_commands(tmp_path):
    db = tmp_path / "g.db"
    result = runner.invoke(app, ["--db", str(db), "token", "create", "--name", "alice"])
    assert result.exit_code == 0 and result.output.strip().startswith("stl_")
    assert db.exists()


def test_cli_export_json_on_empty_store_matches_contract_shape(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "storyline/1"
    for key in ("documents", "entities", "mentions", "statements", "facts", "links", "storylines", "findings"):
        assert data[key] == []
