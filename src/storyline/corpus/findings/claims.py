"""What one statement claims, in the structured form the detectors compare.

A :class:`Claim` is computed once per statement (linear in the corpus): who is
speaking (an entity id; the document's source for the narrative voice, i.e. a
statement with neither speaker nor cue; or an unnamed source of its own for a
cue without a speaker, "the argument suggesting that ..."),
which entities the content mentions, whether it is negated or a denial, and
the typed slots it fills: a person's role rank (role words, and links to
counted acts: "linked to 29 bombings"), a group's location, which side of an
antonymous predicate it takes, and whether it answers what came before it
("reports indicate otherwise": a back-reference).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...model import DateBasis, DatePrecision, EntityType, Mention, Statement
from ...text.stance_phrases import (EARLIER, FRONTED_STANCE, OPPOSES, STANCE_LEMMAS, SUPPORTS, description_side, regretted_vote, stance_phrases,
                                    withdrawn_held)
from ...text.lexicon import Lexicon
from ...text.names import given_name_genders
from .shifts import narrator_stance
from .reversals import Reversal, find_reversal
from .stance import _PRONOUN_TARGETS, Stance, _singular, _target, find_stance
from ...text.words import clause_break, content_words, ended_at, negated_at, negation_spans, normalise_name

__all__ = ["Claim", "ConceptHit", "EntityRef", "LocationHit", "MentionIndex", "RoleHit", "build_claims", "entity_key"]


@dataclass(frozen=True)
class EntityRef:
    id: str
    name: str
    type: EntityType
    start: int  # offsets relative to the statement content
    end: int


@dataclass(frozen=True)
class RoleHit:
    person: str
    rank: str  # "low" | "high" | "not_low" | "not_high"
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class LocationHit:
    place: str
    place_name: str
    negated: bool
    start: int
    end: int


@dataclass(frozen=True)
class ConceptHit:
    concept: str
    side: str  # "a" | "b", after negation
    start: int
    end: int
    word: str
    targets: frozenset[str] = frozenset()  # entities the predicate is anchored to (same clause, nearby)


@dataclass
class Claim:
    statement: Statement
    speaker: str  # entity id, "name:<normalised>", or "source:<outlet>"
    speaker_name: str
    narrative: bool
    source: str
    date: dt.date | None
    entities: tuple[EntityRef, ...]
    words: frozenset[str]
    negated: bool
    denial: bool
    roles: tuple[RoleHit, ...] = ()
    locations: tuple[LocationHit, ...] = ()
    concepts: tuple[ConceptHit, ...] = ()
    norm_content: str = ""
    subjects: frozenset[str] = field(default_factory=frozenset)
    cue_denial: bool = False
    sid: str = ""
    unattributed: bool = False  # a cue without a speaker: an unnamed source, not the outlet
    vague: bool = False  # a speaker named only by a common noun ("the company", "officials"): not a source to set against another
    inherited: frozenset[str] = frozenset()  # subjects taken from a contrasted neighbour ("..., yet the group ...")
    backref: tuple[int, int, str] | None = None  # "indicate the opposite": span in the content (or 0, 0) and phrase
    negations: tuple[tuple[int, int], ...] = ()  # negation spans in the content (idioms that only restrict left out)
    asserts: bool = True  # False for a question, a hedge or a conditional ("may", "if", "no immediate reports of")
    stance: Stance | None = None  # the speaker's own support for or opposition to a target (:mod:`.stance`)
    narrated: bool = False  # the narrator tells the speaker's stance ("X, who once backed Y, ..."): only :mod:`.stance` reads it
    speaker_type: str = ""  # the speaker entity's type ("person", "organization"), when known
    told: str = ""  # a stance told in words other than the content (a reversal, "voted for the bill"): those words
    teller: str = ""  # who tells a narrated stance, when it is inside what a speaker says ("Vance said Okafor once backed it")

    @property
    def id(self) -> str:
        if not self.sid:
            self.sid = self.statement.id
        return self.sid

    def sort_key(self) -> tuple[Any, ...]:
        s = self.statement
        return (self.date is None, self.date or dt.date.min, s.document_id, s.content_start)


def entity_key(local_key: str, canonical: str, key_to_entity: Mapping[str, str]) -> str:
    """The resolved entity id, or a name key so unresolved names still meet across documents."""
    eid = key_to_entity.get(local_key)
    return eid if eid else "name:" + normalise_name(canonical)


class MentionIndex:
    """Mentions of one document sorted by start, for span look-ups."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.canonical: dict[int, str] = {}
        for m in self.mentions:
            if m.is_name or m.cluster not in self.canonical:
                self.canonical.setdefault(m.cluster, m.canonical)

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end:
                out.append(m)
            i += 1
        return out


def _names(entities: Any) -> dict[str, Any]:
    if isinstance(entities, Mapping):
        return dict(entities)
    return {e.id: e for e in entities or ()}


def build_claims(
    statements: Sequence[Statement],
    mentions_by_doc: Mapping[str, Sequence[Mention]],
    key_to_entity: Mapping[str, str],
    entities: Any,
    documents: Mapping[str, Any],
    lexicon: Lexicon,
) -> list[Claim]:
    """One :class:`Claim` per statement, in input order."""
    ents = _names(entities)
    indexes: dict[str, MentionIndex] = {}
    claims = []
    for st in statements:
        idx = indexes.get(st.document_id)
        if idx is None:
            idx = indexes[st.document_id] = MentionIndex(mentions_by_doc.get(st.document_id, ()))
        claims.append(_claim(st, idx, key_to_entity, ents, documents.get(st.document_id), lexicon))
    _tellers(claims)
    _refuted_allegations(claims)
    return claims


def _refuted_allegations(claims: Sequence[Claim]) -> None:
    """Set aside a reversal that others allege ("critics say he flip-flopped on the pipeline") when the same article gives
    the actor's own record on that target as one side then and now ("he supports the pipeline, as he did in 2014"):
    the record answers the allegation, so it tells no change."""
    for c in claims:
        r = c.stance
        if r is None or not r.reversal or not c.teller:
            continue
        heads = {r.head, *r.also}
        own = [(o.statement, o.stance) for o in claims if o is not c and o.speaker == c.speaker and o.stance is not None
               and not o.stance.reversal and o.statement.document_id == c.statement.document_id
               and heads & {o.stance.head, *o.stance.alternatives}]
        year = c.date.year if c.date is not None else None
        then = {s.side for st, s in own if st.said_on_basis is DateBasis.TEXT and st.said_on is not None and year is not None
                and st.said_on.year < year}
        now = {s.side for st, s in own if st.said_on is not None and st.said_on.year == year and s.era != EARLIER}
        if then & now:
            c.stance = None


