"""Read-only query functions that the web pages, the JSON API and the CLI share.

Each function computes one view's data once (bounded: every list is a page
cut by LIMIT/OFFSET in SQL, never a whole table loaded per request) and
returns plain records; the web layer renders them as HTML or, through
:mod:`storyline.export.contract`, as JSON.

Per-entity lists (statements by and about an actor, its facts and aliases)
and the findings filters (actor, source) read the read-side index tables of
:mod:`storyline.store.derived`, so each is an index range at any corpus size.
Every read goes through the Store's named read methods (:mod:`storyline.store.views`);
this module only shapes pages from their records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import model as m
from .errors import NotFoundError
from .store import MENTIONED, SPEAKER, SUBJECT, FindingEntry, SearchQuery, Store

__all__ = [
    "DocumentView",
    "EntityView",
    "FindingRow",
    "FindingSide",
    "HomeView",
    "Page",
    "StatementRow",
    "StorylineView",
    "corpus_counts",
    "document_summaries",
    "document_view",
    "entity_view",
    "finding_rows",
    "findings_page",
    "home_view",
    "keys_to_entities",
    "list_documents",
    "search",
    "storyline_view",
    "storylines_page",
    "top_actors",
]

RTL_LANGUAGES = frozenset({"ar", "ps", "fa", "ur", "he", "yi", "dv", "sd", "ug", "ku"})


@dataclass(frozen=True)
class Page:
    """One page of a list and where it sits in the whole."""

    items: list[Any]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total

    @property
    def has_prev(self) -> bool:
        return self.offset > 0


# -- documents ------------------------------------------------------------

def list_documents(store: Store, *, limit: int = 20, offset: int = 0, source: str | None = None,
                   since: str | None = None, until: str | None = None) -> Page:
    """Document summaries (no text), newest first."""
    rows, total = store.list_documents(limit=limit, offset=offset, source=source, since=since, until=until)
    return Page([dict(x) for x in rows], total, limit, offset)


def document_summaries(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Title, source and dates of the given documents (no text)."""
    return store.document_summaries(ids)


def keys_to_entities(store: Store, keys: Iterable[str]) -> dict[str, str]:
    """The entity ids of the given local keys (only those asked for)."""
    return store.entity_of_keys(keys)


def entity_names(store: Store, ids: Iterable[str]) -> dict[str, str]:
    return store.entity_names_of(ids)


@dataclass(frozen=True)
class DocumentView:
    document: m.Document
    mentions: list[m.Mention]
    statements: list[m.Statement]
    facts: list[m.Fact]
    key_to_entity: dict[str, str]
    entity_names: dict[str, str]
    near_duplicate_of: dict[str, Any] | None
    near_duplicates: list[dict[str, Any]]
    related: list[tuple[dict[str, Any], int]]  # (document summary, shared entity count)

    @property
    def rtl(self) -> bool:
        lang = (self.document.language or "").split("-")[0].lower()
        return lang in RTL_LANGUAGES

    @property
    def not_english(self) -> str | None:
        """The name of the document's language when it is not English (the English models skipped it)."""
        from .ingest.language import language_name
        from .nlp.pipeline import is_english

        return None if is_english(self.document) else language_name(self.document.language)


def document_view(store: Store, doc_id: str, *, related_limit: int = 8) -> DocumentView:
    doc = store.get_document(doc_id)  # NotFoundError
    mentions = store.mentions_of(doc_id)
    statements = store.statements_of_document(doc_id)
    facts = store.facts_of_document(doc_id)
    dup_of = store.near_duplicate_of(doc_id)
    keys = [x.local_key for x in mentions] + [s.speaker_key for s in statements if s.speaker_key]
    keys += [f.subject_key for f in facts if f.subject_key]
    k2e = keys_to_entities(store, keys)
    names = entity_names(store, k2e.values())
    dup_ids = store.near_duplicates_of(doc_id, limit=10)
    related = _related_documents(store, doc_id, list(dict.fromkeys(k2e.values())), related_limit)
    summaries = document_summaries(store, ([dup_of] if dup_of else []) + dup_ids)
    return DocumentView(
        document=doc, mentions=mentions, statements=statements, facts=facts, key_to_entity=k2e,
        entity_names=names, near_duplicate_of=summaries.get(dup_of) if dup_of else None,
        near_duplicates=[summaries[i] for i in dup_ids if i in summaries], related=related,
    )


