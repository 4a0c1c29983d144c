"""What a polarity flip needs the asserting side to say plainly."""

from __future__ import annotations

import pytest

from storyline.corpus.findings.polarity import undecided_at


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ross and the studio are locked in tense negotiations over his return to direct the sequel", "direct"),
        ("some members would like to see him come around to the plan", "come"),
        ("there is good cause for everyone to unite behind the nominee", "unite"),
        ("the club is expected to sign the striker", "sign"),
    ],
)
def test_polarity_predicate_under_an_undecided_word_is_not_asserted(text, word) -> None:
    assert undecided_at(text, text.index(" " + word) + 1)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ross will return to direct the sequel", "direct"),
        ("the talks ended; he will come around to the plan", "come"),  # the undecided word is in another clause
    ],
)
def test_polarity_plain_predicate_is_asserted(text, word) -> None:
    assert not undecided_at(text, text.index(" " + word) + 1)
