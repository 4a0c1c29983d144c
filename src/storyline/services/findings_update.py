"""Incremental findings: recompute the shards changed documents touch, then pick findings from all candidates.

A shard (an entity, a document's passages, a fact subject and measure;
:mod:`storyline.corpus.findings.candidates`) is recomputed when a statement or
fact in it belongs to a changed document, before or after the change.
An entity shard is paired from what blocking stored of its claims
(``claim_buckets``: their own buckets, words and sort keys) and the claims of the
changed documents, so finding its pairs rebuilds no claim of an unchanged
statement. Only pairs with a claim of a changed document, or pairs the shard did
not evaluate before (``shard_pairs``), are scored: the changed documents' claims
are built (entities as they are after the resolution update), and the claims of
other documents are read as stored (``claim_states``,
:mod:`storyline.corpus.findings.claim_state`): a document none of whose mentions
now resolves to another entity, name or type is not a changed one, so its claims
are what they were. A claim with no stored state (after a streamed rebuild, or
one written for another layout) is built from its statement read by id, and
stored. The other pairs keep their stored candidate or its absence: the candidate stays
in the store untouched, and only the stored candidates of pairs scored again or
no longer paired are removed. Fact shards are paired from their members
(``claim_shards``): the changed documents' fact views and the stored views of
the others, read like claims, and score, likewise, only pairs with a fact of a changed
document or not evaluated before; a changed document's passages are its own. Every other shard keeps its stored candidates, and the findings are
picked from all candidates in one pass, as a full run picks them.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..corpus.findings import (
    MAX_PER_ITEM,
    PairMemory,
    claim_states,
    claims_of,
    decode_claim,
    decode_view,
    fact_shard_candidates,
    fact_views_of,
    entity_buckets,
    find_candidates,
    pair_hash,
    plan_shard,
    score_pairs,
    select_findings,
    view_states,
)
from ..corpus.findings.candidates import ENTITY_SHARD, FACT_SHARD, PASSAGE_SHARD
from ..corpus.name_variants import find_name_variants
from ..model import ClaimBucket, ClaimState, Finding, FindingCandidate, ShardRow
from ..store import CorpusUpdate, Store
from .after_update import AfterUpdate, by_document

log = logging.getLogger(__name__)

__all__ = ["FindingsChange", "update_findings"]


@dataclass(frozen=True)
class FindingsChange:
    shards: frozenset[str]
    shard_rows: tuple[ShardRow, ...]  # of the changed documents
    candidates: tuple[FindingCandidate, ...]  # of ``shards``, new (the kept ones stay stored)
    pairs: dict[str, list[int]]  # pairs evaluated in the recomputed entity and fact shards
    findings: tuple[Finding, ...]  # all findings, picked again
    buckets: tuple[ClaimBucket, ...] = ()  # the entity-shard buckets of the changed documents' claims
    documents: frozenset[str] = frozenset()  # the changed documents: their shard rows and buckets are replaced
    scored_statements: int = 0  # statements of unchanged documents turned into claims to score a pair
    kept_shards: frozenset[str] = frozenset()  # entity and fact shards of ``shards``: stored candidates stay but the stale
    stale: tuple[tuple[str, str, str], ...] = ()  # (shard, first item, second item) of stored candidates to remove
    states: tuple[ClaimState, ...] = ()  # the claims built: of the changed documents, and stored for none before


def _claims_input(store: Store, after: AfterUpdate, statement_ids: Collection[str], fact_ids: Collection[str],
                  documents: Collection[str]):
    statements = sorted(store.statements_by_ids(statement_ids).values(), key=lambda x: x.id) if statement_ids else []
    facts = sorted(store.facts_by_ids(fact_ids).values(), key=lambda x: x.id) if fact_ids else []
    docs = set(documents) | {s.document_id for s in statements} | {f.document_id for f in facts}
    mentions_by_doc = by_document(store.mentions_of_documents(docs))
    key_to_entity = after.key_to_entity(m.local_key for ms in mentions_by_doc.values() for m in ms)
    entities = after.entities(set(key_to_entity.values()))
    return statements, facts, mentions_by_doc, key_to_entity, entities, store.get_documents(docs)


def update_findings(store: Store, update: CorpusUpdate, changed_docs: Collection[str]) -> FindingsChange:
    cpu = _Laps()
    after = AfterUpdate(store, update)
    changed = set(changed_docs)
    own_statements = [s.id for s in store.statements_of_documents(changed)]
    own_facts = [f.id for f in store.facts_of_documents(changed)]
    own_input = _claims_input(store, after, own_statements, own_facts, changed)
    passages = {PASSAGE_SHARD + d for d in changed}
    own = find_candidates(*own_input, only=passages)  # the changed documents' shards, and their passages
    shards = store.shards_of_documents(changed) | {s for s, _i, _d in own.rows}
    statements, _facts, mentions_by_doc, key_to_entity, entities, documents = own_input
    own_claims = {c.id: c for c in claims_of(statements, mentions_by_doc, key_to_entity, entities, documents)}
    own_buckets = entity_buckets(own_claims.values())
    cpu.lap("own documents")

    # entity shards: pairs from the stored buckets and the changed documents' claims; score only what must be
    entity_shards = sorted(s for s in shards if s.startswith(ENTITY_SHARD))
    entries: dict[str, list[ClaimBucket]] = defaultdict(list)
    for b in [*store.claim_buckets_of_shards(entity_shards, except_documents=changed), *own_buckets]:
        entries[b.shard].append(b)
    before = store.shard_pair_sets(entity_shards)
    fresh = frozenset(own_claims)
    plans = {s: plan_shard(s, entries.get(s, ()), fresh, before.get(s, frozenset())) for s in entity_shards}
    needed = {i for p in plans.values() for pair in p.todo for i in pair} - fresh
    cpu.lap("pairing")
    claims = dict(own_claims)
    states = claim_states(own_claims.values())
    read = {i: decode_claim(x) for i, x in (store.claim_states(needed) if needed else {}).items()}
    stored = {i: c for i, c in read.items() if c is not None}
    claims.update(stored)
    missing = needed - stored.keys()  # none after a rebuild in one piece; a streamed one stores no claims
    if missing:
        statements, _facts, mentions_by_doc, key_to_entity, entities, documents = _claims_input(store, after, missing, (), ())
        built = claims_of(statements, mentions_by_doc, key_to_entity, entities, documents)
        claims.update((c.id, c) for c in built)
        states += claim_states(built)
    cpu.lap("partner claims")
    candidates = [*own.candidates, *score_pairs(plans.values(), claims)]
    cpu.lap("scoring")

    pairs = {p.shard: p.hashes for p in plans.values() if entries.get(p.shard)}
    kept_pairs = {p.shard: p.kept for p in plans.values()}

    # fact shards: paired from their members; only pairs with a changed fact, or not evaluated before, are scored
    # (the views of unchanged documents' facts are read as stored, like partner claims)
    fact_shards = {s for s in shards if s.startswith(FACT_SHARD)}
    members = [(s, i, d) for s, i, d in store.shard_members(fact_shards) if d not in changed]
    fact_ids = set(own_facts) | {i for _s, i, _d in members}
    fresh_facts = frozenset(own_facts)
    if fact_shards:
        before = store.shard_pair_sets(fact_shards)
        _st, facts_in, mentions_by_doc, key_to_entity, entities, documents = own_input
        views = fact_views_of(facts_in, mentions_by_doc, key_to_entity, entities, documents=documents)
        states += view_states(views)
        stored_views = {i: decode_view(x) for i, x in store.claim_states({i for _s, i, _d in members}).items()}
        views += [v for v in stored_views.values() if v is not None]
        missing = {i for _s, i, _d in members} - {i for i, v in stored_views.items() if v is not None}
        if missing:
            _st, facts_in, mentions_by_doc, key_to_entity, entities, missing_docs = _claims_input(store, after, (), missing, ())
            built_views = fact_views_of(facts_in, mentions_by_doc, key_to_entity, entities, documents=missing_docs)
            views += built_views
            states += view_states(built_views)
        # two facts of one document in one shard are told apart by its sentences: those documents' texts
        twice = Counter((s, d) for s, _i, d in members)
        documents = {**store.get_documents({d for (_s, d), n in twice.items() if n > 1} - set(documents)), **documents}
        facts = fact_shard_candidates(sorted(views, key=lambda v: v.fact.id), documents, fact_shards,
                                      PairMemory(fresh_facts, before, {}))
        candidates += facts.candidates
        pairs.update(facts.pairs)
        kept_pairs.update((s, frozenset(facts.pairs.get(s, ())) & before.get(s, frozenset())) for s in fact_shards)

    cpu.lap("fact shards")
    # the stored candidates: those of other shards, and of pairs kept in these, stay where they are
    kept: list[FindingCandidate] = []
    stale: list[tuple[str, str, str]] = []
    for c in store.iter_finding_candidates(explanations=False):
        keep = kept_pairs.get(c.shard)
        if c.shard not in shards or (keep is not None and pair_hash(*c.order) in keep and fresh_facts.isdisjoint(c.order)):
            kept.append(c)
        elif keep is not None:
            stale.append((c.shard, *c.order))
    findings = select_findings([*kept, *candidates], MAX_PER_ITEM, explain=store.candidate_explanations)
    cpu.lap("picking")
    findings.extend(_name_variants(store, after))
    cpu.lap("name variants")
    log.info("findings: %d changed documents, %d shards recomputed, %d pairs scored (%d statements of unchanged "
             "documents, %d of them read from their stored claims, %d of changed ones), %d facts, %d candidates new, "
             "%d stale; CPU seconds: %s", len(changed), len(shards), sum(len(p.todo) for p in plans.values()), len(needed),
             len(stored), len(own_claims), len(fact_ids), len(candidates), len(stale), cpu)
    own_rows = tuple(r for r in own.rows if r[2] in changed)
    return FindingsChange(frozenset(shards), own_rows, tuple(candidates), pairs, tuple(findings), tuple(own_buckets),
                          frozenset(changed), len(needed), frozenset(kept_pairs), tuple(stale), tuple(states))


class _Laps:
    """CPU seconds of each phase of an update, for its log line (what an update costs, phase by phase)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._mark = time.process_time()

    def lap(self, phase: str) -> None:
        now = time.process_time()
        self.seconds[phase] = now - self._mark
        self._mark = now

    def __str__(self) -> str:
        return ", ".join(f"{phase} {s:.2f}" for phase, s in self.seconds.items())


def _name_variants(store: Store, after: AfterUpdate) -> list[Finding]:
    mentions = list(store.person_name_mentions())
    key_to_entity = after.key_to_entity({m.local_key for m in mentions})
    keys: dict[str, list[str]] = defaultdict(list)
    for k, e in key_to_entity.items():
        keys[e].append(k)
    entities = [replace(e, local_keys=tuple(sorted(keys[e.id]))) for e in after.entities(keys).values()]
    return find_name_variants(entities, mentions)
