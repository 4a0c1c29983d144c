"""``export --format csv``: the CONTRACT.md records as CSV, streamed.

To one stream (stdout or a file): one table whose first column, ``record``,
names the record type, with the union of every type's columns. To a directory
(``-o DIR``): one file per record type (``documents.csv``, ``entities.csv``,
...) with only that type's columns. List values (aliases, finding items,
statement ids) are JSON in their cell; missing values are empty cells. Text is
kept as it is (quotes, commas and newlines are quoted by the csv module), with
one exception: the texts are untrusted (articles, posts, watchlists), and a
spreadsheet would run a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula (``=HYPERLINK(...)``, DDE payloads). Such a
text cell gets a leading single quote ``'``, as the OWASP CSV-injection
guidance recommends, so it shows as text. Numbers are never changed: numeric
values, and text that is only a number such as ``-12`` or ``-3.5``, stay as
they are. A consumer that needs the exact stored text uses ``json``/``jsonl``
or strips that one leading quote from cells that start with ``'`` followed by
one of those characters.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..errors import UsageError
from ..store import Store
from .json_export import iter_sections
from .jsonl import RECORD_TYPES

__all__ = ["COLUMNS", "write_csv", "write_csv_dir"]

# The columns of each section, in the order of the CONTRACT.md dictionaries.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "external_id", "title", "url", "source", "published", "published_precision", "sha256", "chars",
                  "text"),
    "entities": ("id", "type", "name", "aliases", "mention_count"),
    "mentions": ("id", "entity_id", "document_id", "start", "end", "text"),
    "statements": ("id", "document_id", "start", "end", "speaker_id", "speaker_text", "cue", "content",
                   "content_start", "content_end", "kind", "said_on", "said_on_basis", "said_on_precision", "topic",
                   "polarity"),
    "facts": ("id", "document_id", "start", "end", "text", "subject_id", "subject_text", "measure", "value",
              "value_max", "comparator", "unit", "period", "relation", "population", "baseline"),
    "links": ("entity_id", "list", "ref", "name", "matched", "score"),
    "storylines": ("id", "actor_id", "topic", "statement_ids"),
    "findings": ("id", "kind", "items", "sides", "score", "explanation", "status", "note"),
}


def _all_columns() -> tuple[str, ...]:
    seen: dict[str, None] = {"record": None}
    for cols in COLUMNS.values():
        seen.update(dict.fromkeys(cols))
    return tuple(seen)


# What a spreadsheet reads as the start of a formula (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number (``-12``, ``+3.5``, ``-1e6``): starts like a formula but is only a value.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def _neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula; plain numbers unchanged."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)  # starts with [ or {: never a formula
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _neutralise(value)
    return value  # int/float: written as the number it is


def _rows(records: Iterable[dict[str, Any]], columns: tuple[str, ...], section: str) -> Iterable[list[Any]]:
    known = set(columns)
    for record in records:
        extra = set(record) - known
        if extra:  # a CONTRACT field this table does not know: fail loudly rather than drop data
            raise UsageError(f"csv export has no column for {section} field(s) {sorted(extra)}")
        yield [_cell(record.get(c)) for c in columns]


def write_csv(store: Store, out: TextIO) -> None:
    columns = _all_columns()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for section, records in iter_sections(store):
        own = COLUMNS[section]
        record_type = RECORD_TYPES[section]
        for values in _rows(records, own, section):
            by_name = dict(zip(own, values))
            writer.writerow([record_type if c == "record" else by_name.get(c, "") for c in columns])


def write_csv_dir(store: Store, directory: Path) -> list[Path]:
    """One CSV per record type in ``directory`` (created if missing); returns the files written."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"cannot write CSV files into {directory}: it is not a directory")
    if not directory.parent.exists():
        raise UsageError(f"cannot write {directory}: directory {directory.parent} does not exist")
    directory.mkdir(exist_ok=True)
    written: list[Path] = []
    for section, records in iter_sections(store):
        target = directory / f"{section}.csv"
        tmp = target.with_name(target.name + ".part")
        columns = COLUMNS[section]
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(_rows(records, columns, section))
        tmp.replace(target)  # never leave a half-written file under the real name
        written.append(target)
    return written
