"""Watchlists: reading sanctions lists and linking corpus entities to them.

Readers (each streams :class:`~storyline.model.WatchlistEntry` records and
raises :class:`~storyline.errors.WatchlistError` naming the input and the
reason when the file is empty or not of its schema):

* :func:`parse_un_consolidated` — the UN Security Council Consolidated List
  XML (``CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY``),
  read with ``lxml.etree.iterparse`` and clearing each record once read, so a
  list with a million names needs little memory.
* :func:`parse_watchlist_csv` — ``ref,name,type,aliases`` (aliases split on ``;``).
* :func:`parse_ftm_entities` — FollowTheMoney JSON lines (Person / Organization
  and their descendants; ``name`` and ``alias`` count as good names,
  ``weakAlias`` as low quality), read through ``followthemoney.model``.
* :func:`parse_watchlist` picks one of these from the content.

:class:`WatchlistIndex` is an inverted index from each token's
transliteration skeleton (:func:`storyline.text.names.skeleton`) to the
names holding it (compact ``array('I')`` postings); every spelling of a name is
kept (Munir Al Qubaysi and Munir Al-Kubaysi share a skeleton but a query may be
close to only one), and a field holding several names (``HARAKAT UL-MUJAHIDIN /
HUM``, ``Hajji Malik; Haji Malek``, ``Ahmed dit Said``, ``X alias Y``) is split and
loses a trailing description (``..., born in Kandahar on ...``): :func:`name_parts`.
A query holding several names ranks each entry by its best-ranked one. Tokens are
also posted under their French (``ou``, ``dj``, ``ch``) and Persianate (d/dh/z,
th/s) spellings, and organisation names under the initials an acronym may spell
(``@`` keys, with and without a legal form ending the name: FDLR, MAEI, AQIM, TDG Ltd. find their full names, scored
:data:`~storyline.corpus.watchlist_match.ACRONYM_INITIALS_SIMILARITY`, below linking). Tokens are also posted without a
glued article (Almuatesem → muatesem) and under the word a compound is built on
(Abdurrahman → rahman). A query looks up its tokens the same ways, each token
also joined to the one before it (Na Walna finds Naualna); a token no name
holds looks up the closest listed skeletons, and a word no name holds as written (even where its skeleton
is listed) the closest listed words (rapidfuzz
Jaro-Winkler >= :data:`FUZZY_KEY_FLOOR`, same first letter), so Sadruddin still reaches
Saduddin and Futayyih Fulayyih (whose skeletons, fata and fala, are too short to be close). Tokens shared by more than :data:`MAX_POSTINGS` names are skipped
(they cannot discriminate). Candidates sharing enough tokens are scored with
:func:`storyline.corpus.watchlist_match.watchlist_name_similarity` (the
resolver's name similarity, more tolerant of transliteration: vowels, glued
articles, consonant abbreviations, spacing; stricter on token order and on
words of very different length) times the quality weight
(:data:`QUALITY_WEIGHT`: a UN "Low" alias counts 0.9 of a "Good" one).
Candidates are ranked by their best name mixed (:data:`ENTRY_WEIGHT`) with how
much of the query the whole entry holds over all its names, each query token
weighted by its rarity in the list (idf): a query that takes its given name
from one alias and its family name from another still finds its entry, and a
compound's core word (Rahman for Abdurrahman) counts there though never in a
name's score. A person name that begins with the whole query, in order, ranks
as its short form (:data:`PREFIX_RANK`). When no
entry holds two of a longer query's tokens, entries holding one are ranked
(their scores stay below linking) rather than none returned. The ranking never
changes a match's score, and :meth:`WatchlistIndex.link` searches by names alone
(``partial=False``).
Organisation names are also compared and looked up through the meaning of their Arabic, Persian and Urdu
words (:data:`~storyline.corpus.watchlist_match.ORG_WORD_MEANINGS`: Jund al-Khilafah / Soldiers of the
Caliphate, Ansar Allah / Supporters of God), at
:data:`~storyline.corpus.watchlist_match.TRANSLATION_WEIGHT`, and through the gazetteer equivalences
(ISKP → ISIL-K) at :data:`EQUIVALENCE_WEIGHT`. A link
is reported at :data:`LINK_THRESHOLD` (0.85) or above: a full name or a
transliteration of it passes, a name missing one of three tokens (0.8) does
not; and only to the one best-scoring entry: a name that two entries hold
equally well links to neither (:func:`link_match`). One-token person names, a kunya alone (Abu Salim) and names of titles alone
(Haji Sahib) never score above 0.8 (a bare "Mujahid" is not evidence enough), nor does an organisation
name that is another's followed by a place or province (ISIL - Khorasan against ISIL, Ansar al-Sharia
Derna against Ansar al-Sharia: a branch and the whole are listed apart;
:func:`~storyline.corpus.watchlist_match.is_branch_name`). Names in a non-Latin script (NAME_ORIGINAL_SCRIPT) are
indexed as written and only match names in the same script.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lxml import etree

from ..errors import WatchlistError
from ..model import Entity, EntityType, Link, WatchlistEntry, WatchlistName
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from ..text.names import (
    _LOOSE,
    NameKey,
    is_title_only,
    loose_skeleton,
    name_key,
    skeleton,
    split_bracketed,
    translit_equal,
)
from .resolve import equivalent_names
from .watchlist_match import (
    BRANCH_CAP,
    ORG_WORD_MEANINGS,
    TRANSLATION_WEIGHT,
    translated_org_key,
    acronym_before_legal_form,
    CORE_SIMILARITY,
    acronym_initials_similarity,
    acronym_keys,
    acronym_query_keys,
    acronym_words,
    core_keys,
    glued_article_keys,
    is_branch_name,
    is_core_match,
    french_keys,
    kh_keys,
    persianate_keys,
    name_core,
    romanize_cyrillic,
    strip_glued_article,
    watchlist_name_similarity,
    watchlist_query_coverage,
    watchlist_token_similarity,
    without_legal_form,
)

__all__ = [
    "LINK_THRESHOLD",
    "MAX_POSTINGS",
    "QUALITY_WEIGHT",
    "WATCHLIST_VERSION",
    "WatchlistIndex",
    "link_match",
    "name_parts",
    "parse_ftm_entities",
    "parse_un_consolidated",
    "parse_watchlist",
    "parse_watchlist_csv",
]

log = logging.getLogger(__name__)

WATCHLIST_VERSION = "6"  # bump when linking may produce other links: the next analyze rebuilds the corpus steps
LINK_THRESHOLD = 0.85
QUALITY_WEIGHT = {"primary": 1.0, "good": 1.0, "low": 0.9}
SINGLE_TOKEN_PERSON_CAP = 0.8  # a one-token person name, a kunya alone (Abu Salim) or titles alone never link
MAX_POSTINGS = 50_000
MAX_CANDIDATES = 300
FALLBACK_CANDIDATES = 20  # names scored when no entry holds two of a longer query's tokens
ENTRY_WEIGHT = 0.5  # how much the entry's coverage of the query (over all its names) counts in the ranking
ENTRY_TOKEN_FLOOR = 0.88
ENTRY_RANKED = 50  # entries (best by name) whose coverage of the query is scored
EQUIVALENCE_WEIGHT = 0.95  # a match through a gazetteer equivalence (ISKP → ISIL-K) counts a little less
FUZZY_KEY_FLOOR = 0.9  # a query token no name holds looks up listed tokens whose skeleton is this close (Jaro-Winkler)
FUZZY_KEYS = 4  # at most this many close listed tokens per such query token
INITIAL_IDF = 1.0  # the rarity an initial (M. in Raed M. Hijazi) counts with in ranking
PREFIX_RANK = 0.95  # rank of a name beginning with the whole query, in order (Mohammad Wali / ... Wali Mohammad Ewaz)
# names in one field: HARAKAT UL-MUJAHIDIN / HUM, Malik; Malek, Abdallah dit Ahmed (French "called"), X alias Y
_NAME_SEPARATOR = re.compile(r"\s*;\s*|\s+/\s+|\s+(?:dit|dite|alias|a\.?k\.?a\.?)\s+", re.IGNORECASE)
_DESCRIPTION = re.compile(r",\s+[a-z].*$")  # "..., born in Kandahar on 1 Jan 1967": a description, not the name

_QUALITY = {"good": "good", "low": "low", "a.k.a.": "good", "f.k.a.": "good", "": "good"}
_QUALITY_CODE = {"primary": 0, "good": 1, "low": 2}
_QUALITY_NAME = {v: k for k, v in _QUALITY_CODE.items()}
_LINKABLE = (EntityType.PERSON, EntityType.ORGANIZATION)


# -- UN consolidated list --------------------------------------------------------------------------


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str) -> str:
    for child in el:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _values(el: etree._Element, name: str) -> list[str]:
    out = []
    for child in el:
        if _local(child.tag) == name:
            for v in child:
                if _local(v.tag) == "VALUE" and (v.text or "").strip():
                    out.append(v.text.strip())
    return out


def _un_entry(el: etree._Element, list_name: str) -> WatchlistEntry | None:
    kind = _local(el.tag)
    etype = EntityType.PERSON if kind == "INDIVIDUAL" else EntityType.ORGANIZATION
    ref = _child_text(el, "REFERENCE_NUMBER") or _child_text(el, "DATAID")
    parts = [_child_text(el, f) for f in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    primary = " ".join(p for p in parts if p)
    if not ref or not primary:
        return None
    names = [WatchlistName(primary, "primary")]
    seen = {primary}
    alias_tag = "INDIVIDUAL_ALIAS" if kind == "INDIVIDUAL" else "ENTITY_ALIAS"
    for child in el:
        tag = _local(child.tag)
        if tag == alias_tag:
            alias = _child_text(child, "ALIAS_NAME")
            quality = _QUALITY.get(_child_text(child, "QUALITY").lower(), "good")
            if alias and alias not in seen:
                seen.add(alias)
                names.append(WatchlistName(alias, quality))
        elif tag == "NAME_ORIGINAL_SCRIPT":
            original = (child.text or "").strip()
            if original and original not in seen:
                seen.add(original)
                names.append(WatchlistName(original, "good"))
    details = {
        "dataid": _child_text(el, "DATAID"),
        "un_list_type": _child_text(el, "UN_LIST_TYPE"),
        "listed_on": _child_text(el, "LISTED_ON"),
        "nationality": _values(el, "NATIONALITY"),
        "designation": _values(el, "DESIGNATION"),
        "comments": _child_text(el, "COMMENTS1"),
    }
    return WatchlistEntry(list_name, ref, primary, etype, tuple(names), {k: v for k, v in details.items() if v})


def parse_un_consolidated(data: bytes, list_name: str, source_name: str) -> Iterator[WatchlistEntry]:
    """Stream the entries of a UN Security Council Consolidated List XML.

    ``source_name`` names the input in errors. Raises :class:`WatchlistError`
    (while iterating) for empty input, broken XML, another root element, or a
    list without any INDIVIDUAL/ENTITY record.
    """
    if not data or not data.strip():
        raise WatchlistError(source_name, "the file is empty")
    count = 0
    try:
        context = etree.iterparse(io.BytesIO(data), events=("start", "end"), huge_tree=True,
                                  resolve_entities=False, no_network=True)
        depth = 0
        for event, el in context:
            if event == "start":
                if depth == 0 and _local(el.tag) != "CONSOLIDATED_LIST":
                    raise WatchlistError(source_name, f"not a UN consolidated list (root element <{_local(el.tag)}>, "
                                                      "expected <CONSOLIDATED_LIST>)")
                depth += 1
                continue
            depth -= 1
            if _local(el.tag) in ("INDIVIDUAL", "ENTITY") and depth == 2:
                entry = _un_entry(el, list_name)
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
                if entry is not None:
                    count += 1
                    yield entry
    except etree.XMLSyntaxError as exc:
        raise WatchlistError(source_name, f"not well-formed XML ({exc})") from exc
    if count == 0:
        raise WatchlistError(source_name, "no INDIVIDUAL or ENTITY records in the UN consolidated list")


# -- CSV and FollowTheMoney ----------------------------------------------------------------------

_TYPES = {"person": EntityType.PERSON, "individual": EntityType.PERSON, "people": EntityType.PERSON,
          "organization": EntityType.ORGANIZATION, "organisation": EntityType.ORGANIZATION,
          "org": EntityType.ORGANIZATION, "entity": EntityType.ORGANIZATION, "company": EntityType.ORGANIZATION,
          "group": EntityType.ORGANIZATION}


def parse_watchlist_csv(data: bytes, list_name: str, source_name: str) -> Iterator[WatchlistEntry]:
    """Entries from ``ref,name,type,aliases`` rows (header optional; aliases split on ``;``)."""
    text = data.decode("utf-8-sig", errors="replace")
    if not text.strip():
        raise WatchlistError(source_name, "the file is empty")
    count = 0
    for lineno, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not any(c.strip() for c in row):
            continue
        if lineno == 1 and row[0].strip().lower() == "ref":
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise WatchlistError(source_name, f"line {lineno}: expected ref,name,type,aliases")
        ref, name = row[0].strip(), row[1].strip()
        tname = row[2].strip().lower() if len(row) > 2 else ""
        etype = _TYPES.get(tname or "person")
        if etype is None:
            raise WatchlistError(source_name, f"line {lineno}: unknown type {tname!r}; use person or organization")
        aliases = [a.strip() for a in (row[3] if len(row) > 3 else "").split(";") if a.strip()]
        names = (WatchlistName(name, "primary"), *(WatchlistName(a, "good") for a in aliases if a != name))
        count += 1
        yield WatchlistEntry(list_name, ref, name, etype, names)
    if count == 0:
        raise WatchlistError(source_name, "no rows (expected ref,name,type,aliases)")


def parse_ftm_entities(data: bytes, list_name: str, source_name: str) -> Iterator[WatchlistEntry]:
    """Person and Organization entities from FollowTheMoney JSON lines."""
    from followthemoney import model
    from followthemoney.exc import InvalidData

    if not data.strip():
        raise WatchlistError(source_name, "the file is empty")
    count = 0
    for lineno, line in enumerate(io.BytesIO(data), start=1):
        if not line.strip():
            continue
        try:
            proxy = model.get_proxy(json.loads(line))
        except (json.JSONDecodeError, InvalidData, TypeError, KeyError) as exc:
            raise WatchlistError(source_name, f"line {lineno}: not a FollowTheMoney entity ({exc})") from exc
        if proxy.schema.is_a("Person"):
            etype = EntityType.PERSON
        elif proxy.schema.is_a("Organization"):
            etype = EntityType.ORGANIZATION
        else:
            continue
        primary = proxy.get("name")
        if not primary or proxy.id is None:
            continue
        names: list[WatchlistName] = [WatchlistName(primary[0], "primary")]
        seen = {primary[0]}
        for prop, quality in (("name", "good"), ("alias", "good"), ("previousName", "good"), ("weakAlias", "low")):
            for n in proxy.get(prop, quiet=True):
                if n not in seen:
                    seen.add(n)
                    names.append(WatchlistName(n, quality))
        count += 1
        yield WatchlistEntry(list_name, proxy.id, primary[0], etype, tuple(names))
    if count == 0:
        raise WatchlistError(source_name, "no Person or Organization entities")


def parse_watchlist(data: bytes, list_name: str, source_name: str) -> Iterator[WatchlistEntry]:
    """Read a watchlist of any supported format, chosen from its content."""
    head = data.lstrip()[:1]
    if head == b"<":
        return parse_un_consolidated(data, list_name, source_name)
    if head == b"{":
        return parse_ftm_entities(data, list_name, source_name)
    return parse_watchlist_csv(data, list_name, source_name)


# -- index ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One scored candidate for a query name."""

    entry: int
    ref: str
    list_name: str
    entry_name: str
    listed_name: str
    score: float


