"""Stances a speaker takes on a target, and a speaker's stance that flipped between two clearly different times.

A statement takes a stance when its own subject is the speaker ("she", "he", "they", "it", the speaker's
name; "I"/"we" in a direct quote) right before a stance verb: support, back, favour, endorse,
champion, vote for ("supports") or oppose, reject, be against, be opposed to, vote against ("opposes"). A negation between
them flips it ("will never support", "no longer backs", "does not oppose"). The target is the noun
phrase after the verb ("the Northern Ridge pipeline"): its head noun ("pipeline") and its proper-name
words ("northern", "ridge"). A pronoun target ("it", "this") is the nearest earlier "the/this/that
<noun>" of the same paragraph, or no stance at all.

Acts take a side too: sign, veto, block, "voted (on Tuesday) to repeal", "cast the deciding vote for", "announced her
support for"; an act on an amount ("will never raise the sales tax", "voted to raise it", "voted against a plan to cut
the fare") is a stance on raising or cutting that amount ("sales tax increase"), and its "it" may stand for the amount
of the paragraph before. One article names one issue again by other nouns: a bare definite issue noun ("the project",
"the measure", "the deal") is also named by the nearest issue the article told in full before it ("the waterfront arena
plan"), unless that phrase holds the noun itself, and an apposition ("Proposition 12, the farm animal housing measure")
names its target again; within one article two stances whose targets are tied so are on one issue.

A commitment takes the side of the act it commits to: "pledged to close the jail", "asked lawmakers to expand Medicaid",
"urged passage of the bill", "called for an end to the blockade" (an act that makes, keeps or grows its object backs it;
one that ends, stops or shrinks it opposes it), and so does putting a measure forward ("sponsored the bill", "proposed a
carbon tax"). A measure is named also by the act its clause says it is for ("a referendum that would have legalized the
drug" and "the bill legalizing marijuana": legalization) and, for an act that grows its object, by that object ("a bill
that would expand offshore drilling"); a measure anaphor ("any such proposal", "a measure she vetoed") stands for the
nearest measure named before it and for the name that measure is apposed to ("Issue 4, the ballot initiative ...").

Two stances of one speaker conflict (:func:`detect_stance`) when their targets match (same head noun,
and proper-name words that do not differ: "the pipeline" ~ "the Northern Ridge pipeline", but not
"the Keystone pipeline"), their sides differ, and they were said at clearly different times: the
dates, each widened to its precision (a year-only date is the whole year), are at least
:data:`MIN_GAP_DAYS` apart. The same stance repeated, or a flip within weeks, is no finding. A narrator's
undated "once supported" is before its article's day: it is set against the actor's own stance in the same
article, or in another article of that day or later (then the order is known, however long "once" was).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...model import DateBasis, DatePrecision, format_date
from ...text.stance_phrases import OPPOSES, SUPPORTS
from ..question_terms import singular
from .hits import Hit

if TYPE_CHECKING:
    from .claims import Claim

__all__ = ["ACT_NOUNS", "MEASURE_HEADS", "MIN_GAP_DAYS", "OPPOSES", "SUPPORTS", "Stance", "acronym_key", "detect_stance", "find_stance", "person_key", "said_interval"]

MIN_GAP_DAYS = 30  # a change of position over less than a month is too often one position told two ways

STANCE_SCORE = 0.88  # above a bare negation flip: the stance names the question (the target) and both dates

_WHEN = r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last\s+week|this\s+week|yesterday|today)\s+)?"  # "voted Tuesday to"
_OWN = r"(?:announc|declar|voic|express|reiterat|offer|pledg)(?:e|es|ed|ing)\s+(?:his|her|their|its)\s+(?:full\s+|strong\s+)?"
# what a commitment or a call commits to: an infinitive of a verb that makes, keeps or grows its object ("pledged to expand
# Medicaid", "asked lawmakers to pass the bill") or one that ends, stops or shrinks it ("vowed to close the jail", "urged
# the council to scrap the plan"), after a verb of promising, proposing, asking or trying and up to three words of its
# own object; or the act named as a noun ("urged passage of the bill", "called for the repeal of the law", "an end to")
_MAKE = r"(?:expand|build|pass|approve|adopt|enact|legali[sz]e|ratify|fund|protect|preserve|restore|extend|renew|create|establish|implement|reopen)"
_UNMAKE = (r"(?:close|shut\s+down|shutter|scrap|repeal|abolish|end|ban|outlaw|kill|stop|halt|eliminate|dismantle|defund|overturn|cancel|"
           r"rescind|undo|phase\s+out|block|reject|veto)")
_COMMIT_VERB = (r"(?:pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|propos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|"
                r"push(?:es|ed|ing)?|press(?:es|ed|ing)?|campaign(?:s|ed|ing)?|seek(?:s|ing)?|sought|mov(?:e|es|ed|ing)|"
                r"tr(?:y|ies|ied|ying)|ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|fight(?:s|ing)?|fought|threaten(?:s|ed|ing)?|"
                r"(?:introduc(?:e|es|ed|ing)|sponsor(?:s|ed|ing)?|co-?sponsor(?:s|ed|ing)?|fil(?:e|es|ed|ing))\s+(?:a|an|the)\s+"
                r"(?:bill|measure|resolution|amendment|motion)|(?:is|are|was|were)\s+(?:pushing|working|fighting|campaigning|moving)|"
                r"(?:plan(?:s|ned)?|want(?:s|ed)?|intend(?:s|ed)?|hop(?:e|es|ed)|aim(?:s|ed)?|seek(?:s)?))")
_COMMIT_TO = rf"(?:{_COMMIT_VERB}\s+(?:(?!to\b)[\w’'.-]+\s+){{0,3}}?to\s+|(?<=\bto\s))"
_NOMINAL_CALL = (r"(?:call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|push(?:es|ed|ing)?\s+for|press(?:es|ed|ing)?\s+for|"
                 r"propos(?:e|es|ed|ing)|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|campaign(?:s|ed|ing)?\s+for|"
                 r"(?:pledg|promis)(?:e|es|ed|ing))\s+(?:(?:the|an?|his|her|their|its)\s+)?(?:(?:swift|quick|immediate|full|speedy)\s+)?")
_MADE = r"(?:passage|approval|adoption|expansion|ratification|enactment|legali[sz]ation|renewal|extension|creation|construction)\s+of"
_UNMADE = (r"(?:repeal|abolition|closure|closing|elimination|cancellation|scrapping|defunding|rejection|dismantling)\s+of|"
           r"end\s+to|ban\s+on|moratorium\s+on")
# putting a measure forward backs it: "proposed a carbon tax", "sponsored the bill", "introduced legislation to ..." (not
# "proposed that ...", "proposed to ...": a clause or an infinitive, read as what it commits to)
_PROPOSE = (r"(?:propos(?:e|es|ed|ing)|(?:co-?)?sponsor(?:s|ed|ing)?|(?:co-?)?author(?:s|ed|ing)?|introduc(?:e|es|ed|ing))"
            r"(?=\s+(?:(?:an?|the|his|her|their|its|new|legislation)\b|[A-Z]))(?=\s+(?:[\w$’'-]+\s+){0,4}?(?:bill|measure|legislation|amendment|"
            r"resolution|proposal|plan|tax|ban|law|act|ordinance|initiative|referendum|reform|program|programme|budget|expansion|cut|"
            r"increase|deal|treaty|pact|agreement|policy|wall|project)s?\b)")
_SUPPORT = rf"{_COMMIT_TO}(?:{_MAKE}|vote\s+(?:for|in\s+favou?r\s+of))(?=\s)|{_NOMINAL_CALL}{_MADE}|campaign(?:s|ed|ing)?\s+for|fought\s+for|fight(?:s|ing)?\s+for|{_PROPOSE}|{_OWN}support\s+(?:for|behind)|(?:allow|let)(?=\s)|sign(?:s|ed|ing)?(?=\s)(?!\s+(?:off|on|up|in|out)\b)|vot(?:e|es|ed|ing)\s+{_WHEN}to\s+(?:approve|pass|adopt|ratify|confirm|fund|extend|renew)|thr(?:ew|ows?|owing|own)\s+(?:his|her|their|its)\s+(?:full\s+)?support\s+behind|vot(?:e|es|ed|ing)\s+(?:in\s+favou?r\s+of|for)|support(?:s|ed|ing)?|back(?:s|ed|ing)?(?!\s+away\b)|favou?r(?:s|ed|ing)?|endors(?:e|es|ed|ing)|champion(?:s|ed|ing)?|(?:is|am|are|was|were|be|been)\s+in\s+favou?r\s+of"
_OPPOSE = rf"{_COMMIT_TO}(?:{_UNMAKE}|vote\s+against)(?=\s)|{_NOMINAL_CALL}(?:{_UNMADE})|campaign(?:s|ed|ing)?\s+against|fought\s+against|fight(?:s|ing)?\s+against|(?:spoke|speaks?|speaking)\s+out\s+against|rail(?:s|ed|ing)?\s+against|{_OWN}opposition\s+to|back(?:s|ed|ing)?\s+away\s+from|walk(?:s|ed|ing)?\s+away\s+from|distanc(?:e|es|ed|ing)\s+(?:himself|herself|themselves)\s+from|disavow(?:s|ed|ing)?|repudiat(?:e|es|ed|ing)|vot(?:e|es|ed|ing)\s+against|veto(?:es|ed|ing)?|block(?:s|ed|ing)?(?=\s)|vot(?:e|es|ed|ing)\s+{_WHEN}to\s+(?:reject|repeal|block|kill|scrap|abolish|overturn|defund)|oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|(?:is|am|are|was|were|be|been|remains?|remained|stands?|stood)\s+(?:firmly\s+|strongly\s+)?(?:opposed\s+to|against)"
_AUX = (r"(?:\s*(?:[’'](?:re|m|ll|d|ve)\b)|\s+(?:now|still|also|strongly|firmly|fully|always|would|will|wo|do|does|did|had|has|have|"
        r"cannot|can|ca|never|not|currently|n[’']t|no\s+longer|continues?\s+to|continued\s+to|going\s+to|want\s+to|wants\s+to|plans?\s+to|intends?\s+to))*")
_LET_PASS = re.compile(r"((?:(?:the|this|that|a|an|his|her|their|its)\s+)?(?:[\w’'-]+\s+){1,5}?)(?:to\s+)?(?:pass|go\s+through|take\s+effect|become\s+law)\b",
                       re.IGNORECASE)
_UNDO = re.compile(r"(?:(?:the|a|an|new)\s+)?(?:legislation|bills?|measures?|efforts?|push|plans?|proposals?|calls?|amendments?|moves?)\s+to\s+"
                   r"(?:repeal|scrap|overturn|abolish|undo|kill|block|end|reverse|rescind)\s+", re.IGNORECASE)
# an act on an amount, a stance for raising or for cutting it ("will never raise the sales tax", "voted to raise it", "cast
# the deciding vote to cut the fare"): the target is the amount with the direction ("sales tax increase")
_VOTE_TO = rf"(?:vot(?:e|es|ed|ing)\s+{_WHEN}to\s+|cast\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?vote\s+to\s+)"
_ACT = (rf"{_VOTE_TO}?(?:(?P<up>raise|raises|raised|raising|increase|increases|increased|increasing|hike|hikes|hiked|hiking)|"
        r"(?P<down>cut|cuts|cutting|lower|lowers|lowered|lowering|reduce|reduces|reduced|reducing))")
_ACT_PLAN = re.compile(r"(?:(?:the|a|an|new)\s+)?(?:plans?|bills?|measures?|proposals?|efforts?|push|legislation|moves?|calls?)\s+to\s+"
                       r"(?:(?P<up>raise|increase|hike)|(?P<down>cut|lower|reduce))\s+", re.IGNORECASE)
# what is raised or cut: an amount (not "raise concerns", "cut ties")
AMOUNTS = frozenset("""tax tariff fee rate wage price toll levy rent fare premium salary pay pension benefit spending budget funding
ceiling limit duty tuition cost""".split())
_DIRECTION = {"up": "increase", "down": "cut"}
_NEGATION = re.compile(r"\b(?:never|not|cannot|no\s+longer)\b|n[’']t\b", re.IGNORECASE)
_DET = r"(?:(?:any\s+such|such\s+an?|such|(?:the|that|this)\s+same|the|this|that|these|those|a|an|his|her|their|its|our|my|any)\s+)?"
_STOP = frozenset("""that which who because and but as if to in on for with since while after before despite when
where although though or at by from of over under than unless until so now anymore any more again off into through about
against across near during within without among between around along beyond toward towards via upon""".split())
# what follows a participle that takes an object or complement ("limiting the", "focused on", "making it")
_VERB_FOLLOWS = re.compile(r"\s+(?:the|a|an|his|her|their|its|our|it|them|him|this|that|these|those|to|on|in|for|with|up|out)\b",
                           re.IGNORECASE)
_PRONOUN_TARGETS = frozenset({"it", "this", "that", "those", "these"})
_PERSON_PRONOUNS = frozenset({"her", "him", "them", "us", "me", "you", "his", "himself", "herself", "themselves", "one"})
_TIME_WORDS = frozenset("""early late earlier later last next today yesterday tomorrow now then year years month months week
weeks day days time times again two three four five six seven eight nine ten eleven twelve several""".split())
_SUBJECT_PRONOUNS = {"indirect": ("he", "she", "they", "we", "it"), "direct": ("i", "we")}
_EARLIER_NP = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+((?:[A-Z][\w’'-]*\s+){0,3}[a-z][\w-]{2,})\b")
_NOT_NOUNS = frozenset("""he she it they we you i is was are were be been has had have will would can could
said says told same other first last most more only very also just""".split())

# a change of an amount told as a noun or a gerund ("a property tax increase", "an increase in the sales tax", "cuts to the
# transit budget", "raising the fare"): a stance on it is a stance on the act of raising or cutting that amount
_CHANGE_NOUNS = {"increase": "up", "hike": "up", "rise": "up", "raise": "up", "cut": "down", "reduction": "down",
                 "decrease": "down"}
_GERUND_CHANGE = re.compile(r"(?:(?P<up>raising|increasing|hiking)|(?P<down>cutting|lowering|reducing))\s+", re.IGNORECASE)
_CHANGE_OF = re.compile(r"\s+(?:in|of|to|on)\s+(?:(?:the|a|an|its|their|his|her|our|any)\s+)?((?:[\w’'-]+\s+){0,3}[\w’'-]+)",
                        re.IGNORECASE)


def _amount_phrase(phrase: str) -> str | None:
    """The words of ``phrase`` up to its first amount word ("property tax levy" -> "property tax"), if it has one."""
    words = phrase.split()
    for i, w in enumerate(words):
        if _singular(w) in AMOUNTS:
            return " ".join(words[: i + 1])
    return None


def _amount_change(target: str, after: str) -> tuple[str, str] | None:
    """The amount and the direction ("up"/"down") of a change a target names, else None: "a property tax increase",
    "an increase in the property tax", "raising the fare"."""
    gerund = _GERUND_CHANGE.match(after)
    if gerund is not None:
        det = re.match(_DET, after[gerund.end():], re.IGNORECASE)
        inner = _target(after[gerund.end() + (det.end() if det else 0):])
        amount = _amount_phrase(inner) if inner else None
        return (amount, "up" if gerund.group("up") else "down") if amount else None
    tokens = target.split()
    direction = _CHANGE_NOUNS.get(_singular(tokens[-1]))
    if direction is None:
        return None
    amount = _amount_phrase(" ".join(tokens[:-1]))
    if amount is None:
        at = after.find(tokens[-1])
        of = _CHANGE_OF.match(after, at + len(tokens[-1])) if at >= 0 else None
        amount = _amount_phrase(of.group(1)) if of else None
    return (amount, direction) if amount else None



@dataclass(frozen=True)
class Stance:
    side: str  # SUPPORTS | OPPOSES
    head: str  # the target's head noun, singular, lower case
    names: frozenset[str]  # the target's proper-name words, lower case
    target: str  # the target as written (or as resolved, for a pronoun)
    start: int  # the stance verb phrase, offsets in the statement content
    end: int
    alternatives: tuple[str, ...] = ()  # for a pronoun target: the heads of the paragraph's earlier noun phrases, nearest first
    modifiers: frozenset[str] = frozenset()  # the target's other words, lower case ("pension" of "the pension reform")
    era: str = ""  # a narrator's stance marked "earlier" ("once supported") or "later" ("now opposes"); "" for reported speech
    reversal: bool = False  # told as reversed ("reversed himself on", :mod:`.reversals`): held before the report, side may be open
    also: frozenset[str] = frozenset()  # other heads the target is named by in the same clause ("..., saying he now opposes the project")


def _singular(word: str) -> str:
    return singular(word.lower().strip("’'"))


_AMOUNT = re.compile(r"^\s*[$€£]\s?\d[\d,.]*\s+")


def _target(text: str) -> str | None:
    """The noun phrase a stance verb takes: up to five words, ending before punctuation, a clause or preposition
    word, a time word or adverb ("a bill early in 2009"), or a participle after the noun ("a policy focused on")."""
    words: list[str] = []
    text = _AMOUNT.sub("", text, count=1)  # "a $15 minimum wage": the amount is no word of the target
    for m in re.finditer(r"[\w’'-]+|[^\w\s]", text):
        w = m.group()
        low = w.lower()
        if not re.match(r"\w", w) or low in _STOP or low in _TIME_WORDS or len(words) >= 5:
            break
        if words and low in ("this", "these", "those"):
            break  # "the pact this week": a time phrase after the noun
        if words and (low.endswith("ly") or (low.endswith("ed") and not w[:1].isupper())):
            break
        if words and low.endswith("ing") and not w[:1].isupper() and _VERB_FOLLOWS.match(text, m.end()):
            break  # "a policy limiting the ...": a participle with its object; "offshore drilling off the coast" is a noun
        if words and low.endswith("ing") and not w[:1].isupper() and _singular(words[-1]) in GENERIC_TARGETS:
            break  # "any bill legalizing sports betting": the bill, which the participle describes
        words.append(w)
    if words and words[0].lower() in _PERSON_PRONOUNS:
        return None  # "supports her": a person only a pronoun names
    return " ".join(words) if words else None


# the subject (any word here: :func:`_stance_match` keeps a match only when it is one of the statement's subjects, so the
# pattern is compiled once, not per speaker: compiling it per speaker cost more than the rest of the findings step on
# a corpus of many speakers), or nothing at the very start of the content ("[Cruz vowed] to oppose legal status ..."),
# or a commitment joined by "and" to the verb that reports the content ("[X argued that] the wage would kill jobs and
# promised to vote against any such proposal"): a promise, pledge or vow is its speaker's
_STANCE = re.compile(rf"(?:^\s*(?P<inf>to)\s+|(?<=\band\s)(?P<coord>)(?=(?:promised|pledged|vowed)\s+to\s)|"
                     rf"(?<![\w-])(?P<subj>[^\W\d_][\w’'-]*?)(?P<aux>{_AUX})\s+)"
                     rf"(?:(?P<sup>{_SUPPORT})|(?P<opp>{_OPPOSE})|(?P<act>{_ACT}))\s+(?P<rest>.*)",
                     re.IGNORECASE | re.DOTALL)


def _stance_match(content: str, subjects: tuple[str, ...]) -> re.Match[str] | None:
    """The first stance phrase of ``content`` whose subject is one of ``subjects`` (or that has none of its own)."""
    allowed = {s.lower() for s in subjects}
    pos = 0
    while (m := _STANCE.search(content, pos)) is not None:
        if m.group("subj") is None or m.group("subj").lower() in allowed:
            return m
        pos = m.start() + 1
    return None


MAX_ANTECEDENTS = 3  # a pronoun target stands for one of the paragraph's three nearest earlier noun phrases


def _antecedents(before: str, heads: frozenset[str] | None = None) -> list[str]:
    """The paragraph's earlier "the/this/that <noun>" phrases, nearest first, for a pronoun target. With ``heads`` (the
    amounts "raise it" may stand for), only those, and the previous paragraph's when this one names none: a paragraph
    that opens "On Tuesday he voted to raise it" points back to the tax of the one before it."""
    paragraphs = re.split(r"\n\s*\n|\n", before)
    for paragraph in paragraphs[::-1][: 1 if heads is None else 2]:
        found = [_compound(m.group(1), paragraph[m.end():]) for m in _EARLIER_NP.finditer(paragraph) if m.group(1).split()[-1].lower() not in _NOT_NOUNS]
        found = [t for t in found if heads is None or _singular(t.split()[-1]) in heads]  # "raise it": only an amount
        if found:
            return found[::-1][:MAX_ANTECEDENTS]
    return []


_VERBISH = frozenset("""must should might may shall did got won lost made took gave came went saw put ran cut set led met hit
let get put say see go come make take give keep""".split())
_NEXT_WORD = re.compile(r"\s+([a-z]{3,})\b")


def _compound(phrase: str, after: str) -> str:
    """A noun phrase with the noun that heads its compound ("the Harlow dam" + "bill"): a lower-case word right after
    it that is no verb, participle, adverb, time or function word (a word in -s is left out: "the pipeline runs")."""
    m = _NEXT_WORD.match(after)
    if m is None:
        return phrase
    w = m.group(1)
    plural_of = w.endswith("s") and re.match(r"\s+of\b", after[m.end():]) is not None  # "the possible benefits of": a noun
    if w in _NOT_NOUNS or w in _STOP or w in _TIME_WORDS or w in _PRONOUN_TARGETS or w in _VERBISH or w.endswith(("ed", "ly", "ing")) \
            or (w.endswith("s") and not plural_of):
        return phrase
    return f"{phrase} {w}"


def find_stance(content: str, kind: str, speaker_name: str, before: str = "") -> Stance | None:
    """The stance the speaker takes in a statement's content, or None. ``before`` is the document text before the
    content (for a pronoun target)."""
    names = tuple(w for w in re.findall(r"[A-Z][\w’'-]+", speaker_name or "") if len(w) > 2)
    if kind == "mixed":
        subjects = _SUBJECT_PRONOUNS["indirect"] + ("i",) + names
    else:
        subjects = _SUBJECT_PRONOUNS.get(kind, _SUBJECT_PRONOUNS["indirect"]) + (names if kind != "direct" else ())
    m = _stance_match(content, subjects)
    if m is None:
        return None
    if m.group("sup") and m.group("sup").lower().startswith("back") and re.match(r"(?:to|in|from|down|off|up|on|away|out)\b", m.group("rest"), re.I):
        return None  # "came back to", "back in 2019": no stance
    rest = m.group("rest")
    sup = (m.group("sup") or "").lower()
    if sup in ("allow", "let"):
        # "would not allow the accord to pass": a stance only when negated and the target is to pass or take effect
        let = _LET_PASS.match(rest)
        if let is None or not _NEGATION.search(m.group("aux") or ""):
            return None
        rest = let.group(1)
    undo = _UNDO.match(rest)
    if undo is not None:
        rest = rest[undo.end():]  # "supports legislation to repeal the bill": against the bill
    if m.group("act") and (m.group("subj") or "").lower() == "it":
        return None  # "it would raise prices": a thing's effect, no one's stance
    direction = ("up" if m.group("up") else "down") if m.group("act") else None
    plan = _ACT_PLAN.match(rest) if direction is None else None
    if plan is not None:  # "voted against a plan to raise it": against raising it
        rest, direction = rest[plan.end():], "up" if plan.group("up") else "down"
    det = re.match(_DET, rest, re.IGNORECASE)
    after = rest[det.end() if det else 0:]
    target = _target(after)
    if target is None:
        return None
    if direction is None and target.lower() not in _PRONOUN_TARGETS:
        change = _amount_change(target, after)
        if change is not None:  # "proposed a 4 percent increase in the property tax": for raising the property tax
            target, direction = change
    alternatives: tuple[str, ...] = ()
    if target.lower() in _PRONOUN_TARGETS:
        found = _antecedents(before + content[: m.start("rest")], AMOUNTS if direction is not None else None)
        if not found:
            return None
        target = found[0]
        alternatives = tuple(_singular(t.split()[-1]) for t in found)
    tokens = target.split()
    head = _singular(tokens[-1])
    numbered = tokens[-1].isdigit() and len(tokens) > 1 and tokens[-2][:1].isupper()  # "Proposition 12", "Measure 110"
    if not re.fullmatch(r"[a-z][a-z-]{2,}", head) and not tokens[-1][:1].isupper() and not numbered:
        return None
    also = _other_names(target, alternatives, det, after, before + content[: m.start("rest")])
    made = re.search(r"(?:^|\bto\s+)(\w+)$", m.group("sup") or "")
    if made is not None and re.fullmatch(_MAKE, made.group(1).lower()) and _act_noun(made.group(1)) is not None:
        also = also | {_act_noun(made.group(1)) or ""}  # "pledged to expand Medicaid": a stance on its expansion too
    if direction is not None:
        amount = _amount_phrase(target)
        if amount is not None:  # "the property tax levy": the first amount word names it ("property tax")
            target, head = amount, _singular(amount.split()[-1])
        if head not in AMOUNTS:
            return None  # "raise concerns", "cut ties": no amount, no stance
        head, target = f"{head} {_DIRECTION[direction]}", f"{target} {_DIRECTION[direction]}"
        alternatives = tuple(f"{h} {_DIRECTION[direction]}" for h in alternatives)
        also = frozenset()
    side = SUPPORTS if m.group("sup") or m.group("act") else OPPOSES
    if undo is not None:
        side = OPPOSES if side == SUPPORTS else SUPPORTS
    if _NEGATION.search(m.group("aux") or ""):
        side = OPPOSES if side == SUPPORTS else SUPPORTS
    proper = frozenset(w.lower() for w in tokens if w[:1].isupper())
    if tokens[-1][:1].isupper() or numbered:  # "backs Smith": a named target is its name
        head, proper = " ".join(t.lower() for t in tokens), frozenset()
    modifiers = frozenset(w.lower() for w in tokens[:-1]) - {"new", "proposed", "final", "latest", "current", "same", "other"}
    verb = next(g for g in ("sup", "opp", "act") if m.group(g))
    start = m.start("subj") if m.group("subj") else m.start("inf") if m.group("inf") else m.start(verb)
    return Stance(side, head, proper, target, start, m.end(verb), alternatives,
                  modifiers, also=also)


# the nouns a text names one issue by again, after naming it in full ("the waterfront arena plan" ... "the project")
ANAPHORIC_HEADS = frozenset("""project proposal plan deal measure bill legislation law agreement pact accord treaty program programme scheme
idea initiative policy package reform""".split())
_DEFINITE = re.compile(r"(?:the|this|that|any\s+such|such\s+an?|such|(?:the|that|this)\s+same)\s+$", re.IGNORECASE)  # "any such proposal"
_APPOSITION = re.compile(r"\s*,\s+(?:the|a|an)\s+")
_THE = re.compile(r"\b[Tt]he\s+")
_NOT_SUBJECT_WORDS = frozenset({"The", "A", "An", "In", "On", "But", "And", "When", "If", "As", "After", "Before", "Since"})
_MEASURE_NP = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+")


_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?P<name>(?:[A-Z][\w’'-]*\s+){0,3}(?:[A-Z][\w’'-]*|\d+))\s*,\s*$")


def _issue_antecedent(before: str, own: str) -> tuple[str, ...]:
    """The head of the nearest noun phrase before a definite anaphor that names an issue in full: "the" and two or more
    words, or a name ("the waterfront arena plan", "the Eastport casino"), in this paragraph or the one before. None
    when a phrase on the way already holds the anaphor's own noun ("the Pacific Rim trade agreement" ... "this
    agreement"): the anaphor names that phrase again by its own head."""
    if own in MEASURE_HEADS:  # "any such proposal": the nearest measure told before, not a noun describing it
        for paragraph in re.split(r"\n\s*\n|\n", before)[::-1][:2]:
            for m in reversed(list(_MEASURE_NP.finditer(paragraph))):
                np = _target(paragraph[m.end():])
                if np is not None and _singular(np.split()[-1]) in MEASURE_HEADS:
                    if _singular(np.split()[-1]) == own:
                        return ()
                    # "Issue 4, the ballot initiative that ...": the measure is named by its name too
                    named = _NAME_BEFORE.search(paragraph[: m.start()])
                    name = " ".join(named.group("name").lower().split()) if named and named.group("name").split()[0] not in _NOT_SUBJECT_WORDS else None
                    return (_singular(np.split()[-1]),) + ((name,) if name else ())
    for paragraph in re.split(r"\n\s*\n|\n", before)[::-1][:2]:
        for m in reversed(list(_THE.finditer(paragraph))):
            np = _target(paragraph[m.end():])
            if np is None:
                continue
            words = np.split()
            if own in {_singular(re.sub(r"[’']s$", "", w)) for w in words}:
                return ()
            head = _singular(words[-1])
            if (len(words) >= 2 or words[0][:1].isupper()) and re.fullmatch(r"[a-z][a-z-]{2,}", head) and head not in _NOT_NOUNS \
                    and head not in _TIME_WORDS:
                return (head,)
    return ()


