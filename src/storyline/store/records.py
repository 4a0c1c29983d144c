"""Conversions between records (model.py) and table rows: the only place that knows both."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np
from sqlalchemy import Connection, insert

from ..model import (
    ClaimBucket,
    Comparator,
    DateBasis,
    DatePrecision,
    Document,
    Entity,
    EntityType,
    Fact,
    FactRelation,
    Finding,
    FindingCandidate,
    FindingItem,
    DocumentAnalysis,
    FindingSide,
    FindingKind,
    ItemType,
    Link,
    LocalCluster,
    Mention,
    MergeEvidence,
    Statement,
    StatementKind,
    Storyline,
    WatchlistEntry,
    WatchlistName,
)

# what the *_from_row functions read: a SQLAlchemy RowMapping (keyed by names or columns) or a plain dict
RowLike = Mapping[Any, Any]


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"cannot store {type(value).__name__} in document metadata")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "sha256": doc.sha256,
        "external_id": doc.external_id,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "author": doc.author,
        "published": iso_date(doc.published),
        "format": doc.format,
        "language": doc.language,
        "origin": doc.origin,
        "meta": dumps(dict(doc.metadata)),
        "text": doc.text,
        "chars": len(doc.text),
        "ingested_at": (doc.ingested_at.isoformat(timespec="seconds") if doc.ingested_at else now()),
    }


def document_from_row(row: RowLike) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        sha256=row["sha256"],
        external_id=row["external_id"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        author=row["author"],
        published=parse_date(row["published"]),
        format=row["format"],
        language=row["language"],
        origin=row["origin"],
        metadata=json.loads(row["meta"] or "{}"),
        ingested_at=dt.datetime.fromisoformat(row["ingested_at"]),
    )


def mention_row(m: Mention, version: str) -> dict[str, Any]:
    return {
        "id": m.id,
        "document_id": m.document_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type.value,
        "cluster": m.cluster,
        "canonical": m.canonical,
        "source": m.source,
        "is_name": m.is_name,
        "pipeline_version": version,
    }


def mention_from_row(r: RowLike) -> Mention:
    return Mention(
        r["document_id"], r["start"], r["end"], r["text"], EntityType(r["type"]), r["cluster"], r["canonical"],
        r["source"], bool(r["is_name"]),
    )


_STATEMENT_FIELDS = (
    "document_id", "start", "end", "content", "content_start", "content_end", "speaker_text", "speaker_start",
    "speaker_end", "speaker_cluster", "cue", "cue_start", "cue_end", "polarity",
)


def statement_row(s: Statement, version: str) -> dict[str, Any]:
    row = {f: getattr(s, f) for f in _STATEMENT_FIELDS}
    row.update(id=s.id, kind=s.kind.value, said_on=iso_date(s.said_on), pipeline_version=version,
               said_on_precision=s.said_on_precision.value, said_on_basis=s.said_on_basis.value)
    return row


def statement_from_row(r: RowLike, topic: str | None = None) -> Statement:
    fields = {f: r[f] for f in _STATEMENT_FIELDS}
    return Statement(kind=StatementKind(r["kind"]), said_on=parse_date(r["said_on"]), topic=topic,
                     said_on_precision=DatePrecision(r.get("said_on_precision") or "day"),
                     said_on_basis=DateBasis(r.get("said_on_basis") or "published"), **fields)


_FACT_FIELDS = ("document_id", "start", "end", "text", "measure", "value", "value_max", "unit", "period",
                "subject_text", "subject_cluster", "population", "baseline")


def fact_row(f: Fact, version: str) -> dict[str, Any]:
    row = {k: getattr(f, k) for k in _FACT_FIELDS}
    row.update(id=f.id, comparator=f.comparator.value, relation=f.relation.value, pipeline_version=version)
    return row


def fact_from_row(r: RowLike) -> Fact:
    fields: dict[str, Any] = {k: r.get(k) for k in _FACT_FIELDS}
    return Fact(comparator=Comparator(r["comparator"]), relation=FactRelation(r.get("relation") or "count"), **fields)


def entity_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type.value,
        "name": e.name,
        "aliases": dumps(list(e.aliases)),
        "mention_count": e.mention_count,
        "evidence": dumps([[ev.left, ev.right, ev.rule, ev.score] for ev in e.evidence]),
        "base_id": e.base_id or e.id,
        "min_key": min(e.local_keys) if e.local_keys else None,
    }


def claim_bucket_row(b: ClaimBucket) -> dict[str, Any]:
    entry = {"o": list(b.order), "k": [list(k) for k in b.keys], "w": list(b.words), "r": b.rare}
    return {"shard": b.shard, "item_id": b.item_id, "document_id": b.document_id,
            "entry": json.dumps(entry, ensure_ascii=False, separators=(",", ":"))}


def claim_bucket_from_row(r: RowLike) -> ClaimBucket:
    return claim_bucket_from_values(r["shard"], r["item_id"], r["document_id"], r["entry"])


def claim_bucket_from_values(shard: str, item_id: str, document_id: str, entry: str) -> ClaimBucket:
    """A bucket from its row's values (an update reads every bucket of the shards it touches: no mapping per row)."""
    e = json.loads(entry)
    undated, day, doc, start = e["o"]
    return ClaimBucket(shard, item_id, document_id, (bool(undated), str(day), str(doc), int(start)),
                       tuple(tuple(k) for k in e["k"]), tuple(e["w"]), bool(e["r"]))


