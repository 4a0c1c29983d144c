"""Server-rendered HTML pages: the same query functions as the API, rendered through Jinja2 (autoescape on)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import queries
from ..corpus.storylines import storyline_label
from ..errors import AuthError, UsageError
from ..model import EntityType, FindingKind, ReviewStatus
from ..services.review import decide_entities, review_finding
from ..store import SearchQuery
from .api import DateParam, IdPath, Limit, Offset, StoreDep
from .auth import LOGIN_COOKIE, SESSION_COOKIE, SESSION_MAX_AGE, Signer, current_session, require_session
from .render import Annotation, Point, annotate, local_path, mark_snippet, parse_spans, safe_url, timeline_svg

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE = 20
STORYLINE_PAGE = 100  # statements per storyline page (and points on its timeline)


def doc_href(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    base = f"/documents/{quote(doc_id, safe='')}"
    if start is None or end is None:
        return base
    return f"{base}?hl={start}-{end}#char-{start}-{end}"


def entity_href(entity_id: str) -> str:
    return f"/entities/{quote(entity_id, safe='')}"


def page_href(request: Request, offset: int) -> str:
    params = {k: v for k, v in request.query_params.items() if k != "offset"}
    if offset > 0:
        params["offset"] = str(offset)
    return request.url.path + ("?" + urlencode(params) if params else "")


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    templates = request.app.state.templates
    session = current_session(request)
    signer: Signer = request.app.state.signer
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    ctx = {"user": session.user if session else None, "csrf": signer.csrf(session) if session else "",
           "here": here, **context}
    response: HTMLResponse = templates.TemplateResponse(request, name, ctx, status_code=status_code)
    return response


# -- reading ---------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "home.html", {"view": queries.home_view(store)})


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: StoreDep, offset: Offset = 0, source: str | None = None,
              since: DateParam = None, until: DateParam = None) -> HTMLResponse:
    page = queries.list_documents(store, limit=PAGE, offset=offset, source=source or None, since=since, until=until)
    return render(request, "documents.html", {"page": page, "sources": store.sources(), "source": source or "",
                                              "since": since or "", "until": until or ""})


def document_annotations(view: queries.DocumentView, spans: list[tuple[int, int]]) -> list[Annotation]:
    anns: list[Annotation] = []
    used: set[str] = set()

    def anchor(start: int, end: int) -> str | None:
        name = f"char-{start}-{end}"
        if name in used:
            return None
        used.add(name)
        return name

    for s, e in spans:
        anns.append(Annotation(s, e, "cited", "cited passage", anchor=anchor(s, e), rank=0))
    k2e, names = view.key_to_entity, view.entity_names
    for st in view.statements:
        eid = k2e.get(st.speaker_key) if st.speaker_key else None
        who = names.get(eid or "", st.speaker_text or "unattributed")
        css = "stmt neg" if st.polarity < 0 else "stmt"
        title = f"{who} → {st.cue or 'said'}" + (f" · {st.said_on_text}" if st.said_on else "")
        anns.append(Annotation(st.content_start, st.content_end, css, title, anchor=anchor(st.content_start, st.content_end), rank=1))
        if st.speaker_start is not None and st.speaker_end is not None:
            anns.append(Annotation(st.speaker_start, st.speaker_end, "speaker", f"speaker: {who}", rank=3))
    for f in view.facts:
        title = f"{f.measure} {f.comparator.value} {f.value:g}" + (f" · {f.period}" if f.period else "")
        anns.append(Annotation(f.start, f.end, "fact", title, anchor=anchor(f.start, f.end), rank=1))
    for mn in view.mentions:
        eid = k2e.get(mn.local_key)
        title = f"{names.get(eid or '', mn.canonical)} ({mn.type.value})"
        anns.append(Annotation(mn.start, mn.end, f"ent ent-{mn.type.value}", title,
                               href=entity_href(eid) if eid else None, rank=2))
    return anns


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, store: StoreDep, document_id: IdPath,
             hl: Annotated[str | None, Query(max_length=400)] = None) -> HTMLResponse:
    view = queries.document_view(store, document_id)
    spans = parse_spans(hl, view.document.chars)
    body = annotate(view.document.text, document_annotations(view, spans))
    k2e, names = view.key_to_entity, view.entity_names
    statements = []
    for st in view.statements:
        eid = k2e.get(st.speaker_key) if st.speaker_key else None
        statements.append({"s": st, "speaker": names.get(eid or "", st.speaker_text or "unattributed"),
                           "speaker_id": eid})
    facts = [{"f": f, "subject": names.get(k2e.get(f.subject_key or "", ""), f.subject_text or ""),
              "subject_id": k2e.get(f.subject_key or "")} for f in view.facts]
    entities = sorted({(eid, names.get(eid, "")) for eid in k2e.values()}, key=lambda x: x[1].lower())
    return render(request, "document.html", {
        "view": view, "doc": view.document, "body": body, "statements": statements, "facts": facts,
        "entities": entities, "url": safe_url(view.document.url), "spans": spans,
    })


def _lane_points(rows: list[queries.StatementRow], lane_of: Any) -> list[Point]:
    points = []
    for x in rows:
        s = x.statement
        title = f"{x.date or 'undated'} · {x.document.get('source') or ''}: {s.content[:160]}"
        points.append(Point(x.date, lane_of(x), s.id, doc_href(s.document_id, s.start, s.end), title,
                            "pt neg" if s.polarity < 0 else "pt"))
    return points


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, store: StoreDep, entity_id: IdPath, offset: Offset = 0) -> HTMLResponse:
    view = queries.entity_view(store, entity_id, limit=PAGE, offset=offset)
    points = _lane_points(view.timeline, lambda x: x.statement.topic or "(no topic)")
    timeline = timeline_svg(points)
    finding_rows = queries.finding_rows(store, view.findings)
    return render(request, "entity.html", {
        "view": view, "e": view.entity, "timeline": timeline, "findings": finding_rows,
        "is_actor": view.entity.type in (EntityType.PERSON, EntityType.ORGANIZATION),
    })


@router.get("/storylines", response_class=HTMLResponse)
def storylines(request: Request, store: StoreDep, offset: Offset = 0,
               actor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    page = queries.storylines_page(store, actor=actor or None, limit=50, offset=offset)
    names = queries.entity_names(store, [s.actor_id for s in page.items])
    labels = {s.id: storyline_label(names.get(s.actor_id, s.actor_id), s.topic) for s in page.items}
    return render(request, "storylines.html", {"page": page, "names": names, "labels": labels})


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse)
def storyline(request: Request, store: StoreDep, storyline_id: IdPath, offset: Offset = 0) -> HTMLResponse:
    view = queries.storyline_view(store, storyline_id, limit=STORYLINE_PAGE, offset=offset)
    points = _lane_points(view.statements, lambda x: x.document.get("source") or "(no source)")
    arcs = []
    for row in view.findings:
        keys = [s.item.id for s in row.sides]
        for a, b in zip(keys, keys[1:]):
            arcs.append((a, b, f"/findings/{quote(row.entry.finding.id, safe='')}",
                         f"{row.entry.finding.kind.value}: {row.entry.finding.explanation}"))
    actor_name = view.actor.name if view.actor else view.storyline.actor_id
    label = storyline_label(actor_name, view.storyline.topic)
    return render(request, "storyline.html", {"view": view, "timeline": timeline_svg(points, arcs), "label": label,
                                              "question": label[len(actor_name):], "moves": position_moves(view.statements)})


@dataclass(frozen=True)
class PositionMove:
    """Where a storyline's position turned: the first statement, and each one that asserts what the one before denied."""

    date: str | None
    stance: str  # "asserts" or "denies"
    was: str | None  # the stance before, None for the first statement
    row: queries.StatementRow


