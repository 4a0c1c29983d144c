"""when a statement was made, to its precision; what a fact counts and how

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07

Statements get ``said_on_precision`` (day, month or year: "in March" is a month) and
``said_on_basis`` (text, published or post: where the date came from). Facts get
``population`` (what is counted, and of whom: "Afghan civilians"), ``relation`` (count,
change, range, rate or share) and ``baseline`` (a change's starting value). All columns are
nullable; rows written before read as day precision, published basis, count.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.add_column(sa.Column("said_on_precision", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("said_on_basis", sa.String(length=16), nullable=True))
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("population", sa.Text(), nullable=True))
        batch.add_column(sa.Column("relation", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("baseline", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("baseline")
        batch.drop_column("relation")
        batch.drop_column("population")
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("said_on_basis")
        batch.drop_column("said_on_precision")
