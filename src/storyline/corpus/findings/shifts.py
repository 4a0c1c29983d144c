"""A narrator's era-marked stance phrase read back as a stance about an actor.

The phrases ("Clinton, who once praised the trade deal, now opposes it") are found by
:func:`storyline.text.stance_phrases.stance_phrases`, which the ``claims`` stage of ``nlp/`` uses to keep each one
as a speakerless statement; :func:`narrator_stance` reads such a statement back as a :class:`~.stance.Stance`
with its era (earlier or later) and, for "it" or a relative clause, the noun phrase it refers to.
"""

from __future__ import annotations

import dataclasses
import re

from ...text.stance_phrases import (BEFORE_TURN, EARLIER, RENAMED_BEFORE, LATER, FRONTED_STANCE, LONG_HELD, STANCE_PHRASE, WITHDRAWN, ShiftPhrase, regretted_vote, stance_phrases,
                                    withdrawn_held)
from .stance import _NOT_NOUNS, _PRONOUN_TARGETS, MEASURE_HEADS, OPPOSES, SUPPORTS, Stance, _singular, _target

__all__ = ["narrator_stance"]

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s")
_RELATIVE_BEFORE = re.compile(r"(?:\bwhich|\bthat|[-–—,]\s*(?:a|the|an)\s+[a-z]+)\s*$")


def _antecedent(before: str) -> str | None:
    """The noun phrase a relative earlier stance refers to ("the trade bill - which he once supported")."""
    rel = _RELATIVE_BEFORE.search(before)
    if rel is None:
        return None
    head = before[: rel.start()]
    noun = rel.group().split()[-1].lower()
    if _singular(noun) in MEASURE_HEADS:
        # "a bill raising the wage to $15 an hour, a measure she vetoed": the nearest measure the apposition renames, not
        # the last noun of the phrase that describes it
        for np in reversed(list(re.finditer(r"\b(?:the|a|an|his|her|their|its)\s+", head[-200:]))):
            found = _target(head[-200:][np.end():])
            if found is not None and _singular(found.split()[-1]) in MEASURE_HEADS:
                return found
    det = list(re.finditer(r"\b(?:the|a|an|his|her|their|its)\s+", head[-80:]))
    if det:  # "a federal ban on private prisons, a measure he voted against": the noun phrase up to its preposition
        head = re.split(r"\s+(?:of|on|for|to|against|in|with|from)\s+", head[-80:][det[-1].end() :])[0]
    words = re.findall(r"[\w’']+(?:-[\w’']+)*", head)[-4:]
    while words and (words[0].lower() in {"the", "a", "an", "his", "her", "their", "its"} or words[0][:1].islower() and len(words) > 2):
        words = words[1:]
    return " ".join(words) or None


