"""The README's main job on the bundled corpus: ingest, analyze, export — and again, unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, nlp) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "kb.db"
    _run("ingest", "--db", str(db), str(EXAMPLES))
    _run("analyze", "--db", str(db))
    return db


@pytest.fixture(scope="module")
def exported(demo_db) -> dict:
    return json.loads(_run("export", "--db", str(demo_db), "--format", "json"))


def test_e2e_export_matches_contract(exported):
    assert exported["schema"] == "storyline/1"
    docs = {d["id"]: d for d in exported["documents"]}
    assert len(docs) >= 5
    for d in docs.values():
        assert set(d) >= {"id", "external_id", "title", "url", "source", "published", "sha256", "chars", "text"}
        assert d["chars"] == len(d["text"])
    seed = [d for d in docs.values() if d["source"] == "South Asia Times (SAT Commentary)"]
    assert len(seed) == 1
    entity_ids = {e["id"] for e in exported["entities"]}
    for e in exported["entities"]:
        assert e["type"] in {"person", "organization", "place", "event", "other"}
        assert e["name"] in e["aliases"]
    for m in exported["mentions"]:
        assert m["entity_id"] in entity_ids
        assert docs[m["document_id"]]["text"][m["start"] : m["end"]] == m["text"]
    for s in exported["statements"]:
        text = docs[s["document_id"]]["text"]
        assert text[s["content_start"] : s["content_end"]] == s["content"]
        assert s["start"] <= s["content_start"] <= s["content_end"] <= s["end"]
        assert s["kind"] in {"direct", "indirect", "mixed"}
        assert s["speaker_id"] is None or s["speaker_id"] in entity_ids
    for f in exported["facts"]:
        assert docs[f["document_id"]]["text"][f["start"] : f["end"]] == f["text"]
        assert f["comparator"] in {"eq", "gt", "ge", "lt", "le", "approx"}
    statement_ids = {s["id"] for s in exported["statements"]}
    for sl in exported["storylines"]:
        assert sl["actor_id"] in entity_ids and set(sl["statement_ids"]) <= statement_ids
    fact_ids = {f["id"] for f in exported["facts"]}
    for f in exported["findings"]:
        assert f["kind"] in {"self_contradiction", "source_conflict", "numeric_conflict", "name_variant"}
        assert f["status"] == "open" and f["explanation"]
        for item in f["items"]:
            assert item["id"] in {"statement": statement_ids, "fact": fact_ids, "entity": entity_ids}.get(
                item["type"], {item["id"]}
            )


def test_e2e_found_something_in_every_record_type(exported):
    for key in ("entities", "mentions", "statements", "facts", "storylines", "findings"):
        assert exported[key], f"no {key} in the demo corpus"


def test_e2e_rerunning_ingest_and_analyze_changes_nothing(demo_db, exported):
    _run("ingest", "--db", str(demo_db), str(EXAMPLES))
    _run("analyze", "--db", str(demo_db))
    again = json.loads(_run("export", "--db", str(demo_db), "--format", "json"))
    assert again == exported
