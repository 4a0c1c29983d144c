"""Bytes to text: BOM, then UTF-8, then the declared charset, then charset-normalizer.

Rejects what is not text at all (NUL bytes, many control characters) with an
:class:`~storyline.errors.InputError` that says so.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

from ..errors import InputError

__all__ = ["decode_bytes", "looks_binary"]

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
MAX_CONTROL_RATIO = 0.05
_SAMPLE = 64 * 1024


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` (without a UTF-16/32 BOM) is not text, or None when it may be text."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "contains NUL bytes"
    if sample:
        ratio = len(_CONTROL_BYTES.findall(sample)) / len(sample)
        if ratio > MAX_CONTROL_RATIO:
            return f"{ratio:.0%} control characters"
    return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, name: str, charset: str | None = None) -> str:
    """Decode the bytes of input ``name`` to text, or raise InputError."""
    if not data.strip():
        raise InputError(name, "empty input")
    bom = _bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise InputError(name, f"invalid {bom} text after its byte-order mark ({exc.reason})") from exc
    why = looks_binary(data)
    if why is not None:
        raise InputError(name, f"binary data, not text ({why})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset:
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            log.debug("%s: declared charset %r does not fit", name, charset)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(name, "binary data, not text (no text encoding fits)")
    text = str(best)
    bad = len(_CONTROL_CHARS.findall(text))
    if text and bad / len(text) > MAX_CONTROL_RATIO:
        raise InputError(name, f"binary data, not text ({bad / len(text):.0%} control characters as {best.encoding})")
    log.info("%s: not UTF-8, decoded as %s", name, best.encoding)
    return text
