from __future__ import annotations

import io
import json
from collections import Counter

from storyline.export.json_export import write_json
from storyline.export.jsonl import write_jsonl

from .conftest import ARABIC, HOSTILE_QUOTE, Corpus


def _lines(corpus: Corpus) -> list[dict]:
    out = io.StringIO()
    write_jsonl(corpus.store, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_jsonl_one_record_per_line_with_its_type(corpus: Corpus) -> None:
    counts = Counter(r["record"] for r in _lines(corpus))
    assert counts == {"document": 3, "entity": 5, "mention": 12, "statement": 2, "fact": 2, "link": 1,
                      "storyline": 1, "finding": 2}


def test_jsonl_records_equal_the_json_export(corpus: Corpus) -> None:
    whole = io.StringIO()
    write_json(corpus.store, whole)
    sections = json.loads(whole.getvalue())
    by_type: dict[str, list[dict]] = {}
    for record in _lines(corpus):
        by_type.setdefault(record.pop("record"), []).append(record)
    assert by_type["statement"] == sections["statements"]
    assert by_type["finding"] == sections["findings"]
    assert by_type["document"] == sections["documents"]


def test_jsonl_keeps_hostile_text_on_one_line(corpus: Corpus) -> None:
    records = _lines(corpus)
    statement = next(r for r in records if r["record"] == "statement" and r["id"] == corpus.statements[0].id)
    assert statement["content"] == HOSTILE_QUOTE
    document = next(r for r in records if r["record"] == "document" and r["id"] == corpus.docs[0].id)
    assert document["text"] == corpus.docs[0].text and ARABIC in document["text"]
    finding = next(r for r in records if r["record"] == "finding" and r["id"] == corpus.contradiction.id)
    assert finding["status"] == "accepted" and finding["note"] == "checked <both>"


def test_jsonl_offsets_reproduce_the_quoted_text(corpus: Corpus) -> None:
    records = _lines(corpus)
    texts = {r["id"]: r["text"] for r in records if r["record"] == "document"}
    for r in records:
        if r["record"] == "mention":
            assert texts[r["document_id"]][r["start"]:r["end"]] == r["text"]
        if r["record"] == "statement":
            assert texts[r["document_id"]][r["content_start"]:r["content_end"]] == r["content"]


def test_jsonl_of_an_empty_store_is_empty(empty_store) -> None:
    out = io.StringIO()
    write_jsonl(empty_store, out)
    assert out.getvalue() == ""
