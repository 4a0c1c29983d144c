"""Cleaning and comparing name spans inside one document (pure text functions).

* :func:`trim_span` cuts what a model glued onto a name: line breaks, leading
  articles and quotes, trailing possessives (``’s``, ``'s``, ``s’``) and
  punctuation, and a following sentence ("ISIS-K. Instead").
* :func:`split_title` separates honorifics and titles from the name: titles
  (offices, ranks) never stay in a name span; honorifics stay only when the
  name is a single word ("Dr. Hussain" but "Abdul Rahman" for "Dr. Abdul Rahman").
* :func:`name_key` / :func:`name_parts` give a comparison form that ignores
  case, diacritics, hyphens, common transliteration variants and particles.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "PARTICLES",
    "acronym_matches",
    "has_letters",
    "is_acronym",
    "is_heading_line",
    "is_junk",
    "name_key",
    "name_parts",
    "split_title",
    "trim_span",
    "trim_headline_words",
    "extend_hyphenated",
    "is_dateline",
]

# Lower-case joiners inside transliterated names: Tehrik-i-Taliban, Khalil-ur-Rehman, Pul-e-Charkhi, al-Muhajir.
PARTICLES = frozenset({"i", "e", "ur", "ul", "ud", "ad", "al", "el", "as", "ash", "az", "an", "bin", "ibn", "bint", "ben", "abu", "de", "da", "di", "van", "von", "wa", "wal"})
_HYPHEN_JOINERS = frozenset({"i", "e", "ur", "ul", "ud", "ad", "al", "el", "as", "ash", "az", "an", "wal", "o"})
_APOS = "'’ʼ`"
_POSSESSIVE = re.compile(r"(?:[’‘'ʼ]s|(?<=s)[’'ʼ])$")
_LEADING = re.compile(r"^(?:(?:the|The|THE|a|A|an|An)\s+)+")
_OPEN_PUNCT = "\"“”‘’«»([{<*•·-–—_/:;,.!?|#" + _APOS
_CLOSE_PUNCT = "\"“”‘’«»)]}>*•·-–—_/:;,!?|#" + _APOS
_MONTHS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
_SMALL = frozenset("a an the of and or in on at for to by with from as vs is are was be its it".split())
_WORD = re.compile(r"[^\W\d_][^\s]*", re.UNICODE)
_TRANSLIT = [
    (re.compile(r"^m[uo]h?amm?[ae]d$"), "muhammad"),
    (re.compile(r"^ahm[ae]d$"), "ahmad"),
    (re.compile(r"^rah?man$"), "rahman"),
    (re.compile(r"^reh?man$"), "rahman"),
    (re.compile(r"^(?:abdul|abdel|abdal)$"), "abdul"),
]


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_acronym(text: str) -> bool:
    """'TTP', 'ISIS-K', 'U.N.', 'RFE/RL', 'JeM': short, mostly capitals, no spaces."""
    if " " in text or not 2 <= len(text) <= 10:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper >= max(2, len(letters) - 1) and text[0].isupper()


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``text[start:end]`` to the name it holds, or None when nothing is left."""
    s, e = start, end
    seg = text[s:e]
    # First line only: a name never spans a line break.
    nl = seg.find("\n")
    if nl == 0:
        stripped = seg.lstrip()
        s += len(seg) - len(stripped)
        seg = text[s:e]
        nl = seg.find("\n")
    if nl > 0:
        e = s + nl
    # Wikipedia-style reference marks: "Bashar al-Assad,[1]"
    br = text.find("[", s, e)
    if br > s:
        e = br
    # A following sentence glued on: "ISIS-K. Instead"
    for m in re.finditer(r"[.!?]\s+(?=\S)", text[s:e]):
        before = text[s : s + m.start()].split()
        last = before[-1] if before else ""
        if "." in last or len(last) <= 1 or last.rstrip(".") in _ABBREVIATIONS:
            continue
        e = s + m.start()
        break
    for _ in range(6):
        seg = text[s:e]
        changed = False
        lead = _LEADING.match(seg)
        if lead and lead.end() < len(seg):
            s += lead.end()
            changed = True
        while s < e and (text[s].isspace() or text[s] in _OPEN_PUNCT):
            s += 1
            changed = True
        while e > s and (text[e - 1].isspace() or text[e - 1] in _CLOSE_PUNCT):
            if text[e - 1] == ")" and text.count("(", s, e) >= text.count(")", s, e):
                break  # "... of Afghanistan (IEA)" keeps its closing parenthesis
            e -= 1
            changed = True
        poss = _POSSESSIVE.search(text[s:e])
        if poss and poss.start() > 0:
            e = s + poss.start()
            changed = True
        if e > s and text[e - 1] == "." and not _keeps_period(text[s:e]):
            e -= 1
            changed = True
        if not changed:
            break
    if e <= s or not has_letters(text[s:e]):
        return None
    return s, e


