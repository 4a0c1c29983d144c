from __future__ import annotations

import pytest

from storyline.nlp.quotes import find_quotes

Q = "''"  # two straight apostrophes, the double quotation mark of archived newspaper text


@pytest.mark.parametrize(("text", "inner"), [
    (f"{Q}The ferry runs at dawn,{Q} Mr. Lowe said. {Q}Bring a coat.{Q}",
     ["The ferry runs at dawn,", "Bring a coat."]),
    # a quotation continued in the next paragraph, which opens with the mark again
    (f"{Q}The orchard was our school,{Q} she said.\n\n{Q}We picked apples there.\n\n{Q}Then the frost came.{Q}",
     ["The orchard was our school,", f"We picked apples there.\n\n{Q}Then the frost came."]),
    # curly and straight marks as before
    ("He said \"hi there\" and ‘ok’ to “them”.", ["hi there", "ok", "them"]),
])
def test_quotes_two_apostrophes_open_and_close_a_double_quote(text, inner):
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text)] == inner


@pytest.mark.parametrize("text", ["rock 'n' roll and the 80's", "It's the students' choice.", "a triple ''' mark"])
def test_quotes_single_apostrophes_open_no_quote(text):
    assert find_quotes(text) == []
