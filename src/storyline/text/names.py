"""Name normalisation and comparison that tolerates transliteration.

Names of people and groups from South/Central Asia and the Middle East reach
English text in many spellings: Muhammad/Mohammad/Mohammed, Zabihullah/
Zabiullah, Khalil-ur-Rehman/Khalil ur Rahman, al-Muhajir/Muhajer,
Sharif Ullah/Sharifullah. This module turns a name into a :class:`NameKey`:

* ``tokens`` — the *normalised* tokens: NFKC, ASCII-folded (Latin script only),
  lower case, apostrophes and possessive ``'s`` removed, split at spaces,
  hyphens and dots, honorifics and ranks dropped (Dr., Mullah, Maulawi, Gen.),
  connecting particles dropped (al-, el-, ul, ur, ud, -i-, -e-), ``Abdul X`` and
  ``X ullah``/``X ud-Din`` joined into one token with a canonical suffix.
* ``skeleton`` — one transliteration key per token: digraphs kept as units
  (kh, sh, gh, th, dh, ch), q/c → k, v → w, doubled letters collapsed, an ``h``
  between vowels (or after a final vowel) dropped, and every run of vowels
  (with w/y inside a word) written as one ``a``. Muhammad, Mohammad and
  Mohammed all become ``mamad`` while Mahmud stays ``mahmad``; Rehman and
  Rahman both become ``rahman``.

Two tokens are *transliteration-equal* when their skeletons are equal; a
fuzzy token similarity (rapidfuzz Jaro-Winkler on the normalised tokens) covers
plain misspellings. Libraries: ``rigour.text.ascii_text`` folds Latin
diacritics (é→e, ß→ss) — we use it only for Latin-script names, since its
romanisation of Arabic script is too lossy to compare; ``rigour.names.
tokenize_name`` was tried but keeps possessive forms and particles, so we
tokenise with one regular expression instead. For organisations
``rigour.names.replace_org_types_compare`` rewrites legal forms to one short
form (Limited → ltd, Company → co). ``rapidfuzz`` gives the token
similarity; a *loose* skeleton (voiced/unvoiced consonants and kh/k merged)
covers Mukhlis/Muklis and Korean Pong/Bong, Chong/Jong. Honorifics and ranks come from the gazetteer's ``titles.json``.
Names in a non-Latin script keep their letters (casefolded) so that they only
ever compare equal to names in the same script.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from rapidfuzz.distance import JaroWinkler
from rigour.names import replace_org_types_compare
from rigour.text import ascii_text

from ..model import EntityType

__all__ = [
    "NameKey",
    "acronym_letters",
    "initials",
    "is_title_only",
    "loose_skeleton",
    "is_acronym",
    "name_key",
    "name_similarity",
    "query_coverage",
    "skeleton",
    "split_bracketed",
    "token_similarity",
    "translit_equal",
    "generation",
    "core_tokens",
    "name_gender",
    "honorific_gender",
    "person_names_conflict",
    "GENERATIONAL",
    "given_name_genders",
]

log = logging.getLogger(__name__)

# Connecting particles that transliterations write, omit or glue on at will.
PARTICLES = frozenset({"al", "el", "ul", "ur", "ud", "ad", "ar", "as", "ash", "at", "az", "an", "us", "e", "i", "u", "ol", "oul"})
# Function words dropped from organisation names before comparing.
ORG_STOPWORDS = frozenset({"the", "of", "and", "in", "for", "on", "de", "la", "du", "des", "der", "und", "s"})
_FALLBACK_HONORIFICS = ("dr", "mr", "mrs", "ms", "prof", "professor", "mullah", "mulla", "maulvi", "mawlawi", "maulawi",
                        "molvi", "moulvi", "maulana", "mawlana", "sheikh", "shaikh", "shaykh", "haji", "hajji", "qari",
                        "mufti", "hafiz", "ustad", "imam", "sir", "sayyid", "allama", "gen", "general", "col", "colonel",
                        "maj", "major", "capt", "captain", "lt", "brig", "brigadier", "commander", "governor")
# Token-final spellings of ...ullah and ...uddin, and the abbreviation of Muhammad.
_ULLAH_TOKENS = frozenset({"ullah", "ulla", "ulah", "ollah", "allah", "alla", "ulloh"})
_DIN_TOKENS = frozenset({"din", "deen", "uddin", "udin", "uddeen", "udeen", "eddin", "addin", "uldin", "aldin",
                         "eddine", "edine", "uddine", "addine"})
_ULLAH_END = re.compile(r"(?:ullah|ulla|ulah|ollah|ulloh)$")
_DIN_END = re.compile(r"(?:uddin|udin|uddeen|udeen|eddine?|edine?|addine?|uldin|aldin|oddin)$")
# "abd" + an article: ul/al/el/ol, or one assimilated to the next letter (ur, ar, er, us, as, es: Abdurrahman, Abderrahmane);
# otherwise the r or s begins the name itself (Abdurahman = Abdu-Rahman, Abdurezak = Abdu-Rezak, Abdeslam = Abd-Eslam)
_ABD_PREFIX = re.compile(r"^abd(?:ul|al|el|ol|(?:ur|ar|er)(?=r)|(?:us|as|es)(?=s)|u|e)(?=[a-z]{3})")
_ABD_TOKENS = frozenset({"abd", "abdul", "abdur", "abdel", "abdal", "abdol", "abdu", "abdus", "abdar"})
_ABBREVIATIONS = {"mohd": "muhammad", "md": "muhammad", "muhd": "muhammad"}

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf`´']")
_POSSESSIVE = re.compile(r"[\u2019\u2018\u02bc']s$", re.IGNORECASE)
_SPLIT = re.compile(r"[^\w]+|_", re.UNICODE)
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]+)[)\]]\s*")
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9.\-&]{1,9}$")
_DIGRAPHS = (("kh", "X"), ("sh", "S"), ("gh", "G"), ("th", "T"), ("dh", "D"), ("ch", "C"), ("zh", "Z"), ("ph", "f"))
_VOWELS = frozenset("aeiou")
_SOFT = frozenset("aeiouwy")  # vowel-like inside a word


@functools.lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name (lower case) → "m"/"f" from ``given_names.json`` (names of one gender only)."""
    try:
        data = json.loads(resources.files("storyline.data.gazetteer").joinpath("given_names.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, json.JSONDecodeError, OSError) as exc:
        log.debug("given_names.json not readable (%s)", exc)
        return {}
    out = {n: "m" for n in data.get("male", [])}
    out.update({n: "f" for n in data.get("female", [])})
    return out


@functools.lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Honorifics and ranks (single normalised tokens) from the gazetteer's titles file."""
    words: set[str] = set(_FALLBACK_HONORIFICS)
    try:
        raw = resources.files("storyline.data.gazetteer").joinpath("titles.json").read_text(encoding="utf-8")
        data = json.loads(raw)
    except (FileNotFoundError, ModuleNotFoundError, json.JSONDecodeError, OSError) as exc:
        log.debug("titles.json not readable (%s); using built-in honorifics", exc)
        return frozenset(words)
    for key in ("honorifics", "titles"):
        for phrase in data.get(key, []):
            toks = _SPLIT.split(phrase.lower())
            toks = [t for t in toks if t]
            if len(toks) == 1:
                words.add(toks[0])
    return frozenset(words)


def is_title_only(key: NameKey) -> bool:
    """Whether a (person) name is made of honorifics and ranks alone (Haji Sahib, Mullah Sahib): it names nobody."""
    honor = _honorifics()
    return bool(key.tokens) and key.latin and all(t in honor for t in key.tokens)


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F and not (0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


def split_bracketed(name: str) -> list[str]:
    """``"ISLAMIC STATE ... - KHORASAN (ISIL-K)"`` → the name without brackets, then each bracketed part."""
    inner = [m.group(1).strip() for m in _BRACKETED.finditer(name)]
    outer = _BRACKETED.sub(" ", name).strip(" -–—,")
    return [n for n in [outer, *inner] if n]


def is_acronym(surface: str) -> bool:
    """``TTP``, ``ISIS-K``, ``LeT``, ``U.N.`` — short, no spaces, at least two capitals.

    A capitalised word of six or more letters with a vowel (``YAKUTUMBA`` in a list
    written in capitals) is a name, not an acronym.
    """
    s = surface.strip()
    if " " in s or not _ACRONYM.match(s):
        return False
    return not (len(s) >= 6 and s.isalpha() and s.isupper() and any(ch in "AEIOU" for ch in s))


def acronym_letters(surface: str) -> str:
    """The letters an acronym stands for, lower case: ``ISIS-K`` → ``isisk``, ``LeT`` → ``lt``."""
    s = surface.strip().replace(".", "")
    caps = "".join(ch for ch in s if ch.isupper() or ch.isdigit())
    return caps.lower()


def initials(name: str) -> set[str]:
    """Initials an acronym of ``name`` could use: without and with function words and particles."""
    words = [w for w in _SPLIT.split(ascii_text(_APOSTROPHES.sub("", name)).lower()) if w]
    content = [w for w in words if w not in ORG_STOPWORDS and w not in PARTICLES]
    out = {"".join(w[0] for w in content)}
    out.add("".join(w[0] for w in words if w not in ORG_STOPWORDS))
    out.add("".join(w[0] for w in words))
    return {o for o in out if len(o) >= 2}


@functools.lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """Transliteration key of one normalised token (see the module docstring)."""
    if not token or not token.isascii():
        return token
    s = token
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = s.replace("ck", "k").replace("q", "k").replace("c", "k").replace("x", "ks").replace("v", "w")
    # collapse doubled letters
    s = re.sub(r"(.)\1+", r"\1", s)
    # drop an h between vowels or after a final vowel (Muhammad/Mohammad, Zabihullah/Zabiullah)
    chars: list[str] = []
    n = len(s)
    for i, ch in enumerate(s):
        if ch == "h" and i > 0 and s[i - 1] in _SOFT and (i + 1 == n or s[i + 1] in _SOFT):
            continue
        chars.append(ch)
    s = "".join(chars)
    if not s:
        return token
    out = ["a" if s[0] in _VOWELS else s[0]]
    for ch in s[1:]:
        if ch in _SOFT:
            if out[-1] != "a":
                out.append("a")
        else:
            out.append(ch)
    # an initial vowel followed by a vowel run collapses too
    key = re.sub(r"a+", "a", "".join(out))
    return key


@dataclass(frozen=True)
class NameKey:
    """A name prepared for comparison."""

    text: str
    tokens: tuple[str, ...]
    skeleton: tuple[str, ...]
    latin: bool = True

    @property
    def norm(self) -> str:
        return " ".join(self.tokens)

    @property
    def skel(self) -> str:
        return " ".join(self.skeleton)

    def __bool__(self) -> bool:
        return bool(self.tokens)


def _join_tokens(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        tok = _ABBREVIATIONS.get(tok, tok)
        if out and tok in _ULLAH_TOKENS and out[-1] not in _ABD_TOKENS:
            out[-1] = out[-1] + "ullah"
            continue
        if out and tok in _DIN_TOKENS:
            out[-1] = out[-1] + "uddin"
            continue
        if out and out[-1] in _ABD_TOKENS:
            out[-1] = "abd" + tok
            continue
        out.append(tok)
    fixed: list[str] = []
    for tok in out:
        if len(tok) > 6 and _ULLAH_END.search(tok) and not tok.startswith("abd"):
            tok = _ULLAH_END.sub("ullah", tok)
        elif len(tok) > 6 and _DIN_END.search(tok):
            tok = _DIN_END.sub("uddin", tok)
        elif tok not in _ABD_TOKENS:
            tok = _ABD_PREFIX.sub("abd", tok)
        fixed.append(tok)
    return fixed


@functools.lru_cache(maxsize=100_000)
def _name_key(text: str, org: bool) -> NameKey:
    s = unicodedata.normalize("NFKC", text).strip()
    s = _POSSESSIVE.sub("", s)
    if is_acronym(s):
        # acronyms compare letter for letter, never by sound (ISK is not ASC)
        letters = acronym_letters(s)
        return NameKey(text, (letters,), ("#" + letters,), latin=True)
    latin = _is_latin(s)
    if not latin:
        toks = [t.casefold() for t in _SPLIT.split(s) if t]
        return NameKey(text, tuple(toks), tuple(toks), latin=False)
    s = ascii_text(_APOSTROPHES.sub("", s)).lower()
    if org:
        s = replace_org_types_compare(s)
    raw = [t for t in _SPLIT.split(s) if t]
    words = [t for t in raw if t not in PARTICLES]
    if org:
        words = [t for t in words if t not in ORG_STOPWORDS]
    else:
        honor = _honorifics()
        kept = [t for t in words if t not in honor]
        words = kept or words
    if not words:
        words = raw
    toks = _join_tokens(words)
    return NameKey(text, tuple(toks), tuple(skeleton(t) for t in toks), latin=True)


def name_key(text: str, type: EntityType | None = None) -> NameKey:
    """Normalise ``text``; organisation names also lose function words (of, the, and)."""
    org = type is not None and type != EntityType.PERSON
    return _name_key(text, org)


_LOOSE = str.maketrans({"X": "k", "G": "k", "g": "k", "S": "s", "T": "t", "D": "t", "d": "t", "C": "j", "Z": "j",
                        "z": "s", "b": "p", "f": "p"})


@functools.lru_cache(maxsize=200_000)
def loose_skeleton(token: str) -> str:
    """The skeleton with voiced/unvoiced and digraph/plain consonants merged (Mukhlis/Muklis, Pong/Bong, Chong/Jong)."""
    return re.sub(r"(.)\1+", r"\1", skeleton(token).translate(_LOOSE))


_CONSONANT_SKELETON = re.compile(r"a")


@functools.lru_cache(maxsize=200_000)
def translit_equal(a: str, b: str) -> bool:
    """Two normalised tokens that are spellings of one name, not two different names that sound alike.

    Equal skeletons are necessary, not enough: a skeleton writes every vowel run as one
    ``a``, so Ohio/Iowa, Sunni/Sony, Tim/Tom and Europa/Europe share one. Besides the
    skeleton the tokens must keep a consonant, agree in a final vowel (Maria/Mario
    differ), be close as strings (Jaro-Winkler >= 0.8) and, when short (three letters
    or fewer), differ only in a leading vowel or a doubled letter (not Tim/Tom).
    """
    if a == b:
        return True
    if skeleton(a) != skeleton(b) or not (a.isascii() and b.isascii()):
        return False
    if not _CONSONANT_SKELETON.sub("", skeleton(a)):
        return False
    if a[-1] in _VOWELS and b[-1] in _VOWELS and a[-1] != b[-1]:
        return False
    if JaroWinkler.normalized_similarity(a, b) < 0.8:
        return False
    if min(len(a), len(b)) <= 3:
        strip = lambda t: re.sub(r"(.)\1+", r"\1", t.lstrip("aeiou"))  # noqa: E731
        return strip(a) == strip(b)
    return True


def token_similarity(a: str, b: str) -> float:
    """1.0 equal tokens, 0.95 transliteration-equal, 0.9 loosely equal, else Jaro-Winkler of the normalised tokens."""
    if a == b:
        return 1.0
    if skeleton(a) == skeleton(b) and translit_equal(a, b):
        return 0.95
    if (a.isascii() and b.isascii() and not a.startswith("#") and skeleton(a) != skeleton(b)
            and loose_skeleton(a) == loose_skeleton(b)):
        return 0.9
    if not (a.isascii() and b.isascii()):
        return 0.0
    return float(JaroWinkler.normalized_similarity(a, b))


TokenSimilarity = Callable[[str, str], float]


def _align(a: Sequence[str], b: Sequence[str], floor: float,
           token_sim: TokenSimilarity | None = None) -> list[tuple[int, int, float]]:
    """Greedy one-to-one token alignment by similarity (order-free).

    A fuzzy (Jaro-Winkler) pair must start with the same letter: Wali and Ali,
    Jamal and Kamal are other names, not misspellings (Omar/Umar, Cho/Jo are
    transliterations and may).
    """
    sim_of = token_sim or token_similarity
    pairs = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            sim = sim_of(ta, tb)
            if ta[:1] != tb[:1] and sim not in (0.95, 0.9):
                continue  # only transliteration (skeleton or loose) crosses a different first letter
            if sim >= floor:
                pairs.append((sim, -abs(i - j), i, j))
    pairs.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for sim, _, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, sim))
    return out


ORDER_PENALTY = 0.95  # tokens matched out of order (Mohamed Omar / Omar Mahamat), unless one side was "Last, First"
MISSING_GIVEN_NAME_CAP = 0.84  # a person name whose first name the other lacks (a relative's name), below linking


def name_similarity(a: NameKey, b: NameKey, *, token_floor: float = 0.88, person: bool = False,
                    token_sim: TokenSimilarity | None = None,
                    order_penalty: Callable[[list[int]], float] | None = None) -> float:
    """Dice-style similarity of two names in 0..1, order-free.

    Tokens are aligned one-to-one (equal 1.0, transliteration-equal 0.95,
    Jaro-Winkler at or above ``token_floor`` counts with its value); the score
    is twice the aligned similarity over the total token count, so a missing
    middle name costs (``Khalil Haqqani`` vs ``Khalil Ahmed Haqqani`` = 0.8).
    Tokens aligned out of order cost :data:`ORDER_PENALTY` unless one name was
    written "Last, First". For people (``person=True``), a name whose first
    token has no counterpart in a longer or equal other name scores at most
    :data:`MISSING_GIVEN_NAME_CAP`. Names in different scripts score 0. ``token_sim`` replaces
    :func:`token_similarity` (the watchlist passes a more tolerant one); ``order_penalty`` gives the
    factor for tokens out of order from the other name's token positions in this name's order.
    """
    if not a or not b or a.latin != b.latin:
        return 0.0
    if a.skeleton == b.skeleton and (a.tokens == b.tokens or all(map(translit_equal, a.tokens, b.tokens))):
        return 1.0 if a.tokens == b.tokens else 0.97
    if len(a.tokens) != len(b.tokens) and "".join(a.skeleton) == "".join(b.skeleton):
        return 0.95  # spacing only: Chong Chon Gang / Chongchongang
    aligned = _align(a.tokens, b.tokens, token_floor, token_sim)
    total = sum(sim for _, _, sim in aligned)
    score = 2.0 * total / (len(a.tokens) + len(b.tokens))
    ordered = sorted(aligned)
    if any(y[1] < x[1] for x, y in zip(ordered, ordered[1:])) and "," not in a.text and "," not in b.text:
        score *= order_penalty([j for _, j, _ in ordered]) if order_penalty else ORDER_PENALTY
    if person and len(a.tokens) >= 2 and len(b.tokens) >= 2 and "," not in a.text and "," not in b.text:
        firsts_a = {i for i, _, _ in aligned}
        firsts_b = {j for _, j, _ in aligned}
        if 0 not in firsts_a or 0 not in firsts_b:
            score = min(score, MISSING_GIVEN_NAME_CAP)
    return score


def query_coverage(query: NameKey, other: NameKey, *, token_floor: float = 0.88,
                   token_sim: TokenSimilarity | None = None) -> float:
    """How much of ``query`` the other name holds (aligned similarity over the query's tokens), 0..1.

    A short form fully inside a longer listed name (Abdul Samad / Abdul Samad Achekzai)
    covers 1.0 even though the Dice score of :func:`name_similarity` is low.
    """
    if not query or not other or query.latin != other.latin:
        return 0.0
    aligned = _align(query.tokens, other.tokens, token_floor, token_sim)
    return sum(sim for _, _, sim in aligned) / len(query.tokens)


# -- who a person name can be: generation, gender, given name -------------------------------------------

GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MALE_HONORIFICS = frozenset({"mr", "mister", "sir", "lord", "sr", "senor", "herr", "monsieur"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "dame", "mme", "frau", "senora"})


def generation(key: NameKey) -> str:
    """The generational suffix of a person name (``jr``, ``sr``, ``ii`` ...), or ""."""
    return key.tokens[-1] if len(key.tokens) >= 2 and key.tokens[-1] in GENERATIONAL else ""


def core_tokens(key: NameKey) -> tuple[str, ...]:
    """The tokens without a generational suffix: Donald Trump Jr. → (donald, trump)."""
    return key.tokens[:-1] if generation(key) else key.tokens


def honorific_gender(text: str) -> str | None:
    """"m" for Mr./Sir, "f" for Mrs./Ms./Miss, read from the first word of ``text``; else None."""
    words = text.strip().split()
    if len(words) < 2:
        return None
    w = words[0].rstrip(".").lower()
    return "m" if w in _MALE_HONORIFICS else "f" if w in _FEMALE_HONORIFICS else None


def name_gender(text: str, key: NameKey | None = None) -> str | None:
    """A person's gender as the name tells it: its honorific, else a gendered given name of a full name."""
    g = honorific_gender(text)
    if g:
        return g
    key = key if key is not None else name_key(text, EntityType.PERSON)
    core = core_tokens(key)
    if len(core) >= 2:
        return given_name_genders().get(core[0])
    return None


def _is_subsequence(short: Sequence[str], long_: Sequence[str]) -> bool:
    it = iter(long_)
    return all(any(translit_equal(p, q) for q in it) for p in short)


def person_names_conflict(a_text: str, b_text: str) -> str | None:
    """Why two person names cannot be one person (None when nothing in the names says so).

    * ``generation``: Donald Trump / Donald Trump Jr. (a suffix is part of identity; only
      "Sr." may be left out, as the elder is usually written without it);
    * ``given-name``: two full names whose first names differ (Barack / Michelle Obama),
      unless one is an initial of the other or one name sits inside the other
      (Mark Felt / W. Mark Felt);
    * ``gender``: an honorific or given name of one gender against one of the other
      (Mrs. Trump / Donald Trump, Mr. Clinton / Hillary Clinton);
    * ``middle-initials``: one first and last name with different middle initials
      (George W. Bush / George H.W. Bush).
    """
    a, b = name_key(a_text, EntityType.PERSON), name_key(b_text, EntityType.PERSON)
    if not a or not b or not (a.latin and b.latin):
        return None
    ca, cb = core_tokens(a), core_tokens(b)
    gen_a, gen_b = generation(a), generation(b)
    if gen_a != gen_b and len(ca) >= 2 and len(cb) >= 2 and (gen_a and gen_b or (gen_a or gen_b) != "sr"):
        return "generation"  # Jr./II/III against none or another; a bare name may be the Sr.
    ga, gb = name_gender(a_text, a), name_gender(b_text, b)
    if ga and gb and ga != gb:
        return "gender"
    ma, mb = ca[1:-1], cb[1:-1]
    if (ma and mb and all(len(t) == 1 for t in (*ma, *mb)) and ma != mb and ca[0] == cb[0]
            and translit_equal(ca[-1], cb[-1])):
        return "middle-initials"  # George W. Bush / George H.W. Bush
    if len(ca) >= 2 and len(cb) >= 2 and not translit_equal(ca[0], cb[0]):
        if len(ca[0]) == 1 or len(cb[0]) == 1:
            return None  # an initial (M. Benjamin) may stand for a first or a middle name
        short, long_ = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        if len(short) < len(long_) and _is_subsequence(short, long_) and translit_equal(short[-1], long_[-1]):
            return None
        return "given-name"
    return None
