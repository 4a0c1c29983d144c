"""Polarity, roles and speakers read in context: what a negation governs, whose role it is, what asserts at all."""

from __future__ import annotations

from storyline.corpus.findings import detect_findings
from storyline.corpus.findings.claims import build_claims, is_dateline, is_vague_speaker
from storyline.text.lexicon import default_lexicon
from storyline.corpus.findings.polarity import detect_polarity

from .casebuilder import build_corpus

ENTS = {
    "sorov": {"name": "Ilen Sorov", "type": "person"},
    "kabu": {"name": "Omar Kabu", "type": "person"},
    "nlf": {"name": "NLF", "type": "organization"},
    "lumen": {"name": "Lumen Corp", "type": "organization"},
    "tarsk": {"name": "Tarsk", "type": "place"},
}


def _claims(*contents: str, speakers: tuple[str | None, ...] = ()):
    statements = []
    for i, c in enumerate(contents):
        st = {"label": f"s{i}", "content": c}
        if i < len(speakers) and speakers[i]:
            st["speaker"] = speakers[i]
        statements.append(st)
    docs = [{"id": "d", "source": "Src", "published": "2025-01-01", "statements": statements}]
    c = build_corpus(docs, ENTS)
    return build_claims(c.statements, c.mentions_by_doc, c.key_to_entity, c.entities, c.documents, default_lexicon())


def test_context_a_negated_judgement_of_a_claim_does_not_negate_the_claim() -> None:
    (c,) = _claims("[Lumen Corp](lumen) calls the Arc the thinnest laptop it has made, and it isn't exaggerating")
    assert not c.negated
    (c2,) = _claims("[Lumen Corp](lumen) calls the Arc the thinnest laptop it has made, and it is not exaggerating")
    assert not c2.negated


def test_context_a_report_of_no_reports_asserts_nothing() -> None:
    (c,) = _claims("there were no immediate reports of damage in [Tarsk](tarsk)")
    assert not c.asserts


def test_context_questions_hedges_and_conditionals_do_not_assert() -> None:
    q, hedge, cond, plain = _claims(
        "is the [NLF](nlf) still operating in [Tarsk](tarsk)?",
        "the [NLF](nlf) may have been eliminated",
        "the army would not have attacked [Tarsk](tarsk) if the [NLF](nlf) had left",
        "the [NLF](nlf) has been eliminated",
    )
    assert not q.asserts and not hedge.asserts and not cond.asserts
    assert plain.asserts
    (poll,) = _claims("only 24 percent who said otherwise")
    assert not poll.asserts


def test_context_a_role_noun_before_a_name_and_a_verb_is_someone_elses_role() -> None:
    (c,) = _claims("the lone defence witness [Sorov](sorov) called told the court nothing new")
    assert c.roles == ()
    (c2,) = _claims("the court heard that the courier [Sorov](sorov) carried the money")
    assert [(r.person, r.rank) for r in c2.roles] == [("E_sorov", "low")]


def test_context_a_possessive_role_belongs_to_the_possessed() -> None:
    (c,) = _claims("[Sorov](sorov)'s driver was arrested near [Tarsk](tarsk)")
    assert c.roles == ()


def test_context_a_role_word_inside_a_name_or_in_the_possessive_is_no_role() -> None:
    (c,) = _claims("[Sorov](sorov) spoke to the Planned Parenthood Action Network in [Tarsk](tarsk)")
    assert c.roles == ()
    (c2,) = _claims("[Sorov](sorov) hedged on the issue of driver's licenses for immigrants")
    assert c2.roles == ()
    (c3,) = _claims("[Sorov](sorov), who planned the attack, was arrested")
    assert [(r.person, r.rank) for r in c3.roles] == [("E_sorov", "high")]


def test_context_polarity_compares_the_negated_clause_only() -> None:
    a, b = _claims(
        "the lawyer arranged for [Kabu](kabu) to enter the clinic, but the court has not approved that clinic",
        "[Kabu](kabu) has entered an approved clinic",
    )
    assert detect_polarity(a, b) is None
    c, d = _claims("[Kabu](kabu) did not sign the ceasefire deal", "[Kabu](kabu) signed the ceasefire deal on Monday")
    hit = detect_polarity(c, d)
    assert hit is not None and hit.labels == ("not sign", "sign")
    # both said on one day: told as first and second, never as earlier and later
    assert hit.reason == "the first statement negates what the second one asserts"
    later = d.__class__(**{**d.__dict__, "date": d.date.replace(year=d.date.year + 1)})
    assert detect_polarity(c, later).reason == "the earlier statement negates what the later one asserts"


def test_context_a_same_claim_with_a_negated_aside_is_not_a_flip() -> None:
    a, b = _claims(
        "[Sorov](sorov) wouldn't have missed the ceremony honouring [Kabu](kabu) for the world",
        "[Sorov](sorov) attended the ceremony honouring [Kabu](kabu)",
    )
    assert detect_polarity(a, b) is None


def test_context_a_dateline_is_never_a_speaker() -> None:
    assert is_dateline("KABUL —") and is_dateline("WASHINGTON (AP) -")
    assert not is_dateline("Zabihullah Mujahid") and not is_dateline("UN")


