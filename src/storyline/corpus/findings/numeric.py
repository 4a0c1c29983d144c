"""Numbers about one subject, measure and period that cannot both hold.

Value intervals respect comparators: ``eq`` is the value (or the range
``value``..``value_max``); ``approx`` widens it by the lexicon's
``approx_tolerance`` (10% by default, so "around 170" is 153..187 and agrees
with "over 150"); ``gt``/``ge`` are open above, ``lt``/``le`` open below.
A round number stands for what rounds to it ("230,000" is 225,000..235,000).
Only comparable numbers are compared:

* both are counts (``FactRelation.COUNT``): changes ("from 175 to 450", "a 10%
  drop"), ranges, rates and shares (poll answer options among them) are not;
* of one population (and, inside one document, of an additive measure: one text
  giving "10 yards" and "32 yards" is about two plays, not a conflict): "13 U.S. service members" and "170 Afghan civilians" are two
  populations (or two parts of one total), never a conflict; populations match
  when their counted words match and, where both say where ("in 14 countries",
  "in the province"), the places match; a bare "people" matches only itself, except in a toll, where
  "people" is what a bare number counts ("killed 17 people" against "the toll stood at 26"), and so are
  victims and the words of the measure itself ("35 fatalities", "12 deaths", "30 injuries");
* about one event: facts of two documents are compared only when the documents
  share a place name (two earthquakes in two countries are two events), and not
  when the facts' own sentences name different places; a part of a place named by a direction or a
  locality word ("Northeast Philadelphia") or by more words after its name ("Los Angeles County", "the Kraft
  Foods plant") shares the place itself ("Philadelphia", "Los Angeles", "Kraft"); two parts do not ("North
  Carolina" and "South Carolina", "San Jose" and "San Diego");
* events: a fact whose subject is an event noun ("the blast", "the chemical plant explosion") or the doer of
  one ("a suicide bomber") has the subject ``event:<kind>`` (blast and explosion are one kind; in "a bomb
  attack" the specific kind wins over "attack"), and so has a count with no subject or a common-noun doer ("the
  suspect killed five") in an article whose headline or first sentence names its event; its tolls and, for a quake, its magnitude
  (:data:`EVENT_VALUES`) are compared when the documents share a place (one named after "in/at/near"
  counts too), were published within ``EVENT_WINDOW_DAYS``, and their days, where both give one, overlap;
  undated documents need the same event noun, a place named in both facts' sentences and days their texts
  give that overlap. A toll told as rising ("rose to 42", "now stands at 42") that is not below the other value, a higher toll
  in a report of a later day, and a figure told as revised are updates, never a conflict, and so is a figure its
  own report calls replaced ("30 dead, up from an earlier toll of 12") and another report's figure equal to it;
  reports of one day that disagree are disputes, and so are two totals of one span ("so far this year"). Every pair of one event's figures that share a figure is one dispute;
* days: the weekday of one happening of a named person or organisation (one verb, the person in one role: "Reid
  checked into rehab on Tuesday" against "on Friday") in another report within ``EVENT_WINDOW_DAYS``;
* ages: a named person's age ("Tara Reid, 33") against another report's within ``EVENT_WINDOW_DAYS``,
  when they differ by at most ``AGE_MAX_GAP`` years (further apart: two people of one name);
* for one period: equal periods, or, for additive counts (attacks, killed, ...),
  one period inside the other where the part exceeds the whole. Facts without a
  period are compared only with other undated facts from documents published
  within ``undated_fact_window_days`` of each other that share at least two other
  content words (the same event, conservatively).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...model import Comparator, EntityType, Fact, FactRelation, Mention
from .claims import entity_key
from .hits import Hit
from ...text.events import EVENT_KINDS, agent_kind, event_kind
from ...text.lexicon import Lexicon
from ...text.words import content_words, normalise_name

__all__ = ["EVENT_SUBJECT", "EVENT_VALUES", "EVENT_WINDOW_DAYS", "FactView", "event_class", "shared_places", "build_fact_views", "compare_facts", "parse_period", "value_interval"]

_INF = math.inf


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _one(p: str, end: bool) -> dt.date | None:
    p = p.strip()
    try:
        if m := re.fullmatch(r"(\d{4})", p):
            y = int(m[1])
            return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", p, re.IGNORECASE):
            y, q = int(m[1]), int(m[2])
            return _month_end(y, q * 3) if end else dt.date(y, q * 3 - 2, 1)
        if m := re.fullmatch(r"(\d{4})-H([12])", p, re.IGNORECASE):
            y, h = int(m[1]), int(m[2])
            return _month_end(y, h * 6) if end else dt.date(y, h * 6 - 5, 1)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", p):
            y, mo = int(m[1]), int(m[2])
            return _month_end(y, mo) if end else dt.date(y, mo, 1)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", p):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


def parse_period(period: str | None) -> tuple[dt.date, dt.date] | None:
    """'2021', '2021-08', '2021-08-26', '2024-Q4', '2021/2023', '2021-08/' (open) → (first day, last day)."""
    if not period:
        return None
    if "/" in period:
        left, _, right = period.partition("/")
        lo = _one(left, False) if left.strip() else dt.date.min
        hi = _one(right, True) if right.strip() else dt.date.max
    else:
        lo, hi = _one(period, False), _one(period, True)
    if lo is None or hi is None or lo > hi:
        return None
    return lo, hi


@dataclass(frozen=True)
class Interval:
    lo: float
    lo_open: bool
    hi: float
    hi_open: bool

    def disjoint(self, other: Interval) -> bool:
        return _below(self, other) or _below(other, self)

    def gap(self, other: Interval) -> float:
        return max(other.lo - self.hi, self.lo - other.hi, 0.0)


def _below(a: Interval, b: Interval) -> bool:
    return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))


def rounding(value: float) -> float:
    """What a round number may have been rounded by: half its last round unit, at most 2.5% of it
    (230,000 -> 5,000; 2,000 -> 50; 170 -> 4.25; 37 -> 0, not round)."""
    v = abs(value)
    if v < 100 or v != int(v):
        return 0.0
    unit = 1
    n = int(v)
    while n % 10 == 0 and n >= 10:
        n //= 10
        unit *= 10
    return min(unit / 2, 0.025 * v) if unit >= 10 else 0.0


def _rounded(v: FactView, other: FactView) -> Interval:
    """Two plain numbers ("230,000" and "232,000") are compared with the rounding the rounder one allows."""
    if Comparator(v.fact.comparator) is not Comparator.EQ or Comparator(other.fact.comparator) is not Comparator.EQ:
        return v.interval
    slack = max(rounding(v.fact.value), rounding(other.fact.value))
    return Interval(v.interval.lo - slack, v.interval.lo_open, v.interval.hi + slack, v.interval.hi_open)


def value_interval(f: Fact, tolerance: float) -> Interval:
    lo = f.value
    hi = f.value_max if f.value_max is not None else f.value
    comp = Comparator(f.comparator)
    if comp == Comparator.APPROX:
        return Interval(lo * (1 - tolerance), False, hi * (1 + tolerance), False)
    if comp == Comparator.GT:
        return Interval(lo, True, _INF, False)
    if comp == Comparator.GE:
        return Interval(lo, False, _INF, False)
    if comp == Comparator.LT:
        return Interval(-_INF, False, hi, True)
    if comp == Comparator.LE:
        return Interval(-_INF, False, hi, False)
    return Interval(lo, False, hi, False)


@dataclass(frozen=True)
class FactView:
    fact: Fact
    subject: str
    subject_name: str
    measure: str
    period: tuple[dt.date, dt.date] | None
    published: dt.date | None
    source: str
    interval: Interval
    words: frozenset[str]
    relation: FactRelation = FactRelation.COUNT
    population: tuple[frozenset[str], frozenset[str]] | None = None  # (counted words, place words), see population_key
    places: frozenset[str] = frozenset()  # places named near the fact
    document_places: frozenset[str] = frozenset()  # places its document names
    rising: bool = False  # told as a rising count ("the toll rose to 50"): an update, not a rival figure
    revised: bool = False  # told as a correction, up or down ("revised the magnitude to 6.1"): an update too
    event_noun: str = ""  # the event noun of an event subject, singular ("blast")
    background: bool = False  # an event count told as another event: "a quake that killed ...", "In 2003, ..."
    sentence: tuple[int, int] | None = None  # the bounds of an event fact's sentence in its document
    sentence_places: frozenset[str] = frozenset()  # places named in the fact's own sentence
    running: bool = False  # told as a total over a span ("over 50 arrests in four nights", "since the shooting")
    place_bases: frozenset[str] = frozenset()  # the places that the near places are parts of ("Northeast Philadelphia": Philadelphia)
    document_place_bases: frozenset[str] = frozenset()  # the same for every place its document names
    replaced: frozenset[float] = frozenset()  # figures its own report says a newer one replaced ("up from 12")

    @property
    def event(self) -> bool:
        """Whether the subject is an event (an explosion, an earthquake) rather than an actor."""
        return self.subject.startswith(EVENT_SUBJECT)


_SCOPE = re.compile(r"\s(?:in|across|throughout|inside)\s", re.IGNORECASE)


def population_key(population: str | None, lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]] | None:
    """The counted words and the place words of a population: "people in 14 countries" -> ({people}, {countri});
    "in the city of Bam" (a number without a counted noun) -> ({}, {city, bam})."""
    if not population:
        return None
    parts = _SCOPE.split(" " + population + " ", maxsplit=1)
    counted = content_words(parts[0], lexicon) | (frozenset({"people"}) if parts[0].strip().lower() in ("people", "persons") else frozenset())
    scope = content_words(parts[1], lexicon) if len(parts) > 1 else frozenset()
    return frozenset(w for w in counted if not any(ch.isdigit() for ch in w)), scope


_PEOPLE = frozenset({"people"})
_VICTIMS = "people persons victims individuals lives"
# the measures of one event's toll, whose words name nothing more than the victims; arrests and attacks are counted over
# days of unrest, where "86 arrests" (one day's) and "200 people arrested" (the week's) are a part and a whole
_TOLLS = frozenset({"killed", "injured"})
_BARE: dict[tuple[str, str], frozenset[str]] = {}


def _bare_words(measure: str, lexicon: Lexicon) -> frozenset[str]:
    """The counted words that say no more than a toll's measure: people and victims, and the lexicon's words for the
    measure itself ("deaths", "fatalities" for killed; "injuries" for injured)."""
    key = (measure, lexicon.version)
    if key not in _BARE:
        names = " ".join(w for w, m in lexicon.measure_synonyms.items() if m == measure and " " not in w)
        _BARE[key] = content_words(f"{_VICTIMS} {names} {measure}", lexicon) | _PEOPLE
    return _BARE[key]


def same_population(a: FactView, b: FactView, lexicon: Lexicon) -> bool:
    """Whether two facts count the same things: equal counted words, and equal place words where both say where.
    Two bare numbers ("the toll rose to 70") count the same only for a measure that means something alone
    (the lexicon's additive measures: killed, attacks, ...); "5 million" against "4" is not a population."""
    counted_a, where_a = a.population or (frozenset(), frozenset())
    counted_b, where_b = b.population or (frozenset(), frozenset())
    if a.measure in lexicon.additive_measures:
        # "people" is what a toll counts when it says nothing else: "killed 17 people" and "the toll stood at 26" agree on
        # it, and so do words that only name the measure ("35 fatalities", "12 deaths", "30 injuries") or its victims
        bare = _bare_words(a.measure, lexicon) if a.measure in _TOLLS else _PEOPLE
        counted_a, counted_b = (frozenset() if c <= bare else c for c in (counted_a, counted_b))
    if not counted_a or not counted_b:
        if counted_a or counted_b or a.measure not in lexicon.additive_measures | EVENT_VALUES | {AGE}:
            return False
    elif counted_a != counted_b:
        return False
    return not (where_a and where_b) or where_a == where_b


def same_event(a: FactView, b: FactView) -> bool:
    """Whether two facts can be about one event: one document, or documents that share a place (when both name
    places), and fact sentences that do not name different places."""
    if a.places and b.places and not _meet(a.places, a.place_bases, b.places, b.place_bases):
        return False
    if a.fact.document_id == b.fact.document_id:
        return True
    return not (a.document_places and b.document_places) or bool(
        _meet(a.document_places, a.document_place_bases, b.document_places, b.document_place_bases))


def _meet(x: frozenset[str], x_bases: frozenset[str], y: frozenset[str], y_bases: frozenset[str]) -> frozenset[str]:
    """The places two sets share, where a part of a place ("Northeast Philadelphia") meets the place itself
    ("Philadelphia"); two parts of one place ("North Carolina", "South Carolina") do not meet."""
    return (x & y) | (x_bases & y) | (x & y_bases)


# words that name a part of a place before its name ("Northeast Philadelphia", "southern Tarsel"): the part is in the place
_PLACE_PARTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
                          "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
                          "central", "downtown", "greater", "upstate", "rural", "suburban"})


