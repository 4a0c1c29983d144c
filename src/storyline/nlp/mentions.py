"""Working records for the entities stage, and :func:`cluster_at` for later stages.

A :class:`Candidate` is a span the stage is still shaping (trimmed, retyped,
joined); :class:`Clusters` is a union-find over candidate indices. Neither
leaves the stage: it emits :class:`storyline.model.Mention` records.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import EntityType, Mention

__all__ = ["Candidate", "Clusters", "cluster_at", "mentions_at"]


@dataclass
class Candidate:
    start: int
    end: int
    type: EntityType
    source: str = "model"  # model, gazetteer, alias, role, event
    is_name: bool = True
    gid: str | None = None  # gazetteer entry id
    family: str | None = None  # role family for role phrases ("spokesperson")
    heading: bool = False
    dropped: bool = False

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


class Clusters:
    """Union-find over candidate indices (path halving, union by size)."""

    def __init__(self, n: int = 0) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def add(self) -> int:
        self.parent.append(len(self.parent))
        self.size.append(1)
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return ra


def mentions_at(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    """Mentions overlapping ``[start, end)``, names first, then the tightest fit.

    ``mentions`` should be sorted by start (as in ``DocumentAnalysis.mentions``);
    unsorted input is sorted first.
    """
    ms = list(mentions)
    if any(ms[i].start > ms[i + 1].start for i in range(len(ms) - 1)):
        ms.sort(key=lambda m: (m.start, m.end))
    starts = [m.start for m in ms]
    hi = bisect.bisect_left(starts, end if end > start else start + 1)
    # mentions are short; look back a bounded distance for ones starting before `start`
    lo = bisect.bisect_left(starts, start - 400)
    hits = [m for m in ms[lo:hi] if m.start < max(end, start + 1) and m.end > start]
    hits.sort(key=lambda m: (not m.is_name, -_overlap(m, start, end), m.end - m.start))
    return hits


def _overlap(m: Mention, start: int, end: int) -> int:
    return max(0, min(m.end, max(end, start + 1)) - max(m.start, start))


def cluster_at(mentions: Sequence[Mention], start: int, end: int) -> int | None:
    """The cluster of the mention overlapping the span ``[start, end)``, preferring names; None if none."""
    hits = mentions_at(mentions, start, end)
    return hits[0].cluster if hits else None
