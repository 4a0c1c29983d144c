"""Documents with their annotations, streamed in batches: what the graph-shaped exports walk.

The STIX, FollowTheMoney and GraphML exports need, for each document, the
mentions, statements and facts inside it and the entity each local cluster
resolved to. The Store's public iterators stream each table in id order, so
this module reads the same tables in batches of documents instead (one query
per table per batch) and resolves only the keys of the batch: memory is
bounded by the batch, not by the corpus.

Read-only; rows are converted by :mod:`storyline.store.records`, the one place
that knows both rows and records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from typing import Any

from sqlalchemy import Connection, Table, func, select

from ..model import Document, Fact, Mention, Statement, document_of
from ..store import Store
from ..store import records as r
from ..store import schema as t

__all__ = ["AnnotatedDocument", "corpus_timestamp", "iter_annotated_documents"]

BATCH = 200
_IN_CHUNK = 500


@dataclass(frozen=True)
class AnnotatedDocument:
    document: Document
    mentions: tuple[Mention, ...]  # in text order
    statements: tuple[Statement, ...]  # in text order
    facts: tuple[Fact, ...]  # in text order
    entity_of: Mapping[str, str] = field(default_factory=dict)  # local key -> entity id (this document only)

    def entity_for(self, local_key: str | None) -> str | None:
        return self.entity_of.get(local_key) if local_key else None

    def entities_between(self, start: int, end: int) -> list[str]:
        """Entity ids of the mentions inside [start, end), in text order, each once."""
        out: dict[str, None] = {}
        for m in self.mentions:
            if m.start >= start and m.end <= end:
                entity_id = self.entity_of.get(m.local_key)
                if entity_id:
                    out[entity_id] = None
        return list(out)


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _IN_CHUNK):
        yield ids[i : i + _IN_CHUNK]


def _grouped(conn: Connection, table: Table, doc_ids: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for chunk in _chunks(doc_ids):
        q = select(table).where(table.c.document_id.in_(chunk)).order_by(table.c.document_id, table.c.start)
        for row in conn.execute(q).mappings():
            out[row["document_id"]].append(row)
    return out


def _resolve(conn: Connection, keys: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(keys))):
        q = select(t.entity_keys.c.local_key, t.entity_keys.c.entity_id).where(t.entity_keys.c.local_key.in_(chunk))
        out.update({str(k): str(v) for k, v in conn.execute(q).all()})
    return out


def iter_annotated_documents(store: Store, *, with_text: bool = True, batch: int = BATCH) -> Iterator[AnnotatedDocument]:
    """Every document (id order) with its annotations and resolved entity keys."""
    last = ""
    doc_cols = list(t.documents.c) if with_text else [c for c in t.documents.c if c.name != "text"]
    while True:
        with store.engine.connect() as conn:
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
            for key, entity_id in _resolve(conn, keys).items():
                by_doc[document_of(key)][key] = entity_id
        topics = store.topics([str(row["id"]) for rs in statements.values() for row in rs])
        for row in rows:
            doc_id = row["id"]
            doc = r.document_from_row({**row, "text": row["text"] if with_text else ""})
            yield AnnotatedDocument(
                document=doc,
                mentions=tuple(r.mention_from_row(x) for x in mentions.get(doc_id, ())),
                statements=tuple(r.statement_from_row(x, topics.get(str(x["id"]))) for x in statements.get(doc_id, ())),
                facts=tuple(r.fact_from_row(x) for x in facts.get(doc_id, ())),
                entity_of=by_doc.get(doc_id, {}),
            )
        last = ids[-1]


def corpus_timestamp(store: Store) -> dt.datetime:
    """The newest ingest time in the store (UTC): a stable 'as of' for corpus-wide records."""
    with store.engine.connect() as conn:
        value = conn.execute(select(func.max(t.documents.c.ingested_at))).scalar()
    if not value:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    stamp = dt.datetime.fromisoformat(value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
