"""finding items as rows, index on near-duplicate links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Findings keep their items as JSON (the record's shape); ``finding_items``
repeats them one row each so pages can find the findings about a statement,
fact or entity through an index. Existing findings are unnested once here.
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    items = op.create_table(
        "finding_items",
        sa.Column("finding_id", sa.String(length=32), nullable=False),
        sa.Column("item_type", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_finding_items_finding_id", "finding_items", ["finding_id"])
    op.create_index("ix_finding_items_item_id", "finding_items", ["item_id"])
    op.create_index("ix_documents_near_duplicate_of", "documents", ["near_duplicate_of"])
    bind = op.get_bind()
    rows: list[dict[str, object]] = []
    for finding_id, raw in bind.execute(sa.text("SELECT id, items FROM findings")):
        rows.extend({"finding_id": finding_id, "item_type": t, "item_id": i} for t, i in json.loads(raw))
    if rows:
        op.bulk_insert(items, rows)


def downgrade() -> None:
    op.drop_index("ix_documents_near_duplicate_of", table_name="documents")
    op.drop_table("finding_items")
