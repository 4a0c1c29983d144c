"""Statement dates keep their precision and basis, facts their population, relation and baseline, through the store
and into the JSON contract (each test runs on SQLite and on PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from storyline.export.contract import fact_dict, statement_dict
from storyline.model import (
    DateBasis,
    DatePrecision,
    Document,
    DocumentAnalysis,
    Fact,
    FactRelation,
    Statement,
    StatementKind,
)

TEXT = "In March, the governor said the plant would close. Output fell from 175 to 120 gigawatts; 13 U.S. service members died."


def _analysis() -> tuple[Document, Statement, Fact, Fact]:
    doc = Document.from_text(TEXT, source="Ledger", published=dt.date(2025, 7, 21))
    c0 = TEXT.index("the plant")
    c1 = TEXT.index(" would close") + len(" would close")
    st = Statement(doc.id, 0, c1, TEXT[c0:c1], c0, c1, StatementKind.INDIRECT, cue="say", said_on=dt.date(2025, 3, 1),
                   said_on_precision=DatePrecision.MONTH, said_on_basis=DateBasis.TEXT)
    f0 = TEXT.index("from 175")
    change = Fact(doc.id, f0, f0 + 24, TEXT[f0 : f0 + 24], "gigawatts", 120, relation=FactRelation.CHANGE, baseline=175)
    k0 = TEXT.index("13 U.S.")
    count = Fact(doc.id, k0, k0 + 27, TEXT[k0 : k0 + 27], "killed", 13, population="U.S. service members")
    return doc, st, change, count


def test_store_keeps_said_on_precision_and_fact_relation(store):
    doc, st, change, count = _analysis()
    store.add_document(doc)
    store.save_analyses([DocumentAnalysis(doc.id, "v1", (), (st,), (change, count), "en")])
    assert list(store.iter_statements(doc.id)) == [st]
    assert sorted(store.iter_facts(doc.id), key=lambda f: f.start) == [change, count]


def test_contract_writes_said_on_to_its_precision_with_its_basis():
    _, st, change, count = _analysis()
    out = statement_dict(st, {})
    assert (out["said_on"], out["said_on_basis"], out["said_on_precision"]) == ("2025-03", "text", "month")
    undated = statement_dict(Statement("d", 0, 1, "x", 0, 1, StatementKind.DIRECT), {})
    assert undated["said_on"] is None and undated["said_on_basis"] is None
    assert fact_dict(change, {})["relation"] == "change" and fact_dict(change, {})["baseline"] == 175
    assert fact_dict(count, {})["population"] == "U.S. service members" and fact_dict(count, {})["relation"] == "count"
