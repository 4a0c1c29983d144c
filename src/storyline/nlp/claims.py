"""The ``claims`` stage: what a document asserts in its own voice, as speakerless statements.

News and commentary do not only report what others said: the outlet itself asserts
things ("ISIS-K's base of operations remains firmly in Afghanistan, not Pakistan"),
and those assertions are one side of many conflicts an analyst looks for. The
statements stage only emits attributed speech; this stage adds the narrative voice,
kept focused so that the findings step is not flooded:

* only sentences (or the part of a sentence) outside every statement's span;
* only those that mention at least one entity (a back-reference such as "Reports
  indicate otherwise." may lean on the entity of the sentence before it), and carry a claim trigger from the
  findings lexicon (``storyline/data/lexicon/findings.json``): a role word, a
  base/haven/location word, one side of an opposite-predicate group, negation or
  denial, a link to counted acts ("linked to 29 attacks"), a count of a measure,
  or a back-reference ("reports indicate otherwise");
* never a refusal to answer ("did not respond to questions about the claim", "declined to
  comment"): it is no assertion, and its negation is no denial;
* never headings (a whole line with no sentence-final punctuation, or no verb),
  questions, social-media documents (each post is already its account's statement)
  or documents not in English.

Each claim is a :class:`~storyline.model.Statement` with ``speaker_text``,
``speaker_cluster`` and ``cue`` all ``None``, ``kind=indirect``, ``polarity`` -1
when the clause is negated, and ``said_on`` the publication date (or ``None``).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence

from ..text.lexicon import Lexicon, PhraseMatcher, default_lexicon
from ..text.stance_phrases import EARLIER, LATER, REVERSAL, STANCE_LEMMAS, WITHDRAWING_LEMMAS, ShiftPhrase, stance_phrases
from ..text.words import negation_spans
import datetime as dt

from ..model import DateBasis, DatePrecision, Document, Statement, StatementKind
from .pipeline import ParsedDocument, is_english, register

__all__ = ["claims_in_document", "find_claims", "has_trigger"]

log = logging.getLogger(__name__)

MIN_WORDS = 4  # a clause shorter than this is only kept when it is a back-reference
_TERMINAL = tuple(".!…\"”’')»:;")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_EDGE = re.compile(
    r"^(?:[\s,;:.\-–—•·*\"“”‘’'()]|\b(?:and|but|yet|while|whereas|however|although|though|so|as|even)\b)+",
    re.IGNORECASE,
)
_TAIL = re.compile(r"[\s,;:.\-–—•·*\"“”‘’'(]+$")
# A refusal to answer asserts nothing about the matter: "did not respond to questions about the claim",
# "declined to comment", "could not be reached for comment", "did not return calls", "had no comment".
_NO_ANSWER = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|would|could|will)(?:\s+not|n[’']t)|never|not)\s+(?:\w+ly\s+)?(?:immediately\s+)?"
    r"(?:respond(?:ed)?|reply|replied|answer(?:ed)?|return(?:ed)?|comment(?:ed)?|react(?:ed)?|address(?:ed)?)\b"
    r"|\b(?:declin(?:e|ed|es|ing)|refus(?:e|ed|es|ing))\s+to\s+(?:comment|respond|answer|reply|elaborate|discuss|say|speak|"
    r"confirm|specify|disclose|give|provide|identify|be\s+(?:named|identified)|talk)\b"
    r"|\b(?:could|can)\s*(?:not|n[’']t)\s+be\s+reached\b|\bhad\s+no\s+(?:immediate\s+)?comment\b"
    r"|\bno\s+comment\b|\bwas\s+not\s+available\s+for\s+comment\b",
    re.IGNORECASE,
)


_MEASURES: dict[int, tuple[Lexicon, PhraseMatcher]] = {}


def _measures(lex: Lexicon) -> PhraseMatcher:
    cached = _MEASURES.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _MEASURES[id(lex)] = (lex, PhraseMatcher({w: "measure" for w in lex.measure_synonyms}))
    return cached[1]


def _has_count(text: str, lex: Lexicon) -> bool:
    measures = _measures(lex)
    for m in _NUMBER.finditer(text):
        if _YEAR.fullmatch(m.group(0)):
            continue
        after = text[m.end() : m.end() + 40]
        if any(s <= 12 for s, _, _, _ in measures.finditer(after)) or any(s <= 25 for s, _, _, _ in lex.counted_acts.finditer(after)):
            return True
    return False


def has_trigger(text: str, lex: Lexicon | None = None) -> bool:
    """Whether a clause carries one of the conflict-reporting triggers of the findings lexicon."""
    lex = lex or default_lexicon()
    matchers = (lex.roles, lex.location_claims, lex.concepts, lex.denial_phrases, lex.back_references, lex.role_links)
    if any(next(iter(m.finditer(text)), None) is not None for m in matchers):
        return True
    return bool(negation_spans(text, lex)) or _has_count(text, lex)


def _is_backref(text: str, lex: Lexicon) -> bool:
    return next(iter(lex.back_references.finditer(text)), None) is not None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi == -1 else hi


def _is_heading(text: str, start: int, end: int, has_verb: bool) -> bool:
    if not has_verb:
        return True
    lo, hi = _line_bounds(text, start, end)
    line = text[lo:hi].strip()
    sentence = text[start:end].strip()
    return line == sentence and not line.endswith(_TERMINAL)


def _uncovered(start: int, end: int, covered: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of [start, end) outside every covered span (spans sorted by start)."""
    pieces = []
    pos = start
    for cs, ce in covered:
        if ce <= pos or cs >= end:
            continue
        if cs > pos:
            pieces.append((pos, cs))
        pos = max(pos, ce)
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    head = _EDGE.match(piece)
    if head:
        start += head.end()
    tail = _TAIL.search(text[start:end])
    if tail:
        end = start + tail.start()
    return start, max(start, end)


