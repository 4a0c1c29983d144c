"""staged claim states: the claims and fact views a streamed findings rebuild built once, read back by its chunks

Revision ID: 0014_staged_claim_states
Revises: 0013_claim_states
Create Date: 2026-12-08

A streamed full findings rebuild (services/findings_full.py) built each claim again
in every chunk of shards holding one of its shards, reading its whole document and
the document's mentions each time: the chunks grow in number with the corpus and each
reads most documents, so that work grew faster than the corpus (30k statements: a
claim built 3.3 times, 10k: 2.4). The scan, which builds every claim once anyway, now
stages each claim's state here; the chunks read and decode those, and the corpus write
moves them into claim_states, so an update after a streamed rebuild finds every claim
stored. Nothing is derived from existing rows: the table starts empty.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_staged_claim_states"
down_revision = "0013_claim_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staged_claim_states",
        sa.Column("item_id", sa.String(length=64), primary_key=True),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("staged_claim_states")
