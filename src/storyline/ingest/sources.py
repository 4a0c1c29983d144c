"""Turning the PATH arguments of ``storyline ingest`` into raw inputs.

A PATH is a file, a directory (walked recursively in sorted order, skipping
hidden files, sidecar ``*.meta.json`` files, README/LICENSE notes and obvious
non-documents), ``-`` for stdin, or an http(s) URL (fetched by :mod:`.fetch`). A file ``X.meta.json``
next to ``X.txt`` (or ``X.md`` ...) gives that document's title, source,
published, url and author. Gzip-compressed files (``page.html.gz``) are read decompressed. Problems become InputError values, one per input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from ..errors import InputError
from .base import IngestOptions, RawInput
from .fetch import Fetcher, is_url
from .registry import document_extensions

__all__ = ["SIDECAR_SUFFIX", "iter_raw_inputs", "printable_name", "read_file", "sidecar_for"]

SIDECAR_SUFFIX = ".meta.json"

# Never documents: images, audio/video, archives, fonts, code assets, binaries, databases.
NON_DOCUMENT_EXTENSIONS = frozenset(
    """
    .png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .avif
    .mp3 .wav .ogg .oga .opus .m4a .flac .aac .mp4 .m4v .mov .avi .mkv .webm
    .zip .gz .tgz .bz2 .xz .7z .rar .tar .zst
    .woff .woff2 .ttf .otf .eot .css .js .mjs .map
    .exe .dll .so .dylib .bin .o .a .class .jar .pyc .whl
    .db .sqlite .sqlite3 .parquet .pkl .npy
    .doc .docx .xls .xlsx .ppt .pptx .odt .ods .epub
    """.split()
)


# Files that describe a folder rather than being one of its documents (skipped in directory walks only).
FOLDER_NOTES = re.compile(r"^(readme|license|licence|copying|changelog|contributing)(\.[a-z]+)?$", re.I)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB ({n} bytes)" if n >= 1_048_576 else f"{n} bytes"


def sidecar_for(path: Path) -> Path:
    """``examples/a.txt`` -> ``examples/a.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX) if path.suffix else path.with_name(path.name + SIDECAR_SUFFIX)


def _read_sidecar(path: Path) -> Mapping[str, Any]:
    meta_path = sidecar_for(path)
    if not meta_path.is_file():
        return {}
    try:
        value = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(str(meta_path), f"unreadable metadata sidecar ({exc})") from exc
    if not isinstance(value, dict):
        raise InputError(str(meta_path), "metadata sidecar must hold a JSON object")
    return value


def _limited_read(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"input is larger than the limit of {_size(max_bytes)}")
    return data


def read_file(path: Path, options: IngestOptions) -> RawInput:
    """One file as a RawInput; its size is checked before anything is read."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from exc
    if size > options.max_bytes:
        raise InputError(name, f"file is {_size(size)}, over the limit of {_size(options.max_bytes)}")
    if size == 0:
        raise InputError(name, "empty input")
    try:
        with path.open("rb") as handle:
            data = _limited_read(handle, name, options.max_bytes)
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from exc
    return _decompressed(RawInput(name=name, data=data, extension=path.suffix.lower(), meta=_read_sidecar(path)),
                         options.max_bytes)


def _decompressed(raw: RawInput, max_bytes: int) -> RawInput:
    """``raw`` itself, or its decompressed bytes when it is gzip data (``page.html.gz`` reads as ``.html``)."""
    if not raw.data.startswith(_GZIP_MAGIC):
        return raw
    extension = raw.extension
    if extension in (".gz", ".tgz"):
        extension = PurePosixPath(raw.name[: -len(extension)]).suffix.lower()
    content_type = None if raw.content_type in ("application/gzip", "application/x-gzip") else raw.content_type
    return dataclasses.replace(raw, data=_gunzip(raw.data, raw.name, max_bytes), extension=extension,
                               content_type=content_type)


_GZIP_MAGIC = b"\x1f\x8b"


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """The decompressed bytes of a gzip file, refusing more than ``max_bytes`` of output (a gzip bomb)."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(name, f"broken gzip data ({exc})") from exc
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise InputError(name, f"decompressed input is larger than the limit of {_size(max_bytes)}")
    if not out.strip():
        raise InputError(name, "empty input (after gzip decompression)")
    return out


def _wanted(path: Path, known: frozenset[str]) -> bool:
    name = path.name
    if name.startswith((".", "~")) or name.endswith(SIDECAR_SUFFIX) or name.endswith("~"):
        return False
    if FOLDER_NOTES.match(name):
        return False
    suffix = path.suffix.lower()
    if suffix == ".gz" and Path(path.stem).suffix.lower() in known:
        return True  # a compressed document such as page.html.gz
    return suffix in known or suffix not in NON_DOCUMENT_EXTENSIONS


def _walk(directory: Path) -> Iterator[Path]:
    known = document_extensions()
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for filename in sorted(files):
            path = Path(root) / filename
            if _wanted(path, known):
                yield path


def iter_raw_inputs(
    paths: Sequence[str], options: IngestOptions, fetcher: Fetcher | None = None
) -> Iterator[RawInput | InputError]:
    """Each input's bytes, or the InputError that stopped it, in argument order."""
    own_fetcher: Fetcher | None = None
    try:
        for item in paths:
            if item == "-":
                try:
                    yield RawInput(name="-", data=_limited_read(sys.stdin.buffer, "-", options.max_bytes))
                except InputError as exc:
                    yield exc
                continue
            if is_url(item):
                if fetcher is None and own_fetcher is None:
                    own_fetcher = Fetcher()
                active = fetcher or own_fetcher
                assert active is not None
                try:
                    yield _decompressed(active.fetch(item, max_bytes=options.max_bytes), options.max_bytes)
                except InputError as exc:
                    yield exc
                continue
            path = Path(item)
            if path.is_dir():
                files = list(_walk(path))
                if not files:
                    yield InputError(item, "directory holds no documents")
                for file in files:
                    yield _safe_read(file, options)
            elif path.name.endswith(SIDECAR_SUFFIX):
                yield InputError(item, "a metadata sidecar, not a document (it is read with the file it describes)")
            elif path.exists():
                yield _safe_read(path, options)
            else:
                yield InputError(printable_name(item), "no such file or directory")
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def printable_name(name: str) -> str:
    """``name`` with bytes that are not UTF-8 (kept by the OS as surrogates) shown as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _safe_read(path: Path, options: IngestOptions) -> RawInput | InputError:
    name = str(path)
    if printable_name(name) != name:
        return InputError(printable_name(name), "file name is not valid UTF-8; rename the file to store it")
    try:
        return read_file(path, options)
    except InputError as exc:
        return exc
