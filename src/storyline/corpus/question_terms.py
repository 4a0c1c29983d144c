"""Question terms: the thing an actor keeps talking about ("the wall", "emails", "the nuclear deal").

An actor's remarks on one question often name no entity the question could be filed
under ("we will build a wall", "a border wall", "Mexico will pay for the wall"), or
name a different one each time. What they share is a common noun. A *question term*
of an actor is a noun (a word the actor uses after a determiner, possessive or
preposition: "a wall", "for the wall", "our borders") that the actor uses in at least
:data:`MIN_STATEMENTS` distinct remarks (two for an actor quoted less than :data:`SMALL_ACTOR` times) and that is not too general to name a
question (``data/subjects/generic_nouns.json``). Terms that keep appearing together
("border" and "wall") are one question. Only the actor's own statements count, so an
actor's storylines do not depend on anyone else's.

The label is the phrase the actor uses for it: the most frequent two-word noun phrase
holding the term ("the border wall") or the term itself ("the wall", "taxes"), with
the subject most of those remarks name: "Hillary Clinton's emails", "the border wall
and Mexico".
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text.names import name_gender

__all__ = ["MIN_STATEMENTS", "SMALL_ACTOR", "TermGroup", "generic_nouns", "min_statements", "noun_phrase_used", "noun_terms", "owner_of", "says_possessive", "singular",
           "term_groups", "term_label"]

MIN_STATEMENTS = 3  # distinct remarks of one actor using a noun before it can name a question
SMALL_ACTOR = 12  # an actor quoted fewer times than this (an article's earlier and later stance) needs two remarks only
JOIN_SHARE = 0.4  # two terms are one question when they appear together in this share of the rarer one's remarks
SPREAD = 0.5  # a noun an actor uses about more distinct subjects than this share of its remarks is too general
SUBJECT_SHARE = 1 / 3  # a subject named in this share of a question's remarks goes into its label

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_DETERMINERS = frozenset("""a an the this that these those our their his her its my your no any some every each another
more most many few several both all such whose which what for of on about with against over in into from by at
between without under after before through""".split())  # not "to": "to build" is a verb
_MODIFIERS = frozenset("very more most other same own whole last first next few much many entire".split())  # "a very big wall"
_PARTICIPLE = re.compile(r"[^e]ed$")
# after these a word is a verb ("to share their worries", "will share"), not the noun the actor uses elsewhere
_VERB_BEFORE = frozenset("to will would shall should can could may might must not n't never do does did don't doesn't didn't".split())
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")  # one capitalised word, not an acronym: "Karsa", "Anti-Karsa"
_CONTRACTED = frozenset("it he she that there here what who where when how why let this everyone everybody someone somebody "
                        "nobody one".split())  # before "'s", these contract "is", "has" or "us", they own nothing
_ADJECTIVE_END = re.compile(
r"(?:ly|ful|ous|ible|able|[^e]ed|ing)$")


def min_statements(remarks: int) -> int:
    """How many distinct remarks of an actor with ``remarks`` remarks must use a noun for it to name a question."""
    return 2 if remarks < SMALL_ACTOR else MIN_STATEMENTS


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    """Nouns too general to name a question on their own (``data/subjects/generic_nouns.json``), singular."""
    raw = json.loads((resources.files("storyline") / "data" / "subjects" / "generic_nouns.json").read_text(encoding="utf-8"))
    return frozenset(raw["nouns"])


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from .questions import _STOP_EXTRA

    return frozenset(STOP_WORDS) | _STOP_EXTRA | generic_nouns()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _DETERMINERS


def _wordlike(token: str) -> bool:
    return token.replace("-", "").isalpha() and not token.endswith("-")


def _key(word: str) -> str:
    """A noun's key: singular, lower case, without hyphens ("e-mails" and "emails" are one)."""
    return singular(word.lower()).replace("-", "")


_FE = frozenset({"life", "wife", "knife"})


@lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """A lower-case noun's singular, by spelling: "taxes" → "tax", "countries" → "country", "walls" → "wall"."""
    if len(word) > 4 and word.endswith("ves") and word[:-3] + "fe" in _FE:
        return word[:-3] + "fe"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and re.search(r"(?:ss|x|z|ch|sh)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def noun_terms(text: str) -> dict[str, tuple[str, str | None]]:
    """Common nouns of ``text`` used as nouns, singular: the last word of a run of lower-case content words
    after a determiner, possessive or preposition ("for the border wall", "our borders"), which may open with one
    capitalised word that modifies them ("the Karsa embargo").

    Maps each term to (its surface form, the content word right before it or None): "for
    the big border wall" → {"wall": ("wall", "border")}.
    """
    stop = _stop()
    function = _function_words()
    tokens = _TOKEN.findall(text)
    out: dict[str, tuple[str, str | None]] = {}
    i = 0
    while i < len(tokens):
        det, low = tokens[i], tokens[i].lower()
        i += 1
        possessive = low.endswith(("'s", "’s"))
        if possessive and low[:-2] in _CONTRACTED:
            continue  # "it's true", "that's a shame", "let's": a verb or pronoun contracted, no owner before a noun
        if low not in _DETERMINERS and not possessive:
            continue
        run: list[str] = []
        if (i + 1 < len(tokens) and _NAME_WORD.fullmatch(tokens[i]) and _wordlike(tokens[i + 1]) and tokens[i + 1][0].islower()
                and tokens[i + 1].lower() not in function):
            run.append(tokens[i])  # "the Karsa embargo": a name before the noun modifies it
            i += 1
        while (i < len(tokens) and len(run) < 3 and _wordlike(tokens[i]) and tokens[i][0].islower()
               and (tokens[i].lower() not in function or tokens[i].lower() in _MODIFIERS)
               and not (run and _PARTICIPLE.search(tokens[i]))):  # "the deal signed yesterday": the noun ends before a verb
            run.append(tokens[i])
            i += 1
        if (not run or len(run[-1]) < 3 or run[-1].lower() in stop or singular(run[-1].lower()) in stop
                or _ADJECTIVE_END.search(run[-1].lower())):
            continue  # "a very big", "the facts", "federal spending": no noun an actor's question is about
        after = tokens[i].lower() if i < len(tokens) else ""
        if len(run) == 1 and low == "the" and after == "out" and singular(run[0].lower()) == run[0].lower():
            continue  # "bomb the hell out of them", "get the hell out": an intensifier inside a fixed verb phrase, no argument
        head = run[-1]
        before = run[-2] if len(run) > 1 else ""
        modifier = (before if before[:1].isupper() else before.lower()) if (
            before and before.lower() not in function and not before.lower().endswith("ly")) else None
        if modifier is None and len(run) == 1 and possessive and det[:1].islower():

            modifier = low  # "the woman's card", "the nation's debt": a common noun's possessive names the kind of thing
        out.setdefault(_key(head), (head, modifier))
    return out


@dataclass(frozen=True)
class TermGroup:
    """One question of an actor read from its nouns: the terms, the main term and the phrase naming it."""

    key: str  # the main term
    terms: frozenset[str]
    phrase: str  # "the border wall", "taxes"


def term_groups(texts: Mapping[str, str], subjects: Mapping[str, Collection[str]] | None = None
                ) -> tuple[dict[str, TermGroup], dict[str, dict[str, tuple[str, str | None]]]]:
    """One actor's question terms: term → its group, and each statement's noun terms.

    ``texts`` maps statement id → content, ``subjects`` statement id → the subjects it names.
    A remark said twice (same words) counts once. A word the actor mostly uses before another
    noun ("bad deal", "foreign policy") is a modifier, not a question; a noun the actor uses
    about many different subjects ("the campaign", "the president") is too general to be one.
    """
    terms = {sid: noun_terms(text) for sid, text in texts.items()}
    seen: Counter[str] = Counter(t for found in terms.values() for t in found)
    nouns = {t for t, n in seen.items() if n >= 2}  # "raise taxes": a word the actor uses as a noun elsewhere is one here too
    for sid, text in texts.items():
        tokens = _TOKEN.findall(text)
        function = _function_words()
        for i, tok in enumerate(tokens):
            if _wordlike(tok) and tok[0].islower() and _key(tok) in nouns and (
                    i == 0 or tokens[i - 1].lower() not in _VERB_BEFORE and tokens[i - 1].lower() not in _SUBJECT_PRONOUNS):  # "I mean"
                after = tokens[i + 1] if i + 1 < len(tokens) else ""
                modifies = _wordlike(after) and after[0].islower() and after.lower() not in function
                # "": before another noun ("email rules"), not how the actor names the thing; None: a bare noun ("break up banks")
                terms[sid].setdefault(_key(tok), (tok, "" if modifies else None))
    distinct: dict[str, str] = {}
    for sid in terms:
        distinct.setdefault(" ".join(re.findall(r"\w+", texts[sid].casefold())), sid)
    support: Counter[str] = Counter(t for sid in distinct.values() for t in terms[sid])
    modifier = _modifier_uses(texts[sid] for sid in distinct.values())
    named: dict[str, Counter[str]] = {}
    for sid in distinct.values():
        for t in terms[sid]:
            named.setdefault(t, Counter()).update(set((subjects or {}).get(sid, ())))
    candidates = sorted((t for t, n in support.items()
                         if n >= min_statements(len(distinct)) and modifier[t] < n and len(named.get(t, ())) <= SPREAD * n),
                        key=lambda t: (-support[t], t))
    if not candidates:
        return {}, terms
    cand = set(candidates)
    together: Counter[tuple[str, str]] = Counter()
    for sid in distinct.values():
        present = sorted(t for t in terms[sid] if t in cand)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                together[(a, b)] += 1
    lead_of = {t: t for t in candidates}
    led: set[str] = set()
    strength = {pair: n / min(support[pair[0]], support[pair[1]]) for pair, n in together.items()}
    for (a, b) in sorted(together, key=lambda p: (-strength[p], p)):
        if together[(a, b)] < 2 or strength[(a, b)] < JOIN_SHARE:
            break
        lead, other = (a, b) if (-support[a], a) < (-support[b], b) else (b, a)
        # one level only: a term joins a leading term, never a chain of joins ("wall" ← "border", not ← "security")
        if lead_of[lead] == lead and lead_of[other] == other and other not in led:
            lead_of[other] = lead
            led.add(lead)
    members: dict[str, set[str]] = {}
    for t in candidates:
        members.setdefault(lead_of[t], set()).add(t)
    out: dict[str, TermGroup] = {}
    for lead, group in members.items():
        grp = TermGroup(lead, frozenset(group), _phrase(lead, (terms[sid] for sid in distinct.values()),
                                                         [texts[sid] for sid in distinct.values()]))
        for t in group:
            out[t] = grp
    return out, terms


_PAIR = re.compile(r"(?=\b([a-z][a-z-]+)\s+([A-Za-z][a-z-]+)\b)")  # "bad deal", "foreign Muslims"


def _modifier_uses(texts: Iterable[str]) -> Counter[str]:
    """How often each word (singular) stands right before another content word: "bad deal", "border wall"."""
    stop = _function_words()
    out: Counter[str] = Counter()
    for text in texts:
        for a, b in _PAIR.findall(text):
            if b.lower() not in stop and a not in stop:
                out[_key(a)] += 1
    return out


def _phrase(lead: str, found: Iterable[Mapping[str, tuple[str, str | None]]], texts: Collection[str] = ()) -> str:
    """The words an actor uses for a question: "the border wall" (a two-word phrase said at least twice), else "the wall";
    without "the" for a plural ("taxes") or a noun the actor uses without an article ("illegal immigration")."""
    surfaces: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for f in found:
        if lead in f:
            surface, modifier = f[lead]
            if modifier == "":
                continue
            surfaces[surface.lower()] += 1
            if modifier is not None:
                pairs[f"{modifier} {surface.lower()}"] += 1
    surface = min(surfaces, key=lambda s: (-surfaces[s], s)) if surfaces else lead
    best_pair = min(pairs, key=lambda p: (-pairs[p], p)) if pairs else None
    words = best_pair if best_pair is not None and pairs[best_pair] >= 2 and pairs[best_pair] * 3 >= sum(surfaces.values()) else surface
    plural = singular(words.split()[-1]) != words.split()[-1]
    return words if plural or _bare(words, texts) else f"the {words}"


_ARTICLES = frozenset("a an the this that another every each our his her their my your its no any".split())


def _bare(words: str, texts: Collection[str]) -> bool:
    """Whether the actor mostly uses a singular phrase without an article: a mass noun ("on illegal immigration",
    "stop illegal immigration"), not a count noun ("a wall", "the wall")."""
    pattern = re.compile(r"(\w+)\W+" + r"\W+".join(re.escape(w) for w in words.split()) + r"\b", re.IGNORECASE)
    bare = with_article = 0
    for text in texts:
        for m in pattern.finditer(text):
            if m[1].lower() in _ARTICLES:
                with_article += 1
            else:
                bare += 1
    return bare > with_article


def term_label(phrase: str, subject_name: str | None, possessive: bool) -> str:
    """"the border wall", "Hillary Clinton's emails" (the actor speaks of the subject's emails), "the border wall and Mexico";
    a phrase that holds the subject's name already says it ("the Iraq war", not "the Iraq war and Iraq war")."""
    if subject_name is None or subject_name.casefold() in phrase.casefold():
        return phrase
    if not possessive:
        return f"{phrase} and {subject_name}"
    bare = phrase.removeprefix("the ")
    return f"{subject_name}' {bare}" if subject_name.endswith("s") else f"{subject_name}'s {bare}"


def says_possessive(text: str, written: str, terms: Collection[str]) -> bool:
    """Whether ``text`` has the subject (as written) owning one of ``terms``: "Clinton's private emails"."""
    if not written:
        return False
    for m in re.finditer(re.escape(written) + r"['’]s?\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", text):
        if any(_key(w) in terms for w in m[1].split()):
            return True
    return False


_SAME_GENDER = {"m": "his", "f": "her"}
_OWNER = re.compile(r"\b(my|your|his|her|its|our|their|[A-Z][\w-]*['’]s?)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)")


def owner_of(text: str, actor_name: str, terms: Collection[str]) -> str | None:
    """Who ``text``, said by the actor, has own one of ``terms``: "actor" for "my emails" in its own words or the
    actor's own name ("Suda's emails" said by Mira Suda); "other" for any other owner ("your emails", "our borders":
    a group's, not the actor's; "his" said of a woman); None where no one owns them, or only a pronoun of the actor's
    gender ("she said her emails", "he welcomed his support": whose, reported speech does not tell)."""
    names = {w.casefold() for w in actor_name.split() if w[:1].isupper()}
    unsure = _SAME_GENDER.get(name_gender(actor_name) or "", "")
    found = None
    for m in _OWNER.finditer(text):
        if not any(_key(w) in terms for w in m[2].split()):
            continue
        owner = m[1].casefold().rstrip("s").rstrip("'’") if m[1][:1].isupper() else m[1].lower()
        if owner == "my" or owner in names:
            return "actor"
        if owner not in ("his", "her") or unsure and owner != unsure:  # "his" said of a woman is another's
            found = "other"
    return found


_SUBJECT_PRONOUNS = frozenset("i we you they he she it who".split())  # "I love women": a verb follows a subject


def noun_phrase_used(phrase: str, texts: Iterable[str]) -> bool:
    """Whether a two-word phrase is a whole noun phrase in at least one of ``texts``: not after "to", a modal or a
    subject pronoun (where it opens with a verb: "to host events", "I love women"), not after a capitalised word (part of a
    name: "a North Korean regime"), not before another content word (part of a longer phrase: "the white working
    class"), and, opening with an "-ing" word, after a determiner ("a continuing wave", not "getting oxygen")."""
    words = phrase.split()
    pattern = re.compile(r"(?:^|(?<=[^\w'’-]))(?:([\w'’]+)\s+)?" + r"\s+".join(re.escape(w) for w in words) + r"(?:\s+([\w-]+))?\b",
                         re.IGNORECASE)
    function = _function_words()
    for text in texts:
        for m in pattern.finditer(text):
            before, after = m[1] or "", m[2] or ""
            low = before.lower()
            if low in _VERB_BEFORE or low in _SUBJECT_PRONOUNS or before[:1].isupper() and low not in _DETERMINERS:
                continue
            if after[:1].islower() and after.lower() not in function:
                continue
            if words[0].endswith("ing") and not (low in _DETERMINERS or low.endswith(("'s", "’s"))):
                continue
            return True
    return False
