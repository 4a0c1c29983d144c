"""Small text helpers shared by the detectors: words, negation scope, quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import Lexicon

__all__ = ["STOPWORDS", "clause_break", "content_words", "negated_at", "negation_spans", "normalise_name", "quote"]

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_CLAUSE = re.compile(r"[,;:.!?—–()\"“”]|\bbut\b|\byet\b|\bwhile\b|\bhowever\b|\bwhereas\b", re.IGNORECASE)

STOPWORDS = frozenset(
    """a an the and or of to in on at by for from with as is are was were be been being has have had do does did
    that this these those it its it's they them their he him his she her we our us you your i me my which who whom
    whose what when where why how all any some such than then there here into onto over under about after before
    also only just very can could will would shall should may might must said says say told tell according per
    said, s one two three new more most other others own same so if because while since until again still""".split()
)


def normalise_name(name: str) -> str:
    """Lower-case, straight apostrophes, no possessive, single spaces: a key for unresolved names."""
    n = name.replace("’", "'").lower().strip()
    n = re.sub(r"'s\b", "", n)
    return " ".join(re.findall(r"[\w-]+", n))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str, lexicon: Lexicon) -> frozenset[str]:
    """Stemmed content words without stop words or negation words."""
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w in STOPWORDS or w in ("not", "no", "never", "nothing", "none", "n't") or w.isdigit():
            continue
        out.add(_stem(w))
    return frozenset(out)


def negation_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Negations that are not part of an idiom that only restricts or affirms ("nothing more than", "isn't exaggerating")."""
    cancels = [(s, e) for s, e, _, _ in lexicon.negation_cancellers.finditer(text)]
    spans = []
    for s, e, _, _ in lexicon.negation.finditer(text):
        if any(cs <= s < ce for cs, ce in cancels):
            continue
        spans.append((s, e))
    # contractions: "isn't", "doesn't" are one word for the pattern above
    for m in re.finditer(r"\w+n['’]t\b", text, re.IGNORECASE):
        if not any(cs <= m.start() < ce for cs, ce in cancels):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def clause_break(text: str, start: int, end: int) -> bool:
    """True when a clause boundary lies between ``start`` and ``end``."""
    return _CLAUSE.search(text, start, end) is not None if start < end else False


def negated_at(text: str, pos: int, spans: Iterable[tuple[int, int]], window: int = 30) -> bool:
    """Whether a negation governs the word at ``pos``: within ``window`` chars before it, same clause."""
    for _, e in spans:
        if e <= pos and pos - e <= window and not clause_break(text, e, pos):
            return True
    return False


_ENDED = re.compile(r"^no\s+longer$", re.IGNORECASE)
_ANYMORE = re.compile(r"\bany\s*more\b", re.IGNORECASE)


def ended_at(text: str, pos: int, spans: Iterable[tuple[int, int]], window: int = 30) -> bool:
    """Whether the negation governing the word at ``pos`` tells a state that ended ("no longer pursuing", "isn't
    pursuing him anymore"): it says the state held before, so an earlier report of that state is no rival."""
    for s, e in spans:
        if e <= pos and pos - e <= window and not clause_break(text, e, pos):
            if _ENDED.match(text[s:e]):
                return True
            end = next((m.start() for m in re.finditer(r"[,;:.!?]", text[pos:])), len(text) - pos)
            return _ANYMORE.search(text, pos, pos + end) is not None
    return False


def closing_mark(piece: str) -> str:
    """The closing quotation mark the strip took from an excerpt whose last mark opens a quote, else ""."""
    at = max(piece.rfind('"'), piece.rfind("“"), piece.rfind("”"))
    if at < 0 or piece[at] == "”":
        return ""
    if piece[at] == "“":
        return "”"
    opens = (at == 0 or piece[at - 1].isspace()) and at + 1 < len(piece) and not piece[at + 1].isspace()
    return '"' if opens else ""


def quote(text: str, start: int, end: int, max_words: int = 12) -> str:
    """A short excerpt of ``text`` around [start, end), cut at word boundaries, with ellipses."""
    words = list(re.finditer(r"\S+", text))
    if not words:
        return ""
    first = next((i for i, m in enumerate(words) if m.end() > start), 0)
    last = next((i for i, m in enumerate(words) if m.end() >= end), len(words) - 1)
    spare = max(0, max_words - (last - first + 1))
    lo = max(0, first - spare // 2)
    hi = min(len(words) - 1, last + (spare - (first - lo)))
    lo = max(0, min(lo, hi - max_words + 1)) if hi - lo + 1 > max_words else lo
    piece = text[words[lo].start() : words[hi].end()].strip(" ,;:.\"“”'‘’")
    piece = " ".join(piece.split())
    piece += closing_mark(piece)
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(words) - 1 else "")
