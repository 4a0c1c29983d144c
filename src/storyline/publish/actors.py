"""Which actors (entities) a piece is about: from the mentions of its document, or from names in its text.

An actor is keyed by its entity id when corpus resolution has run, else by
its canonical name (``name:<casefolded name>``), so pieces of an unresolved
store still find each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Entity, EntityType, Mention
from ..store import Store

__all__ = ["Actor", "ActorIndex"]

_PAGE_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    type: EntityType

    @property
    def has_page(self) -> bool:
        """People and organisations get an actor page; places and events only relate pieces."""
        return self.type in _PAGE_TYPES


def _name_key(name: str) -> str:
    return "name:" + " ".join(name.split()).casefold()


class ActorIndex:
    """Entities of the store, looked up by document cluster or by name."""

    def __init__(self, entities: Iterable[Entity], key_to_entity: Mapping[str, str],
                 fallback_mentions: Iterable[Mention] = ()) -> None:
        self.entities = {e.id: e for e in entities}
        self.key_to_entity = dict(key_to_entity)
        self._by_name: dict[str, Actor] = {}
        for e in self.entities.values():
            actor = Actor(e.id, e.name, e.type)
            for name in (e.name, *e.aliases):
                self._by_name.setdefault(" ".join(name.split()).casefold(), actor)
        if not self.entities:  # an unresolved store: canonical names stand in for entities
            for m in fallback_mentions:
                if m.is_name:
                    self._by_name.setdefault(" ".join(m.canonical.split()).casefold(),
                                             Actor(_name_key(m.canonical), m.canonical, m.type))
        names = sorted((n for n in self._by_name if len(n) >= 3), key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                                   re.I) if names else None

    @classmethod
    def from_store(cls, store: Store) -> ActorIndex:
        entities = list(store.iter_entities())
        fallback = [] if entities else list(store.iter_mentions())
        return cls(entities, store.key_to_entity(), fallback)

    def for_mention(self, mention: Mention) -> Actor | None:
        entity_id = self.key_to_entity.get(mention.local_key)
        if entity_id and entity_id in self.entities:
            e = self.entities[entity_id]
            return Actor(e.id, e.name, e.type)
        if not mention.is_name:
            return None
        return self._by_name.get(" ".join(mention.canonical.split()).casefold()) or \
            Actor(_name_key(mention.canonical), mention.canonical, mention.type)

    def for_key(self, local_key: str | None) -> Actor | None:
        """The actor of a document cluster key (``doc#cluster``), when resolution named one."""
        entity_id = self.key_to_entity.get(local_key or "")
        e = self.entities.get(entity_id or "")
        return Actor(e.id, e.name, e.type) if e else None

    def named(self, name: str) -> Actor | None:
        return self._by_name.get(" ".join(name.split()).casefold())

    def in_text(self, text: str) -> list[Actor]:
        """Actors whose name or alias (3+ characters) occurs capitalised, as whole words, in ``text``."""
        if self._pattern is None:
            return []
        found: dict[str, Actor] = {}
        for m in self._pattern.finditer(text):
            surface = m.group(1)
            actor = self._by_name[" ".join(surface.split()).casefold()]
            if surface[:1].islower():  # names are capitalised: "the front line" is not "Front"
                continue
            found.setdefault(actor.key, actor)
        return list(found.values())
