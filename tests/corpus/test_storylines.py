from __future__ import annotations

import datetime as dt

from storyline.corpus.storylines import UNTOPICED, build_storylines
from storyline.model import Statement, StatementKind


def _st(doc: str, start: int, cluster: int | None, said_on: dt.date | None) -> Statement:
    return Statement(doc, start, start + 5, "x" * 5, start, start + 5, StatementKind.DIRECT, speaker_cluster=cluster, said_on=said_on)


def test_storylines_group_by_actor_and_topic_in_time_order_undated_last() -> None:
    late = _st("d1", 0, 0, dt.date(2025, 5, 1))
    early = _st("d2", 10, 3, dt.date(2025, 1, 1))
    undated = _st("d0", 0, 1, None)
    other_topic = _st("d1", 20, 0, dt.date(2025, 2, 1))
    unresolved = _st("d1", 40, 9, dt.date(2025, 2, 1))
    narrative = _st("d1", 60, None, dt.date(2025, 2, 1))
    k2e = {"d1#0": "E_k", "d2#3": "E_k", "d0#1": "E_k"}
    topics = {late.id: "t", early.id: "t", undated.id: "t"}
    lines = build_storylines([late, undated, early, other_topic, unresolved, narrative], k2e, topics)
    assert [(s.actor_id, s.topic) for s in lines] == [("E_k", UNTOPICED), ("E_k", "t")]
    assert lines[1].statement_ids == (early.id, late.id, undated.id)
    assert lines[0].statement_ids == (other_topic.id,)
