from __future__ import annotations

from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.detect import choose_reader
from storyline.ingest.posts import looks_like_posts

from .social import FIXTURES, assert_offsets, read


def test_posts_jsonl_builds_threads_and_reports_bad_lines():
    path = FIXTURES / "posts" / "posts.jsonl"
    docs, errors = read(path)
    assert sorted(e.input_name for e in errors) == [f"{path}:5", f"{path}:6"]
    groups = {d.metadata["group"]["key"]: d for d in docs}
    assert [p["id"] for p in groups["thread:p1"].metadata["posts"]] == ["p1", "p2"]
    assert groups["thread:p1"].source == "Telegram: @SarvanFrontMedia"
    assert groups["thread:p1"].metadata["skipped_posts"] == {"empty": 1}
    for doc in docs:
        assert_offsets(doc)


def test_posts_jsonl_times_are_utc_and_single_language_documents_are_marked():
    docs, _ = read(FIXTURES / "posts" / "posts.jsonl")
    urdu = next(d for d in docs if d.metadata["group"]["key"] == "day:2025-03-06")
    assert urdu.language == "ur"
    assert urdu.metadata["posts"][0]["posted_at"] == "2025-03-06T03:30:00+00:00"
    assert "2025-03-06 03:30 UTC" in urdu.text


def test_posts_jsonl_is_not_mistaken_for_contract_documents():
    contract = b'{"title": "T", "text": "x", "source": "S", "published": "2025-01-01", "author": "A"}\n'
    assert not looks_like_posts(contract)
    raw = RawInput(name="a.jsonl", data=contract, extension=".jsonl")
    assert choose_reader(raw, IngestOptions()).name == "jsonl"
    posts = (FIXTURES / "posts" / "posts.jsonl").read_bytes()
    assert choose_reader(RawInput(name="p.jsonl", data=posts, extension=".jsonl"), IngestOptions()).name == "posts"


def test_posts_jsonl_deleted_marker_rides_on_a_document():
    docs, errors = read(FIXTURES / "posts" / "posts_later.jsonl")
    assert not errors
    assert docs[0].metadata["deleted_posts"] == ["p2"]