def _nearest_phrase(before: str) -> str | None:
    """The noun phrase after the last "the/this/that" of the paragraph before a pronoun target."""
    paragraph = before.split("\n")[-1]
    last = None
    for m in re.finditer(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?=[\w’'-]+)", paragraph):
        phrase = _target(paragraph[m.end():])
        if phrase and phrase.split()[-1].lower() not in _NOT_NOUNS:
            last = phrase
    return last


def narrator_stance(content: str, before: str, published_year: int | None = None, after: str = "") -> tuple[Stance, str, int | None] | None:
    """The stance and era of one narrator stance phrase (the content of a statement :func:`stance_phrases` made),
    or None. ``before`` is the document text before it (for a relative phrase's antecedent), ``after`` the text after it
    (for what a vote's relative clause says of it)."""
    regret = regretted_vote(content, before, after)
    if regret is not None:  # "[Clinton] called her vote for the war a mistake", "her vote for the war": what was voted on
        era, side, what, year = regret
        found = _told_stance(what, 0, False, before, ShiftPhrase(0, len(content), era, side, year))
        return (dataclasses.replace(found[0], end=len(content)), era, year) if found is not None else None
    if RENAMED_BEFORE.search(before[-120:]) and re.match(r"(?:he|she|they)\s", content):
        # "[..., a measure] she had opposed when ...": read as the relative clause it is ("which she had opposed ...")
        relative = STANCE_PHRASE.match("which " + content)
        phrase = next(iter(stance_phrases("which " + content, published_year)), None)
        if relative is not None and relative.group("relpast") and phrase is not None and phrase.start == 0:
            return _told_stance(content, relative.end() - 6, False, before,
                                dataclasses.replace(phrase, end=max(0, phrase.end - 6)))
    phrases = stance_phrases(content, published_year)
    held = withdrawn_held(content, before) if not phrases or phrases[0].start > 0 else None
    if held is not None:  # "[Kirk rescinded] his endorsement of Trump": the position he held before
        side = SUPPORTS if held.group("wsup") else OPPOSES
        return _told_stance(content, held.end() - len(before[-120:]), False, before, ShiftPhrase(0, len(content), EARLIER, side))
    if not phrases:
        turned = _turned(content, before, after, published_year)
        if turned is not None:
            return turned
    if not phrases or phrases[0].start > 0:
        return _shift_after_earlier(content, before, published_year)
    p = phrases[0]
    m = STANCE_PHRASE.match(content) or FRONTED_STANCE.match(content) or LONG_HELD.match(content) or WITHDRAWN.match(content)
    if m is None:
        return None
    return _told_stance(content, m.end(), bool(m.groupdict().get("desc")), before, p)


def _turned(content: str, before: str, after: str, published_year: int | None) -> tuple[Stance, str, int | None] | None:
    """Either side of a change told as "X before Y-ing" ("[supported the pact] [before opposing it]"): the gerund after
    "before" is the later stance, on the target the verb before it named; the verb before "before" the earlier one."""
    turn = BEFORE_TURN.match(content)
    if turn is not None:
        side = SUPPORTS if turn.group("tsup") else OPPOSES
        return _told_stance(content, turn.end(), False, before, ShiftPhrase(0, len(content), LATER, side))
    joined = content + after[:200]
    phrases = [p for p in stance_phrases(joined, published_year) if p.start == 0 and p.era == EARLIER and p.end <= len(content) + 1]
    m = STANCE_PHRASE.match(joined)
    if not phrases or m is None or not m.group("turned"):
        return None
    found = _told_stance(content, m.end(), False, before, phrases[0])
    return (dataclasses.replace(found[0], end=min(found[0].end, len(content))), *found[1:]) if found is not None else None


def _told_stance(content: str, at: int, described: bool, before: str, p: ShiftPhrase) -> tuple[Stance, str, int | None] | None:
    """The stance of a phrase whose target starts at ``at`` in the content."""
    rest = _HONORIFIC.sub(r"\1 ", content[at:].lstrip())
    det = re.match(r"(?:(?:the|this|that|these|those|a|an|any|his|her|their|its)\s+)?(?:so-called\s+)?", rest, re.IGNORECASE)
    told = rest[det.end() if det else 0:]
    if described:
        told = re.split(r"\s+(?:as|an?|the)\s+", told, maxsplit=1)[0]  # "once called the auto bailout a disaster": the bailout
    target = _target(told) if rest else None
    if target is not None and target.lower() in _PRONOUN_TARGETS:
        target = _nearest_phrase(before)  # "now opposes it": the nearest earlier "the <noun phrase>"
    elif target is None:
        relative = re.match(r"(?:which|that)\b", content)  # "[the deal,] which she helped negotiate": the noun before it
        target = _antecedent(before + relative.group() if relative else before)
    if target is None:
        return None
    tokens = target.split()
    head = _singular(tokens[-1].replace("’s", "").replace("'s", ""))
    if not re.fullmatch(r"[a-z][a-z-]{2,}", head) and not tokens[-1][:1].isupper():
        return None
    proper = frozenset(w.lower().replace("’s", "").replace("'s", "") for w in tokens if w[:1].isupper())
    if tokens[-1][:1].isupper():
        head, proper = " ".join(t.lower() for t in tokens), frozenset()
    modifiers = frozenset(w.lower() for w in tokens[:-1] if not w[:1].isupper())
    return Stance(p.side, head, proper, target, 0, at, (), modifiers, p.era), p.era, p.year


def _shift_after_earlier(content: str, before: str, published_year: int | None) -> tuple[Stance, str, int | None] | None:
    """A change told without its target right after the actor's earlier stance in the same sentence ("Vance initially
    backed the levy in 2019 and has shifted her position since"): the later stance, the opposite side on that target."""
    tail = re.split(r"(?<=[.!?])\s+|\n", before)[-1]
    joined = tail + content
    phrases = stance_phrases(joined, published_year)
    own = next((p for p in phrases if p.shift and p.start == len(tail)), None)
    prior = [p for p in phrases if p.era == EARLIER and p.end <= len(tail)]
    if own is None or not prior:
        return None
    found = narrator_stance(joined[prior[-1].start : prior[-1].end], joined[: prior[-1].start], published_year)
    if found is None:
        return None
    stance = dataclasses.replace(found[0], side=own.side, start=0, end=own.end - own.start, era=own.era)
    return stance, own.era, None
