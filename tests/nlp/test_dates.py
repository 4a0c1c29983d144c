from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.dates import find_day, find_periods, find_when

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


JULY_21 = dt.date(2025, 7, 21)  # a Monday


@pytest.mark.parametrize(
    "text,expected,precision",
    [
        ("In March, the minister said", "2025-03", "month"),
        ("the minister said in March", "2025-03", "month"),
        ("he said in August", "2024-08", "month"),  # August after publication: the August before
        ("last March he said", "2025-03", "month"),
        ("early June, officials said", "2025-06", "month"),
        ("she said in May 2024", "2024-05", "month"),
        ("last month they said", "2025-06", "month"),
        ("earlier this month she said", "2025-07", "month"),
        ("five months ago he said", "2025-02", "month"),
        ("two weeks ago he said", "2025-07-07", "day"),
        ("three days ago he said", "2025-07-18", "day"),
        ("he said on Monday", "2025-07-21", "day"),
        ("he said last Monday", "2025-07-14", "day"),  # written on a Monday: a week back
        ("on Friday she said", "2025-07-18", "day"),
        ("yesterday he said", "2025-07-20", "day"),
        ("on 5 March 2024 he said", "2024-03-05", "day"),
        ("last year she said", "2024", "year"),
        ("earlier this year she said", "2025", "year"),
        ("in 2021 he said", "2021", "year"),
        ("During 2020, he said", "2020", "year"),
        ("he said in a 2019 interview", "2019", "year"),
        ("During his 2021 campaign, he pledged", "2021", "year"),
        ("she said it during her 2022 re-election campaign", "2022", "year"),
        ("he spent much of his 2023 campaign vowing", "2023", "year"),
        ("two years ago he said", "2023", "year"),
    ],
)
def test_dates_find_when_resolves_phrasings_with_precision(text, expected, precision):
    from storyline.model import format_date

    found = find_when(text, JULY_21)
    assert len(found) == 1
    w = found[0]
    assert format_date(w.date, w.precision) == expected and w.precision.value == precision
    assert w.start < w.end and text[w.start : w.end].strip() == text[w.start : w.end]


@pytest.mark.parametrize("text", ["May I say something", "he may say so", "in the 2016 election", "recently, he said",
                                  "he attacked her 2022 campaign",
                                  "he will speak next month", "the 2,019 votes"])
def test_dates_find_when_ignores_words_that_are_not_dates(text):
    assert find_when(text, JULY_21) == []


def test_dates_find_when_drops_dates_after_publication_and_needs_publication_for_relative_ones():
    assert find_when("on 5 March 2026 he said", JULY_21) == []
    assert find_when("two weeks ago he said", None) == []
    assert find_when("In March he said", None) == []
    assert [w.precision.value for w in find_when("in May 2024 he said", None)] == ["month"]


def test_dates_find_when_takes_a_yearless_day_back_a_year_only_when_close():
    assert [w.date for w in find_when("on December 28 he said", dt.date(2025, 1, 3))] == [dt.date(2024, 12, 28)]
    assert find_when("a rally on Nov. 1 he said", dt.date(2016, 9, 19)) == []


# A month or year on an event noun dates the event; a week is the month that holds all its days (the contract's
# precisions are day, month and year), or nothing when it spans two months.
@pytest.mark.parametrize(
    "text,expected,precision",
    [
        ("he said in a March interview", "2025-03", "month"),
        ("at a June campaign rally she said", "2025-06", "month"),
        ("In an August speech, he said", "2024-08", "month"),
        ("she said in a 2019 Fox News interview", "2019", "year"),
        ("a 2014 study found", "2014", "year"),
        ("he said last week", "2025-07", "month"),
        ("last weekend she said", "2025-07", "month"),
        ("she said over the weekend", "2025-07", "month"),  # 19-20 July, before a Monday
        ("this past weekend she said", "2025-07", "month"),
        ("he said last night", "2025-07-20", "day"),
        ("twenty-two years ago he said", "2003", "year"),
        ("a dozen years ago he said", "2013", "year"),
        ("he said at the Oct. 22 hearing", "2024-10-22", "day"),  # an event's day, however far back
    ],
)
def test_dates_find_when_dates_event_nouns_weeks_and_counted_years(text, expected, precision):
    from storyline.model import format_date

    found = find_when(text, JULY_21)
    assert [(format_date(w.date, w.precision), w.precision.value) for w in found] == [(expected, precision)]


