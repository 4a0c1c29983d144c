"""staged findings: where a streamed full findings rebuild writes its shards, pairs, buckets and candidates

Revision ID: 0012_staged_findings
Revises: 0011_claim_buckets
Create Date: 2026-12-07

A full findings rebuild of a large corpus (services/findings_full.py) writes each
chunk's results to these tables as it goes instead of holding them until the end,
so its memory follows the largest chunk, not the corpus; the findings are picked
from the staged candidates read in rank order, and the corpus write moves the rows
into claim_shards, claim_buckets, shard_pairs and finding_candidates. Nothing is
derived from existing rows: the tables start empty.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_staged_findings"
down_revision = "0011_claim_buckets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staged_claim_shards",
        sa.Column("shard", sa.Text(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
    )
    op.create_index("ix_staged_claim_shards_shard", "staged_claim_shards", ["shard"])
    op.create_table(
        "staged_claim_buckets",
        sa.Column("shard", sa.Text(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
    )
    op.create_table(
        "staged_finding_candidates",
        sa.Column("shard", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("item_a", sa.String(length=64), nullable=False),
        sa.Column("item_b", sa.String(length=64), nullable=False),
        sa.Column("item_type", sa.String(length=16), nullable=False),
        sa.Column("dedup", sa.String(length=40), nullable=False),
        sa.Column("grp", sa.String(length=40)),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("labels", sa.Text()),
    )
    op.create_index("ix_staged_finding_candidates_items", "staged_finding_candidates", ["item_a", "item_b"])
    op.create_table(
        "staged_shard_pairs",
        sa.Column("shard", sa.Text(), primary_key=True),
        sa.Column("pairs", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in ("staged_shard_pairs", "staged_finding_candidates", "staged_claim_buckets", "staged_claim_shards"):
        op.drop_table(table)
