"""Reviews made before findings were disputes (each pair was a finding, its id from its items) still show on the dispute."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import insert, select

from storyline import queries
from storyline.model import Finding, FindingItem, FindingKind, FindingSide, ItemType, Review, ReviewStatus, items_finding_id
from storyline.services.review import review_finding
from storyline.store import CorpusResult, open_store
from storyline.store import schema as t

A, B, C = (FindingItem(ItemType.STATEMENT, f"stm_{x}") for x in "abc")


def _dispute(*extra: FindingItem) -> Finding:
    """One question, two positions: A says the mayor resigned; B and C (and any extra) say he did not."""
    return Finding(FindingKind.SOURCE_CONFLICT, (A, B, C, *extra), 0.8, "x",
                   (FindingSide("resigned", (A,)), FindingSide("not resigned", (B, C, *extra))), question="source_conflict|resign|mayor")


def test_former_ids_name_each_pair_across_two_sides_not_pairs_of_one_side() -> None:
    f = _dispute()
    assert f.former_ids() == [items_finding_id(f.kind, (A, B)), items_finding_id(f.kind, (A, C))]
    assert items_finding_id(f.kind, (B, C)) not in f.former_ids()
    assert f.id not in f.former_ids()


def test_review_of_a_pair_before_disputes_shows_on_the_dispute_that_holds_the_pair(store) -> None:
    old = items_finding_id(FindingKind.SOURCE_CONFLICT, (A, B))  # the id the pair had as a finding of its own
    store.add_review(Review(old, ReviewStatus.ACCEPTED, "checked both articles", "ana"))
    store.replace_corpus(CorpusResult(findings=[_dispute()]))
    f = _dispute()
    assert store.latest_reviews()[f.id].status is ReviewStatus.ACCEPTED
    assert [r.note for r in store.review_history(f.id)] == ["checked both articles"]
    entry = queries.get_finding_entry(store, f.id)
    assert entry.status is ReviewStatus.ACCEPTED and entry.reviewer == "ana"
    assert queries.get_finding_entry(store, old).finding.id == f.id  # an old link still opens the finding
    assert store.get_finding(old).id == f.id


def test_a_newer_review_on_the_dispute_wins_and_aliases_follow_each_analysis(store) -> None:
    old = items_finding_id(FindingKind.SOURCE_CONFLICT, (A, C))
    store.add_review(Review(old, ReviewStatus.ACCEPTED, "", "ana"))
    store.replace_corpus(CorpusResult(findings=[_dispute()]))
    f = _dispute()
    review_finding(store, old, "rejected", "same event told twice", "ben")  # through an old link: kept by the current id
    assert store.latest_reviews()[f.id].status is ReviewStatus.REJECTED
    assert queries.findings_page(store, ids=[f.id]).items[0].status is ReviewStatus.REJECTED
    assert [r.finding_id for r in store.review_history(f.id)] == [old, f.id]
    store.replace_corpus(CorpusResult(findings=[]))  # the dispute is gone: its old ids lead nowhere
    with store.engine.connect() as conn:
        assert conn.execute(select(t.finding_aliases)).all() == []


def test_migration_0010_fills_aliases_from_the_stored_findings(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    import storyline.store.sql as sql

    url = "sqlite:///" + str(tmp_path / "old.db")
    store = open_store(url, migrate=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(sql.__file__).parent / "migrations"))
    f = _dispute()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
        conn.execute(insert(t.findings).values(
            id=f.id, kind=f.kind.value, items=json.dumps([[i.type.value, i.id] for i in f.items]), score=f.score,
            explanation="x", question=f.question,
            sides=json.dumps([[s.label, [[i.type.value, i.id] for i in s.items]] for s in f.sides])))
    store.migrate()
    with store.engine.connect() as conn:
        rows = set(conn.execute(select(t.finding_aliases.c.old_id, t.finding_aliases.c.finding_id)).all())
    assert rows == {(old, f.id) for old in f.former_ids()}
    store.close()
