"""``export --format json``: the whole knowledge base as one CONTRACT.md object, streamed.

Arrays are written record by record, so memory stays bounded however large the
corpus is; the output is still one JSON object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..store import Store
from . import contract as c


def iter_sections(store: Store) -> Iterator[tuple[str, Iterable[dict[str, Any]]]]:
    """(section name, records) in CONTRACT.md order; shared by the json and jsonl exports."""
    key_to_entity = store.key_to_entity()
    reviews = store.latest_reviews()
    yield "documents", (c.document_dict(d) for d in store.iter_documents())
    yield "entities", (c.entity_dict(e) for e in store.iter_entities())
    yield "mentions", (x for x in (c.mention_dict(m, key_to_entity) for m in store.iter_mentions()) if x is not None)
    yield "statements", (c.statement_dict(s, key_to_entity) for s in store.iter_statements())
    yield "facts", (c.fact_dict(f, key_to_entity) for f in store.iter_facts())
    yield "links", (c.link_dict(x) for x in store.iter_links())
    yield "storylines", (c.storyline_dict(s) for s in store.iter_storylines())

    def findings() -> Iterator[dict[str, Any]]:
        for f in store.iter_findings():
            review = reviews.get(f.id)
            yield c.finding_dict(f, review.status, review.note) if review else c.finding_dict(f)

    yield "findings", findings()


def write_json(store: Store, out: TextIO) -> None:
    out.write('{\n"schema": ' + json.dumps(c.SCHEMA))
    for name, records in iter_sections(store):
        out.write(f',\n"{name}": [')
        first = True
        for record in records:
            out.write("\n" if first else ",\n")
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
            first = False
        out.write("\n]" if not first else "]")
    out.write("\n}\n")
