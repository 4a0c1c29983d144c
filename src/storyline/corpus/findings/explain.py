"""One- or two-sentence explanations a person can check against the sources."""

from __future__ import annotations

import re

from ...model import DateBasis, DatePrecision
from .claims import Claim
from .hits import Hit
from .numeric import FactView
from ...text.words import closing_mark, quote
from ...text.stance_phrases import BEFORE_TURN, FRONTED_STANCE

__all__ = ["explain_facts", "explain_pair"]


def _when(c: Claim) -> str:
    """When the claim was made, to the precision known: "on 2025-03-05", "in March 2025", "in 2025"."""
    st = c.statement
    if st.said_on is not None and st.said_on_precision is DatePrecision.MONTH:
        return f"in {st.said_on.strftime('%B')} {st.said_on.year}"
    if st.said_on is not None and st.said_on_precision is DatePrecision.YEAR:
        return f"in {st.said_on.year}"
    if st.said_on is None and getattr(c.stance, "era", "") == "earlier" and c.date:
        return f"before {c.date.isoformat()}"  # "described himself as pro-life in the past", told in an article of that day
    return f"on {c.date.isoformat()}" if c.date else "in an undated statement"


# a statement cued by a stance verb ("Marsh, who once backed the pipeline") tells what the actor did, not said
_STANCE_VERBS = {"support": "supported", "back": "backed", "praise": "praised", "champion": "championed", "endorse": "endorsed",
                 "oppose": "opposed", "criticize": "criticized", "criticise": "criticised", "reject": "rejected",
                 "vote": "voted", "turn": "turned against"}


def _verb(c: Claim) -> str:
    if c.cue_denial:
        return "denied"
    return _STANCE_VERBS.get((c.statement.cue or "").lower(), "said")


def _that(c: Claim) -> str:
    return "" if (c.statement.cue or "").lower() in _STANCE_VERBS else " that"


def _q(c: Claim, span: tuple[int, int]) -> str:
    return quote(c.statement.content, span[0], span[1]).replace("'", "’")


_LEAD_SUBJECT = re.compile(r"^\s*(?:who|(?:which|that)\s+(?:he|she|they)|he|she|they)\s+", re.IGNORECASE)
_RELATIVE_LEAD = re.compile(r"^\s*(?:(?:which|that)\s+)?(?:he|she|they)\s+", re.IGNORECASE)
# what may follow a relative clause's verb that has no object of its own: the clause's time or its end
_NO_OBJECT = re.compile(r"\s*(?:$|[,.;]|(?:when|while|as|in|during|before|after|last|until|years?|at|for\s+years)\b)", re.IGNORECASE)
_RELATIVE_VERB = re.compile(r"^(?:had\s+)?(?:also\s+|personally\s+)?(?:helped\s+(?:to\s+)?\w+|\w+(?:\s+(?:out\s+)?(?:against|for))?)(?=[\s,.;]|$)")
_TURN = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,3}?(?:[A-Z][\w’'-]*[’'](?:s\b)?\s+|(?:his|her|their)\s+)turn\s+against\s+(?P<what>.+)$",
                   re.DOTALL | re.IGNORECASE)
_PREDICATE = re.compile(r"\s(?:was|is|were|are|has|had|have|will|would|could|should|remains?|remained|became|helped|showed|stunned|"
                        r"surprised|angered|drew|cost|came)\s")
_YEAR_VOTE = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,3}?(?:[A-Z][\w’'-]*[’'](?:s\b)?\s+|(?:his|her|their)\s+)(?P<year>(?:19|20)\d\d)\s+"
                        r"vote\s+(?P<how>for|against|in\s+favou?r\s+of)\s+(?P<what>.+)$", re.DOTALL)


def _the(target: str) -> str:
    """A target as a noun phrase: "the Tamsin trade pact", but "Roe v. Wade" (a name) and "his bill" as they are."""
    words = target.split()
    return target if words[-1][:1].isupper() or words[0].lower() in _DETERMINERS else f"the {target}"


_DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())


_TRAILING_TIME = re.compile(r"\s+(?:in\s+(?:19|20)\d\d|(?:\w+\s+)?years\s+ago|last\s+year)$")


