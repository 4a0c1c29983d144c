"""Dates and periods written in news prose, resolved against the publication date.

Two questions are answered here:

* :func:`find_day` — which calendar day a sentence names ("on Thursday", "late on
  Saturday", "on March 5", "5 March 2024", "yesterday"). Only day-precise wordings count:
  "last week" or "recently" is not a date. Weekday names resolve to the most recent such
  day on or before publication; a month and day without a year take the publication year
  (the year before if that would fall after publication). Without a publication date,
  only wordings that carry their own year resolve. Nothing is ever invented.
* :func:`find_periods` — periods a number can be about, as strings: "2021",
  "2021-08", "2021-08-26", "2024-Q4", "2024-H1", "2021/2023" (a range) and
  "2021-08/" (open-ended, "since August 2021").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DayMention", "Period", "find_day", "find_days", "find_periods"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_YEAR = r"(?P<year>(?:18|19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Day-precise wordings, most specific first.
_DAY_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    re.compile(r"\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b"),
    re.compile(r"\b(?:(?:early|late)\s+)?(?:on\s+|last\s+|this\s+|(?:early|late)\s+)(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(r"(?<!the day before )\b(?P<rel>yesterday|today)\b", re.IGNORECASE),
)


@dataclass(frozen=True)
class DayMention:
    start: int
    end: int
    date: dt.date


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    period: str


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(m: re.Match[str], published: dt.date | None) -> dt.date | None:
    groups = m.groupdict()
    if groups.get("iso"):
        return dt.date.fromisoformat(groups["iso"])
    if groups.get("weekday"):
        if published is None:
            return None
        delta = (published.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - dt.timedelta(days=delta)
    if groups.get("rel"):
        if published is None:
            return None
        return published - dt.timedelta(days=1 if groups["rel"].lower() == "yesterday" else 0)
    month = _MONTHS[groups["month"].lower().rstrip(".")]
    day = int(groups["day"])
    if groups.get("year"):
        return _safe_date(int(groups["year"]), month, day)
    if published is None:
        return None
    found = _safe_date(published.year, month, day)
    if found is not None and found > published:
        found = _safe_date(published.year - 1, month, day)
    return found


def find_days(text: str, published: dt.date | None) -> list[DayMention]:
    """Every day-precise date in ``text`` that can be resolved, left to right."""
    out: list[DayMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DAY_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            date = _resolve(m, published)
            if date is not None:
                out.append(DayMention(m.start(), m.end(), date))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


def find_day(text: str, published: dt.date | None) -> dt.date | None:
    """The first day-precise date in ``text``, or None."""
    days = find_days(text, published)
    return days[0].date if days else None


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4, "final": 4}
_HALVES = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2}

_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:between|from)\s+(?P<y1>(?:19|20)\d{2})\s+(?:and|to|until|through)\s+(?P<y2>(?:19|20)\d{2})\b", re.I), "range"),
    (re.compile(r"\b(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)?\d{2})\b"), "range"),
    (re.compile(rf"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+)?{_YEAR}\b", re.I), "since"),
    (re.compile(rf"\b(?:in\s+)?the\s+(?P<q>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+quarter\s+of\s+{_YEAR}\b", re.I), "quarter"),
    (re.compile(rf"\bQ(?P<qn>[1-4])\s+{_YEAR}\b"), "quarter"),
    (re.compile(rf"\b(?:in\s+)?the\s+(?P<h>first|1st|second|2nd|last)\s+half\s+of\s+{_YEAR}\b", re.I), "half"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "day"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"), "day"),
    (re.compile(r"\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b"), "iso"),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"), "month"),
    (re.compile(rf"(?<![\d,.$€£])\b{_YEAR}\b(?![\d%]|,\d|\s*(?:percent|per cent))"), "year"),
)


def _period_text(kind: str, m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if kind == "range":
        y1, y2 = g["y1"], g["y2"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        if int(y2) <= int(y1):
            return None
        return f"{y1}/{y2}"
    if kind == "since":
        month = g.get("month")
        return f"{g['year']}-{_MONTHS[month.lower().rstrip('.')]:02d}/" if month else f"{g['year']}/"
    if kind == "quarter":
        q = g.get("q")
        n = _QUARTERS[q.lower()] if q else int(g["qn"])
        return f"{g['year']}-Q{n}"
    if kind == "half":
        return f"{g['year']}-H{_HALVES[g['h'].lower()]}"
    if kind == "day":
        d = _safe_date(int(g["year"]), _MONTHS[g["month"].lower().rstrip(".")], int(g["day"]))
        return d.isoformat() if d else None
    if kind == "iso":
        return g["iso"]
    if kind == "month":
        return f"{g['year']}-{_MONTHS[g['month'].lower().rstrip('.')]:02d}"
    return g["year"]


def find_periods(text: str) -> list[Period]:
    """Every period expression in ``text``, the most specific reading of each stretch, left to right."""
    out: list[Period] = []
    for pattern, kind in _PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            value = _period_text(kind, m)
            if value is not None:
                out.append(Period(m.start(), m.end(), value))
    return sorted(out, key=lambda p: p.start)
