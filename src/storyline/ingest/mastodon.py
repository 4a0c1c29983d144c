"""Mastodon/ActivityPub outboxes (``outbox.json`` of an account archive, ``actor.json`` beside it).

The outbox is an ``OrderedCollection`` whose ``orderedItems`` are activities:

* ``Create`` of a ``Note`` (or ``Article``/``Question``): a post; its HTML
  ``content`` becomes plain text, ``inReplyTo`` an own status id makes a
  thread, ``updated`` marks an edit;
* ``Announce`` (a boost): only the boosted status URL is in the archive, so
  it is skipped and counted (``boost_without_text``); a boost carrying the
  whole object is a forward of its ``attributedTo``;
* ``Delete``: a deletion marker for the status it names (``deleted_posts``).

The account's name and handle come from ``actor.json`` (else from the actor
URL: ``https://host/users/alice`` → ``@alice@host``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import InputError
from .base import IngestOptions, RawInput, ReadResult
from .decode import decode_bytes
from .htmltext import html_fragment_text
from .jsonstream import JsonScanner, JsonSyntaxError
from .registry import register
from .threads import Channel, Post, channel_documents, clean_post_text

__all__ = ["MastodonReader"]

log = logging.getLogger(__name__)

_POST_TYPES = {"Note", "Article", "Question", "Page"}


def _time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(dt.timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _id(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return str(value) if value else None


def _short(object_id: str, actor: str | None) -> str:
    """An own status's URL shortened to its last path part; other URLs kept whole."""
    if actor and object_id.startswith(actor.rstrip("/") + "/"):
        return object_id.rstrip("/").rsplit("/", 1)[-1]
    return object_id


def _handle_of(actor: str | None, actor_doc: dict[str, Any]) -> str | None:
    host = urlparse(str(actor_doc.get("id") or actor or "")).hostname
    user = actor_doc.get("preferredUsername")
    if not user and actor:
        user = urlparse(actor).path.rstrip("/").rsplit("/", 1)[-1].lstrip("@")
    if not user:
        return None
    return f"{user}@{host}" if host else str(user)


def _read_actor(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        if path.exists():
            log.warning("%s: cannot read the actor (%s)", path, exc)
        return {}
    return value if isinstance(value, dict) else {}


class MastodonReader:
    name = "mastodon"

    def sniff(self, raw: RawInput) -> bool:
        if raw.extension not in ("", ".json", ".jsonld", ".activity"):
            return False
        head = raw.data[:4096]
        if b'"preferredUsername"' in head and (b"activitystreams" in head or b'"inbox"' in head or b'"Person"' in head):
            return True  # the archive's actor.json: read beside the outbox, no documents of its own
        return b'"orderedItems"' in head or (b"OrderedCollection" in head and b"activitystreams" in head)

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        text = decode_bytes(raw.data, raw.name, raw.charset)
        if b'"orderedItems"' not in raw.data[:65536] and b'"preferredUsername"' in raw.data[:4096]:
            log.debug("%s: an actor profile, read with its outbox", raw.name)
            return
        actor_doc = _read_actor(Path(raw.name).parent / "actor.json") if raw.name != "-" else {}
        activities: list[dict[str, Any]] = []
        error: JsonSyntaxError | None = None
        info: dict[str, Any] = {}
        items = 0
        sc = JsonScanner(text)
        try:
            for key in sc.keys():
                if key == "orderedItems" and sc.peek() == "[":
                    for _ in sc.items():
                        item = sc.value()
                        items += 1
                        if isinstance(item, dict):
                            activities.append(item)
                else:
                    value = sc.value()
                    if key in ("id", "type", "actor"):
                        info[key] = value
            sc.end()
        except JsonSyntaxError as exc:
            error = exc
        actor = str(actor_doc.get("id") or _first_actor(activities) or "") or None
        handle = _handle_of(actor, actor_doc)
        display = str(actor_doc.get("name") or (f"@{handle}" if handle else "unknown account"))
        posts, skipped, deleted = _posts(activities, actor, display, handle)
        channel = Channel("mastodon", actor or handle or raw.name, f"@{handle}" if handle else display, "Mastodon")
        if posts:
            yield from channel_documents(channel, posts, skipped=skipped, deleted_ids=deleted)
        elif deleted:
            log.warning("%s: %d deletion markers but no posts to carry them; ingest them with the posts", raw.name, len(deleted))
        if error is not None:
            yield InputError(raw.name, f"truncated or invalid JSON ({error}); {len(activities)} activities before it were read")
        elif not activities and not items:
            raise InputError(raw.name, "outbox holds no activities")
        elif not activities:
            log.debug("%s: a collection of links (likes, bookmarks ...), no posts", raw.name)


def _first_actor(activities: list[dict[str, Any]]) -> str | None:
    for a in activities:
        if isinstance(a.get("actor"), str):
            return a["actor"]
    return None


def _posts(activities: list[dict[str, Any]], actor: str | None, display: str, handle: str | None) -> tuple[list[Post], dict[str, Counter[str]], list[str]]:
    skipped: dict[str, Counter[str]] = {}
    posts: dict[str, Post] = {}
    deleted: list[str] = []

    def skip(when: dt.datetime | None, why: str) -> None:
        skipped.setdefault(when.date().isoformat() if when else "unknown", Counter())[why] += 1

    for activity in activities:
        kind = activity.get("type")
        obj = activity.get("object")
        when = _time(activity.get("published"))
        if kind == "Delete":
            oid = _id(obj)
            if oid:
                deleted.append(_short(oid, actor))
            continue
        if kind not in ("Create", "Announce"):
            skip(when, "other_activity")
            continue
        if not isinstance(obj, dict):
            skip(when, "boost_without_text" if kind == "Announce" else "no_object")
            continue
        if obj.get("type") not in _POST_TYPES:
            skip(when, "other_object")
            continue
        posted = _time(obj.get("published")) or when
        oid = _id(obj)
        if posted is None or oid is None:
            skip(when, "no_date_or_id")
            continue
        content = obj.get("content")
        if not isinstance(content, str):
            content_map = obj.get("contentMap")
            content = next(iter(content_map.values()), "") if isinstance(content_map, dict) and content_map else ""
        text = clean_post_text(html_fragment_text(content)) if content else ""
        if not text:
            skip(posted, "media_only" if obj.get("attachment") else "empty")
            continue
        reply = _id(obj.get("inReplyTo"))
        forwarded = None
        if kind == "Announce":
            forwarded = str(obj.get("attributedTo") or "unknown")
        language = None
        if isinstance(obj.get("contentMap"), dict) and len(obj["contentMap"]) == 1:
            language = str(next(iter(obj["contentMap"]))).split("-")[0].lower() or None
            language = "fa" if language == "prs" else language
        updated = _time(obj.get("updated"))
        post = Post(
            id=_short(oid, actor) if kind == "Create" else oid,
            author=display,
            posted_at=posted,
            text=text,
            handle=handle,
            author_id=actor or handle,
            reply_to=_short(reply, actor) if reply else None,
            forwarded_from=forwarded,
            edited_at=updated if updated and updated > posted else None,
            language=language if language in ("en", "ps", "fa", "ur", "ar") else None,
            url=str(obj.get("url") or oid),
        )
        posts[post.id] = post
    return list(posts.values()), skipped, deleted


register(MastodonReader())
