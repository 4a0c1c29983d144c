"""PDF: the text layer (pypdf), pages joined by a blank line, page start offsets in metadata.

``metadata["pages"]`` lists, for each page in order, the offset in the stored
text where that page starts (an empty page starts where the next one does).
A PDF without any text layer is rejected: it needs OCR first.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from typing import Any

import pypdf

from ..errors import InputError
from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .dates import parse_date
from .normalize import normalize_text

__all__ = ["PdfReader"]

log = logging.getLogger(__name__)

PAGE_SEPARATOR = "\n\n"


def _pdf_date(value: object) -> str | None:
    """"D:20250305120000Z" -> "2025-03-05"."""
    if not isinstance(value, str):
        return None
    digits = value[2:] if value.startswith("D:") else value
    if len(digits) >= 8 and digits[:8].isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return None


class _PypdfWarnings(logging.Handler):
    """Collects what pypdf logs or warns while one file is read (it is not printed)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self._logger = logging.getLogger("pypdf")
        self._propagate = True
        self._warnings: Any = None

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _PypdfWarnings:
        self._logger.addHandler(self)
        self._propagate, self._logger.propagate = self._logger.propagate, False
        self._warnings = warnings.catch_warnings(record=True)
        caught = self._warnings.__enter__()
        warnings.simplefilter("always")
        self._caught = caught
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.messages.extend(str(w.message) for w in self._caught)
        self._warnings.__exit__(*exc_info)
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate


class PdfReader:
    name = "pdf"
    extensions = (".pdf",)
    priority = 10

    def sniff(self, raw: RawInput) -> bool:
        return b"%PDF-" in raw.data[:1024] or raw.extension == ".pdf" or raw.content_type == "application/pdf"

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        if not raw.data.strip():
            raise InputError(raw.name, "empty input")
        if b"%PDF-" not in raw.data[:1024]:
            raise InputError(raw.name, "not a PDF (no %PDF- header in its first 1024 bytes)")
        # pypdf raises many kinds of exception on damaged files (its own, plus
        # ValueError, KeyError, zlib and struct errors ...); any of them means
        # "this is not a PDF we can read", which is what the user must be told.
        # Its warnings are folded into that one message instead of being printed per file.
        with _PypdfWarnings() as said:
            try:
                pages, info = self._pages(raw)
            except InputError:
                raise
            except Exception as exc:  # third-party parser on untrusted bytes
                notes = "; ".join(dict.fromkeys(said.messages[:3]))
                raise InputError(raw.name, f"not a readable PDF ({notes + '; ' if notes else ''}"
                                 f"{type(exc).__name__}: {exc})") from exc
        for message in dict.fromkeys(said.messages):
            log.info("%s: pypdf: %s", raw.name, message)
        parts: list[str] = []
        starts: list[int | None] = []
        length = 0
        for page_text in pages:
            page_text = normalize_text(page_text)
            if not page_text:
                starts.append(None)
                continue
            if parts:
                length += len(PAGE_SEPARATOR)
            starts.append(length)
            parts.append(page_text)
            length += len(page_text)
        # An empty page starts where the next page with text does (or at the end).
        following = length
        for index in range(len(starts) - 1, -1, -1):
            start = starts[index]
            if start is None:
                starts[index] = following
            else:
                following = start
        text = PAGE_SEPARATOR.join(parts)
        if not text.strip():
            raise InputError(raw.name, "no text layer (scanned PDF?) — OCR it first")
        metadata: dict[str, object] = {"pages": starts, "page_count": len(starts)}
        yield make_document(
            raw.name,
            text,
            format=self.name,
            title=info.get("title"),
            author=info.get("author"),
            published=parse_date(info.get("date")),
            metadata=metadata,
            normalized=True,
        )

    @staticmethod
    def _pages(raw: RawInput) -> tuple[list[str], dict[str, str]]:
        reader = pypdf.PdfReader(io.BytesIO(raw.data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(raw.name, "encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info: dict[str, str] = {}
        meta = reader.metadata
        if meta is not None:
            for key, pdf_key in (("title", "/Title"), ("author", "/Author")):
                value = meta.get(pdf_key)
                if isinstance(value, str) and value.strip():
                    info[key] = value.strip()
            date = _pdf_date(meta.get("/CreationDate"))
            if date:
                info["date"] = date
        return pages, info
