"""Text normalisation applied to every stored text, so offsets are stable.

The stored text is what every offset indexes into, so normalising it must be
idempotent: ``normalize_text(normalize_text(t)) == normalize_text(t)``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

# Line breaks other than "\n" (CRLF, CR, Unicode line/paragraph separators,
# NEL, vertical tab, form feed — PDFs use form feeds between pages).
_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
# Control characters that carry no text (keep tab and newline).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_TRAILING = re.compile(r"[^\S\n]+(?=\n|\Z)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC; one kind of line break; no control characters; no trailing spaces
    on a line; runs of blank lines collapsed to one; no leading or trailing
    blank lines. Quotes, dashes and other punctuation are kept as they are."""
    text = unicodedata.normalize("NFC", text)
    text = _BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _TRAILING.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    text = text.strip("\n")
    # Removing characters can un-normalise a composed sequence; one more NFC pass is
    # enough because nothing above can create new combining sequences afterwards.
    return unicodedata.normalize("NFC", text)
