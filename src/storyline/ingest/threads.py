"""Posts into documents: thread reconstruction, per-day grouping, and rendering with per-post offsets.

Every social-media reader turns its export into :class:`Post` values of one
:class:`Channel` and hands them to :func:`channel_documents`:

* an author's reply chain (replies to their own posts) becomes one *thread*
  document, in time order, whatever days it spans;
* every other post of the channel goes into one *day* document per UTC date.

A document's text is its posts in order, each a header line then the post
text, with a blank line between posts::

    Veloria MoI Spokesperson (@VeloriaMoI_Spox) · 2025-03-05 10:12 UTC
    The road to Sarvan is open again.

The header may end with ``· forwarded from NAME``, ``· edited`` or
``· deleted``. ``Document.posts`` (stored as ``metadata["posts"]``) lists every post as a
:class:`storyline.model.PostEntry`: its id, author, handle, time, the
character range of its text (``start``/``end``, so ``text[start:end]`` is the
post) and of its header (``header_start``), reply/forward/edit/deletion
details and its language. The same function re-renders a group when a later
export changes it (:mod:`storyline.ingest.thread_merge`), so a group's text
depends only on its posts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Document, Post, PostEntry
from .language import detect_language, document_language
from .normalize import normalize_text

__all__ = [
    "Channel",
    "Post",
    "channel_of",
    "with_language",
    "PostGroup",
    "channel_documents",
    "clean_post_text",
    "group_key_of",
    "group_posts",
    "is_posts_document",
    "posts_from_document",
    "render_group",
]

THREAD = "thread"
DAY = "day"


@dataclass(frozen=True)
class Channel:
    """Where posts were published: the platform and the channel or account."""

    platform: str  # "telegram" | "x" | "mastodon" | "posts"; also Document.format
    key: str  # stable id of the channel/account on the platform
    name: str  # as shown: "Channel Name", "@handle"
    label: str  # platform as shown: "Telegram", "X", "Mastodon"

    @property
    def source(self) -> str:
        return f"{self.label}: {self.name}"


@dataclass
class PostGroup:
    kind: str  # THREAD | DAY
    key: str  # "thread:<root id>" | "day:YYYY-MM-DD"
    posts: list[Post] = field(default_factory=list)


def clean_post_text(text: str) -> str:
    """A post's text as stored: normalised, without blank edges."""
    return normalize_text(text).strip()


def _when(post: Post) -> tuple[dt.datetime, str]:
    return post.posted_at, post.id


def _root(post: Post, by_id: Mapping[str, Post]) -> Post:
    seen = {post.id}
    current = post
    while current.reply_to and current.reply_to in by_id:
        parent = by_id[current.reply_to]
        if parent.author_key != current.author_key or parent.id in seen:
            break
        seen.add(parent.id)
        current = parent
    return current


