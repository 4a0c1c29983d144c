"""An incremental findings update pairs entity shards from stored claim buckets and scores only what changed,
and leaves exactly what a full rebuild leaves: findings, candidates, pairs and buckets."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline.services.findings_update as findings_update
from storyline.config import Settings
from storyline.services.analyze import finish_analysis
from storyline.store import open_store

from ._findings_corpus import FindingsCorpus, corpus, findings_state


def _count_claims_built(monkeypatch) -> list[int]:
    """How many statements each call of the update's claim building gets, in call order."""
    built: list[int] = []
    real = findings_update.claims_of

    def counting(statements, *args, **kwargs):
        built.append(len(statements))
        return real(statements, *args, **kwargs)

    monkeypatch.setattr(findings_update, "claims_of", counting)
    return built


@pytest.mark.parametrize("seed", [11, 12])
def test_updates_in_batches_leave_what_a_full_rebuild_leaves(tmp_path: Path, seed: int, monkeypatch) -> None:
    # few places and groups: shards of well over 20 claims, so capped buckets and word rarity shift as documents arrive
    c = corpus(90, seed, pools={"S": 8, "G": 3, "X": 5, "P": 2})
    built = _count_claims_built(monkeypatch)
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    first = FindingsCorpus(c.documents[:60], c.analyses[:60], c.key_to_entity, c.entities)
    first.save(store)
    finish_analysis(store, Settings(), 60, "v1", force_corpus=True)
    for lo, hi in ((60, 63), (63, 90)):
        FindingsCorpus(c.documents[lo:hi], c.analyses[lo:hi], c.key_to_entity, c.entities).save(store)
        assert finish_analysis(store, Settings(), hi - lo, "v1").corpus_mode == "incremental"

    full = open_store("sqlite:///" + str(tmp_path / "full.db"))
    c.save(full)
    finish_analysis(full, Settings(), 90, "v1", force_corpus=True)
    got, expected = findings_state(store), findings_state(full)
    assert expected[0] and expected[1], "the corpus should give findings, or the comparison says little"
    assert expected[2] and expected[3]
    for name, a, b in zip(("findings", "candidates", "pairs", "buckets"), got, expected):
        assert a == b, name
    assert built[0] == 12  # the first update's own claims (3 documents of 4 statements)


def test_an_update_rebuilds_the_claims_of_the_pairs_it_scores_not_of_its_shards(tmp_path: Path, monkeypatch) -> None:
    c = corpus(150, 21, pools={"S": 40, "G": 12, "X": 30, "P": 6})
    built = _count_claims_built(monkeypatch)
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    FindingsCorpus(c.documents[:149], c.analyses[:149], c.key_to_entity, c.entities).save(store)
    finish_analysis(store, Settings(), 149, "v1", force_corpus=True)
    FindingsCorpus(c.documents[149:], c.analyses[149:], c.key_to_entity, c.entities).save(store)
    finish_analysis(store, Settings(), 1, "v1")
    shards = {s for s in store.shards_of_documents([c.documents[149].id]) if s.startswith("e:")}
    members = {i for _s, i, d in store.shard_members(shards) if d != c.documents[149].id}
    own, partners = built[0], sum(built[1:])
    assert own == 4
    # before stored buckets, an update built the claim of every member of the shards it touched
    assert len(members) > 100
    assert partners < len(members) / 2, (partners, len(members))

    full = open_store("sqlite:///" + str(tmp_path / "full.db"))
    c.save(full)
    finish_analysis(full, Settings(), 150, "v1", force_corpus=True)
    assert findings_state(store) == findings_state(full)


def test_an_update_writes_the_candidates_it_scored_and_leaves_the_kept_ones_stored(tmp_path: Path) -> None:
    from sqlalchemy import event

    c = corpus(150, 22, pools={"S": 40, "G": 12, "X": 30, "P": 6})
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    FindingsCorpus(c.documents[:149], c.analyses[:149], c.key_to_entity, c.entities).save(store)
    finish_analysis(store, Settings(), 149, "v1", force_corpus=True)
    stored = list(store.iter_finding_candidates())
    FindingsCorpus(c.documents[149:], c.analyses[149:], c.key_to_entity, c.entities).save(store)
    written: list[int] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.startswith("INSERT INTO finding_candidates"):
            written.append(len(parameters) if executemany else 1)

    event.listen(store.engine, "before_cursor_execute", count)
    finish_analysis(store, Settings(), 1, "v1")
    event.remove(store.engine, "before_cursor_execute", count)
    touched = {s for s in store.shards_of_documents([c.documents[149].id]) if s.startswith("e:")}
    in_touched = sum(1 for x in stored if x.shard in touched)
    assert in_touched > 100
    assert sum(written) < in_touched / 2, (sum(written), in_touched)

    full = open_store("sqlite:///" + str(tmp_path / "full.db"))
    c.save(full)
    finish_analysis(full, Settings(), 150, "v1", force_corpus=True)
    assert findings_state(store) == findings_state(full)


