"""analyze after new documents updates the corpus results to what one run over everything gives."""

from __future__ import annotations

import io
import json
from pathlib import Path

from storyline.corpus.questions import about_nothing, only_names
from storyline.corpus.storylines import remark_reported
from storyline.export.json_export import write_json
from storyline.ingest.base import IngestOptions
from storyline.model import StatementKind
from storyline.services.analyze import analyze
from storyline.services.ingest import ingest_paths
from storyline.store import Store, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _inputs() -> list[str]:
    files = sorted(p for p in (EXAMPLES / "veloria").iterdir() if not p.name.endswith(".meta.json"))
    return [str(p) for p in files] + [str(EXAMPLES / "sat-shifting-storylines.txt")]


def _export(store: Store) -> dict:
    out = io.StringIO()
    write_json(store, out)
    data = json.loads(out.getvalue())
    data.pop("exported_at", None)
    return data


def test_batches_of_new_documents_give_the_export_of_one_full_run(tmp_path: Path, store_url: str, nlp, monkeypatch) -> None:
    import storyline.services.analyze as service

    incremental = []
    real = service.update_corpus_steps
    monkeypatch.setattr(service, "FULL_REBUILD_SHARE", 100.0)  # never trade the incremental path for a rebuild
    monkeypatch.setattr(service, "update_corpus_steps", lambda *a, **k: incremental.append(1) or real(*a, **k))
    inputs = _inputs()
    stepwise = open_store(store_url)  # SQLite and PostgreSQL
    for batch in (inputs[:2], inputs[2:5], inputs[5:]):
        ingest_paths(stepwise, batch, IngestOptions())
        report = analyze(stepwise)
        assert report.analyzed and not report.corpus_skipped
    assert len(incremental) == 2
    assert stepwise.count("finding_candidates") > 0

    once = open_store("sqlite:///" + str(tmp_path / "once.db"))
    ingest_paths(once, inputs, IngestOptions())
    analyze(once)
    a, b = _export(stepwise), _export(once)
    assert a["findings"] and a["entities"]
    for section in b:
        if section != "storylines":
            assert _without_topics(a[section]) == _without_topics(b[section]), section
    _assert_topics_consistent(a)
    # topics are clustered online, so new statements join earlier topics; a rebuild re-clusters everything
    analyze(stepwise, force_corpus=True)
    assert _export(stepwise) == b


def _without_topics(records):
    if isinstance(records, list):
        return [{k: v for k, v in r.items() if k != "topic"} if isinstance(r, dict) else r for r in records]
    return records


def _assert_topics_consistent(data: dict) -> None:
    statements = {s["id"]: s for s in data["statements"]}
    assert all(s["topic"] for s in statements.values())
    in_storylines = set()
    for line in data["storylines"]:
        members = [statements[i] for i in line["statement_ids"]]
        assert {s["speaker_id"] for s in members} == {line["actor_id"]}
        assert {s["topic"] for s in members} == {line["topic"]}
        in_storylines.update(line["statement_ids"])
    # every remark of a resolved speaker is in a storyline; what reports the speaker's action is in none, and so is a
    # fragment that names nothing ("which") or is only a name ("Mr. Trump")
    named = [(m["document_id"], m["start"], m["end"], m["entity_id"]) for m in data["mentions"]]

    def says_something(s: dict) -> bool:
        inside = [(doc, start, end, entity) for doc, start, end, entity in named
                  if doc == s["document_id"] and s["content_start"] <= start < s["content_end"]]
        spans = [(start - s["content_start"], end - s["content_start"]) for _d, start, end, _e in inside]
        return (not about_nothing(s["content"]) or any(entity != s["speaker_id"] for *_x, entity in inside)) and not only_names(
            s["content"], spans)

    assert in_storylines == {i for i, s in statements.items() if s.get("speaker_id")
                            and remark_reported(StatementKind(s["kind"]), s["cue"], s["content"]) and says_something(s)}
