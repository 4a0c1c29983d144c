"""Excerpts quoted in explanations."""

from __future__ import annotations

from storyline.text.words import quote


def test_quote_keeps_the_closing_mark_of_a_quotation_the_excerpt_opens() -> None:
    text = 'the pipeline "an environmental disaster we cannot afford"'
    assert quote(text, 0, len(text)) == 'the pipeline "an environmental disaster we cannot afford"'
    curly = "a second referendum as “a betrayal of democracy”"
    assert quote(curly, 0, len(curly)) == "a second referendum as “a betrayal of democracy”"


def test_quote_adds_no_mark_to_a_balanced_or_unquoted_excerpt() -> None:
    assert quote("he said it was fine, and left", 0, 29) == "he said it was fine, and left"
    text = '"We will win," he said'
    assert quote(text, 0, len(text)) == 'We will win," he said'
