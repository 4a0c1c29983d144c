"""Exports: one module per format, chosen by name through :data:`FORMATS`."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import UnsupportedFormatError, UsageError
from ..store import Store
from .json_export import write_json

__all__ = ["CONTRACT_FORMATS", "FORMATS", "export"]

Writer = Callable[[Store, TextIO], None]

# Formats that write one stream (stdout or a file).
FORMATS: dict[str, Writer] = {"json": write_json}
# Formats named by CONTRACT.md; those not in FORMATS yet fail with "not yet supported".
CONTRACT_FORMATS = ("json", "jsonl", "csv", "stix", "ftm", "graphml", "briefing")


@contextlib.contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    if path in (None, "-"):
        yield sys.stdout
        return
    target = Path(path)
    if target.parent and not target.parent.exists():
        raise UsageError(f"cannot write {path}: directory {target.parent} does not exist")
    tmp = target.with_name(target.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        yield fh
    tmp.replace(target)  # never leave a half-written export under the real name


def export(store: Store, fmt: str, output: str | None = None, **options: Any) -> None:
    writer = FORMATS.get(fmt)
    if writer is None:
        raise UnsupportedFormatError("export", fmt, FORMATS, not_yet=fmt in CONTRACT_FORMATS)
    with _open_output(output) as out:
        writer(store, out, **options) if options else writer(store, out)
