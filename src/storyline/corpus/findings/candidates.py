"""Candidate findings, shard by shard, and the one pass that picks the findings from them.

Every candidate pair shares a *shard*: an entity both claims are about
(``e:<entity>``: the blocking buckets of :mod:`.blocking` are all keyed by an
entity), the document of a passage (``d:<document>``: :mod:`.neighbours`), or
a fact subject and measure (``f:<subject>␟<measure>``). A shard's candidates
depend only on the claims in it, so after new documents only the shards they
touch are recomputed (:mod:`storyline.services.findings_update`) and stored
candidates of the other shards are reused; inside a recomputed entity shard,
a :class:`PairMemory` spares the pairs of unchanged claims evaluated before. :func:`select_findings` then walks
all candidates from the best score down, exactly as for a full run:
near-duplicates are suppressed, pairs between the same two sources by the
same detector on the same subject fold into the best one, and no item is in
more than ``max_per_item`` findings.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...model import ClaimBucket, ClaimState, Fact, Finding, FindingItem, FindingKind, FindingSide, ItemType, ShardRow
from ...model import FindingCandidate as Candidate
from .blocking import DEFAULT_CAP, bucket_pairs, claim_bucket, fact_pairs
from .claims import Claim
from .explain import explain_facts, explain_pair
from .hits import Hit
from ...text.lexicon import Lexicon
from .neighbours import neighbour_pairs
from .stance import detect_stance
from .numeric import WEEKDAY, FactView, compare_facts, shared_places
from .polarity import about
from .scorer import MODEL_ONLY_THRESHOLD, Scorer, combine, model_probability

__all__ = [
    "ENTITY_SHARD", "FACT_SHARD", "PASSAGE_SHARD", "Candidate", "PairMemory", "ShardPlan", "ShardResult", "ShardRow",
    "claim_shards", "entity_buckets", "fact_shard", "pair_hash", "plan_shard", "score_plans", "select_findings",
    "shard_candidates",
]


def _digest(*parts: Any) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


ENTITY_SHARD, PASSAGE_SHARD, FACT_SHARD = "e:", "d:", "f:"


def claim_shards(c: Claim) -> set[str]:
    entities = about(c) | {r.person for r in c.roles}
    return {ENTITY_SHARD + e for e in entities} | {PASSAGE_SHARD + c.statement.document_id}


def fact_shard(v: FactView) -> str:
    return f"{FACT_SHARD}{v.subject}\x1f{v.measure}"


def _best_hit(a: Claim, b: Claim, detectors: Sequence[Any]) -> Hit | None:
    best = None
    for detect in detectors:
        if (a.narrated or b.narrated) and detect is not detect_stance:
            continue  # a stance the narrator tells of an actor is evidence of that stance only, not a statement of the actor's
        hit = detect(a, b)
        if hit is not None and (best is None or hit.score > best.score):
            best = hit
    return best


def _swap(hit: Hit) -> Hit:
    return dataclasses.replace(hit, span_a=hit.span_b, span_b=hit.span_a, labels=(hit.labels[1], hit.labels[0]))


# two sources at least this far apart in time are not in conflict: positions change (a speaker against
# itself over time is a self-contradiction, which has no window)
SOURCE_CONFLICT_WINDOW_DAYS = 120
MIN_SCORE = 0.6  # weaker rule hits (a group's bases named in two places, a loose antonym) are not findings


def too_far_apart(a: Claim, b: Claim) -> bool:
    """Two sources months apart: a position that moved, not two that clash (one speaker against itself has no window).

    Depends on the two claims alone, so it is checked before the detectors: most pairs a wide bucket gives over a
    long corpus end here.
    """
    return a.speaker != b.speaker and a.date is not None and b.date is not None and \
        abs((b.date - a.date).days) > SOURCE_CONFLICT_WINDOW_DAYS


def question_key(kind: FindingKind, hit: Hit, speaker: str = "") -> str | None:
    """What a pair's dispute is about: kind, detector (with its concept or predicate) and subject; the speaker too for one actor against itself.

    Pairs with one key form one finding, whose id derives from the key, so the finding keeps its id
    (its URL, its review) as more statements on the question arrive. ``None`` when the hit names no
    subject (a model's score): such a finding stands for its one pair.
    """
    if not hit.subject:
        return None
    family = hit.detector + (f":{hit.question}" if hit.question else "")
    who = speaker if kind == FindingKind.SELF_CONTRADICTION else ""
    return "\x1f".join((kind.value, who, family, hit.subject))


def _statement_candidate(shard: str, x: Claim, y: Claim, near: Hit | None, detectors: Sequence[Any],
                         scorers: Sequence[Scorer]) -> Candidate | None:
    a, b = sorted((x, y), key=lambda c: c.sort_key())
    if a.norm_content == b.norm_content and a.negated == b.negated:
        return None  # a repetition
    if not (a.asserts and b.asserts):
        return None  # a question, a hedge or a conditional asserts nothing to contradict
    if a.vague or b.vague:
        return None  # "the company said": no source an analyst could weigh
    if a.narrative and b.narrative and a.speaker == b.speaker:
        return None  # one outlet's own voice in two articles: different writers, not an actor changing its mind
    if a.narrative and b.narrative and a.statement.document_id == b.statement.document_id:
        return None  # one text's own voice: too often our extraction, not the author
    sa, sb = a.statement, b.statement
    told_apart = getattr(a.stance, "reversal", False) != getattr(b.stance, "reversal", False)  # "reversed himself, saying he opposes it"
    # "he supports the ban, a measure he voted against in 2015": the apposition tells an earlier stance of its own
    told_apart = told_apart or (a.stance is not None and b.stance is not None and (a.stance.era == "earlier") != (b.stance.era == "earlier"))
    if sa.document_id == sb.document_id and sa.content_start < sb.content_end and sb.content_start < sa.content_end and not told_apart:
        return None  # two readings of one sentence ("X dismissed concerns that ..., IRNA reported"), not two claims
    if too_far_apart(a, b):
        return None  # before any detector runs: whatever they find, this pair is no candidate
    hit = _best_hit(a, b, detectors)
    if near is not None and (hit is None or near.score > hit.score):
        hit = near if a is x else _swap(near)
    prob = model_probability(scorers, a.statement.content, b.statement.content) if scorers else None
    if hit is None:
        if prob is None or prob < MODEL_ONLY_THRESHOLD:
            return None
        hit = Hit(prob * 0.9, "a contradiction the configured model scored", "model", (0, len(a.statement.content)), (0, len(b.statement.content)))
        prob = None
    same = a.speaker == b.speaker
    kind = FindingKind.SELF_CONTRADICTION if same else FindingKind.SOURCE_CONFLICT
    score = combine(hit.score, prob)
    if not same and (a.narrative or b.narrative):
        score *= 0.95  # an outlet's own voice against a quoted speaker: usually argument, sometimes a real clash
    sides = sorted([(a.speaker, a.norm_content, a.negated), (b.speaker, b.norm_content, b.negated)])
    q = question_key(kind, hit, a.speaker)
    return Candidate(
        shard=shard,
        score=round(min(1.0, score), 4),
        kind=kind,
        order=(a.id, b.id),
        items=(FindingItem(ItemType.STATEMENT, a.id), FindingItem(ItemType.STATEMENT, b.id)),
        dedup=_digest(kind.value, *sides),
        group=_digest(q) if q else None,
        explanation=explain_pair(a, b, hit, same),
        labels=hit.labels,
    )


def _fact_order(v: FactView) -> tuple[Any, ...]:
    return (v.published is None, v.published or dt.date.min, v.fact.document_id, v.fact.start)


def _fact_candidate(shard: str, x: FactView, y: FactView, lex: Lexicon, documents: Mapping[str, Any]) -> Candidate | None:
    a, b = sorted((x, y), key=_fact_order)
    text = getattr(documents.get(a.fact.document_id), "text", None)
    if a.fact.document_id == b.fact.document_id and _one_sentence(text if isinstance(text, str) else None, a.fact, b.fact):
        return None  # "10 of the 16 games", "$1 million ... from $272,000 on ... to $375,000": parts, ranges, totals
    hit = compare_facts(a, b, lex)
    if hit is None:
        return None
    sides = sorted([repr((a.source, a.interval)), repr((b.source, b.interval))])
    return Candidate(
        shard=shard,
        score=hit.score,
        kind=FindingKind.NUMERIC_CONFLICT,
        order=(a.fact.id, b.fact.id),
        items=(FindingItem(ItemType.FACT, a.fact.id), FindingItem(ItemType.FACT, b.fact.id)),
        dedup=_digest("numeric", a.subject, a.measure, a.fact.period, *sides),
        group=_digest(FindingKind.NUMERIC_CONFLICT.value, a.subject, a.measure,
                      min(shared_places(a, b) or {""}) if a.event else a.fact.period or ""),  # one event: its kind and place
        explanation=explain_facts(a, b, hit),
        labels=(fact_label(a), fact_label(b)),
    )


_COMPARATOR_WORDS = {"eq": "", "approx": "about ", "gt": "over ", "ge": "at least ", "lt": "under ", "le": "at most "}


def fact_label(v: FactView) -> str:
    """A fact's value as a position: "about 170", "at least 150 people"."""
    f = v.fact
    if v.measure == WEEKDAY and 1 <= f.value <= 7:
        return calendar.day_name[int(f.value) - 1]  # ISO weekday: 1 is Monday
    value = f"{f.value:,.0f}" if float(f.value).is_integer() else f"{f.value:,}"
    if f.value_max is not None:
        top = f"{f.value_max:,.0f}" if float(f.value_max).is_integer() else f"{f.value_max:,}"
        value = f"{value}–{top}"
    unit = f" {f.unit}" if f.unit else ""
    return f"{_COMPARATOR_WORDS.get(f.comparator.value, '')}{value}{unit}"


def _one_sentence(text: str | None, x: Fact, y: Fact) -> bool:
    """Whether two facts of one document sit in one sentence (no sentence end between them)."""
    lo, hi = sorted((x, y), key=lambda f: f.start)
    if text is None:
        return hi.start - lo.end < 80
    gap = text[lo.end : hi.start]
    return re.search(r"[.!?][\"'”’)]*\s|\n", gap) is None


def pair_hash(a: str, b: str) -> int:
    """A 63-bit number for the unordered pair of item ids (what ``shard_pairs`` stores)."""
    x, y = (a, b) if a < b else (b, a)
    return int.from_bytes(hashlib.blake2b(f"{x}\x1f{y}".encode("utf-8"), digest_size=8).digest(), "little") >> 1


@dataclass(frozen=True)
class PairMemory:
    """What an earlier run found in the entity and fact shards being recomputed, for pairs of two unchanged items.

    A pair's candidate depends only on its two claims, so a pair of claims that did not change,
    evaluated before, is not evaluated again: its stored candidate (or the absence of one) stands.
    """

    fresh: frozenset[str]  # ids of claims of changed documents: their pairs are always evaluated
    evaluated: Mapping[str, frozenset[int]]  # entity shard → pair hashes evaluated before
    found: Mapping[int, Candidate]  # pair hash → its stored candidate (evaluated pairs without one had none)


@dataclass(frozen=True)
class ShardResult:
    candidates: list[Candidate]
    rows: list[ShardRow]  # every claim's and fact's shards
    pairs: dict[str, list[int]]  # entity or fact shard → hashes of the pairs evaluated in it
    buckets: list[ClaimBucket] = dataclasses.field(default_factory=list)  # the claims of the entity shards evaluated
    states: list[ClaimState] = dataclasses.field(default_factory=list)  # claims of an entity shard as text, when asked


def entity_buckets(claims: Iterable[Claim]) -> list[ClaimBucket]:
    """What blocking keeps of each claim in each of its entity shards."""
    return [claim_bucket(c, s, s[len(ENTITY_SHARD):]) for c in claims for s in sorted(claim_shards(c)) if s.startswith(ENTITY_SHARD)]


@dataclass(frozen=True)
class ShardPlan:
    """One entity shard in an update: the pairs it evaluates now, and which of them must be scored again."""

    shard: str
    hashes: list[int]  # every pair its buckets give now
    kept: frozenset[int]  # pairs of two unchanged claims evaluated before: their stored candidate, or its lack, stands
    todo: list[tuple[str, str]]  # pairs (item ids, in id order) to score: a changed claim, or not evaluated before


def plan_shard(shard: str, entries: Iterable[ClaimBucket], fresh: frozenset[str], before: frozenset[int],
               cap: int = DEFAULT_CAP) -> ShardPlan:
    """The pairs of an entity shard from its stored buckets alone: no claim is rebuilt to find them."""
    ordered = sorted(entries, key=lambda b: b.item_id)  # the order a full run's members have
    hashes: list[int] = []
    kept: set[int] = set()
    todo: list[tuple[str, str]] = []
    for i, j in sorted(bucket_pairs(ordered, shard[len(ENTITY_SHARD):], cap)):
        a, b = ordered[i].item_id, ordered[j].item_id
        h = pair_hash(a, b)
        hashes.append(h)
        if h in before and a not in fresh and b not in fresh:
            kept.add(h)
        else:
            todo.append((a, b))
    return ShardPlan(shard, hashes, frozenset(kept), todo)


def score_plans(plans: Iterable[ShardPlan], claims: Mapping[str, Claim], detectors: Sequence[Any],
                scorers: Sequence[Scorer] = ()) -> list[Candidate]:
    """The candidates of the pairs the plans must score (a pair about two entities is scored once)."""
    out: list[Candidate] = []
    scored: dict[tuple[str, str], Candidate | None] = {}
    for plan in plans:
        for key in plan.todo:
            if key not in scored:
                scored[key] = _statement_candidate(plan.shard, claims[key[0]], claims[key[1]], None, detectors, scorers)
            cand = scored[key]
            if cand is not None:
                out.append(dataclasses.replace(cand, shard=plan.shard))
    return out


def shard_candidates(
    claims: Sequence[Claim],
    views: Sequence[FactView],
    documents: Mapping[str, Any],
    lex: Lexicon,
    detectors: Sequence[Any],
    scorers: Sequence[Scorer] = (),
    cap: int = 20,
    only: Iterable[str] | None = None,
    memory: PairMemory | None = None,
) -> ShardResult:
    """The candidates of every shard (or of the shards in ``only``), each claim's and fact's shards, the pairs evaluated."""
    wanted = set(only) if only is not None else None
    by_shard: dict[str, list[int]] = defaultdict(list)
    rows: list[ShardRow] = []
    for i, c in enumerate(claims):
        for s in claim_shards(c):
            by_shard[s].append(i)
            rows.append((s, c.id, c.statement.document_id))
    facts_by_shard: dict[str, list[int]] = defaultdict(list)
    fact_ids = [v.fact.id for v in views]  # derived by hashing: once per fact, not once per pair
    for i, v in enumerate(views):
        s = fact_shard(v)
        facts_by_shard[s].append(i)
        rows.append((s, fact_ids[i], v.fact.document_id))
    out: list[Candidate] = []
    evaluated: dict[str, list[int]] = {}
    buckets: list[ClaimBucket] = []
    scored: dict[tuple[str, str], Candidate | None] = {}
    for shard in sorted(by_shard):
        if wanted is not None and shard not in wanted:
            continue
        members = [claims[i] for i in by_shard[shard]]
        if shard.startswith(PASSAGE_SHARD):
            for i, j, hit in neighbour_pairs(members, documents, lex, detectors):
                cand = _statement_candidate(shard, members[i], members[j], hit, detectors, scorers)
                if cand is not None:
                    out.append(cand)
            continue
        before = memory.evaluated.get(shard, frozenset()) if memory is not None else frozenset()
        hashes = evaluated[shard] = []
        entries = [claim_bucket(c, shard, shard[2:]) for c in members]
        buckets.extend(entries)
        for i, j in sorted(bucket_pairs(entries, shard[2:], cap)):
            a, b = members[i], members[j]
            h = pair_hash(a.id, b.id)
            hashes.append(h)
            if memory is not None and h in before and a.id not in memory.fresh and b.id not in memory.fresh:
                cand = memory.found.get(h)
            else:
                key = (a.id, b.id)
                if key not in scored:  # a pair about two entities is scored once
                    scored[key] = _statement_candidate(shard, a, b, None, detectors, scorers)
                cand = scored[key]
            if cand is not None:
                out.append(dataclasses.replace(cand, shard=shard))
    for shard in sorted(facts_by_shard):
        if wanted is not None and shard not in wanted:
            continue
        members_v = [views[i] for i in facts_by_shard[shard]]
        ids = [fact_ids[i] for i in facts_by_shard[shard]]
        found = []
        before = memory.evaluated.get(shard, frozenset()) if memory is not None else frozenset()
        hashes = evaluated[shard] = []
        for i, j in fact_pairs(members_v, lex.undated_fact_window_days, cap):
            x, y = ids[i], ids[j]
            h = pair_hash(x, y)
            hashes.append(h)
            if memory is not None and h in before and x not in memory.fresh and y not in memory.fresh:
                cand = memory.found.get(h)
            else:
                cand = _fact_candidate(shard, members_v[i], members_v[j], lex, documents)
            if cand is not None:
                found.append(cand)
        out.extend(_one_dispute_per_event(found, members_v) if members_v[0].event else found)
    return ShardResult(out, rows, evaluated, buckets)


def _one_dispute_per_event(cands: list[Candidate], views: Sequence[FactView]) -> list[Candidate]:
    """The pairs of one event's figures that share a figure are one dispute, whichever place each pair shares
    ("Kabul" for one pair, "Afghanistan" for another): they take one question, keyed by the least place of all."""
    by_id = {v.fact.id: v for v in views}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in cands:
        parent[root(c.items[0].id)] = root(c.items[1].id)
    places: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        a, b = by_id[c.items[0].id], by_id[c.items[1].id]
        places[root(a.fact.id)].add(min(shared_places(a, b) or {""}))
    out = []
    for c in cands:
        v = by_id[c.items[0].id]
        group = _digest(FindingKind.NUMERIC_CONFLICT.value, v.subject, v.measure, min(places[root(v.fact.id)]))
        out.append(dataclasses.replace(c, group=group))
    return out


class _Dispute:
    """A finding being assembled: every pair on one question, and the position each item takes.

    Its id derives from the question (the candidates' ``group``), not from its members, so it
    keeps its id as later documents add pairs; its score is its best pair's.
    """

    def __init__(self, cand: Candidate) -> None:
        self.cand = cand
        self.pairs = 1
        self.items: dict[FindingItem, str] = {}
        self._add(cand)

    def _add(self, cand: Candidate) -> None:
        for item, label in zip(cand.items, cand.labels):
            self.items.setdefault(item, label)

    def join(self, cand: Candidate, repeat: bool = False) -> None:
        self.pairs += 0 if repeat else 1
        self._add(cand)

    def sides(self) -> tuple[FindingSide, ...]:
        by_label: dict[str, list[FindingItem]] = {}
        for item, label in self.items.items():
            by_label.setdefault(label, []).append(item)
        if len(by_label) < 2:
            return ()
        return tuple(FindingSide(label, tuple(items)) for label, items in by_label.items())

    def finding(self, explanation: str) -> Finding:
        c = self.cand
        sides = self.sides()
        if self.pairs > 1 or len(self.items) > len(c.items):
            held = "; ".join(f"'{s.label}': {len(s.items)} {'item' if len(s.items) == 1 else 'items'}" for s in sides)
            more = len(self.items) - len(c.items)
            explanation += (f" One dispute: {self.pairs} pairs, {len(self.items)} items"
                            + (f" ({more} more beyond the two quoted)" if more else "") + (f"; positions {held}." if held else "."))
        question = c.group or ""
        return Finding(kind=c.kind, items=tuple(self.items), score=c.score, explanation=explanation, sides=sides,
                       question=question)


def select_findings(candidates: Iterable[Candidate], max_per_item: int,
                    explain: Callable[[list[tuple[str, str, str]]], Mapping[tuple[str, str, str], str]] | None = None,
                    *, ranked: bool = False) -> list[Finding]:
    """Findings from candidates (any order, any shard, repeats allowed), best first: one per question.

    Candidates of one question (``group``) join the finding of the best of them, which lists every
    item and the position it takes; a candidate without a question is a finding of its own.
    Candidates may come without their explanation (an empty one) to save memory; ``explain``
    then gives the explanations of those that head a finding, by (shard, first item, second item):
    one pair can be explained differently in two shards (a passage adds its contrast). ``ranked``: the
    candidates come best first already (read in rank order from the database), so they are taken one at a
    time, never held together.
    """
    kept: list[_Dispute] = []
    disputes: dict[str, _Dispute] = {}
    seen: set[str] = set()
    per_item: Counter[str] = Counter()
    for cand in candidates if ranked else sorted(candidates, key=Candidate.rank):
        head = disputes.get(cand.group) if cand.group is not None else None
        if head is not None:  # a weaker pair on a question already in dispute still adds who holds what
            head.join(cand, repeat=cand.dedup in seen)  # a repost of a pair lists its copies, not a new pair
            seen.add(cand.dedup)
            continue
        if cand.dedup in seen:
            continue
        if cand.score < MIN_SCORE:
            continue
        if any(per_item[i.id] >= max_per_item for i in cand.items):
            continue
        seen.add(cand.dedup)
        per_item.update(i.id for i in cand.items)
        d = _Dispute(cand)
        kept.append(d)
        if cand.group is not None:
            disputes[cand.group] = d
    missing = [(d.cand.shard, *d.cand.order) for d in kept if not d.cand.explanation]
    texts = explain(missing) if explain is not None and missing else {}
    return [d.finding(d.cand.explanation or texts.get((d.cand.shard, *d.cand.order), "")) for d in kept]
