from __future__ import annotations

import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.normalize import normalize_text
from storyline.ingest.text import TextReader, heading_title
from storyline.model import Document


def _read(data: bytes) -> Document:
    (doc,) = TextReader().read(RawInput("a.txt", data, ".txt"), IngestOptions())
    assert isinstance(doc, Document)
    return doc


def test_text_first_line_heading_becomes_title() -> None:
    doc = _read("Shifting Storylines: Is It \u2018Foreign\u2019?\r\n\r\nBody sentence one. Two.\r\n".encode())
    assert doc.title == "Shifting Storylines: Is It \u2018Foreign\u2019?"
    assert doc.text == "Shifting Storylines: Is It \u2018Foreign\u2019?\n\nBody sentence one. Two."
    assert doc.text.startswith(doc.title)


def test_text_sentence_first_line_is_not_a_title() -> None:
    assert heading_title("The minister said the group was finished.\nMore text.") is None
    assert heading_title("Only one line") is None
    assert heading_title(("word " * 40) + "\nbody") is None


def test_text_id_is_derived_from_content() -> None:
    assert _read(b"Same text.\n").id == _read(b"Same text.   \r\n\r\n").id


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufeff")
    | st.sampled_from("\n\t \u2019\u201c\u201d"),
    min_size=1,
)


def test_text_stores_one_kind_of_line_break_composed_and_trimmed() -> None:
    raw = "\ufeffCaf\u0065\u0301 talks  \r\n\r\n\r\n\r\nThe \u201cdeal\u201d held.\x0cPage two.\t\r\n\r\n"
    doc = _read(raw.encode("utf-8"))
    assert doc.text == "Caf\u00e9 talks\n\nThe \u201cdeal\u201d held.\nPage two."


@given(_TEXT)
def test_text_stored_text_is_clean_and_reads_back_unchanged(text: str) -> None:
    assume(normalize_text(text).strip())  # only inputs with something to store
    doc = _read(text.encode("utf-8"))
    stored = doc.text
    assert unicodedata.normalize("NFC", stored) == stored
    assert not set(stored) & set("\r\u2028\u2029\x85\x0b\x0c\ufeff\x00\x7f")
    assert not stored.startswith("\n") and not stored.endswith("\n") and "\n\n\n" not in stored
    assert all(line == line.rstrip(" \t") for line in stored.split("\n"))
    # reading the stored text again changes nothing: offsets stay valid
    assert _read(stored.encode("utf-8")).text == stored
