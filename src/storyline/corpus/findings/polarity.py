"""Opposite polarity: a flip or denial of the same proposition, and antonymous predicates."""

from __future__ import annotations

from .claims import TRANSITIVE_CONCEPTS, Claim, ConceptHit
from .hits import Hit

__all__ = ["about", "detect_concept", "detect_polarity", "shares_subject"]

# concepts whose two sides rarely both hold of one subject at one time
_STRONG = {"existence": 0.75, "effort": 0.7, "responsibility": 0.75, "talks": 0.65}
_WEAK = 0.55
_CONCEPT_WORDS = {
    "existence": ("defeated or gone", "still active"),
    "effort": ("acting against it", "failing to act against it"),
    "responsibility": ("responsible", "not responsible"),
    "trend": ("rising", "falling"),
    "agreement": ("accepting", "rejecting"),
    "talks": ("in talks", "talks off"),
    "custody": ("released", "held"),
}


def about(c: Claim) -> frozenset[str]:
    """What a claim is about: the entities in its content, and a named speaker talking of itself."""
    return c.subjects if c.narrative else c.subjects | {c.speaker}


def shares_subject(a: Claim, b: Claim) -> frozenset[str]:
    if a.speaker == b.speaker:
        shared = a.subjects & b.subjects
        if shared or a.subjects or b.subjects:
            return shared
        return frozenset({a.speaker})  # both speak only of themselves
    return about(a) & about(b)


def _name(c: Claim, eid: str) -> str:
    if eid == c.speaker:
        return c.speaker_name
    return next((r.name for r in c.entities if r.id == eid), eid.split(":", 1)[-1])


def _about_hit(c: Claim, h: ConceptHit) -> frozenset[str]:
    """What one predicate is about: the entities it is anchored to, else what its claim is about.

    A transitive predicate ("fighting", "failed to curb") with no anchored target is about
    nothing we can compare, unless a contrasted neighbour lent the claim its subjects.
    """
    if h.targets:
        base = h.targets
    elif c.inherited:
        base = c.inherited
    elif h.concept in TRANSITIVE_CONCEPTS:
        return frozenset()
    else:
        return about(c)
    return base if c.narrative or h.concept in TRANSITIVE_CONCEPTS else base | {c.speaker}


def detect_concept(a: Claim, b: Claim) -> Hit | None:
    """One side of an antonymous predicate against the other ('eliminated' vs 'carries out attacks')."""
    if not a.concepts or not b.concepts:
        return None
    shared = shares_subject(a, b)
    if not shared:
        return None
    sides_a: dict[str, set[str]] = {}
    sides_b: dict[str, set[str]] = {}
    for h in a.concepts:
        sides_a.setdefault(h.concept, set()).add(h.side)
    for h in b.concepts:
        sides_b.setdefault(h.concept, set()).add(h.side)
    anchored: dict[str, frozenset[str]] = {}
    for concept in sides_a.keys() & sides_b.keys():
        over_a = frozenset().union(*(_about_hit(a, h) for h in a.concepts if h.concept == concept))
        over_b = frozenset().union(*(_about_hit(b, h) for h in b.concepts if h.concept == concept))
        anchored[concept] = over_a & over_b
    best: Hit | None = None
    for concept in sorted(sides_a.keys() & sides_b.keys()):
        sa, sb = sides_a[concept], sides_b[concept]
        if len(sa) != 1 or len(sb) != 1 or sa == sb:
            continue  # a claim that takes both sides is too mixed to use
        if not anchored[concept]:
            continue  # the two predicates are about different things
        ha = next(h for h in a.concepts if h.concept == concept)
        hb = next(h for h in b.concepts if h.concept == concept)
        score = _STRONG.get(concept, _WEAK)
        words = _CONCEPT_WORDS.get(concept, ("one thing", "the opposite"))
        subject = sorted(anchored[concept])[0]
        subj = _name(a, subject) if subject != b.speaker else b.speaker_name
        reason = f"conflicting claims about {subj}: {words[0] if ha.side == 'a' else words[1]} vs {words[0] if hb.side == 'a' else words[1]}"
        hit = Hit(score, reason, f"concept:{concept}", (ha.start, ha.end), (hb.start, hb.end), subject)
        if best is None or hit.score > best.score:
            best = hit
    return best


def detect_polarity(a: Claim, b: Claim) -> Hit | None:
    """The same proposition asserted by one and negated or denied by the other."""
    if a.negated == b.negated or len(a.words) < 3 or len(b.words) < 3:
        return None
    shared = shares_subject(a, b)
    if not shared:
        return None
    if (a.subjects - b.subjects) and (b.subjects - a.subjects):
        return None  # "did not attack X" vs "attacked Y": different propositions
    inter = len(a.words & b.words)
    jacc = inter / len(a.words | b.words)
    contain = inter / min(len(a.words), len(b.words))
    denial = a.denial or b.denial
    if not (jacc >= 0.5 or (denial and contain >= 0.6) or contain >= 0.8):
        return None
    score = min(0.95, 0.55 + 0.35 * max(jacc, contain * 0.8))
    neg, pos = ("earlier", "later") if a.negated else ("later", "earlier")
    kind = "denies" if denial else "negates"
    reason = f"the {neg} statement {kind} what the {pos} one asserts"
    return Hit(score, reason, "polarity", (0, len(a.statement.content)), (0, len(b.statement.content)), sorted(shared)[0])
