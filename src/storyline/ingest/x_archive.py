"""X/Twitter archives: ``data/tweets.js`` (``window.YTD.tweets.part0 = [...]``) with ``data/account.js`` beside it.

Each item is ``{"tweet": {...}}`` with ``id_str``, ``full_text`` (HTML
entities escaped), ``created_at`` ("Wed Mar 05 10:12:00 +0000 2025"),
``in_reply_to_status_id_str``, ``in_reply_to_screen_name``, ``entities`` and,
in newer archives, ``edit_info``. What this reader does with them:

* the account (handle, display name, id) comes from ``account.js`` next to
  the file; without it, from a reply to one of the archive's own tweets;
* ``t.co`` links are replaced by their expanded URLs and media links removed;
  a tweet with nothing else is media-only and skipped (counted);
* a retweet ("RT @user: ...") is a forward of ``@user``;
* an edited tweet (``edit_info.edit.initialTweetId``) becomes the newest text
  of the initial tweet, with ``edited_at`` the time of the edit.

Other ``window.YTD.*`` files of an archive (likes, followers ...) hold no posts
and give no documents; so does JavaScript that is not part of an archive.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from .base import IngestOptions, RawInput, ReadResult
from .decode import decode_bytes
from .jsonstream import JsonScanner, JsonSyntaxError
from .registry import register
from .threads import Channel, Post, channel_documents, clean_post_text

__all__ = ["XArchiveReader", "read_account"]

log = logging.getLogger(__name__)

_YTD = re.compile(rb"^\s*window\.YTD\.([A-Za-z_]+)\.part\d+\s*=\s*")
_YTD_TEXT = re.compile(r"^\s*window\.YTD\.([A-Za-z_]+)\.part\d+\s*=\s*")
_TWEET_PARTS = {"tweets", "tweet"}
_RETWEET = re.compile(r"^RT @(\w{1,30}): ?")


def _strip_prefix(text: str, name: str) -> tuple[str, int]:
    m = _YTD_TEXT.match(text)
    if m is None:
        raise InputError(name, "not an X archive file (no 'window.YTD.<name>.partN = ' prefix)")
    return m.group(1), m.end()


def read_account(path: Path) -> dict[str, str]:
    """username, accountDisplayName and accountId from an archive's ``account.js`` ({} when absent or unreadable)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        _kind, pos = _strip_prefix(text, str(path))
        items = json.loads(text[pos:].strip().rstrip(";"))
    except (OSError, UnicodeDecodeError, ValueError, InputError) as exc:
        if path.exists():
            log.warning("%s: cannot read the account (%s)", path, exc)
        return {}
    for item in items if isinstance(items, list) else []:
        account = item.get("account") if isinstance(item, dict) else None
        if isinstance(account, dict):
            return {k: str(v) for k, v in account.items() if isinstance(v, (str, int))}
    return {}


