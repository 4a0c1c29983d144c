from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyline.errors import UnsupportedFormatError
from storyline.ingest import registry
from storyline.ingest.base import IngestOptions, RawInput, ReadResult
from storyline.ingest.detect import choose_reader
from storyline.model import Document


def test_registry_unknown_format_lists_valid_names() -> None:
    with pytest.raises(UnsupportedFormatError) as info:
        registry.get_reader("docx")
    message = str(info.value)
    for name in ("html", "jsonl", "markdown", "pdf", "text", "feed"):
        assert name in message


class _ChatReader:
    name = "chat-test"
    extensions = (".json",)

    def sniff(self, raw: RawInput) -> bool:
        return raw.data.startswith(b'{"chat"')

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        yield Document.from_text("chat")


def test_registry_appended_reader_sniffs_before_generic_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    readers = registry.READERS.copy()
    readers.register("chat-test", _ChatReader())
    monkeypatch.setattr(registry, "READERS", readers)
    raw = RawInput("result.json", b'{"chat": [], "text": "looks like jsonl too"}', ".json")
    assert choose_reader(raw, IngestOptions()).name == "chat-test"
    assert ".json" in registry.document_extensions()
    assert registry.get_reader("chat-test").name == "chat-test"
