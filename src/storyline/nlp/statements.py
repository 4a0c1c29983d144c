"""Attributed statements: who (source) said (cue) what (content), and when.

Finding works on the dependency parse of each sentence plus quotation spans tracked over
the whole document (:mod:`storyline.nlp.quotes`), so a quote that runs over several
sentences or paragraphs stays one content span, and a quote that follows an attributed
one without a cue of its own keeps the same speaker.

Cues come from the data lexicon (:mod:`storyline.nlp.cues`):

* verbs with a clausal complement ("X said that ...", "..., X said", "X has claimed to be ...");
* verbs next to a quotation ("“...,” said X", "X told the AP: “...”", "X wrote on X: “...”");
* nouns with a that-clause ("X's assertion that ...", "claims by X that ...", "the claim by X");
  a nominal attribution is only emitted when its content is such a complement: in "X's
  statements about Y only serve to highlight Z" the sentence is the author's comment about
  the statements, so a speech noun as subject never makes an object-taking verb a cue;
* participles on a speech noun or a name ("Their argument—suggesting that ...—collapses",
  "the ministry, saying that ..."): the noun's possessor (a pronoun resolves to the nearest
  earlier organisation or person) is the speaker, and a cue inside a dash or bracket aside
  ends its content at the closing mark;
* subjects that are documents ("X's report suggests ...") keep the document as speaker
  text, and the speaker cluster comes from the name inside it;
* nouns of a speech act with an owner and an infinitive ("his promise to rebuild the bridge", "the ministry's call to
  lift the ban");
* prepositional sources ("according to X", "per X" after a comma or opening the sentence, never a rate; "in X's
  words", "in the words of X"): X says the rest of the sentence;
* the first line as a headline: a subject of names and nouns, then a present-tense cue verb found by its form
  ("Senators Rip Plan As ...", "Ministry questions the count ...": the parse of a title-case line often reads the
  verb as part of a name), and the rest of the clause as content;
* "NAME: text" lines (headlines, transcripts) only when NAME is a person or organisation
  mention, a transcript's capitalised label, a role or a poll/report, or "NAME on TOPIC";
  never a title or section label ("Statement on X:", "Update:", "Editor's note:", "When
  Insurgents Rule: ..."). In a transcript, quoted paragraphs without a label continue the
  last speaker's turn; "“...” ― Name" signatures name the speaker.

A quotation without a cue of its own continues the nearest earlier statement that stays (with the learned scorer:
one the scorer keeps, never an open candidate it drops), and stays with it; one of fewer than four words only when it
is a whole sentence right after a quotation's cue in the same paragraph ("“...,” she said. “We did it.”"). A clause
joined after the cue ("A, the agency said, and B") goes on with a content reported before it.

What reports no statement is left out: what someone saw, watched, heard or found (a perception verb is a cue only
with a that-clause, an "as" predicate, a quotation or an aside: not "Witnesses saw soldiers fire", "Texas saw record
turnout"); a cue inside a question ("asked Ms. Lopez if she regretted the vote", "Did Trump say ...?", "whether Hale
said ..."); a refusal or a negated non-speech verb ("declined to comment on", "did not respond to"), by the rules and
the open candidates alike; a light verb whose object names a speech act ("made the comments Friday"); an act that
carries no words ("the men boarded trains", "rang a bell", "hired a banker"). A quotation
standing as its own paragraph that puts a question to "you" is an interviewer's, and continues no one; a quotation
continues neither a stance nor a negated cue.

Denial verbs ("X denied/rejected/dismissed claims that ...") and negated cues ("did not
say") give ``polarity=-1``. ``kind`` is ``direct`` (the content is a quotation),
``indirect`` (reported speech) or ``mixed`` (reported speech containing a quotation).
The speaker span is drawn as annotated news draws a source: the name with what describes it after it
("Sen. Jane Doe (D-Ore.), who led the panel,"), never a word of a quotation whose cue stands outside it, never a
dateline (upper case, or title case at a line start: "Kabul, Afghanistan —"). Speakers are resolved to mention
clusters from the name alone, never from a person or place that only modifies the phrase's head noun ("a Forest Hill
police sergeant", "Clinton aides"), nor from an institution that only says where the speaker works ("Jane Doe, a
historian at Columbia University", "a historian at Columbia University": the person, else no one named); a document
written by a person speaks as its author ("The court's opinion, written by Justice X, found ..."): a name or role
phrase overlapping the name, else (pronouns, role nouns) the nearest earlier compatible cluster, where a pronoun
after sentences that only name someone else in passing continues the speaker of the statement before it
(:meth:`MentionIndex.resolve_pronoun`'s ``prior``). A report nested in another's reported content with a cue that
is no word of speech ("He said Obama hopes ...") is the reporter's statement only; a city standing for its team
("Indianapolis claimed a 24-20 victory") reports no result. ``said_on`` is a
day-precise date in the sentence (outside the content), else in the paragraph, else the
publication date, else None.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass
from collections.abc import Callable, Mapping
from typing import Any, cast

from ..model import EntityType, Statement, StatementKind
from .antecedents import PRONOUN_TYPES, MentionIndex, subject_heads
from .attribution import AttributionModel, CandidateView, candidate_features, load_model
from .attribution import attribution_mode as _attribution_mode
from .cues import lexicon
from .pipeline import ParsedDocument, Part, register
from .quotes import QuoteSpan, find_quotes
from .said_on import StatementSpans
from .said_on import said_on as statement_date

__all__ = ["attribution_mode", "find_statements", "statement_candidates", "statements_in_document"]

log = logging.getLogger(__name__)

Token = Any  # spacy.tokens.Token
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_DEPS = {"ccomp"}
_XCOMP_CUES = {"claim", "promise", "pledge", "vow", "threaten", "deny", "appear", "pretend", "profess", "purport"}
_DOC_NOUNS = {"report", "statement", "study", "survey", "poll", "document", "memo", "analysis", "letter", "post",
              "tweet", "article", "investigation", "assessment", "review", "release", "filing", "complaint", "lawsuit",
              "indictment", "data", "figure", "figures", "record", "records"}
_ROLE_WORDS = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "president", "leader",
               "chief", "commander", "director", "secretary", "ambassador", "governor", "mayor", "senator",
               "representative", "aide", "adviser", "advisor", "source", "sources", "analyst", "expert", "police",
               "authorities", "ministry", "government", "campaign", "group", "organization", "agency", "military",
               "army", "candidate", "nominee", "chairman", "chairwoman", "ceo", "founder", "manager", "prosecutor",
               "judge", "lawyer", "attorney"}
_MIN_ORPHAN_QUOTE_WORDS = 4
# What describes a speaker to the right of its name, inside the source as annotated news draws it: "(D-Ore.)",
# ", the group's spokeswoman,", ", who led the panel,", ", 59,", "X and Y"; not participles or prepositions.
_DESCRIBING_DEPS = {"appos", "relcl", "punct", "nummod", "npadvmod", "conj", "cc", "amod"}
# Verbs of force: never an attribution through their object, whatever annotated political news does with "attack".
_PHYSICAL_VERBS = {"attack", "hit", "strike", "target", "bomb", "shell", "shoot", "kill", "raid", "storm", "seize",
                   "capture", "destroy", "fire", "invade", "occupy", "ambush", "besiege", "assault", "burn", "loot",
                   "kidnap", "abduct", "execute", "arrest", "detain", "release", "free", "wound", "injure", "beat"}
# Verbs of acts that carry no words (Levin's verbs of motion, of sending and carrying, of change of possession, of
# putting, of contact, of body posture and ingesting, of measure and of life events): an object says what was done,
# bought or boarded, never a statement ("the men boarded trains", "he hired a banker", "Women comprise a quarter of
# ..."). Verbs with a common sense of speech or stance are left to the scorer ("weigh in", "paint X as Y", "put it",
# "lay out", "deliver remarks", "send a message", "throw support behind", "bring up").
_ACT_VERBS = frozenset("""
arrive leave depart enter exit walk ride drive fly sail travel climb descend board land march jog swim cross flee escape
carry ship hand toss haul transport lift drop
buy sell purchase acquire own rent lease lend borrow hire earn spend invest
place plant install attach load store hang mount fill empty pour
ring knock touch grab kick dig drill cook bake eat drink sleep sit stand lie wave dance
comprise compose constitute exceed total equal cost contain number amount depend
marry divorce bear die retire graduate commit lock unlock
""".split())
# Prepositions whose object a stance or a report is about ("vote for X", "focused on X", "complained about X").
# verbs whose "for X" names on whose behalf one acts, never a stance toward X ("writing for the court")
_ON_BEHALF_VERBS = {"write", "speak", "work", "testify", "report", "act"}
_STANCE_PREPS = {"for", "on", "about", "against", "to", "of", "with", "toward", "towards", "over"}
# Subjects that hold an opinion without a name: poll shares and groups ("27 percent", "most voters", "a majority").
_GROUP_NOUNS = {"percent", "%", "voter", "voters", "majority", "minority", "half", "third", "quarter", "most", "many",
                "respondent", "supporter", "critic", "opponent", "delegate", "superdelegate", "democrat", "republican",
                "people", "american", "member", "donor", "activist", "leader", "lawmaker", "legislator", "economist",
                "expert", "scholar", "group", "audience", "crowd", "public", "poll", "survey", "man", "woman",
                "student", "independent", "liberal", "conservative", "evangelical", "some", "all", "those", "others",
                "both", "few", "one", "plurality", "share", "fan", "follower", "backer", "employee", "worker"}
# a dateline may carry the day ("HELENA, June 30, 2015 —", "DENVER, Feb. 14 -"), or be only the day
_DATELINE_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?"
_DATELINE = re.compile(rf"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,3}},?(?: [A-Z][a-z]+\.?)?(?:,? {_DATELINE_DAY})?|{_DATELINE_DAY})"
                       r"(?: \([^)\n]{1,40}\))?[^\S\n]*(?:—|–|--|-)[^\S\n]+")
# a dateline written in title case at the start of a line: "Kabul, Afghanistan — ", "Los Angeles (CNN) -- "
_TITLE_DATELINE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}){0,2}"
                             r"(?: \([^)\n]{1,40}\))?[^\S\n]*(?:—|–|--|-)[^\S\n]+")
# a subject phrase right after a dateline: "Senator Joan Albright", "County commissioner Ray Pemberton"
_NAME_AFTER_DATELINE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}(?:(?!(?:on|in|at|of|for|to|and|who|the|said|says|told)\b)[a-z]+\s+)?"
                                  r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*\b")
_HEARSAY_ADVERBS = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly", "ostensibly"}
MAX_CONTENT_CHARS = 3000  # longer content (an unclosed quote, a whole speech) is cut at a sentence end
_ABOUT_PREPS = {"about", "on", "regarding", "concerning", "over", "toward", "towards"}
# Verbs whose infinitive states an intention or stance ("wants to", "plans to", "refused to").
_XCOMP_INTENT = {"want", "plan", "urge", "agree", "decline", "refuse", "promise", "vow", "threaten", "decide", "offer",
                 "propose", "pledge", "seek", "hope", "expect", "intend", "ask", "demand", "call"}
# Verbs whose object (or prepositional object) is what was said: lemma -> prepositions.
_DOBJ_CUES: dict[str, tuple[str, ...]] = {
    "cite": (), "discuss": (), "mention": (), "propose": (), "demand": (), "announce": (), "unveil": (), "echo": (),
    "call": ("for", "on"), "speak": ("about", "of", "on"), "talk": ("about",), "complain": ("about",),
    "warn": ("of", "about", "against"), "praise": (), "condemn": (), "criticize": (), "criticise": (), "support": (),
    "oppose": (), "acknowledge": (), "admit": (), "predict": (), "reveal": (), "describe": (), "question": (),
    "deny": (), "reject": (), "dismiss": (), "dispute": (), "highlight": (), "identify": (), "show": (), "indicate": (),
    "report": (), "find": (), "document": (), "liken": ("to",), "compare": ("to", "with"), "respond": ("to",),
    "insist": ("on",), "argue": ("for", "against"), "apologize": ("for",), "brag": ("about",), "boast": ("about", "of"),
    "endorse": (), "denounce": (), "defend": (), "welcome": (), "applaud": (), "accuse": (),
}


# Verbs that report a discovery or a reaction, not speech: a cue only with a clausal complement ("the report found
# that ...") or, for a document ("a poll found 45% support"), with an object; "a sergeant did not find the girl",
# "the debate revealed a gulf", "did not respond to questions" are no statements.
_NON_SPEECH = {"find", "reveal", "show", "indicate", "identify", "document", "respond", "reply", "answer", "return"}
# Verbs whose "as" clause says when, not what: "As she spoke, the crowd cheered" (but "as she noted, ..." reports).
_AS_TEMPORAL = {"speak", "talk", "testify", "address", "answer", "respond", "reply", "chat", "sing", "chant", "shout",
                "yell", "scream", "whisper", "listen", "watch", "look", "read", "campaign", "debate", "meet", "sit"}
# "declined to comment", "refused to say whether ...": a refusal to answer has no content.
_REFUSALS = {"decline", "refuse"}
_ANSWER_VERBS = {"comment", "say", "respond", "answer", "reply", "elaborate", "discuss", "speak", "confirm", "specify",
                 "disclose", "give", "provide", "identify", "talk", "reveal", "address", "return", "divulge", "detail"}
_WH_WORDS = {"whether", "if", "how", "what", "why", "when", "who", "where", "which"}
# Verbs of perception and discovery: what someone saw, watched, heard or noticed is an event they witnessed, not
# words of theirs ("Witnesses saw soldiers fire", "Texas saw record turnout", "He saw an opportunity"). Such a verb
# is a cue only with a that-clause ("saw that the bill would fail"), an "as" predicate ("sees the vote as a
# betrayal"), a quotation or an aside ("as she observed, ...").
_PERCEPTION = {"see", "watch", "witness", "notice", "hear", "overhear", "spot", "view", "observe", "glimpse", "eye",
               "discover", "detect", "uncover", "experience", "sight", "behold"}
# Verbs that ask: a clause they govern ("asked Ms. Lopez if she regretted the vote", "wondered whether he had said
# ...") is a question, and a cue inside it reports nothing anyone asserted.
_QUESTION_VERBS = {"ask", "wonder", "question", "inquire", "enquire", "query", "probe", "quiz", "press"}
# Light verbs whose object names a speech act, not what was said ("made the comments at a rally", "gave a speech",
# "issued a statement"): the object is no content.
_LIGHT_VERBS = {"make", "give", "deliver", "issue", "post", "publish", "release", "send", "write", "pen", "hold"}
_SPEECH_ACT_NOUNS = {"comment", "comments", "remark", "remarks", "speech", "statement", "address", "interview",
                     "testimony", "pledge", "promise", "vow", "announcement", "letter",
                     "post", "tweet", "appearance", "briefing", "conference", "declaration", "plea", "appeal",
                     "threat", "claim", "allegation", "accusation", "observation", "reference", "mention"}


_DASH_SOURCE = re.compile(
    r"[^\S\n]*(?P<dash>―|—|--|–)[^\S\n]*"
    r"(?:(?P<src>[A-Z@](?:[^\n.“”\"!?]|(?<=\b[A-Z])\.){1,60}?)(?=\.?[^\S\n]*(?:\n|$))|(?P<src2>[A-Z@][^\n.“”\"!?]{1,60}?)(?=[.\n]|$))")
_COLON_LINE = re.compile(r"(?m)^(?P<lead>[ \t\"“]*)(?P<src>[A-Z][\w.'’&-]*(?:[ \t]+[A-Za-z][\w.'’&-]*){0,4})(?P<colon>:)[ \t]+(?P<content>\S[^\n]{8,})$")
# Labels before a colon that are never a speaker: the head noun of "Statement on X:", "Live update:", "Editor's note:".
_COLON_NON_AGENT = {
    "note", "notes", "photo", "photos", "picture", "pictures", "image", "images", "video", "videos", "audio", "update",
    "updates", "updated", "related", "more", "source", "sources", "watch", "listen", "read", "correction", "clarification",
    "q", "a", "by", "tags", "tag", "topics", "share", "advertisement", "caption", "credit", "credits", "subscribe",
    "statement", "statements", "breaking", "live", "exclusive", "opinion", "editorial", "analysis", "commentary",
    "transcript", "summary", "background", "context", "timeline", "fact", "facts", "factbox", "question", "answer",
    "disclaimer", "alert", "notice", "warning", "announcement", "release", "thread", "part", "chapter", "section",
    "episode", "step", "tip", "lesson", "example", "quote", "quotes", "via", "from", "to", "cc", "re", "fwd", "date",
    "time", "location", "venue", "title", "headline", "subject", "map", "chart", "graphic", "table", "figure",
    "podcast", "newsletter", "event", "events", "day", "week", "year", "story", "stories", "also", "see", "here",
    "highlights", "recap", "explainer", "bonus", "postscript", "ps", "addendum", "appendix", "keywords", "category",
}
# Words that open a title rather than a speaker label ("When Insurgents Rule: ...", "Inside the Talks: ...").
_TITLE_OPENERS = {"when", "how", "why", "what", "who", "where", "inside", "beyond", "after", "before", "in", "on", "the",
                  "a", "an", "from", "between", "behind", "is", "are", "can", "will", "does", "do", "my", "our", "to", "for", "with", "of", "about", "this", "these", "those", "that", "its", "their", "new"}
_COLON_PREPS = {"on", "of", "for", "about", "in", "from", "with", "to", "at", "by", "into", "over", "after", "and", "&"}
# A document or poll as a headline source ("Poll: ...", "Report: ...", "CNN poll: ...").
_COLON_DOC_SOURCES = {"poll", "polls", "survey", "study", "report", "reports", "data", "audit", "probe", "review",
                      "sources", "officials", "police", "witnesses"}


# Headlines drop articles and write verbs in the present ("Senator Rips Plan", "Union backs Mayor", "Ministry
# questions refugee count"), and a title-case line is often parsed as one long name with the verb inside it.
# A headline's verb is found by its form instead: a present-tense "-s" verb after a singular subject, the bare form
# after a plural one. Besides the lexicon's cues, the verbs of criticism and support that headlines use for speech.
_HEADLINE_VERBS = {"rip", "hammer", "knock", "bash", "grill", "chide", "fault", "tout", "hail", "laud", "back", "lash",
                   "scold", "rebuke", "assail", "pan", "mock", "decry", "spar", "vow", "pledge", "push", "press"}
_HEADLINE_MAX_WORDS = 20
# Words that end a headline's subject before its verb ("Pressed On Costs, Mayor Vows ...": after the comma).
_HEADLINE_BREAKS = {",", ":", ";", "—", "–", "--", "―"}
# What a headline subject is made of: names, nouns, their modifiers and numbers ("31 Latinos", "Flight attendants' union").
_HEADLINE_SUBJECT_POS = {"PROPN", "NOUN", "ADJ", "NUM", "DET", "PART", "PUNCT"}


# Nouns of a speech act whose infinitive says what was promised, called for or threatened ("his promise to build
# a wall", "the mayor's call for ..." is a prepositional stance): with the lexicon's speech nouns, the infinitive is
# the content and the possessor the source.
_INTENT_NOUNS = {"promise", "pledge", "vow", "call", "threat", "demand", "plan", "proposal", "offer", "request", "appeal",
                 "refusal", "push", "bid", "order", "ultimatum", "invitation", "decision", "commitment"}


_COLON_SKIP_PHRASES = {"editor's note", "editor’s note", "also see", "read more", "filed under", "see also",
                       "live updates", "breaking news", "this story", "top stories", "more coverage"}
_QUOTE_MARKS = "\"“”‘’'"
# Titles and initials whose period ends no sentence ("Ms. Lopez", "Sen. Jane Doe", "John F. Kerry").
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Prof|Rev|Fr|St|Jr|Sr|Mt|Ft|Gen|"
                           r"Maj|Pres|Supt|Insp|Det|Hon|Amb|Atty|Sec|U\.S|[A-Z])\.")


def _strip_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _QUOTE_MARKS + " \t":
        start += 1
    while end > start and text[end - 1] in _QUOTE_MARKS + " \t":
        end -= 1
    return start, end


@dataclass
class _Cand:
    content_start: int
    content_end: int
    kind: StatementKind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    polarity: int
    sentence_start: int
    sentence_end: int
    speaker_hint: int | None = None  # cluster inherited from an earlier statement
    origin: str = "verb"  # which rule proposed it (a feature of the learned scorer)
    cue_tag: str = ""  # the cue token's fine-grained tag
    cue_dep: str = ""  # the cue token's dependency label ("ROOT", "ccomp", "relcl", ...)
    cue_head: str = ""  # what governs the cue: "root", the lexicon class of a governing cue verb, or its part of speech
    cue_quoted: bool = False  # the cue stands inside a quotation
    speaker_name_end: int | None = None  # where the speaker's name ends, before an appositive or relative clause


def _tok_span(tok: Token, part: Part) -> tuple[int, int]:
    return part.span(tok.idx, tok.idx + len(tok.text))


def _span_of_tokens(toks: list[Token], part: Part) -> tuple[int, int]:
    toks = [t for t in toks if not t.is_space]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return part.span(start, end)


def _speaker_span(toks: list[Token], part: Part) -> tuple[int | None, int | None]:
    """The speaker's character span, or no speaker when the phrase has no word left (only spaces/punctuation)."""
    if not any(not t.is_space for t in toks):
        return (None, None)
    return _span_of_tokens(toks, part)


