"""The read-side indexes (store/derived.py): filled by replace_corpus and by migration 0004, on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import insert, select

from storyline.model import (
    Document,
    DocumentAnalysis,
    Entity,
    EntityType,
    Fact,
    Finding,
    FindingItem,
    FindingKind,
    ItemType,
    Mention,
    Statement,
    StatementKind,
)
from storyline.store import CorpusResult, open_store
from storyline.store import schema as t
from storyline.store.derived import MENTIONED, SPEAKER, SUBJECT

TEXT = ("Kemal said that Kemal and the Front had left Tarsa. "
        "Officials said the Front killed 12 people. Kemal also said nothing changed.")


def _corpus(store) -> dict[str, object]:
    doc = Document.from_text(TEXT, title="t", source="Ledger", published=dt.date(2025, 3, 4))
    store.add_document(doc)

    def mention(part: str, cluster: int, typ: EntityType, after: int = 0) -> Mention:
        s = TEXT.index(part, after)
        return Mention(doc.id, s, s + len(part), part, typ, cluster, part)

    def statement(sentence: str, content: str, speaker: str, cluster: int, said_on: dt.date | None) -> Statement:
        s = TEXT.index(sentence)
        c = TEXT.index(content, s)
        return Statement(doc.id, s, s + len(sentence), content, c, c + len(content), StatementKind.INDIRECT, speaker,
                         s, s + len(speaker), cluster, "say", None, None, 1, said_on)

    s1 = statement("Kemal said that Kemal and the Front had left Tarsa.", "Kemal and the Front had left Tarsa", "Kemal", 0,
                   dt.date(2025, 3, 1))
    s2 = statement("Officials said the Front killed 12 people.", "the Front killed 12 people", "Officials", 3, None)
    s3 = statement("Kemal also said nothing changed.", "nothing changed", "Kemal", 0, None)
    f0 = TEXT.index("12 people")
    fact = Fact(doc.id, f0, f0 + 9, "12 people", "killed", 12, subject_text="the Front", subject_cluster=1)
    mentions = (mention("Kemal", 0, EntityType.PERSON), mention("Kemal", 0, EntityType.PERSON, 10),
                mention("Front", 1, EntityType.ORGANIZATION), mention("Tarsa", 2, EntityType.PLACE),
                mention("Front", 1, EntityType.ORGANIZATION, 60), mention("Kemal", 0, EntityType.PERSON, 90))
    store.save_analyses([DocumentAnalysis(doc.id, "v1", mentions, (s1, s2, s3), (fact,), "en")])
    ents = [Entity("ent_kemal", EntityType.PERSON, "Kemal", ("Kemal",), 3), Entity("ent_front", EntityType.ORGANIZATION,
            "Front", ("Front",), 2), Entity("ent_tarsa", EntityType.PLACE, "Tarsa", ("Tarsa",), 1)]
    keys = {f"{doc.id}#0": "ent_kemal", f"{doc.id}#1": "ent_front", f"{doc.id}#2": "ent_tarsa"}
    contra = Finding(FindingKind.SELF_CONTRADICTION, (FindingItem(ItemType.STATEMENT, s1.id),
                                                      FindingItem(ItemType.STATEMENT, s3.id)), 0.7, "x")
    numeric = Finding(FindingKind.NUMERIC_CONFLICT, (FindingItem(ItemType.FACT, fact.id),), 0.5, "y")
    variant = Finding(FindingKind.NAME_VARIANT, (FindingItem(ItemType.ENTITY, "ent_tarsa"),), 0.1, "z")
    return {"doc": doc, "s1": s1, "s2": s2, "s3": s3, "fact": fact, "entities": ents, "keys": keys,
            "findings": [contra, numeric, variant]}


def _rows(store, table) -> set[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return {tuple(x) for x in conn.execute(select(table))}


def test_derived_replace_corpus_fills_entity_items_aliases_and_finding_facets(store) -> None:
    c = _corpus(store)
    store.replace_corpus(CorpusResult(c["entities"], c["keys"], findings=c["findings"]))
    doc, s1, s2, s3 = c["doc"].id, c["s1"].id, c["s2"].id, c["s3"].id
    assert _rows(store, t.entity_items) == {
        ("ent_kemal", SPEAKER, s1, doc, "2025-03-01"),  # said_on
        ("ent_kemal", SPEAKER, s3, doc, "2025-03-04"),  # else the document's date
        ("ent_front", MENTIONED, s1, doc, "2025-03-01"),
        ("ent_tarsa", MENTIONED, s1, doc, "2025-03-01"),  # Kemal names himself in s1: not "mentioned" by himself
        ("ent_front", MENTIONED, s2, doc, "2025-03-04"),
        ("ent_front", SUBJECT, c["fact"].id, doc, "2025-03-04"),
    }
    assert _rows(store, t.entity_aliases) == {("ent_kemal", "Kemal", 3, doc), ("ent_front", "Front", 2, doc),
                                              ("ent_tarsa", "Tarsa", 1, doc)}
    contra, numeric, variant = (f.id for f in c["findings"])
    assert _rows(store, t.finding_actors) == {(contra, "ent_kemal"), (numeric, "ent_front"), (variant, "ent_tarsa")}
    assert _rows(store, t.finding_sources) == {(contra, "Ledger"), (numeric, "Ledger")}


def test_derived_tables_follow_each_replace(store) -> None:
    c = _corpus(store)
    store.replace_corpus(CorpusResult(c["entities"], c["keys"], findings=c["findings"]))
    # the next corpus run resolves cluster 0 to another entity and drops the findings
    keys = {**c["keys"], f"{c['doc'].id}#0": "ent_other"}
    store.replace_corpus(CorpusResult(c["entities"], keys))
    speakers = {(e, i) for e, role, i, _d, _s in _rows(store, t.entity_items) if role == SPEAKER}
    assert speakers == {("ent_other", c["s1"].id), ("ent_other", c["s3"].id)}
    assert _rows(store, t.finding_actors) == set() and _rows(store, t.finding_sources) == set()


_LATER_COLUMNS = {"said_on_precision", "said_on_basis", "population", "relation", "baseline"}  # added by 0008


def test_derived_migration_0004_fills_tables_from_existing_results(tmp_path: Path, monkeypatch) -> None:
    from alembic import command
    from alembic.config import Config

    import storyline.store.records as records
    import storyline.store.sql as sql

    for name in ("statement_row", "fact_row"):  # a 0003 store has no columns later migrations add
        write = getattr(records, name)
        monkeypatch.setattr(records, name, lambda x, v, write=write: {k: c for k, c in write(x, v).items() if k not in _LATER_COLUMNS})

    url = "sqlite:///" + str(tmp_path / "old.db")
    store = open_store(url, migrate=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(sql.__file__).parent / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    c = _corpus(store)
    with store.engine.begin() as conn:  # corpus results as a 0003 store holds them, without the new tables
        conn.execute(insert(t.entity_keys), [{"local_key": k, "entity_id": v} for k, v in c["keys"].items()])
        conn.execute(insert(t.finding_items), [{"finding_id": f.id, "item_type": i.type.value, "item_id": i.id}
                                               for f in c["findings"] for i in f.items])
    store.migrate()
    assert len(_rows(store, t.entity_items)) == 6
    assert ("ent_kemal", "Kemal", 3, c["doc"].id) in _rows(store, t.entity_aliases)
    assert len(_rows(store, t.finding_actors)) == 3
    store.close()
