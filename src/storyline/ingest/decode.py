"""Bytes to text: BOM, then UTF-16 without a BOM, then UTF-8, then the declared charset, then charset-normalizer.

Rejects what is not text at all (NUL bytes, many control characters) with an
:class:`~storyline.errors.InputError` that says so. Whatever is not clean UTF-8
is said in a warning: UTF-8 with a few invalid bytes is decoded with U+FFFD in
their place (naming the first bad byte), other text with the encoding that was
detected (a guess, named as one).
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
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        log.info("%s: UTF-16 text without a byte-order mark", name)
        return utf16
    why = looks_binary(data)
    if why is not None:
        raise InputError(name, f"binary data, not text ({why})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if charset and charset.replace("_", "-").lower() not in ("utf-8", "utf8"):
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            log.warning("%s: declared charset %r does not fit the bytes", name, charset)
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        log.warning("%s: invalid UTF-8 (first bad byte at offset %d); %d invalid byte sequence(s) replaced by U+FFFD",
                    name, first_bad, bad)
        return text
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(name, "binary data, not text (no text encoding fits)")
    text = str(best)
    bad = len(_CONTROL_CHARS.findall(text))
    if text and bad / len(text) > MAX_CONTROL_RATIO:
        raise InputError(name, f"binary data, not text ({bad / len(text):.0%} control characters as {best.encoding})")
    log.warning("%s: not UTF-8 (first bad byte at offset %d); decoded as %s, the encoding detected (a guess; "
                "convert the file to UTF-8 to be sure)", name, first_bad, best.encoding)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 data without a byte-order mark (mostly Latin script: every other byte NUL), else None."""
    sample = data[:_SAMPLE]
    if len(data) % 2 or len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.02:
        encoding = "utf-16-le"
    elif even_nul > 0.3 and odd_nul < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if len(_CONTROL_CHARS.findall(text)) / len(text) > MAX_CONTROL_RATIO:
        return None
    return text


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few invalid bytes: the text with U+FFFD for them and how many, else None.

    Taken for UTF-8 when it holds more valid multi-byte sequences than invalid ones (text in a legacy
    single-byte encoding has almost none).
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= 0 or valid_multibyte <= bad:
        return None
    return text, bad
