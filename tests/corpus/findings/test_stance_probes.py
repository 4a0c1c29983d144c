"""One politician's earlier and later stance, told with dates, through the real pipeline: the finding names the person
and the issue, its earlier side is dated before its later one, and each side points at statements of the article."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.corpus.findings import detect_findings
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
from storyline.model import Document, Finding, FindingKind, Statement
from storyline.nlp.pipeline import analyze_documents

from .stance_probes import FOURTH, FOURTH_NEAR_MISSES, FRESH, NEAR_MISSES, PROBES, DATED_IN_FINDINGS, SECOND, SECOND_NEAR_MISSES, Probe


def _analyse(nlp, probe: Probe) -> tuple[list[Finding], dict[str, Statement]]:
    doc = Document.from_text(probe.text, source=probe.name, published=probe.published)
    analysis = next(iter(analyze_documents([doc], nlp)))
    mentions = list(analysis.mentions)
    res = resolve_entities(clusters_from_mentions(mentions), ())
    found = detect_findings(list(analysis.statements), list(analysis.facts), {doc.id: mentions},
                            dict(res.key_to_entity), list(res.entities), {doc.id: doc})
    return found, {s.id: s for s in analysis.statements}


def _stance_findings(found: list[Finding], person: str) -> list[Finding]:
    return [f for f in found if f.kind is FindingKind.SELF_CONTRADICTION and "stance" in f.explanation and person in f.explanation]


def _when(st: Statement, undated: dt.date) -> dt.date:
    return st.said_on or undated  # an undated "once supported" is before the article's day


@pytest.mark.parametrize("probe", PROBES + FRESH + SECOND + FOURTH, ids=lambda p: p.name)
def test_a_stance_told_earlier_and_later_gives_one_self_contradiction_in_that_order(nlp, probe: Probe) -> None:
    found, statements = _analyse(nlp, probe)
    own = _stance_findings(found, probe.person)
    assert len(own) == 1, [f.explanation for f in found]
    finding = own[0]
    early = [s for s in finding.sides if s.label.startswith("earlier")]
    late = [s for s in finding.sides if s.label.startswith("later")]
    assert early and late
    assert all(probe.earlier in s.label for s in early) and all(probe.later in s.label for s in late)
    assert any(f" {h}" in s.label.lower() for s in finding.sides for h in probe.issue)
    words = finding.explanation.lower().split()
    assert not any(a == b and a.isalpha() for a, b in zip(words, words[1:])), finding.explanation  # "voted on on"
    # both sides point at statements of the article, the earlier one said no later than the later one
    early_items = [statements[i.id] for s in early for i in s.items]
    late_items = [statements[i.id] for s in late for i in s.items]
    assert early_items and late_items
    assert all(probe.text[st.start : st.end].strip() for st in early_items + late_items)
    assert min(_when(st, dt.date.min) for st in early_items) < min(_when(st, dt.date.max) for st in late_items)


@pytest.mark.parametrize("probe", NEAR_MISSES + SECOND_NEAR_MISSES + FOURTH_NEAR_MISSES, ids=lambda p: p.name)
def test_a_stance_that_did_not_change_gives_no_self_contradiction(nlp, probe: Probe) -> None:
    found, _ = _analyse(nlp, probe)
    assert not _stance_findings(found, probe.person), [f.explanation for f in found]


def test_a_quote_closing_a_paragraph_keeps_its_speakers_cue_and_day_not_the_next_paragraphs(nlp) -> None:
    probe = next(p for p in PROBES if p.name == "prisons-senator")
    doc = Document.from_text(probe.text, source=probe.name, published=probe.published)
    analysis = next(iter(analyze_documents([doc], nlp)))
    second = [s for s in analysis.statements if s.content.startswith("Private prisons have no place")]
    assert second and all(s.cue == "say" and s.said_on == probe.published for s in second)


@pytest.mark.parametrize(("probe", "labels", "told"), [
    (DATED_IN_FINDINGS[1], ["earlier (2024-07): opposes Lowe", "later (2024-09-24): supports Governor Tom Lowe's re-election campaign"],
     "refused to endorse Lowe"),
    (DATED_IN_FINDINGS[0], ["earlier (before 2019-03-14): opposes the abortion", "later (2019-03-14): supports the abortion"],
     "described herself as a pro-life Democrat in the past"),
], ids=lambda x: getattr(x, "name", ""))
def test_a_stance_dated_by_the_findings_step_is_the_earlier_side_of_the_one_now(nlp, probe: Probe, labels: list[str], told: str) -> None:
    # "who refused to endorse Lowe ... in July" against "is endorsing Lowe's re-election campaign"; "has described herself
    # as a pro-life Democrat in the past" against "embrace of the pro-choice position"
    found, _ = _analyse(nlp, probe)
    (finding,) = _stance_findings(found, probe.person)
    assert sorted(s.label for s in finding.sides) == labels
    assert told in finding.explanation
