from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Comparator, Document, EntityType, FactRelation
from storyline.nlp.antecedents import MentionIndex
from storyline.nlp.facts import facts_in_part, find_facts

from ._helpers import parsed_with

ORG, PER = EntityType.ORGANIZATION, EntityType.PERSON


def _facts(nlp, text, names=None):
    parsed = parsed_with(nlp, text, names)
    index = MentionIndex(parsed.mentions)
    out = [f for part in parsed.parts for f in facts_in_part(part, parsed.document.id, index)]
    for f in out:
        assert text[f.start : f.end] == f.text
    return out


def test_facts_subject_measure_period_and_participle(nlp):
    text = "ISIS-K carried out 343 attacks in 2021, killing more than 2,000 people across Afghanistan."
    facts = _facts(nlp, text, {"ISIS-K": (ORG, 1)})
    got = [(f.measure, f.value, f.comparator, f.period, f.subject_cluster) for f in facts]
    assert got == [("attacks", 343, Comparator.EQ, "2021", 1), ("killed", 2000, Comparator.GT, "2021", 1)]
    assert facts[1].text == "killing more than 2,000 people"


def test_facts_elided_list_carries_subject_and_takes_each_period(nlp):
    text = "The group grew. In 2022, it conducted 196 attacks; in 2023, 48 attacks; and in 2024, 37 attacks."
    facts = _facts(nlp, text, {"The group": (ORG, 4)})
    assert [(f.value, f.period, f.measure, f.subject_cluster) for f in facts] == [
        (196, "2022", "attacks", 4), (48, "2023", "attacks", 4), (37, "2024", "attacks", 4)]


def test_facts_vague_plural_noun_and_verb_measure(nlp):
    facts = _facts(nlp, "The Taliban decided to release thousands of prisoners.", {"Taliban": (ORG, 2)})
    assert len(facts) == 1
    f = facts[0]
    assert (f.measure, f.value, f.comparator, f.subject_cluster) == ("prisoners released", 1000, Comparator.GE, 2)


def test_facts_range_money_and_percent(nlp):
    facts = _facts(nlp, "Between 6,000 and 6,500 fighters crossed the border. The US pledged $5 million in aid. "
                        "About 40% of voters backed him.")
    by_measure = {f.measure: f for f in facts}
    assert by_measure["fighters"].value == 6000 and by_measure["fighters"].value_max == 6500
    money = [f for f in facts if f.unit == "USD"]
    assert money and money[0].value == 5_000_000
    pct = [f for f in facts if f.unit == "%"]
    assert pct and pct[0].value == 40 and pct[0].comparator is Comparator.APPROX


def test_facts_passive_and_since_period(nlp):
    facts = _facts(nlp, "Since August 2021, at least 50 journalists have been arrested by the authorities.")
    assert [(f.measure, f.value, f.comparator, f.period) for f in facts] == [
        ("journalists arrested", 50, Comparator.GE, "2021-08/")]
    assert facts[0].subject_text == "authorities"


def test_facts_skips_dates_ages_ordinals_and_times(nlp):
    text = ("On March 5, 2024, the 35th report was published at 6:00 a.m. A 25-year-old man, aged 25, "
            "spent 20 years in prison. 1. The list item.")
    assert _facts(nlp, text) == []


def test_facts_stage_registered_with_version():
    from storyline.nlp.pipeline import build_stages

    stage = {s.name: s for s in build_stages()}["facts"]
    assert stage.version != "0" and "facts" in stage.produces


def test_facts_skip_code_urls_and_glued_tokens(nlp):
    text = ("The page ran javascript:alert(3) when opened. See https://example.org/2024/07/15 for details. "
            "Version 2.4.1 shipped with 12 fixes.")
    facts = _facts(nlp, text)
    assert [(f.value, f.measure) for f in facts] == [(12, "fixes")]


def test_facts_measure_is_a_count_noun(nlp):
    facts = _facts(nlp, "The agency has 500 staff. A 10-point plan was published. Rebels seized 3 towns.")
    assert sorted((f.value, f.measure) for f in facts) == [(3, "towns"), (500, "staff")]


def test_facts_subject_drops_a_list_bullet(nlp):
    facts = _facts(nlp, "Key figures:\n• The group carried out 343 attacks in 2021.", {"The group": (ORG, 1)})
    assert facts and facts[0].subject_text == "group" and facts[0].subject_cluster == 1


COUNT, CHANGE, RANGE, RATE, SHARE = (FactRelation.COUNT, FactRelation.CHANGE, FactRelation.RANGE, FactRelation.RATE,
                                     FactRelation.SHARE)


