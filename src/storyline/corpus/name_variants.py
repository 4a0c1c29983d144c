"""Name-variant findings: one person written with two different middle names, or with two spellings of one given name.

"Khalil Ahmed Haqqani" and "Khalil-ur-Rehman Haqqani" in one article make a
reader wonder whether the author erred or means two people. A pair of person
names is a *variant* when both have at least three tokens (after honorifics
and particles are dropped, :func:`storyline.text.names.name_key`), their
first and last tokens are transliteration-equal, and neither middle is
contained in the other, token for token by skeleton, nor written as the
other's initials ("Frederick C. LaRue" / "Frederick Cheney LaRue"). Pure transliteration
(Rahman/Rehman, Ahmad/Ahmed) and a fuller form of a name (Muhammad Sharif
Jafar / Muhammad Ali Sharif Jafar) are not variants.

A pair is also a variant when the given names are two spellings of one name
(:func:`is_given_name_variant`: "Kristopher Kemp" / "Kristoper Kemp", one letter added,
dropped, changed or two swapped) and the rest of the names agree: sources that
spell a person two ways. Short forms ("Sam" / "Samuel"), two names that differ in
a final vowel or in gender (Carla/Carlo, Marian/Marina) and pure transliteration
are not variants.

Pairs are looked for (a) among the forms of one resolved entity, across its
documents, (b) among person mentions of one document even when they were
resolved to different entities, and (c) for given-name spellings, across
documents of one story: the resolver keeps the two spellings apart, so the
documents that use them must name :data:`STORY_SHARED_NAMES` other person
(or more) in common (people only, as an incremental update reads person mentions
alone). Each pair gives one finding whose items are the first mention of each
form (same document preferred); with given-name spellings, one mention for
every document that uses a form, each form a side.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import OSA

from ..model import Entity, EntityType, Finding, FindingItem, FindingKind, FindingSide, ItemType, Mention
from ..text.names import NameKey, core_tokens, generation, given_name_genders, name_key, translit_equal

__all__ = ["find_name_variants", "is_given_name_variant", "is_name_variant"]

log = logging.getLogger(__name__)

SCORE_SAME_DOCUMENT_SAME_ENTITY = 0.9
SCORE_SAME_DOCUMENT = 0.8
SCORE_ACROSS_DOCUMENTS = 0.6
SCORE_SPELLING_ACROSS_STORY = 0.6
STORY_SHARED_NAMES = 1  # other people two documents must both name to be about one story
_VOWELS = frozenset("aeiouy")


def _core_skeleton(k: NameKey) -> tuple[str, ...]:
    """The skeleton without a generational suffix: the family name of Joseph R. Biden Jr. is Biden, not Jr."""
    return k.skeleton[: len(core_tokens(k))]


def is_name_variant(a: NameKey, b: NameKey) -> bool:
    """Same first and family name (and generational suffix), middles that neither contain nor transliterate each other."""
    sa, sb = _core_skeleton(a), _core_skeleton(b)
    if not (a.latin and b.latin) or len(sa) < 3 or len(sb) < 3 or generation(a) != generation(b):
        return False
    if sa[0] != sb[0] or sa[-1] != sb[-1]:
        return False
    ma, mb = set(sa[1:-1]), set(sb[1:-1])
    if ma <= mb or mb <= ma:
        return False
    return not _initials_of(core_tokens(a)[1:-1], core_tokens(b)[1:-1])


def _initials_of(a: Sequence[str], b: Sequence[str]) -> bool:
    """One middle written as initials of the other's middle names, in order ("C." / "Cheney", "H. W." / "Herbert Walker")."""
    def spelled(initials: Sequence[str], names: Sequence[str]) -> bool:
        if not initials or not all(len(t) == 1 for t in initials):
            return False
        firsts = iter(n[:1] for n in names)
        return all(any(f == i for f in firsts) for i in initials)  # a subsequence of the names' first letters
    return spelled(a, b) or spelled(b, a)


