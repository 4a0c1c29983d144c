"""The Atom 1.0 feed (``feed.xml``) and the sitemap (``sitemap.xml``), built with an XML library, not templates.

Both depend only on the pieces (no build time), so an unchanged site gives
byte-identical files and the incremental writer leaves them alone.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import urljoin

from .pieces import Piece
from .settings import SiteSettings

__all__ = ["atom_feed", "sitemap"]

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _rfc3339(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def atom_feed(settings: SiteSettings, pieces: Sequence[Piece], limit: int = 50) -> bytes:
    """Atom 1.0 with the newest ``limit`` pieces; ids and links are absolute URLs under ``base_url``."""
    ET.register_namespace("", ATOM)
    q = lambda tag: f"{{{ATOM}}}{tag}"  # noqa: E731
    feed = ET.Element(q("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": settings.language})
    _sub(feed, q("title"), settings.name)
    if settings.description:
        _sub(feed, q("subtitle"), settings.description)
    _sub(feed, q("id"), settings.base_url)
    _sub(feed, q("link"), rel="self", type="application/atom+xml", href=urljoin(settings.base_url, "feed.xml"))
    _sub(feed, q("link"), rel="alternate", type="text/html", href=settings.base_url)
    shown = list(pieces)[:limit]
    _sub(feed, q("updated"), _rfc3339(max((p.updated for p in shown), default=_EPOCH)))
    _sub(feed, q("generator"), "Storyline")
    for piece in shown:
        url = urljoin(settings.base_url, piece.path)
        entry = _sub(feed, q("entry"))
        _sub(entry, q("title"), piece.title)
        _sub(entry, q("id"), url)
        _sub(entry, q("link"), rel="alternate", type="text/html", href=url)
        _sub(entry, q("published"), _rfc3339(piece.published))
        _sub(entry, q("updated"), _rfc3339(piece.updated))
        author = _sub(entry, q("author"))
        _sub(author, q("name"), piece.author.name)
        _sub(entry, q("summary"), piece.summary, type="text")
    return _bytes(feed)


def sitemap(settings: SiteSettings, pages: Sequence[tuple[str, dt.datetime | None]]) -> bytes:
    """A sitemap of ``(path, last modified)`` pages."""
    ET.register_namespace("", SITEMAP)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for path, modified in pages:
        url = _sub(root, f"{{{SITEMAP}}}url")
        _sub(url, f"{{{SITEMAP}}}loc", urljoin(settings.base_url, path))
        if modified is not None:
            _sub(url, f"{{{SITEMAP}}}lastmod", modified.astimezone(dt.timezone.utc).date().isoformat())
    return _bytes(root)
