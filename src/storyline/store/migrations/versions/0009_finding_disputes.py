"""findings as disputes: a finding's question and sides, each candidate pair's positions

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A finding is one dispute: its id derives from its question (``findings.question``), so it
keeps its id and its review as documents join it, and it lists its positions
(``findings.sides``, JSON). Each stored candidate pair keeps the position each of its two
items takes (``finding_candidates.labels``), so an incremental run assembles the same
disputes as a full one. The stored corpus basis is dropped, so the next ``analyze``
rebuilds in full once and fills the new columns.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("question", sa.Text(), nullable=True))
        batch.add_column(sa.Column("sides", sa.Text(), nullable=True))
    with op.batch_alter_table("finding_candidates") as batch:
        batch.add_column(sa.Column("labels", sa.Text(), nullable=True))
    op.execute(sa.text("DELETE FROM corpus_state WHERE key IN ('corpus_basis', 'corpus_fingerprint')"))


def downgrade() -> None:
    with op.batch_alter_table("finding_candidates") as batch:
        batch.drop_column("labels")
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("sides")
        batch.drop_column("question")
