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
    ["findings"], ["entities"], ["statements"], ["show"],
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


def _empty_db(tmp_path):
    from storyline.config import database_url
    from storyline.store import open_store

    path = tmp_path / "x.db"
    open_store(database_url(str(path))).close()
    return str(path)


def test_cli_unknown_export_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", _empty_db(tmp_path), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown export format: 'xml'; supported:" in result.output
    assert "json" in result.output


def test_cli_dead_database_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "missing" / "x.db"), str(tmp_path)])
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
    result = runner.invoke(app, ["export", "--db", _empty_db(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "storyline/1"
    for key in ("documents", "entities", "mentions", "statements", "facts", "links", "storylines", "findings"):
        assert data[key] == []


_ARTICLE_A = (
    "Harbour Council Rejects Ferry Plan.\n\n"
    "Harbour council spokesman Omar Dalil said on Tuesday that the ferry plan was dead. "
    "\"We will not pay 40 million dollars for it,\" Dalil told reporters.\n\n"
    "Transport minister Lena Varga said the plan would go ahead. \"The ferries will run by June,\" Varga said.\n"
)
_ARTICLE_B = (
    "Council Softens Line on Ferries.\n\n"
    "Omar Dalil, the harbour council spokesman, said on Friday that the council could support the ferry plan. "
    "\"We are open to the plan if it costs 25 million dollars,\" Dalil said.\n"
)


@pytest.fixture(scope="module")
def analysed_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli_listings")
    (folder / "a.txt").write_text(_ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(_ARTICLE_B, encoding="utf-8")
    db = str(folder / "k.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(folder / "a.txt"), str(folder / "b.txt")]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "analyze"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("command", [["findings"], ["entities"], ["statements"], ["show", "doc_x"], ["export"],
                                     ["watchlist", "list"], ["dump", "out.jsonl.gz"]], ids=lambda c: c[0])
def test_cli_read_only_command_refuses_a_missing_database_and_creates_nothing(tmp_path, command):
    db = tmp_path / "mistyped.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2
    assert f"no database at {db}" in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_entities_lists_names_with_aliases_and_json_follows_contract(analysed_db):
    table = runner.invoke(app, ["--db", analysed_db, "entities"])
    assert table.exit_code == 0 and "Omar Dalil" in table.stdout
    data = json.loads(runner.invoke(app, ["--db", analysed_db, "entities", "--json", "--limit", "1"]).stdout)
    assert len(data) == 1 and set(data[0]) == {"id", "type", "name", "aliases", "mention_count"}


def test_cli_statements_of_an_actor_found_by_alias(analysed_db):
    data = json.loads(runner.invoke(app, ["--db", analysed_db, "statements", "--actor", "dalil", "--json"]).stdout)
    assert data and all(x["speaker_id"] == data[0]["speaker_id"] for x in data)
    assert any("25 million" in x["content"] for x in data)
    missing = runner.invoke(app, ["--db", analysed_db, "statements", "--actor", "Nobody Here"])
    assert missing.exit_code == 2 and "no actor named 'Nobody Here'; close names:" in missing.output


def test_cli_show_prints_one_record_by_id(analysed_db):
    entity = json.loads(runner.invoke(app, ["--db", analysed_db, "entities", "--json", "--limit", "1"]).stdout)[0]
    shown = runner.invoke(app, ["--db", analysed_db, "show", entity["id"], "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout) == entity
    table = runner.invoke(app, ["--db", analysed_db, "show", entity["id"]])
    assert entity["name"] in table.stdout
    bad = runner.invoke(app, ["--db", analysed_db, "show", "xyz"])
    assert bad.exit_code == 2 and "expected an id starting with doc_" in bad.output
    gone = runner.invoke(app, ["--db", analysed_db, "show", "ent_00000000000000000000"])
    assert gone.exit_code == 1


def test_cli_findings_empty_listing_says_so(analysed_db, tmp_path):
    result = runner.invoke(app, ["--db", analysed_db, "findings", "--kind", "numeric_conflict", "--limit", "3"])
    assert result.exit_code == 0
    bad = runner.invoke(app, ["--db", analysed_db, "findings", "--kind", "nonsense"])
    assert bad.exit_code == 2 and "invalid kind 'nonsense'" in bad.output


def test_cli_analyze_on_empty_database_says_what_to_run(tmp_path):
    result = runner.invoke(app, ["--db", _empty_db(tmp_path), "analyze"])
    assert result.exit_code == 0 and "run `storyline ingest PATH...` first" in result.output


def test_cli_export_before_analyze_says_to_analyze(tmp_path):
    db = str(tmp_path / "k.db")
    (tmp_path / "a.txt").write_text(_ARTICLE_B, encoding="utf-8")
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "a.txt")]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "export", "--format", "json"])
    assert result.exit_code == 0 and "run `storyline analyze`" in result.stderr
    assert json.loads(result.stdout)["entities"] == []


def test_cli_csv_export_to_a_name_without_suffix_writes_a_directory(analysed_db, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["--db", analysed_db, "export", "--format", "csv", "-o", str(out)]).exit_code == 0
    assert out.is_dir() and (out / "entities.csv").is_file()
    single = tmp_path / "all.csv"
    assert runner.invoke(app, ["--db", analysed_db, "export", "--format", "csv", "-o", str(single)]).exit_code == 0
    assert single.is_file()


def test_cli_analyze_reports_each_corpus_step(tmp_path, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="storyline.progress"):
        result = runner.invoke(app, ["--db", _empty_db(tmp_path), "analyze"])
    assert result.exit_code == 0, result.output
    for name in ("resolving entities", "linking watchlists", "topics and storylines", "findings", "saving"):
        assert f"Corpus (full): {name} took" in caplog.text
