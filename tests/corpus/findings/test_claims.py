from __future__ import annotations

from storyline.corpus.findings.claims import MentionIndex, _person_like, build_claims
from storyline.model import EntityType, Mention
from storyline.text.lexicon import default_lexicon

from .casebuilder import build_corpus

ENTS = {
    "sorov": {"name": "Ilen Sorov", "type": "person"},
    "kabu": {"name": "Omar Kabu", "type": "person"},
    "nlf": {"name": "NLF", "type": "organization"},
    "merovia": {"name": "Merovia", "type": "place"},
    "vardania": {"name": "Vardania", "type": "place"},
}


def _claims(*contents: str):
    docs = [{"id": "d", "source": "Src", "published": "2025-01-01", "statements": [{"label": f"s{i}", "content": c} for i, c in enumerate(contents)]}]
    c = build_corpus(docs, ENTS)
    return build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())


def test_claims_restrictive_idiom_is_not_a_negation() -> None:
    (c,) = _claims("[Ilen Sorov](sorov) was nothing more than an observer")
    assert not c.negated
    assert [(r.person, r.rank) for r in c.roles] == [("E_sorov", "low")]


def test_claims_negated_role_and_contrasted_person() -> None:
    a, b = _claims(
        "[Sorov](sorov) was not a peripheral figure",
        "[Omar Kabu](kabu) was the real mastermind behind the attack, rather than [Sorov](sorov)",
    )
    assert [(r.person, r.rank) for r in a.roles] == [("E_sorov", "not_low")]
    assert {(r.person, r.rank) for r in b.roles} == {("E_kabu", "high"), ("E_sorov", "not_high")}


def test_claims_location_negation_and_concept_sides() -> None:
    (c,) = _claims("the [NLF](nlf) stronghold lies in [Vardania](vardania), not [Merovia](merovia), and it is not defeated")
    assert {(h.place, h.negated) for h in c.locations} == {("E_vardania", False), ("E_merovia", True)}
    assert [(h.concept, h.side) for h in c.concepts] == [("existence", "b")]


def test_claims_narrative_voice_speaks_for_the_source() -> None:
    (c,) = _claims("the [NLF](nlf) is growing")
    assert c.narrative and c.speaker == "source:src" and c.speaker_name == "Src"


def test_claims_stance_pronoun_after_another_named_person_is_not_the_speakers() -> None:
    docs = [{"id": "d", "source": "Src", "published": "2025-01-01", "statements": [
        {"label": "s0", "speaker": "sorov", "content": "he opposes the harbour levy"},
        {"label": "s1", "speaker": "sorov", "content": "the campaign exploited [Omar Kabu](kabu)'s statement that he opposed the harbour levy"}]}]
    c = build_corpus(docs, ENTS)
    own, other = build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())
    assert own.stance is not None and own.stance.head == "levy"
    assert other.stance is None


def test_claims_role_after_a_preposition_is_another_nouns() -> None:
    (c,) = _claims("the ties that [Ilen Sorov](sorov) has with wealthy shipping leaders helped him")
    assert c.roles == ()


def test_claims_role_of_an_office_or_one_to_be_taken_is_no_rank() -> None:
    a, b = _claims(
        "voters doubt the fitness of [Ilen Sorov](sorov) to be commander of the brigade",
        "[Ilen Sorov](sorov) is commander in chief of the armed forces",
    )
    assert a.roles == () and b.roles == ()


def test_claims_role_near_misses_still_hold() -> None:
    a, b = _claims("[Ilen Sorov](sorov) was the commander of the cell", "[Ilen Sorov](sorov), who was once just a driver, fled")
    assert [(r.person, r.rank) for r in a.roles] == [("E_sorov", "high")]
    assert [(r.person, r.rank) for r in b.roles] == [("E_sorov", "low")]


def test_explanation_of_a_stance_cued_statement_says_what_the_actor_did_not_said() -> None:
    from storyline.corpus.findings.explain import explain_pair
    from storyline.corpus.findings.hits import Hit

    docs = [{"id": "d", "source": "Src", "published": "2025-01-01", "statements": [
        {"label": "s0", "speaker": "sorov", "cue": "back", "content": "the harbour levy"},
        {"label": "s1", "speaker": "kabu", "content": "the harbour levy is dead"}]}]
    c = build_corpus(docs, ENTS)
    a, b = build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())
    text = explain_pair(a, b, Hit(0.8, "a test", "polarity", (0, 5), (0, 5)), False)
    assert "Ilen Sorov backed on 2025-01-01 (Src) '" in text and "Omar Kabu said on 2025-01-01 (Src) that '" in text, text


def test_claims_a_dated_vote_named_in_a_speakers_remark_is_the_voters_stance_of_that_year() -> None:
    docs = [{"id": "d", "source": "Src", "published": "2025-01-01", "statements": [
        {"label": "s0", "speaker": "kabu", "content": "[Ilen Sorov](sorov)'s 2015 vote for the harbour levy"},
        {"label": "s1", "speaker": "kabu", "content": "the vote for the harbour levy was in 2015"}]}]
    c = build_corpus(docs, ENTS)
    vote, plain = build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())
    assert vote.speaker == "E_sorov" and vote.narrated and vote.stance is not None
    assert (vote.stance.side, vote.stance.head, vote.statement.said_on.year) == ("supports", "levy", 2015)
    assert plain.speaker == "E_kabu" and plain.stance is None


def test_a_name_tagged_as_an_organization_is_a_persons_when_the_article_gives_it_after_a_given_name() -> None:
    full = Mention("d", 0, 12, "Donald Trump", EntityType.ORGANIZATION, 1, "Donald Trump")
    short = Mention("d", 40, 45, "Trump", EntityType.ORGANIZATION, 1, "Donald Trump")
    firm = Mention("d", 60, 65, "Apple", EntityType.ORGANIZATION, 2, "Apple")
    idx = MentionIndex([full, short, firm])
    assert _person_like(short, idx) and _person_like(full, idx)
    assert not _person_like(firm, idx)