@pytest.mark.parametrize(
    "text,value,relation,population",
    [
        ("The attack killed 13 U.S. service members.", 13, COUNT, "U.S. service members"),
        ("The attack also killed at least 170 Afghan civilians.", 170, COUNT, "Afghan civilians"),
        ("Militants attacked a village, killing 3 civilians.", 3, COUNT, "civilians"),
        ("Gunmen stormed the market, killing three traders.", 3, COUNT, "traders"),
        ("The earthquake killed 230,000 people in 14 countries.", 230_000, COUNT, "people in 14 countries"),
        ("In the province, 170,000 people died.", 170_000, COUNT, "people in the province"),
        ("Two dozen protesters were arrested.", 24, COUNT, "protesters"),
        ("Output rose from 175 to 450 gigawatts.", 450, CHANGE, None),
        ("The share fell by 2 percent in 2015.", 2, CHANGE, None),
        ("Exports posted a 10 percent drop.", 10, CHANGE, None),
        ("Between 6,000 and 6,500 fighters crossed the border.", 6000, RANGE, "fighters"),
        ("The mill produces 3 tons per day.", 3, RATE, None),
        ("About 40% of voters backed the plan.", 40, SHARE, "voters"),
    ],
)
def test_facts_relation_and_population_table(nlp, text, value, relation, population):
    facts = [f for f in _facts(nlp, text) if f.value == value]
    assert len(facts) == 1
    f = facts[0]
    assert (f.relation, f.population) == (relation, population)


def test_facts_change_keeps_its_baseline(nlp):
    f, = _facts(nlp, "The toll fell from 450 to 175 after the recount.")
    assert (f.relation, f.value, f.baseline, f.value_max) == (CHANGE, 175, 450, None)


def test_facts_two_answer_options_of_a_poll_are_shares(nlp):
    facts = _facts(nlp, "Clinton led Trump 49 percent to 42 percent in the poll.")
    assert [(f.value, f.relation) for f in facts] == [(49, SHARE), (42, SHARE)]


@pytest.mark.parametrize(
    "text",
    [
        "The company, which employs 4,000 people, said it would close.",
        "The boxer, who weighs 236 pounds, said he was ready.",
    ],
)
def test_facts_relative_pronoun_subject_is_its_antecedent(nlp, text):
    f, = _facts(nlp, text)
    assert f.subject_text in ("company", "boxer")


@pytest.mark.parametrize("text", ["It has 300 members.", "This number rose to 45.", "They arrested 12 men."])
def test_facts_unresolved_pronoun_or_number_word_leaves_the_subject_empty(nlp, text):
    for f in _facts(nlp, text):
        assert f.subject_text is None and f.subject_cluster is None


def test_facts_pronoun_subject_resolves_to_its_antecedent(nlp):
    facts = _facts(nlp, "Nexa Mining reported a loss. It employs 4,000 workers.", {"Nexa Mining": (ORG, 3)})
    f, = facts
    assert (f.subject_cluster, f.subject_text) == (3, "Nexa Mining")


def test_facts_weight_in_pounds_is_not_money(nlp):
    f, = _facts(nlp, "The boxer, who weighs 236 pounds, said he was ready.")
    assert (f.measure, f.unit, f.value) == ("weight", "lb", 236)


def test_facts_number_set_off_by_dashes_is_not_about_the_speaker(nlp):
    text = "Jon Marr proposed to ban all pilgrims — 1.6 billion members of the faith — from entering."
    f, = _facts(nlp, text, {"Jon Marr": (PER, 1)})
    assert f.subject_text is None and f.subject_cluster is None
    assert f.population == "members of the faith"


def test_facts_parts_of_one_total_keep_their_populations_and_the_event_as_subject(nlp):
    facts = _facts(nlp, "13 soldiers and 170 civilians were killed in the blast.")
    assert [(f.value, f.population, f.subject_text) for f in facts] == [(13, "soldiers", "blast"), (170, "civilians", "blast")]


@pytest.mark.parametrize("text", ["One in five residents fled the town.", "3 out of 4 voters backed the plan."])
def test_facts_one_in_five_is_a_share_not_a_count(nlp, text):
    facts = _facts(nlp, text)
    assert facts and all(f.relation is SHARE for f in facts)


def test_facts_number_without_counted_noun_keeps_where(nlp):
    facts = _facts(nlp, "A quake killed more than 31,000 in the city of Ravel, and 600 were killed in the town of Osk.")
    assert [(f.value, f.population) for f in facts] == [(31_000, "in the city of Ravel"), (600, "in the town of Osk")]


