"""Where a streamed full findings rebuild writes as it goes: shard rows, buckets, pairs, candidates and claim states.

A full findings rebuild of a large corpus (:mod:`storyline.services.findings_full`) stages each batch's and each
chunk's results here instead of holding them, so its memory follows the largest chunk, not the corpus. It plans
its chunks from the staged shard rows, picks the findings from the staged candidates read best first, and
:meth:`~storyline.store.writer.StoreWriter.replace_corpus` moves the staged rows into the live tables in the
corpus write's one transaction. A rebuild that dies leaves its rows here and the live results untouched; the next
rebuild clears them first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import delete, func, select

from .. import model as m
from . import records as r
from . import schema as t
from .findings_reads import FindingsReads
from .lookup import explanations_where_in, rows_where_in
from .records import insert_many

__all__ = ["STAGED", "FindingsStaging", "move_staged"]

#: each live findings table and the table its staged rows wait in
STAGED = ((t.claim_shards, t.staged_claim_shards), (t.claim_buckets, t.staged_claim_buckets),
          (t.shard_pairs, t.staged_shard_pairs), (t.finding_candidates, t.staged_finding_candidates),
          (t.claim_states, t.staged_claim_states))


class FindingsStaging(FindingsReads):
    """Part of :class:`~storyline.store.sql.Store`."""

    def clear_staged_findings(self) -> None:
        """Drop whatever an earlier rebuild staged (one that died leaves its rows)."""
        with self.transaction() as conn:
            for _live, staged in STAGED:
                conn.execute(delete(staged))

    def stage_findings(self, *, rows: Iterable[m.ShardRow] = (), candidates: Iterable[m.FindingCandidate] = (),
                       pairs: Mapping[str, Iterable[int]] | None = None, buckets: Iterable[m.ClaimBucket] = (),
                       states: Iterable[m.ClaimState] = ()) -> None:
        """Add one batch's or chunk's results to the staged ones, in one transaction."""
        with self.transaction() as conn:
            insert_many(conn, t.staged_claim_shards, ({"shard": s, "item_id": i, "document_id": d} for s, i, d in rows))
            insert_many(conn, t.staged_claim_buckets, (r.claim_bucket_row(x) for x in buckets))
            insert_many(conn, t.staged_shard_pairs, r.shard_pair_rows(pairs or {}))
            insert_many(conn, t.staged_finding_candidates, (r.candidate_row(x) for x in candidates))
            insert_many(conn, t.staged_claim_states, ({"item_id": i, "document_id": d, "state": x} for i, d, x in states))

    def staged_shard_sizes(self, *, skip_prefix: str) -> list[tuple[str, int]]:
        """Every staged shard (but those whose name starts with ``skip_prefix``) and its rows, by shard name."""
        cs = t.staged_claim_shards
        q = (select(cs.c.shard, func.count()).where(~cs.c.shard.startswith(skip_prefix, autoescape=True))
             .group_by(cs.c.shard).order_by(self._binary(cs.c.shard)))
        with self._reading("the staged findings shards"), self.engine.connect() as conn:
            return [(s, n) for s, n in conn.execute(q)]

    def staged_shard_members(self, shards: Collection[str]) -> list[m.ShardRow]:
        """The staged rows (shard, item, document) of these shards."""
        cs = t.staged_claim_shards
        with self._reading("the staged findings shards"), self.engine.connect() as conn:
            rows = rows_where_in(conn, select(cs.c.shard, cs.c.item_id, cs.c.document_id), cs.c.shard, shards, ordered=True)
        return [(s, i, d) for s, i, d in rows]

    def staged_claim_states(self, item_ids: Collection[str]) -> dict[str, str]:
        """The staged state of each of these statements and facts that has one (id → its claim or fact view as text)."""
        cs = t.staged_claim_states
        with self._reading("the staged claims"), self.engine.connect() as conn:
            return {i: x for i, x in rows_where_in(conn, select(cs.c.item_id, cs.c.state), cs.c.item_id, item_ids)}

    def iter_staged_candidates(self) -> Iterator[m.FindingCandidate]:
        """Every staged candidate, best first (:meth:`~storyline.model.FindingCandidate.rank`), explanations left empty."""
        fc = t.staged_finding_candidates
        q = (select(*(c for c in fc.c if c.name != "explanation"))
             .order_by(fc.c.score.desc(), *(self._binary(c) for c in (fc.c.kind, fc.c.item_a, fc.c.item_b, fc.c.shard))))
        with self._reading("the staged findings candidates"), self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=5000).execute(q)
            for row in result.mappings():
                yield r.candidate_from_row(row)

    def staged_candidate_explanations(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
        """The staged explanation of each candidate, by (shard, first item, second item)."""
        with self._reading("the staged findings candidates"), self.engine.connect() as conn:
            return explanations_where_in(conn, t.staged_finding_candidates, keys)

    def staged_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.staged_finding_candidates)).scalar() or 0)

    def _binary(self, column: Any) -> Any:
        """``column`` compared by code point, as Python compares strings (SQLite's default; PostgreSQL's "C")."""
        return column.collate("C") if self.dialect == "postgresql" else column


def move_staged(conn: Any) -> None:
    """Replace the live findings tables' rows by the staged ones, on ``conn`` (inside the caller's transaction)."""
    for live, staged in STAGED:
        conn.execute(delete(live))
        names = [c.name for c in staged.c]
        conn.execute(live.insert().from_select(names, select(*(staged.c[n] for n in names))))
        conn.execute(delete(staged))