# verbs of telling: what such a statement holds is the speaker's report ("Vance noted that Okafor once backed it"), unlike
# a stance or an act ("he turned against the bill - which he once supported")
_TELLING = frozenset("""say tell note claim argue add insist contend suggest charge allege point write tweet recall remind state
assert accuse complain warn explain acknowledge announce declare report mention observe stress""".split())


def _tellers(claims: Sequence[Claim]) -> None:
    """Name who tells each narrated stance that lies inside what another speaker says: the stance is the actor's, the
    report of it that speaker's ("according to Vance, Okafor once backed the pact"), not the outlet's own."""
    speech: dict[str, list[Claim]] = {}
    for c in claims:
        if not c.narrated and not c.narrative and not c.unattributed and (c.statement.cue or "").lower() in _TELLING:
            speech.setdefault(c.statement.document_id, []).append(c)
    for c in claims:
        if not c.narrated or c.statement.cue is not None:
            continue
        st = c.statement
        outer = [o for o in speech.get(st.document_id, ()) if o.speaker != c.speaker
                 and o.statement.content_start <= st.content_start and st.content_end <= o.statement.content_end]
        if outer:
            c.teller = min(outer, key=lambda o: o.statement.content_end - o.statement.content_start).speaker_name


def _entity_name(eid: str, fallback: str, ents: Mapping[str, Any]) -> str:
    e = ents.get(eid)
    return str(getattr(e, "name", fallback)) if e is not None else fallback


def _claim(st: Statement, idx: MentionIndex, k2e: Mapping[str, str], ents: Mapping[str, Any], doc: Any, lex: Lexicon) -> Claim:
    text = st.content
    source = str(getattr(doc, "source", None) or getattr(doc, "title", None) or st.document_id)
    published = getattr(doc, "published", None)
    if isinstance(published, dt.datetime):
        published = published.date()
    date = st.said_on or published
    # speaker
    if st.speaker_cluster is not None:
        canonical = idx.canonical.get(st.speaker_cluster, st.speaker_text or "")
        speaker = entity_key(f"{st.document_id}#{st.speaker_cluster}", canonical, k2e)
        speaker_name = _entity_name(speaker, canonical or st.speaker_text or "?", ents)
        narrative = False
    elif st.speaker_text and not is_dateline(st.speaker_text):
        speaker = "name:" + normalise_name(st.speaker_text)
        speaker_name = st.speaker_text
        narrative = False
    elif st.cue is not None:
        speaker = f"unattributed:{st.document_id}:{st.content_start}"
        speaker_name = "an unnamed source"
        narrative = False
    else:
        speaker = "source:" + normalise_name(source)
        speaker_name = source
        narrative = True
    doc_text = getattr(doc, "text", None)
    narrated = None
    if narrative and isinstance(doc_text, str):
        pub_year = published.year if isinstance(published, dt.date) else None
        found = narrator_stance(text, doc_text[max(0, st.content_start - 200) : st.content_start], pub_year,
                                doc_text[st.content_end : st.content_end + 200])
        actor = _actor(st, idx, doc_text) if found else None
        if found and actor is not None:
            narrated = found[0]
            speaker = entity_key(actor.local_key, actor.canonical, k2e)
            speaker_name = _entity_name(speaker, actor.canonical, ents)
            narrative = False  # the narrator tells the actor's own position: the actor holds it
    elif isinstance(doc_text, str) and st.cue is not None:
        record = _vote_record(st, idx, doc_text, published)
        if record is not None:  # "Vance singled out Orlov's 2005 vote for the bill": Orlov's stance of 2005
            narrated, actor, st = record
            speaker = entity_key(actor.local_key, actor.canonical, k2e)
            speaker_name = _entity_name(speaker, actor.canonical, ents)
            date = st.said_on or published
    # entities inside the content span
    refs = []
    for m in idx.within(st.content_start, st.content_end):
        eid = entity_key(m.local_key, m.canonical, k2e)
        e = ents.get(eid)
        etype = getattr(e, "type", None) or m.type
        refs.append(EntityRef(eid, _entity_name(eid, m.canonical, ents), EntityType(etype), m.start - st.content_start, m.end - st.content_start))
    neg_spans = negation_spans(text, lex)
    denial_phrase = next(iter(lex.denial_phrases.finditer(text)), None) is not None
    cue_denial = (st.cue or "").lower() in lex.denial_cues
    content_neg = bool(neg_spans)
    negated = cue_denial != content_neg or (st.polarity == -1 and not cue_denial and not content_neg)
    claim = Claim(
        statement=st,
        speaker=speaker,
        speaker_name=speaker_name,
        narrative=narrative,
        source=source,
        date=date,
        entities=tuple(refs),
        words=content_words(text, lex),
        negated=negated,
        denial=cue_denial or denial_phrase,
        norm_content=" ".join(sorted(content_words(text, lex))),
        cue_denial=cue_denial,
        unattributed=speaker.startswith("unattributed:"),
        vague=not narrative and st.speaker_cluster is None and is_vague_speaker(st.speaker_text or ""),
        backref=_backref(st, doc, lex),
        negations=tuple(neg_spans),
        asserts=asserts(text, lex),
    )
    claim.subjects = frozenset(r.id for r in refs if r.id != speaker)
    speaker_entity = ents.get(speaker)
    if speaker_entity is not None:
        claim.speaker_type = str(getattr(speaker_entity.type, "value", speaker_entity.type) or "")
    claim.roles = tuple(_roles(text, refs, neg_spans, lex))
    claim.locations = tuple(_locations(text, refs, neg_spans, lex))
    claim.concepts = tuple(_concepts(text, neg_spans, cue_denial, lex, claim.backref, refs))
    reversal = _reversal(st, idx, doc_text, speaker_name if not narrative else "") if isinstance(doc_text, str) and narrated is None else None
    if reversal is not None and (reversal[1] is not None or not (narrative or claim.unattributed or claim.vague)):
        found_reversal, actor_mention, told = reversal
        if actor_mention is not None:
            if not (narrative or claim.unattributed):
                claim.teller = speaker_name  # "critics say Marsh flip-flopped on it": the critics' report, not the outlet's
            claim.speaker = entity_key(actor_mention.local_key, actor_mention.canonical, k2e)
            claim.speaker_name = _entity_name(claim.speaker, actor_mention.canonical, ents)
            claim.narrative = claim.vague = claim.unattributed = False
        claim.stance, claim.narrated, claim.told = found_reversal, True, told
    elif narrated is not None:
        claim.stance, claim.narrated = narrated, True
        held = withdrawn_held(text, doc_text[max(0, st.content_start - 120) : st.content_start]) if isinstance(doc_text, str) else None
        regret = regretted_vote(text, doc_text[max(0, st.content_start - 200) : st.content_start],
                                doc_text[st.content_end : st.content_end + 200]) if isinstance(doc_text, str) else None
        if regret is not None and regret[0] == EARLIER:  # "her vote in favor of the war [a mistake]": the vote, told as one
            how = "for" if regret[1] == SUPPORTS else "against"
            claim.told = f"voted {how} {regret[2].strip()}" + (f" in {regret[3]}" if regret[3] else "") + ", a vote later called a mistake"
        elif regret is not None and re.match(r"(?:which|that)\s", text):  # "[X's war vote,] which she has said was a mistake"
            how = "against" if regret[1] == SUPPORTS else "for"
            said = re.sub(r"^(?:which|that)\s+(?:he|she|they)\s+", "", " ".join(text.split()))
            claim.told = re.sub(r"\b(said|called|acknowledged|admitted|conceded)\s+", lambda v: f"{v.group(1)} the vote {how} {regret[2].strip()} ", said, count=1)
        elif held is not None:  # "[rescinded] his endorsement of Trump": told as the position held before the act
            verb = held.group("wverb").split()[-1].lower()
            done = next((w for stem, w in _WITHDRAWN_PARTICIPLES if verb.startswith(stem)), verb)
            claim.told = f"held {' '.join(text[: _clause_end(text)].split())}, before it was {done}"
    elif not narrative and not claim.unattributed and not claim.vague and claim.asserts:
        before = doc_text[max(0, st.content_start - 600) : st.content_start] if isinstance(doc_text, str) else ""
        kind = getattr(st.kind, "value", st.kind)
        claim.stance = find_stance(text, str(kind), speaker_name if st.speaker_cluster is not None else (st.speaker_text or ""), before)
        if claim.stance is not None and _pronoun_of_another(claim, claim.stance.start):
            claim.stance = None
        if claim.stance is not None and (st.cue or "").lower() in _REFUSING and re.match(r"\s*to\s", text[: claim.stance.end]):
            # "Cruz refused to endorse Trump", "her refusal to back the bill": the infinitive is what the actor will not do
            claim.stance = dataclasses.replace(claim.stance, side=_OTHER_SIDE[claim.stance.side])
            if isinstance(doc_text, str) and st.cue_start is not None and st.cue_start < st.content_start:
                claim.told = " ".join(doc_text[st.cue_start : st.content_end].split())  # "refused to endorse Trump ...", not "said that"
        if claim.stance is None and isinstance(doc_text, str):
            claim.stance = _cued_stance(st, doc_text)
            if claim.stance is not None and st.cue_start is not None:
                claim.told = " ".join(doc_text[st.cue_start : st.content_end].split())
        if claim.stance is None and isinstance(doc_text, str):
            claim.stance = _labelled_stance(st, text, published)
            if claim.stance is not None and st.cue_start is not None and st.cue_start < st.content_start:
                claim.told = " ".join(doc_text[st.cue_start : st.content_end].split())
                if not re.match(r"\w+(?:ed|es|s)\b", claim.told):  # a noun cue ("embrace of the pro-choice position")
                    claim.told = f"took up {' '.join(text.split())}"
            if claim.stance is not None and claim.stance.era == EARLIER and st.said_on_basis is DateBasis.PUBLISHED:
                # "described himself as pro-life in the past": before the article, on no day the text gives
                claim.statement = st = dataclasses.replace(st, said_on=None, said_on_basis=DateBasis.TEXT)
        month = _own_month(text, claim.stance, st, published) if claim.stance is not None else None
        if month is not None:
            # "refused to endorse Trump during a speech at the convention in July": the act's own month, not the article's day
            claim.statement = dataclasses.replace(st, said_on=month, said_on_precision=DatePrecision.MONTH, said_on_basis=DateBasis.TEXT)
            claim.date = month
    return claim


