"""Incremental entity resolution: re-resolve only the clusters a change can reach, found in SQL.

Two document clusters can only affect each other's entity when they share a
resolution block (:func:`storyline.corpus.resolve.cluster_blocks`). When
documents are added, re-analysed or removed, the clusters to re-resolve are
the ones reachable from theirs through shared blocks (and through the
entities they were in); they are found with index lookups on
``cluster_blocks``, never by reading the corpus. Re-resolving exactly that set,
told which capped blocks are over the cap corpus-wide, gives the entities a
full rebuild would give; entity ids are then re-decided among same-named
entities, inside and outside the set, by smallest local key, as a full
rebuild decides them.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..corpus.resolve import (
    BLOCK_CAP,
    CAPPED_BLOCKS,
    LocalCluster,
    cluster_blocks,
    clusters_from_mentions,
    entity_base_id,
    entity_id,
    resolve_entities,
)
from ..model import Entity, EntityDecision, document_of
from ..store import BlockRow, CorpusUpdate, Store

log = logging.getLogger(__name__)

__all__ = ["ResolutionChange", "all_blocks", "update_resolution"]


@dataclass(frozen=True)
class ResolutionChange:
    """The entity part of an incremental corpus update, and which local keys now mean something else."""

    update: CorpusUpdate
    changed_keys: frozenset[str]  # keys whose entity (id, name or type) differs from before, or that are new or gone
    reresolved: int  # clusters re-resolved


def all_blocks(clusters: Sequence[LocalCluster], decisions: Sequence[EntityDecision]) -> list[BlockRow]:
    return [(c.local_key, c.document_id, bl, w) for c in clusters for bl, w in cluster_blocks(c, decisions).items()]


def update_resolution(
    store: Store, new_docs: Mapping[str, str], gone_docs: Sequence[str], decisions: Sequence[EntityDecision]
) -> ResolutionChange:
    changed_docs = set(new_docs) | set(gone_docs)
    new_clusters = clusters_from_mentions(store.mentions_of_documents(new_docs))
    new_rows = all_blocks(new_clusters, decisions)
    old_rows = store.blocks_of_documents(changed_docs)
    old_keys = set(store.keys_of_documents(changed_docs))

    delta: Counter[str] = Counter()
    new_by_key: dict[str, set[str]] = defaultdict(set)
    new_by_block: dict[str, set[str]] = defaultdict(set)
    for k, _d, bl, w in new_rows:
        delta[bl] += w
        new_by_key[k].add(bl)
        new_by_block[bl].add(k)
    old_by_key: dict[str, set[str]] = defaultdict(set)
    for k, _d, bl, w in old_rows:
        delta[bl] -= w
        old_by_key[k].add(bl)

    # -- the clusters reachable from the change -----------------------------------
    reach: set[str] = set(new_by_key) | old_keys | {k for k, _d, _b, _w in old_rows}
    frontier = set(reach)
    seen_blocks: set[str] = set()
    seen_entities: set[str] = set()
    while frontier:
        stored = [k for k in frontier if document_of(k) not in changed_docs]
        blocks = {bl for _k, _d, bl, _w in store.blocks_of_keys(stored)}
        blocks |= {bl for k in frontier for bl in (*new_by_key.get(k, ()), *old_by_key.get(k, ()))}
        blocks -= seen_blocks
        seen_blocks |= blocks
        capped = [bl for bl in blocks if bl.startswith(CAPPED_BLOCKS)]
        sizes = store.block_sizes(capped)
        walk = [bl for bl in blocks if not bl.startswith(CAPPED_BLOCKS)
                or min(sizes.get(bl, 0), sizes.get(bl, 0) + delta[bl]) <= BLOCK_CAP]
        members = {k for k, d, _bl, _w in store.block_members(walk) if d not in changed_docs}
        members |= {k for bl in walk for k in new_by_block.get(bl, ())}
        entities = set(store.entity_of_keys(frontier | members).values()) - seen_entities
        seen_entities |= entities
        mates = {k for ks in store.keys_of_entities(entities).values() for k in ks if document_of(k) not in changed_docs}
        frontier = (members | mates) - reach
        reach |= frontier

    current = {k for k in reach if document_of(k) not in changed_docs} | set(new_by_key)
    old_map = store.entity_of_keys(reach)
    old_ids = set(old_map.values())

    # -- re-resolve them, told which capped blocks are over the cap corpus-wide ------
    clusters = store.clusters_of_keys(current - set(new_by_key)) + new_clusters
    capped_of_current = {bl for _k, d, bl, _w in store.blocks_of_keys(current) if d not in changed_docs and bl.startswith(CAPPED_BLOCKS)}
    capped_of_current |= {bl for k in new_by_key for bl in new_by_key[k] if bl.startswith(CAPPED_BLOCKS)}
    sizes = store.block_sizes(capped_of_current)
    oversized = {bl for bl in capped_of_current if sizes.get(bl, 0) + delta[bl] > BLOCK_CAP}
    resolution = resolve_entities(clusters, decisions, oversized)

    # -- ids: same-named entities inside and outside the set, by smallest local key ----
    drafts = list(resolution.entities)
    old_entities = store.entities_by_ids(old_ids)
    bases = {_base(e) for e in drafts} | {_base(e) for e in old_entities}
    outside = [e for e in store.entities_by_base(bases) if e.id not in old_ids]
    groups: dict[str, list[tuple[str, Entity, bool]]] = defaultdict(list)
    for e in drafts:
        groups[_base(e)].append((min(e.local_keys), e, True))
    for e in outside:
        groups[_base(e)].append((min(e.local_keys, default=""), e, False))
    final: list[Entity] = []
    renamed: list[Entity] = []
    for same_name in groups.values():
        same_name.sort(key=lambda x: x[0])
        for rank, (min_key, e, is_new) in enumerate(same_name):
            ranked = id_by_rank(e, min_key, rank)
            if is_new or ranked.id != e.id:
                final.append(ranked)
                if not is_new:
                    renamed.append(e)

    new_map = {k: e.id for e in final for k in e.local_keys}
    old_map.update({k: e.id for e in renamed for k in e.local_keys})
    old_names = {e.id: (e.name, e.type) for e in [*old_entities, *renamed]}
    new_names = {e.id: (e.name, e.type) for e in final}
    removed_keys = old_keys - set(new_by_key)
    changed_keys = {k for k, eid in new_map.items() if old_map.get(k) != eid or old_names.get(eid) != new_names.get(eid)}
    changed_keys |= removed_keys
    update = CorpusUpdate(
        documents=dict(new_docs),
        gone_documents=tuple(sorted(gone_docs)),
        clusters=tuple(new_clusters),
        blocks=new_rows,
        removed_entities=frozenset(old_ids | {e.id for e in renamed}),
        entities=tuple(sorted(final, key=lambda e: e.id)),
        removed_keys=frozenset(removed_keys),
    )
    log.info("resolution: %d changed documents, %d clusters re-resolved, %d entities written",
             len(changed_docs), len(clusters), len(final))
    return ResolutionChange(update, frozenset(changed_keys), len(clusters))


def _base(e: Entity) -> str:
    return e.base_id or entity_base_id(e.type, e.name)


def id_by_rank(e: Entity, min_key: str, rank: int) -> Entity:
    """``e`` with the id its rank among entities of its type and name (ordered by smallest local key) gives it, as
    one resolver over the whole corpus decides: the first takes the base id, the others an id with their key."""
    eid = entity_id(e.type, e.name, min_key, first=rank == 0)
    return replace(e, id=eid, base_id=_base(e) if _base(e) != eid else "")

