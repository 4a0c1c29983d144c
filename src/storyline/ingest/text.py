"""Plain text (.txt): the whole file is one document; a headline-like first line is its title."""

from __future__ import annotations

from collections.abc import Iterator

from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .decode import decode_bytes
from .infer import headline_title, leading_url
from .normalize import normalize_text

__all__ = ["TextReader", "heading_title"]

def heading_title(text: str) -> str | None:
    """The first line of ``text`` when it reads like a headline (see :func:`.infer.headline_title`); the line after
    it when the text opens with its own URL (a saved page)."""
    return headline_title(text.lstrip().partition("\n")[2] if leading_url(text) else text)


class TextReader:
    name = "text"
    extensions = (".txt", ".text")
    priority = 100  # the last resort: anything that decodes as text

    def sniff(self, raw: RawInput) -> bool:
        return True

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        text = normalize_text(decode_bytes(raw.data, raw.name, raw.charset))
        yield make_document(raw.name, text, format=self.name, title=heading_title(text), normalized=True)
