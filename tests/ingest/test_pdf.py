from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.pdf import PdfReader
from storyline.model import Document

from .pdfs import blank_pdf, text_pdf


def test_pdf_text_layer_pages_and_offsets() -> None:
    data = text_pdf([["Page one says hello.", "Second line."], [], ["Page three (last)."]], title="Report")
    (doc,) = PdfReader().read(RawInput("r.pdf", data, ".pdf"), IngestOptions())
    assert isinstance(doc, Document)
    assert doc.text == "Page one says hello.\nSecond line.\n\nPage three (last)."
    starts = doc.metadata["pages"]
    page_three = len("Page one says hello.\nSecond line.") + 2
    assert starts == [0, page_three, page_three]
    assert doc.text[starts[2] :].startswith("Page three")
    assert doc.title == "Report"
    assert doc.published is not None and doc.published.isoformat() == "2025-03-05"


def test_pdf_without_text_layer_asks_for_ocr() -> None:
    with pytest.raises(InputError, match=r"no text layer \(scanned PDF\?\) — OCR it first"):
        list(PdfReader().read(RawInput("scan.pdf", blank_pdf(2), ".pdf"), IngestOptions()))


def test_pdf_damaged_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a readable PDF"):
        list(PdfReader().read(RawInput("bad.pdf", b"%PDF-1.4\n1 0 obj garbage", ".pdf"), IngestOptions()))


def test_pdf_format_forced_on_text_is_one_error_without_library_warnings(capsys, caplog) -> None:
    from storyline.errors import InputError
    from storyline.ingest.base import IngestOptions, RawInput
    from storyline.ingest.pdf import PdfReader

    with pytest.raises(InputError, match=r"not a PDF \(no %PDF- header"):
        list(PdfReader().read(RawInput("notes.txt", b"Plain words, not a PDF.\n", ".txt"), IngestOptions()))
    with caplog.at_level("WARNING"):
        with pytest.raises(InputError) as caught:
            list(PdfReader().read(RawInput("broken.pdf", b"%PDF-1.4\nbroken body\n", ".pdf"), IngestOptions()))
    assert "EOF marker not found" in caught.value.reason  # pypdf's warning, folded into the one message
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert capsys.readouterr().err == ""
