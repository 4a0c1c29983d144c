"""An incremental findings update of one event's reports, arriving a few at a time, leaves what a full build of all
of them leaves: the figures of one event are one dispute however the pairs were scored (remembered or new)."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Document
from storyline.services.analyze import analyze
from storyline.services.ingest import store_document
from storyline.store import open_store

from ..corpus.findings.recall_articles import ONE_EVENT_FOUR_TOLLS
from ._findings_corpus import findings_state


def test_reports_of_one_event_added_in_batches_leave_what_a_full_build_leaves(tmp_path: Path) -> None:
    docs = [Document.from_text(text, source=f"Outlet {i}", published=day) for i, (day, text) in enumerate(ONE_EVENT_FOUR_TOLLS)]
    inc = open_store(f"sqlite:///{tmp_path / 'inc.db'}")
    modes = []
    for lo, hi in ((0, 2), (2, 3), (3, 4)):
        for d in docs[lo:hi]:
            store_document(inc, d)
        modes.append(analyze(inc).corpus_mode)
    full = open_store(f"sqlite:///{tmp_path / 'full.db'}")
    for d in docs:
        store_document(full, d)
    analyze(full)
    assert modes[1:] == ["incremental", "incremental"]
    got, expected = findings_state(inc), findings_state(full)
    assert len(expected[0]) == 1 and len(expected[0][0][4]) == 4, "the four reports should make one dispute of four items"
    for name, a, b in zip(("findings", "candidates", "pairs", "buckets"), got, expected):
        assert a == b, name
