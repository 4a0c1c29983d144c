"""When a statement was made, from the text where the text says so.

A date counts for the statement only when the parse ties it to the cue: the cue's own modifier
("said on Friday", "said in a 2019 interview", "In March, X said"), or the clause that governs
the cue. A date inside a relative clause, apposition or other modifier of a noun ("X, who was
elected in 2015, said", "X, a senator since 2015, said"), inside the speaker phrase ("the 2016
nominee said") or inside the reported content ("said the attack in 2019 killed 12") tells what
those are about, not when the words were said.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..model import DateBasis, DatePrecision
from .dates import When, find_back_references, find_day, find_days, find_when, names_an_event, resolve_back
from .pipeline import Part

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")

# a path from the date up through one of these leaves the cue's clause for a noun's modifier
_NOUN_MODIFIERS = {"relcl", "acl", "appos"}
# the cue's dependents that are the speaker or what was said
_SPEAKER_DEPS = {"nsubj", "nsubjpass", "agent"}
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}
# a modifier that tells when a text or speech came out ("a poll released Friday", "in a message posted Friday",
# "a speech she delivered in July") dates what that text or speech says
_PUBLISHING = {"release", "publish", "post", "issue", "air", "broadcast", "deliver", "tweet", "conduct", "unveil"}


def _dates_the_words(tok: Token) -> bool:
    """Whether a noun's modifier says when the noun, a text or a speech, came out."""
    return tok.lemma_.lower() in _PUBLISHING and tok.head.pos_ == "NOUN"


# a participle of speaking set off on the speaker ("X, speaking to reporters on Thursday, said", "X, asked on
# Tuesday about the vote, said") happens with the cue's own act: its time is when the words were said. A relative
# clause does not ("X, who told reporters in 2015 that ..., now says"): its tense sets it apart from the cue.
_SPEAKING = {"speak", "talk", "address", "tell", "say", "write", "testify", "appear", "respond", "reply", "answer",
             "comment", "brief", "ask", "question", "interview"}


def _speaking_with_the_cue(tok: Token) -> bool:
    """Whether ``tok`` is a participle of speaking that modifies a noun: the speaking the cue reports."""
    # a participle the tagger took for a past tense ("X, asked on Tuesday ..., said") is still a participle here
    return tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN", "VBD") and tok.lemma_.lower() in _SPEAKING


@dataclass(frozen=True)
class StatementSpans:
    """Where a statement's parts lie in the document text (what dating it needs)."""

    content_start: int
    content_end: int
    cue_start: int | None
    sentence_start: int
    sentence_end: int


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _tokens(parts: Sequence[Part], start: int, end: int) -> tuple[int, list[Token]]:
    """The offset of the part that holds ``text[start:end]``, and its parsed tokens that overlap it."""
    for part in parts:
        if part.offset <= start < part.offset + len(part.doc.text):
            a, b = start - part.offset, end - part.offset
            return part.offset, [t for t in part.doc if t.idx < b and a < t.idx + len(t.text) and not t.is_space]
    return 0, []


def _cue_and_date(parts: Sequence[Part], spans: StatementSpans, start: int, end: int) -> tuple[Token, set[int], Token] | None:
    """The cue's token, the date's token positions and the date's top token (the one whose head lies outside it),
    when the cue and the date at ``text[start:end]`` are in one parse; else None."""
    if spans.cue_start is None:
        return None
    _, cue_toks = _tokens(parts, spans.cue_start, spans.cue_start + 1)
    _, date_toks = _tokens(parts, start, end)
    if not cue_toks or not date_toks or cue_toks[0].doc is not date_toks[0].doc:
        return None
    inside = {t.i for t in date_toks}
    top = next((t for t in date_toks if t.head.i not in inside or t.head.i == t.i), date_toks[0])
    return cue_toks[0], inside, top


