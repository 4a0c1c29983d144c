"""Recall of real disputes behind the real pipeline: each positive case yields exactly one finding, each near miss none."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.corpus.findings import detect_findings
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
from storyline.model import Document, Finding, FindingKind
from storyline.nlp.pipeline import analyze_documents

from .recall_articles import ONE_EVENT_FOUR_TOLLS, STANCE_NEAR_MISS, STANCE_POSITIVE, TOLL_NEAR_MISS, TOLL_POSITIVE


def _findings(nlp, docs: tuple[tuple[dt.date, str], ...]) -> list[Finding]:
    documents = [Document.from_text(text, source=f"Outlet {i}", published=day) for i, (day, text) in enumerate(docs)]
    analyses = list(analyze_documents(documents, nlp))
    mentions = {a.document_id: list(a.mentions) for a in analyses}
    res = resolve_entities(clusters_from_mentions([m for ms in mentions.values() for m in ms]), ())
    return detect_findings([s for a in analyses for s in a.statements], [f for a in analyses for f in a.facts], mentions,
                           dict(res.key_to_entity), list(res.entities), {d.id: d for d in documents})


@pytest.mark.parametrize("name", sorted(STANCE_POSITIVE))
def test_recall_stance_shift_yields_one_self_contradiction_with_earlier_and_later_sides(nlp, name) -> None:
    found = _findings(nlp, STANCE_POSITIVE[name])
    assert len(found) == 1, [f.explanation for f in found]
    f = found[0]
    assert f.kind is FindingKind.SELF_CONTRADICTION
    labels = sorted(s.label for s in f.sides)
    assert len(labels) == 2 and labels[0].startswith("earlier (") and labels[1].startswith("later ("), labels


@pytest.mark.parametrize("name", sorted(STANCE_NEAR_MISS))
def test_recall_stance_near_miss_yields_no_finding(nlp, name) -> None:
    assert [f.explanation for f in _findings(nlp, STANCE_NEAR_MISS[name])] == []


@pytest.mark.parametrize("name", sorted(TOLL_POSITIVE))
def test_recall_toll_dispute_yields_one_numeric_conflict_with_a_side_per_value(nlp, name) -> None:
    found = _findings(nlp, TOLL_POSITIVE[name])
    assert len(found) == 1, [f.explanation for f in found]
    f = found[0]
    assert f.kind is FindingKind.NUMERIC_CONFLICT
    assert len(f.sides) == 2 and all(s.items for s in f.sides), f.sides


@pytest.mark.parametrize("name", sorted(TOLL_NEAR_MISS))
def test_recall_toll_near_miss_yields_no_finding(nlp, name) -> None:
    assert [f.explanation for f in _findings(nlp, TOLL_NEAR_MISS[name])] == []


def test_recall_one_events_tolls_from_many_reports_are_one_dispute_with_a_side_per_figure(nlp) -> None:
    found = _findings(nlp, ONE_EVENT_FOUR_TOLLS)
    assert len(found) == 1, [f.explanation for f in found]
    assert sorted(s.label for s in found[0].sides) == ["12", "17", "21", "25"]


def test_one_sentence_read_as_two_overlapping_statements_is_no_dispute(nlp) -> None:
    # the agency reports the director's dismissal; the director's own "dismissed concerns that ..." overlaps it
    text = ("Quake shakes Varno coast\n\nA strong earthquake struck the Varno coast on Monday. Lena Ortiz, director of "
            "the seismological centre in Varno, dismissed concerns that the earthquake would cause a tsunami, the state "
            "news agency VNA reported. \"The sea is not deep enough,\" she was quoted as saying.\n")
    assert _findings(nlp, ((dt.date(2024, 5, 2), text),)) == []


def test_recall_narrator_stance_is_explained_as_the_outlets_report_of_the_actor(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["narrator-once-in-one-article-then-own-stance-in-a-later-one"])
    assert f.explanation.startswith("According to Outlet 0 (2024-03-05), Marta Delvane once supported the Harrow Ridge "
                                    "pipeline; on 2024-06-10 (Outlet 1) Marta Delvane said that"), f.explanation
    assert "'who once" not in f.explanation
    assert sorted(s.label for s in f.sides)[0].startswith("earlier (before 2024-03-05)")


def test_recall_narrator_relative_stance_is_explained_earlier_first_with_its_target(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["narrator-turned-against-which-once-supported"])
    first, second = f.explanation.split("; ", 1)
    assert first.startswith("According to Outlet 0 (2024-04-09), Tom Harlan once supported") and "farm bill" in first, f.explanation
    assert second.startswith("according to Outlet 0 (2024-04-09), Tom Harlan turned against"), f.explanation
    assert second.count("farm bill") == 1, f.explanation  # "Mr. Ames's farm bill" is said once, with or without its stop


def test_recall_narrator_dated_vote_is_explained_as_a_clause(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["dated-vote-then-repeal"])
    assert "Lena Okafor voted for a bill that shielded dam builders from lawsuits in 2015" in f.explanation, f.explanation
    assert "Okafor's 2015" not in f.explanation and "'who" not in f.explanation, f.explanation


def test_recall_stance_cued_act_is_explained_in_its_own_words(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["dated-vote-cued-by-the-verb-then-own-stance"])
    assert f.explanation.startswith("In 2015 (Outlet 0) Ruth Calloway voted for the Harlow dam bill; "), f.explanation


def test_recall_reversal_after_the_position_held_before_is_explained_earlier_first(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["once-backed-then-flip-flopped"])
    first, second = f.explanation.split("; ", 1)
    assert "once backed the Keller pipeline" in first and "flip-flopped on the pipeline" in second, f.explanation
    assert sorted(s.label for s in f.sides) == ["earlier (before 2024-05-14): supports the Keller pipeline",
                                                "later (by 2024-05-14): opposes the pipeline"]


def test_recall_vote_named_inside_another_speakers_remark_is_explained_without_the_remark(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["speaker-cites-a-dated-vote-then-own-stance"])
    assert "Lena Okafor voted for a bill that shielded dam builders from lawsuits in 2015;" in f.explanation, f.explanation


def test_recall_narrators_turn_against_is_explained_as_a_clause(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["reported-stance-then-narrators-turn-against"])
    assert "Ruth Calloway turned against the pact this spring." in f.explanation, f.explanation


def test_recall_earlier_stance_another_speaker_tells_is_credited_to_that_speaker(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["speaker-tells-anothers-earlier-stance-and-shift"])
    assert f.explanation.startswith("According to Ruth Calloway in Outlet 0, Abel Marsh initially supported the Tamsin trade pact in 2019;"), f.explanation
    assert "has shifted his position on the Tamsin trade pact" in f.explanation, f.explanation
    assert sorted(s.label for s in f.sides)[0].startswith("earlier (2019): supports"), f.explanation


def test_recall_reversal_critics_allege_is_credited_to_the_critics(nlp) -> None:
    docs = ((dt.date(2024, 5, 14), "Critics say Governor Abel Marsh flip-flopped on the Keller pipeline. "
                                   "Marsh said on Monday that he opposes the pipeline.\n"),)
    (f,) = _findings(nlp, docs)
    assert f.explanation.startswith("According to Critics in Outlet 0, Abel Marsh flip-flopped on the Keller pipeline;"), f.explanation


def test_recall_fronted_earlier_stance_is_explained_as_what_the_actor_was(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["fronted-once-a-proponent-has-since-embraced-the-other-side"])
    first, second = f.explanation.split("; ", 1)
    assert "Tom Brandt was once a proponent of the harbour levy" in first, f.explanation
    assert "has since joined the campaign against it" in second, f.explanation


def test_recall_undated_earlier_stance_is_before_the_later_one_said_before_the_article_day(nlp) -> None:
    (f,) = _findings(nlp, STANCE_POSITIVE["once-described-as-a-model-then-now-opposes"])
    assert sorted(s.label for s in f.sides) == ["earlier (before 2024-05-13): supports the Keller pipeline",
                                                "later (2024-05-13): opposes the pipeline"], f.explanation
