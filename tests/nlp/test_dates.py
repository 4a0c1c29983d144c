from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.dates import find_day, find_periods

PUBLISHED = dt.date(2025, 3, 8)  # a Saturday


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He said on Thursday that", dt.date(2025, 3, 6)),
        ("late on Saturday, the ministry said", dt.date(2025, 3, 8)),
        ("Smith told reporters Friday", dt.date(2025, 3, 7)),
        ("on March 5, officials said", dt.date(2025, 3, 5)),
        ("on March 10 he said", dt.date(2024, 3, 10)),  # would be after publication: the year before
        ("on 5 March 2024", dt.date(2024, 3, 5)),
        ("on August 26, 2021", dt.date(2021, 8, 26)),
        ("yesterday", dt.date(2025, 3, 7)),
        ("last week he said", None),
        ("recently, he said", None),
        ("in March", None),
    ],
)
def test_dates_find_day_resolves_against_publication(text, expected):
    assert find_day(text, PUBLISHED) == expected


def test_dates_weekday_without_publication_date_is_not_invented():
    assert find_day("he said on Thursday", None) is None
    assert find_day("on 5 March 2024", None) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "text,period",
    [
        ("343 attacks in 2021, killing", "2021"),
        ("since August 2021", "2021-08/"),
        ("since 2019", "2019/"),
        ("in the last quarter of 2024", "2024-Q4"),
        ("in the first quarter of 2023", "2023-Q1"),
        ("Q3 2023", "2023-Q3"),
        ("in the first half of 2022", "2022-H1"),
        ("between 2021 and 2023", "2021/2023"),
        ("from 2015 to 2018", "2015/2018"),
        ("2019-21", "2019/2021"),
        ("on August 26, 2021", "2021-08-26"),
        ("on 26 August 2021", "2021-08-26"),
        ("in March 2024", "2024-03"),
    ],
)
def test_dates_find_periods(text, period):
    assert [p.period for p in find_periods(text)] == [period]


def test_dates_numbers_are_not_years():
    assert find_periods("2,021 people and 2021% and $2021") == []
