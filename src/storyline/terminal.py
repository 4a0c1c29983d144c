"""What the terminal's read-only commands list: findings, entities, statements, and one record by id.

Each function returns a :class:`Listing`: the rows the CLI prints as a table and the records (in the public
shapes of :mod:`storyline.export.contract`) it prints with ``--json``. Nothing here writes to the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import model as m
from .errors import NotFoundError, UsageError
from .export import contract
from .export.briefing import find_actor
from .queries import document_summaries, entity_names, entity_view, findings_page, keys_to_entities
from .store import Store

__all__ = ["Listing", "analysis_hint", "list_entities", "list_findings", "list_statements", "show_record"]


@dataclass(frozen=True)
class Listing:
    """A table for the terminal and the same records for ``--json``."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    records: tuple[Mapping[str, Any], ...]
    total: int
    hint: str | None = None  # what to run when the listing is empty

    @property
    def shown(self) -> int:
        return len(self.rows)


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def analysis_hint(store: Store) -> str | None:
    """What to run before the knowledge base has anything to show, or None once it has been analysed."""
    if store.count("documents") == 0:
        return "the database holds no documents: run `storyline ingest PATH...` then `storyline analyze`"
    if store.count("analyses") == 0:
        return "the documents are not analysed yet: run `storyline analyze` for entities, statements and findings"
    return None


def _hint(store: Store, what: str) -> str:
    return analysis_hint(store) or f"no {what} match"


def list_findings(store: Store, *, limit: int = 20, kind: str | None = None, status: str | None = None) -> Listing:
    """Findings, best score first, with their review status."""
    if kind is not None and kind not in {k.value for k in m.FindingKind}:
        raise UsageError(f"invalid kind {kind!r}; valid: {', '.join(k.value for k in m.FindingKind)}")
    if status is not None and status not in {s.value for s in m.ReviewStatus}:
        raise UsageError(f"invalid status {status!r}; valid: {', '.join(s.value for s in m.ReviewStatus)}")
    page = findings_page(store, kind=kind, status=status, limit=limit)
    rows = tuple(
        (e.finding.id, e.finding.kind.value, f"{e.finding.score:.2f}", e.status.value, _short(e.finding.explanation))
        for e in page.items
    )
    records = tuple(contract.finding_dict(e.finding, e.status, e.note) for e in page.items)
    return Listing("Findings", ("id", "kind", "score", "status", "explanation"), rows, records, page.total,
                   None if rows else _hint(store, "findings"))


def list_entities(store: Store, *, limit: int = 20, type: str | None = None) -> Listing:
    """Entities, most mentioned first."""
    if type is not None and type not in {k.value for k in m.EntityType}:
        raise UsageError(f"invalid type {type!r}; valid: {', '.join(k.value for k in m.EntityType)}")
    entities, total = store.entities_page(types=[type] if type else None, limit=limit, by_name=True)
    rows = tuple(
        (x.id, x.type.value, x.name, str(x.mention_count), _short(", ".join(a for a in x.aliases if a != x.name), 60))
        for x in entities
    )
    records = tuple(contract.entity_dict(x) for x in entities)
    return Listing("Entities", ("id", "type", "name", "mentions", "also called"), rows, records, total,
                   None if rows else _hint(store, "entities"))


def _statement_listing(store: Store, title: str, statements: list[m.Statement], total: int, hint: str | None,
                       docs: Mapping[str, Mapping[str, Any]]) -> Listing:
    keys = keys_to_entities(store, [s.speaker_key for s in statements if s.speaker_key])
    names = entity_names(store, keys.values())
    rows = []
    for s in statements:
        speaker = names.get(keys.get(s.speaker_key or "", ""), s.speaker_text or "")
        doc = docs.get(s.document_id, {})
        date = s.said_on.isoformat() if s.said_on else str(doc.get("published") or "")
        rows.append((s.id, date, _short(speaker, 30), _short(s.content, 80), _short(doc.get("source") or "", 24)))
    records = tuple(contract.statement_dict(s, keys) for s in statements)
    return Listing(title, ("id", "date", "speaker", "statement", "source"), tuple(rows), records, total,
                   None if rows else hint)


def list_statements(store: Store, *, limit: int = 20, actor: str | None = None) -> Listing:
    """Statements, newest first; with ``actor``, only what that entity said."""
    if actor:
        entity = find_actor(list(store.iter_entities()), actor)  # the briefing's rule: name or alias, any case
        view = entity_view(store, entity.id, limit=limit)
        statements = [x.statement for x in view.said.items]
        docs = {x.statement.document_id: x.document for x in view.said.items}
        return _statement_listing(store, f"Statements of {entity.name}", statements, view.said.total,
                                  f"{entity.name} has no attributed statements", docs)
    statements, total = store.newest_statements(limit=limit)
    docs = document_summaries(store, {x.document_id for x in statements})
    return _statement_listing(store, "Statements", statements, total, _hint(store, "statements"), docs)


def _pairs(title: str, record: Mapping[str, Any]) -> Listing:
    rows = tuple((key, _short(str(value), 200)) for key, value in record.items() if value not in (None, "", [], {}))
    return Listing(title, ("field", "value"), rows, (record,), 1)


def show_record(store: Store, record_id: str) -> Listing:
    """One document, entity, statement or finding by its id (the prefix says which)."""
    prefix = record_id.split("_", 1)[0]
    if prefix == "doc":
        doc = store.get_document(record_id)
        record = contract.document_dict(doc, with_text=False)
        return _pairs(f"Document {record_id}", record)
    if prefix == "ent":
        entity = store.get_entity(record_id)
        return _pairs(f"Entity {entity.name}", contract.entity_dict(entity))
    if prefix == "stm":
        found = store.statements_by_ids([record_id])
        if record_id not in found:
            raise NotFoundError(f"no statement {record_id!r}")
        statement = found[record_id]
        keys = keys_to_entities(store, [statement.speaker_key] if statement.speaker_key else [])
        return _pairs(f"Statement {record_id}", contract.statement_dict(statement, keys))
    if prefix == "fnd":
        entry = findings_page(store, ids=[record_id], limit=1)
        if not entry.items:
            raise NotFoundError(f"no finding {record_id!r}")
        e = entry.items[0]
        return _pairs(f"Finding {record_id}", contract.finding_dict(e.finding, e.status, e.note))
    raise UsageError(f"cannot show {record_id!r}: expected an id starting with doc_, ent_, stm_ or fnd_")