# the act a measure is for, named as a noun: "a referendum that would have legalized the drug" and "the bill legalizing
# marijuana" are both on legalization; "pledged to expand Medicaid" is on its expansion. Within one article two
# targets for one act are one issue (a stance for the measure is a stance for its act, so the sides carry over).
ACT_NOUNS = {"expand": "expansion", "build": "construction", "legalize": "legalization", "legalise": "legalization",
             "fund": "funding", "protect": "protection", "restore": "restoration", "extend": "extension", "renew": "renewal",
             "create": "creation", "establish": "establishment", "reopen": "reopening", "privatize": "privatization",
             "close": "closure", "repeal": "repeal", "abolish": "abolition", "ban": "ban", "eliminate": "elimination",
             "defund": "defunding", "restrict": "restriction", "dismantle": "dismantling", "scrap": "scrapping", "end": "end"}
# nouns that name a measure put to a vote or a decision, which a clause after them tells the purpose of
_ACT_NOUN_SET = frozenset(ACT_NOUNS.values())
# the acts that make, keep or grow their object: a measure for one is a measure for its object, on the same side
_MADE_NOUNS = frozenset({ACT_NOUNS[v] for v in ("expand", "build", "legalize", "fund", "protect", "restore", "extend", "renew", "create",
                                                  "establish", "reopen")})
