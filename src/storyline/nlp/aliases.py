"""In-document aliases: which name spans of one document name the same thing.

Patterns (each a general convention of news and conflict reporting):

* alias cues after a name: "X, aka A, B", "X, also known as A", "X alias A", "X, who is also known as A",
  "X, whose name is also spelled A",
  "X, nicknamed “A”";
* an alias list introduced by a noun: "X, a figure with multiple aliases—including A, B and C",
  "X, whose noms de guerre include A";
* quoted nicknames inside a name: Joaquín “El Chapo” Guzmán;
* parentheses: "Tehrik-i-Taliban Pakistan (TTP)", "X (Y)", "TTP (Tehrik-i-Taliban Pakistan)";
* short forms: a bare first or family name stands for the one full name in the
  document that starts or ends with it ("Jafar" -> "Muhammad Sharif Jafar");
  names with the same first and last word are one person whatever the middle
  ("Khalil Ahmed Haqqani", "Khalil-ur-Rehman Haqqani"); different first names
  sharing a family name stay apart, and a bare family name shared by two
  different full names is ambiguous and keeps its own cluster;
* acronyms anywhere in the document that spell a full organisation name in it.

Everything here works on the stored text and :class:`Candidate` spans; finding
is separate from the union-find that :func:`link` writes into.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import defaultdict
from collections.abc import Sequence

from ..text.names import GENERATIONAL, name_gender, person_names_conflict
from ..model import EntityType
from .mentions import Candidate, Clusters
from .names import PARTICLES, acronym_matches, is_acronym, name_parts, trim_span

log = logging.getLogger(__name__)

__all__ = ["find_alias_spans", "link", "person_parts"]

_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}
_AKA = re.compile(
    r"\s*[,(]?\s*(?:(?:who|whose name)\s+(?:is|was|has been)\s+)?"
    r"(?:a\.k\.a\.?|aka|AKA|also known as|also called|also spelled|also spelt|also written(?: as)?|better known as|otherwise known as|known as|alias|"
    r"nicknamed|dubbed|codenamed|who goes by(?: the names?)?|going by(?: the names?)?|also referred to as)\b\s*:?\s*"
)
_ALIAS_NOUN = re.compile(
    r"\b(?:aliases|alias(?:es)?|noms? de guerre|pseudonyms?|nicknames?|kunyas?|code ?names?|(?:other|several|multiple|many|different) names)\b"
    r"[^.!?\n]{0,25}?(?:(?::|—|–|--)\s*(?:including|such as|namely)?|including|such as|like|namely|include|are|were)\s*"
)
_NAME_WORD = re.compile(r"[^\W\d_][\w’'ʼ.\-]*", re.UNICODE)
_SEP = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s*/\s*|;\s*)")
_NICKNAME = re.compile(r"([“\"‘])([^”\"’\n]{1,40})([”\"’])")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_PARTICLE_WORDS = frozenset(p for p in PARTICLES)
_LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|outside|across|into|towards?|around|via)\s+$", re.IGNORECASE)


def _read_name(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """A quoted string or a run of capitalised words (with joiners) starting at ``pos``."""
    while pos < limit and text[pos] in " \u00a0":
        pos += 1
    if pos >= limit:
        return None
    ch = text[pos]
    if ch in _QUOTES:
        close = text.find(_QUOTES[ch], pos + 1, min(limit, pos + 60))
        if close == -1:
            return None
        inner = trim_span(text, pos + 1, close)
        if inner and text[inner[0]].isupper():
            return inner
        return None
    end = pos
    words = 0
    cur = pos
    while cur < limit:
        m = _NAME_WORD.match(text, cur, limit)
        if not m:
            break
        w = m.group(0)
        bare = w.rstrip(".,’'ʼ")
        if bare and bare[0].isupper():
            end = m.end()
            words += 1
        elif bare.lower() in _PARTICLE_WORDS or re.match(r"(?:al|el|ad|ud|ur|ul|bin|ibn)-", w):
            pass  # joiner: only kept if a capitalised word follows
        else:
            break
        cur = m.end()
        if cur < limit and text[cur] in " \u00a0" and cur + 1 < limit and not text[cur + 1].isspace():
            cur += 1
        else:
            break
        if words >= 5:
            break
    if words == 0:
        return None
    return trim_span(text, pos, end)


def _read_name_list(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur = pos
    while len(out) < 12:
        span = _read_name(text, cur, limit)
        if span is None:
            break
        out.append(span)
        after = span[1]
        while after < limit and text[after] in "”\"’'’s":
            if text[after] == "s" and not (after > 0 and text[after - 1] in "’'"):
                break
            after += 1
        m = _SEP.match(text, after, limit)
        if not m:
            break
        cur = m.end()
    return out


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos, min(len(text), pos + 400))
    return m.start() if m else min(len(text), pos + 400)


_OF_HEAD = re.compile(r"\b[a-z]+\s+of\s+(?:the\s+)?$")


def _restrictive_of_head(text: str, name_start: int, cue: re.Match[str]) -> bool:
    """A bare "known as" with no comma after a name that ends an "N of" phrase ("a branch of X known as Y"): the
    modifier is restrictive and names the head noun, not X."""
    if "," in cue.group(0) or "(" in cue.group(0) or not cue.group(0).strip().startswith("known as"):
        return False
    return _OF_HEAD.search(text, max(0, name_start - 40), name_start) is not None


def find_alias_spans(text: str, cands: Sequence[Candidate]) -> list[tuple[int, tuple[int, int], str]]:
    """(owner index, alias span, pattern) for every alias written next to a name."""
    out: list[tuple[int, tuple[int, int], str]] = []
    names = [i for i, c in enumerate(cands) if c.is_name and not c.dropped and c.type != EntityType.EVENT]
    names.sort(key=lambda i: cands[i].start)
    for i in names:
        c = cands[i]
        limit = _sentence_end(text, c.end)
        m = _AKA.match(text, c.end, limit)
        if m and m.end() > c.end and _restrictive_of_head(text, c.start, m):
            continue  # "the branch of the Islamic State known as ISIS-K": the branch is known as ISIS-K
        if m and m.end() > c.end:
            for span in _read_name_list(text, m.end(), limit):
                out.append((i, span, "aka"))
            continue
        pm = re.match(r"\s*\(\s*", text[c.end : c.end + 4])
        if pm:
            close = text.find(")", c.end, min(len(text), c.end + 80))
            if close != -1:
                inner = trim_span(text, c.end + pm.end(), close)
                if inner and _read_name(text, inner[0], close) is not None:
                    out.append((i, inner, "paren"))
    # "... a figure with multiple aliases—including A, B and C"
    starts = [cands[i].start for i in names]
    for m in _ALIAS_NOUN.finditer(text):
        k = bisect.bisect_left(starts, m.start()) - 1
        owner = None
        while k >= 0 and k >= bisect.bisect_left(starts, m.start()) - 12:
            c = cands[names[k]]
            if c.type == EntityType.PERSON and c.end <= m.start() and not _SENTENCE_END.search(text, c.end, m.start()):
                owner = names[k]
                break
            k -= 1
        if owner is None:
            continue
        for span in _read_name_list(text, m.end(), _sentence_end(text, m.end())):
            out.append((owner, span, "alias_list"))
    # Joaquín “El Chapo” Guzmán: a quoted nickname between two parts of a person's name
    for m in _NICKNAME.finditer(text):
        q_start, q_end = m.start(), m.end()
        if q_start < 2 or q_end >= len(text) - 1 or text[q_start - 1] != " " or text[q_end] != " ":
            continue
        if not text[q_start - 2].isalpha():
            continue
        if not text[q_end + 1 : q_end + 2].isupper():
            continue
        inner = trim_span(text, m.start(2), m.end(2))
        if not inner or not text[inner[0]].isupper():
            continue
        k = bisect.bisect_left(starts, q_start) - 1
        for j in (k, k + 1):
            if 0 <= j < len(names):
                c = cands[names[j]]
                near = (c.end in (q_start - 1, q_start) or c.start in (q_end + 1, q_end)) or (c.start < q_start and c.end > q_end)
                if c.type == EntityType.PERSON and near:
                    out.append((names[j], inner, "nickname"))
                    right = next((r for r in names[j + 1 : j + 3] if cands[r].start in (q_end + 1, q_end)), None)
                    if right is not None and cands[right].type == EntityType.PERSON:
                        out.append((names[j], (cands[right].start, cands[right].end), "nickname"))
                    break
    return out


def person_parts(text: str, honorifics: frozenset[str]) -> tuple[str, ...]:
    words = text.split()
    while len(words) > 1 and (words[0] in honorifics or words[0].rstrip(".") + "." in honorifics):
        words = words[1:]
    return name_parts(" ".join(words))


def _compatible_full(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person by name alone: same first and last word, or one a subsequence of the other (>= 2 words).

    A generational suffix is part of identity and not a family name: "Joseph R. Biden Jr." and "Joseph F.
    Dunford Jr." share no family name, and "Donald Trump Jr." is not "Donald Trump"."""
    if a == b:
        return True
    ga = a[-1] if len(a) > 2 and a[-1] in GENERATIONAL else ""
    gb = b[-1] if len(b) > 2 and b[-1] in GENERATIONAL else ""
    if ga != gb:
        return False
    if ga:
        a, b = a[:-1], b[:-1]
    if a[0] == b[0] and a[-1] == b[-1]:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2:
        return False
    it = iter(long_)
    return all(p in it for p in short) and (short[0] == long_[0] or short[-1] == long_[-1])


