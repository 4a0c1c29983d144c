"""Cross-document entity resolution: document clusters → corpus entities.

The per-document entities stage groups the mentions of one thing inside one
document into a *cluster* (``document_id#cluster``). This module joins clusters
of different documents (and, rarely, of the same document) into
:class:`~storyline.model.Entity` records, recording why every join was made.

Rules, applied in this order, each only between clusters of the same type:

1. ``decision``: a person's merge decision (by names) joins clusters first.
2. ``same-name`` / ``transliteration``: a multi-token name (or any organisation
   or place name) whose normalised tokens / transliteration skeletons are equal
   (:mod:`storyline.text.names`).
   ``type-vote``: a cluster known only by one full name (two words or more) and its parts, which the
   rest of the corpus types otherwise at least :data:`TYPE_MAJORITY` times as often by mentions,
   joins the majority's cluster of that name when one side is a person ("Idriss Mahamat" typed an
   organisation in one document and a person in three); the entity takes the type most of its
   mentions have. A cluster that also holds other names is left alone (a document's junk join of
   "Donald Trump" and "ISIS" must not carry the group into the person).
3. ``gazetteer-equivalence``: organisation names listed as one group in the
   gazetteer (``data/gazetteer/*.json`` of type organization, plus
   ``data/equivalences.json``), e.g. ISKP / ISIS-K / ISIL-K.
4. ``same-document-first-last``: two person clusters of the same document
   whose names share first and last token (Khalil Ahmed Haqqani /
   Khalil-ur-Rehman Haqqani). Across documents such names stay apart.
5. ``short-form``: a two-token person name equal to the first and last token
   of exactly one longer name in the corpus (Khalil Haqqani → Khalil Ahmed
   Haqqani); ``fuzzy``: names of equal length whose tokens all align with
   Jaro-Winkler ≥ 0.9 and the same first letter per token.
6. ``acronym-initials``: an acronym-only organisation cluster joins the one
   organisation whose full name has those initials, when exactly one exists.
7. ``organization-short-form``: an organisation known only by one or two words
   that end exactly one longer organisation name (Saints → New Orleans Saints,
   Interior → Ministry of Interior); generic heads (Party, Department) never.
8. ``single-token-unique``: a person cluster known only by one token
   (Mujahid) joins the one multi-token person whose first or last token it is;
   when several exist it stays apart (Haqqani alone is never given to Khalil,
   Sirajuddin, Anas or Jalaluddin Haqqani) unless ``single-token-dominant``:
   the documents themselves gave the bare word to one of them at least
   :data:`DOMINANT_MIN` times and to every other at most :data:`DOMINANT_RATIO`
   as often (Obama → Barack Obama, not Michelle). A word the corpus uses as
   often for a place or group is never a person's short form.

Before the rules, clusters known only by one-word names or acronyms take the
type the corpus gives those words (:func:`_settle_types`): the model's type is
one vote, so a bare "Lohan" typed a place or "F.B.I." typed a place joins the
person or organisation.

Merge guard: a join of two person components is refused (and not recorded as
evidence) when a name of one and a name of the other cannot be one person
(:func:`storyline.text.names.person_names_conflict`: a Jr./II suffix, a
different given name, an honorific or given name of the other gender), unless
one side already holds the other's name as its own (an alias written in a
document). Decisions still force joins. Transliteration needs every token to
be :func:`~storyline.text.names.translit_equal` (Ohio/Iowa, Tim/Tom are not), and two place names
that name two different countries or territories (``rigour.territories``: Mali/Malawi, whose
skeletons agree) are never joined by spelling (:func:`different_territories`).

Blocking: clusters are indexed by their name keys and by each token skeleton;
pairs are only compared inside a block, and blocks larger than
:data:`BLOCK_CAP` are not used for fuzzy pairing, so cost grows near-linearly
with the number of clusters.

Organisations the gazetteer lists as different groups never join (the short form "Taliban" is not
the "Pakistani Taliban", whose entry is the TTP's); a document cluster holding names of two groups
carries both. Split decisions are enforced as cannot-link constraints on every join after
the merge decisions. Entity ids are ``make_id("ent", type, normalised name)``
of the entity's chosen name; when two entities would share one, the ones after
the first (ordered by their smallest local key) add that key. Same input, same
ids, whatever the iteration order.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from types import MappingProxyType

from ..model import Entity, EntityDecision, EntityType, LocalCluster, Mention, MergeEvidence, make_id
from ..text.names import (
    NameKey,
    acronym_letters,
    core_tokens,
    honorific_gender,
    initials,
    is_acronym,
    name_key,
    person_names_conflict,
    token_similarity,
    translit_equal,
)

__all__ = [
    "BLOCK_CAP", "CAPPED_BLOCKS", "LocalCluster", "Resolution", "cluster_blocks", "clusters_from_mentions",
    "different_territories", "entity_base_id",
    "entity_id", "equivalent_names", "load_equivalences", "resolve_entities",
]

log = logging.getLogger(__name__)

BLOCK_CAP = 200
DOMINANT_MIN = 3  # documents that gave a bare family name to one full name
DOMINANT_RATIO = 0.2  # the most any other full name may have got, as a share of that
FUZZY_TOKEN_FLOOR = 0.9


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    key_to_entity: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key_to_entity", MappingProxyType(dict(self.key_to_entity)))

    def entity_for(self, local_key: str) -> Entity | None:
        eid = self.key_to_entity.get(local_key)
        if eid is None:
            return None
        for e in self.entities:
            if e.id == eid:
                return e
        return None


def clusters_from_mentions(mentions: Iterable[Mention]) -> list[LocalCluster]:
    """One :class:`LocalCluster` per ``document_id#cluster``, in order of first mention."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.local_key, []).append(m)
    out: list[LocalCluster] = []
    for key, ms in groups.items():
        ms.sort(key=lambda m: (m.start, m.end))
        counts: Counter[str] = Counter()
        order: dict[str, None] = {}
        for m in ms:
            if m.is_name and m.text.strip():
                surface = m.text.strip()
                counts[surface] += 1
                order.setdefault(surface, None)
        types = Counter(m.type for m in (([m for m in ms if m.is_name]) or ms))
        etype = sorted(types.items(), key=lambda kv: (-kv[1], kv[0].value))[0][0]
        canon = Counter(m.canonical for m in ms if m.canonical).most_common(1)
        names = tuple(order)
        out.append(LocalCluster(key, ms[0].document_id, etype, canon[0][0] if canon else ms[0].text, names,
                                len(ms), tuple(counts[n] for n in names)))
    return out


