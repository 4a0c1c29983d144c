"""Candidate pairs without comparing everything with everything.

Each claim about an entity is put in a few of that entity's buckets, keyed by
what it says (a slot or concept, or one of its two rarest words among the
claims about the entity); only claims that share a bucket are compared. A bucket larger than
``cap`` is sorted by date and each claim is paired with its ``cap`` next
neighbours (sorted-neighbourhood blocking), so the work stays near-linear in
the corpus size. Facts are blocked by subject and measure and swept by period.
"""

from __future__ import annotations

import datetime as dt
from sys import intern
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Sequence

from ...model import ClaimBucket
from .claims import Claim
from .numeric import EVENT_SUBJECT, EVENT_WINDOW_DAYS, FactView
from .polarity import about
from .stance import SAME_THING, acronym_key, person_key

__all__ = ["DEFAULT_CAP", "bucket_pairs", "claim_bucket", "entity_pairs", "fact_pairs"]

DEFAULT_CAP = 20
RARE_WORDS_PER_CLAIM = 2


def _fixed_keys(c: Claim) -> set[tuple[str, ...]]:
    """A claim's buckets that depend on nothing but the claim (every kind but rare words)."""
    keys: set[tuple[str, ...]] = set()
    for e in about(c):
        for h in c.concepts:
            keys.add(("c", e, h.concept))
        if c.locations and e in c.subjects:
            keys.add(("l", e))
    for r in c.roles:
        keys.add(("r", r.person))
    if c.stance is not None and not c.narrative:
        for head in c.stance.alternatives or (c.stance.head, *sorted(c.stance.also)):
            keys.add(("s", c.speaker, head))  # one speaker's stances on one target
            for group in SAME_THING:
                if head.split()[-1] in group:  # a named target by its kind: "the Tamsin Partnership"
                    keys.add(("s", c.speaker, min(group)))  # "the agreement" ... "the accord" of one article
        initials = acronym_key(c.stance)
        if initials:
            keys.add(("s", c.speaker, initials))  # "the TPP" ... "the Trans-Pacific Partnership"
        person = person_key(c.stance)
        if person:
            keys.add(("s", c.speaker, person))  # "Brook" ... "Mayor Tom Brook" ... "Brook's re-election campaign"
    return keys


def claim_bucket(c: Claim, shard: str, entity: str) -> ClaimBucket:
    """What blocking needs of claim ``c`` in the shard of ``entity`` (stored, so an update need not rebuild it)."""
    s = c.statement
    order = (c.date is None, intern((c.date or dt.date.min).isoformat()), intern(s.document_id), s.content_start)
    keys = tuple(sorted(k for k in _fixed_keys(c) if k[1] == entity))
    words = tuple(sorted(intern(w) for w in c.words))  # one copy of each word for every claim that uses it
    return ClaimBucket(intern(shard), intern(c.id), order[2], order, keys, words, entity in about(c))


def bucket_pairs(entries: Sequence[ClaimBucket], entity: str, cap: int = DEFAULT_CAP) -> set[tuple[int, int]]:
    """Index pairs (i < j) of the entries of ``entity``'s shard that share one of its buckets.

    Word rarity is counted among these claims only (what is rare in what is said about
    this entity), so the pairs of one entity depend on its claims alone.
    """
    df: Counter[str] = Counter()
    for b in entries:
        df.update(b.words)
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    for i, b in enumerate(entries):
        keys: set[tuple[str, ...]] = set(b.keys)
        if b.rare:
            rare = sorted((w for w in b.words if df[w] > 1), key=lambda w: (df[w], w))[:RARE_WORDS_PER_CLAIM]
            keys.update(("w", entity, w) for w in rare)
        for k in keys:
            buckets[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        for i, j in _pairs_in(bucket, entries, cap):
            if entries[i].item_id != entries[j].item_id:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def _pairs_in(bucket: list[int], entries: Sequence[ClaimBucket], cap: int) -> Iterator[tuple[int, int]]:
    if len(bucket) <= cap:
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                yield bucket[x], bucket[y]
        return
    ordered = sorted(bucket, key=lambda i: (entries[i].order, entries[i].item_id))  # the id: same order whatever the input order
    for x in range(len(ordered)):
        for y in range(x + 1, min(len(ordered), x + 1 + cap)):
            yield ordered[x], ordered[y]


def entity_pairs(claims: Sequence[Claim], entity: str, cap: int = DEFAULT_CAP) -> set[tuple[int, int]]:
    """Index pairs (i < j) of the claims about ``entity`` that share one of its buckets (:func:`bucket_pairs`)."""
    return bucket_pairs([claim_bucket(c, "", entity) for c in claims], entity, cap)


def fact_pairs(views: Sequence[FactView], window_days: int, cap: int = DEFAULT_CAP) -> Iterator[tuple[int, int]]:
    """Pairs of facts on one subject and measure whose periods overlap (or, undated, whose documents are close)."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, v in enumerate(views):
        groups[(v.subject, v.measure)].append(i)
    for (subject, _measure), members in groups.items():
        if len(members) < 2:
            continue
        if subject.startswith(EVENT_SUBJECT):  # an event's tolls: dated or not, reported within a week
            reported = sorted(members, key=lambda i: (views[i].published or dt.date.max, views[i].fact.id))
            for x, i in enumerate(reported):
                limit = (views[i].published or dt.date.max - dt.timedelta(days=EVENT_WINDOW_DAYS)) + dt.timedelta(days=EVENT_WINDOW_DAYS)
                for y in range(x + 1, min(len(reported), x + 1 + cap)):
                    j = reported[y]
                    if views[i].published is not None and (views[j].published or dt.date.max) > limit:
                        break
                    yield i, j  # undated reports (at the end) are paired among themselves
            continue
        # ties broken by fact id: the same pairs whatever order the facts came in
        dated = sorted((i for i in members if views[i].period is not None),
                       key=lambda i: (views[i].period or (dt.date.min, dt.date.min), views[i].fact.id))
        for x, i in enumerate(dated):
            end = views[i].period[1]  # type: ignore[index]
            for y in range(x + 1, min(len(dated), x + 1 + cap)):
                j = dated[y]
                if views[j].period[0] > end:  # type: ignore[index]
                    break
                yield i, j
        undated = sorted((i for i in members if views[i].period is None and views[i].published is not None),
                         key=lambda i: (views[i].published or dt.date.min, views[i].fact.id))
        for x, i in enumerate(undated):
            limit = (views[i].published or dt.date.min) + dt.timedelta(days=window_days)
            for y in range(x + 1, min(len(undated), x + 1 + cap)):
                j = undated[y]
                if (views[j].published or dt.date.max) > limit:
                    break
                yield i, j