_DISOWN = re.compile(r"(?:(?:a|the|those|these|both)\s+)?(?:positions?|stances?|views?)\s+(?:(?:that|which)\s+)?(?:he|she|they)\s+(?P<rest>.+)$", re.DOTALL)


def _narrated(c: Claim) -> str:
    """A stance the narrator tells of an actor, as the narrator's report: "according to Ledger (2024-03-05), Marta
    Delvane once supported the Harrow Ridge pipeline" (not "Delvane said that 'who once supported ...'")."""
    phrase = c.told or " ".join(c.statement.content.split())
    relative = _RELATIVE_LEAD.match(phrase)
    target_text = getattr(c.stance, "target", "")
    if relative is not None and target_text and target_text.lower() not in phrase.lower():
        # "which she helped negotiate", "[a measure] she had opposed when ...": "helped negotiate the deal", "had opposed
        # the bill when ..." (the verb of a relative clause takes its antecedent back as its object)
        rest = phrase[relative.end():]
        verb = _RELATIVE_VERB.match(rest)
        if verb is not None and _NO_OBJECT.match(rest, verb.end()):
            phrase = f"{rest[: verb.end()]} {_the(target_text)}{rest[verb.end():]}"
    phrase = _LEAD_SUBJECT.sub("", phrase, count=1)
    fronted = FRONTED_STANCE.match(phrase)
    if fronted is not None:  # "Four years ago, Pemberton campaigned against the tax": the time goes after the act
        front = phrase[: fronted.start("subj")].rstrip(" ,")
        phrase = f"{phrase[fronted.start('subj'):].rstrip(' ,;:-–—')} {front[0].lower()}{front[1:]}"
    vote = _YEAR_VOTE.match(phrase)
    if vote is not None:  # "Okafor's 2015 vote for a bill": a clause, "voted for a bill ... in 2015"
        what = _PREDICATE.split(vote.group("what"), maxsplit=1)[0]  # "a bill that shielded builders [was a mistake]"
        phrase = f"voted {vote.group('how')} {what.rstrip(' ,;:-–—')} in {vote.group('year')}"
    turn = _TURN.match(phrase)
    if turn is not None:  # "Calloway's turn against the pact ...": "Ruth Calloway turned against the pact"
        phrase = f"turned against {_PREDICATE.split(turn.group('what'), maxsplit=1)[0].rstrip(' ,;:-–—')}"
    turned = BEFORE_TURN.match(phrase)
    if turned is not None:  # "[championed the plan] before turning against it": "turned against the plan"
        words = phrase[turned.start("tsup") if turned.group("tsup") else turned.start("topp"):].split()
        words[0] = "came" if words[0].lower() == "coming" else words[0][:-3] + "ed"
        target_text = getattr(c.stance, "target", "")
        told = " ".join(words)
        phrase = re.sub(r"\b(?:it|them|this|that)\b", _the(target_text), told, count=1) if target_text else told
    disown = _DISOWN.match(phrase)
    if disown is not None:  # "stances that he has since disavowed": "has since disavowed that position on the system"
        phrase = f"{disown.group('rest').rstrip(' ,;:-–—')} that position"
    for word in c.speaker_name.split():
        if phrase.startswith(word + " "):
            phrase = phrase[len(word) + 1 :]  # "Delvane once supported": the name is said once, up front
    phrase = phrase.rstrip(" ,;:-–—")
    phrase += closing_mark(phrase)
    target = re.sub(r"\b(Mr|Mrs|Ms|Dr|Sen|Gov|Rep) (?=[A-Z])", r"\1. ", getattr(c.stance, "target", ""))  # as written
    def plain(x: str) -> str:
        return re.sub(r"[^\w\s]", "", x.lower())

    if re.match(r"(?:[Oo]nce|formerly|previously)\s+an?\s|an?\s+former\s", phrase):
        phrase = f"was {phrase[0].lower()}{phrase[1:]}"  # "Once a critic of the levy": "Vance was once a critic of the levy"
    if target and plain(target) not in plain(phrase) and re.search(r"\b(?:position|stance|views?|mind|course)$", phrase):
        phrase = f"{phrase} on {_the(target)}"  # "has shifted his position on the war"
    elif target and plain(target) not in plain(phrase) and re.match(r"(?:has|have|had)\s+since\s|now\s", phrase):
        phrase = f"{phrase} (a change on {_the(target)})"  # "Once a critic of it, Vance has since ..."
    elif target and plain(target) not in plain(phrase):
        # "the bill - which he once supported": "once supported the bill"; "voted against in 2015": "voted against the
        # ban in 2015"
        trailing = _TRAILING_TIME.search(phrase)
        phrase = f"{phrase[: trailing.start()]} {_the(target)}{phrase[trailing.start():]}" if trailing else f"{phrase} {target}"
    st = c.statement
    # the day of the report; a phrase dated by its own text ("backed the war in 2002") says its time itself
    told = f" ({c.date.isoformat()})" if c.date and (st.said_on is None or st.said_on_basis is DateBasis.PUBLISHED) else ""
    if c.teller:  # "[Vance said] Okafor once backed the pact": Vance's report, in the outlet
        return f"according to {c.teller} in {c.source}{told}, {c.speaker_name} {phrase}"
    return f"according to {c.source}{told}, {c.speaker_name} {phrase}"