def _quote_at(quotes: list[QuoteSpan], start: int, end: int) -> QuoteSpan | None:
    for q in quotes:
        if q.start < end and start < q.end:
            return q
    return None


def _inside_quote(quotes: list[QuoteSpan], pos: int) -> bool:
    return any(q.inner_start <= pos < q.inner_end for q in quotes)


def _speaker_tokens(subj: Token) -> list[Token]:
    """The noun phrase of a speaker: its subtree without relative clauses, and cut at an apposition comma."""
    toks: list[Token] = []
    for t in subj.subtree:
        toks.append(t)
    drop: set[int] = set()
    for child in subj.children:
        if child.dep_ in ("relcl", "acl") or (child.dep_ == "appos" and child.i > subj.i):
            drop.update(x.i for x in child.subtree)
        if child.dep_ == "punct" and child.i > subj.i:
            drop.update(x.i for x in child.doc[child.i : subj.right_edge.i + 1])
    toks = [t for t in toks if t.i not in drop]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _is_dateline(tok: Token) -> bool:
    """Whether a subject the parser found is the dateline that opens the sentence ("KABUL — X said", "Kabul,
    Afghanistan (AP) — X said"): the outlet's place, never the speaker, though the parser often makes it a second
    subject of the verb."""
    first = tok.left_edge
    if (first.i == 0 or tok.doc[first.i - 1].text_with_ws.endswith("\n")) and (
            tok.ent_type_ in ("GPE", "LOC", "FAC") or first.ent_type_ in ("GPE", "LOC", "FAC")):
        span = tok.doc[first.i : min(len(tok.doc), tok.right_edge.i + 12)]
        m = _TITLE_DATELINE.match(span.text)
        if m is not None and first.idx + m.end() >= tok.idx + len(tok.text):
            return True
    if not tok.text.isupper() or len(tok.text) < 2:
        return False
    m = _DATELINE.match(tok.doc.text, tok.left_edge.idx)
    return m is not None and m.end() >= tok.right_edge.idx + len(tok.right_edge.text)


def _trailing_speech_participle(verb: Token) -> bool:
    """Whether a verb is a speech participle after a comma ("..., citing X", "..., saying Y") hung on the clausal
    complement of a speech verb: it adds to the report, so its speaker is the reporter."""
    head = verb.head
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > head.i and verb.lemma_.lower() in lexicon().verbs
            and verb.i > 0 and verb.doc[verb.i - 1].text == "," and head.dep_ == "ccomp" and head.head is not head
            and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in lexicon().verbs)


def _find_subject(verb: Token) -> Token | None:
    cur = verb
    for _ in range(3):
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj") and not _is_dateline(child):
                if child.lower_ in ("who", "that", "which") and cur.dep_ == "relcl":
                    return cur.head
                return child
            if child.dep_ == "nsubj" and child.i < cur.i and cur is verb:
                # "WASHINGTON -- President Obama, dedicating ..., said": the parse hangs the name on the dateline
                named = next((g for g in child.children if g.dep_ == "appos" and g.i > child.i), None)
                if named is not None and named.pos_ == "PROPN":
                    return named
        for child in cur.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if cur is verb:
            # "Chief Justice Roberts, writing for the court, said ...": the parse gives the name to the participle
            # aside, but it is the subject of the verb the aside interrupts
            for child in cur.children:
                if child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN") and child.i < cur.i:
                    inner = next((g for g in child.children if g.dep_ == "nsubj" and g.i < child.i and not _is_dateline(g)), None)
                    if inner is not None and any(t.text == "," for t in inner.doc[inner.i + 1 : child.i]):
                        return inner
        if cur.dep_ == "xcomp" and cur.head.pos_ == "ADJ" and cur.head.dep_ in ("acomp", "oprd") and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "X is determined to warn ...", "X won't be able to brag ...": the copula's subject
            continue
        if cur.dep_ in ("conj", "xcomp", "advcl", "acomp") and cur.head is not cur and cur.head.pos_ in ("VERB", "AUX"):
            if _trailing_speech_participle(cur):
                # "The paper reported that 12 people died, citing hospital officials": the parse hangs the participle
                # on the reported clause, but it is the reporter who cites
                cur = cur.head.head
                continue
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "she responded by saying ...", "after saying ...": the governing verb's subject
            continue
        if (cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("ADV", "ADJ")
                and cur.head.head.dep_ in ("advmod", "acomp") and cur.head.head.head.pos_ in ("VERB", "AUX")):
            cur = cur.head.head.head  # "X stopped short of calling ...": the verb the adverb modifies
            continue
        return None
    return None


# Verbs whose passive subject is the one addressed ("X was told that ..."), not the one who holds the view.
_ADDRESSEE_VERBS = {"tell", "inform", "notify", "advise", "remind", "brief", "instruct", "assure", "reassure", "warn",
                    "caution", "promise", "ask", "teach", "show", "order", "alert", "email", "write", "text", "cable"}
_NO_HOLDER = {"it", "there", "this", "that", "who", "which", "what"}


def _attitude_holder(verb: Token, lemma: str) -> Token | None:
    """The passive subject that holds the attitude of a finite clause ("Protesters were frustrated that ...",
    "We are convinced this is ..."): with a clause of its own after the verb, the subject is no raised topic ("X is
    expected to ..."); never the addressee of a verb of telling ("X was told that ...") or an expletive ("It was
    reported that ...")."""
    if lemma in _ADDRESSEE_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or subj.lower_ in _NO_HOLDER or _is_dateline(subj):
        return None
    finite = any(c.dep_ == "ccomp" and c.i > verb.i and any(x.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for x in c.children)
                 for c in verb.children)
    return cast("Token", subj) if finite else None


