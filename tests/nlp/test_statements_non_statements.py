"""Who said it, and what is no statement: questions, perception, refusals, datelines and names that only modify.

Synthetic sentences only. Each sentence runs twice: with the rules alone and with the shipped learned scorer (which
adds open candidates: any verb with an object or a clause), since both must leave these out or draw them so."""

from __future__ import annotations

import pytest

from storyline.model import EntityType
from storyline.nlp.statements import statements_in_document

from ._helpers import parsed_with

PER, ORG, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE
_RULES, _SHIPPED = "rules", "shipped"


def _statements(nlp, text, names=None, mode=_SHIPPED):
    parsed = parsed_with(nlp, text, names)
    out = statements_in_document(parsed, model=None) if mode == _RULES else statements_in_document(parsed)
    return [s for s in out if s.cue is not None]


# Sentences that report no statement: (text, why).
NO_STATEMENT = [
    # what someone saw, watched, heard or found is an event, not their words
    ("Witnesses saw soldiers fire into the crowd on Tuesday.", "a small clause after a perception verb"),
    ("Texas saw record turnout in the primary.", "a place that 'saw' something"),
    ("Mr. Hale saw an opportunity in the crisis.", "a perception verb with a bare object"),
    ("A Forest Hill police sergeant did not find the girl at the house.", "a negated non-speech verb"),
    ("The section of the debate revealed a yawning gulf between the candidates.", "a non-document that reveals"),
    ("Investigators found the weapon in a car near the border.", "finding a thing"),
    # refusals and silence state no content
    ("The ministry did not respond to questions about the claim.", "did not respond"),
    ("The Ministry of Interior declined to comment on the report.", "declined to comment on"),
    ("Hale did not say whether he would run again.", "no content either way"),
    # a cue inside a question reports what was asked, not asserted
    ("Did Trump say he would accept the result of the election?", "an interrogative sentence"),
    ("It is unclear whether Hale said the deal was dead.", "a cue under 'whether'"),
    # a light verb with a speech act as its object names the act, not what was said
    ("Mr. Hale made the comments Friday during a brief visit to the port.", "made the comments"),
    # "call" with an act particle is an act
    ("The union called off the strike on Monday.", "called off"),
    ("The army called up 3,000 reservists last week.", "called up"),
    # acts that carry no words: motion, buying and hiring, putting, contact, measure
    ("At the bottom, the miners boarded a train that ran through the tunnels.", "boarding a train"),
    ("Mayor Lena Vos rang a large bell from an old church to open the fair.", "ringing a bell"),
    ("Undaunted, Mr. Hale hired an investment banker and two lawyers.", "hiring someone"),
    ("Women comprise about 25 percent of the top executives in the firm.", "a measure"),
]


@pytest.mark.parametrize("mode", [_RULES, _SHIPPED])
@pytest.mark.parametrize(("text", "why"), NO_STATEMENT)
def test_sentence_that_reports_no_statement_gives_none(nlp, text, why, mode):
    assert [(s.speaker_text, s.cue, s.content) for s in _statements(nlp, text, mode=mode)] == [], why


# Sentences that do report a statement, drawn as expected: (text, speaker, cue as written, content).
STATEMENTS = [
    ("The senator saw that the bill would fail.", "The senator", "saw", "the bill would fail"),
    ("The study found that the drug cut deaths by a third.", "The study", "found", "the drug cut deaths by a third"),
    ("When asked whether he would resign, Mayor John Carter said he had no plans to step down.",
     "Mayor John Carter", "said", "he had no plans to step down"),
    ("Reporters asked Senator Maria Lopez whether she would support the bill.", "Reporters", "asked",
     "whether she would support the bill"),
    # a title's period between a quotation and its cue ends no sentence
    ("“Why would we ever agree to that?” Ms. Lopez asked the crowd.", "Ms. Lopez", "asked",
     "Why would we ever agree to that?"),
    # a trailing speech participle the parse hangs on the reported clause is the reporter's
    ("The paper reported that 12 people died, citing hospital officials.", "The paper", "citing",
     "hospital officials"),
    # a dateline in title case is the outlet's place, not the speaker
    ("Kabul, Afghanistan — The Taliban denied that its fighters had attacked the convoy.", "The Taliban", "denied",
     "its fighters had attacked the convoy"),
]


