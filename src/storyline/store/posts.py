"""Social-media posts in the store: their versions, the document each thread/day group is in, superseded documents.

What a newly read thread/day document changes is worked out outside the store
(:mod:`storyline.ingest.thread_merge`, driven by :mod:`storyline.services.posts`);
this module reads what is stored and writes the changes in one transaction
(:func:`save_post_changes`). Posts are :class:`storyline.model.Post` records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..model import Post, PostVersion
from .lookup import sorted_chunks
from .posts_schema import post_groups, posts, superseded
from .records import now
from .sql import Store

__all__ = [
    "PostChanges",
    "current_group_document",
    "group_post_versions",
    "load_post_versions",
    "post_versions",
    "save_post_changes",
    "superseded_ids",
]


def _post_from_row(row: Mapping[str, Any]) -> Post:
    return Post(
        id=row["post_id"],
        author=row["author"],
        posted_at=dt.datetime.fromisoformat(row["posted_at"]),
        text=row["text"],
        handle=row["handle"],
        author_id=row["author_id"],
        reply_to=row["reply_to"],
        forwarded_from=row["forwarded_from"],
        edited_at=dt.datetime.fromisoformat(row["edited_at"]) if row["edited_at"] else None,
        deleted=bool(row["deleted"]),
        language=row["language"],
        url=row["url"],
    )


def _version(row: Mapping[str, Any]) -> PostVersion:
    return PostVersion(_post_from_row(row), row["version"], row["group_key"], row["document_id"])


def _row(platform: str, channel: str, v: PostVersion) -> dict[str, Any]:
    post = v.post
    return {
        "platform": platform,
        "channel": channel,
        "post_id": post.id,
        "version": v.version,
        "text": post.text,
        "author": post.author,
        "handle": post.handle,
        "author_id": post.author_id,
        "posted_at": post.posted_at.isoformat(),
        "edited_at": post.edited_at.isoformat() if post.edited_at else None,
        "deleted": post.deleted,
        "reply_to": post.reply_to,
        "forwarded_from": post.forwarded_from,
        "language": post.language,
        "url": post.url,
        "group_key": v.group_key,
        "document_id": v.document_id,
        "stored_at": now(),
    }


@dataclass(frozen=True)
class PostChanges:
    """What storing one thread/day document changes in a channel's post tables (written in one transaction)."""

    moves: Mapping[str, str] = field(default_factory=dict)  # post id -> the group it moves to
    versions: Sequence[PostVersion] = ()  # new versions of posts (new posts are version 1)
    group_documents: Mapping[str, str] = field(default_factory=dict)  # group key -> its document now
    emptied: Sequence[str] = ()  # groups left without posts
    superseded: Sequence[tuple[str, str]] = ()  # (old document, the document that replaced it)


def post_versions(store: Store, platform: str, channel: str, post_id: str) -> list[PostVersion]:
    """Every stored version of one post, oldest first."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(posts)
            .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.post_id == post_id)
            .order_by(posts.c.version)
        ).mappings()
        return [_version(r) for r in rows]


def current_group_document(store: Store, platform: str, channel: str, group_key: str) -> str | None:
    with store.engine.connect() as conn:
        return _group_document(conn, platform, channel, group_key)


def _group_document(conn: Connection, platform: str, channel: str, group_key: str) -> str | None:
    return conn.execute(
        select(post_groups.c.document_id).where(
            post_groups.c.platform == platform, post_groups.c.channel == channel, post_groups.c.group_key == group_key
        )
    ).scalar()


def superseded_ids(store: Store) -> set[str]:
    """Documents a newer rendering of their thread/day replaced (analysis and corpus steps may skip them)."""
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(superseded.c.document_id))}


def load_post_versions(store: Store, platform: str, channel: str, ids: Iterable[str]) -> dict[str, list[PostVersion]]:
    """Every stored version (oldest first) of each of the given posts of a channel."""
    out: dict[str, list[PostVersion]] = {}
    with store.engine.connect() as conn:
        for chunk in sorted_chunks(ids):
            rows = conn.execute(
                select(posts)
                .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.post_id.in_(chunk))
                .order_by(posts.c.post_id, posts.c.version)
            ).mappings()
            for r in rows:
                out.setdefault(r["post_id"], []).append(_version(r))
    return out


def group_post_versions(store: Store, platform: str, channel: str, group_key: str) -> dict[str, PostVersion]:
    """The latest version of every post stored in one group."""
    latest: dict[str, PostVersion] = {}
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(posts)
            .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.group_key == group_key)
            .order_by(posts.c.post_id, posts.c.version)
        ).mappings()
        for r in rows:
            latest[r["post_id"]] = _version(r)
    return latest


def save_post_changes(store: Store, platform: str, channel: str, changes: PostChanges) -> None:
    """Write the post versions, group moves, group documents and superseded documents of one merge."""
    with store.transaction() as conn:
        for pid, new in changes.moves.items():
            conn.execute(
                update(posts)
                .where(posts.c.platform == platform, posts.c.channel == channel, posts.c.post_id == pid)
                .values(group_key=new)
            )
        rows = [_row(platform, channel, v) for v in changes.versions]
        if rows:
            conn.execute(insert(posts), rows)
        for g, doc_id in changes.group_documents.items():
            values = {"document_id": doc_id, "updated_at": now()}
            where = (post_groups.c.platform == platform, post_groups.c.channel == channel, post_groups.c.group_key == g)
            if conn.execute(select(post_groups.c.group_key).where(*where)).first():
                conn.execute(update(post_groups).where(*where).values(**values))
            else:
                conn.execute(insert(post_groups).values(platform=platform, channel=channel, group_key=g, **values))
        for g in changes.emptied:
            conn.execute(
                post_groups.delete().where(
                    post_groups.c.platform == platform, post_groups.c.channel == channel, post_groups.c.group_key == g
                )
            )
        for old, new in changes.superseded:
            if conn.execute(select(superseded.c.document_id).where(superseded.c.document_id == old)).first():
                conn.execute(update(superseded).where(superseded.c.document_id == old).values(by_document_id=new))
            else:
                conn.execute(insert(superseded).values(document_id=old, by_document_id=new, superseded_at=now()))
