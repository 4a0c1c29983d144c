"""HTML pages: the main text without boilerplate (trafilatura), plus title, author, date, site.

Falls back to plain lxml text extraction (minus nav/header/footer) when
trafilatura finds no main text, so tiny and truncated pages still give text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree
import trafilatura

from ..errors import InputError
from .base import IngestOptions, RawInput, ReadResult
from .build import make_document
from .dates import parse_date
from .decode import decode_bytes
from .htmltext import html_page_text, parse_html

__all__ = ["ExtractedPage", "HtmlReader", "extract_page"]

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_CUT_TAG = re.compile(r"<[^<>]*\Z")  # a tag cut off by truncation
_HTML_TAGS = re.compile(rb"<(?:p|div|br|a|span|h[1-6])\b[^>]*>", re.I)


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # as found: usually YYYY-MM-DD
    site: str | None = None
    url: str | None = None
    description: str | None = None
    extractor: str = "trafilatura"  # or "lxml" when the fallback gave the text


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


def extract_page(html: str, url: str | None = None) -> ExtractedPage:
    """Main text and metadata of one HTML page (text may be empty)."""
    html = _CUT_TAG.sub("", html)
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except (lxml.etree.LxmlError, ValueError, TypeError, AttributeError, IndexError) as exc:
        log.warning("trafilatura failed on %s (%s); using plain extraction", url or "page", exc)
        found = None
    text = (getattr(found, "text", None) or "") if found is not None else ""
    meta = {
        key: getattr(found, key, None) if found is not None else None
        for key in ("title", "author", "date", "sitename", "url", "description")
    }
    extractor = "trafilatura"
    if not text.strip():
        root = parse_html(html)
        text = html_page_text(root) if root is not None else ""
        extractor = "lxml"
        if root is not None and not meta["title"]:
            title = root.findtext(".//title")
            meta["title"] = title.strip() if title else None
    return ExtractedPage(
        text=text,
        title=meta["title"],
        author=meta["author"],
        published=meta["date"],
        site=meta["sitename"],
        url=meta["url"],
        description=meta["description"],
        extractor=extractor,
    )


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml")
    priority = 70

    def sniff(self, raw: RawInput) -> bool:
        if raw.extension in self.extensions:
            return True
        if (raw.content_type or "") in {"text/html", "application/xhtml+xml"}:
            return True
        head = raw.data[:2048]
        return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3

    def read(self, raw: RawInput, options: IngestOptions) -> Iterator[ReadResult]:
        html = decode_bytes(raw.data, raw.name, raw.charset or _declared_charset(raw.data))
        page = extract_page(html, raw.url)
        if not page.text.strip():
            raise InputError(raw.name, "no text found in the HTML page")
        metadata: dict[str, str] = {"extractor": page.extractor}
        if page.description:
            metadata["description"] = page.description
        if page.published and parse_date(page.published) is None:
            metadata["published_raw"] = page.published
        yield make_document(
            raw.name,
            page.text,
            format=self.name,
            title=page.title,
            author=page.author,
            source=page.site,
            url=raw.url or page.url,
            published=parse_date(page.published),
            metadata=metadata,
        )
