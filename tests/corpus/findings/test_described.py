"""A dated description that takes a side, set against the speaker's later stance (behind the real pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import FindingKind

from .test_recall import _findings


@pytest.mark.parametrize("description", ['a casino licence as "a disgrace to this state"',
                                         "a casino licence as an insult to the voters"])
def test_an_indefinite_object_described_with_a_blaming_noun_is_the_earlier_opposition(nlp, description) -> None:
    text = (f"In 2021, Governor Ruth Amsel described {description}.\n\n"
            "On Monday, Amsel said she supports a casino licence for the riverfront.\n")
    found = _findings(nlp, ((dt.date(2025, 6, 3), text),))
    assert [f.kind for f in found] == [FindingKind.SELF_CONTRADICTION], [f.explanation for f in found]
    assert "2021" in found[0].explanation


def test_the_explanation_closes_the_quotation_a_told_description_opens(nlp) -> None:
    text = ('In 2021, Governor Ruth Amsel described a casino licence as "a disgrace to this state".\n\n'
            "On Monday, Amsel said she supports a casino licence for the riverfront.\n")
    (f,) = _findings(nlp, ((dt.date(2025, 6, 3), text),))
    assert '"a disgrace to this state"' in f.explanation, f.explanation
