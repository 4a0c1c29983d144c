"""Documents with their annotations, streamed in batches: what the graph-shaped exports walk.

The STIX, FollowTheMoney and GraphML exports need, for each document, the
mentions, statements and facts inside it and the entity each local cluster
resolved to. The store reads them in batches of documents
(:meth:`storyline.store.Store.iter_annotated_documents`): memory is bounded by
the batch, not by the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..store import AnnotatedDocument, Store

__all__ = ["AnnotatedDocument", "corpus_timestamp", "iter_annotated_documents"]

BATCH = 200


def iter_annotated_documents(store: Store, *, with_text: bool = True, batch: int = BATCH) -> Iterator[AnnotatedDocument]:
    """Every document (id order) with its annotations and resolved entity keys."""
    return store.iter_annotated_documents(with_text=with_text, batch=batch)


def corpus_timestamp(store: Store) -> dt.datetime:
    """The newest ingest time in the store (UTC): a stable 'as of' for corpus-wide records."""
    value = store.newest_ingest()
    if not value:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    stamp = dt.datetime.fromisoformat(value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
