"""One contract for every storage backend: each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.errors import NotFoundError, StoreError
from storyline.model import (
    Comparator,
    Document,
    DocumentAnalysis,
    Entity,
    EntityDecision,
    EntityType,
    Fact,
    Finding,
    FindingItem,
    FindingKind,
    ItemType,
    Link,
    Mention,
    Review,
    ReviewStatus,
    Statement,
    StatementKind,
    Storyline,
    WatchlistEntry,
    WatchlistName,
)
from storyline.store import CorpusResult, SearchQuery, open_store

TEXT = 'The spokesman Darius Kemal said "the front has been eliminated". At least 37 people were killed in 2024.'


def _doc(text: str = TEXT, **kw) -> Document:
    return Document.from_text(text, title="Kemal speaks", source="Ledger", published=dt.date(2025, 3, 4), **kw)


def _analysis(doc: Document, version: str = "v1") -> DocumentAnalysis:
    name_start = doc.text.index("Darius Kemal")
    q0 = doc.text.index("the front")
    q1 = doc.text.index('eliminated"') + len("eliminated")
    f0 = doc.text.index("At least")
    mention = Mention(doc.id, name_start, name_start + 12, "Darius Kemal", EntityType.PERSON, 0, "Darius Kemal")
    statement = Statement(doc.id, name_start, q1 + 1, doc.text[q0:q1], q0, q1, StatementKind.DIRECT,
                          speaker_text="Darius Kemal", speaker_start=name_start, speaker_end=name_start + 12,
                          speaker_cluster=0, cue="say", said_on=dt.date(2025, 3, 4))
    fact = Fact(doc.id, f0, len(doc.text) - 1, doc.text[f0:-1], "killed", 37, Comparator.GE, period="2024")
    return DocumentAnalysis(doc.id, version, (mention,), (statement,), (fact,), "en")


def test_store_add_document_is_idempotent(store):
    doc = _doc()
    first = store.add_document(doc)
    again = store.add_document(doc)
    assert first.status == "stored" and again.status == "duplicate"
    assert again.document_id == doc.id
    assert store.count("documents") == 1
    back = store.get_document(doc.id)
    assert back.text == doc.text and back.published == dt.date(2025, 3, 4) and back.source == "Ledger"


def test_store_keeps_metadata_and_unicode(store):
    doc = Document.from_text("كابل — “quoted” ‘text’ \u200f", metadata={"lang_hint": "ar", "n": [1, 2]})
    store.add_document(doc)
    back = store.get_document(doc.id)
    assert back.text == doc.text
    assert dict(back.metadata) == {"lang_hint": "ar", "n": [1, 2]}


def test_store_unknown_document_raises_not_found(store):
    with pytest.raises(NotFoundError):
        store.get_document("doc_missing")


def test_store_documents_to_analyze_follows_pipeline_version(store):
    doc = _doc()
    store.add_document(doc)
    assert store.documents_to_analyze("v1") == [doc.id]
    store.save_analyses([_analysis(doc, "v1")])
    assert store.documents_to_analyze("v1") == []
    assert store.documents_to_analyze("v2") == [doc.id]


def test_store_reanalysis_replaces_annotations_without_duplicates(store):
    doc = _doc()
    store.add_document(doc)
    store.save_analyses([_analysis(doc, "v1")])
    store.save_analyses([_analysis(doc, "v2")])
    assert store.count("mentions") == 1 and store.count("statements") == 1 and store.count("facts") == 1
    [statement] = list(store.iter_statements())
    assert statement.content == "the front has been eliminated"
    assert doc.text[statement.content_start : statement.content_end] == statement.content
    [fact] = list(store.iter_facts())
    assert fact.value == 37 and fact.comparator is Comparator.GE


def test_store_corpus_results_replace_but_reviews_survive(store):
    doc = _doc()
    store.add_document(doc)
    analysis = _analysis(doc)
    store.save_analyses([analysis])
    st = analysis.statements[0]
    entity = Entity("ent_1", EntityType.PERSON, "Darius Kemal", ("Darius Kemal",), 1)
    finding = Finding(FindingKind.SELF_CONTRADICTION, (FindingItem(ItemType.STATEMENT, st.id),), 0.8, "x")
    result = CorpusResult([entity], {f"{doc.id}#0": "ent_1"}, [Link("ent_1", "UN", "QDi.1", "KEMAL", "Darius Kemal", 0.9)],
                          {st.id: "the front"}, [Storyline("ent_1", "the front", (st.id,))], [finding])
    store.replace_corpus(result)
    store.add_review(Review(finding.id, ReviewStatus.ACCEPTED, "checked", "alice"))
    # Re-analysis regenerates the same finding (same items) with a new score and text.
    regenerated = Finding(finding.kind, finding.items, 0.6, "y")
    store.replace_corpus(CorpusResult([entity], {f"{doc.id}#0": "ent_1"}, [], {}, [], [regenerated]))
    assert store.count("findings") == 1 and store.count("links") == 0
    review = store.latest_reviews()[regenerated.id]
    assert review.status is ReviewStatus.ACCEPTED and review.reviewer == "alice" and review.note == "checked"
    assert store.get_finding(regenerated.id).explanation == "y"


def test_store_claim_states_are_replaced_by_a_rebuild_and_by_the_documents_an_update_changes(store):
    from storyline.store import CorpusUpdate

    store.replace_corpus(CorpusResult(claim_states=[("stm_a", "doc1", '["a"]'), ("stm_b", "doc2", '["b"]')]))
    assert store.claim_states(["stm_a", "stm_b", "stm_c"]) == {"stm_a": '["a"]', "stm_b": '["b"]'}
    # doc1 changed: its claims are replaced; stm_c of an unchanged document had none stored and gains one
    update = CorpusUpdate(documents={"doc1": "v1@now"}, claim_states=[("stm_a2", "doc1", '["a2"]'), ("stm_c", "doc3", "[]")])
    store.update_corpus(update, CorpusResult(), topics_included=True)
    assert store.claim_states(["stm_a", "stm_a2", "stm_b", "stm_c"]) == {"stm_a2": '["a2"]', "stm_b": '["b"]', "stm_c": "[]"}
    store.replace_corpus(CorpusResult())
    assert store.claim_states(["stm_a2", "stm_b", "stm_c"]) == {}


def test_store_candidates_read_without_explanations_are_the_stored_ones_with_empty_texts(store):
    import dataclasses

    from storyline.model import FindingCandidate

    def pair(shard: str, a: str, b: str, labels: tuple[str, str], group: str | None) -> FindingCandidate:
        return FindingCandidate(shard, 0.7, FindingKind.SOURCE_CONFLICT, (a, b), (FindingItem(ItemType.STATEMENT, a),
                                FindingItem(ItemType.STATEMENT, b)), "dd" + a + b, group, "why " + a, labels)

    stored = [pair("e:x", "stm_a", "stm_b", ("yes", "no"), "g1"), pair("e:y", "stm_a", "stm_c", ("", ""), None),
              pair("d:doc", "stm_b", "stm_c", ("yes", "no"), "g1")]
    store.replace_corpus(CorpusResult(candidates=stored))
    full = sorted(store.iter_finding_candidates(), key=FindingCandidate.rank)
    assert full == sorted(stored, key=FindingCandidate.rank)
    bare = sorted(store.iter_finding_candidates(explanations=False), key=FindingCandidate.rank)
    assert bare == [dataclasses.replace(c, explanation="") for c in full]


def test_store_review_history_keeps_every_decision(store):
    store.add_review(Review("fnd_x", ReviewStatus.ACCEPTED, "a", "alice"))
    store.add_review(Review("fnd_x", ReviewStatus.REJECTED, "b", "bob"))
    assert [r.status for r in store.review_history("fnd_x")] == [ReviewStatus.ACCEPTED, ReviewStatus.REJECTED]
    assert store.latest_reviews()["fnd_x"].reviewer == "bob"


def test_store_entity_decisions_round_trip(store):
    store.add_entity_decision(EntityDecision("merge", ("A B", "A. B."), "alice", "same man"))
    [d] = store.entity_decisions()
    assert d.action == "merge" and d.names == ("A B", "A. B.") and d.decided_at is not None


def test_store_tokens_are_stored_hashed(store):
    token = store.create_token("alice")
    assert store.token_owner(token) == "alice"
    assert store.token_owner(token + "x") is None
    from sqlalchemy import select

    from storyline.store.schema import tokens

    with store.engine.connect() as conn:
        assert token not in [r[0] for r in conn.execute(select(tokens.c.token_hash))]


def test_store_search_documents_and_statements(store):
    doc = _doc()
    store.add_document(doc)
    store.add_document(Document.from_text("Nothing relevant here.", source="Other"))
    store.save_analyses([_analysis(doc)])
    hits, total = store.search(SearchQuery("eliminated"))
    kinds = sorted(h.kind for h in hits)
    assert total == 2 and kinds == ["document", "statement"]
    assert all("\x02" in h.snippet for h in hits)
    hits, total = store.search(SearchQuery("eliminated", source="Other"))
    assert total == 0
    hits, total = store.search(SearchQuery("eliminated", since="2025-04-01"))
    assert total == 0


def test_store_search_ignores_query_syntax(store):
    store.add_document(_doc())
    for q in ['"', "AND OR NOT", "kemal*", "a:b", "'; DROP TABLE documents; --", "NEAR(", ""]:
        store.search(SearchQuery(q))
    assert store.count("documents") == 1


def test_store_watchlist_replace_is_atomic_and_idempotent(store):
    entries = [WatchlistEntry("UN", f"QDi.{i}", f"NAME {i}", EntityType.PERSON, (WatchlistName(f"Name {i}"),))
               for i in range(5)]
    assert store.replace_watchlist("UN", "un.xml", entries) == 5
    assert store.replace_watchlist("UN", "un.xml", entries[:3]) == 3
    assert [w["entry_count"] for w in store.list_watchlists()] == [3]
    assert [e.ref for e in store.iter_watchlist_entries()] == ["QDi.0", "QDi.1", "QDi.2"]


def test_store_list_documents_paginates(store):
    for i in range(7):
        store.add_document(Document.from_text(f"doc {i}", published=dt.date(2025, 1, i + 1), source="S"))
    page, total = store.list_documents(limit=3, offset=3)
    assert total == 7 and len(page) == 3
    assert page[0]["published"] == "2025-01-04"
    assert "text" not in page[0]


def test_store_failed_transaction_leaves_nothing(store):
    doc = _doc()
    store.add_document(doc)
    bad = DocumentAnalysis(doc.id, "v1", statements=(_analysis(doc).statements[0],), facts=(None,))  # type: ignore[arg-type]
    with pytest.raises(AttributeError):  # a fact that is None fails half-way through the batch
        store.save_analyses([bad])
    assert store.count("statements") == 0 and store.count("analyses") == 0


def test_open_store_in_missing_directory_fails_clearly(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store("sqlite:///" + str(tmp_path / "nope" / "x.db"))


def test_open_store_in_read_only_directory_fails_clearly(tmp_path):
    import os

    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    # root ignores permission bits; /proc is read-only for everyone.
    target = "/proc/storyline-test.db" if os.geteuid() == 0 else str(ro / "x.db")
    try:
        with pytest.raises(StoreError, match="cannot open database"):
            open_store("sqlite:///" + target)
    finally:
        ro.chmod(0o700)


def test_store_statement_described_twice_is_stored_and_indexed_once(store):
    doc = _doc()
    store.add_document(doc)
    analysis = _analysis(doc)
    store.save_analyses([DocumentAnalysis(doc.id, "v1", analysis.mentions, analysis.statements * 2, analysis.facts)])
    assert store.count("statements") == 1
    hits, total = store.search(SearchQuery("eliminated", kind="statements"))
    assert total == 1
