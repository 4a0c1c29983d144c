"""Which mention cluster a span or a pronoun points at (small, rule-based, within one document).

Until the entities stage offers its own helper, statements and facts use these:
:func:`cluster_at` finds the cluster of a mention overlapping a span, and
:func:`resolve_pronoun` takes the nearest earlier compatible cluster within a window.
Compatible means agreement in:

* person vs organisation: "he/she" -> a person, "it" -> an organisation;
* number: "they" -> an organisation or a plural role phrase ("officials"), never one named person;
* gender, when the index was given the document text: a person cluster is male or female by an
  honorific before one of its mentions ("Mr.", "Mrs.", "Ms."), a gendered role word in one of its
  mentions ("spokeswoman", "chairman"), else the given name of a full name ("Donald Trump", "Hillary
  Clinton": the gazetteer's ``given_names.json``, names of one gender only), else the pronouns that
  follow its mentions most closely in the text (a majority of at least two to one); "she" skips a male cluster and "he" a female one,
  a cluster of unknown gender stays compatible with both, but a cluster of the pronoun's gender within the window
  wins over a nearer one of unknown gender.

Salience breaks ties between agreeing antecedents: in an earlier sentence, its grammatical subject (or a name
introduced with an appositive, or the owner of the subject) wins over a nearer object; failing that, the speaker of
the statement before the pronoun (``prior``) wins over a name in passing, and over a name inside what that speaker
said ("Smith said Jones was wrong. He added ...": Smith).

A caller may name clusters the pronoun cannot mean (``avoid``: a speaker pronoun never means a person its own
quote names as a third party, "I know X, ... he is not ..." is not X's) and spans whose mentions are only a
last resort (``quoted``: a name inside quotation marks is what someone said, rarely the one who goes on speaking).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import EntityType, Mention
from ..text.names import given_name_genders

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Part

__all__ = ["MentionIndex", "PRONOUN_TYPES", "subject_heads"]

PRONOUN_TYPES: dict[str, tuple[EntityType, ...]] = {
    "he": (EntityType.PERSON,), "she": (EntityType.PERSON,), "him": (EntityType.PERSON,), "her": (EntityType.PERSON,),
    "his": (EntityType.PERSON,),
    "it": (EntityType.ORGANIZATION,), "its": (EntityType.ORGANIZATION,),
    "they": (EntityType.ORGANIZATION, EntityType.PERSON), "them": (EntityType.ORGANIZATION, EntityType.PERSON),
    "their": (EntityType.ORGANIZATION, EntityType.PERSON),
}
WINDOW_CHARS = 1500
MALE, FEMALE = "m", "f"
PRONOUN_GENDER: dict[str, str] = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_HONORIFIC = re.compile(r"\b(?:(?P<m>Mr|Mister|Sir|Lord)|(?P<f>Mrs|Ms|Miss|Madam|Dame|Lady))\.?\s+$")
_GENDERED_WORD = re.compile(
    r"\b(?:(?P<f>\w*woman|\w*women|mother|wife|daughter|sister|widow|queen|princess|actress|girl|grandmother|aunt|niece)"
    r"|(?P<m>\w*(?<!wo)man|\w*(?<!wo)men|father|husband|son|brother|widower|king|prince|actor|boy|grandfather|uncle|nephew))\b",
    re.IGNORECASE)
_GENDER_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_PRONOUN_VOTE_CHARS = 250
_SENTENCE_END = re.compile(r"\s[\"”’']?[.!?]")  # searched in reversed text: a sentence end before a position
_PLURAL_ROLE = re.compile(r"\b\w+s\b$")
# a name that owns what the sentence is about ("The president's roots came into play"), or is introduced with an
# appositive ("..., which concerns Henry Crespo, president of the caucus."): as salient as a subject
_INTRODUCED = re.compile(r",\s+(?:(?:a|an|the)\s|[a-z]+(?:\s+[a-z]+)?\s+(?:of|at|for)\s)")
_POSSESSOR = re.compile(r"['’]s?\s+(?:\S+\s+){0,3}$")


def cluster_genders(text: str, mentions: Sequence[Mention]) -> dict[int, str]:
    """Male or female for the person clusters the text marks as such (see the module notes)."""
    persons = sorted((m for m in mentions if m.type is EntityType.PERSON), key=lambda m: (m.start, m.end))
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    fixed: dict[int, Counter[str]] = defaultdict(Counter)
    given_votes: dict[int, Counter[str]] = defaultdict(Counter)  # weaker than an honorific or a role word
    for m in persons:
        honorific = _HONORIFIC.search(text[max(0, m.start - 12) : m.start])
        if honorific is None and m.text.split():
            honorific = _HONORIFIC.search(m.text.split()[0] + " ")  # "Mr. Haddad" as one mention
        if honorific:
            fixed[m.cluster][MALE if honorific.group("m") else FEMALE] += 1
        words = m.text.split()
        if m.is_name and len(words) >= 2 and not honorific:
            given = given_name_genders().get(words[0].strip(".,'’").lower())
            if given:
                given_votes[m.cluster][given] += 1
        if not m.is_name:
            w = _GENDERED_WORD.search(m.text)
            if w and not w.group(0).lower().endswith(("human", "humans")):
                fixed[m.cluster][FEMALE if w.group("f") else MALE] += 1
    named = [m for m in persons if m.is_name]
    for p in _GENDER_PRONOUN.finditer(text):
        # a vote only where the context is unambiguous: one named person in the pronoun's sentence before it,
        # else (none there) in the sentence before
        here = _SENTENCE_END.search(text[max(0, p.start() - _PRONOUN_VOTE_CHARS) : p.start()][::-1])
        s_start = p.start() - here.start() if here else max(0, p.start() - _PRONOUN_VOTE_CHARS)
        clusters = {m.cluster for m in named if s_start <= m.start and m.end <= p.start()}
        if not clusters:
            before = _SENTENCE_END.search(text[max(0, s_start - 2 - _PRONOUN_VOTE_CHARS) : max(0, s_start - 2)][::-1])
            p_start = s_start - 2 - before.start() if before else max(0, s_start - _PRONOUN_VOTE_CHARS)
            clusters = {m.cluster for m in named if p_start <= m.start and m.end <= s_start}
        if len(clusters) == 1:
            votes[clusters.pop()][PRONOUN_GENDER[p.group(0).lower()]] += 1
    out: dict[int, str] = {}
    for cluster in set(votes) | set(fixed) | set(given_votes):
        for source in (fixed[cluster], given_votes[cluster], votes[cluster]):
            male, female = source[MALE], source[FEMALE]
            if male >= 2 * female and male > 0:
                out[cluster] = MALE
                break
            if female >= 2 * male and female > 0:
                out[cluster] = FEMALE
                break
    return out


@dataclass
class MentionIndex:
    """Mentions sorted by start, for overlap and look-back queries."""

    mentions: Sequence[Mention]
    text: str = ""  # the document text: with it, pronouns agree in gender too
    genders: dict[int, str] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        if self.text:
            self.genders = cluster_genders(self.text, self.mentions)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, end)
        out = [m for m in self.mentions[max(0, i - 50) : i] if m.start < end and start < m.end]
        return out

    def cluster_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) that is a name if possible, else a role phrase; the longest wins."""
        found = self.overlapping(start, end)
        if not found:
            return None
        return max(found, key=lambda m: (m.is_name, m.type in (EntityType.PERSON, EntityType.ORGANIZATION), m.end - m.start))

    def nearest_before(self, pos: int, types: tuple[EntityType, ...], window: int = WINDOW_CHARS) -> Mention | None:
        """The closest mention of one of ``types`` ending at or before ``pos``, within ``window`` characters."""
        return next((m for m in self._before(pos, window) if m.type in types), None)

    def _before(self, pos: int, window: int) -> Iterator[Mention]:
        """Mentions ending at or before ``pos``, nearest first, until one ends more than ``window`` before it."""
        i = bisect.bisect_left(self._starts, pos)
        for m in reversed(self.mentions[:i]):
            if m.end > pos:
                continue
            if pos - m.end > window:
                return
            yield m

    def resolve_pronoun(self, word: str, pos: int, window: int = WINDOW_CHARS, *, avoid: frozenset[int] = frozenset(),
                        quoted: Sequence[tuple[int, int]] = (), subjects: Sequence[tuple[int, int]] = (),
                        prior: int | None = None, prior_content: tuple[int, int] | None = None) -> Mention | None:
        """The nearest earlier mention that agrees with the pronoun in type, number and gender, of no cluster in
        ``avoid``; a mention inside one of the ``quoted`` spans only where no agreeing one lies outside them. Given
        the grammatical ``subjects`` (character spans), a found mention that is no subject, in a sentence before the
        pronoun's, gives way to an agreeing subject of that sentence ("Reyes answered Hale's charge. He said ..."),
        else to the ``prior`` cluster (the speaker of the statement before, when it agrees): the one who was speaking
        stays more salient than a name in a phrase between ("“...,” Smith said. The bill, proposed by Jones, would
        cut taxes. He added ...": Smith), and to a name inside what that speaker said (``prior_content``: "Smith
        said Jones was wrong. He added ...": Smith)."""
        word = word.lower()
        if word not in PRONOUN_TYPES:
            return None
        if any(start <= pos < end for start, end in quoted):
            prior = prior_content = None  # a pronoun inside a quotation belongs to the quoted speaker's words
        gender = PRONOUN_GENDER.get(word)
        fallback: Mention | None = None
        in_quote: Mention | None = None
        for m in self._before(pos, window):
            if not self._agrees(word, m, avoid):
                continue
            if _within(m, quoted):
                in_quote = in_quote or m
                continue
            if gender is not None and m.cluster not in self.genders:
                # a cluster of unknown gender ("Portia", "Magnum") is only compatible: a person the text marks with
                # the pronoun's gender within the window is the likelier antecedent
                fallback = fallback or m
                continue
            found = self._subject_of_sentence(word, m, pos, avoid, quoted, subjects, prior)
            if prior is not None and prior_content is not None and found.cluster != prior and pos >= prior_content[1] \
                    and prior_content[0] <= found.start and found.end <= prior_content[1]:
                return self._prior_speaker(word, found, pos, avoid, prior) or found
            return found
        return fallback or in_quote

    def _prior_speaker(self, word: str, m: Mention, pos: int, avoid: frozenset[int], prior: int) -> Mention | None:
        """The nearest mention of the ``prior`` speaker's cluster, where it agrees with the pronoun at least as well
        as ``m`` does (a cluster of the pronoun's gender, or one of unknown gender against another unknown)."""
        speaker = next((o for o in self._before(pos, WINDOW_CHARS) if o.cluster == prior), None)
        gender = PRONOUN_GENDER.get(word)
        if speaker is not None and self._agrees(word, speaker, avoid) and (
                gender is None or prior in self.genders or m.cluster not in self.genders):
            return speaker
        return None

    def _agrees(self, word: str, m: Mention, avoid: frozenset[int]) -> bool:
        """Type, number and gender agreement (a cluster of unknown gender agrees with both), outside ``avoid``."""
        gender = PRONOUN_GENDER.get(word)
        if m.type not in PRONOUN_TYPES[word] or m.cluster in avoid:
            return False
        if word in _PLURAL_PRONOUNS and m.type is EntityType.PERSON and (m.is_name or not _PLURAL_ROLE.search(m.text)):
            return False  # "they" is not one person
        return gender is None or self.genders.get(m.cluster, gender) == gender

    def _subject_of_sentence(self, word: str, m: Mention, pos: int, avoid: frozenset[int],
                             quoted: Sequence[tuple[int, int]], subjects: Sequence[tuple[int, int]],
                             prior: int | None = None) -> Mention:
        if not subjects or not self.text or _holds_subject(m, subjects):
            return m
        if _sentence_start(self.text, pos) < m.end:
            return m  # the pronoun's own sentence: its clauses are no clue
        s_start = _sentence_start(self.text, m.start)
        gender = PRONOUN_GENDER.get(word)
        for o in self._before(m.start, m.start - s_start):
            if (o.start >= s_start and _holds_subject(o, subjects) and self._agrees(word, o, avoid) and not _within(o, quoted)
                    and (gender is None or o.cluster in self.genders or m.cluster not in self.genders)):
                return o
        if prior is not None and prior != m.cluster and not self._salient(m, subjects):
            return self._prior_speaker(word, m, pos, avoid, prior) or m
        return m

    def _salient(self, m: Mention, subjects: Sequence[tuple[int, int]]) -> bool:
        """Whether a mention that is no subject is as salient as one: introduced with an appositive ("..., which
        concerns Henry Crespo, president of the caucus."), itself the appositive of its cluster's name, or the owner
        of the sentence's subject ("The president's roots came into play.")."""
        if _INTRODUCED.match(self.text, m.end):
            return True
        if self.text[max(0, m.start - 2) : m.start] == ", " and any(
                o.cluster == m.cluster and m.start - 3 <= o.end <= m.start for o in self._before(m.start, 3)):
            return True
        i = bisect.bisect_left(subjects, (m.end, -1))
        return i < len(subjects) and subjects[i][0] - m.end <= 40 and _POSSESSOR.match(self.text[m.end : subjects[i][0]]) is not None