_WITHDRAWN_PARTICIPLES = (("withdr", "withdrawn"), ("rescind", "rescinded"), ("revok", "revoked"), ("retract", "retracted"), ("pull", "pulled"))


def _clause_end(text: str) -> int:
    m = re.search(r",\s|[;.!?](?:\s|$)|\s[-–—]\s", text)
    return m.start() if m else len(text)


# a stance told by a label: "pro-life", "pro-choice", "anti-war", "pro-gun" (the issue after the hyphen; "life" and "choice"
# name abortion), which an actor calls himself ("has described himself as a pro-life Catholic in the past") or takes up
# ("Kaine's full embrace of the pro-choice position", "moved toward a pro-abortion stance")
_LABEL = r"(?P<pro>pro|anti)-(?P<issue>[a-z]{3,})\b"
_SELF_LABEL = re.compile(rf"(?:himself|herself|themselves)\s+(?:as\s+)?(?:an?\s+)?(?:(?:staunch|devout|strong|committed|fervent|lifelong)\s+)?{_LABEL}")
_TAKEN_LABEL = re.compile(rf"(?:the|a|an)\s+(?:(?:fully|solid|more|firm|firmly|staunch|staunchly|strong|strongly)\s+)?{_LABEL}\s+(?:position|stance|view|platform|line)\b")
_LABELLING = frozenset({"describe", "call", "label", "consider", "identify", "brand"})
_TAKING = frozenset({"embrace", "adopt", "take", "move", "shift", "endorse", "champion"})
_PAST_MARK = re.compile(r"\b(?:in\s+the\s+past|once|previously|formerly|used\s+to|in\s+(?:19|20)\d\d|years\s+ago)\b", re.IGNORECASE)
_ABORTION = {"life": ("abortion", OPPOSES), "choice": ("abortion", SUPPORTS), "abortion": ("abortion", SUPPORTS)}


def _labelled_stance(st: Statement, text: str, published: Any) -> Stance | None:
    """A stance told by a pro-/anti- label the actor gives himself or takes up: current, or earlier when the statement
    marks another time ("in the past", "once", a year before the article's)."""
    cue = (st.cue or "").lower()
    m = _SELF_LABEL.match(text) if cue in _LABELLING else _TAKEN_LABEL.match(text) if cue in _TAKING else None
    if m is None:
        return None
    issue, side = _ABORTION.get(m.group("issue"), (m.group("issue"), SUPPORTS))
    if m.group("pro") == "anti":
        side = _OTHER_SIDE[side]
    era = ""
    if cue in _LABELLING:
        marked = _PAST_MARK.search(text)
        year = re.search(r"\b(?:19|20)\d\d\b", marked.group()) if marked else None
        if marked and (year is None or not isinstance(published, dt.date) or int(year.group()) < published.year):
            era = EARLIER
    return Stance(side, _singular(issue), frozenset(), issue, m.start(), m.end(), (), frozenset(), era)


_REFUSING = frozenset({"refuse", "decline", "refusal"})
_OTHER_SIDE = {SUPPORTS: OPPOSES, OPPOSES: SUPPORTS}
_MONTHS = ("january february march april may june july august september october november december").split()
_IN_MONTH = re.compile(r"\b(?P<at>in|during|last|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?(?P<m>January|February|March|April|May|June|July|August|September|"
                       r"October|November|December)\b(?!\s+\d)(?:\s*,?\s*(?P<y>(?:19|20)\d\d))?")


