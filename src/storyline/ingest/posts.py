"""Generic JSON Lines of posts: one post per line, from any platform or scraper.

    {"id": "17", "author": "Veloria MoI Spokesperson", "handle": "@VeloriaMoI_Spox",
     "posted_at": "2025-03-05T10:12:00Z", "text": "...", "reply_to": "16"}

Required: ``posted_at`` (ISO date-time; UTC when it has no offset) and
``author`` or ``handle``. Optional: ``id`` (else derived from author, time and
text), ``reply_to``, ``forwarded_from``, ``edited_at``, ``deleted`` (true marks
the post deleted), ``language``, ``url``, ``platform`` (default "posts") and
``channel`` (default the handle or author): lines of one platform and channel
make one channel. Unknown fields are ignored. A line without text is skipped
and counted (a deletion marker when ``deleted`` is true); a bad line becomes an
InputError naming ``FILE:LINE`` and the other lines are read.

A line is told apart from a CONTRACT.md document line by ``posted_at`` with
``author``/``handle`` and no ``title``, ``source`` or ``published``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import make_id
from .base import IngestOptions, RawInput, ReadResult
from .decode import decode_bytes
from .jsonl import first_json_object, iter_json_lines
from .registry import register
from .threads import Channel, Post, channel_documents, clean_post_text

__all__ = ["PostsReader", "looks_like_posts"]

_DOCUMENT_KEYS = ("title", "source", "published", "html")
_LANGUAGES = {"en": "en", "ps": "ps", "fa": "fa", "prs": "fa", "ur": "ur", "ar": "ar"}


def looks_like_posts(data: bytes) -> bool:
    """The first non-blank line is a post object (``posted_at`` and ``author``/``handle``, no document fields)."""
    first = first_json_object(data)
    return (
        first is not None
        and "posted_at" in first
        and ("author" in first or "handle" in first)
        and not any(k in first for k in _DOCUMENT_KEYS)
    )


def _time(value: Any, field: str) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, dt.timezone.utc)
    if not isinstance(value, str):
        raise ValueError(f"field {field!r} must be an ISO date-time string")
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"cannot read date-time {value!r} in {field!r} (use ISO 8601, e.g. 2025-03-05T10:12:00Z)") from None
    return parsed.astimezone(dt.timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"field {key!r} must be a string")


def _post(record: object) -> tuple[tuple[str, str], Post | None, dt.datetime]:
    """(platform, channel), the post (None for a line without text), and its time; ValueError when invalid."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    posted = _time(record.get("posted_at"), "posted_at")
    if posted is None:
        raise ValueError("field 'posted_at' is required")
    handle = _str(record, "handle")
    handle = handle.lstrip("@") if handle else None
    author = _str(record, "author") or (f"@{handle}" if handle else None)
    if author is None:
        raise ValueError("one of 'author' or 'handle' is required")
    text_value = record.get("text")
    if text_value is not None and not isinstance(text_value, str):
        raise ValueError("field 'text' must be a string")
    text = clean_post_text(text_value or "")
    platform = (_str(record, "platform") or "posts").lower()
    channel = _str(record, "channel") or (f"@{handle}" if handle else author)
    post_id = _str(record, "id") or make_id("post", platform, channel, author, posted.isoformat(), text)
    language = _str(record, "language")
    post = Post(
        id=post_id,
        author=author,
        posted_at=posted,
        text=text,
        handle=handle,
        author_id=handle or author,
        reply_to=_str(record, "reply_to"),
        forwarded_from=_str(record, "forwarded_from"),
        edited_at=_time(record.get("edited_at"), "edited_at"),
        deleted=record.get("deleted") is True,
        language=_LANGUAGES.get(language.lower()) if language else None,
        url=_str(record, "url"),
    )
    return (platform, channel), post, posted


class PostsReader:
    name = "posts"
    extensions = (".jsonl", ".ndjson")

    def sniff(self, raw: RawInput) -> bool:
        return raw.extension in {"", ".json", ".jsonl", ".ndjson", ".txt"} and looks_like_posts(raw.data)

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        channels: dict[tuple[str, str], list[Post]] = {}
        skipped: dict[tuple[str, str], dict[str, Counter[str]]] = {}
        deleted: dict[tuple[str, str], list[str]] = {}
        for item in iter_json_lines(decode_bytes(raw.data, raw.name, raw.charset), raw.name):
            if isinstance(item, InputError):
                yield item
                continue
            where, record = item
            try:
                key, post, posted = _post(record)
            except ValueError as exc:
                yield InputError(where, str(exc))
                continue
            if post is not None and post.text:
                channels.setdefault(key, []).append(post)
            elif post is not None and post.deleted:
                deleted.setdefault(key, []).append(post.id)
            else:
                skipped.setdefault(key, {}).setdefault(posted.date().isoformat(), Counter())["empty"] += 1
        for key, posts in channels.items():
            platform, channel = key
            label = "Posts" if platform == "posts" else platform.capitalize()
            yield from channel_documents(Channel(platform, channel, channel, label), posts, skipped=skipped.get(key),
                                         deleted_ids=deleted.get(key, ()))


register(PostsReader())
