from __future__ import annotations

import datetime as dt

from storyline.corpus.storylines import UNTOPICED, build_storylines, storyline_label, storyline_topics
from storyline.model import Statement, StatementKind

from .findings.casebuilder import build_corpus

ENTITIES = {
    "spok": {"name": "Tarin Hask", "type": "person"},
    "other": {"name": "Odel Marr", "type": "person"},
    "iskp": {"name": "Islamic State-Khorasan Province", "type": "organization"},
    "khaw": {"name": "Khawarij", "type": "organization"},
    "daesh": {"name": "Daesh", "type": "organization"},
    "afg": {"name": "Afghanistan", "type": "place"},
    "pak": {"name": "Pakistan", "type": "place"},
    "rhen": {"name": "Rhenland", "type": "place"},
    "vel": {"name": "Velar Party", "type": "organization"},
    "suda": {"name": "Mira Suda", "type": "person"},
    "rhenish": {"name": "Rhenish", "type": "organization"},
}


def _st(doc: str, start: int, cluster: int | None, said_on: dt.date | None) -> Statement:
    return Statement(doc, start, start + 5, "x" * 5, start, start + 5, StatementKind.DIRECT, speaker_cluster=cluster, said_on=said_on)


def _lines(docs):
    c = build_corpus(docs, ENTITIES)
    names = {k: e.name for k, e in c.entities.items()}
    return c, build_storylines(c.statements, c.key_to_entity, {}, c.mentions_by_doc, names)


def _by_label(c, lines):
    return {(line.actor_id, line.topic): [c.labels[s] for s in line.statement_ids] for line in lines}


def test_storylines_without_mentions_group_by_actor_and_topic_in_time_order_undated_last() -> None:
    late = _st("d1", 0, 0, dt.date(2025, 5, 1))
    early = _st("d2", 10, 3, dt.date(2025, 1, 1))
    undated = _st("d0", 0, 1, None)
    other_topic = _st("d1", 20, 0, dt.date(2025, 2, 1))
    unresolved = _st("d1", 40, 9, dt.date(2025, 2, 1))
    narrative = _st("d1", 60, None, dt.date(2025, 2, 1))
    k2e = {"d1#0": "E_k", "d2#3": "E_k", "d0#1": "E_k"}
    topics = {late.id: "t", early.id: "t", undated.id: "t"}
    lines = build_storylines([late, undated, early, other_topic, unresolved, narrative], k2e, topics)
    assert [(s.actor_id, s.topic) for s in lines] == [("E_k", UNTOPICED), ("E_k", "t")]
    assert lines[1].statement_ids == (early.id, late.id, undated.id)
    assert lines[0].statement_ids == (other_topic.id,)


def test_storylines_one_actor_on_one_subject_across_aliases_places_and_years_is_one_storyline() -> None:
    docs = [
        {"id": "a", "published": "2021-09-01", "statements": [
            {"label": "2021", "speaker": "spok", "content": "[Daesh](daesh) has no presence in [Afghanistan](afg)", "said_on": "2021-09-01"}]},
        {"id": "b", "published": "2023-02-01", "statements": [
            {"label": "2023", "speaker": "spok", "content": "the [Khawarij](khaw) keep hideouts and bases in [Pakistan](pak)", "said_on": "2023-02-01"}]},
        {"id": "c", "published": "2025-03-01", "statements": [
            {"label": "2025", "speaker": "spok", "content": "[ISKP](iskp) was eliminated from [Afghanistan](afg)", "said_on": "2025-03-01"},
            {"label": "undated", "speaker": "spok", "content": "[ISIS-K](iskp) camps exist only in [Pakistan](pak)"}]},
    ]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "ISIS-K's presence"): ["2021", "2023", "2025", "undated"]}
    assert storyline_label("Tarin Hask", lines[0].topic) == "Tarin Hask on ISIS-K's presence"


def test_storylines_a_context_alias_needs_its_context() -> None:
    docs = [{"id": "x", "statements": [
        {"label": "elsewhere", "speaker": "spok", "content": "[Daesh](daesh) has bases in [Rhenland](rhen)", "said_on": "2024-01-01"}]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "Daesh's presence"): ["elsewhere"]}


def test_storylines_split_by_claim_kind_and_never_by_place() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "role1", "speaker": "other", "content": "[Mira Suda](suda) was the mastermind of the plot in [Rhenland](rhen)", "said_on": "2024-01-01"},
        {"label": "role2", "speaker": "other", "content": "[Suda](suda) was only an observer", "said_on": "2024-02-01"},
        {"label": "talks", "speaker": "other", "content": "for [Mira Suda](suda) the talks collapsed", "said_on": "2024-03-01"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_other", "role of Mira Suda"): ["role1", "role2"], ("E_other", "talks with Mira Suda"): ["talks"]}


def test_storylines_a_statement_takes_the_subject_its_actor_talks_about_most() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "both", "speaker": "other", "content": "[Mira Suda](suda) will beat the [Velar Party](vel) candidate", "said_on": "2024-01-01"},
        {"label": "suda1", "speaker": "other", "content": "[Mira Suda](suda) is ahead", "said_on": "2024-01-02"},
        {"label": "suda2", "speaker": "other", "content": "voters trust [Suda](suda)", "said_on": "2024-01-03"},
        {"label": "party1", "speaker": "spok", "content": "[Mira Suda](suda) will lose to the [Velar Party](vel)", "said_on": "2024-01-04"},
        {"label": "party2", "speaker": "spok", "content": "the [Velar Party](vel) is surging", "said_on": "2024-01-05"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_other", "other remarks about Mira Suda"): ["both", "suda1", "suda2"],
                                   ("E_spok", "other remarks about Velar Party"): ["party1", "party2"]}