def _possessor(noun: Token) -> Token | None:
    """The owner of a noun: "Their argument", "Al-Mirsaad’s suggestion" (parsed as poss, or as nmod with a 's case)."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("nmod", "compound", "npadvmod") and any(
                c.dep_ == "case" and c.lower_ in ("'s", "’s", "'", "’") for c in child.children):
            return child
    return None


def _noun_source(noun: Token) -> Token | None:
    """The source of a speech noun: its possessor, else "by/of/from X" after it."""
    src = _possessor(noun)
    if src is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
        src = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return src


def _possessor_tokens(src: Token) -> list[Token]:
    return [t for t in src.subtree if t.dep_ != "case"]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _passive_with_agent(verb: Token) -> bool:
    """"Y is supported by X": a passive verb with a subject and a "by" agent."""
    return any(c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "nsubjpass" for c in verb.children)


def _states_nothing(verb: Token, lemma: str) -> bool:
    """Whether a cue verb reports that nothing was said: a non-speech verb negated ("did not respond to
    questions", "did not find the girl") or an answer verb under a refusal ("declined to comment")."""
    if lemma in _NON_SPEECH and _negated(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS and lemma in _ANSWER_VERBS


def _that_clause(root: Token) -> bool:
    """Whether a clausal complement opens with the complementizer "that" ("saw that the bill would fail")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in root.children)


def _as_predicate(verb: Token) -> bool:
    """Whether a verb casts its object as something ("sees the vote as a betrayal", "viewed him as a threat")."""
    objects = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ in ("prep", "oprd") and c.lower_ == "as" for o in objects for c in o.children) or any(
        c.dep_ == "oprd" for c in verb.children)


def _document_subject(verb: Token) -> bool:
    """Whether the verb's subject is a document ("the report found ...", "a poll showed ...")."""
    subj = _find_subject(verb)
    return subj is not None and subj.lemma_.lower() in _DOC_NOUNS


def _in_question(cue: Token) -> bool:
    """Whether a cue stands inside a question, so that what it reports is asked, not asserted: an embedded question
    ("asked Ms. Lopez if she regretted the vote", "whether Hale said the deal was dead") or an interrogative
    sentence ("Did Trump say he would accept the result?")."""
    cur = cue
    for _ in range(12):
        if cur.head is cur or cur.dep_ in ("relcl", "appos"):
            break  # "whether he had anything in his hands, which he said were at his side": the aside is asserted
        marks = [c.lower_ for c in cur.children if c.dep_ == "mark"]
        if "whether" in marks or ("if" in marks and cur.head.lemma_.lower() in _QUESTION_VERBS):
            return True
        if cur.dep_ in ("ccomp", "xcomp") and cur.head.lemma_.lower() in _QUESTION_VERBS and cur.left_edge.tag_ in (
                "WDT", "WP", "WRB") and cur.left_edge.i < cur.i:
            return True  # "asked what the president had said"
        cur = cur.head
    # an interrogative sentence: the cue's clause is inverted ("Did Trump say ...?") or opened by a wh-word
    sent = cue.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in _QUOTE_MARKS), None)
    if last is None or last.text != "?" or any(t.text in _QUOTE_MARKS for t in sent if cue.i < t.i < last.i):
        return False
    head = cue
    while head.head is not head and head.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
        head = head.head
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    inverted = any(c.dep_ in ("aux", "auxpass") and c.i < head.i and any(s.dep_ in _SUBJ and s.i > c.i for s in head.children)
                   for c in head.children)
    return inverted or (first is not None and first.tag_ in ("WDT", "WP", "WRB", "WP$") and first.i < cue.i)


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


def _addressed_question(quote: str) -> bool:
    """Whether a quotation is a question put to someone ("Do you plan to run again?"): without a cue of its own,
    it is an interviewer's, never a continuation of the one who answers."""
    return quote.rstrip(" \t\n\"“”‘’'").endswith("?") and _SECOND_PERSON.search(quote) is not None


def _clausal_complement(verb: Token) -> Token | None:
    """The verb's clausal complement; of several, the first after the verb: in "While she conceded X, Smith noted
    that Y" a misparse can hang the fronted clause X on "noted" too, and what Smith noted follows the cue."""
    comps = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if len(comps) > 1:
        return next((c for c in comps if c.i > verb.i), comps[0])
    return comps[0] if comps else None


_CONTINUING_CC = {"and", "but"}
_NEW_ACTOR_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


def _continued_clause(verb: Token, content_root: Token, subj: Token | None, cue_lemmas: Mapping[str, str]) -> Token | None:
    """The clause that goes on with a content reported before its cue ("The middle fifth paid 8.9 percent, the
    agency said in a June report, and the bottom fifth paid 0.8 percent"): a clause joined to the cue verb by
    "and"/"but", after the cue, with a subject of its own that is no pronoun (in "..., he said, and he left" the
    speaker acts) and a verb that is no cue itself (its own statement); None otherwise."""
    if subj is None or content_root.i > verb.i or content_root.dep_ != "ccomp":
        return None
    for c in verb.children:
        if c.dep_ != "conj" or c.i < verb.i or c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in cue_lemmas:
            continue
        if not any(x.dep_ == "cc" and x.lower_ in _CONTINUING_CC for x in verb.children if verb.i < x.i < c.i):
            continue
        own = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if own is None or own.lower_ in _NEW_ACTOR_PRONOUNS or own.lower_ == subj.lower_:
            continue
        return cast("Token", c)
    return None


def _fronted_complement(verb: Token) -> Token | None:
    """The clause right after a cue in a fronted subordinate clause that the parse hangs on the main verb instead
    ("While he acknowledged funding was the reason, Ham noted ...": "funding was the reason" is what he acknowledged,
    parsed as a second complement of "noted")."""
    if verb.dep_ != "advcl" or verb.i >= verb.head.i or not any(c.dep_ == "mark" and c.i < verb.i for c in verb.children):
        return None
    head = verb.head
    if head.dep_ == "ccomp" and head.head.i > head.i and head.left_edge.i == verb.left_edge.i:
        # the parse hangs the fronted clause on the clause that follows the cue: "While he acknowledged [funding was
        # the reason], Ham noted ..."; its words after the cue are the content
        return cast("Token", head)
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i and c.left_edge.i == verb.i + 1), None)


def _content_tokens(root: Token) -> list[Token]:
    return list(root.subtree)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


_HONORIFIC_LABEL = re.compile(r"(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PRESIDENT|SENATOR)\b")


