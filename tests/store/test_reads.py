"""The store's named read methods (store/views.py) and the one IN-chunk helper (store/lookup.py)."""

from __future__ import annotations

import datetime as dt

from storyline.model import ItemType, Review, ReviewStatus
from storyline.store import SPEAKER, SUBJECT, CorpusResult
from storyline.store.lookup import IN_CHUNK, chunks, sorted_chunks

from tests.store.test_derived import _corpus


def _loaded(store) -> dict[str, object]:
    c = _corpus(store)
    store.replace_corpus(CorpusResult(c["entities"], c["keys"], findings=c["findings"]))
    return c


def test_lookup_chunks_keep_first_order_drop_repeats_and_cap_size() -> None:
    values = [f"k{i:04d}" for i in range(IN_CHUNK + 7)][::-1] + ["k0000"]
    parts = list(chunks(values))
    assert [len(p) for p in parts] == [IN_CHUNK, 7]
    assert parts[0][0] == f"k{IN_CHUNK + 6:04d}" and parts[-1][-1] == "k0000"
    assert list(sorted_chunks(["b", "a", "b"])) == [["a", "b"]]


def test_reads_entity_of_keys_answers_only_known_keys_across_chunks(store) -> None:
    c = _loaded(store)
    doc = c["doc"].id
    unknown = [f"{doc}#{i}" for i in range(100, 100 + IN_CHUNK + 20)]
    found = store.entity_of_keys([*unknown, "", f"{doc}#2", f"{doc}#0"])
    assert found == {f"{doc}#2": "ent_tarsa", f"{doc}#0": "ent_kemal"}
    assert store.entity_of_keys([]) == {}


def test_reads_finding_records_are_the_statements_and_facts_the_items_name(store) -> None:
    c = _loaded(store)
    findings = list(store.iter_findings())
    cited = store.finding_records(findings)
    assert set(cited.statements) == {c["s1"].id, c["s3"].id}
    assert cited.statements[c["s1"].id].content == "Kemal and the Front had left Tarsa"
    assert set(cited.facts) == {c["fact"].id} and cited.facts[c["fact"].id].value == 12
    assert cited.mentions == {}
    assert not any(i.type is ItemType.MENTION for f in findings for i in f.items)


def test_reads_findings_page_filters_by_kind_and_latest_review(store) -> None:
    _loaded(store)
    items, total = store.findings_page(kind="numeric_conflict")
    assert total == 1 and items[0].status is ReviewStatus.OPEN and items[0].finding.score == 0.5
    store.add_review(Review(items[0].finding.id, ReviewStatus.REJECTED, "wrong unit", "ana",
                            dt.datetime(2025, 3, 5, tzinfo=dt.timezone.utc)))
    open_items, open_total = store.findings_page(status="open")
    assert open_total == 2 and items[0].finding.id not in {e.finding.id for e in open_items}
    rejected, _ = store.findings_page(status="rejected")
    assert [(e.note, e.reviewer) for e in rejected] == [("wrong unit", "ana")]
    ranked, _ = store.findings_page(limit=2)
    assert [e.finding.score for e in ranked] == [0.7, 0.5]


def test_reads_entity_items_are_the_entity_s_statements_and_facts(store) -> None:
    c = _loaded(store)
    said = store.entity_item_ids("ent_kemal", SPEAKER, limit=10)
    assert sorted(said) == sorted([c["s1"].id, c["s3"].id]) and store.count_entity_items("ent_kemal", SPEAKER) == 2
    assert store.entity_item_ids("ent_kemal", SPEAKER, limit=1, offset=1) == said[1:]
    assert store.entity_item_ids("ent_front", SUBJECT, limit=10) == [c["fact"].id]


def test_reads_one_document_in_text_order_with_its_annotations(store) -> None:
    c = _loaded(store)
    doc = c["doc"].id
    assert [s.id for s in store.statements_of_document(doc)] == [c["s1"].id, c["s2"].id, c["s3"].id]
    assert [f.id for f in store.facts_of_document(doc)] == [c["fact"].id]
    (annotated,) = list(store.iter_annotated_documents(with_text=False))
    assert annotated.document.id == doc and annotated.document.text == ""
    assert len(annotated.mentions) == 6 and len(annotated.statements) == 3
    assert annotated.entity_for(f"{doc}#1") == "ent_front" and annotated.entity_for(None) is None
    assert annotated.entities_between(0, len("Kemal said that Kemal and the Front had left Tarsa.")) == [
        "ent_kemal", "ent_front", "ent_tarsa"]
    assert store.document_summaries([doc])[doc]["source"] == "Ledger"
    assert store.newest_ingest() is not None
