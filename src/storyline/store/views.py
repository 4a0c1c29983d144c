"""The store's views: what the web pages, the JSON API, the terminal listings and the exports read.

Every method returns the typed records of :mod:`storyline.model` (or the small
read records below) and is bounded: lists are cut by LIMIT/OFFSET in SQL or
asked by id in chunks (:mod:`.lookup`), never a whole table per request. Page
shaping (which lists a page shows, how they are grouped) stays with the callers
(:mod:`storyline.queries`, :mod:`storyline.web`, :mod:`storyline.export`); no
module outside ``store/`` knows a table or a column.

Part of :class:`~storyline.store.sql.Store` (its views role), over :class:`~storyline.store.reader.StoreReader`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select

from .. import model as m
from . import records as r
from . import schema as t
from .lookup import chunks, rows_where_in
from .reader import StoreReader

__all__ = ["AnnotatedDocument", "FindingEntry", "FindingRecords", "StoreViews"]

_SUMMARY_COLS = ("id", "external_id", "title", "url", "source", "published", "sha256", "chars", "language",
                 "ingested_at", "author", "format", "near_duplicate_of")
_ANNOTATION_BATCH = 200


@dataclass(frozen=True)
class FindingEntry:
    """A finding with its current review."""

    finding: m.Finding
    status: m.ReviewStatus
    note: str | None
    reviewer: str | None
    decided_at: str | None


@dataclass(frozen=True)
class FindingRecords:
    """The statements, facts and mentions that findings cite, by id (what each item points to)."""

    statements: dict[str, m.Statement] = field(default_factory=dict)
    facts: dict[str, m.Fact] = field(default_factory=dict)
    mentions: dict[str, m.Mention] = field(default_factory=dict)


@dataclass(frozen=True)
class AnnotatedDocument:
    """A document with the mentions, statements and facts inside it and the entity each local cluster resolved to."""

    document: m.Document
    mentions: tuple[m.Mention, ...]  # in text order
    statements: tuple[m.Statement, ...]  # in text order
    facts: tuple[m.Fact, ...]  # in text order
    entity_of: Mapping[str, str] = field(default_factory=dict)  # local key -> entity id (this document only)

    def entity_for(self, local_key: str | None) -> str | None:
        return self.entity_of.get(local_key) if local_key else None

    def entities_between(self, start: int, end: int) -> list[str]:
        """Entity ids of the mentions inside [start, end), in text order, each once."""
        out: dict[str, None] = {}
        for x in self.mentions:
            if x.start >= start and x.end <= end:
                entity_id = self.entity_of.get(x.local_key)
                if entity_id:
                    out[entity_id] = None
        return list(out)


def _items_of(findings: Iterable[m.Finding], kind: m.ItemType) -> list[str]:
    return [i.id for f in findings for i in f.items if i.type is kind]


class StoreViews(StoreReader):
    """Named, bounded reads for pages, the API, the terminal listings and the exports."""

    # -- lookups by id -------------------------------------------------------
    def entity_of_keys(self, local_keys: Iterable[str]) -> dict[str, str]:
        """The entity id of each of the given local keys that resolved to one (the one key → entity lookup)."""
        ek = t.entity_keys
        wanted = [k for k in local_keys if k]
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = rows_where_in(conn, select(ek.c.local_key, ek.c.entity_id), ek.c.local_key, wanted)
        return {str(k): str(e) for k, e in rows}

    def entity_names_of(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """Entity id → name, for the given ids."""
        ids = [i for i in entity_ids if i]
        if not ids:
            return {}
        with self.engine.connect() as conn:
            return {i: n for i, n in rows_where_in(conn, select(t.entities.c.id, t.entities.c.name), t.entities.c.id, ids)}

    def document_summaries(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, source, dates and sizes of the given documents (no text)."""
        cols = [t.documents.c[name] for name in _SUMMARY_COLS]
        with self.engine.connect() as conn:
            return {row["id"]: dict(row) for row in
                    (x._mapping for x in rows_where_in(conn, select(*cols), t.documents.c.id, ids))}

    def mentions_by_ids(self, ids: Iterable[str]) -> dict[str, m.Mention]:
        with self.engine.connect() as conn:
            rows = rows_where_in(conn, select(t.mentions), t.mentions.c.id, ids)
        return {x._mapping["id"]: r.mention_from_row(x._mapping) for x in rows}

    def finding_records(self, findings: Iterable[m.Finding]) -> FindingRecords:
        """What the findings' items point to: their statements, facts and mentions (entities are ids already)."""
        findings = list(findings)
        return FindingRecords(
            statements=self.statements_by_ids(_items_of(findings, m.ItemType.STATEMENT)),
            facts=self.facts_by_ids(_items_of(findings, m.ItemType.FACT)),
            mentions=self.mentions_by_ids(_items_of(findings, m.ItemType.MENTION)),
        )

    # -- one document --------------------------------------------------------
    def statements_of_document(self, document_id: str) -> list[m.Statement]:
        """The document's statements in text order, each with its topic."""
        st = t.statements
        with self.engine.connect() as conn:
            rows = conn.execute(select(st).where(st.c.document_id == document_id).order_by(st.c.start)).mappings().all()
        topics = self.topics([x["id"] for x in rows])
        return sorted((r.statement_from_row(x, topics.get(x["id"])) for x in rows), key=lambda s: (s.start, s.end))

    def facts_of_document(self, document_id: str) -> list[m.Fact]:
        """The document's facts in text order."""
        f = t.facts
        with self.engine.connect() as conn:
            rows = conn.execute(select(f).where(f.c.document_id == document_id).order_by(f.c.start)).mappings().all()
        return sorted((r.fact_from_row(x) for x in rows), key=lambda x: (x.start, x.end))

    def near_duplicate_of(self, document_id: str) -> str | None:
        """The document this one was stored as a near-duplicate of, if any."""
        with self.engine.connect() as conn:
            value = conn.execute(select(t.documents.c.near_duplicate_of).where(t.documents.c.id == document_id)).scalar()
        return str(value) if value else None

    def near_duplicates_of(self, document_id: str, *, limit: int = 10) -> list[str]:
        """Documents stored as near-duplicates of this one (a partial-index lookup), at most ``limit``."""
        d = t.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(d.c.id).where(d.c.near_duplicate_of == document_id).order_by(d.c.id).limit(limit))
            return [x[0] for x in rows]

    def keys_of_entity(self, entity_id: str, *, limit: int) -> list[str]:
        """Up to ``limit`` local keys resolved to the entity."""
        ek = t.entity_keys
        with self.engine.connect() as conn:
            return [k for (k,) in conn.execute(select(ek.c.local_key).where(ek.c.entity_id == entity_id).limit(limit))]

    # -- corpus overview -----------------------------------------------------
    def table_counts(self, names: Sequence[str]) -> dict[str, int]:
        """Row counts of the named record tables (documents, statements, facts, entities, ...)."""
        with self.engine.connect() as conn:
            return {n: conn.execute(select(func.count()).select_from(t.metadata.tables[n])).scalar_one() for n in names}

    def entities_page(self, *, types: Sequence[str] | None = None, limit: int = 20,
                      by_name: bool = False) -> tuple[list[m.Entity], int]:
        """The most-mentioned entities (of the given types), and how many there are.

        Ties are broken by id, or by name then id with ``by_name``.
        """
        e = t.entities
        cond = [e.c.type.in_(list(types))] if types else []
        order = [e.c.mention_count.desc(), *([e.c.name] if by_name else []), e.c.id]
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(e).where(*cond)).scalar_one()
            rows = conn.execute(select(e).where(*cond).order_by(*order).limit(limit)).mappings().all()
        return [r.entity_from_row(x) for x in rows], int(total)

    def newest_statements(self, *, limit: int = 20) -> tuple[list[m.Statement], int]:
        """Statements, newest said first (undated last), and how many there are."""
        s = t.statements
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(s)).scalar_one()
            rows = conn.execute(
                select(s).order_by(s.c.said_on.desc().nulls_last(), s.c.document_id, s.c.start).limit(limit)
            ).mappings().all()
        topics = self.topics([x["id"] for x in rows])
        return [r.statement_from_row(x, topics.get(x["id"])) for x in rows], int(total)

    def newest_ingest(self) -> str | None:
        """The newest ingest time in the store (ISO text), or None when it holds no documents."""
        with self.engine.connect() as conn:
            value = conn.execute(select(func.max(t.documents.c.ingested_at))).scalar()
        return str(value) if value else None

    # -- findings ------------------------------------------------------------
    def findings_page(
        self, *, kind: str | None = None, status: str | None = None, actor: str | None = None,
        source: str | None = None, min_score: float | None = None, limit: int = 20, offset: int = 0,
        ids: Sequence[str] | None = None,
    ) -> tuple[list[FindingEntry], int]:
        """Findings, best score first, with their latest review, and the total; every filter applied in SQL."""
        f = t.findings
        # the newest review per finding: one kept by the older id of one of its pairs (finding_aliases) counts
        al = t.finding_aliases
        current = func.coalesce(al.c.finding_id, t.reviews.c.finding_id)
        latest = (
            select(current.label("finding_id"), func.max(t.reviews.c.id).label("rid"))
            .select_from(t.reviews.outerjoin(al, al.c.old_id == t.reviews.c.finding_id))
            .group_by(current)
            .subquery("lr")
        )
        rv = t.reviews.alias("rv")
        base = f.outerjoin(latest, latest.c.finding_id == f.c.id).outerjoin(rv, rv.c.id == latest.c.rid)
        cond: list[Any] = []
        if kind:
            cond.append(f.c.kind == kind)
        if status:
            if status == m.ReviewStatus.OPEN.value:
                cond.append(or_(rv.c.status.is_(None), rv.c.status == status))
            else:
                cond.append(rv.c.status == status)
        if min_score is not None:
            cond.append(f.c.score >= min_score)
        if ids is not None:
            cond.append(f.c.id.in_(list(ids)))
        if actor:
            fa = t.finding_actors
            cond.append(f.c.id.in_(select(fa.c.finding_id).where(fa.c.entity_id == actor)))
        if source:
            fs = t.finding_sources
            cond.append(f.c.id.in_(select(fs.c.finding_id).where(fs.c.source == source)))
        q = (
            select(f, rv.c.status.label("review_status"), rv.c.note.label("review_note"), rv.c.reviewer,
                   rv.c.decided_at)
            .select_from(base)
            .where(*cond)
        )
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
            rows = conn.execute(q.order_by(f.c.score.desc(), f.c.id).limit(limit).offset(offset)).mappings().all()
        items = [
            FindingEntry(
                finding=r.finding_from_row(x),
                status=m.ReviewStatus(x["review_status"]) if x["review_status"] else m.ReviewStatus.OPEN,
                note=x["review_note"] or None,
                reviewer=x["reviewer"],
                decided_at=x["decided_at"],
            )
            for x in rows
        ]
        return items, int(total)

    def findings_citing(self, item_ids: Sequence[str], *, limit: int) -> list[str]:
        """Ids of up to ``limit`` findings that cite any of the given items."""
        if not item_ids:
            return []
        fi = t.finding_items.alias("fi")
        with self.engine.connect() as conn:
            return [x[0] for x in conn.execute(
                select(fi.c.finding_id).where(fi.c.item_id.in_(list(item_ids))).distinct().limit(limit)
            )]

    # -- one entity ----------------------------------------------------------
    def links_of_entity(self, entity_id: str) -> list[m.Link]:
        """The entity's watchlist links, best score first."""
        lk = t.links
        with self.engine.connect() as conn:
            rows = conn.execute(select(lk).where(lk.c.entity_id == entity_id).order_by(lk.c.score.desc(), lk.c.ref))
            return [r.link_from_row(x) for x in rows.mappings()]

    def alias_counts(self, entity_id: str, *, limit: int = 100) -> list[tuple[str, int, str | None]]:
        """(alias, mentions written so, first document) of the entity, most used first."""
        ea = t.entity_aliases
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ea.c.alias, ea.c.mention_count, ea.c.first_document_id).where(ea.c.entity_id == entity_id)
                .order_by(ea.c.mention_count.desc(), ea.c.alias).limit(limit)
            ).all()
        return [(a, n, d) for a, n, d in rows]

    def entity_item_ids(self, entity_id: str, role: str, *, limit: int, offset: int = 0) -> list[str]:
        """Ids of the entity's statements or facts in one role (speaker, mentioned, subject), newest first."""
        ei = t.entity_items
        q = (
            select(ei.c.item_id)
            .where(ei.c.entity_id == entity_id, ei.c.role == role)
            .order_by(ei.c.sort_date.desc(), ei.c.item_id.desc())
            .limit(limit).offset(offset)
        )
        with self.engine.connect() as conn:
            return [i for (i,) in conn.execute(q)]

    def count_entity_items(self, entity_id: str, role: str) -> int:
        ei = t.entity_items
        q = select(func.count()).select_from(ei).where(ei.c.entity_id == entity_id, ei.c.role == role)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    # -- storylines ----------------------------------------------------------
    def storylines_page(self, *, actor: str | None = None, topic: str | None = None, limit: int = 50,
                        offset: int = 0) -> tuple[list[m.Storyline], int]:
        """Storylines by actor and topic, and the total."""
        sl = t.storylines
        cond = []
        if actor:
            cond.append(sl.c.actor_id == actor)
        if topic:
            cond.append(sl.c.topic == topic)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(sl).where(*cond)).scalar_one()
            rows = conn.execute(
                select(sl).where(*cond).order_by(sl.c.actor_id, sl.c.topic).limit(limit).offset(offset)
            ).mappings()
            items = [r.storyline_from_row(x) for x in rows]
        return items, int(total)

    # -- documents with their annotations (graph-shaped exports) -------------
    def iter_annotated_documents(self, *, with_text: bool = True,
                                 batch: int = _ANNOTATION_BATCH) -> Iterator[AnnotatedDocument]:
        """Every document (id order) with its annotations and resolved entity keys, read in batches of documents
        (one query per table per batch; only the batch's keys are resolved): memory is bounded by the batch."""
        last = ""
        doc_cols = list(t.documents.c) if with_text else [c for c in t.documents.c if c.name != "text"]
        while True:
            with self.engine.connect() as conn:
                rows = list(
                    conn.execute(
                        select(*doc_cols).where(t.documents.c.id > last).order_by(t.documents.c.id).limit(batch)
                    ).mappings()
                )
                if not rows:
                    return
                ids = [row["id"] for row in rows]
                mentions = _grouped(conn, t.mentions, ids)
                statements = _grouped(conn, t.statements, ids)
                facts = _grouped(conn, t.facts, ids)
            keys = {f"{row['document_id']}#{row['cluster']}" for rs in mentions.values() for row in rs}
            keys |= {f"{row['document_id']}#{row['speaker_cluster']}" for rs in statements.values() for row in rs
                     if row["speaker_cluster"] is not None}
            keys |= {f"{row['document_id']}#{row['subject_cluster']}" for rs in facts.values() for row in rs
                     if row["subject_cluster"] is not None}
            by_doc: dict[str, dict[str, str]] = defaultdict(dict)
            for key, entity_id in self.entity_of_keys(sorted(keys)).items():
                by_doc[m.document_of(key)][key] = entity_id
            topics = self.topics([str(row["id"]) for rs in statements.values() for row in rs])
            for row in rows:
                doc_id = row["id"]
                doc = r.document_from_row({**row, "text": row["text"] if with_text else ""})
                yield AnnotatedDocument(
                    document=doc,
                    mentions=tuple(r.mention_from_row(x) for x in mentions.get(doc_id, ())),
                    statements=tuple(r.statement_from_row(x, topics.get(str(x["id"])))
                                     for x in statements.get(doc_id, ())),
                    facts=tuple(r.fact_from_row(x) for x in facts.get(doc_id, ())),
                    entity_of=by_doc.get(doc_id, {}),
                )
            last = ids[-1]


def _grouped(conn: Connection, table: Table, doc_ids: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for chunk in chunks(doc_ids):
        q = select(table).where(table.c.document_id.in_(chunk)).order_by(table.c.document_id, table.c.start)
        for row in conn.execute(q).mappings():
            out[row["document_id"]].append(row)
    return out
