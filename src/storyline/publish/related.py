""""Also see": pieces that share actors with a piece, rarer shared actors counting more."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from .pieces import Piece

__all__ = ["link_related"]


def link_related(pieces: Sequence[Piece], limit: int = 3) -> None:
    """Fill ``piece.also_see`` for every piece: up to ``limit`` others, best shared-actor score first."""
    keys = {id(p): {a.key for a in p.actors} for p in pieces}
    frequency = Counter(k for p in pieces for k in keys[id(p)])
    n = len(pieces)
    for piece in pieces:
        mine = keys[id(piece)]
        scored: list[tuple[float, str, Piece]] = []
        for other in pieces:
            if other is piece:
                continue
            shared = mine & keys[id(other)]
            if shared:
                score = sum(math.log((n + 1) / frequency[k]) for k in shared)
                scored.append((score, other.published.isoformat(), other))
        scored.sort(key=lambda x: (x[0], x[1], x[2].slug), reverse=True)
        piece.also_see = [p for _s, _d, p in scored[:limit]]
