"""Subject themes: what an actor's remarks on one person or thing say it about ("Hillary Clinton's judgment").

A person named as the subject is not a question: an actor's remarks on a rival range over her votes, her speeches and
her judgment. Among one actor's remarks on one subject, a *theme* is a noun (:func:`~.question_terms.noun_terms`: a
noun after a determiner, possessive or preposition, or used bare where the actor uses it so elsewhere) that at least
:data:`MIN_REMARKS` distinct remarks use, said in at least :data:`MIN_DOCUMENTS` documents (on more than one occasion).
One quote in two documents (a wire story reposted) is one remark. A noun that only names the subject itself is no theme: one the actor uses as a title before names ("President
Obama", "front-runner Hillary Clinton"), one standing before a name as its apposition ("his rival, Hillary Clinton"), one predicated of it ("is the nominee", "as a candidate"), or
one of the subject's own name's words ("war" in "Iraq war"). Themes are taken greedily, the most used first, each
remark going to the first theme it uses; a noun that keeps coming up with a theme's noun (in two remarks or more, at
least :data:`~.question_terms.JOIN_SHARE` of the rarer one's, as question terms join) brings its remarks to that theme,
one level only ("her judgment on the war" and "the war"); the label is the actor's phrase for the noun, owned by the subject where
a remark gives it as the subject's ("Hillary Clinton's judgment": its name's possessive or a third-person
possessive not of the actor's own gender and not of the other gender than the subject's, "her judgment" said by a man
of a woman) and beside it otherwise ("the Keystone pipeline and Hillary Clinton").

A property the remarks predicate of the subject is a theme as well (:func:`_attributes_added`: "Clinton is not
qualified", "cast Clinton as unqualified", and the noun of the same stem, "the qualifications"), labelled "whether
Hillary Clinton is qualified". One controversy reported over several articles is one theme (:func:`_documents_joined`):
themes said in the same articles join, and a remark on the subject sharing no theme joins the one theme of its article
where that article's remarks on the subject are mostly on it, or the one theme whose remarks share three of its content
words (:func:`_words_joined`: "a federal judge was biased because he's Hispanic").
"""


from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from ..text.names import name_gender
from .question_terms import JOIN_SHARE, _modifier_uses, _phrase, singular, term_groups, term_label

__all__ = ["ATTRIBUTE", "MIN_DOCUMENTS", "MIN_REMARKS", "Theme", "owned_by_pronoun", "says_attribute", "subject_themes", "titles"]

MIN_REMARKS = 2  # distinct remarks (not one quote reposted) on one subject sharing a noun before it is a theme of them
MIN_DOCUMENTS = 2  # ... said in at least this many documents: one article quoting a remark twice is one occasion

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_PREDICATE = frozenset("is was be been being are were as become becomes became remain remains remained".split())
_ARTICLE = frozenset("a an the".split())
_OWNER_PRONOUN = frozenset("his her its their".split())
_GENDERED = {"m": "his", "f": "her"}


@dataclass(frozen=True)
class Theme:
    """One theme of an actor's remarks on a subject: its noun (singular) and its label."""

    term: str
    label: str


def _describes_subject(tokens: list[str], i: int) -> bool:
    """Whether the noun at ``tokens[i]`` names the subject rather than something said of it: a title or apposition
    before a name ("front-runner Hillary Clinton", "the retired neurosurgeon Ben Carson"), or a predicate nominal
    ("is the nominee", "as a candidate", "was an outstanding president")."""
    after = tokens[i + 1: i + 3]
    if after and (after[0][:1].isupper() and after[0].isalpha() or after[0] == "," and len(after) > 1 and after[1][:1].isupper()):
        return True  # "rival Hillary Clinton", "his rival, Hillary Clinton"
    j = i - 1
    while j >= 0 and tokens[j][:1].islower() and tokens[j].lower() not in _ARTICLE and tokens[j].lower() not in _PREDICATE \
            and i - j <= 3:
        j -= 1  # over the noun's modifiers: "an extremely intelligent woman"
    if j >= 0 and tokens[j].lower() in _ARTICLE:
        j -= 1
    return j >= 0 and tokens[j].lower() in _PREDICATE


_SENTENCE_END = frozenset('. ! ? : ; " “ ” ( —'.split())


