"""Storing what the readers produce: duplicates, near-duplicates, and bad inputs beside good ones."""

from __future__ import annotations

from storyline.ingest.base import IngestOptions
from storyline.services.ingest import ingest_paths
from storyline.store import open_store

STORY = (
    "The interior ministry said on Monday that security forces had arrested 41 suspects in the northern "
    "province after a week of raids. Officials said the suspects were planning attacks on checkpoints and "
    "markets, and that weapons and explosives had been seized in three villages. Local elders disputed the "
    "account and said several of the men were farmers with no links to any armed group."
)


def test_ingest_links_near_duplicates_and_skips_exact_ones(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY + " This story was updated at 10:00.")  # a repost with a small edit
    (tmp_path / "c.txt").write_text(STORY)  # the same text again
    store = open_store("sqlite:///" + str(tmp_path / "s.db"))
    report = ingest_paths(store, [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")], IngestOptions())
    assert len(report.stored) == 1 and len(report.near_duplicates) == 1 and len(report.duplicates) == 1
    near = report.near_duplicates[0]
    assert near.near_duplicate_of == report.stored[0].document_id and near.score >= 0.8
    assert store.count("documents") == 2


def test_ingest_bad_inputs_fail_alone_and_rerun_changes_nothing(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.md").write_text("")
    store = open_store("sqlite:///" + str(tmp_path / "s.db"))
    paths = [str(tmp_path / n) for n in ("junk.txt", "good.txt", "empty.md", "missing.html")]
    errors: list[str] = []
    report = ingest_paths(store, paths, IngestOptions(), on_error=lambda e: errors.append(str(e)))
    assert len(report.stored) == 1 and report.failed
    assert {e.split(":")[0] for e in errors} == {str(tmp_path / n) for n in ("junk.txt", "empty.md", "missing.html")}
    assert all("\n" not in e for e in errors)
    again = ingest_paths(store, paths, IngestOptions())
    assert not again.stored and len(again.duplicates) == 1 and store.count("documents") == 1
