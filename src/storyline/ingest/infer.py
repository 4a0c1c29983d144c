"""Metadata a reader would infer when the input does not state it: title, date (with its precision), outlet.

Used for every document whose reader left a field empty (what the input, its sidecar or the user gave always
wins). Each inferred value says where it came from in ``metadata["inferred"]`` (``{"title": "headline"}``), and
``metadata["published_precision"]`` says whether a date is known to the day, the month or only the year (a
month-precise date is stored as the first of that month).

- title: the headline line at the top of the text, else the slug of the URL or file name;
- date: a header line at the top of the text ("Published: March 3, 2013", "Posted on 12/25/2012 4:10 PM EST",
  "By Jane Doe | Reuters | Tuesday, 6 Nov 2012"), else the URL path (``/2025/03/04/``, ``/2025/may/03/``,
  ``/20250304/``, ``/2025/03/``) of the document or of the lone URL line a saved text opens with, a date in the file
  name (``2025-03-04``), else a dateline at the start of the text ("KABUL, March 5, 2025 —"). A date in the body of
  the story never counts: it tells when something happened, not when the text came out;
- outlet: the domain of the URL (``www.example.com`` becomes ``example.com``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

__all__ = ["InferredDate", "dateline_date", "document_date", "header_date", "headline_title", "leading_url",
           "outlet_from_url", "path_date", "slug_title"]

PRECISIONS = ("day", "month", "year")

_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_CLAUSE_END = re.compile(r"[,:]['\"’”)\]]*$")
_DECK_SEPARATOR = re.compile(r"\s*;$")  # "Headline;" over a deck line (some outlets' export format)
_SENTENCE_END = re.compile(r"[.!?]['\"’”)\]]*$")

_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])(?=/)")
_URL_COMPACT = re.compile(r"(?<=[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
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
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "/2013/may/03/", "/2013/May/": the month written as a word in the path
_URL_NAMED_DAY = re.compile(r"/((?:19|20)\d\d)/(" + _MONTH_NAME + r")/(0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])", re.I)
_URL_NAMED_MONTH = re.compile(r"/((?:19|20)\d\d)/(" + _MONTH_NAME + r")(?=/)", re.I)
_LONE_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(?:/\S*)?", re.I)

# A header line: the date the text came out, with at most a time, a time zone, a weekday and the words that introduce
# it ("Published: June 13, 2013 4:59 PM EDT", "Posted on Thu Jun 13, 2013 08:45 AM PDT", "22 July 2013 Last updated
# at 17:50 GMT"); in a byline ("By Jane Doe | Reuters | Tuesday, 6 Nov 2012") also the names before it.
_HEADER_DATES = (
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)([-./])(?P<month>0?[1-9]|1[0-2])\2(?P<day>0?[1-9]|[12]\d|3[01])"
               r"(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/.])"),
    # 12/25/2012 (month first, as US outlets write it) or 25/12/2012 (day first): read where the numbers or the
    # line's time zone show which
    re.compile(r"(?<![\d/.-])(?P<first>[0-3]?\d)\s*/\s*(?P<second>[0-3]?\d)\s*/\s*(?P<year>(?:19|20)\d\d)(?![\d/.])"),
    # 25.12.2012: day first wherever this form is written
    re.compile(r"(?<![\d/.-])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d/.])"),
)
_HEADER_CLOCK = re.compile(r"\b\d{1,2}\s*[:.h]\s*\d\d(?:\s*:\s*\d\d)?(?:\s*[ap]\.?\s*m\b\.?)?|\b[ap]\.\s*m\b\.?|\b[ap]m\b|"
                           r"\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?:\s*:\s*\d\d)?", re.I)
_US_ZONES = frozenset("et ct mt pt edt est cdt cst mdt mst pdt pst akst akdt hst".split())
_DAY_FIRST_ZONES = frozenset("gmt bst cet cest eet eest wet west ist aest aedt acst awst nzst nzdt sast".split())
_HEADER_WORDS = frozenset(
    "posted published updated last first originally created modified filed issued released release for immediate "
    "article story date time on at by in hrs am pm utc hkt jst sgt pkt msk "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
) | _US_ZONES | _DAY_FIRST_ZONES
_UPDATE_WORDS = frozenset("updated modified edited".split())
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
_BYLINE = re.compile(r"^\s*by\s+[A-Z]|[|•·]", re.I)
_MAX_HEADER_CHARS = 120
_HEADER_LINES = 6  # the lines at the top of a text where its header may be (URL, headline, deck, byline, date)

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
        match = _URL_NAMED_DAY.search(path)
        if match:
            found = _date(int(match[1]), _MONTHS[match[2].lower()], int(match[3]))
            if found:
                return InferredDate(found, "day", origin)
        match = _URL_COMPACT.search(path)
        if match:
            found = _date(int(match[1]), int(match[2]), int(match[3]))
            if found:
                return InferredDate(found, "day", origin)
        match = _URL_MONTH.search(path) or _URL_NAMED_MONTH.search(path)
        if match:
            month = int(match[2]) if match[2].isdigit() else _MONTHS[match[2].lower()]
            found = _date(int(match[1]), month, 1)
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


def leading_url(text: str) -> str | None:
    """The URL a saved text opens with on a line of its own (a page copied with its address above it), else None."""
    first = text[:2000].lstrip().partition("\n")[0].strip()
    return first if _LONE_URL.fullmatch(first) else None


def _header_line_date(line: str, month: dt.date | None = None) -> tuple[dt.date, bool] | None:
    """The date a header line gives, and whether the line says it is an update; None for any other line. ``month``
    is the month the document is known to be of (from its URL), if any."""
    if len(line) > _MAX_HEADER_CHARS:
        return None
    found: list[tuple[int, int, re.Match[str]]] = []
    for pattern in _HEADER_DATES:
        for m in pattern.finditer(line):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), m))
    if not found:
        return None
    found.sort(key=lambda x: x[0])
    rest = list(line)
    for a, b, _ in found:
        rest[a:b] = " " * (b - a)
    clock = _HEADER_CLOCK.search(line) is not None
    words = _WORDS.findall(_HEADER_CLOCK.sub(" ", "".join(rest)))
    lowered = {w.rstrip(".").lower() for w in words}
    others = [w for w in words if w.rstrip(".").lower() not in _HEADER_WORDS]
    # a byline may name its author and outlet, a time stamp a place ("8:05am UK"); any other word makes the line a
    # sentence or a headline that names a day ("Quake hits Iran on November 27, 2005"), not a header
    names_allowed = 8 if _BYLINE.search(line) else 1 if clock else 0
    if len(others) > names_allowed or any(not w[0].isupper() for w in others):
        return None
    reading = _header_match_date(found[0][2], lowered, month)
    if reading is None:
        return None
    before = {w.rstrip(".").lower() for w in _WORDS.findall(line[: found[0][0]])}
    return reading, bool(before & _UPDATE_WORDS)


def _header_match_date(m: re.Match[str], words: set[str], month: dt.date | None) -> dt.date | None:
    """The date of a header's date form. A numeric date's order shows in its numbers, the line's time zone, or the
    month the document is known to be of; where nothing shows it ("05/06/2013": May 6 or 5 June), None."""
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        month_first, day_first = _date(year, first, second), _date(year, second, first)
        if month is not None:
            fits = [d for d in (month_first, day_first) if d is not None and (d.year, d.month) == (month.year, month.month)]
            return fits[0] if fits else None
        if month_first is None or day_first is None or month_first == day_first:
            return month_first or day_first
        if words & _US_ZONES and not words & _DAY_FIRST_ZONES:
            return month_first
        if words & _DAY_FIRST_ZONES and not words & _US_ZONES:
            return day_first
        return None
    month_text = groups["month"]
    number = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
    return _date(year, number, int(groups["day"])) if number else None


def header_date(text: str, month: dt.date | None = None) -> InferredDate | None:
    """The publication date a header line at the top of ``text`` gives, else None.

    Only the first lines count (the URL, headline, deck, byline and date a copied article opens with). A header
    line holds a date with its year and otherwise only a time, a time zone, a weekday and the words that introduce a
    date ("Published", "Posted on", "Last updated at"); a byline may also hold names ("By Jane Doe | Reuters |
    Tuesday, 6 Nov 2012"). A line of the story that names a day is a sentence, never a header. A line that says it
    is an update counts only where no other header line gives a date. ``month``: the month the document is known to
    be of (its URL's), which tells the order of a numeric date ("05/06/2013").
    """
    update: dt.date | None = None
    for line in [x.strip() for x in text[:3000].split("\n") if x.strip()][:_HEADER_LINES]:
        found = _header_line_date(line, month)
        if found is None:
            continue
        if not found[1]:
            return InferredDate(found[0], "day", "header")
        update = update or found[0]
    return InferredDate(update, "day", "header") if update is not None else None


def document_date(text: str, location: str | None, origin: str) -> InferredDate | None:
    """When a document without a stated date came out: the date its header line gives (:func:`header_date`: the
    page's own word on when it came out, to the day), else its URL's or file name's (:func:`path_date`), else its
    dateline's."""
    found = path_date(location, origin) if location else None
    return header_date(text, found.date if found is not None else None) or found or dateline_date(text)


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
