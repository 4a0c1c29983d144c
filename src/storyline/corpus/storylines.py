"""Storylines: what one actor said on one question, in the order it was said.

A storyline is an actor and a question (:mod:`storyline.corpus.questions`): what the
actor claims about which subject ("ISIS-K's presence", "role of Ilen Sorov"),
recognised across the subject's aliases, direct and reported speech, and years.
Its label (``topic``) names the question; :func:`storyline_label` adds the actor.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

from ..model import Mention, Statement, StatementKind, Storyline
from ..nlp.cues import lexicon
from ..text.stance_phrases import STANCE_LEMMAS
from .question_terms import singular
from .questions import OTHER_REMARKS, questions_of

__all__ = ["STORYLINES_VERSION", "UNTOPICED", "build_storylines", "remark_reported", "reports_speech", "speech_cued", "statement_order",
           "storyline_label", "storyline_topics"]

UNTOPICED = "other statements"
STORYLINES_VERSION = "12"  # "the judge", "a federal judge" naming no one is the one person the actor calls Judge so-and-so; "it's true" owns no noun; themes of one subject said in the same articles (0.4 of either's) are one controversy, and a remark on the subject joins the theme whose remarks share three of its words, or the one theme of an article mostly on it sharing a word, or the subject's one theme holding a third of its remarks in half its articles; a broad issue whose remarks keep using a theme's noun (not the issue's own word) joins it; a property said of the subject ("Clinton is unqualified", "the qualifications of") is a theme, "whether X is qualified"; a noun question that keeps using a theme's noun is one question with it, and a pooled remark giving the noun as someone's ("her judgment") or saying the property joins it; an actor's plain remarks on one subject are split by the noun they share about it (two distinct remarks, said in two documents or more; a noun that keeps coming up with it joins it; not a title, apposition or predicate naming the subject): "Hillary Clinton's judgment", the rest "other remarks about Hillary Clinton", a bare name being no question; a noun phrase holding its subject's name is not named twice ("the Iraq war"); a run of capitalised words no mention covers ("Wall Street") is a subject where the actor names it twice; two of an actor's questions whose remarks share rare words and subjects (cosine >= 0.15 over the actor's own remarks) are one, never two people, a place or a noun the subject owns; an issue word matches its inflections, not longer words ("import" is not "importance", "won" not "won't"); a word after a subject pronoun is a verb, no question term ("I mean"); a fragment naming nothing or only a name ("Mr. Trump") is in no storyline; a remark on a subject the actor names at least as often as a noun stays with the subject; a noun the actor calls its own is named with the actor; a shared pair names a question only as a whole noun phrase (not "to host events"); a subject joins the noun phrase naming it before a noun ("X war") and takes a smaller noun question naming it beside ("supporters and X"); idiom nouns name nothing; remarks incl. attitudes, stances taken and characterisations, no actions; one question per actor and subject unless a claim kind recurs; noun questions one issue names join; a lone pooled remark keeps its own question; storylines by actor and question (subject, claim kind, a noun the actor keeps using, issue or shared phrase); part of the corpus basis


def statement_order(s: Statement) -> tuple[bool, dt.date, str, int]:
    """Time order of statements: said_on (undated last), document, offset."""
    return (s.said_on is None, s.said_on or dt.date.min, s.document_id, s.content_start)


def storyline_label(actor_name: str, topic: str) -> str:
    """The readable label of a storyline: "Zabihullah Mujahid on ISIS-K's presence", "Bernie Sanders: other remarks about
    Hillary Clinton"."""
    return f"{actor_name}: {topic}" if topic in (UNTOPICED,) or topic.startswith(("statements on ", OTHER_REMARKS)) else f"{actor_name} on {topic}"


def reports_speech(st: Statement) -> bool:
    """Whether a statement reports what its speaker said or holds, so it belongs in the speaker's storylines.

    It does when it quotes the speaker (direct or mixed speech), or when its cue is a
    communication, belief or denial word of the cue lexicon ("say", "claim", "according to")
    or a stance verb ("oppose", "endorse"), or another word of remark or judgment
    (:func:`remark_cues`: "mocked", "expressed", "touted", "optimistic"), or an open verb whose object is what speech
    produces ("took a stance", "made no secret of") or is cast as something ("cast himself as an outsider"). A statement the statements stage proposed from
    any other verb, whose content reports no speech either ("she filed for divorce", "he held up the sign", "drew boos") reports an
    action of the speaker, not a remark: it stays a statement (and may be a fact or event)
    but is no one's storyline.
    """
    return remark_reported(st.kind, st.cue, st.content)


def remark_reported(kind: StatementKind, cue: str | None, content: str) -> bool:
    """:func:`reports_speech` from a statement's kind, cue lemma and content (as the JSON export gives them)."""
    return speech_cued(kind, cue) or _says_within(content) or _speech_object(content) or _characterised(cue, content)


