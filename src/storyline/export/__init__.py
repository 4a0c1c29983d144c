"""Exports: one module per format, chosen by name through :data:`FORMATS`.

:data:`FORMATS` is a :class:`storyline.registry.Registry` of :class:`ExportFormat`:
the built-in formats below, and any other installed package's entry point in the
``storyline.exports`` group (an :class:`ExportFormat`; see :mod:`storyline.registry`).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..errors import UnsupportedFormatError, UsageError
from ..registry import EXPORTS_GROUP, Registry
from ..store import Store
from .json_export import write_json

__all__ = ["CONTRACT_FORMATS", "FORMATS", "ExportFormat", "export", "register"]

Writer = Callable[..., None]  # writer(store, out: TextIO, **options)
# to_path(store, output, options): write to ``output`` itself and return True, or adjust options and return False
PathWriter = Callable[[Store, "str | None", dict[str, Any]], bool]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its writer, the options it takes, and (optionally) how it writes to a path itself."""

    name: str
    write: Writer
    options: frozenset[str] = frozenset()
    to_path: PathWriter | None = None


def _lazy(module: str, name: str) -> Writer:
    """A writer imported on first use (stix2, followthemoney and networkx are slow to import)."""

    def writer(store: Store, out: TextIO, **options: Any) -> None:
        getattr(importlib.import_module(f"{__name__}.{module}"), name)(store, out, **options)

    writer.__name__ = writer.__qualname__ = name
    return writer


def _csv_to_path(store: Store, output: str | None, options: dict[str, Any]) -> bool:
    """An ``output`` ending in ``.csv`` is one file of all record types; any other name a directory of files."""
    if output in (None, "-") or not (_is_directory(output) or Path(output).suffix.lower() != ".csv"):
        return False
    from .csv_export import write_csv_dir

    write_csv_dir(store, Path(output))
    return True


def _briefing_to_path(store: Store, output: str | None, options: dict[str, Any]) -> bool:
    """PDF (``pdf`` or an output ending in .pdf) is written here; an output ending in .html switches to HTML."""
    suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
    if options.pop("pdf", False) or suffix == ".pdf":
        _write_pdf(store, output, options)
        return True
    if suffix in (".html", ".htm"):
        options["html"] = True
    return False


def _export_format(name: str, obj: Any) -> ExportFormat:
    if not isinstance(obj, ExportFormat) or obj.name != name:
        raise TypeError(f"entry point {name!r} is not an ExportFormat named {name!r}")
    return obj


FORMATS: Registry[ExportFormat] = Registry(EXPORTS_GROUP, coerce=_export_format)


def register(fmt: ExportFormat) -> ExportFormat:
    """Add an export format (replacing one of the same name)."""
    return FORMATS.register(fmt.name, fmt)


for _fmt in (
    ExportFormat("json", write_json),
    ExportFormat("jsonl", _lazy("jsonl", "write_jsonl")),
    ExportFormat("csv", _lazy("csv_export", "write_csv"), to_path=_csv_to_path),
    ExportFormat("stix", _lazy("stix", "write_stix")),
    ExportFormat("ftm", _lazy("ftm", "write_ftm")),
    ExportFormat("graphml", _lazy("graphml", "write_graphml")),
    ExportFormat("briefing", _lazy("briefing", "write_briefing"),
                 frozenset({"actor", "topic", "since", "html", "pdf", "base_url", "limit"}), _briefing_to_path),
):
    register(_fmt)

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


def _is_directory(path: str) -> bool:
    return path.endswith(("/", "\\")) or Path(path).is_dir()


def export(store: Store, fmt: str, output: str | None = None, **options: Any) -> None:
    """Write the knowledge base as ``fmt`` to ``output`` (a file, a directory for csv, or stdout).

    For csv, an ``output`` ending in ``.csv`` is one file of all record types; any other name is a directory of
    one file per record type (created when missing).

    Options left as None are ignored, so a shell can pass every option it has.
    briefing: ``actor``, ``topic``, ``since`` (YYYY-MM-DD), ``html`` (also when
    ``output`` ends in .html), ``pdf`` (also for .pdf; needs WeasyPrint),
    ``base_url`` (prefix of workbench links), ``limit`` (rows per section).
    """
    spec = FORMATS.get(fmt)
    if spec is None:
        raise UnsupportedFormatError("export", fmt, FORMATS, not_yet=fmt in CONTRACT_FORMATS)
    options = {k: v for k, v in options.items() if v is not None and v is not False}
    unknown = set(options) - spec.options
    if unknown:
        raise UsageError(f"export --format {fmt} takes no option(s) {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(sorted(spec.options)) or 'none'}")
    if spec.to_path is not None and spec.to_path(store, output, options):
        return
    with _open_output(output) as out:
        spec.write(store, out, **options) if options else spec.write(store, out)


def _write_pdf(store: Store, output: str | None, options: dict[str, Any]) -> None:
    from .briefing import pdf_renderer, render_html, render_markdown, select_scope

    renderer: Any = pdf_renderer()  # a UsageError when no renderer is installed
    if output in (None, "-"):
        raise UsageError("a PDF briefing needs an output file: -o briefing.pdf")
    options.pop("html", None)
    base_url = options.pop("base_url", "")
    scope = select_scope(store, **options)
    page = render_html(render_markdown(store, scope, base_url=base_url), scope.title)
    target = Path(output)
    tmp = target.with_name(target.name + ".part")
    renderer(string=page).write_pdf(str(tmp))
    tmp.replace(target)