def _all_caps(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class _Finder:
    def __init__(self, parsed: ParsedDocument, *, open_verbs: bool = False,
                 keeps: Callable[[_Cand, list[_Cand]], bool] | None = None) -> None:
        self.open_verbs = open_verbs  # also propose any verb with a clausal complement (the scorer decides)
        # whether the scorer keeps a candidate (given all candidates): a quotation without a cue continues only a
        # statement that stays, never an open candidate the scorer drops ("..., who runs a firm. “...”")
        self.keeps = keeps
        self.parsed = parsed
        self.text = parsed.document.text
        self.quotes = find_quotes(self.text)
        self.mentions = MentionIndex(parsed.mentions)
        self.lex = lexicon()
        self.cands: list[_Cand] = []
        self.transcript_labels: set[str] = set()
        self._starts: dict[int, list[int]] = {}  # token start offsets of each part, for _token_at

    # -- cues ----------------------------------------------------------------
    def _open_content(self, toks: list[Any], part: Part) -> tuple[int, int] | None:
        """The content span of an open candidate's tokens, without trailing punctuation (a closing quote stays);
        None when nothing is left or it starts inside a quotation (the quote rules own it)."""
        while toks and toks[-1].is_punct and toks[-1].text not in "”\"’":
            toks.pop()
        if not toks:
            return None
        c_start, c_end = _span_of_tokens(toks, part)
        return None if _inside_quote(self.quotes, c_start) else (c_start, c_end)

    def run(self) -> list[_Cand]:
        for part in self.parsed.parts:
            for sent in part.doc.sents:
                self._sentence(part, sent)
        self._headline()
        self._dash_and_colon()
        if self.open_verbs:
            self._colon_quotes()
        self._orphan_quotes()
        return self.cands

    def _headline(self) -> None:
        """The document's first line when it is a headline ("Senators Rip Budget Plan As 'Reckless'"): a
        subject of names and nouns, a present-tense cue verb found by its form (the parse of a title-case line
        often reads the verb as part of a name), and the rest of the clause as content."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        end = text.find("\n", lead)
        if end == -1 or not text[end:].strip():
            return  # a single line is no headline over a text
        if len(text[lead:end].split()) > _HEADLINE_MAX_WORDS:
            return
        found = self._token_at(lead)
        if found is None:
            return
        part, first = found
        toks = list(itertools.takewhile(lambda t: part.offset + t.idx < end, first.doc[first.i :]))
        seg_start = 0
        for k, tok in enumerate(toks):
            if tok.text in _HEADLINE_BREAKS:
                seg_start = k + 1
                continue
            if k == seg_start or _inside_quote(self.quotes, _tok_span(tok, part)[0]):
                continue
            lemma = self._headline_verb(part, tok, toks[k - 1])
            if lemma is None:
                continue
            subject = toks[seg_start:k]
            if not self._headline_subject(subject):
                continue
            rest: list[Token] = []
            for t in toks[k + 1 :]:
                if t.text in (";", "—", "–", "―") or (t.text == ":" and not rest):
                    break
                rest.append(t)
            while rest and rest[-1].is_punct and rest[-1].text not in "”\"’'":
                rest.pop()
            while rest and rest[0].is_punct and rest[0].text not in "“\"‘'":
                rest.pop(0)
            if not any(not t.is_punct for t in rest):
                continue
            c_start, c_end = _span_of_tokens(rest, part)
            c_start, c_end = _strip_quote_marks(text, c_start, c_end)
            whole = _quote_at(self.quotes, c_start, c_end)
            if whole is not None and whole.inner_start <= c_start and c_end <= whole.inner_end:
                kind = StatementKind.DIRECT
            else:
                kind = StatementKind.MIXED if any(c_start <= q.start < c_end for q in self.quotes) else StatementKind.INDIRECT
            cue_start, cue_end = _tok_span(tok, part)
            sp = _speaker_span(subject, part)
            # the verb rules read the same cue through the parse of a title-case line: the headline's reading wins
            self.cands = [c for c in self.cands if c.cue_start != cue_start]
            self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], 1, part.offset + toks[0].idx,
                            end, origin="headline", cue_tag="VBZ" if tok.lower_ != lemma else "VBP"))
            return  # one headline cue: what follows is its content

    def _headline_verb(self, part: Part, tok: Token, prev: Token) -> str | None:
        """The cue lemma of a headline verb: "Rips"/"questions" (-s after a singular subject), "Rip" (bare, after a
        plural subject: "Senators Rip"); None for any other word."""
        word = tok.lower_
        if not word.isalpha() or tok.pos_ not in ("VERB", "NOUN", "PROPN") or (
                tok.pos_ == "VERB" and tok.dep_ != "ROOT" and any(c.dep_ in _SUBJ for c in tok.children)):
            return None
        known = self.lex.verbs.keys() | _DOBJ_CUES.keys() | _HEADLINE_VERBS
        forms: list[str] = []
        if word.endswith("ies"):
            forms.append(word[:-3] + "y")
        if word.endswith("es"):
            forms.append(word[:-2])
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            forms.append(word[:-1])
        if not forms and (prev.tag_ in ("NNS", "NNPS") or prev.lower_.endswith("s") and not prev.lower_.endswith(("ss", "us", "is"))
                          and not any(m.type is EntityType.PERSON for m in self.mentions.overlapping(*_tok_span(prev, part)))):
            forms = [word]  # "Senators Rip ...", not "Reyes Rip"
        lemma = next((f for f in forms if f in known and f not in _PHYSICAL_VERBS and f not in _NON_SPEECH), None)
        return lemma

    def _headline_subject(self, subject: list[Token]) -> bool:
        """Whether the words before a headline verb name who speaks: one to six names, nouns and modifiers ending
        in a noun, not opening a title ("When", "How", "Inside")."""
        words = [t for t in subject if not t.is_punct]
        if not 1 <= len(words) <= 6 or words[0].lower_ in _TITLE_OPENERS - {"the", "a", "an"}:
            return False
        if any(t.pos_ not in _HEADLINE_SUBJECT_POS for t in subject):
            return False
        return words[-1].pos_ in ("PROPN", "NOUN") or words[-1].lower_ in PRONOUN_TYPES

    def _colon_quotes(self) -> None:
        """A quotation introduced by a colon after a verb with a subject, often in the next paragraph
        ("17-year-old Jane Doe echoed:" / "“He speaks his mind ...”"): a candidate for the scorer."""
        covered = [(c.content_start, c.content_end) for c in self.cands]
        for q in self.quotes:
            if any(s < q.inner_end and q.inner_start < e for s, e in covered):
                continue
            k = q.start
            while k > 0 and self.text[k - 1].isspace():
                k -= 1
            if k == 0 or self.text[k - 1] != ":" or self.text[k : q.start].count("\n") > 2:
                continue
            found = self._verb_before_colon(k - 1)
            if found is None:
                continue
            part, verb, subj = found
            cue_start, cue_end = _span_of_tokens(self._cue_tokens(verb), part)
            sp = _speaker_span(_speaker_tokens(subj), part)
            sent = verb.sent
            s_start, _ = part.span(sent.start_char, sent.end_char)
            self._add(_Cand(q.inner_start, q.inner_end, StatementKind.DIRECT, verb.lemma_.lower(), cue_start, cue_end,
                            sp[0], sp[1], -1 if _negated(verb) else 1, s_start, q.end, origin="colon-quote",
                            cue_tag=verb.tag_))

    def _verb_before_colon(self, colon: int) -> tuple[Part, Token, Token] | None:
        """The last verb with an active subject in the sentence that ends at the colon, with its subject."""
        for part in self.parsed.parts:
            if not part.offset <= colon < part.offset + len(part.doc.text):
                continue
            span = part.doc.char_span(colon - part.offset, colon - part.offset + 1, alignment_mode="expand")
            if span is None:
                return None
            tok = span[0]
            for verb in reversed([t for t in tok.sent if t.i < tok.i and t.pos_ == "VERB"]):
                subj = _find_subject(verb)
                if subj is not None and subj.dep_ != "nsubjpass" and subj.i < verb.i:
                    return part, verb, subj
            return None
        return None

    def _dash_and_colon(self) -> None:
        """'“...” ― Name' signatures and 'NAME: words' lines (headlines, transcripts)."""
        for q in self.quotes:
            m = _DASH_SOURCE.match(self.text, q.end)
            if m:
                s_start, s_end = m.span("src") if m.group("src") else m.span("src2")
                s_start, s_end = _trim(self.text, s_start, s_end)
                self._add(_Cand(q.inner_start, q.inner_end, StatementKind.DIRECT, "say", m.start("dash"), m.end("dash"),
                                s_start, s_end, 1, q.start, m.end(), origin="dash"))
        lines = list(_COLON_LINE.finditer(self.text))
        caps = Counter(m.group("src").strip() for m in lines if _all_caps(m.group("src")))
        # Capitalised labels name a transcript's speakers when the document has several labelled lines, or the
        # label carries an honorific; a lone one ("KABUL: The ministry said ...") is a dateline.
        many = sum(caps.values()) >= 2
        self.transcript_labels = {label for label in caps if many or _HONORIFIC_LABEL.match(label)}
        label_lines = set()
        turns: list[_Cand] = []
        for m in lines:
            sp_end = self._speaker_label(m.start("src"), m.end("src"))
            if sp_end is None:
                continue
            label_lines.add(m.start())
            c_start, c_end = m.span("content")
            line_quoted = any(ch in "\"“" for ch in m.group("lead"))
            quote = _quote_at(self.quotes, c_start, c_start + 1)
            if quote is not None and quote.start == c_start and quote.end >= c_end - 1:
                kind = StatementKind.DIRECT
                c_start, c_end = quote.inner_start, min(quote.inner_end, c_end)
            elif line_quoted:
                # a transcript line inside a quotation ("\"PENCE: Well, look ..."): the words after the label
                kind = StatementKind.DIRECT
            else:
                kind = StatementKind.INDIRECT
            c_start, c_end = _strip_quote_marks(self.text, c_start, c_end)
            cand = _Cand(c_start, c_end, kind, "say", m.start("colon"), m.end("colon"), m.start("src"), sp_end,
                         1, m.start("src"), m.end(), origin="colon")
            self._add(cand)
            if line_quoted:
                turns.append(cand)
        for turn in turns:
            self._continue_turn(turn, label_lines)

    def _continue_turn(self, turn: _Cand, label_lines: set[int]) -> None:
        """Transcript convention: paragraphs that open with a quotation mark and carry no speaker label of their
        own continue the last labelled speaker's turn ("\"PENCE: ...\" / \"But the truth is ...")."""
        pos = self.text.find("\n", turn.content_end)
        while pos != -1:
            start = pos
            while start < len(self.text) and self.text[start].isspace():
                start += 1
            if start >= len(self.text) or self.text[start] not in "\"“" or start in label_lines:
                return
            end = self.text.find("\n", start)
            end = len(self.text) if end == -1 else end
            if _COLON_LINE.match(self.text, start) is not None:
                return  # another label ("(CROSSTALK)" lines and unknown labels end the turn too)
            c_start, c_end = _strip_quote_marks(self.text, start, end)
            if self.text[c_start:c_start + 1] == "(":
                return
            self._add(_Cand(c_start, c_end, StatementKind.DIRECT, turn.cue, turn.cue_start, turn.cue_end,
                            turn.speaker_start, turn.speaker_end, 1, start, end, origin="turn",
                            speaker_name_end=turn.speaker_name_end))
            pos = self.text.find("\n", end) if end < len(self.text) else -1

    def _speaker_label(self, start: int, end: int) -> int | None:
        """Where the speaker ends, when the words before a line's colon name one (a person or an organisation,
        a transcript's capitalised name, a role, or a poll/report as a headline source; "NAME on TOPIC:" names
        NAME); None for a title or a section label ("Statement on X:", "Update:", "When Insurgents Rule:")."""
        label = self.text[start:end]
        words = [w.strip(".’'").lower() for w in label.split()]
        words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]
        if not words or any(ch.isdigit() for ch in label) or label.strip().lower() in _COLON_SKIP_PHRASES:
            return None
        if words[-1] in _COLON_NON_AGENT or words[0] in _COLON_NON_AGENT:
            return None
        if any(m.type is EntityType.PLACE for m in self.mentions.overlapping(start, end)) and label.strip() not in self.transcript_labels:
            return None  # a dateline ("KABUL: ...") is the outlet's, not a speaker
        if self._names_agent(start, end):
            return end  # "Ministry of Defence:" is one organisation's name
        if label.rstrip().endswith(("’s", "'s")):
            return None
        prep = next((i for i, w in enumerate(words) if i > 0 and w in _COLON_PREPS), None)
        if prep is not None:
            # "Obama on Climate Change:" -> Obama; "Statement on Sarvan:" was refused above
            if words[prep] != "on":
                return None
            head_end = start + [m.end() for m in re.finditer(r"\S+", label)][prep - 1]
            return head_end if self._names_agent(start, head_end) else None
        if words[-1] in _COLON_DOC_SOURCES and len(words) <= 2:
            return end
        if words[-1] in _ROLE_WORDS and len(words) <= 3:
            return end
        if words[0] in _TITLE_OPENERS:
            return None
        if _all_caps(label) and len(words) <= 3:
            # a transcript's speaker: "WALLACE:", "MR. TRUMP:" (recurring or with an honorific), never a dateline
            return end if label.strip() in self.transcript_labels else None
        last = re.search(r"\S+$", label)
        last_start = start + (last.start() if last else 0)
        for mention in self.mentions.overlapping(last_start, end):
            if mention.type in (EntityType.PERSON, EntityType.ORGANIZATION) and mention.start >= start - 1 and mention.end >= end - 1:
                return end
        return None

    def _names_agent(self, start: int, end: int) -> bool:
        """Whether one person or organisation mention covers all of [start, end)."""
        return any(m.type in (EntityType.PERSON, EntityType.ORGANIZATION) and m.start <= start + 1 and m.end >= end - 1
                   for m in self.mentions.overlapping(start, end))

    def _token_at(self, pos: int) -> tuple[Part, Token] | None:
        """The token that holds (or, in spaces, precedes) a document offset, found by bisection."""
        for n, part in enumerate(self.parsed.parts):
            starts = self._starts.get(n)
            if starts is None:
                starts = self._starts[n] = [t.idx for t in part.doc]
            if starts and part.offset <= pos and (n + 1 == len(self.parsed.parts) or pos < self.parsed.parts[n + 1].offset):
                i = bisect.bisect_right(starts, pos - part.offset) - 1
                return part, part.doc[max(i, 0)]
        return None

    def _speaker_outside_quote(self, cand: _Cand) -> None:
        """A speaker inside a quotation whose cue stands outside it is a word of the quote the parse took for the
        subject ("“My reaction, that was outrageous,” the strategist said", "“..., it will,” said Jane Doe"): the
        speaker is the phrase between the quotation and the cue, else the name right after the cue; none if
        neither names one."""
        if cand.speaker_start is None or cand.speaker_end is None or cand.origin in ("colon", "dash", "turn"):
            return  # a label's or a signature's speaker is where its line puts it (a quoted transcript line too)
        quote = next((q for q in self.quotes if q.contains(cand.speaker_start)), None)
        if quote is None or cand.cue_start is None or quote.contains(cand.cue_start):
            return
        cand.speaker_start = cand.speaker_end = None
        found = self._token_at(cand.cue_start)
        if found is None or quote.end > cand.cue_start:
            return
        part, cue = found
        between = [t for t in cue.sent if t.i < cue.i and part.span(t.idx, t.idx)[0] >= quote.end and not t.is_space]
        while between and between[0].is_punct:
            between.pop(0)
        while between and between[-1].is_punct:
            between.pop()
        if not between:
            after: list[Token] = []
            for t in cue.doc[cue.i + 1 : cue.sent.end]:
                if not after and (t.pos_ == "ADV" or t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prt"):
                    continue
                if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") or t.is_space:
                    break
                after.append(t)
            between = after
        if any(t.pos_ in ("PROPN", "NOUN") or t.lower_ in PRONOUN_TYPES for t in between):
            cand.speaker_start, cand.speaker_end = _span_of_tokens(between, part)

    def _cue_context(self, cand: _Cand) -> None:
        """Where the cue sits in its sentence (features of the scorer): its dependency label, what governs it
        (a speech verb governing an open candidate makes it a nested report: "X says that Y called Z ..."), and
        whether it stands inside a quotation."""
        if cand.cue_start is None:
            return
        quote = next((q for q in self.quotes if q.contains(cand.cue_start)), None)
        # a transcript label that opens a quoted line ("\"PENCE: Well, ...") is the line's own cue, not a cue
        # inside someone's quotation
        line = self.text[self.text.rfind("\n", 0, cand.cue_start) + 1 : cand.cue_start].lstrip(" \t")
        label_line = cand.origin in ("colon", "turn") and line[:1] in ("\"", "“")
        cand.cue_quoted = quote is not None and not label_line
        found = self._token_at(cand.cue_start)
        if found is None:
            return
        tok = found[1]
        cand.cue_dep = tok.dep_
        if tok.dep_ == "ROOT" or tok.head is tok:
            cand.cue_head = "root"
        else:
            head_lemma = tok.head.lemma_.lower()
            klass = self.lex.verbs.get(head_lemma) if tok.head.pos_ in ("VERB", "AUX") else self.lex.nouns.get(head_lemma)
            cand.cue_head = klass or tok.head.pos_

    def _speaker_extent(self, cand: _Cand) -> None:
        """Extend the speaker over what describes it, as annotated news draws sources: the party and state
        ("Sen. Jane Doe (D-Ore.)"), an appositive ("Jane Doe, the group's spokeswoman,") and a relative clause
        ("Jane Doe, who led the panel,"), never over the cue or the content. ``speaker_name_end`` keeps where the
        name itself ends: the speaker's cluster is resolved from the name, not from its description."""
        if cand.speaker_start is None or cand.speaker_end is None or cand.speaker_name_end is not None:
            return
        cand.speaker_name_end = cand.speaker_end
        if cand.origin in ("colon", "dash", "turn", "orphan"):
            return  # a label or a signature ends where its line or mark says
        found = self._token_at(cand.speaker_end - 1)
        if found is None:
            return
        part, last = found
        head = last
        while head.head is not head and head.head.i != head.i and part.offset + head.head.idx >= cand.speaker_start \
                and part.offset + head.head.idx < cand.speaker_end:
            head = head.head
        cue_at = self._token_at(cand.cue_start) if cand.cue_start is not None else None
        cue = cue_at[1] if cue_at is not None else None
        if cue is not None and head.left_edge.i <= cue.i <= head.right_edge.i:
            return  # "X, who had said ...": the cue describes the speaker; the name alone is the speaker
        # the description ends before a cue that follows the speaker ("X, the group's leader, said ...")
        cue_limit = cand.cue_start if cand.cue_start is not None and cand.cue_start >= cand.speaker_end else None
        if cue is not None and cue.i > last.i and cue_limit is None:
            cue_limit = part.offset + cue.idx
        end_i = last.i
        for child in head.children:
            if child.i <= last.i:
                continue
            if child.dep_ not in _DESCRIBING_DEPS:
                break
            sub = list(child.subtree)
            if any(t.is_space or "\n" in t.text or cand.content_start <= part.offset + t.idx < cand.content_end
                   or (cue_limit is not None and part.offset + t.idx >= cue_limit) for t in sub):
                break
            end_i = max(end_i, child.right_edge.i)
        toks = list(head.doc[last.i + 1 : end_i + 1])
        while toks and ((toks[-1].is_punct and toks[-1].text != ")") or toks[-1].dep_ == "cc"):
            toks.pop()
        if toks and sum(t.text == "(" for t in toks) == sum(t.text == ")" for t in toks):
            cand.speaker_end = part.offset + toks[-1].idx + len(toks[-1].text)

    def _asked(self, cand: _Cand) -> bool:
        """Whether the candidate's cue stands inside a question (:func:`_in_question`): what a question reports
        is asked, never the statement of the one it names ("asked Ms. Lopez if she regretted the vote")."""
        if cand.cue_start is None or cand.origin in ("colon", "dash", "turn", "orphan", "headline"):
            return False
        found = self._token_at(cand.cue_start)
        return found is not None and _in_question(found[1])

    def _speaker_after_dateline(self, cand: _Cand) -> None:
        """A speaker that opens with a dateline ("WASHINGTON -- President X, opening ..., said") starts after it."""
        if cand.speaker_start is None or cand.speaker_end is None:
            return
        dateline = _DATELINE.match(self.text, cand.speaker_start, cand.speaker_end)
        if dateline and dateline.end() < cand.speaker_end:
            cand.speaker_start = dateline.end()
            if cand.speaker_name_end is not None and cand.speaker_name_end <= cand.speaker_start:
                cand.speaker_name_end = cand.speaker_end
        elif cand.cue_start is not None and cand.speaker_start < cand.cue_start:
            # the parse took the dateline itself for the subject ("HELENA, June 30, 2015 — Senator Joan Albright said"):
            # the speaker is the name right after the dateline's dash
            whole = _DATELINE.match(self.text, cand.speaker_start, cand.cue_start)
            name = _NAME_AFTER_DATELINE.match(self.text, whole.end(), cand.cue_start) if whole and whole.end() >= cand.speaker_end else None
            if name is not None:
                cand.speaker_start, cand.speaker_end = name.start(), name.end()
                cand.speaker_name_end = name.end()

    def _add(self, cand: _Cand) -> None:
        if self._asked(cand):
            return
        self._speaker_outside_quote(cand)
        self._speaker_extent(cand)
        self._speaker_after_dateline(cand)
        self._cue_context(cand)
        cand.content_start, cand.content_end = _trim(self.text, cand.content_start, cand.content_end)
        dateline = _DATELINE.match(self.text, cand.content_start, cand.content_end)
        if dateline and (cand.cue_start is None or cand.cue_end is None or cand.cue_start >= dateline.end()
                         or cand.cue_end <= cand.content_start):
            cand.content_start = dateline.end()  # "KABUL — At least 37 ...": the dateline is the outlet's, not content
        if cand.content_end - cand.content_start > MAX_CONTENT_CHARS:
            # a quote that never closes, or a speech of thousands of words: keep its opening, to a sentence end
            # its opening, or its end when the cue follows it ("“...,” she said"), so the statement stays near its cue
            if cand.cue_start is not None and cand.cue_start >= cand.content_end:
                limit = cand.content_end - MAX_CONTENT_CHARS
                cuts = [i for i in (self.text.find(p, limit, cand.content_end) for p in (". ", "! ", "? ", "\n")) if i != -1]
                cut = min(cuts) if cuts else -1
                cand.content_start = cut + 2 if -1 < cut < cand.content_end - MAX_CONTENT_CHARS // 2 else limit
            else:
                limit = cand.content_start + MAX_CONTENT_CHARS
                cut = max(self.text.rfind(p, cand.content_start, limit) for p in (". ", "! ", "? ", "\n"))
                cand.content_end = cut + 1 if cut > cand.content_start + MAX_CONTENT_CHARS // 2 else limit
            cand.content_start, cand.content_end = _trim(self.text, cand.content_start, cand.content_end)
        if cand.content_end - cand.content_start < 3:
            return
        self.cands.append(cand)

    def _sentence(self, part: Part, sent: Any) -> None:
        s_start, s_end = part.span(sent.start_char, sent.end_char)
        used_quotes: set[int] = set()
        for tok in sent:
            lemma = tok.lemma_.lower()
            g_start, _ = _tok_span(tok, part)
            if _inside_quote(self.quotes, g_start):
                continue
            if tok.pos_ in ("VERB", "AUX") and _states_nothing(tok, lemma):
                continue  # "did not respond to questions", "declined to comment on the report": nothing said
            if tok.pos_ in ("VERB", "AUX") and lemma in self.lex.verbs:
                before = len(self.cands)
                self._verb_cue(part, sent, tok, lemma, s_start, s_end, used_quotes)
                if self.open_verbs and len(self.cands) == before:
                    self._open_object_cue(part, tok, lemma, s_start, s_end)
                if self.open_verbs and len(self.cands) == before and _passive_with_agent(tok):
                    self._open_passive_cue(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.pos_ == "VERB" and _passive_with_agent(tok):
                self._open_passive_cue(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children) and not any(
                    c.dep_ == "ccomp" for c in tok.children):
                self._open_object_cue(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children):
                self._open_verb_cue(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.pos_ == "VERB" and tok.lower_ != "according" and any(
                    c.dep_ == "prep" and c.lower_ in _STANCE_PREPS for c in tok.children):
                self._open_object_cue(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.pos_ == "ADJ" and tok.dep_ == "acomp" and any(
                    c.dep_ == "prep" and c.lower_ in _STANCE_PREPS for c in tok.children):
                self._open_object_cue(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.pos_ == "NOUN" and lemma not in self.lex.nouns:
                before = len(self.cands)
                self._noun_cue(part, tok, lemma, s_start, s_end, origin="open-noun")
                if len(self.cands) == before and lemma in _INTENT_NOUNS:
                    self._noun_infinitive(part, tok, lemma, s_start, s_end)
                if len(self.cands) == before:
                    self._open_possessed_noun(part, tok, lemma, s_start, s_end)
            elif self.open_verbs and tok.lower_ in _HEARSAY_ADVERBS and tok.dep_ == "advmod":
                self._adverb_cue(part, tok, s_start, s_end)
            elif tok.pos_ == "NOUN" and lemma in self.lex.nouns:
                before = len(self.cands)
                self._noun_cue(part, tok, lemma, s_start, s_end)
                if len(self.cands) == before:
                    self._noun_infinitive(part, tok, lemma, s_start, s_end)
                if self.open_verbs and len(self.cands) == before:
                    self._open_possessed_noun(part, tok, lemma, s_start, s_end)
            elif tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
                self._according_to(part, sent, tok, s_start, s_end)
            elif tok.lower_ == "per" and tok.dep_ == "prep":
                self._per_source(part, sent, tok, s_start, s_end)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                self._in_words_of(part, sent, tok, s_start, s_end)

    def _open_verb_cue(self, part: Part, verb: Token, lemma: str, s_start: int, s_end: int) -> None:
        """A verb outside the lexicon with a clausal complement ("X stressed that ..."): a candidate for the scorer."""
        content_root = _clausal_complement(verb)
        if content_root is None or (lemma in _PERCEPTION and not _that_clause(content_root)):
            return  # "saw soldiers fire into the crowd": an event witnessed
        cue_start, cue_end = _span_of_tokens(self._cue_tokens(verb), part)
        subj = _find_subject(verb)
        sp = _speaker_span(_speaker_tokens(subj), part) if subj is not None and subj.dep_ != "nsubjpass" else (None, None)
        if subj is None and (holder := _attitude_holder(verb, lemma)) is not None:
            sp = _speaker_span(_speaker_tokens(holder), part)
        c_start, c_end = _span_of_tokens(_content_tokens(content_root), part)
        if c_start > cue_end:
            mark = next((c for c in content_root.children if c.dep_ == "mark" and c.lower_ == "that"), None)
            if mark is not None and mark.i == content_root.left_edge.i:
                c_start = _tok_span(mark.doc[mark.i + 1], part)[0]
        whole = _quote_at(self.quotes, c_start, c_end)
        if whole is not None and whole.inner_start <= c_start + 1 and c_end <= whole.end and whole.start >= c_start - (whole.inner_start - whole.start):
            kind = StatementKind.DIRECT
            c_start, c_end = whole.inner_start, whole.inner_end
        else:
            inner = [q for q in self.quotes if c_start <= q.start < c_end]  # a quotation opened inside the clause
            kind = StatementKind.MIXED if inner else StatementKind.INDIRECT
        polarity = -1 if _negated(verb) else 1
        c_end = self._close_aside(s_start, cue_start, c_start, c_end)
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], polarity, s_start, s_end,
                        origin="open-ccomp", cue_tag=verb.tag_))

    def _open_object_cue(self, part: Part, verb: Token, lemma: str, s_start: int, s_end: int) -> None:
        """A verb with a named or pronoun subject and an object ("X criticized Y on two fronts", "X endorsed Y"):
        a candidate for the scorer, which knows from annotated news which verbs report speech or stance."""
        if lemma in _PHYSICAL_VERBS or _an_act_not_words(verb, lemma):
            return  # "the army attacked the city", "called up reservists": political news may attack with words, conflict news does not
        if lemma in _ACT_VERBS and lemma not in self.lex.verbs:
            return  # "the men boarded trains", "Mr. Obama rang a bell": an act, no words
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if lemma in _PERCEPTION and not _as_predicate(verb):
            return  # "Texas saw record turnout", "he saw an opportunity": what was seen, not said
        if lemma in _NON_SPEECH and lemma not in ("respond", "reply", "answer", "indicate") and not (
                _document_subject(verb) or _as_predicate(verb)):
            return  # "investigators found the weapon", "the debate revealed a gulf": no words reported
        if obj is not None and lemma in _LIGHT_VERBS and obj.lemma_.lower() in _SPEECH_ACT_NOUNS | self.lex.nouns.keys() \
                and not any(c.dep_ in ("acl", "relcl", "ccomp") or (c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS)
                            for c in obj.children) and not (obj.right_edge.i + 1 < len(obj.doc)
                                                            and obj.doc[obj.right_edge.i + 1].text == ":"):
            # "made the comments at a rally": the speech act, not what it said ("issued a statement calling ...",
            # "made the following comment:" introduce it)
            return
        origin = "open-dobj"
        if obj is None:
            # "27 percent would vote for Trump", "she focused on Trump", "X complained to Y about Z": the
            # prepositional object is what the stance or the words are about
            # "writing for the court", "speaks for the campaign": on whose behalf, not a stance toward it
            obj = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS
                        and not (c.lower_ == "for" and lemma in _ON_BEHALF_VERBS)
                        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
            origin = "open-prep" if verb.pos_ != "ADJ" else "open-adj"
        # "Republicans have been critical of X", "voters are split on whether ...": the copula's subject
        subj = _find_subject(verb.head if verb.dep_ == "acomp" else verb)
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
            subj = verb.head  # "a Super PAC backing Jeb Bush": the noun the participle describes holds the stance
        if obj is None or subj is None or subj.dep_ == "nsubjpass" or subj.i > verb.i:
            return
        if not (subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or subj.lemma_.lower() in _ROLE_WORDS or subj.lemma_.lower() in _DOC_NOUNS
                or subj.lemma_.lower() in _GROUP_NOUNS):
            return
        extra = [c for c in verb.children if c.i > obj.i and c.dep_ in ("prep", "oprd", "advcl", "xcomp", "ccomp")]
        toks = [t for c in (obj, *extra) for t in c.subtree]
        cue_toks = self._cue_tokens(verb)
        if origin in ("open-prep", "open-adj"):  # "would vote for | Trump": the preposition belongs to the cue, its object is content
            toks = [t for t in toks if t is not obj]
            cue_toks = [*cue_toks, obj]
        span = self._open_content(toks, part)
        if span is None:
            return
        c_start, c_end = span
        cue_start, cue_end = _span_of_tokens(cue_toks, part)
        sp = _speaker_span(_speaker_tokens(subj), part)
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        polarity = -1 if _negated(verb) else 1
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], polarity, s_start, s_end,
                        origin=origin, cue_tag=verb.tag_))

    def _open_passive_cue(self, part: Part, verb: Token, lemma: str, s_start: int, s_end: int) -> None:
        """A passive verb whose agent holds the stance toward its subject ("Y is supported by X", "Y was first
        reported by The Post"): the agent is the source, "is supported by" the cue, the subject the content; a
        candidate for the scorer."""
        if lemma in _PHYSICAL_VERBS:
            return  # "the city was shelled by the army" reports an act, not a stance
        agent = next(c for c in verb.children if c.dep_ == "agent")
        src = next((c for c in agent.children if c.dep_ == "pobj"), None)
        subj = next(c for c in verb.children if c.dep_ == "nsubjpass")
        head = src
        if head is not None and head.lemma_.lower() in _GROUP_NOUNS | {"dozen", "dozens", "hundreds", "thousands", "number"}:
            # "dozens of papers": the noun after "of" says who
            head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), head)
        if src is None or head is None or subj.i > verb.i or not (
                head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or head.lemma_.lower() in _ROLE_WORDS or head.lemma_.lower() in _DOC_NOUNS or head.lemma_.lower() in _GROUP_NOUNS
                or (head.tag_ == "NNS" and head.lemma_.lower() not in _GROUP_NOUNS)):
            return
        span = self._open_content(list(subj.subtree), part)
        if span is None:
            return
        c_start, c_end = span
        cue_toks = [*(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and subj.i < c.i < verb.i),
                    *self._cue_tokens(verb), agent]
        cue_start, cue_end = _span_of_tokens(cue_toks, part)
        sp = _speaker_span(_speaker_tokens(src), part)
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], -1 if _negated(verb) else 1,
                        s_start, s_end, origin="open-passive", cue_tag=verb.tag_))

    def _cue_tokens(self, verb: Token) -> list[Token]:
        toks = [verb] + [c for c in verb.children if c.dep_ == "prt"]
        return toks

    def _verb_cue(self, part: Part, sent: Any, verb: Token, lemma: str, s_start: int, s_end: int, used: set[int]) -> None:
        klass = self.lex.verbs[lemma]
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS and lemma in _ANSWER_VERBS:
            return  # "declined to say how many ..."
        if lemma in _NON_SPEECH and _negated(verb):
            return  # "did not respond", "did not find"
        if _an_act_not_words(verb, lemma):
            return  # "called off the deal": what was done, not what was said
        polarity = -1 if klass == "denial" or _negated(verb) else 1
        if klass == "denial" and _negated(verb):
            polarity = 1
        cue_start, cue_end = _span_of_tokens(self._cue_tokens(verb), part)
        subj = _find_subject(verb)
        if subj is not None and subj.i > verb.i + 3 and subj.dep_ != "pobj":
            # "Citing a poll, the mayor accused ...", "After saying X, she left": a participle opening the sentence
            # belongs to the clause whose subject follows it
            opening = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp") and not verb.doc[verb.sent.start : verb.i].text.strip(" \"“‘'").split()[1:]
            subj = subj if verb.dep_ in ("ROOT", "parataxis", "ccomp") or (opening and subj.head.i > verb.i) else None
        sp = _speaker_span(_speaker_tokens(subj), part) if subj is not None else (None, None)
        if subj is not None and subj.dep_ == "nsubjpass":
            sp = (None, None)  # "X was told ..." names the hearer, not the speaker
        if subj is None and (holder := _attitude_holder(verb, lemma)) is not None:
            subj = holder
            sp = _speaker_span(_speaker_tokens(holder), part)
        if subj is None and verb.tag_ == "VBG" and verb.dep_ in ("acl", "appos", "advcl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # a participle on a noun: "Their argument—suggesting that ...", "the ministry, saying that ..."
            head = verb.head
            if head.lemma_.lower() in self.lex.nouns:
                owner = _noun_source(head)
                if owner is not None:
                    toks = _possessor_tokens(owner) if owner.dep_ != "pobj" else _speaker_tokens(owner)
                    sp = _speaker_span(toks, part) if toks else sp
                    subj = owner
            elif head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP") or head.lemma_.lower() in _ROLE_WORDS:
                subj = head
                sp = _speaker_span(_speaker_tokens(head), part)
        # "X's statements about Y only serve to highlight ...": the sentence is about the statements, not what they said.
        about_speech = subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in self.lex.nouns and (
            subj.lemma_.lower() not in _DOC_NOUNS
            or any(c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS for c in subj.children))
        dobj_span: tuple[int, int] | None = None
        content_root = _clausal_complement(verb)
        if content_root is None:
            content_root = _fronted_complement(verb)
        if content_root is not None and lemma in _PERCEPTION and not _that_clause(content_root):
            content_root = None  # "Witnesses saw soldiers fire into the crowd": an event witnessed, not a claim
        if content_root is None and klass == "speech" and subj is not None and subj.i < verb.i:
            # "More rain on the way, forecasters say.": a verbless clause before the comma, left unattached by the parse
            content_root = next((c for c in verb.children if c.dep_ == "dep" and c.i < subj.i and c.pos_ in ("NOUN", "PROPN")
                                 and verb.doc[subj.left_edge.i - 1].text == ","), None)
        if content_root is None and (lemma in _XCOMP_CUES or klass == "denial"):
            content_root = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if content_root is None and klass == "denial":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                inner = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and any(x.lower_ == "that" for x in c.children)), None)
                content_root = inner if inner is not None and obj.lemma_.lower() in self.lex.nouns else obj
        if content_root is None and lemma in _XCOMP_INTENT:
            content_root = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if content_root is not None and lemma in _REFUSALS and content_root.lemma_.lower() in _ANSWER_VERBS:
                return  # "declined to comment" states no content
        if content_root is not None and _negated(verb) and content_root.left_edge.lower_ in _WH_WORDS:
            return  # "did not say whether ...": no content either way
        object_cue = lemma in _DOBJ_CUES and (lemma not in _NON_SPEECH or (
            subj is not None and lemma != "respond" and subj.lemma_.lower() in _DOC_NOUNS))
        if content_root is None and object_cue:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and (len(list(c.subtree)) >= 2 or any(
                x.i > c.i and x.dep_ in ("oprd", "xcomp", "ccomp") for x in verb.children))), None)
            if obj is None:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _DOBJ_CUES[lemma]), None)
                obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")), None) if prep is not None else None
                if obj is not None and prep is not None:
                    cue_end = max(cue_end, _tok_span(prep, part)[1])
            content_root = obj
            if obj is not None and obj.dep_ == "dobj":
                extra = [c for c in verb.children if c.i > obj.i and c.dep_ in ("prep", "oprd", "advcl", "xcomp", "ccomp")]
                if extra:
                    c_toks = [t for c in (obj, *extra) for t in c.subtree]
                    dobj_span = _span_of_tokens(c_toks, part)
        # "the plan, he said, is dead" / "as Ms. Lee noted, the plan is dead": the clause around the cue is its content
        parenthetical = content_root is None and verb.head.pos_ in ("VERB", "AUX") and (verb.dep_ == "parataxis" or (
            verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children) and lemma not in _AS_TEMPORAL
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for c in verb.children)))
        # A quotation next to the cue ("“...,” said X" / "X said: “...”") wins over the parse.
        quote = self._adjacent_quote(part, sent, verb, content_root, used)
        if about_speech and quote is None and (content_root is None or content_root.dep_ != "ccomp"):
            return
        if quote is not None:
            used.add(quote.start)
            kind = StatementKind.DIRECT
            c_start, c_end = quote.inner_start, quote.inner_end
        elif parenthetical:
            # the parse may hang a clause fronted before the speaker on the cue ("Though the move was smooth, he said,
            # the next one would not be"): it is part of what is said, not of the aside
            fronted = [c for c in verb.children if c.dep_ == "advcl" and subj is not None and c.i < subj.i]
            inner = {t.i for t in verb.subtree} - {t.i for c in fronted for t in c.subtree}
            toks = [t for t in verb.head.subtree if t.i not in inner and not t.is_space]
            while toks and toks[0].is_punct:
                toks.pop(0)
            while toks and toks[-1].is_punct and toks[-1].text not in "”\"’" and toks[-1].i > verb.i:
                toks.pop()  # "The bill passed, as the senator had predicted.": not the comma before the aside
            if not toks:
                return
            c_start, c_end = _span_of_tokens(toks, part)
            kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        elif content_root is not None:
            toks = _content_tokens(content_root)
            if content_root.i == verb.head.i:
                toks = [t for t in toks if t.i > verb.right_edge.i]  # a fronted clause misparsed onto its content
            c_start, c_end = dobj_span if dobj_span is not None else _span_of_tokens(toks, part)
            more = _continued_clause(verb, content_root, subj, self.lex.verbs)
            if more is not None:
                # "A, the agency said, and B": the clause joined after the cue goes on with what is said
                tail = list(more.subtree)
                while tail and tail[-1].is_punct and tail[-1].text not in "”\"’":
                    tail.pop()
                c_end = max(c_end, _span_of_tokens(tail, part)[1])
            if c_start > cue_end and content_root.dep_ == "ccomp":
                mark = next((c for c in content_root.children if c.dep_ == "mark" and c.lower_ == "that"), None)
                if mark is not None and mark.i == content_root.left_edge.i:
                    c_start = _tok_span(mark.doc[mark.i + 1], part)[0]
            inner = [q for q in self.quotes if c_start <= q.start < c_end]  # a quotation opened inside the clause
            whole = _quote_at(self.quotes, c_start, c_end)
            if whole is not None and whole.inner_start <= c_start + 1 and c_end <= whole.end and whole.start >= c_start - (whole.inner_start - whole.start):
                kind = StatementKind.DIRECT
                c_start, c_end = whole.inner_start, whole.inner_end
            elif whole is not None and whole.start <= c_start and c_end <= whole.end:
                return  # a cue inside someone else's quotation
            else:
                kind = StatementKind.MIXED if inner else StatementKind.INDIRECT
        else:
            return
        if not (subj is not None or quote is not None):
            if sp == (None, None) and content_root is None:
                return
        c_end = self._close_aside(s_start, cue_start, c_start, c_end)
        if quote is not None:
            origin = "verb-quote"
        elif parenthetical:
            origin = "verb-paren"
        else:
            origin = "verb-" + (content_root.dep_ if content_root is not None else "none")
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], polarity, s_start, s_end, origin=origin,
                        cue_tag=verb.tag_))

    def _close_aside(self, s_start: int, cue_start: int, c_start: int, c_end: int) -> int:
        """A cue inside a dash or bracket aside ("Their argument—suggesting that ...—collapses") ends its content
        at the closing dash or bracket."""
        before = self.text[s_start:cue_start]
        for opener, closer in (("—", "—"), ("–", "–"), (" -- ", " -- "), ("(", ")")):
            opened = before.count(opener) - (before.count(closer) if closer != opener else 0)
            if (opener == closer and opened % 2 == 1) or (opener != closer and opened > 0):
                j = self.text.find(closer, max(c_start, cue_start), c_end)
                if j != -1:
                    return j
        return c_end

    def _adjacent_quote(self, part: Part, sent: Any, verb: Token, content_root: Token | None, used: set[int]) -> QuoteSpan | None:
        """A quotation in or right around the sentence that the cue introduces or closes."""
        v_start, v_end = _tok_span(verb, part)
        s_start, s_end = part.span(sent.start_char, sent.end_char)
        best: QuoteSpan | None = None
        for q in self.quotes:
            if q.start in used or q.end < s_start - 2 or q.start > s_end + 2:
                if q.start > s_end + 2:
                    # "X continued:" followed by the quote in the next paragraph
                    between = self.text[v_end : q.start]
                    if between.strip().startswith(":") and len(between) < 60 and between.count("\n") <= 2 and not between.strip()[1:].strip():
                        return q
                continue
            if q.inner_end - q.inner_start < 8 and (content_root is not None):
                continue
            if q.end <= v_start:
                between = self.text[q.end : v_start]
                if content_root is not None and content_root.i > verb.i and (
                        "\n" in between or (content_root.dep_ == "ccomp" and not between.strip(" ,"))):
                    # "“...”\n\nX says he ...", "“...”\n\nX opposed a similar bill ...": the verb's own clause or object
                    # in the next paragraph is its content, not the quote that closed the paragraph before
                    continue
                if "\n" in between and any(c.i > verb.i and not c.is_punct for c in verb.children):
                    # "“... full stop.”\n\nNowak accused him of opportunism.": a cue that opens a paragraph and goes
                    # on with words of its own is a new statement, not the close of the quote before it
                    continue
                # "“...?” Ms. Lopez asked": a title's period ends no sentence when only the speaker's name stands between
                words = _ABBREVIATION.sub("", between) if "\n" not in between and "," not in between and len(between.split()) <= 5 else between
                if len(between) <= 40 and not any(ch in words for ch in ".!?") or between.strip() in (",", ""):
                    best = q
            elif q.start >= v_end:
                between = self.text[v_end : q.start]
                if re.search(r"[.!?][\s”\"’']*\s", between):
                    continue  # a quote after the sentence's end belongs to its own cue
                if len(between) <= 60 and (":" in between or "," in between or "—" in between or between.strip() == "" or content_root is None
                                           or (content_root is not None and _tok_span(content_root, part)[0] >= q.start - 2)):
                    if best is None:
                        best = q
            if q.start < s_start and q.end > s_start and q.end <= v_start:
                best = q
        if best is not None and content_root is not None:
            r_start, _ = _tok_span(content_root, part)
            cs, ce = _span_of_tokens(_content_tokens(content_root), part)
            if not (best.start - 2 <= cs and ce <= best.end + 1) and not (best.inner_start <= r_start < best.inner_end) and (ce - cs) > 0.5 * (best.end - best.start):
                return None
            if cs < best.start - 2 and best.end <= ce + 2 and cs > v_end:
                # "X said that the governor's plan “was a disaster”": the reported clause holds the quotation, and
                # its subject outside the marks is part of what X said
                return None
        return best

    def _adverb_cue(self, part: Part, adverb: Token, s_start: int, s_end: int) -> None:
        """"Reportedly, he made ...": the clause is hearsay with no named source (a candidate for the scorer)."""
        head = adverb.head
        toks = [t for t in head.subtree if t.i != adverb.i and not (t.is_punct and t.i == adverb.i + 1)]
        while toks and toks[0].is_punct:
            toks.pop(0)
        while toks and toks[-1].is_punct and toks[-1].text not in "”\"’":
            toks.pop()
        if len(toks) < 3:
            return
        c_start, c_end = _span_of_tokens(toks, part)
        cue_start, cue_end = _tok_span(adverb, part)
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        self._add(_Cand(c_start, c_end, kind, adverb.lower_, cue_start, cue_end, None, None, 1, s_start, s_end,
                        origin="adverb", cue_tag=adverb.tag_))

    def _open_possessed_noun(self, part: Part, noun: Token, lemma: str, s_start: int, s_end: int) -> None:
        """A possessed noun with a prepositional object ("his assessment of the magnate", "Graham's endorsement of
        Cruz", "their support for the plan"): the possessor's stance or words about the object, for the scorer."""
        src = _possessor(noun)
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in _STANCE_PREPS
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if src is None or prep is None:
            return
        toks = [t for t in prep.subtree if t is not prep]
        span = self._open_content(toks, part)
        if span is None:
            return
        c_start, c_end = span
        cue_start, cue_end = _span_of_tokens([noun, prep], part)
        sp = _speaker_span(_possessor_tokens(src), part)
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], 1, s_start, s_end,
                        origin="open-poss", cue_tag=noun.tag_))

    def _noun_infinitive(self, part: Part, noun: Token, lemma: str, s_start: int, s_end: int) -> None:
        """A speech noun with an owner and an infinitive ("his promise to rebuild the bridge", "the ministry's call to
        lift the ban", "a demand by the union to reopen talks"): the owner said it, the infinitive is what."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i and c.tag_ == "VB"
                       and any(x.dep_ == "aux" and x.lower_ == "to" and x.i < c.i for x in c.children)), None)
        src = _noun_source(noun)
        if clause is None or src is None or not (
                src.pos_ in ("PROPN", "PRON") or src.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or src.lemma_.lower() in _ROLE_WORDS or src.lemma_.lower() in _GROUP_NOUNS):
            return
        toks = [t for t in clause.subtree if not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in "”\"’":
            toks.pop()
        if len(toks) < 3:
            return
        c_start, c_end = _span_of_tokens(toks, part)
        if _inside_quote(self.quotes, c_start):
            return
        cue_start, cue_end = _tok_span(noun, part)
        s_toks = _possessor_tokens(src) if src.dep_ != "pobj" else _speaker_tokens(src)
        sp = _speaker_span(s_toks, part)
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        polarity = -1 if self.lex.is_denial(lemma) or lemma == "refusal" else 1
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], polarity, s_start, s_end,
                        origin="noun-to", cue_tag=noun.tag_))

    def _noun_cue(self, part: Part, noun: Token, lemma: str, s_start: int, s_end: int, origin: str = "noun") -> None:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)), None)
        if clause is None:
            return
        # "X rejected claims that ..." is handled by the verb; here only the noun's own source.
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.verbs and self.lex.verbs[noun.head.lemma_.lower()] == "denial":
            return
        src: Token | None = _noun_source(noun)
        if src is None and noun.dep_ in ("dobj", "pobj"):
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            src = _find_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            if src is not None and src.lemma_.lower() in self.lex.nouns:
                src = None
        toks = _content_tokens(clause)
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is not None and mark.i == clause.left_edge.i:
            toks = [t for t in toks if t.i != mark.i]
        if not toks:
            return
        c_start, c_end = _span_of_tokens(toks, part)
        cue_start, cue_end = _tok_span(noun, part)
        sp = _speaker_span(_speaker_tokens(src), part) if src is not None else (None, None)
        if src is not None and src.dep_ != "pobj" and src.i < noun.i:
            s_toks = _possessor_tokens(src)
            sp = _speaker_span(s_toks, part) if s_toks else sp
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        polarity = -1 if self.lex.is_denial(lemma) else 1
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], polarity, s_start, s_end, origin=origin,
                        cue_tag=noun.tag_))

    def _according_to(self, part: Part, sent: Any, tok: Token, s_start: int, s_end: int) -> None:
        to = tok.nbor(1)
        src = next((c for c in to.children if c.dep_ == "pobj"), None)
        if src is None:
            src = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if src is None:
            return
        # "according to Jane Doe, a historian at X, the archive ...": the appositive describes the source, it is not
        # what the source says
        described = [t for c in src.children if c.dep_ == "appos" and c.i > src.i and c.doc[c.left_edge.i - 1].text == ","
                     and c.right_edge.i + 1 < len(c.doc) and c.doc[c.right_edge.i + 1].text == ","
                     and not any(x.tag_ in ("VBZ", "VBP", "VBD", "MD") for x in c.subtree) for t in c.subtree]
        self._source_phrase(part, sent, [tok, to, *described], _speaker_tokens(src), s_start, s_end, cue_toks=[tok, to])

    def _per_source(self, part: Part, sent: Any, tok: Token, s_start: int, s_end: int) -> None:
        """"..., per the agency's guidance" / "Per Smith, ...": "per" as "according to" when it follows a comma or
        opens the sentence and its object names who says (a name, a role, a document or something possessed);
        never a rate ("$5 per share", "per capita")."""
        src = next((c for c in tok.children if c.dep_ == "pobj"), None)
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        if src is None or not (prev is None or prev.text in (",", "—", "–", "(")) or any(
                t.like_num for t in tok.doc[max(sent.start, tok.i - 1) : tok.i + 2]):
            return
        if not (src.pos_ == "PROPN" or src.ent_type_ in ("PERSON", "ORG", "NORP") or _possessor(src) is not None
                or src.lemma_.lower() in _ROLE_WORDS | _DOC_NOUNS):
            return
        self._source_phrase(part, sent, [tok], _speaker_tokens(src), s_start, s_end)

    def _in_words_of(self, part: Part, sent: Any, tok: Token, s_start: int, s_end: int) -> None:
        """"In Smith's words, ..." / "in the words of Smith, ...": the owner of the words says the rest."""
        words = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ == "words"), None)
        if words is None:
            return
        owner = _possessor(words)
        if owner is not None:
            s_toks = _possessor_tokens(owner)
        else:
            of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            src = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if src is None:
                return
            s_toks = _speaker_tokens(src)
        cue = [t for t in tok.doc[tok.i : words.i + 1] if t.i not in {x.i for x in s_toks}]
        self._source_phrase(part, sent, [*cue, *(t for t in s_toks if t.i > words.i)], s_toks, s_start, s_end,
                            cue_toks=[tok, words], lemma="say")

    def _source_phrase(self, part: Part, sent: Any, phrase_toks: list[Token], s_toks: list[Token], s_start: int,
                       s_end: int, *, cue_toks: list[Token] | None = None, lemma: str = "according to") -> None:
        """A prepositional source phrase ("according to X", "per X", "in X's words"): X is the source, the rest of
        the sentence what X says (the text before the phrase when it interrupts the sentence)."""
        phrase = [*phrase_toks, *s_toks]
        p_start = min(t.i for t in phrase)
        p_end = max(t.i for t in phrase)
        rest = [t for t in sent if not (p_start <= t.i <= p_end) and not t.is_space]
        while rest and rest[0].is_punct:
            rest.pop(0)
        while rest and rest[-1].is_punct and rest[-1].text not in "”\"’":
            rest.pop()
        if not rest or not s_toks:
            return
        c_start, c_end = _span_of_tokens(rest, part)
        if p_start > rest[0].i and p_end < rest[-1].i:
            # "X, according to Y, did Z": content is the text before the phrase (simple and safe)
            c_end = _tok_span(sent[p_start - sent.start - 1] if p_start - 1 >= sent.start else phrase[0], part)[0]
        sp = _speaker_span(s_toks, part)
        cue_start, cue_end = _span_of_tokens(cue_toks or phrase_toks, part)
        kind = StatementKind.MIXED if any(c_start <= q.start and q.end <= c_end + 1 for q in self.quotes) else StatementKind.INDIRECT
        self._add(_Cand(c_start, c_end, kind, lemma, cue_start, cue_end, sp[0], sp[1], 1, s_start, s_end, origin="according"))

    def _next_quoted_sentence(self, q: QuoteSpan, last: _Cand, gap: str) -> bool:
        """Whether a short quotation is the next quoted sentence of a speaker just quoted in the same paragraph
        ("“Here he is,” she said. “He's here.”"): a whole sentence in quotation marks right after the cue's sentence,
        not a word or two quoted in passing."""
        inner = self.text[q.inner_start : q.inner_end].strip()
        return (last.kind is StatementKind.DIRECT and "\n" not in gap and len(gap) <= 40 and gap.rstrip().endswith((".", "!", "?"))
                and inner[:1].isupper() and inner.rstrip("”\"’'").endswith((".", "!", "?")))

    def _interview_question(self, q: QuoteSpan) -> bool:
        """Whether a quotation is a question put to someone that stands as its own paragraph ("\n“Do you plan to
        run again?”\n"): in an interview's layout it is the interviewer's, never the answer's speaker continuing."""
        before = self.text[: q.start].rstrip(" \t")
        after = self.text[q.end :].lstrip(" \t")
        standalone = (not before or before.endswith("\n")) and (not after or after.startswith("\n"))
        return standalone and _addressed_question(self.text[q.inner_start : q.inner_end])

    # -- quotes without a cue ----------------------------------------------------
    def _orphan_quotes(self) -> None:
        """A quotation with no cue of its own continues the latest statement before it nearby."""
        kept = [c for c in self.cands if self.keeps is None or self.keeps(c, self.cands)]
        covered = [(c.content_start, c.content_end) for c in kept]
        ordered = sorted(kept, key=lambda c: c.content_start)
        for q in self.quotes:
            if any(s < q.inner_end and q.inner_start < e for s, e in covered):
                continue
            words = self.text[q.inner_start : q.inner_end].split()
            if self._interview_question(q):
                continue
            # the speaker goes on only after words of theirs: not after a stance or an owner's noun the rules read
            # into the narration ("going on to contrast Clinton's proposals with ...": not Clinton's), nor after
            # what they did not say ("He didn't suggest retaliation.")
            prev = [c for c in ordered if c.content_end <= q.start and c.speaker_start is not None
                    and c.origin not in _NO_CONTINUATION and not (c.polarity < 0 and not self.lex.is_denial(c.cue or ""))]
            if not prev:
                continue
            last = prev[-1]
            gap = self.text[max(last.content_end, last.cue_end or 0, last.speaker_end or 0) : q.start]
            if gap.count("\n") > 3 or len(gap) > 250:
                continue
            if len(words) < _MIN_ORPHAN_QUOTE_WORDS and not self._next_quoted_sentence(q, last, gap):
                continue
            self._add(_Cand(q.inner_start, q.inner_end, StatementKind.DIRECT, last.cue, last.cue_start, last.cue_end,
                            last.speaker_start, last.speaker_end, last.polarity, q.start, q.end, origin="orphan",
                            speaker_name_end=last.speaker_name_end))


# Candidates a quotation without a cue does not continue: stances and owners' nouns, not words.
_NO_CONTINUATION = {"open-poss", "open-prep", "open-adj", "open-passive", "adverb", "noun-to"}
# Words that open an unnamed source: "a ministry official", "two senior officials", "sources close to ...".
_UNNAMED_OPENERS = {"a", "an", "one", "two", "three", "four", "several", "some", "many", "other", "another", "senior",
                    "unnamed", "anonymous", "top", "local", "western", "u.s.", "us", "government", "administration",
                    "military", "security", "intelligence", "police", "campaign", "party", "ministry", "white"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_ORG_ROLE_WORDS = {"ministry", "government", "campaign", "group", "organization", "organisation", "agency", "military",
                   "army", "police", "authorities", "committee", "department", "office", "administration", "party",
                   "company", "firm", "court", "council", "commission", "movement", "network", "alliance", "coalition"}


_HEAD_PREPS = {"to", "of", "for", "at", "with", "in", "from", "close", "familiar", "who", "on"}


def _introduced_as(text: str, m_start: int, m_end: int, stem: str, limit: int) -> bool:
    """Whether the words right around a mention, inside its sentence, carry the role ("spokesman Karl Berg",
    "Karl Berg, the ministry's spokesman")."""
    before = text[max(0, m_start - 40) : m_start]
    before = re.split(r"[.!?]\s", before)[-1]
    after = text[m_end : min(m_end + 60, limit)]
    after = re.split(r"[.!?](?:\s|$)", after)[0]
    return stem in before.lower() or stem in after.lower()


# particles that make "call" an act: "called off the strike", "called up reservists", "called back", "called in troops"
_ACT_PARTICLES = {"call": frozenset({"off", "up", "back", "in", "out"})}


def _an_act_not_words(verb: Token, lemma: str) -> bool:
    """Whether a cue verb here tells an act, not words: "call" with an act particle ("called off the deal", "called up
    reservists"). ("Agreed to meet" stays: an annotated commitment in attribution corpora.)"""
    return any(c.dep_ == "prt" and c.lower_ in _ACT_PARTICLES.get(lemma, ()) for c in verb.children)


def _speaker_cluster(text: str, index: MentionIndex, start: int, end: int, content: tuple[int, int] | None = None,
                     quoted: tuple[tuple[int, int], ...] = (), subjects: tuple[tuple[int, int], ...] = (),
                     described_end: int | None = None, prior: int | None = None,
                     prior_content: tuple[int, int] | None = None) -> int | None:
    """The mention cluster a speaker phrase names, with agreement (see :mod:`storyline.nlp.antecedents`).

    A pronoun resolves to the nearest earlier cluster of its type, number and gender. An unnamed source
    ("a ministry official", "sources", "an aide to X") keeps no person's cluster: only an organisation named
    inside the phrase, or a role phrase the entities stage tied to a cluster. "The ministry" resolves to the
    nearest earlier organisation whose name holds the word; "the spokesman" only through the entities stage's
    role links, never to whichever person was named last; "his aides" is not "him". A pronoun never means a
    person named in ``content`` ("I know X, and he won't win," he said: not X; the caller passes the content only
    where it is quoted or comes before the speaker: a reporter's paraphrase after "he said that" may well name him
    again; an organisation may speak of itself), and a name
    inside one of the ``quoted`` spans only where no agreeing one lies outside quotation marks; in an earlier
    sentence, its grammatical subject (``subjects``: head words) wins over a nearer object or possessor. An institution
    that only says where the speaker works ("a historian at Columbia University") is never the speaker: the person
    the phrase or its appositive names (up to ``described_end``: "..., Jane Doe,") is, else no one named."""
    words = [w.strip(".,'’") for w in text[start:end].lower().split()]
    if not words:
        return None
    if len(words) == 1 and words[0] in PRONOUN_TYPES:
        avoid = frozenset(m.cluster for m in index.overlapping(*content) if m.is_name and m.type is EntityType.PERSON
                          and content[0] <= m.start and m.end <= content[1]) if content is not None else frozenset()
        found = index.resolve_pronoun(words[0], start, avoid=avoid, quoted=quoted, subjects=subjects, prior=prior,
                                     prior_content=prior_content)
        return found.cluster if found is not None else None
    # the head of "an aide to X" is "aide": the last word before the first preposition
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _HEAD_PREPS), len(words))
    head = words[cut - 1]
    found_all = index.overlapping(start, end)
    role_phrase = head in _ROLE_WORDS or head.rstrip("s") in _ROLE_WORDS
    possessive = words[0] in ("his", "her", "its", "their", "our", "my", "your")
    if role_phrase and (words[0] not in _DEFINITE or possessive):
        # unnamed source: an organisation inside the phrase, or a role mention tied to a cluster
        org = [m for m in found_all if m.type is EntityType.ORGANIZATION and m.is_name]
        role = [m for m in found_all if not m.is_name and m.start <= start + 1 and m.end >= end - 1]
        if role:
            return role[0].cluster
        if words[0] in _UNNAMED_OPENERS or len(words) == 1 or possessive or not any(
                m.is_name and m.type is EntityType.PERSON for m in found_all):
            return org[-1].cluster if org and not possessive else None
    if role_phrase and words[0] in _DEFINITE:
        # "the Taliban spokesman, Mr. X": the role, tied by the entities stage to the person it introduces, names the
        # speaker; the organisation inside it only says whose spokesman he is
        for m in found_all:
            if not m.is_name and m.end >= end - 1 and any(
                    n.cluster == m.cluster and n.is_name and n.type is EntityType.PERSON for n in index.mentions):
                return m.cluster
    mention = index.cluster_at(start, end)
    headed = [m for m in found_all if m.is_name and m.type is EntityType.PERSON
              and m.text.lower().split()[-1].strip(".,'’") == head]
    if headed and mention is not None and mention.type is not EntityType.PERSON:
        mention = headed[-1]  # "Health ministry spokesman Idriss Mahamat": the name at the head, not the ministry
    if mention is not None and mention.type is not EntityType.PERSON and _affiliation(text, start, mention):
        # "a historian at Columbia University, Jane Doe" speaks for herself; "a historian at X" alone stays unnamed
        person = [m for m in index.overlapping(start, max(end, described_end or end))
                  if m.is_name and m.type is EntityType.PERSON and not _affiliation(text, start, m)]
        if not person:
            return None
        mention = person[0]
    if mention is not None and (_modifies_head(text, start, end, cut, mention) or _around_person(text, start, cut, mention)):
        return None
    if mention is not None and mention.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.OTHER):
        return mention.cluster
    if role_phrase and head not in _ORG_ROLE_WORDS and words[0] in _DEFINITE and len(words) <= 5:
        # "the spokesperson": the nearest earlier person introduced with that role ("spokesperson Dariush Kemal",
        # "Kemal, the ministry's spokesperson")
        stem = head.rstrip("s") if head not in _ROLE_WORDS else head
        if "same" in words:  # "the same spokesperson": the person spoken of last
            found = index.nearest_before(start, (EntityType.PERSON,))
            return found.cluster if found is not None and found.is_name else None
        pos = start
        while True:
            found = index.nearest_before(pos, (EntityType.PERSON,))
            if found is None:
                return None
            if found.is_name and any(_introduced_as(text, m.start, m.end, stem, start)
                                     for m in index.mentions if m.cluster == found.cluster and m.end <= start):
                return found.cluster
            pos = found.start
    if head in _ORG_ROLE_WORDS and words[0] in _DEFINITE and len(words) <= 4:
        pos = start
        while True:
            found = index.nearest_before(pos, (EntityType.ORGANIZATION,))
            if found is None:
                return None
            if head in found.text.lower() or head in found.canonical.lower():
                return found.cluster
            pos = found.start
    return None