def link_match(matches: Sequence[Match], threshold: float = LINK_THRESHOLD) -> Match | None:
    """The match of one search that is a link: the best-scoring one when it reaches ``threshold`` and no other
    match scores as high. A name two entries hold equally well (one group's branches in two countries, two
    people of one name) links to neither: nothing in the name says which, and a link is an accusation."""
    if not matches:
        return None
    top = max(matches, key=lambda m: m.score)
    if top.score < threshold or any(m is not top and m.score >= top.score for m in matches):
        return None
    return top


def _token_keys(skel: str, latin: bool) -> tuple[str, ...]:
    """Posting keys of one token: its skeleton and, for Latin script, its loose skeleton (Chung/Jung, Cho/Jo)."""
    if not latin or skel.startswith("#"):
        return (skel,)
    loose = "~" + re.sub(r"(.)\1+", r"\1", skel.translate(_LOOSE))
    return (skel, loose)


def _index_keys(key: NameKey) -> set[str]:
    keys = {k for tok in key.skeleton for k in _token_keys(tok, key.latin)}
    if key.latin:
        keys.update(k for tok in key.tokens for k in glued_article_keys(tok) + core_keys(tok) + kh_keys(tok)
                    + persianate_keys(tok) + french_keys(tok))
    return keys


def name_parts(field: str) -> list[str]:
    """The names one field holds: bracketed parts split off, names split at ``;``, `` / ``, ``dit``, ``alias``,
    ``a.k.a.``, a trailing description after a comma (``, born in ...``) dropped."""
    parts = [_DESCRIPTION.sub("", part).strip()
             for whole in split_bracketed(field) for part in _NAME_SEPARATOR.split(whole)]
    return [p for p in dict.fromkeys(parts) if p]