def titles(texts: Iterable[str]) -> frozenset[str]:
    """Nouns (singular, lower case) an actor uses as titles before names: capitalised inside a sentence ("President
    Obama", "Judge Gonzalo Curiel") or lower-case between a capitalised modifier and a full name ("Democratic
    front-runner Hillary Clinton"). Such a noun names a person, so it is no theme of remarks on one (a first name
    read as a title, "Hillary", is no lower-case noun and names no theme either)."""
    out: set[str] = set()
    for text in texts:
        tokens = _TOKEN.findall(text)
        for i in range(1, len(tokens) - 1):
            tok, after = tokens[i], tokens[i + 1]
            if not (tok.replace("-", "").isalpha() and after[:1].isupper() and after.isalpha()):
                continue
            before = tokens[i - 1]
            if tok[:1].isupper() and tok[1:].islower() and before not in _SENTENCE_END and not before[:1].isupper():
                out.add(singular(tok.lower()).replace("-", ""))
            elif (tok[:1].islower() and before[:1].isupper() and before.isalpha() and i + 2 < len(tokens)
                  and tokens[i + 2][:1].isupper() and tokens[i + 2].isalpha()):
                out.add(singular(tok).replace("-", ""))
    return frozenset(out)


def _name_words(name: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z]+", name.casefold())}


def _used_of_subject(text: str, term: str) -> bool:
    """Whether ``text`` uses the noun ``term`` (singular) as something other than a name of the subject."""
    tokens = _TOKEN.findall(text)
    used = False
    for i, tok in enumerate(tokens):
        if singular(tok.lower()).replace("-", "") == term:
            if not _describes_subject(tokens, i):
                return True
            used = True
    return not used  # a noun the tokenising did not find as written (a hyphen, a plural) counts as used


def _owned(text: str, written: str, term: str, pronouns: frozenset[str]) -> bool:
    """Whether ``text`` gives the noun as the subject's: its name's possessive ("Clinton's judgment") or a
    third-person possessive ("her judgment"), before the noun or up to two lower-case words before it ("Clinton's
    private emails"), or the name after "of" ("the speeches of Clinton"); ``pronouns`` are the possessive pronouns that
    may stand for the subject (not one of the actor's own gender: "his rival" said by a man may be the actor's)."""
    owners = {w.casefold() for w in written.split() if w[:1].isupper()}
    tokens = _TOKEN.findall(text)
    for i, tok in enumerate(tokens):
        if singular(tok.lower()).replace("-", "") != term:
            continue
        after = [t.casefold() for t in tokens[i + 1: i + 4] if t.lower() != "the"]
        if after[:1] == ["of"] and len(after) > 1 and re.sub(r"['’]s?$", "", after[1]) in owners:
            return True  # "the paid speeches of Suda"
        for j in range(i - 1, max(-1, i - 4), -1):
            low = tokens[j].lower()
            stem = re.sub(r"['’]s?$", "", low)
            if low in pronouns or stem != low and stem in owners:
                return True
            if not tokens[j][:1].islower():
                break  # only modifiers stand between an owner and its noun
    return False


