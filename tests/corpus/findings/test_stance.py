from __future__ import annotations

import pytest

from storyline.corpus.findings.stance import OPPOSES, SUPPORTS, find_stance


@pytest.mark.parametrize(
    ("content", "side", "head"),
    [
        ("she now supports the Harrow bridge plan", SUPPORTS, "plan"),
        ("he opposed the bridge plan", OPPOSES, "plan"),
        ("they are against the new tariffs", OPPOSES, "tariff"),
        ("he is in favour of the merger", SUPPORTS, "merger"),
        ("she no longer backs the merger", OPPOSES, "merger"),
        ("it does not oppose the treaty", SUPPORTS, "treaty"),
        ("he cannot currently support the merger", OPPOSES, "merger"),
    ],
)
def test_stance_side_and_target_head_of_the_speakers_own_verb(content, side, head) -> None:
    s = find_stance(content, "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (side, head)


def test_stance_speaker_named_by_surname_takes_the_stance() -> None:
    s = find_stance("Vance rejected the offer", "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (OPPOSES, "offer")


@pytest.mark.parametrize(
    "content",
    ["her party opposes the bridge plan", "the council supports the merger", "she came back to the plan later",
     "he said the support was welcome"],
)
def test_stance_of_another_subject_or_no_stance_verb_is_none(content) -> None:
    assert find_stance(content, "indirect", "Nora Vance") is None


def test_stance_direct_quote_needs_first_person_and_resolves_it_to_the_paragraph() -> None:
    s = find_stance("The tunnel is a disgrace and I will never support it", "direct", "Nora Vance", "Vance spoke on Monday. ")
    assert s is not None and s.side == OPPOSES and "tunnel" in s.alternatives
    assert find_stance("she will never support it", "direct", "Nora Vance") is None  # "she" inside a quote is someone else


def test_stance_pronoun_without_antecedent_in_the_paragraph_is_none() -> None:
    assert find_stance("I will never support it", "direct", "Nora Vance", "Earlier paragraph about the tunnel.\n") is None


def test_stance_proper_name_words_keep_two_named_targets_apart() -> None:
    a = find_stance("she opposes the Keystone pipeline", "indirect", "Nora Vance")
    b = find_stance("she supports the pipeline", "indirect", "Nora Vance")
    assert a is not None and b is not None and a.head == b.head == "pipeline"
    assert a.names == frozenset({"keystone"}) and b.names == frozenset()


def test_stance_target_stops_before_time_words_participles_and_person_pronouns() -> None:
    s = find_stance("he had opposed a bill early in 2009", "indirect", "Nora Vance")
    assert s is not None and s.head == "bill"
    s = find_stance("she supported a cautious trade policy focused on exports", "indirect", "Nora Vance")
    assert s is not None and s.head == "policy"
    assert find_stance("I support her", "direct", "Nora Vance") is None


def test_stance_votes_for_and_against_are_stances() -> None:
    a = find_stance("he voted against the Arden water charter", "indirect", "Nora Vance")
    b = find_stance("I will vote for the water charter", "direct", "Nora Vance")
    assert a is not None and b is not None and (a.side, b.side) == (OPPOSES, SUPPORTS) and a.head == b.head == "charter"


def test_stance_contracted_auxiliaries_and_a_bare_infinitive_content_are_the_speakers() -> None:
    s = find_stance("We're going to support the harbour levy", "direct", "Nora Vance")
    assert s is not None and (s.side, s.head) == (SUPPORTS, "levy")
    s = find_stance("to oppose the harbour levy", "indirect", "Nora Vance")  # "Vance vowed to oppose the harbour levy"
    assert s is not None and (s.side, s.head) == (OPPOSES, "levy")
    assert find_stance("the plan to oppose the harbour levy", "indirect", "Nora Vance") is None


def test_stance_pronoun_target_takes_the_head_of_a_noun_compound() -> None:
    s = find_stance("she opposes it", "indirect", "Nora Vance", "Vance, who voted for the Harlow dam bill in 2015, ")
    assert s is not None and s.head == "bill"
    s = find_stance("she opposes it", "indirect", "Nora Vance", "Vance said the pipeline must wait, ")
    assert s is not None and s.head == "pipeline"


@pytest.mark.parametrize(("target", "shown"), [
    ("harbour levy", "the harbour levy"),
    ("Mr. Hale's harbour levy", "Mr. Hale's harbour levy"),  # a possessive determines it: no "the Mr. Hale's ..."
    ("her harbour levy", "her harbour levy"),
    ("Harbour Levy", "Harbour Levy"),
])
def test_a_stance_target_is_shown_with_the_only_when_nothing_determines_it(target: str, shown: str) -> None:
    from storyline.corpus.findings.stance import Stance, _shown

    s = Stance(side=SUPPORTS, head="levy", names=frozenset(), target=target, start=0, end=10)
    assert _shown(s, "levy") == shown


@pytest.mark.parametrize(
    ("content", "side", "head"),
    [
        ("We will never raise the sales tax", OPPOSES, "tax increase"),
        ("we will cut the transit fare", SUPPORTS, "fare cut"),
        ("she signed the water bill", SUPPORTS, "bill"),
        ("he vetoed the budget", OPPOSES, "budget"),
        ("he voted to repeal the ordinance", OPPOSES, "ordinance"),
        ("she voted against a plan to raise the toll", OPPOSES, "toll increase"),
        ("she announced her support for the merger", SUPPORTS, "merger"),
    ],
)
def test_stance_acts_and_pledges_take_a_side_on_their_object(content, side, head) -> None:
    s = find_stance(content, "direct" if content.startswith("We") else "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (side, head)


@pytest.mark.parametrize("content", ["she will raise concerns about the plan", "it would raise prices", "they cut ties with the firm"])
def test_stance_raising_or_cutting_what_is_no_amount_or_by_a_thing_is_no_stance(content) -> None:
    assert find_stance(content, "indirect", "Nora Vance") is None


def test_stance_raise_it_stands_for_the_amount_of_the_paragraph_before() -> None:
    s = find_stance("he cast the deciding vote to raise it", "indirect", "Dale Vossberg",
                    '"We will never raise the sales tax," Vossberg said in 2020.\n\nOn Tuesday, Vossberg ')
    assert s is not None and (s.side, s.head) == (SUPPORTS, "tax increase")


def test_stance_definite_issue_noun_is_named_also_by_the_issue_told_in_full_before_it() -> None:
    s = find_stance("he announced his support for the project", "indirect", "Hugh Calder",
                    'In 2018, Calder described the waterfront arena plan as "a giveaway."\n\nOn Tuesday, ')
    assert s is not None and s.head == "project" and s.also == frozenset({"plan"})


def test_stance_definite_noun_already_named_in_full_keeps_its_own_head() -> None:
    s = find_stance("I oppose this agreement", "direct", "Ruth Brannigan",
                    "Brannigan voted for the Pacific Rim trade agreement's fast-track authority in 2012. ")
    assert s is not None and s.head == "agreement" and not s.also


def test_stance_apposition_names_the_target_again() -> None:
    s = find_stance("he voted against Proposition 12, the farm animal housing measure", "indirect", "Ross Haldane")
    assert s is not None and s.head == "proposition 12" and s.also == frozenset({"measure"})


def test_stance_acronym_and_the_name_it_abbreviates_are_one_target_in_one_article() -> None:
    from storyline.corpus.findings.stance import _acronym

    full = find_stance("she backed the Trans-Pacific Partnership trade agreement", "indirect", "Nora Vance")
    short = find_stance("she opposes the TPP", "indirect", "Nora Vance")
    other = find_stance("she supported the North Atlantic Treaty", "indirect", "Nora Vance")
    assert full is not None and short is not None and other is not None
    assert _acronym(full, short) == "agreement" and _acronym(other, short) is None


@pytest.mark.parametrize(
    ("content", "side", "head"),
    [
        ("she pledged to close the Elm Street jail within four years", OPPOSES, "jail"),
        ("he asked lawmakers to expand Medicaid to more adults", SUPPORTS, "medicaid"),
        ("to expand the state's rail network", SUPPORTS, "network"),
        ("she urged the council to scrap the toll plan", OPPOSES, "plan"),
        ("he wants to build the border wall", SUPPORTS, "wall"),
        ("they urged passage of the transit bill", SUPPORTS, "bill"),
        ("she called for the repeal of the curfew ordinance", OPPOSES, "ordinance"),
        ("he called for an end to the blockade", OPPOSES, "blockade"),
        ("she campaigned against a referendum on the casino", OPPOSES, "referendum"),
    ],
)
def test_stance_a_pledge_or_call_takes_the_side_of_the_act_it_commits_to(content, side, head) -> None:
    s = find_stance(content, "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (side, head)


@pytest.mark.parametrize("content", ["she said the trip was meant to close ties", "he asked reporters to stop by the office"])
def test_stance_an_act_committed_to_by_no_verb_of_commitment_or_on_no_noun_is_none(content) -> None:
    s = find_stance(content, "indirect", "Nora Vance")
    assert s is None or s.head not in ("tie", "office")


def test_stance_a_measure_is_named_also_by_the_act_it_is_for() -> None:
    bill = find_stance("she supports the bill legalizing recreational marijuana", "indirect", "Nora Vance")
    referendum = find_stance("she campaigned against a referendum that would have legalized the drug", "indirect", "Nora Vance")
    grow = find_stance("he pledged to expand Medicaid", "indirect", "Nora Vance")
    assert bill is not None and "legalization" in bill.also
    assert referendum is not None and "legalization" in referendum.also
    assert grow is not None and "expansion" in grow.also


def test_stance_such_an_anaphor_stands_for_the_nearest_measure_not_a_noun_describing_it() -> None:
    before = "He will vote for Issue 4, the ballot initiative that would raise the state's minimum wage. "
    s = find_stance("he promised to vote against any such proposal", "indirect", "Nora Vance", before)
    assert s is not None and s.side == OPPOSES and s.also == frozenset({"initiative", "issue 4"})  # and the name it is apposed to


def test_stance_a_promise_joined_by_and_to_the_reporting_verb_is_the_speakers() -> None:
    s = find_stance('the levy "would ruin every shop" and promised to vote against it', "mixed", "Nora Vance",
                    "Vance spoke about the school levy. ")
    assert s is not None and (s.side, s.head) == (OPPOSES, "levy")
    assert find_stance("the council met and voted on the levy", "indirect", "Nora Vance") is None


def test_stance_a_measure_that_grows_its_object_is_a_stance_on_that_object_too() -> None:
    s = find_stance("he will vote for a bill that would expand offshore drilling", "indirect", "Nora Vance")
    assert s is not None and s.side == SUPPORTS and {"drilling", "expansion"} <= s.also
    banned = find_stance("she opposed the plan to ban fracking near schools", "indirect", "Nora Vance")
    assert banned is not None and "fracking" not in banned.also  # against a ban is not against fracking


@pytest.mark.parametrize(
    ("content", "head"),
    [("he sponsored the 2013 immigration bill", "bill"), ("she proposed a carbon tax", "tax"),
     ("they propose Medicaid expansion", "expansion"), ("she introduced legislation to cap rents", "legislation")],
)
def test_stance_putting_a_measure_forward_backs_it(content, head) -> None:
    s = find_stance(content, "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (SUPPORTS, head)


@pytest.mark.parametrize("content", ["she introduced the senator to the crowd", "he proposed that the council vote"])
def test_stance_introducing_a_person_or_proposing_a_clause_is_no_stance(content) -> None:
    assert find_stance(content, "indirect", "Nora Vance") is None


@pytest.mark.parametrize(
    ("content", "side", "head"),
    [
        ("they proposed a 4 percent increase in the property tax levy", SUPPORTS, "tax increase"),
        ("he would never raise property taxes", OPPOSES, "tax increase"),
        ("she opposes a tax increase", OPPOSES, "tax increase"),
        ("they proposed raising the property tax", SUPPORTS, "tax increase"),
        ("she supports cuts to the transit budget", SUPPORTS, "budget cut"),
    ],
)
def test_stance_a_change_of_an_amount_is_one_target_as_a_verb_a_noun_or_a_gerund(content, side, head) -> None:
    s = find_stance(content, "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (side, head)


def test_stance_raising_what_is_no_amount_stays_its_own_target() -> None:
    s = find_stance("he supports raising awareness of the disease", "indirect", "Nora Vance")
    assert s is not None and s.head != "awareness increase"


def test_stance_a_measure_for_a_thing_is_a_stance_on_that_thing_too() -> None:
    s = find_stance("she would vote for the financing package for the new arena", "indirect", "Nora Vance")
    assert s is not None and s.side == SUPPORTS and s.head == "package" and "arena" in s.also


def test_stance_is_the_speakers_own_when_another_subject_takes_one_first() -> None:
    s = find_stance("Smith supports the levy, but she opposes the sales tax", "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (OPPOSES, "tax")
    named = find_stance("Smith supports the levy, but Vance opposes the sales tax", "indirect", "Nora Vance")
    assert named is not None and (named.side, named.head) == (OPPOSES, "tax")
