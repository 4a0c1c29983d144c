"""incremental entity resolution: clusters and their blocks, the documents the corpus results reflect, entity base ids

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

``clusters`` holds every document cluster as the resolver sees it and
``cluster_blocks`` its resolution blocks, so the next ``analyze`` finds and
reads the clusters a new document can affect by index lookups;
``corpus_documents`` records which analysis of each document the corpus
results reflect; entities gain their base id and smallest local key. The
stored corpus fingerprint is dropped, so the next ``analyze`` rebuilds the
corpus results once in full, which fills them.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cluster_blocks",
        sa.Column("local_key", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("block", sa.Text(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
    )
    op.create_index("ix_cluster_blocks_block", "cluster_blocks", ["block", "local_key"])
    op.create_index("ix_cluster_blocks_key", "cluster_blocks", ["local_key"])
    op.create_index("ix_cluster_blocks_document", "cluster_blocks", ["document_id"])
    op.create_table(
        "clusters",
        sa.Column("local_key", sa.String(length=64), primary_key=True),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
    )
    op.create_index("ix_clusters_document_id", "clusters", ["document_id"])
    op.create_table(
        "corpus_documents",
        sa.Column("document_id", sa.String(length=32), primary_key=True),
        sa.Column("stamp", sa.Text(), nullable=False),
    )
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("base_id", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("min_key", sa.String(length=64), nullable=True))
        batch.create_index("ix_entities_base_id", ["base_id"])
    op.execute(sa.text("DELETE FROM corpus_state WHERE key = 'corpus_fingerprint'"))


def downgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.drop_index("ix_entities_base_id")
        batch.drop_column("min_key")
        batch.drop_column("base_id")
    op.drop_table("corpus_documents")
    op.drop_table("clusters")
    op.drop_table("cluster_blocks")