_AS_WITHIN = 8  # words of the content in which "as" casts its object: "cast himself as a Washington outsider"


def _characterised(cue: str | None, content: str) -> bool:
    """Whether an open-class verb of presenting casts its object as something ("cast himself as an outsider",
    "presented her as suited to the job"): a characterisation, said; "cast a ballot" is not."""
    if (cue or "").lower() not in _remark_data()["characterising"]:
        return False
    return "as" in re.findall(r"[a-z]+", content.lower())[1:_AS_WITHIN]


def _speech_object(content: str) -> bool:
    """Whether the content opens with what speech produces ("a speech", "the case that", "his thoughts on", "clear that"),
    so its open-class cue ("delivered", "made", "offered") reports a remark."""
    objects = _remark_data()["objects"]
    words = re.findall(r"[a-z]+", content.lower())[:4]
    return any(w in objects or singular(w) in objects for w in words)


_PARTICIPLE = re.compile(r"\b([a-z]{2,})ing\b")


def _says_within(content: str) -> bool:
    """Whether the content itself reports the speaker's words: "launched an attack on the rule, calling it ...",
    "gave him credit, saying ..." (a speech verb of the cue lexicon as a participle)."""
    verbs = lexicon().verbs
    for m in _PARTICIPLE.finditer(content):
        stem = m[1]
        if any(verbs.get(v) == "speech" for v in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)):
            return True
    return False


def speech_cued(kind: StatementKind, cue: str | None) -> bool:
    """:func:`reports_speech` from a statement's kind and cue lemma (as the JSON export gives them)."""
    if kind is not StatementKind.INDIRECT:
        return True
    cue = (cue or "").lower()
    if not cue:
        return False
    lex = lexicon()
    remarks = remark_cues()
    # "hoped" → "hop", "retweeted" → "retweete": a lemmatiser's slip on a verb ending in -e
    for lemma in (cue, cue + "e", cue.removesuffix("e")):
        if (lemma in lex.verbs or lemma in lex.nouns or lemma in lex.phrases or lemma in lex.phrases.values()
                or lemma in STANCE_LEMMAS or lemma in remarks):
            return True
    return False


def remark_cues() -> frozenset[str]:
    """Open-class cue lemmas that still report a remark or stance (``data/subjects/remark_cues.json``)."""
    return _remark_data()["cues"]


@lru_cache(maxsize=1)
def _remark_data() -> dict[str, frozenset[str]]:
    raw = json.loads((resources.files("storyline") / "data" / "subjects" / "remark_cues.json").read_text(encoding="utf-8"))
    return {"cues": frozenset(raw["cues"]), "objects": frozenset(raw["objects"]), "characterising": frozenset(raw["characterising"])}


def build_storylines(statements: Sequence[Statement], key_to_entity: Mapping[str, str], topics: Mapping[str, str],
                     mentions_by_doc: Mapping[str, Sequence[Mention]] | None = None,
                     entity_names: Mapping[str, str] | None = None) -> list[Storyline]:
    """One storyline per (speaker entity, question); statements by said_on (undated last), document, offset.

    With ``mentions_by_doc`` the question of each statement comes from
    :func:`~storyline.corpus.questions.questions_of` (subject and claim kind);
    without it, from ``topics[statement.id]``, else the statement's own ``topic``,
    else :data:`UNTOPICED`. Statements whose speaker is not resolved to an entity
    (or that have none) are left out, and so are those that report an action of the
    speaker rather than speech or a stance (:func:`reports_speech`).
    """
    statements = [st for st in statements if reports_speech(st)]
    questions: dict[str, str] = {}
    if mentions_by_doc is not None:
        questions = {sid: q.label for sid, q in questions_of(statements, mentions_by_doc, key_to_entity, entity_names or {}).items()}
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for st in statements:
        key = st.speaker_key
        actor = key_to_entity.get(key) if key else None
        if not actor or mentions_by_doc is not None and st.id not in questions:  # a fragment, or only a name: no remark
            continue
        topic = questions.get(st.id) if mentions_by_doc is not None else (topics.get(st.id) or st.topic)
        groups[(actor, topic or UNTOPICED)].append(st)
    out = []
    for (actor, topic), members in sorted(groups.items()):
        seen: set[str] = set()
        ids = []
        for st in sorted(members, key=statement_order):
            if st.id not in seen:
                seen.add(st.id)
                ids.append(st.id)
        out.append(Storyline(actor_id=actor, topic=topic, statement_ids=tuple(ids)))
    return out


def storyline_topics(storylines: Sequence[Storyline]) -> dict[str, str]:
    """Statement id → the question of its storyline: an attributed statement's topic is what its storyline is about."""
    return {sid: line.topic for line in storylines for sid in line.statement_ids}
