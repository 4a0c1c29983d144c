"""Full-text search over documents and statements: FTS5 on SQLite, tsvector on PostgreSQL.

Both backends take the same :class:`SearchQuery` and give the same
:class:`SearchHit`s; snippets mark matches with ``\\x02``/``\\x03`` so the web
layer can escape the text first and then turn the markers into ``<mark>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, text

from ..model import Document, Statement

__all__ = ["MARK_END", "MARK_START", "SearchHit", "SearchQuery", "search_backend"]

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
    kind: str = "all"  # all | documents | statements


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "document" | "statement"
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


def _filters(query: SearchQuery, params: dict[str, Any]) -> str:
    sql = ""
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
        if not terms:
            return [], 0
        # Every term quoted: user input never reaches FTS5 syntax.
        match = " ".join('"' + term.replace('"', "") + '"' for term in terms)
        params: dict[str, Any] = {"match": match, "limit": query.limit, "offset": query.offset,
                                  "s": MARK_START, "e": MARK_END}
        filt = _filters(query, params)
        parts = []
        if query.kind in ("all", "documents"):
            parts.append(
                "SELECT 'document' AS kind, f.document_id AS id, f.document_id AS document_id, "
                "snippet(documents_fts, 2, :s, :e, '…', 24) AS snippet, bm25(documents_fts) AS rank "
                f"FROM documents_fts f JOIN documents d ON d.id = f.document_id WHERE documents_fts MATCH :match{filt}"
            )
        if query.kind in ("all", "statements"):
            parts.append(
                "SELECT 'statement' AS kind, f.statement_id AS id, f.document_id AS document_id, "
                "snippet(statements_fts, 2, :s, :e, '…', 24) AS snippet, bm25(statements_fts) - 0.5 AS rank "
                f"FROM statements_fts f JOIN documents d ON d.id = f.document_id WHERE statements_fts MATCH :match{filt}"
            )
        union = " UNION ALL ".join(parts)
        total = conn.execute(text(f"SELECT count(*) FROM ({union})"), params).scalar_one()
        rows = conn.execute(
            text(
                f"SELECT h.kind, h.id, h.document_id, h.snippet, d.title, d.source, d.published FROM ({union}) h "
                "JOIN documents d ON d.id = h.document_id ORDER BY h.rank, h.id LIMIT :limit OFFSET :offset"
            ),
            params,
        ).mappings()
        return [SearchHit(x["kind"], x["id"], x["document_id"], x["title"], x["source"], x["published"], x["snippet"])
                for x in rows], total


class _PostgresSearch:
    def index_document(self, conn: Connection, doc: Document) -> None:
        """The GIN expression index keeps itself up to date."""

    def index_statements(self, conn: Connection, statements: Sequence[Statement]) -> None:
        """The GIN expression index keeps itself up to date."""

    def unindex_statements(self, conn: Connection, document_id: str) -> None:
        """The GIN expression index keeps itself up to date."""

    def search(self, conn: Connection, query: SearchQuery) -> tuple[list[SearchHit], int]:
        terms = _terms(query.q)
        if not terms:
            return [], 0
        params: dict[str, Any] = {"q": " ".join(terms), "limit": query.limit, "offset": query.offset,
                                  "opts": f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15"}
        filt = _filters(query, params)
        tsq = "plainto_tsquery('simple', :q)"
        parts = []
        if query.kind in ("all", "documents"):
            vec = "to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text)"
            parts.append(
                f"SELECT 'document' AS kind, d.id AS id, d.id AS document_id, "
                f"ts_headline('simple', d.text, {tsq}, :opts) AS snippet, -ts_rank({vec}, {tsq}) AS rank "
                f"FROM documents d WHERE {vec} @@ {tsq}{filt}"
            )
        if query.kind in ("all", "statements"):
            vec = "to_tsvector('simple', s.content)"
            parts.append(
                f"SELECT 'statement' AS kind, s.id AS id, s.document_id AS document_id, "
                f"ts_headline('simple', s.content, {tsq}, :opts) AS snippet, -ts_rank({vec}, {tsq}) - 0.01 AS rank "
                f"FROM statements s JOIN documents d ON d.id = s.document_id WHERE {vec} @@ {tsq}{filt}"
            )
        union = " UNION ALL ".join(parts)
        total = conn.execute(text(f"SELECT count(*) FROM ({union}) u"), params).scalar_one()
        rows = conn.execute(
            text(
                f"SELECT h.kind, h.id, h.document_id, h.snippet, d.title, d.source, d.published FROM ({union}) h "
                "JOIN documents d ON d.id = h.document_id ORDER BY h.rank, h.id LIMIT :limit OFFSET :offset"
            ),
            params,
        ).mappings()
        return [SearchHit(x["kind"], x["id"], x["document_id"], x["title"], x["source"], x["published"], x["snippet"])
                for x in rows], total


def search_backend(dialect: str) -> _Backend:
    return _PostgresSearch() if dialect == "postgresql" else _SQLiteSearch()
