"""The ``entities`` stage: names in one document, their types, and which of them name the same thing.

Recognition is spaCy's NER with a gazetteer ruler placed before it
(:func:`configure_pipeline`), then a clean-up of what the model is known to get
wrong: names split at hyphens, possessives and titles inside spans, headings
and teaser lines, shouted junk, dates typed as names, transliterated personal
names typed as places. Aliases (:mod:`.aliases`), role phrases and named
events (:mod:`.roles`) are added, and a union-find groups every mention of one
thing into a ``cluster`` whose ``canonical`` is its fullest name.

Choices worth knowing:

* Titles (offices, ranks: "Lt. Gen.", "Minister") never belong to a name
  span; they become role mentions of the person. Honorifics ("Dr.", "Mullah",
  "Sheikh") are dropped too, except when the name would be a single word:
  "Dr. Hussain" stays "Dr. Hussain".
* A bare family name shared by two different full names keeps its own cluster.
* Role phrases are ``Mention(is_name=False, source="role")``.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ..model import EntityType, Mention
from . import aliases, gazetteer
from .mentions import Candidate, Clusters
from .names import (
    acronym_matches,
    extend_hyphenated,
    is_acronym,
    is_dateline,
    is_heading_line,
    is_junk,
    name_key,
    name_parts,
    split_title,
    trim_headline_words,
    trim_span,
)
from .pipeline import ParsedDocument, Part, register
from .roles import RoleLink, find_events, find_roles, resolve_anaphoric, title_family

log = logging.getLogger(__name__)

__all__ = ["RULER_NAME", "STAGE_VERSION", "configure_pipeline", "find_mentions", "extract_mentions"]

RULER_NAME = "storyline_gazetteer"
STAGE_VERSION = "6"  # a name an office describes in apposition is a person ("Idriss Mahamat, a spokesman,"), and so is a one-word name an office introduces or describes ("commander Sharifullah"). 5: a name an office word introduces is a person ("spokesman Idriss Mahamat"); an office is no name ("Taliban spokesman"). 4: alias cues after a relative pronoun ("who is also known as") and spelling cues ("also spelled"); a restrictive "N of X known as Y" names N, not X

_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "NORP": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "EVENT": EntityType.EVENT,
    "LAW": EntityType.OTHER,
    "PRODUCT": EntityType.OTHER,
}
_PERSON_PARTICLE = re.compile(r"(?:-(?:ur|ul|ud)-|\b(?:bin|ibn|bint)\s)", re.IGNORECASE)
_INNER_POSSESSIVE = re.compile(r"[’'ʼ]s\s")
_SOURCE_RANK = {"gazetteer": 0, "model": 1, "alias": 2, "event": 3, "role": 4}


def configure_pipeline(nlp: Any) -> None:
    """Add the gazetteer ruler before ``ner`` (once; calling again changes nothing)."""
    if RULER_NAME in nlp.pipe_names:
        return
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True, "validate": False}, **where)
    ruler.add_patterns(gazetteer.ruler_patterns(nlp.make_doc))
    log.debug("added %s with %d patterns", RULER_NAME, len(ruler.patterns))


def _heading_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if is_heading_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _model_candidates(text: str, parts: Sequence[Part]) -> list[Candidate]:
    out: list[Candidate] = []
    for part in parts:
        for ent in part.doc.ents:
            etype = _TYPES.get(ent.label_)
            if etype is None:
                continue
            if ent.label_ == "NORP" and not ent.ent_id_ and (ent.root.pos_ == "ADJ" or ent.root.dep_ in ("amod",)):
                continue  # "Afghan", "Pakistani": an adjective, not a group
            s, e = part.span(ent.start_char, ent.end_char)
            gid = ent.ent_id_ or None
            out.append(Candidate(s, e, etype, "gazetteer" if gid else "model", gid=gid))
    return out


def _propn_starts(parts: Sequence[Part]) -> dict[int, int]:
    """Start offset -> end offset of capitalised proper-noun tokens (for growing person names)."""
    out: dict[int, int] = {}
    for part in parts:
        for tok in part.doc:
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_iob_ == "O":
                s, e = part.span(tok.idx, tok.idx + len(tok))
                out[s] = e
    return out


def _shape(text: str, c: Candidate, vocab: gazetteer.Vocabulary, propn: dict[int, int], roles: list[tuple[int, int, str, int]], idx: int) -> None:
    """Trim, extend and retype one candidate in place (drops it when nothing name-like is left)."""
    if c.source != "gazetteer":
        c.start, c.end = extend_hyphenated(text, c.start, c.end)
        # "Jafar’s Arrest", "Taliban’s Acting Minister": a name does not run past a possessive
        m = _INNER_POSSESSIVE.search(text, c.start, c.end)
        if m:
            c.end = m.start()
    span = trim_span(text, c.start, c.end)
    if span is None:
        c.dropped = True
        return
    c.start, c.end = span
    if c.source != "gazetteer":
        span = trim_headline_words(text, c.start, c.end, vocab.headline_leading, vocab.headline_trailing,
                                   vocab.headline_alone, person=c.type == EntityType.PERSON)
        if span is None:
            c.dropped = True
            return
        c.start, c.end = span
    if c.type != EntityType.PERSON and is_dateline(text, c.start, c.end):
        c.dropped = True  # "WASHINGTON (AP) —": where the article was filed, not a place it is about
        return
    surface = text[c.start : c.end]
    entry = gazetteer.find_entry(surface)
    if entry is not None:
        c.gid, c.type, c.source = entry.id, entry.type, "gazetteer" if c.source == "model" else c.source
        return
    if c.source != "gazetteer" and is_junk(surface):
        c.dropped = True
        return
    if surface in vocab.titles or surface + "." in vocab.titles or (
            text[c.end : c.end + 1] == "." and any(t.startswith(surface + ". ") for t in vocab.titles)):
        c.dropped = True  # "Dist. Atty. Steve Cooley": the model took the abbreviated office for names
        return
    if c.type == EntityType.PERSON and _ends_in_role(surface, vocab):
        c.dropped = True  # "Taliban spokesman", "Foreign ministry spokesman": an office, not a person's name
        return
    if c.type in (EntityType.ORGANIZATION, EntityType.PLACE) and _person_shaped(surface) and (
            _after_role(text, c.start, vocab) or _role_apposition(text, c.end, vocab, c.start)):
        # "ministry spokesman Idriss Mahamat", "Idriss Mahamat, a spokesman,": the name an office word introduces
        # or that an office describes is a person's
        c.type = EntityType.PERSON
    elif c.type in (EntityType.ORGANIZATION, EntityType.PLACE) and _person_word(text, c.start, c.end) and (
            _after_role(text, c.start, vocab, lower=True) or _role_apposition(text, c.end, vocab, c.start)):
        c.type = EntityType.PERSON  # "Taliban commander Sharifullah", "Shareefullah, a militant commander,"
    if c.type == EntityType.PERSON and _is_product(surface, vocab.product_words):
        c.type = EntityType.OTHER  # "MacBook Pro", "Galaxy S7": a product, not a person
        return
    if c.type != EntityType.PERSON and _PERSON_PARTICLE.search(surface):
        c.type = EntityType.PERSON  # Khalil-ur-Rehman, Osama bin Laden
    if c.type == EntityType.PERSON:
        # grow over a directly following capitalised proper noun the model left out ("Khalil-ur-Rehman Haqqani")
        nxt = c.end + 1
        if (c.end < len(text) and text[c.end] == " " and nxt in propn and len(surface.split()) < 4
                and text[nxt : propn[nxt]] not in vocab.headline_trailing):
            c.end = propn[nxt]
        quote = re.search(r"\s[“\"‘]", text[c.start : c.end])
        if quote:
            c.end = c.start + quote.start()  # Joaquín “El Chapo” Guzmán: the nickname is an alias, not part of the name
        before = text[max(0, c.start - 30) : c.start]
        for t in vocab.titles:
            if before.endswith(t + " ") and (len(before) == len(t) + 1 or not before[-len(t) - 2].isalnum()):
                roles.append((c.start - len(t) - 1, c.start - 1, title_family(t, vocab), idx))
                break
        offset, title_end, title = split_title(text[c.start : c.end], vocab.titles, vocab.honorifics)
        if title:
            roles.append((c.start, c.start + title_end, title_family(title, vocab), idx))
        c.start += offset
        # "Dr." written before a one-word name the model found alone
        if len(text[c.start : c.end].split()) == 1:
            before = text[max(0, c.start - 12) : c.start]
            for h in vocab.honorifics:
                if before.endswith(h + " ") and (len(before) == len(h) + 1 or not before[-len(h) - 2].isalnum()):
                    c.start -= len(h) + 1
                    break
        if not text[c.start : c.end].strip():
            c.dropped = True


def _ends_in_role(surface: str, vocab: gazetteer.Vocabulary) -> bool:
    """Whether a name ends in a lower-case office word ("Taliban spokesman"): the model took an office for a name."""
    words = surface.split()
    return len(words) >= 2 and words[-1].islower() and words[-1] in vocab.role_family


# words that make a capitalised phrase an organisation's or a place's name, whatever precedes it
_NOT_A_PERSON_WORD = frozenset("""ministry department office agency council committee commission party group front army
force forces police university college school hospital bank company corporation inc ltd court parliament assembly
government administration authority service services union association institute foundation center centre
organization organisation network movement brigade brigades province state city county district region republic
kingdom island islands river valley mountains street house news times post press tv radio""".split())


def _after_role(text: str, start: int, vocab: gazetteer.Vocabulary, lower: bool = False) -> bool:
    """Whether an office word (spokesman, minister, director) stands right before ``start`` (a comma between);
    ``lower``: written in lower case (a capitalised "Officer, Defence" or "Prince, Haiti" ends a title or a name)."""
    m = re.search(r"([A-Za-z-]+),?\s+$", text[max(0, start - 40) : start])
    if m is None or (lower and not m.group(1).islower()):
        return False
    return m.group(1).lower() in vocab.role_family


# ", a spokesman", ", the group's deputy leader", ", Kabul's police chief": an office describing the name before it
_APPOSITION = re.compile(r",\s+(?:a|an|the|his|her|its|their|[A-Z][\w-]*['’]s)\s+((?:[\w'’-]+\s+){0,3}?)([a-z-]+)\b")


_REPORTING = re.compile(r"[^,.;:!?\n]{0,60}?\b(?:said|says|say|told|tells|added|adds|stated|noted|confirmed)\b")
_PLACE_PREPOSITION = re.compile(r"\b(?:of|in|at|from|near)\s+$", re.IGNORECASE)


def _role_apposition(text: str, end: int, vocab: gazetteer.Vocabulary, start: int | None = None) -> bool:
    """Whether an office word (spokesman, commander, minister) heads an apposition right after ``end``: not the
    subject of a clause of its own ("to Japan, a company spokeswoman said"), not after a place's preposition
    ("Rep. Nick Rahall of West Virginia, the chairman of ...")."""
    m = _APPOSITION.match(text, end, min(len(text), end + 80))
    if m is None or m.group(2) not in vocab.role_family or m.group(1).lower().startswith(("of ", "for ")):
        return False
    if _REPORTING.match(text, m.end(), min(len(text), m.end() + 80)):
        return False
    return start is None or not _PLACE_PREPOSITION.search(text, max(0, start - 12), start)


def _person_word(text: str, start: int, end: int) -> bool:
    """One capitalised word (not an acronym, not a word of organisations or places, not a possessive or the first
    word of a longer capitalised phrase): a one-word name an office may introduce ("commander Sharifullah")."""
    surface = text[start:end]
    after = text[end : end + 3]
    return (len(surface) >= 4 and surface.isalpha() and surface[0].isupper() and surface[1:].islower()
            and surface.lower() not in _NOT_A_PERSON_WORD and not after.startswith(("'s", "’s"))
            and not re.match(r"\s[A-Z]", after))


def _person_shaped(surface: str) -> bool:
    """Two to four capitalised words, none of them a word that names an organisation or a place."""
    words = surface.split()
    return (2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words)
            and not any(w.lower().strip(".,") in _NOT_A_PERSON_WORD for w in words))


def _is_product(surface: str, product_words: frozenset[str]) -> bool:
    """A name that ends in a product word or a model number, or starts with a lower-case brand (iPhone)."""
    words = surface.split()
    if len(words) >= 2 and (words[-1] in product_words or any(ch.isdigit() for ch in words[-1])):
        return True
    return bool(re.match(r"[a-z]+[A-Z]", surface))


def _drop_overlaps(cands: list[Candidate]) -> None:
    """Keep one name per stretch of text: gazetteer first, then the longest."""
    order = sorted((i for i, c in enumerate(cands) if not c.dropped and c.is_name and c.type != EntityType.EVENT),
                   key=lambda i: (_SOURCE_RANK.get(cands[i].source, 5), -(cands[i].end - cands[i].start), cands[i].start))
    taken: list[tuple[int, int]] = []
    starts: list[int] = []
    for i in order:
        c = cands[i]
        k = bisect.bisect_left(starts, c.start)
        clash = any(0 <= j < len(taken) and taken[j][0] < c.end and c.start < taken[j][1] for j in (k - 1, k))
        if clash:
            c.dropped = True
            continue
        taken.insert(k, (c.start, c.end))
        starts.insert(k, c.start)


def _propagate(text: str, cands: Sequence[Candidate], max_forms: int = 2000) -> list[Candidate]:
    """Names the model found once, found again where it missed them (and persons' family names).

    Only exact-case whole-word repeats of names from the body text are added,
    never inside another name.
    """
    forms: dict[str, tuple[EntityType, str | None]] = {}
    for c in cands:
        if c.dropped or c.heading or not c.is_name or c.type == EntityType.EVENT:
            continue
        surface = text[c.start : c.end]
        if len(surface) >= 3:
            forms.setdefault(surface, (c.type, c.gid))
        if c.type == EntityType.PERSON and c.gid is None:
            words = surface.split()
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
                forms.setdefault(words[-1], (EntityType.PERSON, None))
    if not forms:
        return []
    ordered = sorted(forms, key=len, reverse=True)[:max_forms]
    rx = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w]|-\w)")
    taken = sorted((c.start, c.end) for c in cands if not c.dropped)
    starts = [a for a, _ in taken]
    out: list[Candidate] = []
    for m in rx.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if any(0 <= j < len(taken) and taken[j][0] < m.end() and m.start() < taken[j][1] for j in (k, k + 1)):
            continue
        etype, gid = forms[m.group(0)]
        if etype != EntityType.PERSON and is_dateline(text, m.start(), m.end()):
            continue
        out.append(Candidate(m.start(), m.end(), etype, "model", gid=gid))
    return out


# a legislator's party and seat as US papers write it after the name: "R", "D-Calif.", "R-N.H.", "I-Vt."
_PARTY_SEAT = re.compile(r"(?:R|D|I|Rep|Dem|Ind)\.?(?:\s*[-–—]\s*[A-Z][A-Za-z.]{0,6}(?:\s?[A-Z][A-Za-z.]{0,5})?(?:,\s*\d+\w*)?)?\.?")


def _accept_paren(text: str, owner: Candidate, alias: Candidate | None, span: tuple[int, int]) -> bool:
    """'Long Name (ACR)', 'ACR (Long Name)', 'X (Y)' of the same kind; not 'Kabuli (Afghanistan)'."""
    a_text, o_text = text[span[0] : span[1]], text[owner.start : owner.end]
    if acronym_matches(a_text, o_text) or acronym_matches(o_text, a_text):
        return True
    if is_junk(a_text) or len(a_text.split()) > 5 or _PARTY_SEAT.fullmatch(a_text.strip()):
        return False  # "Mark Kirk (R-Ill.)", "Kelly Ayotte (R)": a party and seat, shared by many, never a name
    if alias is not None and alias.type == EntityType.PLACE and owner.type != EntityType.PLACE:
        return False
    if alias is not None and alias.gid and owner.gid and alias.gid != owner.gid:
        return False
    if is_acronym(a_text):
        return owner.type == EntityType.ORGANIZATION
    return alias is None or alias.type == owner.type


def _candidate_index(cands: Sequence[Candidate]) -> tuple[list[int], list[int]]:
    order = sorted((i for i, c in enumerate(cands) if not c.dropped and c.is_name), key=lambda i: cands[i].start)
    return order, [cands[i].start for i in order]


def _find_at(cands: Sequence[Candidate], order: list[int], starts: list[int], s: int, e: int) -> int | None:
    k = bisect.bisect_right(starts, s) - 1
    for j in (k, k + 1):
        if 0 <= j < len(order):
            c = cands[order[j]]
            if c.start < e and s < c.end and c.type != EntityType.EVENT:
                return order[j]
    return None


def extract_mentions(document_id: str, text: str, parts: Sequence[Part]) -> list[Mention]:
    """Every name, named event and role phrase of one parsed document, clustered."""
    vocab = gazetteer.vocabulary()
    cands = _model_candidates(text, parts)
    propn = _propn_starts(parts)
    title_roles: list[tuple[int, int, str, int]] = []
    for i, c in enumerate(cands):
        _shape(text, c, vocab, propn, title_roles, i)
    _drop_overlaps(cands)

    # Headings and teaser lines: keep only names that the body text also has.
    headings = _heading_spans(text)
    h_starts = [s for s, _ in headings]
    body_keys: set[str] = set()
    body_parts: set[str] = set()
    for c in cands:
        if c.dropped:
            continue
        c.heading = _in_spans(headings, h_starts, c.start)
        if not c.heading:
            surface = text[c.start : c.end]
            body_keys.add(name_key(surface))
            if c.type == EntityType.PERSON:
                body_parts.update(name_parts(surface))
    for c in cands:
        if c.heading and not c.dropped and not c.gid:
            key = name_key(text[c.start : c.end])
            if key not in body_keys and not (len(key.split()) == 1 and key in body_parts):
                c.dropped = True

    cands.extend(_propagate(text, cands))

    # Aliases written next to names.
    order, starts = _candidate_index(cands)
    uf = Clusters(len(cands))
    for owner, span, pattern in aliases.find_alias_spans(text, cands):
        existing = _find_at(cands, order, starts, span[0], span[1])
        if existing == owner:
            continue
        alias_c = cands[existing] if existing is not None else None
        if pattern == "paren" and not _accept_paren(text, cands[owner], alias_c, span):
            continue
        if existing is None:
            if is_junk(text[span[0] : span[1]]) and not is_acronym(text[span[0] : span[1]]):
                continue
            cands.append(Candidate(span[0], span[1], cands[owner].type, "alias"))
            existing = uf.add()
        elif alias_c is not None and alias_c.type != cands[owner].type and not alias_c.gid:
            alias_c.type = cands[owner].type
        uf.union(owner, existing)

    # Single-word "Al-X" the model calls a person, with no person of that name in the text: an outlet or group.
    titled = {owner for _, _, _, owner in title_roles}
    for i, c in enumerate(cands):
        if not c.dropped and c.type == EntityType.PERSON and not c.gid and c.source == "model" and i not in titled:
            surface = text[c.start : c.end]
            if " " not in surface and re.match(r"A[lL][-\s]", surface):
                c.type = EntityType.ORGANIZATION

    aliases.link(text, cands, uf, vocab.honorifics)
    _settle_types(text, cands, uf)

    # Named events (they may contain a place name; they are not names of people or groups).
    headings_set = (headings, h_starts)
    for s, e in find_events(text, parts, vocab):
        if _in_spans(headings_set[0], headings_set[1], s):
            continue
        event_span = trim_span(text, s, e)
        if event_span:
            cands.append(Candidate(event_span[0], event_span[1], EntityType.EVENT, "event"))
            idx = uf.add()
            assert idx == len(cands) - 1
    events = [i for i, c in enumerate(cands) if c.type == EntityType.EVENT and not c.dropped]
    by_event: dict[str, int] = {}
    ev_sorted = sorted(events, key=lambda i: (cands[i].start, -(cands[i].end - cands[i].start)))
    last_end = -1
    for i in ev_sorted:
        c = cands[i]
        if c.start < last_end:
            c.dropped = True  # an event inside a longer event phrase
            continue
        last_end = c.end
        key = name_key(text[c.start : c.end])
        if key in by_event:
            uf.union(by_event[key], i)
        else:
            by_event[key] = i

    # Role phrases.
    links = find_roles(text, parts, cands, vocab)
    for s, e, family, owner in title_roles:
        if not cands[owner].dropped and e > s:
            links.append(_role_link(s, e, family, owner))
    persons = {i for i, c in enumerate(cands) if c.type == EntityType.PERSON and not c.dropped}
    links = [lk for lk in links if lk.owner is None or lk.owner in persons]
    seen_roles: set[tuple[int, int]] = set()
    for lk in resolve_anaphoric(text, links):
        if lk.owner is None or (lk.start, lk.end) in seen_roles:
            continue
        span = trim_span(text, lk.start, lk.end) or (lk.start, lk.end)
        if text.count("(", *span) > text.count(")", *span) and text[span[1] : span[1] + 1] == ")":
            span = (span[0], span[1] + 1)
        seen_roles.add((lk.start, lk.end))
        cands.append(Candidate(span[0], span[1], EntityType.PERSON, "role", is_name=False, family=lk.family))
        idx = uf.add()
        uf.union(lk.owner, idx)
    return _emit(document_id, text, cands, uf)


def _role_link(s: int, e: int, family: str, owner: int) -> RoleLink:
    return RoleLink(s, e, family, owner, False)


def _settle_types(text: str, cands: Sequence[Candidate], uf: Clusters) -> None:
    """One type per cluster: gazetteer first, then votes (person evidence counts more)."""
    votes: dict[int, Counter[EntityType]] = defaultdict(Counter)
    for i, c in enumerate(cands):
        if c.dropped or not c.is_name:
            continue
        weight = 1000 if c.gid else 2 if c.source == "alias" else 1
        if c.type == EntityType.PERSON and len(text[c.start : c.end].split()) >= 2:
            weight += 50  # a full personal name outweighs bare short forms the model typed as places
        votes[uf.find(i)][c.type] += weight
    for i, c in enumerate(cands):
        if c.dropped or not c.is_name:
            continue
        v = votes[uf.find(i)]
        if v:
            c.type = v.most_common(1)[0][0]


def _canonical_rank(text: str, c: Candidate) -> tuple[int, int, int, int]:
    surface = text[c.start : c.end]
    words = len(name_parts(surface)) if not is_acronym(surface) else 0
    return (1 if c.source != "alias" or words > 1 else 0, words, len(surface), -c.start)


def _emit(document_id: str, text: str, cands: Sequence[Candidate], uf: Clusters) -> list[Mention]:
    live = [i for i, c in enumerate(cands) if not c.dropped and c.end > c.start]
    best: dict[int, int] = {}
    for i in live:
        c = cands[i]
        if not c.is_name:
            continue
        root = uf.find(i)
        if root not in best or _canonical_rank(text, c) > _canonical_rank(text, cands[best[root]]):
            best[root] = i
    # clusters numbered by first appearance; role phrases without a named member are dropped
    live.sort(key=lambda i: (cands[i].start, cands[i].end))
    number: dict[int, int] = {}
    out: list[Mention] = []
    seen: set[tuple[int, int, bool]] = set()
    for i in live:
        c = cands[i]
        root = uf.find(i)
        if root not in best:
            continue
        key = (c.start, c.end, c.is_name)
        if key in seen:
            continue
        seen.add(key)
        cluster = number.setdefault(root, len(number))
        head = cands[best[root]]
        out.append(
            Mention(
                document_id=document_id,
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                type=head.type if c.is_name or head.type == EntityType.PERSON else c.type,
                cluster=cluster,
                canonical=text[head.start : head.end],
                source=c.source,
                is_name=c.is_name,
            )
        )
    return out


@register("entities", version=f"{STAGE_VERSION}+gaz{gazetteer.gazetteer_version()}", requires=("parse",), produces=("mentions",),
          setup=configure_pipeline)
def find_mentions(parsed: ParsedDocument) -> None:
    parsed.mentions.extend(extract_mentions(parsed.document.id, parsed.document.text, parsed.parts))
