"""The corpus as it will be once an incremental update is written, for the steps that compute that update.

The resolution update is computed first and written last, in one transaction with
everything else; the findings, topics and storylines computed in between read
entities through :class:`AfterUpdate`, which answers from the update where it
speaks and from the store elsewhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..model import Entity, Mention
from ..store import CorpusUpdate, Store

__all__ = ["AfterUpdate", "by_document"]


def by_document(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        out[mention.document_id].append(mention)
    return out


class AfterUpdate:
    """Entity look-ups as they will be once ``update`` is written: the update where it speaks, else the store."""

    def __init__(self, store: Store, update: CorpusUpdate) -> None:
        self.store = store
        self.removed_keys = set(update.removed_keys)
        self.removed_entities = set(update.removed_entities)
        self.new = {e.id: e for e in update.entities}
        self.new_keys = {k: e.id for e in update.entities for k in e.local_keys}

    def key_to_entity(self, keys: Iterable[str]) -> dict[str, str]:
        keys = set(keys) - self.removed_keys
        out = {k: self.new_keys[k] for k in keys if k in self.new_keys}
        stored = self.store.entity_of_keys(keys - set(out))
        out.update({k: e for k, e in stored.items() if e not in self.removed_entities})
        return out

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        ids = set(ids)
        out = {i: self.new[i] for i in ids if i in self.new}
        out.update({e.id: e for e in self.store.entities_by_ids(ids - set(out) - self.removed_entities)})
        return out

    # -- the whole corpus (for a step that is recomputed over all of it) -----------
    def all_key_to_entity(self) -> dict[str, str]:
        out = {k: e for k, e in self.store.key_to_entity().items()
               if k not in self.removed_keys and e not in self.removed_entities}
        out.update(self.new_keys)
        return out

    def all_entities(self) -> Sequence[Entity]:
        out = {e.id: e for e in self.store.iter_entities() if e.id not in self.removed_entities}
        out.update(self.new)
        return list(out.values())

    def entity_names(self) -> dict[str, str]:
        out = {i: n for i, n in self.store.entity_names().items() if i not in self.removed_entities}
        out.update({i: e.name for i, e in self.new.items()})
        return out