@pytest.mark.parametrize("text", ["Seventy-four years ago, a battle changed the war.", "He served for 12 years in the navy."])
def test_facts_durations_are_not_facts(nlp, text):
    assert _facts(nlp, text) == []


def test_facts_period_does_not_cross_into_a_coordinated_clause(nlp):
    text = "A quake killed more than 31,000 in the city of Ravel in 2003, and 600 were killed in the town of Osk in February."
    assert [(f.value, f.period) for f in _facts(nlp, text)] == [(31_000, "2003"), (600, None)]


def test_facts_subject_is_the_event_never_the_speaker_of_a_reporting_verb(nlp):
    facts = _facts(nlp, "Harbour master Jonas Reed said 17 people were killed in the blast.", {"Jonas Reed": (PER, 1)})
    assert [(f.value, f.measure, f.subject_text, f.subject_cluster) for f in facts] == [(17, "killed", "blast", None)]


def test_facts_speaker_without_event_leaves_the_subject_empty(nlp):
    facts = _facts(nlp, "Harbour master Jonas Reed said 17 people were killed.", {"Jonas Reed": (PER, 1)})
    assert [(f.value, f.subject_text, f.subject_cluster) for f in facts] == [(17, None, None)]


def test_facts_count_right_after_a_weekday_is_a_count_not_a_date(nlp):
    facts = _facts(nlp, "The ministry said on Friday 38 people were killed in the explosion.")
    assert [(f.value, f.measure, f.population, f.subject_text) for f in facts] == [(38, "killed", "people", "explosion")]


def test_facts_weekday_before_a_month_day_is_still_a_date(nlp):
    assert _facts(nlp, "The ministry said on Friday 12 May that the talks would resume.") == []


def test_facts_toll_from_an_event_is_about_the_event(nlp):
    facts = _facts(nlp, "The death toll from the earthquake rose to 310 on Friday, officials said.")
    assert [(f.value, f.subject_text) for f in facts] == [(310, "earthquake")]


def test_a_datelines_dash_does_not_make_the_lead_count_an_aside(nlp):
    from storyline.nlp.pipeline import analyze_documents

    text = ("PORT ARVEN — At least 37 people were killed in the bombing at the Port Arven fish market on Sunday, "
            "hospital doctors said.")
    facts = next(analyze_documents([Document.from_text(text, published=dt.date(2025, 3, 17))], nlp)).facts
    killed = [f for f in facts if f.measure == "killed"]
    assert [(f.value, f.subject_text) for f in killed] == [(37, "bombing")]


def _stage_facts(nlp, text, names):
    parsed = parsed_with(nlp, text, names)
    find_facts(parsed)
    return parsed.facts


@pytest.mark.parametrize(("text", "names", "cluster"), [
    # gender: "she" is the woman named first, not the man named nearer
    ("Mary Jones met John Smith in Denver. She owns 4,000 shares of the company.", {"Mary Jones": (PER, 1), "John Smith": (PER, 2)}, 1),
    # an earlier sentence's subject wins over a nearer object
    ("Nexa Mining sued Orbit Labs last year. It employs 4,000 workers.", {"Nexa Mining": (ORG, 1), "Orbit Labs": (ORG, 2)}, 1),
    # a name inside a quotation is what was said, not who the pronoun means
    ('Nexa Mining said "Orbit Labs is failing." It employs 4,000 workers.', {"Nexa Mining": (ORG, 1), "Orbit Labs": (ORG, 2)}, 1),
])
def test_facts_stage_resolves_a_pronoun_subject_with_the_speaker_constraints(nlp, text, names, cluster):
    f, = _stage_facts(nlp, text, names)
    assert f.subject_cluster == cluster


@pytest.mark.parametrize("text,value,comparator", [
    ("A magnitude 6.4 earthquake struck near Sorel on Saturday.", 6.4, Comparator.EQ),
    ("The 6.1-magnitude quake hit the coast.", 6.1, Comparator.EQ),
    ("A magnitude-5.8 quake struck the valley.", 5.8, Comparator.EQ),
    ("The seismology centre said the earthquake had a magnitude of 6.2.", 6.2, Comparator.EQ),
    ("The quake measured 6.2 on the Richter scale.", 6.2, Comparator.EQ),
    ("A magnitude 7 earthquake shook the island.", 7, Comparator.APPROX),
])
def test_facts_earthquake_magnitude_is_a_fact_about_the_quake(nlp, text, value, comparator):
    got = [(f.measure, f.value, f.comparator, f.subject_text) for f in _facts(nlp, text) if f.measure == "magnitude"]
    assert len(got) == 1 and got[0][:3] == ("magnitude", value, comparator) and got[0][3] in ("earthquake", "quake"), got