def position_moves(rows: list[queries.StatementRow]) -> list[PositionMove]:
    """The first position of a page of statements (in time order) and every turn of polarity after it."""
    moves: list[PositionMove] = []
    last: str | None = None
    for x in rows:
        stance = "denies" if x.statement.polarity < 0 else "asserts"
        if stance != last:
            moves.append(PositionMove(x.date, stance, last, x))
            last = stance
    return moves


FINDING_FILTERS = ("kind", "status", "actor", "source", "min_score")


@router.get("/findings", response_class=HTMLResponse)
def findings(
    request: Request, store: StoreDep, kind: FindingKind | None = None, status: ReviewStatus | None = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=500)] = None,
    min_score: Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)] = None, offset: Offset = 0,
) -> HTMLResponse:
    page = queries.findings_page(store, kind=kind.value if kind else None, status=status.value if status else None,
                                 actor=actor or None, source=source or None, min_score=min_score, limit=PAGE,
                                 offset=offset)
    actor_name = queries.entity_names(store, [actor]).get(actor, actor) if actor else None
    return render(request, "findings.html", {
        "page": page, "rows": queries.finding_rows(store, page), "kinds": [k.value for k in FindingKind],
        "statuses": [s.value for s in ReviewStatus], "sources": store.sources(), "actor_name": actor_name,
        "f": {"kind": kind.value if kind else "", "status": status.value if status else "", "actor": actor or "",
              "source": source or "", "min_score": "" if min_score is None else min_score},
    })


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding(request: Request, store: StoreDep, finding_id: IdPath) -> HTMLResponse:
    entry = queries.get_finding_entry(store, finding_id)
    row = queries.finding_rows(store, queries.Page([entry], 1, 1, 0))[0]
    return render(request, "finding.html", {"row": row, "history": store.review_history(entry.finding.id)})


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "",
    source: Annotated[str | None, Query(max_length=500)] = None, since: DateParam = None, until: DateParam = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str, Query(pattern="^(all|documents|statements|entities)$")] = "all",
    offset: Offset = 0, limit: Limit = PAGE,
) -> HTMLResponse:
    query = SearchQuery(q, limit, offset, source or None, since, until, kind, entity or None)
    page = queries.search(store, query) if q.strip() else None
    hits = [{"h": h, "snippet": mark_snippet(h.snippet)} for h in (page.items if page else [])]
    entity_name = queries.entity_names(store, [entity]).get(entity, entity) if entity else ""
    return render(request, "search.html", {"q": q, "page": page, "hits": hits, "sources": store.sources(),
                                           "source": source or "", "since": since or "", "until": until or "",
                                           "entity": entity or "", "entity_name": entity_name, "kind": kind})