# Who speaks for the person named after them ("a spokesman for X", "X's lawyer"); anyone else around a person ("aides
# to X", "people close to X", "a friend of X", "allies of X") speaks for themselves and stays unnamed.
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "lawyer", "attorney",
               "counsel", "publicist"}
_GAP_WORDS = _HEAD_PREPS | {"the", "a", "an", "his", "her", "their"}


def _around_person(text: str, start: int, cut: int, mention: Any) -> bool:
    """Whether the phrase is a common noun followed by a preposition and a person's name ("aides to Hillary Clinton",
    "people close to X", "a longtime friend of X"): the speakers are the people around the person, not the person."""
    if mention.type is not EntityType.PERSON or not 0 < cut:
        return False
    words = list(re.finditer(r"\S+", text[start : mention.start]))
    if len(words) <= cut - 1:
        return False
    head = words[cut - 1].group().strip(".,'’")
    head = head.lower() if cut == 1 and head[1:].islower() else head  # "Aides to X said", opening the sentence
    if not head.isalpha() or not head.islower() or head in PRONOUN_TYPES or head in _SPEAKS_FOR \
            or head.rstrip("s") in _SPEAKS_FOR:
        return False
    gap = [w.group().strip(".,'’").lower() for w in words[cut:]]
    return bool(gap) and all(w in _GAP_WORDS for w in gap)