def _related_documents(store: Store, doc_id: str, entity_ids: list[str], limit: int) -> list[tuple[dict[str, Any], int]]:
    """Documents sharing the most entities with this one (bounded: at most 300 keys per entity)."""
    if not entity_ids:
        return []
    counts: dict[str, int] = {}
    for eid in entity_ids[:25]:
        docs = {m.document_of(k) for k in store.keys_of_entity(eid, limit=300)}
        docs.discard(doc_id)
        for d in docs:
            counts[d] = counts.get(d, 0) + 1
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    summaries = document_summaries(store, [d for d, _ in best])
    return [(summaries[d], n) for d, n in best if d in summaries]


# -- corpus overview -------------------------------------------------------

def corpus_counts(store: Store) -> dict[str, int]:
    return store.table_counts(("documents", "statements", "facts", "entities", "storylines", "findings"))


def top_actors(store: Store, limit: int = 10) -> list[m.Entity]:
    """The most-mentioned people and organisations."""
    actors, _total = store.entities_page(types=[m.EntityType.PERSON.value, m.EntityType.ORGANIZATION.value],
                                         limit=limit)
    return actors


@dataclass(frozen=True)
class HomeView:
    counts: dict[str, int]
    recent: Page
    findings: list[FindingRow]
    actors: list[m.Entity]
    sources: list[str]


def home_view(store: Store) -> HomeView:
    return HomeView(
        counts=corpus_counts(store),
        recent=list_documents(store, limit=10),
        findings=finding_rows(store, findings_page(store, status="open", limit=5)),
        actors=top_actors(store),
        sources=store.sources(),
    )


# -- findings -------------------------------------------------------------

def findings_page(
    store: Store, *, kind: str | None = None, status: str | None = None, actor: str | None = None,
    source: str | None = None, min_score: float | None = None, limit: int = 20, offset: int = 0,
    ids: Sequence[str] | None = None,
) -> Page:
    """Findings, best score first, with their latest review; every filter applied in SQL."""
    items, total = store.findings_page(kind=kind, status=status, actor=actor, source=source, min_score=min_score,
                                       limit=limit, offset=offset, ids=ids)
    return Page(items, total, limit, offset)


def get_finding_entry(store: Store, finding_id: str) -> FindingEntry:
    """One finding with its review; an older id of one of its pairs finds the dispute that holds the pair now."""
    page = findings_page(store, ids=[store.current_finding_id(finding_id)], limit=1)
    if not page.items:
        raise NotFoundError(f"no finding {finding_id!r}")
    entry: FindingEntry = page.items[0]
    return entry


@dataclass(frozen=True)
class FindingSide:
    """One item of a finding, with the document passage it cites."""

    item: m.FindingItem
    document: dict[str, Any] | None = None
    start: int | None = None  # the cited span in the document text
    end: int | None = None
    before: str = ""
    cited: str = ""
    after: str = ""
    label: str = ""  # speaker, subject or entity name
    label_entity: str | None = None
    said_on: str | None = None
    record: dict[str, Any] | None = None  # the contract dict of the statement / fact / mention / entity
    position: str = ""  # the position this item holds in the dispute (the finding's side label), when known


@dataclass(frozen=True)
class FindingRow:
    entry: FindingEntry
    sides: list[FindingSide]


