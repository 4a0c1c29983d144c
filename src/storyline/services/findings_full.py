"""Findings over the whole corpus, streamed from the store shard by shard, its results staged in the store.

Neither the annotations nor what the step produces are held for the whole corpus: the annotations held at once
follow the largest chunk of shards, and every batch's and chunk's shard rows, candidates, pairs and claim buckets
go to the store's staged tables as they are made (:mod:`storyline.store.findings_staging`); the corpus write moves
them into the live tables in its one transaction, so a rebuild that dies leaves the previous results.

A full rebuild gives the findings :func:`storyline.corpus.findings.detect_findings` gives over every
statement and fact at once, without holding them:

1. **Scan** the documents in id order, a batch at a time (:meth:`Store.iter_shard_input_batches`): build
   each batch's claims and fact views (each once, with every other statement of its document, as the
   in-memory step builds them), stage the shards of every statement and fact (ids only), the state of each
   claim of an entity shard and of each fact view (:mod:`storyline.corpus.findings.claim_state`), and the
   candidates of the passage shards (``d:<document>``), whose members are one document's.
2. **Shards**: the entity and fact shards, in name order, are cut into chunks of at most
   :data:`CHUNK_ITEMS` rows (a larger shard is a chunk of its own), planned from the staged shard sizes;
   each chunk's members' claims and views are read back from their staged states by id
   (:meth:`Store.staged_claim_states`) when it is run, never built again from their documents and mentions
   (a statement's shards fall in several chunks, and a chunk's members come from most documents: building
   them per chunk grew faster than the corpus), and evaluated. A chunk needs nothing but its members' states
   and the texts of the documents holding two facts of one of its fact shards, so chunks can run anywhere:
   here, one after another, or as Ray tasks (:func:`storyline.scale.ray_engine.ray_chunk_runner`) reading
   the same database. Each chunk's candidates, pairs and buckets are staged as it comes back.
3. **Pick** the findings in one pass over the staged candidates, read best first from the database
   (:func:`select_findings` with ``ranked``), as the in-memory step picks them from its sorted list.

A statement whose entities fall in two chunks is read back in each; a pair about two entities is scored in
each shard it shares, with the same result. The corpus write moves the staged states into ``claim_states``,
so an update after a streamed rebuild reads every claim it needs as stored.
"""

from __future__ import annotations

import logging
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..corpus.findings import (
    MAX_PER_ITEM,
    ShardResult,
    built_shard_candidates,
    decode_claim,
    decode_view,
    find_candidates,
    select_findings,
)
from ..corpus.findings.candidates import FACT_SHARD, PASSAGE_SHARD
from ..model import ClaimBucket, ClaimState, Entity, Finding, FindingCandidate, Mention, ShardRow, Statement
from ..store import ShardInputs, Store

log = logging.getLogger(__name__)

__all__ = ["CHUNK_ITEMS", "STREAM_ABOVE", "ChunkRunner", "FindingsContext", "ShardChunk", "StreamedFindings", "chunk_candidates",
           "local_runner", "plan_chunks", "streamed_findings"]

CHUNK_ITEMS = 20_000  # shard rows (statements and facts) read and turned into claims at once (a larger shard: alone); a claim
# is rebuilt in every chunk holding one of its shards: 30k statements took 47 s at 20,000 and 78 s at 5,000
DOCUMENT_BATCH = 200  # documents per read of the scan
STREAM_ABOVE = 200_000  # statements: a smaller corpus is evaluated in one piece (:func:`whole_findings`), which is
# faster (10k statements: 8.2 s against 12.5 s streamed) and gives the same results; a larger one is streamed


@dataclass(frozen=True)
class FindingsContext:
    """What every shard needs besides its members: the resolution (local key → entity id, entities by id)."""

    key_to_entity: Mapping[str, str]
    entities: Mapping[str, Entity]


@dataclass(frozen=True)
class ShardChunk:
    """A few whole shards and the ids of their members (each id once, sorted)."""

    shards: tuple[str, ...]
    statement_ids: tuple[str, ...]
    fact_ids: tuple[str, ...]
    fact_documents: tuple[str, ...] = ()  # documents holding two facts of one of these fact shards (their texts are read)

    @property
    def size(self) -> int:
        return len(self.statement_ids) + len(self.fact_ids)


#: Evaluates chunks (in any order, anywhere) and yields one result per chunk.
ChunkRunner = Callable[[Iterable[ShardChunk], FindingsContext], Iterable[ShardResult]]


@dataclass(frozen=True)
class StreamedFindings:
    findings: list[Finding]
    candidates: list[FindingCandidate]
    rows: list[ShardRow]  # every statement's and fact's shards
    pairs: dict[str, Sequence[int]]  # entity shard → hashes of the pairs evaluated in it
    buckets: list[ClaimBucket]  # what blocking keeps of every claim in every entity shard
    staged: bool = False  # candidates, rows, pairs and buckets are in the store's staged tables, not here
    states: list[ClaimState] = field(default_factory=list)  # the claims of the entity shards as text (not staged: a
    # streamed rebuild leaves none, and updates build and store the ones they need)


