from __future__ import annotations

import datetime as dt

import pytest

from storyline.corpus.findings.lexicon import default_lexicon
from storyline.corpus.findings.numeric import parse_period, value_interval
from storyline.model import Comparator, Fact


@pytest.mark.parametrize(
    ("period", "lo", "hi"),
    [
        ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2021-08", dt.date(2021, 8, 1), dt.date(2021, 8, 31)),
        ("2021-08-26", dt.date(2021, 8, 26), dt.date(2021, 8, 26)),
        ("2024-Q4", dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
        ("2021/2023", dt.date(2021, 1, 1), dt.date(2023, 12, 31)),
        ("2021-08/", dt.date(2021, 8, 1), dt.date.max),
    ],
)
def test_numeric_parse_period_gives_first_and_last_day(period: str, lo: dt.date, hi: dt.date) -> None:
    assert parse_period(period) == (lo, hi)


@pytest.mark.parametrize("bad", [None, "", "last year", "2021-13", "2023/2021"])
def test_numeric_parse_period_rejects_what_it_cannot_read(bad: str | None) -> None:
    assert parse_period(bad) is None


def _f(value: float, comp: str = "eq", vmax: float | None = None) -> Fact:
    return Fact("d", 0, 1, "x", "attacks", value, Comparator(comp), vmax)


def test_numeric_intervals_respect_comparators_and_approx_tolerance() -> None:
    tol = default_lexicon().approx_tolerance
    assert not value_interval(_f(150, "gt"), tol).disjoint(value_interval(_f(170, "approx"), tol))
    assert value_interval(_f(37), tol).disjoint(value_interval(_f(60), tol))
    assert value_interval(_f(2000, "gt"), tol).disjoint(value_interval(_f(2000), tol))  # "more than 2,000" excludes 2,000
    assert not value_interval(_f(2000, "ge"), tol).disjoint(value_interval(_f(2000), tol))
    assert not value_interval(_f(4000, "eq", 5000), tol).disjoint(value_interval(_f(4500, "approx"), tol))
    assert value_interval(_f(100, "lt"), tol).disjoint(value_interval(_f(120, "approx"), tol))
