"""Incompatible slot values: a person's role rank, and where a group is based."""

from __future__ import annotations

from .claims import Claim, LocationHit, RoleHit
from .hits import Hit

__all__ = ["detect_location", "detect_role"]

SUPPORT_BONUS = 0.03
_ROLE_CONFLICTS = {("low", "high"), ("high", "low"), ("low", "not_low"), ("not_low", "low"), ("high", "not_high"), ("not_high", "high")}
_ROLE_WORDS = {"low": "a minor figure", "high": "a leading figure", "not_low": "not a minor figure", "not_high": "not a leading figure"}


def detect_role(a: Claim, b: Claim) -> Hit | None:
    """Same person, roles of incompatible rank (observer/low-level vs planner/mastermind/leader)."""
    best: tuple[float, RoleHit, RoleHit] | None = None
    support: dict[str, int] = {}
    for ra in a.roles:
        for rb in b.roles:
            if ra.person != rb.person or (ra.rank, rb.rank) not in _ROLE_CONFLICTS:
                continue
            support[ra.person] = support.get(ra.person, 0) + 1
            # a plain low-vs-high clash is the clearest; a denied rank is a little weaker
            score = 0.85 if {ra.rank, rb.rank} == {"low", "high"} else 0.75
            if best is None or score > best[0]:
                best = (score, ra, rb)
    if best is None:
        return None
    score, ra, rb = best
    # several role words that each clash ("not a peripheral figure - linked to 29 attacks") make it clearer
    score = min(0.95, score + SUPPORT_BONUS * (support[ra.person] - 1))
    name = next((r.name for r in a.entities if r.id == ra.person), ra.person)
    reason = f"conflicting roles for {name}: {_ROLE_WORDS[ra.rank]} ('{ra.word}') vs {_ROLE_WORDS[rb.rank]} ('{rb.word}')"
    return Hit(score, reason, "role", (ra.start, ra.end), (rb.start, rb.end), ra.person,
               (_ROLE_WORDS[ra.rank], _ROLE_WORDS[rb.rank]))


def detect_location(a: Claim, b: Claim) -> Hit | None:
    """Same group, a base/haven claimed in one place and denied or claimed elsewhere by the other."""
    shared = a.subjects & b.subjects
    if not a.locations or not b.locations or not shared:
        return None
    groups = sorted(shared - {h.place for h in (*a.locations, *b.locations)})
    group = groups[0] if groups else sorted(shared)[0]  # the group in question, else the place both speak of
    pos_a = {h.place: h for h in a.locations if not h.negated}
    neg_a = {h.place: h for h in a.locations if h.negated}
    pos_b = {h.place: h for h in b.locations if not h.negated}
    neg_b = {h.place: h for h in b.locations if h.negated}
    for place, ha in pos_a.items():
        if place in neg_b:
            return _loc_hit(0.8, ha, neg_b[place], f"conflicting accounts of where the group is based: in {ha.place_name} vs not in {ha.place_name}",
                            group, (f"based in {ha.place_name}", f"not based in {ha.place_name}"))
    for place, hb in pos_b.items():
        if place in neg_a:
            return _loc_hit(0.8, neg_a[place], hb, f"conflicting accounts of where the group is based: not in {hb.place_name} vs in {hb.place_name}",
                            group, (f"not based in {hb.place_name}", f"based in {hb.place_name}"))
    only_a = set(pos_a) - set(pos_b)
    only_b = set(pos_b) - set(pos_a)
    if only_a and only_b and not (set(pos_a) & set(pos_b)):
        ha = pos_a[sorted(only_a)[0]]
        hb = pos_b[sorted(only_b)[0]]
        # groups can have bases in several places: a weak signal on its own
        return _loc_hit(0.45, ha, hb, f"different places given as the group's base: {ha.place_name} vs {hb.place_name}",
                        group, (f"based in {ha.place_name}", f"based in {hb.place_name}"))
    return None


def _loc_hit(score: float, ha: LocationHit, hb: LocationHit, reason: str, group: str, labels: tuple[str, str]) -> Hit:
    return Hit(score, reason, "location", (ha.start, ha.end), (hb.start, hb.end), group, labels)
