"""Typed records of model.py: posts as rendered into thread/day documents."""

from __future__ import annotations

import datetime as dt

from storyline.ingest.threads import Channel, PostGroup, THREAD, posts_from_document, render_group
from storyline.model import Document, Post, PostEntry

UTC = dt.timezone.utc
CHANNEL = Channel("telegram", "100", "Front News", "Telegram")


def _thread() -> tuple[list[Post], Document]:
    posts = [
        Post("1", "Aro Bey", dt.datetime(2025, 3, 4, 9, 0, tzinfo=UTC), "The bridge is closed.", handle="aro"),
        Post("2", "Aro Bey", dt.datetime(2025, 3, 4, 9, 5, tzinfo=UTC), "It opens tomorrow.", handle="aro",
             reply_to="1", forwarded_from="Roads Office", edited_at=dt.datetime(2025, 3, 4, 10, 0, tzinfo=UTC)),
    ]
    return posts, render_group(CHANNEL, PostGroup(THREAD, "thread:1", posts))


def test_document_posts_are_typed_entries_pointing_at_each_post_text_and_header() -> None:
    posts, doc = _thread()
    entries = doc.posts
    assert [e.id for e in entries] == ["1", "2"]
    for post, entry in zip(posts, entries):
        assert doc.text[entry.start : entry.end] == post.text
        assert doc.text[entry.header_start : entry.name_end] == "Aro Bey"
    second = entries[1]
    assert second.forwarded_start is not None
    assert doc.text[second.forwarded_start : second.forwarded_start + len("Roads Office")] == "Roads Office"
    assert second.reply_to == "1" and second.edited_at == dt.datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def test_post_entries_round_trip_through_document_metadata() -> None:
    posts, doc = _thread()
    for entry, raw in zip(doc.posts, doc.metadata["posts"]):
        assert entry.as_metadata() == raw
        assert PostEntry.from_metadata(raw) == entry
    assert posts_from_document(doc) == posts


def test_post_entry_reads_older_metadata_without_optional_offsets() -> None:
    entry = PostEntry.from_metadata({"id": 7, "author": None, "posted_at": None, "start": 3, "end": 9})
    assert (entry.id, entry.author, entry.header_start, entry.name_end, entry.forwarded_start) == ("7", "", 3, None, None)
    assert entry.post("abcdefghijk") is None  # no time: not a post that can be stored again


def test_documents_without_posts_have_none() -> None:
    assert Document.from_text("Plain article.").posts == ()
    assert Document.from_text("x", metadata={"posts": "not a list"}).posts == ()
