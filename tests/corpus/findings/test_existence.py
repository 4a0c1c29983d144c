"""Existence flips behind the real pipeline: a thing said to be absent from a place, and said to be there.

Every name, place and figure is invented (the places are real-sounding but the events fictional).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import FindingKind

from .test_recall import _findings

D = dt.date

POSITIVE = {
    "one-minister-denies-then-confirms": (
        (D(2025, 2, 3), "Agriculture Minister Petra Lund said on Monday that there is no bird flu in Norway. "
                        "\"Our farms are safe,\" Lund told reporters.\n"),
        (D(2025, 3, 10), "Agriculture Minister Petra Lund said on Friday that inspectors had found bird flu on two farms "
                         "in Norway and that 40,000 hens would be culled.\n"),
    ),
    "counted-cases-against-none-at-all": (
        (D(2024, 9, 2), "Health ministry spokeswoman Amina Bello said on Monday that there were no cases of polio in "
                        "Chad.\n"),
        (D(2024, 11, 20), "Amina Bello said on Tuesday that the ministry had recorded 12 cases of polio in Chad since "
                          "the summer.\n"),
    ),
}
NEAR_MISS = {
    "two-sources-months-apart": (
        (D(2025, 1, 6), "Health Minister Ana Moreira said on Monday that there is no dengue in Portugal.\n"),
        (D(2025, 4, 14), "Doctors at Lisbon's main hospital said on Sunday that they had treated 30 cases of dengue in "
                         "Portugal this month.\n"),
    ),
    "another-place": (
        (D(2025, 1, 6), "Health Minister Ana Moreira said on Monday that there is no dengue in Portugal.\n"),
        (D(2025, 1, 20), "Health Minister Ana Moreira said on Monday that 30 cases of dengue had been confirmed in "
                         "Brazil.\n"),
    ),
    "no-evidence-is-no-absent-thing": (
        (D(2025, 1, 6), "Interior Minister Paul Dorn said on Monday that there is no evidence of fraud in Ohio.\n"),
        (D(2025, 2, 20), "Interior Minister Paul Dorn said on Thursday that investigators had found fraud in Ohio.\n"),
    ),
    "a-hedged-presence": (
        (D(2025, 1, 6), "Health Minister Ana Moreira said on Monday that there is no dengue in Portugal.\n"),
        (D(2025, 3, 3), "Health Minister Ana Moreira said on Monday that there may be dengue in Portugal.\n"),
    ),
}


@pytest.mark.parametrize("name", sorted(POSITIVE))
def test_existence_flip_of_one_speaker_is_one_self_contradiction_earlier_then_later(nlp, name) -> None:
    found = _findings(nlp, POSITIVE[name])
    assert len(found) == 1, [f.explanation for f in found]
    (f,) = found
    assert f.kind is FindingKind.SELF_CONTRADICTION
    assert "the other that there is" in f.explanation, f.explanation
    absent, present = sorted((s.label for s in f.sides), key=lambda label: not label.startswith("no "))
    assert absent == "no " + present, (absent, present)


@pytest.mark.parametrize("name", sorted(NEAR_MISS))
def test_existence_near_miss_yields_no_finding(nlp, name) -> None:
    assert [f.explanation for f in _findings(nlp, NEAR_MISS[name])] == []


def test_existence_two_sources_on_one_day_are_a_source_conflict(nlp) -> None:
    docs = ((D(2025, 6, 2), "Defence Minister Omar Safi said on Monday that there were no landmines in Lebanon's south.\n"),
            (D(2025, 6, 2), "Demining experts from the Halo Trust said on Monday that they had found 14 landmines in "
                            "Lebanon's south in the past month.\n"))
    found = _findings(nlp, docs)
    assert [f.kind for f in found] == [FindingKind.SOURCE_CONFLICT], [f.explanation for f in found]
