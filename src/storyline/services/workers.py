"""Per-document stages on every core: worker processes, each holding one loaded pipeline.

The parent reads documents from the store in batches, hands each batch to a
worker process and writes the analyses back in the order the batches were
read, one transaction per batch, exactly as the single-process path does. At
most ``2 × workers`` batches are in flight, so memory does not grow with the
corpus. Workers never touch the store: they get documents and return analyses
(both picklable frozen records). Processes are started with ``spawn``, so a
worker shares no database connection or thread with the parent.

A worker that dies (killed, out of memory) fails the run with a
:class:`~storyline.errors.AnalysisError`; every batch written before stays
written, and the next ``analyze`` takes up the rest.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import AnalysisError
from ..model import Document, DocumentAnalysis

log = logging.getLogger(__name__)

__all__ = ["available_cores", "analyze_in_workers", "worker_count"]

# One worker's state: the loaded spaCy pipeline and the stages (set by _init in each worker process).
_STATE: dict[str, Any] = {}


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without sched_getaffinity
        return max(1, os.cpu_count() or 1)


#: With the automatic choice, a worker is only worth its start-up (a process, imports and a loaded
#: pipeline: a few seconds) when it gets at least this many documents.
MIN_DOCUMENTS_PER_WORKER = 100


def worker_count(requested: int | None, documents: int, batch: int) -> int:
    """How many worker processes to start (1: analyse in this process).

    ``requested`` 0 or None chooses: every core, but no more workers than there are
    :data:`MIN_DOCUMENTS_PER_WORKER` documents. A positive number is taken as given. Never more
    workers than batches.
    """
    if requested is not None and requested < 0:
        raise ValueError(f"workers must be 0 (every core) or a positive number, not {requested}")
    if requested:
        wanted = requested
    else:
        wanted = min(available_cores(), documents // MIN_DOCUMENTS_PER_WORKER)
    batches = -(-documents // max(1, batch))
    return max(1, min(wanted, batches))


def _init(spacy_model: str, stage_names: Sequence[str]) -> None:
    from ..nlp.pipeline import build_stages, load_nlp

    _STATE["nlp"] = load_nlp(spacy_model)
    _STATE["stages"] = build_stages(tuple(stage_names))


def _analyze_batch(documents: list[Document]) -> list[DocumentAnalysis]:
    from ..nlp.pipeline import analyze_documents

    return list(analyze_documents(documents, _STATE["nlp"], _STATE["stages"]))


def analyze_in_workers(
    batches: Iterable[Sequence[str]],
    read: Callable[[Sequence[str]], list[Document]],
    *,
    workers: int,
    spacy_model: str,
    stage_names: Sequence[str],
    work: Callable[[list[Document]], list[DocumentAnalysis]] | None = None,
) -> Iterator[list[DocumentAnalysis]]:
    """Yield the analyses of each batch of document ids, in the order of ``batches``.

    ``read`` turns a batch of ids into documents (in the parent, which holds the store). ``work``
    analyses one batch in a worker (default: the loaded pipeline's stages); it must be a
    module-level function, since workers are spawned and import it by name.
    """
    work = work or _analyze_batch
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[DocumentAnalysis]]] = deque()
    window = 2 * workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init,
                             initargs=(spacy_model, tuple(stage_names))) as pool:
        try:
            for ids in batches:
                pending.append(pool.submit(work, read(ids)))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            for future in pending:
                future.cancel()
            raise AnalysisError(
                "a worker process died while analysing documents (killed or out of memory); the documents "
                "analysed so far are kept: run 'storyline analyze' again, with --workers 1 if it recurs"
            ) from exc
