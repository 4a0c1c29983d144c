"""Name comparison for watchlist search: more tolerant of transliteration than resolution.

A sanctions list writes one Arabic, Pashto, Persian or Russian name in many
romanisations, and a query is often yet another one. The resolver's
:func:`storyline.text.names.token_similarity` stays strict (it merges
entities across a corpus); watchlist search, where only a candidate's score
decides a link and every link is reviewed, accepts more variant kinds:

* **vowels written differently** — Arabic script does not write short vowels, so
  Mahajar / Muhajir, Kubaisi / Qubaysi, Kheirou / Khairy are one name: tokens of
  five letters or more with one transliteration skeleton holding two
  consonants or more (and not ending in two different vowels, Maria / Mario)
  score :data:`VOWEL_VARIANT_SIMILARITY`;
* **a glued article** — Almuatesem / Mutassim, Eddam / Dam, Ezzeddine /
  Zeddine: ``al``/``el`` glued to a word of four letters or more, or an
  assimilated article (``ad-d``, ``es-s``, ``et-t``, ``ez-z``, ``en-n``,
  ``er-r``, ``ash-sh``) written as one word (:func:`strip_glued_article`);
* **kh written h** — Khaled / Haled, Rakhman / Rahman (:func:`kh_keys`) scores
  :data:`VOWEL_VARIANT_SIMILARITY`;
* **d, dh and z; th and s** — Ramadan / Ramazan, Dhawahri / Zawahiri, Uthman / Usman, as Persian,
  Urdu and Turkic spellings write Arabic's emphatic and interdental letters
  (:func:`persianate_skeleton`; five letters or more, three consonants or more) score
  :data:`VOWEL_VARIANT_SIMILARITY`;
* **French romanisation** — Abdelouadoud / Abdelwadud, Djamaat / Jamaat, Charia / Sharia
  (:func:`french_skeleton`: ``ou`` before a vowel, ``dj``, ``ch``, ``tch``) score
  :data:`VOWEL_VARIANT_SIMILARITY`;
* **a consonant abbreviation** — SHPG / Shipping, INTL / International
  (:func:`is_consonant_abbreviation`) scores :data:`ABBREVIATION_SIMILARITY`;
* **spacing** — Akhund Zada / Akhunzada, Yong-won / Yongwon, Na Walna /
  Naualna: two adjacent tokens of one name that together spell a token of the
  other are compared as that one token (:func:`merge_compounds`).

A compound name and the word it is built on (Abdurrahman / Rahman, Ghiasuddin /
Ghias, Khairullah / Khair) are different names, often of one person: they never
count towards a name's score, but :func:`is_core_match` lets search rank the
entry holding the compound (and find it through :func:`core_keys`).

An **acronym and the name it abbreviates** (FDLR / Forces Démocratiques de Libération du
Rwanda, MAEI / Ministry of Atomic Energy Industry, LeT / Lashkar-e-Tayyiba, FOCA / Force
Combattante Abacunguzi) meet through :func:`acronym_initials_similarity`: the acronym's letters are
the beginnings of the name's words in order (function words and particles may be skipped or give
their initial: AQIM / Al-Qaida in the Islamic Maghreb; a word may give more than its first letter;
leading words such as "The Organization of" may be left out). Search finds such names through
:func:`acronym_keys`. The score
(:data:`ACRONYM_INITIALS_SIMILARITY`) stays below linking: letters alone are ambiguous.

A name written in Cyrillic is also compared in a Latin spelling
(:func:`romanize_cyrillic`), so Умаров Доку and Doku Umarov meet.

Stricter than resolution, on the other hand:

* a doubled w or y is a consonant (shadda), not part of a vowel: Fawwaz / Faiz and Sayyid / Said
  are other names (their skeletons agree), compared as plain strings;

* two words three letters or more apart in length (Akhund / Akhunzada, Ahmad /
  Ahmadzai) are other names however high their Jaro-Winkler similarity (which
  rewards a shared beginning): unless they are transliterations, they score
  :data:`LENGTH_GAP_SIMILARITY`, below the token floor;
* tokens out of order cost :data:`NON_ROTATION_PENALTY` instead of the
  resolver's 0.95 unless the order is a rotation (a family name moved to the
  front or back: Al Zawahiri Ayman / Ayman Al-Zawahiri): Omar Uthman Mohammed
  and Omar Mohammed Othman, Cho Yon Chun and Choe Chun Yong are other people.

:func:`watchlist_token_similarity` is the token similarity with these rules;
:func:`watchlist_name_similarity` and :func:`watchlist_query_coverage` are the
name scores over it (with compounds merged first).
"""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import JaroWinkler
from rigour.text import ascii_text

