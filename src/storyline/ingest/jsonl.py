"""JSON Lines (CONTRACT.md): one document per line, exactly one of ``text`` or ``html``.

Known fields: id, url, title, source, published, author, text, html. Every
other field is kept as document metadata. A bad line becomes an
``InputError("NAME:LINENO", reason)`` and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Document
from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .dates import parse_date
from .decode import decode_bytes
from .html import extract_page

__all__ = ["JsonlReader", "looks_like_jsonl"]

_KNOWN = ("id", "url", "title", "source", "published", "author", "text", "html")


def first_json_object(data: bytes) -> dict[str, Any] | None:
    """The first non-blank line of a JSON Lines input, when it is a JSON object (for sniffing)."""
    for line in data[:65536].splitlines():
        if not line.strip():
            continue
        try:
            first = json.loads(line)
        except (ValueError, RecursionError):
            return None
        return first if isinstance(first, dict) else None
    return None


def iter_json_lines(text: str, name: str) -> Iterator[tuple[str, Any] | InputError]:
    """``(where, value)`` for each non-blank line ("FILE:LINENO"), an InputError for a line that is not JSON.

    Raises InputError("empty input") when there is no line at all; a bad line never stops the others.
    """
    found = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{name}:{lineno}"
        try:
            yield where, json.loads(line)
        except RecursionError:
            yield InputError(where, "invalid JSON (too deeply nested)")
        except ValueError as exc:
            yield InputError(where, f"invalid JSON ({exc})")
    if not found:
        raise InputError(name, "empty input")


def looks_like_jsonl(data: bytes) -> bool:
    """The first non-blank line is a JSON object with a ``text`` or ``html`` field."""
    first = first_json_object(data)
    return first is not None and ("text" in first or "html" in first)


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} must be a string, not {type(value).__name__}")
    return value


def read_record(record: object, where: str, url: str | None = None) -> Document:
    """One JSON Lines record as a document (InputError naming ``where`` when invalid)."""
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    has_text, has_html = record.get("text") is not None, record.get("html") is not None
    if has_text == has_html:
        raise InputError(where, "exactly one of 'text' or 'html' is required")
    try:
        fields = {key: _optional_str(record, key) for key in _KNOWN}
    except ValueError as exc:
        raise InputError(where, str(exc)) from exc
    published = parse_date(fields["published"])
    if fields["published"] and published is None:
        raise InputError(where, f"cannot read date {fields['published']!r} in 'published' (use YYYY-MM-DD)")
    metadata = {key: value for key, value in record.items() if key not in _KNOWN}
    title = fields["title"]
    author = fields["author"]
    source = fields["source"]
    if has_html:
        page = extract_page(fields["html"] or "", fields["url"] or url)
        text = page.text
        title = title or page.title
        author = author or page.author
        source = source or page.site
        published = published or parse_date(page.published)
        metadata.setdefault("extractor", page.extractor)
    else:
        text = fields["text"] or ""
    return make_document(
        where,
        text,
        format="jsonl",
        title=title,
        url=fields["url"],
        source=source,
        author=author,
        published=published,
        external_id=fields["id"],
        metadata=metadata,
    )


class JsonlReader:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson")
    priority = 60

    def sniff(self, raw: RawInput) -> bool:
        if raw.extension in self.extensions or raw.content_type in {"application/jsonl", "application/x-ndjson"}:
            return True
        return raw.extension in {"", ".json", ".txt"} and looks_like_jsonl(raw.data)

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        for item in iter_json_lines(decode_bytes(raw.data, raw.name, raw.charset), raw.name):
            if isinstance(item, InputError):
                yield item
                continue
            where, record = item
            try:
                yield read_record(record, where)
            except InputError as exc:
                yield exc
