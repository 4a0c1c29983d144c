"""Markdown (.md): front matter becomes metadata, the body becomes plain text.

Front matter is a leading ``---`` block of ``key: value`` lines (a YAML subset:
scalars only). ``title``, ``source``, ``published`` (or ``date``), ``author``
and ``url`` fill the document's fields; other keys are kept as metadata. The
body is rendered without markup: each heading, paragraph, list item, table
row and code line becomes its own line(s); blocks are separated by a blank
line. Offsets index this plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .dates import parse_date
from .decode import decode_bytes
from .htmltext import html_fragment_text
from .normalize import normalize_text

__all__ = ["MarkdownReader", "markdown_to_text", "split_front_matter"]

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_FIELD_KEYS = {"title", "source", "published", "date", "author", "url"}


def _scalar(value: str) -> Any:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    lowered = value.lower()
    if lowered in {"true", "yes"}:
        return True
    if lowered in {"false", "no"}:
        return False
    if lowered in {"", "null", "~"}:
        return None
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(fields, body)``; fields is empty when the text has no front matter."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    fields: dict[str, Any] = {}
    for line in match[1].splitlines():
        kv = _KEY_VALUE.match(line.strip())
        if kv:
            fields[kv[1].lower()] = _scalar(kv[2])
    return fields, text[match.end() :]


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def markdown_to_text(body: str) -> tuple[str, str | None]:
    """Plain text of a Markdown body and its first level-1 heading (or None).

    Consecutive list items and table rows are joined by one newline; every
    other block is separated from its neighbours by a blank line.
    """
    md = MarkdownIt("commonmark").enable("table")
    blocks: list[tuple[str | None, bool]] = []  # (text, tight); None ends a list or table
    first_h1: str | None = None
    containers: list[str] = []  # open list items / table rows
    row: list[str] = []
    heading_level: str | None = None
    for token in md.parse(body):
        kind = token.type
        if kind in {"list_item_open", "tr_open"}:
            containers.append(kind)
            if kind == "tr_open":
                row = []
        elif kind == "list_item_close" and containers:
            containers.pop()
        elif kind == "tr_close" and containers:
            containers.pop()
            blocks.append((" | ".join(cell for cell in row if cell), True))
        elif kind in {"bullet_list_close", "ordered_list_close", "table_close"}:
            blocks.append((None, False))
        elif kind == "heading_open":
            heading_level = token.tag
        elif kind == "inline":
            text = _inline_text(token)
            if containers and containers[-1] == "tr_open":
                row.append(text)
                continue
            if heading_level == "h1" and first_h1 is None and text:
                first_h1 = text
            heading_level = None
            blocks.append((text, bool(containers)))
        elif kind in {"fence", "code_block"}:
            blocks.append((token.content.rstrip("\n"), False))
        elif kind == "html_block":
            blocks.append((html_fragment_text(token.content), bool(containers)))
    out: list[str] = []
    previous_tight = False
    for block, tight in blocks:
        if block is None:
            previous_tight = False
            continue
        if not block.strip():
            continue
        if out:
            out.append("\n" if tight and previous_tight else "\n\n")
        out.append(block)
        previous_tight = tight
    return "".join(out), first_h1


class MarkdownReader:
    name = "markdown"
    extensions = (".md", ".markdown", ".mdown")
    priority = 80

    def sniff(self, raw: RawInput) -> bool:
        return raw.extension in self.extensions or (raw.content_type or "") == "text/markdown"

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        source_text = normalize_text(decode_bytes(raw.data, raw.name, raw.charset))
        fields, body = split_front_matter(source_text)
        text, first_h1 = markdown_to_text(body)
        metadata = {k: v for k, v in fields.items() if k not in _FIELD_KEYS}
        published = parse_date(fields.get("published") or fields.get("date"))
        for key in ("published", "date"):
            raw_value = fields.get(key)
            if raw_value is not None and published is None:
                metadata[f"{key}_raw"] = raw_value

        def field(key: str) -> str | None:
            value = fields.get(key)
            return None if value is None else str(value)

        yield make_document(
            raw.name,
            text,
            format=self.name,
            title=field("title") or first_h1,
            source=field("source"),
            author=field("author"),
            url=field("url"),
            published=published,
            metadata=metadata,
        )
