"""Conflicts inside one passage: back-references and contrasted neighbours.

Writers often set a claim against the one just before it without repeating its
subject: "The ministry says it is fighting the group, yet reports indicate the
opposite"; "While it claims to be fighting X, evidence suggests its policies have
done little to curb the group". Blocking by shared words and entities misses
these, so each document's claims are walked in text order and every claim is
compared with its nearest earlier neighbours in the same paragraph:

* a **back-reference** (a phrase from the lexicon's ``back_references``: "indicate
  otherwise", "the opposite", "tell a different story") contradicts the nearest
  earlier claim by another speaker, unless that claim has no named speaker and
  stands in the same sentence (the unnamed voice going on: "a note saying that X
  applied, but that was not the case");
* a **contrast** (a marker from ``contrast_markers`` - "while", "yet", "however",
  "despite" - before the earlier claim or between the two) lets the later claim
  inherit the earlier one's subjects ("the group", "its policies"), and the
  ordinary detectors then decide whether the two take opposite sides.

Two claims in the document's own voice are never paired (an outlet arguing with
itself is rhetoric, not a finding). The walk is linear in the number of claims.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from .claims import Claim
from .hits import Hit
from .polarity import answered_question
from ...text.lexicon import Lexicon

__all__ = ["MAX_GAP", "neighbour_pairs"]

MAX_GAP = 300  # characters between two claims of one passage
LOOK_BACK = 3  # earlier claims compared with each claim
BACKREF_SCORE = 0.72
CONTRAST_BONUS = 0.05


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("! ", 0, pos))
    return cut + 1


def _has(matcher: Any, text: str) -> bool:
    return next(iter(matcher.finditer(text)), None) is not None


def neighbour_pairs(
    claims: Sequence[Claim],
    documents: Mapping[str, Any],
    lex: Lexicon,
    detectors: Sequence[Callable[[Claim, Claim], Hit | None]],
) -> Iterator[tuple[int, int, Hit]]:
    """(earlier index, later index, hit) for back-references and contrasted neighbours."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.statement.document_id].append(i)
    for doc_id, members in by_doc.items():
        text = getattr(documents.get(doc_id), "text", None)
        if not isinstance(text, str) or len(members) < 2:
            continue
        order = sorted(members, key=lambda i: (claims[i].statement.start, claims[i].statement.content_start, claims[i].id))
        for pos in range(1, len(order)):
            j = order[pos]
            b = claims[j]
            backref_open = b.backref is not None and not _answers_itself(b, lex)
            for k in range(pos - 1, max(-1, pos - 1 - LOOK_BACK), -1):
                i = order[k]
                a = claims[i]
                a_end, b_start = a.statement.end, b.statement.start
                if a_end > b_start:
                    continue  # nested or overlapping spans
                gap = text[a_end:b_start]
                if "\n" in gap or len(gap) > MAX_GAP:
                    break
                if a.narrative and b.narrative:
                    continue
                if backref_open and a.backref is None and a.speaker != b.speaker:
                    backref_open = False
                    if a.unattributed and _sentence_start(text, b.statement.start) <= a.statement.start:
                        continue  # "a note saying that X applied, but that was not the case": one unnamed voice goes on
                    yield i, j, _backref_hit(a, b)
                    continue
                prefix = text[_sentence_start(text, a.statement.start) : a.statement.start]
                if not (_has(lex.contrast_markers, gap) or _has(lex.contrast_markers, prefix)):
                    continue
                hit = _contrast_hit(a, b, detectors)
                if hit is not None:
                    yield i, j, hit


def _answers_itself(b: Claim, lex: Lexicon) -> bool:
    """ "Despite X's claims of ..., the numbers tell a different story": the claim it answers is inside it."""
    assert b.backref is not None
    start = b.backref[0]
    return start > 0 and _has(lex.contrast_markers, b.statement.content[:start])


def _backref_hit(a: Claim, b: Claim) -> Hit:
    assert b.backref is not None
    s, e, phrase = b.backref
    span_b = (s, e) if e > s else (0, len(b.statement.content))
    reason = f"the later statement ('{phrase}') contradicts the claim made just before it in the same passage"
    question = answered_question(a)
    if question is not None:  # "reports indicate otherwise" takes the other side of the claim's own question
        detector, subject, side, other = question
        return Hit(BACKREF_SCORE, reason, detector, (0, len(a.statement.content)), span_b, subject, (side, other))
    return Hit(BACKREF_SCORE, reason, "backref", (0, len(a.statement.content)), span_b, b.id,
               ("the claim", f"'{phrase}'"))


def _contrast_hit(a: Claim, b: Claim, detectors: Sequence[Callable[[Claim, Claim], Hit | None]]) -> Hit | None:
    # the later claim often names its subject only by a pronoun or a role noun: it inherits the earlier one's
    b2 = dataclasses.replace(b, subjects=b.subjects | a.subjects, inherited=a.subjects if b.narrative else a.subjects | {a.speaker})
    best: Hit | None = None
    for detect in detectors:
        hit = detect(a, b2)
        if hit is not None and (best is None or hit.score > best.score):
            best = hit
    if best is None:
        return None
    return dataclasses.replace(best, score=min(0.95, best.score + CONTRAST_BONUS),
                               reason=best.reason + ", set against each other in one passage")