@functools.lru_cache(maxsize=1)
def load_equivalences() -> tuple[tuple[str, ...], ...]:
    """Groups of organisation names that denote one group (gazetteer data, not code)."""
    groups: list[tuple[str, ...]] = []
    data_root = resources.files("storyline.data")
    gaz = data_root.joinpath("gazetteer")
    try:
        files = sorted((p for p in gaz.iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError, OSError):
        files = []
    for path in [*files, data_root.joinpath("equivalences.json")]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, OSError, json.JSONDecodeError) as exc:
            log.debug("equivalences: skip %s (%s)", path, exc)
            continue
        if not isinstance(data, dict) or data.get("type") != "organization":
            continue
        for entry in data.get("entries", []):
            if not isinstance(entry, dict):
                continue
            names = [n for n in [*entry.get("names", []), *entry.get("acronyms", [])] if isinstance(n, str) and n]
            if len(names) >= 2:
                groups.append(tuple(names))
    return tuple(groups)


@functools.lru_cache(maxsize=1)
def _equivalence_groups() -> tuple[dict[str, int], tuple[tuple[str, ...], ...]]:
    """Name key → group number, joining groups that share a name (two files may list ISKP)."""
    groups = load_equivalences()
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for gi, names in enumerate(groups):
        for n in names:
            k = _org_key(n)
            if k in owner:
                a, b = find(owner[k]), find(gi)
                parent[max(a, b)] = min(a, b)
            else:
                owner[k] = gi
    merged: dict[int, list[str]] = defaultdict(list)
    for gi, names in enumerate(groups):
        merged[find(gi)].extend(names)
    index = {k: find(g) for k, g in owner.items()}
    return index, tuple(tuple(dict.fromkeys(merged.get(i, ()))) for i in range(len(groups)))


def _equivalence_index() -> dict[str, int]:
    return _equivalence_groups()[0]


def equivalent_names(name: str) -> tuple[str, ...]:
    """Other names of the organisation group ``name`` belongs to in the equivalence data (may be empty)."""
    g = _equivalence_index().get(_org_key(name))
    if g is None:
        return ()
    return tuple(n for n in _equivalence_groups()[1][g] if n != name)


def _org_key(name: str) -> str:
    if is_acronym(name):
        return "acr:" + acronym_letters(name)
    return "skl:" + name_key(name, EntityType.ORGANIZATION).skel


