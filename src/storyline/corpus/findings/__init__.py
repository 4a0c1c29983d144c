"""Findings: ranked, explained candidate contradictions between statements and between facts.

    detect_findings(statements, facts, mentions_by_doc, key_to_entity, entities, documents)

1. :mod:`.claims` turns each statement into a structured claim (speaker, entities,
   negation, role/location slots, antonymous-predicate sides).
2. :mod:`.blocking` picks candidate pairs among the claims about one entity (shared
   slot/concept/rare word; capped buckets), never all pairs; :mod:`.neighbours` adds
   the pairs inside one passage that answer each other ("..., yet reports indicate
   otherwise"; a contrast marker between a claim and a neighbour that names its
   subject only by a pronoun). Both work shard by shard (:mod:`.candidates`), so
   new documents only recompute the shards they touch.
3. Detectors score each pair: :mod:`.slots` (role rank, location), :mod:`.polarity`
   (antonymous predicates, negation flips and denials), :mod:`.stance` (one speaker's
   support for / opposition to one target, flipped between two clearly different times:
   sides "earlier (date)" and "later (date)"; a reported reversal, "reversed himself on the pipeline",
   :mod:`.reversals`, is the earlier position, set against the actor's stance in the same article), :mod:`.numeric` (facts; a casualty count
   about an event, "17 people were killed in the blast", is compared with the counts of
   the same kind of event at a shared place reported within a week, one finding per event
   and measure with a side per value; a toll told as rising, or higher in a later day's report, is an
   update, not a rival; a quake's magnitude and a named person's age are compared the same way).
4. Same speaker → ``self_contradiction``; different speakers, or a speaker against a
   document's own narrative voice (its source), within a few months of each other →
   ``source_conflict``; facts → ``numeric_conflict``. A statement with a cue but no speaker
   is an unnamed source of its own; a speaker named by a common noun ("the company") is no
   source. Questions, hedges and conditionals assert nothing (:attr:`.claims.Claim.asserts`).
5. One finding per dispute: pairs on one question (kind, detector with its concept or
   negated predicate, subject; the speaker too for a self-contradiction) form one finding
   whose sides list every item and the position it takes; its id derives from the
   question, so it keeps its id (and its review) as documents join it. Reposts of a pair
   join as copies.
6. Optional :mod:`.scorer` models adjust scores. Results are sorted by score
   (:func:`.candidates.select_findings`, one pass over all candidates).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ...model import ClaimState, Fact, Finding, Mention, Statement
from .blocking import DEFAULT_CAP
from .candidates import (
    ENTITY_SHARD,
    Candidate,
    PairMemory,
    ShardPlan,
    ShardResult,
    ShardRow,
    claim_shards,
    entity_buckets,
    pair_hash,
    plan_shard,
    score_plans,
    select_findings,
    shard_candidates,
)
from .claim_state import decode_claim, decode_view, encode_claim, encode_view
from .claims import Claim, build_claims
from .hits import Hit
from ...text.lexicon import Lexicon, default_lexicon
from .existence import detect_existence
from .numeric import FactView, build_fact_views
from .polarity import detect_concept, detect_polarity
from .scorer import Scorer, load_scorer, register_scorer
from .slots import detect_location, detect_role
from .stance import detect_stance

__all__ = [
    "FINDINGS_VERSION", "MAX_PER_ITEM", "PAIR_DETECTORS", "Candidate", "PairMemory", "Scorer", "ShardPlan", "ShardResult", "ShardRow",
    "built_shard_candidates", "claim_states", "claims_of", "decode_claim", "decode_view", "detect_findings", "entity_buckets", "fact_shard_candidates",
    "fact_views_of", "find_candidates", "load_scorer", "pair_hash", "plan_shard", "register_scorer",
    "score_pairs", "select_findings", "view_states",
]

log = logging.getLogger(__name__)

MAX_PER_ITEM = 10
# bump when findings change for the same input: the next analyze rebuilds the corpus steps in full
FINDINGS_VERSION = "integ-18"

PairDetector = Callable[[Claim, Claim], Hit | None]
PAIR_DETECTORS: tuple[PairDetector, ...] = (detect_role, detect_location, detect_concept, detect_existence, detect_polarity,
                                             detect_stance)


def _entities_map(entities: Any) -> dict[str, Any]:
    if isinstance(entities, Mapping):
        return dict(entities)
    return {e.id: e for e in entities or ()}


def detect_findings(
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    mentions_by_doc: Mapping[str, Sequence[Mention]],
    key_to_entity: Mapping[str, str],
    entities: Mapping[str, Any] | Sequence[Any],
    documents: Mapping[str, Any],
    scorers: Sequence[Scorer] = (),
    *,
    lexicon: Lexicon | None = None,
    block_cap: int = DEFAULT_CAP,
    max_per_item: int = MAX_PER_ITEM,
) -> list[Finding]:
    """Ranked findings (highest score first) of kinds self_contradiction, source_conflict, numeric_conflict.

    ``entities`` maps entity id → Entity (or is a sequence of them); ``documents`` maps
    document id → an object with ``source`` and ``published`` (a Document will do).
    Statements without a speaker are the document's narrative voice, attributed to its source.
    Each statement or fact heads at most ``max_per_item`` findings (its best-scored ones),
    so a much-repeated line cannot flood the list. Pairs on one question form one finding,
    with the position of each item in its ``sides``; its explanation quotes the best pair and
    says how many pairs and items the dispute holds.
    """
    candidates = find_candidates(statements, facts, mentions_by_doc, key_to_entity, entities, documents, scorers,
                                 lexicon=lexicon, block_cap=block_cap).candidates
    found = select_findings(candidates, max_per_item)
    log.info("findings: %d statements, %d facts, %d candidates, %d findings", len(statements), len(facts),
             len(candidates), len(found))
    return found


def find_candidates(
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    mentions_by_doc: Mapping[str, Sequence[Mention]],
    key_to_entity: Mapping[str, str],
    entities: Mapping[str, Any] | Sequence[Any],
    documents: Mapping[str, Any],
    scorers: Sequence[Scorer] = (),
    *,
    lexicon: Lexicon | None = None,
    block_cap: int = DEFAULT_CAP,
    only: Iterable[str] | None = None,
    memory: PairMemory | None = None,
    states: bool = False,
) -> ShardResult:
    """The candidates of every shard (or of those in ``only``), the shards of every statement and fact, the pairs evaluated;
    with ``states``, every claim about an entity as text too (:func:`claim_states`)."""
    lex = lexicon or default_lexicon()
    ents = _entities_map(entities)
    claims = build_claims(statements, mentions_by_doc, key_to_entity, ents, documents, lex)
    canonical = {m.local_key: m.canonical for ms in mentions_by_doc.values() for m in ms if m.is_name}
    views = build_fact_views(facts, canonical, key_to_entity, ents, documents, lex, mentions_by_doc)
    found = shard_candidates(claims, views, documents, lex, PAIR_DETECTORS, scorers, block_cap, only, memory)
    return dataclasses.replace(found, states=claim_states(claims) + view_states(views)) if states else found


def claim_states(claims: Iterable[Claim]) -> list[ClaimState]:
    """The claims that are in an entity shard (the only ones an update pairs with another), as text to store."""
    return [(c.id, c.statement.document_id, encode_claim(c)) for c in claims
            if any(s.startswith(ENTITY_SHARD) for s in claim_shards(c))]


def view_states(views: Iterable[FactView]) -> list[ClaimState]:
    """Fact views (each in its fact shard) as text to store."""
    return [(v.fact.id, v.fact.document_id, encode_view(v)) for v in views]


def fact_views_of(
    facts: Sequence[Fact],
    mentions_by_doc: Mapping[str, Sequence[Mention]],
    key_to_entity: Mapping[str, str],
    entities: Mapping[str, Any] | Sequence[Any],
    *,
    documents: Mapping[str, Any],
    lexicon: Lexicon | None = None,
) -> list[FactView]:
    """The views of these facts (those with a subject), as :func:`find_candidates` builds them."""
    canonical = {m.local_key: m.canonical for ms in mentions_by_doc.values() for m in ms if m.is_name}
    return build_fact_views(facts, canonical, key_to_entity, _entities_map(entities), documents,
                            lexicon or default_lexicon(), mentions_by_doc)


def built_shard_candidates(claims: Sequence[Claim], views: Sequence[FactView], documents: Mapping[str, Any],
                           only: Iterable[str], memory: PairMemory | None = None, *,
                           lexicon: Lexicon | None = None) -> ShardResult:
    """The candidates of the entity and fact shards in ``only`` from claims and views built before (read back as
    stored), as :func:`find_candidates` gives them from the statements and facts; ``claims`` and ``views`` in id order
    (``documents``: at least those holding two facts of one fact shard, whose sentences tell parts of one figure apart)."""
    return shard_candidates(claims, views, documents, lexicon or default_lexicon(), PAIR_DETECTORS, (), DEFAULT_CAP, only,
                            memory)


def fact_shard_candidates(views: Sequence[FactView], documents: Mapping[str, Any], only: Iterable[str],
                          memory: PairMemory | None = None, *, lexicon: Lexicon | None = None) -> ShardResult:
    """The candidates of the fact shards in ``only`` from their members' views (:func:`built_shard_candidates` with no
    claims)."""
    return built_shard_candidates([], views, documents, only, memory, lexicon=lexicon)


def claims_of(
    statements: Sequence[Statement],
    mentions_by_doc: Mapping[str, Sequence[Mention]],
    key_to_entity: Mapping[str, str],
    entities: Mapping[str, Any] | Sequence[Any],
    documents: Mapping[str, Any],
    *,
    lexicon: Lexicon | None = None,
) -> list[Claim]:
    """The claims of these statements, as :func:`find_candidates` builds them."""
    return build_claims(statements, mentions_by_doc, key_to_entity, _entities_map(entities), documents,
                        lexicon or default_lexicon())


def score_pairs(plans: Iterable[ShardPlan], claims: Mapping[str, Claim], scorers: Sequence[Scorer] = ()) -> list[Candidate]:
    """The candidates of the pairs update plans (:func:`plan_shard`) must score, with the pair detectors."""
    return score_plans(plans, claims, PAIR_DETECTORS, scorers)
