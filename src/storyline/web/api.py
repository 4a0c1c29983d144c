"""The JSON API under ``/api``: the same query functions as the pages, rendered as CONTRACT.md records."""

from __future__ import annotations

import datetime as dt

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, Field

from .. import queries
from ..export.contract import (document_dict, entity_dict, fact_dict, link_dict, published_precision, statement_dict,
                               storyline_dict)
from ..model import FindingKind, ReviewStatus
from ..services.review import decide_entities, review_finding
from ..store import SearchQuery, Store
from .auth import bearer_owner
from .render import plain_snippet

__all__ = ["router"]

_bearer = HTTPBearer(auto_error=False, description="An API token from `storyline token create --name NAME`.")


class ErrorOut(BaseModel):
    error: str
    status: int


class ReviewIn(BaseModel):
    status: Literal["accepted", "rejected", "open"]
    note: str = Field(default="", max_length=5000)


class EntityDecisionIn(BaseModel):
    names: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(min_length=2, max_length=100)
    note: str = Field(default="", max_length=5000)


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad request"},
    404: {"model": ErrorOut, "description": "Not found"},
    422: {"model": ErrorOut, "description": "Invalid parameters"},
}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {**_ERRORS, 401: {"model": ErrorOut, "description": "Missing or invalid token"}}

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=200, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip")]
def _real_date(value: str | None) -> str | None:
    """A YYYY-MM-DD that names a day of the calendar (2025-13-45 is refused with 422)."""
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date of the calendar (YYYY-MM-DD)") from None
    return value


DateParam = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD"),
                      AfterValidator(_real_date)]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def token_owner(store: StoreDep, cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    return bearer_owner(store, f"Bearer {cred.credentials}" if cred else None)


def summary_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A document summary with the keys of the contract's document record (no text)."""
    out = {k: row.get(k) for k in ("id", "external_id", "title", "url", "source", "published", "sha256", "chars")}
    out["published_precision"] = published_precision(row.get("published"), row.get("published_precision"))
    return out


def page_dict(page: queries.Page, items: list[Any]) -> dict[str, Any]:
    return {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset}


@router.get("/documents", summary="Documents, newest first")
def api_documents(store: StoreDep, limit: Limit = 20, offset: Offset = 0, source: str | None = None,
                  since: DateParam = None, until: DateParam = None) -> dict[str, Any]:
    page = queries.list_documents(store, limit=limit, offset=offset, source=source, since=since, until=until)
    return page_dict(page, [summary_dict(x) for x in page.items])


@router.get("/documents/{document_id}", summary="One document with its annotations")
def api_document(store: StoreDep, document_id: IdPath) -> dict[str, Any]:
    view = queries.document_view(store, document_id)
    k2e = view.key_to_entity
    out = document_dict(view.document)
    out["language"] = view.document.language
    out["mentions"] = [
        {"entity_id": k2e.get(x.local_key), "document_id": x.document_id, "start": x.start, "end": x.end,
         "text": x.text} for x in view.mentions
    ]
    out["statements"] = [statement_dict(s, k2e) for s in view.statements]
    out["facts"] = [fact_dict(f, k2e) for f in view.facts]
    out["near_duplicate_of"] = view.near_duplicate_of["id"] if view.near_duplicate_of else None
    out["related"] = [{**summary_dict(d), "shared_entities": n} for d, n in view.related]
    return out


@router.get("/entities/{entity_id}", summary="One entity: aliases, links, statements, findings")
def api_entity(store: StoreDep, entity_id: IdPath, limit: Limit = 25, offset: Offset = 0) -> dict[str, Any]:
    view = queries.entity_view(store, entity_id, limit=limit, offset=offset)
    k2e = view.key_to_entity
    out = entity_dict(view.entity)
    out["links"] = [link_dict(x) for x in view.links]
    out["aliases_seen"] = [
        {"alias": a.alias, "count": a.count, "first_document_id": a.first_document["id"] if a.first_document else None}
        for a in view.aliases
    ]
    out["statements"] = page_dict(view.said, [statement_dict(x.statement, k2e) for x in view.said.items])
    out["statements_about"] = [statement_dict(x.statement, k2e) for x in view.about]
    out["storylines"] = [storyline_dict(s) for s in view.storylines]
    out["findings"] = page_dict(view.findings, [queries.review_dict(e) for e in view.findings.items])
    return out


@router.get("/findings", summary="Findings, best first, with their review status")
def api_findings(
    store: StoreDep, kind: FindingKind | None = None, status: ReviewStatus | None = None,
    actor: Annotated[str | None, Query(max_length=200, description="entity id")] = None,
    source: Annotated[str | None, Query(max_length=500)] = None,
    min_score: Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)] = None,
    limit: Limit = 20, offset: Offset = 0,
) -> dict[str, Any]:
    page = queries.findings_page(store, kind=kind.value if kind else None, status=status.value if status else None,
                                 actor=actor, source=source, min_score=min_score, limit=limit, offset=offset)
    return page_dict(page, [queries.review_dict(e) for e in page.items])