def whole_findings(store: Store, context: FindingsContext, statements: Sequence[Statement],
                   mentions_by_doc: Mapping[str, Sequence[Mention]]) -> StreamedFindings:
    """What :func:`streamed_findings` gives, evaluated over every statement and fact at once (small corpora)."""
    facts = list(store.iter_facts())
    documents = store.get_documents({s.document_id for s in statements} | {f.document_id for f in facts})
    found = find_candidates(statements, facts, mentions_by_doc, context.key_to_entity, context.entities, documents,
                            states=True)
    pairs: dict[str, Sequence[int]] = {shard: array("q", hashes) for shard, hashes in found.pairs.items()}
    return StreamedFindings(select_findings(found.candidates, MAX_PER_ITEM), found.candidates, found.rows, pairs,
                            found.buckets, states=found.states)


def _evaluate(inputs: ShardInputs, context: FindingsContext, only: Iterable[str], *, states: bool = False) -> ShardResult:
    return find_candidates(inputs.statements, inputs.facts, inputs.mentions_by_doc, context.key_to_entity,
                           context.entities, inputs.documents, only=only, states=states)


def chunk_candidates(store: Store, chunk: ShardChunk, context: FindingsContext) -> ShardResult:
    """The candidates and evaluated pairs of one chunk of shards, from its members' staged claims (rows left empty).

    A member without a readable staged state (none staged: a rebuild that staged none) is built from its
    document, as before states were staged.
    """
    stored = store.staged_claim_states([*chunk.statement_ids, *chunk.fact_ids])
    claims = {i: decode_claim(stored[i]) if i in stored else None for i in chunk.statement_ids}
    views = {i: decode_view(stored[i]) if i in stored else None for i in chunk.fact_ids}
    missing_st = [i for i, c in claims.items() if c is None]
    missing_fa = [i for i, v in views.items() if v is None]
    documents = store.get_documents(chunk.fact_documents) if chunk.fact_documents else {}
    if missing_st or missing_fa:
        built = _evaluate(store.shard_inputs(missing_st, missing_fa), context, (), states=True)
        for i, _doc, state in built.states:
            if i in claims:
                claims[i] = decode_claim(state)
            else:
                views[i] = decode_view(state)
    result = built_shard_candidates([c for _i, c in sorted(claims.items()) if c is not None],
                                    [v for _i, v in sorted(views.items()) if v is not None], documents, chunk.shards)
    return ShardResult(result.candidates, [], result.pairs, result.buckets)


def local_runner(store: Store) -> ChunkRunner:
    """Chunks one after another in this process."""
    def run(chunks: Iterable[ShardChunk], context: FindingsContext) -> Iterator[ShardResult]:
        for chunk in chunks:
            yield chunk_candidates(store, chunk, context)
    return run


def plan_chunks(sizes: Iterable[tuple[str, int]], limit: int = CHUNK_ITEMS) -> list[tuple[str, ...]]:
    """Shards (name, rows) in the order given, cut into chunks of at most ``limit`` rows (a larger shard alone)."""
    chunks: list[tuple[str, ...]] = []
    shards: list[str] = []
    held = 0
    for shard, n in sizes:
        if shards and held + n > limit:
            chunks.append(tuple(shards))
            shards, held = [], 0
        shards.append(shard)
        held += n
    if shards:
        chunks.append(tuple(shards))
    return chunks


def _chunk(store: Store, shards: Sequence[str]) -> ShardChunk:
    statements: set[str] = set()
    facts: set[str] = set()
    twice: Counter[tuple[str, str]] = Counter()
    for shard, item, doc in store.staged_shard_members(shards):
        if shard.startswith(FACT_SHARD):
            facts.add(item)
            twice[(shard, doc)] += 1
        else:
            statements.add(item)
    documents = {doc for (_shard, doc), n in twice.items() if n > 1}
    return ShardChunk(tuple(shards), tuple(sorted(statements)), tuple(sorted(facts)), tuple(sorted(documents)))


def streamed_findings(store: Store, context: FindingsContext, runner: ChunkRunner | None = None,
                      *, chunk_items: int | None = None, batch: int = DOCUMENT_BATCH) -> StreamedFindings:
    """The findings of every shard, reading the corpus from ``store`` in pieces and staging what the shards give there."""
    store.clear_staged_findings()
    rows = staged = 0
    for inputs in store.iter_shard_input_batches(batch):
        result = _evaluate(inputs, context, [PASSAGE_SHARD + d for d in inputs.document_ids], states=True)
        store.stage_findings(rows=result.rows, candidates=result.candidates, states=result.states)
        rows += len(result.rows)
        staged += len(result.candidates)
    groups = plan_chunks(store.staged_shard_sizes(skip_prefix=PASSAGE_SHARD), chunk_items or CHUNK_ITEMS)
    for result in (runner or local_runner(store))((_chunk(store, shards) for shards in groups), context):
        store.stage_findings(candidates=result.candidates, pairs=result.pairs, buckets=result.buckets)
        staged += len(result.candidates)
    findings = select_findings(store.iter_staged_candidates(), MAX_PER_ITEM, explain=store.staged_candidate_explanations,
                               ranked=True)
    log.info("findings: %d shard rows, %d chunks, %d candidates staged, %d findings", rows, len(groups), staged,
             len(findings))
    return StreamedFindings(findings, [], [], {}, [], staged=True)
