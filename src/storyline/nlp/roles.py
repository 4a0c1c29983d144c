"""Role phrases tied to people ("spokesperson for the IEA", "the Taliban spokesman"), and named events.

Role phrases become ``Mention(is_name=False, source="role")`` in the cluster
of the person they describe:

* apposition after a name: "Zabihullah Mujahid, spokesperson for the ... (IEA),";
* a role right before a name: "the Taliban spokesman Zabihullah Mujahid",
  "the Acting Minister of Refugees, Khalil Ahmed Haqqani";
* a later definite role phrase ("the spokesman", "the IEA spokesman",
  "its spokesman") joins the nearest earlier person introduced with a role of
  the same family, preferring one whose role phrase shares a qualifier.

Named events are "the Kabul airport attack", "the Abbey Gate bombing",
"the Battle of Mosul": a capitalised name (and up to three lower-case nouns)
before an event noun, after "the".
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import EntityType
from .gazetteer import Vocabulary
from .mentions import Candidate
from .pipeline import Part

log = logging.getLogger(__name__)

__all__ = ["RoleLink", "find_events", "find_roles", "title_family"]

_APPOS_GAP = re.compile(r"\s*,\s*$")
_ANAPHORIC = frozenset({"the", "its", "their", "his", "her"})
_MOD_POS = frozenset({"PROPN", "ADJ", "NOUN", "NUM"})
_PREPS = frozenset({"for", "of", "at", "to"})


@dataclass(frozen=True)
class RoleLink:
    """A role phrase and the person candidate it describes (None: anaphoric, resolved later)."""

    start: int
    end: int
    family: str
    owner: int | None
    anaphoric: bool


def title_family(title: str, vocab: Vocabulary) -> str:
    """'Acting Minister' -> 'minister', 'Lt. Gen.' -> 'general', 'Spokesman' -> 'spokesperson'."""
    words = [w.strip(".").lower() for w in title.split()]
    abbrev = {"gen": "general", "col": "general", "maj": "general", "brig": "general", "lt": "general", "capt": "general",
              "gov": "governor", "sen": "senator", "rep": "senator", "amb": "ambassador", "pres": "president", "adm": "general", "cmdr": "commander"}
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if phrase in vocab.role_family:
            return vocab.role_family[phrase]
    for w in reversed(words):
        if w in vocab.role_family:
            return vocab.role_family[w]
        if w in abbrev:
            return abbrev[w]
    return words[-1] if words else title.lower()


def _covered(intervals: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    k = bisect.bisect_right(starts, s) - 1
    for j in (k, k + 1):
        if 0 <= j < len(intervals) and intervals[j][0] < e and s < intervals[j][1]:
            return True
    return False


def find_roles(text: str, parts: Sequence[Part], cands: Sequence[Candidate], vocab: Vocabulary) -> list[RoleLink]:
    """Role phrases in the text, each tied to a person candidate when written next to one."""
    names = sorted((c.start, c.end, i) for i, c in enumerate(cands) if c.is_name and not c.dropped and c.type != EntityType.EVENT)
    intervals = [(s, e) for s, e, _ in names]
    starts = [s for s, _, _ in names]
    person_by_end = {cands[i].end: i for _, _, i in names if cands[i].type == EntityType.PERSON}
    person_by_start = {cands[i].start: i for _, _, i in names if cands[i].type == EntityType.PERSON}
    out: list[RoleLink] = []
    for part in parts:
        doc = part.doc
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            low = tok.lower_
            head_start = i
            if i + 1 < n and f"{low} {doc[i + 1].lower_}" in vocab.role_family:
                family = vocab.role_family[f"{low} {doc[i + 1].lower_}"]
                head_end = i + 2
            elif low in vocab.role_family and tok.pos_ in ("NOUN", "PROPN"):
                family = vocab.role_family[low]
                head_end = i + 1
            else:
                i += 1
                continue
            i = head_end
            hs, he = part.span(doc[head_start].idx, doc[head_end - 1].idx + len(doc[head_end - 1]))
            if _covered(intervals, starts, hs, he):
                continue
            # left modifiers: "Taliban", "IEA", "chief", "Taliban-led", "group's"
            left = head_start
            steps = 0
            while left > 0 and steps < 6:
                prev = doc[left - 1]
                if prev.text == "-" and left - 2 >= 0 and not doc[left - 2].whitespace_:
                    left -= 2
                elif prev.tag_ == "POS" or prev.text in ("’s", "'s"):
                    left -= 1
                elif prev.pos_ in _MOD_POS and prev.lower_ not in vocab.role_family and not prev.is_sent_start:
                    left -= 1
                elif prev.pos_ in _MOD_POS and prev.is_sent_start:
                    left -= 1
                    break
                else:
                    break
                steps += 1
            det = doc[left - 1] if left > 0 else None
            if det is not None and det.lower_ in ("a", "an") and left == head_start:
                continue  # "a spokesman": someone new and unnamed
            # right: one prepositional phrase ("for the Taliban-led Islamic Emirate of Afghanistan (IEA)")
            right = head_end
            if right < n and doc[right].lower_ in _PREPS:
                prep = doc[right]
                edge = max((t.i for t in prep.subtree), default=prep.i)
                edge = min(edge, right + 14)
                sent_end = doc[right].sent.end - 1
                edge = min(edge, sent_end)
                if edge > right:
                    right = edge + 1
                    while right - 1 > head_end and doc[right - 1].is_punct and doc[right - 1].text not in ")":
                        right -= 1
            s, e = part.span(doc[left].idx, doc[right - 1].idx + len(doc[right - 1]))
            if left < head_start and doc[left].tag_ == "POS":
                s = part.span(doc[left + 1].idx, 0)[0]
            owner: int | None = None
            # apposition after a name: "NAME, [the] ROLE ..."
            gap_from = part.span(det.idx, 0)[0] if det is not None and det.lower_ in ("the", "a", "an") else s
            back = text[max(0, gap_from - 6) : gap_from]
            m = _APPOS_GAP.search(back)
            if m is not None:
                owner = person_by_end.get(max(0, gap_from - 6) + m.start())
            if owner is None:
                # role before a name: "ROLE NAME" or "ROLE of X, NAME"
                after = e
                while after < len(text) and text[after] in " \u00a0":
                    after += 1
                owner = person_by_start.get(after)
                if owner is None and after < len(text) and text[after] == ",":
                    nxt = after + 1
                    while nxt < len(text) and text[nxt] in " \u00a0":
                        nxt += 1
                    cand = person_by_start.get(nxt)
                    if cand is not None:
                        tail = text[cands[cand].end : cands[cand].end + 2]
                        if not tail or tail[0] in ".,;)\n" or tail.startswith(" ("):
                            owner = cand
            anaphoric = owner is None and det is not None and (det.lower_ in _ANAPHORIC or det.tag_ == "POS")
            if owner is None and not anaphoric:
                continue
            if anaphoric:
                s, e = hs if left == head_start else s, he
            out.append(RoleLink(s, e, family, owner, anaphoric))
    return out


def resolve_anaphoric(text: str, links: Sequence[RoleLink]) -> list[RoleLink]:
    """Give each anaphoric role phrase the nearest earlier person introduced with that role family."""
    by_family: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for lk in links:
        if lk.owner is not None:
            by_family[lk.family].append((lk.start, lk.owner, text[lk.start : lk.end].lower()))
    for v in by_family.values():
        v.sort()
    out: list[RoleLink] = []
    for lk in links:
        if lk.owner is not None:
            out.append(lk)
            continue
        held = by_family.get(lk.family)
        if not held:
            continue
        k = bisect.bisect_left(held, (lk.start, -1, ""))
        if k == 0:
            continue
        quals = [w.lower() for w in re.findall(r"[^\W\d_][\w\-]*", text[lk.start : lk.end]) if w[0].isupper()]
        chosen = held[k - 1][1]
        if quals:
            for j in range(k - 1, max(-1, k - 40), -1):
                if any(q in held[j][2] for q in quals):
                    chosen = held[j][1]
                    break
        out.append(RoleLink(lk.start, lk.end, lk.family, chosen, True))
    return out


def find_events(text: str, parts: Sequence[Part], vocab: Vocabulary) -> list[tuple[int, int]]:
    """Spans of named events: "Kabul airport attack" (after "the"), "Battle of Mosul"."""
    out: list[tuple[int, int]] = []
    for part in parts:
        doc = part.doc
        for tok in doc:
            if tok.lower_ not in vocab.event_nouns or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            i = tok.i
            # "the Battle of Mosul"
            if tok.text[0].isupper() and not tok.is_sent_start and i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].text[:1].isupper():
                j = i + 2
                while j + 1 < len(doc) and (doc[j + 1].text[:1].isupper() or doc[j + 1].text == "-") and j - i < 6:
                    j += 1
                out.append(part.span(tok.idx, doc[j].idx + len(doc[j])))
                continue
            j = i - 1
            nouns = 0
            while j >= 0 and doc[j].pos_ == "NOUN" and doc[j].text.islower() and nouns < 3:
                j -= 1
                nouns += 1
            caps = 0
            while j >= 0 and caps < 5 and (doc[j].text[:1].isupper() or (doc[j].text == "-" and not doc[j].whitespace_)) and doc[j].pos_ in ("PROPN", "PUNCT", "NOUN", "ADJ"):
                j -= 1
                caps += 1
            if caps == 0:
                continue
            first = doc[j + 1]
            if j >= 1 and doc[j].like_num and doc[j - 1].lower_ == "the":
                j -= 1  # "the 2021 Kabul airport attack": the year stays out of the name
            if j < 0 or doc[j].lower_ != "the" or first.text == "-":
                continue
            out.append(part.span(first.idx, tok.idx + len(tok)))
    return out