@pytest.mark.parametrize("text", ["a March for Peace rally", "he will speak later this week", "the March of Dimes",
                                  "ahead of the 2016 election"])
def test_dates_find_when_takes_no_month_or_week_that_dates_no_saying(text):
    assert find_when(text, JULY_21) == []


def test_dates_a_week_over_two_months_is_no_date():
    assert find_when("he said last week", dt.date(2025, 8, 4)) == []  # 28 July to 3 August
    assert find_when("he said over the weekend", dt.date(2025, 6, 2)) == []  # 31 May and 1 June
    assert find_when("earlier this week he said", JULY_21) == []  # near publication: the publication date stands


def _back(text, anchor, precision, published=JULY_21):
    from storyline.model import DatePrecision, format_date
    from storyline.nlp.dates import When, find_back_references, resolve_back

    refs = find_back_references(text)
    assert len(refs) == 1, refs
    found = resolve_back(refs[0], When(0, 0, anchor, DatePrecision(precision)), published)
    return None if found is None else (format_date(*found), found[1].value)


@pytest.mark.parametrize(
    "text,anchor,precision,expected",
    [
        ("The next day, she said", dt.date(2021, 3, 3), "day", ("2021-03-04", "day")),
        ("the day before, she said", dt.date(2021, 3, 3), "day", ("2021-03-02", "day")),
        ("Two days later, she said", dt.date(2021, 3, 3), "day", ("2021-03-05", "day")),
        ("a week later she said", dt.date(2021, 3, 3), "day", ("2021-03-10", "day")),
        ("The following week, she said", dt.date(2021, 3, 3), "day", ("2021-03", "month")),  # 8 to 14 March
        ("That month, she said", dt.date(2021, 3, 3), "day", ("2021-03", "month")),
        ("The next year, she said", dt.date(2021, 3, 3), "day", ("2022", "year")),
        ("at a breakfast the following morning", dt.date(2016, 7, 1), "month", ("2016-07", "month")),
        ("The following month, she said", dt.date(2016, 7, 1), "month", ("2016-08", "month")),
        ("later that year, she said", dt.date(2019, 1, 1), "year", ("2019", "year")),
        ("Two days later, she said", dt.date(2016, 7, 1), "month", None),  # may be the next month
        ("That month, she said", dt.date(2019, 1, 1), "year", None),  # which month is not known
        ("The next year, she said", dt.date(2025, 1, 1), "year", None),  # after publication
    ],
)
def test_dates_back_references_resolve_from_the_time_named_before(text, anchor, precision, expected):
    assert _back(text, anchor, precision) == expected


@pytest.mark.parametrize("text", ["the day before the vote", "a week after the election", "that day-care center",
                                  "he will speak next year", "two years earlier than planned"])
def test_dates_back_references_ignore_times_told_from_something_else(text):
    from storyline.nlp.dates import find_back_references

    assert find_back_references(text) == []


@pytest.mark.parametrize("text", ["an interview with Russia Today", "a USA TODAY analysis", "on the Today programme"])
def test_dates_today_in_a_name_is_no_day(text):
    assert find_day(text, PUBLISHED) is None
    assert find_day("Today, the minister said", PUBLISHED) == PUBLISHED


@pytest.mark.parametrize(("text", "period"), [
    ("so far this year", "2025-01-01/2025-03-18"),
    ("since the beginning of the month", "2025-03-01/2025-03-18"),
    ("earlier this month", "2025-03-01/2025-03-18"),
    ("this week", "2025-03-17/2025-03-18"),
    ("in the past week", "2025-03-11/2025-03-18"),
    ("last week", "2025-03-10/2025-03-16"),
    ("last month", "2025-02"),
    ("last year", "2024"),
])
def test_dates_relative_periods_resolve_against_the_publication_day(text, period):
    from storyline.nlp.dates import find_relative_periods

    assert [p.period for p in find_relative_periods(f"Militants carried out 40 attacks {text}.", dt.date(2025, 3, 18))] == [period]


@pytest.mark.parametrize("text", ["later this year", "next month", "the last year of his term", "this year's budget"])
def test_dates_relative_periods_skip_what_is_to_come_or_no_span(text):
    from storyline.nlp.dates import find_relative_periods

    assert find_relative_periods(f"They spent 40 million {text}.", dt.date(2025, 3, 18)) == []
    assert find_relative_periods("40 attacks so far this year", None) == []
