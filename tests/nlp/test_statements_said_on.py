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


# A date belongs to the statement only when the parse ties it to the cue or the clause that governs it: not to a
# relative clause or apposition of the speaker, nor to the speaker phrase, nor to what was said.
@pytest.mark.parametrize(
    "text,said_on,basis",
    [
        # the speaker's own relative clause or apposition: what the speaker did, not when the words were said
        ("Dariush Kemal, who was elected in 2015, said in 2016 that the army would never leave the valley.",
         "2016", DateBasis.TEXT),
        ("Dariush Kemal, who voted for the bill in 2015, now says that it was a mistake.", "2025-07-21", DateBasis.PUBLISHED),
        ("Dariush Kemal, a senator since 2015, said that the talks had failed.", "2025-07-21", DateBasis.PUBLISHED),
        ("Dariush Kemal, elected in 2015, said that the talks had failed.", "2025-07-21", DateBasis.PUBLISHED),
        ("Dariush Kemal, the 2016 nominee, said that the race was over.", "2025-07-21", DateBasis.PUBLISHED),
        ("Mira Osei, who took office on Tuesday, said that the clinic had closed.", "2025-07-21", DateBasis.PUBLISHED),
        ("Mira Osei, who posted a video in March, said on the radio that the clinic had closed.",
         "2025-07-21", DateBasis.PUBLISHED),
        # the relative clause is nearer the cue than the cue's own date: the cue's date still wins
        ("Mira Osei, who took office in March, said on Friday that the clinic had closed.", "2025-07-18", DateBasis.TEXT),
        # the content: what was said is about 2019, it was not said then ...
        ("Mira Osei said the flood in 2019 destroyed twelve bridges.", "2025-07-21", DateBasis.PUBLISHED),
        ("The clinic closed in 2019, Mira Osei said.", "2025-07-21", DateBasis.PUBLISHED),
        # ... unless the phrasing ties the date to the saying
        ("Mira Osei said in 2019 that the flood destroyed twelve bridges.", "2019", DateBasis.TEXT),
        ("In a 2019 interview, Mira Osei said the flood destroyed twelve bridges.", "2019", DateBasis.TEXT),
        ("On Friday, Mira Osei was asked about the clinic and said that it had closed.", "2025-07-18", DateBasis.TEXT),
        # a relative clause that is itself the statement keeps its own date
        ("Dariush Kemal, who in 2016 told reporters that the war was over, was wrong.", "2016", DateBasis.TEXT),
        # when a text or speech came out dates what it says
        ("In a message posted Friday, Mira Osei said the clinic had closed.", "2025-07-18", DateBasis.TEXT),
    ],
)
def test_statements_said_on_takes_only_dates_tied_to_the_cue(nlp, text, said_on, basis):
    s = _one(nlp, text)
    assert (s.said_on_text, s.said_on_basis) == (said_on, basis)


def test_statements_said_on_a_document_speaker_is_dated_by_its_release(nlp):
    text = "A poll released last month found that most voters backed the plan."
    out = statements_in_document(parsed_with(nlp, text, {}, PUB))
    assert out and all((s.said_on_text, s.said_on_precision) == ("2025-06", DatePrecision.MONTH) for s in out)


@pytest.mark.parametrize(
    "text,said_on,precision",
    [
        ("In 2019, Dariush Kemal vowed to close the mine. \"The mine will not reopen,\" he said at a rally that year.",
         "2019", DatePrecision.YEAR),
        ("In March 2021, Mira Osei voted against the levy. \"It is a tax on the poor,\" she said then.", "2021-03", DatePrecision.MONTH),
        ("In 2019, Dariush Kemal vowed to close the mine. \"The mine will not reopen,\" he said at the time.", "2019", DatePrecision.YEAR),
        ("It is a break from his 2019 campaign, when Dariush Kemal said \"The mine will not reopen.\"", "2019", DatePrecision.YEAR),
    ],
)
def test_statements_said_on_that_year_or_then_is_the_date_named_just_before(nlp, text, said_on, precision):
    out = statements_in_document(parsed_with(nlp, text, {"Dariush Kemal": (PER, 1), "Mira Osei": (PER, 2)}, PUB))
    quoted = [s for s in out if s.content.startswith(("The mine", "It is"))]
    assert quoted and quoted[0].said_on_text == said_on and quoted[0].said_on_precision is precision


