"""Stance phrases a text tells in its own voice, marked as earlier or later.

News on a politician's change of position rarely quotes both positions; the outlet tells them:
"Clinton, who once praised the trade deal, now opposes it", "he turned against the trade bill - which he
once supported", "the senator used to back the war". Such a phrase is the actor's position (the sentence
span is its provenance), and its marker says when it held:

* earlier: "once", "previously", "initially", "originally", "formerly", "used to" before a stance verb, or a
  year ("backed the war in 2002") before the year of publication;
* later: "now", "has since", "later", "no longer" before a stance verb, or "turned against".

:func:`stance_phrases` finds these phrases in a narrator clause (the ``claims`` stage of ``nlp/`` keeps each as
one speakerless statement; :func:`storyline.corpus.findings.shifts.narrator_stance` reads one back as a stance).
Conditionals and hypotheticals ("if she had once supported") are no stance; neither is a phrase without a
marker (the narrator's plain "X supports Y" is left to reported speech).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["EARLIER", "LATER", "OPPOSES", "REVERSAL", "STANCE_LEMMAS", "STANCE_PHRASE", "SUPPORTS", "ShiftPhrase", "stance_phrases"]

SUPPORTS, OPPOSES = "supports", "opposes"
EARLIER, LATER = "earlier", "later"
# the lemmas of the stance verbs: a statement the statements stage cued with one of them is a stance, not speech
# cue lemmas of stances, not speech ("turn": "he turned against the bill", an open candidate of the statements stage)
STANCE_LEMMAS = frozenset({"support", "back", "praise", "champion", "endorse", "oppose", "criticize", "criticise", "reject",
                           "vote", "turn"})

_SUP = r"support(?:ed|s)?|back(?:ed|s)?|praised|champion(?:ed|s)?|endorsed|voted\s+for|co-?sponsored"
_OPP = r"oppos(?:ed|es)|voted\s+against|criticized|criticised|rejected|turned\s+against"
_SUBJ = r"(?P<subj>\b(?:who|he|she|they|(?:his|her|their)(?=\s+turn\s+against)|[A-Z][\w’'-]+)\s+|(?<=,\s)|^)"  # none after a comma: "X, who once ..., now opposes it"
_EARLY_MARK = r"(?:had\s+)?(?:once|previously|initially|originally|formerly)\s+(?:had\s+)?"
_LATE_MARK = r"(?:(?:now|later|since|has\s+since|have\s+since|had\s+since|has\s+now)\s+)"
_IN_YEAR = r"(?:in|as\s+recently\s+as|as\s+late\s+as|until)"  # "backed the war in 2002", "as recently as 2022"
STANCE_PHRASE = re.compile(
    rf"{_SUBJ}(?:"
    rf"(?P<early>{_EARLY_MARK})(?:(?P<esup>{_SUP})|(?P<eopp>{_OPP}))"
    rf"|used\s+to\s+(?:(?P<usup>support|back|praise|champion|endorse)|(?P<uopp>oppose|critici[sz]e|reject))"
    rf"|(?P<late>{_LATE_MARK})(?:(?P<lsup>{_SUP})|(?P<lopp>{_OPP}))"
    rf"|(?:no\s+longer\s+)(?:(?P<nsup>{_SUP})|(?P<nopp>{_OPP}))"
    rf"|(?:has\s+|had\s+)?(?P<turn>turned\s+against)"
    rf"|(?P<nturn>(?:(?<=[’']s\s)|(?<=\b[Hh]is\s)|(?<=\b[Hh]er\s)|(?<=\b[Tt]heir\s))turn\s+against)"
    rf"|(?<=[’']s\s)(?P<vyear>(?:19|20)\d\d)\s+vote\s+(?:(?P<vsup>for|in\s+favou?r\s+of)|(?P<vopp>against))"
    rf"|(?:has\s+|had\s+)?(?P<plain>{_SUP}|{_OPP})(?=\s[^.;,]{{0,50}}?\b{_IN_YEAR}\s+(?:19|20)\d\d\b)"
    rf")\b",
)
# a reversal told without its sides: "reversed himself on the pipeline", "flip-flopped on", "changed her position on",
# "did an about-face on", "walked back his support for" (which names the side held before)
_PRONOUN_SELF = r"(?:himself|herself|themselves|itself)"
_POSSESSIVE = r"(?:his|her|their|its)"
REVERSAL = re.compile(
    rf"\b(?:(?:has|had|have)\s+)?(?:"
    rf"revers(?:ed|es|ing)\s+(?:{_PRONOUN_SELF}|{_POSSESSIVE}\s+(?:position|stance|course))"
    rf"|flip-?flopp?(?:ed|s|ing)?"
    rf"|chang(?:ed|es|ing)\s+{_POSSESSIVE}\s+(?:position|stance|mind|tune)"
    rf"|(?:did|does|do|made|makes)\s+an?\s+about-?face"
    rf"|(?P<walk>walk(?:ed|s|ing)\s+back|abandon(?:ed|s|ing)|dropp(?:ed|ing)|drops)\s+{_POSSESSIVE}\s+(?:(?:long-?time|earlier|previous|former)\s+)?"
    rf"(?:(?P<sup>support)\s+for|(?P<opp>opposition)\s+to)"
    rf")\s+(?:(?:on|over|about|regarding)\s+)?(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL)

_NOT_SUBJECTS = frozenset("""But And Yet So Then When If As While The This That It There Here Now Since After Before Although Though
Still Also Even Once""".split())
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether|would\s+have|might|could|may)\b[^.;]*$", re.IGNORECASE)
_YEAR = re.compile(rf"\b{_IN_YEAR}\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class ShiftPhrase:
    start: int  # offsets in the clause given to :func:`stance_phrases`
    end: int
    era: str  # EARLIER | LATER
    side: str  # SUPPORTS | OPPOSES
    year: int | None = None
    vote: bool = False  # "Sanders's 2005 vote for the bill": a record, told alike by the narrator and by a speaker


def _side(m: re.Match[str]) -> str:
    sup = m.group("esup") or m.group("usup") or m.group("lsup")
    opp = m.group("eopp") or m.group("uopp") or m.group("lopp") or m.group("turn") or m.group("nturn")
    if m.group("nsup"):
        return OPPOSES  # "no longer supports"
    if m.group("nopp"):
        return SUPPORTS
    if m.group("vsup") or m.group("vopp"):
        return SUPPORTS if m.group("vsup") else OPPOSES
    if m.group("plain"):
        return OPPOSES if re.match(_OPP, m.group("plain")) else SUPPORTS
    if sup and not opp:
        return SUPPORTS
    return OPPOSES


def _era(m: re.Match[str], published_year: int | None) -> tuple[str, int | None] | None:
    if m.group("early") is not None or m.group("usup") or m.group("uopp"):
        return EARLIER, None
    if m.group("vyear"):
        year = int(m.group("vyear"))
        return (EARLIER, year) if published_year is not None and year < published_year else None
    if m.group("plain"):
        year = int(_YEAR.search(m.string, m.end()).group(1))  # type: ignore[union-attr]
        if published_year is None or year >= published_year:
            return None
        return EARLIER, year
    return LATER, None


def _phrase_end(text: str, start: int) -> int:
    """The end of the stance's target: the next clause break (comma, dash, semicolon, full stop)."""
    m = re.search(r"\s[-–—]\s|[,;!?()]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSen)(?<!\bGov)\.(?:\s|$)|(?<!\brecently)(?<!\blate)\s(?:and|but|as(?!\s+(?:recently|late)\s+as\b)|while|because)\s",
                  text[start:])
    return start + m.start() if m else len(text)


def stance_phrases(clause: str, published_year: int | None = None) -> list[ShiftPhrase]:
    """The era-marked stance phrases of a narrator clause, in order; none when the clause is conditional."""
    out: list[ShiftPhrase] = []
    for m in STANCE_PHRASE.finditer(clause):
        if m.group("subj") and m.group("subj").strip() in _NOT_SUBJECTS:
            continue
        if re.match(r"back\w*\s+(?:to|in|from|down|off|up|on|away|out|then|home)\b", clause[m.end() - len(m.group().split()[-1]):], re.IGNORECASE):
            continue  # "came back in 2012", "back then": no stance
        if _CONDITIONAL.search(clause[: m.start()][-60:]):
            continue
        era = _era(m, published_year)
        if era is None:
            continue
        out.append(ShiftPhrase(m.start(), max(m.end(), _phrase_end(clause, m.end())), era[0], _side(m), era[1], bool(m.group("vyear"))))
    return out
