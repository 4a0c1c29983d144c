"""Walking a large JSON text one value at a time (no ijson needed).

:class:`JsonScanner` walks objects key by key and arrays item by item with
``json.JSONDecoder.raw_decode``, so a 100,000-message export is turned into
small records as it is read instead of into one tree of 100,000 dicts. A value
the caller does not want is skipped by decoding it and dropping it at once.
Malformed or truncated JSON raises :class:`JsonSyntaxError` with the
character position.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["JsonScanner", "JsonSyntaxError"]

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonSyntaxError(ValueError):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(f"{message} at character {pos}")
        self.pos = pos


class JsonScanner:
    def __init__(self, text: str, pos: int = 0) -> None:
        self.text = text
        self.pos = pos

    def _ws(self) -> None:
        self.pos = _WS.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def peek(self) -> str:
        self._ws()
        if self.pos >= len(self.text):
            raise JsonSyntaxError("unexpected end of JSON (truncated?)", self.pos)
        return self.text[self.pos]

    def _expect(self, ch: str) -> None:
        if self.peek() != ch:
            raise JsonSyntaxError(f"expected {ch!r}, found {self.text[self.pos]!r}", self.pos)
        self.pos += 1

    def value(self) -> Any:
        """Decode the next value whole."""
        self._ws()
        try:
            obj, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as exc:
            raise JsonSyntaxError(exc.msg, exc.pos) from None
        except RecursionError:
            raise JsonSyntaxError("too deeply nested", self.pos) from None
        return obj

    def keys(self) -> Iterator[str]:
        """Walk an object: yields each key; the caller must consume its value before the next step."""
        self._expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise JsonSyntaxError("expected a string key", self.pos)
            self._expect(":")
            yield key
            ch = self.peek()
            self.pos += 1
            if ch == "}":
                return
            if ch != ",":
                raise JsonSyntaxError(f"expected ',' or '}}', found {ch!r}", self.pos - 1)

    def items(self) -> Iterator[None]:
        """Walk an array: yields once per item; the caller must consume the item."""
        self._expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield None
            ch = self.peek()
            self.pos += 1
            if ch == "]":
                return
            if ch != ",":
                raise JsonSyntaxError(f"expected ',' or ']', found {ch!r}", self.pos - 1)

    def end(self) -> None:
        """Only whitespace (or ";" after a JavaScript assignment) may follow."""
        self._ws()
        if self.text[self.pos :].strip().strip(";").strip():
            raise JsonSyntaxError("extra data after the JSON value", self.pos)
