from __future__ import annotations

from storyline.ingest.base import IngestOptions
from storyline.store import open_store
from storyline.store.posts import current_group_document, post_versions, superseded_ids
from storyline.services.ingest import ingest_paths

from tests.ingest.social import FIXTURES

TG = ("telegram", "1700000001")


def _store(tmp_path):
    return open_store("sqlite:///" + str(tmp_path / "s.db"))


def _ingest(store, *paths):
    report = ingest_paths(store, [str(p) for p in paths], IngestOptions())
    return report


def test_posts_reingesting_the_same_export_changes_nothing(tmp_path):
    store = _store(tmp_path)
    first = _ingest(store, FIXTURES / "telegram")
    assert len(first.stored) == 3 and not first.errors
    again = _ingest(store, FIXTURES / "telegram")
    assert not again.stored and len(again.duplicates) == 3
    assert store.count("documents") == 3 and not superseded_ids(store)


def test_posts_newer_export_adds_only_new_posts_and_supersedes_changed_groups(tmp_path):
    store = _store(tmp_path)
    _ingest(store, FIXTURES / "telegram")
    old_thread = current_group_document(store, *TG, "thread:10")
    old_day4 = current_group_document(store, *TG, "day:2025-03-04")
    report = _ingest(store, FIXTURES / "telegram_newer")
    assert not report.errors
    new_thread_id = current_group_document(store, *TG, "thread:10")
    assert new_thread_id != old_thread
    thread = store.get_document(new_thread_id)
    assert [p["id"] for p in thread.metadata["posts"]] == ["10", "11", "12", "17"]
    assert thread.metadata["supersedes"] == old_thread
    # 4 March is absent from the newer export: not deleted, not superseded
    assert current_group_document(store, *TG, "day:2025-03-04") == old_day4
    assert old_day4 not in superseded_ids(store)
    assert old_thread in superseded_ids(store)
    # nothing duplicated: each post id once per version
    assert [v.version for v in post_versions(store, *TG, "10")] == [1]
    assert current_group_document(store, *TG, "day:2025-03-06") is not None


def test_posts_edits_are_kept_as_versions(tmp_path):
    store = _store(tmp_path)
    _ingest(store, FIXTURES / "telegram")
    _ingest(store, FIXTURES / "telegram_newer")
    versions = post_versions(store, *TG, "15")
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].post.text.endswith("بحسب الوزارة.") and versions[1].post.edited_at is not None
    day = store.get_document(current_group_document(store, *TG, "day:2025-03-05"))
    entry = next(p for p in day.metadata["posts"] if p["id"] == "15")
    assert day.text[entry["start"] : entry["end"]] == versions[1].post.text
    # an older export read again does not roll the edit back
    _ingest(store, FIXTURES / "telegram")
    assert len(post_versions(store, *TG, "15")) == 2


def test_posts_deletion_markers_mark_posts_deleted(tmp_path):
    store = _store(tmp_path)
    _ingest(store, FIXTURES / "mastodon")
    channel = ("mastodon", "https://social.veloria.example/users/kessa_gov")
    before = current_group_document(store, *channel, "day:2025-03-06")
    _ingest(store, FIXTURES / "mastodon_later")
    versions = post_versions(store, *channel, "205")
    assert [v.post.deleted for v in versions] == [False, True]
    after = store.get_document(current_group_document(store, *channel, "day:2025-03-06"))
    assert after.id != before and "· deleted" in after.text and after.metadata["posts"][0]["deleted"] is True
    assert before in superseded_ids(store)


def test_posts_jsonl_deleted_field_and_new_day(tmp_path):
    store = _store(tmp_path)
    _ingest(store, FIXTURES / "posts" / "posts.jsonl")
    _ingest(store, FIXTURES / "posts" / "posts_later.jsonl")
    channel = ("telegram", "@SarvanFrontMedia")
    assert [v.post.deleted for v in post_versions(store, *channel, "p2")] == [False, True]
    assert current_group_document(store, *channel, "day:2025-03-07") is not None


def test_posts_self_reply_to_a_stored_standalone_post_starts_a_thread(tmp_path):
    store = _store(tmp_path)
    first = tmp_path / "a.jsonl"
    first.write_text('{"id": "1", "author": "Aro Venn", "handle": "aro", "posted_at": "2025-03-05T10:00:00Z", "text": "One."}\n'
                     '{"id": "2", "author": "Aro Venn", "handle": "aro", "posted_at": "2025-03-05T11:00:00Z", "text": "Two."}\n',
                     encoding="utf-8")
    _ingest(store, first)
    old_day = current_group_document(store, "posts", "@aro", "day:2025-03-05")
    later = tmp_path / "b.jsonl"
    later.write_text('{"id": "3", "author": "Aro Venn", "handle": "aro", "posted_at": "2025-03-06T09:00:00Z", '
                     '"text": "One, continued.", "reply_to": "1"}\n', encoding="utf-8")
    _ingest(store, later)
    thread = store.get_document(current_group_document(store, "posts", "@aro", "thread:1"))
    assert [p["id"] for p in thread.metadata["posts"]] == ["1", "3"]
    day = store.get_document(current_group_document(store, "posts", "@aro", "day:2025-03-05"))
    assert [p["id"] for p in day.metadata["posts"]] == ["2"]
    assert old_day in superseded_ids(store)


def test_posts_analysis_drops_superseded_renderings(tmp_path, nlp):
    from storyline.services.analyze import analyze

    store = _store(tmp_path)
    _ingest(store, FIXTURES / "telegram")
    old_thread = current_group_document(store, *TG, "thread:10")
    analyze(store)
    assert list(store.iter_statements(old_thread))
    _ingest(store, FIXTURES / "telegram_newer")
    analyze(store)
    new_thread = current_group_document(store, *TG, "thread:10")
    assert not list(store.iter_statements(old_thread)), "superseded thread still carries statements"
    assert list(store.iter_statements(new_thread))
    assert old_thread not in store.documents_to_analyze("any-version")
