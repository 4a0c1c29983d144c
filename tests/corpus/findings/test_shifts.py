"""A narrator's stance phrase read back as a stance about an actor; stances of blocking or undoing."""

from __future__ import annotations

import pytest

from storyline.corpus.findings.shifts import narrator_stance
from storyline.corpus.findings.stance import find_stance
from storyline.text.stance_phrases import EARLIER, LATER, OPPOSES, SUPPORTS


def test_narrator_stance_relative_phrase_takes_the_noun_phrase_before_it() -> None:
    found = narrator_stance("he once supported", "he turned against the Calder farm bill - which ", 2024)
    assert found is not None
    stance, era, _ = found
    assert (stance.side, stance.head, era) == (SUPPORTS, "bill", EARLIER)
    assert "calder" in stance.names


def test_narrator_stance_pronoun_target_is_the_nearest_earlier_noun_phrase() -> None:
    found = narrator_stance("now opposes it", "Delvane, who once supported the bridge plan, ", 2024)
    assert found is not None and (found[0].side, found[0].head, found[1]) == (OPPOSES, "plan", LATER)


def test_narrator_stance_a_relative_clause_in_the_past_is_the_earlier_stance_on_the_noun_before_it() -> None:
    found = narrator_stance("which she helped negotiate", "Okafor now opposes the Pacific trade deal, ", 2024, " as trade minister.")
    assert found is not None and (found[0].side, found[0].head, found[1]) == (SUPPORTS, "deal", EARLIER)


def test_narrator_stance_before_turning_against_it_reads_both_sides_on_one_target() -> None:
    before = "PORTLAND — Governor Ada Okafor "
    earlier = narrator_stance("championed the harbor tunnel plan", before, 2024, " before turning against it this spring.")
    later = narrator_stance("before turning against it this spring", before + "championed the harbor tunnel plan ", 2024)
    assert earlier is not None and (earlier[0].side, earlier[0].head, earlier[1]) == (SUPPORTS, "plan", EARLIER)
    assert later is not None and (later[0].side, later[0].head, later[1]) == (OPPOSES, "plan", LATER)


@pytest.mark.parametrize(
    ("content", "side", "head"),
    [
        ("she would not allow the accord to pass", OPPOSES, "accord"),
        ("he will never let the treaty take effect", OPPOSES, "treaty"),
        ("he supported legislation to repeal the levy", OPPOSES, "levy"),
        ("she opposes efforts to repeal the levy", SUPPORTS, "levy"),
    ],
)
def test_stance_of_blocking_or_undoing_a_target_is_the_opposite_side(content, side, head) -> None:
    s = find_stance(content, "indirect", "Nora Vance")
    assert s is not None and (s.side, s.head) == (side, head)


@pytest.mark.parametrize("content", ["she will allow the vote", "he did not allow reporters in"])
def test_stance_allow_is_no_stance_unless_negated_and_about_passing(content) -> None:
    assert find_stance(content, "indirect", "Nora Vance") is None


@pytest.mark.parametrize(
    ("text", "side", "head"),
    [
        ("reversed himself on the Calder dam bill on Monday", "reversed", "bill"),
        ("flip-flopped on the harbour levy", "reversed", "levy"),
        ("changed her position on the Dunmore accord this week", "reversed", "accord"),
        ("walked back his support for the fuel tax", SUPPORTS, "tax"),
        ("walked back her opposition to the fuel tax", OPPOSES, "tax"),
    ],
)
def test_reversal_is_an_earlier_stance_whose_side_is_open_or_named(text, side, head) -> None:
    from storyline.corpus.findings.reversals import find_reversal

    found = find_reversal(text, "Nora Vance")
    assert found is not None and (found.stance.side, found.stance.head, found.stance.era, found.stance.reversal) == (side, head, EARLIER, True)


@pytest.mark.parametrize("text", ["reversed the car into the gate", "changed the subject", "reversed himself on it"])
def test_reversal_needs_a_named_target(text) -> None:
    from storyline.corpus.findings.reversals import find_reversal

    assert find_reversal(text, "Nora Vance") is None


def test_reversal_reads_the_stance_its_clause_says_is_held_now() -> None:
    from storyline.corpus.findings.reversals import find_reversal

    found = find_reversal("reversed herself on the Calder pipeline, saying she now opposes the project", "Nora Vance")
    assert found is not None and found.later is not None and (found.later.side, found.later.head) == (OPPOSES, "project")