_AFFILIATION = re.compile(r"\b(?P<noun>[a-z][a-z-]+)\s+(?P<prep>at|of|from|with|in)\s+(?:the\s+)?$")
# "the city of Phoenix", "the government of Iraq": the place itself, named through what it is
_PLACE_OF = {"city", "state", "town", "county", "village", "province", "region", "republic", "kingdom", "government",
             "island", "district", "territory", "capital", "country", "nation", "commonwealth", "emirate"}


def _affiliation(text: str, start: int, mention: Any) -> bool:
    """Whether a name in a speaker phrase only says where a common noun works or belongs ("a historian at Columbia
    University", "professor of law at Yale", "researchers from the institute"): the speaker is the person the phrase
    names, or no one named, never the institution; a spokesman or lawyer for an organisation speaks for it."""
    m = _AFFILIATION.search(text, start, mention.start)
    if m is None or m.start() < start:
        return False
    noun = m.group("noun")
    if m.group("prep") == "of" and noun in _PLACE_OF:
        return False
    return noun not in PRONOUN_TYPES and noun not in _SPEAKS_FOR and noun.rstrip("s") not in _SPEAKS_FOR \
        and noun not in _ROLE_WORDS and noun.rstrip("s") not in _ROLE_WORDS


def _modifies_head(text: str, start: int, end: int, cut: int, mention: Any) -> bool:
    """Whether a name inside a speaker phrase only modifies the common noun that heads it, so that the speaker is
    someone else: "a Forest Hill police sergeant", "Kabul police", "Clinton aides", "Trump's campaign manager" (not
    the place, nor the person); an organisation names an unnamed speaker only through a role it employs ("a
    Taliban spokesman", "ministry officials"), and an owner speaks through a document ("Al-Mirsaad's report")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if not 0 < cut <= len(words):
        return False
    head = words[cut - 1]
    word = head.group().strip(".,'’")
    if not word.isalpha() or not word.islower() or word in PRONOUN_TYPES or mention.end > start + head.start():
        return False
    if mention.type is EntityType.PLACE:
        return True
    if word in _DOC_NOUNS or word.rstrip("s") in _DOC_NOUNS:
        return False  # "Al-Mirsaad's report suggests ...", "Trump's tweet said ...": the owner's own words
    if mention.type is EntityType.PERSON:
        return True
    return mention.type is EntityType.ORGANIZATION and word not in _ROLE_WORDS and word.rstrip("s") not in _ROLE_WORDS


_PRONOUN_WORDS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"}
_TYPE_KIND = {EntityType.PERSON: "person", EntityType.ORGANIZATION: "organization", EntityType.PLACE: "place"}


def _speaker_kind(text: str, index: MentionIndex, c: _Cand) -> str:
    end = c.speaker_name_end if c.speaker_name_end is not None else c.speaker_end
    if c.speaker_start is None or end is None:
        return "none"
    words = text[c.speaker_start : end].lower().split()
    if len(words) == 1 and words[0] in _PRONOUN_WORDS:
        return "pronoun"
    mention = index.cluster_at(c.speaker_start, end)
    if mention is not None and mention.is_name and mention.type in _TYPE_KIND:
        return _TYPE_KIND[mention.type]
    last = words[-1].strip(".,'’") if words else ""
    if last in _ROLE_WORDS:
        return "role"
    if last in _DOC_NOUNS:
        return "document"
    return "other"


def _nested(c: _Cand, cands: list[_Cand]) -> bool:
    """Whether the candidate's cue (and speaker) sit inside another candidate's reported (not quoted) content."""
    return c.cue_start is not None and any(
        o is not c and o.kind is not StatementKind.DIRECT and o.content_start <= c.cue_start < o.content_end
        and (c.speaker_start is None or o.content_start <= c.speaker_start) for o in cands)


_CONTEST = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b|\b(?:victory|victories|win|wins|defeat|title|championship|"
                      r"touchdowns?|goals?|points|overtime|playoffs?|standings)\b", re.IGNORECASE)


def _contest_result(text: str, index: MentionIndex, c: _Cand) -> bool:
    """Whether an open candidate has a place as its subject and a sports result as its object ("Indianapolis claimed a
    24-20 victory", "Denver beat Houston 27-24"): a city stands for its team there, and a result is no statement. A
    place speaks only as its government does ("Washington said ...", with a cue of the lexicon)."""
    if not c.origin.startswith("open-") or c.speaker_start is None:
        return False
    end = c.speaker_name_end if c.speaker_name_end is not None else c.speaker_end
    mention = index.cluster_at(c.speaker_start, end) if end is not None else None
    return mention is not None and mention.is_name and mention.type is EntityType.PLACE \
        and _CONTEST.search(text, c.content_start, c.content_end) is not None


def _reported_inside(c: _Cand, cands: list[_Cand]) -> bool:
    """Whether a candidate is nested in another's reported content with a cue that is no word of speech ("He said
    Obama hopes that ...", "they said he rated contestants by ...", "Merrill says Clinton called Machado"): what the
    reporter says someone hopes, plans or did is the reporter's statement, and only a speech cue inside ("Trump said
    Clinton had claimed ...") makes the nested subject a speaker of their own. A candidate whose content runs past the
    reporter's (a quotation after a colon) says more than the report holds, and stays."""
    return c.cue_start is not None and lexicon().verbs.get(c.cue or "") not in ("speech", "denial") and any(
        o is not c and o.kind is not StatementKind.DIRECT and o.content_start <= c.cue_start < o.content_end
        and (c.speaker_start is None or o.content_start <= c.speaker_start) and c.content_end <= o.content_end + 2
        for o in cands)


def _view(text: str, index: MentionIndex, c: _Cand, nested: bool = False) -> CandidateView:
    lex = lexicon()
    content = text[c.content_start : c.content_end]
    words = content.split()
    prev = _WORD_BEFORE.search(text, max(0, (c.cue_start or 0) - 40), c.cue_start or 0) if c.cue_start is not None else None
    return CandidateView(
        origin=c.origin, cue=c.cue, cue_class=lex.verbs.get(c.cue or "") or lex.nouns.get(c.cue or ""),
        kind=c.kind.value, polarity=c.polarity, content_words=len(words), speaker=_speaker_kind(text, index, c),
        speaker_words=len(text[c.speaker_start : c.speaker_name_end or c.speaker_end].split()) if c.speaker_start is not None and c.speaker_end is not None else 0,
        content_before_cue=c.cue_start is not None and c.content_start < c.cue_start,
        speaker_after_cue=c.speaker_start is not None and c.cue_start is not None and c.speaker_start > c.cue_start,
        content_quoted=c.kind is not StatementKind.INDIRECT,
        content_first=words[0].lower().strip("\"“”‘’'.,;:") if words else "",
        cue_prev=prev.group(1).lower() if prev else "", cue_tag=c.cue_tag, nested=nested,
        cue_dep=c.cue_dep, cue_head=c.cue_head, cue_quoted=c.cue_quoted,
    )


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


_RELATIVE_GAP = re.compile(r"[\s,—–-]*\b(?P<rel>who|which|that)\b(?P<rest>[^.!?;:\"“”()\n]{0,60})$", re.IGNORECASE)


def _relative_pronoun(text: str, c: _Cand) -> tuple[int, int] | None:
    """The relative pronoun between a speaker and a cue in its relative clause ("Mr. Kamin, who emphasized that
    ..." -> "who"), where the rules took the antecedent as the speaker; None otherwise."""
    if c.speaker_start is None or c.speaker_end is None or c.cue_start is None or c.cue_start < c.speaker_end:
        return None
    m = _RELATIVE_GAP.match(text, c.speaker_end, c.cue_start)
    if m is None or len(m.group("rest").split()) > 4:
        return None
    return m.span("rel")


_AUTHORED = re.compile(r",\s+(?:\w+\s+)?(?:written|authored|penned|signed|drafted)\s+by\s+", re.IGNORECASE)


def _author(text: str, index: MentionIndex, start: int, end: int) -> int | None:
    """The person a speaker phrase names as the author of the document that speaks ("The court's opinion, written by
    Justice Elena Kagan, said ..."): the author's words, never the institution's the document belongs to."""
    m = _AUTHORED.search(text, start, end)
    if m is None:
        return None
    found = next((x for x in index.overlapping(m.end(), end) if x.is_name and x.type is EntityType.PERSON
                  and x.start <= m.end() + 25), None)
    return found.cluster if found is not None else None


def _to_statement(parsed: ParsedDocument, index: MentionIndex, c: _Cand, quotes: list[QuoteSpan],
                  subjects: tuple[tuple[int, int], ...], prior: Statement | None = None) -> Statement:
    """The statement of a candidate; ``prior`` is the statement before it, whose speaker is a pronoun's antecedent
    when nothing in the sentences between is as salient, or when the nearer name is one it spoke of."""
    text = parsed.document.text
    bounds = [c.content_start, c.content_end]
    bounds += [x for x in (c.speaker_start, c.speaker_end, c.cue_start, c.cue_end) if x is not None]
    start, end = min(bounds), max(bounds)
    speaker_start, speaker_end = c.speaker_start, c.speaker_end
    speaker_text = text[c.speaker_start : c.speaker_end] if c.speaker_start is not None and c.speaker_end is not None else None
    name_end = c.speaker_name_end if c.speaker_name_end is not None else c.speaker_end
    quoted = tuple((q.inner_start, q.inner_end) for q in quotes)
    own_words = c.kind is StatementKind.DIRECT or (c.speaker_start is not None and c.content_end <= c.speaker_start)
    content = (c.content_start, c.content_end) if own_words else None
    limit = c.cue_start if c.cue_start is not None and c.speaker_end is not None and c.cue_start > c.speaker_end else c.speaker_end
    author = _author(text, index, c.speaker_start, limit) if c.speaker_start is not None and limit is not None else None
    cluster = author if author is not None else _speaker_cluster(text, index, c.speaker_start, name_end, content, quoted, subjects, c.speaker_end,
                               prior.speaker_cluster if prior is not None else None,
                               (prior.content_start, prior.content_end)
                               if prior is not None and lexicon().verbs.get(prior.cue or "") in ("speech", "denial") else None) \
        if speaker_text is not None and c.speaker_start is not None and name_end is not None else None
    relative = _relative_pronoun(text, c) if cluster is not None else None
    if relative is not None:
        # the source is drawn as a pronoun is ("who", as PolNeAR marks it); the antecedent's cluster names the speaker
        speaker_start, speaker_end = relative
        speaker_text = text[speaker_start:speaker_end]
        start = min(start, speaker_start)
    spans = StatementSpans(c.content_start, c.content_end, c.cue_start, c.sentence_start, c.sentence_end)
    said_on, precision, basis = statement_date(text, parsed.parts, spans, parsed.document.published)
    return Statement(
        document_id=parsed.document.id, start=start, end=end,
        content=text[c.content_start : c.content_end], content_start=c.content_start, content_end=c.content_end,
        kind=c.kind, speaker_text=speaker_text, speaker_start=speaker_start, speaker_end=speaker_end,
        speaker_cluster=cluster, cue=c.cue, cue_start=c.cue_start, cue_end=c.cue_end, polarity=c.polarity,
        said_on=said_on, said_on_precision=precision, said_on_basis=basis,
    )


def statement_candidates(parsed: ParsedDocument) -> list[tuple[Statement, tuple[str, ...]]]:
    """Every candidate the rules and the open verbs propose, with its scorer features, before scoring,
    nesting and de-duplication (what ``scripts/train_attribution.py`` learns from)."""
    index = MentionIndex(parsed.mentions, parsed.document.text)
    finder = _Finder(parsed, open_verbs=True)
    cands = finder.run()
    text = parsed.document.text
    subjects = subject_heads(parsed.parts)
    return [(_to_statement(parsed, index, c, finder.quotes, subjects), candidate_features(_view(text, index, c, _nested(c, cands)))) for c in cands]


_SHIPPED = object()
# Origins the rules alone decide: a quotation continuing a kept statement (it continues only kept ones).
_RULE_KEPT = {"orphan"}


def attribution_mode() -> str:
    """Which attribution finder the statements stage uses: ``rules`` or ``rules+scorer-<version>``."""
    return _attribution_mode()


def statements_in_document(parsed: ParsedDocument, model: AttributionModel | None | object = _SHIPPED) -> list[Statement]:
    """Every attributed statement in the document, one per content span.

    ``model`` is the learned scorer (default: the shipped one, or none when its weights are absent); ``None``
    runs the rules alone."""
    scorer = load_model() if model is _SHIPPED else cast("AttributionModel | None", model)
    text = parsed.document.text
    index = MentionIndex(parsed.mentions, text)
    keeps = None
    if scorer is not None:
        def keeps(c: _Cand, cands: list[_Cand]) -> bool:
            return scorer.keeps(candidate_features(_view(text, index, c, _nested(c, cands)))) and not _reported_inside(c, cands)
    finder = _Finder(parsed, open_verbs=scorer is not None, keeps=keeps)
    cands = finder.run()
    if scorer is not None:
        # the scorer weighs nesting too (PolNeAR annotates "X said Y claimed Z" as two attributions)
        cands = [c for c in cands if c.origin in _RULE_KEPT or scorer.keeps(candidate_features(_view(text, index, c, _nested(c, cands))))]
        cands = [c for c in cands if not _reported_inside(c, cands)]
    # A label line whose words report someone else ("AP: The ministry said ...") is that speaker's statement:
    # the outlet or dateline is the speaker only of what it asserts itself.
    cands = [c for c in cands if c.origin != "colon" or not any(
        o is not c and o.cue_start is not None and o.speaker_start is not None
        and c.content_start <= o.cue_start < c.content_end and c.content_start <= o.speaker_start for o in cands)]
    cands = [c for c in cands if not _contest_result(text, index, c)]
    if scorer is None:
        # An attribution inside the content of another is reported by the outer one ("X said he expects ...").
        cands = [c for c in cands if not _nested(c, cands)]
    best: dict[tuple[int, int], _Cand] = {}
    for c in cands:
        key = (c.content_start, c.content_end)
        old = best.get(key)
        if old is None or (old.speaker_start is None and c.speaker_start is not None):
            best[key] = c
    subjects = subject_heads(parsed.parts)
    # in reading order of who speaks, so each pronoun knows the speaker before it
    out: list[Statement] = []
    prior: Statement | None = None
    for c in sorted(best.values(), key=_speaker_order):
        statement = _to_statement(parsed, index, c, finder.quotes, subjects, prior)
        out.append(statement)
        if statement.speaker_cluster is not None and c.origin != "orphan":
            prior = statement
    return sorted(out, key=lambda s: (s.content_start, s.content_end))


def _speaker_order(c: _Cand) -> int:
    """Where a candidate's speaker is read: at the speaker, else the cue, else the content."""
    return min(x for x in (c.speaker_start, c.cue_start, c.content_start) if x is not None)


def _stage_version() -> str:
    model = load_model()
    return "20-" + lexicon().version + ("" if model is None else "-" + model.version)


@register("statements", version=_stage_version(), requires=("parse", "mentions"), produces=("statements",))
def find_statements(parsed: ParsedDocument) -> None:
    """Append every attributed statement of the document to ``parsed.statements``."""
    parsed.statements.extend(statements_in_document(parsed))

