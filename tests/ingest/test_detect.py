from __future__ import annotations

import contextlib
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.detect import choose_reader
from storyline.ingest.registry import reader_names
from storyline.model import Document

from .pdfs import text_pdf

FUZZ_EXAMPLES = int(os.environ.get("STORYLINE_FUZZ_EXAMPLES", "150"))  # raise for a longer fuzzing run


@pytest.mark.parametrize(
    ("name", "data", "ext", "expected"),
    [
        ("a.txt", b"Plain words.", ".txt", "text"),
        ("-", b"Plain words from stdin.", "", "text"),
        ("-", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "", "html"),
        ("page", b"<html><body><p>x</p></body></html>", "", "html"),
        ("a.md", b"# Title", ".md", "markdown"),
        ("-", b'{"text": "a"}\n{"text": "b"}\n', "", "jsonl"),
        ("d.jsonl", b'{"text": "a"}', ".jsonl", "jsonl"),
        ("f.xml", b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', ".xml", "feed"),
        ("-", text_pdf([["hi"]]), "", "pdf"),
    ],
)
def test_detect_by_content_and_extension(name: str, data: bytes, ext: str, expected: str) -> None:
    assert choose_reader(RawInput(name, data, ext), IngestOptions()).name == expected


def test_detect_forced_format_wins() -> None:
    raw = RawInput("a.txt", b"<p>markup kept as text</p>", ".txt")
    assert choose_reader(raw, IngestOptions(format="text")).name == "text"
    assert choose_reader(raw, IngestOptions(format="html")).name == "html"


def test_detect_unknown_json_file_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="JSON file of no known format"):
        choose_reader(RawInput("config.json", b'{"settings": {"a": 1}}', ".json"), IngestOptions())


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=600) | st.builds(lambda p, b: p + b, st.sampled_from([b"%PDF-1.4\n", b"<html>", b"<rss>", b'{"text":', b"---\n"]), st.binary(max_size=300)),
    st.sampled_from(["", ".txt", ".html", ".md", ".pdf", ".jsonl", ".xml", ".json"]),
    st.sampled_from([None, *reader_names()]),
)
def test_detect_arbitrary_bytes_only_ever_give_input_errors(data: bytes, ext: str, fmt: str | None) -> None:
    # Calls the readers directly: read_raw's last-resort handler must not be what keeps this green.
    raw = RawInput("junk" + ext, data, ext)
    with contextlib.suppress(InputError):
        for result in choose_reader(raw, IngestOptions(format=fmt)).read(raw, IngestOptions()):
            assert isinstance(result, (Document, InputError))
            if isinstance(result, Document):
                assert result.text.strip()
                assert result.id.startswith("doc_")