NAMES_PER_COMPONENT = 40  # person names a component keeps for the merge guard


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.tags: list[set[tuple[int, int]]] = [set() for _ in range(n)]  # split constraints (decision, side)
        self.person_names: list[dict[str, None]] = [{} for _ in range(n)]  # names that say who a person is
        self.groups: list[frozenset[int]] = [frozenset()] * n  # gazetteer groups an organisation's names belong to

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ga, gb = self.groups[ra], self.groups[rb]
        if ga and gb and not ga & gb:
            return False  # the gazetteer lists them as different groups (the Taliban, the Pakistani Taliban)
        ta, tb = self.tags[ra], self.tags[rb]
        for d, side in ta:
            if (d, 1 - side) in tb:
                return False
        return True

    def union(self, a: int, b: int, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not force and not self.can_join(a, b):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.tags[ra] |= self.tags[rb]
        self.groups[ra] |= self.groups[rb]
        names = self.person_names[ra]
        for n in self.person_names[rb]:
            if len(names) >= NAMES_PER_COMPONENT:
                break
            names.setdefault(n, None)
        self.person_names[rb] = {}
        return True

    def names_conflict(self, a: int, b: int) -> tuple[str, str, str] | None:
        """Two person names, one from each component, that cannot be one person (and why)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        own_a, own_b = self.person_names[ra], self.person_names[rb]
        for x in own_a:
            for y in own_b:
                if x in own_b or y in own_a:
                    continue  # a name the other side already holds as its own (an alias written in a document)
                why = person_names_conflict(x, y)
                if why:
                    return x, y, why
        return None


class _Resolver:
    def __init__(self, clusters: Sequence[LocalCluster], decisions: Sequence[EntityDecision],
                 oversized: frozenset[str] = frozenset()) -> None:
        # sort for order independence
        self.clusters, self.word_votes = _settle_types(sorted(clusters, key=lambda c: c.local_key))
        self.oversized = oversized  # capped blocks that are over the cap in the whole corpus
        self.uf = _UnionFind(len(self.clusters))
        self.evidence: list[tuple[int, MergeEvidence]] = []
        self.decisions = decisions
        self.keys: list[list[NameKey]] = [
            [k for k in (name_key(n, c.type) for n in (c.names or ((c.canonical,) if c.canonical else ()))) if k]
            for c in self.clusters
        ]
        eq = _equivalence_index()
        for i, c in enumerate(self.clusters):
            if c.type == EntityType.PERSON:
                for n in _identity_names(c.names):
                    self.uf.person_names[i].setdefault(n, None)
            elif c.type == EntityType.ORGANIZATION:
                self.uf.groups[i] = frozenset(g for g in (eq.get(_org_key(n)) for n in c.names) if g is not None)
        self.blocked: list[tuple[str, str, str]] = []

    # -- helpers -----------------------------------------------------------
    def join(self, a: int, b: int, left: str, right: str, rule: str, score: float, force: bool = False) -> bool:
        if not force and self.clusters[a].type == EntityType.PERSON and self.uf.find(a) != self.uf.find(b):
            clash = self.uf.names_conflict(a, b)
            if clash is not None:
                self.blocked.append(clash)
                return False
        if self.uf.union(a, b, force=force):
            self.evidence.append((min(a, b), MergeEvidence(left, right, rule, round(score, 3))))
            return True
        return False

    def multi(self, i: int) -> list[NameKey]:
        """Names with more than one token (for people), or all names (other types)."""
        c = self.clusters[i]
        if c.type == EntityType.PERSON:
            return [k for k in self.keys[i] if len(k.tokens) >= 2]
        return self.keys[i]

    def _matching(self, names: Iterable[str]) -> dict[str, list[int]]:
        wanted = {name_key(n).norm: n for n in names}
        hits: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.clusters):
            for n in (*c.names, c.canonical):
                k = name_key(n).norm
                if k in wanted and i not in hits[wanted[k]]:
                    hits[wanted[k]].append(i)
        return hits

    # -- rules ---------------------------------------------------------------
    def apply_decisions(self) -> None:
        for d_index, d in enumerate(self.decisions):
            hits = self._matching(d.names)
            if d.action == "merge":
                members = [(n, i) for n in d.names for i in hits.get(n, [])]
                for (n0, i0), (n1, i1) in zip(members, members[1:]):
                    self.join(i0, i1, n0, n1, "decision", 1.0, force=True)
            elif d.action == "split" and d.names:
                for i in hits.get(d.names[0], []):
                    self.uf.tags[self.uf.find(i)].add((d_index, 0))
                for n in d.names[1:]:
                    for i in hits.get(n, []):
                        self.uf.tags[self.uf.find(i)].add((d_index, 1))
            else:
                log.warning("ignoring entity decision with action %r", d.action)

    def exact_names(self) -> None:
        blocks: dict[tuple[EntityType, str], list[tuple[int, NameKey]]] = defaultdict(list)
        for i, c in enumerate(self.clusters):
            for k in self.multi(i):
                blocks[(c.type, k.skel if k.latin else k.norm)].append((i, k))
        for (_, _), members in sorted(blocks.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
            firsts: dict[tuple[str, ...], tuple[int, NameKey]] = {}
            for i, k in members:
                if k.tokens in firsts:
                    i0, k0 = firsts[k.tokens]
                    self.join(i0, i, k0.text, k.text, "same-name", 1.0)
                    continue
                for i0, k0 in firsts.values():
                    if len(k0.tokens) == len(k.tokens) and all(map(translit_equal, k0.tokens, k.tokens)):
                        if self.clusters[i].type == EntityType.PLACE and different_territories(k0.text, k.text):
                            continue  # Mali / Malawi: two countries, however alike their spellings
                        self.join(i0, i, k0.text, k.text, "transliteration", 0.95)
                        break
                firsts[k.tokens] = (i, k)

    def type_votes(self) -> None:
        """A cluster whose full name the rest of the corpus gives to a person of that name (or the person's full
        name to an organisation or place) at least :data:`TYPE_MAJORITY` times as often joins it: the model typed
        "Idriss Mahamat" an organisation in one document and a person in three. Organisations and places are not
        joined on votes: "Kansas City" the team and the city are both named so."""
        votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
        holders: dict[tuple[str, EntityType], list[tuple[int, str]]] = defaultdict(list)
        names_of: list[dict[str, str]] = []
        for i, c in enumerate(self.clusters):
            own: dict[str, str] = {}
            if c.type in _SETTLED:
                for n in c.names:
                    w = _full_name_key(n)
                    if w and w not in own:
                        own[w] = n
                        votes[w][c.type] += c.mention_count
                        holders[(w, c.type)].append((i, n))
            names_of.append(own)
        for i, c in enumerate(self.clusters):
            shared = [w for w in names_of[i] if len(votes[w]) > 1]
            if len(shared) != 1 or not _only_forms_of(c.names, shared[0]):
                continue  # a cluster that also holds other names (a document's junk join) is not one name's vote
            key = shared[0]
            best, count = max(votes[key].items(), key=lambda kv: (kv[1], kv[0].value))
            if best == c.type or count < TYPE_MAJORITY * votes[key][c.type] or EntityType.PERSON not in (best, c.type):
                continue
            j, full = holders[(key, best)][0]
            self.join(j, i, full, names_of[i][key], "type-vote", 0.85)

    def equivalences(self) -> None:
        eq = _equivalence_index()
        if not eq:
            return
        first: dict[int, tuple[int, str]] = {}
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.ORGANIZATION:
                continue
            for n in c.names:
                g = eq.get(_org_key(n))
                if g is None:
                    continue
                if g not in first:
                    first[g] = (i, n)
                else:
                    j, m = first[g]
                    self.join(j, i, m, n, "gazetteer-equivalence", 0.95)

    def first_last(self) -> None:
        """Same-document first+last, cross-document short forms and fuzzy names (people)."""
        by_fl: dict[tuple[str, str], list[tuple[int, NameKey]]] = defaultdict(list)
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.PERSON:
                continue
            for k in self.multi(i):
                if k.latin:
                    by_fl[(k.skeleton[0], _last_skeleton(k))].append((i, k))
        for fl, members in sorted(by_fl.items()):
            if len(members) < 2 or len(members) > BLOCK_CAP or f"f:{fl[0]}:{fl[1]}" in self.oversized:
                continue
            # same document, differing middles
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    (i, a), (j, b) = members[x], members[y]
                    if self.clusters[i].document_id == self.clusters[j].document_id and len(a.tokens) >= 3 and len(b.tokens) >= 3:
                        self.join(i, j, a.text, b.text, "same-document-first-last", 0.8)
            # two-token short forms → unique longer name
            longs = [(i, k) for i, k in members if len(k.tokens) >= 3]
            for i, k in members:
                if len(k.tokens) != 2:
                    continue
                roots = {self.uf.find(j) for j, _ in longs}
                if len(roots) == 1:
                    j, lk = longs[0]
                    self.join(j, i, lk.text, k.text, "short-form", 0.85)

    def fuzzy(self) -> None:
        blocks: dict[tuple[EntityType, str], list[tuple[int, NameKey]]] = defaultdict(list)
        for i, c in enumerate(self.clusters):
            for k in self.multi(i):
                if k.latin and len(k.tokens) >= 2:
                    for s in set(k.skeleton):
                        blocks[(c.type, s)].append((i, k))
        seen: set[tuple[int, int]] = set()
        for (etype, token), members in sorted(blocks.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
            if len(members) > BLOCK_CAP or f"z:{etype.value}:{token}" in self.oversized:
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    (i, a), (j, b) = members[x], members[y]
                    if i == j or (i, j) in seen or len(a.tokens) != len(b.tokens) or a.skeleton == b.skeleton:
                        continue
                    seen.add((i, j))
                    sims = [token_similarity(p, q) for p, q in zip(a.tokens, b.tokens)]
                    if all(s >= FUZZY_TOKEN_FLOOR for s in sims) and all(p[0] == q[0] for p, q in zip(a.tokens, b.tokens)):
                        if etype == EntityType.PLACE and different_territories(a.text, b.text):
                            continue
                        self.join(i, j, a.text, b.text, "fuzzy", min(sims))

    def acronyms(self) -> None:
        expansions: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.ORGANIZATION:
                continue
            for n in c.names:
                if not is_acronym(n) and len(name_key(n, c.type).tokens) >= 2:
                    for ini in initials(n):
                        expansions[ini].append((i, n))
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.ORGANIZATION or not c.names or not all(is_acronym(n) for n in c.names):
                continue
            for n in c.names:
                cands = expansions.get(acronym_letters(n), [])
                roots = {self.uf.find(j) for j, _ in cands}
                if len(roots) == 1 and self.uf.find(i) not in roots:
                    j, full = cands[0]
                    self.join(j, i, full, n, "acronym-initials", 0.9)

    def org_short_forms(self) -> None:
        """An organisation known only by the end of one longer name in the corpus (Saints → New Orleans Saints)."""
        holders: dict[str, set[int]] = defaultdict(set)
        for i, c in enumerate(self.clusters):
            if c.type == EntityType.ORGANIZATION:
                for k in self.keys[i]:
                    for tail in _org_tails(k):
                        holders[tail].add(i)
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.ORGANIZATION or not self.keys[i]:
                continue
            tails = [k.skel for k in self.keys[i]]
            if any(len(k.tokens) > 2 or not _short_org(k) for k in self.keys[i]):
                continue
            fit = {j for t in tails for j in holders.get(t, ()) if j != i}
            roots = {self.uf.find(j) for j in fit}
            if len(roots) == 1 and self.uf.find(i) not in roots:
                j = min(fit)
                full = next(k.text for k in self.keys[j] if set(_org_tails(k)) & set(tails))
                self.join(j, i, full, self.keys[i][0].text, "organization-short-form", 0.8)

    def single_tokens(self) -> None:
        """Person clusters known by one token only."""
        ends: dict[str, set[int]] = defaultdict(set)
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.PERSON:
                continue
            for k in self.multi(i):
                if k.latin:
                    ends[k.skeleton[0]].add(i)
                    ends[_last_skeleton(k)].add(i)
        singles: dict[str, list[tuple[int, NameKey]]] = defaultdict(list)
        for i, c in enumerate(self.clusters):
            if c.type != EntityType.PERSON or self.multi(i):
                continue
            for k in self.keys[i]:
                if len(k.tokens) == 1:
                    singles[k.skel].append((i, k))
        for skel, members in sorted(singles.items()):
            holders = ends.get(skel, set())
            if not holders:
                i0, k0 = members[0]
                for i, k in members[1:]:
                    self.join(i0, i, k0.text, k.text, "same-name", 0.9)
                continue
            other = sum(v for t, v in self.word_votes.get(skel, Counter()).items() if t != EntityType.PERSON)
            if other >= self.word_votes.get(skel, Counter())[EntityType.PERSON]:
                continue  # the corpus names a place or group with this word as often: no short form of a person
            for i, k in members:
                # holders this short form can be (an honorific's gender rules out the others)
                by_root: dict[int, list[int]] = defaultdict(list)
                for j in holders:
                    by_root[self.uf.find(j)].append(j)
                ok = {r for r in by_root if self.uf.names_conflict(i, r) is None}  # once per component
                fit = sorted(j for r in ok for j in by_root[r])
                roots = ok
                if len(roots) == 1:
                    j = fit[0]
                    full = next(fk for fk in self.multi(j) if skel in (fk.skeleton[0], _last_skeleton(fk)))
                    self.join(j, i, full.text, k.text, "single-token-unique", 0.75)
                elif len(roots) > 1:
                    self._dominant_holder(i, k, skel, fit)

    def _dominant_holder(self, i: int, k: NameKey, skel: str, fit: Sequence[int]) -> None:
        """A short form several full names could take goes to the one the documents themselves give it to.

        Counted are the clusters in which a document joined the bare word to a full name
        (Obama written beside Barack Obama); the short form joins that person only when
        at least :data:`DOMINANT_MIN` documents did so and every other candidate got it in
        at most a :data:`DOMINANT_RATIO` share of as many (the Haqqanis of one family, each
        named in full, stay apart).
        """
        usage: Counter[int] = Counter()
        for j in fit:
            if any(len(jk.tokens) == 1 and jk.skel == skel for jk in self.keys[j]):
                usage[self.uf.find(j)] += 1
        for j in fit:
            usage.setdefault(self.uf.find(j), 0)
        ranked = sorted(usage.items(), key=lambda kv: (-kv[1], kv[0]))
        (best, n), runner = ranked[0], ranked[1][1]
        if n >= DOMINANT_MIN and runner <= DOMINANT_RATIO * n:
            j = min(x for x in fit if self.uf.find(x) == best)
            full = next(fk for fk in self.multi(j) if skel in (fk.skeleton[0], _last_skeleton(fk)))
            self.join(j, i, full.text, k.text, "single-token-dominant", 0.7)

    # -- output ----------------------------------------------------------------
    def run(self) -> Resolution:
        self.apply_decisions()
        self.exact_names()
        self.type_votes()
        self.equivalences()
        self.first_last()
        self.fuzzy()
        self.acronyms()
        self.org_short_forms()
        self.single_tokens()
        return self.build()

    def build(self) -> Resolution:
        comps: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.clusters)):
            comps[self.uf.find(i)].append(i)
        ev_by_root: dict[int, list[MergeEvidence]] = defaultdict(list)
        for i, ev in self.evidence:
            ev_by_root[self.uf.find(i)].append(ev)
        drafts = []
        for root, members in comps.items():
            cl = [self.clusters[i] for i in members]
            drafts.append(_draft_entity(cl, tuple(ev_by_root.get(root, ()))))
        drafts.sort(key=lambda d: d[0])
        used: set[str] = set()
        entities: list[Entity] = []
        key_to_entity: dict[str, str] = {}
        for min_key, etype, name, aliases, count, keys, ev in drafts:
            base = entity_base_id(etype, name)
            eid = base if base not in used else entity_id(etype, name, min_key, first=False)
            used.add(eid)
            entities.append(Entity(eid, etype, name, aliases, count, keys, ev, base if base != eid else ""))
            for k in keys:
                key_to_entity[k] = eid
        entities.sort(key=lambda e: e.id)
        return Resolution(tuple(entities), key_to_entity)


def entity_base_id(etype: EntityType, name: str) -> str:
    """The id an entity gets when no entity with a smaller local key has the same type and name."""
    return make_id("ent", etype.value, name_key(name, etype).norm or name)


def entity_id(etype: EntityType, name: str, min_key: str, *, first: bool) -> str:
    """The entity's id: its base id when it is the first (smallest local key) of that type and name, else one with its key."""
    if first:
        return entity_base_id(etype, name)
    return make_id("ent", etype.value, name_key(name, etype).norm or name, min_key)


CAPPED_BLOCKS = ("f:", "z:")  # rules that skip a block with more than BLOCK_CAP members


def cluster_blocks(c: LocalCluster, decisions: Sequence[EntityDecision] = ()) -> dict[str, int]:
    """Every block a rule above compares ``c`` in, with how many of its names fall in each.

    Two clusters can only be joined (or keep each other from being joined) when they
    share a block, so re-resolving the clusters reachable through shared blocks from
    what changed gives the same entities as resolving the whole corpus again. The
    prefixes name the rule: ``x`` same name, ``q`` equivalence group, ``f`` first+last
    token, ``z`` fuzzy token, ``a`` acronym letters, ``s`` single token or name end,
    ``o`` organisation name ending, ``n`` a one-word name the corpus votes on the type
    of, ``m`` a full name the corpus votes on the type of, ``d`` a decision that names the cluster. A cluster the vote may retype is in
    the blocks of every type it may take. ``f`` and ``z`` blocks are skipped by
    their rules above :data:`BLOCK_CAP` members (counted with the weights).
    """
    if c.type in _SETTLED and c.names and all(_word_key(n) for n in c.names):
        # the corpus may retype it (_settle_types): it can be compared as any of the types
        merged: dict[str, int] = {}
        for t in _SETTLED:
            for bl, w in _type_blocks(replace(c, type=t), decisions).items():
                merged[bl] = max(merged.get(bl, 0), w)
        return merged
    return _type_blocks(c, decisions)


def _type_blocks(c: LocalCluster, decisions: Sequence[EntityDecision]) -> dict[str, int]:
    out: Counter[str] = Counter()
    for w in {w for w in (_word_key(n) for n in c.names) if w}:
        out[f"n:{w}"] += 1  # the corpus votes on the type of one-word names
    if c.type in _SETTLED:
        for w in {w for w in (_full_name_key(n) for n in c.names) if w}:
            out[f"m:{w}"] += 1  # and on the type of full names
    keys = [k for k in (name_key(n, c.type) for n in (c.names or ((c.canonical,) if c.canonical else ()))) if k]
    person, org = c.type == EntityType.PERSON, c.type == EntityType.ORGANIZATION
    multi = [k for k in keys if len(k.tokens) >= 2] if person else keys
    for k in multi:
        out[f"x:{c.type.value}:{k.skel if k.latin else k.norm}"] += 1
        if k.latin and len(k.tokens) >= 2:
            for s in set(k.skeleton):
                out[f"z:{c.type.value}:{s}"] += 1
        if person and k.latin:
            out[f"f:{k.skeleton[0]}:{_last_skeleton(k)}"] += 1
            out[f"s:{k.skeleton[0]}"] += 1
            out[f"s:{_last_skeleton(k)}"] += 1
    if person and not multi:
        for k in keys:
            if len(k.tokens) == 1:
                out[f"s:{k.skel}"] += 1
    if org:
        eq = _equivalence_index()
        for n in c.names:
            g = eq.get(_org_key(n))
            if g is not None:
                out[f"q:{g}"] += 1
            if not is_acronym(n) and len(name_key(n, c.type).tokens) >= 2:
                for ini in initials(n):
                    out[f"a:{ini}"] += 1
        if c.names and all(is_acronym(n) for n in c.names):
            for n in c.names:
                out[f"a:{acronym_letters(n)}"] += 1
        for k in keys:
            for tail in _org_tails(k):
                out[f"o:{tail}"] += 1
            if _short_org(k):
                out[f"o:{k.skel}"] += 1
    if decisions:
        own = {name_key(n).norm for n in (*c.names, c.canonical)}
        for d_index, d in enumerate(decisions):
            if own & {name_key(n).norm for n in d.names}:
                out[f"d:{d_index}"] += 1
    return dict(out)


_POSSESSIVE_END = ("'s", "\u2019s")


# Heads of organisation names too generic to stand for one organisation on their own.
_GENERIC_ORG_HEADS = frozenset(
    "house party department ministry council committee court office agency university college school bank company "
    "group army police government church union association commission board team club center centre institute "
    "foundation hospital service services force forces administration senate congress parliament assembly network "
    "times post news press journal media authority bureau corporation inc ltd co state states republic front "
    "movement organization organisation society fund trust league federation division unit brigade corps".split()
)


def _short_org(k: NameKey) -> bool:
    """A short organisation name (one or two words, not an acronym, not a generic head) that may be a short form."""
    return k.latin and 1 <= len(k.tokens) <= 2 and not k.skel.startswith("#") and k.tokens[-1] not in _GENERIC_ORG_HEADS


def _org_tails(k: NameKey) -> list[str]:
    """Skeletons of the one- and two-word endings of a longer organisation name (New Orleans Saints → saints, orleans saints)."""
    if not k.latin or len(k.tokens) < 2 or k.skel.startswith("#") or k.tokens[-1] in _GENERIC_ORG_HEADS:
        return []
    return [" ".join(k.skeleton[-n:]) for n in (1, 2) if n < len(k.tokens)]


_SETTLED = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE)
TYPE_MAJORITY = 2.0  # how much more often the corpus must type a one-word name otherwise to retype a cluster


