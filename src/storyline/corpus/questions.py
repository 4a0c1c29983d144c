"""Questions: what a statement claims about which subject, so an actor's statements group by question.

A question is a subject and a claim kind: "ISIS-K's presence", "role of Ilen Sorov",
or the subject alone ("Hillary Clinton") when the statement makes no kind of claim
the findings lexicon or ``data/subjects/claims.json`` knows. The subject is an entity named inside the statement's
content (never the speaker), recognised across its aliases: entity resolution
already unifies spellings, and ``data/subjects/aliases.json`` adds the names
resolution keeps apart on purpose (the Taliban's "Khawarij" for ISIS-K, "Daesh"
in an Afghan context). The claim kind is read from the content with the findings
lexicon, so direct and reported speech, and statements years apart, meet.

An actor's statements often name several entities; each statement takes the
subject that actor talks about most (non-place subjects before places), so "what
Mujahid says about ISIS-K" is one question whether the sentence also names
Pakistan or Kabul. Places never split a question. A statement whose subject the
actor names nowhere else joins the actor's storyline on its broad issue
(``data/subjects/issues.json``), and an actor's remaining one-off remarks are
pooled as "other statements".

A one-word nationality adjective before a noun ("Mexican heritage") is no subject,
and only a person has a "role". One quote read twice (overlapping spans, or the
same words in two articles) keeps one question. A pooled remark then joins, in
turn: the actor's question on a subject it names, the actor's storyline on its
broad issue, the actor's question of the remark right before it (within a few
lines, when the remark names nothing), or a question whose remarks share a
two-word noun phrase with it; pooled remarks sharing a phrase ("glass ceiling")
become a question named by it.

Before that, remarks without a claim kind about a named subject that use one of the
actor's question terms (a noun it keeps using: "the wall", :mod:`.question_terms`)
become that question, whatever else they name; plain remarks on a subject join the
actor's one kind of claim about it; and a question about where a subject is names
the place most of its remarks name ("ISIS-K's presence in Afghanistan"). An actor's plain remarks on a subject
join its noun question named by the subject before a noun ("Rhenland" and "Rhenland war"), and a noun question that
names a subject only beside its phrase ("supporters and Mira Suda") joins the actor's plain remarks on the subject
when those are at least twice as many. A run of capitalised words that no mention covers ("Wall Street") is a subject
where the actor names it in two remarks or more. Two questions of an actor whose remarks share words and subjects the
actor rarely uses elsewhere are one: "emails" and "State Department", "Muslims" and "the ban and Muslims".
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..model import EntityType, Mention, Statement
from .findings.claims import MentionIndex, entity_key
from ..text.lexicon import Lexicon, default_lexicon
from .subject_themes import ATTRIBUTE, owned_by_pronoun, says_attribute, subject_themes, titles
from .question_terms import JOIN_SHARE, SUBJECT_SHARE, TermGroup, noun_terms, min_statements, noun_phrase_used, owner_of, says_possessive, singular, term_groups, term_label

__all__ = ["ASPECT_PRIORITY", "OTHER_REMARKS", "Issues", "Question", "SubjectAliases", "Subject", "about_nothing", "aspects", "load_issues", "load_subject_aliases",
           "noun_phrases", "only_names", "question_label", "questions_of", "subjects_of", "unlinked_names"]

_CONCEPT_ASPECT = {
    "existence": "presence",
    "effort": "counter-terrorism efforts",
    "responsibility": "responsibility",
    "talks": "talks",
    "agreement": "agreements",
    "trend": "trends",
    "custody": "detention",
}
ASPECT_PRIORITY = ("role", "presence", "responsibility", "death toll", "talks", "counter-terrorism efforts", "detention",
                   "agreements", "trends")


_NAMELIKE = re.compile(r"^\W*(?:[A-Z0-9]|al-|el-|ad-|ash-|as-|ibn )")


def aspects(text: str, lex: Lexicon, anchors: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The kinds of claim ``text`` makes, in lexicon order (repeats kept).

    A weak phrase (claims.json) counts only right beside a named subject, given as
    ``anchors`` (offsets into ``text``): "fighting ISIS-K", "ISIS-K is growing".
    """
    words = load_claim_words()

    def counts(start: int, end: int) -> bool:
        if text[start:end].lower() not in words.weak:
            return True
        return any((a >= end and _AFTER.fullmatch(text[end:a])) or (start >= b and _BEFORE.fullmatch(text[b:start]))
                   for a, b in anchors)

    out = []
    if next(iter(lex.roles.finditer(text)), None) is not None:
        out.append("role")
    if any(counts(s, e) for s, e, *_ in lex.location_claims.finditer(text)):
        out.append("presence")
    for s, e, _, label in lex.concepts.finditer(text):
        if counts(s, e):
            out.append(_CONCEPT_ASPECT.get(label.split(":")[0], label.split(":")[0]))
    lowered = text.lower() + " "
    out += [kind for kind, pattern in words.kinds if kind not in out and pattern.search(lowered)]
    return out


_AFTER = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)  # "fighting the ISIS-K": the subject right after a weak phrase
_BEFORE = re.compile(r"(?:['’]s)?\s*(?:(?:is|are|was|were|has|have|had|been|being|be|still|now|not|no longer|again|also|keeps?|remains?)\s+)*",
                     re.IGNORECASE)  # "ISIS-K has been growing": or only auxiliaries before it


@dataclass(frozen=True)
class ClaimWords:
    """``data/subjects/claims.json`` (see its ``about``)."""

    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    weak: frozenset[str]
    anaphora: re.Pattern[str]


@lru_cache(maxsize=1)
def load_claim_words() -> ClaimWords:
    raw = json.loads((resources.files("storyline") / "data" / "subjects" / "claims.json").read_text(encoding="utf-8"))
    return ClaimWords(tuple((c["kind"], re.compile(r"\b(?:" + "|".join(re.escape(w) for w in c["words"]) + ")")) for c in raw["claims"]),
                      frozenset(raw["weak"]), re.compile(r"\b(?:" + "|".join(re.escape(w) for w in raw["anaphora"]) + r")\b", re.IGNORECASE))


def main_aspect(text: str, lex: Lexicon, anchors: Sequence[tuple[int, int]] = (), exclude: frozenset[str] = frozenset()) -> str | None:
    found = [a for a in aspects(text, lex, anchors) if a not in exclude]
    if not found:
        return None
    return min(found, key=lambda a: (ASPECT_PRIORITY.index(a) if a in ASPECT_PRIORITY else len(ASPECT_PRIORITY), a))


@lru_cache(maxsize=1 << 16)
def _norm(name: str) -> str:
    s = re.sub(r"[\s\-‐–—_.’']+", " ", name.casefold()).strip()
    return s[4:] if s.startswith("the ") else s