def test_storylines_one_off_remarks_join_their_broad_issue_or_the_actors_other_statements() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "tax1", "speaker": "spok", "content": "taxes will rise under [Mira Suda](suda)", "said_on": "2024-01-01"},
        {"label": "tax2", "speaker": "spok", "content": "the tax cut is a fraud", "said_on": "2024-01-02"},
        {"label": "once", "speaker": "spok", "content": "[Odel Marr](other) is a friend", "said_on": "2024-01-04"},
        {"label": "claim", "speaker": "spok", "content": "[Odel Marr](other) was the mastermind", "said_on": "2024-01-05"},
    ]}, {"id": "e", "statements": [
        {"label": "weather", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-01-03"}]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "taxes"): ["tax1", "tax2"], ("E_spok", UNTOPICED): ["weather"],
                                   ("E_spok", "role of Odel Marr"): ["once", "claim"]}  # a one-off remark joins the question on its subject


def test_storylines_an_actors_one_remark_left_over_keeps_its_own_subject_not_the_pool() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": label, "speaker": "spok", "content": content, "said_on": f"202{i}-01-01"}]}
            for i, (label, content) in enumerate([("dam1", "the river dam will be huge"), ("dam2", "nobody builds a river dam like us"),
                                                  ("dam3", "we pay for the river dam"), ("suda", "[Mira Suda](suda) likes the river dam"),
                                                  ("marr", "[Odel Marr](other) is a friend")])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "the river dam"): ["dam1", "dam2", "dam3", "suda"], ("E_spok", "other remarks about Odel Marr"): ["marr"]}


def test_storylines_the_speaker_is_never_its_own_subject_and_unnamed_subjects_are_other_statements() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "self", "speaker": "spok", "content": "[Tarin Hask](spok) will not resign", "said_on": "2024-01-01"},
        {"label": "none", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-01-02"},
        {"label": "unattributed", "content": "[Mira Suda](suda) is ahead", "said_on": "2024-01-03"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", UNTOPICED): ["self", "none"]}
    assert storyline_label("Tarin Hask", UNTOPICED) == "Tarin Hask: other statements"


def test_storylines_undated_single_document_and_a_prolific_actor_give_sensible_storylines() -> None:
    statements = [{"label": f"s{i}", "speaker": "spok", "content": f"[Mira Suda](suda) said thing number {i}"} for i in range(300)]
    statements += [{"label": f"p{i}", "speaker": "spok", "content": f"the [Velar Party](vel) is at {i} percent"} for i in range(200)]
    c, lines = _lines([{"id": "one", "statements": statements}])
    got = _by_label(c, lines)
    assert got[("E_spok", "other remarks about Mira Suda")] == [f"s{i}" for i in range(300)]  # undated: document order
    assert got[("E_spok", "other remarks about Velar Party")] == [f"p{i}" for i in range(200)]
    assert len(lines) == 2


def test_storylines_topics_are_the_storyline_questions_of_their_statements() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "a", "speaker": "other", "content": "[Mira Suda](suda) was the mastermind", "said_on": "2024-01-01"}]}]
    c, lines = _lines(docs)
    assert storyline_topics(lines) == {c.statements[0].id: "role of Mira Suda"}
    assert build_storylines([], {}, {}, {}, {}) == []


def test_storylines_an_actors_only_one_off_remark_keeps_its_own_question() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "once", "speaker": "spok", "content": "[Odel Marr](other) is a friend", "said_on": "2024-01-01"},
        {"label": "claim1", "speaker": "spok", "content": "[Mira Suda](suda) was the mastermind", "said_on": "2024-01-02"},
        {"label": "claim2", "speaker": "spok", "content": "[Mira Suda](suda) was a mere courier", "said_on": "2025-01-02"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Odel Marr"): ["once"], ("E_spok", "role of Mira Suda"): ["claim1", "claim2"]}


def test_storylines_a_common_claim_word_makes_a_claim_kind_only_beside_its_subject() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "fight1", "speaker": "spok", "content": "the army is fighting [ISKP](iskp) in [Afghanistan](afg)", "said_on": "2022-01-01"},
        {"label": "fight2", "speaker": "spok", "content": "we keep fighting the [Khawarij](khaw)", "said_on": "2023-01-01"},
        {"label": "loose", "speaker": "other", "content": "[Mira Suda](suda) said the threat to the economy keeps growing", "said_on": "2023-01-01"},
        {"label": "loose2", "speaker": "other", "content": "[Mira Suda](suda) will win", "said_on": "2023-02-01"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "efforts against ISIS-K"): ["fight1", "fight2"],
                                   ("E_other", "other remarks about Mira Suda"): ["loose", "loose2"]}


def test_storylines_a_nationality_adjective_is_not_the_subject_beside_a_named_person() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "judge", "speaker": "spok", "content": "[Rhenish](rhenish) voters will never trust [Odel Marr](other)", "said_on": "2024-01-01"},
        {"label": "marr", "speaker": "spok", "content": "[Odel Marr](other) should step aside", "said_on": "2024-01-04"},
    ]}] + [{"id": f"e{i}", "statements": [{"label": label, "speaker": "spok", "content": content, "said_on": "2024-01-02"}]}
           for i, (label, content) in enumerate([("farmers", "[Rhenish](rhenish) farmers are angry"),
                                                 ("workers", "[Rhenish](rhenish) workers want more")])]
    c, lines = _lines(docs)
    got = _by_label(c, lines)
    assert got[("E_spok", "other remarks about Odel Marr")] == ["judge", "marr"]
    assert all(topic != "Rhenish" for _actor, topic in got)


