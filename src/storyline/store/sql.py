"""The store: one class over SQLAlchemy Core, for SQLite (default) and PostgreSQL.

Every write is one transaction; a killed process leaves either the whole
document (or analysis, or corpus result) or none of it. Dialect differences
(full-text search, pragmas) live in :mod:`storyline.store.search` and in
:func:`_configure_sqlite`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Engine, cast, create_engine, delete, event, func, insert, or_, select, text, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from .. import model as m
from ..errors import NotFoundError, StoreError
from . import derived
from . import records as r
from . import schema as t
from .corpus_delta import TOPIC_MODEL_KEY, BlockRow, CorpusDeltaStore, CorpusUpdate, TopicModelRows
from .posts_schema import superseded
from .records import insert_many as _insert_many
from .search import SearchHit, SearchQuery, SearchResults, search_all, search_backend

log = logging.getLogger(__name__)

__all__ = ["AddResult", "CorpusResult", "Store", "open_store"]

_BATCH = 500


@dataclass(frozen=True)
class AddResult:
    document_id: str
    status: str  # "stored" | "duplicate" | "near_duplicate"
    near_duplicate_of: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class CorpusResult:
    """Everything the corpus-wide steps produce; replaced as a whole."""

    entities: Sequence[m.Entity] = ()
    key_to_entity: Mapping[str, str] | None = None
    links: Sequence[m.Link] = ()
    topics: Mapping[str, str] | None = None
    storylines: Sequence[m.Storyline] = ()
    findings: Sequence[m.Finding] = ()
    topic_index: Mapping[str, int] | None = None  # statement id → topic number in topic_model
    topic_model: TopicModelRows | None = None  # the topic model to keep for incremental runs
    candidates: Sequence[m.FindingCandidate] = ()  # the findings' candidate pairs, kept for incremental runs
    shard_rows: Sequence[m.ShardRow] = ()  # the findings shards of every statement and fact
    shard_pairs: Mapping[str, Sequence[int]] | None = None  # pairs evaluated in every entity shard


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=10000")  # first: the next pragma may wait for another process
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open (and create or migrate) the store at an SQLAlchemy URL."""
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if str(path) != ":memory:":
            if not path.parent.exists():
                raise StoreError(f"cannot open database {path}: directory {path.parent} does not exist")
        engine = create_engine(url)
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    store = Store(engine)
    if migrate:
        store.migrate()
    return store


