"""Storylines: what one actor said on one topic, in time order."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..model import Statement, Storyline

__all__ = ["UNTOPICED", "build_storylines", "statement_order"]

UNTOPICED = "other statements"


def statement_order(s: Statement) -> tuple[bool, dt.date, str, int]:
    """Time order of statements: said_on (undated last), document, offset."""
    return (s.said_on is None, s.said_on or dt.date.min, s.document_id, s.content_start)


def build_storylines(statements: Sequence[Statement], key_to_entity: Mapping[str, str], topics: Mapping[str, str]) -> list[Storyline]:
    """One storyline per (speaker entity, topic); statements by said_on (undated last), document, offset.

    Statements whose speaker is not resolved to an entity (or that have none) are left out.
    The topic is ``topics[statement.id]``, else the statement's own ``topic``, else :data:`UNTOPICED`.
    """
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for st in statements:
        key = st.speaker_key
        actor = key_to_entity.get(key) if key else None
        if not actor:
            continue
        topic = topics.get(st.id) or st.topic or UNTOPICED
        groups[(actor, topic)].append(st)
    out = []
    for (actor, topic), members in sorted(groups.items()):
        seen: set[str] = set()
        ids = []
        for st in sorted(members, key=statement_order):
            if st.id not in seen:
                seen.add(st.id)
                ids.append(st.id)
        out.append(Storyline(actor_id=actor, topic=topic, statement_ids=tuple(ids)))
    return out