def _created(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    for fmt in ("%a %b %d %H:%M:%S %z %Y", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            return dt.datetime.strptime(value.replace("Z", "+0000"), fmt).astimezone(dt.timezone.utc)
        except ValueError:
            continue
    return None


def _tweet_text(tweet: dict[str, Any]) -> str:
    text = str(tweet.get("full_text") or tweet.get("text") or "")
    raw_entities = tweet.get("entities")
    entities: dict[str, Any] = raw_entities if isinstance(raw_entities, dict) else {}
    for url in entities.get("urls") or ():
        if isinstance(url, dict) and url.get("url") and url.get("expanded_url"):
            text = text.replace(str(url["url"]), str(url["expanded_url"]))
    media = list(entities.get("media") or ())
    extended = tweet.get("extended_entities")
    if isinstance(extended, dict):
        media += list(extended.get("media") or ())
    for item in media:
        if isinstance(item, dict) and item.get("url"):
            text = text.replace(str(item["url"]), "")
    return clean_post_text(html.unescape(text))


class XArchiveReader:
    name = "x"
    extensions = (".js",)

    def sniff(self, raw: RawInput) -> bool:
        return raw.extension == ".js" or _YTD.match(raw.data[:200]) is not None

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        if _YTD.match(raw.data[:200]) is None:
            log.info("%s: JavaScript that is not part of an X archive; skipped", raw.name)
            return
        text = decode_bytes(raw.data, raw.name, raw.charset)
        kind, pos = _strip_prefix(text, raw.name)
        if kind not in _TWEET_PARTS:
            log.debug("%s: X archive part %r holds no posts", raw.name, kind)
            return
        account = read_account(Path(raw.name).parent / "account.js") if raw.name != "-" else {}
        tweets: list[dict[str, Any]] = []
        error: JsonSyntaxError | None = None
        sc = JsonScanner(text, pos)
        try:
            for _ in sc.items():
                item = sc.value()
                tweet = item.get("tweet", item) if isinstance(item, dict) else None
                if isinstance(tweet, dict):
                    tweets.append(tweet)
            sc.end()
        except JsonSyntaxError as exc:
            error = exc
        if not account:
            account = _account_from_replies(tweets)
        handle = account.get("username") or None
        display = account.get("accountDisplayName") or (f"@{handle}" if handle else "unknown X account")
        account_id = account.get("accountId") or handle or "unknown"
        posts, skipped = _posts(tweets, display, handle, account_id)
        if posts:
            channel = Channel("x", account_id, f"@{handle}" if handle else display, "X")
            yield from channel_documents(channel, posts, skipped=skipped)
        if error is not None:
            yield InputError(raw.name, f"truncated or invalid JSON ({error}); {len(tweets)} tweets before it were read")
        elif not tweets:
            raise InputError(raw.name, "X archive file holds no tweets")


def _account_from_replies(tweets: list[dict[str, Any]]) -> dict[str, str]:
    """A reply to a tweet of this archive names the archive's own account."""
    ids = {str(t.get("id_str") or t.get("id")) for t in tweets}
    for t in tweets:
        if str(t.get("in_reply_to_status_id_str") or "") in ids and t.get("in_reply_to_screen_name"):
            return {"username": str(t["in_reply_to_screen_name"]), "accountId": str(t.get("in_reply_to_user_id_str") or "")}
    return {}


def _posts(tweets: list[dict[str, Any]], display: str, handle: str | None, account_id: str) -> tuple[list[Post], dict[str, Counter[str]]]:
    skipped: dict[str, Counter[str]] = {}
    by_id: dict[str, Post] = {}
    edits: list[tuple[str, Post]] = []
    for tweet in tweets:
        when = _created(tweet.get("created_at"))
        tid = tweet.get("id_str") or tweet.get("id")
        if when is None or tid is None:
            skipped.setdefault(when.date().isoformat() if when else "unknown", Counter())["no_date_or_id"] += 1
            continue
        text = _tweet_text(tweet)
        if not text:
            skipped.setdefault(when.date().isoformat(), Counter())["media_only"] += 1
            continue
        forwarded = None
        m = _RETWEET.match(text)
        if m:
            forwarded, text = "@" + m.group(1), text[m.end() :].strip() or text
        reply = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
        post = Post(
            id=str(tid),
            author=display,
            posted_at=when,
            text=text,
            handle=handle,
            author_id=account_id,
            reply_to=str(reply) if reply else None,
            forwarded_from=forwarded,
            url=f"https://x.com/{handle}/status/{tid}" if handle else None,
        )
        edit = (tweet.get("edit_info") or {}).get("edit") if isinstance(tweet.get("edit_info"), dict) else None
        initial = str(edit.get("initialTweetId")) if isinstance(edit, dict) and edit.get("initialTweetId") else None
        if initial and initial != str(tid):
            edits.append((initial, post))
        else:
            by_id[post.id] = post
    for initial, edit_post in sorted(edits, key=lambda e: e[1].posted_at):
        original = by_id.get(initial)
        if original is None:
            by_id[edit_post.id] = edit_post
            continue
        by_id[initial] = replace(original, text=edit_post.text, edited_at=edit_post.posted_at)
    return list(by_id.values()), skipped


register(XArchiveReader())
