"""Telegram Desktop exports (``result.json``): a channel or chat, or a full-account export with ``chats.list``.

Each message has ``id``, ``date`` (local time of the exporting machine) and,
in exports since 2021, ``date_unixtime`` (UTC, preferred), ``from`` /
``from_id``, ``text`` as a string or a list of strings and text entities,
``reply_to_message_id``, ``forwarded_from`` and ``edited``/``edited_unixtime``.
Service messages (channel created, pinned ...) and messages without text
(photo, video, sticker alone) are skipped and counted in the document's
``metadata["skipped_posts"]``; unknown fields are ignored.

Messages are read one at a time (:mod:`.jsonstream`), never as one tree of
dicts. A truncated file gives the documents of the messages before the break
plus an :class:`~storyline.errors.InputError` naming the position.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .base import IngestOptions, RawInput, ReadResult
from .decode import decode_bytes
from .jsonstream import JsonScanner, JsonSyntaxError
from .registry import register
from .threads import Channel, Post, channel_documents, clean_post_text

__all__ = ["TelegramReader", "message_text"]

log = logging.getLogger(__name__)

_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "poll", "location_information", "contact_information",
               "game_title", "invoice_information", "place_name")


def message_text(value: Any) -> str:
    """The plain text of a message's ``text`` field (a string, or a list of strings and entity objects)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for item in value:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                parts.append(item["text"])
        return "".join(parts)
    return ""


def _time(message: dict[str, Any], unix_key: str, local_key: str) -> dt.datetime | None:
    raw = message.get(unix_key)
    if raw is not None:
        try:
            return dt.datetime.fromtimestamp(int(raw), dt.timezone.utc)
        except (TypeError, ValueError, OverflowError):
            pass
    local = message.get(local_key)
    if isinstance(local, str) and local:
        try:
            value = dt.datetime.fromisoformat(local)
        except ValueError:
            return None
        # Older exports have only the exporting machine's local time; it is taken as UTC.
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return None


@dataclass
class _Chat:
    info: dict[str, Any] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    skipped: dict[str, Counter[str]] = field(default_factory=dict)
    messages: int = 0
    undated: list[str] = field(default_factory=list)  # ids (or positions) of messages with text but no usable date

    def skip(self, when: dt.datetime | None, why: str) -> None:
        day = when.date().isoformat() if when else "unknown"
        self.skipped.setdefault(day, Counter())[why] += 1

    def add(self, message: Any) -> None:
        self.messages += 1
        if not isinstance(message, dict):
            self.skip(None, "not_a_message")
            return
        when = _time(message, "date_unixtime", "date")
        if message.get("type", "message") != "message":
            self.skip(when, "service")
            return
        if when is None or message.get("id") is None:
            self.skip(when, "no_date_or_id")
            if message_text(message.get("text")).strip():
                self.undated.append(str(message.get("id", f"#{self.messages}")))
            return
        text = clean_post_text(message_text(message.get("text")))
        if not text:
            self.skip(when, "media_only" if any(k in message for k in _MEDIA_KEYS) else "empty")
            return
        author = message.get("from") or message.get("author") or self.info.get("name") or ""
        reply = message.get("reply_to_message_id")
        forwarded = message.get("forwarded_from")
        self.posts.append(
            Post(
                id=str(message["id"]),
                author=str(author),
                posted_at=when,
                text=text,
                author_id=str(message.get("from_id") or author) or None,
                reply_to=str(reply) if reply is not None else None,
                forwarded_from=str(forwarded) if forwarded else None,
                edited_at=_time(message, "edited_unixtime", "edited"),
            )
        )


def _read_chat(sc: JsonScanner, chat: _Chat, chats: list[_Chat]) -> None:
    """One chat object; a full-account export's ``chats.list`` is walked into ``chats``."""
    for key in sc.keys():
        if key == "messages" and sc.peek() == "[":
            for _ in sc.items():
                chat.add(sc.value())
        elif key == "chats" and sc.peek() == "{":
            for sub in sc.keys():
                if sub == "list" and sc.peek() == "[":
                    for _ in sc.items():
                        inner = _Chat()
                        chats.append(inner)
                        _read_chat(sc, inner, chats)
                else:
                    sc.value()
        else:
            value = sc.value()
            if key in ("name", "type", "id", "username"):
                chat.info[key] = value


def _channel(chat: _Chat, fallback: str) -> Channel:
    name = str(chat.info.get("name") or fallback)
    key = str(chat.info.get("id") or name)
    return Channel("telegram", key, name, "Telegram")


class TelegramReader:
    name = "telegram"
    extensions = (".json",)
    priority = 30

    def sniff(self, raw: RawInput) -> bool:
        if raw.extension not in ("", ".json"):
            return False
        head = raw.data[:4096].lstrip()
        if not head.startswith(b"{"):
            return False
        if b'"messages"' in head or b'"chats"' in head:
            return b'"date"' in head or b'"type"' in head or raw.name.endswith("result.json")
        return False

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        text = decode_bytes(raw.data, raw.name, raw.charset)
        top = _Chat()
        chats = [top]
        error: JsonSyntaxError | None = None
        sc = JsonScanner(text)
        try:
            if sc.peek() != "{":
                raise InputError(raw.name, "not a Telegram export (expected a JSON object)")
            _read_chat(sc, top, chats)
            sc.end()
        except JsonSyntaxError as exc:
            error = exc
        read_any = False
        for chat in chats:
            if chat is top and not chat.messages and len(chats) > 1:
                continue
            read_any = read_any or chat.messages > 0
            if chat.posts:
                yield from channel_documents(_channel(chat, raw.name), chat.posts, skipped=chat.skipped)
            elif chat.messages:
                log.info("%s: chat %r has no messages with text", raw.name, chat.info.get("name"))
        for chat in chats:
            if chat.undated:
                shown = ", ".join(chat.undated[:5]) + (", ..." if len(chat.undated) > 5 else "")
                yield InputError(raw.name, f"{len(chat.undated)} message(s) with text skipped: no readable date or "
                                 f"id (message {shown})")
        if error is not None:
            count = sum(c.messages for c in chats)
            yield InputError(raw.name, f"truncated or invalid JSON ({error}); {count} messages before it were read")
        elif not read_any:
            raise InputError(raw.name, "not a Telegram export (no messages found)")


register(TelegramReader())