def test_storylines_a_role_claim_about_an_organisation_is_filed_under_the_organisation() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "a", "speaker": "spok", "content": "the [Velar Party](vel) was the mastermind", "said_on": "2024-01-01"},
        {"label": "b", "speaker": "spok", "content": "the [Velar Party](vel) is the mastermind again", "said_on": "2024-01-02"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Velar Party"): ["a", "b"]}


def test_storylines_killings_an_organisation_is_blamed_for_are_not_its_death_toll() -> None:
    docs = [{"id": "d", "statements": [
        {"label": "a", "speaker": "spok", "content": "the [Velar Party](vel) killed dozens of people", "said_on": "2024-01-01"},
        {"label": "b", "speaker": "spok", "content": "the [Velar Party](vel) left many dead", "said_on": "2024-01-02"},
    ]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Velar Party"): ["a", "b"]}


def test_storylines_one_quote_reported_twice_is_in_one_storyline() -> None:
    docs = [
        {"id": "a", "statements": [
            {"label": "named", "speaker": "spok", "content": "[Mira Suda](suda) would be wonderful for everyone", "said_on": "2024-01-01"},
            {"label": "again", "speaker": "spok", "content": "[Mira Suda](suda) is ahead", "said_on": "2024-01-02"}]},
        {"id": "b", "statements": [
            {"label": "plain", "speaker": "spok", "content": "Mira Suda would be wonderful for everyone", "said_on": "2024-01-03"}]},
        {"id": "c", "statements": [
            {"label": "weather", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-01-04"}]},
    ]
    c, lines = _lines(docs)
    got = _by_label(c, lines)
    assert got[("E_spok", "other remarks about Mira Suda")] == ["named", "again", "plain"]
    assert sum(len(ids) for ids in got.values()) == 4  # each statement in exactly one storyline


def test_storylines_a_remark_naming_nothing_right_after_its_actors_remark_on_a_question_goes_on_with_it() -> None:
    docs = [
        {"id": "a", "statements": [
            {"label": "q1", "speaker": "spok", "content": "[Mira Suda](suda) is ahead", "said_on": "2024-01-01"},
            {"label": "on", "speaker": "spok", "content": "we have no choice", "said_on": "2024-01-01"}]},
        {"id": "b", "statements": [
            {"label": "q2", "speaker": "spok", "content": "[Mira Suda](suda) will win", "said_on": "2024-01-02"}]},
        {"id": "c", "statements": [
            {"label": "alone", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-01-03"},
            {"label": "alone2", "speaker": "spok", "content": "it rains a lot", "said_on": "2024-01-03"}]},
    ]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Mira Suda"): ["q1", "on", "q2"], ("E_spok", UNTOPICED): ["alone", "alone2"]}


def test_storylines_pooled_remarks_sharing_a_noun_phrase_form_a_question_named_by_it() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"g{i}", "speaker": "spok", "content": content, "said_on": f"2024-01-0{i + 1}"}]}
            for i, content in enumerate(["we cracked the glass ceiling", "the glass ceiling is still there", "the weather is fine",
                                         "it rains a lot"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "glass ceiling"): ["g0", "g1"], ("E_spok", UNTOPICED): ["g2", "g3"]}
    assert storyline_label("Tarin Hask", "glass ceiling") == "Tarin Hask on glass ceiling"


def test_storylines_a_shared_pair_ending_in_an_adjective_names_no_question() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"b{i}", "speaker": "spok", "content": content, "said_on": f"2024-01-0{i + 1}"}]}
            for i, content in enumerate(["a big fat beautiful door", "so fat beautiful"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", UNTOPICED): ["b0", "b1"]}


def test_storylines_an_actors_remarks_on_one_thing_join_across_wording_subjects_and_years() -> None:
    docs = [
        {"id": "a", "statements": [
            {"label": "build", "speaker": "spok", "content": "we will build a dam on the river", "said_on": "2019-03-01"},
            {"label": "pay", "speaker": "spok", "content": "[Rhenland](rhen) will pay for the dam", "said_on": "2019-03-01"}]},
        {"id": "b", "statements": [
            {"label": "river", "speaker": "spok", "content": "the river dam will be huge", "said_on": "2021-06-01"},
            {"label": "suda", "speaker": "spok", "content": "[Mira Suda](suda) never wanted a river dam", "said_on": "2021-06-02"}]},
        {"id": "c", "statements": [
            {"label": "dams", "speaker": "spok", "content": "nobody builds dams like our engineers in [Rhenland](rhen)", "said_on": "2024-01-01"}]},
        {"id": "e", "statements": [
            {"label": "weather", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-01-02"}]},
    ]
    c, lines = _lines(docs)
    got = _by_label(c, lines)
    assert got[("E_spok", "the river dam and Rhenland")] == ["build", "pay", "river", "suda", "dams"]
    assert storyline_label("Tarin Hask", "the river dam and Rhenland") == "Tarin Hask on the river dam and Rhenland"


def test_storylines_a_claim_about_a_named_subject_keeps_its_question_beside_a_recurring_noun() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": label, "speaker": "spok", "content": content, "said_on": f"2024-01-0{i + 1}"}]}
            for i, (label, content) in enumerate([
                ("role1", "[Mira Suda](suda) was the mastermind of the pipeline deal"), ("role2", "[Mira Suda](suda) was only a courier"),
                ("deal1", "the pipeline deal is dead"), ("deal2", "we signed the deal anyway"),
                ("deal3", "[Odel Marr](other) hates this deal")])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "role of Mira Suda"): ["role1", "role2"],
                                   ("E_spok", "the pipeline deal"): ["deal1", "deal2", "deal3"]}


def test_storylines_a_general_noun_names_no_question() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"g{i}", "speaker": "spok", "content": content, "said_on": f"2024-01-0{i + 1}"}]}
            for i, content in enumerate(["it is a mistake for the farmers", "this is a mistake", "what a mistake",
                                         "the weather is fine"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", UNTOPICED): ["g0", "g1", "g2", "g3"]}


def test_storylines_a_noun_used_for_a_subject_is_named_with_the_subject() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"e{i}", "speaker": "spok", "content": content, "said_on": f"2024-02-0{i + 1}"}]}
            for i, content in enumerate(["[Mira Suda](suda)'s emails were deleted", "the emails were never found",
                                         "[Suda](suda) lied about the emails", "the weather is fine", "it rains a lot"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "Mira Suda's emails"): ["e0", "e1", "e2"], ("E_spok", UNTOPICED): ["e3", "e4"]}