def group_key_of(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def group_posts(posts: Iterable[Post]) -> list[PostGroup]:
    """Self-reply chains as threads (two or more posts), the rest by UTC day; groups in time order."""
    by_id = {p.id: p for p in posts}
    members: dict[str, list[Post]] = {}
    for post in by_id.values():
        members.setdefault(_root(post, by_id).id, []).append(post)
    groups: dict[str, PostGroup] = {}
    for root_id, chain in members.items():
        if len(chain) > 1:
            key = group_key_of(THREAD, root_id)
            groups[key] = PostGroup(THREAD, key, chain)
        else:
            key = group_key_of(DAY, chain[0].day)
            groups.setdefault(key, PostGroup(DAY, key)).posts.extend(chain)
    for group in groups.values():
        group.posts.sort(key=_when)
    return sorted(groups.values(), key=lambda g: (_when(g.posts[0]), g.key))


def _header(post: Post) -> tuple[str, int]:
    """The header line and the length of the display name at its start."""
    name = " ".join(post.author.split()) or (post.handle or "unknown")
    header = name
    if post.handle:
        header += f" (@{post.handle})"
    header += f" · {post.posted_at:%Y-%m-%d %H:%M} UTC"
    if post.forwarded_from:
        header += f" · forwarded from {' '.join(post.forwarded_from.split())}"
    if post.edited_at is not None:
        header += " · edited"
    if post.deleted:
        header += " · deleted"
    return header, len(name)


def render_group(
    channel: Channel,
    group: PostGroup,
    *,
    skipped: Mapping[str, int] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Document:
    """One document for the posts of ``group`` (which must have at least one post with text)."""
    chunks: list[str] = []
    entries: list[dict[str, Any]] = []
    pos = 0
    for post in group.posts:
        header, name_len = _header(post)
        if chunks:
            chunks.append("\n\n")
            pos += 2
        header_start = pos
        chunks.append(header + "\n")
        pos += len(header) + 1
        start = pos
        chunks.append(post.text)
        pos += len(post.text)
        forwarded_start = header_start + header.index(" · forwarded from ") + 18 if post.forwarded_from else None
        entries.append(PostEntry.of(post, start=start, end=pos, header_start=header_start,
                                    name_end=header_start + name_len, forwarded_start=forwarded_start).as_metadata())
    text = "".join(chunks)
    first = group.posts[0]
    authors = {p.author_key for p in group.posts}
    author = first.author if len(authors) == 1 else None
    date = first.posted_at.date()
    handle = f" (@{first.handle})" if first.handle else ""
    if group.kind == THREAD:
        title = f"Thread by {first.author}{handle}, {date.isoformat()}"
        url = first.url
    else:
        title = f"{channel.name} posts, {date.isoformat()}"
        url = None
    languages = [p.language for p in group.posts]
    language = document_language(languages)
    metadata: dict[str, Any] = {
        "platform": channel.platform,
        "channel": channel.key,
        "channel_name": channel.name,
        "platform_label": channel.label,
        "group": {"kind": group.kind, "key": group.key},
        "posts": entries,
    }
    if skipped:
        metadata["skipped_posts"] = dict(skipped)
    if language is None and len({lang for lang in languages if lang}) > 1:
        metadata["languages"] = sorted({lang for lang in languages if lang})
    if extra:
        metadata.update(extra)
    return Document.from_text(
        text,
        title=title,
        url=url,
        source=channel.source,
        author=author,
        published=date,
        external_id=f"{channel.platform}:{channel.key}:{group.key}",
        format=channel.platform,
        language=language if language and language != "en" else None,
        metadata=metadata,
    )


def with_language(post: Post) -> Post:
    """The post with its language detected (when the reader did not know it)."""
    return post if post.language else replace(post, language=detect_language(post.text))


def channel_documents(
    channel: Channel,
    posts: Iterable[Post],
    *,
    skipped: Mapping[str, Counter[str]] | None = None,
    deleted_ids: Sequence[str] = (),
) -> Iterator[Document]:
    """The thread and day documents of one channel's posts.

    ``skipped`` maps a UTC day to counts of posts left out ("media_only",
    "empty", ...); the counts go on that day's document (else on the first
    document). ``deleted_ids`` are deletion markers of posts this export does
    not hold; they ride on the first document as ``metadata["deleted_posts"]``.
    """
    groups = group_posts(with_language(p) for p in posts if p.text)
    skipped = dict(skipped or {})
    day_keys = {g.key for g in groups if g.kind == DAY}
    leftover: Counter[str] = Counter()
    for day, day_counts in list(skipped.items()):
        if group_key_of(DAY, day) not in day_keys:
            leftover.update(day_counts)
            del skipped[day]
    for i, group in enumerate(groups):
        counts: Counter[str] = Counter()
        if group.kind == DAY:
            counts.update(skipped.get(group.key.split(":", 1)[1], Counter()))
        if i == 0:
            counts.update(leftover)
        extra = {"deleted_posts": list(deleted_ids)} if i == 0 and deleted_ids else None
        yield render_group(channel, group, skipped=counts, extra=extra)


def is_posts_document(doc: Document) -> bool:
    """True for documents built here (they carry per-post metadata and a group)."""
    return isinstance(doc.metadata.get("posts"), list) and isinstance(doc.metadata.get("group"), Mapping)


def posts_from_document(doc: Document) -> list[Post]:
    """The posts a document was rendered from (texts sliced from the document by their offsets)."""
    return [post for post in (entry.post(doc.text) for entry in doc.posts) if post is not None]


def channel_of(doc: Document) -> Channel:
    """The channel a posts document belongs to."""
    meta = doc.metadata
    platform = str(meta.get("platform") or doc.format)
    label = str(meta.get("platform_label") or platform)
    return Channel(platform, str(meta.get("channel")), str(meta.get("channel_name") or doc.source or ""), label)
