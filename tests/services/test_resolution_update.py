"""Incremental resolution (services/resolution_update.py): the same entities as a full rebuild, whatever the order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.model import DocumentAnalysis, EntityDecision
from storyline.services.analyze import finish_analysis
from storyline.store import Store, open_store
from tests.services._resolution_corpus import analysis as _analysis
from tests.services._resolution_corpus import add as _add


def _snapshot(store: Store) -> tuple:
    entities = sorted((e.id, e.type, e.name, e.aliases, e.mention_count, e.local_keys, e.evidence) for e in store.iter_entities())
    return entities, sorted(store.key_to_entity().items())


def _full(tmp: Path, analyses: list[DocumentAnalysis], decisions=()) -> tuple:
    store = open_store("sqlite:///" + str(tmp / "full.db"))
    for d in decisions:
        store.add_entity_decision(d)
    _add(store, analyses)
    finish_analysis(store, Settings(), len(analyses), "v1", force_corpus=True)
    snap = _snapshot(store)
    store.close()
    return snap


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_adding_documents_in_batches_gives_the_entities_of_a_full_rebuild(tmp_path: Path, seed: int, monkeypatch) -> None:
    import storyline.corpus.resolve as resolve
    import storyline.services.resolution_update as update

    monkeypatch.setattr(resolve, "BLOCK_CAP", 6)  # small, so blocks go over the cap while documents arrive
    monkeypatch.setattr(update, "BLOCK_CAP", 6)
    rng = random.Random(seed)
    analyses = [_analysis(f"d{seed}{i:03d}", rng) for i in range(40)]
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    _add(store, analyses[:10])
    finish_analysis(store, Settings(), 10, "v1")
    done = 10
    for size in (1, 3, 7, 19):
        _add(store, analyses[done : done + size])
        report = finish_analysis(store, Settings(), size, "v1")
        assert not report.corpus_skipped
        done += size
    assert store.corpus_changes() == ({}, [])
    assert _snapshot(store) == _full(tmp_path, analyses)


def test_reanalysed_document_is_taken_out_of_its_old_entities(tmp_path: Path) -> None:
    rng = random.Random(9)
    analyses = [_analysis(f"r{i:03d}", rng) for i in range(30)]
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    _add(store, analyses)
    finish_analysis(store, Settings(), 30, "v1")
    changed = [_analysis(a.document_id, rng, "v2") for a in analyses[:3]]
    store.save_analyses(changed)
    new_docs, gone = store.corpus_changes()
    assert set(new_docs) == set(gone) == {a.document_id for a in changed}
    finish_analysis(store, Settings(), 3, "v2")
    assert _snapshot(store) == _full(tmp_path, changed + analyses[3:])


def test_a_decision_rebuilds_in_full_and_later_documents_respect_it(tmp_path: Path) -> None:
    rng = random.Random(5)
    analyses = [_analysis(f"k{i:03d}", rng) for i in range(30)]
    decision = EntityDecision("split", ("Khalil Haqqani", "Khalil Ahmed Haqqani"))
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    _add(store, analyses[:20])
    finish_analysis(store, Settings(), 20, "v1")
    store.add_entity_decision(decision)
    finish_analysis(store, Settings(), 0, "v1")
    _add(store, analyses[20:])
    finish_analysis(store, Settings(), 10, "v1")
    assert _snapshot(store) == _full(tmp_path, analyses, [decision])


def test_nothing_changed_skips_the_corpus_steps(store: Store) -> None:
    rng = random.Random(4)
    _add(store, [_analysis(f"s{i}", rng) for i in range(5)])
    assert not finish_analysis(store, Settings(), 5, "v1").corpus_skipped
    before = _snapshot(store)
    assert finish_analysis(store, Settings(), 0, "v1").corpus_skipped
    _add(store, [_analysis("s9", rng)])
    assert not finish_analysis(store, Settings(), 1, "v1").corpus_skipped
    assert _snapshot(store) != before


def test_a_superseded_document_leaves_the_entities_it_alone_held(tmp_path: Path) -> None:
    from sqlalchemy import insert

    from storyline.store.posts_schema import superseded

    rng = random.Random(11)
    analyses = [_analysis(f"g{i:03d}", rng) for i in range(30)]
    store = open_store("sqlite:///" + str(tmp_path / "inc.db"))
    _add(store, analyses)
    finish_analysis(store, Settings(), 30, "v1")
    gone = [a.document_id for a in analyses[:4]]
    with store.engine.begin() as conn:
        conn.execute(insert(superseded), [{"document_id": d, "by_document_id": "newer", "superseded_at": "now"} for d in gone])
    assert store.drop_superseded_annotations() == 4
    assert store.corpus_changes() == ({}, sorted(gone))
    report = finish_analysis(store, Settings(), 0, "v1")
    assert report.corpus_mode == "incremental"
    assert not any(k.split("#")[0] in gone for k in store.key_to_entity())
    assert _snapshot(store) == _full(tmp_path, analyses[4:])
