"""Quotation spans over a whole document, not sentence by sentence.

News convention: a quote may run over several sentences and paragraphs; a paragraph that
continues a quote opens with a quotation mark while the previous paragraph has no closing
mark. Straight and curly double quotes are recognised, and curly single quotes where they
open at a word boundary (so apostrophes never start a quote). Either double mark closes a
double quote ("... behind him,” said X), since copy often mixes straight and curly marks. A quote left open at the end
of a paragraph that is not continued ends there (unbalanced quotes are common). Two straight apostrophes
(''...'', as archived newspaper text writes a double quotation mark) open and close a double quote too.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quotes"]

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"
_BEFORE_OPEN = " \t\n([{—–-/:;,"


@dataclass(frozen=True)
class QuoteSpan:
    """``start``/``end`` include the quotation marks; ``inner_start``/``inner_end`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int

    def contains(self, pos: int) -> bool:
        return self.inner_start <= pos < self.inner_end


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _BEFORE_OPEN or prev in _OPEN_DOUBLE + _OPEN_SINGLE) and not nxt.isspace()


_APOSTROPHES = "''"  # two straight apostrophes: a double quotation mark in archived newspaper text


def _double_apostrophe(text: str, i: int) -> bool:
    return text.startswith(_APOSTROPHES, i) and not text.startswith(_APOSTROPHES + "'", i)


def _opens_apostrophes(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 2] if i + 2 < len(text) else " "
    return _double_apostrophe(text, i) and (prev in _BEFORE_OPEN or prev in _OPEN_DOUBLE + _OPEN_SINGLE) and not nxt.isspace()


def _next_paragraph_opens_quote(text: str, i: int) -> int | None:
    """If the paragraph after position ``i`` (a line end) starts with an opening quote, the index of its last mark."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and (text[j] in _OPEN_DOUBLE or (text[j] == '"' and _opens(text, j))):
        return j
    if _opens_apostrophes(text, j):
        return j + 1
    return None


def find_quotes(text: str, *, singles: bool = True) -> list[QuoteSpan]:
    """All top-level quotation spans in ``text``, left to right (nested quotes stay inside their outer span)."""
    spans: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        apostrophes = _opens_apostrophes(text, i)
        is_double_open = ch in _OPEN_DOUBLE or (ch == '"' and _opens(text, i)) or apostrophes
        is_single_open = singles and ch == _OPEN_SINGLE and _opens(text, i)
        if not (is_double_open or is_single_open):
            i += 1
            continue
        if not is_double_open:
            closers = _CLOSE_SINGLE
        else:
            # mixed marks are common in copy-edited text ("... behind him,” said X): either style closes
            closers = '"' + _CLOSE_DOUBLE
        start = i
        mark = 2 if apostrophes else 1
        j = i + mark
        depth = 0
        end: int | None = None
        inner_end: int | None = None
        while j < n:
            c = text[j]
            if c == "\n":
                cont = _next_paragraph_opens_quote(text, j) if is_double_open else None
                if cont is not None:
                    j = cont + 1
                    continue
                end = inner_end = j
                break
            nested_open = _OPEN_SINGLE + (_OPEN_DOUBLE if ch == '"' else "")
            nested_close = _CLOSE_SINGLE + (_CLOSE_DOUBLE if ch == '"' else "")
            if is_double_open and c in nested_open and _opens(text, j):
                depth += 1
            elif is_double_open and c in nested_close and depth > 0:
                depth -= 1
            elif is_double_open and _double_apostrophe(text, j) and not _opens_apostrophes(text, j):
                inner_end = j
                end = j + 2
                break
            elif c in closers and not (c == '"' and _opens(text, j) and j + 1 < n and text[j + 1].isalnum()):
                if c == _CLOSE_SINGLE and j + 1 < n and text[j + 1].isalpha():
                    j += 1  # an apostrophe inside a single-quoted phrase ("don’t")
                    continue
                inner_end = j
                end = j + 1
                break
            j += 1
        if end is None or inner_end is None:
            end = inner_end = n
        if inner_end > start + mark:
            spans.append(QuoteSpan(start, end, start + mark, inner_end))
        i = max(end, start + 1)
    return spans