_ABBREVIATIONS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen", "Rep", "St", "Mt", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "No", "Amb", "Brig", "Cmdr", "Pres"})


def _keeps_period(seg: str) -> bool:
    words = seg.split()
    last = words[-1] if words else ""
    core = last[:-1]
    return "." in core or core in _ABBREVIATIONS or (len(core) == 1 and core.isupper())


def extend_hyphenated(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over hyphen joiners the tokenizer split: Tehrik-i-Taliban, Khalil-ur-Rehman, ISIS-K.

    Only joiner particles and single capitals are crossed ("US-Taliban talks"
    keeps two names).
    """
    s, e = start, end
    # rightwards: "-i-Taliban", "-ur-Rehman", "-K"
    while e < len(text) and text[e] == "-":
        m = re.match(r"-([^\W\d_]+)(?:-([^\W\d_][\w]*))?", text[e:])
        if not m:
            break
        piece, after = m.group(1), m.group(2)
        if piece.lower() in _HYPHEN_JOINERS and after and after[0].isupper():
            e += m.end()
        elif len(piece) <= 2 and piece.isupper() and not after:
            e += 1 + len(piece)
        else:
            break
    # leftwards: "Tehrik-i-" before "Taliban"
    while s > 0 and text[s - 1] == "-":
        m = re.search(r"([^\W\d_][\w]*)-([^\W\d_]+)-$", text[max(0, s - 60) : s])
        if not m or m.group(2).lower() not in _HYPHEN_JOINERS or not m.group(1)[0].isupper():
            break
        s -= len(m.group(0))
    return s, e


def split_title(text: str, titles: Iterable[str], honorifics: Iterable[str]) -> tuple[int, int, str | None]:
    """Return (name_offset, title_end, title) for a leading honorific/title in a person span.

    ``name_offset`` is where the name starts inside ``text`` (0 when the title
    stays in the span); ``title`` is the stripped office/rank words, for a
    role mention, or None.
    """
    honor = set(honorifics)
    pos = 0
    kept_honorific_at: int | None = None
    office: list[str] = []
    office_end = 0
    ordered = sorted(set(titles) | honor, key=len, reverse=True)
    while True:
        rest = text[pos:]
        hit = None
        for t in ordered:
            if rest.startswith(t) and (len(rest) == len(t) or rest[len(t)] in " \u00a0" or t.endswith(".")):
                hit = t
                break
        if hit is None:
            break
        nxt = pos + len(hit)
        while nxt < len(text) and text[nxt] in " \u00a0":
            nxt += 1
        if nxt >= len(text):
            break  # the title is all there is: leave it
        if hit in honor:
            if kept_honorific_at is None:
                kept_honorific_at = pos
        else:
            office.append(hit)
            office_end = pos + len(hit)
            kept_honorific_at = None
        pos = nxt
    if pos == 0:
        return 0, 0, None
    name_words = _WORD.findall(text[pos:])
    if kept_honorific_at is not None and len(name_words) <= 1:
        return kept_honorific_at, office_end, " ".join(office) or None
    return pos, office_end, " ".join(office) or None


def is_junk(text: str) -> bool:
    """Dates, numbers, lower-case phrases and shouted headings are not names."""
    words = text.split()
    if not words or not has_letters(text):
        return True
    if len(words) > 9:
        return True
    alpha = [w for w in words if has_letters(w)]
    if all(w.strip(".,").lower() in _MONTHS or not has_letters(w) for w in words):
        return True
    if not any(ch.isupper() for ch in text) and any(ch.isalpha() and ch.lower() != ch.upper() for ch in text):
        return True  # all lower case Latin/Cyrillic/Greek: not a name
    caps = [w for w in alpha if w.isupper() and sum(ch.isalpha() for ch in w) > 1]
    if len(alpha) >= 2 and len(caps) == len(alpha) and sum(len(w) for w in caps) > 12:
        return True  # "BREAKING NEWS FROM KABUL"
    if any(ch in text for ch in ":;|@#©®™=<>{}[]\\"):
        return True
    if text.lower().startswith(("http", "www.")):
        return True
    return False


def is_heading_line(line: str) -> bool:
    """A short title-case line without sentence punctuation (headline, sub-heading, teaser)."""
    s = line.strip()
    if not s or len(s) > 160 or s[-1] in ".!?\"”’…,;:":
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", s)]
    if not words or len(words) > 18:
        return False
    big = [w for w in words if w.lower() not in _SMALL]
    if not big:
        return False
    capital = sum(1 for w in big if w[0].isupper())
    return capital / len(big) >= 0.75


def _norm_part(p: str) -> str:
    p = unicodedata.normalize("NFKD", p)
    p = "".join(ch for ch in p if not unicodedata.combining(ch)).lower()
    p = re.sub(r"[^\w]", "", p)
    for rx, repl in _TRANSLIT:
        if rx.match(p):
            return repl
    p = p.replace("ee", "i").replace("oo", "u").replace("q", "k")
    p = re.sub(r"(.)\1+", r"\1", p)
    return p


@functools.lru_cache(maxsize=65536)
def name_parts(text: str) -> tuple[str, ...]:
    """Normalised name words without particles: 'Khalil-ur-Rehman Haqqani' -> ('khalil', 'rahman', 'haqani')."""
    text = _POSSESSIVE.sub("", text.strip())
    raw = re.split(r"[\s\-‐–]+", text)
    parts = []
    for r in raw:
        n = _norm_part(r)
        if n and n not in PARTICLES:
            parts.append(n)
    return tuple(parts)


def name_key(text: str) -> str:
    """One comparison string: 'Al-Mirsaad’s' and 'al Mirsaad' give the same key."""
    parts = name_parts(text)
    return " ".join(parts) if parts else text.strip().lower()


def acronym_matches(acronym: str, name: str) -> bool:
    """'TTP' ~ 'Tehrik-i-Taliban Pakistan', 'ISI' ~ 'Inter-Services Intelligence', 'IEA' ~ 'Islamic Emirate of Afghanistan'."""
    letters = "".join(ch for ch in acronym if ch.isalpha()).upper()
    if len(letters) < 2:
        return False
    words = [w for w in re.split(r"[\s\-‐–/]+", name) if w and w[0].isalpha()]
    caps = [w for w in words if w[0].isupper()]
    full = [w for w in words if w.lower() not in _SMALL and w.lower() not in PARTICLES]
    candidates = {"".join(w[0] for w in caps).upper(), "".join(w[0] for w in full).upper(), "".join(w[0] for w in words).upper()}
    if letters in candidates:
        return True
    # 'ISIS' style: initials of every word incl. 'of' / 'and' (Islamic State of Iraq and Syria)
    return any(c.startswith(letters) and len(letters) >= 3 and len(c) - len(letters) <= 1 for c in candidates)


def trim_headline_words(text: str, start: int, end: int, leading: frozenset[str], trailing: frozenset[str],
                        alone: frozenset[str], *, person: bool) -> tuple[int, int] | None:
    """Cut the words a headline glues to a name ("Rip Donald Trump", "Hillary Clinton Drops").

    Leading words go from any name of two or more words; trailing verbs only from a
    person's name (an organisation may end in such a word). None when only such a word is left.
    """
    seg = text[start:end]
    words = list(re.finditer(r"\S+", seg))
    if len(words) == 1 and words[0].group(0) in alone:
        return None
    while len(words) >= 2 and (words[0].group(0) in leading or _sentence_adverb(text, start + words[0].start(), words[0].group(0))):
        words = words[1:]
    while person and len(words) >= 2 and words[-1].group(0) in trailing:
        words = words[:-1]
    if not words:
        return None
    return start + words[0].start(), start + words[-1].end()


_ADVERB = re.compile(r"[A-Z][a-z]{4,}ly")


def _sentence_adverb(text: str, pos: int, word: str) -> bool:
    """"Certainly", "Meanwhile"-like adverbs opening a sentence are not a first name (Kelly, Beverly are too short or listed)."""
    if not _ADVERB.fullmatch(word) or word.lower() in _ADVERB_NAMES:
        return False
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"“'‘")
    return pos == 0 or not before or before[-1] in ".!?\n:"


_ADVERB_NAMES = frozenset({"beverly", "kimberly", "shelly", "kelly", "emily", "holly", "molly", "sally", "wally", "billy",
                           "lilly", "dolly", "polly", "kimberley", "ashley", "bradley", "stanley", "hadley", "finley"})


_DATELINE = re.compile(r"[ \t]*([A-Z][A-Z.'\- ]*[A-Z.](?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?)[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[\u2014\u2013-]{1,2}[ \t]")


def is_dateline(text: str, start: int, end: int) -> bool:
    """A name inside a dateline opening a line: "KABUL, Afghanistan —", "WASHINGTON (AP) -" (not the agency)."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _DATELINE.match(text, line_start)
    return m is not None and m.start(1) <= start and end <= m.end(1)