def subject_themes(texts: Mapping[str, str], documents: Mapping[str, str], subject_name: str,
                   subject_written: str = "", actor_name: str = "", named_by: Collection[str] = frozenset()) -> dict[str, Theme]:
    """Statement id → its theme, for an actor's remarks on one subject (``texts``: id → content, ``documents``: id →
    document id, ``subject_written``: the names the subject goes by, ``named_by``: nouns the actor uses as titles,
    :func:`titles`); remarks sharing no theme are left out. A noun the remarks mostly use before another noun
    ("business interests", "the business mogul") modifies it and is no theme."""
    pronouns = _pronouns(actor_name, subject_name)  # "his personal email account" said of a woman's emails is another's
    subject_gender = name_gender(subject_name)

    _groups, found = term_groups(texts)
    own = _name_words(subject_name) | set(named_by)
    modifier = _modifier_uses(texts.values())
    uses: dict[str, set[str]] = {}
    for sid, terms in found.items():
        for t in terms:
            if t not in own and _used_of_subject(texts[sid], t):
                uses.setdefault(t, set()).add(sid)
    uses = {t: sids for t, sids in uses.items() if modifier[t] < len(sids)}
    nouns = own | {t for terms in found.values() for t in terms}
    _attributes_added(uses, texts, f"{subject_name} {subject_written}",
                      subject_gender if subject_gender != name_gender(actor_name) else None, nouns)
    said = {sid: " ".join(re.findall(r"\w+", text.casefold())) for sid, text in texts.items()}  # a quote reposted is one remark
    left = set(texts)
    out: dict[str, Theme] = {}
    while True:
        ranked = sorted(((t, sids & left) for t, sids in uses.items()),
                        key=lambda p: (-len(p[1]), -len({documents[s] for s in p[1]}), p[0]))
        best = next(((t, sids) for t, sids in ranked
                     if len({said[s] for s in sids}) >= MIN_REMARKS and len({documents[s] for s in sids}) >= MIN_DOCUMENTS), None)
        if best is None:
            return _documents_joined(out, documents, said, texts, own)
        term, sids = best
        for other, used in uses.items():  # a noun that keeps coming up with this one names the same theme: one level only
            together = len({said[x] for x in used & uses[term]})
            if other != term and together >= 2 and together >= JOIN_SHARE * min(len({said[x] for x in used}), len({said[x] for x in uses[term]})):
                sids = sids | (used & left)
        if term.startswith(ATTRIBUTE):
            theme = Theme(term, f"whether {subject_name} is {term.removeprefix(ATTRIBUTE)}")
        else:
            phrase = _phrase(term, (found[s] for s in sids), [texts[s] for s in sids])
            owned = any(_owned(texts[s], subject_written or subject_name, term, pronouns) for s in sids)
            theme = Theme(term, term_label(phrase, subject_name, owned))
        for s in sids:
            out[s] = theme
        left -= sids


ATTRIBUTE = "is:"  # key prefix of a theme that is a property predicated of the subject ("is:qualified")
_COPULA = frozenset("is was are were be been being 's ’s isn't wasn't seems seemed looks looked remains remained".split())
_BEFORE_COPULA = frozenset("would will could should must may might can not never to".split())
_DEGREE = frozenset("not n't never very so too really totally clearly simply just also still even more less most least "
                    "quite truly fully entirely absolutely".split())
_NEGATIVE_PREFIX = ("un", "in", "im", "ir", "il", "dis", "non-", "non")
_STEM = 6  # an attribute and a noun sharing their first letters this far are one theme ("qualified", "qualifications")


def _attribute_at(tokens: list[str], i: int, stop: frozenset[str], nouns: Collection[str]) -> str | None:
    """The property a remark predicates of the subject referred to at ``tokens[i]``: the word after a copula and degree
    words ("Clinton is not qualified", "Hillary's overwhelmingly qualified", "she would be unfit"), or after "as" where
    it is no noun the remarks use ("cast Clinton as unqualified", not "Clinton's judgment"); the word ends a phrase (not
    "is a", not "is running", not "is good friends")."""
    j = i + 1
    copula = tokens[i].lower().endswith(("'s", "’s")) and not tokens[i][:1].islower()
    if not copula:
        while j < len(tokens) and tokens[j].lower() in _BEFORE_COPULA:
            j += 1
        if j < len(tokens) and tokens[j].lower() in _COPULA:
            copula, j = True, j + 1
        elif j < len(tokens) and tokens[j].lower() == "as":
            j += 1
        else:
            return None
    possessive = copula and j == i + 1  # "Clinton's": a copula only before a degree word ("Hillary's overwhelmingly qualified")
    while j < len(tokens) and (tokens[j].lower() in _DEGREE or tokens[j].lower().endswith("ly") or tokens[j] in "\"“”‘’'"):
        j += 1
    if j >= len(tokens) or possessive and j == i + 1:
        return None

    word = tokens[j].lower()
    after = tokens[j + 1] if j + 1 < len(tokens) else ""
    if (not word.replace("-", "").isalpha() or len(word) < 4 or word in stop or word.endswith("ing")
            or after[:1].islower() and after.lower() not in ("and", "or", "to", "for", "on", "about", "in", "with", "of")):
        return None
    if _key(word) in nouns:
        return None  # "as president", "Clinton's judgment": a noun the remarks use, a role or a possession
    return word