@dataclass(frozen=True)
class SubjectAliases:
    """Names → subject label, from ``data/subjects/aliases.json`` (see its ``about``)."""

    names: Mapping[str, str]
    in_context: Mapping[str, tuple[str, frozenset[str]]]
    types: Mapping[str, str] = field(default_factory=dict)  # label → the subject's own type
    elsewhere: Mapping[str, frozenset[str]] = field(default_factory=dict)  # label → places a context name does not denote it in

    def subject(self, written: Iterable[str], context: Callable[[], frozenset[str]], placed: str | None = None) -> str | None:
        """The subject label of a name (as written, canonical, entity name); ``context`` gives the document's names when
        needed. A name that needs a context does not take it when the statement places it elsewhere (``placed``: "the
        Islamic State in Syria" is not ISIS-K, whatever is named nearby: the subject's ``not_placed_in``)."""
        written = tuple(written)
        for w in written:
            n = _norm(w)
            if n in self.names:
                return self.names[n]
        for w in written:
            got = self.in_context.get(_norm(w))
            if got is not None and (placed is None or _norm(placed) not in self.elsewhere.get(got[0], ())) and got[1] & context():
                return got[0]
        return None


@lru_cache(maxsize=1)
def load_subject_aliases() -> SubjectAliases:
    raw = json.loads((resources.files("storyline") / "data" / "subjects" / "aliases.json").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    in_context: dict[str, tuple[str, frozenset[str]]] = {}
    for entry in raw["subjects"]:
        for n in entry["names"]:
            names[_norm(n)] = entry["label"]
        context = frozenset(_norm(c) for c in entry.get("context", ()))
        for n in entry.get("names_in_context", ()):
            in_context[_norm(n)] = (entry["label"], context)
    return SubjectAliases(names, in_context, {e["label"]: e.get("type", "other") for e in raw["subjects"]},
                          {e["label"]: frozenset(_norm(p) for p in e.get("not_placed_in", ())) for e in raw["subjects"]})


@dataclass(frozen=True, eq=False)
class Subject:
    key: str  # "subj:LABEL" for a subject of the aliases file, else the entity key
    name: str
    is_place: bool
    is_person: bool
    written: str = ""  # the name as written where it was first seen in the statement (a bare surname joins a full name only as written)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Subject) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


@dataclass(frozen=True)
class Issues:
    """Broad issues of news statements, from ``data/subjects/issues.json`` (see its ``about``)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    def of(self, text: str) -> str | None:
        best, most = None, 0
        lowered = text.lower()
        for label, pattern in self.patterns:
            n = len(pattern.findall(lowered))
            if n > most:
                best, most = label, n
        return best


@lru_cache(maxsize=1)
def load_issues() -> Issues:
    raw = json.loads((resources.files("storyline") / "data" / "subjects" / "issues.json").read_text(encoding="utf-8"))
    return Issues(tuple((i["label"], re.compile(r"\b(?:" + "|".join(_issue_word(w) for w in i["words"]) + ")"))
                        for i in raw["issues"]))


def _issue_word(word: str) -> str:
    """The pattern of one word of an issue: a stem ending in "*" at a word start ("immigra*": "immigration"), else the
    word with its inflections only ("import", "imports", not "importance"; "party", "parties"; "won", not "won't")."""
    if word.endswith("*"):
        return re.escape(word[:-1])
    forms = re.escape(word) + "(?:s|es|ed|d|ing|er|ers)?"
    if word.endswith("y"):
        forms = f"(?:{forms}|{re.escape(word[:-1])}ies)"
    return forms + r"(?![\w'’])"


@dataclass(frozen=True)
class Question:
    subject: Subject | None
    aspect: str | None
    issue: str | None = None  # a broad issue, for a statement without a recurring subject or a known claim kind
    phrase: str | None = None  # a noun phrase an actor's remarks share ("glass ceiling"), for remarks without either
    term: str | None = None  # a noun the actor keeps using ("wall"), with its label ("the border wall and Mexico")
    term_label: str | None = None
    where: str | None = None  # the place most of the question's remarks name (its label only): "in Afghanistan"
    beside: str | None = None  # a noun question's subject named beside its phrase, not as owner ("supporters and X"): its key
    theme: str | None = None  # a noun the actor's remarks on the subject share ("judgment"), with its label (:mod:`.subject_themes`)
    theme_label: str | None = None

    @property
    def key(self) -> str:
        if self.theme:
            return f"{self.subject.key if self.subject else ''}|theme:{self.theme}"
        if self.term:
            return f"term:{self.term}"
        if self.phrase:
            return f"phrase:{self.phrase}"
        return f"issue:{self.issue}" if self.issue else f"{self.subject.key if self.subject else ''}|{self.aspect or ''}"

    @property
    def label(self) -> str:
        if self.where:
            return f"{question_label(self.subject, self.aspect)} in {self.where}"
        return self.theme_label or self.term_label or self.phrase or self.issue or question_label(self.subject, self.aspect)


_OF = {"role": "role of", "counter-terrorism efforts": "efforts against", "talks": "talks with", "detention": "detention of",
       "death toll": "death toll of", "agreements": "support for"}  # the claim is about the subject, not by it: "efforts against ISIS-K"
OTHER = Question(None, None)  # "other statements": an actor's one-off remarks


OTHER_REMARKS = "other remarks about "  # the label of an actor's remarks on a subject that share no theme, before its name


def question_label(subject: Subject | None, aspect: str | None) -> str:
    """"ISIS-K's presence", "role of Ilen Sorov", "other remarks about Hillary Clinton" (a subject is no question by
    itself: remarks on it sharing no theme say so; a name before a common noun, "Rhenland war", names one), "statements
    on talks", "other statements"."""
    if subject is None:
        return f"statements on {aspect}" if aspect else "other statements"
    if aspect is None:
        return subject.name if _common_head(subject) else OTHER_REMARKS + subject.name
    if subject.is_place:
        return f"{aspect} in {subject.name}"
    if aspect == "role" and subject.is_person or aspect in _OF:
        return f"{_OF.get(aspect, aspect)} {subject.name}"
    return f"{subject.name}'s {aspect}" if not subject.name.endswith("s") else f"{subject.name}' {aspect}"


def subjects_of(st: Statement, index: MentionIndex, key_to_entity: Mapping[str, str], entity_names: Mapping[str, str],
                context: Callable[[], frozenset[str]], aliases: SubjectAliases, speaker: str | None) -> list[Subject]:
    """The subjects named in the statement's content, in text order, without the speaker and repeats."""
    out: list[Subject] = []
    seen: set[str] = set()
    for m in index.within(st.content_start, st.content_end):
        if st.speaker_cluster is not None and m.cluster == st.speaker_cluster:
            continue
        eid = entity_key(m.local_key, m.canonical, key_to_entity)
        if speaker is not None and eid == speaker:
            continue
        name = entity_names.get(eid) or m.canonical
        if not _NAMELIKE.match(name):  # "people", "another": not a subject an analyst follows
            continue
        if _adjectival_demonym(name, st.content[m.end - st.content_start:]):  # "Mexican heritage", "Russian hacking"
            continue
        placed = _PLACED_IN.match(st.content[m.end - st.content_start:])
        label = aliases.subject((m.text, m.canonical, name), context, placed[1] if placed else None)
        key = f"subj:{label}" if label else eid
        if key in seen:
            continue
        seen.add(key)
        etype = aliases.types.get(label, "other") if label else EntityType(m.type).value
        out.append(Subject(key, label or name, etype == EntityType.PLACE.value, etype == EntityType.PERSON.value, m.canonical))
    return out


_PLACED_IN = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")  # "the Islamic State in Syria"
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ican|ian|ean|ese|ish|ist|i|ic)$")
_NEXT_WORD = re.compile(r"^[ \t]+([a-z][a-z-]+)")


