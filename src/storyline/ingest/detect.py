"""Choosing the reader for one input: ``--format`` when given, else sniffing in priority order."""

from __future__ import annotations

import json

from ..errors import InputError
from .base import IngestOptions, RawInput, Reader
from .registry import get_reader, reader_names, readers

__all__ = ["choose_reader"]


def _is_json_document(raw: RawInput) -> bool:
    if raw.extension == ".json":
        return True
    head = raw.data.lstrip()[:1]
    if head not in (b"{", b"["):
        return False
    try:
        json.loads(raw.data)
    except (ValueError, RecursionError):
        return False
    return True


def choose_reader(raw: RawInput, options: IngestOptions) -> Reader:
    """The reader for ``raw``.

    Raises UnsupportedFormatError for an unknown ``--format`` name, and
    InputError for a JSON file that no reader recognises (it would otherwise
    be stored as plain text).
    """
    if options.format:
        return get_reader(options.format)
    for reader in readers():
        if reader.name == "text" and _is_json_document(raw):
            raise InputError(
                raw.name,
                "JSON file of no known format (expected JSON Lines with 'text' or 'html' per line, "
                f"or a supported export); use --format to force one of: {', '.join(reader_names())}",
            )
        if reader.sniff(raw):
            return reader
    raise InputError(raw.name, f"unrecognised format; use --format with one of: {', '.join(reader_names())}")
