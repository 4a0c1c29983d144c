"""One registration style for what Storyline can be extended with: ingest readers, nlp stages, export formats.

A :class:`Registry` holds named items of one kind. Items get in three ways:

- built in: the registry names the modules that register its built-in items when imported
  (``modules=``); they are imported on first use, so the module that owns a registry never
  imports the modules that fill it;
- at import time: ``registry.register(name, item)`` (what the built-in modules call);
- from another installed package: an entry point in the registry's group, e.g. in the
  plugin's ``pyproject.toml``::

      [project.entry-points."storyline.readers"]
      signal = "storyline_signal:SignalReader"

  The entry point's object is loaded on first use and registered under the entry point's
  name (the registry's ``coerce`` may turn it into an item, e.g. instantiate a reader class).
  A plugin item replaces a built-in one of the same name.

Groups: :data:`READERS_GROUP`, :data:`STAGES_GROUP`, :data:`EXPORTS_GROUP` (the same
pattern as spaCy's registries and datasette's plugin hooks).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

__all__ = ["EXPORTS_GROUP", "READERS_GROUP", "STAGES_GROUP", "Registry"]

log = logging.getLogger(__name__)

READERS_GROUP = "storyline.readers"
STAGES_GROUP = "storyline.stages"
EXPORTS_GROUP = "storyline.exports"

T = TypeVar("T")


class Registry(Generic[T]):
    """Named items of one kind, in registration order; built-in modules and entry points loaded on first use."""

    def __init__(self, group: str, *, modules: Sequence[str] = (), coerce: Callable[[str, Any], T] | None = None) -> None:
        self.group = group
        self._modules = tuple(modules)
        self._coerce = coerce
        self._items: dict[str, T] = {}
        self._loaded = False
        self._loading = False
        self._lock = threading.RLock()

    def register(self, name: str, item: T) -> T:
        """Add ``item`` under ``name`` (replacing an earlier one of that name); returns it."""
        self._items.pop(name, None)
        self._items[name] = item
        return item

    def copy(self) -> Registry[T]:
        """A registry of the same group holding the same items (built-ins and plugins loaded); changes stay in it."""
        self._load()
        other: Registry[T] = Registry(self.group, coerce=self._coerce)
        other._items = dict(self._items)
        other._loaded = True
        return other

    def unregister(self, name: str) -> None:
        """Remove the item called ``name``, if any."""
        self._load()
        self._items.pop(name, None)

    def _load(self) -> None:
        if self._loaded:
            return
        with self._lock:  # other threads wait for the whole load; a module importing itself back returns early
            if self._loaded or self._loading:
                return
            self._loading = True
            try:
                for module in self._modules:
                    importlib.import_module(module)
                for ep in entry_points(group=self.group):
                    try:
                        obj = ep.load()
                        item = self._coerce(ep.name, obj) if self._coerce else obj
                    except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the built-in ones
                        log.warning("cannot load %s plugin %r (%s): %s", self.group, ep.name, ep.value, exc)
                        continue
                    self.register(ep.name, item)
                self._loaded = True
            finally:
                self._loading = False

    def reload(self) -> None:
        """Look for entry points again on next use (after installing a plugin in a running process)."""
        self._loaded = False

    def get(self, name: str) -> T | None:
        self._load()
        return self._items.get(name)

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        self._load()
        return iter(list(self._items))

    def names(self) -> list[str]:
        self._load()
        return sorted(self._items)

    def items(self) -> list[T]:
        """Every item, in registration order."""
        self._load()
        return list(self._items.values())