def _adjectival_demonym(name: str, after: str) -> bool:
    """A one-word nationality or group adjective used before a common noun ("Mexican heritage"): not a subject."""
    return bool(_DEMONYM.match(name)) and _NEXT_WORD.match(after) is not None


_CONTEXT_WINDOW = 1000  # characters either side of a statement whose names give a context-dependent alias its context


def _lazy_context(index: MentionIndex, start: int, end: int) -> Callable[[], frozenset[str]]:
    """The names mentioned near a statement, computed the first time a context-dependent alias asks.

    Near, not anywhere in the document: "the Islamic State in Syria" in an article that names
    Afghanistan once elsewhere is not ISIS-K.
    """
    got: list[frozenset[str]] = []

    def context() -> frozenset[str]:
        if not got:
            near = index.within(max(0, start - _CONTEXT_WINDOW), end + _CONTEXT_WINDOW)
            got.append(frozenset(_norm(x) for m in near for x in (m.canonical, m.text)))
        return got[0]

    return context


_FRAGMENT_WORDS = 3  # a remark of fewer words that names no subject says nothing a storyline can follow
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def about_nothing(content: str) -> bool:
    """Whether a statement's content is too short to be about anything by itself: fewer than three words (numbers not
    counted: "June 14, 2016"), such as a relative pronoun or a scare-quoted word read as the whole content ("which",
    "really is", "Probably."). Such a fragment is in no storyline unless it names a subject ("Cruz's temperament")."""
    return len(_WORD.findall(content)) < _FRAGMENT_WORDS


_NAME_ONLY_WORDS = 5  # a content shorter than this that is only a name ("Sen. Ted Cruz") says nothing about it


def only_names(content: str, names: Iterable[tuple[int, int]]) -> bool:
    """Whether a short content is only a name, with or without a title ("Trump", "Mr. Trump", "Sen. Ted Cruz"): no
    word of it outside the ``names`` (spans of mentions, as offsets into ``content``) is a lower-case word."""
    words = _WORD.findall(content)
    if not words or len(words) >= _NAME_ONLY_WORDS:
        return False
    text = list(content)
    for start, end in names:
        for i in range(max(0, start), min(len(text), end)):
            text[i] = " "
    return not any(w[:1].islower() for w in _WORD.findall("".join(text)))


def questions_of(statements: Sequence[Statement], mentions_by_doc: Mapping[str, Sequence[Mention]],
                 key_to_entity: Mapping[str, str], entity_names: Mapping[str, str], *,
                 lexicon: Lexicon | None = None, aliases: SubjectAliases | None = None) -> dict[str, Question]:
    """Statement id → its question, for statements whose speaker resolves to an entity and that are about something
    (not a fragment naming nothing, :func:`about_nothing`, nor a short content that is only a name, :func:`only_names`).

    Depends only on each actor's own statements (and the entities they name), so
    rebuilding one actor's storylines gives what a full run gives.
    """
    lex = lexicon or default_lexicon()
    aliases = aliases or load_subject_aliases()
    indexes: dict[str, MentionIndex] = {}
    by_actor: dict[str, list[tuple[Statement, list[Subject]]]] = {}
    anchors: dict[str, list[tuple[int, int]]] = {}
    for st in statements:
        actor = key_to_entity.get(st.speaker_key) if st.speaker_key else None
        if not actor:
            continue
        doc = st.document_id
        if doc not in indexes:
            indexes[doc] = MentionIndex(mentions_by_doc.get(doc, ()))
        context = _lazy_context(indexes[doc], st.content_start, st.content_end)
        subjects = subjects_of(st, indexes[doc], key_to_entity, entity_names, context, aliases, actor)
        spans = [(m.start - st.content_start, m.end - st.content_start) for m in indexes[doc].within(st.content_start, st.content_end)]
        if not subjects and about_nothing(st.content) or only_names(st.content, spans):
            continue  # "which", "really is", "Mr. Trump": an extraction fragment names no question, and is in no storyline
        subjects = subjects + [s for s in unlinked_names(st.content, spans) if s not in subjects]
        by_actor.setdefault(actor, []).append((st, subjects))
        anchors[st.id] = [(m.start - st.content_start, m.end - st.content_start)
                          for m in indexes[doc].within(st.content_start, st.content_end)
                          if m.cluster != st.speaker_cluster and _NAMELIKE.match(m.canonical)]
    issues = load_issues()
    out: dict[str, Question] = {}
    for actor, members in by_actor.items():
        members = _titled_subjects_added(_unlinked_kept(_short_names_joined(members, entity_names.get(actor, ""))))
        counts = Counter(s.key for _st, subjects in members for s in subjects)
        own: dict[str, Question] = {}
        named: dict[str, Subject] = {}
        for st, subjects in members:
            subject = min(subjects, key=lambda s: (s.is_place, -counts[s.key]), default=None)  # min keeps text order on ties
            # "role of the Oval Office": only a person has a role a storyline follows; "death toll of White House":
            # only a place (where an event struck) has a death toll
            excluded = (_NO_ROLE if subject is not None and not subject.is_person else frozenset()) | (
                _NO_TOLL if subject is not None and not subject.is_place else frozenset())
            aspect = main_aspect(st.content, lex, anchors[st.id], excluded)
            issue = issues.of(st.content) if aspect is None and (subject is None or counts[subject.key] == 1) else None
            own[st.id] = Question(None, None, issue) if issue else Question(subject, aspect)
            if subject is not None:
                named[st.id] = subject
        _unnamed_subjects_joined(own, {st.id: st.content for st, _s in members})
        _passing_claims_dropped(own, {st.id: st.content for st, _s in members}, issues)
        _repeats_joined(own, [st for st, _s in members])
        # a question the actor raises once, without a kind of claim, is a one-off remark: the actor's one-off
        # remarks are pooled in one storyline ("other statements"), unless there is only one
        sizes = Counter(q.key for q in own.values())
        one_off = {sid for sid, q in own.items() if q.aspect is None and sizes[q.key] == 1}
        pooled = len(one_off | {sid for sid, q in own.items() if q == OTHER})
        final = {sid: OTHER if sid in one_off and pooled > 1 else q for sid, q in own.items()}
        _terms_joined(final, members, entity_names.get(actor, ""))
        _pooled_joined(final, members, issues)
        _issue_terms_joined(final, issues)
        _modified_subjects_joined(final)
        _beside_subjects_joined(final)
        _subject_questions_joined(final)
        _related_joined(final, members)
        _places_named(final, members)
        _lone_remark_named(final, own)
        _lone_issue_remark_named(final, named)
        _themes_split(final, members, entity_names.get(actor, ""))
        _theme_words_joined(final, members, entity_names.get(actor, ""))
        out.update(final)
    return out


