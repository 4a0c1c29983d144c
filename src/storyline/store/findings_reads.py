"""What the streamed findings step reads: the corpus in batches of documents, and one chunk of shards' members.

A full findings rebuild never holds every annotation (:mod:`storyline.services.findings_full`): it scans the
documents in id order, a batch at a time, and then reads the members of a few shards at a time by id. Both
reads return :class:`ShardInputs`, what claims and fact views are built from. A database error in the middle
(a dropped connection) becomes a :class:`~storyline.errors.StoreError` that says nothing was written.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .. import model as m
from ..errors import StoreError
from . import records as r
from . import schema as t
from .base import StoreBase, _reason
from .lookup import rows_where_in

__all__ = ["FindingsReads", "ShardInputs"]


@dataclass(frozen=True)
class ShardInputs:
    """Statements and facts (id order) with the documents and mentions their claims are built from."""

    statements: Sequence[m.Statement] = ()
    facts: Sequence[m.Fact] = ()
    mentions_by_doc: Mapping[str, Sequence[m.Mention]] = field(default_factory=dict)
    documents: Mapping[str, m.Document] = field(default_factory=dict)

    @property
    def document_ids(self) -> list[str]:
        return sorted(self.documents)


class FindingsReads(StoreBase):
    """Part of :class:`~storyline.store.sql.Store`."""

    @contextlib.contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"lost the database {self.location()} while reading {what}: {_reason(exc)}; "
                             "nothing was written, run 'storyline analyze' again") from exc

    def iter_shard_input_batches(self, batch: int = 200) -> Iterator[ShardInputs]:
        """Every document (id order) with its statements, facts and mentions, ``batch`` documents at a time."""
        last = ""
        while True:
            with self._reading("the corpus for findings"), self.engine.connect() as conn:
                ids = [x[0] for x in conn.execute(select(t.documents.c.id).where(t.documents.c.id > last)
                                                  .order_by(t.documents.c.id).limit(batch))]
                if not ids:
                    return
                inputs = self._inputs(conn, ids, t.statements.c.document_id, t.facts.c.document_id, ids)
            yield inputs
            last = ids[-1]

    def shard_inputs(self, statement_ids: Collection[str], fact_ids: Collection[str]) -> ShardInputs:
        """These statements and facts (id order), with their documents and those documents' mentions."""
        with self._reading("the members of findings shards"), self.engine.connect() as conn:
            return self._inputs(conn, (), t.statements.c.id, t.facts.c.id, statement_ids, fact_ids)

    def _inputs(self, conn: Any, doc_ids: Collection[str], st_col: Any, fa_col: Any,
                st_values: Collection[str], fa_values: Collection[str] | None = None) -> ShardInputs:
        st_rows = rows_where_in(conn, select(t.statements), st_col, st_values, ordered=True)
        fa_rows = rows_where_in(conn, select(t.facts), fa_col, st_values if fa_values is None else fa_values, ordered=True)
        statements = sorted((r.statement_from_row(x._mapping, None) for x in st_rows), key=lambda s: s.id)
        facts = sorted((r.fact_from_row(x._mapping) for x in fa_rows), key=lambda f: f.id)
        docs = set(doc_ids) | {s.document_id for s in statements} | {f.document_id for f in facts}
        documents = {x._mapping["id"]: r.document_from_row(x._mapping)
                     for x in rows_where_in(conn, select(t.documents), t.documents.c.id, docs, ordered=True)}
        mentions: dict[str, list[m.Mention]] = defaultdict(list)
        for x in rows_where_in(conn, select(t.mentions), t.mentions.c.document_id, docs, ordered=True):
            mention = r.mention_from_row(x._mapping)
            mentions[mention.document_id].append(mention)
        for ms in mentions.values():
            ms.sort(key=lambda x: x.id)  # the order a full read (id order) gives
        return ShardInputs(statements, facts, dict(mentions), documents)
