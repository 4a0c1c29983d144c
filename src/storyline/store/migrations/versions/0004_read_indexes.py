"""read-side indexes for the pages: entity items and aliases, finding actors and sources; search filter indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Four tables derived from the corpus results (see store/derived.py), filled here
from what is already stored, so that the entity page and the findings filters
are index ranges at any corpus size. The near-duplicate index becomes partial
(a full index over a column of NULLs looks useless to the planner), and two
covering indexes serve the search filters (source, date range). On PostgreSQL,
documents and statements get a stored ``search_vector`` (generated column, GIN
index) that search ranks on, and an index in the documents list's own order.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NOT_NULL = "near_duplicate_of IS NOT NULL"


def upgrade() -> None:
    op.create_table(
        "entity_items",
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("sort_date", sa.String(length=10), nullable=False),
    )
    op.create_index("ix_entity_items_entity", "entity_items", ["entity_id", "role", "sort_date", "item_id"])
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("first_document_id", sa.String(length=32), nullable=False),
    )
    op.create_index("ix_entity_aliases_entity", "entity_aliases", ["entity_id", "mention_count"])
    op.create_table(
        "finding_actors",
        sa.Column("finding_id", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=32), nullable=False),
    )
    op.create_index("ix_finding_actors_entity", "finding_actors", ["entity_id", "finding_id"])
    op.create_table(
        "finding_sources",
        sa.Column("finding_id", sa.String(length=32), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
    )
    op.create_index("ix_finding_sources_source", "finding_sources", ["source", "finding_id"])
    op.drop_index("ix_documents_near_duplicate_of", table_name="documents")
    op.create_index("ix_documents_near_duplicate_of", "documents", ["near_duplicate_of"],
                    sqlite_where=sa.text(_NOT_NULL), postgresql_where=sa.text(_NOT_NULL))
    op.create_index("ix_documents_source_published_id", "documents", ["source", "published", "id"])
    op.create_index("ix_documents_published_id", "documents", ["published", "id"])

    if op.get_bind().dialect.name == "postgresql":
        # Full-text search ranks on a stored vector instead of re-parsing every matching text per query,
        # and the documents list ("newest first") reads an index in its own order.
        op.execute("ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED")
        op.execute("ALTER TABLE statements ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple', content)) STORED")
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
        op.execute("DROP INDEX IF EXISTS ix_statements_fts")
        op.execute("CREATE INDEX ix_documents_search_vector ON documents USING GIN (search_vector)")
        op.execute("CREATE INDEX ix_statements_search_vector ON statements USING GIN (search_vector)")
        op.execute("CREATE INDEX ix_documents_recent ON documents (published DESC NULLS LAST, ingested_at DESC, id)")

    from storyline.store.derived import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_recent")
        op.execute("ALTER TABLE statements DROP COLUMN search_vector")
        op.execute("ALTER TABLE documents DROP COLUMN search_vector")
        op.execute("CREATE INDEX ix_documents_fts ON documents USING GIN "
                   "(to_tsvector('simple', coalesce(title, '') || ' ' || text))")
        op.execute("CREATE INDEX ix_statements_fts ON statements USING GIN (to_tsvector('simple', content))")
    op.drop_index("ix_documents_published_id", table_name="documents")
    op.drop_index("ix_documents_source_published_id", table_name="documents")
    op.drop_index("ix_documents_near_duplicate_of", table_name="documents")
    op.create_index("ix_documents_near_duplicate_of", "documents", ["near_duplicate_of"])
    for name in ("finding_sources", "finding_actors", "entity_aliases", "entity_items"):
        op.drop_table(name)