_MEASURE_NOUNS = frozenset("referendum initiative ballot proposition question".split())
# the nouns of a measure put to a vote: an anaphor among them ("a measure she vetoed", "any such proposal") stands for the
# nearest measure named before it, not for the last noun of the phrase that describes that measure
MEASURE_HEADS = frozenset("""bill measure legislation law amendment proposal initiative referendum proposition resolution ordinance
act motion package""".split())
_PURPOSE = re.compile(r",?\s+(?:(?:that|which)\s+(?:would\s+(?:have\s+)?|will\s+|could\s+|aims?\s+to\s+|seeks?\s+to\s+)?|to\s+)?"
                      r"(?P<verb>[a-z]+)\b")


def _act_noun(verb: str) -> str | None:
    """The noun of a policy act a verb form names ("legalized", "legalizing", "expand" -> "legalization", "expansion")."""
    v = verb.lower()
    for form in (v, v[:-1], v[:-2], v[:-3], v[:-3] + "e", v[:-2] + "e", v[:-4] if v.endswith("ning") or v.endswith("ping") else ""):
        if form in ACT_NOUNS:
            return ACT_NOUNS[form]
    return None


# what a measure is for, named as a thing: "a financing package for the new stadium", "a bond measure for the schools"
_MEANT_FOR = re.compile(r"\s+for\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:new|proposed|planned)\s+)?(?P<rest>[a-z][\w’'-]*(?:\s+[\w’'-]+){0,3})",
                        re.IGNORECASE)