def _themes_split(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]], actor_name: str) -> None:
    """An actor's plain remarks on one subject are split by what they say about it (:mod:`.subject_themes`): "Hillary
    Clinton's judgment", "Hillary Clinton's speeches"; those sharing no theme stay "other remarks about" the subject."""
    plain = _plain_by_subject(final)
    named_by = titles(st.content for st, _s in members)
    remarks: dict[str, list[Statement]] = {}
    for st, _s in members:
        q = final[st.id]
        if q.subject is not None and plain.get(q.subject.key) == q:
            remarks.setdefault(q.key, []).append(st)
    for sts in remarks.values():
        q = final[sts[0].id]
        assert q.subject is not None
        themes = subject_themes({st.id: st.content for st in sts}, {st.id: st.document_id for st in sts}, q.subject.name,
                                f"{q.subject.name} {q.subject.written}", actor_name, named_by)
        for sid, theme in themes.items():
            final[sid] = Question(q.subject, None, theme=theme.term, theme_label=theme.label)


def _theme_words_joined(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]], actor_name: str = "") -> None:
    """What an actor says of a subject's theme is that question wherever the actor says it: a remark among its other
    statements that uses the noun of exactly one of its themes as someone's ("her judgment was not right", naming no
    one; not "a plan to overhaul taxes"; by a possessive not of the actor's own gender, which may be the actor's own,
    nor of the other gender than the subject's) or the word of a property theme ("she is unqualified") joins that
    theme, and a noun question whose remarks keep using a theme's noun (in two distinct remarks or more, at least
    :data:`~.question_terms.JOIN_SHARE` of them: "the Iraq war" and "Hillary Clinton's judgment" in "her judgment in
    voting for the Iraq war") is one question with the theme, named as the larger of the two. A property theme ("whether X
    is qualified") is used by the words sharing its stem ("unqualified", "qualifications"). A broad issue whose remarks
    keep using a theme's noun joins the theme ("technology" remarks on her emails), unless the noun names the issue
    ("terrorism" and "terrorism and security": the issue is the wider question); a theme joined into a noun question takes
    along what joined it."""
    themes: dict[str, Question] = {q.key: q for q in final.values() if q.theme}
    if not themes:
        return
    by_word: dict[str, set[str]] = {}
    for key, q in themes.items():
        by_word.setdefault(q.theme or "", set()).add(key)
    said = {st.id: " ".join(re.findall(r"\w+", st.content.casefold())) for st, _s in members}

    def used(st: Statement, owned: bool) -> set[str]:
        nouns = set(noun_terms(st.content)) if owned else {singular(w).replace("-", "") for w in _LOWER_WORD.findall(st.content)}
        return {k for word, keys in by_word.items() for k in keys
                if (says_attribute(st.content, word) if word.startswith(ATTRIBUTE)
                    else word in nouns and (not owned or owned_by_pronoun(st.content, word, actor_name, _subject_name(themes[k]))))}


    sizes = Counter(q.key for q in final.values())
    terms: dict[str, list[tuple[str, set[str]]]] = {}
    for st, _s in members:
        q = final[st.id]
        if q.theme:
            continue
        found = used(st, q == OTHER)
        if q == OTHER and len(found) == 1:
            final[st.id] = themes[next(iter(found))]
        elif q.term and q.subject is None or q.issue:
            terms.setdefault(q.key, []).append((st.id, found))

    into: dict[str, Question] = {}
    by_key = {q.key: q for q in final.values()}
    for key, remarks in terms.items():
        counts: Counter[str] = Counter()
        for theme_key in {k for _sid, found in remarks for k in found}:
            counts[theme_key] = len({said[sid] for sid, found in remarks if theme_key in found})
        distinct = len({said[sid] for sid, _f in remarks})
        best = min(counts, key=lambda k: (-counts[k], k), default=None)
        if best is None or counts[best] < 2 or counts[best] < JOIN_SHARE * distinct:
            continue
        issue = by_key[key].issue
        if issue is not None and _names_issue((themes[best].theme or "").removeprefix(ATTRIBUTE), issue):
            continue  # "terrorism" and "terrorism and security": the issue is the wider question, the theme its part
        if issue is None and sizes[key] > sizes[best] and best not in into:  # the larger noun question names the question
            into[best] = by_key[key]
        else:  # a broad issue whose remarks keep using the theme's noun is that question ("technology": her emails)
            into[key] = themes[best]
    for key in list(into):  # a theme joined into a noun question takes what joined the theme along
        seen = {key}
        while into[key].key in into and into[key].key not in seen:
            seen.add(into[key].key)
            into[key] = into[into[key].key]
    _redirect(final, into)




def _subject_name(q: Question) -> str:
    return q.subject.name if q.subject is not None else ""


def _lone_remark_named(

final: dict[str, Question], own: Mapping[str, Question]) -> None:
    """An actor's one remark left over in "other statements" is no pool: it keeps the question of its own subject or
    issue ("Darius Kemal on Karsa"); one that names neither stays among the actor's other statements."""
    left = [sid for sid, q in final.items() if q == OTHER]
    if len(left) == 1:
        final[left[0]] = own[left[0]]


def _lone_issue_remark_named(final: dict[str, Question], named: Mapping[str, Subject]) -> None:
    """A broad issue gathers an actor's remarks on passing names; holding one remark, it gathers nothing, and the
    remark's question is the subject it names: "Glenn Beck on Ted Cruz" rather than "on elections and campaigns" (not a
    place: "on Iowa" says less than "on elections and campaigns")."""
    sizes = Counter(q.key for q in final.values())
    for sid, q in final.items():
        if q.issue and sizes[q.key] == 1 and sid in named and not named[sid].is_place:
            final[sid] = Question(named[sid], None)


def _issue_terms_joined(final: dict[str, Question], issues: Issues) -> None:
    """An actor's questions on nouns that one broad issue's label names ("immigrants", "illegal immigration") and its
    storyline on that issue are one question, named as the largest of them: "Donald Trump on immigration"."""
    sizes = Counter(q.key for q in final.values())
    naming: dict[str, dict[str, Question]] = {}
    for q in final.values():
        if q.issue:
            naming.setdefault(q.issue, {})[q.key] = q
    for q in {q.key: q for q in final.values() if q.term}.values():
        issue = issues.of(q.term or "")
        if issue and _names_issue(q.term or "", issue):  # "voters" is a word of elections, but not what "elections and campaigns" names
            naming.setdefault(issue, {})[q.key] = q
    into: dict[str, Question] = {}
    for same in naming.values():
        if len(same) < 2:
            continue
        large = min(same.values(), key=lambda q: (-sizes[q.key], q.key))
        for q in same.values():
            if q.key != large.key and q.key not in into:
                into[q.key] = large
    for sid, q in final.items():
        seen = {q.key}
        while q.key in into and into[q.key].key not in seen:  # a smaller one joins the larger, which may join a larger still
            q = into[q.key]
            seen.add(q.key)
        final[sid] = q


