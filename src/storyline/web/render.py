"""HTML fragments built in Python: annotated document text, search snippets, safe links, SVG timelines.

Every piece of stored text goes through :func:`markupsafe.escape` before it is
joined with markup; nothing here trusts its input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..store import MARK_END, MARK_START

__all__ = [
    "Annotation",
    "Point",
    "annotate",
    "mark_snippet",
    "parse_spans",
    "safe_url",
    "timeline_svg",
]

_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@dataclass(frozen=True)
class Annotation:
    """A span of the text to wrap: ``href`` makes it a link (unless inside another link)."""

    start: int
    end: int
    css: str
    title: str | None = None
    href: str | None = None
    anchor: str | None = None  # an element id, given to the first fragment only
    rank: int = 0  # ties at equal spans: lower rank is the outer element


def _open(a: Annotation, *, first: bool, in_link: bool) -> str:
    attrs = [f'class="{escape(a.css)}"']
    if first and a.anchor:
        attrs.append(f'id="{escape(a.anchor)}"')
    if a.title:
        attrs.append(f'title="{escape(a.title)}"')
    if a.href and not in_link:
        return f'<a href="{escape(a.href)}" {" ".join(attrs)}>'
    return f'<span {" ".join(attrs)}>'


def _close(a: Annotation, *, as_link: bool) -> str:
    return "</a>" if as_link else "</span>"


def annotate(text: str, annotations: Iterable[Annotation]) -> Markup:
    """The text with every annotation wrapped, escaped piece by piece.

    Overlapping spans are closed and reopened so the markup stays well nested;
    a link opened inside another link becomes a plain span.
    """
    n = len(text)
    anns = sorted(
        (a for a in annotations if 0 <= a.start < a.end <= n),
        key=lambda a: (a.start, -a.end, a.rank),
    )
    bounds = sorted({0, n, *(a.start for a in anns), *(a.end for a in anns)})
    starts: dict[int, list[Annotation]] = {}
    for a in anns:
        starts.setdefault(a.start, []).append(a)
    out: list[str] = []
    stack: list[tuple[Annotation, bool]] = []  # (annotation, rendered as link)
    opened: set[int] = set()

    def open_(a: Annotation) -> None:
        in_link = any(link for _, link in stack)
        as_link = bool(a.href) and not in_link
        out.append(_open(a, first=id(a) not in opened, in_link=in_link))
        opened.add(id(a))
        stack.append((a, as_link))

    for i, pos in enumerate(bounds):
        # close what ends here, reopening what was inside it but goes on
        if any(a.end == pos for a, _ in stack):
            reopen: list[Annotation] = []
            while any(a.end == pos for a, _ in stack):
                a, link = stack.pop()
                out.append(_close(a, as_link=link))
                if a.end != pos:
                    reopen.append(a)
            for a in reversed(reopen):
                open_(a)
        for a in starts.get(pos, ()):
            open_(a)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos : bounds[i + 1]])))
    while stack:
        a, link = stack.pop()
        out.append(_close(a, as_link=link))
    return Markup("".join(out))


# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): a title holding an unclosed
# U+202E would reverse everything printed after it on the page.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FSI, _PDI = "\u2068", "\u2069"


def isolate_bidi(value: Any) -> Any:
    """Every printed value (the templates' ``finalize``): text holding bidi control characters is wrapped in a
    first-strong isolate (FSI ... PDI), which ends whatever they open at the end of that text; other values are
    unchanged."""
    if isinstance(value, str) and not _BIDI_CONTROLS.isdisjoint(value):
        if isinstance(value, Markup):
            return Markup(_FSI) + value + Markup(_PDI)
        return _FSI + value + _PDI
    return value


def mark_snippet(snippet: str) -> Markup:
    """Escape a search snippet first, then turn its match markers into ``<mark>``."""
    safe = str(escape(snippet))
    safe = safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # a marker cut off by the snippet window must not leave an open element
    opened, closed = safe.count("<mark>"), safe.count("</mark>")
    if opened > closed:
        safe += "</mark>" * (opened - closed)
    return Markup(safe)


def plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet without markers, and the [start, end] of each match in it."""
    out: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    start: int | None = None
    for ch in snippet:
        if ch == MARK_START:
            start = pos
        elif ch == MARK_END:
            if start is not None:
                spans.append([start, pos])
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), spans


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) and may be rendered as a link; otherwise None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(c) < 32 for c in url):
        return None
    return url