def _place_bases(key: str, entities: Mapping[str, Any], by_name: Mapping[str, str]) -> frozenset[str]:
    """The keys of the places a place is a part of, by its name: "Northeast Philadelphia" is in Philadelphia; "Kraft
    Foods plant" and "Los Angeles County" are in what they open with (as an entity where one has that name, and as a
    name)."""
    name = key[5:] if key.startswith("name:") else str(getattr(entities.get(key), "name", "") or "")
    words = name.split()
    if len(words) < 2:
        return frozenset()
    bases = [" ".join(words[1:])] if words[0].lower() in _PLACE_PARTS else []
    bases += [" ".join(words[:n]) for n in range(1, len(words)) if words[n - 1].lower() not in _PLACE_PARTS]
    keys = {normalise_name(b) for b in bases} - {""}
    return frozenset({"name:" + k for k in keys} | {by_name[k] for k in keys if k in by_name})


EVENT_SUBJECT = "event:"
EVENT_WINDOW_DAYS = 7  # two reports of one event's toll: published within a week of each other
EVENT_MIN_SCORE = 0.6  # the least score of a finding (candidates.MIN_SCORE)
EVENT_VALUES = frozenset({"magnitude"})  # what an event has besides its counts of victims and acts: an earthquake's magnitude
# a figure told as a correction ("the survey revised the magnitude to 6.1", "the toll was lowered to 40") replaces the
# earlier one, up or down: an update, not a rival figure
_REVISED = re.compile(r"\b(?:revised|revises|revising|upgraded|downgraded|updated|lowered|corrected|adjusted)\b[^.;!?\n]{0,60}$",
                      re.IGNORECASE)
