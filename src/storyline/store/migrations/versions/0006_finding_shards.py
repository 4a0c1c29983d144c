"""findings by shard and a kept topic model: claim shards, candidate pairs, topic states

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

Findings are picked from candidate pairs computed shard by shard (an entity,
a document's passages, a fact subject and measure). Keeping the candidates
lets the next ``analyze`` recompute only the shards new documents touch, and
``shard_pairs`` which pairs of them were evaluated, so pairs of unchanged
statements are not evaluated again.
``topic_states`` keeps the topic model, and each statement's topic gets its
topic number, so statements of new documents join the topics built so far. The
stored corpus basis is dropped, so the next ``analyze`` rebuilds in full once
and fills these tables.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_shards",
        sa.Column("shard", sa.Text(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
    )
    op.create_index("ix_claim_shards_shard", "claim_shards", ["shard"])
    op.create_index("ix_claim_shards_document", "claim_shards", ["document_id"])
    op.create_table(
        "finding_candidates",
        sa.Column("shard", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("item_a", sa.String(length=64), nullable=False),
        sa.Column("item_b", sa.String(length=64), nullable=False),
        sa.Column("item_type", sa.String(length=16), nullable=False),
        sa.Column("dedup", sa.String(length=40), nullable=False),
        sa.Column("grp", sa.String(length=40), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
    )
    op.create_index("ix_finding_candidates_shard", "finding_candidates", ["shard"])
    op.create_index("ix_finding_candidates_items", "finding_candidates", ["item_a", "item_b"])
    op.create_table(
        "shard_pairs",
        sa.Column("shard", sa.Text(), primary_key=True),
        sa.Column("pairs", sa.Text(), nullable=False),
    )
    op.create_table(
        "topic_states",
        sa.Column("topic_index", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
    )
    with op.batch_alter_table("topics") as batch:
        batch.add_column(sa.Column("topic_index", sa.Integer(), nullable=True))
        batch.create_index("ix_topics_topic_index", ["topic_index"])
    op.execute(sa.text("DELETE FROM corpus_state WHERE key IN ('corpus_basis', 'corpus_fingerprint')"))


def downgrade() -> None:
    with op.batch_alter_table("topics") as batch:
        batch.drop_index("ix_topics_topic_index")
        batch.drop_column("topic_index")
    op.drop_table("topic_states")
    op.drop_table("shard_pairs")
    op.drop_table("finding_candidates")
    op.drop_table("claim_shards")