from ..text.names import (
    ORDER_PENALTY,
    ORG_STOPWORDS,
    PARTICLES,
    NameKey,
    is_acronym,
    loose_skeleton,
    name_similarity,
    query_coverage,
    skeleton,
    token_similarity,
    translit_equal,
)

__all__ = [
    "ABBREVIATION_SIMILARITY",
    "ACRONYM_INITIALS_SIMILARITY",
    "BRANCH_CAP",
    "acronym_before_legal_form",
    "acronym_initials_similarity",
    "acronym_keys",
    "acronym_words",
    "acronym_query_keys",
    "CORE_SIMILARITY",
    "VOWEL_VARIANT_SIMILARITY",
    "glued_article_keys",
    "kh_keys",
    "french_keys",
    "french_skeleton",
    "persianate_keys",
    "persianate_skeleton",
    "romanize_cyrillic",
    "core_keys",
    "is_consonant_abbreviation",
    "is_branch_name",
    "is_core_match",
    "name_core",
    "merge_compounds",
    "strip_glued_article",
    "watchlist_name_similarity",
    "watchlist_query_coverage",
    "watchlist_token_similarity",
    "without_legal_form",
    "ORG_WORD_MEANINGS",
    "TRANSLATION_WEIGHT",
    "translated_org_key",
]

VOWEL_VARIANT_SIMILARITY = 0.9  # equal to a loose-skeleton match, so it may cross a first letter (Kubaisi / Qubaysi)
LENGTH_GAP_SIMILARITY = 0.8  # a fuzzy pair three letters or more apart in length: below the token floor
NON_ROTATION_PENALTY = 0.8  # tokens out of order other than a family name moved to the front or back
COMPOUND_FLOOR = 0.93  # two adjacent tokens joined must match the other name's token at least this well
ABBREVIATION_SIMILARITY = 0.9  # SHPG / shipping, INTL / international
CORE_SIMILARITY = 0.85  # Rahman / Abdurrahman, in an entry's coverage of a query only
ACRONYM_INITIALS_SIMILARITY = 0.8  # an acronym spelled by the initials of a name's words: ranks, never links
ACRONYM_PREFIX_SIMILARITY = 0.75  # ... where a word gives more than its initial (FOCA / FOrce Combattante A...)
_VOWELS = frozenset("aeiou")
_GLUED_AL = re.compile(r"^(?:al|el)(?=[a-z]{4})")
_GLUED_SUN = re.compile(r"^(?:a|e)(?=(d|t|s|z|n|r|sh)\1[a-z]{3})")


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_KH = str.maketrans({"х": "kh", "Х": "Kh"})  # Khamatovich, as sanctions lists and the press write it


def romanize_cyrillic(text: str) -> str:
    """A Latin spelling of a name written in Cyrillic (Умаров Доку Хаматович → Umarov Doku Khamatovich), else "".

    ``rigour.text.ascii_text`` romanises (Вахитов → Vahitov), with х written ``kh`` as English-language
    lists do. Names in other scripts give "" (romanising Arabic script loses too much to compare).
    """
    if not _CYRILLIC.search(text):
        return ""
    return ascii_text(text.translate(_CYRILLIC_KH))


@functools.lru_cache(maxsize=200_000)
def strip_glued_article(token: str) -> str:
    """The word without an article written into it: almuatesem → muatesem, eddam → dam; else ``token``."""
    if not token.isascii() or token.startswith("#"):
        return token
    m = _GLUED_AL.match(token) or _GLUED_SUN.match(token)
    if not m:
        return token
    return token[m.end() + (len(m.group(1)) if m.lastindex else 0):]


def glued_article_keys(token: str) -> tuple[str, ...]:
    """Skeleton of the word without a glued article, as an extra lookup key (empty when none)."""
    rest = strip_glued_article(token)
    return (skeleton(rest),) if rest != token else ()


def is_consonant_abbreviation(short: str, long_: str) -> bool:
    """SHPG for shipping, INTL for international, MFG for manufacturing: three letters or more, no vowel, the
    longer word's first and last letters and the rest in its order."""
    if len(short) < 3 or len(long_) <= len(short) or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    if not (short.isascii() and short.isalpha()) or any(ch in "aeiouy" for ch in short[1:]):
        return False
    rest = iter(long_[1:])
    return all(ch in rest for ch in short[1:])


