"""dump/restore round-trips the whole knowledge base, decisions included, across backends."""

from __future__ import annotations

import gzip

import pytest

from storyline.errors import InputError, UsageError
from storyline.model import EntityDecision, Review, ReviewStatus
from storyline.store import SearchQuery, open_store
from storyline.store.backup import dump, restore

from .test_contract import _analysis, _doc


def _fill(store):
    doc = _doc()
    store.add_document(doc)
    store.save_analyses([_analysis(doc)])
    store.add_review(Review("fnd_1", ReviewStatus.ACCEPTED, "ok", "alice"))
    store.add_entity_decision(EntityDecision("merge", ("A", "B"), "bob"))
    store.create_token("carol")
    return doc


def test_backup_round_trip_to_sqlite(store, tmp_path):
    doc = _fill(store)
    counts = dump(store, tmp_path / "kb.gz")
    assert counts["documents"] == 1 and counts["reviews"] == 1
    target = open_store("sqlite:///" + str(tmp_path / "restored.db"))
    restored = restore(target, tmp_path / "kb.gz")
    assert restored == {k: v for k, v in counts.items() if v}
    assert target.get_document(doc.id).text == doc.text
    assert target.latest_reviews()["fnd_1"].note == "ok"
    assert target.entity_decisions()[0].names == ("A", "B")
    assert target.search(SearchQuery("eliminated"))[1] == 2
    # New decisions after a restore get fresh ids.
    target.add_review(Review("fnd_1", ReviewStatus.REJECTED, "changed", "dave"))
    assert target.latest_reviews()["fnd_1"].reviewer == "dave"


@pytest.mark.postgres
def test_backup_sqlite_dump_restores_into_postgresql(tmp_path, pg_server):
    from tests import pg

    source = open_store("sqlite:///" + str(tmp_path / "src.db"))
    _fill(source)
    dump(source, tmp_path / "kb.gz")
    target = open_store(pg.new_database(pg_server, "restore_target").replace("postgresql://", "postgresql+psycopg://"))
    restore(target, tmp_path / "kb.gz")
    target.add_review(Review("fnd_1", ReviewStatus.REJECTED, "after restore", "erin"))
    assert [r.reviewer for r in target.review_history("fnd_1")] == ["alice", "erin"]


def test_backup_restore_refuses_non_empty_database(store, tmp_path):
    _fill(store)
    dump(store, tmp_path / "kb.gz")
    with pytest.raises(UsageError, match="empty database"):
        restore(store, tmp_path / "kb.gz")


def test_backup_restore_rejects_foreign_file(store, tmp_path):
    bad = tmp_path / "bad.gz"
    with gzip.open(bad, "wt") as fh:
        fh.write('{"something": "else"}\n')
    with pytest.raises(InputError, match="not a Storyline dump"):
        restore(store, bad)
    junk = tmp_path / "junk.gz"
    junk.write_bytes(b"\x00\x01 not gzip")
    with pytest.raises(InputError, match="cannot read dump"):
        restore(store, junk)


def test_backup_leaves_out_the_session_secret(store, tmp_path):
    from storyline.store.backup import SESSION_SECRET_KEY

    _fill(store)
    store.set_state(SESSION_SECRET_KEY, "s" * 64)
    store.set_state("corpus_basis", "abc")
    dump(store, tmp_path / "kb.gz")
    with gzip.open(tmp_path / "kb.gz", "rt", encoding="utf-8") as fh:
        body = fh.read()
    assert "s" * 64 not in body and SESSION_SECRET_KEY not in body
    target = open_store("sqlite:///" + str(tmp_path / "restored.db"))
    restore(target, tmp_path / "kb.gz")
    assert target.get_state(SESSION_SECRET_KEY) is None
    assert target.get_state("corpus_basis") == "abc"