def test_statements_speaker_after_a_dateline_with_its_day_is_the_name_after_the_dash(nlp):
    text = "HELENA, June 30, 2015 — Senator Mira Osei said on Monday that she supports the river compact."
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, dt.date(2015, 6, 30)))
    said = [s for s in out if "river compact" in s.content]
    assert said and said[0].speaker_text == "Senator Mira Osei"



# A weekday resolves to the latest such day on or before publication (Monday 21 July: Thursday is the 17th), wherever
# the reporting puts it: after the cue, after its object, before the speaker, or on a participle of speaking that is
# set off on the speaker (that speaking is the cue's own act).
@pytest.mark.parametrize(
    "text,said_on",
    [
        ("Dariush Kemal said on Saturday that the talks had failed.", "2025-07-19"),
        ("Dariush Kemal told reporters Thursday that the talks had failed.", "2025-07-17"),
        ("On Tuesday, Dariush Kemal said that the talks had failed.", "2025-07-15"),
        ("The talks had failed, Dariush Kemal said Saturday.", "2025-07-19"),
        ("Mira Osei on Wednesday said the clinic had closed.", "2025-07-16"),
        ("Dariush Kemal, speaking to reporters on Thursday, said the talks had failed.", "2025-07-17"),
        ("Dariush Kemal, appearing on television on Sunday, said the talks had failed.", "2025-07-20"),
        ("Dariush Kemal said on Monday that the talks had failed.", "2025-07-21"),
    ],
)
def test_statements_said_on_a_weekday_of_the_saying_is_its_last_such_day(nlp, text, said_on):
    s = _one(nlp, text)
    assert (s.said_on_text, s.said_on_basis, s.said_on_precision) == (said_on, DateBasis.TEXT, DatePrecision.DAY)


# With no "that", a day right after the cue's object opens the reported clause in the text; it still says when the
# words were said ("told the BBC on Tuesday the talks had failed"), unless the day is what the clause is about.
@pytest.mark.parametrize(
    "text,said_on,basis",
    [
        ("Dariush Kemal told the radio station on Tuesday the talks had failed.", "2025-07-15", DateBasis.TEXT),
        ("Mira Osei told the committee yesterday the clinic had closed.", "2025-07-20", DateBasis.TEXT),
        ("Dariush Kemal said Tuesday was the last day for the talks.", "2025-07-21", DateBasis.PUBLISHED),
        ("Dariush Kemal said Sunday's vote had been rigged.", "2025-07-21", DateBasis.PUBLISHED),
        ("Mira Osei said that on Thursday the clinic would close.", "2025-07-21", DateBasis.PUBLISHED),
    ],
)
def test_statements_said_on_a_day_opening_a_clause_without_that_is_the_cues(nlp, text, said_on, basis):
    s = _one(nlp, text)
    assert (s.said_on_text, s.said_on_basis) == (said_on, basis)


def test_statements_said_on_a_relative_clause_of_speaking_does_not_date_a_later_statement(nlp):
    text = "Mira Osei, who told reporters on Thursday that the clinic would stay open, now says it will close."
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, PUB))
    later = [s for s in out if s.content.startswith("it will close")]
    assert later and later[0].said_on_basis is DateBasis.PUBLISHED