def test_storylines_a_presence_question_names_the_place_most_of_its_remarks_name() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"p{i}", "speaker": "spok", "content": content, "said_on": f"202{i}-01-01"}]}
            for i, content in enumerate(["[Daesh](daesh) has no presence in [Afghanistan](afg)",
                                         "[ISKP](iskp) keeps hideouts in [Afghanistan](afg)",
                                         "[ISKP](iskp) has a foothold in [Pakistan](pak) and [Afghanistan](afg)"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "ISIS-K's presence in Afghanistan"): ["p0", "p1", "p2"]}


def test_storylines_remarks_on_a_subject_join_the_actors_one_kind_of_claim_about_it() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": content, "said_on": f"202{i}-01-01"}]}
            for i, content in enumerate(["[ISKP](iskp) has no presence here", "[ISKP](iskp) keeps hideouts in [Pakistan](pak)",
                                         "[ISKP](iskp) is a creation of foreign spies", "[ISKP](iskp) serves its masters",
                                         "[ISKP](iskp) has a foothold nowhere", "[Mira Suda](suda) was the mastermind",
                                         "[Mira Suda](suda) was a courier", "for [Mira Suda](suda) the talks collapsed",
                                         "[Mira Suda](suda) is tired", "[Mira Suda](suda) is asleep"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "ISIS-K's presence"): ["s0", "s1", "s2", "s3", "s4"],
                                   ("E_spok", "role of Mira Suda"): ["s5", "s6"],
                                   # two kinds of claim about her: plain remarks stay apart; the talks, said once, go with them
                                   ("E_spok", "other remarks about Mira Suda"): ["s7", "s8", "s9"]}


def test_storylines_plain_remarks_join_a_claim_kind_up_to_twice_its_size_and_a_passing_claim_joins_the_plain_remarks() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": content, "said_on": f"202{i}-01-01"}]}
            for i, content in enumerate(["[ISKP](iskp) keeps hideouts in [Pakistan](pak)", "[ISKP](iskp) is a creation of foreign spies",
                                         "[ISKP](iskp) serves its masters",
                                         "[Mira Suda](suda) is tired", "[Mira Suda](suda) is asleep", "[Mira Suda](suda) sings",
                                         "[Mira Suda](suda) was the courier"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "ISIS-K's presence"): ["s0", "s1", "s2"],
                                   ("E_spok", "other remarks about Mira Suda"): ["s3", "s4", "s5", "s6"]}