@functools.lru_cache(maxsize=200_000)
def name_core(token: str) -> str:
    """The word a compound name is built on (abdrahman → rahman, ghiasuddin → ghias, khairullah → khair) or ""."""
    if not token.isascii():
        return ""
    if token.startswith("abd") and len(token) >= 6:
        return token[3:]
    if token.endswith(("uddin", "ullah")) and len(token) >= 8:
        return token[:-5]
    return ""


def core_keys(token: str) -> tuple[str, ...]:
    """Skeleton of the word a compound name is built on, as an extra lookup key (empty when none)."""
    core = name_core(token)
    return (skeleton(core),) if core else ()


@functools.lru_cache(maxsize=200_000)
def is_core_match(a: str, b: str) -> bool:
    """One token is the word the other compound name is built on: Rahman / Abdurrahman, Ghias / Ghiasuddin."""
    for x, y in ((a, b), (b, a)):
        core = name_core(x)
        if core and not name_core(y) and (core == y or skeleton(core) == skeleton(y) and translit_equal(core, y)):
            return True
    return False


# words an acronym may skip or take the initial of: articles, prepositions and particles (English,
# French, Spanish, German, transliterated Arabic/Persian/Urdu)
_FUNCTION_WORDS = ORG_STOPWORDS | PARTICLES | frozenset(
    {"a", "an", "au", "aux", "le", "les", "et", "pour", "par", "en", "del", "los", "las", "y", "el", "da", "do", "dos",
     "das", "e", "fi", "wa", "li", "bi", "ila", "min", "at", "to", "by", "with", "from"})
_WORD = re.compile(r"[a-z0-9]+")
_ACRONYM_MAX = 10  # longer "acronyms" are words


@functools.lru_cache(maxsize=100_000)
def acronym_words(text: str) -> tuple[str, ...]:
    """The lower-case ASCII words of a name as written (function words kept), for acronym matching."""
    return tuple(_WORD.findall(ascii_text(re.sub(r"['\u2019\u2018`]", "", text)).lower()))


def acronym_initials_similarity(letters: str, words: tuple[str, ...]) -> float:
    """How well ``letters`` (an acronym, lower case) abbreviates the name of ``words``; 0 when it cannot.

    Every content word from the first one used to the last word of the name gives a non-empty
    beginning of itself, in order; a function word gives its initial or nothing; words before the
    first one used may be left out when the acronym has three letters or more. Each word giving
    exactly its initial scores :data:`ACRONYM_INITIALS_SIMILARITY`, any longer beginning
    :data:`ACRONYM_PREFIX_SIMILARITY`.
    """
    n, m = len(letters), len(words)
    if n < 2 or n > _ACRONYM_MAX or m < 2 or not letters.isalnum():
        return 0.0
    best = 0.0

    @functools.lru_cache(maxsize=None)
    def match(i: int, j: int) -> int:
        """-1 when letters[i:] cannot spell words[j:]; else the number of words giving more than an initial."""
        if j == m:
            return 0 if i == n else -1
        word = words[j]
        function = word in _FUNCTION_WORDS
        out = -1
        if function:
            rest = match(i, j + 1)
            out = rest
        if i < n and letters[i] == word[0]:
            for k in range(1, min(len(word), n - i) + 1):
                if letters[i + k - 1] != word[k - 1]:
                    break
                rest = match(i + k, j + 1)
                if rest >= 0:
                    cost = rest + (k > 1)
                    out = cost if out < 0 else min(out, cost)
        return out

    for start in range(m - 1 if n >= 3 else 1):
        extra = match(0, start)
        if extra >= 0 and m - start >= 2:
            best = max(best, ACRONYM_INITIALS_SIMILARITY if extra == 0 else ACRONYM_PREFIX_SIMILARITY)
            if extra == 0:
                break
    return best


# legal forms a company's acronym leaves out (TDG Ltd. for Technology and Development Group Limited)
_LEGAL_FORMS = frozenset({"ltd", "limited", "co", "company", "inc", "incorporated", "corp", "corporation", "llc",
                          "llp", "plc", "gmbh", "jsc", "pte", "pvt", "sarl", "sa"})