def _own_month(text: str, stance: Stance, st: Statement, published: Any) -> dt.date | None:
    """The month a stance's own clause gives the act ("... at the convention in July", "in early June") when the statement
    is dated only by publication: a month of the article's year before its month, or "last <month>" (a month to come is a
    plan, not the act). None when the clause names no month, or the statement already has a date of its own."""
    if st.said_on_basis is not DateBasis.PUBLISHED or not isinstance(published, dt.date):
        return None
    clause = text[stance.end :]
    stop = re.search(r"[,;.!?](?:\s|$)|\s[-–—]\s|\s(?:which|that|who|when|after|before|until|but|and)\s", clause)  # its own clause only
    m = _IN_MONTH.search(clause[: stop.start() if stop else len(clause)])
    if m is None:
        return None
    month = _MONTHS.index(m.group("m").lower()) + 1
    year = int(m.group("y")) if m.group("y") else published.year - (month >= published.month and m.group("at") == "last")
    if (year, month) >= (published.year, published.month):
        return None
    return dt.date(year, month, 1)


def _vote_record(st: Statement, idx: MentionIndex, doc_text: str, published: Any) -> tuple[Stance, Mention, Statement] | None:
    """A vote on record that a speaker's content names ("[Vance singled out] Orlov's 2005 vote for the bill"): the
    voter's stance in the year of the vote, whoever tells it; the statement dated to that year."""
    phrases = stance_phrases(st.content, published.year if isinstance(published, dt.date) else None)
    named = [m for m in idx.within(st.content_start, st.content_end) if m.is_name and m.start <= st.content_start + 2]
    if not phrases or not named or not phrases[0].vote or phrases[0].year is None or phrases[0].start > named[0].end - st.content_start:
        return None  # the content opens with the voter's name and its vote
    at = phrases[0].start
    found = narrator_stance(st.content[at:], doc_text[max(0, st.content_start + at - 200) : st.content_start + at],
                            published.year if isinstance(published, dt.date) else None)
    if found is None or str(getattr(named[0].type, "value", named[0].type)) != "person":
        return None
    dated = dataclasses.replace(st, said_on=dt.date(phrases[0].year, 1, 1), said_on_precision=DatePrecision.YEAR,
                                said_on_basis=DateBasis.TEXT)
    return found[0], named[0], dated


_ERA_WORDS = re.compile(r"\b(?:had|once|previously|initially|originally|formerly|used\s+to|now|since|later|no\s+longer)\b", re.IGNORECASE)


def _cued_stance(st: Statement, doc_text: str) -> Stance | None:
    """The stance of a statement cued by a stance verb whose content is its target ("As a senator in 2015, Calloway
    voted for [the dam bill]"): the speaker's act, on the date the text gives it. An era word before the verb
    ("who once backed") is the narrator's stance phrase, read by :mod:`.shifts`; an undated act is left out."""
    if st.cue_start is None:
        return None
    if (st.cue or "").lower() in _DESCRIBING or (st.cue or "").lower() in ("say", "tell", "argue", "insist", "declare"):
        return _described(st, doc_text)
    thrown = (st.cue or "").lower() == "throw" and _SUPPORT_BEHIND.match(st.content) is not None  # "threw her support behind"
    cast = (st.cue or "").lower() == "cast" and _VOTE.match(st.content) is not None  # "cast the deciding vote to raise it"
    # "announced his support for the project", "voiced her opposition to the plan": a stance the actor takes as an act
    declared = (st.cue or "").lower() in _DECLARING and _OWN_STANCE.match(st.content) is not None
    acted = (st.cue or "").lower() in ("sign", "veto")  # "signed a bill on Friday": an act that takes a side on its object
    # "urged passage of the bill", "campaigned against a referendum": a call or a campaign for or against its object
    committed = (st.cue or "").lower() in _COMMITTING
    if (st.cue or "").lower() not in STANCE_LEMMAS and not thrown and not cast and not declared and not acted and not committed:
        return None
    if not st.cue_start < st.content_start <= st.cue_start + 40:
        return None  # the verb governs the content right after it
    lead = doc_text[st.speaker_end if st.speaker_end is not None else st.start : st.cue_start]
    # "X, who had backed the pact, opposed it as a candidate": the subject's own earlier stance, told in the clause
    # that names it, orders the act after it; the act holds at the article's time
    after_earlier = st.speaker_end is not None and _closes_earlier(doc_text[st.start : st.cue_start], st.said_on)
    if st.said_on_basis is not DateBasis.TEXT and not after_earlier and not _present_act(lead, doc_text[st.cue_start : st.content_start]):
        return None
    if _ERA_WORDS.search(lead) and not after_earlier:
        return None
    before = doc_text[max(0, st.cue_start - 600) : st.cue_start]
    found = find_stance("they " + doc_text[st.cue_start : st.content_end], "indirect", "", before)
    if found is None:
        return None
    shift = st.content_start - st.cue_start - 5  # offsets into the content, as a content stance has them
    found = dataclasses.replace(found, start=max(0, found.start + shift), end=max(0, found.end + shift))
    if _REFUSED_TO.search(doc_text[max(0, st.cue_start - 40) : st.cue_start]):
        found = dataclasses.replace(found, side=_OTHER_SIDE[found.side])  # "[refused to] endorse Brook": what the actor would not do
    return found


_COMMITTING = frozenset({"urge", "campaign", "push", "press", "propose", "pledge", "promise", "vow", "fight", "demand", "seek", "ask",
                         "rail"})
_REFUSED_TO = re.compile(r"\b(?:refus|declin)(?:e|es|ed|ing|al)\s+to\s+$", re.IGNORECASE)


# a verb in the present, the progressive or the present perfect: the act holds when the article is written ("Cruz is
# endorsing Trump", "now that Cruz has endorsed Trump", "Le Pen backs Trump"); a bare past ("endorsed Trump") may be of any time
_PRESENT_AUX = re.compile(r"(?:\b(?:is|are|has|have)|[’']s|[’']re|[’']ve)\s+(?:(?:now|also|officially|formally|publicly|finally|just|since|already)\s+)*$")
_PRESENT_FORM = re.compile(r"[a-z]+(?:s|ing|ed|en)\s*$")


def _present_act(lead: str, verb: str) -> bool:
    """Whether a stance verb is told in the present, the progressive or the present perfect (not "had endorsed")."""
    word = verb.strip().split()[0].lower() if verb.strip() else ""
    if not _PRESENT_FORM.fullmatch(word):
        return False
    if word.endswith(("ing", "ed", "en")):
        return _PRESENT_AUX.search(lead) is not None
    return not word.endswith("ss") and not re.search(r"\b(?:had|would|could|might|should|to)\s+$", lead)


