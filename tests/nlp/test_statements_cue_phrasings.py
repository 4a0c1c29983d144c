"""A table of cue phrasings beyond "X said Y": headlines, nominal and prepositional cues, archived quotation marks."""

from __future__ import annotations

import pytest

from ._helpers import rule_statements

APOS = "''"

# (text, speaker, cue as written, content)
PHRASINGS = [
    # headlines: a title-case line the parser reads as one name, the verb found by its form
    ("Senators Rip Budget Plan As 'Reckless'\nThe Senate met on Monday to debate the budget.",
     "Senators", "Rip", "Budget Plan As 'Reckless"),
    ("Ortega Vows To Cut Taxes For Farmers\nThe mayor spoke on Friday in the town square.",
     "Ortega", "Vows", "To Cut Taxes For Farmers"),
    ("Ministry questions the count of refugees at the border\nThe figures were released on Monday.",
     "Ministry", "questions", "the count of refugees at the border"),
    # a speech noun with an owner and an infinitive, or a that-clause
    ("The governor's promise to rebuild the bridge was welcomed by residents.", "The governor", "promise",
     "to rebuild the bridge"),
    ("Her claim that the vote was rigged drew criticism.", "Her", "claim", "the vote was rigged"),
    # prepositional sources
    ("The plant will close in May, according to a company spokeswoman.", "a company spokeswoman", "according to",
     "The plant will close in May"),
    ("The tax applies to all imports, per the agency's guidance.", "the agency's guidance", "per",
     "The tax applies to all imports"),
    ("In Mr. Diaz's words, the reform is a betrayal of workers.", "Mr. Diaz", "In Mr. Diaz's words",
     "the reform is a betrayal of workers"),
    ("In the words of the mayor, the park is a disgrace.", "the mayor", "In the words", "the park is a disgrace"),
    ("In a statement, the ministry said the talks had failed.", "the ministry", "said", "the talks had failed"),
    # an "as" aside reports the clause around it
    ("As Ms. Brandt observed, the trade talks would take years.", "Ms. Brandt", "observed",
     "the trade talks would take years"),
    ("The bill passed, as the senator had predicted.", "the senator", "predicted", "The bill passed"),
    # a verbless clause before ", X say(s)" that the parse leaves unattached
    ("More rain on the way, forecasters say.", "forecasters", "say", "More rain on the way"),
    # a participle opening the sentence speaks with the subject that follows it
    ("Citing a new poll, the mayor accused the council of waste.", "the mayor", "Citing", "a new poll"),
    ("After saying her foot was swollen, she left the stage.", "she", "saying", "her foot was swollen"),
    # quotation marks written as two apostrophes, and the quotation that continues the statement
    (f"{APOS}We will not back down,{APOS} Ms. Okafor said. {APOS}The vote is on Friday.{APOS}", "Ms. Okafor", "said",
     "We will not back down"),
    (f"{APOS}We will not back down,{APOS} Ms. Okafor said. {APOS}The vote is on Friday.{APOS}", "Ms. Okafor", "said",
     "The vote is on Friday."),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), PHRASINGS)
def test_statements_cue_phrasing_gives_source_cue_and_content(nlp, text, speaker, cue, content):
    out = rule_statements(nlp, text)
    found = [(s.speaker_text, text[s.cue_start : s.cue_end], s.content) for s in out if s.cue_start is not None]
    assert (speaker, cue, content) in found, found


@pytest.mark.parametrize("text", [
    "Mayor Gives Council A Boost With Budget Win\nThe vote was held on Tuesday.",  # "give" reports no speech
    "Old Rivals Help Port City Rebuild Docks\nThe work began in 2005.",
    "When Senators Rip Into Each Other\nThe hearing lasted four hours.",  # a title, not a subject
    "The decision to close the plant was made in March.",  # no owner says it
    "Tickets cost $5 per person, and the tour lasts an hour.",  # "per" as a rate
    "In other words, the plan failed.",  # nobody's words
    "As expected, the vote failed.",  # nobody expected it aloud
    "As she spoke, the crowd cheered.",  # "as" of time
])
def test_statements_cue_phrasing_lookalikes_give_no_statement(nlp, text):
    assert [(s.speaker_text, s.cue, s.content) for s in rule_statements(nlp, text)] == []
