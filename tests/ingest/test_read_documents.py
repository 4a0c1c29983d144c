from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.errors import InputError, UnsupportedFormatError
from storyline.ingest import IngestOptions, read_documents
from storyline.model import Document

from .pdfs import blank_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_read_documents_failures_do_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Good text one.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    (tmp_path / "c.pdf").write_bytes(blank_pdf())
    (tmp_path / "d.jsonl").write_text('{"text": "line one"}\nnot json\n{"text": "line three"}\n')
    (tmp_path / "e.txt").write_text("")
    results = list(read_documents([str(tmp_path)]))
    docs = [r for r in results if isinstance(r, Document)]
    errors = {r.input_name: r.reason for r in results if isinstance(r, InputError)}
    assert [d.text for d in docs] == ["Good text one.", "line one", "line three"]
    assert errors[str(tmp_path / "b.txt")].startswith("binary data, not text")
    assert errors[str(tmp_path / "c.pdf")].startswith("no text layer")
    assert "invalid JSON" in errors[f"{tmp_path / 'd.jsonl'}:2"]
    assert errors[str(tmp_path / "e.txt")] == "empty input"


def test_read_documents_applies_options_origin_and_format(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nsource: Original Outlet\n---\nSome *text*.")
    (doc,) = read_documents([str(path)], IngestOptions(source="Forced", published=dt.date(2025, 1, 2)))
    assert isinstance(doc, Document)
    assert doc.source == "Forced" and doc.published == dt.date(2025, 1, 2)
    assert doc.origin == str(path) and doc.format == "markdown" and doc.text == "Some text."


def test_read_documents_published_option_is_only_a_default(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x", "published": "2024-05-06"}))
    (doc,) = read_documents([str(path)], IngestOptions(published=dt.date(2025, 1, 2)))
    assert isinstance(doc, Document) and doc.published == dt.date(2024, 5, 6)


def test_read_documents_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "piece.txt").write_text("Heading\n\nBody.")
    meta = {"title": "Real title", "source": "Outlet", "published": "2024-09-01", "url": "https://o.example/p", "lang": "en"}
    (tmp_path / "piece.meta.json").write_text(json.dumps(meta))
    (doc,) = read_documents([str(tmp_path)])
    assert isinstance(doc, Document)
    assert (doc.title, doc.source, doc.published, doc.url) == ("Real title", "Outlet", dt.date(2024, 9, 1), "https://o.example/p")
    assert doc.metadata["lang"] == "en"


def test_read_documents_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UnsupportedFormatError, match="supported: .*html"):
        list(read_documents(["whatever"], IngestOptions(format="docx")))


def test_read_documents_same_content_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same words.\r\n")
    (tmp_path / "b.txt").write_text("Same words.\n\n")
    first, second = read_documents([str(tmp_path)])
    assert isinstance(first, Document) and isinstance(second, Document) and first.id == second.id


def test_read_documents_demo_corpus() -> None:
    results = list(read_documents([str(EXAMPLES)]))
    assert not [r for r in results if isinstance(r, InputError)]
    docs = [r for r in results if isinstance(r, Document)]
    assert len(docs) == 9
    assert {d.format for d in docs} == {"text", "html", "jsonl", "markdown"}
    seed = next(d for d in docs if d.origin and d.origin.endswith("sat-shifting-storylines.txt"))
    assert seed.source == "South Asia Times (SAT Commentary)"
    fictional = [d for d in docs if d is not seed]
    for doc in fictional:
        assert doc.metadata["fictional"] is True, doc.origin
        assert doc.text.endswith("This is a fictional document written for a software demonstration."), doc.origin
        assert doc.source in {"Veloria Daily Ledger", "Coastline Herald", "Veloria Civic Monitor"}
        assert doc.published is not None and doc.published.year == 2025
    joined = "\n".join(d.text for d in fictional)
    for phrase in ("has been eliminated", "reduced to zero", "new bases", "1,600", "at least 37 people were killed",
                   "12 people died", "More than 150", "around 170", "Dariush Kemal", "Darius Kemal",
                   "N.L.F.", "Northern Liberation Front-Veloria", "also known as Abu Sami"):
        assert phrase.lower() in joined.lower(), phrase
