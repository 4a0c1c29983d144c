"""Full entity resolution with bounded memory: clusters streamed from SQL, resolved one component at a time.

Two document clusters can only affect each other's entity when they share a
resolution block that a rule walks (:func:`storyline.corpus.resolve.cluster_blocks`;
a capped block over :data:`~storyline.corpus.resolve.BLOCK_CAP` is walked by no
rule). So the connected components of the walked blocks are independent: resolving
each on its own, told which capped blocks are over the cap corpus-wide, gives the
entities of resolving the whole corpus at once (the incremental path,
:mod:`storyline.services.resolution_update`, rests on the same fact). A rebuild:

1. reads mentions a page of documents at a time and writes each page's clusters and
   blocks to the cluster index (``clusters``, ``cluster_blocks``);
2. streams the block rows in block order and joins their members (a union-find over
   cluster numbers: a few bytes per cluster, the one part that grows with the corpus);
3. hands whole components, packed into jobs of about :data:`JOB_CLUSTERS` clusters, to a
   :data:`JobRunner` (this process, or Ray tasks: ``scale/ray_engine.py``), each of which
   reads its clusters from the store and resolves them;
4. re-decides entity ids among same-named entities of all jobs by smallest local key,
   as one resolver decides them.

The working set of step 3 is one job, so it grows with the largest component, not with
the corpus; the entities themselves (what the later steps read) are the result.
"""

from __future__ import annotations

import logging
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..corpus.resolve import BLOCK_CAP, CAPPED_BLOCKS, clusters_from_mentions, entity_base_id, resolve_entities
from ..model import Entity, EntityDecision
from ..store import Store
from .resolution_update import all_blocks, id_by_rank

log = logging.getLogger(__name__)

__all__ = ["JOB_CLUSTERS", "JobRunner", "RebuiltResolution", "ResolutionJob", "local_runner", "rebuild_resolution",
           "resolve_job"]

JOB_CLUSTERS = 2000  # whole components are packed into jobs of about this many clusters
PAGE_DOCUMENTS = 500  # documents whose mentions are read and clustered at a time


@dataclass(frozen=True)
class ResolutionJob:
    """Whole components of the block graph, resolved together (they cannot affect each other)."""

    local_keys: tuple[str, ...]
    decisions: tuple[EntityDecision, ...] = ()
    oversized: frozenset[str] = frozenset()  # capped blocks over the cap corpus-wide, when ``oversized_known``
    oversized_known: bool = False  # else the job looks up its capped blocks' sizes itself


#: Resolves jobs (in order) and yields each job's entities; ids are re-decided afterwards.
JobRunner = Callable[[Iterable[ResolutionJob]], Iterator[Sequence[Entity]]]


@dataclass(frozen=True)
class RebuiltResolution:
    entities: tuple[Entity, ...]
    key_to_entity: dict[str, str] = field(default_factory=dict)
    clusters: int = 0
    components: int = 0
    largest_component: int = 0  # clusters in the largest component: what one job's memory follows
    jobs: int = 0


def resolve_job(store: Store, job: ResolutionJob) -> list[Entity]:
    """The entities of ``job``'s clusters, read from ``store``, told which of their capped blocks are over the cap."""
    clusters = store.clusters_of_keys(job.local_keys)
    oversized: frozenset[str] | set[str] = job.oversized
    if not job.oversized_known:
        capped = {bl for _k, _d, bl, _w in store.blocks_of_keys(job.local_keys) if bl.startswith(CAPPED_BLOCKS)}
        oversized = {bl for bl, n in store.block_sizes(capped).items() if n > BLOCK_CAP}
    return list(resolve_entities(clusters, job.decisions, oversized).entities)


def local_runner(store: Store) -> JobRunner:
    """Jobs resolved one after another in this process."""
    def run(jobs: Iterable[ResolutionJob]) -> Iterator[Sequence[Entity]]:
        return (resolve_job(store, job) for job in jobs)
    return run


