"""Records as the dictionaries of CONTRACT.md (schema ``storyline/1``).

The JSON export, the JSON Lines/CSV exports and the web API all use these
functions, so one record has one public shape everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Document, Entity, Fact, Finding, Link, Mention, ReviewStatus, Statement, Storyline

SCHEMA = "storyline/1"


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def published_precision(published: object, stored: str | None) -> str | None:
    """How much of a document's date is known: "day", "month" (the date is then the 1st) or "year"; None
    without a date. Only inferred dates record a precision; a stated date is known to the day."""
    return (stored or "day") if published else None


def document_dict(d: Document, *, with_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": d.id,
        "external_id": d.external_id,
        "title": d.title,
        "url": d.url,
        "source": d.source,
        "published": d.published.isoformat() if d.published else None,
        "published_precision": published_precision(d.published, d.metadata.get("published_precision")),
        "sha256": d.sha256,
        "chars": d.chars,
    }
    if with_text:
        out["text"] = d.text
    return out


def entity_dict(e: Entity) -> dict[str, Any]:
    aliases = list(dict.fromkeys([e.name, *e.aliases]))
    return {"id": e.id, "type": e.type.value, "name": e.name, "aliases": aliases, "mention_count": e.mention_count}


def mention_dict(m: Mention, key_to_entity: Mapping[str, str]) -> dict[str, Any] | None:
    entity_id = key_to_entity.get(m.local_key)
    if entity_id is None:
        return None
    return {"id": m.id, "entity_id": entity_id, "document_id": m.document_id, "start": m.start, "end": m.end, "text": m.text}


def statement_dict(s: Statement, key_to_entity: Mapping[str, str]) -> dict[str, Any]:
    key = s.speaker_key
    return {
        "id": s.id,
        "document_id": s.document_id,
        "start": s.start,
        "end": s.end,
        "speaker_id": key_to_entity.get(key) if key else None,
        "speaker_text": s.speaker_text,
        "cue": s.cue,
        "content": s.content,
        "content_start": s.content_start,
        "content_end": s.content_end,
        "kind": s.kind.value,
        "said_on": s.said_on_text,
        "said_on_basis": s.said_on_basis.value if s.said_on else None,
        "said_on_precision": s.said_on_precision.value if s.said_on else None,
        "topic": s.topic,
        "polarity": s.polarity,
    }


def fact_dict(f: Fact, key_to_entity: Mapping[str, str]) -> dict[str, Any]:
    key = f.subject_key
    out = {
        "id": f.id,
        "document_id": f.document_id,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "subject_id": key_to_entity.get(key) if key else None,
        "subject_text": f.subject_text,
        "measure": f.measure,
        "value": _num(f.value),
        "comparator": f.comparator.value,
        "unit": f.unit,
        "period": f.period,
    }
    if f.value_max is not None:
        out["value_max"] = _num(f.value_max)
    out["relation"] = f.relation.value
    out["population"] = f.population
    out["baseline"] = _num(f.baseline) if f.baseline is not None else None
    return out


def link_dict(link: Link) -> dict[str, Any]:
    return {"entity_id": link.entity_id, "list": link.list_name, "ref": link.ref, "name": link.name,
            "matched": link.matched, "score": round(link.score, 4)}


def storyline_dict(s: Storyline) -> dict[str, Any]:
    return {"id": s.id, "actor_id": s.actor_id, "topic": s.topic, "statement_ids": list(s.statement_ids)}


def finding_dict(f: Finding, status: ReviewStatus = ReviewStatus.OPEN, note: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": f.id,
        "kind": f.kind.value,
        "items": [{"type": i.type.value, "id": i.id} for i in f.items],
        "sides": [{"label": s.label, "items": [{"type": i.type.value, "id": i.id} for i in s.items]} for s in f.sides],
        "score": round(f.score, 4),
        "explanation": f.explanation,
        "status": status.value,
    }
    if note:
        out["note"] = note
    return out