# A cue whose content is its object spans the adjuncts after it; a day the parse hangs on the cue itself still
# dates the statement, while a day inside the content's own clause does not.
@pytest.mark.parametrize(
    "text,said_on,basis",
    [
        ("Dariush Kemal criticised the plan Friday during a visit to the port.", "2025-07-18", DateBasis.TEXT),
        ("The union endorsed Mira Osei for president on Thursday.", "2025-07-17", DateBasis.TEXT),
        ("Mira Osei said the army withdrew on Tuesday.", "2025-07-21", DateBasis.PUBLISHED),
        ("Relatives of the victim watched the video on Thursday, Mira Osei said.", "2025-07-21", DateBasis.PUBLISHED),
    ],
)
def test_statements_said_on_a_day_hung_on_the_cue_inside_its_object_counts(nlp, text, said_on, basis):
    out = statements_in_document(parsed_with(nlp, text, {"Dariush Kemal": (PER, 1), "Mira Osei": (PER, 2)}, PUB))
    assert out and (out[0].said_on_text, out[0].said_on_basis) == (said_on, basis)


def test_statements_said_on_ignores_a_date_in_the_speaker_phrase(nlp):
    s = _one(nlp, "Last year's runner-up Mira Osei said that the race was over.")
    assert s.said_on_basis is DateBasis.PUBLISHED


@pytest.mark.parametrize(
    "text,said_on",
    [
        ("An arbitration panel in 2001 found that the treaty had been breached.", "2001"),
        ("A campaign ad in 2008 questioned whether Mira Osei was prepared.", "2008"),
    ],
)
def test_statements_said_on_a_time_phrase_the_parse_hangs_on_the_speaker_dates_the_saying(nlp, text, said_on):
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, PUB))
    assert out and (out[0].said_on_text, out[0].said_on_basis) == (said_on, DateBasis.TEXT)


# Issue 15, item 3: the shapes in which real news says when, still dated by publication before (Monday 21 July).
@pytest.mark.parametrize(
    "text,said_on,precision",
    [
        # a month or year on the event noun the saying happened at
        ("At a March meeting with donors, Dariush Kemal said that the army would never leave the valley.",
         "2025-03", DatePrecision.MONTH),
        ("Dariush Kemal said in a 2019 television interview that the army would never leave the valley.",
         "2019", DatePrecision.YEAR),
        ("Mira Osei told a June rally that the clinic had closed.", "2025-06", DatePrecision.MONTH),
        ("Mira Osei said at the July 18 hearing that the clinic had closed.", "2025-07-18", DatePrecision.DAY),
        # a text or speech as the speaker is dated by its own date
        ("A 2014 study by the university found that most voters backed the plan.", "2014", DatePrecision.YEAR),
        # a week is the month that holds it; a night is a day
        ("Dariush Kemal said last week that the talks had failed.", "2025-07", DatePrecision.MONTH),
        ("In an interview last week, Mira Osei said the clinic had closed.", "2025-07", DatePrecision.MONTH),
        ("Dariush Kemal said last night that the talks had failed.", "2025-07-20", DatePrecision.DAY),
        ("On Sunday night, Dariush Kemal said the talks had failed.", "2025-07-20", DatePrecision.DAY),
        ("Twenty-two years ago, Dariush Kemal said that the talks had failed.", "2003", DatePrecision.YEAR),
        # a date inside an adjunct phrase of a cue whose content is its object
        ("Dariush Kemal cited the figure at last week's forum in the capital.", "2025-07", DatePrecision.MONTH),
    ],
)
def test_statements_said_on_event_nouns_weeks_and_nights_date_the_saying(nlp, text, said_on, precision):
    s = _one(nlp, text)
    assert (s.said_on_text, s.said_on_precision, s.said_on_basis) == (said_on, precision, DateBasis.TEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Mira Osei said the March meeting had been a failure.",
        "Mira Osei, who spoke at a March rally, said the clinic had closed.",
        "Dariush Kemal said that the army left the valley last week.",
        "Dariush Kemal said this week that the talks had failed.",  # near publication: its date stands
        "Dariush Kemal said the next year would be hard.",
        "Dariush Kemal cited her work after the July 4 attacks.",
    ],
)
def test_statements_said_on_event_and_week_dates_outside_the_saying_are_not_taken(nlp, text):
    assert _one(nlp, text).said_on_basis is DateBasis.PUBLISHED


