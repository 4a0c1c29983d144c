"""analyze on several worker processes: same results as one process, bounded, and a dead worker loses nothing."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.errors import AnalysisError, UsageError
from storyline.model import Document
from storyline.nlp.pipeline import DEFAULT_ORDER
from storyline.services import analyze as analyze_module
from storyline.services.analyze import analyze
from storyline.services.workers import MIN_DOCUMENTS_PER_WORKER, analyze_in_workers, worker_count
from storyline.store import open_store

from ._worker_faults import die_on_marked_batch

TEXTS = [
    'The spokesman Darius Kemal said "the front has been eliminated" on Monday.',
    "Lena Varga, the interior minister, said at least 37 people were killed in the attack.",
    "According to the ministry, 12 people died in Port Selin in 2024.",
    'The commander Abu Sami told reporters: "We do not bomb our own people."',
    "Kemal later said the front was still active in the hills near Port Selin.",
]


def _documents(n: int) -> list[Document]:
    return [Document.from_text(f"Report {i}. {TEXTS[i % len(TEXTS)]}", source=f"Outlet {i % 3}") for i in range(n)]


def _annotations(store):
    return (sorted((m.document_id, m.start, m.end, m.text) for m in store.iter_mentions()),
            sorted((s.id, s.speaker_text, s.content) for s in store.iter_statements()),
            sorted((f.id, f.value) for f in store.iter_facts()))


def test_worker_count_automatic_choice_needs_enough_documents_per_worker(monkeypatch):
    monkeypatch.setattr("storyline.services.workers.available_cores", lambda: 8)
    assert worker_count(None, MIN_DOCUMENTS_PER_WORKER - 1, 32) == 1
    assert worker_count(0, 3 * MIN_DOCUMENTS_PER_WORKER, 32) == 3
    assert worker_count(0, 100 * MIN_DOCUMENTS_PER_WORKER, 32) == 8


def test_worker_count_takes_an_explicit_number_but_never_more_than_batches():
    assert worker_count(4, 64, 32) == 2
    assert worker_count(2, 10, 32) == 1
    with pytest.raises(ValueError, match="positive"):
        worker_count(-1, 10, 32)


def test_settings_reject_a_workers_value_that_is_not_a_whole_number(monkeypatch):
    monkeypatch.setenv("STORYLINE_WORKERS", "many")
    with pytest.raises(UsageError, match="STORYLINE_WORKERS"):
        Settings()


def test_analyze_in_two_workers_stores_what_one_process_stores(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr(analyze_module, "BATCH", 3)  # several batches from a handful of documents
    docs = _documents(8)
    one = open_store("sqlite:///" + str(tmp_path / "one.db"))
    two = open_store("sqlite:///" + str(tmp_path / "two.db"))
    for store in (one, two):
        for d in docs:
            store.add_document(d)
    r1 = analyze(one, workers=1)
    r2 = analyze(two, workers=2)
    assert r1.analyzed == r2.analyzed == 8
    assert _annotations(two) == _annotations(one)
    assert r2.statements == r1.statements and r2.findings == r1.findings
    assert analyze(two, workers=2).analyzed == 0  # re-running changes nothing


def test_a_dead_worker_fails_the_run_and_keeps_the_batches_written_before(tmp_path, monkeypatch, nlp):
    store = open_store("sqlite:///" + str(tmp_path / "w.db"))
    docs = _documents(4) + [Document.from_text("KILL-WORKER: this batch takes its worker down.")]
    for d in docs:
        store.add_document(d)
    by_id = {d.id: d for d in docs}
    batches = [[d.id] for d in docs]  # the marked document comes last, in a batch of its own
    saved = []
    with pytest.raises(AnalysisError, match="worker process died"):
        for results in analyze_in_workers(batches, lambda ids: [by_id[i] for i in ids], workers=2,
                                          spacy_model=Settings().spacy_model, stage_names=DEFAULT_ORDER,
                                          work=die_on_marked_batch):
            store.save_analyses(results)
            saved.extend(a.document_id for a in results)
    assert "KILL-WORKER" not in " ".join(by_id[i].text for i in saved)
    assert set(saved) <= {d.id for d in docs[:4]}
    # what was written stays, and a normal run takes up the rest without duplicating anything
    before = len(list(store.iter_mentions()))
    report = analyze(store, workers=1)
    assert report.analyzed == len(docs) - len(saved)
    assert len(list(store.iter_mentions())) >= before


def test_cli_analyze_takes_workers_and_a_bad_value_is_a_usage_error(tmp_path, monkeypatch, nlp):
    from typer.testing import CliRunner

    from storyline.cli import app

    monkeypatch.setattr(analyze_module, "BATCH", 2)
    db = str(tmp_path / "cli.db")
    store = open_store("sqlite:///" + db)
    for d in _documents(4):
        store.add_document(d)
    bad = CliRunner().invoke(app, ["analyze", "--db", db, "--workers", "-1"])
    assert bad.exit_code == 2
    ok = CliRunner().invoke(app, ["analyze", "--db", db, "--workers", "2"])
    assert ok.exit_code == 0, ok.output
    assert "analysed 4 documents" in ok.output
