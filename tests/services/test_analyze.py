"""analyze keeps going when a stage fails on one document, and says which."""

from __future__ import annotations

import dataclasses

from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Document
from storyline.nlp import pipeline
from storyline.services.analyze import analyze
from storyline.store import open_store


def _failing_facts(monkeypatch):
    real = pipeline.STAGES.get("facts")
    assert real is not None

    def run(parsed):
        if "BOOM" in parsed.document.text:
            raise ValueError("synthetic failure")
        real.run(parsed)

    stages = pipeline.STAGES.copy()
    stages.register("facts", dataclasses.replace(real, run=run))
    monkeypatch.setattr(pipeline, "STAGES", stages)


def test_analyze_reports_a_failing_document_and_stores_the_rest(tmp_path, monkeypatch, nlp):
    _failing_facts(monkeypatch)
    store = open_store("sqlite:///" + str(tmp_path / "a.db"))
    good = Document.from_text('The minister Lena Varga said "at least 37 people were killed" in 2024.')
    bad = Document.from_text("BOOM. The spokesman Darius Kemal said the group was defeated.")
    store.add_document(good)
    store.add_document(bad)
    report = analyze(store)
    assert report.analyzed == 2
    assert report.failed == (f"{bad.id}: ValueError: synthetic failure",)
    assert list(store.iter_statements(good.id)) and not list(store.iter_statements(bad.id))


def test_cli_analyze_exits_1_naming_the_failed_document(tmp_path, monkeypatch, nlp):
    _failing_facts(monkeypatch)
    db = str(tmp_path / "c.db")
    store = open_store("sqlite:///" + db)
    bad = Document.from_text("BOOM and nothing else.")
    store.add_document(bad)
    result = CliRunner().invoke(app, ["analyze", "--db", db])
    assert result.exit_code == 1
    assert f"error: document {bad.id}: ValueError: synthetic failure" in result.output


def test_cli_analyze_says_how_the_corpus_was_brought_up_to_date(tmp_path, nlp):
    db = str(tmp_path / "r.db")
    store = open_store("sqlite:///" + db)
    store.add_document(Document.from_text('The spokesman Darius Kemal said "the front has been eliminated".'))
    first = CliRunner().invoke(app, ["analyze", "--db", db])
    assert first.exit_code == 0 and "corpus results rebuilt" in first.output
    again = CliRunner().invoke(app, ["analyze", "--db", db])
    assert "analysed 0 documents" in again.output and "corpus results unchanged" in again.output
    store.add_document(Document.from_text("Kemal later said the front was still active in the hills."))
    store.add_document(Document.from_text("The Coastline Herald said twelve people died."))
    store.add_document(Document.from_text("Police said the market reopened on Monday."))
    more = CliRunner().invoke(app, ["analyze", "--db", db])
    assert "corpus results updated for 3 changed documents" not in more.output  # 3 of 4 changed: a rebuild is cheaper
    store.add_document(Document.from_text("The ministry said nothing new."))
    one = CliRunner().invoke(app, ["analyze", "--db", db])
    assert "corpus results updated for 1 changed document;" in one.output
    forced = CliRunner().invoke(app, ["analyze", "--rebuild", "--db", db])
    assert "analysed 0 documents" in forced.output and "corpus results rebuilt" in forced.output


def test_analyze_keeps_a_german_document_out_of_the_english_models_and_says_so(tmp_path, nlp):
    from storyline.ingest.build import make_document

    store = open_store("sqlite:///" + str(tmp_path / "de.db"))
    german = make_document("de.txt", "Der Sprecher Lukas Brenner sagte, die Patienten und ihre Daten seien sicher.",
                           format="text")
    english = make_document("en.txt", 'The spokesman Darius Kemal said "the front has been eliminated".', format="text")
    store.add_document(german)
    store.add_document(english)
    report = analyze(store)
    assert german.language == "de"
    assert not store.mentions_of(german.id) and store.mentions_of(english.id)
    assert "1 document not in English" in report.summary()
