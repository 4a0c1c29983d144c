"""Existence flips: one claim says a thing is absent from a place, another that it is there.

"There is no cholera in Lusaka" against "we have confirmed 43 cases of cholera in Lusaka"; "no cases of polio
have been recorded in the province" against "two polio cases in the province". The absent side is an existential
negation ("there is/are no X", "no X has been found/confirmed/reported", "no cases of X") with a place named in
its clause; the present side names the same thing (its head noun) at the same place as existing: counted ("43
cases of X", "three X cases"), found or confirmed, an outbreak of it, or "there are X". Neither side may be hedged
or a question (:attr:`.claims.Claim.asserts`), and the present side may not negate the thing itself.

One speaker's absent and present sides are a self-contradiction at any distance in time (the line shifted). Two
sources conflict only when they speak within a few days: a thing absent in March and present in May is news, not a
dispute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import EntityType
from ...text.words import negated_at
from ..question_terms import singular
from .claims import Claim, EntityRef
from .hits import Hit

__all__ = ["Absence", "absence", "detect_existence", "presence_at"]

EXISTENCE_SCORE = 0.9  # a place and a thing named on both sides: as strong as a polarity flip's best, and read first
SOURCE_DAYS = 3  # two sources on one thing's absence and presence must speak this close in time to dispute it

_THING = r"(?P<thing>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
_QUALIFIER = r"(?:(?:confirmed|reported|known|active|new|recorded|suspected)\s+)?"
_CASES = r"(?:(?:cases?|traces?|signs?)\s+of\s+)?"
_ABSENT = (
    # "there is no cholera in Lusaka", "there have been no confirmed cases of polio in the province"
    re.compile(r"\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been|is\s+still|are\s+still)\s+no\s+"
               + _QUALIFIER + _CASES + _THING, re.IGNORECASE),
    # "no cases of polio have been recorded", "no cholera had been confirmed"
    re.compile(r"\bno\s+" + _QUALIFIER + _CASES + _THING
               + r"\s+(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:confirmed|reported|found|detected|recorded|"
               r"identified|registered|discovered|seen)\b", re.IGNORECASE),
)
# words after "there is no" that name no thing that could be somewhere: "there is no evidence", "no need", "no doubt"
_NOT_A_THING = frozenset("""evidence need reason doubt way time one sign signs indication indications truth point question
chance chances comment word information detail details decision plan plans room place problem problems
immediate further other such more longer change end limit alternative guarantee proof basis cause intention
reports report confirmation threat danger risk""".split())
_PRESENT_BEFORE = re.compile(
    r"(?:\b\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|"
    r"many|more)\b|\bcases?\s+of|\boutbreak\s+of|\bspread\s+of|\bconfirmed|\bdetected|\bfound|\brecorded|\bidentified|"
    r"\bthere\s+(?:is|are|was|were|have\s+been|has\s+been))\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_PRESENT_AFTER = re.compile(
    r"^(?:\s+(?:cases?|outbreak|infections?|patients|deaths)\b|\s+(?:has|have|had)\s+(?:killed|spread|infected|"
    r"claimed)\b|\s+(?:is|are|was|were)\s+(?:present|spreading|active|operating)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Absence:
    head: str  # the thing's head noun, singular and lower case ("cholera", "case" never: the thing after "cases of")
    thing: str  # the thing as written, without a trailing preposition ("bird flu")
    place: EntityRef
    span: tuple[int, int]  # the negated phrase, in the content


_PREPOSITIONS = frozenset({"in", "at", "on", "inside", "within", "near", "among", "across", "here", "there", "for", "to"})


def _thing(thing: str) -> str:
    words = thing.split()
    if len(words) == 2 and words[1].lower() in _PREPOSITIONS:
        words = words[:1]  # "no cholera in": the second word is the preposition, not part of the thing
    return " ".join(words)


def _head(thing: str) -> str:
    return singular(thing.lower().split()[-1])


def _places(c: Claim) -> list[EntityRef]:
    return [r for r in c.entities if r.type == EntityType.PLACE]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
    hi_candidates = [i for i in (text.find(". ", pos), text.find("; ", pos)) if i >= 0]
    return (lo + 2 if lo >= 0 else 0, min(hi_candidates) if hi_candidates else len(text))


def absence(c: Claim) -> Absence | None:
    """The thing a claim says is absent from a place it names in the same sentence, if it says so."""
    if not c.asserts:
        return None
    text = c.statement.content
    if "no " not in text.lower():
        return None  # every absent form has "no": a cheap test before the patterns, run for each pair a claim is in
    for pattern in _ABSENT:
        for m in pattern.finditer(text):
            thing = _thing(m.group("thing"))
            head = _head(thing)
            first = m.group("thing").split()[0].lower()
            if head in _NOT_A_THING or first in _NOT_A_THING or len(head) < 3:
                continue
            lo, hi = _sentence(text, m.start())
            place = next((r for r in _places(c) if lo <= r.start and r.end <= hi and r.start >= m.start("thing")), None)
            if place is not None:
                return Absence(head, thing, place, (m.start(), m.end()))
    return None


def presence_at(c: Claim, head: str, place_id: str) -> tuple[int, int] | None:
    """Where a claim says ``head`` exists at the place ``place_id`` (the thing's span), if it does."""
    if not c.asserts or c.negated or c.denial:
        return None
    text = c.statement.content
    places = [r for r in _places(c) if r.id == place_id]
    if not places:
        return None
    for m in re.finditer(r"\b" + re.escape(head) + r"(?:e?s)?\b", text, re.IGNORECASE):
        lo, hi = _sentence(text, m.start())
        if not any(lo <= r.start and r.end <= hi for r in places):
            continue
        if negated_at(text, m.start(), c.negations, window=40):
            continue
        if _PRESENT_BEFORE.search(text[max(lo, m.start() - 60) : m.start()]) or _PRESENT_AFTER.match(text[m.end() : m.end() + 30]):
            return (m.start(), m.end())
    return None


def detect_existence(a: Claim, b: Claim) -> Hit | None:
    """One claim says a thing is absent from a place, the other that it is there."""
    for neg, pos in ((a, b), (b, a)):
        gone = absence(neg)
        if gone is None:
            continue
        there = presence_at(pos, gone.head, gone.place.id)
        if there is None:
            continue
        if neg.speaker != pos.speaker and (neg.date is None or pos.date is None
                                           or abs((neg.date - pos.date).days) > SOURCE_DAYS):
            return None  # two sources days apart: the thing may have arrived in between
        place = gone.place.name
        reason = f"one statement says there is no {gone.thing} in {place}, the other that there is"
        span_neg, span_pos = gone.span, there
        labels_neg, labels_pos = f"no {gone.thing} in {place}", f"{gone.thing} in {place}"
        if neg is a:
            return Hit(EXISTENCE_SCORE, reason, "existence", span_neg, span_pos, gone.place.id, (labels_neg, labels_pos), question=gone.head)
        return Hit(EXISTENCE_SCORE, reason, "existence", span_pos, span_neg, gone.place.id, (labels_pos, labels_neg), question=gone.head)
    return None