def _off_the_cue(parts: Sequence[Part], spans: StatementSpans, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` belongs to a noun's modifier, the speaker or the content,
    not to the cue or the clause that governs it."""
    found = _cue_and_date(parts, spans, start, end)
    if found is None:
        return False
    cue, inside, top = found
    tok, prev = top, None
    while True:  # tokens compare by position: spaCy makes a new Token object on each access
        if tok.i == cue.i or cue in tok.subtree:
            return False  # reached the cue, or a clause that governs it
        if _speaking_with_the_cue(tok) and tok.i not in inside:
            return False
        if tok.dep_ in _NOUN_MODIFIERS and tok.i not in inside:
            return not _dates_the_words(tok)  # "a poll released last month found": its release dates its words
        if tok.head.i == cue.i and tok.dep_ in _SPEAKER_DEPS:
            # "the 2016 nominee said", "last year's winner said" tell who; a time phrase the parse hung on the
            # speaker ("an arbitration panel in 2001 found", "an ad in 2008 questioned") tells when, and so does
            # the date of a speaker that is a text or a speech ("a 2014 study found", "a June report said")
            # ("the moderator of Saturday's debate said" tells who, not when)
            hung = prev is not None and prev.dep_ == "prep" and prev.lower_ != "of"
            return not hung and not names_an_event(tok.lemma_.lower())
        if tok.head.i == cue.i and tok.dep_ in _CONTENT_DEPS:
            return True
        if tok.head.i == tok.i:
            return False  # another clause of the sentence: left to nearness, as before
        prev, tok = tok, tok.head


# how a time phrase hangs on the cue as its adjunct ("made the comments Friday", "endorsed her on Thursday")
_ADJUNCT_DEPS = {"prep", "npadvmod", "advmod", "obl", "tmod"}
# how a date sits inside the noun phrase of such an adjunct ("at last week's forum", "during the March 3 debate")
_INSIDE_A_PHRASE = {"poss", "compound", "nmod", "nummod", "amod", "pobj"}
# the prepositions that put the saying at a dated event ("at", "during"), unlike "after" or "since"
_PLACING = {"at", "in", "during", "on"}


def _cues_own(parts: Sequence[Part], spans: StatementSpans, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]``, though inside the content's span, is the cue's own adjunct or lies
    in one: a cue whose content is its object ("grilled the CEO on Tuesday for his role", "cited the figure at last
    week's forum") spans the adjuncts after it."""
    found = _cue_and_date(parts, spans, start, end)
    if found is None:
        return False
    cue, _inside, top = found
    tok = top
    while tok.dep_ in _INSIDE_A_PHRASE and tok.head.i not in (tok.i, cue.i):
        tok = tok.head  # "at last week's forum": up from the date to the phrase it lies in
    if tok.i != top.i and tok.lower_ not in _PLACING:
        return False  # "citing her work after the Sept. 11 attacks": what the object is about, not when
    return tok.head.i == cue.i != tok.i and tok.dep_ in _ADJUNCT_DEPS


# "she said then", "he said at the time" point back to the time the text has just named, as "that year" or "the next day" do
_THEN = re.compile(r"\b(?:said|says|told|wrote|added|declared|argued|insisted)\s+"
                   r"(?:(?:him|her|them|reporters|voters|the\s+\w+)\s+)?(?:then|at\s+the\s+time(?!\s+of\b))\b", re.IGNORECASE)


def _unquoted(text: str, a: int, b: int) -> str:
    """``text[a:b]`` with every quote blanked (a date inside a quote belongs to what is quoted)."""
    chunk = list(text[a:b])
    for q in _QUOTED.finditer(text, a, b):
        chunk[q.start() - a : q.end() - a] = " " * (q.end() - q.start())
    return "".join(chunk)


def _named_before(text: str, pos: int, published: dt.date | None) -> When | None:
    """The last date the text names before ``pos``, outside quotes: in its paragraph, else in the paragraph before
    (a paragraph that opens "The next year, ..." tells from the time the one before it ended on)."""
    start, _ = _paragraph(text, pos)
    named = find_when(_unquoted(text, start, pos), published)
    if not named and text[:start].strip():
        prev = len(text[:start].rstrip()) - 1
        p_start, p_end = _paragraph(text, prev)
        named = find_when(_unquoted(text, p_start, p_end), published)
    return named[-1] if named else None


def _told_back(text: str, parts: Sequence[Part], spans: StatementSpans, sentence: str,
               published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    """The date a time of the sentence told from an earlier one stands for ("that year", "the following morning",
    "a week later", "said then"), from the last date the text named before it; the nearest to the cue that the
    parse does not put in a noun's modifier, the speaker or the content. None when there is none."""
    s0 = spans.sentence_start
    anchor_at = spans.cue_start if spans.cue_start is not None else spans.content_start
    best: tuple[int, tuple[dt.date, DatePrecision]] | None = None
    for ref in find_back_references(sentence):
        if _off_the_cue(parts, spans, s0 + ref.start, s0 + ref.end):
            continue
        named = _named_before(text, s0 + ref.start, published)
        found = resolve_back(ref, named, published) if named is not None else None
        distance = min(abs(s0 + ref.start - anchor_at), abs(s0 + ref.end - anchor_at))
        if found is not None and (best is None or distance < best[0]):
            best = distance, found
    if best is None and (m := _THEN.search(sentence)) is not None:
        named = _named_before(text, s0 + m.start(), published)
        return (named.date, named.precision) if named is not None else None
    return best[1] if best is not None else None


# the saying happened at an event the text has named before with its date ("The candidates met for Saturday's
# debate. ... At the debate, X said", "The convention opened on July 14. ... X told the convention"): the event noun
# with "the" and no date of its own, tied to the cue as where it was said or as whom it was told
_TOLD_AN_AUDIENCE = {"tell", "address", "brief"}
_EVENT_OPENS = (r"(?:(?:was|were|is|will\s+be)\s+)?(?:(?:held|opened|opens|began|begins|started|starts|ended|aired|"
                r"convened|took\s+place|takes\s+place)\s+)?")
_AFTER_THE_EVENT = re.compile(r"\s+" + _EVENT_OPENS + r"(?:on|in)?\s*$")
_BEFORE_THE_EVENT = re.compile(r"^(?:\s+(?:night|morning|afternoon|evening))?(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$")
_NEW_EVENT = re.compile(r"\b(?:an?|another|one)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _event_at_the_cue(parts: Sequence[Part], spans: StatementSpans) -> Token | None:
    """The event noun the cue says the words were said at or told to ("said at the debate", "At the convention, X
    said", "told the rally"), when it has "the" and no date of its own; else None."""
    if spans.cue_start is None:
        return None
    _, cue_toks = _tokens(parts, spans.cue_start, spans.cue_start + 1)
    if not cue_toks:
        return None
    cue = cue_toks[0]
    for tok in cue.sent:
        if tok.pos_ != "NOUN" or not names_an_event(tok.lemma_.lower()):
            continue
        if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"] or any(
                c.dep_ in ("poss", "compound", "nummod", "amod") and (c.like_num or c.ent_type_ == "DATE")
                for c in tok.children):
            continue
        head = tok.head
        placed = tok.dep_ == "pobj" and head.lower_ in _PLACING and head.dep_ == "prep" and (
            head.head.i == cue.i or _speaking_with_the_cue(head.head) and cue.i in [t.i for t in head.head.head.subtree])
        told = tok.dep_ in ("dobj", "dative") and head.i == cue.i and cue.lemma_.lower() in _TOLD_AN_AUDIENCE
        if placed or told:
            return tok
    return None


def _event_named_before(text: str, before: int, noun: str, published: dt.date | None) -> When | None:
    """The date the text last gave ``noun`` (an event) before ``before``: "Saturday's debate", "the July 14
    convention", "the debate on Saturday", "the convention opened on July 14". None where the nearest earlier
    mention that tells which event it is introduces another one ("a debate") without a date."""
    word = re.compile(r"\b" + re.escape(noun) + r"(?:s|es)?\b", re.IGNORECASE)
    unquoted = _unquoted(text, 0, before)
    for m in reversed(list(word.finditer(unquoted))):
        a, b = max(0, m.start() - 80), min(before, m.end() + 40)
        window = unquoted[a:b]
        for w in find_when(window, published):
            start, end = a + w.start, a + w.end
            if start < m.end() and m.start() < end:  # "the 2016 convention": the date is the noun's phrase
                return w
            if end <= m.start() and _BEFORE_THE_EVENT.match(unquoted[end : m.start()]) and \
                    not re.search(r"\b(?:of|for|to|and|or|the|an?|in|on|at|with|by|from)\s", unquoted[end : m.start()]):
                return w
            if start >= m.end() and _AFTER_THE_EVENT.fullmatch(unquoted[m.end() : start] + " ") is not None:
                return w
        if _NEW_EVENT.search(unquoted[a : m.start()]):
            return None  # "a debate": another event, and its day is not given
    return None


def _at_a_dated_event(text: str, parts: Sequence[Part], spans: StatementSpans,
                      published: dt.date | None) -> When | None:
    """The date of the event the words were said at, when the text named it before with its date."""
    event = _event_at_the_cue(parts, spans)
    if event is None:
        return None
    return _event_named_before(text, spans.sentence_start, event.text, published)


# a day that opens a reported clause with no "that" ("X told the BBC on Tuesday the talks had failed"): the parse
# may put it inside the clause, but in reporting it is the cue's adjunct, as in "X said on Tuesday the talks ..."
_OPENING_DAY = re.compile(r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
                          r"(?![’'])(?:\s+(?:morning|afternoon|evening|night)(?![’']))?,?\s+(?=\w)")
_COMPLEMENTIZER = re.compile(r"\b(?:that|whether|if)\s*$", re.IGNORECASE)
# what a date opening the clause must not be: its subject, object or a noun's part ("said Tuesday was the deadline")
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "compound", "poss", "appos", "conj"}


def _opening_day(text: str, parts: Sequence[Part], spans: StatementSpans,
                 published: dt.date | None) -> dt.date | None:
    """The day that opens the content right after its cue, when it is an adjunct of the saying, else None."""
    if spans.cue_start is None or spans.cue_start >= spans.content_start:
        return None
    between = text[spans.cue_start : spans.content_start]
    if _QUOTED.search(between) or any(q in between for q in "“\"") or _COMPLEMENTIZER.search(between):
        return None
    m = _OPENING_DAY.match(text, spans.content_start)
    if m is None or m.end() >= spans.content_end:
        return None
    _, toks = _tokens(parts, m.start(), m.end())
    day_toks = [t for t in toks if t.pos_ == "PROPN" or t.lower_ in ("yesterday", "today")]
    if not day_toks or day_toks[0].dep_ in _ARGUMENT_DEPS:
        return None
    day = find_day(m.group(0), published)
    return day if day is not None and (published is None or day <= published) else None


def _in_the_cues_sentence(parts: Sequence[Part], spans: StatementSpans) -> StatementSpans:
    """``spans`` with the sentence of the cue: a quote that goes on past its cue's sentence ("'...,' he said last
    month. 'They will ...'") was said when that sentence says."""
    if spans.cue_start is None or spans.sentence_start <= spans.cue_start < spans.sentence_end:
        return spans
    offset, toks = _tokens(parts, spans.cue_start, spans.cue_start + 1)
    if not toks:
        return spans
    sent = toks[0].sent
    return replace(spans, sentence_start=offset + sent.start_char, sentence_end=offset + sent.end_char)


# the words a header line may hold besides its date and names ("Published: June 13, 2013 4:59 PM EDT", "Posted on
# Thu Jun 13, 2013 08:45 AM PDT", "12:52 p. m. EDT May 2, 2013", "By Jane Doe | May 2, 2013")
_HEADER_WORDS = {"posted", "published", "updated", "first", "last", "created", "modified", "story", "on", "at", "by",
                 "am", "pm", "a", "p", "m", "et", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "bst",
                 "utc", "cet", "cest"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# a dateline: a place in capitals, its date with the year, a dash ("HELENA, June 30, 2015 —", "LONDON, 2 May 2013 (Reuters) -")
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.],[^\n—–]{4,60}?(?:\s+(?:—|–|--?)\s*|—|–)")
_MONTH_DAY = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+[0-3]?\d|"
              r"[0-3]?\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?")
_YEARLESS_DATELINE = re.compile(r"\s*(" + _MONTH_DAY + r")\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--?)\s*$")


def _header_day(line: str, published: dt.date | None) -> dt.date | None:
    """The date a header line (with its year) or a dateline gives; None for any other paragraph. A dateline's day
    without a year ("DENVER, July 19 (Wire) —") is the last such day up to publication."""
    line = line.strip()
    dateline = _DATELINE.match(line)
    if dateline is not None:
        days = find_days(line[: dateline.end()], None)
        if not days and published is not None:
            # only the day itself between the place and the dash ("DENVER, July 19 (Wire) —"), never a weekday or
            # a clause that names one ("NATO, which on Monday said —")
            when = _YEARLESS_DATELINE.match(line[line.find(",") + 1 : dateline.end()])
            days = find_days(when[1], published) if when else []
        return days[0].date if days else None
    if len(line) > 80:
        return None
    days = find_days(line, None)
    if len(days) != 1:
        return None
    words = _WORD.findall(line[: days[0].start] + " " + line[days[0].end :])
    if len(words) > 8 or any(not w[0].isupper() and w.lower() not in _HEADER_WORDS for w in words):
        return None  # a sentence ("Reid checked herself in on December 9, 2008."), not a header
    return days[0].date


@functools.lru_cache(maxsize=8)
def _headers(text: str, published: dt.date | None) -> tuple[tuple[int, dt.date], ...]:
    """Where each header line or dateline with a date starts, and its date, in text order."""
    out = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        day = _header_day(text[start:end], published)
        if day is not None:
            out.append((start, day))
        start = end + 1
    return tuple(out)


def _header_before(text: str, pos: int, published: dt.date | None) -> dt.date | None:
    """The date of the last header or dateline before ``pos`` not after publication: the day of the article, or of
    an earlier piece the text quotes whole, that the words under it tell their days from."""
    found = [day for start, day in _headers(text, published) if start <= pos and (published is None or day <= published)]
    return found[-1] if found else None


def said_on(text: str, parts: Sequence[Part], spans: StatementSpans,
            published: dt.date | None) -> tuple[dt.date | None, DatePrecision, DateBasis]:
    """When the statement was made: a date the sentence of its cue ties to the cue ("In March, X said ...", "X said
    in a 2019 interview ..."; the one nearest the cue), else a time the sentence tells from one named before it
    ("the next year", "that month"), else the day of the event the cue places the words at, named before with its
    day ("Saturday's debate" ... "At the debate, X said"), else a day the paragraph names outside the sentence's noun
    modifiers, speaker and content, else the publication date (marked as such). Under a header line or dateline
    (with its year, or a dateline's bare day: "DENVER, July 19 (Wire) —") whose day is not the
    publication date (an earlier piece the text quotes, or a text with no publication date), that day stands in
    for the publication date, and dates the words that have no day of their own (from the text)."""
    spans = _in_the_cues_sentence(parts, spans)
    anchor = spans.cue_start if spans.cue_start is not None else spans.content_start
    header = _header_before(text, anchor, published)
    if header is not None and header != published:
        # under the header of an earlier piece the text quotes, or of an article with no publication date, days
        # are told from the header's day, and words with no day of their own were said by then
        day, precision, basis = _said_on(text, parts, spans, header)
        return day, precision, DateBasis.TEXT if basis is DateBasis.PUBLISHED else basis
    return _said_on(text, parts, spans, published)


# a day that names another event of the paragraph ("Monday night's debate", "Friday's decision"), not a time
_OWNED_DAY = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?['’]s\b")


# the cue in a "when" clause on a noun its year dates ("his 2018 campaign, when Dellinger argued that ..."): said that year
_WHEN_OF_DATED = re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*,?\s+when\s+(?:[\w.’'-]+\s+){1,5}$")


def _said_on(text: str, parts: Sequence[Part], spans: StatementSpans,
             published: dt.date | None) -> tuple[dt.date | None, DatePrecision, DateBasis]:
    """:func:`said_on` told from ``published``."""
    blank: list[tuple[int, int]] = [(spans.content_start, spans.content_end)]

    def masked(a: int, b: int) -> str:
        chunk = list(text[a:b])
        for s, e in blank:
            for i in range(max(a, s), min(b, e)):
                chunk[i - a] = " "
        for q in _QUOTED.finditer(text, a, b):  # a date inside any quote belongs to what is quoted
            for i in range(q.start(), q.end()):
                chunk[i - a] = " "
        return "".join(chunk)

    anchor = spans.cue_start if spans.cue_start is not None else spans.content_start
    s0 = spans.sentence_start
    found = []
    for w in find_when(masked(s0, spans.sentence_end), published):
        if _off_the_cue(parts, spans, s0 + w.start, s0 + w.end):
            blank.append((s0 + w.start, s0 + w.end))
        else:
            found.append(w)
    c0 = spans.content_start
    unquoted = list(text[c0 : spans.content_end])
    for q in _QUOTED.finditer(text, c0, spans.content_end):
        unquoted[q.start() - c0 : q.end() - c0] = " " * (q.end() - q.start())
    for w in find_when("".join(unquoted), published):
        if _cues_own(parts, spans, c0 + w.start, c0 + w.end):
            found.append(replace(w, start=c0 + w.start - s0, end=c0 + w.end - s0))
    if found:
        best = min(found, key=lambda w: min(abs(s0 + w.start - anchor), abs(s0 + w.end - anchor)))
        return best.date, best.precision, DateBasis.TEXT
    opening = _opening_day(text, parts, spans, published)
    if opening is not None:
        return opening, DatePrecision.DAY, DateBasis.TEXT
    when = _WHEN_OF_DATED.search(masked(s0, anchor)) if spans.cue_start is not None else None
    if when is not None and (published is None or int(when.group("y")) < published.year):
        return dt.date(int(when.group("y")), 1, 1), DatePrecision.YEAR, DateBasis.TEXT
    back = _told_back(text, parts, spans, masked(s0, spans.sentence_end), published)
    if back is not None:
        return back[0], back[1], DateBasis.TEXT
    event = _at_a_dated_event(text, parts, spans, published)
    if event is not None:
        return event.date, event.precision, DateBasis.TEXT
    p_start, p_end = _paragraph(text, anchor)
    paragraph = masked(p_start, p_end)
    days = [d for d in find_days(paragraph, published) if not _OWNED_DAY.match(paragraph, d.end)]
    if days and (published is None or days[0].date <= published):
        return days[0].date, DatePrecision.DAY, DateBasis.TEXT
    return published, DatePrecision.DAY, DateBasis.PUBLISHED
