"""watchlist add / list through the CLI, and links after analyze (the real UN list from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

from .conftest import SHARED

REPO = Path(__file__).resolve().parents[1]
UN_LIST = SHARED / "watchlists" / "un-consolidated-2025-08.xml"
runner = CliRunner()


def test_watchlist_add_rejects_empty_and_foreign_files(tmp_path):
    db = str(tmp_path / "w.db")
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    foreign = tmp_path / "rss.xml"
    foreign.write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    for path in (empty, foreign, tmp_path / "missing.xml"):
        result = runner.invoke(app, ["watchlist", "add", "--db", db, str(path)])
        assert result.exit_code == 1, result.output
        lines = [x for x in result.output.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"error: {path}")
    assert runner.invoke(app, ["watchlist", "list", "--db", db]).output.strip() == ""


@pytest.mark.skipif(not UN_LIST.exists(), reason="UN Consolidated List not found in ../shared/watchlists")
def test_watchlist_links_seed_names_to_un_entries(tmp_path, nlp):
    db = str(tmp_path / "w.db")
    result = runner.invoke(app, ["watchlist", "add", "--db", db, str(UN_LIST), "--name", "UN SC"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["watchlist", "list", "--db", db]).output
    assert listed.startswith("UN SC\t") and "entries" in listed
    assert runner.invoke(app, ["ingest", "--db", db, str(REPO / "examples" / "sat-shifting-storylines.txt")]).exit_code == 0
    assert runner.invoke(app, ["analyze", "--db", db]).exit_code == 0
    data = json.loads(runner.invoke(app, ["export", "--db", db]).stdout)
    names = {e["id"]: e["name"] for e in data["entities"]}
    linked = {(names[link["entity_id"]], link["ref"]) for link in data["links"]}
    assert ("Shahab al-Muhajir", "QDi.431") in linked
    for link in data["links"]:
        assert link["list"] == "UN SC" and 0 < link["score"] <= 1 and link["matched"]
