"""Storage: one interface (:class:`Store`) over SQLite (default) and PostgreSQL."""

from . import posts_schema  # noqa: F401  (registers the social-media tables on the shared metadata)
from .search import SearchHit, SearchQuery
from .sql import AddResult, CorpusResult, Store, open_store

__all__ = ["AddResult", "CorpusResult", "SearchHit", "SearchQuery", "Store", "open_store"]
