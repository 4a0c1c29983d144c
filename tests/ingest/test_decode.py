from __future__ import annotations

import codecs

import pytest

from storyline.errors import InputError
from storyline.ingest.decode import decode_bytes

CP1252_TEXT = (
    "The minister\u2019s \u201cfinal\u201d statement \u2014 issued in M\u00fcnchen and S\u00e3o Paulo \u2014 "
    "was described as na\u00efve by the caf\u00e9 owners. It cost \u20ac40 and \u00a35.\n"
) * 3


def test_decode_utf8_and_boms() -> None:
    assert decode_bytes("na\u00efve \u2019".encode(), "x") == "na\u00efve \u2019"
    assert decode_bytes(codecs.BOM_UTF8 + b"abc", "x") == "abc"
    assert decode_bytes("h\u00e9llo".encode("utf-16"), "x") == "h\u00e9llo"


def test_decode_mislabeled_cp1252_is_read_sensibly() -> None:
    data = CP1252_TEXT.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data, "x", charset="utf-8") == CP1252_TEXT


def test_decode_invalid_utf8_in_mostly_utf8_text_still_gives_text() -> None:
    data = ("Plain words around one broken byte. " * 20).encode() + b"\xff\xfe\xfa" + b" and more words."
    text = decode_bytes(data, "broken.txt")
    assert text.startswith("Plain words around one broken byte.")
    assert text.endswith("and more words.")


def test_decode_rejects_binary_junk() -> None:
    with pytest.raises(InputError, match="binary data, not text .*NUL"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.txt")
    with pytest.raises(InputError, match="binary data, not text"):
        decode_bytes(bytes(range(1, 32)) * 20, "ctl.txt")


def test_decode_rejects_empty_input() -> None:
    with pytest.raises(InputError, match="empty input"):
        decode_bytes(b"  \n\t ", "empty.txt")


def test_decode_utf16_without_bom_is_text_not_binary() -> None:
    text = "The harbour council said the ferries would run again. \u00e9t\u00e9\n" * 4
    assert decode_bytes(text.encode("utf-16-le"), "le.txt") == text
    assert decode_bytes(text.encode("utf-16-be"), "be.txt") == text


def test_decode_utf8_with_a_few_bad_bytes_keeps_utf8_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    data = ("Caf\u00e9 owners in M\u00fcnchen said \u201cno\u201d. " * 5).encode() + b"\xff" + " End \u2014 ok.".encode()
    with caplog.at_level("WARNING", logger="storyline.ingest.decode"):
        text = decode_bytes(data, "mixed.txt")
    assert "M\u00fcnchen" in text and "\ufffd" in text and text.endswith("End \u2014 ok.")
    assert "invalid UTF-8 (first bad byte at offset" in caplog.text and "mixed.txt" in caplog.text


def test_decode_legacy_encoding_is_named_as_a_guess(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="storyline.ingest.decode"):
        assert decode_bytes(CP1252_TEXT.encode("cp1252"), "legacy.txt") == CP1252_TEXT
    assert "not UTF-8" in caplog.text and "a guess" in caplog.text