def sentence_context(text_: str, start: int, end: int, *, limit: int = 240) -> tuple[str, str, str]:
    """The text before, inside and after a span, widened to sentence-ish boundaries."""
    start = max(0, min(start, len(text_)))
    end = max(start, min(end, len(text_)))
    lo = max(0, start - limit)
    head = text_[lo:start]
    cut = max(head.rfind("\n"), head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if cut >= 0:
        head = head[cut + 1 :].lstrip() if head[cut] == "\n" else head[cut + 2 :]
    elif lo > 0:
        head = "…" + head
    tail = text_[end : end + limit]
    stops = [i for i in (tail.find("\n"), tail.find(". "), tail.find("? "), tail.find("! ")) if i >= 0]
    if stops:
        cut_at = min(stops)
        tail = tail[: cut_at + (0 if tail[cut_at] == "\n" else 1)]
    elif end + limit < len(text_):
        tail += "…"
    return head, text_[start:end], tail


def _by_side(f: m.Finding) -> Callable[[m.FindingItem], int]:
    """Items grouped by the side they hold (a dispute's positions in order), the rest in their own order."""
    order = {i: k for k, side in enumerate(f.sides) for i in side.items}
    return lambda item: order.get(item, len(f.sides))


def finding_rows(store: Store, page: Page) -> list[FindingRow]:
    """Resolve each finding's items to the passages they cite (one batch of queries for the page)."""
    entries: list[FindingEntry] = page.items
    ent_ids = [i.id for e in entries for i in e.finding.items if i.type is m.ItemType.ENTITY]
    cited = store.finding_records(e.finding for e in entries)
    stms, fcts, mens = cited.statements, cited.facts, cited.mentions
    doc_ids = {x.document_id for x in stms.values()} | {x.document_id for x in fcts.values()}
    doc_ids |= {x.document_id for x in mens.values()}
    docs = store.get_documents(doc_ids)
    keys = [s.speaker_key for s in stms.values() if s.speaker_key]
    keys += [f.subject_key for f in fcts.values() if f.subject_key] + [x.local_key for x in mens.values()]
    k2e = keys_to_entities(store, keys)
    names = entity_names(store, [*k2e.values(), *ent_ids])
    from .export.contract import fact_dict, statement_dict

    def doc_summary(doc_id: str) -> dict[str, Any] | None:
        d = docs.get(doc_id)
        if d is None:
            return None
        return {"id": d.id, "title": d.title, "source": d.source,
                "published": d.published.isoformat() if d.published else None, "language": d.language}

    rows: list[FindingRow] = []
    for e in entries:
        sides: list[FindingSide] = []
        position = {i: side.label for side in e.finding.sides for i in side.items}
        for item in sorted(e.finding.items, key=_by_side(e.finding)):
            side = FindingSide(item)
            if item.type is m.ItemType.STATEMENT and item.id in stms:
                s = stms[item.id]
                d = docs.get(s.document_id)
                b, c, a = sentence_context(d.text, s.start, s.end) if d else ("", s.content, "")
                eid = k2e.get(s.speaker_key) if s.speaker_key else None
                side = FindingSide(item, doc_summary(s.document_id), s.start, s.end, b, c, a,
                                   names.get(eid or "", s.speaker_text or "unattributed"), eid,
                                   s.said_on_text, statement_dict(s, k2e))
            elif item.type is m.ItemType.FACT and item.id in fcts:
                f = fcts[item.id]
                d = docs.get(f.document_id)
                b, c, a = sentence_context(d.text, f.start, f.end) if d else ("", f.text, "")
                eid = k2e.get(f.subject_key) if f.subject_key else None
                side = FindingSide(item, doc_summary(f.document_id), f.start, f.end, b, c, a,
                                   names.get(eid or "", f.subject_text or ""), eid, f.period, fact_dict(f, k2e))
            elif item.type is m.ItemType.MENTION and item.id in mens:
                mn = mens[item.id]
                d = docs.get(mn.document_id)
                b, c, a = sentence_context(d.text, mn.start, mn.end) if d else ("", mn.text, "")
                eid = k2e.get(mn.local_key)
                side = FindingSide(item, doc_summary(mn.document_id), mn.start, mn.end, b, c, a,
                                   names.get(eid or "", mn.text), eid)
            elif item.type is m.ItemType.ENTITY:
                side = FindingSide(item, label=names.get(item.id, item.id), label_entity=item.id)
            if item in position:
                side = replace(side, position=position[item])
            sides.append(side)
        rows.append(FindingRow(e, sides))
    return rows


# -- entities --------------------------------------------------------------

@dataclass(frozen=True)
class StatementRow:
    statement: m.Statement
    document: dict[str, Any]

    @property
    def date(self) -> str | None:
        if self.statement.said_on:
            return self.statement.said_on_text
        return self.document.get("published")


@dataclass(frozen=True)
class AliasSeen:
    alias: str
    count: int
    first_document: dict[str, Any] | None


@dataclass(frozen=True)
class EntityView:
    entity: m.Entity
    links: list[m.Link]
    aliases: list[AliasSeen]
    said: Page  # StatementRow, newest first
    timeline: list[StatementRow]  # up to 400 statements, oldest first
    about: list[StatementRow]
    facts: list[m.Fact]
    storylines: list[m.Storyline]
    findings: Page  # FindingEntry
    key_to_entity: dict[str, str] = field(default_factory=dict)


def _statement_rows(store: Store, ids: Iterable[str]) -> list[StatementRow]:
    stms = store.statements_by_ids(ids)
    docs = document_summaries(store, [x.document_id for x in stms.values()])
    return [StatementRow(x, docs.get(x.document_id, {"id": x.document_id})) for x in stms.values()]


TIMELINE_POINTS = 400


def entity_view(store: Store, entity_id: str, *, limit: int = 25, offset: int = 0) -> EntityView:
    """One entity; every list is an index range of entity_items / entity_aliases, bounded whatever its size."""
    entity = store.get_entity(entity_id)  # NotFoundError
    links = store.links_of_entity(entity_id)
    alias_rows = store.alias_counts(entity_id, limit=100)
    said_total = store.count_entity_items(entity_id, SPEAKER)
    page_ids = store.entity_item_ids(entity_id, SPEAKER, limit=limit, offset=offset)
    # the timeline draws the newest statements, oldest first
    timeline_ids = store.entity_item_ids(entity_id, SPEAKER, limit=TIMELINE_POINTS)
    about_ids = store.entity_item_ids(entity_id, MENTIONED, limit=20)
    fact_ids = store.entity_item_ids(entity_id, SUBJECT, limit=50)
    rows = {x.statement.id: x for x in _statement_rows(store, [*page_ids, *timeline_ids, *about_ids])}
    said = [rows[i] for i in page_ids if i in rows]
    timeline = sorted((rows[i] for i in timeline_ids if i in rows), key=lambda x: (x.date or "9999", x.statement.start))
    about = [rows[i] for i in about_ids if i in rows]
    seen_docs = document_summaries(store, [d for _a, _n, d in alias_rows if d])
    aliases = [AliasSeen(a, n, seen_docs.get(d) if d else None) for a, n, d in alias_rows]
    known = {a.alias for a in aliases}
    aliases += [AliasSeen(a, 0, None) for a in dict.fromkeys([entity.name, *entity.aliases]) if a not in known]
    facts = sorted(store.facts_by_ids(fact_ids).values(), key=lambda f: (f.period or "", f.document_id, f.start))
    keys = [x.statement.speaker_key for x in [*said, *about, *timeline] if x.statement.speaker_key]
    return EntityView(
        entity=entity, links=links, aliases=aliases, said=Page(said, said_total, limit, offset), timeline=timeline,
        about=about, facts=facts, storylines=list(store.iter_storylines(entity_id)),
        findings=findings_page(store, actor=entity_id, limit=20), key_to_entity=keys_to_entities(store, keys),
    )


# -- storylines -------------------------------------------------------------

def storylines_page(store: Store, *, actor: str | None = None, topic: str | None = None, limit: int = 50,
                    offset: int = 0) -> Page:
    items, total = store.storylines_page(actor=actor, topic=topic, limit=limit, offset=offset)
    return Page(items, total, limit, offset)


@dataclass(frozen=True)
class StorylineView:
    storyline: m.Storyline
    actor: m.Entity | None
    page: Page  # StatementRow, one page of the storyline's (time) order
    findings: list[FindingRow]  # the findings that cite a statement of this page

    @property
    def statements(self) -> list[StatementRow]:
        rows: list[StatementRow] = self.page.items
        return rows


def storyline_view(store: Store, storyline_id: str, *, limit: int = 100, offset: int = 0,
                   findings_limit: int = 50) -> StorylineView:
    """One page of a storyline's statements, and the findings among them."""
    sl = store.get_storyline(storyline_id)  # NotFoundError
    try:
        actor: m.Entity | None = store.get_entity(sl.actor_id)
    except NotFoundError:
        actor = None
    ids = list(sl.statement_ids[offset : offset + limit])
    stms = store.statements_by_ids(ids)
    docs = document_summaries(store, [s.document_id for s in stms.values()])
    rows = [StatementRow(stms[i], docs.get(stms[i].document_id, {"id": stms[i].document_id})) for i in ids if i in stms]
    finding_ids = store.findings_citing(ids, limit=findings_limit)
    findings = finding_rows(store, findings_page(store, ids=finding_ids, limit=findings_limit)) if finding_ids else []
    return StorylineView(sl, actor, Page(rows, len(sl.statement_ids), limit, offset), findings)


# -- search ----------------------------------------------------------------

@dataclass(frozen=True)
class SearchPage(Page):
    """A page of search hits and the other names the query was expanded with ("also matching ...")."""

    also: tuple[str, ...] = ()


def search(store: Store, query: SearchQuery) -> SearchPage:
    result = store.search_all(query)
    return SearchPage(result.hits, result.total, query.limit, query.offset, also=result.also)


def parse_date(value: str | None) -> str | None:
    """A YYYY-MM-DD filter value, checked; empty means no filter."""
    if not value:
        return None
    from .errors import UsageError

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid date {value!r}; expected YYYY-MM-DD") from None


def review_dict(entry: FindingEntry) -> dict[str, Any]:
    """A finding as the contract dict, with who decided and when."""
    from .export.contract import finding_dict

    out = finding_dict(entry.finding, entry.status, entry.note)
    out["reviewer"] = entry.reviewer
    out["decided_at"] = entry.decided_at
    return out
