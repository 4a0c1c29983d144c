"""A full findings rebuild streamed shard by shard from the store gives what the in-memory step gives."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from storyline.config import Settings
import storyline.corpus.findings as findings_package
from storyline.corpus.findings import MAX_PER_ITEM, find_candidates, select_findings
from storyline.errors import StoreError
from storyline.services.after_update import by_document
from storyline.services.analyze import finish_analysis
from storyline.services.findings_full import FindingsContext, plan_chunks, streamed_findings, whole_findings
from storyline.store import CorpusResult, Store, open_store

from ._findings_corpus import corpus




def _cands(cands) -> list:
    return sorted(cands, key=lambda x: (x.rank(), x.explanation))


@pytest.mark.parametrize("seed, chunk_items, batch", [(1, 7, 3), (2, 40, 11), (3, 5000, 200)])
def test_streamed_rebuild_equals_the_in_memory_step(tmp_path: Path, seed: int, chunk_items: int, batch: int) -> None:
    c = corpus(60, seed)
    store = open_store("sqlite:///" + str(tmp_path / "kb.db"))
    c.save(store)
    context = FindingsContext(c.key_to_entity, c.entities)
    # the step a corpus below STREAM_ABOVE runs: every statement and fact evaluated at once
    expected = whole_findings(store, context, list(store.iter_statements()), by_document(store.iter_mentions()))
    expected_findings = expected.findings
    got = streamed_findings(store, context, chunk_items=chunk_items, batch=batch)
    assert got.staged and not got.candidates  # held in the store, not in memory
    store.replace_corpus(CorpusResult(findings_staged=True))  # the staged rows move into the live tables
    candidates, rows, pairs, buckets = _stored(store, [d.id for d in c.documents])

    assert expected.candidates, "the corpus should give candidates, or the comparison says little"
    assert len(expected_findings) >= 3
    assert _cands(candidates) == _cands(expected.candidates)
    assert sorted(rows) == sorted(expected.rows)
    assert pairs == {s: sorted(p) for s, p in expected.pairs.items()}
    assert sorted(buckets, key=repr) == sorted(expected.buckets, key=repr)
    assert got.findings == expected_findings
    assert store.staged_count() == 0
    # every claim of an entity shard and every fact view is stored for updates, as the in-memory step stores them
    assert store.claim_states([i for i, _d, _x in expected.states]) == {i: x for i, _d, x in expected.states}


def test_a_streamed_rebuild_builds_each_claim_once_however_many_chunks_hold_its_shards(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    c = corpus(60, 4)
    store = open_store("sqlite:///" + str(tmp_path / "kb.db"))
    c.save(store)
    context = FindingsContext(c.key_to_entity, c.entities)
    expected = whole_findings(store, context, list(store.iter_statements()), by_document(store.iter_mentions()))
    built: list[str] = []
    real = findings_package.build_claims

    def counting(statements, *args):
        built.extend(s.id for s in statements)
        return real(statements, *args)

    monkeypatch.setattr(findings_package, "build_claims", counting)
    got = streamed_findings(store, context, chunk_items=7, batch=5)  # many chunks, most statements in several
    assert sorted(built) == sorted(s.id for s in store.iter_statements())  # in the scan, with the rest of its document
    assert got.findings == expected.findings


def _stored(store: Store, documents: list[str]) -> tuple[list, list, dict, list]:
    """The candidates, shard rows, pairs and claim buckets in the store's live findings tables."""
    shards = store.shards_of_documents(documents)
    pairs = {s: sorted(p) for s, p in store.shard_pair_sets(shards).items()}
    return list(store.iter_finding_candidates()), store.shard_members(shards), pairs, store.claim_buckets_of_shards(shards)


def test_a_rebuild_clears_what_a_dead_one_staged_and_keeps_the_live_results_until_its_write(tmp_path: Path) -> None:
    c = corpus(30, 6)
    store = open_store("sqlite:///" + str(tmp_path / "kb.db"))
    c.save(store)
    context = FindingsContext(c.key_to_entity, c.entities)
    first = streamed_findings(store, context, chunk_items=40)
    store.replace_corpus(CorpusResult(findings=first.findings, findings_staged=True))
    live = _stored(store, [d.id for d in c.documents])
    store.stage_findings(candidates=list(store.iter_finding_candidates())[:3])  # what a rebuild that died left
    assert _stored(store, [d.id for d in c.documents]) == live  # staged rows are not live ones
    again = streamed_findings(store, context, chunk_items=40)
    assert again.findings == first.findings  # the dead rebuild's rows were cleared, not picked twice
    store.replace_corpus(CorpusResult(findings=again.findings, findings_staged=True))
    assert _stored(store, [d.id for d in c.documents]) == live


def test_chunks_hold_whole_shards_and_a_large_shard_alone() -> None:
    sizes = [("e:a", 2), ("e:b", 2), ("e:big", 10), ("f:x\x1fm", 2)]
    assert plan_chunks(sizes, limit=4) == [("e:a", "e:b"), ("e:big",), ("f:x\x1fm",)]
    assert plan_chunks(sizes, limit=100) == [("e:a", "e:b", "e:big", "f:x\x1fm")]


