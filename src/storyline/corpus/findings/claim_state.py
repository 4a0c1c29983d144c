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
import hashlib
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from .claims import Claim
from .numeric import FactView

__all__ = ["decode_claim", "decode_view", "encode_claim", "encode_view"]


_SCALARS = frozenset({bool, int, float, str, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a record type's field names, in declaration order


def _plain(v: Any) -> Any:
    kind = type(v)
    if kind in _SCALARS:
        return v
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    if names is not None:
        return [_plain(getattr(v, n)) for n in names]
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (frozenset, set)):
        return sorted(_plain(x) for x in v)
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    raise TypeError(f"a claim or fact view holds a value its state cannot keep: {kind.__name__}")


def _shape(hint: Any, out: list[str]) -> None:
    """The names of the records, fields and enum values a type holds, depth first (what a state's layout depends on)."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__qualname__ in out:
            return
        out.append(hint.__qualname__)
        declared = typing.get_type_hints(hint)
        for f in dataclasses.fields(hint):
            out.append(f.name)
            _shape(declared[f.name], out)
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        out.append(hint.__qualname__ + ":" + ",".join(str(m.value) for m in hint))
    else:
        for arg in typing.get_args(hint):
            _shape(arg, out)


_LAYOUTS: dict[type, str] = {}


def _layout(record: type) -> str:
    """A short digest of a record type's layout: a state written by code whose records had other fields reads as none."""
    found = _LAYOUTS.get(record)
    if found is None:
        names: list[str] = []
        _shape(record, names)
        found = _LAYOUTS[record] = hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()[:12]
    return found


def _encode(record: Any) -> str:
    return json.dumps([_layout(type(record)), _plain(record)], ensure_ascii=False, separators=(",", ":"))


def encode_claim(claim: Claim) -> str:
    """The claim as JSON text (:func:`decode_claim` gives it back equal, but for its statement's topic: the topics
    step's label, which depends on when the statement was read and which no finding reads)."""
    claim.id  # noqa: B018 - sets the cached id, so the state holds it
    if claim.statement.topic is not None:
        claim = dataclasses.replace(claim, statement=dataclasses.replace(claim.statement, topic=None))
    return _encode(claim)


def encode_view(view: FactView) -> str:
    """The fact view as JSON text (:func:`decode_view` gives it back equal)."""
    return _encode(view)


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


def _decode(record: type, text: str) -> Any:
    found = json.loads(text)
    if not (isinstance(found, list) and len(found) == 2 and found[0] == _layout(record)):
        return None  # written for records of another layout
    return _reader(record)(found[1])


def decode_claim(text: str) -> Claim | None:
    """The claim :func:`encode_claim` wrote; None when it was written for claims of another layout."""
    claim: Claim | None = _decode(Claim, text)
    return claim


def decode_view(text: str) -> FactView | None:
    """The fact view :func:`encode_view` wrote; None when it was written for views of another layout."""
    view: FactView | None = _decode(FactView, text)
    return view
