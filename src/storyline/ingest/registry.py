"""The readers Storyline knows, by ``--format`` name.

Readers live in :data:`READERS`, a :class:`storyline.registry.Registry`: the
built-in ones below, the social-media readers (their modules register
themselves when the registry is first used), and any other installed package's
entry point in the ``storyline.readers`` group (a reader instance or class;
see :mod:`storyline.registry`). From code, call :func:`register`. A reader needs ``name``,
``sniff(raw)`` and ``read(raw, options)`` (see :class:`~.base.Reader`) and
may declare ``extensions`` (files a directory walk should pick up) and
``priority`` (lower sniffs first; default 50). The built-in generic readers
have high numbers (JSON Lines 60, HTML 70, Markdown 80, text 100), so a new
reader with the default priority sniffs before them; the built-in specific
ones (PDF 10, feeds 20) sniff first.
"""

from __future__ import annotations

from typing import Any

from ..errors import UnsupportedFormatError
from ..registry import READERS_GROUP, Registry
from .base import Reader
from .feed import FeedReader
from .html import HtmlReader
from .jsonl import JsonlReader
from .markdown import MarkdownReader
from .pdf import PdfReader
from .text import TextReader

__all__ = ["DEFAULT_PRIORITY", "READERS", "document_extensions", "get_reader", "reader_names", "readers", "register"]

DEFAULT_PRIORITY = 50


def _reader(name: str, obj: Any) -> Reader:
    """An entry point's object as a reader: a class is instantiated; its name must be the entry point's."""
    reader = obj() if isinstance(obj, type) else obj
    if getattr(reader, "name", None) != name or not callable(getattr(reader, "read", None)):
        raise TypeError(f"entry point {name!r} is not a reader named {name!r}")
    return reader


# Readers kept in their own modules (social-media exports) register themselves on import.
READERS: Registry[Reader] = Registry(
    READERS_GROUP, modules=tuple(f"{__package__}.{m}" for m in ("telegram", "x_archive", "mastodon", "posts")),
    coerce=_reader)
for _builtin in (PdfReader(), FeedReader(), JsonlReader(), HtmlReader(), MarkdownReader(), TextReader()):
    READERS.register(_builtin.name, _builtin)


def register(reader: Reader) -> Reader:
    """Add ``reader`` (replacing one of the same name)."""
    return READERS.register(reader.name, reader)


def readers() -> list[Reader]:
    """Every reader, in sniffing order (by priority, then registration order)."""
    return sorted(READERS.items(), key=lambda r: getattr(r, "priority", DEFAULT_PRIORITY))


def reader_names() -> list[str]:
    return sorted(r.name for r in readers())


def get_reader(name: str) -> Reader:
    """The reader called ``name``; UnsupportedFormatError listing the valid names otherwise."""
    wanted = name.strip().lower()
    for reader in readers():
        if reader.name == wanted:
            return reader
    raise UnsupportedFormatError("input", name, reader_names())


def document_extensions() -> frozenset[str]:
    """File extensions some reader declares (a directory walk always picks these up)."""
    return frozenset(ext for r in readers() for ext in getattr(r, "extensions", ()))