def _word_key(name: str) -> str | None:
    """The skeleton of a one-word Latin name or an acronym (the names whose type the corpus votes on)."""
    k = name_key(name, EntityType.PERSON)
    return k.skel if k and k.latin and len(k.tokens) == 1 else None


def _settle_types(clusters: list[LocalCluster]) -> tuple[list[LocalCluster], dict[str, Counter[EntityType]]]:
    """Retype clusters known only by one-word names the rest of the corpus types otherwise.

    The model types a bare "Lohan" as a place or "Colts" as a person in one document; every
    cluster holding the word as one of its names votes with its mention count (a person
    cluster "Lindsay Lohan"/"Lohan" votes person). A cluster whose names are all such words
    takes the type with at least :data:`TYPE_MAJORITY` times the votes of its own.
    """
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    words: list[list[str]] = []
    for c in clusters:
        ws = [w for w in (_word_key(n) for n in c.names) if w]
        words.append(ws)
        if c.type in _SETTLED:
            for w in set(ws):
                votes[w][c.type] += c.mention_count
    out = []
    for c, ws in zip(clusters, words):
        if c.type in _SETTLED and ws and len(ws) == len(c.names):
            total: Counter[EntityType] = Counter()
            for w in set(ws):
                total.update(votes[w])
            best, n = max(total.items(), key=lambda kv: (kv[1], kv[0].value))
            if best != c.type and n >= TYPE_MAJORITY * total[c.type]:
                c = replace(c, type=best)
        out.append(c)
    return out, votes


