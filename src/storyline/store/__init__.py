"""Storage: one interface (:class:`Store`) over SQLite (default) and PostgreSQL.

The only package that knows the tables: everything else reads and writes through
the Store's named methods and gets the typed records of :mod:`storyline.model`
(or the small read records of :mod:`.views`) back.
"""

from . import posts_schema  # noqa: F401  (registers the social-media tables on the shared metadata)
from .corpus_delta import BlockRow, CorpusUpdate, TopicModelRows
from .findings_reads import ShardInputs
from .derived import MENTIONED, SPEAKER, SUBJECT
from .records import analysis_from_json, analysis_to_json
from .views import AnnotatedDocument, FindingEntry, FindingRecords
from .search import MARK_END, MARK_START, SearchHit, SearchQuery
from .sql import AddResult, CorpusResult, Store, open_store

__all__ = ["MARK_END", "MARK_START", "MENTIONED", "SPEAKER", "SUBJECT", "AddResult", "BlockRow", "CorpusUpdate",
           "TopicModelRows", "AnnotatedDocument", "CorpusResult", "FindingEntry",
           "FindingRecords", "SearchHit", "SearchQuery", "ShardInputs", "Store", "analysis_from_json", "analysis_to_json",
           "open_store"]
