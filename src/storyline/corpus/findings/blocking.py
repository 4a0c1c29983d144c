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
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Mapping, Sequence

from .claims import Claim
from .numeric import EVENT_SUBJECT, EVENT_WINDOW_DAYS, FactView
from .polarity import about
from .stance import SAME_THING

__all__ = ["DEFAULT_CAP", "entity_pairs", "fact_pairs"]

DEFAULT_CAP = 20
RARE_WORDS_PER_CLAIM = 2


def _keys(c: Claim, df: Counter[str]) -> set[Hashable]:
    keys: set[Hashable] = set()
    targets = about(c)
    rare = sorted((w for w in c.words if df[w] > 1), key=lambda w: (df[w], w))[:RARE_WORDS_PER_CLAIM]
    for e in targets:
        for h in c.concepts:
            keys.add(("c", e, h.concept))
        if c.locations and e in c.subjects:
            keys.add(("l", e))
        for w in rare:
            keys.add(("w", e, w))
    for r in c.roles:
        keys.add(("r", r.person))
    if c.stance is not None and not c.narrative:
        for head in c.stance.alternatives or (c.stance.head, *sorted(c.stance.also)):
            keys.add(("s", c.speaker, head))  # one speaker's stances on one target
            for group in SAME_THING:
                if head in group:
                    keys.add(("s", c.speaker, min(group)))  # "the agreement" ... "the accord" of one article
    return keys


def _pairs_in(bucket: list[int], claims: Sequence[Claim], cap: int) -> Iterator[tuple[int, int]]:
    if len(bucket) <= cap:
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                yield bucket[x], bucket[y]
        return
    ordered = sorted(bucket, key=lambda i: (claims[i].sort_key(), claims[i].id))  # the id: same order whatever the input order
    for x in range(len(ordered)):
        for y in range(x + 1, min(len(ordered), x + 1 + cap)):
            yield ordered[x], ordered[y]


def entity_pairs(claims: Sequence[Claim], entity: str, cap: int = DEFAULT_CAP) -> set[tuple[int, int]]:
    """Index pairs (i < j) of the claims about ``entity`` that share one of its buckets.

    Word rarity is counted among these claims only (what is rare in what is said about
    this entity), so the pairs of one entity depend on its claims alone.
    """
    df: Counter[str] = Counter()
    for c in claims:
        df.update(c.words)
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for k in _keys(c, df):
            if k[1] == entity:  # type: ignore[index]
                buckets[k].append(i)
    return _bucket_pairs(buckets, claims, cap)


def _bucket_pairs(buckets: Mapping[Hashable, list[int]], claims: Sequence[Claim], cap: int) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        for i, j in _pairs_in(bucket, claims, cap):
            if claims[i].id != claims[j].id:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


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