_KUNYA = frozenset({"abu", "abou", "abo", "umm", "um", "oum"})


def _is_kunya(key: NameKey) -> bool:
    """A name that is only a kunya, "father/mother of" one name (Abu Salim, Umm Ayman): many people share it,
    so it identifies as little as one given name."""
    return len(key.tokens) == 2 and key.tokens[0] in _KUNYA


def _is_acronym_key(key: NameKey) -> bool:
    """Whether the name was read as an acronym (one token compared letter for letter: ``#fdlr``)."""
    return len(key.skeleton) == 1 and key.skeleton[0].startswith("#")


def _in_order_prefix(query: NameKey, name: NameKey) -> bool:
    """Whether ``name`` begins with every token of the (shorter) query, in order (a short form of a person's name)."""
    n = len(query.tokens)
    if n < 2 or n >= len(name.tokens):
        return False
    return all(watchlist_token_similarity(q, t) >= ENTRY_TOKEN_FLOOR for q, t in zip(query.tokens, name.tokens[:n]))


def _token_match(a: str, b: str) -> float:
    """:func:`token_similarity` where it is at least :data:`ENTRY_TOKEN_FLOOR` and, across a different
    first letter, a transliteration (skeleton, loose skeleton, glued article); a compound and its core
    (Abdurrahman / Rahman) :data:`CORE_SIMILARITY`; else 0."""
    if (a[:1] != b[:1] and skeleton(a) != skeleton(b) and loose_skeleton(a) != loose_skeleton(b)
            and strip_glued_article(a) == a and strip_glued_article(b) == b and not name_core(a) and not name_core(b)):
        return 0.0  # nothing that crosses a first letter can hold (a fast exit)
    sim = watchlist_token_similarity(a, b)
    if sim < ENTRY_TOKEN_FLOOR and is_core_match(a, b):
        return CORE_SIMILARITY  # Rahman in Abdurrahman: counts for the entry, never for a name's score
    if sim < ENTRY_TOKEN_FLOOR or (a[:1] != b[:1] and sim not in (0.95, 0.9)):
        return 0.0
    return sim


