"""Findings behind the real pipeline: short fictional articles must each yield their one finding, and little else."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.corpus.findings import detect_findings
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
from storyline.model import Document, Finding, FindingKind
from storyline.nlp.pipeline import analyze_documents

from .articles import AGREE, BACKREF, HAVENS, ROLE

MAX_FINDINGS = 2


def _findings(nlp, text: str, source: str) -> tuple[list[Finding], dict[str, str]]:
    doc = Document.from_text(text, source=source, published=dt.date(2025, 4, 2))
    analysis = next(iter(analyze_documents([doc], nlp)))
    mentions = list(analysis.mentions)
    res = resolve_entities(clusters_from_mentions(mentions), ())
    found = detect_findings(list(analysis.statements), list(analysis.facts), {doc.id: mentions},
                            dict(res.key_to_entity), list(res.entities), {doc.id: doc})
    spans = {s.id: text[s.start : s.end] for s in analysis.statements}
    return found, spans


@pytest.mark.parametrize(
    ("text", "source", "side_a", "side_b", "reason"),
    [
        (HAVENS, "Vardan Times", "havens inside Merovia", "stronghold lies in the Kelvar Valley", "where the group is based"),
        (BACKREF, "Meridian Post", "actively fighting the Red Dawn Brigade", "indicate otherwise", "contradicts the claim made just before"),
        (ROLE, "Coastal Observer", "nothing more than a driver", "linked to 14 bombings", "conflicting roles for"),
    ],
    ids=["outlet-vs-spokesman-location", "reports-indicate-otherwise", "driver-vs-linked-to-bombings"],
)
def test_articles_each_yield_their_finding_and_few_others(nlp, text, source, side_a, side_b, reason) -> None:
    found, spans = _findings(nlp, text, source)
    assert 1 <= len(found) <= MAX_FINDINGS, [f.explanation for f in found]
    top = found[0]
    assert top.kind is FindingKind.SOURCE_CONFLICT
    texts = [spans[i.id] for i in top.items]
    assert any(side_a in t for t in texts) and any(side_b in t for t in texts), texts
    assert reason in top.explanation.lower()
    assert source in top.explanation  # the outlet's own voice is named as its source


def test_articles_agreeing_outlet_and_spokesman_give_no_finding(nlp) -> None:
    found, _ = _findings(nlp, AGREE, "Vardan Times")
    assert found == []
