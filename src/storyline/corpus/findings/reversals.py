"""A narrator's report that an actor reversed a position ("reversed himself on the pipeline", "flip-flopped on
the pact", "changed her position on the bill", "walked back his support for the tax").

Such a report says the actor held the opposite of the position held now, before the article's day, without
saying which side that was ("walked back his support for" says it). :func:`find_reversal` reads it as a
:class:`~.stance.Stance` of era "earlier" whose side is :data:`REVERSED` (or the side named); the stance
detector sets it against the actor's own stance on the same target in the same article, which gives the side
(the opposite of the stance held now). A reversal with no stance of the actor to set it against is no finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.stance_phrases import REVERSAL
from .stance import _DET, _PRONOUN_TARGETS, OPPOSES, SUPPORTS, Stance, _singular, _target, find_stance

__all__ = ["REVERSED", "Reversal", "find_reversal"]

REVERSED = "reversed"  # the side of an earlier position told only as reversed: the opposite of the later one

@dataclass(frozen=True)
class Reversal:
    stance: Stance  # era "earlier"; side REVERSED, or the side a "walked back his support for" names
    start: int  # the reversal phrase, offsets in the text given to find_reversal
    later: Stance | None  # the stance now held, when the same text tells it ("..., saying he now opposes it")


def find_reversal(text: str, speaker_name: str) -> Reversal | None:
    """The reversal a narrator clause reports of its subject, or None. ``text`` starts at (or just before) the
    phrase, whose subject is the actor; ``speaker_name`` is the actor's name (for a later stance in the clause)."""
    m = REVERSAL.search(text)
    if m is None:
        return None
    rest = m.group("rest")
    det = re.match(_DET, rest, re.IGNORECASE)
    target = _target(rest[det.end() if det else 0 :])
    if target is None or target.lower() in _PRONOUN_TARGETS:
        return None
    tokens = target.split()
    head = _singular(tokens[-1])
    if not re.fullmatch(r"[a-z][a-z-]{2,}", head) and not tokens[-1][:1].isupper():
        return None
    proper = frozenset(w.lower() for w in tokens if w[:1].isupper())
    if tokens[-1][:1].isupper():
        head, proper = " ".join(t.lower() for t in tokens), frozenset()
    side = REVERSED
    if m.group("walk"):
        side = SUPPORTS if m.group("sup") else OPPOSES  # "walked back his support for": he supported it before
    modifiers = frozenset(w.lower() for w in tokens[:-1] if not w[:1].isupper())
    later = find_stance(text[m.start("rest") :], "indirect", speaker_name)
    stance = Stance(side, head, proper, target, m.start(), m.end(), (), modifiers, "earlier", True)
    return Reversal(stance, m.start(), later)
