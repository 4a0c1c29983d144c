"""Table of real-world number phrasings (written from news conventions) -> value, comparator, range, unit."""

from __future__ import annotations

import pytest

from storyline.model import Comparator
from storyline.nlp.numbers import find_quantities, parse_number_words

EQ, GT, GE, LT, LE, APPROX = (Comparator.EQ, Comparator.GT, Comparator.GE, Comparator.LT, Comparator.LE, Comparator.APPROX)

# (sentence, phrase as found, value, comparator, value_max, unit)
CASES = [
    ("ISIS-K carried out 343 attacks in 2021", "343", 343, EQ, None, None),
    ("killing more than 2,000 people", "more than 2,000", 2000, GT, None, None),
    ("over 150 civilians were wounded", "over 150", 150, GT, None, None),
    ("upwards of 10,000 troops", "upwards of 10,000", 10000, GT, None, None),
    ("in excess of 500 fighters", "in excess of 500", 500, GT, None, None),
    ("at least 12 soldiers died", "at least 12", 12, GE, None, None),
    ("no fewer than 40 prisoners escaped", "no fewer than 40", 40, GE, None, None),
    ("fewer than 300 militants remain", "fewer than 300", 300, LT, None, None),
    ("less than 5% of the vote", "less than 5%", 5, LT, None, "%"),
    ("under 20 people attended", "under 20", 20, LT, None, None),
    ("at most 30 vehicles", "at most 30", 30, LE, None, None),
    ("up to 50 civilians may have died", "up to 50", 50, LE, None, None),
    ("as many as 700 people", "as many as 700", 700, LE, None, None),
    ("about 40 people", "about 40", 40, APPROX, None, None),
    ("around 1,500 families fled", "around 1,500", 1500, APPROX, None, None),
    ("approximately 3,000 refugees", "approximately 3,000", 3000, APPROX, None, None),
    ("nearly 90 percent of residents", "nearly 90 percent", 90, APPROX, None, "%"),
    ("some 300 soldiers", "some 300", 300, APPROX, None, None),
    ("roughly 2.5 million people", "roughly 2.5 million", 2_500_000, APPROX, None, None),
    ("an estimated 3.2 million refugees", "an estimated 3.2 million", 3_200_000, APPROX, None, None),
    ("almost 600 schools closed", "almost 600", 600, APPROX, None, None),
    ("close to 80 detainees", "close to 80", 80, APPROX, None, None),
    ("two dozen fighters were captured", "two dozen", 24, EQ, None, None),
    ("a dozen rockets hit the base", "a dozen", 12, EQ, None, None),
    ("fewer than a dozen survivors", "fewer than a dozen", 12, LT, None, None),
    ("dozens of homes were destroyed", "dozens", 24, GE, None, None),
    ("hundreds of protesters gathered", "hundreds", 100, GE, None, None),
    ("thousands of prisoners were released", "thousands", 1000, GE, None, None),
    ("tens of thousands of people fled", "tens of thousands", 10000, GE, None, None),
    ("hundreds of thousands displaced", "hundreds of thousands", 100000, GE, None, None),
    ("millions of dollars in aid", "millions", 1_000_000, GE, None, None),
    ("between 6,000 and 6,500 fighters", "between 6,000 and 6,500", 6000, EQ, 6500, None),
    ("1,600 to 1,700 people were evacuated", "1,600 to 1,700", 1600, EQ, 1700, None),
    ("10-15 dead", "10-15", 10, EQ, 15, None),
    ("from 200 to 300 attacks", "from 200 to 300", 200, EQ, 300, None),
    ("5 to 10 percent of the budget", "5 to 10 percent", 5, EQ, 10, "%"),
    ("1.6 to 1.7 million voters", "1.6 to 1.7 million", 1_600_000, EQ, 1_700_000, None),
    ("$5 million in aid", "$5 million", 5_000_000, EQ, None, "USD"),
    ("US$2.3 billion budget", "US$2.3 billion", 2_300_000_000, EQ, None, "USD"),
    ("€3bn package", "€3bn", 3_000_000_000, EQ, None, "EUR"),
    ("£450,000 in fines", "£450,000", 450_000, EQ, None, "GBP"),
    ("Rs 500 million for reconstruction", "Rs 500 million", 500_000_000, EQ, None, "PKR"),
    ("20 dollars a day", "20 dollars", 20, EQ, None, "USD"),
    ("a $1.5m reward", "$1.5m", 1_500_000, EQ, None, "USD"),
    ("12 percent of voters", "12 percent", 12, EQ, None, "%"),
    ("unemployment hit 7.5 per cent", "7.5 per cent", 7.5, EQ, None, "%"),
    ("about 40% of voters", "about 40%", 40, APPROX, None, "%"),
    ("forty-three people", "forty-three", 43, EQ, None, None),
    ("one hundred and twenty families", "one hundred and twenty", 120, EQ, None, None),
    ("three million children", "three million", 3_000_000, EQ, None, None),
    ("seven militants were killed", "seven", 7, EQ, None, None),
    ("100 or more casualties", "100 or more", 100, GE, None, None),
    ("50 or so vehicles", "50 or so", 50, APPROX, None, None),
    ("1.5m people need food", "1.5m", 1_500_000, EQ, None, None),
    ("35,000 fighters", "35,000", 35000, EQ, None, None),
    ("a 200,000-strong army", "200,000", 200000, EQ, None, None),
    ("more than half a million people", "more than half a million", 500_000, GT, None, None),
    ("well over 1,000 arrests", "well over 1,000", 1000, GT, None, None),
    ("just under 2,000 votes", "just under 2,000", 2000, LT, None, None),
    ("no more than 15 minutes of fame", "no more than 15", 15, LE, None, None),
    ("a minimum of 30 days", "a minimum of 30", 30, GE, None, None),
]

