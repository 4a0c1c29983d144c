"""Read-side indexes derived from the corpus results: rebuilt in SQL, inside the replace_corpus transaction.

The pages ask "statements by X, newest first", "findings involving X", "findings
citing source S". Answering those from the machine-output tables means joining
through local keys (``doc#cluster``) at request time, which grows with the
actor; these tables hold the answers as rows with composite indexes, so a page
is an index range whatever the corpus size. They hold nothing that cannot be
rebuilt from the tables they are derived from, and :func:`rebuild` is the one
place that fills them (``replace_corpus`` and migration 0004 call it).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection, String, and_, cast, delete, exists, func, insert, literal, or_, select, union

from .. import model as m
from . import schema as t

log = logging.getLogger(__name__)

__all__ = ["DERIVED_TABLES", "SPEAKER", "MENTIONED", "SUBJECT", "rebuild"]

SPEAKER = "speaker"
MENTIONED = "mentioned"
SUBJECT = "subject"

DERIVED_TABLES = (t.entity_items, t.entity_aliases, t.finding_actors, t.finding_sources)


def _key(doc_col: Any, cluster_col: Any) -> Any:
    """The local key ``doc_id#cluster`` as an SQL expression (same spelling as the resolver's keys)."""
    return doc_col + literal("#") + cast(cluster_col, String)


def rebuild(conn: Connection) -> None:
    """Empty and refill every derived table from entity_keys, annotations and findings."""
    for table in DERIVED_TABLES:
        conn.execute(delete(table))
    s, f, mn, d, ek = t.statements, t.facts, t.mentions, t.documents, t.entity_keys
    said = func.coalesce(s.c.said_on, d.c.published, literal(""))
    cols = ["entity_id", "role", "item_id", "document_id", "sort_date"]

    speakers = (
        select(ek.c.entity_id, literal(SPEAKER), s.c.id, s.c.document_id, said)
        .select_from(s.join(ek, ek.c.local_key == _key(s.c.document_id, s.c.speaker_cluster)).join(d, d.c.id == s.c.document_id))
        .where(s.c.speaker_cluster.is_not(None))
    )
    conn.execute(insert(t.entity_items).from_select(cols, speakers))

    subjects = (
        select(ek.c.entity_id, literal(SUBJECT), f.c.id, f.c.document_id, func.coalesce(d.c.published, literal("")))
        .select_from(f.join(ek, ek.c.local_key == _key(f.c.document_id, f.c.subject_cluster)).join(d, d.c.id == f.c.document_id))
        .where(f.c.subject_cluster.is_not(None))
    )
    conn.execute(insert(t.entity_items).from_select(cols, subjects))

    # statements whose content mentions the entity, unless the entity is the speaker
    own = ek.alias("own")
    mentioned = (
        select(ek.c.entity_id, literal(MENTIONED), s.c.id, s.c.document_id, said)
        .select_from(
            s.join(mn, and_(mn.c.document_id == s.c.document_id, mn.c.start >= s.c.content_start,
                            mn.c.end <= s.c.content_end))
            .join(ek, ek.c.local_key == _key(mn.c.document_id, mn.c.cluster))
            .join(d, d.c.id == s.c.document_id)
        )
        .where(or_(
            s.c.speaker_cluster.is_(None),
            ~exists().where(own.c.local_key == _key(s.c.document_id, s.c.speaker_cluster),
                            own.c.entity_id == ek.c.entity_id),
        ))
        .distinct()
    )
    conn.execute(insert(t.entity_items).from_select(cols, mentioned))

    aliases = (
        select(ek.c.entity_id, mn.c.text, func.count(), func.min(mn.c.document_id))
        .select_from(mn.join(ek, ek.c.local_key == _key(mn.c.document_id, mn.c.cluster)))
        .group_by(ek.c.entity_id, mn.c.text)
    )
    conn.execute(insert(t.entity_aliases).from_select(["entity_id", "alias", "mention_count", "first_document_id"], aliases))

    fi = t.finding_items
    statement, fact, entity = m.ItemType.STATEMENT.value, m.ItemType.FACT.value, m.ItemType.ENTITY.value
    actors = union(
        select(fi.c.finding_id, fi.c.item_id).where(fi.c.item_type == entity),
        select(fi.c.finding_id, ek.c.entity_id)
        .select_from(fi.join(s, s.c.id == fi.c.item_id).join(ek, ek.c.local_key == _key(s.c.document_id, s.c.speaker_cluster)))
        .where(fi.c.item_type == statement),
        select(fi.c.finding_id, ek.c.entity_id)
        .select_from(fi.join(f, f.c.id == fi.c.item_id).join(ek, ek.c.local_key == _key(f.c.document_id, f.c.subject_cluster)))
        .where(fi.c.item_type == fact),
    )
    conn.execute(insert(t.finding_actors).from_select(["finding_id", "entity_id"], actors))

    sources = union(
        select(fi.c.finding_id, d.c.source)
        .select_from(fi.join(s, s.c.id == fi.c.item_id).join(d, d.c.id == s.c.document_id))
        .where(fi.c.item_type == statement, d.c.source.is_not(None)),
        select(fi.c.finding_id, d.c.source)
        .select_from(fi.join(f, f.c.id == fi.c.item_id).join(d, d.c.id == f.c.document_id))
        .where(fi.c.item_type == fact, d.c.source.is_not(None)),
    )
    conn.execute(insert(t.finding_sources).from_select(["finding_id", "source"], sources))
