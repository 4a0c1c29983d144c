"""Quantities written in news prose: "more than 2,000", "two dozen", "$5 million", "between 6,000 and 6,500".

:func:`find_quantities` scans plain text (no parse needed) and returns :class:`Quantity`
values with character offsets, the comparator the wording implies and a unit where one is
written. Things that look like numbers but are not counts are skipped here: ordinals
("35th", "first"), clock times ("6:00"), phone numbers, list numbering at the start of a
line ("1.", "(2)"), ages ("25-year-old", "aged 25"). Years are returned with
``is_year=True`` so callers can drop them.

Digits may be grouped by commas ("230,000"), by a space, no-break or thin space ("230 000"),
or by dots when there are two groups or more ("1.600.000"); a decimal comma is read before
a scale word ("1,6 million"). "pounds" is weight ("lb") unless money is meant (a scale word,
"sterling", or money words around it: "paid 300 pounds"); kilograms and tons are weight too.

Vague plurals are kept as lower bounds, documented here once: "dozens" = at least 24,
"scores" = at least 40, "hundreds" = at least 100, "thousands" = at least 1,000,
"tens of thousands" = at least 10,000, "hundreds of thousands" = at least 100,000,
"millions" = at least 1,000,000 (comparator ``ge``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Comparator

__all__ = ["Quantity", "find_quantities", "in_code_token", "parse_number_words"]

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_SCALE_ABBR = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000}
_VAGUE = {  # plural -> lower bound
    "dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
}
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "Rs": "PKR", "Rs.": "PKR"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "rupee": "INR", "rupees": "INR", "afghani": "AFN", "afghanis": "AFN", "yuan": "CNY", "rubles": "RUB",
    "roubles": "RUB", "usd": "USD", "eur": "EUR", "gbp": "GBP", "pkr": "PKR", "inr": "INR", "afn": "AFN",
}
_PERCENT_WORDS = ("percent", "per cent", "percentage points", "%")

# Comparator phrases that precede a number, longest first.
_PREFIXES: tuple[tuple[str, Comparator], ...] = tuple(
    sorted(
        [
            ("more than", Comparator.GT), ("over", Comparator.GT), ("upwards of", Comparator.GT),
            ("in excess of", Comparator.GT), ("greater than", Comparator.GT), ("above", Comparator.GT),
            ("at least", Comparator.GE), ("no fewer than", Comparator.GE), ("no less than", Comparator.GE),
            ("a minimum of", Comparator.GE), ("not less than", Comparator.GE),
            ("fewer than", Comparator.LT), ("less than", Comparator.LT), ("under", Comparator.LT),
            ("below", Comparator.LT), ("not even", Comparator.LT),
            ("at most", Comparator.LE), ("up to", Comparator.LE), ("as many as", Comparator.LE),
            ("no more than", Comparator.LE), ("a maximum of", Comparator.LE), ("not more than", Comparator.LE),
            ("about", Comparator.APPROX), ("around", Comparator.APPROX), ("approximately", Comparator.APPROX),
            ("nearly", Comparator.APPROX), ("almost", Comparator.APPROX), ("some", Comparator.APPROX),
            ("roughly", Comparator.APPROX), ("an estimated", Comparator.APPROX), ("estimated", Comparator.APPROX),
            ("close to", Comparator.APPROX), ("approx.", Comparator.APPROX), ("circa", Comparator.APPROX),
            ("an approximate", Comparator.APPROX), ("upward of", Comparator.GT), ("well over", Comparator.GT),
            ("just over", Comparator.GT), ("just under", Comparator.LT), ("~", Comparator.APPROX),
        ],
        key=lambda p: -len(p[0]),
    )
)
_SUFFIXES: tuple[tuple[str, Comparator], ...] = (
    ("or more", Comparator.GE), ("or so", Comparator.APPROX), ("or fewer", Comparator.LE), ("or less", Comparator.LE),
    ("plus", Comparator.GE),
)

_WORD_NUM = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS, *_SCALES, "dozen", "a", "an", "half"], key=len, reverse=True))
# Thousands grouped by commas ("230,000"), by a space, a no-break or a thin space ("230 000"), or by dots when
# there are two groups or more ("1.600.000"); a decimal comma only before a scale word ("1,6 million").
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_NOT_AFTER_MONTH = "".join(  # "May 5 200 people" is a day and a count, not 5,200
    f"(?<!{m} )" for m in ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                           "Sept", "Oct", "Nov", "Dec", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."))
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|" + _NOT_AFTER_MONTH + r"\d{1,3}(?:" + _GROUP_SPACE + r"\d{3})+(?![\d,.]\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d,.]\d)"
    r"|\d+,\d{1,2}(?=\s*(?:million|billion|trillion|mn|bn)\b)|\d+(?:\.\d+)?"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
# One number: digits with an optional scale word/abbreviation, or a run of number words.
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:\s*(?:{_SCALE_WORD})\b|(?:k|m|mn|bn|tn)\b)?(?:\s+{_SCALE_WORD}\b)?"
    rf"|(?:\b(?:{_WORD_NUM})\b(?:[\s-]+(?:and\s+)?\b(?:{_WORD_NUM})\b)*)"
    r"|(?:\b(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b)"
    r"|(?:\b(?:dozens|scores|hundreds|thousands|millions|billions)\b))"
)
_CURRENCY_PREFIX = r"(?:US\$|\$|€|£|¥|₹|Rs\.?\s?)"
_PREFIX_RE = "|".join(re.escape(p) for p, _ in _PREFIXES)
_QUANTITY_RE = re.compile(
    rf"(?P<cmp>\b(?:{_PREFIX_RE})\s+|~\s*)?"
    rf"(?P<between>\bbetween\s+|\bfrom\s+)?"
    rf"(?P<cur>{_CURRENCY_PREFIX})?(?P<num>{_NUMBER})"
    rf"(?:(?P<sep>\s*(?:-|–|—|to|and)\s*)(?P<cur2>{_CURRENCY_PREFIX})?(?P<num2>{_NUMBER}))?"
    r"(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(r"\s+(?P<suf>or more|or so|or fewer|or less|plus)\b", re.IGNORECASE)
_CURRENCY_WORD_RE = re.compile(r"\s+(?P<w>[A-Za-z]+)\b")
_AGE_AFTER = re.compile(r"^\s*-?\s*(?:years?|yrs?)[\s-]+old\b|^-year-old\b|^\s*-?\s*year-old", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|age\s+of|ages\s+of)\s+$", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"^-(?!(?:hundred|thousand|million|billion|trillion)\b)(?:on-|[a-z]{2,})", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d{2}|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock|hrs\b))", re.IGNORECASE)
_PHONE_CONTEXT = re.compile(r"\d[\d\s().-]{6,}\d")
_LIST_NUMBER = re.compile(r"^\s*\(?\d{1,2}[.)]\s")


@dataclass(frozen=True)
class Quantity:
    """A number phrase in text; ``start``/``end`` cover comparator, currency and unit."""

    start: int
    end: int
    value: float
    comparator: Comparator = Comparator.EQ
    value_max: float | None = None
    unit: str | None = None
    is_year: bool = False
    num_start: int = 0  # offsets of the number itself (without comparator or unit)
    num_end: int = 0
    from_to: bool = False  # written "from X to Y": a range or a change (``value`` X, ``value_max`` Y, either order)


def _digits_value(digits: str) -> float:
    """The value of a digit string in any of the forms ``_DIGITS`` reads."""
    d = re.sub(_GROUP_SPACE, "", digits)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", d):
        return float(d.replace(".", ""))
    if re.fullmatch(r"\d+,\d{1,2}", d):
        return float(d.replace(",", "."))
    return float(d.replace(",", ""))


def parse_number_words(text: str) -> float | None:
    """Value of a number written in words or digits: "two dozen" -> 24, "3.5 million" -> 3.5e6."""
    s = " ".join(text.strip().lower().replace("-", " ").split())
    s = re.sub(r"(?<=\d)[\u00a0\u202f\u2009 ](?=\d{3}\b)", "", s)  # "230 000" -> "230000"
    if not s:
        return None
    if s in _VAGUE:
        return float(_VAGUE[s])
    m = re.fullmatch(r"(tens|hundreds)\s+of\s+(thousands|millions)", s)
    if m:
        return float((10 if m.group(1) == "tens" else 100) * (1_000 if m.group(2) == "thousands" else 1_000_000))
    m = re.fullmatch(rf"({_DIGITS})\s*([a-z]+)?(?:\s+([a-z]+))?", s)
    if m:
        value = _digits_value(m.group(1))
        for word in (m.group(2), m.group(3)):
            if word is None:
                continue
            scale = _SCALES.get(word) or _SCALE_ABBR.get(word)
            if scale is None:
                return None
            value *= scale
        return value
    total = 0.0
    current = 0.0
    seen = False
    words = [w for w in s.split() if w != "and"]
    for i, w in enumerate(words):
        if w in ("a", "an"):
            if i + 1 < len(words) and words[i + 1] in ("dozen", "hundred", "thousand", "million", "billion", "half"):
                current = current or 1.0
                seen = True
                continue
            return None
        if w == "half":
            current = (current or 1.0) * 0.5
            seen = True
        elif w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
            seen = True
        elif w in _TENS_WORDS:
            current += _TENS_WORDS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif w in _SCALES:
            total += (current or 1.0) * _SCALES[w]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _is_vague(num_text: str) -> bool:
    s = num_text.strip().lower()
    return s in _VAGUE or bool(re.fullmatch(r"(tens|hundreds)\s+of\s+(thousands|millions)", s))


# Capitalised words that open a sentence before a count, never an identifier's name ("Then 40 more arrived").
_SENTENCE_OPENERS = {"then", "only", "just", "another", "all", "now", "still", "also", "and", "but", "so", "yet", "with",
                     "of", "in", "by", "for", "those", "these", "the", "at", "on", "since", "after", "before", "until",
                     "nearly", "roughly", "while", "when", "today", "yesterday", "including", "among",
                     "last", "this", "that", "every", "each", "some", "many", "even", "almost", "least", "exactly"}
_CODE_CHARS = frozenset(":(=/@#_\\<>{}[]|^*~`")
_TOKEN_EDGE = ".,;:!?\"“”‘’'()[]…"
_VERSION = re.compile(r"v?\d+(?:\.\d+){2,}")
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3}){2,}")  # "1.600.000": thousands, not a version


def in_code_token(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits inside a code-like token rather than prose: a URL, a handle or hashtag,
    an expression ("javascript:alert(3)", "x=3", "24/7"), an identifier or a version string ("3.5.1")."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    token = text[a:b].strip(_TOKEN_EDGE)
    if not token:
        return False
    if any(ch in _CODE_CHARS for ch in token) or "://" in token or token.lower().startswith("www."):
        return True
    return _VERSION.fullmatch(token) is not None and _DOT_THOUSANDS.fullmatch(token) is None


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_PLURAL_WORD = re.compile(r"^\s+(?:more\s+|other\s+)?(?:[a-z]{2,}s|people|children|men|women)\b")


def _skip(text: str, m: re.Match[str]) -> bool:
    """Numbers that are not counts: ordinals, times, ages, phone numbers, list numbering, code and URLs."""
    ns, ne = m.span("num")
    end = m.end("num2") if m.group("num2") else ne
    if in_code_token(text, ns, end):
        return True
    after = text[end : end + 20]
    before = text[max(0, ns - 12) : ns]
    num = m.group("num")
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or _AGE_AFTER.match(after):
        return True
    if not num[0].isdigit() and (_COMPOUND_AFTER.match(after) or (ns > 1 and text[ns - 1] == "-" and text[ns - 2].isalpha())):
        return True  # a word number inside a compound: "one-on-one", "a one-time payment"
    if _AGE_BEFORE.search(before):
        return True
    if num[0].isdigit():
        if ns > 0 and (text[ns - 1].isalnum() or text[ns - 1] in "/:#" or (text[ns - 1] == "-" and text[ns - 2 : ns - 1].isalpha())) or (after[:1].isalpha() and not re.match(r"(?:k|m|mn|bn|tn)\b", after, re.I)):
            return True  # part of a code, an id or a word ("F-16", "COVID19", "3D")
        if ns > 1 and text[ns - 1] == "-" and text[ns - 2].isdigit():
            return True  # "555-123-4567"
        ident = re.search(r"\b([A-Z][a-z]+)\s+$", before)
        if not m.group("cmp") and not m.group("cur") and not m.group("pct") and "," not in num and ident \
                and ident.group(1).lower() not in _SENTENCE_OPENERS \
                and not (ident.group(1).lower() in _WEEKDAYS and _PLURAL_WORD.match(after)):
            return True  # an identifier: "Resolution 2231", "Flight 17" (not "Then 40", "Only 12", "on Monday 42 people")
        if (after[:1] and after[:1] in "/:") or (after[:1] == "-" and after[1:2].isdigit() and not m.group("num2")):
            return True
        line_start = text.rfind("\n", 0, ns) + 1
        if _LIST_NUMBER.match(text[line_start : end + 2]) and not text[line_start:ns].strip(" \t("):
            return True
        window = text[max(0, ns - 6) : end + 8]
        phone = _PHONE_CONTEXT.search(window)
        if phone and sum(ch.isdigit() for ch in phone.group()) >= 9 and "," not in phone.group():
            return True
    return False


_WEIGHT_WORDS = {"pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb", "kilogram": "kg", "kilograms": "kg",
                 "kg": "kg", "kilo": "kg", "kilos": "kg", "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t"}
_MONEY_CONTEXT = re.compile(
    r"£|\b(?:cost|costs|costing|paid|pay|pays|paying|spend|spends|spent|spending|fund|funds|funding|funded|worth|"
    r"price|priced|prices|fine|fined|budget|raise|raised|raising|invest|invested|investment|salary|salaries|"
    r"donated|donation|donations|loan|loans|debt|debts|sold|bought|bonus|compensation|tax|taxes|revenue|"
    r"profit|profits|earn|earns|earned|earning|wage|wages|grant|grants|deal|bill|bills|contract|sterling)\b",
    re.IGNORECASE,
)


def _is_money_pound(text: str, num_text: str, start: int, after: int) -> bool:
    """Whether "pounds" after a number is money: a scale word ("5 million pounds"), "sterling", or money words
    around it in the same sentence ("paid 300 pounds"); otherwise it is weight ("weighs 236 pounds")."""
    if re.search(r"(?:million|billion|trillion|bn|mn|m)\s*$", num_text.strip(), re.IGNORECASE):
        return True
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 80)
    right = [i for i in (text.find(". ", after), text.find("\n", after)) if i != -1]
    return _MONEY_CONTEXT.search(text, max(0, left), min([after + 40, *right])) is not None


def _unit_after(text: str, pos: int, num_text: str = "", num_start: int = 0) -> tuple[str | None, int]:
    m = _CURRENCY_WORD_RE.match(text, pos)
    if m is None:
        return None, pos
    word = m.group("w").lower()
    if word in ("pound", "pounds") and not _is_money_pound(text, num_text, num_start, m.end()):
        return "lb", m.end()
    if word in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[word], m.end()
    if word in _WEIGHT_WORDS:
        return _WEIGHT_WORDS[word], m.end()
    return None, pos


def find_quantities(text: str) -> list[Quantity]:
    """All number phrases in ``text``, left to right."""
    out: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(text):
        num = m.group("num")
        if num.strip().lower() in ("a", "an", "half", "a half"):
            continue
        if _skip(text, m):
            continue
        value = parse_number_words(num)
        if value is None:
            continue
        value_max: float | None = None
        comparator = Comparator.EQ
        start, end = m.start(), m.end()
        if m.group("num2"):
            v2 = parse_number_words(m.group("num2"))
            sep = m.group("sep").strip().lower()
            from_to = (m.group("between") or "").strip().lower() == "from" and sep == "to"
            ok = v2 is not None and (v2 > value or (from_to and v2 != value)) and (sep != "and" or m.group("between") is not None)
            if sep in ("-", "–", "—") and re.search(r"\d", num) and re.search(r"\d", m.group("num2") or "") is None:
                ok = False
            if ok and v2 is not None:
                # "1.6 to 1.7 million": the scale of the upper bound applies to the lower one.
                if v2 is not None and v2 >= 1000 * value and not re.search(r"[a-z]", num, re.I) and re.search(r"[a-z]", m.group("num2"), re.I):
                    scale = v2 / (parse_number_words(re.sub(r"[a-zA-Z\s]+$", "", m.group("num2"))) or 1)
                    value *= scale
                value_max = v2
            else:
                end = m.end("num")
                if m.group("between"):
                    start = m.start("num") if not m.group("cmp") else start
        if m.group("between") and value_max is None:
            start = m.start("cur") if m.group("cur") else m.start("num")
        if m.group("cmp"):
            word = m.group("cmp").strip().lower()
            comparator = next((c for p, c in _PREFIXES if p == word), Comparator.APPROX)
            if word == "some" and not re.search(r"\d|dozen|hundred|thousand|million|billion", num, re.I):
                start = m.start("num")  # "some five" is odd; "some people" never reaches here
                comparator = Comparator.EQ
        if _is_vague(num) and value_max is None and comparator == Comparator.EQ:
            comparator = Comparator.GE
        unit: str | None = None
        cur = m.group("cur2") if value_max is not None and m.group("cur2") and not m.group("cur") else m.group("cur")
        if cur:
            unit = _CURRENCY_SYMBOLS.get(cur.strip(), "USD")
        pct_group = m.group("pct") if value_max is not None or not m.group("num2") else None
        if pct_group and m.end("pct") <= end + len(pct_group) and m.group("pct"):
            unit = "%"
            end = max(end, m.end("pct")) if value_max is not None or not m.group("num2") else end
        if unit is None:
            word_unit, wend = _unit_after(text, end, num, m.start("num"))
            if word_unit:
                unit, end = word_unit, wend
        suf = _SUFFIX_RE.match(text, end)
        if suf and comparator == Comparator.EQ and value_max is None:
            comparator = next(c for p, c in _SUFFIXES if p == suf.group("suf").lower())
            end = suf.end()
        digits_only = re.fullmatch(r"\d{4}", num.strip()) is not None
        is_year = digits_only and 1800 <= value <= 2100 and unit is None and comparator == Comparator.EQ
        if is_year and value_max is None and m.group("num2"):
            end = m.end("num")
        out.append(
            Quantity(start, end, value, comparator, value_max, unit, is_year, m.start("num"),
                     m.end("num2") if value_max is not None else m.end("num"),
                     from_to=value_max is not None and (m.group("between") or "").strip().lower() == "from")
        )
    return out
