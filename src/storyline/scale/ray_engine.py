"""``analyze --engine ray``: the per-document stages as a Ray Data job, a full rebuild's resolution jobs as Ray tasks.

The driver holds only document ids. Each worker in an actor pool loads the
spaCy pipeline once, reads its batch of documents from the store itself (any
backend a worker can reach: PostgreSQL for a cluster, the SQLite file when
local), analyses them and returns the analyses serialised as table rows. The
driver writes each returned batch in one transaction; saving an analysis
replaces the document's earlier annotations, so a retried batch (a worker
that crashed and was restarted) never duplicates anything. The corpus steps
then run as with ``--engine local``, except that a full rebuild's entity
resolution jobs (whole components of the block graph,
:mod:`storyline.services.resolution_rebuild`) run as Ray tasks, each reading its
clusters from the same database; the driver gathers their entities in job order
and decides the ids, so the result is the local one. ``docs/CLUSTER.md`` is the
two-node recipe (a Ray head and a worker over PostgreSQL).
Findings shards of a full rebuild run as Ray tasks too (:func:`ray_chunk_runner`): each task
reads its chunk of shards from the same database and returns its candidates, taken in plan order.
"""

from __future__ import annotations

import functools
import logging
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..config import Settings
from ..errors import StorylineError, UsageError
from ..progress import track
from ..corpus.findings import ShardResult
from ..model import Entity
from ..services.analyze import AnalyzeReport, finish_analysis
from ..services.findings_full import ChunkRunner, FindingsContext, ShardChunk, chunk_candidates
from ..services.resolution_rebuild import JobRunner, ResolutionJob, resolve_job
from ..store import Store, analysis_from_json, analysis_to_json, open_store

log = logging.getLogger(__name__)

__all__ = ["BatchHook", "JobHook", "analysis_from_json", "analysis_to_json", "analyze_with_ray", "ray_chunk_runner",
           "ray_resolution_runner"]

#: Called in the worker with each batch's document ids before they are analysed (``on_batch``). Ray pickles
#: it to the workers, so a function defined inside another function travels by value.
BatchHook = Callable[[list[str]], None]


class _Analyzer:
    """One per Ray worker: keeps the spaCy pipeline and a store connection loaded."""

    def __init__(self, db_url: str, spacy_model: str, on_batch: BatchHook | None = None) -> None:
        from ..nlp.pipeline import build_stages, load_nlp
        from ..store import open_store

        self.on_batch = on_batch
        self.store = open_store(db_url, migrate=False)
        self.nlp = load_nlp(spacy_model)
        self.stages = build_stages()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from ..nlp.pipeline import analyze_documents

        ids = [str(i) for i in batch["id"]]
        if self.on_batch is not None:
            self.on_batch(ids)
        docs = self.store.get_documents(ids)
        ordered = [docs[i] for i in ids if i in docs]
        out = [analysis_to_json(a) for a in analyze_documents(ordered, self.nlp, self.stages)]
        return {"analysis": np.array(out, dtype=object)}


@functools.lru_cache(maxsize=4)
def _worker_store(db_url: str) -> Store:
    """One store per database in each Ray worker process, opened by its first task and kept for the next."""
    return open_store(db_url, migrate=False)


#: Called in the worker with each resolution job before it is resolved (``on_job``); travels like :data:`BatchHook`.
JobHook = Callable[[ResolutionJob], None]


def _resolve_remote(db_url: str, job: ResolutionJob, on_job: JobHook | None = None) -> list[Entity]:
    if on_job is not None:
        on_job(job)
    return resolve_job(_worker_store(db_url), job)


def ray_resolution_runner(db_url: str, *, connect: Callable[[], None] | None = None, in_flight: int | None = None,
                          on_job: JobHook | None = None) -> JobRunner:
    """Resolution jobs as Ray tasks (one CPU each) against ``db_url``, their entities yielded in job order.

    ``connect`` is called before the first task (joins or starts Ray only when a rebuild has jobs).
    At most ``in_flight`` tasks are submitted ahead (default: twice the cluster's CPUs), so the driver
    holds a bounded number of answers. A task whose worker dies is retried (3 times) by Ray.
    """
    import ray

    def run(jobs: Iterable[ResolutionJob]) -> Iterator[Sequence[Entity]]:
        remote: Any = None
        pending: deque[Any] = deque()
        window = in_flight
        for job in jobs:
            if remote is None:
                if connect is not None:
                    connect()
                remote = ray.remote(num_cpus=1, max_retries=3)(_resolve_remote)
                window = window or max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))
            pending.append(remote.remote(db_url, job, on_job))
            if len(pending) >= (window or 2):
                yield _answer(ray, pending.popleft())
        while pending:
            yield _answer(ray, pending.popleft())

    return run