@pytest.mark.parametrize(
    "text,content,said_on,precision",
    [
        ("In 2019, Dariush Kemal ran for the senate. The next year, he said that the army would never leave.",
         "the army", "2020", DatePrecision.YEAR),
        ("On March 3, 2021, Mira Osei voted against the levy. The next day, she said that it was a tax on the poor.",
         "it was a tax", "2021-03-04", DatePrecision.DAY),
        ("On March 3, 2021, Mira Osei voted against the levy. Two days later, she said that it was a tax on the poor.",
         "it was a tax", "2021-03-05", DatePrecision.DAY),
        ("In March 2021, Mira Osei voted against the levy. The following month, she said that it was a tax on the poor.",
         "it was a tax", "2021-04", DatePrecision.MONTH),
        # a paragraph that opens with the time tells from the one the paragraph before ended on
        ("In July 2016, Dariush Kemal gave a speech.\n\nAt a breakfast the following morning, he said that the mine "
         "would not reopen.", "the mine", "2016-07", DatePrecision.MONTH),
        # a quote that goes on past its cue's sentence was said when that sentence says
        ("\"The relief will go to the middle class,\" Dariush Kemal said last month. \"They will get the most.\"",
         "They will", "2025-06", DatePrecision.MONTH),
    ],
)
def test_statements_said_on_a_time_told_from_one_named_before(nlp, text, content, said_on, precision):
    out = statements_in_document(parsed_with(nlp, text, {"Dariush Kemal": (PER, 1), "Mira Osei": (PER, 2)}, PUB))
    found = [s for s in out if s.content.startswith(content)]
    assert found and (found[0].said_on_text, found[0].said_on_precision) == (said_on, precision)


# A header line or dateline with its year dates what is under it when its day is not the publication date: the
# article's own header when no publication date is known, or the header of an earlier piece the text quotes whole.
@pytest.mark.parametrize(
    "text,published,said_on",
    [
        ("Clinic closes\nMay 2, 2013 | 5:03pm\nMira Osei told reporters on Tuesday that the clinic had closed.",
         None, "2013-04-30"),
        ("Clinic closes\nPublished: May 2, 2013 4:59 PM EDT\nMira Osei said that the clinic had closed.", None, "2013-05-02"),
        ("The agency reported at the time:\n\nHELENA, June 30, 2015 — Mira Osei said on Monday that the clinic had "
         "closed.", dt.date(2016, 9, 20), "2015-06-29"),
        ("Here is the earlier story.\nJune 30, 2015\nMira Osei said that the clinic had closed.", dt.date(2016, 9, 20),
         "2015-06-30"),
    ],
)
def test_statements_said_on_a_header_date_dates_what_is_under_it(nlp, text, published, said_on):
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, published))
    found = [s for s in out if s.content.startswith("the clinic")]
    assert found and (found[0].said_on_text, found[0].said_on_basis) == (said_on, DateBasis.TEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Mira Osei checked in on December 9, 2008.\nMira Osei said that the clinic had closed.",  # a sentence
        "Clinic closes\nJuly 21, 2025\nMira Osei said that the clinic had closed.",  # the publication day itself
        "Clinic closes\nUpdated July 24, 2025\nMira Osei said that the clinic had closed.",  # after publication
    ],
)
def test_statements_said_on_only_a_header_with_another_day_stands_for_publication(nlp, text):
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, PUB))
    found = [s for s in out if s.content.startswith("the clinic")]
    assert found and (found[0].said_on, found[0].said_on_basis) == (PUB, DateBasis.PUBLISHED)


def test_statements_said_on_a_day_naming_another_event_of_the_paragraph_does_not_date_the_words(nlp):
    text = "Mira Osei praised the moderator of Monday night's debate. \"He will be fair,\" she said at a rally."
    out = statements_in_document(parsed_with(nlp, text, {"Mira Osei": (PER, 2)}, PUB))
    found = [s for s in out if s.content.startswith("He will")]
    assert found and found[0].said_on_basis is DateBasis.PUBLISHED


