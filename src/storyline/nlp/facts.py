"""Numeric facts: "ISIS-K carried out 343 attacks in 2021" -> subject, measure, value, period.

For every quantity :mod:`storyline.nlp.numbers` finds in a sentence, the dependency parse
gives the counted noun ("343 *attacks*", "thousands of *prisoners*") and the verb that
governs it; the measure is the noun, or the verb's normalised name where the noun only
counts people ("killing 2,000 *people*" -> killed), or both ("release thousands of
prisoners" -> "prisoners released"). The subject is the clause subject of that verb (the
agent of a passive, the subject of the main clause for a participle such as "killing"),
carried across coordinated lists ("in 2022, it conducted 196 attacks; in 2023, 48
attacks"). The period is the nearest period expression in the same clause (";"-separated), written
out ("in March 2024") or told from the document's publication date ("so far this year", "last week").
A toll told by its victims' state counts them as the verb would: "left 12 dead", "26 people dead",
"lost their lives" and "the number of dead rose to 30" are killed, "40 wounded" injured.
Dates, years, clock times, ordinals, durations and list numbering are not facts; nor is an age, except a
named person's ("Tara Reid, 33," "the 33-year-old Tara Reid": measure ``age``, subject the person). An
earthquake's magnitude ("a magnitude 6.4 quake", "6.4 on the Richter scale") is a fact of measure
``magnitude`` about the quake, where the sentence tells of one quake and no aftershock. A dateline
("TEHRAN, Iran (AP) —") is never a subject.

Each fact also says what it counts, and of whom (``population``: the counted noun with its
modifiers, a short "of" complement and where, "U.S. service members", "people in 14
countries"), and what kind of number it is (``relation``): a change ("rose from 175 to 450"
keeps 175 as ``baseline``; "a 10 percent drop"; "fell by 2 percent"), a range, a rate ("3
tons per day"), a share ("40% of voters", poll answer options) or a count. The subject is
never a relative or demonstrative word or an unresolved pronoun: "which" becomes the noun
it stands for, "it" the entity it resolves to, and otherwise the subject stays empty; a
number set off by dashes or in apposition is not about the clause's subject.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Comparator, EntityType, Fact, FactRelation
from ..text.events import EVENT_NOUNS
from .antecedents import MentionIndex, subject_heads
from .cues import lexicon
from .dates import Period, find_periods, find_relative_periods
from .numbers import Quantity, find_quantities, in_code_token, parse_number_words
from .pipeline import ParsedDocument, Part, register
from .quotes import find_quotes

__all__ = ["WEEKDAY", "find_facts", "facts_in_part"]

log = logging.getLogger(__name__)

_TIME_WORDS = re.compile(
    r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|a\.m\.|p\.m\.|ago|old|\d{4})\b",
    re.IGNORECASE,
)
_SKIP_ENT_LABELS = {"DATE", "TIME", "ORDINAL"}
_VERBISH = {"VERB", "AUX"}
_SUBJ_DEPS = {"nsubj", "csubj"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "acl", "relcl", "ccomp", "pcomp", "dep"}
_LIGHT_VERBS = {"be", "have", "include", "reach", "number", "total", "stand", "exceed", "become", "remain"}
_RISE_VERBS = {"rise", "climb", "reach", "hit", "increase", "jump", "stand", "grow", "surge", "mount", "fall", "drop"}
# Words that are never a fact's subject by themselves: relative and demonstrative words, pronouns left unresolved,
# and nouns that only name the number ("This number rose to 45").
_RELATIVE = {"who", "whom", "which", "that", "whose"}
_PERSONAL = {"it", "they", "he", "she", "we", "i", "you"}
_EMPTY_SUBJECTS = _RELATIVE | _PERSONAL | {
    "this", "these", "those", "what", "one", "ones", "some", "many", "all", "each", "both", "most", "others",
    "number", "numbers", "figure", "figures", "total", "amount", "count", "rest", "majority", "half",
    "him", "her", "them", "us", "me", "its", "their", "his", "our", "there", "here", "itself", "themselves",
    "kind", "sort", "type", "lot", "part", "way", "thing", "things"}
# Counted units of time are durations ("Seventy-four years ago", "for 20 years"), not facts.
_DURATIONS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade", "century"}
_UNIT_MEASURES = {"lb": "weight", "kg": "weight", "t": "weight"}
_SCOPE_PREPS = {"in", "across", "throughout", "at", "on", "from", "into", "over", "to", "within", "inside", "near", "around"}
_PARENTHETICAL = re.compile(r"(?:—|–|\s-)\s*$")  # "ban all Muslims — 1.6 billion members —"
# "PORT SELIN — At least 37 ...", "KABUL (Reuters) - 12 ...": a dateline's dash opens the sentence, not an aside
_DATELINE_DASH = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .,'’-]*[A-Z](?:,\s*[A-Z][\w .]*)?\s*(?:\([^)\n]*\))?\s*(?:—|–|-)\s*$")
_CHANGE_NOUNS = {"drop", "increase", "decrease", "rise", "fall", "jump", "decline", "gain", "cut", "growth", "reduction",
                 "surge", "dip", "slump", "hike", "boost", "spike", "plunge", "loss", "climb", "slide"}
_CHANGE_VERBS = _RISE_VERBS | {"decline", "decrease", "shrink", "soar", "plunge", "slip", "slide", "tumble", "double",
                               "triple", "cut", "reduce", "raise", "boost", "lower", "go", "swell", "dip", "sink", "gain",
                               "lose", "expand", "balloon"}
_RATE_AFTER = re.compile(
    r"^\s*per\s+(?!cent\b)[a-z0-9]"
    r"|^\s*(?:an?|each|every)\s+(?:\d|day|week|month|year|hour|minute|second|night|capita|head|"
    r"person|annum|resident|inhabitants|people|household|game|mile|kilometre|kilometer|gallon|litre|liter)\b"
    r"|^\s*(?:daily|weekly|monthly|annually|yearly|hourly|a\s+year|a\s+day|a\s+month|a\s+week)\b",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(r"^\s*(?:out\s+of|in(?:\s+every)?)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                          re.IGNORECASE)  # "1 in 5", "three out of four"
_SHARE_BEFORE = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+$",
                           re.IGNORECASE)  # the "5" of "one in 5 residents"


@dataclass
class _Found:
    start: int
    end: int
    measure: str
    quantity: Quantity
    subject_text: str | None
    subject_start: int | None
    subject_end: int | None
    verb_measure: str | None
    segment: int


def _plural(word: str) -> str:
    if word.endswith("s") or word in lexicon().people:
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _noun_measure(tok) -> str:
    lemma = tok.lemma_.lower()
    text = tok.text.lower()
    lex = lexicon()
    if text in lex.measures:
        return lex.measures[text]
    if lemma in lex.measures:
        return lex.measures[lemma]
    if lemma in lex.people or text in lex.people:
        return "people"
    return _plural(lemma)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


def _countable(noun, value: float, doc_text: str) -> bool:
    """Whether a noun can name what a number counts: a real word of 3+ letters standing on its own in the text
    (not glued to code punctuation), that is a known measure, a people noun, or a plural count noun."""
    text = noun.text
    if len(text) < 3 or not _WORD.fullmatch(text) or in_code_token(doc_text, noun.idx, noun.idx + len(text)):
        return False
    lex = lexicon()
    lemma, lower = noun.lemma_.lower(), text.lower()
    if lower in lex.measures or lemma in lex.measures or lower in lex.people or lemma in lex.people:
        return True
    return noun.tag_ in ("NNS", "NNPS") or (value == 1 and noun.pos_ == "NOUN")


# the state a toll leaves its victims in, told after the number or the counted people ("left 12 dead", "26 people
# dead and 300 injured"): a measure word of the lexicon used as an adjective or participle
_TOLL_STATES = {"dead", "killed", "injured", "wounded", "hurt"}
_TAKE_LIFE = {"claim", "cost", "take", "lose"}  # verbs whose counted lives are the killed ("claimed 45 lives")


def _toll_state(head, noun, verb):
    """The state word that says what a toll counts: the word right after the number when it counts no noun ("left 12
    dead"), or the verb's predicate adjective where the number or its people noun is the verb's subject or object
    ("left 26 people dead", "five people are dead"); None otherwise."""
    anchor = noun if noun is not None else head
    if noun is None and head.i + 1 < len(head.doc):
        nxt = head.nbor(1)
        if nxt.lower_ in _TOLL_STATES and nxt.dep_ in ("oprd", "acomp", "ROOT", "amod", "conj", "appos", "dep", "npadvmod"):
            return nxt
    if verb is None or anchor.dep_ not in ("nsubj", "dobj", "nsubjpass") or anchor.head.i != verb.i:
        return None
    return next((c for c in verb.children if c.dep_ in ("oprd", "acomp") and c.lower_ in _TOLL_STATES and c.i > anchor.i), None)


def _counted_of(subject):
    """What a rising figure counts: its subject, or what the subject is the number of ("the number of dead")."""
    if subject.lemma_.lower() not in ("number", "count", "total", "tally"):
        return subject
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None and pobj.lower_ in lexicon().measures else subject


def _verb_measure(verb) -> str | None:
    """What a verb counts, from the lexicon ("killed", "injured"); "lost their lives" counts the killed too."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children):
        return "killed"
    return lexicon().measures.get(lemma)


def _own_participle(tok):
    """A measure participle hung on the number itself ("50 injured", "at least 12 wounded"), or None."""
    measures = lexicon().measures
    for child in tok.children:
        if child.dep_ in ("acl", "amod") and child.tag_ == "VBN" and child.lemma_.lower() in measures \
                and child.i == tok.i + 1:
            return child
    return None


def _verb_of(tok):
    """The verb governing ``tok`` (climbing through prepositions, conjuncts and noun heads), or None."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
            continue
        head = cur.head
        if head is cur:
            return cur if cur.pos_ in _VERBISH else None
        if head.pos_ in _VERBISH:
            return head
        cur = head
    return None


def _subject_of(verb, exclude, dateline: frozenset[int] = frozenset()):
    """The acting subject of ``verb``: nsubj, else a passive's agent, else the subject of the verb it hangs from.
    A word of the sentence's dateline ("TEHRAN, Iran (AP) — ...", token indices in ``dateline``) is never it."""
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in _SUBJ_DEPS and child.i not in dateline:
                return child
        for child in cur.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        for child in cur.children:
            if child.dep_ == "nsubjpass" and child.i not in exclude and child.i not in dateline:
                return child
        if cur.dep_ in _CLIMB_DEPS and cur.head is not cur:
            if cur.dep_ in ("ccomp", "dep", "advcl", "conj") and cur.head.lemma_.lower() in lexicon().verbs:
                return None  # "X said 17 people were killed": X is the speaker, not what the number is about
            cur = cur.head
            if cur.pos_ not in _VERBISH:
                return None
            continue
        return None
    return None


# What a casualty count is about when the sentence names no acting subject: the event in which people were
# killed or hurt ("17 people were killed *in the blast*", "the death toll *from the earthquake*"; EVENT_NOUNS).
_EVENT_PREPS = {"in", "from", "during", "after", "by", "of"}


def _event_of(tok):
    """An event noun in a prepositional phrase of ``tok`` ("killed in the blast", "toll from the quake"), or None."""
    if tok is None:
        return None
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in _EVENT_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in EVENT_NOUNS and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def _np_bounds(tok) -> tuple[int, int]:
    """Character bounds (in the part) of the noun phrase headed by ``tok``, without clauses or appositions."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "punct", "case", "flat"):
            left = child.doc[min(left.i, child.left_edge.i)]
    right = tok
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "case") or (child.dep_ == "punct" and child.text in "-"):
            right = child.doc[max(right.i, child.right_edge.i)]
    if left.dep_ == "det":
        left = left.doc[left.i + 1] if left.i + 1 <= tok.i else left
    return left.idx, right.idx + len(right.text)


_SCOPE_NOUNS = {"country", "province", "state", "region", "city", "town", "village", "district", "area", "county",
                "capital", "world", "nation", "territory", "camp", "prefecture", "island", "valley", "governorate"}


def _scope(prep) -> bool:
    """Whether a prepositional phrase names where the counted things are ("in 14 countries", "in the province")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "across", "throughout", "inside"):
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.right_edge.i - prep.i > 5 or pobj.ent_type_ in ("DATE", "TIME"):
        return False
    return pobj.ent_type_ in ("GPE", "LOC", "FAC") or pobj.lemma_.lower() in _SCOPE_NOUNS