def candidate_row(c: FindingCandidate) -> dict[str, Any]:
    a, b = c.items
    return {"shard": c.shard, "score": c.score, "kind": c.kind.value, "item_a": a.id, "item_b": b.id,
            "item_type": a.type.value, "dedup": c.dedup, "grp": c.group, "explanation": c.explanation,
            "labels": dumps(list(c.labels)) if any(c.labels) else None}


def candidate_from_row(r: RowLike) -> FindingCandidate:
    kind = ItemType(r["item_type"])
    return FindingCandidate(r["shard"], r["score"], FindingKind(r["kind"]), (r["item_a"], r["item_b"]),
                            (FindingItem(kind, r["item_a"]), FindingItem(kind, r["item_b"])), r["dedup"], r["grp"],
                            r.get("explanation") or "", _labels(r.get("labels")))


CANDIDATE_FIELDS = ("shard", "score", "kind", "item_a", "item_b", "item_type", "dedup", "grp", "labels")


def candidates_from_tuples(rows: Iterable[tuple[Any, ...]]) -> Iterator[FindingCandidate]:
    """Candidates from rows of the columns :data:`CANDIDATE_FIELDS` (explanations left empty), as
    :func:`candidate_from_row` reads them: an update reads every stored candidate, so an item met again is the
    same record, and a kind, a type and positions are looked up once."""
    kinds = {k.value: k for k in FindingKind}
    types = {k.value: k for k in ItemType}
    items: dict[tuple[str, str], FindingItem] = {}
    positions: dict[str | None, tuple[str, str]] = {}
    for shard, score, kind, a, b, item_type, dedup, grp, raw in rows:
        x = items.get((item_type, a))
        if x is None:
            x = items[(item_type, a)] = FindingItem(types[item_type], a)
        y = items.get((item_type, b))
        if y is None:
            y = items[(item_type, b)] = FindingItem(types[item_type], b)
        labels = positions.get(raw)
        if labels is None:
            labels = positions[raw] = _labels(raw)
        yield FindingCandidate(shard, score, kinds[kind], (a, b), (x, y), dedup, grp, "", labels)


def _labels(raw: str | None) -> tuple[str, str]:
    if not raw:
        return ("", "")
    a, b = json.loads(raw)
    return (str(a), str(b))


def shard_pair_rows(pairs: Mapping[str, Iterable[int]]) -> Iterator[dict[str, Any]]:
    """One row per entity shard: its evaluated pair hashes, sorted, as base64 of little-endian int64."""
    for shard, hashes in pairs.items():
        data = np.asarray(sorted(set(hashes)), dtype="<i8").tobytes()
        yield {"shard": shard, "pairs": base64.b64encode(data).decode("ascii")}


def pairs_from_text(text: str) -> frozenset[int]:
    return frozenset(int(x) for x in np.frombuffer(base64.b64decode(text), dtype="<i8"))


def cluster_row(c: LocalCluster) -> dict[str, Any]:
    return {
        "local_key": c.local_key,
        "document_id": c.document_id,
        "type": c.type.value,
        "canonical": c.canonical,
        "names": dumps([[n, c.count_of(i)] for i, n in enumerate(c.names)]),
        "mention_count": c.mention_count,
    }


