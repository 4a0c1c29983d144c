"""Opposite polarity: a flip or denial of the same proposition, and antonymous predicates."""

from __future__ import annotations

import re

from ...model import EntityType
from .claims import GROUP_CONCEPTS, PARTY_BEFORE, TRANSITIVE_CONCEPTS, Claim, ConceptHit
from .hits import Hit
from ...text.lexicon import Lexicon, default_lexicon
from ...text.words import content_words, ended_at

__all__ = ["about", "detect_concept", "detect_polarity", "negated_proposition", "shares_subject"]

# concepts whose two sides rarely both hold of one subject at one time
_STRONG = {"existence": 0.75, "effort": 0.7, "responsibility": 0.75, "talks": 0.65}
_WEAK = 0.55
_CONCEPT_WORDS = {
    "existence": ("defeated or gone", "still active"),
    "effort": ("acting against it", "failing to act against it"),
    "responsibility": ("responsible", "not responsible"),
    "trend": ("rising", "falling"),
    "agreement": ("accepting", "rejecting"),
    "talks": ("in talks", "talks off"),
    "custody": ("released", "held"),
}


def about(c: Claim) -> frozenset[str]:
    """What a claim is about: the entities in its content, and a named speaker talking of itself."""
    return c.subjects if c.narrative else c.subjects | {c.speaker}


def shares_subject(a: Claim, b: Claim) -> frozenset[str]:
    if a.speaker == b.speaker:
        shared = a.subjects & b.subjects
        if shared or a.subjects or b.subjects:
            return shared
        return frozenset({a.speaker})  # both speak only of themselves
    return about(a) & about(b)


def _name(c: Claim, eid: str) -> str:
    if eid == c.speaker:
        return c.speaker_name
    return next((r.name for r in c.entities if r.id == eid), eid.split(":", 1)[-1])


def _about_hit(c: Claim, h: ConceptHit) -> frozenset[str]:
    """What one predicate is about: the entities it is anchored to, else what its claim is about.

    A transitive predicate ("fighting", "failed to curb") with no anchored target is about
    nothing we can compare, unless a contrasted neighbour lent the claim its subjects.
    """
    if h.targets:
        base = h.targets
    elif c.inherited:
        base = c.inherited
    elif h.concept in TRANSITIVE_CONCEPTS:
        return frozenset()
    elif h.concept in PARTY_BEFORE and not _speaker_is_subject(c, h.start):
        return frozenset()  # "the 43rd president was responsible": a party that is neither named nor the speaker
    else:
        return _groups_only(c, h, about(c))
    return _groups_only(c, h, base if c.narrative or h.concept in TRANSITIVE_CONCEPTS else base | {c.speaker})