def _population(noun, tok_ids: set[int], doc_text: str, verb) -> str | None:
    """What is counted, and of whom: the counted noun with its modifiers after the number ("13 *U.S. service
    members*", "at least 170 *Afghan civilians*"), a short "of" complement ("1.6 billion *members of the faith*")
    and where they are, when the sentence says so ("230,000 *people in 14 countries*")."""
    last_q = max(tok_ids)
    left = noun
    for child in noun.lefts:
        if child.i > last_q and child.dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod", "punct", "poss", "case", "flat") \
                and child.left_edge.i > last_q:
            left = noun.doc[min(left.i, child.left_edge.i)]
    right = noun
    scope = None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right.i + 1:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.right_edge.i - child.i <= 5 and not pobj.like_num:
                right = pobj.right_edge
        elif child.dep_ in ("compound", "flat"):
            right = noun.doc[max(right.i, child.right_edge.i)]
        elif _scope(child) and scope is None:
            scope = child
    if scope is None and verb is not None:
        scope = next((c for c in verb.children if _scope(c)), None)
    text = doc_text[left.idx : right.idx + len(right.text)].strip(" ,;:-—–")
    if scope is not None and not (scope.idx <= noun.idx <= scope.right_edge.idx):
        text += " " + scope.lower_ + doc_text[scope.idx + len(scope.text) : scope.right_edge.idx + len(scope.right_edge.text)]
    return " ".join(text.split()) or None