class WatchlistIndex:
    """Token-blocked index over every name of every entry (see the module docstring)."""

    def __init__(self, entries: Iterable[WatchlistEntry]) -> None:
        self._entries: list[tuple[str, str, str, EntityType]] = []  # list, ref, name, type
        self._name_entry = array("I")
        self._name_quality = bytearray()
        self._name_text: list[str] = []
        self._entry_start = array("I")  # first name index of each entry (an entry's names are contiguous)
        self._postings: dict[str, array] = {}
        self._vocab: dict[str, list[str]] = defaultdict(list)  # plain skeleton keys by first letter, for fuzzy lookup
        self._words: dict[str, list[str]] = defaultdict(list)  # listed Latin words by first letter, likewise
        self._word_seen: set[str] = set()
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self._name_text)

    @property
    def entry_count(self) -> int:
        return len(self._entries)

    def add(self, entry: WatchlistEntry) -> None:
        eidx = len(self._entries)
        self._entries.append((entry.list_name, entry.ref, entry.name, entry.type))
        self._entry_start.append(len(self._name_text))
        seen: set[tuple[str, ...]] = set()
        for wn in entry.names:
            parts = name_parts(wn.name)
            for text in parts + [r for r in map(romanize_cyrillic, parts) if r]:
                key = name_key(text, entry.type)
                # one name per spelling: names sharing a skeleton (Munir Al Qubaysi / Munir Al-Kubaysi) are
                # both kept, since a query may be close to one and not the other
                if not key or key.tokens in seen:
                    continue
                seen.add(key.tokens)
                nidx = len(self._name_text)
                self._name_entry.append(eidx)
                self._name_quality.append(_QUALITY_CODE.get(wn.quality, 1))
                self._name_text.append(text)
                keys = _index_keys(key)
                if key.latin and not _is_acronym_key(key):
                    for word in key.tokens:
                        if word not in self._word_seen:
                            self._word_seen.add(word)
                            self._words[word[:1]].append(word)
                if entry.type == EntityType.ORGANIZATION and key.latin and not _is_acronym_key(key):
                    keys.update(acronym_keys(acronym_words(text)))
                    translated = translated_org_key(key)
                    if translated:
                        keys.update(_index_keys(translated))
                for tok in keys:
                    post = self._postings.get(tok)
                    if post is None:
                        post = self._postings[tok] = array("I")
                        if key.latin and tok[:1] not in ("~", "#", "@", ""):
                            self._vocab[tok[0]].append(tok)
                    if not post or post[-1] != nidx:
                        post.append(nidx)

    def search(self, query: str, type: EntityType | None = None, *, limit: int = 5,
               partial: bool = True) -> list[Match]:
        """Best-scoring entries for one name (at most one match per entry), highest first.

        ``partial=False`` ranks by the names alone, without the entry's coverage of the query
        and without entries holding only one token of a longer query: what linking needs,
        since only a match's score decides a link and such entries never reach the threshold.
        """
        if type is not None and type not in _LINKABLE:
            return []
        parts = name_parts(query) or [query]
        if type != EntityType.PERSON:
            # a company's acronym with its legal form (TDG Ltd.) is searched as the acronym: the legal form
            # says nothing of which company
            parts = list(dict.fromkeys(acronym_before_legal_form(p) or p for p in parts))
        if len(parts) == 1:
            return [m for _, m in self._ranked(parts[0], type, limit, partial)]
        # a query holding several names (Abd Ali; Abdul Ali, Ahmad dit Said): each entry by its best-ranked name
        best: dict[int, tuple[tuple[float, float, float, str], Match]] = {}
        for part in parts:
            for order, m in self._ranked(part, type, limit, partial):
                if m.entry not in best or order < best[m.entry][0]:
                    best[m.entry] = (order, m)
        return [m for _, m in sorted(best.values(), key=lambda om: om[0])[:limit]]

    def _ranked(self, query: str, type: EntityType | None, limit: int,
                partial: bool) -> list[tuple[tuple[float, float, float, str], Match]]:
        """:meth:`search` for one name: the matches with their sort keys (lowest first)."""
        by_entry = partial and ENTRY_WEIGHT > 0
        qkey = name_key(romanize_cyrillic(query) or query, type)
        if not qkey:
            return []
        hits: Counter[int] = Counter()
        weight: dict[int, float] = defaultdict(float)  # how rare the shared tokens are (idf), to rank ties
        usable = 0
        total = len(self._name_text) + 1
        token_idf: list[float] = []
        entry_hits: Counter[int] = Counter()  # query tokens found in any name of the entry
        for pos, (word, tok) in enumerate(zip(qkey.tokens, qkey.skeleton)):
            # a query token counts once per name, through its skeleton, its loose skeleton, the word without a
            # glued article, the word a compound is built on, or joined to the token before it (Na Walna /
            # Naualna); a token no name holds looks up the closest listed ones
            found: set[int] = set()
            keys = _token_keys(tok, qkey.latin)
            if _is_acronym_key(qkey):
                keys += acronym_query_keys(word)  # names whose words' initials may spell it
            if qkey.latin:
                keys += (glued_article_keys(word) + core_keys(word) + kh_keys(word) + persianate_keys(word)
                         + french_keys(word))
                if pos and not tok.startswith("#"):
                    keys += (skeleton(qkey.tokens[pos - 1] + word),)
            for key in keys:
                post = self._postings.get(key)
                if post is not None and len(post) <= MAX_POSTINGS:
                    found.update(post)
            if qkey.latin and not tok.startswith("#") and (not found or word not in self._word_seen):
                for key in dict.fromkeys((self._fuzzy_keys(tok) if not found else []) + self._fuzzy_word_keys(word)):
                    post = self._postings[key]
                    if len(post) <= MAX_POSTINGS:
                        found.update(post)
            spelled = len(found)  # the word's rarity is that of its spellings, not of its meaning
            if type != EntityType.PERSON and qkey.latin and word in ORG_WORD_MEANINGS:
                for key in _token_keys(skeleton(ORG_WORD_MEANINGS[word]), True):  # Jund finds Soldiers
                    post = self._postings.get(key)
                    if post is not None and len(post) <= MAX_POSTINGS:
                        found.update(post)
            if found:
                usable += 1
                hits.update(found)
                if by_entry:
                    for eidx in {self._name_entry[nidx] for nidx in found}:
                        entry_hits[eidx] += 1
                idf = math.log(total / ((spelled or len(found)) + 1)) + 1.0
                if len(word) == 1:
                    idf = min(idf, INITIAL_IDF)  # an initial says little, however few names hold it
                for nidx in found:
                    weight[nidx] += idf
            else:
                # a token no listed name holds is as rare as can be (an initial, again, says little)
                idf = INITIAL_IDF if len(word) == 1 else math.log(total) + 1.0
            token_idf.append(idf)
        need = 1 if len(qkey.tokens) <= 2 else 2
        cap = MAX_CANDIDATES * 4
        if by_entry and entry_hits and max(entry_hits.values()) < need:
            # no entry holds two of the query's tokens: rank the few holding the rarest one (scores stay
            # low, below linking) rather than none
            need, cap = 1, FALLBACK_CANDIDATES
        best: dict[int, tuple[Match, tuple[float, float]]] = {}
        if by_entry:
            ranked = sorted(hits.items(), key=lambda kv: (-entry_hits[self._name_entry[kv[0]]], -kv[1],
                                                          -weight[kv[0]], kv[0]))[:cap]
        else:
            ranked = sorted(hits.items(), key=lambda kv: (-kv[1], -weight[kv[0]], kv[0]))[:cap]
        for nidx, shared in ranked:
            shared = max(shared, entry_hits[self._name_entry[nidx]]) if by_entry else shared
            if shared < need and not (shared == 1 and usable == 1):
                continue
            eidx = self._name_entry[nidx]
            list_name, ref, ename, etype = self._entries[eidx]
            if type is not None and etype != type:
                continue
            score = self._score(qkey, nidx, etype)
            if score <= 0:
                continue
            # rank by the score and by how much of the query the name holds (a short form inside a longer name);
            # a name beginning with the whole query in order is its short form (Mohammad Wali)
            nkey = name_key(self._name_text[nidx], etype)
            rank0 = (score + watchlist_query_coverage(qkey, nkey)) / 2
            if etype == EntityType.PERSON and _in_order_prefix(qkey, nkey):
                rank0 = max(rank0, PREFIX_RANK * QUALITY_WEIGHT[_QUALITY_NAME[self._name_quality[nidx]]])
            rank = rank0, weight[nidx]
            prev = best.get(eidx)
            if prev is None or (rank, score) > (prev[1], prev[0].score):
                best[eidx] = (Match(eidx, ref, list_name, ename, self._name_text[nidx], round(score, 4)), rank)
            if len(best) >= MAX_CANDIDATES:
                break
        # the final rank mixes the best name's rank with the entry's coverage of the query (0..1), so an
        # entry whose name rank is too low to reach the limit-th rank even at full coverage is not scored
        by_name = sorted(best.values(), key=lambda mr: (-mr[1][0], -mr[0].score, -mr[1][1], mr[0].ref))
        if not by_entry:
            return [((-r[0], -m.score, -r[1], m.ref), m) for m, r in by_name[:limit]]
        scored: list[tuple[float, Match, tuple[float, float]]] = []
        sims: dict[tuple[str, str], float] = {}
        for m, rank in by_name[:ENTRY_RANKED]:
            if len(scored) >= limit:
                floor = sorted((r for r, _, _ in scored), reverse=True)[limit - 1]
                if (1 - ENTRY_WEIGHT) * rank[0] + ENTRY_WEIGHT < floor:
                    break
            cover = self._entry_coverage(qkey, token_idf, m.entry, sims)
            scored.append(((1 - ENTRY_WEIGHT) * rank[0] + ENTRY_WEIGHT * cover, m, rank))
        ordered = sorted((((-f, -m.score, -r[1], m.ref), m) for f, m, r in scored), key=lambda om: om[0])
        return ordered[:limit]

    def _entry_coverage(self, qkey: NameKey, token_idf: list[float], eidx: int,
                        sims: dict[tuple[str, str], float]) -> float:
        """Share of the query's rarity (idf) matched by a token of any of the entry's names, 0..1.

        Each query token counts with its best :func:`token_similarity` to a token anywhere in
        the entry (at least 0.88; a different first letter only through a transliteration), so a
        query that mixes a given name from one alias with a family name from another
        (Ramo Lavilla: Reuben Lavilla, Mike de Lavilla) still finds its whole entry. ``sims``
        memoises token pairs over one search.
        """
        etype = self._entries[eidx][3]
        end = self._entry_start[eidx + 1] if eidx + 1 < len(self._entry_start) else len(self._name_text)
        tokens: set[str] = set()
        for nidx in range(self._entry_start[eidx], end):
            key = name_key(self._name_text[nidx], etype)
            if key.latin == qkey.latin:
                tokens.update(key.tokens)
        if not tokens:
            return 0.0
        def best_of(tok: str) -> float:
            best = 0.0
            for other in tokens:
                sim = sims.get((tok, other))
                if sim is None:
                    sim = sims[(tok, other)] = _token_match(tok, other)
                best = max(best, sim)
                if best == 1.0:
                    break
            return best

        bests = [best_of(tok) for tok in qkey.tokens]
        if qkey.latin and len(qkey.tokens) > 1:
            # two query tokens that together spell a token of the entry (a transliteration of it) count as
            # held (Akhund Zada / Akhunzada)
            for i in range(len(qkey.tokens) - 1):
                if min(bests[i], bests[i + 1]) < 1.0:
                    joined = qkey.tokens[i] + qkey.tokens[i + 1]
                    if any(translit_equal(joined, other) for other in tokens):
                        bests[i] = bests[i + 1] = max(bests[i], bests[i + 1], 0.95)
        return sum(idf * best for idf, best in zip(token_idf, bests)) / sum(token_idf)

    def _fuzzy_keys(self, skel: str) -> list[str]:
        """Listed skeletons close to ``skel`` (same first letter, Jaro-Winkler >= :data:`FUZZY_KEY_FLOOR`)."""
        bucket = self._vocab.get(skel[:1])
        if not bucket or len(skel) < 4:
            return []
        hits = process.extract(skel, bucket, scorer=JaroWinkler.normalized_similarity, score_cutoff=FUZZY_KEY_FLOOR,
                               limit=FUZZY_KEYS)
        return [key for key, _, _ in hits]

    def _fuzzy_word_keys(self, word: str) -> list[str]:
        """Skeletons of listed words close to ``word`` as written (same first letter, Jaro-Winkler >=
        :data:`FUZZY_KEY_FLOOR`): a skeleton of four letters or so is too short for its own fuzzy lookup
        (Futayyih / Fulayyih: fata / fala)."""
        bucket = self._words.get(word[:1])
        if not bucket or len(word) < 5:
            return []
        hits = process.extract(word, bucket, scorer=JaroWinkler.normalized_similarity,
                               score_cutoff=FUZZY_KEY_FLOOR, limit=FUZZY_KEYS)
        return [skeleton(w) for w, _, _ in hits]

    def _score(self, qkey: NameKey, nidx: int, etype: EntityType) -> float:
        ckey = name_key(self._name_text[nidx], etype)
        if _is_acronym_key(qkey) and not _is_acronym_key(ckey):
            words = acronym_words(self._name_text[nidx])
            sim = max(acronym_initials_similarity(qkey.tokens[0], words),
                      acronym_initials_similarity(qkey.tokens[0], without_legal_form(words)))
        else:
            sim = watchlist_name_similarity(qkey, ckey, person=etype == EntityType.PERSON)
            if etype == EntityType.ORGANIZATION and sim > BRANCH_CAP and is_branch_name(qkey, ckey):
                sim = BRANCH_CAP  # a branch and the whole (ISIL - Khorasan / ISIL) are two listed organisations
            tq, tc = translated_org_key(qkey), translated_org_key(ckey)
            if etype == EntityType.ORGANIZATION and (tq or tc):
                # the meaning of the words (Jund al-Khilafah / Soldiers of the Caliphate)
                tq, tc = tq or qkey, tc or ckey
                meant = watchlist_name_similarity(tq, tc)
                if meant > BRANCH_CAP and is_branch_name(tq, tc):
                    meant = BRANCH_CAP
                sim = max(sim, TRANSLATION_WEIGHT * meant)
        sim *= QUALITY_WEIGHT[_QUALITY_NAME[self._name_quality[nidx]]]
        if etype == EntityType.PERSON and (len(qkey.tokens) == 1 or len(ckey.tokens) == 1
                                           or _is_kunya(qkey) or _is_kunya(ckey)
                                           or is_title_only(qkey) or is_title_only(ckey)):
            sim = min(sim, SINGLE_TOKEN_PERSON_CAP)
        return sim

    def link(self, entity: Entity, threshold: float = LINK_THRESHOLD) -> list[Link]:
        """Links from ``entity`` (its name and every alias) to entries scoring at least ``threshold``, at most
        one per name (:func:`link_match`)."""
        if entity.type not in _LINKABLE:
            return []
        best: dict[tuple[str, str], Link] = {}
        queries: dict[str, tuple[str, float]] = {}
        for alias in dict.fromkeys((entity.name, *entity.aliases)):
            queries.setdefault(alias, (alias, 1.0))
        if entity.type == EntityType.ORGANIZATION:
            for alias in list(queries):
                for other in equivalent_names(alias):
                    queries.setdefault(other, (alias, EQUIVALENCE_WEIGHT))
        for query, (alias, weight) in queries.items():
            m = link_match(self.search(query, entity.type, limit=5, partial=False), threshold / weight)
            if m is None:
                continue
            score = round(m.score * weight, 4)
            key = (m.list_name, m.ref)
            prev = best.get(key)
            if prev is None or score > prev.score:
                best[key] = Link(entity.id, m.list_name, m.ref, m.entry_name, alias, score)
        return sorted(best.values(), key=lambda link: (-link.score, link.list_name, link.ref))
