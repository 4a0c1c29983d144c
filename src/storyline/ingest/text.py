"""Plain text (.txt): the whole file is one document; a heading-like first line is its title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .decode import decode_bytes
from .normalize import normalize_text

__all__ = ["TextReader", "heading_title"]

_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_SENTENCE_END = re.compile(r"[.,;:]['\"’”)\]]*$")


def heading_title(text: str) -> str | None:
    """The first line of ``text`` when it reads like a heading, else None.

    A heading is a short first line (at most 30 words) that is followed by more
    text and does not end like a sentence (".", ",", ";", ":").
    """
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not first or not sep or not rest.strip():
        return None
    if len(first) > _MAX_TITLE_CHARS or len(first.split()) > _MAX_TITLE_WORDS:
        return None
    if _SENTENCE_END.search(first):
        return None
    return first


class TextReader:
    name = "text"
    extensions = (".txt", ".text")
    priority = 100  # the last resort: anything that decodes as text

    def sniff(self, raw: RawInput) -> bool:
        return True

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        text = normalize_text(decode_bytes(raw.data, raw.name, raw.charset))
        yield make_document(raw.name, text, format=self.name, title=heading_title(text), normalized=True)
