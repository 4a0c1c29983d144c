"""Build a parsed document with hand-made mentions (independent of the entities stage)."""

from __future__ import annotations

import datetime as dt

from storyline.model import Document, EntityType, Mention
from storyline.nlp.pipeline import ParsedDocument, parse


def parsed_with(nlp, text: str, names: dict[str, tuple[EntityType, int]] | None = None,
                published: dt.date | None = None) -> ParsedDocument:
    doc = Document.from_text(text, published=published)
    parsed = next(parse([doc], nlp))
    for name, (etype, cluster) in (names or {}).items():
        start = 0
        while (i := text.find(name, start)) != -1:
            parsed.mentions.append(Mention(doc.id, i, i + len(name), name, etype, cluster, name))
            start = i + len(name)
    return parsed
