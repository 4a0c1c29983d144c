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
