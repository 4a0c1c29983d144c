from __future__ import annotations

import datetime as dt

from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.markdown import MarkdownReader, markdown_to_text, split_front_matter
from storyline.model import Document

SAMPLE = """---
title: "Ministry changes its line"
source: Coastline Herald
published: 2025-07-14
author: A. Writer
url: https://example.org/a
fictional: true
---
# Ministry changes its line

The spokesperson **said** the group was [finished](https://example.org) and
that nothing remained.

## Numbers

- 1,600 arrested
- 12 bases

| place | attacks |
|---|---|
| North | 4 |
"""


def test_markdown_front_matter_fills_fields_and_metadata() -> None:
    (doc,) = MarkdownReader().read(RawInput("a.md", SAMPLE.encode(), ".md"), IngestOptions())
    assert isinstance(doc, Document)
    assert doc.title == "Ministry changes its line"
    assert doc.source == "Coastline Herald"
    assert doc.published == dt.date(2025, 7, 14)
    assert doc.author == "A. Writer"
    assert doc.url == "https://example.org/a"
    assert doc.metadata["fictional"] is True


def test_markdown_body_is_plain_text_with_block_lines() -> None:
    fields, body = split_front_matter(SAMPLE)
    text, h1 = markdown_to_text(body)
    assert h1 == "Ministry changes its line"
    assert text == (
        "Ministry changes its line\n\n"
        "The spokesperson said the group was finished and that nothing remained.\n\n"
        "Numbers\n\n"
        "1,600 arrested\n12 bases\n\n"
        "place | attacks\nNorth | 4"
    )
    assert "*" not in text and "](" not in text and "#" not in text


def test_markdown_without_front_matter_uses_first_heading() -> None:
    (doc,) = MarkdownReader().read(RawInput("b.md", b"Intro line.\n\n# Real title\n\nBody.", ".md"), IngestOptions())
    assert doc.title == "Real title"
    assert doc.text == "Intro line.\n\nReal title\n\nBody."
