"""Name-variant findings: one person written with two different middle names.

"Khalil Ahmed Haqqani" and "Khalil-ur-Rehman Haqqani" in one article make a
reader wonder whether the author erred or means two people. A pair of person
names is a *variant* when both have at least three tokens (after honorifics
and particles are dropped, :func:`storyline.text.names.name_key`), their
first and last tokens are transliteration-equal, and neither middle is
contained in the other, token for token by skeleton, nor written as the
other's initials ("Frederick C. LaRue" / "Frederick Cheney LaRue"). Pure transliteration
(Rahman/Rehman, Ahmad/Ahmed) and a fuller form of a name (Muhammad Sharif
Jafar / Muhammad Ali Sharif Jafar) are not variants.

Pairs are looked for (a) among the forms of one resolved entity, across its
documents, and (b) among person mentions of one document even when they were
resolved to different entities. Each pair gives one finding whose items are
the first mention of each form (same document preferred).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..model import Entity, EntityType, Finding, FindingItem, FindingKind, ItemType, Mention
from ..text.names import NameKey, core_tokens, generation, name_key

__all__ = ["find_name_variants", "is_name_variant"]

log = logging.getLogger(__name__)

SCORE_SAME_DOCUMENT_SAME_ENTITY = 0.9
SCORE_SAME_DOCUMENT = 0.8
SCORE_ACROSS_DOCUMENTS = 0.6


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


def _middle(k: NameKey) -> str:
    return " ".join(t.capitalize() for t in core_tokens(k)[1:-1])


def find_name_variants(entities: Sequence[Entity], mentions: Iterable[Mention]) -> list[Finding]:
    """NAME_VARIANT findings for people written with two different middle names."""
    entity_of: dict[str, str] = {}
    for e in entities:
        for k in e.local_keys:
            entity_of[k] = e.id
    person_entities = {e.id for e in entities if e.type == EntityType.PERSON}
    # form → its mentions, by entity and by document
    by_entity: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    by_doc: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    keys: dict[str, NameKey] = {}
    for m in mentions:
        if not m.is_name or m.type != EntityType.PERSON:
            continue
        mkey = name_key(m.text, EntityType.PERSON)
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
    return sorted(found.values(), key=lambda f: (-f.score, f.id))