@pytest.mark.parametrize("mode", [_RULES, _SHIPPED])
@pytest.mark.parametrize(("text", "speaker", "cue", "content"), STATEMENTS)
def test_sentence_that_reports_a_statement_gives_its_source_cue_and_content(nlp, text, speaker, cue, content, mode):
    found = [(s.speaker_text, text[s.cue_start : s.cue_end], s.content) for s in _statements(nlp, text, mode=mode)]
    assert (speaker, cue, content) in found, found


@pytest.mark.parametrize("mode", [_RULES, _SHIPPED])
def test_a_question_put_to_someone_is_not_the_statement_of_the_one_it_names(nlp, mode):
    text = "The host asked Ms. Lopez if she regretted the vote. She said she did not."
    out = _statements(nlp, text, {"Lopez": (PER, 1)}, mode)
    assert [s.content for s in out] == ["she did not"]


@pytest.mark.parametrize("mode", [_RULES, _SHIPPED])
def test_an_interviewers_question_in_its_own_paragraph_does_not_continue_the_last_speaker(nlp, mode):
    text = ('Mr. Hale said the deal was dead.\n\n"Do you plan to run again next year?"\n\n'
            '"I have not decided, and I will not decide before the summer," he said.')
    out = _statements(nlp, text, {"Hale": (PER, 1)}, mode)
    assert not any("run again" in s.content for s in out), [(s.speaker_text, s.content) for s in out]
    assert any(s.content.startswith("I have not decided") and s.speaker_cluster == 1 for s in out)


def test_a_speakers_own_question_inside_a_paragraph_still_continues_the_speaker(nlp):
    text = '"My son gave his life for this country," she said. "Do you still believe that we are your enemy?"'
    out = _statements(nlp, text, mode=_RULES)
    assert any(s.content.startswith("Do you still believe") and s.speaker_text == "she" for s in out)


@pytest.mark.parametrize("mode", [_RULES, _SHIPPED])
def test_a_quotation_does_not_continue_a_negated_cue(nlp, mode):
    text = ('"We will watch this closely," Mr. Obama said after the summit. He did not suggest retaliation. '
            '"Our goal is not to start a cycle of escalation."')
    out = _statements(nlp, text, {"Obama": (PER, 1)}, mode)
    goal = [s for s in out if s.content.startswith("Our goal")]
    assert goal and goal[0].speaker_text == "Mr. Obama", [(s.speaker_text, s.content) for s in out]


@pytest.mark.parametrize(
    ("text", "names", "cluster"),
    [
        # a place or a person that only modifies the speaker's head noun is not the speaker
        ("A Forest Hill police sergeant said the girl had run away.", {"Forest Hill": (PLACE, 1)}, None),
        ("Clinton aides said the speech would focus on jobs.", {"Clinton": (PER, 2)}, None),
        ("Donald Trump's campaign manager said the rally would go ahead.", {"Donald Trump": (PER, 3)}, None),
        ("Google engineers said the outage was caused by a bug.", {"Google": (ORG, 4)}, None),
        # an organisation speaks through its spokesman and its officials, an owner through its report
        ("A Taliban spokesman said the group had not attacked the convoy.", {"Taliban": (ORG, 5)}, 5),
        ("Ministry of Defence officials said the strike hit a depot.", {"Ministry of Defence": (ORG, 6)}, 6),
        ("Al-Mirsaad's report said the attack had been planned for months.", {"Al-Mirsaad": (ORG, 7)}, 7),
        ("President Barack Obama said the deal was good.", {"Barack Obama": (PER, 8)}, 8),
        # people around a person speak for themselves: the person named after the preposition is not the speaker
        ("People close to Dana Whitfield say she will not run again.", {"Dana Whitfield": (PER, 9)}, None),
        ("Aides to Dana Whitfield said the speech would focus on jobs.", {"Dana Whitfield": (PER, 9)}, None),
        ("A longtime friend of Dana Whitfield said she had been tired for months.", {"Dana Whitfield": (PER, 9)}, None),
        ("Secretary of State Dana Whitfield said the talks would go on.", {"Dana Whitfield": (PER, 9)}, 9),
    ],
)
def test_a_name_inside_the_speaker_phrase_names_the_speaker_only_as_its_head(nlp, text, names, cluster):
    out = _statements(nlp, text, names, _RULES)
    assert len(out) == 1 and out[0].speaker_cluster == cluster, [(s.speaker_text, s.speaker_cluster) for s in out]