@pytest.mark.parametrize("text", [
    "A magnitude 5.1 aftershock struck the valley on Sunday.",
    "Two earthquakes of magnitude 6.4 and 6.3 struck the province.",
    "The magnitude 6.4 quake was followed by a magnitude 5.9 tremor.",
])
def test_facts_magnitude_of_an_aftershock_or_of_several_quakes_is_no_fact(nlp, text):
    assert [f for f in _facts(nlp, text) if f.measure == "magnitude"] == []


def test_facts_dateline_is_never_the_subject_of_the_count_after_it(nlp):
    text = "SOREL, Marovia (Reuters) — Two strong earthquakes struck Sorel on Saturday, killing at least 22 people."
    killed = [f for f in _facts(nlp, text, {"SOREL": (EntityType.PLACE, 1)}) if f.measure == "killed"]
    assert [(f.value, f.subject_cluster) for f in killed] == [(22, None)]
    assert killed[0].subject_text is None or "SOREL" not in killed[0].subject_text


def test_facts_named_persons_age_is_a_fact_about_the_person(nlp):
    text = "Singer Mara Lind, 33, entered a clinic on Monday. The 33-year-old Mara Lind did not comment."
    facts = [f for f in _facts(nlp, text, {"Mara Lind": (PER, 3)}) if f.measure == "age"]
    assert [(f.value, f.subject_cluster, f.text) for f in facts] == [(33, 3, "Mara Lind, 33"), (33, 3, "33-year-old Mara Lind")]


def test_facts_age_of_no_named_person_is_no_fact(nlp):
    assert [f for f in _facts(nlp, "A 33-year-old actress entered a clinic in Dover, 12 miles away.") if f.measure == "age"] == []


@pytest.mark.parametrize("text,value,measure", [
    ("Twelve people died in the sinking near the harbour.", 12, "killed"),
    ("Forty people were hurt in the crash.", 40, "injured"),
    ("Thirty-two people perished in the sinking.", 32, "killed"),
])
def test_facts_number_words_above_ten_and_hurt_and_perished_are_tolls(nlp, text, value, measure):
    assert [(f.value, f.measure) for f in _facts(nlp, text)] == [(value, measure)]


def test_facts_numbers_after_names_in_a_tally_are_no_ages(nlp):
    text = "Hal Brenner, 20, and Ty Lawe, 15, led the scoring for the Tar Heels."
    assert [f for f in _facts(nlp, text, {"Hal Brenner": (PER, 1), "Ty Lawe": (PER, 2)}) if f.measure == "age"] == []


def test_facts_a_thousands_figure_after_a_name_is_no_age(nlp):
    text = "Without them, Clinton leads Sanders, 1,428 to 1,153."
    assert [f for f in _facts(nlp, text, {"Sanders": (PER, 1), "Clinton": (PER, 2)}) if f.measure == "age"] == []


@pytest.mark.parametrize("text", [
    "The two women and a man were killed during the protests by tens of thousands who marched through the capital.",
    "Three protesters were shot by 12 soldiers on Tuesday.",
])
def test_a_number_after_by_counts_the_doers_not_the_toll(nlp, text):
    tolls = [f for f in _facts(nlp, text) if f.measure in ("killed", "injured") or (f.measure or "").endswith((" killed", " injured"))]
    assert all(f.value < 10 for f in tolls), [(f.text, f.measure) for f in tolls]


def test_facts_a_participle_on_the_number_names_its_measure_in_an_elided_conjunct(nlp):
    text = "Four people were killed and about 25 injured when a bus overturned near the border, officials said."
    got = [(f.value, f.measure, f.text) for f in _facts(nlp, text)]
    assert (4, "killed", "Four people were killed") in got
    assert (25, "injured", "25 injured") in got
    assert not any(value == 25 and measure == "killed" for value, measure, _ in got)


def _days(nlp, text, names):
    return [(f.value, f.subject_cluster, f.population) for f in _facts(nlp, text, names) if f.measure == "weekday"]


