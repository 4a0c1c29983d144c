"""The store's side of incremental corpus steps: what changed, index lookups over blocks, and one atomic update.

``analyze`` keeps the corpus results in step with the analysed documents. After
a full rebuild (``Store.replace_corpus``) the next runs re-resolve entities,
recompute findings shards, place new statements in the kept topics and rebuild
storylines only for what new, re-analysed or removed documents can affect: :meth:`CorpusDeltaStore.corpus_changes` names
those documents, the ``*_of`` lookups walk the ``cluster_blocks`` index (SQL
blocking: no step reads the whole corpus to find neighbours), and
:meth:`CorpusDeltaStore.apply_corpus_update` writes the result in one
transaction, so a killed run leaves the previous results whole.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, delete, func, insert, literal, select, text
from sqlalchemy import update as update_

from .. import model as m
from ..errors import BusyError
from . import records as r
from . import schema as t
from .lookup import explanations_where_in, rows_where_in, sorted_chunks
from .records import insert_many

__all__ = ["TOPIC_MODEL_KEY", "BlockRow", "CorpusDeltaStore", "CorpusUpdate", "TopicModelRows"]

BlockRow = tuple[str, str, str, int]  # local_key, document_id, block, weight
TopicModelRows = tuple[str, Sequence[tuple[int, str, str]]]  # model-wide JSON, (topic number, label, JSON state) per topic
TOPIC_MODEL_KEY = "topic_model"  # corpus_state key of the model-wide part


@dataclass(frozen=True)
class CorpusUpdate:
    """What an incremental corpus step changes; everything not named here stays as stored."""

    documents: Mapping[str, str] = field(default_factory=dict)  # document id → stamp of the analysis now reflected
    gone_documents: Collection[str] = ()  # documents whose earlier analysis the results no longer reflect
    clusters: Sequence[m.LocalCluster] = ()  # the clusters of ``documents``
    blocks: Sequence[BlockRow] = ()  # and their resolution blocks
    removed_entities: Collection[str] = ()
    entities: Sequence[m.Entity] = ()  # new or changed entities (their local keys are remapped to them)
    removed_keys: Collection[str] = ()  # local keys that no longer exist
    links: Sequence[m.Link] = ()  # watchlist links of ``entities``
    shards: Collection[str] = ()  # findings shards recomputed: their stored candidates are replaced (see kept_shards)
    shard_rows: Sequence[m.ShardRow] = ()  # the shards of the statements and facts of ``documents``
    candidates: Sequence[m.FindingCandidate] = ()  # the new candidates of ``shards``
    kept_shards: Collection[str] = ()  # of ``shards``: their stored candidates stay, but ``stale_candidates``
    stale_candidates: Collection[tuple[str, str, str]] = ()  # (shard, first item, second item) to remove
    shard_pairs: Mapping[str, Sequence[int]] = field(default_factory=dict)  # pairs evaluated in recomputed entity shards
    claim_buckets: Sequence[m.ClaimBucket] = ()  # the entity-shard buckets of the claims of ``documents``
    # the claims built: those of ``documents`` and ``shard_documents`` (whose stored ones are replaced), and those of
    # other documents that had none stored
    claim_states: Sequence[m.ClaimState] = ()
    # documents whose findings shard rows and buckets are replaced besides ``documents`` and ``gone_documents``
    # (those with a mention that now resolves to another entity: their claims were rebuilt)
    shard_documents: Collection[str] = ()
    # topics, when new statements join the kept topic model (else the caller replaces them all)
    topic_rows: Sequence[tuple[str, str, int | None]] = ()  # statement id, label, topic number (new statements, and those of rebuilt storylines)
    topic_relabels: Mapping[int, str] = field(default_factory=dict)  # topic number → its new label
    topic_model: TopicModelRows | None = None  # the model-wide state and the topics whose state changed
    storyline_actors: Collection[str] = ()  # actors whose storylines are replaced by ``storylines``
    storylines: Sequence[m.Storyline] = ()


def _stamp() -> Any:
    return t.analyses.c.pipeline_version + literal("@") + t.analyses.c.analyzed_at


def _delete_in(conn: Connection, column: Any, values: Iterable[Any]) -> None:
    for chunk in sorted_chunks(values):
        conn.execute(delete(column.table).where(column.in_(chunk)))


_CORPUS_LOCK = 7242002  # PostgreSQL advisory lock key of the corpus step (migrations use 7242001)


class CorpusDeltaStore:
    """Mixed into :class:`~storyline.store.sql.Store`; writes happen inside the caller's transaction."""

    engine: Any  # the Store's SQLAlchemy engine
    dialect: str

    @contextlib.contextmanager
    def corpus_lock(self) -> Iterator[None]:
        """Hold the knowledge base's corpus step for this process, or raise BusyError at once.

        Two ``analyze`` runs computing updates from the same stored state would each write
        their own; the second waits for nothing and says so instead. PostgreSQL: a session
        advisory lock (released if the process dies); SQLite: an exclusive ``flock`` on
        ``<database>.analyze.lock`` (an in-memory database needs none).
        """
        where = self.engine.url.render_as_string(hide_password=True)
        busy = BusyError(f"another 'storyline analyze' is updating the corpus results of {where}; "
                         "run it again when that one has finished")
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _CORPUS_LOCK}).scalar():
                    raise busy
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _CORPUS_LOCK})
                    conn.commit()
            return
        database = self.engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with open(database + ".analyze.lock", "a", encoding="utf-8") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise busy from None
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- what changed ------------------------------------------------------
    def corpus_changes(self) -> tuple[dict[str, str], list[str]]:
        """(document → stamp for analyses the corpus results do not reflect yet, documents they reflect that changed or went)."""
        a, c = t.analyses, t.corpus_documents
        with self.engine.connect() as conn:
            new = conn.execute(
                select(a.c.document_id, _stamp())
                .outerjoin(c, c.c.document_id == a.c.document_id)
                .where((c.c.stamp.is_(None)) | (c.c.stamp != _stamp()))
            ).all()
            gone = conn.execute(
                select(c.c.document_id)
                .outerjoin(a, a.c.document_id == c.c.document_id)
                .where((a.c.document_id.is_(None)) | (c.c.stamp != _stamp()))
            ).all()
        return {d: s for d, s in new}, sorted(x[0] for x in gone)

    # -- index lookups -------------------------------------------------------
    def _where_in(self, query: Select[Any], column: Any, values: Iterable[Any]) -> list[Any]:
        """``query`` restricted to ``column IN values`` (sorted, in chunks), on one connection."""
        with self.engine.connect() as conn:
            return rows_where_in(conn, query, column, values, ordered=True)

    def clusters_of_keys(self, local_keys: Iterable[str]) -> list[m.LocalCluster]:
        c = t.clusters
        return [r.cluster_from_row(x._mapping) for x in self._where_in(select(c), c.c.local_key, local_keys)]

    def mentions_of_documents(self, document_ids: Iterable[str]) -> list[m.Mention]:
        mn = t.mentions
        return [r.mention_from_row(x._mapping) for x in self._where_in(select(mn), mn.c.document_id, document_ids)]

    def statements_of_documents(self, document_ids: Iterable[str]) -> list[m.Statement]:
        st = t.statements
        rows = self._where_in(select(st).order_by(st.c.id), st.c.document_id, document_ids)
        return [r.statement_from_row(x._mapping, None) for x in rows]

    def facts_of_documents(self, document_ids: Iterable[str]) -> list[m.Fact]:
        f = t.facts
        return [r.fact_from_row(x._mapping) for x in self._where_in(select(f).order_by(f.c.id), f.c.document_id, document_ids)]

    def person_name_mentions(self) -> Iterator[m.Mention]:
        """Mentions of people by name (what name-variant findings read), streamed."""
        mn = t.mentions
        q = select(mn).where(mn.c.type == m.EntityType.PERSON.value, mn.c.is_name.is_(True))
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True, yield_per=2000).execute(q).mappings():
                yield r.mention_from_row(row)

    # -- a full rebuild's streamed reads and writes of the cluster index -----------
    def documents_with_mentions(self, after: str = "", limit: int = 500) -> list[str]:
        """Up to ``limit`` ids of documents that have mentions, following ``after`` in id order (one page)."""
        mn = t.mentions
        q = (select(mn.c.document_id).where(mn.c.document_id > after).group_by(mn.c.document_id)
             .order_by(mn.c.document_id).limit(limit))
        with self.engine.connect() as conn:
            return [x[0] for x in conn.execute(q)]

    def clear_cluster_index(self, conn: Connection) -> None:
        """Drop the stored clusters and blocks (and so every document's reflected stamp) before a rebuild writes them.

        Until the rebuilt results are written no document counts as reflected, so a run that dies
        in between leaves the previous results whole and the next run rebuilds in full.
        """
        for table in (t.cluster_blocks, t.corpus_documents, t.clusters):
            conn.execute(delete(table))

    def add_to_cluster_index(self, conn: Connection, clusters: Iterable[m.LocalCluster], blocks: Iterable[BlockRow]) -> None:
        insert_many(conn, t.clusters, (r.cluster_row(x) for x in clusters))
        insert_many(conn, t.cluster_blocks, ({"local_key": k, "document_id": d, "block": bl, "weight": w} for k, d, bl, w in blocks))

    def iter_cluster_keys(self) -> Iterator[str]:
        """Every stored cluster's local key, in key order (streamed)."""
        c = t.clusters
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=5000).execute(select(c.c.local_key).order_by(c.c.local_key))
            for (key,) in result:
                yield key

    def iter_block_rows(self) -> Iterator[tuple[str, str, int]]:
        """(block, local key, weight) of every stored block row in block order (streamed): a block's members come together."""
        b = t.cluster_blocks
        q = select(b.c.block, b.c.local_key, b.c.weight).order_by(b.c.block, b.c.local_key)
        with self.engine.connect() as conn:
            for block, key, weight in conn.execution_options(stream_results=True, yield_per=5000).execute(q):
                yield block, key, weight

    def blocks_of_documents(self, document_ids: Iterable[str]) -> list[BlockRow]:
        return self._blocks(t.cluster_blocks.c.document_id, document_ids)

    def blocks_of_keys(self, local_keys: Iterable[str]) -> list[BlockRow]:
        return self._blocks(t.cluster_blocks.c.local_key, local_keys)

    def block_members(self, blocks: Iterable[str]) -> list[BlockRow]:
        return self._blocks(t.cluster_blocks.c.block, blocks)

    def _blocks(self, column: Any, values: Iterable[str]) -> list[BlockRow]:
        b = t.cluster_blocks
        rows = self._where_in(select(b.c.local_key, b.c.document_id, b.c.block, b.c.weight), column, values)
        return [(k, d, bl, w) for k, d, bl, w in rows]

    def block_sizes(self, blocks: Iterable[str]) -> dict[str, int]:
        """Stored weight of each block (the number of names a rule sees in it)."""
        b = t.cluster_blocks
        rows = self._where_in(select(b.c.block, func.sum(b.c.weight)).group_by(b.c.block), b.c.block, blocks)
        return {bl: int(n) for bl, n in rows}

    def keys_of_entities(self, entity_ids: Iterable[str]) -> dict[str, list[str]]:
        ek = t.entity_keys
        out: dict[str, list[str]] = defaultdict(list)
        for k, e in self._where_in(select(ek.c.local_key, ek.c.entity_id), ek.c.entity_id, entity_ids):
            out[e].append(k)
        return dict(out)

    def keys_of_documents(self, document_ids: Iterable[str]) -> list[str]:
        """Resolved local keys (``doc#cluster``) of these documents: a key range per document."""
        ek = t.entity_keys
        out: list[str] = []
        with self.engine.connect() as conn:
            for doc in sorted(set(document_ids)):
                # '$' follows '#': the range holds exactly the keys "doc#..."
                q = select(ek.c.local_key).where(and_(ek.c.local_key > doc + "#", ek.c.local_key < doc + "$"))
                out.extend(x[0] for x in conn.execute(q))
        return out

    def entities_by_base(self, base_ids: Iterable[str]) -> list[m.Entity]:
        """Entities whose base id (the id they have when first of their name) is one of ``base_ids``."""
        return self._entities_where(t.entities.c.base_id, base_ids)

    def entities_by_ids(self, entity_ids: Iterable[str]) -> list[m.Entity]:
        return self._entities_where(t.entities.c.id, entity_ids)

    def _entities_where(self, column: Any, values: Iterable[str]) -> list[m.Entity]:
        rows = [x._mapping for x in self._where_in(select(t.entities), column, values)]
        keys = self.keys_of_entities(x["id"] for x in rows)
        return [r.entity_from_row(x, tuple(sorted(keys.get(x["id"], ())))) for x in rows]

    def shards_of_documents(self, document_ids: Iterable[str]) -> set[str]:
        cs = t.claim_shards
        return {x[0] for x in self._where_in(select(cs.c.shard).distinct(), cs.c.document_id, document_ids)}

    def shard_members(self, shards: Iterable[str]) -> list[m.ShardRow]:
        cs = t.claim_shards
        return [(s, i, d) for s, i, d in self._where_in(select(cs.c.shard, cs.c.item_id, cs.c.document_id), cs.c.shard, shards)]

    def claim_buckets_of_shards(self, shards: Iterable[str], *, except_documents: Collection[str] = ()) -> list[m.ClaimBucket]:
        """What blocking kept of the claims in these entity shards (but those of ``except_documents``)."""
        cb = t.claim_buckets
        skip = set(except_documents)
        rows = self._where_in(select(cb.c.shard, cb.c.item_id, cb.c.document_id, cb.c.entry), cb.c.shard, shards)
        return [r.claim_bucket_from_values(*x) for x in rows if x[2] not in skip]

    def claim_states(self, item_ids: Iterable[str]) -> dict[str, str]:
        """The stored claim of each of these statements that has one (statement id → its claim as text)."""
        cs = t.claim_states
        return dict(self._where_in(select(cs.c.item_id, cs.c.state), cs.c.item_id, item_ids))

    def shard_pair_sets(self, shards: Iterable[str]) -> dict[str, frozenset[int]]:
        sp = t.shard_pairs
        return {shard: r.pairs_from_text(pairs) for shard, pairs in self._where_in(select(sp.c.shard, sp.c.pairs), sp.c.shard, shards)}

    def iter_finding_candidates(self, *, explanations: bool = True) -> Iterator[m.FindingCandidate]:
        """Every stored candidate; without ``explanations`` their texts are left empty (most are never shown)."""
        fc = t.finding_candidates
        columns = [c for c in fc.c if explanations or c.name != "explanation"]
        with self.engine.connect() as conn:
            if not explanations:  # every candidate an update keeps or picks from: read as plain rows
                rows = conn.execution_options(stream_results=True, yield_per=5000).execute(
                    select(*(fc.c[n] for n in r.CANDIDATE_FIELDS)))
                yield from r.candidates_from_tuples(rows)
                return
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(select(*columns))
            for row in result.mappings():
                yield r.candidate_from_row(row)

    def candidate_explanations(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
        """The stored explanation of each candidate, by (shard, first item, second item)."""
        with self.engine.connect() as conn:
            return explanations_where_in(conn, t.finding_candidates, keys)

    def topic_model_rows(self) -> tuple[str, list[tuple[int, str, str]]] | None:
        """The kept topic model (model-wide JSON, (number, label, JSON state) per topic), or None."""
        with self.engine.connect() as conn:
            meta = conn.execute(select(t.corpus_state.c.value).where(t.corpus_state.c.key == TOPIC_MODEL_KEY)).scalar()
            if meta is None:
                return None
            ts = t.topic_states
            rows = conn.execute(select(ts.c.topic_index, ts.c.label, ts.c.state).order_by(ts.c.topic_index)).all()
        return meta, [(i, label, state) for i, label, state in rows]

    def statements_in_topics(self, indexes: Iterable[int]) -> list[str]:
        tp = t.topics
        return [x[0] for x in self._where_in(select(tp.c.statement_id), tp.c.topic_index, indexes)]

    def topics_of_statements(self, statement_ids: Iterable[str]) -> dict[str, tuple[str, int | None]]:
        """Statement id → (topic label, topic number)."""
        tp = t.topics
        rows = self._where_in(select(tp.c.statement_id, tp.c.topic, tp.c.topic_index), tp.c.statement_id, statement_ids)
        return {sid: (label, i) for sid, label, i in rows}

    def entity_names(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {i: n for i, n in conn.execute(select(t.entities.c.id, t.entities.c.name))}

    # -- writing -------------------------------------------------------------
    def apply_corpus_update(self, update: CorpusUpdate, conn: Connection) -> None:
        """Write ``update`` inside the caller's transaction (``Store.update_corpus`` owns it)."""
        b, c, ek = t.cluster_blocks, t.corpus_documents, t.entity_keys
        changed_docs = set(update.documents) | set(update.gone_documents)
        for table in (b, c, t.clusters):
            _delete_in(conn, table.c.document_id, changed_docs)
        for table in (t.claim_shards, t.claim_buckets, t.claim_states):
            _delete_in(conn, table.c.document_id, changed_docs | set(update.shard_documents))
        insert_many(conn, t.clusters, (r.cluster_row(x) for x in update.clusters))
        insert_many(conn, b, ({"local_key": k, "document_id": d, "block": bl, "weight": w} for k, d, bl, w in update.blocks))
        insert_many(conn, c, ({"document_id": d, "stamp": s} for d, s in update.documents.items()))

        _delete_in(conn, t.entities.c.id, update.removed_entities)
        _delete_in(conn, t.links.c.entity_id, update.removed_entities)
        _delete_in(conn, ek.c.local_key, {k for e in update.entities for k in e.local_keys} | set(update.removed_keys))
        insert_many(conn, t.entities, (r.entity_row(x) for x in update.entities))
        insert_many(conn, ek, ({"local_key": k, "entity_id": x.id} for x in update.entities for k in x.local_keys))
        insert_many(conn, t.links, (r.link_row(x) for x in update.links))

        insert_many(conn, t.claim_shards, ({"shard": s, "item_id": i, "document_id": d} for s, i, d in update.shard_rows))
        insert_many(conn, t.claim_buckets, (r.claim_bucket_row(x) for x in update.claim_buckets))
        _delete_in(conn, t.claim_states.c.item_id, (i for i, _d, _x in update.claim_states))  # one of another layout
        insert_many(conn, t.claim_states, ({"item_id": i, "document_id": d, "state": x} for i, d, x in update.claim_states))
        fc = t.finding_candidates
        _delete_in(conn, fc.c.shard, set(update.shards) - set(update.kept_shards))
        if update.stale_candidates:
            conn.execute(delete(fc).where(fc.c.shard == bindparam("s"), fc.c.item_a == bindparam("a"),
                                          fc.c.item_b == bindparam("b")),
                         [{"s": s, "a": a, "b": b} for s, a, b in update.stale_candidates])
        _delete_in(conn, t.shard_pairs.c.shard, update.shards)
        insert_many(conn, t.finding_candidates, (r.candidate_row(x) for x in update.candidates))
        insert_many(conn, t.shard_pairs, r.shard_pair_rows(update.shard_pairs))

        tp, ts, st = t.topics, t.topic_states, t.storylines
        for i, label in update.topic_relabels.items():  # before the rows: a row (a storyline's question) outranks its topic's label
            conn.execute(update_(tp).where(tp.c.topic_index == i).values(topic=label))
        _delete_in(conn, tp.c.statement_id, (s for s, _l, _i in update.topic_rows))
        insert_many(conn, tp, ({"statement_id": s, "topic": label, "topic_index": i} for s, label, i in update.topic_rows))
        if update.topic_model is not None:
            meta, states = update.topic_model
            _delete_in(conn, ts.c.topic_index, (i for i, _l, _s in states))
            insert_many(conn, ts, ({"topic_index": i, "label": label, "state": state} for i, label, state in states))
            conn.execute(delete(t.corpus_state).where(t.corpus_state.c.key == TOPIC_MODEL_KEY))
            conn.execute(insert(t.corpus_state).values(key=TOPIC_MODEL_KEY, value=meta))
        _delete_in(conn, st.c.actor_id, update.storyline_actors)
        insert_many(conn, st, (r.storyline_row(x) for x in {s.id: s for s in update.storylines}.values()))

    def reflect_all_documents(self, conn: Connection, clusters: Iterable[m.LocalCluster] | None = None,
                              blocks: Iterable[BlockRow] = ()) -> None:
        """After a full rebuild: every current analysis is reflected, with these clusters and blocks
        (None: the ones the rebuild already stored)."""
        if clusters is None:
            conn.execute(delete(t.corpus_documents))
        else:
            self.clear_cluster_index(conn)
            self.add_to_cluster_index(conn, clusters, blocks)
        conn.execute(insert(t.corpus_documents).from_select(["document_id", "stamp"], select(t.analyses.c.document_id, _stamp())))

