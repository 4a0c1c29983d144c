from __future__ import annotations

import pytest

from storyline.corpus.findings import detect_findings
from storyline.corpus.findings.scorer import load_scorer, register_scorer
from storyline.errors import UsageError

from .casebuilder import build_corpus, load_cases


class _Fixed:
    def __init__(self, p: float | None) -> None:
        self.p = p
        self.calls = 0

    def score(self, a_text: str, b_text: str) -> float | None:
        self.calls += 1
        return self.p


def _case(name: str):
    data = load_cases()
    case = next(c for c in data["cases"] if c["name"] == name)
    return build_corpus(case["documents"], data["entities"])


def test_scorer_default_needs_no_model_and_a_plugged_scorer_moves_scores() -> None:
    corpus = _case("existence reversal by one spokesperson")
    (plain,) = detect_findings(*corpus.args())
    doubtful = _Fixed(0.5)
    (scored,) = detect_findings(*corpus.args(), scorers=[doubtful])
    assert doubtful.calls == 1
    assert scored.score == pytest.approx((plain.score + 0.5) / 2)
    # a model sure the two do not contradict each other takes the pair below the findings threshold
    assert detect_findings(*corpus.args(), scorers=[_Fixed(0.0)]) == []
    (abstain,) = detect_findings(*corpus.args(), scorers=[_Fixed(None)])
    assert abstain.score == plain.score


def test_scorer_model_alone_can_raise_a_candidate_the_rules_missed() -> None:
    corpus = _case("trap: agreeing accounts of where a group hides")
    assert detect_findings(*corpus.args()) == []
    (found,) = detect_findings(*corpus.args(), scorers=[_Fixed(0.95)])
    assert found.kind.value == "source_conflict" and "model" in found.explanation


def test_scorer_registry_loads_by_name_and_reports_unknown_names() -> None:
    @register_scorer("fixed-test")
    def make(arg: str | None) -> _Fixed:
        return _Fixed(float(arg or 0.5))

    assert load_scorer("fixed-test=0.7").score("a", "b") == 0.7
    with pytest.raises(UsageError, match="fixed-test"):
        load_scorer("no-such-scorer")