# a figure a newer one replaced: "up from an earlier toll of 12", "down from 40", "the previous figure of 12"
_SUPERSEDED = re.compile(r"\b(?:up|down)\s+from\s+(?:(?:an?|the)\s+)?(?:(?:earlier|previous|initial|preliminary|first)\s+)?"
                         r"(?:(?:death\s+)?(?:toll|figure|count|estimate|tally)\s+(?:of\s+)?)?$"
                         r"|\b(?:earlier|previous|initial|preliminary)\s+(?:death\s+)?(?:toll|figure|count|estimate|tally)s?\s+(?:of\s+)?$",
                         re.IGNORECASE)
_RISING = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|increased|reached|reaches|surpassed|"
                     r"mounted|grew|swelled|soared|up|now(?:\s+(?:stands|stood|is|totals|numbers)(?:\s+at)?)?)\s+(?:to\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|about\s+)?$",
                     re.IGNORECASE)


def event_class(subject_text: str | None) -> str | None:
    """The kind of event a fact's subject names ("the chemical plant explosion" -> explosion), or None."""
    words = re.findall(r"[a-z]+", (subject_text or "").lower())
    if not words:
        return None
    kind = event_kind(words[-1]) or agent_kind(words[-1])
    if kind == "attack":  # "a suicide bomb attack" is a bombing: the specific kind before the general word wins
        return next((k for w in words[:-1] if (k := event_kind(w)) not in (None, "attack")), kind)
    return kind


