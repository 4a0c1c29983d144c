"""Era-marked stance phrases a narrator tells: found in a clause, with their era, side and year."""

from __future__ import annotations

import pytest

from storyline.text.stance_phrases import EARLIER, LATER, OPPOSES, REVERSAL, SUPPORTS, stance_phrases


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Delvane, who once supported the bridge plan, now opposes it", [(EARLIER, SUPPORTS), (LATER, OPPOSES)]),
        ("Brandt used to back the stadium", [(EARLIER, SUPPORTS)]),
        ("Harlan turned against the farm bill", [(LATER, OPPOSES)]),
        ("she no longer supports the levy", [(LATER, OPPOSES)]),
        ("he backed the war in 2002", [(EARLIER, SUPPORTS)]),
        ("Okafor's 2015 vote against the dam bill", [(EARLIER, OPPOSES)]),
        ("Marchetti has come around to a carbon tax", [(LATER, SUPPORTS)]),
        ("Five years ago Marchetti campaigned against a carbon tax", [(EARLIER, OPPOSES)]),
        ("During her 2019 campaign, Ashdown promised to veto any bill legalizing betting", [(EARLIER, OPPOSES)]),
        ("Lindgren fought the casino in 2016", [(EARLIER, OPPOSES)]),
        ("Vance, who as governor vetoed the dam bill, now backs it", [(EARLIER, OPPOSES), (LATER, SUPPORTS)]),
        ("Vance, who as a senator voted for the war", [(EARLIER, SUPPORTS)]),
        ("Rubio later backed away from the bill", [(LATER, OPPOSES)]),
    ],
)
def test_stance_phrases_mark_earlier_and_later_positions(clause, expected) -> None:
    assert [(p.era, p.side) for p in stance_phrases(clause, 2024)] == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Delvane supports the bridge plan",  # no marker: the narrator's plain present is left to reported speech
        "if she had once supported the bridge plan",  # a conditional
        "he backed the war in 2024",  # the year of publication is no earlier time
        "whose rival once supported the bridge plan",  # a common-noun subject is no actor
        "Lindgren fought in the war in 2003",  # fighting in a war takes no side on it
    ],
)
def test_stance_phrases_skip_unmarked_conditional_and_same_year_stances(clause) -> None:
    assert stance_phrases(clause, 2024) == []


def test_stance_phrase_year_dates_an_earlier_vote() -> None:
    (p,) = stance_phrases("critics cite Okafor's 2015 vote for the dam bill", 2024)
    assert (p.year, p.vote) == (2015, True)


@pytest.mark.parametrize("clause", ["Sanders, who has long opposed the tax", "Sanders, who had long opposed the tax"])
def test_stance_phrases_long_held_stance_is_no_earlier_one(clause) -> None:
    assert stance_phrases(clause, 2016) == []


@pytest.mark.parametrize(
    "clause",
    [
        "But back in 2012 the senator was a governor",  # "back in": no stance, "But" no actor
        "Delvane has opposed the levy, and in 2019, as mayor, she signed a budget",  # the year is another clause's
        "the caucus met, then voted for the delegates",  # "then" orders events, it is no later position
    ],
)
def test_stance_phrases_skip_adverbs_and_years_of_other_clauses(clause) -> None:
    assert stance_phrases(clause, 2024) == []


@pytest.mark.parametrize("clause", ["Calloway's turn against the pact stunned allies", "Her turn against the Tamsin pact came late"])
def test_stance_phrases_a_turn_against_is_a_later_opposition(clause) -> None:
    (p,) = stance_phrases(clause, 2024)
    assert (p.era, p.side) == (LATER, OPPOSES)


@pytest.mark.parametrize("clause", ["it was his turn to speak", "their previously backed candidate lost the race"])
def test_stance_phrases_turn_and_possessive_near_misses(clause) -> None:
    assert stance_phrases(clause, 2024) == []


@pytest.mark.parametrize("clause", ["Marsh reversed himself on the Keller pipeline", "she has flip-flopped on the levy",
                                    "Vance changed her position on the accord", "he walked back his support for the tax"])
def test_reversal_phrases(clause) -> None:
    assert REVERSAL.search(clause) is not None


