"""claim buckets: what blocking keeps of each claim in each entity shard

Revision ID: 0011_claim_buckets
Revises: 0010
Create Date: 2026-12-07

An incremental findings update pairs the claims of an entity shard from these
rows (a claim's own buckets, its words for rarity, its sort key) and rebuilds
only the claims of the pairs it must score, instead of every claim in the
shard. The stored corpus basis is dropped, so the next ``analyze`` rebuilds in
full once and fills the table.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_claim_buckets"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_buckets",
        sa.Column("shard", sa.Text(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
    )
    op.create_index("ix_claim_buckets_shard", "claim_buckets", ["shard"])
    op.create_index("ix_claim_buckets_document", "claim_buckets", ["document_id"])
    op.execute(sa.text("DELETE FROM corpus_state WHERE key IN ('corpus_basis', 'corpus_fingerprint')"))


def downgrade() -> None:
    op.drop_table("claim_buckets")
