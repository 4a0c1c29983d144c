"""Storage: one interface (:class:`Store`) over SQLite (default) and PostgreSQL."""

from .search import SearchHit, SearchQuery
from .sql import AddResult, CorpusResult, Store, open_store

__all__ = ["AddResult", "CorpusResult", "SearchHit", "SearchQuery", "Store", "open_store"]
