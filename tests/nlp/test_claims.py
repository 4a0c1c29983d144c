"""The claims stage: a document's own assertive sentences as speakerless statements, kept focused."""

from __future__ import annotations

import datetime as dt

from storyline.model import Document, StatementKind
from storyline.nlp.claims import claims_in_document, has_trigger
from storyline.nlp.pipeline import DEFAULT_ORDER, analyze_documents, build_stages, parse

from tests.corpus.findings.articles import BACKREF, HAVENS, ROLE

PUBLISHED = dt.date(2025, 4, 2)


def _claims(nlp, text: str):
    doc = Document.from_text(text, source="Vardan Times", published=PUBLISHED)
    analysis = next(iter(analyze_documents([doc], nlp)))
    return analysis, [s for s in analysis.statements if s.cue is None and s.speaker_text is None]


def test_claims_stage_runs_right_after_statements() -> None:
    assert DEFAULT_ORDER.index("claims") == DEFAULT_ORDER.index("statements") + 1
    assert "posts" in DEFAULT_ORDER
    assert [s.name for s in build_stages()][: DEFAULT_ORDER.index("claims") + 1][-1] == "claims"


def test_claims_only_narrative_sentences_with_an_entity_and_a_trigger(nlp) -> None:
    analysis, claims = _claims(nlp, HAVENS)
    # the quoted sentences are the spokesman's; the heading, the question and the trigger-less last line are skipped
    assert [c.content for c in claims] == [
        "The group's main stronghold lies in the Kelvar Valley of Vardania, not Merovia, and its fighters attacked a police post there last month"
    ]
    claim = claims[0]
    assert claim.speaker_cluster is None and claim.cue is None and claim.kind is StatementKind.INDIRECT
    assert claim.said_on == PUBLISHED
    assert HAVENS[claim.content_start : claim.content_end] == claim.content
    attributed = [s for s in analysis.statements if s.cue is not None]
    assert not any(s.start <= claim.content_start < s.end for s in attributed)


def test_claims_polarity_follows_negation(nlp) -> None:
    _, claims = _claims(nlp, ROLE)
    assert [(c.content, c.polarity) for c in claims] == [
        ("Verin was not a peripheral figure: he was linked to 14 bombings in Tarsk over two years", -1)
    ]


def test_claims_back_reference_leans_on_the_sentence_before(nlp) -> None:
    _, claims = _claims(nlp, BACKREF)
    assert [c.content for c in claims] == ["Reports from local monitors indicate otherwise"]


def test_claims_none_for_social_media_and_other_languages(nlp) -> None:
    posts = Document.from_text(ROLE, metadata={"posts": [{"start": 0, "end": 10}]})
    parsed = next(iter(parse([posts], nlp)))
    assert claims_in_document(parsed) == []
    german = Document.from_text(ROLE, language="de")
    assert next(iter(analyze_documents([german], nlp))).statements == ()


def test_claims_triggers_are_conflict_reporting_conventions() -> None:
    assert has_trigger("the group's base remains in the hills")
    assert has_trigger("he was linked to 14 bombings")
    assert has_trigger("reports indicate otherwise")
    assert has_trigger("the group carried out 37 attacks")
    assert not has_trigger("the minister visited the port on Tuesday")


SHIFT = "Senator Marta Delvane, who once supported the Harrow Ridge pipeline, now opposes it. Critics cite Delvane's 2019 vote for the Tolland dam bill.\n"


def test_claims_each_narrated_stance_phrase_is_one_claim_with_its_own_date(nlp) -> None:
    _, claims = _claims(nlp, SHIFT)
    by_content = {c.content: c for c in claims}
    earlier = by_content["who once supported the Harrow Ridge pipeline"]
    later = by_content["now opposes it"]
    vote = by_content["Delvane's 2019 vote for the Tolland dam bill"]
    assert earlier.said_on is None  # "once": earlier than publication, by how much the text does not say
    assert later.said_on == PUBLISHED
    assert vote.said_on == dt.date(2019, 1, 1) and vote.said_on_precision.value == "year"
    assert all(SHIFT[c.content_start : c.content_end] == c.content for c in claims)
