from __future__ import annotations

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


@given(_TEXT)
def test_text_round_trips_normalised_text(text: str) -> None:
    expected = normalize_text(text)
    assume(expected.strip())
    doc = _read(text.encode("utf-8"))
    assert doc.text == expected
    # reading the stored text again changes nothing: offsets stay valid
    assert _read(doc.text.encode("utf-8")).text == doc.text