def link(text: str, cands: Sequence[Candidate], uf: Clusters, honorifics: frozenset[str], max_block: int = 200) -> None:
    """Join candidates naming the same thing: gazetteer id, same name, short forms, acronyms.

    Every comparison is blocked on a shared key (gazetteer id, name key, a
    first/last name word, initials), so the work grows with the number of
    mentions, not its square.
    """
    live = [i for i, c in enumerate(cands) if c.is_name and not c.dropped]
    by_gid: dict[str, int] = {}
    by_key: dict[tuple[str, bool], int] = {}
    parts_of: dict[int, tuple[str, ...]] = {}
    for i in live:
        c = cands[i]
        if c.gid:
            if c.gid in by_gid:
                uf.union(by_gid[c.gid], i)
            else:
                by_gid[c.gid] = i
        surface = text[c.start : c.end]
        parts = person_parts(surface, honorifics) if c.type == EntityType.PERSON else name_parts(surface)
        parts_of[i] = parts
        key = (" ".join(parts) or surface.lower(), c.type == EntityType.EVENT)
        gender = name_gender(surface) if c.type == EntityType.PERSON and len(parts) == 1 else None
        if gender:
            key = (key[0] + "\x1f" + gender, False)  # Mrs. Clinton is not Mr. Clinton
        if is_acronym(surface):
            key = (surface, False)
        if key in by_key:
            uf.union(by_key[key], i)
        else:
            by_key[key] = i
    def c_start(i: int) -> int:
        return cands[i].start

    def c_end(i: int) -> int:
        return cands[i].end

    # Full person names: block on last and on first word.
    fulls = [i for i in live if cands[i].type == EntityType.PERSON and len(parts_of[i]) >= 2]
    block: dict[str, list[int]] = defaultdict(list)
    for i in fulls:
        p = parts_of[i]
        for k in {("L", p[-1]), ("F", p[0])}:
            bucket = block["\x1f".join(k)]
            for j in bucket[-max_block:]:
                if (uf.find(i) != uf.find(j) and _compatible_full(p, parts_of[j])
                        and person_names_conflict(text[c_start(i) : c_end(i)], text[c_start(j) : c_end(j)]) is None):
                    uf.union(i, j)
            bucket.append(i)
    # Bare first / family names: join the one full name they can stand for (of the honorific's gender).
    owners: dict[tuple[str, bool], set[int]] = defaultdict(set)
    for i in fulls:
        p = parts_of[i]
        core = p[:-1] if len(p) > 2 and p[-1] in GENERATIONAL else p
        owners[(core[0], False)].add(i)
        owners[(core[-1], True)].add(i)
    for i in live:
        c = cands[i]
        p = parts_of[i]
        surface = text[c.start : c.end]
        if len(p) != 1 or c.gid or c.type == EntityType.EVENT or is_acronym(surface):
            continue
        gender = name_gender(surface) if c.type == EntityType.PERSON else None
        holders = set(owners.get((p[0], True), ()))
        if c.type == EntityType.PERSON or not _LOCATIVE.search(text, max(0, c.start - 12), c.start):
            holders |= owners.get((p[0], False), set())  # a first name alone, unless written as a place ("in Charlotte")
        if gender:
            holders = {h for h in holders if name_gender(text[cands[h].start : cands[h].end]) in (None, gender)}
        roots = {uf.find(r) for r in holders}
        if len(roots) == 1:
            uf.union(next(iter(roots)), i)
        elif len(roots) > 1:
            log.debug("ambiguous short name %r: %d full names", surface, len(roots))
    # Acronyms that spell an organisation's full name written elsewhere in the document.
    initials: dict[str, list[int]] = defaultdict(list)
    for i in live:
        c = cands[i]
        if c.type != EntityType.ORGANIZATION and c.type != EntityType.PLACE:
            continue
        surface = text[c.start : c.end]
        words = [w for w in re.split(r"[\s\-]+", surface) if w and w[0].isalpha()]
        if len(words) >= 2:
            caps = "".join(w[0] for w in words if w[0].isupper()).upper()
            initials[caps].append(i)
    for i in live:
        surface = text[cands[i].start : cands[i].end]
        if not is_acronym(surface) or cands[i].gid:
            continue
        letters = "".join(ch for ch in surface if ch.isalpha()).upper()
        for j in initials.get(letters, ())[:max_block]:
            if acronym_matches(surface, text[cands[j].start : cands[j].end]):
                uf.union(i, j)
                break