def _answer(ray: Any, ref: Any) -> list[Entity]:
    try:
        return list(ray.get(ref))
    except ray.exceptions.RayError as exc:
        raise StorylineError(f"an entity resolution job failed on the Ray cluster after its retries; the previous corpus "
                             f"results are kept and the next analyze rebuilds in full ({type(exc).__name__}: "
                             f"{str(exc).strip().splitlines()[-1] if str(exc).strip() else ''})") from exc


def _findings_chunk(db_url: str, chunk: ShardChunk, context: FindingsContext) -> ShardResult:
    """One Ray task: a chunk of findings shards, read from the database by the worker itself."""
    store = open_store(db_url, migrate=False)
    try:
        return chunk_candidates(store, chunk, context)
    finally:
        store.close()


def ray_chunk_runner(db_url: str, *, address: str | None = None, in_flight: int | None = None) -> ChunkRunner:
    """Findings shards as Ray tasks against ``db_url`` (the driver's database), at most ``in_flight`` at once.

    A task that dies is retried (3 times); results come back in plan order. Ray is started here (and stopped
    after) unless the caller has started it.
    """
    def run(chunks: Iterable[ShardChunk], context: FindingsContext) -> Iterator[ShardResult]:
        import ray

        started_here = not ray.is_initialized()
        if started_here:
            ray.init(address=address, num_cpus=None if address else (os.cpu_count() or 1),
                     include_dashboard=False, log_to_driver=False, configure_logging=False)
        try:
            task = ray.remote(num_cpus=1, max_retries=3)(_findings_chunk)
            context_ref = ray.put(context)  # the resolution travels once, not with every task
            window = in_flight or max(2, 2 * int(ray.available_resources().get("CPU", 1)))
            pending: list[Any] = []
            for chunk in chunks:
                pending.append(task.remote(db_url, chunk, context_ref))
                if len(pending) >= window:
                    yield ray.get(pending.pop(0))
            while pending:
                yield ray.get(pending.pop(0))
        finally:
            if started_here:
                ray.shutdown()
    return run


def analyze_with_ray(
    store: Store, cfg: Settings, *, address: str | None = None, num_workers: int | None = None, batch_size: int = 8,
    rebuild: bool = False, on_batch: BatchHook | None = None,
) -> AnalyzeReport:
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'storyline[scale]' (or use --engine local)") from None

    from ..nlp.pipeline import pipeline_version

    version = pipeline_version()
    store.drop_superseded_annotations()
    todo = store.documents_to_analyze(version)
    analyzed = 0
    failed: list[str] = []
    db_url = store.url()
    if store.dialect == "sqlite" and address:
        log.warning("SQLite with a remote Ray cluster: workers must see the same file; use PostgreSQL for a cluster")
    started_here = False

    def connect() -> None:
        nonlocal started_here
        if not ray.is_initialized():
            ray.init(address=address, num_cpus=None if address else (os.cpu_count() or 1),
                     include_dashboard=False, log_to_driver=False, configure_logging=False)
            started_here = True

    try:
        if todo:
            connect()
            ctx = ray.data.DataContext.get_current()
            ctx.enable_progress_bars = False  # our own bar (rich, terminal only) reports progress
            logging.getLogger("ray.data").setLevel(logging.WARNING)
            workers = num_workers or max(1, int(ray.available_resources().get("CPU", 1)))
            ds: ray.data.Dataset = ray.data.from_items([{"id": i} for i in todo], override_num_blocks=max(1, len(todo) // batch_size))
            # A fixed pool of ``workers`` actors, one CPU and one spaCy pipeline each. A worker that dies is
            # restarted and its batch retried at most 3 times, so a document that kills its process every
            # time fails the run instead of retrying forever. Ray 2.60 (pinned) has no named parameter for
            # the caps and warns that passing them as remote args goes away in 2.64: that one warning is muted.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
                ds = ds.map_batches(
                    _Analyzer,
                    fn_constructor_kwargs={"db_url": db_url, "spacy_model": cfg.spacy_model, "on_batch": on_batch},
                    batch_size=batch_size,
                    compute=ray.data.ActorPoolStrategy(size=workers),
                    num_cpus=1,
                    max_restarts=3,
                    max_task_retries=3,
                )
            for batch in track(ds.iter_batches(batch_size=batch_size), "Analysing (ray)"):
                analyses = [analysis_from_json(x) for x in batch["analysis"]]
                store.save_analyses(analyses)
                analyzed += len(analyses)
                failed.extend(f"{a.document_id}: {a.error}" for a in analyses if a.error)
        return finish_analysis(store, cfg, analyzed, version, force_corpus=rebuild, failed=tuple(failed),
                               resolve_jobs=ray_resolution_runner(db_url, connect=connect),
                               findings_runner=ray_chunk_runner(db_url, address=address))
    finally:
        if started_here:
            ray.shutdown()
