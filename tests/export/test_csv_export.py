from __future__ import annotations

import csv
import io
import json

import pytest

from storyline.export import export
from storyline.export.contract import document_dict, entity_dict, fact_dict, finding_dict, statement_dict
from storyline.export.csv_export import COLUMNS, write_csv

from .conftest import ARABIC, HOSTILE_QUOTE, Corpus


def test_csv_columns_cover_every_contract_field(corpus: Corpus) -> None:
    d, e, s, f = corpus.docs[0], corpus.mujahid, corpus.statements[0], corpus.facts[0]
    assert set(document_dict(d)) == set(COLUMNS["documents"])
    assert set(entity_dict(e)) == set(COLUMNS["entities"])
    assert set(statement_dict(s, {})) == set(COLUMNS["statements"])
    assert set(fact_dict(f, {})) | {"value_max"} == set(COLUMNS["facts"])
    assert set(finding_dict(corpus.numbers, note="x")) == set(COLUMNS["findings"])


def test_csv_single_stream_names_the_record_type(corpus: Corpus) -> None:
    out = io.StringIO()
    write_csv(corpus.store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["record"] for r in rows].count("statement") == 2
    statement = next(r for r in rows if r["record"] == "statement" and r["id"] == corpus.statements[0].id)
    assert statement["content"] == HOSTILE_QUOTE
    assert statement["speaker_id"] == corpus.mujahid.id
    entity = next(r for r in rows if r["record"] == "entity" and r["id"] == corpus.mujahid.id)
    assert ARABIC in json.loads(entity["aliases"])
    assert entity["url"] == ""  # other types' columns stay empty


def test_csv_directory_has_one_file_per_record_type(corpus: Corpus, tmp_path) -> None:
    target = tmp_path / "out"
    export(corpus.store, "csv", str(target) + "/")
    files = sorted(p.name for p in target.iterdir())
    assert files == sorted(f"{name}.csv" for name in COLUMNS)
    with (target / "documents.csv").open(encoding="utf-8", newline="") as fh:
        docs = {r["id"]: r for r in csv.DictReader(fh)}
    assert docs[corpus.docs[1].id]["text"] == corpus.docs[1].text  # newlines, quotes and pipes survive
    assert docs[corpus.docs[1].id]["source"] == "Reuters, Asia"
    assert docs[corpus.docs[2].id]["published"] == ""
    with (target / "findings.csv").open(encoding="utf-8", newline="") as fh:
        findings = list(csv.DictReader(fh))
    assert list(findings[0]) == list(COLUMNS["findings"])
    items = json.loads(next(r for r in findings if r["id"] == corpus.numbers.id)["items"])
    assert {i["id"] for i in items} == {f.id for f in corpus.facts}


def test_csv_directory_refuses_a_file_in_the_way(corpus: Corpus, tmp_path) -> None:
    from storyline.errors import UsageError
    from storyline.export.csv_export import write_csv_dir

    blocker = tmp_path / "taken"
    blocker.write_text("x")
    with pytest.raises(UsageError, match="not a directory"):
        write_csv_dir(corpus.store, blocker)
