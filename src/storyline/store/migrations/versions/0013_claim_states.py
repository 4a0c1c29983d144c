"""claim states: each claim of an entity shard as the findings step built it, read back by an update

Revision ID: 0013_claim_states
Revises: 0012_staged_findings
Create Date: 2026-12-07

An incremental findings update scores the pairs of changed claims with claims of
unchanged statements; it reads those claims from here (JSON text of the claim's
fields, corpus/findings/claim_state.py) instead of rebuilding them from the
statements, their documents' mentions and the entities, which was a third of an
update's findings time. The stored corpus basis is dropped, so the next
``analyze`` rebuilds in full once and fills the table.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_claim_states"
down_revision = "0012_staged_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_states",
        sa.Column("item_id", sa.String(length=64), primary_key=True),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
    )
    op.create_index("ix_claim_states_document", "claim_states", ["document_id"])
    op.execute(sa.text("DELETE FROM corpus_state WHERE key IN ('corpus_basis', 'corpus_fingerprint')"))


def downgrade() -> None:
    op.drop_table("claim_states")
