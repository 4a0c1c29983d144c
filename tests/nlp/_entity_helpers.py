"""Small helpers shared by the entity tests (not a test module)."""

from __future__ import annotations

from storyline.model import Document, Mention
from storyline.nlp.pipeline import analyze_documents, build_stages


def mentions_of(nlp, text: str) -> list[Mention]:
    analysis = next(analyze_documents([Document.from_text(text)], nlp, build_stages(("entities",))))
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
    return list(analysis.mentions)


def names(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions if m.is_name]


def cluster_of(mentions: list[Mention], text: str, *, is_name: bool = True) -> int:
    hits = [m.cluster for m in mentions if m.text == text and m.is_name == is_name]
    assert hits, f"no mention {text!r} in {[(m.text, m.is_name) for m in mentions]}"
    return hits[0]


def by_text(mentions: list[Mention], text: str) -> Mention:
    hits = [m for m in mentions if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in mentions]}"
    return hits[0]