def _claim_states(store) -> dict[str, str]:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return dict(conn.execute(text("SELECT item_id, state FROM claim_states")).all())


def test_an_update_reads_the_claims_it_pairs_with_from_the_store_and_builds_only_its_own(tmp_path: Path, monkeypatch) -> None:
    c = corpus(150, 23, pools={"S": 40, "G": 12, "X": 30, "P": 6})
    built = _count_claims_built(monkeypatch)
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    FindingsCorpus(c.documents[:140], c.analyses[:140], c.key_to_entity, c.entities).save(store)
    finish_analysis(store, Settings(), 140, "v1", force_corpus=True)
    assert len(_claim_states(store)) > 400
    for lo, hi in ((140, 141), (141, 150)):
        FindingsCorpus(c.documents[lo:hi], c.analyses[lo:hi], c.key_to_entity, c.entities).save(store)
        built.clear()
        assert finish_analysis(store, Settings(), hi - lo, "v1").corpus_mode == "incremental"
        assert built == [4 * (hi - lo)], built  # the changed documents' own claims; every partner's was read

    full = open_store("sqlite:///" + str(tmp_path / "full.db"))
    c.save(full)
    finish_analysis(full, Settings(), 150, "v1", force_corpus=True)
    assert findings_state(store) == findings_state(full)
    assert _claim_states(store) == _claim_states(full)  # the new documents' claims are stored as a rebuild stores them


def test_after_a_streamed_rebuild_an_update_reads_the_claims_it_pairs_with_from_the_store(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("storyline.services.findings_full.STREAM_ABOVE", 0)  # stream, as a large corpus does
    c = corpus(150, 24, pools={"S": 40, "G": 12, "X": 30, "P": 6})
    built = _count_claims_built(monkeypatch)
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    FindingsCorpus(c.documents[:148], c.analyses[:148], c.key_to_entity, c.entities).save(store)
    finish_analysis(store, Settings(), 148, "v1", force_corpus=True)
    monkeypatch.setattr("storyline.services.findings_full.STREAM_ABOVE", 200_000)
    whole = open_store("sqlite:///" + str(tmp_path / "whole.db"))
    FindingsCorpus(c.documents[:148], c.analyses[:148], c.key_to_entity, c.entities).save(whole)
    finish_analysis(whole, Settings(), 148, "v1", force_corpus=True)
    assert len(_claim_states(store)) > 400
    assert _claim_states(store) == _claim_states(whole)  # the scan's claims, staged and moved in by the corpus write

    FindingsCorpus(c.documents[148:], c.analyses[148:], c.key_to_entity, c.entities).save(store)
    built.clear()
    assert finish_analysis(store, Settings(), 2, "v1").corpus_mode == "incremental"
    assert built == [8], built  # the changed documents' own claims; every partner's was read
    full = open_store("sqlite:///" + str(tmp_path / "full.db"))
    c.save(full)
    finish_analysis(full, Settings(), 150, "v1", force_corpus=True)
    assert findings_state(store) == findings_state(full)


def test_stored_claims_of_another_layout_are_built_again_and_replaced(tmp_path: Path, monkeypatch) -> None:
    from sqlalchemy import text

    c = corpus(150, 25, pools={"S": 40, "G": 12, "X": 30, "P": 6})
    built = _count_claims_built(monkeypatch)
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    FindingsCorpus(c.documents[:149], c.analyses[:149], c.key_to_entity, c.entities).save(store)
    finish_analysis(store, Settings(), 149, "v1", force_corpus=True)
    with store.engine.begin() as conn:  # as if written by code whose claims had other fields
        conn.execute(text("UPDATE claim_states SET state = '[\"000000000000\"' || substr(state, 16)"))
    FindingsCorpus(c.documents[149:], c.analyses[149:], c.key_to_entity, c.entities).save(store)
    built.clear()
    finish_analysis(store, Settings(), 1, "v1")
    assert sum(built[1:]) > 0  # the partners were built, not read

    full = open_store("sqlite:///" + str(tmp_path / "full.db"))
    c.save(full)
    finish_analysis(full, Settings(), 150, "v1", force_corpus=True)
    assert findings_state(store) == findings_state(full)
    rebuilt = {i: x for i, x in _claim_states(store).items() if not x.startswith('["000000000000"')}
    expected = _claim_states(full)
    bad = [(x, expected[i]) for i, x in rebuilt.items() if expected[i] != x]
    assert rebuilt and not bad, bad[:1]