@router.get("/findings/{finding_id}", summary="One finding with the passages it cites and its review history")
def api_finding(store: StoreDep, finding_id: IdPath) -> dict[str, Any]:
    entry = queries.get_finding_entry(store, finding_id)
    row = queries.finding_rows(store, queries.Page([entry], 1, 1, 0))[0]
    out = queries.review_dict(entry)
    out["cited"] = [
        {"type": s.item.type.value, "id": s.item.id, "document_id": s.document["id"] if s.document else None,
         "start": s.start, "end": s.end, "text": s.cited, "record": s.record, "position": s.position or None}
        for s in row.sides
    ]
    out["history"] = [
        {"status": r.status.value, "note": r.note, "reviewer": r.reviewer,
         "decided_at": r.decided_at.isoformat() if r.decided_at else None} for r in store.review_history(entry.finding.id)
    ]
    return out


@router.post("/findings/{finding_id}/review", summary="Accept, reject or reopen a finding", responses=_WRITE_ERRORS)
def api_review(store: StoreDep, finding_id: IdPath, body: ReviewIn,
               reviewer: Annotated[str, Depends(token_owner)]) -> dict[str, Any]:
    review_finding(store, finding_id, body.status, body.note, reviewer)
    return queries.review_dict(queries.get_finding_entry(store, finding_id))


def _decision(store: Store, action: str, body: EntityDecisionIn, reviewer: str) -> dict[str, Any]:
    d = decide_entities(store, action, body.names, reviewer, body.note)
    return {"action": d.action, "names": list(d.names), "reviewer": d.reviewer, "note": d.note,
            "decided_at": d.decided_at.isoformat() if d.decided_at else None,
            "applies": "at the next `storyline analyze`"}


@router.post("/entities/merge", summary="Put all names on one entity (applied at the next analyze)",
             responses=_WRITE_ERRORS)
def api_merge(store: StoreDep, body: EntityDecisionIn, reviewer: Annotated[str, Depends(token_owner)]) -> dict[str, Any]:
    return _decision(store, "merge", body, reviewer)


@router.post("/entities/split", summary="Split names[1:] off the entity of names[0] (applied at the next analyze)",
             responses=_WRITE_ERRORS)
def api_split(store: StoreDep, body: EntityDecisionIn, reviewer: Annotated[str, Depends(token_owner)]) -> dict[str, Any]:
    return _decision(store, "split", body, reviewer)


@router.get("/storylines", summary="Storylines (actor × topic)")
def api_storylines(store: StoreDep, actor: Annotated[str | None, Query(max_length=200)] = None,
                   topic: Annotated[str | None, Query(max_length=500)] = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict[str, Any]:
    page = queries.storylines_page(store, actor=actor, topic=topic, limit=limit, offset=offset)
    return page_dict(page, [storyline_dict(s) for s in page.items])


@router.get("/storylines/{storyline_id}",
            summary="One storyline: a page of its statements in time order, and the findings citing them")
def api_storyline(store: StoreDep, storyline_id: IdPath, limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    view = queries.storyline_view(store, storyline_id, limit=limit, offset=offset)
    keys = [x.statement.speaker_key for x in view.statements if x.statement.speaker_key]
    k2e = queries.keys_to_entities(store, keys)
    out = storyline_dict(view.storyline)
    out["statements"] = [statement_dict(x.statement, k2e) for x in view.statements]
    out["statements_page"] = {"total": view.page.total, "limit": view.page.limit, "offset": view.page.offset}
    out["findings"] = [queries.review_dict(x.entry) for x in view.findings]
    return out


@router.get("/search", summary="Full-text search over documents and statements")
def api_search(
    store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)],
    source: Annotated[str | None, Query(max_length=500)] = None, since: DateParam = None, until: DateParam = None,
    kind: Literal["all", "documents", "statements", "entities"] = "all", limit: Limit = 20, offset: Offset = 0,
    entity: Annotated[str | None, Query(max_length=200, description="Only documents mentioning this entity id")] = None,
) -> dict[str, Any]:
    """Documents and statements matching every word of ``q``; a query that names an entity (its name or an alias)
    also matches its other names (listed in ``also``), and matching entities are results of kind ``entity``."""
    page = queries.search(store, SearchQuery(q, limit, offset, source or None, since, until, kind, entity or None))
    items = []
    for h in page.items:
        snippet, matches = plain_snippet(h.snippet)
        items.append({"kind": h.kind, "id": h.id, "document_id": h.document_id or None, "title": h.title,
                      "source": h.source, "published": h.published, "snippet": snippet, "matches": matches})
    return {**page_dict(page, items), "also": list(page.also)}