@pytest.mark.parametrize(("clause", "year"), [("who had supported the pact as recently as 2022, said", 2022), ("she backed the plan until 2020", 2020)])
def test_stance_phrases_a_stance_held_up_to_a_year_is_earlier(clause, year) -> None:
    (p,) = stance_phrases(clause, 2024)
    assert (p.era, p.side, p.year) == (EARLIER, SUPPORTS, year)
    assert str(year) in clause[p.start : p.end]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ('Vance once described the levy as "the gold standard" of taxes', [(EARLIER, SUPPORTS)]),
        ("Vance once called the treaty a disaster", [(EARLIER, OPPOSES)]),
        ("Harlan, a former critic of the levy, now backs it", [(EARLIER, OPPOSES), (LATER, SUPPORTS)]),
        ("Once a proponent of the levy, Vance has since joined its critics", [(EARLIER, SUPPORTS), (LATER, OPPOSES)]),
        ("Okafor also initially supported the war in 2003 and has shifted her position since", [(EARLIER, SUPPORTS), (LATER, OPPOSES)]),
        ("she came out against the fuel tax", [(LATER, OPPOSES)]),
        ("Brandt backed the stadium last year", [(EARLIER, SUPPORTS)]),
        ("Okafor backed the pact when she was trade minister", [(EARLIER, SUPPORTS)]),
        ("Okafor opposed the dam at the time", [(EARLIER, OPPOSES)]),
        ("Okafor, who had backed the pact as minister, opposed it", [(EARLIER, SUPPORTS)]),
        ("Lindqvist was once among the loudest critics of the wind farm", [(EARLIER, OPPOSES)]),
        ("She was once one of the most outspoken opponents of the pact", [(EARLIER, OPPOSES)]),
        ("Brennan, who for years fought offshore drilling, said", [(EARLIER, OPPOSES)]),
        ("Okafor praised the trade pact before turning against it", [(EARLIER, SUPPORTS), (LATER, OPPOSES)]),
        ("Okafor, who opposed the levy before later backing it, spoke", [(EARLIER, OPPOSES), (LATER, SUPPORTS)]),
        ("Vance has since become one of the loudest critics of the pipeline", [(LATER, OPPOSES)]),
        ("He is now a vocal supporter of the deal", [(LATER, SUPPORTS)]),
        ("Okafor now opposes the trade deal, which she helped negotiate", [(LATER, OPPOSES), (EARLIER, SUPPORTS)]),
    ],
)
def test_stance_phrases_descriptions_stance_nouns_and_told_changes(clause, expected) -> None:
    assert [(p.era, p.side) for p in stance_phrases(clause, 2024)] == expected


def test_stance_phrases_an_earlier_stance_takes_the_year_its_phrase_gives() -> None:
    (p, _) = stance_phrases("Okafor initially supported the war in 2003 and has shifted her position since", 2024)
    assert p.year == 2003
    (q,) = stance_phrases("Brandt backed the stadium last year", 2024)
    assert q.year == 2023


@pytest.mark.parametrize(
    "clause",
    [
        "Vance once called him a good friend",  # a description that takes no side on a target
        "Vance has shifted her position on nothing else",  # a change told without an earlier stance before it
        "Brandt backed the stadium last week",  # the article's own time
        "Brandt backs the stadium at the time of writing",  # the article's own time
    ],
)
def test_stance_phrases_near_misses_of_descriptions_and_changes(clause) -> None:
    assert stance_phrases(clause, 2024) == []


@pytest.mark.parametrize(
    "clause",
    [
        "Once a critic of the levy, Vance has since become its loudest opponent",  # the same side, told again
        "Once a critic of the levy, Vance has since focused on the budget",  # nothing said of a change
    ],
)
def test_stance_phrases_what_an_actor_did_since_is_no_change_unless_it_says_one(clause) -> None:
    assert [(p.era, p.side) for p in stance_phrases(clause, 2024)] == [(EARLIER, OPPOSES)]


@pytest.mark.parametrize("clause", ["he backtracked on the levy", "she has evolved on the levy", "the governor reversed course on the pipeline",
                                    "Marsh did a U-turn on the levy", "she shifted her position on the pact"])
def test_reversal_phrases_of_changes_told_in_other_words(clause) -> None:
    assert REVERSAL.search(clause) is not None


@pytest.mark.parametrize(
    ("clause", "era", "side", "year"),
    [
        ("In 2016, Pemberton campaigned against the transit tax", EARLIER, OPPOSES, 2016),
        ("Four years ago, she backed the levy", EARLIER, SUPPORTS, 2020),
        ("Okafor opposed a similar bill eight years ago", EARLIER, OPPOSES, 2016),
        ("DENVER, May 4, 2024 — Delacroix has long opposed raising the wage, but on Tuesday", EARLIER, OPPOSES, None),
    ],
)
def test_stance_phrases_date_a_fronted_time_years_ago_and_a_long_held_stance_before_but(clause, era, side, year) -> None:
    found = stance_phrases(clause, 2024)
    assert [(p.era, p.side, p.year) for p in found] == [(era, side, year)]


