"""Full-text search over documents and statements (FTS5 on SQLite, tsvector on PostgreSQL), and over entities.

Both backends take the same :class:`SearchQuery` and give the same
:class:`SearchHit`s; snippets mark matches with ``\\x02``/``\\x03`` so the web
layer can escape the text first and then turn the markers into ``<mark>``.

:func:`search_all` knows entities: a query that is the name or an alias of an
entity also matches its other names (``SearchQuery.also``: "ISKP" finds what
says "ISIS-K" or "Daesh"), and entities whose names hold every word of the
query are results of their own (kind ``entity``, first on the first page).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, func, or_, select, text

from ..model import Document, Entity, Statement
from . import records, schema

__all__ = ["MARK_END", "MARK_START", "EntityMatch", "SearchHit", "SearchQuery", "SearchResults", "match_entities",
           "search_all", "search_backend"]

#: Counting stops here ("10,000+ results"): an exact count of a common word costs more than it tells.
COUNT_CAP = 10_000
MARK_START = "\x02"
MARK_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    q: str
    limit: int = 20
    offset: int = 0
    source: str | None = None
    since: str | None = None  # YYYY-MM-DD inclusive
    until: str | None = None
    kind: str = "all"  # all | documents | statements | entities
    entity: str | None = None  # only documents that mention this entity (and their statements)
    also: tuple[str, ...] = ()  # other names matched as phrases, OR'ed with q (see search_all)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "document" | "statement" | "entity" (then document_id is "" and title the entity's name)
    id: str
    document_id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str  # with MARK_START/MARK_END around matches


def _terms(q: str) -> list[str]:
    return _WORD.findall(q)


class _Backend(Protocol):
    def index_document(self, conn: Connection, doc: Document) -> None: ...
    def index_statements(self, conn: Connection, statements: Sequence[Statement]) -> None: ...
    def unindex_statements(self, conn: Connection, document_id: str) -> None: ...
    def search(self, conn: Connection, query: SearchQuery) -> tuple[list[SearchHit], int]: ...


def _filters(query: SearchQuery, params: dict[str, Any], doc_of_key: str) -> str:
    sql = ""
    if query.entity:  # a local key is "document_id#cluster"
        sql += f" AND d.id IN (SELECT {doc_of_key} FROM entity_keys k WHERE k.entity_id = :entity)"
        params["entity"] = query.entity
    if query.source:
        sql += " AND d.source = :source"
        params["source"] = query.source
    if query.since:
        sql += " AND d.published >= :since"
        params["since"] = query.since
    if query.until:
        sql += " AND d.published <= :until"
        params["until"] = query.until
    return sql


class _SQLiteSearch:
    def index_document(self, conn: Connection, doc: Document) -> None:
        conn.execute(
            text("INSERT INTO documents_fts(document_id, title, text) VALUES (:id, :title, :text)"),
            {"id": doc.id, "title": doc.title or "", "text": doc.text},
        )

    def index_statements(self, conn: Connection, statements: Sequence[Statement]) -> None:
        conn.execute(
            text("INSERT INTO statements_fts(statement_id, document_id, content) VALUES (:id, :doc, :content)"),
            [{"id": s.id, "doc": s.document_id, "content": s.content} for s in statements],
        )

    def unindex_statements(self, conn: Connection, document_id: str) -> None:
        conn.execute(text("DELETE FROM statements_fts WHERE document_id = :d"), {"d": document_id})

    def search(self, conn: Connection, query: SearchQuery) -> tuple[list[SearchHit], int]:
        terms = _terms(query.q)
        if not terms or query.kind == "entities":
            return [], 0
        # Every term quoted: user input never reaches FTS5 syntax. Other names are phrases, OR'ed.
        match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
        phrases = [" ".join(_terms(name)) for name in query.also]
        if any(phrases):
            match = " OR ".join([f"({match})", *(f'"{p}"' for p in phrases if p)])
        params: dict[str, Any] = {"match": match, "k": query.offset + query.limit, "cap": COUNT_CAP}
        filt = _filters(query, params, "substr(k.local_key, 1, instr(k.local_key, '#') - 1)")
        if filt:  # the documents passing the filters, from a covering index (no join per match)
            filt = f" AND f.document_id IN (SELECT d.id FROM documents d WHERE 1 = 1{filt})"
        tables = []
        if query.kind in ("all", "documents"):
            tables.append(("document", "documents_fts", "document_id", 0.0))
        if query.kind in ("all", "statements"):
            tables.append(("statement", "statements_fts", "statement_id", -0.5))
        total = 0
        ranked: list[tuple[float, str, int]] = []
        for kind, fts, _id_col, boost in tables:
            # The best k of this table by bm25, on rowid and rank alone: naming a stored column here would
            # read every match's row; ids and snippets are read only for the page shown.
            matches = f"SELECT f.rowid AS rowid, bm25({fts}) AS rank FROM {fts} f WHERE {fts} MATCH :match{filt}"
            if filt:  # the filter reads each match's document id: count and rank in that one pass
                rows = conn.execute(
                    text(f"SELECT rowid, rank, count(*) OVER () FROM ({matches}) ORDER BY rank, rowid LIMIT :k"), params
                ).all()
                total += min(rows[0][2], COUNT_CAP) if rows else 0
            else:  # counting without a filter reads the index only
                total += conn.execute(
                    text(f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH :match LIMIT :cap)"), params
                ).scalar_one()
                rows = conn.execute(text(f"{matches} ORDER BY rank, rowid LIMIT :k"), params).all()
            ranked.extend((rank + boost, kind, rowid) for rowid, rank, *_ in rows)
        ranked.sort()
        hits = []
        for _rank, kind, rowid in ranked[query.offset : query.offset + query.limit]:
            fts, id_col = ("documents_fts", "document_id") if kind == "document" else ("statements_fts", "statement_id")
            item_id, doc_id, snippet = conn.execute(
                text(f"SELECT {id_col}, document_id, snippet({fts}, 2, :s, :e, '…', 24) FROM {fts} "
                     f"WHERE {fts} MATCH :match AND rowid = :rowid"),
                {"match": match, "rowid": rowid, "s": MARK_START, "e": MARK_END},
            ).one()
            d = conn.execute(text("SELECT title, source, published FROM documents WHERE id = :id"), {"id": doc_id}).first()
            title, source, published = d if d else (None, None, None)
            hits.append(SearchHit(kind, item_id, doc_id, title, source, published, snippet or ""))
        return hits, total


class _PostgresSearch:
    def index_document(self, conn: Connection, doc: Document) -> None:
        """The stored ``search_vector`` column and its GIN index keep themselves up to date."""

    def index_statements(self, conn: Connection, statements: Sequence[Statement]) -> None:
        """The stored ``search_vector`` column and its GIN index keep themselves up to date."""

    def unindex_statements(self, conn: Connection, document_id: str) -> None:
        """The stored ``search_vector`` column and its GIN index keep themselves up to date."""

    def search(self, conn: Connection, query: SearchQuery) -> tuple[list[SearchHit], int]:
        terms = _terms(query.q)
        if not terms or query.kind == "entities":
            return [], 0
        params: dict[str, Any] = {"q": " ".join(terms), "k": query.offset + query.limit, "cap": COUNT_CAP}
        filt = _filters(query, params, "split_part(k.local_key, '#', 1)")
        tsq = "plainto_tsquery('simple', :q)"
        phrases = [" ".join(_terms(name)) for name in query.also]
        for i, phrase in enumerate(p for p in phrases if p):
            params[f"also{i}"] = phrase
            tsq += f" || phraseto_tsquery('simple', :also{i})"
        tsq = f"({tsq})"
        tables = []
        if query.kind in ("all", "documents"):
            vec = "d.search_vector"  # stored, generated column (migration 0004)
            tables.append(("document", f"SELECT d.id AS id, d.id AS document_id, ts_rank({vec}, {tsq}) AS rank "
                                       f"FROM documents d WHERE {vec} @@ {tsq}{filt}", 0.0))
        if query.kind in ("all", "statements"):
            vec = "s.search_vector"
            tables.append(("statement", f"SELECT s.id AS id, s.document_id AS document_id, ts_rank({vec}, {tsq}) AS rank "
                                        f"FROM statements s{' JOIN documents d ON d.id = s.document_id' if filt else ''} "
                                        f"WHERE {vec} @@ {tsq}{filt}", 0.01))
        total = 0
        ranked: list[tuple[float, str, str, str]] = []
        for kind, sql, boost in tables:
            total += conn.execute(text(f"SELECT count(*) FROM ({sql} LIMIT :cap) c"), params).scalar_one()
            rows = conn.execute(text(f"{sql} ORDER BY rank DESC, id LIMIT :k"), params)
            ranked.extend((-(rank + boost), item_id, doc_id, kind) for item_id, doc_id, rank in rows)
        ranked.sort(key=lambda x: (x[0], x[1]))
        opts = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15"
        hits = []
        for _rank, item_id, doc_id, kind in ranked[query.offset : query.offset + query.limit]:
            source_sql = ("SELECT text FROM documents WHERE id = :id" if kind == "document"
                          else "SELECT content FROM statements WHERE id = :id")
            snippet = conn.execute(
                text(f"SELECT ts_headline('simple', ({source_sql}), {tsq}, :opts)"),
                {**{k: v for k, v in params.items() if k == "q" or k.startswith("also")}, "id": item_id, "opts": opts}
            ).scalar() or ""
            d = conn.execute(text("SELECT title, source, published FROM documents WHERE id = :id"), {"id": doc_id}).first()
            title, source, published = d if d else (None, None, None)
            hits.append(SearchHit(kind, item_id, doc_id, title, source, published, snippet))
        return hits, total


@dataclass(frozen=True)
class EntityMatch:
    """An entity whose name or an alias holds every word of the query."""

    entity: Entity
    matched: str  # the name or alias that matched
    exact: bool  # the query is that whole name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([self.entity.name, *self.entity.aliases]))


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    total: int
    entities: tuple[EntityMatch, ...] = ()  # entity results (also in hits on the first page)
    also: tuple[str, ...] = ()  # the other names the query was expanded with


#: At most this many entity results, and this many other names added to a query.
ENTITY_RESULTS = 5
MAX_ALSO = 12


def _words(value: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _terms(value))


def match_entities(conn: Connection, q: str, *, limit: int = ENTITY_RESULTS) -> list[EntityMatch]:
    """Entities with a name or alias holding every word of ``q`` (whole words, any case); exact names first."""
    words = _words(q)
    if not words:
        return []
    longest = max(words, key=len)
    like = "%" + longest.replace("\\", "").replace("%", "").replace("_", "") + "%"
    e = schema.entities
    rows = conn.execute(
        select(e).where(or_(func.lower(e.c.name).like(like), func.lower(e.c.aliases).like(like)))
        .order_by(e.c.mention_count.desc(), e.c.id).limit(500)
    ).mappings()
    found: list[EntityMatch] = []
    for row in rows:
        entity = records.entity_from_row(row)
        best: tuple[bool, str] | None = None
        for candidate in dict.fromkeys([entity.name, *entity.aliases]):
            have = _words(candidate)
            if have == words:
                best = (True, candidate)
                break
            if best is None and all(w in have for w in words):
                best = (False, candidate)
        if best is not None:
            found.append(EntityMatch(entity, best[1], best[0]))
    found.sort(key=lambda m: (not m.exact, -m.entity.mention_count, m.entity.id))
    return found[:limit]


def _entity_hit(match: EntityMatch) -> SearchHit:
    entity = match.entity
    others = [a for a in match.names if a != entity.name]
    shown = [f"{MARK_START}{a}{MARK_END}" if a == match.matched else a for a in others[:8]]
    snippet = entity.type.value + (" · also called " + ", ".join(shown) if shown else "")
    if match.matched == entity.name:
        snippet = f"{MARK_START}{entity.name}{MARK_END} · " + snippet
    return SearchHit("entity", entity.id, "", entity.name, None, None, snippet)


def search_all(conn: Connection, backend: _Backend, query: SearchQuery) -> SearchResults:
    """Documents, statements and entities for ``query``, the text search expanded through entity names.

    A query that is the whole name or alias of an entity also matches that entity's other names. Entities
    are results of their own on the first page unless ``kind`` asks for documents or statements only.
    """
    entities = match_entities(conn, query.q, limit=max(ENTITY_RESULTS, query.offset + query.limit)
                              if query.kind == "entities" else ENTITY_RESULTS)
    q_words = _words(query.q)
    also: list[str] = []
    for match in entities:
        if match.exact:
            for name in match.names:
                if _words(name) != q_words and name not in also and _words(name):
                    also.append(name)
    also = also[:MAX_ALSO]
    if query.kind == "entities":
        page = entities[query.offset : query.offset + query.limit]
        return SearchResults([_entity_hit(e) for e in page], len(entities), tuple(entities), tuple(also))
    hits, total = backend.search(conn, dataclasses.replace(query, also=tuple(also)))
    shown: list[EntityMatch] = []
    if query.kind == "all" and not query.entity:
        shown = entities
        if query.offset == 0:
            hits = [_entity_hit(e) for e in shown] + hits
        total += len(shown)
    return SearchResults(hits, total, tuple(shown), tuple(also))


def search_backend(dialect: str) -> _Backend:
    return _PostgresSearch() if dialect == "postgresql" else _SQLiteSearch()
