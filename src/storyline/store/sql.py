"""The store: one class over SQLAlchemy Core, for SQLite (default) and PostgreSQL.

:class:`Store` is its roles put together, the way nomenklatura splits a store
into views and writers:

- :class:`~storyline.store.writer.StoreWriter` — documents, analyses, corpus
  results, review and entity decisions, watchlists, tokens (every write one
  transaction);
- :class:`~storyline.store.corpus_delta.CorpusDeltaStore` — what the
  incremental corpus step reads and replaces;
- :class:`~storyline.store.reader.StoreReader` — whole records by id, in id
  order or listed; search;
- :class:`~storyline.store.views.StoreViews` — the bounded reads the pages, the
  API, the terminal listings and the exports are built from.

Dialect differences (full-text search, pragmas) live in
:mod:`storyline.store.search` and in :func:`_configure_sqlite`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import StoreError
from .base import _reason
from .findings_staging import FindingsStaging
from .views import StoreViews
from .writer import AddResult, CorpusResult, StoreWriter

__all__ = ["AddResult", "CorpusResult", "Store", "open_store"]


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


class Store(StoreWriter, StoreViews, FindingsStaging):
    """The whole store: writer, corpus delta, reader and views over one engine."""

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
            raise StoreError(f"cannot open database {self.location()}: {_reason(exc)}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot migrate database {self.location()}: {_reason(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()