def rebuild_resolution(store: Store, decisions: Sequence[EntityDecision], runner: JobRunner | None = None, *,
                       job_clusters: int = JOB_CLUSTERS) -> RebuiltResolution:
    """Resolve every document cluster from scratch, component by component (module docstring).

    Leaves the cluster index (clusters and blocks) written; the caller marks the documents
    reflected when it writes the entities (``Store.replace_corpus(..., clusters_stored=True)``).
    """
    decisions = tuple(decisions)
    _index_clusters(store, decisions)
    keys, parent, oversized = _components(store)
    components = _grouped(keys, parent)
    jobs = list(_jobs(components, decisions, oversized, job_clusters))
    largest = max((len(c) for c in components), default=0)
    n_components = len(components)
    del components, parent
    drafts = [e for done in (runner or local_runner(store))(jobs) for e in done]
    entities = _final_ids(drafts)
    log.info("resolution (full): %d clusters in %d components (largest %d) as %d jobs; %d entities",
             len(keys), n_components, largest, len(jobs), len(entities))
    return RebuiltResolution(tuple(entities), {k: e.id for e in entities for k in e.local_keys}, len(keys),
                             n_components, largest, len(jobs))


def _index_clusters(store: Store, decisions: Sequence[EntityDecision]) -> None:
    """Clusters and blocks of every analysed document, written page by page (the previous index dropped first)."""
    with store.transaction() as conn:
        store.clear_cluster_index(conn)
    after = ""
    while page := store.documents_with_mentions(after, PAGE_DOCUMENTS):
        clusters = clusters_from_mentions(sorted(store.mentions_of_documents(page), key=lambda m: m.id))  # as iter_mentions
        with store.transaction() as conn:
            store.add_to_cluster_index(conn, clusters, all_blocks(clusters, decisions))
        after = page[-1]


def _find(parent: array, i: int) -> int:
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:  # path compression
        parent[i], i = root, parent[i]
    return root


def _components(store: Store) -> tuple[list[str], array, frozenset[str]]:
    """Cluster keys in key order, a union-find over their numbers joined through every block a rule walks,
    and the capped blocks over the cap (which no rule walks)."""
    keys = list(store.iter_cluster_keys())
    number = {k: i for i, k in enumerate(keys)}
    parent = array("q", range(len(keys)))
    oversized: set[str] = set()

    def join(members: list[int], weight: int, block: str) -> None:
        if block.startswith(CAPPED_BLOCKS) and weight > BLOCK_CAP:
            oversized.add(block)  # joins nothing: no rule walks it
            return
        if len(members) < 2:
            return
        root = _find(parent, members[0])
        for i in members[1:]:
            other = _find(parent, i)
            if other != root:
                low, high = min(root, other), max(root, other)
                parent[high] = low
                root = low

    current: str | None = None
    members: list[int] = []
    weight = 0
    for block, key, w in store.iter_block_rows():
        if block != current:
            if current is not None:
                join(members, weight, current)
            current, members, weight = block, [], 0
        members.append(number[key])
        weight += w
    if current is not None:
        join(members, weight, current)
    return keys, parent, frozenset(oversized)


def _grouped(keys: Sequence[str], parent: array) -> list[list[str]]:
    """The components as lists of keys, each in key order, ordered by their smallest key."""
    by_root: dict[int, list[str]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_root[_find(parent, i)].append(k)
    return [by_root[r] for r in sorted(by_root)]


def _jobs(components: Iterable[list[str]], decisions: tuple[EntityDecision, ...], oversized: frozenset[str],
          size: int) -> Iterator[ResolutionJob]:
    batch: list[str] = []
    for comp in components:
        if batch and len(batch) + len(comp) > size:
            yield ResolutionJob(tuple(batch), decisions, oversized, True)
            batch = []
        batch.extend(comp)
    if batch:
        yield ResolutionJob(tuple(batch), decisions, oversized, True)


def _final_ids(drafts: Iterable[Entity]) -> list[Entity]:
    """Entity ids as one resolver over the whole corpus gives them: among entities of one type and name,
    the one with the smallest local key takes the base id, the others an id with their smallest key."""
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in drafts:
        groups[e.base_id or entity_base_id(e.type, e.name)].append(e)
    out: list[Entity] = []
    for same_name in groups.values():
        same_name.sort(key=lambda e: min(e.local_keys))
        out.extend(id_by_rank(e, min(e.local_keys), rank) for rank, e in enumerate(same_name))
    out.sort(key=lambda e: e.id)
    return out
