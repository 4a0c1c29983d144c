from __future__ import annotations

import json

from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.detect import choose_reader
from storyline.ingest.telegram import message_text

from .social import FIXTURES, assert_offsets, read


def _by_kind(docs):
    return {d.metadata["group"]["key"]: d for d in docs}


def test_telegram_self_replies_become_one_thread_in_order():
    docs, errors = read(FIXTURES / "telegram" / "result.json")
    assert not errors
    thread = _by_kind(docs)["thread:10"]
    assert [p["id"] for p in thread.metadata["posts"]] == ["10", "11", "12"]
    assert thread.text.index("1/ The road") < thread.text.index("2/ Convoys") < thread.text.index("3/ We reject")
    assert thread.source == "Telegram: Veloria MoI" and thread.format == "telegram"
    assert thread.published.isoformat() == "2025-03-05"


def test_telegram_standalone_posts_grouped_per_day():
    docs, _ = read(FIXTURES / "telegram" / "result.json")
    groups = _by_kind(docs)
    assert set(groups) == {"day:2025-03-04", "thread:10", "day:2025-03-05"}
    assert [p["id"] for p in groups["day:2025-03-04"].metadata["posts"]] == ["2", "4"]
    assert [p["id"] for p in groups["day:2025-03-05"].metadata["posts"]] == ["13", "14", "15"]


def test_telegram_post_offsets_index_the_post_text():
    docs, _ = read(FIXTURES / "telegram" / "result.json")
    for doc in docs:
        assert_offsets(doc)
    thread = _by_kind(docs)["thread:10"]
    third = thread.metadata["posts"][2]
    assert thread.text[third["start"] : third["end"]] == "3/ We reject the claim by Sarvan Front that the pass is mined."
    first = thread.metadata["posts"][0]
    assert thread.text[first["header_start"] : first["start"] - 1] == "Veloria MoI Spokesperson · 2025-03-05 09:00 UTC"


def test_telegram_media_only_and_service_messages_are_counted_not_errors():
    docs, errors = read(FIXTURES / "telegram" / "result.json")
    assert not errors
    groups = _by_kind(docs)
    assert groups["day:2025-03-04"].metadata["skipped_posts"] == {"service": 1, "media_only": 1}
    assert groups["day:2025-03-05"].metadata["skipped_posts"] == {"media_only": 1}


def test_telegram_forwards_and_edits_are_recorded():
    docs, _ = read(FIXTURES / "telegram" / "result.json")
    groups = _by_kind(docs)
    fwd = groups["day:2025-03-05"].metadata["posts"][0]
    assert fwd["forwarded_from"] == "Sarvan Daily News"
    doc = groups["day:2025-03-05"]
    assert doc.text[fwd["forwarded_start"] : fwd["forwarded_start"] + len("Sarvan Daily News")] == "Sarvan Daily News"
    edited = groups["day:2025-03-04"].metadata["posts"][1]
    assert edited["edited_at"] == "2025-03-04T16:00:00+00:00"
    assert "· edited" in groups["day:2025-03-04"].text


def test_telegram_marks_post_languages_and_mixed_documents():
    docs, _ = read(FIXTURES / "telegram" / "result.json")
    day = _by_kind(docs)["day:2025-03-05"]
    assert [p["language"] for p in day.metadata["posts"]] == ["en", "ps", "ar"]
    assert day.language is None and day.metadata["languages"] == ["ar", "en", "ps"]


def test_telegram_truncated_export_keeps_read_messages_and_names_the_file():
    path = FIXTURES / "telegram_truncated" / "result.json"
    docs, errors = read(path)
    assert len(errors) == 1
    assert errors[0].input_name == str(path) and "truncated or invalid JSON" in errors[0].reason
    assert {d.metadata["group"]["key"] for d in docs} == {"day:2025-03-04", "thread:10"}


def test_telegram_unknown_fields_are_ignored():
    docs, errors = read(FIXTURES / "telegram_newer" / "result.json")
    assert not errors and docs


def test_telegram_sniffed_before_generic_json(tmp_path):
    data = (FIXTURES / "telegram" / "result.json").read_bytes()
    raw = RawInput(name=str(tmp_path / "result.json"), data=data, extension=".json")
    assert choose_reader(raw, IngestOptions()).name == "telegram"


def test_telegram_full_account_export_reads_every_chat(tmp_path):
    chat = json.loads((FIXTURES / "telegram" / "result.json").read_text(encoding="utf-8"))
    other = {"name": "Kessa Elders", "type": "private_group", "id": 42, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1741165200", "from": "Aro Venn", "from_id": "user9", "text": "Meeting at noon."}]}
    full = {"about": "export", "personal_information": {"first_name": "A"}, "chats": {"about": "x", "list": [chat, other]}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(full), encoding="utf-8")
    docs, errors = read(path)
    assert not errors
    assert {d.source for d in docs} == {"Telegram: Veloria MoI", "Telegram: Kessa Elders"}


def test_telegram_message_text_joins_entities():
    assert message_text(["a ", {"type": "link", "text": "b"}, " c"]) == "a b c"
    assert message_text(None) == ""


def test_telegram_message_with_text_and_a_bad_date_is_reported_not_dropped_silently(tmp_path):
    export = {
        "name": "Harbour Channel", "type": "public_channel", "id": 77,
        "messages": [
            {"id": 1, "type": "message", "date": "2025-03-04T10:00:00", "text": "The ferries run again today."},
            {"id": 2, "type": "message", "date": "2025-13-45T99:00:00", "text": "This post has an impossible date."},
            {"id": 3, "type": "message", "date": "not a date", "photo": "p.jpg", "text": ""},
        ],
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    docs, errors = read(path)
    assert len(docs) == 1 and "ferries run again" in docs[0].text
    assert len(errors) == 1 and "1 message(s) with text skipped" in errors[0].reason and "message 2" in errors[0].reason
