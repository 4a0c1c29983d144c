"""Which mention cluster a span or a pronoun points at (small, rule-based, within one document).

Until the entities stage offers its own helper, statements and facts use these:
:func:`cluster_at` finds the cluster of a mention overlapping a span, and
:func:`resolve_pronoun` takes the nearest earlier compatible cluster within a window
("he/she" -> person, "it" -> organization, "they" -> organization or person).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import EntityType, Mention

__all__ = ["MentionIndex", "PRONOUN_TYPES"]

PRONOUN_TYPES: dict[str, tuple[EntityType, ...]] = {
    "he": (EntityType.PERSON,), "she": (EntityType.PERSON,), "him": (EntityType.PERSON,), "her": (EntityType.PERSON,),
    "his": (EntityType.PERSON,),
    "it": (EntityType.ORGANIZATION,), "its": (EntityType.ORGANIZATION,),
    "they": (EntityType.ORGANIZATION, EntityType.PERSON), "them": (EntityType.ORGANIZATION, EntityType.PERSON),
    "their": (EntityType.ORGANIZATION, EntityType.PERSON),
}
WINDOW_CHARS = 1500


@dataclass
class MentionIndex:
    """Mentions sorted by start, for overlap and look-back queries."""

    mentions: Sequence[Mention]

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, end)
        out = [m for m in self.mentions[max(0, i - 50) : i] if m.start < end and start < m.end]
        return out

    def cluster_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) that is a name if possible, else a role phrase; the longest wins."""
        found = self.overlapping(start, end)
        if not found:
            return None
        return max(found, key=lambda m: (m.is_name, m.type in (EntityType.PERSON, EntityType.ORGANIZATION), m.end - m.start))

    def nearest_before(self, pos: int, types: tuple[EntityType, ...], window: int = WINDOW_CHARS) -> Mention | None:
        """The closest mention of one of ``types`` ending at or before ``pos``, within ``window`` characters."""
        i = bisect.bisect_left(self._starts, pos)
        for m in reversed(self.mentions[:i]):
            if m.end > pos:
                continue
            if pos - m.end > window:
                return None
            if m.type in types:
                return m
        return None

    def resolve_pronoun(self, word: str, pos: int) -> Mention | None:
        types = PRONOUN_TYPES.get(word.lower())
        if types is None:
            return None
        return self.nearest_before(pos, types)