# Things that are not counts: nothing (or no non-year quantity) is found.
NOT_COUNTS = [
    "the 35th UNSC Sanctions Monitoring Report",
    "the 2nd battalion",
    "at 6:00 a.m. local time",
    "around 9 p.m. on Friday",
    "a 25-year-old man",
    "the victim, aged 45, was",
    "he was 30 years old",
    "call 555-123-4567 for details",
    "1. First item of the list",
    "(2) second item",
    "F-16 jets flew overhead",
    "the COVID19 outbreak",
    "Resolution 2231 of the council",
    # code, URLs, handles, hashtags and versions
    "a link with javascript:alert(3) in it",
    "see https://example.org/news/2024/05/17 for the report",
    "the page www.example.com/item?id=42 was removed",
    "a filter like count=25 in the query",
    "the account @user_42 posted again",
    "trending under #day3 and #3 today",
    "after updating to version 3.5.1 the app crashed",
    "a 50/50 chance of rain",
]


@pytest.mark.parametrize("sentence,phrase,value,comparator,value_max,unit", CASES)
def test_numbers_reads_news_phrasing(sentence, phrase, value, comparator, value_max, unit):
    found = [q for q in find_quantities(sentence) if not q.is_year]
    assert found, sentence
    q = found[0]
    assert sentence[q.start : q.end] == phrase
    assert q.value == pytest.approx(value)
    assert q.comparator is comparator
    assert (q.value_max == pytest.approx(value_max)) if value_max is not None else q.value_max is None
    assert q.unit == unit


@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_numbers_skips_what_is_not_a_count(sentence):
    assert [q for q in find_quantities(sentence) if not q.is_year] == []


def test_numbers_marks_years():
    found = find_quantities("in 2021, it conducted 196 attacks")
    assert [(q.value, q.is_year) for q in found] == [(2021, True), (196, False)]


@pytest.mark.parametrize("words,value", [("two dozen", 24), ("a hundred", 100), ("twenty-one", 21), ("3,500", 3500),
                                         ("2.5 million", 2_500_000), ("tens of thousands", 10000), ("banana", None)])
def test_numbers_parse_number_words(words, value):
    assert parse_number_words(words) == value


def test_numbers_keeps_counts_next_to_ordinary_punctuation():
    text = "(3 attacks) were reported; about 2,000. Then 40%, and “12” more."
    assert [q.value for q in find_quantities(text)] == [3, 2000, 40, 12]


@pytest.mark.parametrize(
    "text,value",
    [
        ("230,000 people", 230_000),
        ("230 000 people", 230_000),
        ("230\u00a0000 people", 230_000),
        ("230\u202f000 people", 230_000),
        ("1.600.000 people", 1_600_000),
        ("1.6 billion people", 1_600_000_000),
        ("1,6 million people", 1_600_000),
        ("three people", 3),
        ("two dozen people", 24),
        ("twenty-five people", 25),
        ("a hundred people", 100),
    ],
)
def test_numbers_written_out_and_locale_forms_parse(text, value):
    found = find_quantities(text)
    assert [q.value for q in found] == [value]
    assert found[0].num_end - found[0].start >= 1


def test_numbers_space_grouping_does_not_join_a_day_and_a_count():
    assert [q.value for q in find_quantities("On May 5 200 people marched")] == [200]


@pytest.mark.parametrize(
    "text,unit",
    [
        ("the boxer, who weighs 236 pounds", "lb"),
        ("he lost 30 pounds last year", "lb"),
        ("the club raised 5 million pounds", "GBP"),
        ("he was paid 300 pounds a week", "GBP"),
        ("a 5 kg bag", "kg"),
        ("$5 million in aid", "USD"),
    ],
)
def test_numbers_pounds_are_weight_unless_money_is_meant(text, unit):
    assert [q.unit for q in find_quantities(text)] == [unit]


def test_numbers_from_to_is_marked_in_either_direction():
    up, = find_quantities("capacity grew from 175 to 450 gigawatts")
    down, = find_quantities("the toll fell from 450 to 175")
    assert (up.value, up.value_max, up.from_to) == (175, 450, True)
    assert (down.value, down.value_max, down.from_to) == (450, 175, True)
    between, = find_quantities("between 6,000 and 6,500 fighters")
    assert not between.from_to


@pytest.mark.parametrize("text", ["she died at the age of 92", "one-on-one interviews", "a one-time payment"])
def test_numbers_ages_and_word_numbers_inside_compounds_are_not_counts(text):
    assert find_quantities(text) == []
