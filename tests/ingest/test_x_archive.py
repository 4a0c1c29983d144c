from __future__ import annotations

from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.detect import choose_reader

from .social import FIXTURES, assert_offsets, read


def _groups(docs):
    return {d.metadata["group"]["key"]: d for d in docs}


def test_x_archive_thread_uses_account_js_for_the_name():
    docs, errors = read(FIXTURES / "x" / "data" / "tweets.js")
    assert not errors
    thread = _groups(docs)["thread:1001"]
    assert thread.source == "X: @VeloriaMoI_Spox" and thread.format == "x"
    assert [p["id"] for p in thread.metadata["posts"]] == ["1001", "1002", "1003"]
    assert thread.text.startswith("Veloria MoI Spokesperson (@VeloriaMoI_Spox) · 2025-03-05 09:00 UTC\n")
    assert thread.url == "https://x.com/VeloriaMoI_Spox/status/1001"
    for doc in docs:
        assert_offsets(doc)


def test_x_archive_expands_links_unescapes_and_skips_media_only():
    docs, _ = read(FIXTURES / "x" / "data" / "tweets.js")
    groups = _groups(docs)
    assert "https://moi.veloria.example/sarvan" in groups["thread:1001"].text
    assert "resume on Friday & run daily." in groups["thread:1001"].text
    assert groups["day:2025-03-06"].metadata["skipped_posts"] == {"media_only": 1}


def test_x_archive_retweet_is_a_forward_and_edit_replaces_text():
    docs, _ = read(FIXTURES / "x" / "data" / "tweets.js")
    posts = _groups(docs)["day:2025-03-06"].metadata["posts"]
    assert posts[0]["forwarded_from"] == "@SarvanDaily"
    assert posts[1]["id"] == "1007" and posts[1]["edited_at"] == "2025-03-06T11:20:00+00:00"
    doc = _groups(docs)["day:2025-03-06"]
    assert doc.text[posts[1]["start"] : posts[1]["end"]] == "The checkpoint at Dun Bridge is open again since 11:00."


def test_x_archive_reply_to_someone_else_stays_standalone():
    docs, _ = read(FIXTURES / "x" / "data" / "tweets.js")
    posts = _groups(docs)["day:2025-03-05"].metadata["posts"]
    assert [p["id"] for p in posts] == ["1004"] and posts[0]["reply_to"] == "9999"


def test_x_archive_directory_reads_tweets_and_ignores_other_parts():
    docs, errors = read(FIXTURES / "x")
    assert not errors
    assert {d.format for d in docs} == {"x"} and len(docs) == 3


def test_x_archive_without_account_js_finds_handle_from_self_replies(tmp_path):
    path = tmp_path / "tweets.js"
    path.write_bytes((FIXTURES / "x" / "data" / "tweets.js").read_bytes())
    docs, _ = read(path)
    assert {d.source for d in docs} == {"X: @VeloriaMoI_Spox"}


def test_x_archive_truncated_is_an_error_naming_the_file(tmp_path):
    data = (FIXTURES / "x" / "data" / "tweets.js").read_bytes()
    path = tmp_path / "tweets.js"
    path.write_bytes(data[: len(data) // 2])
    docs, errors = read(path)
    assert len(errors) == 1 and errors[0].input_name == str(path) and "truncated" in errors[0].reason


def test_x_archive_sniffed_by_prefix():
    raw = RawInput(name="tweets.js", data=b'window.YTD.tweets.part0 = []', extension=".js")
    assert choose_reader(raw, IngestOptions()).name == "x"