@functools.lru_cache(maxsize=20_000)
def _territory(name: str) -> str | None:
    from rigour.territories import lookup_territory  # loads its data on first use (seconds): only when asked

    territory = lookup_territory(name)
    return territory.code if territory is not None else None


def different_territories(a: str, b: str) -> bool:
    """Whether two place names name two different countries or territories (Mali / Malawi, Niger / Nigeria,
    Iran / Iraq), which no spelling rule may join; unknown places (Kunar / Konar) are never different here."""
    ta = _territory(a)
    return ta is not None and (tb := _territory(b)) is not None and ta != tb


def _only_forms_of(names: Sequence[str], key: str) -> bool:
    """Whether every name is the full name ``key`` (normalised tokens) or a part of it (Idriss Mahamat, Mahamat)."""
    tokens = set(key.split())
    return all(set(name_key(n, EntityType.PERSON).tokens) <= tokens for n in names)


def _full_name_key(name: str) -> str | None:
    """The normalised tokens of a Latin name of two words or more (the names whose type the corpus votes on
    in :meth:`_Resolver.type_votes`)."""
    k = name_key(name, EntityType.PERSON)
    return k.norm if k and k.latin and len(k.tokens) >= 2 else None


def _last_skeleton(k: NameKey) -> str:
    """The family name's skeleton: the last token before a generational suffix (Trump in Donald Trump Jr.)."""
    return k.skeleton[len(core_tokens(k)) - 1]