def _purpose_names(target: str, after: str) -> set[str]:
    """What a measure named by a generic noun is for, from the clause right after it: the act ("the bill legalizing
    marijuana", "a referendum that would have legalized the drug": legalization) and, for an act that makes, keeps or
    grows its object, that object too ("a bill that would expand offshore drilling": backing the bill backs drilling)."""
    head = _singular(target.split()[-1])
    if head not in GENERIC_TARGETS and head not in _MEASURE_NOUNS or not after.startswith(target):
        return set()
    meant = _MEANT_FOR.match(after, len(target))
    if meant is not None:  # "the financing package for the new stadium": backing the package backs the stadium
        obj = _target(meant.group("rest"))
        head_for = _singular(obj.split()[-1]) if obj else ""
        return {head_for} if re.fullmatch(r"[a-z][a-z-]{2,}", head_for) else set()
    m = _PURPOSE.match(after, len(target))
    if m is None:
        return set()
    verb = m.group("verb")
    told = after[len(target) : m.start("verb")]
    act = _act_noun(verb)
    if act is None or (not re.search(r"\b(?:that|which|to)\b", told) and not verb.endswith("ing")):
        return set()  # "the bill passed": no clause of purpose
    out = {act}
    if _act_noun(verb) in _MADE_NOUNS:
        det = re.match(_DET, after[m.end():].lstrip(), re.IGNORECASE)
        rest = after[m.end():].lstrip()
        obj = _target(rest[det.end() if det else 0:])
        if obj is not None and re.fullmatch(r"[a-z][a-z-]{2,}", _singular(obj.split()[-1])):
            out.add(_singular(obj.split()[-1]))
    return out


