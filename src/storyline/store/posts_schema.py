"""Tables for social-media posts (migration 0002): every version of every post, the current
document of each thread/day group, and which documents a newer rendering superseded.

They share :data:`storyline.store.schema.metadata`, so they appear wherever the
other tables do. Documents themselves stay content-addressed and are never
altered: a group that gains, loses or changes a post is rendered into a new
document, and ``superseded`` records that the old one is out of date.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, String, Table, Text

from .schema import metadata

__all__ = ["post_groups", "posts", "superseded"]

posts = Table(
    "posts",
    metadata,
    Column("platform", String(32), primary_key=True),
    Column("channel", String(300), primary_key=True),
    Column("post_id", String(300), primary_key=True),
    Column("version", Integer, primary_key=True),  # 1, 2, ...: a new row per edit or deletion
    Column("text", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("handle", Text),
    Column("author_id", Text),
    Column("posted_at", String(40), nullable=False),  # ISO 8601, UTC
    Column("edited_at", String(40)),
    Column("deleted", Boolean, nullable=False),
    Column("reply_to", Text),
    Column("forwarded_from", Text),
    Column("language", String(16)),
    Column("url", Text),
    Column("group_key", String(320), nullable=False),  # "thread:<root id>" | "day:YYYY-MM-DD"
    Column("document_id", String(32), nullable=False),  # the document this version was first stored in
    Column("stored_at", String(32), nullable=False),
    Index("ix_posts_group", "platform", "channel", "group_key"),
)

post_groups = Table(
    "post_groups",
    metadata,
    Column("platform", String(32), primary_key=True),
    Column("channel", String(300), primary_key=True),
    Column("group_key", String(320), primary_key=True),
    Column("document_id", String(32), nullable=False),  # the group's current document
    Column("updated_at", String(32), nullable=False),
)

superseded = Table(
    "superseded",
    metadata,
    Column("document_id", String(32), primary_key=True),
    Column("by_document_id", String(32), nullable=False, index=True),
    Column("superseded_at", String(32), nullable=False),
)
