"""Store what the readers produce: one transaction per document, duplicates recognised."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import InputError, StoreError, StorylineError
from ..ingest import Fetcher, read_documents
from ..ingest.base import IngestOptions
from ..ingest.threads import is_posts_document
from ..ingest.nearduplicates import THRESHOLD as NEAR_DUPLICATE_THRESHOLD
from ..ingest.nearduplicates import band_keys, estimate_similarity, signature
from ..model import Document
from ..progress import track
from ..store import AddResult, Store
from .posts import store_posts_document

log = logging.getLogger(__name__)

__all__ = ["IngestReport", "ingest_paths", "store_document"]


@dataclass
class IngestReport:
    stored: list[AddResult] = field(default_factory=list)
    duplicates: list[AddResult] = field(default_factory=list)
    near_duplicates: list[AddResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        return (
            f"{len(self.stored) + len(self.near_duplicates)} stored "
            f"({len(self.near_duplicates)} near-duplicates linked), {len(self.duplicates)} already present, "
            f"{len(self.errors)} failed"
        )


def store_document(store: Store, doc: Document) -> AddResult:
    """Store one document, linking it to an earlier near-duplicate when there is one."""
    sig = signature(doc.text)
    bands = band_keys(sig)
    near: tuple[str, float] | None = None
    candidates = [c for c in store.band_candidates(bands) if c != doc.id]
    if candidates:
        best: tuple[str, float] | None = None
        for cid, other in sorted(store.get_documents(candidates).items()):
            score = estimate_similarity(sig, signature(other.text))
            if score >= NEAR_DUPLICATE_THRESHOLD and (best is None or score > best[1]):
                best = (cid, score)
        near = best
    return store.add_document(doc, bands=bands, near_dup=near)


def ingest_paths(
    store: Store,
    paths: Sequence[str],
    options: IngestOptions,
    *,
    on_error: Callable[[InputError], None] | None = None,
    fetcher: Fetcher | None = None,
) -> IngestReport:
    """Read every input and store its documents; a bad input never stops the others."""
    report = IngestReport()
    for item in track(read_documents(paths, options, fetcher=fetcher), "Ingesting"):
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        try:
            if is_posts_document(item):  # threads/days of a channel: merged with the stored posts
                results = store_posts_document(store, item, lambda d: store_document(store, d))
            else:
                results = [store_document(store, item)]
        except StoreError:
            raise  # a dead database fails the whole run; what was committed stays
        except StorylineError as exc:
            err = InputError(item.origin or item.id, str(exc))
            report.errors.append(err)
            if on_error:
                on_error(err)
            continue
        for result in results:
            {"stored": report.stored, "duplicate": report.duplicates, "near_duplicate": report.near_duplicates}[
                result.status
            ].append(result)
    return report
