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


def rule_statements(nlp, text: str, names: dict[str, tuple[EntityType, int]] | None = None,
                    published: dt.date | None = dt.date(2025, 3, 8)) -> list:
    """The statements the rules alone find (``model=None``): what the rules do, without the learned scorer."""
    from storyline.nlp.statements import statements_in_document

    return statements_in_document(parsed_with(nlp, text, names, published), model=None)


def by_content(out, words: str):
    """The first statement whose content holds ``words`` (failing with what was found instead)."""
    found = [s for s in out if words in s.content]
    assert found, [(s.speaker_text, s.content) for s in out]
    return found[0]
