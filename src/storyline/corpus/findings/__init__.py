"""Findings: ranked, explained candidate contradictions between statements and between facts.

    detect_findings(statements, facts, mentions_by_doc, key_to_entity, entities, documents)

1. :mod:`.claims` turns each statement into a structured claim (speaker, entities,
   negation, role/location slots, antonymous-predicate sides).
2. :mod:`.blocking` picks candidate pairs (shared subject + slot/concept/rare word;
   capped buckets), never all pairs.
3. Detectors score each pair: :mod:`.slots` (role rank, location), :mod:`.polarity`
   (antonymous predicates, negation flips and denials), :mod:`.numeric` (facts).
4. Same speaker → ``self_contradiction``; different speakers, or a speaker against a
   document's own narrative voice (its source) → ``source_conflict``; facts →
   ``numeric_conflict``. One finding per pair; near-duplicate pairs are suppressed.
5. Optional :mod:`.scorer` models adjust scores. Results are sorted by score.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from dataclasses import dataclass
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...model import Fact, Finding, FindingItem, FindingKind, ItemType, Mention, Statement
from .blocking import DEFAULT_CAP, claim_pairs, fact_pairs
from .claims import Claim, build_claims
from .explain import explain_facts, explain_pair
from .hits import Hit
from .lexicon import Lexicon, default_lexicon
from .numeric import build_fact_views, compare_facts
from .polarity import detect_concept, detect_polarity
from .scorer import MODEL_ONLY_THRESHOLD, Scorer, combine, load_scorer, model_probability, register_scorer
from .slots import detect_location, detect_role

__all__ = ["PAIR_DETECTORS", "Scorer", "detect_findings", "load_scorer", "register_scorer"]

log = logging.getLogger(__name__)

MAX_PER_ITEM = 10

PairDetector = Callable[[Claim, Claim], Hit | None]
PAIR_DETECTORS: tuple[PairDetector, ...] = (detect_role, detect_location, detect_concept, detect_polarity)


def _entities_map(entities: Any) -> dict[str, Any]:
    if isinstance(entities, Mapping):
        return dict(entities)
    return {e.id: e for e in entities or ()}


def _best_hit(a: Claim, b: Claim) -> Hit | None:
    best = None
    for detect in PAIR_DETECTORS:
        hit = detect(a, b)
        if hit is not None and (best is None or hit.score > best.score):
            best = hit
    return best


@dataclass(frozen=True)
class _Candidate:
    score: float
    kind: FindingKind
    order: tuple[str, str]  # cheap stable tie-breaker
    dedup: Any
    items: tuple[FindingItem, FindingItem]
    explain: Callable[[], str]


def _statement_candidates(claims: Sequence[Claim], scorers: Sequence[Scorer], cap: int) -> list[_Candidate]:
    out = []
    for i, j in sorted(claim_pairs(claims, cap)):  # sorted: stable order, better memory locality
        a, b = sorted((claims[i], claims[j]), key=lambda c: c.sort_key())
        if a.norm_content == b.norm_content and a.negated == b.negated:
            continue  # a repetition
        if a.narrative and b.narrative and a.statement.document_id == b.statement.document_id:
            continue  # one text's own voice: too often our extraction, not the author
        hit = _best_hit(a, b)
        prob = model_probability(scorers, a.statement.content, b.statement.content) if scorers else None
        if hit is None:
            if prob is None or prob < MODEL_ONLY_THRESHOLD:
                continue
            hit = Hit(prob * 0.9, "a contradiction the configured model scored", "model", (0, len(a.statement.content)), (0, len(b.statement.content)))
            prob = None
        same = a.speaker == b.speaker
        kind = FindingKind.SELF_CONTRADICTION if same else FindingKind.SOURCE_CONFLICT
        score = combine(hit.score, prob)
        if not same and (a.narrative or b.narrative):
            score *= 0.95  # an outlet's own voice against a quoted speaker: usually argument, sometimes a real clash
        dedup = (kind.value, frozenset({(a.speaker, a.norm_content, a.negated), (b.speaker, b.norm_content, b.negated)}))
        out.append(
            _Candidate(
                score=round(min(1.0, score), 4),
                kind=kind,
                order=(a.id, b.id),
                dedup=dedup,
                items=(FindingItem(ItemType.STATEMENT, a.id), FindingItem(ItemType.STATEMENT, b.id)),
                explain=functools.partial(explain_pair, a, b, hit, same),
            )
        )
    return out


def _fact_order(v: Any) -> tuple[Any, ...]:
    return (v.published is None, v.published or dt.date.min, v.fact.document_id, v.fact.start)


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
    Each statement or fact appears in at most ``max_per_item`` findings (its best-scored ones),
    so a much-repeated line cannot flood the list.
    """
    lex = lexicon or default_lexicon()
    ents = _entities_map(entities)
    claims = build_claims(statements, mentions_by_doc, key_to_entity, ents, documents, lex)
    candidates = _statement_candidates(claims, scorers, block_cap)

    canonical = {m.local_key: m.canonical for ms in mentions_by_doc.values() for m in ms if m.is_name}
    views = build_fact_views(facts, canonical, key_to_entity, ents, documents, lex)
    for i, j in fact_pairs(views, lex.undated_fact_window_days, block_cap):
        a, b = sorted((views[i], views[j]), key=_fact_order)
        hit = compare_facts(a, b, lex)
        if hit is None:
            continue
        fa, fb = a.fact.id, b.fact.id
        sig = (a.subject, a.measure, a.fact.period)
        candidates.append(
            _Candidate(
                score=hit.score,
                kind=FindingKind.NUMERIC_CONFLICT,
                order=(fa, fb),
                dedup=("numeric", sig, frozenset({(a.source, a.interval), (b.source, b.interval)})),
                items=(FindingItem(ItemType.FACT, fa), FindingItem(ItemType.FACT, fb)),
                explain=functools.partial(explain_facts, a, b, hit),
            )
        )

    kept: list[Finding] = []
    seen: set[Any] = set()
    per_item: Counter[str] = Counter()
    for cand in sorted(candidates, key=lambda c: (-c.score, c.kind.value, c.order)):
        if cand.dedup in seen or any(per_item[i.id] >= max_per_item for i in cand.items):
            continue
        seen.add(cand.dedup)
        per_item.update(i.id for i in cand.items)
        kept.append(Finding(kind=cand.kind, items=cand.items, score=cand.score, explanation=cand.explain()))
    log.info("findings: %d statements, %d facts, %d findings", len(statements), len(facts), len(kept))
    return kept
