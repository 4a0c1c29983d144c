"""A claim or a fact view as compact JSON text and back, so an update reads those of unchanged documents instead of rebuilding them.

A :class:`~.claims.Claim` depends on its statement, its document, the document's mentions and the entities they
resolve to, and a :class:`~.numeric.FactView` on its fact and the same; a statement or fact of a document that an
update leaves alone (none of its mentions now resolves to another entity, name or type) has the claim or view it had,
so the store keeps each one's state (``claim_states``) and an update turns it back into the claim
:func:`~.claims.build_claims` or the view :func:`~.numeric.build_fact_views` would give. The text is a JSON array of
the record's fields in declaration order, nested records as arrays too, enums by value, dates in ISO form, sets
sorted; it is read back by the fields' declared types, so no code is ever loaded from the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from .claims import Claim
from .numeric import FactView

__all__ = ["decode_claim", "decode_view", "encode_claim", "encode_view"]


def _plain(v: Any) -> Any:
    if v is None or type(v) in (bool, int, float, str):
        return v
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, dt.date):
        return v.isoformat()
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return [_plain(getattr(v, f.name)) for f in dataclasses.fields(v)]
    if isinstance(v, (frozenset, set)):
        return sorted(_plain(x) for x in v)
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    raise TypeError(f"a claim or fact view holds a value its state cannot keep: {type(v).__name__}")


def encode_claim(claim: Claim) -> str:
    """The claim as JSON text (:func:`decode_claim` gives it back equal)."""
    claim.id  # noqa: B018 - sets the cached id, so the state holds it
    return json.dumps(_plain(claim), ensure_ascii=False, separators=(",", ":"))


def encode_view(view: FactView) -> str:
    """The fact view as JSON text (:func:`decode_view` gives it back equal)."""
    return json.dumps(_plain(view), ensure_ascii=False, separators=(",", ":"))


def _same(v: Any) -> Any:
    return v


_READERS: dict[Any, Callable[[Any], Any]] = {}


def _reader(hint: Any) -> Callable[[Any], Any]:
    """How to read a JSON value back into a value of the declared type ``hint``."""
    found = _READERS.get(hint)
    if found is None:
        found = _READERS[hint] = _make_reader(hint)
    return found


def _make_reader(hint: Any) -> Callable[[Any], Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (Any, bool, int, float, str):
        return _same
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        if len(kinds) != 1:
            raise TypeError(f"a field has a type its state cannot read: {hint}")
        inner = _reader(kinds[0])
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _reader(args[0])
            return lambda v: tuple(item(x) for x in v)
        readers = [_reader(a) for a in args]
        return lambda v: tuple(read(x) for read, x in zip(readers, v))
    if origin is frozenset:
        item = _reader(args[0])
        return lambda v: frozenset(item(x) for x in v)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint is dt.date:
        return dt.date.fromisoformat
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        declared = typing.get_type_hints(hint)
        readers = [_reader(declared[f.name]) for f in dataclasses.fields(hint)]
        record = hint
        return lambda v: record(*[read(x) for read, x in zip(readers, v)])
    raise TypeError(f"a field has a type its state cannot read: {hint}")


def decode_claim(text: str) -> Claim:
    """The claim :func:`encode_claim` wrote."""
    claim: Claim = _reader(Claim)(json.loads(text))
    return claim


def decode_view(text: str) -> FactView:
    """The fact view :func:`encode_view` wrote."""
    view: FactView = _reader(FactView)(json.loads(text))
    return view