def _said(c: Claim, q: str) -> str:
    if c.narrated:
        return _narrated(c)
    if c.told:  # an act a stance verb cues ("voted for the dam bill"), told in its own words
        return f"{_when(c)} ({c.source}) {c.speaker_name} {c.told}{closing_mark(c.told)}"
    verb = "reported" if c.narrative else _verb(c)
    where = "" if c.narrative else f" ({c.source})"
    return f"{_when(c)}{where} {c.speaker_name} {verb}{'' if c.narrative else _that(c)} '{q}'"


def explain_pair(a: Claim, b: Claim, hit: Hit, self_contradiction: bool) -> str:
    qa, qb = _q(a, hit.span_a), _q(b, hit.span_b)
    if self_contradiction and (a.narrated or b.narrated or a.told or b.told):
        first, second = _said(a, qa), _said(b, qb)
        swap = getattr(a.stance, "era", "") == "later" or getattr(b.stance, "era", "") == "earlier"
        for x, y, x_first in ((a, b, False), (b, a, True)):
            if getattr(x.stance, "reversal", False) and getattr(y.stance, "era", "") == "earlier" and not getattr(y.stance, "reversal", False):
                swap = not x_first  # a reversal set against the position held before it tells the later one
        if swap:
            first, second = second, first  # the position held earlier first, whatever order the text tells them in
        head = f"{first[:1].upper()}{first[1:]}; {second}."
    elif self_contradiction:
        verb = "reported" if a.narrative else _verb(a)
        where_a = "" if a.narrative else f" ({a.source})"
        where_b = "" if b.narrative else f" ({b.source})"
        verb_b = "" if b.narrative or _verb(b) == verb else f" {_verb(b)}"
        head = (f"{a.speaker_name} {verb} {_when(a)}{where_a}{'' if a.narrative else _that(a)} '{qa}', "
                f"but{verb_b} {_when(b)}{where_b}{'' if b.narrative else _that(b)} '{qb}'.")
    else:
        def who(c: Claim) -> str:
            if c.narrative:
                return f"{c.source} reported {_when(c)}"
            return f"{c.speaker_name} {_verb(c)} {_when(c)} ({c.source}){_that(c)}"

        def that(c: Claim) -> str:
            return " that" if c.narrative else ""

        head = f"{who(a)}{that(a)} '{qa}', while {who(b)}{that(b)} '{qb}'."
    return f"{head} {hit.reason[:1].upper()}{hit.reason[1:]}."


def explain_facts(a: FactView, b: FactView, hit: Hit) -> str:
    def side(v: FactView) -> str:
        when = f" on {v.published.isoformat()}" if v.published else ""
        period = f" for {v.fact.period}" if v.fact.period else ""
        return f"{v.source}{when} gives '{' '.join(v.fact.text.split())}'{period}"

    counted = f"{a.measure}: {a.fact.population}" if a.fact.population else a.measure
    return f"For {a.subject_name} ({counted}), {side(a)}, but {side(b)}: {hit.reason}."
