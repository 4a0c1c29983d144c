"""A speaker's "we" and the group reported speech names instead (behind the real pipeline)."""

from __future__ import annotations

import datetime as dt

from storyline.model import FindingKind

from .test_recall import _findings

D = dt.date
WE = '"We will not reopen our embassy in Damascus," Interior Minister Lena Haddad said on Wednesday.\n'


def test_a_ministers_we_and_the_country_in_her_later_reported_words_are_one_subject(nlp) -> None:
    later = "Interior Minister Lena Haddad said on Monday that Egypt would reopen its embassy in Damascus.\n"
    found = _findings(nlp, ((D(2024, 4, 10), WE), (D(2024, 9, 2), later)))
    assert [f.kind for f in found] == [FindingKind.SELF_CONTRADICTION], [f.explanation for f in found]


def test_a_group_the_we_side_names_itself_is_another_subject(nlp) -> None:
    first = ('"We will not reopen our embassy in Damascus, and Israel will not either," Interior Minister Lena Haddad '
             "said on Wednesday.\n")
    later = "Interior Minister Lena Haddad said on Monday that Israel would reopen its embassy in Damascus.\n"
    assert [f.explanation for f in _findings(nlp, ((D(2024, 4, 10), first), (D(2024, 4, 20), later)))] == []


def test_another_speakers_country_is_not_the_we_of_the_first(nlp) -> None:
    other = "Foreign Minister Anna Berg said on Friday that Sweden would reopen its embassy in Damascus.\n"
    assert [f.explanation for f in _findings(nlp, ((D(2024, 4, 10), WE), (D(2024, 4, 12), other)))] == []
