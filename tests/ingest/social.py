"""Shared helpers for the social-media reader tests."""

from __future__ import annotations

from pathlib import Path

from storyline.errors import InputError
from storyline.ingest import read_documents
from storyline.model import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "social"


def read(*paths: Path) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in read_documents([str(p) for p in paths]):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def assert_offsets(doc: Document) -> None:
    """Every post's range is its text, and its header line starts at header_start."""
    for entry in doc.metadata["posts"]:
        post_text = doc.text[entry["start"] : entry["end"]]
        assert post_text and post_text == post_text.strip()
        header = doc.text[entry["header_start"] : entry["start"] - 1]
        assert header.startswith(entry["author"]) and " UTC" in header
        assert doc.text[entry["start"] - 1] == "\n"
