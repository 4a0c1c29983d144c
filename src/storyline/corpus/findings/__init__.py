"""Findings: ranked, explained candidate contradictions between statements and between facts.

    detect_findings(statements, facts, mentions_by_doc, key_to_entity, entities, documents)

1. :mod:`.claims` turns each statement into a structured claim (speaker, entities,
   negation, role/location slots, antonymous-predicate sides).
2. :mod:`.blocking` picks candidate pairs (shared subject + slot/concept/rare word;
   capped buckets), never all pairs; :mod:`.neighbours` adds the pairs inside one
   passage that answer each other ("..., yet reports indicate otherwise"; a contrast
   marker between a claim and a neighbour that names its subject only by a pronoun).
3. Detectors score each pair: :mod:`.slots` (role rank, location), :mod:`.polarity`
   (antonymous predicates, negation flips and denials), :mod:`.numeric` (facts).
4. Same speaker → ``self_contradiction``; different speakers, or a speaker against a
   document's own narrative voice (its source) → ``source_conflict``; facts →
   ``numeric_conflict``. A statement with a cue but no speaker is an unnamed source of its
   own. One finding per pair; near-duplicate pairs are suppressed, and pairs between the
   same two sources by the same detector on the same subject fold into the best one.
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
from .neighbours import neighbour_pairs
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
    group: Any = None  # same sources, same detector, same subject: folded into one finding
    sides: tuple[str, str] = ("", "")


def _statement_candidates(claims: Sequence[Claim], scorers: Sequence[Scorer], cap: int,
                          passage: Mapping[tuple[int, int], Hit]) -> list[_Candidate]:
    out = []
    for i, j in sorted(claim_pairs(claims, cap) | passage.keys()):  # sorted: stable order, better memory locality
        a, b = sorted((claims[i], claims[j]), key=lambda c: c.sort_key())
        if a.norm_content == b.norm_content and a.negated == b.negated:
            continue  # a repetition
        if a.narrative and b.narrative and a.statement.document_id == b.statement.document_id:
            continue  # one text's own voice: too often our extraction, not the author
        hit = _best_hit(a, b)
        near = passage.get((i, j))
        if near is not None and (hit is None or near.score > hit.score):
            hit = near if a is claims[i] else _swap(near)
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
        family = hit.detector.split(":")[0]
        group = (kind.value, frozenset({a.speaker, b.speaker}), family, hit.subject) if hit.subject or family == "location" else None
        out.append(
            _Candidate(
                score=round(min(1.0, score), 4),
                kind=kind,
                order=(a.id, b.id),
                dedup=dedup,
                items=(FindingItem(ItemType.STATEMENT, a.id), FindingItem(ItemType.STATEMENT, b.id)),
                explain=functools.partial(explain_pair, a, b, hit, same),
                group=group,
                sides=(a.speaker, b.speaker),
            )
        )
    return out


def _swap(hit: Hit) -> Hit:
    return Hit(hit.score, hit.reason, hit.detector, hit.span_b, hit.span_a, hit.subject)


class _Kept:
    """A finding being assembled: its best pair, and how many similar pairs were folded into it.

    The folded pairs are counted in the explanation but not added as items: a finding's id
    derives from its items, and a review must still find it when a later document adds
    one more similar pair.
    """

    def __init__(self, cand: _Candidate) -> None:
        self.cand = cand
        self.folded = 0
        self.others: set[str] = set()

    def fold(self, cand: _Candidate) -> None:
        self.folded += 1
        self.others.update(i.id for i in cand.items)

    def finding(self) -> Finding:
        c = self.cand
        explanation = c.explain()
        if self.folded:
            others = len(self.others - {i.id for i in c.items})
            pairs = "pair is" if self.folded == 1 else "pairs are"
            more = "statement" if others == 1 else "statements"
            explanation += (f" {self.folded} similar {pairs} folded into this finding (same sources, same point; "
                            f"{others} more {more}).")
        return Finding(kind=c.kind, items=c.items, score=c.score, explanation=explanation)


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
    so a much-repeated line cannot flood the list. Pairs between the same two sources, by the
    same detector, about the same subject are folded into the best-scored one, whose
    explanation says how many pairs it stands for.
    """
    lex = lexicon or default_lexicon()
    ents = _entities_map(entities)
    claims = build_claims(statements, mentions_by_doc, key_to_entity, ents, documents, lex)
    passage = {(i, j): hit for i, j, hit in neighbour_pairs(claims, documents, lex, PAIR_DETECTORS)}
    candidates = _statement_candidates(claims, scorers, block_cap, passage)

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

    kept: list[_Kept] = []
    groups: dict[Any, _Kept] = {}
    seen: set[Any] = set()
    per_item: Counter[str] = Counter()
    for cand in sorted(candidates, key=lambda c: (-c.score, c.kind.value, c.order)):
        if cand.dedup in seen or any(per_item[i.id] >= max_per_item for i in cand.items):
            continue
        seen.add(cand.dedup)
        head = groups.get(cand.group) if cand.group is not None else None
        if head is not None:
            head.fold(cand)
            continue
        per_item.update(i.id for i in cand.items)
        k = _Kept(cand)
        kept.append(k)
        if cand.group is not None:
            groups[cand.group] = k
    log.info("findings: %d statements, %d facts, %d findings", len(statements), len(facts), len(kept))
    return [k.finding() for k in kept]
