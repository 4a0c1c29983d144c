"""Evaluation gate over the hand-written fictional cases: pinned precision and recall floors."""

from __future__ import annotations

import pytest

from storyline.corpus.findings import detect_findings

from .casebuilder import build_corpus, load_cases

PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.9

DATA = load_cases()


def _run(case: dict) -> tuple[set[tuple[str, frozenset[str]]], set[tuple[str, frozenset[str]]]]:
    corpus = build_corpus(case["documents"], DATA["entities"], prefix=case["name"][:12] + "/")
    found = detect_findings(*corpus.args())
    got = {(f.kind.value, frozenset(corpus.labels[i.id] for i in f.items)) for f in found}
    want = {(e["kind"], frozenset(e["items"])) for e in case["expected"]}
    return got, want


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_cases_each_case_finds_exactly_the_expected_findings(case: dict) -> None:
    got, want = _run(case)
    assert got == want


def test_cases_precision_and_recall_floors() -> None:
    tp = fp = fn = 0
    for case in DATA["cases"]:
        got, want = _run(case)
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    assert precision >= PRECISION_FLOOR, f"precision {precision:.2f} (tp={tp}, fp={fp})"
    assert recall >= RECALL_FLOOR, f"recall {recall:.2f} (tp={tp}, fn={fn})"
