"""``export --format jsonl``: one JSON object per line, each naming its record type.

Streams the sections of the JSON export (same CONTRACT.md dictionaries) with a
``"record"`` field added: document, entity, mention, statement, fact, link,
storyline or finding.
"""

from __future__ import annotations

import json
from typing import TextIO

from ..store import Store
from .json_export import iter_sections

__all__ = ["RECORD_TYPES", "write_jsonl"]

# section of the JSON export -> record type named on each line
RECORD_TYPES = {
    "documents": "document",
    "entities": "entity",
    "mentions": "mention",
    "statements": "statement",
    "facts": "fact",
    "links": "link",
    "storylines": "storyline",
    "findings": "finding",
}


def write_jsonl(store: Store, out: TextIO) -> None:
    for section, records in iter_sections(store):
        record_type = RECORD_TYPES[section]
        for record in records:
            out.write(json.dumps({"record": record_type, **record}, ensure_ascii=False, sort_keys=True))
            out.write("\n")