def test_context_a_dateline_speaker_is_read_as_the_outlets_voice() -> None:
    from storyline.model import Statement, StatementKind

    corpus = build_corpus([{"id": "d", "source": "Src", "published": "2025-01-01",
                            "statements": [{"label": "s0", "content": "the [NLF](nlf) has been eliminated"}]}], ENTS)
    (st,) = corpus.statements
    dated = Statement(st.document_id, st.start, st.end, st.content, st.content_start, st.content_end,
                      StatementKind.INDIRECT, speaker_text="KABUL —", cue="say")
    (c,) = build_claims([dated], corpus.mentions_by_doc, corpus.key_to_entity, corpus.entities, corpus.documents,
                        default_lexicon())
    assert "KABUL" not in c.speaker_name and not c.speaker.startswith("name:")


def test_context_a_person_defeated_in_a_vote_is_not_a_group_defeated() -> None:
    docs = [
        {"id": "d1", "source": "A", "published": "2025-01-01",
         "statements": [{"label": "s1", "speaker": "kabu", "content": "[Sorov](sorov) was defeated in the primary"}]},
        {"id": "d2", "source": "B", "published": "2025-01-02",
         "statements": [{"label": "s2", "speaker": "sorov", "content": "[Sorov](sorov) is recruiting new staff"}]},
    ]
    corpus = build_corpus(docs, ENTS)
    assert detect_findings(*corpus.args()) == []


def test_context_a_role_held_toward_a_person_is_not_that_persons_role() -> None:
    (c,) = _claims("the former driver for late crime boss [Omar Kabu](kabu), [Sorov](sorov) rose to lead the family")
    assert ("E_kabu", "low") not in {(r.person, r.rank) for r in c.roles}


def test_context_one_verb_negated_and_asserted_of_two_subjects_is_not_a_flip() -> None:
    a, b = _claims(
        "54 percent of the surveyed officers would vote for [Kabu](kabu) in the election",
        "he would not vote for [Kabu](kabu) in the election",
        speakers=(None, "sorov"),
    )
    assert detect_polarity(a, b) is None


def test_context_rejecting_a_thing_is_not_denying_a_proposition() -> None:
    a, b = _claims("the [NLF](nlf) ceasefire deal", "the [NLF](nlf) ceasefire deal favours the army",
                   speakers=("sorov", "sorov"))
    denial = a.__class__(**{**a.__dict__, "cue_denial": True, "negated": True, "denial": True})
    assert detect_polarity(denial, b) is None


def test_context_a_pronoun_or_the_thing_is_no_source_but_an_unnamed_institution_is() -> None:
    assert is_vague_speaker("the company") and is_vague_speaker("it") and is_vague_speaker("They")
    assert not is_vague_speaker("police") and not is_vague_speaker("the ministry") and not is_vague_speaker("residents")
    assert not is_vague_speaker("Darius Kemal")
    assert is_vague_speaker("only 24 percent who") and is_vague_speaker("41% of voters")  # poll answers, not sources


def test_context_a_role_word_near_a_name_without_a_link_is_not_that_persons_role() -> None:
    (c,) = _claims("[Kabu](kabu) won the vote, but many rank-and-file members said they would not back the deal")
    assert c.roles == ()
    linked = _claims("[Kabu](kabu), a courier for the cell, was arrested", "[Kabu](kabu) was nothing more than an observer",
                     "the courier [Kabu](kabu) carried the money")
    assert [[(r.person, r.rank) for r in c.roles] for c in linked] == [[("E_kabu", "low")]] * 3


def test_context_a_state_so_far_is_updated_not_contradicted_by_a_later_report() -> None:
    for so_far, later in (
        ("the results of the test of [Kabu](kabu) have not been released",
         "the results of the test of [Kabu](kabu) were released on Wednesday"),
        ("[Kabu](kabu) has not yet signed the ceasefire deal", "[Kabu](kabu) signed the ceasefire deal on Monday"),
        ("[Kabu](kabu) hasn't signed the ceasefire deal", "[Kabu](kabu) signed the ceasefire deal on Monday"),
    ):
        a, b = _claims(so_far, later)
        assert detect_polarity(a, b) is None, so_far
    c, d = _claims("[Kabu](kabu) did not sign the ceasefire deal", "[Kabu](kabu) signed the ceasefire deal on Monday")
    assert detect_polarity(c, d) is not None  # a plain denial still conflicts


def test_context_a_correction_a_not_b_negates_no_proposition() -> None:
    a, b = _claims(
        "the show [Lumen Corp](lumen) airs is called 'Nights of the Rich', not 'Super Nights of the Rich'",
        "[Lumen Corp](lumen) airs the show 'Super Nights of the Rich' every week",
    )
    assert detect_polarity(a, b) is None
    c, d = _claims("[Kabu](kabu) will not sign the ceasefire deal", "[Kabu](kabu) will sign the ceasefire deal")
    assert detect_polarity(c, d) is not None  # a plain negation still flips
