"""The store's reader role: records by id, streamed in id order, or listed; decisions, watchlists and search."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, cast, func, or_, select

from .. import model as m
from ..errors import NotFoundError
from . import records as r
from . import schema as t
from .base import StoreBase, _hash_token
from .lookup import rows_where_in
from .search import SearchHit, SearchQuery, SearchResults, search_all

__all__ = ["StoreReader"]

_BATCH = 500


class StoreReader(StoreBase):
    """Reads of whole records: what the services, the exports and the pages build on."""

    def get_document(self, doc_id: str) -> m.Document:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r}")
        return r.document_from_row(row)

    def get_documents(self, ids: Iterable[str]) -> dict[str, m.Document]:
        with self.engine.connect() as conn:
            rows = rows_where_in(conn, select(t.documents), t.documents.c.id, ids)
        return {x._mapping["id"]: r.document_from_row(x._mapping) for x in rows}

    def iter_documents(self, *, with_text: bool = True) -> Iterator[m.Document]:
        """All documents in id order, streamed in batches (bounded memory)."""
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = list(
                    conn.execute(
                        select(t.documents).where(t.documents.c.id > last).order_by(t.documents.c.id).limit(_BATCH)
                    ).mappings()
                )
            if not rows:
                return
            for row in rows:
                yield r.document_from_row(row)
            last = rows[-1]["id"]

    def list_documents(
        self, *, limit: int = 50, offset: int = 0, source: str | None = None, since: str | None = None,
        until: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of document summaries (no text), newest first, and the total count."""
        cols: list[Any] = [c for c in t.documents.c if c.name not in ("text", "meta")]
        meta = t.documents.c.meta
        cols.append((func.json_extract_path_text(cast(meta, JSON), "published_precision") if self.dialect == "postgresql"
                     else func.json_extract(meta, "$.published_precision")).label("published_precision"))
        cond = []
        if source:
            cond.append(t.documents.c.source == source)
        if since:
            cond.append(t.documents.c.published >= since)
        if until:
            cond.append(t.documents.c.published <= until)
        with self.engine.connect() as conn:
            q = select(*cols).where(*cond).order_by(
                t.documents.c.published.desc().nulls_last(), t.documents.c.ingested_at.desc(), t.documents.c.id
            )
            rows = [dict(x) for x in conn.execute(q.limit(limit).offset(offset)).mappings()]
            total = conn.execute(select(func.count()).select_from(t.documents).where(*cond)).scalar_one()
        return rows, total

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one()

    def sources(self) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.documents.c.source).where(t.documents.c.source.is_not(None)).distinct().order_by(t.documents.c.source)
            )
            return [x[0] for x in rows]

    def _iter_table(self, table: Any, where: Any = None) -> Iterator[Mapping[Any, Any]]:
        last = ""
        while True:
            with self.engine.connect() as conn:
                q = select(table).where(table.c.id > last)
                if where is not None:
                    q = q.where(where)
                rows = list(conn.execute(q.order_by(table.c.id).limit(2000)).mappings())
            if not rows:
                return
            yield from rows
            last = rows[-1]["id"]

    def iter_mentions(self, document_id: str | None = None) -> Iterator[m.Mention]:
        where = t.mentions.c.document_id == document_id if document_id else None
        return (r.mention_from_row(x) for x in self._iter_table(t.mentions, where))

    def iter_statements(self, document_id: str | None = None) -> Iterator[m.Statement]:
        """Statements in id order (all, or one document's), each with its topic."""
        where = t.statements.c.document_id == document_id if document_id else None
        for rows in _batched(self._iter_table(t.statements, where), 2000):
            topics = self.topics([x["id"] for x in rows])
            yield from (r.statement_from_row(x, topics.get(x["id"])) for x in rows)

    def iter_facts(self, document_id: str | None = None) -> Iterator[m.Fact]:
        where = t.facts.c.document_id == document_id if document_id else None
        return (r.fact_from_row(x) for x in self._iter_table(t.facts, where))

    def mentions_of(self, document_id: str) -> list[m.Mention]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.mentions).where(t.mentions.c.document_id == document_id).order_by(t.mentions.c.start)
            ).mappings()
            return [r.mention_from_row(x) for x in rows]

    def statements_by_ids(self, ids: Iterable[str]) -> dict[str, m.Statement]:
        return self._by_ids(t.statements, ids, lambda x, tp: r.statement_from_row(x, tp.get(x["id"])))

    def facts_by_ids(self, ids: Iterable[str]) -> dict[str, m.Fact]:
        return self._by_ids(t.facts, ids, lambda x, _tp: r.fact_from_row(x))

    def _by_ids(self, table: Any, ids: Iterable[str], convert: Any) -> dict[str, Any]:
        ids = list(ids)
        topics = self.topics(ids) if table is t.statements else {}
        with self.engine.connect() as conn:
            rows = rows_where_in(conn, select(table), table.c.id, ids)
        return {x._mapping["id"]: convert(x._mapping, topics) for x in rows}

    def topics(self, statement_ids: Sequence[str] | None = None) -> dict[str, str]:
        with self.engine.connect() as conn:
            q = select(t.topics.c.statement_id, t.topics.c.topic)
            if statement_ids is not None:
                return {i: tp for i, tp in rows_where_in(conn, q, t.topics.c.statement_id, statement_ids)}
            return dict(conn.execute(q).all())

    def get_state(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.corpus_state.c.value).where(t.corpus_state.c.key == key)).scalar()

    def iter_entities(self) -> Iterator[m.Entity]:
        keys: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for k, e in conn.execute(select(t.entity_keys.c.local_key, t.entity_keys.c.entity_id)):
                keys.setdefault(e, []).append(k)
        for row in self._iter_table(t.entities):
            yield r.entity_from_row(row, tuple(sorted(keys.get(row["id"], ()))))

    def get_entity(self, entity_id: str) -> m.Entity:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).mappings().first()
            if row is None:
                raise NotFoundError(f"no entity {entity_id!r}")
            keys = tuple(
                sorted(x[0] for x in conn.execute(select(t.entity_keys.c.local_key).where(t.entity_keys.c.entity_id == entity_id)))
            )
        return r.entity_from_row(row, keys)

    def key_to_entity(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {k: e for k, e in conn.execute(select(t.entity_keys.c.local_key, t.entity_keys.c.entity_id))}

    def iter_links(self) -> Iterator[m.Link]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.links).order_by(t.links.c.entity_id, t.links.c.score.desc(), t.links.c.ref))
            return iter([r.link_from_row(x) for x in rows.mappings()])

    def iter_storylines(self, actor_id: str | None = None) -> Iterator[m.Storyline]:
        with self.engine.connect() as conn:
            q = select(t.storylines).order_by(t.storylines.c.actor_id, t.storylines.c.topic)
            if actor_id:
                q = q.where(t.storylines.c.actor_id == actor_id)
            return iter([r.storyline_from_row(x) for x in conn.execute(q).mappings()])

    def get_storyline(self, storyline_id: str) -> m.Storyline:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.storylines).where(t.storylines.c.id == storyline_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no storyline {storyline_id!r}")
        return r.storyline_from_row(row)

    def iter_findings(self) -> Iterator[m.Finding]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.findings).order_by(t.findings.c.score.desc(), t.findings.c.id)).mappings()
            return iter([r.finding_from_row(x) for x in rows])

    def get_finding(self, finding_id: str) -> m.Finding:
        """The finding of this id, or of the dispute that now holds the pair an older id named."""
        current = self.current_finding_id(finding_id)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.findings).where(t.findings.c.id == current)).mappings().first()
        if row is None:
            raise NotFoundError(f"no finding {finding_id!r}")
        return r.finding_from_row(row)

    def current_finding_id(self, finding_id: str) -> str:
        """The id itself, or for the id a pair had before findings were disputes, the finding that now holds the pair."""
        al = t.finding_aliases
        with self.engine.connect() as conn:
            alias = conn.execute(select(al.c.finding_id).where(al.c.old_id == finding_id)).scalar()
        return str(alias) if alias is not None else finding_id

    def latest_reviews(self) -> dict[str, m.Review]:
        """The newest decision per finding id (older ones stay in the table as history).

        A review kept by the id a pair had before findings were disputes counts for the finding that now holds the pair.
        """
        out: dict[str, m.Review] = {}
        al = t.finding_aliases
        q = (select(t.reviews, al.c.finding_id.label("current_id"))
             .select_from(t.reviews.outerjoin(al, al.c.old_id == t.reviews.c.finding_id)).order_by(t.reviews.c.id))
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                current = row["current_id"] or row["finding_id"]
                out[current] = dataclasses.replace(_review(row), finding_id=current)
        return out

    def review_history(self, finding_id: str) -> list[m.Review]:
        """Every decision on the finding, oldest first, those kept by its pairs' older ids included."""
        al = t.finding_aliases
        older = select(al.c.old_id).where(al.c.finding_id == finding_id)
        q = (select(t.reviews).where(or_(t.reviews.c.finding_id == finding_id, t.reviews.c.finding_id.in_(older)))
             .order_by(t.reviews.c.id))
        with self.engine.connect() as conn:
            return [_review(x) for x in conn.execute(q).mappings()]

    def entity_decisions(self) -> list[m.EntityDecision]:
        import datetime as dt

        with self.engine.connect() as conn:
            rows = conn.execute(select(t.entity_decisions).order_by(t.entity_decisions.c.id)).mappings()
            return [
                m.EntityDecision(x["action"], tuple(json.loads(x["names"])), x["reviewer"], x["note"],
                                 dt.datetime.fromisoformat(x["decided_at"]))
                for x in rows
            ]

    def token_owner(self, token: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.tokens.c.name).where(t.tokens.c.token_hash == _hash_token(token))).scalar()

    def list_watchlists(self) -> list[Mapping[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(x) for x in conn.execute(select(t.watchlists).order_by(t.watchlists.c.name)).mappings()]

    def iter_watchlist_entries(self) -> Iterator[m.WatchlistEntry]:
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(
                select(t.watchlist_entries).order_by(t.watchlist_entries.c.list_name, t.watchlist_entries.c.ref)
            )
            for row in result.mappings():
                yield r.watchlist_entry_from_row(row)

    # -- search -----------------------------------------------------------
    def search(self, query: SearchQuery) -> tuple[list[SearchHit], int]:
        with self.engine.connect() as conn:
            return self.search_index.search(conn, query)

    def search_all(self, query: SearchQuery) -> SearchResults:
        """Text search expanded through entity names, with entities as results (store/search.py)."""
        with self.engine.connect() as conn:
            return search_all(conn, self.search_index, query)


def _batched(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _review(row: Mapping[Any, Any]) -> m.Review:
    import datetime as dt

    return m.Review(row["finding_id"], m.ReviewStatus(row["status"]), row["note"], row["reviewer"],
                    dt.datetime.fromisoformat(row["decided_at"]))