def _key(word: str) -> str:
    return singular(word.lower()).replace("-", "")


def _attributes_added(uses: dict[str, set[str]], texts: Mapping[str, str], names: str, gender: str | None,
                      nouns: Collection[str]) -> None:
    """Properties the remarks predicate of the subject (:func:`_attribute_at`: "Clinton is unqualified", "she is not
    qualified") become themes keyed ``is:<word>``, a negated word taken as the word it negates where the remarks use
    that too ("unqualified" as "qualified"); a noun theme sharing the word's stem ("qualifications") joins it. The
    subject is referred to by its names, or by "he"/"she" of its gender where that is not the actor's own (a pronoun of
    the actor's gender may be the actor: "he is not ready to endorse Trump")."""

    from .question_terms import _function_words

    refer = {w.casefold() for w in names.split() if w[:1].isupper()} | ({"she"} if gender == "f" else {"he"} if gender == "m" else set())
    stop = _function_words()
    found: dict[str, set[str]] = {}
    for sid, text in texts.items():
        tokens = _TOKEN.findall(text)
        for i, tok in enumerate(tokens):
            low = tok.casefold()
            if low in refer or re.sub(r"['’]s$", "", low) in refer and low != re.sub(r"['’]s$", "", low):
                word = _attribute_at(tokens, i, stop, nouns)
                if word is not None:
                    found.setdefault(word, set()).add(sid)
    for word in sorted(found):
        base = next((word[len(p):] for p in _NEGATIVE_PREFIX if word.startswith(p) and word[len(p):] in found), word)
        key = ATTRIBUTE + base
        uses.setdefault(key, set()).update(found[word])
    for key in [k for k in uses if k.startswith(ATTRIBUTE)]:
        stem = key.removeprefix(ATTRIBUTE)[:_STEM]
        if len(stem) < _STEM:
            continue
        for noun in [t for t in uses if not t.startswith(ATTRIBUTE) and t[:_STEM] == stem]:
            uses[key] |= uses.pop(noun)


def _documents_joined(themes: dict[str, Theme], documents: Mapping[str, str], said: Mapping[str, str], texts: Mapping[str, str],
                      name_words: Collection[str]) -> dict[str, Theme]:
    """One controversy said over several articles is one theme: two themes of the remarks on one subject whose remarks
    come in the same documents (at least :data:`MIN_DOCUMENTS` shared, and at least :data:`~.question_terms.JOIN_SHARE`
    of either one's documents: two themes of a rival that every debate report names are not one) are one, the smaller
    joining the larger, one level only ("the judge" and "his heritage" in every article on one ruling). Each theme keeps
    its own label where it stays apart. A remark sharing no theme joins one whose remarks share three of its content
    words (:func:`_words_joined`), or the one theme of its article where that article's remarks on the subject are mostly
    on it and the remark shares a content word with them. A subject's one theme that holds a third of the remarks on it,
    said in half the articles on it, is the question of them all (Trump's remarks on Judge Curiel are on his heritage)."""
    docs: dict[str, set[str]] = {}
    remarks: dict[str, set[str]] = {}
    by_term: dict[str, Theme] = {}
    for sid, theme in themes.items():
        docs.setdefault(theme.term, set()).add(documents[sid])
        remarks.setdefault(theme.term, set()).add(said[sid])
        by_term[theme.term] = theme
    ranked = sorted(by_term, key=lambda t: (-len(remarks[t]), -len(docs[t]), t))
    into: dict[str, Theme] = {}
    for i, big in enumerate(ranked):
        if big in into:
            continue
        for small in ranked[i + 1:]:
            if small in into or small in {v.term for v in into.values()}:
                continue
            shared = len(docs[big] & docs[small])
            if shared >= MIN_DOCUMENTS and shared >= JOIN_SHARE * max(len(docs[big]), len(docs[small])):
                into[small] = by_term[big]
    joined = _words_joined({sid: into.get(theme.term, theme) for sid, theme in themes.items()}, texts, name_words)
    in_document: dict[str, set[Theme]] = {}
    themed: Counter[str] = Counter()
    for sid, theme in joined.items():
        in_document.setdefault(documents[sid], set()).add(theme)
        themed[documents[sid]] += 1
    left = sorted(documents.keys() - joined.keys())
    unthemed = Counter(documents[sid] for sid in left)
    said_there: dict[str, set[str]] = {}  # the content words of each article's themed remarks
    for x in joined:
        said_there.setdefault(documents[x], set()).update(_content_words(texts[x], name_words))
    for sid in left:
        doc = documents[sid]
        found = in_document.get(doc, set())
        if len(found) == 1 and themed[doc] >= unthemed[doc] and _content_words(texts[sid], name_words) & said_there[doc]:
            joined[sid] = next(iter(found))
    only = set(joined.values())
    if (len(only) == 1 and _ONE_THEME_SHARE * len(joined) >= len(documents)
            and 2 * len({documents[sid] for sid in joined}) >= len(set(documents.values()))):
        return dict.fromkeys(documents, next(iter(only)))  # what the actor says of the subject is mostly this one question
    return joined


