"""Ingest: turn files, directories, stdin and URLs into :class:`~storyline.model.Document` values.

The one entry point is :func:`read_documents`. Each input is read by one
reader (chosen by ``--format`` or by sniffing, see :mod:`.detect`); an input
that fails becomes an :class:`~storyline.errors.InputError` in the output
stream and never stops the others.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import InputError
from ..model import Document
from .base import IngestOptions, RawInput, Reader, ReadResult
from .build import make_document
from .dates import parse_date
from .decode import decode_bytes
from .detect import choose_reader
from .fetch import Fetcher
from .html import extract_page
from .infer import document_date, headline_title, leading_url, outlet_from_url, slug_title
from .registry import get_reader
from .sources import iter_raw_inputs
from .threads import is_posts_document

__all__ = ["Fetcher", "IngestOptions", "RawInput", "ReadResult", "Reader", "read_documents", "read_raw"]

log = logging.getLogger(__name__)

_SIDECAR_FIELDS = ("title", "source", "author", "url")


def read_documents(
    paths: Sequence[str], options: IngestOptions | None = None, fetcher: Fetcher | None = None
) -> Iterator[Document | InputError]:
    """Every document in ``paths``, and an InputError for each input (or part) that failed.

    URLs are fetched with ``fetcher`` (or a default one). Feed entries' linked
    pages are fetched only when a ``fetcher`` is passed explicitly.
    Raises UnsupportedFormatError at once for an unknown ``options.format``.
    """
    options = options or IngestOptions()
    if options.format:
        get_reader(options.format)
    for item in iter_raw_inputs(paths, options, fetcher):
        if isinstance(item, InputError):
            yield item
            continue
        for result in read_raw(item, options):
            if fetcher is not None and isinstance(result, Document) and result.format == "feed" and result.url:
                result = _follow_link(result, fetcher, options)
            yield result


def read_raw(raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
    """The documents of one raw input, with the options, sidecar and origin applied."""
    try:
        reader = choose_reader(raw, options)
        for result in reader.read(raw, options):
            yield result if isinstance(result, InputError) else _finish(result, raw, reader, options)
    except InputError as exc:
        yield exc
    except RecursionError as exc:
        yield InputError(raw.name, f"too deeply nested to read ({exc})")
    except Exception as exc:  # one reader's bug must not stop the other inputs
        log.exception("reader failed on %s", raw.name)
        yield InputError(raw.name, f"could not be read ({type(exc).__name__}: {exc})")


def _finish(doc: Document, raw: RawInput, reader: Reader, options: IngestOptions) -> Document:
    changes: dict[str, Any] = {"origin": raw.name, "format": reader.name}
    metadata = dict(doc.metadata)
    for key, value in raw.meta.items():
        if key in _SIDECAR_FIELDS and value is not None:
            changes[key] = str(value)
        elif key in ("published", "date") and value is not None:
            published = parse_date(value)
            if published is None:
                log.warning("%s: sidecar date %r not understood", raw.name, value)
            else:
                changes["published"] = published
        elif key == "id" and value is not None:
            changes["external_id"] = str(value)
        else:
            metadata[key] = value
    changes["metadata"] = metadata
    if options.source:
        changes["source"] = options.source
    if doc.published is None and "published" not in changes and options.published is not None:
        changes["published"] = options.published
    if options.title:
        changes["title"] = options.title
    if doc.url is None and "url" not in changes and raw.url:
        changes["url"] = raw.url
    return _infer_missing(dataclasses.replace(doc, **changes), raw)


def _infer_missing(doc: Document, raw: RawInput) -> Document:
    """Fill the title, date and outlet the input did not state from what a reader would infer (see .infer)."""
    if is_posts_document(doc):
        return doc
    url = doc.url or raw.url
    inferred: dict[str, str] = {}
    changes: dict[str, Any] = {}
    opening_url = leading_url(doc.text)  # a saved page's address, on the line the text opens with
    if url is None and opening_url is not None:
        url = changes["url"] = opening_url
        inferred["url"] = "text"
    location, origin = (url, "url") if url else (None if raw.name == "-" else raw.name, "file name")
    metadata = dict(doc.metadata)
    if doc.title is None:
        title = headline_title(doc.text.lstrip().partition("\n")[2] if opening_url else doc.text)
        if title:
            changes["title"], inferred["title"] = title, "headline"
        elif location and (slug := slug_title(location, origin)):
            changes["title"], inferred["title"] = slug, origin
    if doc.published is None:
        found = document_date(doc.text, location, origin)
        if found is not None:
            changes["published"], inferred["published"] = found.date, found.origin
            metadata["published_precision"] = found.precision
    if doc.source is None and origin == "url" and location and (outlet := outlet_from_url(location)):
        changes["source"], inferred["source"] = outlet, "domain"
    if inferred:
        metadata["inferred"] = inferred
    if not changes and metadata == dict(doc.metadata):
        return doc
    return dataclasses.replace(doc, **changes, metadata=metadata)


def _follow_link(doc: Document, fetcher: Fetcher, options: IngestOptions) -> Document:
    """Replace a feed entry's summary with the text of the page it links to, when that page has more."""
    assert doc.url is not None
    try:
        raw = fetcher.fetch(doc.url, max_bytes=options.max_bytes)
        page = extract_page(decode_bytes(raw.data, raw.name, raw.charset), raw.url)
    except InputError as exc:
        log.warning("%s: keeping the feed summary (%s)", doc.url, exc.reason)
        return doc
    if len(page.text.strip()) <= len(doc.text):
        return doc
    fields = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc) if f.name not in {"id", "text", "sha256"}}
    fields["metadata"] = {**doc.metadata, "text_from": "linked page", "extractor": page.extractor}
    fields.pop("format")
    built = make_document(doc.url, page.text, format=doc.format)
    return dataclasses.replace(built, **fields)
