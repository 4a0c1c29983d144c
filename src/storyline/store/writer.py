"""The store's writer role: documents, analyses, corpus results, human decisions, watchlists and tokens.

Every write is one transaction; a killed process leaves either the whole document (or analysis, or corpus
result) or none of it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from .. import model as m
from . import derived
from . import records as r
from . import schema as t
from .base import StoreBase, _hash_token
from .corpus_delta import TOPIC_MODEL_KEY, BlockRow, CorpusDeltaStore, CorpusUpdate, TopicModelRows
from .findings_staging import move_staged
from .posts_schema import superseded
from .records import insert_many as _insert_many

__all__ = ["AddResult", "CorpusResult", "StoreWriter"]


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
    claim_buckets: Sequence[m.ClaimBucket] = ()  # what blocking keeps of every claim in every entity shard
    claim_states: Sequence[m.ClaimState] = ()  # the claims of the entity shards, for updates to read (none when staged)
    # the four above were staged by a streamed findings rebuild (store/findings_staging.py) and are moved in from there
    findings_staged: bool = False


class StoreWriter(CorpusDeltaStore, StoreBase):
    """Writes: what ingest, analyze, review and the watchlist loader store."""

    # -- documents -----------------------------------------------------
    def add_document(self, doc: m.Document, bands: Sequence[str] = (), near_dup: tuple[str, float] | None = None) -> AddResult:
        """Store one document in one transaction; the same text again is a no-op."""
        with self.transaction() as conn:
            existing = conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == doc.sha256)).first()
            if existing:
                return AddResult(existing[0], "duplicate")
            row = r.document_row(doc)
            if near_dup:
                row["near_duplicate_of"], row["near_duplicate_score"] = near_dup
            conn.execute(insert(t.documents).values(**row))
            if bands:
                conn.execute(insert(t.document_bands), [{"band": b, "document_id": doc.id} for b in bands])
            self.search_index.index_document(conn, doc)
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
        with self.transaction() as conn:
            ids = [x[0] for x in conn.execute(
                select(t.analyses.c.document_id).join(superseded, superseded.c.document_id == t.analyses.c.document_id)
            )]
            for doc_id in ids:
                for table in (t.mentions, t.statements, t.facts, t.analyses):
                    conn.execute(delete(table).where(table.c.document_id == doc_id))
                self.search_index.unindex_statements(conn, doc_id)
            return len(ids)

    def save_analyses(self, analyses: Sequence[m.DocumentAnalysis]) -> None:
        """Replace the annotations of these documents, all in one transaction."""
        if not analyses:
            return
        with self.transaction() as conn:
            for a in analyses:
                self._save_analysis(conn, a)

    def _save_analysis(self, conn: Connection, a: m.DocumentAnalysis) -> None:
        for table in (t.mentions, t.statements, t.facts):
            conn.execute(delete(table).where(table.c.document_id == a.document_id))
        self.search_index.unindex_statements(conn, a.document_id)
        if a.mentions:
            conn.execute(insert(t.mentions), _unique(r.mention_row(x, a.pipeline_version) for x in a.mentions))
        if a.statements:
            statements = list({s.id: s for s in reversed(a.statements)}.values())[::-1]  # first of each id, in order
            conn.execute(insert(t.statements), [r.statement_row(x, a.pipeline_version) for x in statements])
            self.search_index.index_statements(conn, statements)
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

    # -- corpus results ------------------------------------------------
    def replace_corpus(self, result: CorpusResult, clusters: Sequence[m.LocalCluster] | None = None,
                       blocks: Iterable[BlockRow] = (), *, clusters_stored: bool = False) -> None:
        """Swap in a new set of corpus-wide results atomically (decisions untouched).

        With ``clusters`` (every document cluster) and their resolution ``blocks``, or with
        ``clusters_stored`` when the rebuild already wrote them (``add_to_cluster_index``), the results
        are marked as reflecting every current analysis, so the next run can update them incrementally.
        """
        with self.transaction() as conn:
            for table in (t.entities, t.entity_keys, t.links):
                conn.execute(delete(table))
            _insert_many(conn, t.entities, (r.entity_row(e) for e in result.entities))
            _insert_many(
                conn, t.entity_keys, ({"local_key": k, "entity_id": v} for k, v in (result.key_to_entity or {}).items())
            )
            _insert_many(conn, t.links, (r.link_row(x) for x in result.links))
            conn.execute(delete(t.claim_states))
            _insert_many(conn, t.claim_states,
                         ({"item_id": i, "document_id": d, "state": x} for i, d, x in result.claim_states))
            if result.findings_staged:
                move_staged(conn)
            else:
                for table in (t.claim_shards, t.claim_buckets, t.finding_candidates, t.shard_pairs):
                    conn.execute(delete(table))
                _insert_many(conn, t.claim_buckets, (r.claim_bucket_row(x) for x in result.claim_buckets))
                _insert_many(conn, t.shard_pairs, r.shard_pair_rows(result.shard_pairs or {}))
                _insert_many(conn, t.claim_shards, ({"shard": s, "item_id": i, "document_id": d} for s, i, d in result.shard_rows))
                _insert_many(conn, t.finding_candidates, (r.candidate_row(x) for x in result.candidates))
            if clusters_stored:
                self.reflect_all_documents(conn)
            elif clusters is not None:
                self.reflect_all_documents(conn, clusters, blocks)
            else:
                conn.execute(delete(t.corpus_documents))
            self._replace_downstream(conn, result)

    def update_corpus(self, update: CorpusUpdate, downstream: CorpusResult, *, topics_included: bool) -> None:
        """Apply an incremental update atomically: entities, findings shards and (when it carries them) topics.

        ``downstream`` holds all findings; with ``topics_included=False`` it also holds the topics and
        storylines recomputed over the whole corpus, which replace the stored ones.
        """
        with self.transaction() as conn:
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
        with self.transaction() as conn:
            conn.execute(delete(t.corpus_state).where(t.corpus_state.c.key == key))
            conn.execute(insert(t.corpus_state).values(key=key, value=value))

    # -- human decisions -------------------------------------------------
    def add_review(self, review: m.Review) -> None:
        with self.transaction() as conn:
            conn.execute(
                insert(t.reviews).values(
                    finding_id=review.finding_id,
                    status=review.status.value,
                    note=review.note,
                    reviewer=review.reviewer,
                    decided_at=review.decided_at.isoformat(timespec="seconds") if review.decided_at else r.now(),
                )
            )

    def add_entity_decision(self, decision: m.EntityDecision) -> None:
        with self.transaction() as conn:
            conn.execute(
                insert(t.entity_decisions).values(
                    action=decision.action,
                    names=r.dumps(list(decision.names)),
                    note=decision.note,
                    reviewer=decision.reviewer,
                    decided_at=decision.decided_at.isoformat(timespec="seconds") if decision.decided_at else r.now(),
                )
            )

    def create_token(self, name: str) -> str:
        token = "stl_" + secrets.token_urlsafe(24)
        with self.transaction() as conn:
            conn.execute(insert(t.tokens).values(name=name, token_hash=_hash_token(token), created_at=r.now()))
        return token

    # -- watchlists -------------------------------------------------------
    def replace_watchlist(self, name: str, origin: str, entries: Iterable[m.WatchlistEntry]) -> int:
        """Load a watchlist in one transaction, replacing an earlier load of the same name."""
        count = 0
        with self.transaction() as conn:
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