def _other_names(target: str, alternatives: tuple[str, ...], det: re.Match[str] | None, after: str, before: str) -> frozenset[str]:
    """Other heads one document names the target by: the noun phrase set beside it ("Proposition 12, the farm animal
    housing measure"), or, for a bare definite noun that names an issue again ("the project", "the measure"), the
    nearest issue named in full before it."""
    out: set[str] = set()
    if alternatives:
        return frozenset()
    appos = _APPOSITION.match(after, len(target)) if after.startswith(target) else None
    if appos is not None:
        np = _target(after[appos.end():])
        if np is not None and re.fullmatch(r"[a-z][a-z-]{2,}", _singular(np.split()[-1])):
            out.add(_singular(np.split()[-1]))
    purpose = _purpose_names(target, after)
    out |= purpose
    words = target.split()
    if not purpose and len(words) == 1 and det is not None and _DEFINITE.match(det.group()) and _singular(words[0]) in ANAPHORIC_HEADS:
        out.update(_issue_antecedent(before, _singular(words[0])))
    out.discard(_singular(words[-1]))
    return frozenset(out)


def said_interval(c: Claim) -> tuple[dt.date, dt.date] | None:
    """When a claim was said, widened to the precision its date is known to."""
    st = c.statement
    if st.said_on is None:
        return (c.date, c.date) if c.date else None
    d = st.said_on
    if st.said_on_precision is DatePrecision.YEAR:
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if st.said_on_precision is DatePrecision.MONTH:
        return dt.date(d.year, d.month, 1), dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return d, d