_DESCRIBING = frozenset({"call", "describe", "label", "brand", "dub"})
_DECLARING = frozenset({"announce", "declare", "voice", "express", "reiterate", "offer", "pledge"})
_OWN_STANCE = re.compile(r"(?:his|her|their|its)\s+(?:full\s+|strong\s+)?(?:support\s+(?:for|behind)|opposition\s+to)\b", re.IGNORECASE)
_VOTE = re.compile(r"(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?vote\b", re.IGNORECASE)
_SUPPORT_BEHIND = re.compile(r"(?:his|her|their|its)\s+(?:full\s+)?support\s+behind\b")


def _described(st: Statement, doc_text: str) -> Stance | None:
    """A dated description that takes a side on its object ("In 2019, Whitcombe called the pipeline 'a reckless gamble'",
    "In 2014, Quist said the Harlow dam was essential"): the speaker's stance on the thing described, on the date the text
    gives it (an undated one, of the article's day, is too often a passing judgment to set against another)."""
    if st.said_on_basis is not DateBasis.TEXT or st.cue_start is None or not st.cue_start < st.content_start <= st.cue_start + 12:
        return None
    describing = (st.cue or "").lower() in _DESCRIBING
    # "described a second referendum as a betrayal": a description names its object, definite or not
    m = re.match(r"(?:the|this|that|an?)\s+" if describing else r"(?:the|this|that)\s+", st.content, re.IGNORECASE)
    told = st.content[m.end():] if m else ""
    if (st.cue or "").lower() not in _DESCRIBING:
        copula = re.search(r"\s(?:was|is|were|are|would\s+be|will\s+be)\s", told[:60])
        told = told[: copula.start()] if copula else ""
    if (st.cue or "").lower() in _DESCRIBING:
        told = re.split(r"\s+(?:as|an?)\s+", told, maxsplit=1)[0]  # "called the charge a bad deal": the charge
    target = _target(told) if m else None
    if m is None or target is None or target.lower() in _PRONOUN_TARGETS:
        return None
    after = m.end() + len(target)
    if (st.cue or "").lower() not in _DESCRIBING:
        # "Quist said the Harlow dam was essential for the valley": a judgment the copula gives the thing
        cop = re.match(r"\s+(?:was|is|were|are|would\s+be|will\s+be)\s+(?=(?:not\s+)?(?:an?\s+)?(?:\w+\s+)?\w+\b(?!\s+(?:of|to)\b))",
                       st.content[after:])
        if cop is None:
            return None
        after += cop.end()
    judged = description_side(st.content, after)
    if judged is None or len(st.content[after : judged[1]].split()) > (3 if after > m.end() + len(target) else 6):
        return None  # no evaluating word close after the object
    tokens = target.split()
    head = _singular(tokens[-1])
    if not re.fullmatch(r"[a-z][a-z-]{2,}", head):
        return None
    proper = frozenset(w.lower() for w in tokens if w[:1].isupper())
    modifiers = frozenset(w.lower() for w in tokens[:-1] if not w[:1].isupper())
    return Stance(judged[0], head, proper, target, 0, judged[1], (), modifiers)


def _closes_earlier(subject: str, said_on: Any) -> bool:
    """Whether a subject phrase ends with a closed relative clause that tells the subject's earlier stance
    ("Vance, who had backed the pact as mayor,")."""
    if not re.search(r",\s*$", subject):
        return False
    year = said_on.year if isinstance(said_on, dt.date) else None
    return any(p.era == EARLIER for p in stance_phrases(subject, year))


_BEFORE_REVERSAL = re.compile(r"[\s,]*(?:who\s+)?$")
_ACTOR_GAP = re.compile(r"(?:\s*,[^,;.]{0,80},)?[\s,]*(?:who\s+)?$")


def _reversal(st: Statement, idx: MentionIndex, doc_text: str, speaker_name: str) -> tuple[Stance, Mention | None, str] | None:
    """A reversal the statement reports ("reversed himself on the pipeline"): its stance, the person it names as its
    subject when that is not the statement's speaker, and the narrator's phrase. The phrase's subject is the speaker
    when it follows the speaker's name right away ("Marsh reversed himself on ..."), else a person named right before
    it in the content ("..., Governor Marsh flip-flopped on ...")."""
    dropped = _dropped_own(st, doc_text)
    if dropped is not None and speaker_name:
        # "Lindgren dropped [her] opposition to the casino": the parse made the possessive the speaker of a stance noun
        found = find_reversal(dropped, speaker_name)
        if found is not None:
            return _with_inner(found), None, _told(dropped, found.start)
    if st.speaker_end is not None and speaker_name and st.speaker_end <= st.content_start:
        head_text = doc_text[st.speaker_end : st.end]
        found = find_reversal(head_text, speaker_name)
        at = st.speaker_end + found.start if found is not None else -1
        cued = st.cue_start is None or at <= st.cue_start <= at + 12  # its own cue is the reversal verb, not a "saying" after it
        if found is not None and cued and _BEFORE_REVERSAL.match(head_text[: found.start]) is not None:
            return _with_inner(found), None, _told(head_text, found.start)
    content = st.content
    found = find_reversal(content, "")
    if found is None:
        return None
    at = st.content_start + found.start
    people = [m for m in idx.within(max(0, st.start - 120), at) if m.is_name and str(getattr(m.type, "value", m.type)) == "person"]
    # the reversal's subject is the person named right before it ("Marsh, who once backed it, flip-flopped")
    actor = next((m for m in reversed(people) if _ACTOR_GAP.match(doc_text[m.end : at]) is not None), None)
    if actor is None:
        return None
    inner = find_reversal(content, actor.canonical or actor.text)
    return _with_inner(inner or found), actor, _told(content, found.start)


_GIVE_UP = re.compile(r"(?:walk(?:ed|s|ing)\s+back|abandon(?:ed|s|ing)|dropp(?:ed|ing)|drops)\s+$", re.IGNORECASE)


def _dropped_own(st: Statement, doc_text: str) -> str | None:
    """The text of "dropped her opposition to the casino" when the statement's speaker is the possessive of that
    phrase ("her", cue "opposition", content "the casino"), else None."""
    if (st.speaker_text or "").lower() not in ("his", "her", "their") or st.speaker_start is None:
        return None
    give_up = _GIVE_UP.search(doc_text[max(0, st.speaker_start - 30) : st.speaker_start])
    if give_up is None:
        return None
    return doc_text[max(0, st.speaker_start - 30) + give_up.start() : st.end]


def _with_inner(r: Reversal) -> Stance:
    """The reversal's stance, named also by the head of the stance its clause says is held now."""
    if r.later is None or r.later.head == r.stance.head:
        return r.stance
    return dataclasses.replace(r.stance, also=frozenset({r.later.head}))


