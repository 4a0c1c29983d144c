"""Working records for the entities stage.

A :class:`Candidate` is a span the stage is still shaping (trimmed, retyped,
joined); :class:`Clusters` is a union-find over candidate indices. Neither
leaves the stage: it emits :class:`storyline.model.Mention` records.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import EntityType

__all__ = ["Candidate", "Clusters"]


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