def _when(c: Claim) -> str:
    st = c.statement
    era = getattr(getattr(c, "stance", None), "era", "")
    if era == "earlier" and st.said_on is None:
        return f"before {c.date.isoformat()}" if c.date else "undated"  # "once supported", told in an article of that day
    text = format_date(st.said_on, st.said_on_precision) if st.said_on is not None else None
    return text or (c.date.isoformat() if c.date else "undated")


def _shown(s: Stance, head: str) -> str:
    if s.alternatives:
        return f"it (the {head})"
    words = s.target.split()
    determined = words[0].lower() in _DETERMINERS or any(w.endswith(("'s", "\u2019s", "s'")) for w in words[:-1])
    named = words[-1][:1].isupper() or (words[-1].isdigit() and words[0][:1].isupper())  # "Proposition 12"
    return s.target if determined or named else f"the {s.target}"  # no "the Mr Ryan's bill"


_DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())


def _heads(s: Stance) -> tuple[str, ...]:
    return s.alternatives or (s.head,)


# Heads that name one thing in one article: "the Trans-Pacific Partnership trade agreement" ... "the accord".
SAME_THING = (frozenset({"agreement", "accord", "deal", "pact", "treaty", "partnership"}),
              frozenset({"bill", "legislation", "measure"}))


def _same_thing(a: Stance, b: Stance) -> str | None:
    """A head shared through :data:`SAME_THING` (one document only), the named one's head first."""
    kind_a, kind_b = a.head.split()[-1], b.head.split()[-1]  # a named target's kind: "the Tamsin Partnership" is a partnership
    for group in SAME_THING:
        if kind_a in group and kind_b in group and not (a.alternatives or b.alternatives):
            if a.names and b.names and not (a.names <= b.names or b.names <= a.names):
                return None
            return a.head if a.names or not b.names else b.head
    return None


