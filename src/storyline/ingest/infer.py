"""Metadata a reader would infer when the input does not state it: title, date (with its precision), outlet.

Used for every document whose reader left a field empty (what the input, its sidecar or the user gave always
wins). Each inferred value says where it came from in ``metadata["inferred"]`` (``{"title": "headline"}``), and
``metadata["published_precision"]`` says whether a date is known to the day, the month or only the year (a
month-precise date is stored as the first of that month).

- title: the headline line at the top of the text, else the slug of the URL or file name;
- date: the URL path (``/2025/03/04/``, ``/2025/03/``), a date in the file name (``2025-03-04``), else a
  dateline at the start of the text ("KABUL, March 5, 2025 —");
- outlet: the domain of the URL (``www.example.com`` becomes ``example.com``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

__all__ = ["InferredDate", "dateline_date", "headline_title", "outlet_from_url", "path_date", "slug_title"]

PRECISIONS = ("day", "month", "year")

_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_CLAUSE_END = re.compile(r"[,:]['\"’”)\]]*$")
_DECK_SEPARATOR = re.compile(r"\s*;$")  # "Headline;" over a deck line (some outlets' export format)
_SENTENCE_END = re.compile(r"[.!?]['\"’”)\]]*$")

_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])(?=/)")
_ISO_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])[-_.](0[1-9]|[12]\d|3[01])(?!\d)")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A dateline: up to ~60 characters of place, then "March 5, 2025" or "5 March 2025", then a dash or "(Agency)".
_DATELINE = re.compile(
    r"^[^\n]{0,60}?\b(?:" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"|"
    + _DAY.replace("day>", "day2>") + r"\s+" + _MONTH.replace("month>", "month2>") + r",?\s+"
    + _YEAR.replace("year>", "year2>") + r")\s*(?:\([^)\n]{1,40}\)\s*)?[-–—:]",
    re.I,
)
_SLUG_SPLIT = re.compile(r"[-_+.\s]+")
_SLUG_EXTENSIONS = frozenset("html htm shtml xhtml php asp aspx txt text md markdown json jsonl pdf gz".split())
_SLUG_NOISE = re.compile(r"^(?:\d+|index|html?|php|aspx?|amp|story|article|news)$", re.I)


@dataclass(frozen=True)
class InferredDate:
    date: dt.date
    precision: str  # "day", "month" or "year"
    origin: str  # "url", "file name" or "dateline"


def headline_title(text: str) -> str | None:
    """The first line of ``text`` when it reads like a headline, else None.

    A headline is a short first line (at most 30 words and 200 characters) followed by more text. It may end
    with a full stop only when a blank line separates it from the body (news headlines often do); without a
    blank line a line ending like a sentence is taken for the first sentence of the body. A line ending in a
    comma or colon is not a headline; one ending in a semicolon is a headline over its deck (the semicolon is
    dropped).
    """
    first, sep, rest = text.lstrip("\n").partition("\n")
    first = first.strip()
    if not first or not sep or not rest.strip():
        return None
    if len(first) > _MAX_TITLE_CHARS or len(first.split()) > _MAX_TITLE_WORDS:
        return None
    if _CLAUSE_END.search(first):
        return None
    if _DECK_SEPARATOR.search(first):
        first = _DECK_SEPARATOR.sub("", first)
        return first if first and not _SENTENCE_END.search(first) or first.endswith("?") else None
    blank_line_follows = not rest.partition("\n")[0].strip()
    if _SENTENCE_END.search(first) and not first.endswith("?") and not blank_line_follows:
        return None
    return first


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def path_date(location: str, origin: str) -> InferredDate | None:
    """The date in a URL path (``/2025/03/04/``, ``/2025/03/``) or a file name (``2025-03-04``)."""
    path = urlsplit(location).path if origin == "url" else location
    path = unquote(path)
    if origin == "url":
        match = _URL_DAY.search(path)
        if match:
            found = _date(int(match[1]), int(match[2]), int(match[3]))
            if found:
                return InferredDate(found, "day", origin)
        match = _URL_MONTH.search(path)
        if match:
            found = _date(int(match[1]), int(match[2]), 1)
            if found:
                return InferredDate(found, "month", origin)
    name = PurePosixPath(path).name if origin != "url" else path
    match = _ISO_IN_NAME.search(name)
    if match:
        found = _date(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return InferredDate(found, "day", origin)
    return None


def dateline_date(text: str) -> InferredDate | None:
    """The date of a dateline at the start of one of the first three paragraphs, with its year."""
    for paragraph in [p for p in text[:2000].split("\n") if p.strip()][:3]:
        match = _DATELINE.match(paragraph.strip())
        if not match:
            continue
        month = match["month"] or match["month2"]
        day = match["day"] or match["day2"]
        year = match["year"] or match["year2"]
        found = _date(int(year), _MONTHS[month.lower()], int(day))
        if found:
            return InferredDate(found, "day", "dateline")
    return None


def slug_title(location: str, origin: str) -> str | None:
    """A title from the last path segment of a URL or a file name, when it is a slug of three words or more."""
    path = urlsplit(location).path if origin == "url" else location
    segments = [s for s in unquote(path).split("/") if s]
    if not segments:
        return None
    last = segments[-1]
    while (parts := last.rpartition("."))[0] and parts[2].lower() in _SLUG_EXTENSIONS:
        last = parts[0]  # "page.html.gz" -> "page"
    words = [w for w in _SLUG_SPLIT.split(_ISO_IN_NAME.sub(" ", last)) if w and not _SLUG_NOISE.match(w)]
    if len(words) < 3 or not any(w.isalpha() for w in words):
        return None
    if any(len(w) > 25 for w in words):  # a hash or id, not words
        return None
    text = " ".join(words)
    return text[0].upper() + text[1:]


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL belongs to: its host name without ``www.`` (None for local addresses)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host
