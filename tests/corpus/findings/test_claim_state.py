"""A claim kept as text reads back equal to the claim built, so an update that reads stored claims scores what a rebuild scores."""

from __future__ import annotations

import pytest

from storyline.corpus.findings import claims_of, decode_claim, decode_view, fact_views_of
from storyline.corpus.findings.claim_state import encode_claim, encode_view
from storyline.corpus.findings.claims import Claim

from .casebuilder import build_corpus, load_cases


ENTS = {"sorov": {"name": "Ilen Sorov", "type": "person"}, "kabu": {"name": "Omar Kabu", "type": "person"}}
# a stance of the speaker's own, and a dated vote another speaker names (a claim whose statement is re-dated)
STANCES = [{"id": "st", "source": "Src", "published": "2025-01-01", "statements": [
    {"label": "s0", "speaker": "sorov", "content": "he opposes the harbour levy"},
    {"label": "s1", "speaker": "kabu", "content": "[Ilen Sorov](sorov)'s 2015 vote for the harbour levy"}]}]


def _claims() -> list[Claim]:
    data = load_cases()
    out: list[Claim] = []
    for docs, entities, prefix in [*((case["documents"], data["entities"], case["name"][:12] + "/") for case in data["cases"]),
                                   (STANCES, ENTS, "")]:
        c = build_corpus(docs, entities, prefix=prefix)
        out += claims_of(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents)
    return out


def test_every_hand_written_case_claim_reads_back_equal_to_the_claim_built() -> None:
    claims = _claims()
    # the cases hold every kind of part a claim keeps: stances, roles, places, predicates, dates, negations
    assert any(c.stance is not None for c in claims) and any(c.narrated for c in claims) and any(c.roles for c in claims)
    assert any(c.locations for c in claims) and any(c.concepts for c in claims)
    assert any(c.date is not None for c in claims) and any(c.negations for c in claims)
    for claim in claims:
        again = decode_claim(encode_claim(claim))
        assert again == claim
        assert again.id == claim.id and again.sort_key() == claim.sort_key()


def test_every_fact_view_of_one_events_reports_reads_back_equal_to_the_view_built(nlp) -> None:
    from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
    from storyline.model import Document
    from storyline.nlp.pipeline import analyze_documents

    from .recall_articles import ONE_EVENT_FOUR_TOLLS

    docs = {d.id: d for d in (Document.from_text(text, source=f"Outlet {i}", published=day)
                              for i, (day, text) in enumerate(ONE_EVENT_FOUR_TOLLS))}
    analyses = list(analyze_documents(list(docs.values()), nlp))
    mentions = {a.document_id: list(a.mentions) for a in analyses}
    res = resolve_entities(clusters_from_mentions([m for ms in mentions.values() for m in ms]), ())
    views = fact_views_of([f for a in analyses for f in a.facts], mentions, dict(res.key_to_entity), list(res.entities),
                          documents=docs)
    # an event's tolls: places near each figure and in its sentence, the event noun, a reported day
    assert any(v.event and v.places and v.sentence is not None for v in views)
    assert any(v.published is not None for v in views)
    for view in views:
        assert decode_view(encode_view(view)) == view


def test_a_state_written_for_claims_of_another_layout_reads_as_none() -> None:
    import json

    text = encode_claim(_claims()[0])
    layout, value = json.loads(text)
    assert decode_claim(json.dumps([layout, value])) is not None
    assert decode_claim(json.dumps(["0" * len(layout), value])) is None
    assert decode_claim(json.dumps(value)) is None  # the bare fields, as no layout wrote them


def test_a_state_with_a_value_of_an_unknown_type_is_refused() -> None:
    claim = _claims()[0]
    claim.source = object()  # type: ignore[assignment]
    with pytest.raises(TypeError):
        encode_claim(claim)