def acronym_key(s: Stance) -> str | None:
    """The initials a target is named by: the acronym itself ("TPP"), or those of a name of two or more capitalised words
    ("Trans-Pacific Partnership" -> "TPP"), three to six letters; None for a pronoun target or one with no such name."""
    if s.alternatives or not s.target:
        return None
    word = s.target.split()[-1]
    if re.fullmatch(r"[A-Z]{3,6}", word):
        return "acronym:" + word
    names = [w for w in re.split(r"[\s-]+", s.target) if w[:1].isupper() and w.lower() not in _DETERMINERS]
    return "acronym:" + "".join(w[0] for w in names) if 3 <= len(names) <= 6 else None


def _acronym(a: Stance, b: Stance) -> str | None:
    """The head two stances share when one target is the other's initials ("the TPP" ~ "the Trans-Pacific Partnership
    trade agreement", "NAFTA" ~ "the North American Free Trade Agreement"): the spelled-out one's head."""
    key = acronym_key(a)
    if key is None or key != acronym_key(b):
        return None
    short = [s for s in (a, b) if re.fullmatch(r"[A-Z]{3,6}", s.target.split()[-1])]
    if len(short) != 1:
        return None  # two names with the same initials, or one acronym twice (matched by its head already)
    return (b if short[0] is a else a).head


_RUN = re.compile(r"[’']s\s+(?:(?:presidential|re-?election|reelection|senate|mayoral|gubernatorial|congressional|White\s+House)\s+)?"
                  r"(?:campaign|candidacy|bid|run|nomination|re-?election|reelection)$", re.IGNORECASE)


def _person_name(s: Stance) -> list[str] | None:
    """The words of a target that is a person's name ("Mayor Tom Brook", "Trump"), or a person's run for office ("Donald
    Trump's presidential campaign", "Lowe's re-election bid": backing the run is backing the person), or None."""
    words = _RUN.sub("", s.target).replace("’s", "").replace("'s", "").split()
    if s.alternatives or not words or not all(w[:1].isupper() for w in words) or len(words) > 4:
        return None
    return words if re.fullmatch(r"[A-Z][a-z’'-]+", words[-1]) else None


def person_key(s: Stance) -> str | None:
    """The family name a target that names a person (or the person's run for office) is known by, for blocking."""
    words = _person_name(s)
    return "person:" + words[-1].lower() if words else None


def _same_person(a: Stance, b: Stance) -> str | None:
    """One person named in one article, the same way or two ways ("Brook" ... "Mayor Tom Brook", "Trump" ... "Donald
    Trump's campaign"): the same family name, and no given name that differs; the family name, lower case."""
    wa, wb = _person_name(a), _person_name(b)
    if wa is None or wb is None or wa[-1] != wb[-1]:
        return None
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not set(short) <= set(long_):
        return None  # "Hillary Clinton" and "Bill Clinton"
    return wa[-1].lower()  # one question for the person however each pair names them


def _shared_head(a: Stance, b: Stance, same_document: bool = False) -> str | None:
    """The target two stances share: one head noun (a pronoun target may stand for any of its antecedents) and
    proper-name words that do not differ ("the pipeline" ~ "the Northern Ridge pipeline", not "the Keystone pipeline").
    In one document a target also shares the heads it is named by again there ("the stadium plan" ... "the project")."""
    if a.alternatives and b.alternatives:
        return None  # two pronouns: nothing ties them to one target
    head = next((h for h in _heads(a) if h in _heads(b)), None)
    if head is None and same_document and not a.reversal and not b.reversal:
        shared = [h for h in (*_heads(a), *sorted(a.also)) if h in (*_heads(b), *sorted(b.also))]
        # two other names alike are no tie (but two measures for one act are): one must name the other's own target
        head = next((h for h in shared if h in _heads(a) or h in _heads(b) or h in _ACT_NOUN_SET), None)
        if head is None and shared:
            return None
    person = _same_person(a, b) if same_document else None
    if person is not None:
        return person
    if head is None:
        return None
    names_a = a.names if not a.alternatives else frozenset()
    names_b = b.names if not b.alternatives else frozenset()
    return head if (not names_a or not names_b or names_a <= names_b or names_b <= names_a) else None


# Heads that name many different things ("the bill" of 2015 and "the bill" of 2016 are two bills): across documents
# they match only when a name or a modifier ties them ("the pension reform", "the Kessel dam project").
GENERIC_TARGETS = frozenset("""bill plan proposal deal measure legislation law amendment policy idea effort agreement resolution
decision move change project program programme reform candidate nominee nomination treaty budget tax ban rule order
initiative package motion approach strategy""".split())


def _tied(a: Stance, b: Stance, head: str, same_document: bool) -> bool:
    if same_document or head not in GENERIC_TARGETS or a.alternatives or b.alternatives:
        return True
    return bool(a.names & b.names) or bool(a.modifiers & b.modifiers)


def _recent(c: Claim) -> bool:
    """A reported stance of the article's own time (not itself an earlier one): dated by publication, to the day, or
    to a month that reaches into the week before the article ("last week", known only to its month)."""
    stance: Any = getattr(c, "stance", None)
    st = c.statement
    if stance is None or stance.era == "earlier":
        return False
    if st.said_on is None or st.said_on_basis is DateBasis.PUBLISHED or st.said_on_precision is DatePrecision.DAY:
        return True
    interval = said_interval(c)
    return interval is not None and c.date is not None and interval[1] >= c.date - dt.timedelta(days=7)


_OPPOSITE = {SUPPORTS: OPPOSES, OPPOSES: SUPPORTS}


