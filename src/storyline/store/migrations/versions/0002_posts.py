"""social-media posts: post versions, thread/day groups, superseded documents

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Tables from store/posts_schema.py. Nothing existing is altered.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("post_id", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("handle", sa.Text(), nullable=True),
        sa.Column("author_id", sa.Text(), nullable=True),
        sa.Column("posted_at", sa.String(length=40), nullable=False),
        sa.Column("edited_at", sa.String(length=40), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("reply_to", sa.Text(), nullable=True),
        sa.Column("forwarded_from", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("group_key", sa.String(length=320), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("stored_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("platform", "channel", "post_id", "version"),
    )
    op.create_index("ix_posts_group", "posts", ["platform", "channel", "group_key"], unique=False)
    op.create_table(
        "post_groups",
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("group_key", sa.String(length=320), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("platform", "channel", "group_key"),
    )
    op.create_table(
        "superseded",
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("by_document_id", sa.String(length=32), nullable=False),
        sa.Column("superseded_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_index("ix_superseded_by_document_id", "superseded", ["by_document_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_superseded_by_document_id", table_name="superseded")
    op.drop_table("superseded")
    op.drop_table("post_groups")
    op.drop_index("ix_posts_group", table_name="posts")
    op.drop_table("posts")