def _told(text: str, start: int) -> str:
    end = re.search(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)[.;!?](?:\s|$)", text[start:])
    return " ".join(text[start : start + end.start() if end else len(text)].split())


_THIRD_PERSON = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)


def _pronoun_of_another(c: Claim, at: int) -> bool:
    """Whether a stance's subject is "he"/"she"/"they" after another person named in the content: "the remark
    describing Mr. Obama's statement that he opposed the war" is Obama's stance, not the speaker's."""
    if not _THIRD_PERSON.match(c.statement.content, at):
        return False
    return any(r.type is EntityType.PERSON and r.id != c.speaker and r.end <= at for r in c.entities)


_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSen)(?<!\bGov)[.?!][\"”’']?\s")


def _person_like(m: Mention, idx: MentionIndex) -> bool:
    """Whether a name mention is a person's: typed so, or typed an organization while the article gives the same family
    name after a known given name ("Donald Trump" ... "Trump", which a tagger may take for the company)."""
    kind = str(getattr(m.type, "value", m.type))
    if kind == "person":
        return True
    if kind != "organization":
        return False
    last = (m.canonical or m.text).split()[-1]
    given = given_name_genders()
    return any(len(words) >= 2 and words[-1] == last and words[0].lower() in given
               for o in idx.mentions if o.is_name for words in [(o.canonical or o.text).split()])


def _actor(st: Statement, idx: MentionIndex, doc_text: str) -> Mention | None:
    """Whose position a narrator stance phrase tells: the person it names first, else the first person named in its
    sentence before it, else the last person named before it in its paragraph."""
    fronted = FRONTED_STANCE.match(st.content)  # "In 2016, Pemberton opposed the tax": the subject after the time
    at = st.content_start + (fronted.start("subj") if fronted else 0)
    near = idx.within(max(0, st.content_start - 40), st.content_end)
    named = [m for m in near if m.is_name and m.start <= at + 2 < m.end + 3]
    if fronted and not named:  # "In the past, Governor Hal Dunmore had ...": the name after its title
        named = [m for m in near if m.is_name and at <= m.start < st.content_start + fronted.end("subj")]
    owner = re.search(r"\b([A-Z][\w-]+)[’']s\s+$", doc_text[max(0, st.content_start - 40) : st.content_start])
    if owner is not None and not named:
        # "Trump's evolution on ..., from his support for": the owner of the change, a person the article names
        people = [m for m in idx.mentions if m.is_name and _person_like(m, idx)
                  and (m.canonical or m.text).split()[-1] == owner.group(1)]
        if people:
            return people[0]
    if named:  # the phrase's subject is a name ("... which Tom Brandt once supported"): that name, person or not
        m = named[-1]
        return m if _person_like(m, idx) else None
    if re.match(r"Once\s+an?\s", st.content):  # "Once a critic of the levy, Vance ...": the subject right after it
        after = [m for m in idx.within(st.content_end, st.content_end + 40) if m.is_name]
        gap = doc_text[st.content_end : after[0].start] if after else ""
        return after[0] if after and re.fullmatch(r",\s*(?:[A-Z][\w.]*\s+){0,2}", gap) and _person_like(after[0], idx) else None
    if re.match(r"[A-Z][\w’'-]+\s", st.content[at - st.content_start :]) and not re.match(r"(?:He|She|They|Who|His|Her|Their)\s", st.content):
        return None  # a capitalised subject that is no person mention: not the actor to guess
    coordinated = re.match(r"(?:has|have|had)\s", st.content) is not None  # "X initially backed it and has shifted his position"
    para = max(doc_text.rfind("\n", 0, st.content_start), 0)
    ends = [m.end() for m in _SENTENCE_END.finditer(doc_text, para, st.content_start)]
    sent = ends[-1] if ends else para
    earlier = [m for m in idx.within(para, st.content_start) if m.is_name and _person_like(m, idx)]
    in_sentence = [m for m in earlier if m.start >= sent]
    if in_sentence:
        return in_sentence[-1] if coordinated else in_sentence[0]
    return earlier[-1] if earlier else None


_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\s*\([A-Za-z .]+\))?\s*[—–-]*\s*$")
_HEDGE_WORDS = re.compile(r"\b(?:if|unless|whether|may|might|could|perhaps|possibly|maybe|likely|unlikely|probably)\b",
                          re.IGNORECASE)


def is_dateline(speaker_text: str) -> bool:
    """ "KABUL —", "WASHINGTON (AP) -": a place in capitals at the head of a story, never a speaker."""
    return bool(_DATELINE.match(speaker_text.strip())) and any(ch.isalpha() for ch in speaker_text)


_ANAPHOR = re.compile(r"^(?:he|she|it|they|we|i|the|this|that|its|his|her|their)(?:\s+(?P<noun>[a-z-]+))?$")
# unnamed but real sources: "police said", "the ministry said", "officials said"
_INSTITUTIONS = frozenset("""police ministry government army military court embassy prosecutor prosecutors
spokesman spokeswoman spokesperson official officials authorities witness witnesses residents""".split())


_POLL_SHARE = re.compile(r"^\W*(?:[A-Za-z]+\s+)?[\d.,]+\s*(?:per\s?cent|%)", re.IGNORECASE)
_SHARE = re.compile(r"^(?:only\s+|about\s+|some\s+|nearly\s+|almost\s+)?\d|\bper\s?cent\b|%")


def is_vague_speaker(speaker_text: str) -> bool:
    """A speaker only a pronoun or "the <thing>" names ("the company", "it"): resolution may have picked any antecedent.

    Unnamed institutions and groups ("police", "the ministry", "officials", "residents") are sources of their own.
    """
    t = " ".join(speaker_text.lower().split())
    if _SHARE.search(t):
        return True  # "24 percent who said otherwise": one answer of a poll, not a source disputing another
    m = _ANAPHOR.match(t)
    if m is None:
        return False
    noun = m.group("noun")
    return noun is None or noun not in _INSTITUTIONS


def asserts(text: str, lex: Lexicon) -> bool:
    """Whether a content asserts anything: not a question, a hedge, a conditional or a report of no reports."""
    if text.rstrip(" \"'”’)").endswith("?"):
        return False
    if _HEDGE_WORDS.search(text):
        return False
    if _POLL_SHARE.match(text.strip()):
        return False  # "only 24 percent who said otherwise": one answer option of a poll, not an actor's claim
    return next(iter(lex.hedges.finditer(text)), None) is None


def _backref(st: Statement, doc: Any, lex: Lexicon) -> tuple[int, int, str] | None:
    """A back-reference phrase in the content, or in the statement's whole span ("reports indicate the opposite")."""
    for s, e, word, _ in lex.back_references.finditer(st.content):
        return s, e, word
    full = getattr(doc, "text", None)
    if isinstance(full, str) and st.start < st.content_start and st.end <= len(full):
        for _, _, word, _ in lex.back_references.finditer(full[st.start : st.end]):
            return 0, 0, word
    return None