def _reversal_hit(a: Claim, b: Claim, sa: Stance, sb: Stance) -> Hit | None:
    """A reported reversal ("reversed himself on the pipeline") against the actor's stance now, in one article: the
    position held before is the opposite of the one held now (or the one "walked back his support for" names)."""
    if sa.reversal == sb.reversal or a.statement.document_id != b.statement.document_id:
        return None
    (r, sr), (n, sn) = ((a, sa), (b, sb)) if sa.reversal else ((b, sb), (a, sa))
    if sn.side not in _OPPOSITE:
        return None
    heads = {sr.head} | set(sr.also)
    head = next((h for h in _heads(sn) if h in heads), None) or _same_thing(sr, sn)
    if head is None:
        return None
    shown_r = _shown(sr, sr.head if head in sr.also else head)
    days = [d for d in (r.statement.said_on or r.date, n.statement.said_on or n.date) if d is not None]
    told_on, held = r.statement.said_on or r.date, said_interval(n)
    # a stance the text dates well before the reported reversal ("In 2019 she called it a gamble") is the position
    # held before it, not the one held now
    before_reversal = sn.era != "earlier" and n.statement.said_on_basis is DateBasis.TEXT and told_on is not None \
        and held is not None and (told_on - held[1]).days >= MIN_GAP_DAYS
    if sn.era == "earlier" or before_reversal:
        # "X, who once backed the pipeline, ... flip-flopped on it": the position now is the opposite of the one told
        if sr.side in _OPPOSITE and sr.side != sn.side:
            return None  # "walked back his opposition to it", "once supported it": two accounts of the earlier side
        by = f"by {told_on.isoformat()}" if before_reversal and told_on is not None else f"by {max(days).isoformat()}" if days else "later"
        label_e = f"earlier ({_when(n)}): {sn.side} {_shown(sn, head)}"
        label_l = f"later ({by}): {_OPPOSITE[sn.side]} {shown_r}"
        reason = f"a stance on the {head} that changed, told as a reversal: {sn.side} {_when(n)}, {_OPPOSITE[sn.side]} {by}"
        first_is_r = False
    else:
        side = _OPPOSITE[sn.side] if sr.side not in _OPPOSITE else sr.side
        if side == sn.side:
            return None  # "walked back his support for it" and supports it now: no change told
        before = f"before {min(days).isoformat()}" if days else "earlier"
        label_e = f"earlier ({before}): {side} {shown_r}"
        label_l = f"later ({_when(n)}): {sn.side} {_shown(sn, head)}"
        reason = f"a stance on the {head} that changed, told as a reversal: {side} {before}, {sn.side} {_when(n)}"
        first_is_r = True
    labels_r, labels_n = (label_e, label_l) if first_is_r else (label_l, label_e)
    span_r, span_n = (sr.start, sr.end), (sn.start, sn.end)
    if r is a:
        return Hit(STANCE_SCORE, reason, "stance", span_r, span_n, subject=head, labels=(labels_r, labels_n), question="stance")
    return Hit(STANCE_SCORE, reason, "stance", span_n, span_r, subject=head, labels=(labels_n, labels_r), question="stance")


def detect_stance(a: Claim, b: Claim) -> Hit | None:
    """One speaker's opposite stances on one target at clearly different times (``a`` said no later than ``b``)."""
    sa: Any = getattr(a, "stance", None)
    sb: Any = getattr(b, "stance", None)
    if sa is None or sb is None or a.speaker != b.speaker or a.narrative or a.unattributed or a.vague:
        return None
    if sa.reversal or sb.reversal:
        return _reversal_hit(a, b, sa, sb)
    same_doc = a.statement.document_id == b.statement.document_id
    head = None if sa.side == sb.side else (_shared_head(sa, sb, same_doc) or (_same_thing(sa, sb) or _acronym(sa, sb) if same_doc else None))
    if head is None or not _tied(sa, sb, head, same_doc):
        return None
    same_document = a.statement.document_id == b.statement.document_id
    undated_earlier = any(s.era == "earlier" and c.statement.said_on is None for s, c in ((sa, a), (sb, b)))
    ia, ib = said_interval(a), said_interval(b)
    if ia is None or ib is None:
        return None
    if undated_earlier and not same_document:
        # "once supported" in one article, before that article's day; the actor's own stance in another article
        # on that day or after it comes later, however long "once" was
        e, l, il = (a, b, ib) if sa.era == "earlier" and a.statement.said_on is None else (b, a, ia)
        if getattr(l.stance, "era", "") == "earlier" or not _recent(l) or e.date is None or il[0] < e.date:
            return None  # two undated pasts, or a stance not known to come after the article's "once"
        gap, first = MIN_GAP_DAYS, e
    elif same_document and {sa.era, sb.era} == {"earlier", "later"}:
        gap, first = MIN_GAP_DAYS, (a if sa.era == "earlier" else b)  # the text itself orders the two positions
    elif same_document and undated_earlier and _recent(b if sa.era == "earlier" else a):
        gap, first = MIN_GAP_DAYS, (a if sa.era == "earlier" else b)  # "once supported" ... what the actor says now
    elif undated_earlier:
        return None
    elif ia[1] < ib[0]:
        gap, first = (ib[0] - ia[1]).days, a
    elif ib[1] < ia[0]:
        gap, first = (ia[0] - ib[1]).days, b
    else:
        return None
    if gap < MIN_GAP_DAYS:
        return None
    swap = first is b
    (e, se), (l, sl) = ((b, sb), (a, sa)) if swap else ((a, sa), (b, sb))
    when_e = _when(e)
    if se.era == "earlier" and e.statement.said_on is None and l.statement.said_on is not None and e.date is not None \
            and l.statement.said_on < e.date:
        when_e = f"before {l.statement.said_on.isoformat()}"  # "once backed it" ... what the actor said on Monday: before Monday
    label_e = f"earlier ({when_e}): {se.side} {_shown(se, head)}"
    label_l = f"later ({_when(l)}): {sl.side} {_shown(sl, head)}"
    labels = (label_l, label_e) if swap else (label_e, label_l)
    reason = f"a stance on the {head} that changed: {se.side} {when_e}, {sl.side} {_when(l)}"
    return Hit(STANCE_SCORE, reason, "stance", (sa.start, sa.end), (sb.start, sb.end), subject=head, labels=labels, question="stance")