def _plain_by_subject(final: Mapping[str, Question]) -> dict[str, Question]:
    """An actor's plain questions on subjects (no kind of claim, noun, phrase, issue or place), by subject key."""
    return {q.subject.key: q for q in final.values()
            if q.subject is not None and q.aspect is None and not (q.term or q.phrase or q.issue or q.where or q.theme)}


def _redirect(final: dict[str, Question], into: Mapping[str, Question]) -> None:
    """Every statement whose question joins another (``into``: question key → the question it joins) takes that one."""
    for sid, q in final.items():
        if q.key in into:
            final[sid] = into[q.key]


def _phrase_words(label: str) -> list[str]:
    """The words of a noun question's own phrase, lower case and singular: "the Iraq wars and Iran" → ["iraq", "war"]."""
    return [singular(w) for w in re.findall(r"[\w'’-]+", label.split(" and ")[0].casefold()) if w not in ("the", "a", "an")]


_BESIDE_SHARE = 2  # a noun question naming a subject beside its phrase joins the actor's plain remarks on it this many times its size


def _beside_subjects_joined(final: dict[str, Question]) -> None:
    """A noun question that names a subject only beside its phrase ("supporters and Mira Suda": remarks using a noun
    that mostly name her) joins the actor's plain remarks on that subject when those are at least
    :data:`_BESIDE_SHARE` times as many: what the actor keeps saying about her is the question, the noun a passing
    word of it. A noun the subject owns ("Mira Suda's emails") or a noun question as large stays its own question."""
    sizes = Counter(q.key for q in final.values())
    plain = _plain_by_subject(final)
    into = {q.key: plain[q.beside] for q in final.values()
            if q.term and q.beside in plain and sizes[plain[q.beside].key] >= _BESIDE_SHARE * sizes[q.key]}
    _redirect(final, into)


def _common_head(subject: Subject) -> bool:
    """Whether a named subject is a name before a common noun ("Rhenland war" as a name of its own), not a person."""
    words = subject.name.split()
    return not subject.is_person and len(words) > 1 and words[-1][:1].islower()


def _modified_subjects_joined(final: dict[str, Question]) -> None:
    """An actor's plain remarks on a subject and its noun question whose phrase has the subject's name before its noun
    ("Karsa" and "the Karsa ban", "Rhenland" and "Rhenland war", a phrase or a subject so named) are one question, named by the phrase: when the actor
    speaks of both, its remarks on the subject are remarks on that question. A subject that modifies several of the
    actor's noun questions stays apart (which one would it join?)."""
    phrased = {q.key: q for q in final.values() if (q.term or q.phrase) and q.subject is None
               or q.subject is not None and _common_head(q.subject) and not (q.term or q.phrase or q.issue)}
    plain = _plain_by_subject(final)
    by_name: dict[str, list[Question]] = {}
    for q in plain.values():
        assert q.subject is not None
        by_name.setdefault(" ".join(_phrase_words(q.subject.name)), []).append(q)
    hits: dict[str, list[Question]] = {}
    for q in phrased.values():
        words = _phrase_words(q.term_label or q.phrase or (q.subject.name if q.subject is not None else ""))
        if len(words) < 2:
            continue
        for i in range(len(words) - 1):  # the name is the phrase's words before its noun, or their last ones
            for s in by_name.get(" ".join(words[i:-1]), ()):
                hits.setdefault(s.key, []).append(q)
    into: dict[str, Question] = {}
    for key, qs in hits.items():
        if len({q.key for q in qs}) != 1:
            continue
        subject = next(q.subject for q in plain.values() if q.key == key)
        target = qs[0]
        into[key] = into[target.key] = _named_as(target, subject.name if subject is not None else None)
    _redirect(final, into)


def _named_as(q: Question, name: str | None) -> Question:
    """A shared phrase joined by a subject's remarks spells the subject as its name does: "Karsa embargo"."""
    if q.phrase is None or q.term or name is None:
        return q
    return Question(None, None, phrase=re.sub(r"^" + re.escape(name.casefold()) + r"\b", name, q.phrase))


def _names_issue(term: str, issue: str) -> bool:
    """Whether a noun is what an issue's label names: "immigrant" and "immigration", "tax" and "taxes"."""
    for word in re.findall(r"[a-z]+", issue):
        k = min(5, len(term), len(word))
        if k >= 3 and word not in ("and", "the") and term[:k] == word[:k]:
            return True
    return False


def _subject_questions_joined(final: dict[str, Question]) -> None:
    """One question per actor and subject unless the actor keeps making one kind of claim about it.

    An actor's remarks naming a subject without a kind of claim join its one question on that subject when the actor
    makes one kind of claim about it and the plain remarks are no more than twice as many (:data:`_PLAIN_PER_CLAIM`):
    Mujahid's "ISIS-K is a creation of foreign intelligence" goes with his remarks on ISIS-K's presence. The other way
    round, a kind of claim the actor makes once about a subject it otherwise talks about plainly (a passing "role",
    "support for") is no question of its own: it joins the actor's remarks on the subject.
    """
    sizes = Counter(q.key for q in final.values())
    claims: dict[str, set[Question]] = {}
    plain: dict[str, Question] = {}
    for q in final.values():
        if q.subject is None or q.term or q.issue or q.phrase:
            continue
        if q.aspect is not None:
            claims.setdefault(q.subject.key, set()).add(q)
        else:
            plain[q.subject.key] = q
    into: dict[str, Question] = {}
    for key, kinds in claims.items():
        bare = plain.get(key)
        if bare is None:
            continue
        if len(kinds) == 1 and sizes[bare.key] <= _PLAIN_PER_CLAIM * sizes[next(iter(kinds)).key]:
            into[bare.key] = next(iter(kinds))
            continue
        for q in kinds:
            if sizes[q.key] == 1 and sizes[bare.key] >= 2:
                into[q.key] = bare
    _redirect(final, into)


_PLAIN_PER_CLAIM = 2  # plain remarks on a subject join the actor's one kind of claim about it up to twice its size


_PLACED = frozenset({"presence", "counter-terrorism efforts", "talks", "detention"})


def _places_named(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]]) -> None:
    """A question about where a subject is or acts names the place most of its remarks name: "ISIS-K's presence in
    Afghanistan". Places never split a question; they only go into its label."""
    places: dict[str, Counter[Subject]] = {}
    sizes: Counter[str] = Counter()
    for st, subjects in members:
        q = final[st.id]
        if q.subject is None or q.aspect not in _PLACED or q.subject.is_place:
            continue
        sizes[q.key] += 1
        places.setdefault(q.key, Counter()).update({s for s in subjects if s.is_place})
    where: dict[str, str] = {}
    for key, named in places.items():
        ranked = sorted(named.values(), reverse=True) + [0, 0]
        top = min(named, key=lambda s: (-named[s], s.key), default=None)
        if top is not None and named[top] >= 2 and 2 * named[top] >= sizes[key] and ranked[0] > ranked[1]:  # one place, not a tie
            where[key] = top.name
    for sid, q in final.items():
        if q.key in where:
            final[sid] = Question(q.subject, q.aspect, where=where[q.key])


