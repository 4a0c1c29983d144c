"""When a statement was made: from the text where it says so, else the publication date, marked as such."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import DateBasis, DatePrecision, EntityType
from storyline.nlp.statements import statements_in_document

from ._helpers import parsed_with

PER = EntityType.PERSON
PUB = dt.date(2025, 7, 21)  # a Monday


def _one(nlp, text, published=PUB):
    out = statements_in_document(parsed_with(nlp, text, {"Dariush Kemal": (PER, 1), "Mira Osei": (PER, 2)}, published))
    assert len(out) == 1
    return out[0]


@pytest.mark.parametrize(
    "text,said_on,precision",
    [
        ("In March, Dariush Kemal said that the northern front had been quiet for weeks.", "2025-03", DatePrecision.MONTH),
        ("Dariush Kemal said in a 2019 interview that the army would never leave the valley.", "2019", DatePrecision.YEAR),
        ("Two weeks ago, Mira Osei told reporters that the clinic had run out of insulin.", "2025-07-07", DatePrecision.DAY),
        ("Last year Mira Osei said that the bridge would be rebuilt by the spring.", "2024", DatePrecision.YEAR),
        ("Dariush Kemal said on Friday that the talks had failed.", "2025-07-18", DatePrecision.DAY),
    ],
)
def test_statements_said_on_comes_from_the_text_with_its_precision(nlp, text, said_on, precision):
    s = _one(nlp, text)
    assert s.said_on_text == said_on and s.said_on_precision is precision and s.said_on_basis is DateBasis.TEXT


def test_statements_said_on_ignores_dates_inside_the_content(nlp):
    s = _one(nlp, "Mira Osei said that the clinic had run out of insulin in March and again in 2021.")
    assert s.said_on == PUB and s.said_on_basis is DateBasis.PUBLISHED and s.said_on_precision is DatePrecision.DAY


def test_statements_said_on_falls_back_to_publication_marked_as_such(nlp):
    s = _one(nlp, "Dariush Kemal said that the talks had failed.")
    assert (s.said_on, s.said_on_basis, s.said_on_text) == (PUB, DateBasis.PUBLISHED, "2025-07-21")


def test_statements_said_on_is_empty_without_any_date(nlp):
    s = _one(nlp, "Dariush Kemal said that the talks had failed.", published=None)
    assert s.said_on is None and s.said_on_text is None


def test_statements_said_on_ignores_dates_inside_another_quote(nlp):
    text = "“Yesterday there were two polls,” Mira Osei said. “The race is close.”"
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, PUB))
    assert out and all(s.said_on_basis is DateBasis.PUBLISHED for s in out)
