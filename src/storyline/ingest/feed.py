"""RSS and Atom feeds (feedparser): each entry is one document.

The entry's content (or summary) is HTML; its text comes from the same
extraction as HTML pages. Linked pages are never fetched here: the
:mod:`storyline.ingest` entry point does that, only when given a fetcher.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import InputError
from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .dates import parse_date
from .htmltext import html_fragment_text

__all__ = ["FeedReader"]

log = logging.getLogger(__name__)

_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


class FeedReader:
    name = "feed"
    extensions = (".rss", ".atom", ".xml")
    priority = 20

    def sniff(self, raw: RawInput) -> bool:
        if (raw.content_type or "") in _FEED_TYPES:
            return True
        head = raw.data[:2048]
        return bool(_FEED_START.search(head)) and b"<html" not in head.lower()

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        if not raw.data.strip():
            raise InputError(raw.name, "empty input")
        parsed = feedparser.parse(raw.data, sanitize_html=False, resolve_relative_uris=False)
        entries = parsed.get("entries") or []
        if not entries:
            reason = parsed.get("bozo_exception")
            detail = f" ({reason})" if reason else ""
            raise InputError(raw.name, f"not a readable RSS/Atom feed, or a feed without entries{detail}")
        channel = parsed.get("feed") or {}
        feed_title = channel.get("title")
        for number, entry in enumerate(entries, start=1):
            where = f"{raw.name}#entry{number}"
            html = _entry_html(entry)
            text = html_fragment_text(html) if html else ""
            title = entry.get("title")
            metadata: dict[str, Any] = {}
            if entry.get("id"):
                metadata["entry_id"] = entry["id"]
            tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
            if tags:
                metadata["tags"] = tags
            if channel.get("link"):
                metadata["feed_link"] = channel["link"]
            if not text.strip() and title:
                metadata["text_from"] = "title"
                text = title
            try:
                yield make_document(
                    where,
                    text,
                    format=self.name,
                    title=title,
                    url=entry.get("link"),
                    source=feed_title,
                    author=entry.get("author"),
                    published=parse_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                    external_id=entry.get("id"),
                    metadata=metadata,
                )
            except InputError as exc:
                yield exc