def _bare_scope(verb, doc_text: str) -> str | None:
    """Where a number without a counted noun is ("killed more than 31,000 *in the city of Bam*")."""
    scope = next((c for c in verb.children if _scope(c)), None) if verb is not None else None
    if scope is None:
        return None
    rest = " ".join(doc_text[scope.idx + len(scope.text) : scope.right_edge.idx + len(scope.right_edge.text)].split())
    return f"{scope.lower_} {rest}"


def _share_of(doc, at: int) -> str | None:
    """The population a share is of: "40% *of voters*" -> "voters"."""
    of = next((t for t in doc if t.idx >= at), None)
    if of is None or of.lower_ != "of" or doc.text[at : of.idx].strip():
        return None
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.right_edge.i - of.i > 6:
        return None
    first = of.doc[of.i + 1]
    if first.dep_ == "det":
        first = of.doc[first.i + 1]
    return " ".join(doc.text[first.idx : pobj.right_edge.idx + len(pobj.right_edge.text)].split()) or None


def _relation(q: Quantity, before: str, after: str, head, noun, verb) -> tuple[FactRelation, float, float | None, float | None]:
    """What the number is (count, change, range, rate, share) and its value, upper bound and baseline."""
    if _SHARE_BEFORE.search(before):
        return FactRelation.SHARE, q.value, q.value_max, None
    verb_lemma = verb.lemma_.lower() if verb is not None else ""
    if q.value_max is not None and q.from_to and (verb_lemma in _CHANGE_VERBS or q.value_max < q.value):
        return FactRelation.CHANGE, q.value_max, None, q.value  # "rose from 175 to 450": 450, from 175
    chain = [head]
    while len(chain) < 4 and chain[-1].head is not chain[-1] and chain[-1].dep_ in ("nummod", "compound", "quantmod", "amod", "pobj", "nmod"):
        chain.append(chain[-1].head)
    if noun is not None:
        chain.append(noun)
    if any(t.lemma_.lower() in _CHANGE_NOUNS and t.pos_ == "NOUN" for t in chain[1:]) or (
            verb_lemma in _CHANGE_VERBS and any(t.lower_ == "by" and t.dep_ == "prep" for t in chain[1:])):
        return FactRelation.CHANGE, q.value, q.value_max, None  # "a 10 percent drop", "fell by 2 percent"
    if _RATE_AFTER.match(after):
        return FactRelation.RATE, q.value, q.value_max, None
    if q.value_max is not None:
        return FactRelation.RANGE, q.value, q.value_max, None
    if q.unit == "%" or _SHARE_AFTER.match(after):
        return FactRelation.SHARE, q.value, None, None
    return FactRelation.COUNT, q.value, None, None


