from __future__ import annotations

from .social import FIXTURES, assert_offsets, read


def test_mastodon_outbox_thread_and_day_documents():
    docs, errors = read(FIXTURES / "mastodon")
    assert not errors
    groups = {d.metadata["group"]["key"]: d for d in docs}
    assert set(groups) == {"thread:201", "day:2025-03-06"}
    thread = groups["thread:201"]
    assert thread.source == "Mastodon: @kessa_gov@social.veloria.example"
    assert [p["id"] for p in thread.metadata["posts"]] == ["201", "202"]
    assert "Buses run on the winter timetable.\nDetails at the office." in thread.text
    assert thread.metadata["skipped_posts"] == {"media_only": 1, "boost_without_text": 1}
    for doc in docs:
        assert_offsets(doc)


def test_mastodon_updated_note_is_marked_edited():
    docs, _ = read(FIXTURES / "mastodon" / "outbox.json")
    day = next(d for d in docs if d.metadata["group"]["key"] == "day:2025-03-06")
    assert day.metadata["posts"][0]["edited_at"] == "2025-03-06T09:30:00+00:00"


def test_mastodon_delete_activity_becomes_a_deletion_marker():
    docs, errors = read(FIXTURES / "mastodon_later" / "outbox.json")
    assert not errors
    assert docs[0].metadata["deleted_posts"] == ["205"]