def _identity_names(names: Sequence[str]) -> list[str]:
    """The names of a person cluster that say who it is, without ones that hold another of its full names
    with words glued on ("Certainly Donald Trump", "Donald Trump Praises" beside "Donald Trump")."""
    keys = {n: name_key(n, EntityType.PERSON).tokens for n in names}
    fulls = {t for t in keys.values() if len(t) >= 2}
    out = []
    for n in names:
        if not _identifies(n):
            continue
        t = keys[n]
        glued = any(len(f) < len(t) and any(t[i : i + len(f)] == f for i in range(len(t) - len(f) + 1)) for f in fulls)
        if not glued:
            out.append(n)
    return out


def _identifies(name: str) -> bool:
    """A person name that says who someone is: a full name, or a short form with a gendered honorific."""
    return len(core_tokens(name_key(name, EntityType.PERSON))) >= 2 or honorific_gender(name) is not None


def _well_formed(name: str, etype: EntityType) -> int:
    """How good ``name`` is as the display name: 3 full name … 0 acronym; possessives and a leading "the" lose one."""
    if is_acronym(name.removesuffix("'s").removesuffix("\u2019s")):
        rank = 1
    elif etype == EntityType.PERSON and len(name_key(name, etype).tokens) < 2:
        rank = 2
    else:
        rank = 3
    if name.endswith(_POSSESSIVE_END) or name.lower().startswith("the ") or any(ch in name for ch in ".:;,") and not is_acronym(name):
        rank -= 1
    return rank