def test_storylines_a_noun_repeated_within_one_article_only_is_no_question() -> None:
    docs = [{"id": "speech", "statements": [
        {"label": f"h{i}", "speaker": "spok", "content": content, "said_on": "2024-01-01"}
        for i, content in enumerate(["the harbour is ours", "we love the harbour", "nobody takes the harbour"])]},
        {"id": "other", "statements": [{"label": "w", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-01-02"}]}]
    c, lines = _lines(docs)
    assert all(topic != "the harbour" for _actor, topic in _by_label(c, lines))


def test_storylines_a_context_alias_takes_its_context_from_near_the_statement_only() -> None:
    def doc(gap: str):  # type: ignore[no-untyped-def]
        return [{"id": "x", "statements": [
            {"label": "calm", "speaker": "other", "content": "[Afghanistan](afg) is calm", "said_on": "2024-01-01", "sep": ".\n" + gap},
            {"label": "far", "speaker": "spok", "content": "[Daesh](daesh) has bases in [Rhenland](rhen)", "said_on": "2024-01-02"}]}]

    c, lines = _lines(doc("The weather is fine. " * 100))
    assert ("E_spok", "Daesh's presence") in _by_label(c, lines)
    c, lines = _lines(doc("The weather is fine. "))
    assert ("E_spok", "ISIS-K's presence") in _by_label(c, lines)


def test_storylines_a_context_alias_placed_where_the_subject_is_not_keeps_its_own_name() -> None:
    entities = {**ENTITIES, "syr": {"name": "Syria", "type": "place"}}
    docs = [{"id": "x", "statements": [
        {"label": "calm", "speaker": "other", "content": "[Afghanistan](afg) is calm", "said_on": "2024-01-01"},
        {"label": "syria", "speaker": "spok", "content": "[Daesh](daesh) in [Syria](syr) has lost its bases", "said_on": "2024-01-02"},
        {"label": "rhen", "speaker": "suda", "content": "[Daesh](daesh) in [Rhenland](rhen) has bases", "said_on": "2024-01-02"}]}]
    c = build_corpus(docs, entities)
    lines = build_storylines(c.statements, c.key_to_entity, {}, c.mentions_by_doc, {k: e.name for k, e in c.entities.items()})
    got = _by_label(c, lines)
    assert ("E_spok", "Daesh's presence") in got and ("E_suda", "ISIS-K's presence") in got


def test_storylines_an_actors_earlier_and_later_stance_in_one_article_is_one_storyline() -> None:
    docs = [{"id": "profile", "published": "2024-05-01", "statements": [
        {"label": "then", "speaker": "spok", "content": "the pipeline would bring work to every valley", "said_on": "2012-03-01"},
        {"label": "now", "speaker": "spok", "content": "that pipeline was a mistake from the start", "said_on": "2024-05-01",
         "sep": ".\n" + "The weather is fine. " * 30},
        {"label": "aside", "speaker": "spok", "content": "the weather is fine", "said_on": "2024-05-01"}]}]
    c, lines = _lines(docs)
    assert _by_label(c, lines)[("E_spok", "the pipeline")] == ["then", "now"]


def test_storylines_a_noun_question_naming_a_broad_issue_joins_the_actors_storyline_on_it() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": content, "said_on": f"2024-0{i + 1}-01"}]}
            for i, content in enumerate(["[Odel Marr](other) lets the immigrants in", "the immigrants keep coming", "no more immigrants",
                                         "deportations start in spring", "our asylum rules are a joke", "visa waivers end",
                                         "asylum seekers wait", "[Odel Marr](other) is weak"])]
    c, lines = _lines(docs)
    got = _by_label(c, lines)
    assert got[("E_spok", "immigration")] == ["s0", "s1", "s2", "s3", "s4", "s5", "s6"]  # not "the immigrants" apart


def test_storylines_a_noun_question_only_related_to_a_broad_issue_stays_apart_from_it() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": content, "said_on": f"2024-0{i + 1}-01"}]}
            for i, content in enumerate(["[Odel Marr](other) courts the voters", "the voters are angry", "no voters care",
                                         "the election is rigged", "the campaign is long", "the ballot is secret",
                                         "[Odel Marr](other) is weak"])]
    c, lines = _lines(docs)
    got = _by_label(c, lines)
    assert got[("E_spok", "voters")] == ["s0", "s1", "s2"]
    assert got[("E_spok", "elections and campaigns")] == ["s3", "s4", "s5"]


def _said(start: int, kind: StatementKind, cue: str | None) -> Statement:
    return Statement("d9", start, start + 5, "x" * 5, start, start + 5, kind, speaker_cluster=0, cue=cue, said_on=dt.date(2025, 1, 1))


def test_storylines_hold_remarks_and_stances_but_not_the_speakers_actions() -> None:
    said = _said(0, StatementKind.INDIRECT, "say")  # "Vell said the plan fails"
    according = _said(10, StatementKind.INDIRECT, "according to")
    believes = _said(20, StatementKind.INDIRECT, "believe")
    opposes = _said(30, StatementKind.INDIRECT, "oppose")  # a stance: "Vell opposes the plan"
    quoted = _said(40, StatementKind.DIRECT, "brandish")  # a quotation is speech whatever verb stands beside it
    filed = _said(50, StatementKind.INDIRECT, "file")  # "Vell filed for divorce": an action
    held = _said(60, StatementKind.INDIRECT, "hold")  # "Vell held up the sign"
    uncued = _said(70, StatementKind.INDIRECT, None)
    mocked = _said(80, StatementKind.INDIRECT, "mock")  # "Vell mocked Dorn as a novice": a judgment, said
    hoped = _said(90, StatementKind.INDIRECT, "hop")  # "Vell hoped ...", lemmatised "hop"
    drew = _said(100, StatementKind.INDIRECT, "draw")  # "Vell drew boos from the crowd"
    lines = build_storylines([said, according, believes, opposes, quoted, filed, held, uncued, mocked, hoped, drew], {"d9#0": "E_v"}, {})
    kept = {sid for line in lines for sid in line.statement_ids}
    assert kept == {said.id, according.id, believes.id, opposes.id, quoted.id, mocked.id, hoped.id}


def test_an_action_whose_content_reports_the_speakers_words_is_a_remark() -> None:
    attack = Statement("d8", 0, 60, "an attack on the rule, calling it a disgrace", 0, 44, StatementKind.INDIRECT, speaker_cluster=0,
                       cue="launch")
    parade = Statement("d8", 100, 140, "a parade through the building", 100, 129, StatementKind.INDIRECT, speaker_cluster=0,
                       cue="launch")
    lines = build_storylines([attack, parade], {"d8#0": "E_v"}, {})
    assert [line.statement_ids for line in lines] == [(attack.id,)]


def test_an_open_verb_whose_object_is_what_speech_produces_is_a_remark() -> None:
    speech = Statement("d7", 0, 40, "a speech on the tariff plan", 0, 27, StatementKind.INDIRECT, speaker_cluster=0, cue="give")
    clear = Statement("d7", 50, 90, "clear that she will run", 50, 73, StatementKind.INDIRECT, speaker_cluster=0, cue="make")
    parcel = Statement("d7", 100, 140, "a parcel to the office", 100, 122, StatementKind.INDIRECT, speaker_cluster=0, cue="give")
    lines = build_storylines([speech, clear, parcel], {"d7#0": "E_v"}, {})
    assert {sid for line in lines for sid in line.statement_ids} == {speech.id, clear.id}


def test_attitudes_stances_taken_and_characterisations_are_remarks_but_casting_a_ballot_is_not() -> None:
    def said(start: int, content: str, cue: str) -> Statement:
        return Statement("d6", start, start + 40, content, start, start + len(content), StatementKind.INDIRECT, speaker_cluster=0, cue=cue)

    hopeful = said(0, "the deal will pass", "optimistic")  # "Vell was optimistic that the deal will pass"
    stance = said(50, "a firm stance against the tariff", "take")
    secret = said(100, "no secret of her plans", "make")
    cast_as = said(150, "himself as the outsider in the race", "cast")
    ballot = said(200, "a ballot for the mayor", "cast")
    laid_off = said(250, "more than 200 staffers", "lay")
    lines = build_storylines([hopeful, stance, secret, cast_as, ballot, laid_off], {"d6#0": "E_v"}, {})
    assert {sid for line in lines for sid in line.statement_ids} == {hopeful.id, stance.id, secret.id, cast_as.id}


def test_storylines_two_noun_questions_naming_one_broad_issue_are_one_storyline() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": content, "said_on": f"201{i}-01-01"}]}
            for i, content in enumerate(["[Mira Suda](suda) hires the immigrants", "[Mira Suda](suda) thanked our immigrants",
                                         "the immigrants came here", "[Odel Marr](other) is soft on illegal immigration",
                                         "[Odel Marr](other) never fought against illegal immigration", "we must act on illegal immigration",
                                         "the river dam will be huge", "the weather is fine"])]
    c, lines = _lines(docs)
    got = _by_label(c, lines)
    assert [labels for labels in got.values() if "s0" in labels] == [["s0", "s1", "s2", "s3", "s4", "s5"]]


def test_storylines_a_kind_of_claim_made_once_about_no_named_subject_is_no_question() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": content, "said_on": f"202{i}-01-01"}]}
            for i, content in enumerate(["we need a leader for the farmers", "the weather is fine",
                                         "the group keeps hideouts in the hills", "the group has a foothold in the valley"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", UNTOPICED): ["s0", "s1"], ("E_spok", "statements on presence"): ["s2", "s3"]}


def test_storylines_a_broad_issue_holding_one_remark_is_named_by_the_remarks_subject_but_not_by_a_place() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": speaker, "content": content, "said_on": f"202{i}-01-01"}]}
            for i, (speaker, content) in enumerate([
                ("spok", "[Mira Suda](suda) wants lower taxes"), ("suda", "taxes are too high in [Rhenland](rhen)"),
                ("other", "taxes are too high for [Mira Suda](suda)"), ("other", "tax cuts help [Velar Party](vel)")])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Mira Suda"): ["s0"],  # alone on taxes: named by her
                                   ("E_suda", "taxes"): ["s1"],  # only a place named: the issue names it better
                                   ("E_other", "taxes"): ["s2", "s3"]}  # two remarks on taxes: the issue gathers them


def test_storylines_a_subject_and_a_phrase_with_its_name_before_a_noun_are_one_question() -> None:
    entities = {**ENTITIES, "rwar": {"name": "Rhenland war", "type": "event"}, "karsa": {"name": "Karsa", "type": "organization"}}
    war = [{"id": f"w{i}", "statements": [{"label": f"w{i}", "speaker": "spok", "content": content, "said_on": f"2024-0{i + 1}-01"}]}
           for i, content in enumerate(["the [Rhenland war](rwar) was a blunder", "I voted against the [Rhenland war](rwar)",
                                        "[Rhenland](rhen) is still a mess", "we should never have gone into [Rhenland](rhen)",
                                        "the weather is fine", "it rains a lot"])]
    c = build_corpus(war, entities)
    lines = build_storylines(c.statements, c.key_to_entity, {}, c.mentions_by_doc, {k: e.name for k, e in c.entities.items()})
    assert _by_label(c, lines) == {("E_spok", "Rhenland war"): ["w0", "w1", "w2", "w3"], ("E_spok", UNTOPICED): ["w4", "w5"]}
    embargo = [{"id": f"e{i}", "statements": [{"label": f"e{i}", "speaker": "spok", "content": content, "said_on": f"2024-0{i + 1}-01"}]}
               for i, content in enumerate(["a Karsa embargo is overdue", "the Karsa embargo is needed", "we need the Karsa embargo now",
                                            "[Karsa](karsa) is dangerous", "[Karsa](karsa) hates us", "the weather is fine", "it rains a lot"])]
    c = build_corpus(embargo, entities)
    lines = build_storylines(c.statements, c.key_to_entity, {}, c.mentions_by_doc, {k: e.name for k, e in c.entities.items()})
    assert _by_label(c, lines) == {("E_spok", "the Karsa embargo"): ["e0", "e1", "e2", "e3", "e4"], ("E_spok", UNTOPICED): ["e5", "e6"]}


def test_storylines_a_person_named_before_another_word_keeps_the_persons_own_question() -> None:
    entities = {**ENTITIES, "jr": {"name": "Mira Suda jr", "type": "person"}}
    docs = [{"id": f"j{i}", "statements": [{"label": f"j{i}", "speaker": "spok", "content": content, "said_on": f"2024-0{i + 1}-01"}]}
            for i, content in enumerate(["[Mira Suda jr](jr) is a fine lawyer", "I met [Mira Suda jr](jr) twice",
                                         "[Mira Suda](suda) is a crook", "[Mira Suda](suda) lies"])]
    c = build_corpus(docs, entities)
    lines = build_storylines(c.statements, c.key_to_entity, {}, c.mentions_by_doc, {k: e.name for k, e in c.entities.items()})
    assert _by_label(c, lines) == {("E_spok", "other remarks about Mira Suda jr"): ["j0", "j1"], ("E_spok", "other remarks about Mira Suda"): ["j2", "j3"]}


def test_storylines_an_idiom_noun_names_no_question() -> None:
    docs = [{"id": f"h{i}", "statements": [{"label": f"h{i}", "speaker": "spok", "content": content, "said_on": f"2024-0{i + 1}-01"}]}
            for i, content in enumerate(["what the hell is this", "who the hell knows", "why the hell not", "what the heck",
                                         "what in the heck happened", "the heck with them"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", UNTOPICED): ["h0", "h1", "h2", "h3", "h4", "h5"]}
    got = _one_actor(["we are in favor of lower fees", "I was always in favor of it", "nobody is in favor of that",
                      "for the sake of our farmers", "for the sake of peace"])
    assert got == {("E_spok", UNTOPICED): ["s0", "s1", "s2", "s3", "s4"]}


def _one_actor(contents: list[str]) -> dict:
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}", "speaker": "spok", "content": c, "said_on": f"2024-01-{i + 1:02d}"}]}
            for i, c in enumerate(contents)]
    c, lines = _lines(docs)
    return _by_label(c, lines)


def test_storylines_a_noun_question_naming_a_subject_beside_it_joins_the_actors_larger_question_on_the_subject() -> None:
    plain = [f"[Mira Suda](suda) spoke about point {n}" for n in range(6)]
    got = _one_actor(["the supporters of [Mira Suda](suda) are angry", "her supporters love [Mira Suda](suda)", "our supporters are loyal",
                      *plain, "the weather is fine", "it rains a lot"])
    # ... and there, the remarks on her sharing a theme are split off again, named by what they say of her
    assert got == {("E_spok", "Mira Suda's supporters"): ["s0", "s1", "s2"],
                   ("E_spok", "other remarks about Mira Suda"): [f"s{i}" for i in range(3, 9)], ("E_spok", UNTOPICED): ["s9", "s10"]}
    # as many remarks on the noun as plain ones on her: the noun is a question of its own
    got = _one_actor(["the supporters of [Mira Suda](suda) are angry", "her supporters love [Mira Suda](suda)", "our supporters are loyal",
                      *plain[:4], "the weather is fine", "it rains a lot"])
    assert got[("E_spok", "supporters and Mira Suda")] == ["s0", "s1", "s2"]
    # a noun she owns is a question of its own however often the actor names her otherwise
    got = _one_actor(["[Mira Suda](suda)'s emails were deleted", "the emails were never found", "[Suda](suda) lied about the emails",
                      *plain, "the weather is fine", "it rains a lot"])
    assert got[("E_spok", "Mira Suda's emails")] == ["s0", "s1", "s2"]


def test_storylines_a_fragment_naming_nothing_or_only_a_name_is_in_no_storyline_but_one_saying_something_of_a_subject_is() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": label, "speaker": "spok", "content": content, "said_on": f"2024-03-{i + 1:02}"}]}
            for i, (label, content) in enumerate([
                ("which", "which"), ("really", "really is"), ("date", "June 14, 2016"), ("title", "Sen. [Mira Suda](suda)"),
                ("named", "[Suda](suda)'s temperament"), ("suda", "[Mira Suda](suda) will lose the vote"),
                ("weather", "the weather is fine"), ("rain", "it rains a lot")])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Mira Suda"): ["named", "suda"], ("E_spok", UNTOPICED): ["weather", "rain"]}


def test_storylines_a_remark_on_a_subject_the_actor_keeps_naming_stays_with_it_beside_a_passing_noun() -> None:
    suda = ["[Mira Suda](suda) will lose", "[Mira Suda](suda) is a liar", "[Suda](suda) cannot be trusted",
            "[Mira Suda](suda) trails in the primary"]
    primary = ["the primary is rigged", "we will win the primary", "every primary counts"]
    docs = [{"id": f"d{i}", "statements": [{"label": f"s{i}" if i < len(suda) else f"p{i}", "speaker": "spok", "content": content,
                                            "said_on": f"2024-04-0{i + 1}"}]}
            for i, content in enumerate(suda + primary)]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "other remarks about Mira Suda"): ["s0", "s1", "s2", "s3"], ("E_spok", "the primary"): ["p4", "p5", "p6"]}


def test_storylines_a_noun_question_the_actor_owns_is_named_with_the_actor() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"t{i}", "speaker": "spok", "content": content, "said_on": f"2024-05-0{i + 1}"}]}
            for i, content in enumerate(["I will publish my diaries after the trial", "my diaries are very private",
                                         "nobody reads the diaries", "the weather is fine", "it rains a lot"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", "Tarin Hask's diaries"): ["t0", "t1", "t2"], ("E_spok", UNTOPICED): ["t3", "t4"]}
    assert storyline_label("Tarin Hask", "Tarin Hask's diaries") == "Tarin Hask on Tarin Hask's diaries"


def test_storylines_pooled_remarks_sharing_a_verb_and_its_object_form_no_question() -> None:
    docs = [{"id": f"d{i}", "statements": [{"label": f"h{i}", "speaker": "spok", "content": content, "said_on": f"2024-06-0{i + 1}"}]}
            for i, content in enumerate(["we will not host events there", "they refused to host events", "the weather is fine"])]
    c, lines = _lines(docs)
    assert _by_label(c, lines) == {("E_spok", UNTOPICED): ["h0", "h1", "h2"]}


def test_storylines_a_capitalised_name_no_mention_covers_is_a_subject_the_actor_keeps_naming() -> None:
    got = _one_actor(["the greed of Harbor Row ruined millions", "Harbor Row buys off elections", "No Harbor Row banker went to jail",
                      "the weather is fine", "it rains a lot"])
    assert got == {("E_spok", "other remarks about Harbor Row"): ["s0", "s1", "s2"], ("E_spok", UNTOPICED): ["s3", "s4"]}


def test_storylines_an_unlinked_name_said_once_a_headline_or_a_nationality_adjective_is_no_subject() -> None:
    got = _one_actor(["the greed of Harbor Row ruined millions", "Shocking Act With Bible In Fit Of Rage", "the North Velarian regime is cruel",
                      "the North Velarian regime lies", "the weather is fine"])
    assert got == {("E_spok", UNTOPICED): ["s0", "s1", "s2", "s3", "s4"]}


def test_storylines_unlinked_names_drop_function_words_and_skip_mentioned_spans_and_headlines() -> None:
    from storyline.corpus.questions import unlinked_names

    assert [s.name for s in unlinked_names("they blamed the losses on The Harbor Row Fund. Local Banks were fine in the end", [])] == ["Harbor Row Fund", "Local Banks"]
    assert unlinked_names("they blamed Harbor Row", [(12, 22)]) == []
    assert unlinked_names("Shocking Act With Bible In Fit Of Rage", []) == []


def test_storylines_two_questions_of_an_actor_whose_remarks_share_rare_words_are_one() -> None:
    got = _one_actor(["[Velar Party](vel) rigged ballots", "[Velar Party](vel) stuffed ballots", "[Velar Party](vel) forged signatures",
                      "[Daesh](daesh) audited ballots", "[Daesh](daesh) found forged signatures",
                      "[Mira Suda](suda) is a liar", "[Mira Suda](suda) will lose", "[Mira Suda](suda) hates dogs"])
    assert got == {("E_spok", "other remarks about Velar Party"): ["s0", "s1", "s2", "s3", "s4"], ("E_spok", "other remarks about Mira Suda"): ["s5", "s6", "s7"]}


def test_storylines_two_people_or_a_place_stay_apart_however_alike_the_remarks() -> None:
    got = _one_actor(["[Mira Suda](suda) rigged ballots", "[Mira Suda](suda) forged signatures",
                      "[Odel Marr](other) rigged ballots", "[Odel Marr](other) forged signatures",
                      "[Rhenland](rhen) rigged ballots", "[Rhenland](rhen) forged signatures"])
    assert got == {("E_spok", "other remarks about Mira Suda"): ["s0", "s1"], ("E_spok", "other remarks about Odel Marr"): ["s2", "s3"], ("E_spok", "other remarks about Rhenland"): ["s4", "s5"]}


def test_storylines_an_issue_word_matches_its_inflections_not_longer_words() -> None:
    from storyline.corpus.questions import load_issues

    issues = load_issues()
    assert issues.of("imports rose and the parties met") in ("trade", "government and parties")
    assert issues.of("the importance of it") is None  # "import" is not "importance"
    assert issues.of("he won't say, a wonderful billionaire") is None  # not "won", not "bill"
    assert issues.of("immigrants crossing the border-crossing") == "immigration"  # a stem ("immigra*") and a hyphenated word


def test_storylines_an_actors_remarks_on_one_person_are_split_by_what_they_say_about_her() -> None:
    got = _one_actor(["[Mira Suda](suda)'s judgment was poor", "her judgment is lacking, [Suda](suda) knows it",
                      "[Suda](suda) gave the paid speeches to bankers", "the paid speeches of [Suda](suda) are secret",
                      "[Mira Suda](suda) is ahead", "voters trust [Suda](suda)", "[Suda](suda) is the nominee now",
                      "[Suda](suda) will be the nominee"])
    assert got == {("E_spok", "Mira Suda's judgment"): ["s0", "s1"], ("E_spok", "Mira Suda's paid speeches"): ["s2", "s3"],
                   ("E_spok", "other remarks about Mira Suda"): ["s4", "s5", "s6", "s7"]}  # "the nominee" is she herself
    assert storyline_label("Tarin Hask", "other remarks about Mira Suda") == "Tarin Hask: other remarks about Mira Suda"


_ON_SUDA = ["[Mira Suda](suda)'s judgment was poor", "the judgment of [Suda](suda) is bad", "[Suda](suda) is the nominee now",
            "[Suda](suda) will be the nominee", "[Suda](suda) spoke at length", "[Suda](suda) met voters", "[Suda](suda) met donors",
            "[Suda](suda) went home"]


def test_storylines_a_noun_question_that_keeps_using_a_themes_noun_is_one_question_with_it() -> None:
    war = ["the war was lost", "we opposed the war from the start", "the war cost too much", "her judgment on the war was wrong",
           "the war showed her judgment"]
    got = _one_actor(_ON_SUDA + war + ["the weather is fine", "it rains a lot"])
    assert got[("E_spok", "the war")] == ["s0", "s1", "s8", "s9", "s10", "s11", "s12"]  # her judgment on the war: one question
    assert got[("E_spok", "other remarks about Mira Suda")] == [f"s{i}" for i in range(2, 8)]


def test_storylines_a_pooled_remark_saying_a_themes_word_joins_the_theme() -> None:
    on_suda = ["[Mira Suda](suda) is not qualified", "[Suda](suda) was unqualified", *_ON_SUDA[2:]]
    got = _one_actor(on_suda + ["the weather is fine", "it rains a lot", "she is unqualified, frankly", "a quality product"])
    assert got[("E_spok", "whether Mira Suda is qualified")] == ["s0", "s1", "s10"]
    assert got[("E_spok", UNTOPICED)] == ["s8", "s9", "s11"]


def test_storylines_the_title_an_actor_gives_one_person_refers_to_that_person() -> None:
    titled = ["Judge [Mira Suda](suda) is biased against me", "I think Judge [Suda](suda) should be ashamed"]
    got = _one_actor([*titled, "the judge is a hater", "this federal judge should recuse", "the weather is fine", "it rains a lot"])
    assert got[("E_spok", "other remarks about Mira Suda")] == ["s0", "s1", "s2", "s3"]
    # the actor titles two people so: "the judge" is neither
    got = _one_actor([*titled, "Judge [Odel Marr](other) ruled", "Judge [Marr](other) ruled again", "the judge is a hater",
                      "the weather is fine", "it rains a lot"])
    assert got[("E_spok", UNTOPICED)] == ["s4", "s5", "s6"]


def test_storylines_a_title_before_one_persons_name_makes_a_described_judge_that_person() -> None:
    got = _one_actor(["I think Judge [Mira Suda](suda) should be ashamed", "a federal judge can't be impartial",
                      "a judge should be fair", "the weather is fine", "it rains a lot"])
    assert got[("E_spok", "other remarks about Mira Suda")] == ["s0", "s1"]  # "a judge" alone may be any judge


def test_storylines_a_broad_issue_whose_remarks_keep_using_a_themes_noun_is_that_question_unless_the_noun_names_it() -> None:
    from storyline.corpus.questions import Question, Subject, _theme_words_joined

    suda = Subject("suda", "Mira Suda", False, True)
    emails = Question(suda, None, theme="email", theme_label="Mira Suda's emails")
    terror = Question(suda, None, theme="terrorism", theme_label="terrorism and Mira Suda")

    def remark(i: int, text: str) -> Statement:
        return Statement(f"d{i}", 0, len(text), text, 0, len(text), StatementKind.DIRECT)

    texts = ["Suda's emails were lost", "the emails of Suda", "emails were marked classified", "the server was secure",
             "no emails were sent", "terrorism is rising", "terrorism and Suda", "terrorism threatens us", "terrorism again, bombs fell"]
    members = [(remark(i, t), []) for i, t in enumerate(texts)]
    final = {members[0][0].id: emails, members[1][0].id: emails, **{members[i][0].id: Question(None, None, "technology") for i in (2, 3, 4)},
             members[5][0].id: terror, members[6][0].id: terror,
             **{members[i][0].id: Question(None, None, "terrorism and security") for i in (7, 8)}}
    _theme_words_joined(final, members)
    assert {final[members[i][0].id].label for i in range(5)} == {"Mira Suda's emails"}  # "technology": her emails
    assert final[members[7][0].id].label == "terrorism and security"  # the issue's own word: the wider question
