from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.jsonl import JsonlReader
from storyline.ingest.normalize import normalize_text
from storyline.model import Document


def _read(data: bytes) -> list[Document | InputError]:
    return list(JsonlReader().read(RawInput("docs.jsonl", data, ".jsonl"), IngestOptions()))


def test_jsonl_fields_and_unknown_fields_as_metadata() -> None:
    line = {
        "id": "ext-1",
        "url": "https://example.org/1",
        "title": "T",
        "source": "Veloria Daily Ledger",
        "published": "2025-03-05T10:00:00Z",
        "author": "A",
        "text": "Body  \r\ntext.",
        "section": "politics",
        "tags": ["a", "b"],
    }
    (doc,) = _read(json.dumps(line).encode())
    assert isinstance(doc, Document)
    assert doc.external_id == "ext-1"
    assert doc.published == dt.date(2025, 3, 5)
    assert doc.source == "Veloria Daily Ledger"
    assert doc.text == "Body\ntext."
    assert doc.metadata["section"] == "politics" and doc.metadata["tags"] == ["a", "b"]


def test_jsonl_html_field_is_extracted() -> None:
    html = "<html><head><title>Page title</title></head><body><p>Paragraph from html field.</p></body></html>"
    (doc,) = _read(json.dumps({"html": html}).encode())
    assert isinstance(doc, Document)
    assert "Paragraph from html field." in doc.text
    assert "<p>" not in doc.text


def test_jsonl_malformed_line_is_reported_and_skipped() -> None:
    data = b'{"text": "first"}\n{"text": broken\n\n{"text": "third"}\n'
    results = _read(data)
    assert [r.text for r in results if isinstance(r, Document)] == ["first", "third"]
    (error,) = [r for r in results if isinstance(r, InputError)]
    assert error.input_name == "docs.jsonl:2"
    assert "invalid JSON" in error.reason


def test_jsonl_requires_exactly_one_of_text_or_html() -> None:
    data = b'{"text": "a", "html": "<p>b</p>"}\n{"title": "no body"}\n[1, 2]\n{"text": "ok", "published": "soon"}\n'
    errors = _read(data)
    assert all(isinstance(e, InputError) for e in errors)
    assert [e.input_name for e in errors] == [f"docs.jsonl:{n}" for n in (1, 2, 3, 4)]  # type: ignore[union-attr]
    assert "exactly one of 'text' or 'html'" in errors[0].reason  # type: ignore[union-attr]
    assert "YYYY-MM-DD" in errors[3].reason  # type: ignore[union-attr]


_GOOD = st.builds(lambda t: json.dumps({"text": t}), st.text(alphabet="abcdefgh ", min_size=1).filter(str.strip))
_BAD = st.text(alphabet='{}[]":,abc\\ ', max_size=20).filter(lambda s: s.strip() and not _is_good(s))


def _is_good(line: str) -> bool:
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and isinstance(value.get("text"), str) and bool(value["text"].strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), _GOOD, _BAD), min_size=1, max_size=8))
def test_jsonl_random_malformed_lines_keep_the_good_ones(rows: list[tuple[bool, str, str]]) -> None:
    lines = [good if keep else bad for keep, good, bad in rows]
    results = _read("\n".join(lines).encode())
    good_texts = [normalize_text(json.loads(line)["text"]) for keep, line, _ in rows if keep]
    assert [r.text for r in results if isinstance(r, Document)] == good_texts
    bad_numbers = [n for n, (keep, _, _) in enumerate(rows, start=1) if not keep]
    assert [int(e.input_name.rsplit(":", 1)[1]) for e in results if isinstance(e, InputError)] == bad_numbers
