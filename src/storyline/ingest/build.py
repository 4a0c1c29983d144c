"""Building a :class:`~storyline.model.Document` from reader output (one place for the rules)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from ..model import Document
from .language import detect_document_language
from .normalize import normalize_text

__all__ = ["make_document"]


def make_document(
    name: str,
    text: str,
    *,
    format: str,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    external_id: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    normalized: bool = False,
    language: str | None = None,
) -> Document:
    """Normalise ``text`` and wrap it with its fields; InputError when no text is left.

    ``normalized=True`` says the caller already normalised the text (and built
    offsets into it, as the PDF reader does), so it is stored unchanged. The
    language is detected when the reader does not know it; only a language other
    than English is recorded (English is the pipeline's, and the default).
    """
    stored = text if normalized else normalize_text(text)
    if not stored.strip():
        raise InputError(name, "no text found")

    def clean(value: str | None) -> str | None:
        if value is None:
            return None
        value = " ".join(str(value).split())
        return value or None

    return Document.from_text(
        stored,
        title=clean(title),
        url=clean(url),
        source=clean(source),
        author=clean(author),
        published=published,
        external_id=clean(external_id),
        format=format,
        metadata=dict(metadata or {}),
        language=_recorded(language or detect_document_language(stored)),
    )


def _recorded(language: str | None) -> str | None:
    return None if not language or language.lower().startswith("en") else language