ROLE_REACH = 120  # characters between a role word and the one person it can describe
_FLIP = {"low": "not_low", "high": "not_high", "not_low": "low", "not_high": "high"}


def _contrasted(text: str, ref: EntityRef, lex: Lexicon) -> bool:
    """ "rather than X", "not X": the role is denied for X."""
    lo = max(0, ref.start - 16)
    return any(e >= ref.start - 2 and not clause_break(text, e, ref.start) for _, e, _, _ in lex.contrast.finditer(text[lo : ref.start]) for e in [e + lo])


_COUNT = re.compile(r"\W{0,3}(?:(?:at\s+least|more\s+than|over|nearly|almost|some|about|around)\s+)?"
                    r"(?:\d[\d,]*|dozens|scores|hundreds|numerous|multiple|several|many|a\s+series)\b(?:\s+of)?\s+", re.IGNORECASE)


# a role word inside a proper name ("Planned Parenthood") or a possessor of another noun ("driver's licenses")
_NAME_PART = re.compile(r"[ \t]+[A-Z][\w'’-]")
_POSSESSOR = re.compile(r"(?:['’]s|s['’])(?!\w)")


_TITLE_TAIL = re.compile(r"[\s-]+in[\s-]+chief\b", re.IGNORECASE)
# "his fitness to be commander", "hopes to become the leader": a role someone may take, not one they hold
_PROSPECTIVE = re.compile(r"\bto\s+(?:be|become)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def _not_a_role(text: str, s: int, e: int) -> bool:
    """Whether the role word at [s, e) names no one's role: a capitalised word before another capitalised one is
    part of a name (the Planned Parenthood Action Network), a role noun in the possessive is the owner of
    something else ("driver's licenses", "the courier's brother"), "commander in chief" is an office, not a rank
    in a group, and a role after "to be" is one someone may take ("his fitness to be commander")."""
    return ((text[s].isupper() and _NAME_PART.match(text, e) is not None) or _POSSESSOR.match(text, e) is not None
            or _TITLE_TAIL.match(text, e) is not None or _PROSPECTIVE.search(text[max(0, s - 40) : s]) is not None)


def _role_triggers(text: str, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Role words, plus a link to counted acts ("linked to 29 suicide bombings"): a leading role."""
    found = [hit for hit in lex.roles.finditer(text) if not _not_a_role(text, hit[0], hit[1])]
    for s, e, _, _ in lex.role_links.finditer(text):
        m = _COUNT.match(text, e)
        if m is None:
            continue
        rest = text[m.end() : m.end() + 40]
        acts = next((a for a in lex.counted_acts.finditer(rest) if a[0] <= 20), None)
        if acts is not None:
            end = m.end() + acts[1]
            found.append((s, end, text[s:end], "high"))
    return sorted(found)


def _roles(text: str, refs: Sequence[EntityRef], neg: Sequence[tuple[int, int]], lex: Lexicon) -> list[RoleHit]:
    persons = [r for r in refs if r.type == EntityType.PERSON]
    if not persons:
        return []
    out: list[RoleHit] = []
    for s, e, word, rank in _role_triggers(text, lex):
        if negated_at(text, s, neg):
            rank = _FLIP[rank]
        def dist(p: EntityRef, s: int = s, e: int = e) -> int:
            return s - p.end if p.end <= s else p.start - e

        if len({p.id for p in persons}) == 1:
            targets = [p for p in persons if dist(p) <= ROLE_REACH]  # a role word far from the one person is someone else's
        else:
            near = [p for p in persons if dist(p) <= 80 and not clause_break(text, min(p.end, e), max(p.start, s))]
            if not near:
                near = [p for p in persons if dist(p) <= 80]
            targets = sorted(near, key=dist)[:1]
            # every contrasted person ("..., rather than X") gets the opposite claim
            targets += [p for p in persons if _contrasted(text, p, lex) and p not in targets]
        one = len({p.id for p in persons}) == 1
        targets = [p for p in targets
                   if _contrasted(text, p, lex) or (_linked(text, s, e, p, one) and not _role_of_another(text, s, e, p))]
        for p in targets:
            r = _FLIP[rank] if _contrasted(text, p, lex) else rank
            hit = RoleHit(p.id, r, s, e, word)
            if hit not in out:  # one person written several ways ("Jafar, aka Naser") is one target
                out.append(hit)
    return out


# "the witness Jeffs called": a name right after the role noun, followed by a verb, is the subject of a
# relative clause about the role's holder, not the holder
_RELATIVE_VERB = re.compile(r"\s+(?:had\s+|has\s+|would\s+|will\s+)?(?:[a-z]+ed|called|chose|named|brought|hired|sent|"
                            r"put|met|took|saw|told|picked|found|paid|knew|made|wrote|heard|sought|got|gave|"
                            r"calls|names|hires|brings|picks|wants|needs)\b")
_ROLE_OF = re.compile(r"^\s+(?:for|to|of)\s+(?:[\w'’-]+\s+){0,4}$")
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:[a-z-]+\s+){0,2}$")


_OBJECT_START = re.compile(r"\s+(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|some|any|no|every|"
                           r"him|them|me|us|it|[A-Z0-9$])", re.IGNORECASE)


# a preposition between a name and a role word puts the role on another noun: "the ties Hale has with business leaders"
_GAP_PREPOSITION = r"(?:with|to|for|from|by|among|about|against|between|toward|towards|like)\b"
_COPULA = r"(?:is|was|were|are|be|been|being|became|becomes|become|remains|remained|served\s+as|acted\s+as|as)"
# "Sorov, a courier", "Sorov was nothing more than an observer", "Sorov, who was the cell's driver"
_BEFORE_ROLE = re.compile(
    rf"^(?:\s*,\s*(?:also\s+)?(?:known\s+as\s+|aka\s+)?[^,;:.]{{0,30}},)?\s*(?:,|—|–|-|\()?\s*"
    rf"(?:(?:who|which)\s+)?(?:(?:had|has|have)\s+)?(?:{_COPULA}\s+)?(?:(?!{_GAP_PREPOSITION})[\w'’-]+\s+){{0,5}}$", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:and|but|or|while|whereas|yet|because|although|though|that|said|says|told)\b", re.IGNORECASE)
_PRONOUN_COPULA = re.compile(rf"\b(?:he|she)\s+(?:(?:had|has)\s+been\s+|{_COPULA}\s+)(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)


def _linked(text: str, s: int, e: int, p: EntityRef, only_person: bool) -> bool:
    """Whether the role word at [s, e) is said of the person: a title before the name ("the courier Sorov"),
    an apposition ("Sorov, a courier"), a copula ("Sorov was nothing more than an observer"), or "he was ..."
    when the claim names one person. A role word merely near a name ("party leaders who backed Sorov",
    "Sorov won, but rank-and-file members ...") is someone else's.
    """
    if p.start >= e:
        gap = text[e : p.start]
        return len(gap) <= 2 or re.fullmatch(r"\s*,\s*|\s+(?:of|behind|for)\s+[^,;:.]{0,40},\s*", gap) is not None
    gap = text[p.end : s]
    if _BEFORE_ROLE.match(gap) and not _CONJUNCTION.search(gap):
        return True
    return only_person and _PRONOUN_COPULA.search(text[max(0, s - 60) : s]) is not None


def _role_of_another(text: str, s: int, e: int, p: EntityRef) -> bool:
    """Whether a role word near a person belongs to someone else ("the witness Jeffs called", "Jeffs's witness").

    "the courier Sorov carried the money" keeps the role: the verb after the name has its object, so the
    name is the subject of the main clause and in apposition to the role noun.
    """
    m = _RELATIVE_VERB.match(text, p.end)
    if 0 <= p.start - e <= 2 and m is not None and not _OBJECT_START.match(text, m.end()):
        return True
    if p.start >= e and _ROLE_OF.match(text[e : p.start]):
        return True  # "the former driver for Vito Genovese", "an adviser to X": the role is held toward X
    return p.end <= s and bool(_POSSESSIVE_GAP.match(text[p.end : s]))


def _locations(text: str, refs: Sequence[EntityRef], neg: Sequence[tuple[int, int]], lex: Lexicon) -> list[LocationHit]:
    triggers = list(lex.location_claims.finditer(text))
    if not triggers:
        return []
    out = []
    for r in refs:
        if r.type != EntityType.PLACE:
            continue
        negated = negated_at(text, r.start, neg, window=25) or _contrasted(text, r, lex)
        out.append(LocationHit(r.id, r.name, negated, r.start, r.end))
    return out


ANCHOR_CHARS = 60
# predicates about acting on a target ("fighting X", "failed to curb X"): anchored to what follows them
TRANSITIVE_CONCEPTS = frozenset({"effort"})
# predicates about a group's existence ("eliminated", "carries out attacks"): a person "defeated" in a vote is not one
GROUP_CONCEPTS = frozenset({"existence"})
# predicates never anchored to a person: a campaign against a group ("cracking down on", "failed to curb"), not a
# club "pursuing" a player it wants to sign
NOT_OF_PERSONS = GROUP_CONCEPTS | {"effort"}
# predicates whose subject is the party before them: "the NLF was behind the attack", "X had nothing to do with Y"
PARTY_BEFORE = frozenset({"responsibility"})


OBJECT_CHARS = 30  # an act against a target names it right after the verb: "fighting the Islamic State", not "... about the threats from it"


def _anchors(text: str, s: int, e: int, concept: str, refs: Sequence[EntityRef]) -> frozenset[str]:
    out = set()
    after = OBJECT_CHARS if concept in TRANSITIVE_CONCEPTS else ANCHOR_CHARS
    for r in refs:
        if r.start >= e and concept in PARTY_BEFORE:
            near = False  # "responsible for the exposure of the Clinton email scandal": what is after is the deed
        elif r.start >= e:
            near = r.start - e <= after and not clause_break(text, e, r.start)
        elif concept in TRANSITIVE_CONCEPTS:
            near = False
        else:
            near = s - r.end <= ANCHOR_CHARS and not clause_break(text, r.end, s)
        if near and r.type != EntityType.PLACE and not (concept in NOT_OF_PERSONS and r.type == EntityType.PERSON):
            out.add(r.id)
    return frozenset(out)


# what a failure "to" must fail at to be a failure to act against a target: "failed to curb", "did little to stop"
_AGAINST = re.compile(
    r"\s+(?:to\s+)?(?:(?:effectively|adequately|seriously|really|properly|fully)\s+)?(?:curb|stop|halt|disrupt|contain|"
    r"prevent|tackle|fight|combat|confront|counter|defeat|dismantle|crack|rein|root|eliminate|eradicate|destroy|"
    r"degrade|arrest|capture|act|deal|address|suppress|punish|prosecute|pursue|target|block|deter|restrain|"
    r"control|check|end|shut|expel|disarm|rout|weaken|hunt|go\s+after|take\s+on)\b", re.IGNORECASE)
_FAILING = re.compile(r"(?:to|little)$", re.IGNORECASE)


_INEFFECTIVE = re.compile(r"\b(?:ineffective|ineffectual|unsuccessful|inadequate|weak|failing|failed|lax|slow)\s+(?:\w+\s+){0,2}(?:in|at)\s+$",
                          re.IGNORECASE)


_PLANNED = re.compile(r"\b(?:approach|strategy|plans?|policy|vow(?:s|ed)?|pledge[sd]?|promise[sd]?|speech|address|remarks?|"
                      r"ideas?|proposals?)\s+(?:\w+\s+)?(?:to|for|on|about)\s+$", re.IGNORECASE)


def _fails_against(text: str, end: int, word: str) -> int | None:
    """Where the act against a target that a failure phrase needs ("failed to curb", "did little to stop") ends, or
    None when it fails at something else; a phrase that is an act of its own ("tolerating") ends where it ends."""
    if not _FAILING.search(word.strip()):
        return end  # "tolerating", "harbouring", "turned a blind eye": acts of their own
    m = _AGAINST.match(text, end)
    return m.end() if m is not None else None


def _concepts(text: str, neg: Sequence[tuple[int, int]], cue_denial: bool, lex: Lexicon,
              backref: tuple[int, int, str] | None = None, refs: Sequence[EntityRef] = ()) -> list[ConceptHit]:
    out = []
    for s, e, word, label in lex.concepts.finditer(text):
        concept, side = label.split(":")
        verb_end = e
        if concept == "effort" and side == "b":
            against = _fails_against(text, e, word)
            if against is None:
                continue  # "failed to win the vote": a failure, but not to act against anyone
            verb_end = against
        if concept == "effort" and side == "a" and _INEFFECTIVE.search(text[max(0, s - 40) : s]):
            side = "b"  # "ineffective in combating the group": a failure to act against it
        elif concept == "effort" and side == "a" and _PLANNED.search(text[max(0, s - 40) : s]):
            continue  # "his approach to combating the group", "a speech about fighting it": a plan or talk, not an act
        if ended_at(text, s, neg, window=20):
            continue  # "no longer pursuing them": a state that ended, which an earlier report of it does not contradict
        flip = negated_at(text, s, neg, window=20) != cue_denial
        if backref is not None and backref[1] > 0 and e <= backref[0]:
            flip = not flip  # "despite claims of eliminating X, the numbers tell a different story"
        if flip:
            side = "b" if side == "a" else "a"
        out.append(ConceptHit(concept, side, s, e, word, _anchors(text, s, verb_end, concept, refs)))
    return out
