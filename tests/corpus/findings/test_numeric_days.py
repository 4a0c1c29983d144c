"""Days of one happening (the weekday two reports give it) through the real pipeline: positives and near misses."""

from __future__ import annotations

import datetime as dt

from .test_numeric import _pipeline_numeric


def _numeric(nlp, texts: list[str], published: list[dt.date | None] | None = None) -> list:
    return _pipeline_numeric(nlp, texts, published or [dt.date(2024, 3, 8 + i) for i in range(len(texts))])


def test_numeric_days_two_weekdays_of_one_check_in_are_one_finding_with_both_days(nlp) -> None:
    found = _numeric(nlp, [
        "Actress Mara Voss checked herself into the Harbor Light clinic on Tuesday, her publicist said.",
        "Mara Voss checked into the Harbor Light clinic on Friday for an unspecified problem, a friend said.",
        "The singer Mara Voss checked into a clinic in Malibu on Tuesday, according to her representative.",
    ])
    assert len(found) == 1
    assert {s.label for s in found[0].sides} == {"Tuesday", "Friday"}
    assert len(found[0].items) == 3


def test_numeric_days_the_same_weekday_in_every_report_is_no_finding(nlp) -> None:
    assert _numeric(nlp, [
        "Police arrested Dario Kessel on Saturday outside his home in Varno.",
        "Dario Kessel was arrested on Saturday night, the police said.",
    ]) == []


def test_numeric_days_two_different_happenings_of_one_person_are_no_finding(nlp) -> None:
    # arrested one day and charged another: two verbs, two happenings
    assert _numeric(nlp, [
        "Dario Kessel was arrested on Friday in Varno.",
        "Dario Kessel was charged on Monday with two counts of fraud.",
    ]) == []


def test_numeric_days_games_talks_and_plans_are_not_dated_happenings(nlp) -> None:
    # a rematch, a second meeting and a hearing to come repeat or have not happened: their weekdays do not clash
    assert _numeric(nlp, [
        "The Varno Lions beat the Kessel Hawks on Tuesday. Mayor Ilse Brand met Tomas Ruud on Monday. "
        "Dario Kessel will appear in court on Thursday.",
        "The Varno Lions beat the Kessel Hawks on Friday. Mayor Ilse Brand met Tomas Ruud on Wednesday. "
        "Dario Kessel will appear in court next Monday.",
    ]) == []


def test_numeric_days_reports_weeks_apart_or_undated_are_not_compared(nlp) -> None:
    texts = ["Dario Kessel was arrested on Friday in Varno.", "Dario Kessel was arrested on Sunday in Varno."]
    assert _numeric(nlp, texts, [dt.date(2024, 3, 8), dt.date(2024, 5, 20)]) == []
    assert _numeric(nlp, texts, [None, None]) == []
    assert len(_numeric(nlp, texts, [dt.date(2024, 3, 9), dt.date(2024, 3, 11)])) == 1


def test_numeric_days_two_doers_or_two_things_done_are_two_happenings(nlp) -> None:
    # a company releases a patch one day and a fix another; a clinic admits a patient that a hospital admitted too
    assert _numeric(nlp, [
        "Norvale Systems on Wednesday released an emergency patch for its browser.",
        "Norvale Systems released a software fix for its mail client on Tuesday.",
    ]) == []


def test_numeric_days_praise_and_criticism_are_statements_not_happenings(nlp) -> None:
    assert _numeric(nlp, [
        "Mara Voss was criticized on Monday for her remarks.",
        "Mara Voss was criticized on Thursday by the opposition.",
    ]) == []
