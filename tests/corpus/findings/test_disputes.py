"""Findings are disputes: one per question, with its sides, an id that survives new documents, sane on bad input."""

from __future__ import annotations

from storyline.corpus.findings import detect_findings
from storyline.model import FindingKind

from .casebuilder import build_corpus, load_cases

ENTITIES = load_cases()["entities"]
GONE = "the [NLF](nlf) has been eliminated as a fighting force"
ACTIVE = "the [NLF](nlf) carries out attacks from new bases in the [Kelvar Valley](kelvar)"


def _doc(doc_id: str, source: str, published: str | None, *statements: tuple[str, str | None, str]) -> dict:
    out = []
    for label, speaker, content in statements:
        st = {"label": label, "content": content}
        if speaker:
            st["speaker"] = speaker
        if published:
            st["said_on"] = published
        out.append(st)
    return {"id": doc_id, "source": source, "published": published, "statements": out}


def _find(docs: list[dict]):
    corpus = build_corpus(docs, ENTITIES)
    return detect_findings(*corpus.args()), corpus


def _labels(corpus, finding) -> set[str]:
    return {corpus.labels[i.id] for i in finding.items}


def test_disputes_three_sources_on_one_question_are_one_finding_with_two_sides() -> None:
    docs = [
        _doc("d1", "Vardan Times", "2025-03-04", ("s1", "kemal", GONE)),
        _doc("d2", "Meridian Post", "2025-03-06", ("s2", "sorov", ACTIVE)),
        _doc("d3", "Coastal Observer", "2025-03-07", ("s3", "akemal", ACTIVE.replace("new bases", "hideouts"))),
    ]
    found, corpus = _find(docs)
    conflicts = [f for f in found if f.kind == FindingKind.SOURCE_CONFLICT]
    assert len(conflicts) == 1
    (f,) = conflicts
    assert _labels(corpus, f) == {"s1", "s2", "s3"}
    sides = {s.label: {corpus.labels[i.id] for i in s.items} for s in f.sides}
    assert sides == {"defeated or gone": {"s1"}, "still active": {"s2", "s3"}}
    assert {i for s in f.sides for i in s.items} == set(f.items)


def test_disputes_a_new_supporting_document_joins_the_finding_and_keeps_its_id() -> None:
    before = [
        _doc("d1", "Vardan Times", "2025-03-04", ("s1", "kemal", GONE)),
        _doc("d2", "Meridian Post", "2025-03-06", ("s2", "sorov", ACTIVE)),
    ]
    (first,), _ = _find(before)
    grown, corpus = _find([*before, _doc("d3", "Coastal Observer", "2025-03-08", ("s3", "msorov", ACTIVE))])
    (after,) = [f for f in grown if f.kind == first.kind]
    assert after.id == first.id
    assert _labels(corpus, after) == {"s1", "s2", "s3"}
    assert len(after.items) == len(first.items) + 1


def test_disputes_self_contradiction_names_both_dates_and_keeps_the_speaker() -> None:
    docs = [
        _doc("d1", "Vardan Times", "2025-03-04", ("s1", "kemal", GONE)),
        _doc("d2", "Meridian Post", "2025-09-09", ("s2", "kemal", ACTIVE)),
    ]
    (f,), _ = _find(docs)
    assert f.kind == FindingKind.SELF_CONTRADICTION
    assert "Darius Kemal" in f.explanation and "2025-03-04" in f.explanation and "2025-09-09" in f.explanation
    assert [s.label for s in f.sides] == ["defeated or gone", "still active"]


def test_disputes_sources_months_apart_are_not_a_source_conflict() -> None:
    docs = [
        _doc("d1", "Vardan Times", "2024-01-04", ("s1", "kemal", GONE)),
        _doc("d2", "Meridian Post", "2025-03-06", ("s2", "sorov", ACTIVE)),
    ]
    found, _ = _find(docs)
    assert found == []


def test_disputes_identical_reposts_give_one_dispute_not_one_per_copy() -> None:
    docs = [_doc("d1", "Vardan Times", "2025-03-04", ("s1", "kemal", GONE))]
    for k in range(2, 6):  # one wire story on four sites
        docs.append(_doc(f"d{k}", f"Site {k}", "2025-03-05", (f"s{k}", "sorov", ACTIVE)))
    found, corpus = _find(docs)
    assert len(found) == 1
    assert _labels(corpus, found[0]) == {"s1", "s2", "s3", "s4", "s5"}  # one dispute that lists every copy


def test_disputes_a_question_with_a_hundred_sources_is_one_finding() -> None:
    docs = [_doc("d0", "Vardan Times", "2025-03-04", ("s0", "kemal", GONE))]
    speakers = ["sorov", "akemal", "msorov"]
    for k in range(1, 101):
        docs.append(_doc(f"d{k}", f"Outlet {k}", "2025-03-05", (f"s{k}", speakers[k % 3], ACTIVE)))
    found, _ = _find(docs)
    conflicts = [f for f in found if f.kind == FindingKind.SOURCE_CONFLICT]
    assert len(conflicts) == 1
    assert len({s.label for s in conflicts[0].sides}) == 2


def test_disputes_one_document_without_dates_gives_sensible_findings() -> None:
    docs = [_doc("d1", "Vardan Times", None, ("s1", "kemal", GONE), ("s2", "sorov", ACTIVE))]
    found, _ = _find(docs)
    (f,) = found
    assert f.kind == FindingKind.SOURCE_CONFLICT and "undated" in f.explanation


def test_disputes_a_corpus_of_one_statement_has_no_findings() -> None:
    assert _find([_doc("d1", "Vardan Times", "2025-03-04", ("s1", "kemal", GONE))])[0] == []
