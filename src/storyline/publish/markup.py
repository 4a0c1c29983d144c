"""Text into safe HTML for the published site: Markdown with raw HTML off, post text with claims marked, teasers.

Nothing here trusts its input: every piece of text goes through
:func:`markupsafe.escape`, Markdown is rendered with HTML disabled, and only
``http(s)``/``mailto`` link targets (and in-page ``#fragments``) survive;
any other link becomes its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

__all__ = ["Claim", "first_sentences", "markdown_html", "post_html", "safe_href"]

_SAFE_SCHEME = re.compile(r"^(https?://[^\s/]+|mailto:[^\s]+$|#[\w.-]*$)", re.I)
_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) or mailto link or an in-page fragment, else None."""
    if not url:
        return None
    url = url.strip()
    return url if _SAFE_SCHEME.match(url) and not any(c in url for c in "\r\n\t\x00") else None


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _clean_links(tokens: list[Token]) -> None:
    """Drop unsafe links (keeping their text) and unsafe images (keeping their alt text), in place."""
    for token in tokens:
        if token.children:
            _clean_links(token.children)
            kept: list[Token] = []
            dropping: list[bool] = []
            for child in token.children:
                if child.type == "link_open":
                    ok = safe_href(str(child.attrGet("href") or "")) is not None
                    dropping.append(not ok)
                    if ok:
                        if not str(child.attrGet("href")).startswith("#"):
                            child.attrSet("rel", "noopener")
                        kept.append(child)
                    continue
                if child.type == "link_close":
                    if dropping and not dropping.pop():
                        kept.append(child)
                    continue
                if child.type == "image" and safe_href(str(child.attrGet("src") or "")) is None:
                    text = Token("text", "", 0)
                    text.content = "".join(c.content for c in child.children or []) or child.content
                    kept.append(text)
                    continue
                kept.append(child)
            token.children = kept


def markdown_html(text: str, *, drop_title: str | None = None) -> Markup:
    """A Markdown body as HTML: raw HTML shown as text, unsafe links removed, headings one level down.

    The page title is the page's only ``h1``: a leading ``#`` heading equal to
    ``drop_title`` is left out, and the other headings move so that the top
    level used becomes ``h2``.
    """
    md = _md()
    tokens = md.parse(text)
    if drop_title and len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        if " ".join(tokens[1].content.split()).casefold() == " ".join(drop_title.split()).casefold():
            tokens = tokens[3:]
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = 2 - min(levels) if levels else 0  # the top heading level becomes h2
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{max(2, min(int(token.tag[1]) + shift, 6))}"
    _clean_links(tokens)
    return Markup(md.renderer.render(tokens, md.options, {}))


def markdown_plain(text: str) -> str:
    """The words of a Markdown text (for teasers and name matching)."""
    out: list[str] = []
    for token in _md().parse(text):
        if token.type == "inline":
            out.append("".join(c.content for c in token.children or [] if c.type in ("text", "code_inline")))
    return "\n\n".join(x for x in out if x.strip())


def first_sentences(text: str, count: int = 2, limit: int = 280) -> str:
    """The first ``count`` sentences of ``text`` (cut at a word near ``limit`` characters, with "…")."""
    flat = " ".join(text.split())
    parts = _SENTENCE_END.split(flat)
    out = ""
    for part in parts[:count]:
        candidate = f"{out} {part}".strip()
        if out and len(candidate) > limit:
            break
        out = candidate
    if len(out) > limit:
        out = out[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out


@dataclass(frozen=True)
class Claim:
    """A span of a post to mark as a claim: who said it, and where its evidence is."""

    start: int
    end: int
    speaker: str | None = None  # shown when it is not the post's own author
    href: str | None = None  # evidence in the workbench (absolute http(s)) or None


def _linkify(text: str) -> Markup:
    out: list[str] = []
    pos = 0
    for m in _URL.finditer(text):
        out.append(escape(text[pos : m.start()]))
        url = m.group(0)
        out.append(Markup('<a href="{0}" rel="noopener">{0}</a>').format(url))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out).replace("\n", Markup("<br>\n"))


def _claim_html(text: str, claim: Claim) -> Markup:
    inner = Markup('<q class="claim">{}</q>').format(_linkify(text)) if claim.speaker else \
        Markup('<span class="claim">{}</span>').format(_linkify(text))
    bits: list[Markup] = []
    if claim.speaker:
        bits.append(Markup('<span class="said-by">{}</span>').format(claim.speaker))
    if claim.href:
        bits.append(Markup('<a class="evidence" href="{}">evidence</a>').format(claim.href))
    if bits:
        inner += Markup('<sup class="attribution">{}</sup>').format(Markup(" · ").join(bits))
    return inner


def post_html(text: str, offset: int, claims: Sequence[Claim] = ()) -> Markup:
    """A post's text (which starts at ``offset`` in its document) as paragraphs, with claims marked.

    Blank lines separate paragraphs, single newlines become ``<br>``, bare
    http(s) URLs become links; claims (document offsets) that overlap an
    earlier claim are left out, and a claim is cut at paragraph ends.
    """
    chosen: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start >= claim.end or claim.end <= offset or claim.start >= offset + len(text):
            continue
        if chosen and claim.start < chosen[-1].end:
            continue
        chosen.append(claim)
    paragraphs: list[Markup] = []
    for m in re.finditer(r"[^\n](?:[^\n]|\n(?!\s*\n))*", text):
        p_start, p_end = offset + m.start(), offset + m.end()
        pieces: list[Markup] = []
        pos = p_start
        for claim in chosen:
            s, e = max(claim.start, p_start), min(claim.end, p_end)
            if s >= e:
                continue
            pieces.append(_linkify(text[pos - offset : s - offset]))
            pieces.append(_claim_html(text[s - offset : e - offset], claim))
            pos = e
        pieces.append(_linkify(text[pos - offset : p_end - offset]))
        paragraphs.append(Markup("<p>{}</p>").format(Markup("").join(pieces)))
    return Markup("\n").join(paragraphs)