def subject_heads(parts: Sequence[Part]) -> tuple[tuple[int, int], ...]:
    """The character spans of the head words of every grammatical subject in the parsed parts, sorted (the
    ``subjects`` of :meth:`MentionIndex.resolve_pronoun`)."""
    return tuple(sorted(part.span(t.idx, t.idx + len(t.text)) for part in parts for t in part.doc
                        if t.dep_ in ("nsubj", "nsubjpass")))


def _within(m: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= m.start and m.end <= end for start, end in spans)


def _holds_subject(m: Mention, subjects: Sequence[tuple[int, int]]) -> bool:
    """Whether the mention holds (or is held by) a subject's head word (``subjects`` sorted by start)."""
    i = bisect.bisect_left(subjects, (m.start, -1))
    return any(start <= m.start and m.end <= end or m.start <= start and end <= m.end
               for start, end in subjects[max(0, i - 1) : i + 1])


_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Col|Lt|Sgt|St|Jr|Sr|Prof|Rev|[A-Z])|\.[A-Z])$")


def _sentence_start(text: str, pos: int, limit: int = 600) -> int:
    """Where the sentence holding ``pos`` starts (a guess by punctuation, at most ``limit`` characters back; the
    period of "Mr." or "U.S." ends no sentence)."""
    lo = max(0, pos - limit)
    for found in _SENTENCE_END.finditer(text[lo:pos][::-1]):
        end = pos - found.end()  # where the end mark is
        if not _ABBREVIATION.search(text[max(0, end - 6) : end]):
            return pos - found.start()
    return lo
