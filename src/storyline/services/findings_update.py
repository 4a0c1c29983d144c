"""Incremental findings: recompute the shards changed documents touch, then pick findings from all candidates.

A shard (an entity, a document's passages, a fact subject and measure;
:mod:`storyline.corpus.findings.candidates`) is recomputed when a statement or
fact in it belongs to a changed document, before or after the change. Its
members are found through the stored ``claim_shards`` index, read by id, and
turned into claims with the entities as they are after the resolution update.
Inside an entity shard only pairs with a claim of a changed document, or pairs
the shard did not evaluate before (``shard_pairs``), are evaluated; the others
keep their stored candidate or its absence.
Every other shard keeps its stored candidates, and the findings are picked
from all candidates in one pass, as a full run picks them.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..corpus.findings import MAX_PER_ITEM, PairMemory, find_candidates, pair_hash, select_findings
from ..corpus.findings.candidates import ENTITY_SHARD, FACT_SHARD
from ..corpus.name_variants import find_name_variants
from ..model import Finding, FindingCandidate, ShardRow
from ..store import CorpusUpdate, Store
from .after_update import AfterUpdate, by_document

log = logging.getLogger(__name__)

__all__ = ["FindingsChange", "update_findings"]


@dataclass(frozen=True)
class FindingsChange:
    shards: frozenset[str]
    shard_rows: tuple[ShardRow, ...]  # of the changed documents
    candidates: tuple[FindingCandidate, ...]  # of ``shards``
    pairs: dict[str, list[int]]  # pairs evaluated in the recomputed entity shards
    findings: tuple[Finding, ...]  # all findings, picked again


def _claims_input(store: Store, after: AfterUpdate, statement_ids: Collection[str], fact_ids: Collection[str],
                  documents: Collection[str]):
    statements = list(store.statements_by_ids(statement_ids).values()) if statement_ids else []
    facts = list(store.facts_by_ids(fact_ids).values()) if fact_ids else []
    docs = set(documents) | {s.document_id for s in statements} | {f.document_id for f in facts}
    mentions_by_doc = by_document(store.mentions_of_documents(docs))
    key_to_entity = after.key_to_entity(m.local_key for ms in mentions_by_doc.values() for m in ms)
    entities = after.entities(set(key_to_entity.values()))
    return statements, facts, mentions_by_doc, key_to_entity, entities, store.get_documents(docs)


def update_findings(store: Store, update: CorpusUpdate, changed_docs: Collection[str]) -> FindingsChange:
    after = AfterUpdate(store, update)
    changed = set(changed_docs)
    own_statements = [s.id for s in store.statements_of_documents(changed)]
    own_facts = [f.id for f in store.facts_of_documents(changed)]
    rows = find_candidates(*_claims_input(store, after, own_statements, own_facts, changed), only=()).rows
    shards = store.shards_of_documents(changed) | {s for s, _i, _d in rows}

    members = [row for row in store.shard_members(shards) if row[2] not in changed]
    statement_ids = set(own_statements) | {i for s, i, _d in members if not s.startswith(FACT_SHARD)}
    fact_ids = set(own_facts) | {i for s, i, _d in members if s.startswith(FACT_SHARD)}
    entity_shards = {s for s in shards if s.startswith(ENTITY_SHARD)}
    memory = PairMemory(frozenset(own_statements), store.shard_pair_sets(entity_shards),
                        {pair_hash(*c.order): c for c in store.candidates_of_shards(entity_shards)})
    result = find_candidates(*_claims_input(store, after, statement_ids, fact_ids, changed), only=shards, memory=memory)
    candidates = result.candidates

    kept = (c for c in store.iter_finding_candidates(explanations=False) if c.shard not in shards)
    findings = select_findings([*kept, *candidates], MAX_PER_ITEM, explain=store.candidate_explanations)
    findings.extend(_name_variants(store, after))
    log.info("findings: %d changed documents, %d shards recomputed (%d statements, %d facts), %d candidates",
             len(changed), len(shards), len(statement_ids), len(fact_ids), len(candidates))
    own_rows = tuple(r for r in rows if r[2] in changed)
    return FindingsChange(frozenset(shards), own_rows, tuple(candidates), result.pairs, tuple(findings))


def _name_variants(store: Store, after: AfterUpdate) -> list[Finding]:
    mentions = list(store.person_name_mentions())
    key_to_entity = after.key_to_entity({m.local_key for m in mentions})
    keys: dict[str, list[str]] = defaultdict(list)
    for k, e in key_to_entity.items():
        keys[e].append(k)
    entities = [replace(e, local_keys=tuple(sorted(keys[e.id]))) for e in after.entities(keys).values()]
    return find_name_variants(entities, mentions)
