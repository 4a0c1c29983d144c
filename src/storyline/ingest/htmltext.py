"""Plain-text extraction from HTML with lxml alone (no boilerplate detection).

Used for HTML fragments (in Markdown, feed summaries) and as the fallback
when the main-text extractor finds nothing (tiny or truncated pages).
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

__all__ = ["html_fragment_text", "html_page_text", "parse_html"]

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td th thead tr ul".split()
)
_NEVER_TEXT = frozenset("script style noscript template svg iframe object embed canvas head title".split())
_BOILERPLATE = frozenset("nav header footer aside form menu button select".split())
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"[^\S\n]+")


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """Parse possibly broken or truncated HTML; None when nothing parses."""
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _text(root: lxml.html.HtmlElement, skip: frozenset[str]) -> str:
    chunks: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in skip:
            if element.tail:
                chunks.append(element.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            chunks.append("\n")
        if isinstance(element.tag, str) and element.text:
            chunks.append(element.text)
        for child in element:
            walk(child)
        if block:
            chunks.append("\n")
        if element.tail:
            chunks.append(element.tail)

    walk(root)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


def html_fragment_text(html: str) -> str:
    """All visible text of an HTML fragment, one line per block element."""
    root = parse_html(f"<div>{html}</div>")
    return "" if root is None else _text(root, _NEVER_TEXT)


def html_page_text(root: lxml.html.HtmlElement) -> str:
    """Visible text of a page without navigation, header, footer, forms and asides."""
    return _text(root, _NEVER_TEXT | _BOILERPLATE)