def test_facts_weekday_of_a_named_persons_happening_with_the_verb_and_role(nlp):
    names = {"Mara Voss": (PER, 1), "Dario Kessel": (PER, 2)}
    assert _days(nlp, "Mara Voss checked herself into the clinic on Tuesday.", names) == [(2.0, 1, "check (did)")]
    # the person the happening befell is its subject, also through a conjoined verb and a part of the day
    assert _days(nlp, "Dario Kessel was shot and killed on Saturday night.", names) == [(6.0, 2, "kill (befell)")]
    assert _days(nlp, "Police arrested Dario Kessel on Friday.", names) == [(5.0, 2, "arrest (befell)")]


def test_facts_weekday_skips_plans_repeats_speech_and_unnamed_people(nlp):
    names = {"Mara Voss": (PER, 1), "Dario Kessel": (PER, 2)}
    for text in ("Dario Kessel will appear in court on Monday.", "Dario Kessel appears in court every Friday.",
                 "Mara Voss said on Tuesday that she was fine.", "Mara Voss met Dario Kessel on Tuesday.",
                 "A man was arrested on Friday.", "Mara Voss is expected to testify next Monday."):
        assert _days(nlp, text, names) == [], text


def test_facts_weekday_population_names_what_the_doer_did_and_who_did_it(nlp):
    names = {"Norvale Systems": (ORG, 1), "Dario Kessel": (PER, 2), "Ilse Brand": (PER, 3)}
    assert _days(nlp, "Norvale Systems on Wednesday released an emergency patch.", names) == [(3.0, 1, "release patch (did)")]
    assert _days(nlp, "Dario Kessel was hired by Ilse Brand on Monday.", names) == [(1.0, 2, "hire by brand (befell)")]


def test_facts_an_age_written_in_words_before_a_name_is_an_age(nlp):
    names = {"Sharron Diane Crawford Smith": (PER, 1), "Lee Marsh": (PER, 2)}
    got = [(f.value, f.subject_cluster) for f in _facts(nlp, "Sixty-year-old Sharron Diane Crawford Smith was arrested. "
                                                       "The twenty-two-year-old Lee Marsh fled.", names) if f.measure == "age"]
    assert got == [(60.0, 1), (22.0, 2)]


@pytest.mark.parametrize("text", [
    "Two helicopters were evacuating injured from the island to Bandar Abbas, a city of 500,000 people near the coast.",
    "The storm killed 12 people in Tacloban, a city of about 220,000 people.",
])
def test_facts_how_many_live_in_a_place_is_no_toll(nlp, text) -> None:
    assert [f.value for f in _facts(nlp, text) if f.value >= 200_000] == []



def _published_facts(nlp, text, published=dt.date(2025, 3, 17)):
    from storyline.nlp.pipeline import analyze_documents

    return next(analyze_documents([Document.from_text(text, published=published)], nlp)).facts

@pytest.mark.parametrize(("text", "value", "measure", "subject"), [
    ("The blast in Varno left 12 dead and 40 wounded.", 12, "killed", "blast"),
    ("The riots left 26 people dead and 300 injured.", 26, "killed", "riots"),
    ("At least 40 people lost their lives in the earthquake.", 40, "killed", "earthquake"),
    ("The number of dead in the Varno blast has climbed to 30.", 30, "killed", "Varno blast"),
    ("The earthquake claimed 45 lives in Tarsel.", 45, "killed", "earthquake"),
])
def test_facts_a_toll_told_by_its_victims_state_counts_the_killed(nlp, text, value, measure, subject):
    facts = _published_facts(nlp, text)
    assert (facts[0].value, facts[0].measure, facts[0].subject_text) == (value, measure, subject)


def test_facts_a_lost_match_or_a_dead_end_is_no_toll(nlp):
    text = "The team lost 12 games this season. Talks hit 3 dead ends."
    facts = _published_facts(nlp, text)
    assert all(f.measure != "killed" for f in facts)


@pytest.mark.parametrize(("text", "period"), [
    ("So far this year, militants have carried out 40 attacks in Kessel.", "2025-01-01/2025-03-17"),
    ("Since the start of the month, militants have carried out 23 attacks in Kessel.", "2025-03-01/2025-03-17"),
    ("Last week, police arrested 57 protesters in Kessel.", "2025-03-10/2025-03-16"),
    ("Last year, militants carried out 140 attacks in Kessel.", "2024"),
])
def test_facts_periods_told_from_the_publication_day_resolve_against_it(nlp, text, period):
    facts = _published_facts(nlp, text)
    assert [f.period for f in facts] == [period]
    undated = _published_facts(nlp, text, None)
    assert [f.period for f in undated] == [None]