def local_path(target: str | None, default: str = "/") -> str:
    """A redirect target that stays on this site (a path, never //host or a scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ord(c) < 32 for c in target):
        return default
    return target


def parse_spans(value: str | None, limit: int) -> list[tuple[int, int]]:
    """``?hl=START-END[,START-END]`` as spans inside ``[0, limit]``; malformed parts are ignored."""
    spans: list[tuple[int, int]] = []
    for part in (value or "").split(",")[:10]:
        match = _SPAN.match(part.strip())
        if match:
            s, e = int(match.group(1)), int(match.group(2))
            if 0 <= s < e <= limit:
                spans.append((s, e))
    return spans


# -- SVG timelines -----------------------------------------------------------

@dataclass(frozen=True)
class Point:
    date: str | None  # YYYY-MM-DD
    lane: str
    key: str  # identifies the point for arcs
    href: str
    title: str
    css: str = "pt"


@dataclass(frozen=True)
class Timeline:
    svg: Markup
    undated: list[Point] = field(default_factory=list)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def timeline_svg(points: Sequence[Point], arcs: Sequence[tuple[str, str, str, str]] = (), *, width: int = 860,
                 label_width: int = 150, lane_height: int = 34) -> Timeline:
    """Points on date × lane; arcs (key_a, key_b, href, title) join two points (e.g. a finding)."""
    dated = [(p, _day(p.date)) for p in points]
    undated = [p for p, d in dated if d is None]
    dated_pts = [(p, d) for p, d in dated if d is not None]
    lanes = list(dict.fromkeys(p.lane for p, _ in dated_pts))
    if not dated_pts:
        return Timeline(Markup(""), undated)
    lo = min(d for _, d in dated_pts)
    hi = max(d for _, d in dated_pts)
    span = max(hi - lo, 1)
    top = 24
    height = top + lane_height * len(lanes) + 26
    plot = width - label_width - 20

    def x(day: int) -> float:
        return label_width + 10 + (day - lo) / span * plot if hi > lo else label_width + 10 + plot / 2

    def y(lane: str) -> float:
        return top + lane_height * lanes.index(lane) + lane_height / 2

    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="timeline">'
    ]
    for lane in lanes:
        ly = y(lane)
        parts.append(f'<text class="lane" x="4" y="{ly + 4:.1f}">{escape(lane[:22])}</text>')
        parts.append(f'<line class="axis" x1="{label_width}" y1="{ly:.1f}" x2="{width - 6}" y2="{ly:.1f}"/>')
    for day, anchor in ((lo, "start"), (hi, "end")) if hi > lo else ((lo, "middle"),):
        label = dt.date.fromordinal(day).isoformat()
        parts.append(f'<text class="tick" x="{x(day):.1f}" y="{height - 6}" text-anchor="{anchor}">{label}</text>')
    where = {p.key: (x(d), y(p.lane)) for p, d in dated_pts}
    for key_a, key_b, href, title in arcs:
        if key_a not in where or key_b not in where:
            continue
        (x1, y1), (x2, y2) = where[key_a], where[key_b]
        lift = max(abs(x2 - x1) / 4, 14)
        mx, my = (x1 + x2) / 2, min(y1, y2) - lift
        parts.append(
            f'<a href="{escape(href)}"><path class="arc" d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}">'
            f"<title>{escape(title)}</title></path></a>"
        )
    for p, d in dated_pts:
        px, py = x(d), y(p.lane)
        parts.append(
            f'<a href="{escape(p.href)}"><circle class="{escape(p.css)}" cx="{px:.1f}" cy="{py:.1f}" r="6">'
            f"<title>{escape(p.title)}</title></circle></a>"
        )
    parts.append("</svg>")
    return Timeline(Markup("".join(parts)), undated)