def _terms_joined(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]], actor_name: str = "") -> None:
    """An actor's remarks using one of its question terms ("we will build a wall", "a border wall", "Mexico will pay
    for the wall") are one question, unless the remark already claims something of a kind about a named subject.

    The question is named by the actor's phrase for it and the subject most of its remarks name
    (:mod:`storyline.corpus.question_terms`), or by the actor itself where its remarks on the thing call it the
    actor's own ("my emails", its own name's possessive) at least twice and more often than anyone else's: "Mira Suda's
    emails". A remark on a subject the actor keeps naming stays with it (:func:`_stays_on_subject`); a noun left with
    too few remarks by that is no question.
    """
    groups, terms = term_groups({st.id: st.content for st, _s in members}, {st.id: [s.key for s in subjects] for st, subjects in members})
    if not groups:
        return
    size = Counter(g.key for found in terms.values() for g in {groups[t] for t in found if t in groups})
    chosen: dict[str, list[tuple[Statement, list[Subject]]]] = {}
    lead: dict[str, TermGroup] = {}
    sizes = Counter(q.key for q in final.values())
    for st, subjects in members:
        q = final[st.id]
        if q.subject is not None and q.aspect is not None:
            continue
        found = {groups[t] for t in terms[st.id] if t in groups}
        if found:
            g = min(found, key=lambda g: (-size[g.key], g.key))
            chosen.setdefault(g.key, []).append((st, subjects))
            lead[g.key] = g
    least = min_statements(len({" ".join(re.findall(r"\w+", st.content.casefold())) for st, _s in members}))
    for key, sts in chosen.items():
        if len(sts) < least or len({(st.document_id, st.said_on) for st, _s in sts}) < 2:
            continue  # too few remarks to join; a word said on one occasion only (one article, one day) is no question it follows
        before = {final[st.id] for st, _s in sts}
        if len(before) == 1 and before != {OTHER}:
            continue  # remarks already in one question: the noun joins nothing
        named = Counter(s for _st, subjects in sts for s in subjects)
        top = min(named, key=lambda s: (-named[s], s.key), default=None)
        if top is not None and (named[top] < 2 or named[top] < SUBJECT_SHARE * len(sts)):
            top = None
        owned = top is not None and not top.is_place and 2 * sum(
            says_possessive(st.content, s.written, lead[key].terms) for st, subjects in sts for s in subjects if s == top) >= named[top]
        owners = Counter(owner_of(st.content, actor_name, lead[key].terms) for st, _s in members  # all its remarks on the thing
                         if lead[key].terms & set(terms[st.id])) if actor_name else Counter()
        if not owned and owners["actor"] >= 2 and owners["actor"] > owners["other"]:
            top, owned = None, True  # the actor's own emails, whatever else its remarks on them name
            label = term_label(lead[key].phrase, actor_name, True)
        else:
            label = term_label(lead[key].phrase, top.name if top else None, owned)
        q = Question(None, None, term=key, term_label=label, beside=top.key if top is not None and not owned else None)
        kept = [st for st, _s in sts if not _stays_on_subject(final[st.id], top, len(sts), sizes)]
        if len(kept) < least or len({(st.document_id, st.said_on) for st in kept}) < 2:
            continue
        for st in kept:
            final[st.id] = q


def _stays_on_subject(q: Question, top: Subject | None, term_size: int, sizes: Counter[str]) -> bool:
    """Whether a remark on a named subject stays with the actor's question on it rather than join a noun question: when
    the actor talks about the subject (not a place: places never split a question) at least as often as it uses the
    noun, and the noun question is not named by that subject ("Suda trails in the primary" is on Mira Suda, unless
    the actor's remarks on the primary are about her)."""
    return (q.subject is not None and not q.subject.is_place and q.aspect is None and not (q.term or q.phrase or q.issue)
            and q.subject != top and sizes[q.key] >= term_size)


_NO_ROLE = frozenset({"role"})
_NO_TOLL = frozenset({"death toll"})


def _rank(q: Question) -> tuple[int, int]:
    """Which of two questions a repeated statement keeps: a named subject with a claim kind, a subject, an issue, nothing."""
    return (q.subject is not None, q.aspect is not None) if not q.issue else (0, 1)


def _repeats_joined(own: dict[str, Question], statements: Sequence[Statement]) -> None:
    """One statement reported twice (overlapping spans of one document, or the same words in two) has one question.

    Two readings of one quote ("Mrs. Clinton would make an outstanding president" and
    "would make an outstanding president") would otherwise fall into two storylines.
    """
    parent = {st.id: st.id for st in statements}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_text: dict[str, str] = {}
    by_doc: dict[str, list[Statement]] = {}
    for st in statements:
        words = " ".join(re.findall(r"\w+", st.content.casefold()))
        if len(words) >= 20:
            if words in by_text:
                parent[find(st.id)] = find(by_text[words])
            else:
                by_text[words] = st.id
        by_doc.setdefault(st.document_id, []).append(st)
    for sts in by_doc.values():
        sts.sort(key=lambda s: (s.content_start, s.content_end))
        for a, b in zip(sts, sts[1:]):
            if b.content_start < a.content_end:
                parent[find(b.id)] = find(a.id)
    groups: dict[str, list[str]] = {}
    for st in statements:
        groups.setdefault(find(st.id), []).append(st.id)
    for ids in groups.values():
        if len(ids) > 1:
            best = max((own[i] for i in ids), key=_rank)  # max keeps the earliest on ties
            for i in ids:
                own[i] = best


def _pooled_joined(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]], issues: Issues) -> None:
    """An actor's pooled remark joins the actor's question on a subject it names, else its question on the remark's broad issue.

    "if Amazon ever had to pay fair taxes" was pooled because its main subject is
    one-off; it names Amazon, which the actor speaks about elsewhere.
    """
    sizes = Counter(q.key for q in final.values() if q != OTHER)
    by_subject: dict[str, Question] = {}
    by_issue: dict[str, Question] = {}
    for q in final.values():
        if q == OTHER:
            continue
        if q.issue:
            by_issue[q.issue] = q
        elif q.subject is not None and (q.subject.key not in by_subject or sizes[q.key] > sizes[by_subject[q.subject.key].key]):
            by_subject[q.subject.key] = q
    for st, subjects in members:
        if final.get(st.id) != OTHER:
            continue
        found = [by_subject[s.key] for s in subjects if s.key in by_subject]
        if found:
            final[st.id] = max(found, key=lambda q: sizes[q.key])  # max keeps text order on ties
            continue
        issue = issues.of(st.content)
        if issue in by_issue:
            final[st.id] = by_issue[issue]
    _continuations_joined(final, members)
    _phrases_joined(final, [st for st, _s in members])


_NEAR = 300  # characters between two statements of one actor for the second, naming nothing, to go on with the first