_PLACE_AFTER = re.compile(r"\b(?:in|at|near|outside|of|from)\s+(?:the\s+|a\s+)?((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
_NOT_PLACES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december i the a an""".split())


def named_places(text: str | None) -> list[tuple[int, int, str]]:
    """Capitalised names after a preposition of place ("in Varno", "at the Kessel refinery" -> Kessel): where an event
    happened, also when the entity stage did not type the name as a place."""
    if not isinstance(text, str):
        return []
    out = []
    for m in _PLACE_AFTER.finditer(text):
        words = [w for w in m.group(1).split() if w.lower() not in _NOT_PLACES]
        if words:
            out.append((m.start(1), m.end(1), "name:" + normalise_name(" ".join(words))))
    return out


_FIRST_SENTENCE = re.compile(r"[.!?](?:\s|$)")


_PERFECT = re.compile(r"\b(?:have|has|had)\s+(?:(?:already|now|since|reportedly|allegedly)\s+)?$", re.IGNORECASE)


def _record(text: str | None, f: Fact) -> bool:
    """Whether a doer's count is told in the perfect ("militants have killed thousands"): a record over time."""
    return isinstance(text, str) and _PERFECT.search(text[max(0, f.start - 40) : f.start]) is not None


def _common_noun(subject_text: str | None, text: str | None = None) -> bool:
    """Whether a count's subject is absent or only a common noun phrase ("the suspect", "a disgruntled woman"), not a name.
    A first word capitalised only because it opens the sentence ("Officials reported 35 fatalities") is a common noun
    where the document also writes it in lower case ("local officials said")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", subject_text or "")
    if any(w[0].isupper() for w in words[1:]):
        return False
    if not words or not words[0][0].isupper() or words[0].lower() in ("the", "a", "an"):
        return True
    return isinstance(text, str) and re.search(rf"\b{re.escape(words[0].lower())}\b", text) is not None


def lead_event(document: Any) -> tuple[str, str] | None:
    """The event an article is about, as its title or first sentence names it ("Port Selin market blast: ...",
    "At least 37 people were killed in the bombing ..."): (kind, noun), or None when neither names one."""
    title = getattr(document, "title", None) or ""
    text = getattr(document, "text", None)
    lead = text[: LEAD_CHARS] if isinstance(text, str) else ""
    end = _FIRST_SENTENCE.search(lead)
    for part in (title, lead[: end.end()] if end else lead):
        for m in re.finditer(r"[a-z]+", part.lower()):
            word = m.group(0)
            kind = event_kind(word) or agent_kind(word)
            if kind is None:
                continue
            if word == "fire" and _OPENED.search(part.lower(), 0, m.start()):
                return "attack", "shooting"  # "a gunman opened fire": a shooting, not a blaze
            if word == "fire" and _UNDER.search(part.lower(), 0, m.start()):
                continue  # "mayor under fire over ...": criticism (or gunfire), never a blaze
            if not _VERB_USE.match(part.lower(), m.end()):
                return kind, word
    return None


_OPENED = re.compile(r"\bopen(?:ed|s|ing)?\s+$")
_UNDER = re.compile(r"\bunder\s+$")
# an event word used as a verb, with its object after it ("navy storms the ship", "attacks a convoy"), names no event
_VERB_USE = re.compile(r"[ \t]+(?:the|a|an|his|her|their|its|two|three|several)\b")  # a headline ends at its line break


def _event_noun(subject_text: str | None) -> str:
    head = re.findall(r"[a-z]+", (subject_text or "").lower())[-1]
    return head[:-1] if head not in EVENT_KINDS and head.endswith("s") else head


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")
LEAD_CHARS = 400  # the lead of an article, where its own event is introduced ("A blast killed 17 people in ...")
_OTHER_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|January|February|March|April|June|July|August|September|October|November|December|ago|"
    r"last\s+(?:year|month|week)|previous|earlier\s+this|years|decades?|months)\b")
# another time told back from the publication day: its period may end within the event window, yet it is not the
# article's own event ("Last week, a quake in the same region killed 12")
_TOLD_BACK = re.compile(r"\b(?:last\s+(?:year|month|week)|earlier\s+this|previous|ago)\b", re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _sentence(text: str, f: Fact) -> tuple[int, int]:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, f.start)), default=0)
    end = _SENTENCE_END.search(text, f.end)
    return start, end.start() + 1 if end else len(text)


def _recent(f: Fact, published: dt.date | None) -> bool:
    """Whether the fact's own period ends within the event window before publication ("on Sunday, 16 March 2025"
    in an article of 17 March): the date the sentence names is the article's own event, not another time."""
    period = parse_period(f.period)
    return period is not None and published is not None and 0 <= (published - period[1]).days <= EVENT_WINDOW_DAYS


