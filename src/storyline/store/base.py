"""What every role of the store shares: the engine, the dialect's search index, and write transactions."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .search import search_backend

__all__ = ["StoreBase"]


class StoreBase:
    """The engine a store's roles (reader, views, writer, corpus delta) work through."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.search_index = search_backend(self.dialect)

    # -- lifecycle -----------------------------------------------------
    def location(self) -> str:
        """The database this store opens, for messages (password hidden)."""
        return self.engine.url.render_as_string(hide_password=True)

    def url(self, *, hide_password: bool = False) -> str:
        """The database URL (for worker processes that open their own connection)."""
        return self.engine.url.render_as_string(hide_password=hide_password)

    def transaction(self) -> Any:
        """``with store.transaction() as conn``: one write transaction; database errors become StoreError."""
        return _Tx(self)


class _Tx:
    """``with store.transaction() as conn``: one transaction; database errors become StoreError."""

    def __init__(self, store: StoreBase) -> None:
        self.store = store
        self.cm: Any = None

    def __enter__(self) -> Connection:
        try:
            self.cm = self.store.engine.begin()
            return self.cm.__enter__()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to database {self.store.location()}: {_reason(exc)}") from exc

    def __exit__(self, *exc_info: Any) -> Literal[False]:
        try:
            self.cm.__exit__(*exc_info)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to database {self.store.location()}: {_reason(exc)}") from exc
        if exc_info[1] is not None and isinstance(exc_info[1], SQLAlchemyError):
            raise StoreError(f"cannot write to database {self.store.location()}: {_reason(exc_info[1])}") from exc_info[1]
        return False


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else exc.__class__.__name__


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
