"""Findings over the whole corpus, streamed from the store shard by shard.

The annotations held at once follow the largest chunk of shards, not the corpus; what the step produces (every
candidate, shard row and claim bucket) is still held until the corpus results are written in one transaction.

A full rebuild gives the findings :func:`storyline.corpus.findings.detect_findings` gives over every
statement and fact at once, without holding them:

1. **Scan** the documents in id order, a batch at a time (:meth:`Store.iter_shard_input_batches`): build
   each batch's claims and fact views, note the shards of every statement and fact (``claim_shards``
   rows; ids only), and compute the passage shards (``d:<document>``), whose members are one document's.
2. **Shards**: the entity and fact shards, in name order, are cut into chunks of at most
   :data:`CHUNK_ITEMS` members (a larger shard is a chunk of its own); each chunk's members are read by
   id (:meth:`Store.shard_inputs`), turned into claims and evaluated. A chunk needs nothing but its
   members and the resolution, so chunks can run anywhere: here, one after another, or as Ray tasks
   (:func:`storyline.scale.ray_engine.ray_chunk_runner`) reading the same database.
3. **Pick** the findings from all candidates in one pass (:func:`select_findings`), as before.

A statement whose entities fall in two chunks is turned into a claim in each; a pair about two entities
is scored in each shard it shares, with the same result.
"""

from __future__ import annotations

import logging
import sys
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..corpus.findings import MAX_PER_ITEM, ShardResult, find_candidates, select_findings
from ..corpus.findings.candidates import FACT_SHARD, PASSAGE_SHARD
from ..model import ClaimBucket, Entity, Finding, FindingCandidate, Mention, ShardRow, Statement
from ..store import ShardInputs, Store

log = logging.getLogger(__name__)

__all__ = ["CHUNK_ITEMS", "STREAM_ABOVE", "ChunkRunner", "FindingsContext", "ShardChunk", "StreamedFindings", "chunk_candidates",
           "local_runner", "plan_chunks", "streamed_findings"]

CHUNK_ITEMS = 20_000  # statements and facts read and turned into claims at once (a larger shard: alone); a claim
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

    @property
    def size(self) -> int:
        return len(self.statement_ids) + len(self.fact_ids)


#: Evaluates chunks (in any order, anywhere) and yields one result per chunk.
ChunkRunner = Callable[[Sequence[ShardChunk], FindingsContext], Iterable[ShardResult]]


@dataclass(frozen=True)
class StreamedFindings:
    findings: list[Finding]
    candidates: list[FindingCandidate]
    rows: list[ShardRow]  # every statement's and fact's shards
    pairs: dict[str, Sequence[int]]  # entity shard → hashes of the pairs evaluated in it
    buckets: list[ClaimBucket]  # what blocking keeps of every claim in every entity shard


def whole_findings(store: Store, context: FindingsContext, statements: Sequence[Statement],
                   mentions_by_doc: Mapping[str, Sequence[Mention]]) -> StreamedFindings:
    """What :func:`streamed_findings` gives, evaluated over every statement and fact at once (small corpora)."""
    facts = list(store.iter_facts())
    documents = store.get_documents({s.document_id for s in statements} | {f.document_id for f in facts})
    found = find_candidates(statements, facts, mentions_by_doc, context.key_to_entity, context.entities, documents)
    pairs: dict[str, Sequence[int]] = {shard: array("q", hashes) for shard, hashes in found.pairs.items()}
    return StreamedFindings(select_findings(found.candidates, MAX_PER_ITEM), found.candidates, found.rows, pairs,
                            found.buckets)


def _evaluate(inputs: ShardInputs, context: FindingsContext, only: Iterable[str]) -> ShardResult:
    return find_candidates(inputs.statements, inputs.facts, inputs.mentions_by_doc, context.key_to_entity,
                           context.entities, inputs.documents, only=only)


def chunk_candidates(store: Store, chunk: ShardChunk, context: FindingsContext) -> ShardResult:
    """The candidates and evaluated pairs of one chunk of shards, read from ``store`` (rows left empty)."""
    result = _evaluate(store.shard_inputs(chunk.statement_ids, chunk.fact_ids), context, chunk.shards)
    return ShardResult(result.candidates, [], result.pairs, result.buckets)


def local_runner(store: Store) -> ChunkRunner:
    """Chunks one after another in this process."""
    def run(chunks: Sequence[ShardChunk], context: FindingsContext) -> Iterator[ShardResult]:
        for chunk in chunks:
            yield chunk_candidates(store, chunk, context)
    return run


def plan_chunks(members: Mapping[str, Sequence[str]], limit: int = CHUNK_ITEMS) -> list[ShardChunk]:
    """Shards in name order, cut into chunks of at most ``limit`` distinct members (a larger shard alone)."""
    chunks: list[ShardChunk] = []
    shards: list[str] = []
    statements: set[str] = set()
    facts: set[str] = set()

    def close() -> None:
        if shards:
            chunks.append(ShardChunk(tuple(shards), tuple(sorted(statements)), tuple(sorted(facts))))
        shards.clear()
        statements.clear()
        facts.clear()

    for shard in sorted(members):
        ids = members[shard]
        if shards and len(statements) + len(facts) + len(ids) > limit:
            close()
        shards.append(shard)
        (facts if shard.startswith(FACT_SHARD) else statements).update(ids)
    close()
    return chunks


def streamed_findings(store: Store, context: FindingsContext, runner: ChunkRunner | None = None,
                      *, chunk_items: int | None = None, batch: int = DOCUMENT_BATCH) -> StreamedFindings:
    """Every shard's candidates and the findings picked from them, reading the corpus from ``store`` in pieces."""
    rows: list[ShardRow] = []
    candidates: list[FindingCandidate] = []
    members: dict[str, list[str]] = defaultdict(list)
    intern = sys.intern
    for inputs in store.iter_shard_input_batches(batch):
        passages = [PASSAGE_SHARD + d for d in inputs.document_ids]
        result = _evaluate(inputs, context, passages)
        candidates.extend(result.candidates)
        for shard, item, doc in result.rows:
            row = (intern(shard), intern(item), intern(doc))
            rows.append(row)
            if not shard.startswith(PASSAGE_SHARD):
                members[row[0]].append(row[1])
    chunks = plan_chunks(members, chunk_items or CHUNK_ITEMS)
    del members
    pairs: dict[str, Sequence[int]] = {}
    buckets: list[ClaimBucket] = []
    for result in (runner or local_runner(store))(chunks, context):
        candidates.extend(result.candidates)
        buckets.extend(result.buckets)
        for shard, hashes in result.pairs.items():
            pairs[shard] = array("q", hashes)
    findings = select_findings(candidates, MAX_PER_ITEM)
    log.info("findings: %d shard rows, %d chunks (largest %d members), %d candidates, %d findings", len(rows),
             len(chunks), max((c.size for c in chunks), default=0), len(candidates), len(findings))
    return StreamedFindings(findings, candidates, rows, pairs, buckets)