def _background(text: str | None, f: Fact, subject_text: str | None = None, published: dt.date | None = None) -> bool:
    """Whether an event count is about another event than the article's own: its sentence names another time
    ("In February, a quake ... killing 612", "in December 2003"), or, after the lead, it introduces the event with
    an indefinite article ("a quake that killed tens of thousands")."""
    subject_text = subject_text or f.subject_text
    if not isinstance(text, str) or not subject_text:
        return False
    s0, s1 = _sentence(text, f)
    sentence = text[s0:s1]
    if _OTHER_TIME.search(sentence) and not (_recent(f, published) and not _TOLD_BACK.search(sentence)):
        return True  # a date within the week of publication is the article's own event; "last week" is another
    if not f.subject_text:
        return False  # the article's own event, named in its lead
    at = sentence.find(f.subject_text)
    return at >= 0 and s0 >= LEAD_CHARS and _INDEFINITE.search(sentence[:at]) is not None


def _sentence_places(text: str | None, f: Fact, places: Sequence[tuple[int, int, str]]) -> frozenset[str]:
    if not isinstance(text, str):
        return frozenset()
    s0, s1 = _sentence(text, f)
    return frozenset(k for a, b, k in places if s0 <= a and b <= s1)


def _revised(text: str | None, f: Fact) -> bool:
    """Whether a figure is told as revised ("revised the toll to 41") or as the one a newer figure replaced ("up from an
    earlier toll of 12", "the previous figure of 12")."""
    if not isinstance(text, str):
        return False
    return _REVISED.search(text[max(0, f.start - 80) : f.start]) is not None or \
        _SUPERSEDED.search(text[max(0, f.start - 60) : f.start]) is not None


def _rising(text: str | None, f: Fact) -> bool:
    if not isinstance(text, str):
        return False
    window = text[max(0, f.start - 40) : f.end]
    num = re.search(r"\d", window[40 if f.start >= 40 else f.start :])
    at = (40 if f.start >= 40 else f.start) + (num.start() if num else 0)
    before = window[:at]
    before = re.sub(r"(?:at\s+least|more\s+than|over|nearly|about)\s*$", "", before, flags=re.IGNORECASE).rstrip() + " "
    return _RISING.search(before) is not None


_NEAR = 160  # characters either side of a fact in which a place counts as the fact's own