def test_one_dense_shard_about_one_place_and_day_stays_bounded_and_does_not_depend_on_order(tmp_path: Path) -> None:
    # every statement about the one place, all on one day: one shard holds them all, and every sort key ties on the date
    sentences = ["{G} no longer has any fighters in {P}", "{G} still has hundreds of fighters in {P}",
                 "water shortages worsened across {P} during the summer"]
    c = corpus(600, 9, per_doc=4, pools={"S": 30, "G": 1, "X": 1, "P": 1}, one_day=dt.date(2025, 5, 2), sentences=sentences)
    store = open_store("sqlite:///" + str(tmp_path / "dense.db"))
    c.save(store)
    context = FindingsContext(c.key_to_entity, c.entities)
    got = streamed_findings(store, context, chunk_items=500)
    store.replace_corpus(CorpusResult(findings_staged=True))
    candidates, rows, pairs, _buckets = _stored(store, [d.id for d in c.documents])
    place = "e:EP0"
    n = sum(1 for s, _i, _d in rows if s == place)
    assert n == 2400
    # sorted-neighbourhood blocking: each claim meets at most its 20 next neighbours in each of its few buckets
    assert len(pairs[place]) <= n * 20 * 4
    assert len(candidates) <= n * 20 * 4 + 2400

    statements, facts = list(store.iter_statements()), list(store.iter_facts())
    rng = random.Random(4)
    rng.shuffle(statements)
    rng.shuffle(facts)
    documents = store.get_documents(d.id for d in c.documents)
    shuffled = find_candidates(statements, facts, by_document(store.iter_mentions()), c.key_to_entity, c.entities, documents)
    assert _cands(shuffled.candidates) == _cands(candidates)
    assert select_findings(shuffled.candidates, MAX_PER_ITEM) == got.findings
    assert select_findings(reversed(candidates), MAX_PER_ITEM) == got.findings


def _snapshot(store: Store) -> tuple:
    findings = sorted((f.id, f.score, f.explanation, f.items) for f in store.iter_findings())
    return findings, sorted((e.id, e.local_keys) for e in store.iter_entities())


def test_a_connection_dropped_mid_step_fails_clearly_and_a_rerun_equals_a_clean_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storyline.services.findings_full.STREAM_ABOVE", 0)  # stream, as a large corpus does
    c = corpus(40, 5)
    clean = open_store("sqlite:///" + str(tmp_path / "clean.db"))
    c.save(clean)
    finish_analysis(clean, Settings(), 40, "v1", force_corpus=True)

    store = open_store("sqlite:///" + str(tmp_path / "dropped.db"))
    c.save(store)
    reads = {"n": 0}

    def drop(conn, cursor, statement, parameters, context, executemany) -> None:
        if "FROM staged_claim_states" in statement and "item_id IN" in statement:  # the shards phase, after the scan
            reads["n"] += 1
            if reads["n"] == 1:
                raise sqlite3.OperationalError("server closed the connection unexpectedly")

    event.listen(store.engine, "before_cursor_execute", drop)
    with pytest.raises(StoreError, match="lost the database .* while reading the staged claims"):
        finish_analysis(store, Settings(), 40, "v1", force_corpus=True)
    assert reads["n"] == 1
    assert store.count("findings") == 0  # nothing half-written
    event.remove(store.engine, "before_cursor_execute", drop)
    finish_analysis(store, Settings(), 0, "v1")
    assert _snapshot(store) == _snapshot(clean)
    assert store.count("findings") > 0


def test_a_connection_dropped_while_staging_fails_clearly_keeps_the_previous_results_and_a_rerun_equals_a_clean_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storyline.services.findings_full.STREAM_ABOVE", 0)
    monkeypatch.setattr("storyline.services.findings_full.CHUNK_ITEMS", 50)  # several chunks staged one by one
    c = corpus(40, 7)
    clean = open_store("sqlite:///" + str(tmp_path / "clean.db"))
    c.save(clean)
    finish_analysis(clean, Settings(), 40, "v1", force_corpus=True)

    store = open_store("sqlite:///" + str(tmp_path / "dropped.db"))
    c.save(store)
    finish_analysis(store, Settings(), 40, "v1", force_corpus=True)
    writes = {"n": 0}

    def drop(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.startswith("INSERT INTO staged_finding_candidates"):
            writes["n"] += 1
            if writes["n"] == 3:
                raise sqlite3.OperationalError("server closed the connection unexpectedly")

    event.listen(store.engine, "before_cursor_execute", drop)
    with pytest.raises(StoreError, match="cannot write to database .*server closed the connection"):
        finish_analysis(store, Settings(), 0, "v1", force_corpus=True)
    event.remove(store.engine, "before_cursor_execute", drop)
    assert _snapshot(store) == _snapshot(clean)  # the previous results stand
    assert store.staged_count() > 0  # what the dead rebuild staged waits, unused
    finish_analysis(store, Settings(), 0, "v1", force_corpus=True)
    assert _snapshot(store) == _snapshot(clean)
    assert store.staged_count() == 0