class _MentionStarts:
    def __init__(self, parsed: ParsedDocument) -> None:
        spans = sorted((m.start, m.end) for m in parsed.mentions if m.is_name)
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def any_within(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                return True
            i += 1
        return False


def _sentences(parsed: ParsedDocument) -> list[tuple[int, int, bool]]:
    out = []
    for part in parsed.parts:
        for sent in part.doc.sents:
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            start, end = part.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
            out.append((start, end, has_verb))
    return out


def claims_in_document(parsed: ParsedDocument, lex: Lexicon | None = None) -> list[Statement]:
    """The document's own assertive claims, outside the statements already found."""
    doc = parsed.document
    if not is_english(doc) or (parsed.language or "en")[:2].lower() != "en" or doc.posts:
        return []
    lex = lex or default_lexicon()
    text = doc.text
    covered = sorted((s.start, s.end) for s in parsed.statements)
    # a statement "cued" by a stance verb ("Delgado, who once supported the pipeline") is no speech: its stance is the narrator's
    contents = [(s.content_start, s.content_end) for s in parsed.statements if (s.cue or "").lower() not in _NOT_SPEECH]
    mentions = _MentionStarts(parsed)
    out: list[Statement] = []
    previous: tuple[int, int] | None = None  # the sentence before, when it named an entity
    for s_start, s_end, has_verb in _sentences(parsed):
        sentence = text[s_start:s_end]
        named_before = previous is not None and "\n" not in text[previous[1] : s_start]
        named = mentions.any_within(s_start, s_end)
        previous = (s_start, s_end) if named else None
        if sentence.rstrip("”\"’' )").endswith("?"):
            continue
        if _is_heading(text, s_start, s_end, has_verb) and not (has_verb and named and REVERSAL.search(sentence)):
            continue  # a headline that reports a reversal ("Governor X reverses course on pipeline") is the outlet's claim
        if not named and not (named_before and _is_backref(sentence, lex)):
            continue  # a back-reference ("Reports indicate otherwise.") may lean on the sentence before
        # each earlier / later stance of an actor is one claim of its own, unless it is what a speaker says
        shifts: list[Statement] = []
        for p, st in _stance_statements(doc, sentence, s_start):
            # a speaker's own "she once backed it" is what the speaker says; a named third person's stance, a vote on
            # record and a change told right after a kept stance ("... and has shifted his position") are claims
            if p.vote or p.regret or _named_subject(st.content) or (p.shift and shifts and shifts[-1].end <= st.start) or _apposed_earlier(p, sentence) \
                    or not any(cs < st.end and st.start < ce for cs, ce in contents):
                shifts.append(st)
        out.extend(shifts)
        phrase_spans = [(st.start, st.end) for st in shifts]
        for p_start, p_end in _uncovered(s_start, s_end, covered):
            c_start, c_end = _trim(text, p_start, p_end)
            clause = text[c_start:c_end]
            words = len(_WORD.findall(clause))
            backref = _is_backref(clause, lex)
            if words < (2 if backref else MIN_WORDS):
                continue
            if not backref and not mentions.any_within(c_start, c_end):
                continue
            if any(ps < c_end and c_start < pe for ps, pe in phrase_spans):
                continue  # the clause's stance phrases are its claims
            if not (has_trigger(clause, lex) or REVERSAL.search(clause)) or _NO_ANSWER.search(clause):  # a reversal is a claim too
                continue
            polarity = -1 if negation_spans(clause, lex) else 1
            out.append(
                Statement(
                    document_id=doc.id, start=c_start, end=c_end, content=clause, content_start=c_start,
                    content_end=c_end, kind=StatementKind.INDIRECT, polarity=polarity, said_on=doc.published,
                )
            )
    log.debug("%s: %d narrative claims", doc.id, len(out))
    return out


# cues whose content is a position and not speech: stance verbs, a stance withdrawn ("rescinded [his endorsement of
# Trump]"), and the stance and change nouns the statements stage also cues ("his endorsement of [Trump]", "Trump's
# evolution on [a number of issues]")
_NOT_SPEECH = STANCE_LEMMAS | WITHDRAWING_LEMMAS | frozenset({"endorsement", "backing", "opposition", "evolution", "shift", "reversal",
                                                                "turnaround", "retreat"})

_NOT_NAMES = frozenset("""He She They It We I You Who His Her Their Its Our My The This That These Those A An But And Yet So Then When
If As While Once Now Since After Before Although Though Still Also Even There Here""".split())


# the head of an appositive or relative clause right before a stance phrase: "..., a measure [he voted against in 2015]",
# "..., a deal [she once supported]", "the bill, which [he once backed]"
_APPOSED = re.compile(r"(?:,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:that\s+|which\s+)?|\b(?:which|that)\s+)$")


def _apposed_earlier(p: ShiftPhrase, sentence: str) -> bool:
    """Whether an earlier stance phrase is an apposition or relative clause on the noun before it ("he supports a ban on
    private prisons, a measure he voted against in 2015"), or a relative clause on the person ("Fenwick, who once called
    the bailout a disaster, said"): the narrator's record of the actor, even inside what a speaker says."""
    if p.era == EARLIER and re.match(r"who\s", sentence[p.start : p.end]) is not None and re.search(r",\s*$", sentence[: p.start]):
        return True  # "Fenwick, who once called the auto bailout a disaster, said ...": the narrator's record of the subject
    return p.era == EARLIER and _APPOSED.search(sentence[: p.start]) is not None \
        and re.match(r"(?:he|she|they)\s", sentence[p.start : p.end]) is not None


def _named_subject(phrase: str) -> bool:
    """Whether a stance phrase's subject is a name ("[Vance said] Okafor once backed the pact"): a third person's position
    that a speaker tells, kept as a claim of its own (the speaker's own "she once backed" stays what the speaker says)."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    return bool(first[:1].isupper() and first.strip("’'s") not in _NOT_NAMES and re.match(r"[A-Z][\w’'.-]+$", first))


def _stance_statements(doc: Document, clause: str, c_start: int) -> list[tuple[ShiftPhrase, Statement]]:
    """The clause's era-marked stance phrases (:mod:`storyline.text.stance_phrases`), one statement each: a later
    stance said when published, an earlier one in the year the text gives (or undated); each with its phrase (whether
    it is a vote on record, "Sanders's 2005 vote for the bill", which holds even inside what a speaker says, or a change
    told after an earlier stance)."""
    published = getattr(doc, "published", None)
    year = published.year if isinstance(published, dt.date) else None
    out = []
    for p in stance_phrases(clause, year):
        said_on, precision, basis = published, DatePrecision.DAY, DateBasis.PUBLISHED
        if p.era != LATER:
            said_on = dt.date(p.year, 1, 1) if p.year else None
            precision, basis = DatePrecision.YEAR, DateBasis.TEXT
        s, e = c_start + p.start, c_start + p.end
        out.append((p, Statement(document_id=doc.id, start=s, end=e, content=clause[p.start : p.end], content_start=s,
                             content_end=e, kind=StatementKind.INDIRECT, said_on=said_on, said_on_precision=precision,
                             said_on_basis=basis)))
    return out


@register("claims", version="11-" + default_lexicon().version, requires=("parse", "mentions", "statements"), produces=("claims",))
def find_claims(parsed: ParsedDocument) -> None:
    """Append the document's own assertive claims (speakerless statements) to ``parsed.statements``."""
    parsed.statements.extend(claims_in_document(parsed))
