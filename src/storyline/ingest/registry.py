"""The readers Storyline knows, by ``--format`` name.

To add a reader, append an instance to :data:`READERS` (below, or from your
own module at import time via :func:`register`). A reader needs ``name``,
``sniff(raw)`` and ``read(raw, options)`` (see :class:`~.base.Reader`) and
may declare ``extensions`` (files a directory walk should pick up) and
``priority`` (lower sniffs first; default 50). The built-in generic readers
have high numbers (JSON Lines 60, HTML 70, Markdown 80, text 100), so a new
reader with the default priority sniffs before them; the built-in specific
ones (PDF 10, feeds 20) sniff first.
"""

from __future__ import annotations

import logging

from ..errors import UnsupportedFormatError
from .base import Reader
from .feed import FeedReader
from .html import HtmlReader
from .jsonl import JsonlReader
from .markdown import MarkdownReader
from .pdf import PdfReader
from .text import TextReader

__all__ = ["DEFAULT_PRIORITY", "READERS", "document_extensions", "get_reader", "reader_names", "readers", "register"]

log = logging.getLogger(__name__)

DEFAULT_PRIORITY = 50

READERS: list[Reader] = [
    PdfReader(),
    FeedReader(),
    JsonlReader(),
    HtmlReader(),
    MarkdownReader(),
    TextReader(),
]


def _load_optional_readers() -> None:
    """Readers kept in their own modules (social-media exports) register themselves on import."""
    import importlib

    for module in ("telegram", "x_archive", "mastodon", "posts"):
        try:
            importlib.import_module(f"{__package__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{module}":
                raise
            log.debug("no %s reader module", module)


def register(reader: Reader) -> Reader:
    """Add ``reader`` (replacing one of the same name)."""
    READERS[:] = [r for r in READERS if r.name != reader.name]
    READERS.append(reader)
    return reader


_loaded = False


def readers() -> list[Reader]:
    """Every reader, in sniffing order (by priority, then registration order)."""
    global _loaded
    if not _loaded:
        _loaded = True
        _load_optional_readers()
    return sorted(READERS, key=lambda r: getattr(r, "priority", DEFAULT_PRIORITY))


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