_PRONOUN_SUBJECT = re.compile(r"(?:^|\b)(?:I|we|he|she|they|it)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def _speaker_is_subject(c: Claim, at: int) -> bool:
    """Whether a pronoun just before ``at`` can be the speaker: "we had no role" of a group, "he had no role" of a
    person; an organisation is no "he" or "she"."""
    m = _PRONOUN_SUBJECT.search(c.statement.content[:at])
    if m is None:
        return False
    pronoun = m.group(0).split()[0].lower()
    return not (pronoun in ("he", "she") and c.speaker_type not in ("", "person"))


def _groups_only(c: Claim, h: ConceptHit, over: frozenset[str]) -> frozenset[str]:
    """A group predicate ("eliminated", "carries out attacks") is about the organisations among ``over`` only."""
    if h.concept not in GROUP_CONCEPTS:
        return over
    groups = {r.id for r in c.entities if r.type not in (EntityType.PERSON, EntityType.PLACE)}
    return frozenset(over & groups)


def answered_question(c: Claim) -> tuple[str, str, str, str] | None:
    """The question a claim takes a side on, for a reply that only says "reports indicate otherwise".

    (detector, subject, the claim's side, the other side) of its one unambiguous antonymous
    predicate with a subject, or ``None``: the reply then stands as a finding of its own.
    """
    sides = {(h.concept, h.side) for h in c.concepts}
    if len(sides) != 1:
        return None
    h = c.concepts[0]
    over = _about_hit(c, h)
    if not over:
        return None
    words = _CONCEPT_WORDS.get(h.concept, ("one thing", "the opposite"))
    side, other = (words[0], words[1]) if h.side == "a" else (words[1], words[0])
    return f"concept:{h.concept}", sorted(over)[0], side, other


def detect_concept(a: Claim, b: Claim) -> Hit | None:
    """One side of an antonymous predicate against the other ('eliminated' vs 'carries out attacks')."""
    if not a.concepts or not b.concepts:
        return None
    shared = shares_subject(a, b)
    if not shared:
        return None
    sides_a: dict[str, set[str]] = {}
    sides_b: dict[str, set[str]] = {}
    for h in a.concepts:
        sides_a.setdefault(h.concept, set()).add(h.side)
    for h in b.concepts:
        sides_b.setdefault(h.concept, set()).add(h.side)
    anchored: dict[str, frozenset[str]] = {}
    for concept in sides_a.keys() & sides_b.keys():
        over_a = frozenset().union(*(_about_hit(a, h) for h in a.concepts if h.concept == concept))
        over_b = frozenset().union(*(_about_hit(b, h) for h in b.concepts if h.concept == concept))
        anchored[concept] = over_a & over_b
    best: Hit | None = None
    for concept in sorted(sides_a.keys() & sides_b.keys()):
        sa, sb = sides_a[concept], sides_b[concept]
        if len(sa) != 1 or len(sb) != 1 or sa == sb:
            continue  # a claim that takes both sides is too mixed to use
        if not anchored[concept]:
            continue  # the two predicates are about different things
        ha = next(h for h in a.concepts if h.concept == concept)
        hb = next(h for h in b.concepts if h.concept == concept)
        score = _STRONG.get(concept, _WEAK)
        words = _CONCEPT_WORDS.get(concept, ("one thing", "the opposite"))
        subject = sorted(anchored[concept])[0]
        subj = _name(a, subject) if subject != b.speaker else b.speaker_name
        reason = f"conflicting claims about {subj}: {words[0] if ha.side == 'a' else words[1]} vs {words[0] if hb.side == 'a' else words[1]}"
        labels = (words[0] if ha.side == "a" else words[1], words[0] if hb.side == "a" else words[1])
        hit = Hit(score, reason, f"concept:{concept}", (ha.start, ha.end), (hb.start, hb.end), subject, labels)
        if best is None or hit.score > best.score:
            best = hit
    return best


_AUX = frozenset("""be is are was were been being have has had do does did will would shall should can could may might
must ever yet even also really immediately actually currently always again quite so too very""".split())
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
CLAUSE_COVER = 0.75  # share of the negated clause's content words the asserting claim must repeat


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: from the clause boundary before it to the one after it."""
    lo = 0
    for before in _CLAUSE_BOUNDARY.finditer(text, 0, pos):
        lo = before.end()
    after = _CLAUSE_BOUNDARY.search(text, pos)
    return lo, (after.start() if after else len(text))


_CLAUSE_BOUNDARY = re.compile(r"[,;:!?—–()\"“”]|\.(?=\s)|\b(?:but|yet|while|however|whereas|although|though)\b", re.IGNORECASE)


# A negated perfect or "not yet" tells how things stand so far: a later report that it happened updates it.
_STATUS_SO_FAR = re.compile(r"\b(?:has|have|had)(?:n[’']t|\s+not)\b|\bnot\s+yet\b|\byet\s+to\b", re.IGNORECASE)


def negated_proposition(c: Claim, lex: Lexicon) -> tuple[str, str, frozenset[str], tuple[int, int]] | None:
    """What a negated claim denies: the negated predicate (stemmed, and as written), its clause's content words and span.

    A denial cue ("denied that ...") with no negation in the content denies the whole content.
    """
    text = c.statement.content
    if not c.negations:
        if c.cue_denial and _is_clause(text):
            words = c.words
            first = next((w for w in _WORD.findall(text) if content_words(w.lower(), lex) and not w[:1].isupper()), "")
            first = first.lower()
            return (next(iter(content_words(first, lex)), ""), first, words, (0, len(text))) if words and first else None
        return None  # "rejects the debt deal": a denied thing, not a denied proposition
    s, e = c.negations[0]
    if _NOT_ALL.match(text, s):
        return None  # "not everyone is on the Trump train": some are not, which is no denial of anything
    if _STATUS_SO_FAR.search(text[max(0, s - 12) : e + 12]):
        return None  # "results have not been released", "has not yet decided": a state so far, which later news ends
    if _CONTRAST.search(text[max(0, s - 4) : s]) and text[s:e].lower() == "not":
        return None  # "It is A, not B": a correction that sets one thing against another, no denied proposition
    lo, hi = _clause(text, s)
    pred = surface = ""
    at = e
    for m in _WORD.finditer(text, e, hi):
        w = m.group(0).lower()
        if w in _AUX or w in ("not", "no", "never", "n't"):
            continue
        cw = content_words(w, lex)
        if cw:
            pred, surface, at = next(iter(cw)), w, m.start()
            break
    if pred and ended_at(text, at, c.negations, window=40):
        return None  # "he is no longer pursuing Teixeira": a state that ended, which an earlier report of it does not contradict
    words = content_words(text[lo:hi], lex)
    return (pred, surface, words, (lo, hi)) if pred else None


_CONTRAST = re.compile(r"[,;]\s*[‘’'\"“”]*\s*$")  # "A, not B" / "A,'' not ''B": contrastive
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could)\b|\b[a-z]{3,}(?:ed|es)\b")
_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "it"})


def _is_clause(text: str) -> bool:
    """Whether a denied content is a proposition (has a finite verb), not a noun phrase ("the debt deal")."""
    return len(text.split()) >= 4 and _FINITE.search(text) is not None


def _subject_keys(c: Claim, end: int, lex: Lexicon) -> frozenset[str]:
    """Who or what the clause is about: entities and content words before ``end`` in the content; a leading
    personal pronoun stands for the speaker."""
    text = c.statement.content
    lo, _ = _clause(text, max(0, end - 1))
    head = text[lo:end]
    keys = {r.id for r in c.entities if lo <= r.start and r.end <= end}
    words = [w.lower() for w in _WORD.findall(head)]
    if words and words[0] in _PRONOUNS and not c.narrative:
        keys.add(c.speaker)
        if words[0] == "we":
            keys.add(_WE)  # the speaker's own group: a minister's "we" is the government or country he speaks for
    keys |= {w for w in content_words(head, lex) if w not in _SUBJECT_NOISE}
    return frozenset(keys)


_SUBJECT_NOISE = frozenset({"said", "say", "says", "told", "added", "also", "still", "now", "just", "then"})


def _same_subject(neg: Claim, neg_at: int, pos: Claim, pred: str, lex: Lexicon) -> bool:
    """Whether the negated clause and the asserting claim say their predicate of the same subject.

    "he would not vote for either" (the speaker) and "54 percent of personnel would vote for Trump" negate
    and assert one verb of two subjects: no flip. When neither names a subject before its predicate, the
    claims' shared entities stand for it.
    """
    text = pos.statement.content
    at = next((m.start() for m in _WORD.finditer(text) if content_words(m.group(0).lower(), lex) == {pred}), None)
    if at is None:
        return False
    mine, theirs = _subject_keys(neg, neg_at, lex), _subject_keys(pos, at, lex)
    if not mine or not theirs:
        return True
    if neg.speaker == pos.speaker and (_group_of_speaker(mine, neg, pos, at) or _group_of_speaker(theirs, pos, neg, neg_at)):
        return True  # "We will not send troops" and "Poland would send troops": one collective, said by its member
    return bool(mine & theirs)


_WE = "\x00we"


def _group_of_speaker(keys: frozenset[str], mine: Claim, other: Claim, other_at: int) -> bool:
    """Whether ``keys`` (one side's subject) is the speaker's "we" and the other side, said by the same speaker, has
    an organisation or place as its subject that the "we" side does not name: reported speech turns a minister's
    "we" into the country ("We will not send troops" / "Poland would send troops"). A group the "we" side names
    itself is another group ("we will not, but Germany will")."""
    if _WE not in keys:
        return False
    lo, _ = _clause(other.statement.content, max(0, other_at - 1))
    named = {r.id for r in mine.entities}
    return any(r.type in (EntityType.ORGANIZATION, EntityType.PLACE) and lo <= r.start and r.end <= other_at
               and r.id not in named for r in other.entities)


# Words that leave what follows undecided: "negotiations over his return", "plans to sign", "speculation that he
# would run", "expected to resign". A predicate under one of them is not asserted, so it flips with nothing.
_UNDECIDED = re.compile(
    r"\b(?:negotiat\w*|talks?|discuss\w*|consider\w*|plans?|planned|planning|hopes?|hoped|hoping|wants?|wanted|seek\w*|sought|"
    r"try|tries|tried|trying|attempt\w*|bids?|offer\w*|push\w*|urg\w*|speculat\w*|rumou?r\w*|expect\w*|likely|poised|"
    r"possib\w*|chances?|whether|intend\w*|aim\w*|propos\w*|demand\w*|call(?:s|ed|ing)?\s+(?:for|on)|would\s+like|wish\w*|"
    r"cause\s+for)\b",
    re.IGNORECASE)
UNDECIDED_WORDS = 6  # how far before a predicate such a word governs it (same clause)


def undecided_at(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is governed by an undecided word a few words before it, in its clause."""
    lo, _ = _clause(text, pos)
    before = _WORD.findall(text[lo:pos])[-UNDECIDED_WORDS:]
    return any(_UNDECIDED.fullmatch(w) or _UNDECIDED.match(" ".join(before[k:k + 2])) for k, w in enumerate(before))


def _in_a_name(text: str, at: int) -> bool:
    """Whether a word is capitalised inside a sentence: part of a name or slogan ("a cap reading Make America Great
    Again"), not a verb the sentence asserts."""
    if not text[at : at + 1].isupper():
        return False
    following = re.findall(r"[\w’'-]+", text[at : at + 80])[1:3]
    if len(following) == 2 and all(w[:1].isupper() for w in following):
        return True  # "“Make America Great Again”": a run of capitalised words is a title, quoted or not
    before = text[:at].rstrip()
    return bool(before) and before[-1] not in ".!?:\"“‘'(" and not before.endswith("--")


def _asserted(c: Claim, pred: str, lex: Lexicon) -> bool:
    """Whether the claim says its predicate plainly somewhere: not only under an undecided word, nor only as a word of
    a name or slogan."""
    text = c.statement.content
    spots = [m.start() for m in _WORD.finditer(text) if content_words(m.group(0).lower(), lex) == {pred}]
    return any(not undecided_at(text, at) and not _in_a_name(text, at) for at in spots) if spots else True


# "not everyone is on board", "not all of them agree": a negated universal says only that some do not, which an
# exhortation to all, or a report that many do, does not contradict
_NOT_ALL = re.compile(r"\b(?:not|n[’']t)\s+(?:quite\s+)?(?:every(?:one|body|thing)?|all|always|entirely|completely|"
                      r"necessarily)\b", re.IGNORECASE)


def detect_polarity(a: Claim, b: Claim, lex: Lexicon | None = None) -> Hit | None:
    """One claim asserts what the other negates or denies: the negated clause, predicate included, said plainly by the other.

    Only the clause the negation governs is compared ("..., but prosecutors have not approved that facility"
    is about the approval, not about the rest of the sentence); both claims must assert (no question,
    hedge or conditional), and the asserting one must carry no negation of its own.
    """
    if a.negated == b.negated or not (a.asserts and b.asserts):
        return None
    shared = shares_subject(a, b)
    if not shared:
        return None
    if (a.subjects - b.subjects) and (b.subjects - a.subjects):
        return None  # "did not attack X" vs "attacked Y": different propositions
    neg, pos = (a, b) if a.negated else (b, a)
    if pos.negations:
        return None  # both carry a negation somewhere: too mixed to read as a flip
    prop = negated_proposition(neg, lex or default_lexicon())
    if prop is None:
        return None
    pred, surface, clause_words, span = prop
    if len(clause_words) < 3 or pred not in pos.words:
        return None
    cover = len(clause_words & pos.words) / len(clause_words)
    if cover < CLAUSE_COVER:
        return None
    lexicon = lex or default_lexicon()
    if neg.negations and not _same_subject(neg, neg.negations[0][0], pos, pred, lexicon):
        return None
    if not _asserted(pos, pred, lexicon):
        return None  # "locked in negotiations over his return" does not say he returns
    score = min(0.9, 0.55 + 0.35 * cover)
    order = ("earlier", "later") if a.date is not None and b.date is not None and a.date != b.date else ("first", "second")
    which_neg, which_pos = order if neg is a else order[::-1]  # one day: the order the explanation tells them in
    kind = "denies" if neg.denial else "negates"
    reason = f"the {which_neg} statement {kind} what the {which_pos} one asserts"
    full_a, full_b = (0, len(a.statement.content)), (0, len(b.statement.content))
    span_a, span_b = (span, full_b) if neg is a else (full_a, span)
    labels = (f"not {surface}", surface) if neg is a else (surface, f"not {surface}")
    return Hit(score, reason, "polarity", span_a, span_b, sorted(shared)[0], labels, question=pred)