def without_legal_form(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name without the legal forms that end it (Technology and Development Group Limited →
    technology, and, development, group); the words unchanged when nothing else would be left."""
    end = len(words)
    while end > 1 and words[end - 1] in _LEGAL_FORMS:
        end -= 1
    return words[:end]


def acronym_before_legal_form(text: str) -> str:
    """``TDG`` for ``TDG Ltd.`` or ``TDG Co., Ltd``: an acronym followed only by legal forms; else ""."""
    parts = text.split()
    end = len(parts)
    while end > 1 and re.sub(r"[.,]", "", parts[end - 1]).lower() in _LEGAL_FORMS:
        end -= 1
    if end == len(parts) or end != 1:
        return ""
    head = parts[0].rstrip(",")
    return head if is_acronym(head) else ""


def _last_content(words: tuple[str, ...]) -> str:
    for w in reversed(words):
        if w not in _FUNCTION_WORDS:
            return w
    return ""


def acronym_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """Index keys under which an acronym finds this name: ``@`` + the initial of a word an acronym may begin
    with + the initial of the name's last content word (with and without the legal form that ends it)."""
    out: dict[str, None] = {}
    for ws in dict.fromkeys((words, without_legal_form(words))):
        last = _last_content(ws)
        if len(ws) >= 2 and last:
            out.update(dict.fromkeys(f"@{w[0]}{last[0]}" for w in ws[:-1]))
    return tuple(out)


def acronym_query_keys(letters: str) -> tuple[str, ...]:
    """The :func:`acronym_keys` an acronym's names may be posted under (the last content word begins
    with one of its later letters)."""
    if len(letters) < 2 or len(letters) > _ACRONYM_MAX:
        return ()
    return tuple(dict.fromkeys(f"@{letters[0]}{ch}" for ch in letters[1:]))


def kh_skeleton(token: str) -> str:
    """The skeleton with kh written h (Khaled / Haled, Rakhman / Rahman, Khamatovich / Hamatovich), else ""."""
    skel = skeleton(token)
    return skel.replace("X", "h") if "X" in skel and token.isascii() else ""


def kh_keys(token: str) -> tuple[str, ...]:
    """The skeleton with kh written h, as an extra lookup key (empty when the token has no kh)."""
    key = kh_skeleton(token)
    return (key,) if key else ()


def _lost_doubled_glide(a: str, b: str) -> bool:
    """One token doubles w or y (a consonant written with shadda: Fawwaz, Sayyid) where the other has none."""
    if not (a.isascii() and b.isascii()):
        return False
    return any(g in x and g[0] not in y for x, y in ((a, b), (b, a)) for g in ("ww", "yy"))


def _consonants(skel: str) -> int:
    return sum(1 for ch in skel if ch != "a")


_PERSIANATE = str.maketrans({"D": "z", "d": "z", "T": "s"})


@functools.lru_cache(maxsize=200_000)
def persianate_skeleton(token: str) -> str:
    """The skeleton with d/dh written z and th written s, as Persian, Urdu and Turkic spellings of Arabic
    names write them (Ramadan / Ramazan, Fadlullah / Fazlullah, Dhawahri / Zawahiri, Uthman / Usman),
    for tokens of five letters or more with three consonants or more; else ""."""
    if len(token) < 5 or not token.isascii() or token.startswith("#"):
        return ""
    skel = skeleton(token)
    out = skel.translate(_PERSIANATE)
    return out if _consonants(skel) >= 3 else ""


_FRENCH = ((re.compile(r"ou(?=[aeiy])"), "w"), (re.compile(r"dj"), "j"), (re.compile(r"tch"), "ch"),
           (re.compile(r"(?<!s)ch"), "sh"))


@functools.lru_cache(maxsize=200_000)
def french_skeleton(token: str) -> str:
    """The skeleton of a name romanised the French way (Maghreb, West Africa) read the English way: ``ou``
    before a vowel is w, ``dj`` is j, ``ch`` is sh, ``tch`` is ch (Abdelouadoud / Abdelwadud,
    Djamaat / Jamaat, Charia / Sharia); "" when the token has none of these or fewer than four letters."""
    if len(token) < 4 or not token.isascii() or token.startswith("#"):
        return ""
    out = token
    for pattern, repl in _FRENCH:
        out = pattern.sub(repl, out)
    return skeleton(out) if out != token else ""


def french_keys(token: str) -> tuple[str, ...]:
    """:func:`french_skeleton` as an extra lookup key (empty when it adds nothing)."""
    key = french_skeleton(token)
    return (key,) if key and key != skeleton(token) else ()


def persianate_keys(token: str) -> tuple[str, ...]:
    """:func:`persianate_skeleton` as an extra lookup key (empty when it adds nothing)."""
    key = persianate_skeleton(token)
    return (key,) if key and key != skeleton(token) else ()


@functools.lru_cache(maxsize=200_000)
def watchlist_token_similarity(a: str, b: str) -> float:
    """:func:`token_similarity`, plus vowel variants and glued articles (see the module docstring)."""
    base = token_similarity(a, b)
    if base >= 0.95 and a != b and _lost_doubled_glide(a, b):
        return float(JaroWinkler.normalized_similarity(a, b))  # Fawwaz / Faiz, Sayyid / Said: other names
    if base >= 0.95 and a[:1] == b[:1]:
        return base  # equal, transliteration-equal or very close
    if is_consonant_abbreviation(a, b) or is_consonant_abbreviation(b, a):
        return max(base, ABBREVIATION_SIMILARITY)
    if not (a.isascii() and b.isascii()) or "#" in (a[:1], b[:1]):
        return base
    for x, y in ((a, b), (b, a)):
        rest = strip_glued_article(x)
        if rest == x or len(rest) < 3:
            continue
        if (skeleton(rest) == skeleton(y) and (len(y) >= 5 or token_similarity(rest, y) >= 0.95)
                or rest[:1] == y[:1] and token_similarity(rest, y) >= VOWEL_VARIANT_SIMILARITY):
            return max(base, VOWEL_VARIANT_SIMILARITY)  # Almuatesem / Mutassim
    if (abs(len(a) - len(b)) >= 3 and a.isascii() and b.isascii() and skeleton(a) != skeleton(b)
            and loose_skeleton(a) != loose_skeleton(b)):
        return min(base, LENGTH_GAP_SIMILARITY)  # Akhund / Akhunzada, Ahmad / Ahmadzai: another name
    if (min(len(a), len(b)) >= 4 and (a[:1] != b[:1] or base < VOWEL_VARIANT_SIMILARITY)
            and skeleton(a) != skeleton(b) and (kh_skeleton(a) or skeleton(a)) == (kh_skeleton(b) or skeleton(b))):
        return VOWEL_VARIANT_SIMILARITY  # kh written h; exactly this value, so it may cross a first letter
    fa, fb = french_skeleton(a) or skeleton(a), french_skeleton(b) or skeleton(b)
    if fa == fb and skeleton(a) != skeleton(b) and base < VOWEL_VARIANT_SIMILARITY:
        return VOWEL_VARIANT_SIMILARITY  # Djamaat / Jamaat, Charia / Sharia; exactly this value (may cross a letter)
    pa, pb = persianate_skeleton(a), persianate_skeleton(b)
    if pa and pa == pb and skeleton(a) != skeleton(b) and base < VOWEL_VARIANT_SIMILARITY + 0.05:
        return max(base, VOWEL_VARIANT_SIMILARITY)  # Ramadan / Ramazan, Uthman / Usman
    if base >= VOWEL_VARIANT_SIMILARITY or not (a.isascii() and b.isascii()) or "#" in (a[:1], b[:1]):
        return base
    sa, sb = skeleton(a), skeleton(b)
    if (sa == sb and min(len(a), len(b)) >= 5 and _consonants(sa) >= 2
            and not (a[-1] in _VOWELS and b[-1] in _VOWELS and a[-1] != b[-1])):
        return VOWEL_VARIANT_SIMILARITY
    return base


def _merged(key: NameKey, other: NameKey) -> NameKey:
    """``key`` with each adjacent token pair joined where the pair spells a token of ``other`` better than its parts."""
    if len(key.tokens) < 2 or not key.latin:
        return key
    tokens = list(key.tokens)
    i = 0
    changed = False
    while i + 1 < len(tokens):
        left, right = tokens[i], tokens[i + 1]
        joined = left + right
        if left.startswith("#") or right.startswith("#"):
            i += 1
            continue
        sj = ""
        for t in other.tokens:
            if abs(len(t) - len(joined)) > 3:
                continue
            sj = sj or skeleton(joined)
            equal = sj == skeleton(t) or loose_skeleton(joined) == loose_skeleton(t)
            sim = 1.0 if equal else token_similarity(joined, t) if joined[:1] == t[:1] else 0.0
            if sim >= COMPOUND_FLOOR and sim > max(token_similarity(left, t), token_similarity(right, t)):
                tokens[i:i + 2] = [joined]
                changed = True
                break
        else:
            i += 1
    if not changed:
        return key
    return NameKey(key.text, tuple(tokens), tuple(skeleton(t) for t in tokens), key.latin)


def merge_compounds(a: NameKey, b: NameKey) -> tuple[NameKey, NameKey]:
    """Both names with adjacent tokens joined where together they spell a token of the other name."""
    if not (a.latin and b.latin) or len(a.tokens) == len(b.tokens) == 1:
        return a, b
    a2 = _merged(a, b)
    b2 = _merged(b, a2)
    return a2, b2


def _is_rotation(order: list[int]) -> bool:
    """Whether ``order`` (positions in the other name, in this name's order) is increasing after one cyclic shift."""
    descents = [k for k in range(1, len(order)) if order[k] < order[k - 1]]
    if len(descents) != 1:
        return not descents
    k = descents[0]
    shifted = order[k:] + order[:k]
    return all(x < y for x, y in zip(shifted, shifted[1:]))


def _order_penalty(order: list[int]) -> float:
    return ORDER_PENALTY if _is_rotation(order) else NON_ROTATION_PENALTY


def _scored(a: NameKey, b: NameKey, person: bool) -> float:
    if (a.skeleton == b.skeleton and len(a.tokens) == len(b.tokens)
            and any(_lost_doubled_glide(x, y) for x, y in zip(a.tokens, b.tokens))):
        # equal skeletons, but a doubled w/y on one side only: compare token by token (Khalid Fawwaz / Faiz)
        a = NameKey(a.text, a.tokens, tuple(f"{sk}:{tok}" for sk, tok in zip(a.skeleton, a.tokens)), a.latin)
    return name_similarity(a, b, person=person, token_sim=watchlist_token_similarity, order_penalty=_order_penalty)


def watchlist_name_similarity(a: NameKey, b: NameKey, *, person: bool = False) -> float:
    """:func:`name_similarity` over :func:`watchlist_token_similarity`, compounds merged first, a stronger
    penalty for tokens out of order that are not a rotation."""
    plain = _scored(a, b, person)
    if plain >= 0.95:
        return plain  # nothing to gain from joining tokens
    a2, b2 = merge_compounds(a, b)
    if a2 is a and b2 is b:
        return plain
    return max(plain, _scored(a2, b2, person))


# words an organisation's names add or drop without naming another organisation (Abu Sayyaf / Abu Sayyaf Group)
_GENERIC_ORG_WORDS = frozenset({
    "group", "groups", "organization", "organisation", "movement", "network", "front", "party", "association",
    "society", "foundation", "committee", "council", "union", "company", "co", "ltd", "inc", "corp", "corporation",
    "llc", "plc", "limited", "enterprise", "enterprises", "brigade", "brigades", "battalion", "battalions",
    "army", "forces", "force", "militia", "mujahideen", "mujahidin", "jamaat", "jamaah", "jamaa", "jamiat",
    "tanzim", "harakat", "harakah", "hizb", "jabhat", "katibat", "kataib", "tehrik", "tehreek", "tahrik"})
_OF_WORDS = frozenset({"of", "de", "du", "des", "del", "di"})
BRANCH_CAP = 0.8  # one organisation name is another's plus a qualifier (ISIL - Khorasan / ISIL): below linking


def is_branch_name(a: NameKey, b: NameKey) -> bool:
    """One organisation name is the other's words followed by a qualifier that is not a generic word (a place,
    a province): ISIL - Khorasan and ISIL, Ansar al-Sharia Derna and Ansar al-Sharia, Al-Qaida in Iraq and
    Al-Qaida name a branch and the whole, two different listed organisations."""
    if not (a.latin and b.latin) or len(a.tokens) == len(b.tokens):
        return False
    short, long_ = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
    if not short.tokens or short.tokens[0].startswith("#"):
        return False
    held = [any(watchlist_token_similarity(s, t) >= 0.88 for t in long_.tokens) for s in short.tokens]
    if not all(held):
        return False
    matched = [i for i, t in enumerate(long_.tokens)
               if any(watchlist_token_similarity(t, s) >= 0.88 for s in short.tokens)]
    # the qualifier follows the shared words: a national name before them (Korean / DPRK Committee for Space
    # Technology) is the same organisation's, and so is one joined by "of" (Islamic Jihad Group of Uzbekistan):
    # a branch is "in" a place, or the place is appended (ISIL - Khorasan, Ansar al-Sharia Derna)
    qualifier = [t for i, t in enumerate(long_.tokens) if i > matched[-1]]
    if not any(t not in _GENERIC_ORG_WORDS and not t.isdigit() for t in qualifier):
        return False
    words = acronym_words(long_.text)
    first = ascii_text(qualifier[0])
    at = words.index(first) if first in words else -1
    return not (at > 0 and words[at - 1] in _OF_WORDS)


# what the Arabic, Persian and Urdu words of organisation names mean: lists and the press give both (Jund
# al-Khilafah / Soldiers of the Caliphate, Ansar Allah / Supporters of God, Jaish-e-Mohammed / Army of Mohammed)
ORG_WORD_MEANINGS: dict[str, str] = {
    **dict.fromkeys(("jund", "junud"), "soldiers"),
    **dict.fromkeys(("ansar", "ansaar"), "supporters"),
    "partisans": "supporters", "helpers": "supporters",
    **dict.fromkeys(("jaish", "jaysh", "jeish", "jaish", "lashkar", "lashkare"), "army"),
    **dict.fromkeys(("hizb", "hezb", "hizbul"), "party"),
    **dict.fromkeys(("harakat", "harakah", "haraka", "harkat", "harakatul"), "movement"),
    **dict.fromkeys(("jabhat", "jabha", "jebhat", "jabhah"), "front"),
    **dict.fromkeys(("jamaat", "jamaah", "jamaa", "jemaah", "jemaat", "jamaa", "jama"), "group"),
    **dict.fromkeys(("jamiat", "jamiyat", "jamiya", "jamiyah", "jamiyya", "jamia", "jamyah", "jamiyat"), "society"),
    **dict.fromkeys(("kataib", "katibat", "katiba", "katibah"), "brigades"), "brigade": "brigades",
    "battalion": "brigades", "battalions": "brigades",
    **dict.fromkeys(("wilayat", "wilaya", "wilayah"), "province"),
    **dict.fromkeys(("dawla", "dawlat", "dawlah"), "state"),
    **dict.fromkeys(("islamiya", "islamiyya", "islamiyah", "islamia", "islami", "islamiyyah", "islamiyaa"),
                    "islamic"),
    "allah": "god", "ullah": "god",
    **dict.fromkeys(("khilafah", "khilafa", "khilafat", "khilafet"), "caliphate"),
    **dict.fromkeys(("tawhid", "tauhid", "tawheed", "tauheed"), "monotheism"),
    **dict.fromkeys(("tahrir", "tahreer"), "liberation"),
    **dict.fromkeys(("tanzim", "tanzeem"), "organization"), "organisation": "organization",
    **dict.fromkeys(("shabaab", "shabab"), "youth"),
    "sham": "levant",
}
TRANSLATION_WEIGHT = 0.95  # a match through the meaning of a name's words counts a little less


def translated_org_key(key: NameKey) -> NameKey | None:
    """An organisation name with its Arabic, Persian or Urdu words replaced by their English meaning
    (:data:`ORG_WORD_MEANINGS`: Jund al-Khilafah → soldiers caliphate, Hezbollah → party god), or None when
    it has none."""
    if not key.latin:
        return None
    tokens: list[str] = []
    for t in key.tokens:
        if t.endswith("ullah") and t[:-5] in ORG_WORD_MEANINGS:
            tokens += (ORG_WORD_MEANINGS[t[:-5]], "god")  # Ansarullah, Hezbollah: one word once joined
        else:
            tokens.append(ORG_WORD_MEANINGS.get(t, t))
    if tuple(tokens) == key.tokens:
        return None
    return NameKey(key.text, tuple(tokens), tuple(skeleton(t) for t in tokens), key.latin)


def watchlist_query_coverage(query: NameKey, other: NameKey) -> float:
    """:func:`query_coverage` over :func:`watchlist_token_similarity` (compounds merged first)."""
    plain = query_coverage(query, other, token_sim=watchlist_token_similarity)
    if plain >= 0.95:
        return plain
    q2, o2 = merge_compounds(query, other)
    if q2 is query and o2 is other:
        return plain
    # a merged query has fewer tokens; each merged token stands for the two it joined
    return max(plain, query_coverage(q2, o2, token_sim=watchlist_token_similarity))