@pytest.mark.parametrize(
    "clause",
    [
        "Delacroix has long opposed raising the wage",  # held for long, and nothing says it changed
        "In 2024, Pemberton campaigned against the transit tax",  # the article's own year
        "In 2016, the council opposed the transit tax",  # no actor named as its subject
    ],
)
def test_stance_phrases_leave_a_long_held_or_current_stance_alone(clause) -> None:
    assert stance_phrases(clause, 2024) == []


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a stance withdrawn tells both sides: the act now, then the position held before (from the possessive on)
        ("Senator Pell rescinded his endorsement of the mayor", [(LATER, OPPOSES), (EARLIER, SUPPORTS)]),
        ("Marsh, who faces a tough race, withdrew her support for the levy, saying it had failed", [(LATER, OPPOSES), (EARLIER, SUPPORTS)]),
        ("Okafor has withdrawn his opposition to the dam", [(LATER, SUPPORTS), (EARLIER, OPPOSES)]),
        # a change named by a noun, away from a stance named by a noun
        ("Vance's evolution on energy, from her support for a carbon tax, angered allies", [(LATER, OPPOSES), (EARLIER, SUPPORTS)]),
        ("Marsh's reversal of her past opposition to the dam", [(LATER, SUPPORTS), (EARLIER, OPPOSES)]),
        # positions the clause told before, disowned since: the opposite of the last of them
        ("In the past, Marsh had voiced support for a carbon tax, a position that she has since abandoned", [(EARLIER, SUPPORTS), (LATER, OPPOSES)]),
        ("In the past, Marsh voiced opposition to the levy", [(EARLIER, OPPOSES)]),
    ],
)
def test_stance_phrases_a_withdrawn_or_disowned_stance_tells_both_sides(clause, expected) -> None:
    assert [(p.era, p.side) for p in stance_phrases(clause, 2024)] == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Marsh voiced support for a carbon tax",  # no marker of another time
        "stances that she has since abandoned",  # disowned, with no position told before it
        "if Pell rescinded his endorsement of the mayor",  # a conditional
        "Pell rescinded the order",  # an order withdrawn is no position of his
    ],
)
def test_stance_phrases_a_withdrawal_or_disowning_needs_its_position(clause) -> None:
    assert stance_phrases(clause, 2024) == []


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a vote its voter now calls a mistake: the judgment now, and the vote before it
        ("At the forum, Marsh called her vote in favor of the dam bill a mistake", [(LATER, OPPOSES, None), (EARLIER, SUPPORTS, None)]),
        ("Okafor regrets his 2015 vote against the levy, he said", [(LATER, SUPPORTS, None), (EARLIER, OPPOSES, 2015)]),
        ("Mr. Okafor's levy vote, which he has repeatedly said was a mistake, hurt him", [(EARLIER, SUPPORTS, None), (LATER, OPPOSES, None)]),
    ],
)
def test_stance_phrases_a_vote_its_voter_calls_a_mistake_tells_both_sides(clause, expected) -> None:
    assert [(p.era, p.side, p.year) for p in stance_phrases(clause, 2024)] == expected


@pytest.mark.parametrize("clause", ["She called the vote a mistake", "Marsh called her vote in favor of the dam bill a success",
                                    "if Marsh called her vote for the dam bill a mistake"])
def test_stance_phrases_a_vote_not_disowned_by_its_voter_tells_no_change(clause) -> None:
    assert stance_phrases(clause, 2024) == []


def test_stance_phrases_a_vote_named_only_by_its_order_is_no_issue() -> None:
    assert stance_phrases("Her final vote, which she has said was a mistake, hurt her", 2024) == []  # "final" names no issue


@pytest.mark.parametrize("clause", ["He has for years opposed the tax", "Okafor backed the bill before voting for it",
                                    "He was once among the best players of his generation",
                                    "He is a critic of the deal", "He opposes the bill, which he still supports"])
def test_stance_phrases_an_unchanged_or_ongoing_stance_is_no_era_phrase(clause) -> None:
    assert stance_phrases(clause, 2024) == []


@pytest.mark.parametrize(
    ("clause", "phrase", "side", "year"),
    [
        ("She signed the bill, a measure she had opposed when it was first drafted.", "she had opposed when it was first drafted", OPPOSES, None),
        ("The council approved the plan, a project he fought for years.", "he fought for years", OPPOSES, None),
        ("He met the council about the deal, a pact he fought for in 2019.", "he fought for in 2019", SUPPORTS, 2019),
    ],
)
def test_stance_phrases_a_renaming_apposition_without_a_pronoun_opens_an_earlier_stance(clause, phrase, side, year) -> None:
    found = stance_phrases(clause, 2024)
    assert [(clause[p.start : p.end], p.era, p.side, p.year) for p in found] == [(phrase, EARLIER, side, year)]


def test_stance_phrases_an_apposition_in_the_present_is_no_earlier_stance() -> None:
    assert stance_phrases("The bill, a measure she supports, passed.", 2024) == []