_ONE_THEME_SHARE = 3  # a subject's one theme holding a third of the remarks on it, in half its articles, is the question of them all


def _content_words(text: str, name_words: Collection[str]) -> set[str]:
    """A remark's content words, singular: not function or general words, not words of the subject's name."""
    from .question_terms import _stop

    return {singular(w) for w in re.findall(r"[a-z][a-z-]{3,}", text.casefold())} - _stop() - set(name_words)


_SHARED_WORDS = 3  # content words a remark sharing no theme has in common with one theme's remarks (and more than any other's) to join it


def _words_joined(themes: dict[str, Theme], texts: Mapping[str, str], name_words: Collection[str]) -> dict[str, Theme]:
    """A remark on the subject sharing no theme noun joins the theme whose remarks use at least :data:`_SHARED_WORDS` of
    its content words (not function or general words, not the subject's name), more than any other theme's do: "a federal
    judge was biased because he's Hispanic" with "the judge was biased because of his Hispanic heritage"."""
    def words(text: str) -> set[str]:
        return _content_words(text, name_words)

    vocab: dict[Theme, set[str]] = {}
    for sid, theme in themes.items():
        vocab.setdefault(theme, set()).update(words(texts[sid]))
    out = dict(themes)
    for sid in sorted(texts.keys() - themes.keys()):
        own = words(texts[sid])
        ranked = sorted(((len(own & v), t.term) for t, v in vocab.items()), reverse=True) + [(0, "")]
        if ranked[0][0] >= _SHARED_WORDS and ranked[0][0] > ranked[1][0]:
            out[sid] = next(t for t in vocab if t.term == ranked[0][1])
    return out




def says_attribute(text: str, key: str) -> bool:
    """Whether ``text`` uses the word of a property theme (``is:<word>``), or one sharing its stem, negated or not:
    "unqualified" and "qualifications" for ``is:qualified``."""
    word = key.removeprefix(ATTRIBUTE)
    stem = word[:_STEM] if len(word) >= _STEM else word
    for w in re.findall(r"[a-z]+", text.casefold()):
        if w.startswith(stem) and (len(word) >= _STEM or w == word):
            return True
        base = next((w[len(p):] for p in _NEGATIVE_PREFIX if w.startswith(p)), "")
        if base and base.startswith(stem) and (len(word) >= _STEM or base == word):
            return True
    return False


def owned_by_pronoun(text: str, term: str, actor_name: str = "", subject_name: str = "") -> bool:
    """Whether ``text`` gives the noun ``term`` (singular) as someone's it does not name: "her judgment", "his proposal";
    not by a possessive of the actor's own gender (its own, maybe: "his speeches" said by a man), nor of the other gender
    than the subject's."""
    return _owned(text, "", term, _pronouns(actor_name, subject_name))


def _pronouns(actor_name: str, subject_name: str) -> frozenset[str]:
    """The possessive pronouns that may stand for the subject in the actor's remarks (see :func:`subject_themes`)."""
    pronouns = _OWNER_PRONOUN - {_GENDERED.get(name_gender(actor_name) or "", "")}
    subject_gender = name_gender(subject_name) if subject_name else None
    if subject_gender:
        pronouns -= {p for g, p in _GENDERED.items() if g != subject_gender}
    return pronouns
