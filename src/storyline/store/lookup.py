"""Asking for many ids at once: the one place that splits an ``IN (...)`` list into chunks.

Databases cap the parameters of one statement (SQLite: 32766, older builds 999), so
every lookup by a list of ids — local keys, document ids, statement ids — asks in
chunks of :data:`IN_CHUNK` on one connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Select, Table, select

__all__ = ["IN_CHUNK", "chunks", "explanations_where_in", "rows_where_in", "sorted_chunks"]

IN_CHUNK = 500  # ids per IN (...) list


def chunks(values: Iterable[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    """The distinct values, in the order given, in lists of at most ``size``."""
    ordered = list(dict.fromkeys(values))
    for i in range(0, len(ordered), size):
        yield ordered[i : i + size]


def sorted_chunks(values: Iterable[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    """The distinct values, sorted, in lists of at most ``size`` (deletes and writes in a stable order)."""
    return chunks(sorted(set(values)), size)


def rows_where_in(conn: Connection, query: Select[Any], column: Any, values: Iterable[Any],
                  *, ordered: bool = False) -> list[Any]:
    """``query`` restricted to ``column IN values``, asked chunk by chunk on ``conn``."""
    out: list[Any] = []
    for chunk in (sorted_chunks(values) if ordered else chunks(values)):
        out.extend(conn.execute(query.where(column.in_(chunk))))
    return out


def explanations_where_in(conn: Connection, candidates: Table, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """The explanation of each candidate of a findings candidates table (live or staged), by (shard, first item,
    second item), asked by first item."""
    wanted = set(keys)
    c = candidates.c
    rows = rows_where_in(conn, select(c.shard, c.item_a, c.item_b, c.explanation), c.item_a, {a for _s, a, _b in wanted},
                         ordered=True)
    return {(s, a, b): e for s, a, b, e in rows if (s, a, b) in wanted}
