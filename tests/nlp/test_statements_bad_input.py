"""Bad input never crashes the per-document stages, and every statement stays a bounded span inside its document."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.nlp.pipeline import analyze_documents
from storyline.nlp.statements import MAX_CONTENT_CHARS

_LONG_QUOTE = " ".join(f"word{i % 97}" for i in range(5000))
CASES = {
    "quote never closes": 'The minister said: "We will fight on and on and on\nThe next day the talks began. Officials said that it was calm.',
    "quote never closes, one line": 'Intro words here. The minister said: "We will fight on and on ' + "and on " * 800,
    "nested quotes": 'She said, "He told me \'we are done\' and then he left," adding that "it \'was\' over, “truly” over".',
    "curly and straight mixed": 'He said, “It is over," and then "We won”, officials said. ‘Fine,” she replied.',
    "5,000-word quote": 'The report opened the session. "' + _LONG_QUOTE + '," she said. Later, the hall emptied.',
    "5,000-word quote without close": 'The report opened the session. She said "' + _LONG_QUOTE,
    "no sentence punctuation": " ".join(["the minister said the war is over and the army said the road is open"] * 150),
    "all caps": ("THE MINISTER SAID THAT THE WAR IS OVER. \"WE HAVE WON,\" GENERAL ADAM KORR TOLD REPORTERS. "
                 "KABUL: OFFICIALS SAID THAT 12 PEOPLE DIED.\n") * 5,
    "only marks": '"" “” \' " “ ” ‘ ’ : — -- ―',
    "colon lines only": "A:\nB: c\nWALLACE: ok\n: : :\n",
    "two-apostrophe quotes unbalanced": "''We won,'' he said. ''And then '' nothing " + "'" * 4 + " at all\n''" + "x '' " * 400,
    "all-caps headline only": "SENATORS RIP PLAN\n",
    "headline of verbs": "Says Vows Rips Questions Calls\nSays.\n" * 3,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_bounded_statements_inside_the_document(nlp, name):
    doc = Document.from_text(CASES[name])
    text = doc.text
    analysis = next(analyze_documents([doc], nlp))
    assert analysis.error is None
    for s in analysis.statements:
        assert 0 <= s.start <= s.content_start < s.content_end <= s.end <= len(text)
        assert text[s.content_start : s.content_end] == s.content
        assert s.content_end - s.content_start <= MAX_CONTENT_CHARS
        if len(text) > 500:
            assert s.end - s.start < 0.9 * len(text), (s.start, s.end, len(text))
        for a, b in ((s.speaker_start, s.speaker_end), (s.cue_start, s.cue_end)):
            if a is not None:
                assert b is not None and s.start <= a < b <= s.end
