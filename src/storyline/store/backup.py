"""``storyline dump`` / ``restore``: the whole knowledge base, decisions included, as gzipped JSON lines.

The dump is backend-neutral (a SQLite knowledge base restores into PostgreSQL
and back). Each line is ``{"table": name, "row": {...}}`` after a header line
naming the format and the schema revision. Restore refuses a non-empty
target, writes everything in one transaction and rebuilds the search index.
The workbench's session secret is left out: a restored knowledge base gets a
new one when a workbench first starts on it (everyone signs in again).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from ..errors import InputError, UsageError
from . import schema as t
from .findings_staging import STAGED
from .records import document_from_row, statement_from_row
from .sql import Store

__all__ = ["SESSION_SECRET_KEY", "dump", "restore"]

FORMAT = "storyline-dump/1"
_SKIP = {"alembic_version", *(staged.name for _live, staged in STAGED)}  # staged findings: a rebuild's scratch rows
SESSION_SECRET_KEY = "web_session_secret"  # corpus_state key the workbench signs sessions with: never dumped


def _tables() -> list[Any]:
    return [tbl for tbl in t.metadata.sorted_tables if tbl.name not in _SKIP]


def _revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def dump(store: Store, path: Path) -> dict[str, int]:
    """Write every table to ``path`` (gzip); returns rows per table."""
    counts: dict[str, int] = {}
    tmp = path.with_name(path.name + ".part")
    with gzip.open(tmp, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"format": FORMAT, "revision": _revision(store)}) + "\n")
        for table in _tables():
            n = 0
            with store.engine.connect() as conn:
                result = conn.execution_options(stream_results=True, yield_per=1000).execute(select(table))
                for row in result.mappings():
                    if table is t.corpus_state and row["key"] == SESSION_SECRET_KEY:
                        continue  # whoever holds a dump must not be able to sign sessions; restore makes a new one
                    out.write(json.dumps({"table": table.name, "row": dict(row)}, ensure_ascii=False) + "\n")
                    n += 1
            counts[table.name] = n
    tmp.replace(path)
    return counts


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{lineno}", f"not a Storyline dump line ({exc.msg})") from None
    except (OSError, EOFError) as exc:
        raise InputError(str(path), f"cannot read dump ({exc})") from None


def restore(store: Store, path: Path) -> dict[str, int]:
    """Load a dump into an empty store in one transaction."""
    lines = _lines(path)
    header = next(lines, None)
    if not header or header.get("format") != FORMAT:
        raise InputError(str(path), f"not a Storyline dump (expected format {FORMAT})")
    with store.engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(t.documents)).scalar_one():
            raise UsageError("restore needs an empty database; this one already has documents")
    tables = {tbl.name: tbl for tbl in _tables()}
    counts: dict[str, int] = {}
    with store.transaction() as conn:
        batch: list[dict[str, Any]] = []
        current: str | None = None

        def flush() -> None:
            if batch and current:
                conn.execute(insert(tables[current]), batch)
                counts[current] = counts.get(current, 0) + len(batch)
                batch.clear()

        for line in lines:
            name = line.get("table")
            if name not in tables:
                raise InputError(str(path), f"unknown table {name!r} in dump")
            if name != current or len(batch) >= 1000:
                flush()
                current = name
            batch.append(line["row"])
        flush()
        if store.dialect == "postgresql":  # explicit ids do not move the sequences forward
            for table in tables.values():
                if "id" in table.c and table.c.id.autoincrement is True:
                    conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    ))
        search = store.search_index
        for row in conn.execute(select(t.documents)).mappings():
            search.index_document(conn, document_from_row(row))
        statements = [statement_from_row(x) for x in conn.execute(select(t.statements)).mappings()]
        if statements:
            search.index_statements(conn, statements)
    return counts