class Store(CorpusDeltaStore):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._search = search_backend(self.dialect)

    # -- lifecycle -----------------------------------------------------
    def _where(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent; safe while others read)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    # One migrator at a time across processes; readers are not blocked.
                    conn.execute(text("SELECT pg_advisory_xact_lock(7242001)"))
                elif self.dialect == "sqlite":
                    # The same on SQLite: take the write lock before reading the schema version, so that
                    # processes opening a new database at once create its tables one after the other
                    # (pysqlite would otherwise run each CREATE TABLE outside any transaction).
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise StoreError(f"cannot open database {self._where()}: {_reason(exc)}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot migrate database {self._where()}: {_reason(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def _begin(self) -> Any:
        return _Tx(self)

    # -- documents -----------------------------------------------------
    def add_document(self, doc: m.Document, bands: Sequence[str] = (), near_dup: tuple[str, float] | None = None) -> AddResult:
        """Store one document in one transaction; the same text again is a no-op."""
        with self._begin() as conn:
            existing = conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == doc.sha256)).first()
            if existing:
                return AddResult(existing[0], "duplicate")
            row = r.document_row(doc)
            if near_dup:
                row["near_duplicate_of"], row["near_duplicate_score"] = near_dup
            conn.execute(insert(t.documents).values(**row))
            if bands:
                conn.execute(insert(t.document_bands), [{"band": b, "document_id": doc.id} for b in bands])
            self._search.index_document(conn, doc)
        if near_dup:
            return AddResult(doc.id, "near_duplicate", near_dup[0], near_dup[1])
        return AddResult(doc.id, "stored")

    def band_candidates(self, bands: Sequence[str]) -> list[str]:
        """Documents sharing at least one LSH band with the given signature bands."""
        if not bands:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.document_bands.c.document_id, func.count())
                .where(t.document_bands.c.band.in_(list(bands)))
                .group_by(t.document_bands.c.document_id)
                .order_by(func.count().desc(), t.document_bands.c.document_id)
                .limit(20)
            )
            return [row[0] for row in rows]

    def get_document(self, doc_id: str) -> m.Document:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r}")
        return r.document_from_row(row)

    def get_documents(self, ids: Iterable[str]) -> dict[str, m.Document]:
        out: dict[str, m.Document] = {}
        ids = list(ids)
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _BATCH):
                rows = conn.execute(select(t.documents).where(t.documents.c.id.in_(ids[i : i + _BATCH]))).mappings()
                out.update((row["id"], r.document_from_row(row)) for row in rows)
        return out

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
    ) -> tuple[list[Mapping[str, Any]], int]:
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

    # -- per-document analysis -----------------------------------------
    def documents_to_analyze(self, version: str) -> list[str]:
        """Ids of current documents not yet analysed by this pipeline version.

        Documents superseded by a newer rendering (a thread that gained posts) are skipped.
        """
        with self.engine.connect() as conn:
            q = (
                select(t.documents.c.id)
                .outerjoin(t.analyses, t.analyses.c.document_id == t.documents.c.id)
                .outerjoin(superseded, superseded.c.document_id == t.documents.c.id)
                .where((t.analyses.c.pipeline_version.is_(None)) | (t.analyses.c.pipeline_version != version))
                .where(superseded.c.document_id.is_(None))
                .order_by(t.documents.c.id)
            )
            return [x[0] for x in conn.execute(q)]

    def drop_superseded_annotations(self) -> int:
        """Remove machine annotations of superseded documents (their newer rendering carries them)."""
        with self._begin() as conn:
            ids = [x[0] for x in conn.execute(
                select(t.analyses.c.document_id).join(superseded, superseded.c.document_id == t.analyses.c.document_id)
            )]
            for doc_id in ids:
                for table in (t.mentions, t.statements, t.facts, t.analyses):
                    conn.execute(delete(table).where(table.c.document_id == doc_id))
                self._search.unindex_statements(conn, doc_id)
            return len(ids)

    def save_analyses(self, analyses: Sequence[m.DocumentAnalysis]) -> None:
        """Replace the annotations of these documents, all in one transaction."""
        if not analyses:
            return
        with self._begin() as conn:
            for a in analyses:
                self._save_analysis(conn, a)

    def _save_analysis(self, conn: Connection, a: m.DocumentAnalysis) -> None:
        for table in (t.mentions, t.statements, t.facts):
            conn.execute(delete(table).where(table.c.document_id == a.document_id))
        self._search.unindex_statements(conn, a.document_id)
        if a.mentions:
            conn.execute(insert(t.mentions), _unique(r.mention_row(x, a.pipeline_version) for x in a.mentions))
        if a.statements:
            statements = list({s.id: s for s in reversed(a.statements)}.values())[::-1]  # first of each id, in order
            conn.execute(insert(t.statements), [r.statement_row(x, a.pipeline_version) for x in statements])
            self._search.index_statements(conn, statements)
        if a.facts:
            conn.execute(insert(t.facts), _unique(r.fact_row(x, a.pipeline_version) for x in a.facts))
        conn.execute(delete(t.analyses).where(t.analyses.c.document_id == a.document_id))
        conn.execute(
            insert(t.analyses).values(
                document_id=a.document_id, pipeline_version=a.pipeline_version, language=a.language, analyzed_at=r.now()
            )
        )
        if a.language:
            conn.execute(
                update(t.documents)
                .where(t.documents.c.id == a.document_id, t.documents.c.language.is_(None))
                .values(language=a.language)
            )

    def _iter_table(self, table: Any, where: Any = None) -> Iterator[Mapping[str, Any]]:
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
        out: dict[str, Any] = {}
        topics = self.topics(ids) if table is t.statements else {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _BATCH):
                for row in conn.execute(select(table).where(table.c.id.in_(ids[i : i + _BATCH]))).mappings():
                    out[row["id"]] = convert(row, topics)
        return out

    def pipeline_versions(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.analyses.c.pipeline_version, func.count()).group_by(t.analyses.c.pipeline_version))
            return {v: n for v, n in rows}

    # -- corpus results ------------------------------------------------
    def replace_corpus(self, result: CorpusResult, clusters: Sequence[m.LocalCluster] | None = None,
                       blocks: Iterable[BlockRow] = ()) -> None:
        """Swap in a new set of corpus-wide results atomically (decisions untouched).

        With ``clusters`` (every document cluster) and their resolution ``blocks``, the results
        are marked as reflecting every current analysis, so the next run can update them incrementally.
        """
        with self._begin() as conn:
            for table in (t.entities, t.entity_keys, t.links):
                conn.execute(delete(table))
            _insert_many(conn, t.entities, (r.entity_row(e) for e in result.entities))
            _insert_many(
                conn, t.entity_keys, ({"local_key": k, "entity_id": v} for k, v in (result.key_to_entity or {}).items())
            )
            _insert_many(conn, t.links, (r.link_row(x) for x in result.links))
            for table in (t.claim_shards, t.finding_candidates, t.shard_pairs):
                conn.execute(delete(table))
            _insert_many(conn, t.shard_pairs, r.shard_pair_rows(result.shard_pairs or {}))
            _insert_many(conn, t.claim_shards, ({"shard": s, "item_id": i, "document_id": d} for s, i, d in result.shard_rows))
            _insert_many(conn, t.finding_candidates, (r.candidate_row(x) for x in result.candidates))
            if clusters is not None:
                self.reflect_all_documents(conn, clusters, blocks)
            else:
                conn.execute(delete(t.corpus_documents))
            self._replace_downstream(conn, result)

    def update_corpus(self, update: CorpusUpdate, downstream: CorpusResult, *, topics_included: bool) -> None:
        """Apply an incremental update atomically: entities, findings shards and (when it carries them) topics.

        ``downstream`` holds all findings; with ``topics_included=False`` it also holds the topics and
        storylines recomputed over the whole corpus, which replace the stored ones.
        """
        with self._begin() as conn:
            self.apply_corpus_update(update, conn)
            if not topics_included:
                self._replace_topics(conn, downstream)
            self._replace_findings(conn, downstream)

    def _replace_downstream(self, conn: Connection, result: CorpusResult) -> None:
        self._replace_topics(conn, result)
        self._replace_findings(conn, result)

    def _replace_topics(self, conn: Connection, result: CorpusResult) -> None:
        for table in (t.topics, t.storylines, t.topic_states):
            conn.execute(delete(table))
        index = result.topic_index or {}
        _insert_many(conn, t.topics, ({"statement_id": k, "topic": v, "topic_index": index.get(k)}
                                      for k, v in (result.topics or {}).items()))
        _insert_many(conn, t.storylines, _unique(r.storyline_row(x) for x in result.storylines))
        conn.execute(delete(t.corpus_state).where(t.corpus_state.c.key == TOPIC_MODEL_KEY))
        if result.topic_model is not None:
            meta, states = result.topic_model
            _insert_many(conn, t.topic_states, ({"topic_index": i, "label": label, "state": state} for i, label, state in states))
            conn.execute(insert(t.corpus_state).values(key=TOPIC_MODEL_KEY, value=meta))

    def _replace_findings(self, conn: Connection, result: CorpusResult) -> None:
        for table in (t.findings, t.finding_items):
            conn.execute(delete(table))
        findings = {f.id: f for f in result.findings}
        _insert_many(conn, t.findings, (r.finding_row(x) for x in findings.values()))
        _insert_many(
            conn,
            t.finding_items,
            ({"finding_id": f.id, "item_type": i.type.value, "item_id": i.id} for f in findings.values() for i in f.items),
        )
        conn.execute(delete(t.finding_aliases))
        aliases: dict[str, str] = {}
        for f in sorted(findings.values(), key=lambda x: (-x.score, x.id)):  # a pair in two disputes: the better one
            for old in f.former_ids():
                if old not in findings:
                    aliases.setdefault(old, f.id)
        _insert_many(conn, t.finding_aliases, ({"old_id": k, "finding_id": v} for k, v in aliases.items()))
        derived.rebuild(conn)  # the read-side indexes of the pages, in the same transaction

    def set_state(self, key: str, value: str) -> None:
        with self._begin() as conn:
            conn.execute(delete(t.corpus_state).where(t.corpus_state.c.key == key))
            conn.execute(insert(t.corpus_state).values(key=key, value=value))

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

    def topics(self, statement_ids: Sequence[str] | None = None) -> dict[str, str]:
        with self.engine.connect() as conn:
            q = select(t.topics.c.statement_id, t.topics.c.topic)
            if statement_ids is not None:
                out: dict[str, str] = {}
                ids = list(statement_ids)
                for i in range(0, len(ids), _BATCH):
                    out.update(conn.execute(q.where(t.topics.c.statement_id.in_(ids[i : i + _BATCH]))).all())
                return out
            return dict(conn.execute(q).all())

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
        with self.engine.connect() as conn:
            alias = conn.execute(select(t.finding_aliases.c.finding_id).where(t.finding_aliases.c.old_id == finding_id)).scalar()
        return str(alias) if alias is not None else finding_id

    # -- human decisions -------------------------------------------------
    def add_review(self, review: m.Review) -> None:
        with self._begin() as conn:
            conn.execute(
                insert(t.reviews).values(
                    finding_id=review.finding_id,
                    status=review.status.value,
                    note=review.note,
                    reviewer=review.reviewer,
                    decided_at=review.decided_at.isoformat(timespec="seconds") if review.decided_at else r.now(),
                )
            )

    def latest_reviews(self) -> dict[str, m.Review]:
        """The newest decision per finding id (older ones stay in the table as history).

        A review kept by the id a pair had before findings were disputes counts for the finding that now holds the pair.
        """
        out: dict[str, m.Review] = {}
        al = t.finding_aliases
        with self.engine.connect() as conn:
            q = (select(t.reviews, al.c.finding_id.label("current_id"))
                 .select_from(t.reviews.outerjoin(al, al.c.old_id == t.reviews.c.finding_id)).order_by(t.reviews.c.id))
            for row in conn.execute(q).mappings():
                current = row["current_id"] or row["finding_id"]
                out[current] = dataclasses.replace(_review(row), finding_id=current)
        return out

    def review_history(self, finding_id: str) -> list[m.Review]:
        """Every decision on the finding, oldest first, those kept by its pairs' older ids included."""
        al = t.finding_aliases
        older = select(al.c.old_id).where(al.c.finding_id == finding_id)
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.reviews).where(or_(t.reviews.c.finding_id == finding_id, t.reviews.c.finding_id.in_(older)))
                                .order_by(t.reviews.c.id))
            return [_review(x) for x in rows.mappings()]

    def add_entity_decision(self, decision: m.EntityDecision) -> None:
        with self._begin() as conn:
            conn.execute(
                insert(t.entity_decisions).values(
                    action=decision.action,
                    names=r.dumps(list(decision.names)),
                    note=decision.note,
                    reviewer=decision.reviewer,
                    decided_at=decision.decided_at.isoformat(timespec="seconds") if decision.decided_at else r.now(),
                )
            )

    def entity_decisions(self) -> list[m.EntityDecision]:
        import datetime as dt

        with self.engine.connect() as conn:
            rows = conn.execute(select(t.entity_decisions).order_by(t.entity_decisions.c.id)).mappings()
            return [
                m.EntityDecision(x["action"], tuple(json.loads(x["names"])), x["reviewer"], x["note"],
                                 dt.datetime.fromisoformat(x["decided_at"]))
                for x in rows
            ]

    def create_token(self, name: str) -> str:
        token = "stl_" + secrets.token_urlsafe(24)
        with self._begin() as conn:
            conn.execute(insert(t.tokens).values(name=name, token_hash=_hash_token(token), created_at=r.now()))
        return token

    def token_owner(self, token: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.tokens.c.name).where(t.tokens.c.token_hash == _hash_token(token))).scalar()

    # -- watchlists -------------------------------------------------------
    def replace_watchlist(self, name: str, origin: str, entries: Iterable[m.WatchlistEntry]) -> int:
        """Load a watchlist in one transaction, replacing an earlier load of the same name."""
        count = 0
        with self._begin() as conn:
            conn.execute(delete(t.watchlist_entries).where(t.watchlist_entries.c.list_name == name))
            conn.execute(delete(t.watchlists).where(t.watchlists.c.name == name))
            batch: list[dict[str, Any]] = []
            seen: set[str] = set()
            for e in entries:
                if e.ref in seen:
                    continue
                seen.add(e.ref)
                batch.append(r.watchlist_entry_row(e))
                if len(batch) >= 2000:
                    conn.execute(insert(t.watchlist_entries), batch)
                    count += len(batch)
                    batch = []
            if batch:
                conn.execute(insert(t.watchlist_entries), batch)
                count += len(batch)
            conn.execute(insert(t.watchlists).values(name=name, origin=origin, entry_count=count, loaded_at=r.now()))
        return count

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
            return self._search.search(conn, query)

    def search_all(self, query: SearchQuery) -> SearchResults:
        """Text search expanded through entity names, with entities as results (store/search.py)."""
        with self.engine.connect() as conn:
            return search_all(conn, self._search, query)


class _Tx:
    """``with store._begin() as conn``: one transaction; database errors become StoreError."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cm: Any = None

    def __enter__(self) -> Connection:
        try:
            self.cm = self.store.engine.begin()
            return self.cm.__enter__()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to database {self.store._where()}: {_reason(exc)}") from exc

    def __exit__(self, *exc_info: Any) -> bool:
        try:
            self.cm.__exit__(*exc_info)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to database {self.store._where()}: {_reason(exc)}") from exc
        if exc_info[1] is not None and isinstance(exc_info[1], SQLAlchemyError):
            raise StoreError(f"cannot write to database {self.store._where()}: {_reason(exc_info[1])}") from exc_info[1]
        return False


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else exc.__class__.__name__


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _unique(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop rows whose id repeats (two stages may describe one span twice)."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        out.append(row)
    return out


def _batched(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _review(row: Mapping[str, Any]) -> m.Review:
    import datetime as dt

    return m.Review(row["finding_id"], m.ReviewStatus(row["status"]), row["note"], row["reviewer"],
                    dt.datetime.fromisoformat(row["decided_at"]))