# -- writing (session + CSRF) -----------------------------------------------

def _after_post(request: Request, target: str) -> Response:
    return RedirectResponse(target, status_code=303)


@router.post("/findings/{finding_id}/review")
def review(request: Request, store: StoreDep, finding_id: IdPath,
           status: Annotated[str, Form(max_length=16)], note: Annotated[str, Form(max_length=5000)] = "",
           csrf: Annotated[str, Form(max_length=200)] = "", next: Annotated[str, Form(max_length=2000)] = "") -> Response:
    session = require_session(request, csrf)
    review_finding(store, finding_id, status, note, session.user)
    if request.headers.get("hx-request") == "true":
        entry = queries.get_finding_entry(store, finding_id)
        row = queries.finding_rows(store, queries.Page([entry], 1, 1, 0))[0]
        return render(request, "_finding_card.html", {"row": row, "here": local_path(next, "/findings")})
    default = f"/findings/{quote(finding_id, safe='')}"
    return _after_post(request, local_path(next, default))


@router.post("/entities/{entity_id}/merge")
def merge(request: Request, store: StoreDep, entity_id: IdPath, names: Annotated[str, Form(max_length=20000)],
          note: Annotated[str, Form(max_length=5000)] = "", csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    session = require_session(request, csrf)
    ent = store.get_entity(entity_id)
    others = [n.strip() for n in names.splitlines() if n.strip()]
    if not others:
        raise UsageError("give at least one other name to merge, one per line")
    decide_entities(store, "merge", [ent.name, *others], session.user, note)
    return _after_post(request, entity_href(entity_id) + "?decided=merge")


@router.post("/entities/{entity_id}/split")
def split(request: Request, store: StoreDep, entity_id: IdPath,
          names: Annotated[list[str], Form(max_length=500)], note: Annotated[str, Form(max_length=5000)] = "",
          csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    session = require_session(request, csrf)
    ent = store.get_entity(entity_id)
    chosen = [n for n in names if n.strip() and n != ent.name]
    if not chosen:
        raise UsageError("choose at least one alias to split off")
    decide_entities(store, "split", [ent.name, *chosen], session.user, note)
    return _after_post(request, entity_href(entity_id) + "?decided=split")


# -- login -----------------------------------------------------------------

@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: Annotated[str, Query(max_length=2000)] = "/") -> HTMLResponse:
    signer: Signer = request.app.state.signer
    nonce = secrets.token_urlsafe(16)
    response = render(request, "login.html", {"next": local_path(next), "login_csrf": signer.login_csrf(nonce)})
    response.set_cookie(LOGIN_COOKIE, nonce, max_age=1800, httponly=True, samesite="strict", path="/login")
    return response


@router.post("/login")
def login(request: Request, store: StoreDep, token: Annotated[str, Form(max_length=500)],
          csrf: Annotated[str, Form(max_length=200)] = "", next: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    signer: Signer = request.app.state.signer
    signer.check(signer.login_csrf(request.cookies.get(LOGIN_COOKIE, "")), csrf)
    owner = store.token_owner(token.strip())
    if owner is None:
        raise AuthError("invalid token")
    response = RedirectResponse(local_path(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, signer.issue(owner), max_age=SESSION_MAX_AGE, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    require_session(request, csrf)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