def cluster_from_row(r: RowLike) -> LocalCluster:
    names = json.loads(r["names"])
    return LocalCluster(r["local_key"], r["document_id"], EntityType(r["type"]), r["canonical"],
                        tuple(n for n, _ in names), r["mention_count"], tuple(c for _, c in names))


def entity_from_row(r: RowLike, local_keys: tuple[str, ...] = ()) -> Entity:
    return Entity(
        id=r["id"],
        type=EntityType(r["type"]),
        name=r["name"],
        aliases=tuple(json.loads(r["aliases"])),
        mention_count=r["mention_count"],
        local_keys=local_keys,
        evidence=tuple(MergeEvidence(*ev) for ev in json.loads(r["evidence"] or "[]")),
        base_id=r["base_id"] if r.get("base_id") not in (None, r["id"]) else "",
    )


def link_row(link: Link) -> dict[str, Any]:
    return {"entity_id": link.entity_id, "list_name": link.list_name, "ref": link.ref, "name": link.name,
            "matched": link.matched, "score": link.score}


def link_from_row(r: RowLike) -> Link:
    return Link(r["entity_id"], r["list_name"], r["ref"], r["name"], r["matched"], r["score"])


def storyline_row(s: Storyline) -> dict[str, Any]:
    return {"id": s.id, "actor_id": s.actor_id, "topic": s.topic, "statement_ids": dumps(list(s.statement_ids))}


def storyline_from_row(r: RowLike) -> Storyline:
    return Storyline(r["actor_id"], r["topic"], tuple(json.loads(r["statement_ids"])))


def finding_row(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind.value,
        "items": dumps([[i.type.value, i.id] for i in f.items]),
        "score": f.score,
        "explanation": f.explanation,
        "question": f.question or None,
        "sides": dumps([[s.label, [[i.type.value, i.id] for i in s.items]] for s in f.sides]) if f.sides else None,
    }


def finding_from_row(r: RowLike) -> Finding:
    items = tuple(FindingItem(ItemType(t), i) for t, i in json.loads(r["items"]))
    sides = tuple(FindingSide(label, tuple(FindingItem(ItemType(t), i) for t, i in members))
                  for label, members in json.loads(r.get("sides") or "[]"))
    return Finding(FindingKind(r["kind"]), items, r["score"], r["explanation"], sides, r.get("question") or "")


def watchlist_entry_row(e: WatchlistEntry) -> dict[str, Any]:
    return {
        "list_name": e.list_name,
        "ref": e.ref,
        "name": e.name,
        "type": e.type.value,
        "names": dumps([[n.name, n.quality] for n in e.names]),
        "details": dumps(dict(e.details)),
    }


def watchlist_entry_from_row(r: RowLike) -> WatchlistEntry:
    return WatchlistEntry(
        r["list_name"], r["ref"], r["name"], EntityType(r["type"]),
        tuple(WatchlistName(n, q) for n, q in json.loads(r["names"])), json.loads(r["details"]),
    )


def insert_many(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows in batches of 2,000 (one statement each), whatever the iterable's length."""
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 2000:
            conn.execute(insert(table), batch)
            batch = []
    if batch:
        conn.execute(insert(table), batch)


def analysis_to_json(a: DocumentAnalysis) -> str:
    """One document's analysis as JSON text in the row shapes (what a worker process sends back)."""
    v = a.pipeline_version
    return json.dumps(
        {
            "document_id": a.document_id,
            "pipeline_version": v,
            "language": a.language,
            "error": a.error,
            "mentions": [mention_row(m, v) for m in a.mentions],
            "statements": [statement_row(s, v) for s in a.statements],
            "facts": [fact_row(f, v) for f in a.facts],
        },
        ensure_ascii=False,
    )


def analysis_from_json(data: str) -> DocumentAnalysis:
    d = json.loads(data)
    return DocumentAnalysis(
        document_id=d["document_id"],
        pipeline_version=d["pipeline_version"],
        mentions=tuple(mention_from_row(x) for x in d["mentions"]),
        statements=tuple(statement_from_row(x) for x in d["statements"]),
        facts=tuple(fact_from_row(x) for x in d["facts"]),
        language=d["language"],
        error=d.get("error"),
    )