def _continuations_joined(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]]) -> None:
    """A pooled remark that names nothing ("We have no choice") right after its actor's remark on a question goes on with it."""
    by_doc: dict[str, list[tuple[Statement, list[Subject]]]] = {}
    for st, subjects in members:
        by_doc.setdefault(st.document_id, []).append((st, subjects))
    for sts in by_doc.values():
        sts.sort(key=lambda p: (p[0].content_start, p[0].content_end))
        for (prev, _p), (st, subjects) in zip(sts, sts[1:]):
            if (final[st.id] == OTHER and not subjects and final[prev.id] != OTHER
                    and 0 <= st.content_start - prev.content_end <= _NEAR):
                final[st.id] = final[prev.id]


_STOP_EXTRA = frozenset("""said says saying told tells going want wants wanted think thinks know knows like just really
very great good best better lot lots thing things way ways time times year years day days today week weeks month months
people person everybody somebody nobody anybody tremendous incredible totally absolutely believe believes make makes
made get gets got need needs come comes came look looks looked right left new old long little big""".split())
_PAIR = re.compile(r"(?=\b([A-Za-z][a-z]{2,})\s+([a-z]{4,})\b)")
_ADVERB = re.compile(r"ly$")
_NOT_NOUN = re.compile(r"(?:[^e]ed|ful|ous|ible|able)$")  # a phrase ending so rarely ends in its noun


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _STOP_EXTRA


def noun_phrases(text: str) -> set[str]:
    """Two-word phrases of content words a remark is about ("glass ceiling", "Russian hacking"), lower-cased.

    The second word is a common (lower-case) word: a pair of names is an entity, which subjects already cover.
    """
    stop = _stop_words()
    return {f"{a.lower()} {b}" for a, b in _PAIR.findall(text) if a.lower() not in stop and b not in stop
            and not _ADVERB.search(a) and not _ADVERB.search(b)}