def _places(mentions: Sequence[Mention] | None, key_to_entity: Mapping[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for m in mentions or ():
        if m.type is EntityType.PLACE and m.is_name:
            out.append((m.start, m.end, key_to_entity.get(m.local_key) or "name:" + normalise_name(m.canonical or m.text)))
    return out


def normalise_measure(measure: str, lexicon: Lexicon) -> str:
    m = " ".join(measure.lower().split())
    if m in lexicon.measure_synonyms:
        return lexicon.measure_synonyms[m]
    last = m.split(" ")[-1] if m else m
    return lexicon.measure_synonyms.get(last, m)


def build_fact_views(
    facts: Sequence[Fact],
    mentions_canonical: Mapping[str, str],
    key_to_entity: Mapping[str, str],
    entities: Mapping[str, Any],
    documents: Mapping[str, Any],
    lexicon: Lexicon,
    mentions_by_doc: Mapping[str, Sequence[Mention]] | None = None,
) -> list[FactView]:
    """Facts with a subject, ready to compare; facts whose subject is unknown are left out.
    ``mentions_by_doc`` gives the places each fact and document name (no places: events are not told apart)."""
    out = []
    places_by_doc: dict[str, list[tuple[int, int, str]]] = {}
    lead_by_doc: dict[str, tuple[str, str] | None] = {}  # each document's own event, read once
    bases_of: dict[str, frozenset[str]] = {}  # each place key's wholes, read once
    place_names = {normalise_name(str(getattr(e, "name", ""))): k for k, e in entities.items()
                   if getattr(e, "type", None) is EntityType.PLACE}
    for f in facts:
        # an event is the subject of its counts of victims and acts (killed, injured, attacks), not of "150 miles"
        additive = normalise_measure(f.measure, lexicon) in lexicon.additive_measures | EVENT_VALUES
        event = event_class(f.subject_text) if additive else None
        event_text = f.subject_text
        doc = documents.get(f.document_id)
        if (event is None and additive and f.subject_key is None and _common_noun(f.subject_text, getattr(doc, "text", None))
                and not (f.subject_text and _record(getattr(doc, "text", None), f))):
            # "Twelve people died when a device went off ...": a count with no subject is about the article's own event,
            # and so is one whose doer is a common noun ("the suspect killed five", "a man armed with a rifle killed
            # five"): who did it does not tell two reports of one event apart, the event does; a doer's record
            # ("the insurgents have killed thousands") is not one event's toll
            if f.document_id not in lead_by_doc:
                lead_by_doc[f.document_id] = lead_event(doc)
            lead = lead_by_doc[f.document_id]
            if lead is not None:
                event, event_text = lead
        if event is not None:
            canonical = event_text or event
            subject = EVENT_SUBJECT + event
        elif f.subject_key is not None:
            canonical = mentions_canonical.get(f.subject_key, f.subject_text or "")
            subject = entity_key(f.subject_key, canonical, key_to_entity)
        elif f.subject_text:
            canonical = f.subject_text
            subject = "name:" + normalise_name(f.subject_text)
        else:
            continue
        ent = entities.get(subject)
        published = getattr(doc, "published", None)
        if isinstance(published, dt.datetime):
            published = published.date()
        measure = normalise_measure(f.measure, lexicon)
        words = content_words(f.text, lexicon) - content_words(f.measure + " " + measure + " " + canonical, lexicon)
        if f.document_id not in places_by_doc:
            places_by_doc[f.document_id] = _places((mentions_by_doc or {}).get(f.document_id), key_to_entity)
        if event is not None and (f.document_id, "text") not in places_by_doc:
            places_by_doc[(f.document_id, "text")] = named_places(getattr(doc, "text", None))  # type: ignore[index]
        doc_places = places_by_doc[f.document_id] + (places_by_doc.get((f.document_id, "text"), []) if event else [])  # type: ignore[call-overload]
        near = frozenset(k for s0, e0, k in doc_places if f.start - _NEAR <= s0 and e0 <= f.end + _NEAR)
        for _, _, k in doc_places:
            if k not in bases_of:
                bases_of[k] = _place_bases(k, entities, place_names)
        near_bases = frozenset(b for s0, e0, k in doc_places if f.start - _NEAR <= s0 and e0 <= f.end + _NEAR for b in bases_of[k])
        doc_text = getattr(doc, "text", None)
        out.append(
            FactView(
                fact=f,
                subject=subject,
                subject_name=str(getattr(ent, "name", canonical) if ent is not None else canonical),
                measure=measure,
                period=parse_period(f.period),
                published=published,
                source=str(getattr(doc, "source", None) or f.document_id),
                interval=value_interval(f, lexicon.approx_tolerance),
                words=frozenset(w for w in words if not any(ch.isdigit() for ch in w)),
                relation=FactRelation(f.relation),
                population=population_key(f.population, lexicon),
                places=near,
                document_places=frozenset(k for _, _, k in doc_places),
                rising=_rising(getattr(doc, "text", None), f),
                revised=_revised(getattr(doc, "text", None), f),
                event_noun=_event_noun(event_text) if event else "",
                background=event is not None and _background(getattr(doc, "text", None), f, event_text, published),
                sentence_places=_sentence_places(getattr(doc, "text", None), f, doc_places) if event else frozenset(),
                sentence=_sentence(doc_text, f) if event and isinstance(doc_text, str) else None,
                running=_running(doc_text, f),
                place_bases=near_bases,
                document_place_bases=frozenset(b for _, _, k in doc_places for b in bases_of[k]),
            )
        )
    return _with_replaced(out)


def _with_replaced(views: list[FactView]) -> list[FactView]:
    """Each view with the figures its report calls replaced for the same subject and measure ("up from 12")."""
    replaced: dict[tuple[str, str, str], set[float]] = {}
    for v in views:
        if v.revised:
            replaced.setdefault((v.fact.document_id, v.subject, v.measure), set()).add(v.fact.value)
    if not replaced:
        return views
    return [dataclasses.replace(v, replaced=frozenset(replaced[k])) if (k := (v.fact.document_id, v.subject, v.measure)) in replaced
            and not v.revised else v for v in views]


def compare_facts(a: FactView, b: FactView, lexicon: Lexicon) -> Hit | None:
    """A hit when the two facts' values cannot both hold for their periods."""
    if a.fact.id == b.fact.id or a.subject != b.subject:
        return None
    if a.relation is not FactRelation.COUNT or b.relation is not FactRelation.COUNT:
        return None  # changes, ranges, rates and shares are not counts to set against each other
    if a.measure == AGE:
        return _compare_ages(a, b)
    if a.measure == WEEKDAY:
        return _compare_days(a, b)
    if not same_population(a, b, lexicon) or not same_event(a, b):
        return None
    if a.fact.document_id == b.fact.document_id and a.measure not in lexicon.additive_measures:
        return None  # one text giving two yardages or two sums is about two things far more often than not
    if _update(a, b):
        return None
    hit = _compare_dated(a, b, lexicon)
    if hit is None and a.event and b.event:
        return _compare_event(a, b)
    return hit


AGE = "age"
AGE_MAX_GAP = 3  # two ages of one name further apart are two people of one name (a father and a son), not a dispute


def _compare_ages(a: FactView, b: FactView) -> Hit | None:
    """Two reports, within a week of each other, that give one named person different ages ("Reid, 33" and "the
    34-year-old Reid"); a person's age is the same all week (a birthday between them is rare)."""
    if a.fact.document_id == b.fact.document_id or a.fact.value == b.fact.value or abs(a.fact.value - b.fact.value) > AGE_MAX_GAP:
        return None
    if a.published is None or b.published is None or abs((a.published - b.published).days) > EVENT_WINDOW_DAYS:
        return None
    return Hit(max(EVENT_MIN_SCORE, _score(a, b)), "ages of one person, reported within days, that cannot both hold", "numeric",
               (0, len(a.fact.text)), (0, len(b.fact.text)))


WEEKDAY = "weekday"  # the day of the week of a happening: the facts stage's WEEKDAY


def _compare_days(a: FactView, b: FactView) -> Hit | None:
    """Two reports, within a week of each other, that give one happening of one named person or organisation (one
    verb, the person in one role: "Reid checked into rehab") two weekdays ("on Tuesday", "on Friday"). A happening
    has one weekday whenever a report of it was published, so the two cannot both hold."""
    if a.fact.document_id == b.fact.document_id or a.fact.value == b.fact.value or a.fact.population != b.fact.population:
        return None
    if a.published is None or b.published is None or abs((a.published - b.published).days) > EVENT_WINDOW_DAYS:
        return None
    return Hit(EVENT_MIN_SCORE + 0.1, "days of one happening, reported within days, that cannot both hold", "numeric",
               (0, len(a.fact.text)), (0, len(b.fact.text)))


def _update(a: FactView, b: FactView) -> bool:
    """A toll told as rising ("rose to 50") that is not below the other value updates it, and so does a figure told
    as revised, either way; neither is a rival figure. A total over a span ("over 50 arrests in four nights of
    protest") that is not below the other value holds it (one night's "one arrest") as a part; two totals for one
    span ("so far this year" in two reports of one day) are rival figures."""
    if a.fact.value in b.replaced or b.fact.value in a.replaced:
        return True  # "30 dead, up from an earlier toll of 12" against a report of 12: the figure it replaced
    return a.revised or b.revised or any((big.rising or (big.running and not _same_span(big, other)))
                                         and not _below(big.interval, other.interval) for big, other in ((a, b), (b, a)))


def _same_span(a: FactView, b: FactView) -> bool:
    """Whether two totals are told for one span of days ("so far this year" in two reports of one day): neither
    holds the other as a part."""
    return a.period is not None and a.period == b.period and a.period[0] != a.period[1]


# a count told as the total of a span of time: "since the shooting", "so far", "in all", "over four nights", "in the
# past week" (not "since 2005": a record's reference year)
_RUNNING = re.compile(r"\b(?:since\s+(?!(?:19|20)\d\d)|so\s+far|to\s+date|in\s+all|in\s+total|altogether|cumulative|"
                      r"(?:over|in|during|across)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?(?:\w+\s+)?(?:days|nights|weeks|week))",
                      re.IGNORECASE)


def _running(text: str | None, f: Fact) -> bool:
    if not isinstance(text, str):
        return False
    s0, s1 = _sentence(text, f)
    return _RUNNING.search(text, s0, s1) is not None


def _compare_dated(a: FactView, b: FactView, lexicon: Lexicon) -> Hit | None:
    span_a, span_b = (0, len(a.fact.text)), (0, len(b.fact.text))
    if a.period is not None and b.period is not None:
        if a.period == b.period:
            if not _rounded(a, b).disjoint(_rounded(b, a)):
                return None
            return Hit(_score(a, b), "values that cannot both hold for the same period", "numeric", span_a, span_b)
        if a.measure not in lexicon.additive_measures:
            return None
        whole, part = (a, b) if _contains(a.period, b.period) else (b, a) if _contains(b.period, a.period) else (None, None)
        if whole is None or part is None:
            return None
        if _below(whole.interval, part.interval):  # the part exceeds the whole
            hit = Hit(round(_score(a, b) * 0.85, 4), "a count for part of a period exceeds the count for the whole period", "numeric", span_a, span_b)
            return hit
        return None
    if a.period is not None or b.period is not None:
        return None
    if a.published is None or b.published is None:
        return None
    if abs((a.published - b.published).days) > lexicon.undated_fact_window_days:
        return None
    if len(a.words & b.words) < 2 or not _rounded(a, b).disjoint(_rounded(b, a)):
        return None
    return Hit(round(_score(a, b) * 0.75, 4), "undated values about the same event, reported within weeks, that cannot both hold", "numeric", span_a, span_b)


def shared_places(a: FactView, b: FactView) -> frozenset[str]:
    """The places two event facts share: of their own sentences where both name one, else of their documents."""
    if a.places and b.places:
        return _meet(a.places, a.place_bases, b.places, b.place_bases)
    return _meet(a.document_places, a.document_place_bases, b.document_places, b.document_place_bases)


def _compare_event(a: FactView, b: FactView) -> Hit | None:
    """Two tolls of one event: the same kind of event, a place both name, reported within a week, on overlapping
    days where both give one; values that cannot both hold. A toll told as rising ("rose to 50") that is not
    below the other value is an update, not a rival figure, and so is a higher figure in a report of a later day:
    reports of one day (the same time) that disagree are a dispute, and so is a later report with a lower figure."""
    if a.background or b.background:
        return None  # an earlier quake recalled in the background is another event
    if a.fact.document_id != b.fact.document_id and not shared_places(a, b):
        return None  # two reports of one event name one place (one article may name it once)
    if a.published is None or b.published is None:
        # no publication dates to tie the reports: the same event noun, a place both fact sentences name, and days the
        # texts themselves give (a town has had more than one fire; two undated reports of "the fire" may be two)
        if a.fact.document_id != b.fact.document_id and (a.event_noun != b.event_noun or not a.sentence_places & b.sentence_places
                                                          or a.period is None or b.period is None):
            return None
    elif abs((a.published - b.published).days) > EVENT_WINDOW_DAYS:
        return None
    elif a.published != b.published and a.fact.document_id != b.fact.document_id:
        earlier, later = (a, b) if a.published < b.published else (b, a)
        if _below(earlier.interval, later.interval):
            return None  # a later report with a higher figure: the count went up (an update), not a rival figure
    if a.period is not None and b.period is not None and (a.period[1] < b.period[0] or b.period[1] < a.period[0]):
        return None
    if not _rounded(a, b).disjoint(_rounded(b, a)):
        return None
    # two figures of one event that cannot both hold are a dispute however close they are (37 against 40 dead):
    # closeness lowers the rank, never below what a finding needs
    what = "magnitudes" if a.measure in EVENT_VALUES else "tolls"
    return Hit(max(EVENT_MIN_SCORE, round(_score(a, b) * 0.9, 4)), f"{what} of one event, reported within days, that cannot both hold", "numeric",
               (0, len(a.fact.text)), (0, len(b.fact.text)))


def _contains(outer: tuple[dt.date, dt.date], inner: tuple[dt.date, dt.date]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def _score(a: FactView, b: FactView) -> float:
    gap = a.interval.gap(b.interval)
    scale = max(abs(a.fact.value), abs(b.fact.value), abs(a.fact.value_max or 0), abs(b.fact.value_max or 0), 1.0)
    if a.measure in EVENT_VALUES:
        scale = 1.0  # a magnitude is on a log scale: 6.2 against 6.4 is a wide gap
    rel = gap / scale
    score = 0.6 + 0.35 * min(1.0, rel / 0.5)
    if a.fact.document_id == b.fact.document_id and not (a.event and b.event and _apart(a, b)):
        # one text disagreeing with itself is more often an extraction slip; not so two tolls of one event in
        # two sentences of one article ("Rescue officials said 230 died ... The ministry said 180 were killed")
        score *= 0.8
    return round(score, 4)


def _apart(a: FactView, b: FactView) -> bool:
    """Whether two event facts of one document stand in different sentences (known ones)."""
    return a.sentence is not None and b.sentence is not None and a.sentence != b.sentence