# The blind judge's misses: a day-possessive event noun, an event named earlier with its date and met again as "the
# debate", and a dateline whose day has no year (Monday 21 July).
@pytest.mark.parametrize(
    "text,content,said_on",
    [
        ("Dariush Kemal said at Saturday's debate that the army would never leave the valley.", "the army", "2025-07-19"),
        ("At Tuesday's hearing, Mira Osei said that the clinic had closed.", "the clinic", "2025-07-15"),
        ("\"The army will stay,\" Dariush Kemal said during Thursday night's debate.", "The army", "2025-07-17"),
        ("The two candidates met for Saturday's debate in Denver. At the debate, Dariush Kemal said that the army "
         "would never leave the valley.", "the army", "2025-07-19"),
        ("The two candidates met for Saturday's debate in Denver.\n\nThe moderator asked about taxes.\n\nDariush Kemal "
         "said at the debate that the army would never leave the valley.", "the army", "2025-07-19"),
        ("The party convention opened on July 14 in Cleveland.\n\nMira Osei told the convention that the clinic had "
         "closed.", "that the clinic", "2025-07-14"),
        ("The July 14 convention drew a large crowd.\n\n\"The clinic has closed,\" Mira Osei said at the convention.",
         "The clinic", "2025-07-14"),
        ("DENVER, July 19 (Wire) — Dariush Kemal said that the army would never leave the valley.", "the army",
         "2025-07-19"),
        ("WASHINGTON, Nov. 3 (Wire) -- Dariush Kemal said that the army would never leave the valley.", "the army",
         "2024-11-03"),
    ],
)
def test_statements_said_on_an_event_day_or_a_dateline_dates_the_saying(nlp, text, content, said_on):
    out = statements_in_document(parsed_with(nlp, text, {"Dariush Kemal": (PER, 1), "Mira Osei": (PER, 2)}, PUB))
    found = [s for s in out if s.content.startswith(content)]
    assert found and (found[0].said_on_text, found[0].said_on_basis) == (said_on, DateBasis.TEXT)


@pytest.mark.parametrize(
    "text,content",
    [
        # the event's day in a relative clause, the content, the speaker phrase
        ("Mira Osei, who spoke at Saturday's debate, said that the clinic had closed.", "the clinic"),
        ("Dariush Kemal said Saturday's debate had been a failure for the army.", "Saturday"),
        ("The moderator of Saturday's debate said that the army would never leave the valley.", "the army"),
        # "the debate" with no dated event before it, or one the saying is not tied to
        ("The two candidates met for a debate in Denver. At the debate, Dariush Kemal said that the army would never "
         "leave the valley.", "the army"),
        ("The two candidates met for Saturday's debate in Denver. Dariush Kemal said the debate was rigged against "
         "the army.", "the debate"),
        ("The two candidates met for Saturday's debate in Denver. Mira Osei, who was at the debate, said that the "
         "clinic had closed.", "the clinic"),
        # a new event without a day between the dated one and "the debate"
        ("The two candidates met for Saturday's debate in Denver. They agreed to a second debate in Ohio. At the "
         "debate, Dariush Kemal said that the army would never leave the valley.", "the army"),
        # a day that is not the event's ("postponed on Friday"), a dateline-like line whose day is a clause's
        ("The hearing was postponed on Friday.\n\nMira Osei said at the hearing that the clinic had closed.",
         "that the clinic"),
        ("NATO, which on Saturday said — Dariush Kemal said that the army would never leave the valley.", "the army"),
    ],
)
def test_statements_said_on_an_event_day_outside_the_saying_is_not_taken(nlp, text, content):
    out = statements_in_document(parsed_with(nlp, text, {"Dariush Kemal": (PER, 1), "Mira Osei": (PER, 2)}, PUB))
    found = [s for s in out if s.content.startswith(content)]
    assert found and found[0].said_on_basis is DateBasis.PUBLISHED, [(s.content, s.said_on_text) for s in out]
