from __future__ import annotations

from storyline.model import Comparator, EntityType
from storyline.nlp.antecedents import MentionIndex
from storyline.nlp.facts import facts_in_part

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