def _skip_by_entity(sent, q_start: int, q_end: int) -> bool:
    for ent in sent.ents:
        if ent.label_ in _SKIP_ENT_LABELS and ent.start_char < q_end and q_start < ent.end_char:
            if ent.label_ == "ORDINAL" or _TIME_WORDS.search(ent.text):
                return True
    return False


_WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_DAY_THEN_COUNT = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\s*,?\s*$", re.IGNORECASE)
_MONTHS = re.compile(r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")


def _count_after_day(text: str, q: Quantity) -> bool:
    """Whether a number the parser glued to a weekday ("on Wednesday 42 people were killed") is a count of its own:
    right after the weekday, not followed by a month, and followed by a plural word."""
    after = text[q.end : q.end + 30]
    return bool(_DAY_THEN_COUNT.search(text[: q.start])) and not _MONTHS.match(after) and \
        re.match(r"^\s+(?:more\s+|other\s+)?(?:[a-z]+s|people|children|men|women)\b", after) is not None and q.value >= 1


# nouns whose "of N people" says how many live there ("a city of 500,000 people", "a nation of 30 million")
_PLACE_NOUNS = frozenset({"city", "town", "village", "country", "nation", "province", "state", "region", "district", "island",
                          "county", "community", "area", "metropolis", "capital", "port", "municipality", "suburb"})


def _pick_period(periods: list[Period], segments: list[tuple[int, int]], q: Quantity) -> str | None:
    seg = next(((s, e) for s, e in segments if s <= q.num_start < e), None)
    best: tuple[int, str] | None = None
    for p in periods:
        if p.start < q.end and q.start < p.end:
            continue
        if seg is not None and not (seg[0] <= p.start < seg[1]):
            continue
        dist = q.num_start - p.end if p.end <= q.num_start else (p.start - q.end) + 1
        if best is None or dist < best[0]:
            best = (dist, p.period)
    return best[1] if best else None


# Clause breaks a period does not cross: ";" and a comma before a new coordinated clause ("... in 2003, and 600
# were killed in February": February's 600 is not a 2003 figure).
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s+(?=(?:[^,;]*?\b(?:was|were|is|are|had|has|have)\b))")


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _dateline_tokens(sent) -> frozenset[int]:
    """The tokens of a dateline that opens the sentence ("TEHRAN, Iran (AP) —", "PHILADELPHIA —"): a place, not an actor."""
    text = sent.text
    for dash in re.finditer(r"—|–|-", text[:80]):
        if _DATELINE_DASH.search(text[: dash.end()]):
            end = sent.start_char + dash.start()
            return frozenset(t.i for t in sent if t.idx < end)
    return frozenset()


# An earthquake's magnitude: "a magnitude 6.4 earthquake", "the 6.4-magnitude quake", "magnitude-6.4", "a magnitude of
# 6.4", "measured 6.4 on the Richter scale", "registering 6.4". A whole number ("magnitude 7") is an approximate value.
_MAGNITUDE = re.compile(
    r"\b(?:magnitude|Richter)(?:\s+(?:of|was|at))?[\s-]+(?:(?P<approx>about|around|approximately|nearly|roughly)\s+)?(?P<a>\d(?:\.\d{1,2})?)(?![\d,.]\d)"
    r"|\b(?P<b>\d(?:\.\d{1,2})?)[\s-]+magnitude\b"
    r"|\b(?:measured|measuring|registered|registering)\s+(?:a\s+)?(?:preliminary\s+)?(?P<c>\d\.\d{1,2})\b"
    r"|\b(?P<d>\d\.\d{1,2})\s+on\s+the\s+Richter\b"
    r"|\bmagnitude\s+of\s+(?:[\w'’-]+\s+){1,6}?at\s+(?P<e>\d\.\d{1,2})\b",  # "put the magnitude of the quake at 6.1"
    re.IGNORECASE,
)
_QUAKES = {"earthquake", "quake", "tremor", "temblor"}
_AFTERSHOCKS = {"aftershock", "foreshock"}


def _magnitude_facts(sent, document_id: str, part: Part, periods: list[Period],
                     segments: list[tuple[int, int]]) -> list[tuple[Fact, tuple[int, int]]]:
    """The magnitudes of the one earthquake a sentence tells of, each with its number's bounds in the sentence.
    None where the sentence tells of several quakes or of an aftershock (two magnitudes of two tremors are no dispute);
    the subject is the quake noun ("the quake"), else empty (the article's own event)."""
    text = sent.text
    found = [m for m in _MAGNITUDE.finditer(text)]
    if not found:
        return []
    nouns = [t for t in sent if t.lemma_.lower() in _QUAKES | _AFTERSHOCKS or t.lower_ in _QUAKES | _AFTERSHOCKS]
    if any(t.lemma_.lower() in _AFTERSHOCKS or t.lower_ in _AFTERSHOCKS or t.tag_ in ("NNS", "NNPS") for t in nouns) or len(found) > 1:
        return []
    m = found[0]
    group = next(g for g in ("a", "b", "c", "d", "e") if m.group(g))
    value = float(m.group(group))
    if not 1.0 <= value < 10.0:
        return []
    n0, n1 = m.start(group), m.end(group)
    quake = min(nouns, key=lambda t: abs(t.idx - sent.start_char - n0), default=None)
    comparator = Comparator.APPROX if m.group("approx") or "." not in m.group(group) else Comparator.EQ
    q = Quantity(value=value, start=n0, end=n1, num_start=n0, num_end=n1, comparator=comparator)
    start, end = part.span(sent.start_char + m.start(), sent.start_char + m.end())
    fact = Fact(document_id=document_id, start=start, end=end, text=text[m.start() : m.end()], measure="magnitude",
                value=value, comparator=comparator, period=_pick_period(periods, segments, q),
                subject_text=quake.text if quake is not None else None)
    return [(fact, (n0, n1))]


# A person's age as news gives it: "Tara Reid, 33, ..." (aged 33) and "the 33-year-old Tara Reid". The age of one named
# person, as of the report; "a 33-year-old actress" names no one and is left out.
_AGE_AFTER_NAME = re.compile(r"(?P<name>\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?:aged\s+)?(?P<age>\d{1,3}),(?!\d)")
# an age in words too: "Sixty-year-old Sharron Smith", "the twenty-two-year-old Lee"
_AGE_WORDS = (r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
              r"eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|one|two|three|four|five|six|seven|eight|nine|ten)")
_AGE_BEFORE_NAME = re.compile(r"\b(?P<age>\d{1,3}|" + _AGE_WORDS + r")-year-old\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


# a sentence that counts a player's or a candidate's numbers ("Hansbrough, 20, and Lawson, 15, led the scoring") gives no ages
_TALLIES = re.compile(r"\b(?:points?|rebounds?|assists?|goals?|yards?|runs?|hits?|saves?|strikeouts?|touchdowns?|scor\w*|"
                      r"votes?|delegates?|percent|per\s+cent|seconds?|minutes?|laps?|shots?|innings?)\b|%", re.IGNORECASE)


def _age_facts(sent, document_id: str, part: Part, index: MentionIndex) -> list[tuple[Fact, tuple[int, int]]]:
    """The ages the sentence gives of named people (measure ``age``, subject the person), each with its number's bounds."""
    text = sent.text
    out: list[tuple[Fact, tuple[int, int]]] = []
    if _TALLIES.search(text):
        return out
    for m in [*_AGE_AFTER_NAME.finditer(text), *_AGE_BEFORE_NAME.finditer(text)]:
        age = int(parse_number_words(m.group("age")) or 0)
        if not 1 <= age <= 120:
            continue
        mention = index.cluster_at(*part.span(sent.start_char + m.start("name"), sent.start_char + m.end("name")))
        if mention is None or mention.type is not EntityType.PERSON or not mention.is_name:
            continue
        first = m.start()
        if m.start("name") < m.start("age"):
            first = max(first, mention.start - part.offset - sent.start_char)  # "Actress Tara Reid, 33": from the name
        last = m.end() - 1 if text[m.end() - 1] == "," else m.end()
        start, end = part.span(sent.start_char + first, sent.start_char + last)
        fact = Fact(document_id=document_id, start=start, end=end, text=text[first:last], measure="age",
                    value=float(age), subject_text=mention.canonical or mention.text, subject_cluster=mention.cluster)
        out.append((fact, (m.start("age"), m.end("age"))))
    return out


# The day of the week a happening took place ("Reid checked into rehab on Tuesday"): one happening has one weekday in
# every report of it, whenever each was published, so two reports of one week that give it two weekdays disagree.
WEEKDAY = "weekday"
_ISO_WEEKDAY = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
# verbs of what happens again and again between the same parties (games, talks, statements, visits): their weekdays
# tell two happenings apart, not two accounts of one
_REPEATED = frozenset("""say tell add note write speak talk announce report confirm state comment tweet post call ask answer
reply respond meet visit play beat defeat lose win face host lead trail score practice train travel return appear attend
give make take get have do go come see hold continue begin start keep remain stay use show campaign rally vote
debate interview sue hit target mock join host""".split())
# a weekday that plans or repeats ("next Monday", "every Friday", "this coming Sunday"), not one that dates what happened
_NOT_DATING = frozenset({"next", "every", "each", "coming", "following"})
_MODALS = frozenset({"will", "would", "shall", "should", "could", "can", "may", "might", "must", "'ll", "to"})
_PATIENT_DEPS = ("nsubjpass", "dobj")
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _timed_verb(day):
    """The verb a weekday dates ("on Tuesday", "late Thursday", "checked in Tuesday"), or None."""
    if day.dep_ == "compound" and day.head.lemma_.lower() in _DAY_PARTS:
        day = day.head  # "on Saturday night": the part of the day is what the parse hangs on the verb
    if day.dep_ == "pobj" and day.head.lower_ == "on":
        verb = day.head.head
    elif day.dep_ in ("npadvmod", "nmod", "obl", "advmod", "nmod:tmod"):
        verb = day.head
    else:
        return None
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or day.doc[day.i - 1].lower_ in _NOT_DATING:
        return None  # a past happening only: "will appear in court Monday" and "is expected to meet Friday" are plans
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in verb.children):
        return None
    return verb


def _named(tok, part: Part, index: MentionIndex, quoted, subjects):
    """The person or organisation a subject or object names (a pronoun resolved as a fact's subject is), or None."""
    if tok.lower_ in ("himself", "herself", "itself", "themselves"):
        return None
    mention = None
    # the name may stand in apposition or in a conjoined title: "signed veteran DeShawn Wynn", "actress and former
    # reporter Tara Reid checked in"; never inside a clause or a prepositional phrase of the noun
    chain, seen = [tok], {tok.i}
    for t in chain:
        for c in t.children:
            if c.dep_ in ("appos", "conj", "compound", "flat") and c.i not in seen and len(chain) < 8:
                chain.append(c)
                seen.add(c.i)
    for t in chain:
        s0, s1 = _np_bounds(t)
        gs, ge = part.span(s0, s1)
        mention = index.cluster_at(gs, ge)
        if mention is not None and mention.is_name:
            break
    word = _OBJECT_PRONOUNS.get(tok.lower_, tok.lower_)
    if mention is None and word in _PERSONAL:
        mention = index.resolve_pronoun(word, gs, quoted=quoted, subjects=subjects)
    if mention is None or not mention.is_name or mention.type not in (EntityType.PERSON, EntityType.ORGANIZATION):
        return None
    return mention


def _day_facts(sent, document_id: str, part: Part, index: MentionIndex, quoted, subjects,
               dateline: frozenset[int]) -> list[Fact]:
    """The weekdays the sentence gives of a named person's or organisation's happening (measure ``weekday``, value the
    ISO weekday, 1 for Monday; subject the person the happening befell, else the one who did it; population the verb,
    without its particle, with what the doer's verb acts on and the role: "check (did)" for "checked in" and "checked
    into", "release patch (did)", "shoot (befell)"). A happening that recurs (a game, a meeting, a statement) is
    not one: its weekdays tell happenings apart."""
    out: list[Fact] = []
    doc_text = part.doc.text
    for day in sent:
        iso = _ISO_WEEKDAY.get(day.lower_)
        if iso is None or not day.text[0].isupper():
            continue
        verb = _timed_verb(day)
        if verb is None:
            continue
        lemma = verb.lemma_.lower().removeprefix("re-")
        if lemma in _REPEATED:
            continue
        found = None
        # "Gray was shot and killed on Saturday": a conjoined verb shares the first verb's subject
        verbs = (verb, verb.head) if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else (verb,)
        for deps, role in ((_PATIENT_DEPS, "befell"), (("nsubj",), "did")):
            for child in (c for v in verbs for c in v.children):
                if child.dep_ in deps and child.i not in dateline and (child.dep_ != "dobj" or child.head.i == verb.i):
                    mention = _named(child, part, index, quoted, subjects)
                    if mention is not None:
                        found = (child, mention, role)
                        break
            if found is not None:
                break
        if found is None or lemma in lexicon().verbs:
            continue  # "X denied on Tuesday", "X was criticised on Monday": speech and judgement are dated as statements
        who, mention, role = found
        what = ""
        if role == "did":  # what the doer acted on: "released a patch" and "released a fix" are two releases
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            what = f" {obj.lemma_.lower()}" if obj is not None else ""
        else:  # who did it, where a name says: "endorsed by A on Monday" and "by B on Friday" are two endorsements
            doer = next((d for c in verb.children if c.dep_ == "agent" for d in c.children if d.dep_ == "pobj"),
                        next((c for c in verb.children if c.dep_ == "nsubj"), None))
            named = _named(doer, part, index, quoted, subjects) if doer is not None else None
            what = f" by {(named.canonical or named.text).split()[-1].lower()}" if named is not None else ""
        lo = min(_np_bounds(who)[0], verb.idx, day.idx)
        hi = max(day.idx + len(day.text), verb.idx + len(verb.text), _np_bounds(who)[1])
        while lo < hi and not doc_text[lo].isalnum():
            lo += 1  # a quotation mark glued to the subject's phrase ('" "American Pie" actress ...')
        start, end = part.span(lo, hi)
        out.append(Fact(document_id=document_id, start=start, end=end, text=doc_text[lo:hi], measure=WEEKDAY,
                        value=float(iso), subject_text=mention.canonical or mention.text, subject_cluster=mention.cluster,
                        population=f"{lemma}{what} ({role})"))
    return out


def _day(published: dt.date | dt.datetime | None) -> dt.date | None:
    return published.date() if isinstance(published, dt.datetime) else published


def _periods(text: str, published: dt.date | None) -> list[Period]:
    """The sentence's periods: those it writes out ("in March 2024") and those told from the publication date ("so far
    this year", "last week"), where they do not overlap one written out."""
    periods = find_periods(text)
    relative = [p for p in find_relative_periods(text, published) if not any(q.start < p.end and p.start < q.end for q in periods)]
    return sorted(periods + relative, key=lambda p: p.start) if relative else periods


def facts_in_part(part: Part, document_id: str, index: MentionIndex, *, quoted: Sequence[tuple[int, int]] = (),
                  subjects: Sequence[tuple[int, int]] = (), published: dt.date | None = None) -> list[Fact]:
    """Every numeric fact in one parsed part, with offsets into the stored text. A pronoun subject resolves as a
    speaker pronoun does (:meth:`MentionIndex.resolve_pronoun`): in gender and number when ``index`` has the
    document text, to a name outside the ``quoted`` spans first, to an earlier sentence's grammatical subject
    (``subjects``) over a nearer object. ``published`` resolves periods told from the publication date ("so far this
    year", "last week")."""
    lex = lexicon()
    facts: list[Fact] = []
    doc_text = part.doc.text  # Doc.text joins every token: read it once
    for sent in part.doc.sents:
        text = sent.text
        facts.extend(_day_facts(sent, document_id, part, index, quoted, subjects, _dateline_tokens(sent)))
        if not any(ch.isdigit() for ch in text) and not re.search(
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
            r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|million|billion)s?\b", text, re.I
        ):
            continue
        base = sent.start_char
        periods = _periods(text, published)
        segments = _segments(text)
        dateline = _dateline_tokens(sent)
        special = _magnitude_facts(sent, document_id, part, periods, segments) + _age_facts(sent, document_id, part, index)
        facts.extend(fact for fact, _ in special)
        taken = [span for _, span in special]
        previous: _Found | None = None
        for q in find_quantities(text):
            if q.is_year or any(a <= q.num_start < b for a, b in taken):
                continue
            qs, qe = base + q.num_start, base + q.num_end
            if _skip_by_entity(sent, qs, qe) and not _count_after_day(text, q):
                continue
            toks = [t for t in sent if t.idx < qe and qs < t.idx + len(t.text)]
            if not toks:
                continue
            tok_ids = {t.i for t in toks}
            head = next((t for t in toks if t.head.i not in tok_ids or t.head is t), toks[-1])
            if head.lower_ == "one" and head.i + 1 < len(head.doc) and head.nbor(1).lower_ == "of":
                continue
            noun = None
            if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
                noun = head.head
            elif head.pos_ in ("NOUN", "NUM", "SYM", "PRON"):
                of = next((c for c in head.rights if c.lower_ == "of"), None)
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not pobj.like_num:
                    noun = pobj
            while noun is not None and noun.i + 2 < len(noun.doc) and not noun.whitespace_ and noun.nbor(1).text == "-" \
                    and not noun.nbor(1).whitespace_ and noun.nbor(2).pos_ in ("NOUN", "PROPN"):
                noun = noun.nbor(2)  # "two co-workers" split as co / - / workers: the counted word is the last part
            if noun is not None and noun.lower_ in _WEEKDAY_NAMES and _count_after_day(text, q) and head.i + 1 < len(head.doc) \
                    and head.nbor(1).pos_ == "NOUN":
                noun = head.nbor(1)  # "on Tuesday 31 people were killed": the parser hung 31 on Tuesday
            if noun is not None and (noun.ent_type_ in ("GPE", "LOC", "DATE") and noun.lower_ not in lex.people or noun.i in tok_ids):
                noun = None
            if noun is not None and not _countable(noun, q.value, doc_text):
                noun = None
            if noun is not None and noun.lemma_.lower() in _DURATIONS:
                continue
            if noun is not None and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _PLACE_NOUNS:
                continue  # "Bandar Abbas, a city of 500,000 people": how many live there, no toll of the sentence's verb
            if noun is not None and q.unit is not None and noun.idx < base + q.end:
                noun = None  # the unit word itself ("236 pounds", "5 million euros") is not what is counted
            anchor = noun if noun is not None else head
            verb = _verb_of(anchor)
            verb_measure = _verb_measure(verb)
            if verb_measure and anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and verb is not None \
                    and verb.lemma_.lower() not in _RISE_VERBS:
                verb_measure = None  # "killed ... by tens of thousands", "shot by 12 soldiers": the doers, not the toll
            measure: str | None = None
            span_start, span_end = qs, base + q.end
            own = _own_participle(head) if noun is None else None
            if own is not None:
                # "ten were killed and at least 50 injured": the parse hangs "50" on "killed" as a conjunct with
                # "injured" as its own participle; the participle, not the verb it is joined to, says what is counted
                verb, verb_measure, measure = own, lex.measures[own.lemma_.lower()], lex.measures[own.lemma_.lower()]
                span_end = max(span_end, own.idx + len(own.text))
            elif noun is not None:
                nm = _noun_measure(noun)
                if noun.lemma_.lower() == "life" and verb is not None and verb.lemma_.lower() in _TAKE_LIFE:
                    nm, verb_measure = "people", "killed"  # "claimed 45 lives", "45 lives were lost": the killed
                span_start = min(span_start, noun.idx)
                span_end = max(span_end, noun.idx + len(noun.text))
                if nm == "people" and verb_measure:
                    measure = verb_measure
                elif verb_measure and nm not in lex.measures.values() and verb is not None and (
                        noun.dep_ in ("dobj", "nsubjpass", "conj") or (noun.dep_ == "pobj" and noun.head.lower_ not in _SCOPE_PREPS)):
                    measure = f"{nm} {verb_measure}"
                else:
                    measure = nm
            elif verb is not None and verb_measure and head.dep_ in ("dobj", "nsubjpass", "nsubj", "npadvmod", "attr", "pobj"):
                measure = verb_measure
            elif q.unit == "%":
                measure = "percent"
            elif q.unit in _UNIT_MEASURES:
                measure = _UNIT_MEASURES[q.unit]
            elif q.unit is not None:
                measure = "money"
            elif verb is not None and verb.lemma_.lower() in _RISE_VERBS:
                subj = _subject_of(verb, tok_ids, dateline)
                if subj is not None and subj.pos_ == "NOUN":
                    measure = _noun_measure(_counted_of(subj))
            state = _toll_state(head, noun, verb) if noun is None or measure == "people" else None
            if state is not None:
                # "left 12 dead", "left 26 people dead", "five people are dead": the victims' state says what is counted
                measure = verb_measure = lex.measures[state.lower_]
                span_end = max(span_end, state.idx + len(state.text))
            if measure is None and previous is not None and noun is None and head.dep_ in ("conj", "appos", "dep"):
                measure = previous.measure
            if measure is None:
                continue
            if verb is not None and verb_measure and noun is not None and measure == verb_measure and noun.dep_ != "conj":
                span_start = min(span_start, verb.idx)
                span_end = max(span_end, verb.idx + len(verb.text))
            subj = _subject_of(verb, tok_ids | ({noun.i} if noun is not None else set()), dateline) if verb is not None else None
            if subj is not None and (subj.i in tok_ids or (noun is not None and subj.i == noun.i)):
                subj = None
            if subj is not None and subj.lower_ == "magnitude":
                # "The magnitude 6.3 earthquake ... killed 30", parsed with "magnitude" as the head: the quake is the subject
                subj = next((t for t in subj.doc[subj.i + 1 : subj.i + 5] if t.lemma_.lower() in EVENT_NOUNS), subj)
            if subj is not None and subj.lemma_.lower() in ("toll", "number", "count", "total") and _event_of(subj) is not None:
                subj = _event_of(subj)  # "the death toll from the earthquake rose to 310": about the earthquake
            if (subj is None or subj.dep_ == "nsubjpass") and verb is not None and (verb_measure or measure in lex.measures.values()):
                subj = _event_of(verb) or subj  # the victims of a passive are counted, the event is what the count is about
            if subj is not None and subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl" and subj.head.head.pos_ in ("NOUN", "PROPN") \
                    and subj.head.head.ent_type_ not in _SKIP_ENT_LABELS:
                subj = subj.head.head  # "The company, which employs 4,000 people": the company (not "Friday, which ...")
            before = text[: q.start]
            apposed = (noun if noun is not None else head).dep_ == "appos" or (
                _PARENTHETICAL.search(before) is not None and _DATELINE_DASH.search(before) is None)
            if apposed:
                subj = None  # "ban all Muslims — 1.6 billion members": a number about the Muslims, not the speaker
            seg_index = next((i for i, (s, e) in enumerate(segments) if s <= q.num_start < e), 0)
            s_text: str | None = None
            s_start: int | None = None
            s_end: int | None = None
            if subj is not None:
                s_start, s_end = _np_bounds(subj)
                while s_start < s_end - 1 and not doc_text[s_start].isalnum():
                    s_start += 1  # a list bullet or dash glued to the subject ("• ISIS-K")
                s_text = doc_text[s_start:s_end]
                if not any(ch.isalnum() for ch in s_text) or (s_start < qe and qs < s_end) or any(
                        t.like_num and t.i != subj.i and t.ent_type_ not in ("DATE", "TIME")
                        for t in subj.subtree if s_start <= t.idx < s_end):
                    s_text = s_start = s_end = None  # "13 soldiers and 170 civilians were killed": a count, not a subject
            elif previous is not None and previous.subject_text is not None and not apposed and (
                seg_index > previous.segment or head.dep_ in ("conj", "appos") or (noun is not None and noun.dep_ == "conj")
            ):
                s_text, s_start, s_end = previous.subject_text, previous.subject_start, previous.subject_end
            found = _Found(span_start, span_end, measure, q, s_text, s_start, s_end, verb_measure, seg_index)
            previous = found
            period = _pick_period(periods, segments, q)
            subject_cluster: int | None = None
            subject_text_out = s_text
            if s_start is not None and s_end is not None:
                gs, ge = part.span(s_start, s_end)
                mention = index.cluster_at(gs, ge)
                words = (s_text or "").lower().split()
                pronoun = len(words) == 1 and words[0] in _PERSONAL
                if mention is None and pronoun:
                    mention = index.resolve_pronoun(words[0], gs, quoted=quoted, subjects=subjects)
                if mention is not None and mention.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.OTHER):
                    subject_cluster = mention.cluster
                    if pronoun:
                        subject_text_out = mention.canonical or mention.text  # "it" resolved: name what it is
                elif not words or words[-1].strip(".,") in _EMPTY_SUBJECTS:
                    subject_text_out = None  # "who", "which", "This number", "it" unresolved: no subject rather than a wrong one
            after_at = max(base + q.end, noun.idx + len(noun.text) if noun is not None else 0)
            relation, value, value_max, baseline = _relation(q, text[max(0, q.start - 30) : q.start], doc_text[after_at : after_at + 40],
                                                     head, noun, verb)
            population = _population(noun, tok_ids, doc_text, verb) if noun is not None else _bare_scope(verb, doc_text)
            if population is None and relation is FactRelation.SHARE:
                population = _share_of(part.doc, base + q.end)
            start, end = part.span(span_start, span_end)
            facts.append(
                Fact(
                    document_id=document_id, start=start, end=end, text=doc_text[span_start:span_end],
                    measure=measure, value=value, comparator=q.comparator, value_max=value_max, unit=q.unit,
                    period=period, subject_text=subject_text_out, subject_cluster=subject_cluster,
                    population=population, relation=relation, baseline=baseline,
                )
            )
    return facts


@register("facts", version="11-" + lexicon().version, requires=("parse", "mentions"), produces=("facts",))
def find_facts(parsed: ParsedDocument) -> None:
    """Append every numeric fact of the document to ``parsed.facts``."""
    index = MentionIndex(parsed.mentions, parsed.document.text)
    quoted = tuple((q.inner_start, q.inner_end) for q in find_quotes(parsed.document.text))
    subjects = subject_heads(parsed.parts)
    for part in parsed.parts:
        parsed.facts.extend(facts_in_part(part, parsed.document.id, index, quoted=quoted, subjects=subjects,
                                          published=_day(parsed.document.published)))
