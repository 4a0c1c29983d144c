from __future__ import annotations

import datetime as dt

import pytest

from storyline.text.lexicon import default_lexicon
from storyline.corpus.findings.numeric import parse_period, value_interval
from storyline.model import Comparator, Fact


@pytest.mark.parametrize(
    ("period", "lo", "hi"),
    [
        ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2021-08", dt.date(2021, 8, 1), dt.date(2021, 8, 31)),
        ("2021-08-26", dt.date(2021, 8, 26), dt.date(2021, 8, 26)),
        ("2024-Q4", dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
        ("2021/2023", dt.date(2021, 1, 1), dt.date(2023, 12, 31)),
        ("2021-08/", dt.date(2021, 8, 1), dt.date.max),
    ],
)
def test_numeric_parse_period_gives_first_and_last_day(period: str, lo: dt.date, hi: dt.date) -> None:
    assert parse_period(period) == (lo, hi)


@pytest.mark.parametrize("bad", [None, "", "last year", "2021-13", "2023/2021"])
def test_numeric_parse_period_rejects_what_it_cannot_read(bad: str | None) -> None:
    assert parse_period(bad) is None


def _f(value: float, comp: str = "eq", vmax: float | None = None) -> Fact:
    return Fact("d", 0, 1, "x", "attacks", value, Comparator(comp), vmax)


def test_numeric_intervals_respect_comparators_and_approx_tolerance() -> None:
    tol = default_lexicon().approx_tolerance
    assert not value_interval(_f(150, "gt"), tol).disjoint(value_interval(_f(170, "approx"), tol))
    assert value_interval(_f(37), tol).disjoint(value_interval(_f(60), tol))
    assert value_interval(_f(2000, "gt"), tol).disjoint(value_interval(_f(2000), tol))  # "more than 2,000" excludes 2,000
    assert not value_interval(_f(2000, "ge"), tol).disjoint(value_interval(_f(2000), tol))
    assert not value_interval(_f(4000, "eq", 5000), tol).disjoint(value_interval(_f(4500, "approx"), tol))
    assert value_interval(_f(100, "lt"), tol).disjoint(value_interval(_f(120, "approx"), tol))


from storyline.corpus.findings.numeric import build_fact_views, compare_facts  # noqa: E402
from storyline.model import Document, EntityType, FactRelation, Mention  # noqa: E402

_LEX = default_lexicon()
_PUB = dt.date(2025, 8, 27)


def _doc(name: str, text: str = "x" * 400, published: dt.date | None = _PUB) -> Document:
    return Document(id=name, text=text, sha256=name, source=name, published=published)


def _fact(doc: str, value: float, *, comp: str = "eq", population: str | None = None, measure: str = "killed",
          period: str | None = "2021-08-26", relation: FactRelation = FactRelation.COUNT, start: int = 200) -> Fact:
    return Fact(doc, start, start + 10, f"{value:g} {population or ''}", measure, value, Comparator(comp),
                period=period, subject_text="the bombing", population=population, relation=relation)


def _views(facts: list[Fact], places: dict[str, list[tuple[int, str]]] | None = None, published=_PUB):
    docs = {f.document_id: _doc(f.document_id, published=published) for f in facts}
    mentions = {d: [Mention(d, s, s + len(n), n, EntityType.PLACE, i, n) for i, (s, n) in enumerate(ps)]
                for d, ps in (places or {}).items()}
    return build_fact_views(facts, {}, {}, {}, docs, _LEX, mentions)


def _conflict(facts: list[Fact], places=None, published=_PUB) -> bool:
    a, b = _views(facts, places, published)
    return compare_facts(a, b, _LEX) is not None


def test_numeric_two_populations_of_one_attack_are_not_a_conflict() -> None:
    assert not _conflict([_fact("a", 13, population="U.S. service members"), _fact("b", 170, comp="ge", population="Afghan civilians")])
    assert not _conflict([_fact("a", 13, population="soldiers"), _fact("a", 170, population="civilians", start=230)])


def test_numeric_same_population_with_values_that_cannot_both_hold_is_a_conflict() -> None:
    assert _conflict([_fact("a", 13, population="U.S. service members"), _fact("b", 18, population="U.S. service members")])


def test_numeric_people_in_different_places_are_different_populations() -> None:
    assert not _conflict([_fact("a", 230_000, population="people in 14 countries"),
                          _fact("b", 170_000, population="people in the province")])
    assert _conflict([_fact("a", 230_000, population="people in the province"), _fact("b", 170_000, population="people")])


@pytest.mark.parametrize("relation", [FactRelation.CHANGE, FactRelation.RANGE, FactRelation.RATE, FactRelation.SHARE])
def test_numeric_changes_ranges_rates_and_shares_are_not_compared(relation: FactRelation) -> None:
    assert not _conflict([_fact("a", 49, relation=relation, measure="percent"), _fact("a", 42, relation=relation, measure="percent", start=230)])


def test_numeric_documents_about_different_places_are_different_events() -> None:
    facts = [_fact("a", 300, population="people"), _fact("b", 1_200, population="people")]
    assert not _conflict(facts, {"a": [(10, "Hualien")], "b": [(10, "Aceh")]})
    assert _conflict(facts, {"a": [(10, "Aceh")], "b": [(10, "Aceh"), (50, "Sumatra")]})


def test_numeric_facts_whose_sentences_name_different_places_are_not_compared_within_one_document() -> None:
    facts = [_fact("a", 300, population="people", start=100), _fact("a", 1_200, population="people", start=600)]
    places = {"a": [(90, "Hualien"), (590, "Aceh")]}
    assert not _conflict(facts, places)


def test_numeric_comparators_and_rounding_are_tolerated() -> None:
    assert not _conflict([_fact("a", 170, comp="approx", population="civilians"), _fact("b", 150, comp="gt", population="civilians")])
    assert not _conflict([_fact("a", 230_000, population="people"), _fact("b", 233_000, population="people")])
    assert _conflict([_fact("a", 230_000, population="people"), _fact("b", 250_000, population="people")])


def test_numeric_bare_numbers_in_two_named_places_are_two_events() -> None:
    assert not _conflict([_fact("a", 31_000, comp="gt", population="in city of Bam"),
                          _fact("a", 600, population="in the city of Zarand", start=260)])
    assert _conflict([_fact("a", 31_000, comp="gt", population="in the city of Bam"),
                      _fact("b", 600, population="in the city of Bam")])


def _pipeline_numeric(nlp, texts: list[str], published: list[dt.date | None] | None = None) -> list:
    """The numeric conflicts of these texts through the real pipeline, one outlet each (published a day apart unless
    ``published`` says when)."""
    from storyline.corpus.findings import detect_findings
    from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
    from storyline.model import FindingKind
    from storyline.nlp.pipeline import analyze_documents

    dates = published or [dt.date(2025, 5, 2 + i) for i in range(len(texts))]
    docs = [Document.from_text(t, source=f"Outlet {i}", published=d) for i, (t, d) in enumerate(zip(texts, dates, strict=True))]
    analyses = list(analyze_documents(docs, nlp))
    mentions = {a.document_id: list(a.mentions) for a in analyses}
    res = resolve_entities(clusters_from_mentions([m for ms in mentions.values() for m in ms]), ())
    found = detect_findings([], [f for a in analyses for f in a.facts], mentions, dict(res.key_to_entity),
                            list(res.entities), {d.id: d for d in docs})
    return [f for f in found if f.kind is FindingKind.NUMERIC_CONFLICT]


def test_numeric_pipeline_sets_one_population_against_itself_but_not_two(nlp) -> None:
    same = ["The Red Dawn Brigade killed 37 soldiers in Tarsk in 2024, the ministry said.",
            "The Red Dawn Brigade killed 60 soldiers in Tarsk in 2024, according to local officials."]
    assert len(_pipeline_numeric(nlp, same)) == 1
    two = ["The Red Dawn Brigade killed 13 soldiers in Tarsk in 2024, the ministry said.",
           "The Red Dawn Brigade killed at least 170 civilians in Tarsk in 2024, according to local officials."]
    assert _pipeline_numeric(nlp, two) == []


def _toll(doc: str, value: float, *, comp: str = "eq", subject: str = "the explosion", text: str | None = None,
          period: str | None = None) -> Fact:
    return Fact(doc, 200, 210, text or f"{value:g} people", "killed", value, Comparator(comp), period=period,
                subject_text=subject, population="people", relation=FactRelation.COUNT)


_VARNO = {"a": [(100, "Varno")], "b": [(120, "Varno")]}


def test_numeric_event_tolls_of_one_place_within_days_conflict_across_event_words() -> None:
    assert _conflict([_toll("a", 42), _toll("b", 17, subject="the blast")], _VARNO)


def test_numeric_event_tolls_of_two_places_or_two_kinds_of_event_do_not_conflict() -> None:
    assert not _conflict([_toll("a", 42), _toll("b", 17)], {"a": [(100, "Varno")], "b": [(120, "Pellam")]})
    assert not _conflict([_toll("a", 42), _toll("b", 17, subject="the flood")], _VARNO)


def test_numeric_event_tolls_compatible_values_do_not_conflict() -> None:
    assert not _conflict([_toll("a", 40, comp="approx"), _toll("b", 42)], _VARNO)
    assert not _conflict([_toll("a", 17, comp="ge"), _toll("b", 42)], _VARNO)


def test_numeric_undated_event_tolls_need_a_place_in_both_sentences_and_the_same_day() -> None:
    day = "2025-03-16"
    assert _conflict([_toll("a", 42, period=day), _toll("b", 17, period=day)], _VARNO, published=None)
    assert not _conflict([_toll("a", 42), _toll("b", 17, subject="the blast")], _VARNO, published=None)
    # two undated reports of "the explosion" in one town, neither giving its day: maybe two explosions
    assert not _conflict([_toll("a", 42), _toll("b", 17)], _VARNO, published=None)
    assert not _conflict([_toll("a", 42, period=day), _toll("b", 17, period="2024-11-02")], _VARNO, published=None)


def test_numeric_rising_toll_is_an_update_not_a_rival_figure() -> None:
    text_b = "x" * 170 + "The toll rose to 42 people" + "x" * 200
    facts = [_toll("a", 17), Fact("b", 187, 196, "42 people", "killed", 42, Comparator.EQ, subject_text="the explosion",
                                  population="people", relation=FactRelation.COUNT)]
    docs = {"a": _doc("a"), "b": Document(id="b", text=text_b, sha256="b", source="b", published=_PUB)}
    mentions = {d: [Mention(d, s, s + 5, "Varno", EntityType.PLACE, 0, "Varno")] for d, s in (("a", 100), ("b", 120))}
    a, b = build_fact_views(facts, {}, {}, {}, docs, _LEX, mentions)
    assert b.rising and compare_facts(a, b, _LEX) is None


def _running_pair(text_b: str, value_b: float, value_a: float = 1):
    at = text_b.index(f"{value_b:g}")
    facts = [_toll("a", value_a), Fact("b", at, at + len(f"{value_b:g}") + 7, f"{value_b:g} people", "killed", value_b,
                                       Comparator.EQ, subject_text="the explosion", population="people",
                                       relation=FactRelation.COUNT)]
    docs = {"a": _doc("a"), "b": Document(id="b", text=text_b, sha256="b", source="b", published=_PUB)}
    mentions = {d: [Mention(d, s, s + 5, "Varno", EntityType.PLACE, 0, "Varno")] for d, s in (("a", 100), ("b", 120))}
    return build_fact_views(facts, {}, {}, {}, docs, _LEX, mentions)


def test_numeric_a_total_over_several_days_holds_one_days_count_as_a_part() -> None:
    a, b = _running_pair("x" * 170 + " Since the explosion, 50 people have been hurt over four nights of unrest." + "x" * 200, 50)
    assert b.running and compare_facts(a, b, _LEX) is None
    # the same total below the other report's count cannot hold: still a dispute
    a, b = _running_pair("x" * 170 + " Since the explosion, 50 people have been hurt over four nights of unrest." + "x" * 200,
                         50, value_a=90)
    assert compare_facts(a, b, _LEX) is not None
    # a record's reference year is no span: "the deadliest since 2005"
    _, b = _running_pair("x" * 170 + " It killed 50 people, the deadliest blast since 2005." + "x" * 200, 50)
    assert not b.running


@pytest.mark.parametrize(("subject", "kind"), [
    ("suicide bomb attack", "explosion"),  # the specific kind in a compound wins over the general word
    ("the suicide bomber", "explosion"),  # a doer names the event it carries out
    ("gunmen", "attack"),
    ("the attack", "attack"),
    ("the market", None),
])
def test_numeric_event_class_reads_compounds_and_doers(subject: str, kind: str | None) -> None:
    from storyline.corpus.findings.numeric import event_class

    assert event_class(subject) == kind


@pytest.mark.parametrize(("title", "lead"), [
    ("Navy storms the hijacked ship", ("", "")),
    ("Worker opens fire at a plant", ("attack", "shooting")),  # "opened fire" is a shooting, not a blaze
    ("Mayor under fire over the handling of the floods", ("flood", "floods")),  # criticism is no blaze
    ("Blast at a fish market", ("explosion", "blast")),
])
def test_numeric_lead_event_skips_event_words_used_as_verbs(title: str, lead: tuple[str, str]) -> None:
    from types import SimpleNamespace

    from storyline.corpus.findings.numeric import lead_event

    assert (lead_event(SimpleNamespace(title=title, text="Nothing else happened.")) or ("", "")) == lead
