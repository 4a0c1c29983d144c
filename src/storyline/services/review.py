"""The one write path for human decisions: finding reviews and entity merges/splits."""

from __future__ import annotations

import datetime as dt

from ..errors import NotFoundError, UsageError
from ..model import EntityDecision, Review, ReviewStatus
from ..store import Store

__all__ = ["decide_entities", "review_finding"]


def review_finding(store: Store, finding_id: str, status: str, note: str, reviewer: str) -> Review:
    """Record a decision on a finding; it is kept by the finding's current id, which derives from its question."""
    try:
        value = ReviewStatus(status)
    except ValueError:
        raise UsageError(f"invalid status {status!r}; valid: {', '.join(s.value for s in ReviewStatus)}") from None
    finding = store.get_finding(finding_id)  # raises NotFoundError; an older id of one of its pairs finds the dispute
    review = Review(finding.id, value, note[:5000], reviewer, dt.datetime.now(dt.timezone.utc))
    store.add_review(review)
    return review


def decide_entities(store: Store, action: str, names: list[str], reviewer: str, note: str = "") -> EntityDecision:
    """Merge names onto one entity, or split names off the first one; applied at every analyze."""
    if action not in ("merge", "split"):
        raise UsageError(f"invalid entity decision {action!r}; valid: merge, split")
    clean = [n.strip() for n in names if n and n.strip()]
    if len(clean) < 2:
        raise UsageError("an entity decision needs at least two names")
    if not any(clean[0] in e.aliases for e in store.iter_entities()):
        raise NotFoundError(f"no entity has the name {clean[0]!r}")
    decision = EntityDecision(action, tuple(clean), reviewer, note[:5000], dt.datetime.now(dt.timezone.utc))
    store.add_entity_decision(decision)
    return decision
