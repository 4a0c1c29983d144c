"""What every reader shares: the raw input, the options, and the reader protocol.

A reader turns the bytes of one input into documents. It never touches the
network or the store. It yields :class:`~storyline.model.Document` values and,
for parts of a multi-document input that cannot be read (a malformed JSON
line, a broken feed entry), :class:`~storyline.errors.InputError` values, so
the rest of the input is still stored. An input that cannot be read at all
raises :class:`~storyline.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from ..errors import InputError
from ..model import Document

__all__ = ["IngestOptions", "RawInput", "Reader", "ReadResult"]

ReadResult = Document | InputError


@dataclass(frozen=True)
class IngestOptions:
    source: str | None = None  # --source: overrides/sets the outlet name
    published: dt.date | None = None  # --published: default publication date
    title: str | None = None  # --title: overrides the title (for one input)
    format: str | None = None  # --format: force one reader by name
    max_bytes: int = 50 * 1024 * 1024


@dataclass(frozen=True)
class RawInput:
    """The bytes of one input and where they came from."""

    name: str  # path, URL or "-" (used in every error message)
    data: bytes
    extension: str = ""  # lower-case, with dot: ".html"; "" when unknown
    content_type: str | None = None  # from HTTP, when fetched
    url: str | None = None
    charset: str | None = None  # declared encoding (HTTP header), a hint only
    meta: Mapping[str, Any] = field(default_factory=dict)  # sidecar X.meta.json fields

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))


class Reader(Protocol):
    name: str  # the --format name

    def sniff(self, raw: RawInput) -> bool:
        """True when this reader recognises the input (by content and extension)."""

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        """Yield the documents in the input (and errors for unreadable parts)."""
