"""finding aliases: the item-based ids findings had before they were disputes → the dispute now holding that pair

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Before 0009 every finding was one pair of items and its id derived from its kind and the
two items; since then a finding is a dispute whose id derives from its question, so a
review kept by a pair's old id no longer showed. ``finding_aliases`` maps each such old id
to the finding that now holds the pair (across two of its sides), and reads of reviews go
through it. The table is filled here from the stored findings and rewritten with them by
every analysis; reviews are left as they were written.
"""
from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MAX_PAIRS = 400  # as storyline.model.MAX_FORMER_PAIRS


def _items_id(kind: str, items: list[tuple[str, str]]) -> str:
    # the pre-0009 finding id, written out here so this migration keeps meaning what it meant
    keys = sorted(f"{t}:{i}" for t, i in items)
    return "fnd_" + hashlib.sha256("\x1f".join((kind, *keys)).encode("utf-8")).hexdigest()[:20]


def _pairs(items: list[tuple[str, str]], sides: list[list[tuple[str, str]]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    if len(sides) > 1:
        return [(x, y) for k, s in enumerate(sides) for t in sides[k + 1 :] for x in s for y in t]
    return [(x, y) for k, x in enumerate(items) for y in items[k + 1 :]]


def upgrade() -> None:
    aliases = op.create_table(
        "finding_aliases",
        sa.Column("old_id", sa.String(length=32), primary_key=True),
        sa.Column("finding_id", sa.String(length=32), nullable=False),
    )
    op.create_index("ix_finding_aliases_finding_id", "finding_aliases", ["finding_id"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, kind, items, sides FROM findings ORDER BY score DESC, id")).mappings().all()
    current = {r["id"] for r in rows}
    out: dict[str, str] = {}
    for r in rows:
        items = [tuple(x) for x in json.loads(r["items"] or "[]")]
        sides = [[tuple(x) for x in members] for _label, members in json.loads(r["sides"] or "[]")]
        for x, y in _pairs(items, sides)[:MAX_PAIRS]:
            old = _items_id(r["kind"], [x, y])
            if old not in current and old not in out:
                out[old] = r["id"]
    if out:
        op.bulk_insert(aliases, [{"old_id": k, "finding_id": v} for k, v in out.items()])


def downgrade() -> None:
    op.drop_index("ix_finding_aliases_finding_id", table_name="finding_aliases")
    op.drop_table("finding_aliases")