def _phrases_joined(final: dict[str, Question], statements: Sequence[Statement]) -> None:
    """An actor's pooled remarks that share a noun phrase with one of its questions join it; two or more
    pooled remarks sharing one become a question of their own, named by the phrase, where the remarks use it as a
    whole noun phrase (:func:`~storyline.corpus.question_terms.noun_phrase_used`: not "to host events")."""
    phrases = {st.id: noun_phrases(st.content) for st in statements}
    contents = {st.id: st.content for st in statements}
    sizes = Counter(q.key for q in final.values())
    seen: dict[str, Counter[str]] = {}
    by_key: dict[str, Question] = {}
    for st in statements:
        q = final[st.id]
        if q != OTHER:
            by_key[q.key] = q
            for p in phrases[st.id]:
                seen.setdefault(p, Counter())[q.key] += 1
    pooled = [st.id for st in statements if final[st.id] == OTHER]
    for sid in pooled:
        votes: Counter[str] = Counter()
        for p in phrases[sid]:
            votes.update(seen.get(p, {}))
        if votes:
            best = max(votes.values())
            final[sid] = by_key[min((k for k, n in votes.items() if n == best), key=lambda k: (-sizes[k], k))]
    left = [sid for sid in pooled if final[sid] == OTHER]
    holders: dict[str, list[str]] = {}
    for sid in left:
        for p in phrases[sid]:
            holders.setdefault(p, []).append(sid)
    for p, sids in sorted(holders.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if _NOT_NOUN.search(p) or not noun_phrase_used(p, [contents[sid] for sid in sids]):
            continue  # "fat beautiful", "widely used", "to host events": no question to name
        free = [sid for sid in sids if final[sid] == OTHER]
        if len(free) >= 2:
            for sid in free:
                final[sid] = Question(None, None, phrase=p)


def _unnamed_subjects_joined(own: dict[str, Question], contents: Mapping[str, str]) -> None:
    """A claim without a named subject ("the group no longer exists") takes the subject its actor most often makes that claim about."""
    usual: dict[str, Counter[Subject]] = {}
    for q in own.values():
        if q.subject is not None and q.aspect is not None:
            usual.setdefault(q.aspect, Counter())[q.subject] += 1
    refers_back = load_claim_words().anaphora
    for sid, q in own.items():
        if q.subject is None and q.aspect is not None and q.aspect in usual and refers_back.search(contents[sid]):
            most = max(usual[q.aspect].values())
            subject = min((s for s, n in usual[q.aspect].items() if n == most), key=lambda s: s.key)
            own[sid] = Question(subject, q.aspect)


def _passing_claims_dropped(own: dict[str, Question], contents: Mapping[str, str], issues: Issues) -> None:
    """A kind of claim made once without a named subject ("we need a leader as president": a role of no one) is no
    question: the remark goes to its broad issue or among the actor's one-off remarks. Made again, it stays one
    ("statements on presence")."""
    unnamed = Counter(q.aspect for q in own.values() if q.subject is None and q.aspect is not None)
    for sid, q in own.items():
        if q.subject is None and q.aspect is not None and unnamed[q.aspect] == 1:
            issue = issues.of(contents[sid])
            own[sid] = Question(None, None, issue) if issue else OTHER


_TITLED_USES = 1  # remarks in which an actor puts a title before one person's name for "the <title>" to be that person


def _titled_subjects_added(members: list[tuple[Statement, list[Subject]]]) -> list[tuple[Statement, list[Subject]]]:
    """A remark naming no one that speaks of "the judge" (or "this judge", "a federal judge": an indefinite one only with a
    modifier, "a judge" may be any) is on the one person its actor calls Judge so-and-so: a description by the title the
    actor puts before that person's name (in at least :data:`_TITLED_USES` remarks, and before no one else's). "The
    president" stays no one's where the actor titles two people so."""
    called: dict[str, Counter[Subject]] = {}
    for st, subjects in members:
        for s in subjects:
            if not s.is_person or s.is_place:
                continue
            last = s.name.split()[-1]
            for m in re.finditer(r"(?<!\bof )\b([A-Z][a-z]{2,})\.?\s+(?:[A-Z][\w'’.-]*\s+){0,2}" + re.escape(last) + r"\b", st.content):
                if m[1] not in s.name.split():  # not "Secretary of State Kerry": "the state" is no one

                    called.setdefault(m[1].casefold(), Counter())[s] += 1
    known = titles(st.content for st, _s in members)
    titled = {t: next(iter(people)) for t, people in called.items()
              if t in known and len(people) == 1 and sum(people.values()) >= _TITLED_USES}
    if not titled:
        return members
    alternatives = "|".join(map(re.escape, titled))
    pattern = re.compile(r"\b(?:(?:the|this|that)\s+(?:[a-z.-]+\s+){0,2}|an?\s+(?:[a-z.-]+\s+){1,2})(" + alternatives + r")\b")
    out = []
    for st, subjects in members:
        if not any(not s.is_place for s in subjects):
            found = pattern.search(st.content)
            if found:
                subjects = [titled[found[1]], *subjects]
        out.append((st, subjects))
    return out


def _last_word(name: str) -> str:

    words = name.split()
    return words[-1].casefold() if words else ""


def _short_names_joined(members: list[tuple[Statement, list[Subject]]], actor_name: str) -> list[tuple[Statement, list[Subject]]]:
    """One actor's subjects with a bare surname ("Trump") taken as the one person's full name it ends ("Donald Trump").

    A surname the actor's own name ends with is the actor speaking of itself and is dropped;
    one that ends several full names among the actor's subjects stays as it is.
    """
    full: dict[str, set[Subject]] = {}
    for _st, subjects in members:
        for s in subjects:
            if s.is_person and len(s.name.split()) > 1:
                full.setdefault(_last_word(s.name), set()).add(s)
    own = _last_word(actor_name) if len(actor_name.split()) > 1 else None
    out = []
    for st, subjects in members:
        kept: list[Subject] = []
        for s in subjects:
            if not s.is_place and len(s.name.split()) == 1 and s.written.casefold() == s.name.casefold():  # also tagged as an organisation
                last = s.name.casefold()
                if last == own:
                    continue
                longer = full.get(last, set())
                if len(longer) == 1:
                    s = next(iter(longer))
            if s not in kept:
                kept.append(s)
        out.append((st, kept))
    return out


_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")
_NAME_RUN = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?:[ ][A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)+")
_TITLE_CASE = 0.5  # a content with more than this share of capitalised words is a headline: its capitals name nothing
UNLINKED = "name:"  # key prefix of a subject named by a run of capitalised words no mention covers ("Wall Street")


def unlinked_names(content: str, names: Sequence[tuple[int, int]]) -> list[Subject]:
    """Subjects a content names with a run of two or more capitalised words that no mention covers ("Wall Street",
    "Second Amendment", "Paycheck Fairness Act"): names the entity stage did not link, which an actor's remarks on one
    question keep using. Function words at either end are dropped ("The Wall Street"), a nationality adjective before a
    noun is none ("the North Korean regime"), and a headline (mostly capitalised words) names nothing this way."""
    words = _WORD.findall(content)
    if not words or sum(w[:1].isupper() for w in words) > _TITLE_CASE * len(words):
        return []
    stop = _stop_words()
    out: list[Subject] = []
    for m in _NAME_RUN.finditer(content):
        if any(s < m.end() and m.start() < e for s, e in names):
            continue
        run = m[0].split(" ")
        while run and run[0].casefold() in stop:
            run = run[1:]
        while run and run[-1].casefold() in stop:
            run = run[:-1]
        if len(run) < 2 or any(w.casefold() in stop for w in run) or _adjectival_demonym(run[-1], content[m.end():]):
            continue  # "the North Korean regime": a nationality adjective before a noun names no subject
        name = " ".join(run)
        out.append(Subject(UNLINKED + name.casefold(), name, False, False, name))
    return out


def _unlinked_kept(members: list[tuple[Statement, list[Subject]]]) -> list[tuple[Statement, list[Subject]]]:
    """An unlinked name is a subject of an actor only where the actor names it in two distinct remarks or more: a name
    said once is no question the actor follows, and an entity named beside it keeps the remark."""
    said: dict[str, set[str]] = {}
    for st, subjects in members:
        for s in subjects:
            if s.key.startswith(UNLINKED):
                said.setdefault(s.key, set()).add(" ".join(re.findall(r"\w+", st.content.casefold())))
    return [(st, [s for s in subjects if not s.key.startswith(UNLINKED) or len(said[s.key]) >= 2]) for st, subjects in members]


RELATED = 0.15  # two of an actor's questions whose remarks' words are at least this similar (cosine, weighted by rarity) are one
RELATED_SHARED = 2  # ... where they share at least this many words or subjects


def _related_joined(final: dict[str, Question], members: Sequence[tuple[Statement, list[Subject]]]) -> None:
    """Two of an actor's questions whose remarks use the same words are one question, learned from the actor's own
    remarks rather than a word list: "Muslims" and "the ban and Muslims", "emails" and "State Department" ("her private
    server"), "Wall Street" and "the banks" ("breaking up" both). Each question is the words (lower-case content words,
    singular) and named subjects (not places) of its remarks, each weighted by how rare it is among all the actor's
    remarks, so what the actor says everywhere ("campaign", "country") ties nothing; two questions are one where these
    are at least :data:`RELATED` similar (cosine) and share at least :data:`RELATED_SHARED` of them. Two people are two
    questions however alike the words (rivals in one race), and so are a place (places never split a question), a claim
    about no one ("statements on role") and one subject's two kinds of claim; broad issues and the actor's other
    statements join nothing this way, nor does a noun question the subject owns ("Mira Suda's emails"). The smaller
    joins the larger, one level only."""
    stop = _stop_words()
    bags: dict[str, set[str]] = {}
    for st, subjects in members:
        bags[st.id] = {singular(w) for w in _LOWER_WORD.findall(st.content) if w not in stop and singular(w) not in stop} | {
            s.key for s in subjects if not s.is_place}
    seen = Counter(w for bag in {frozenset(b) for b in bags.values()} for w in bag)
    total = len(members) + 1
    questions: dict[str, Question] = {}
    vectors: dict[str, Counter[str]] = {}
    for st, _s in members:
        q = final[st.id]
        if q == OTHER or q.issue or q.subject is None and q.aspect is not None:
            continue
        questions[q.key] = q
        vectors.setdefault(q.key, Counter()).update(bags[st.id])
    weighted = {k: {w: n * math.log(total / seen[w]) for w, n in v.items()} for k, v in vectors.items()}
    norms = {k: math.sqrt(sum(x * x for x in v.values())) for k, v in weighted.items()}
    sizes = Counter(q.key for q in final.values())
    ranked = sorted(questions, key=lambda k: (-sizes[k], k))
    into: dict[str, Question] = {}
    for i, big in enumerate(ranked):
        if big in into:
            continue
        for small in ranked[i + 1:]:
            if small in into or any(v.key == small for v in into.values()):
                continue
            a, b = questions[big], questions[small]
            if _apart(a, b) or _owned_by(b, a) or not norms[big] or not norms[small]:
                continue
            shared = weighted[big].keys() & weighted[small].keys()
            similar = sum(weighted[big][w] * weighted[small][w] for w in shared) / (norms[big] * norms[small])
            if len(shared) >= RELATED_SHARED and similar >= RELATED:
                into[small] = a
    _redirect(final, into)


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]{3,}")


def _owned_by(q: Question, subject_question: Question) -> bool:
    """Whether a noun question is named by another's subject as its owner ("Mira Suda's emails"): the actor's question
    on what belongs to the subject, apart from its remarks on the subject."""
    subject = subject_question.subject
    return subject is not None and (q.term_label or "").startswith((f"{subject.name}'s ", f"{subject.name}' "))


def _apart(a: Question, b: Question) -> bool:
    """Whether two questions stay apart however often they come up together: a place (places never split a question, and
    a remark names one in passing: "entering the United States"), two people, or one subject's two kinds of claim."""
    if any(q.subject is not None and q.subject.is_place for q in (a, b)):
        return True
    if a.subject is not None and b.subject is not None:
        return a.subject.is_person and b.subject.is_person or a.subject == b.subject
    return False