def _given_names_differ(a: str, b: str) -> bool:
    """Two given names one edit apart that are still two spellings of one name, not two names (see is_given_name_variant)."""
    if a == b or not (a.isalpha() and b.isalpha() and a.isascii() and b.isascii()):
        return False
    if min(len(a), len(b)) < 4 or max(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if a.startswith(b) or b.startswith(a):
        return False  # a short form or a longer one (Sam/Samuel, Louis/Louise, Daniel/Daniela)
    if a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS:
        return False  # a final vowel that marks gender or language (Carla/Carlo, Christina/Christine)
    genders = given_name_genders()
    if genders.get(a) and genders.get(b) and genders[a] != genders[b]:
        return False
    if translit_equal(a, b):
        return False  # one name transliterated two ways (Gurbanguli/Gurbanguly) is one name, not a variant
    return OSA.distance(a, b) == 1


def is_given_name_variant(a: NameKey, b: NameKey) -> bool:
    """Same family name and middles (token for token by skeleton), given names that are two spellings of one name:
    one letter added, dropped or changed, or two letters swapped ("Darnell"/"Darrell", "Jeffery"/"Jeffrey")."""
    ca, cb = core_tokens(a), core_tokens(b)
    if not (a.latin and b.latin) or len(ca) < 2 or len(ca) != len(cb) or generation(a) != generation(b):
        return False
    if _core_skeleton(a)[1:] != _core_skeleton(b)[1:]:
        return False
    return _given_names_differ(ca[0], cb[0])


def _middle(k: NameKey) -> str:
    return " ".join(t.capitalize() for t in core_tokens(k)[1:-1])


def find_name_variants(entities: Sequence[Entity], mentions: Iterable[Mention]) -> list[Finding]:
    """NAME_VARIANT findings for people written with two different middle names or two spellings of one given name."""
    entity_of: dict[str, str] = {}
    for e in entities:
        for k in e.local_keys:
            entity_of[k] = e.id
    person_entities = {e.id for e in entities if e.type == EntityType.PERSON}
    # form → its mentions, by entity and by document
    by_entity: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    by_doc: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    keys: dict[str, NameKey] = {}
    spelled: dict[str, list[Mention]] = defaultdict(list)  # person forms of two tokens or more, for given-name spellings
    names_of_doc: dict[str, set[str]] = defaultdict(set)  # the people each document names
    for m in mentions:
        if not m.is_name or m.type != EntityType.PERSON:
            continue
        if m.local_key in entity_of:
            names_of_doc[m.document_id].add(entity_of[m.local_key])
        mkey = name_key(m.text, EntityType.PERSON)
        if len(core_tokens(mkey)) >= 2 and mkey.latin:
            keys.setdefault(mkey.norm, mkey)
            spelled[mkey.norm].append(m)
        if len(mkey.tokens) < 3 or not mkey.latin:
            continue
        keys.setdefault(mkey.norm, mkey)
        eid = entity_of.get(m.local_key)
        if eid is not None and eid in person_entities:
            by_entity[eid][mkey.norm].append(m)
        by_doc[m.document_id][mkey.norm].append(m)

    found: dict[tuple[str, str], Finding] = {}

    def consider(fa: str, fb: str, ma: list[Mention], mb: list[Mention], same_entity: bool) -> None:
        a, b = keys[fa], keys[fb]
        if not is_name_variant(a, b):
            return
        pair = (fa, fb) if fa < fb else (fb, fa)
        docs_a = {m.document_id for m in ma}
        shared = sorted(docs_a & {m.document_id for m in mb})
        if shared:
            doc = shared[0]
            xa = min((m for m in ma if m.document_id == doc), key=lambda m: m.start)
            xb = min((m for m in mb if m.document_id == doc), key=lambda m: m.start)
        else:
            xa = min(ma, key=lambda m: (m.document_id, m.start))
            xb = min(mb, key=lambda m: (m.document_id, m.start))
        if shared and same_entity:
            score, where = SCORE_SAME_DOCUMENT_SAME_ENTITY, "in the same document, resolved to one person"
        elif shared:
            score, where = SCORE_SAME_DOCUMENT, "in the same document"
        else:
            score, where = SCORE_ACROSS_DOCUMENTS, "in different documents, resolved to one person"
        first, last = a.tokens[0].capitalize(), core_tokens(a)[-1].capitalize()
        explanation = (f'"{xa.text}" and "{xb.text}" share the first name {first} and the family name {last} '
                       f'but differ in the middle ("{_middle(a)}" vs "{_middle(b)}"), {where}: '
                       "a misprint, or two different people?")
        finding = Finding(FindingKind.NAME_VARIANT,
                          (FindingItem(ItemType.MENTION, xa.id), FindingItem(ItemType.MENTION, xb.id)),
                          score, explanation)
        prev = found.get(pair)
        if prev is None or finding.score > prev.score:
            found[pair] = finding

    for eid in sorted(by_entity):
        forms = by_entity[eid]
        names = sorted(forms)
        for i, fa in enumerate(names):
            for fb in names[i + 1:]:
                consider(fa, fb, forms[fa], forms[fb], True)
    for doc in sorted(by_doc):
        forms = by_doc[doc]
        # block on first+last skeleton so a long document stays linear
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        for f in sorted(forms):
            fkey = keys[f]
            blocks[(fkey.skeleton[0], _core_skeleton(fkey)[-1])].append(f)
        for members in blocks.values():
            for i, fa in enumerate(members):
                for fb in members[i + 1:]:
                    ea = {entity_of.get(m.local_key) for m in forms[fa]}
                    eb = {entity_of.get(m.local_key) for m in forms[fb]}
                    consider(fa, fb, forms[fa], forms[fb], bool(ea & eb - {None}))
    for pair, finding in _given_name_spellings(spelled, keys, entity_of, names_of_doc).items():
        found.setdefault(pair, finding)
    return sorted(found.values(), key=lambda f: (-f.score, f.id))


MAX_SIDE_ITEMS = 10  # documents listed for one spelling


def _given_name_spellings(spelled: dict[str, list[Mention]], keys: dict[str, NameKey], entity_of: dict[str, str],
                          names_of_doc: dict[str, set[str]]) -> dict[tuple[str, str], Finding]:
    """One finding per pair of spellings of a given name (:func:`is_given_name_variant`) of one person: forms of one
    resolved entity, of one document, or of documents of one story (naming :data:`STORY_SHARED_NAMES` other people)."""
    by_rest: dict[tuple[str, ...], list[str]] = defaultdict(list)  # block on the family name and middles
    for form in sorted(spelled):
        by_rest[_core_skeleton(keys[form])[1:]].append(form)
    out: dict[tuple[str, str], Finding] = {}
    for forms in by_rest.values():
        for i, fa in enumerate(forms):
            for fb in forms[i + 1:]:
                a, b = keys[fa], keys[fb]
                if not is_given_name_variant(a, b):
                    continue
                ma, mb = spelled[fa], spelled[fb]
                ents_a = {entity_of[m.local_key] for m in ma if m.local_key in entity_of}
                ents_b = {entity_of[m.local_key] for m in mb if m.local_key in entity_of}
                docs_a, docs_b = {m.document_id for m in ma}, {m.document_id for m in mb}
                own = ents_a | ents_b
                if ents_a & ents_b:
                    score, where = SCORE_SAME_DOCUMENT_SAME_ENTITY if docs_a & docs_b else SCORE_ACROSS_DOCUMENTS, "resolved to one person"
                elif docs_a & docs_b:
                    score, where = SCORE_SAME_DOCUMENT, "in the same document"
                elif any(len((names_of_doc[x] & names_of_doc[y]) - own) >= STORY_SHARED_NAMES for x in docs_a for y in docs_b):
                    score, where = SCORE_SPELLING_ACROSS_STORY, "in reports that name other people in common"
                else:
                    continue
                sides = tuple(_spelling_side(ms) for ms in (ma, mb))
                first = (sides[0][1], sides[1][1])
                explanation = (f'"{first[0].text}" ({_count(docs_a)}) and "{first[1].text}" ({_count(docs_b)}) spell the given name '
                               f'of one {a.tokens[-1].capitalize()} two ways ({core_tokens(a)[0].capitalize()} / '
                               f'{core_tokens(b)[0].capitalize()}), {where}: a misprint, or two different people?')
                out[(fa, fb)] = Finding(
                    FindingKind.NAME_VARIANT, sides[0][0].items + sides[1][0].items, score, explanation,
                    sides=(sides[0][0], sides[1][0]), question=f"given name|{fa}|{fb}")
    return out


def _spelling_side(mentions: list[Mention]) -> tuple[FindingSide, Mention]:
    """A spelling as a side: its first mention in each document (at most MAX_SIDE_ITEMS documents), and its first mention."""
    first: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.document_id, m.start)):
        first.setdefault(m.document_id, m)
    picked = list(first.values())[:MAX_SIDE_ITEMS]
    return FindingSide(picked[0].text, tuple(FindingItem(ItemType.MENTION, m.id) for m in picked)), picked[0]


def _count(docs: set[str]) -> str:
    return "1 document" if len(docs) == 1 else f"{len(docs)} documents"