def _draft_entity(cl: list[LocalCluster], evidence: tuple[MergeEvidence, ...]):
    counts: Counter[str] = Counter()
    order: dict[str, None] = {}
    for c in cl:
        for idx, n in enumerate(c.names):
            counts[n] += c.count_of(idx)
            order.setdefault(n, None)
    types = Counter()  # type: Counter[EntityType]
    for c in cl:
        types[c.type] += c.mention_count
    etype = sorted(types.items(), key=lambda kv: (-kv[1], kv[0].value))[0][0]
    if counts:
        name = max(counts, key=lambda n: (_well_formed(n, etype), counts[n], len(n), [-ord(ch) for ch in n]))
    else:
        name = min((c.canonical for c in cl if c.canonical), default="?")
    aliases = tuple(sorted(order)) or (name,)
    keys = tuple(sorted(c.local_key for c in cl))
    return keys[0], etype, name, aliases, sum(c.mention_count for c in cl), keys, evidence


def resolve_entities(clusters: Iterable[LocalCluster], decisions: Sequence[EntityDecision] = (),
                     oversized: Iterable[str] = ()) -> Resolution:
    """Join document clusters into corpus entities (rules and blocking in the module docstring).

    ``oversized`` names capped blocks (:func:`cluster_blocks`) that are over :data:`BLOCK_CAP`
    in the whole corpus, for when ``clusters`` is only the part of it being re-resolved.
    """
    return _Resolver(list(clusters), decisions, frozenset(oversized)).run()
