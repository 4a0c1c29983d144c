from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest.normalize import normalize_text


def test_normalize_line_endings_trailing_spaces_and_blank_runs() -> None:
    raw = "Title  \r\n\r\n\r\n\r\nFirst line\t \rSecond\u2028Third\n\n\n"
    assert normalize_text(raw) == "Title\n\nFirst line\nSecond\nThird"


def test_normalize_composes_to_nfc_and_keeps_curly_quotes() -> None:
    assert normalize_text("Cafe\u0301 \u2018quoted\u2019 \u201cdouble\u201d \u2014 dash") == (
        "Caf\u00e9 \u2018quoted\u2019 \u201cdouble\u201d \u2014 dash"
    )


def test_normalize_drops_control_characters_and_bom() -> None:
    assert normalize_text("\ufeffabc\x00\x07def") == "abcdef"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\n\n\n" not in once
