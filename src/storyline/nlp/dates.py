"""Dates and periods written in news prose, resolved against the publication date.

These questions are answered here:

* :func:`find_day` — which calendar day a sentence names ("on Thursday", "late on
  Saturday", "on March 5", "5 March 2024", "yesterday"). Only day-precise wordings count:
  "last week" or "recently" is not a date. Weekday names resolve to the most recent such
  day on or before publication; a month and day without a year take the publication year
  (the year before if that would fall after publication). Without a publication date,
  only wordings that carry their own year resolve. Nothing is ever invented.
* :func:`find_when` — when something was said or done, to the precision the text gives:
  every wording :func:`find_day` knows (day), plus "in March", "last March", "early March",
  "last month", "earlier this month" (month), "in 2021", "in a 2019 interview", "last year",
  "earlier this year" (year) and "two weeks ago", "three days ago" (day), "five months ago"
  (month), "two years ago" (year), resolved against the publication date. A month without a
  year is the latest such month not after publication. Results after publication are dropped.
  A month or year on an event noun dates the event ("a March meeting", "a 2019 Fox News
  interview"); "last week" or "last weekend" is the month that holds all its days (a week is
  no day), or nothing when it spans two months; "last night" is the day before publication.
* :func:`find_back_references` and :func:`resolve_back` — times told from one named before
  ("that year", "the next day", "the following week", "two months later"), resolved against
  that earlier date to the precision both allow.
* :func:`find_periods` — periods a number can be about, as strings: "2021",
  "2021-08", "2021-08-26", "2024-Q4", "2024-H1", "2021/2023" (a range) and
  "2021-08/" (open-ended, "since August 2021").
* :func:`find_relative_periods` — periods told from the publication date ("so far this year", "this month", "since
  the start of the month", "last week", "last month", "last year", "in the past week"), as the same strings: a span
  that runs to publication is the days from its start to the publication day ("2025-03-01/2025-03-18"), a past week
  its Monday to Sunday. Without a publication date there are none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import DatePrecision

__all__ = ["BackReference", "DayMention", "Period", "When", "find_back_references", "find_day", "find_days", "find_periods",
           "find_relative_periods", "find_when", "names_an_event", "resolve_back"]

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


_SENTENCE_OPENS = re.compile(r"(?:^|[\n.!?:;(\u2014\u2013\"“”'‘’-])[ \t]*$")


def _in_a_name(text: str, start: int, word: str) -> bool:
    """Whether "Today" or "Yesterday" is part of a name ("USA Today", "Russia Today", "the Today programme"): capital
    where no sentence opens."""
    return word[0].isupper() and _SENTENCE_OPENS.search(text[max(0, start - 40) : start]) is None


def find_days(text: str, published: dt.date | None) -> list[DayMention]:
    """Every day-precise date in ``text`` that can be resolved, left to right."""
    out: list[DayMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DAY_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.groupdict().get("rel") and _in_a_name(text, m.start(), m.group("rel")):
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


@dataclass(frozen=True)
class When:
    """A date the text gives, with how much of it is known (a month is stored as its first day, a year as 1 January)."""

    start: int
    end: int
    date: dt.date
    precision: DatePrecision


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3, "a couple of": 2,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                "nineteen": 19, "a dozen": 12}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_COUNT = (r"(?P<n>\d{1,2}|a few|a couple of|a dozen|several|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
          r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")


def _count(words: str) -> int | None:
    """The number a count word or numeral stands for: "three" 3, "twenty-two" 22, "a dozen" 12; None if unknown."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    if w in _COUNT_WORDS:
        return _COUNT_WORDS[w]
    tens, _, unit = w.partition(" ")
    if tens in _TENS and (not unit or unit in _UNITS):
        return _TENS[tens] + (_UNITS.index(unit) + 1 if unit else 0)
    return None

# An event a month or year can date as its modifier ("a March meeting", "in a 2019 interview", "her 2003 book",
# "a 2014 study"): a spoken or written piece, or a gathering where words are said. An election, a war, a budget or
# a law is not one: "the 2016 election" tells what was talked about, not when.
_EVENT = (r"(?i:interview|speech|statement|report|letter|book|memoir|memo|op-ed|essay|column|editorial|post|tweet|"
          r"message|email|video|documentary|podcast|broadcast|episode|profile|article|study|survey|poll|paper|"
          r"debate|hearing|testimony|deposition|press\s+conference|news\s+conference|press\s+briefing|briefing|"
          r"conversation|phone\s+call|call|remarks?|address|lecture|sermon|appearance|rally|meeting|session|"
          r"town\s+hall|forum|summit|convention|conference|ceremony|visit|trip|breakfast|dinner|lunch|luncheon|"
          r"fundraiser|announcement|filing)(?![\w-])")
# up to three words between the date and the event ("a 2019 Fox News interview", "a March campaign rally"), none of
# them a function word that would start another phrase ("a March for Peace rally" is no March meeting) nor a
# number ("the Oct. 22 hearing" is a day's)
_BETWEEN = r"(?:(?!(?i:for|of|to|and|or|the|an?|in|on|at|with|by|from|that|which|who)\s|\d)[\w'’.-]+\s+){0,3}?"
_MONTH_NAMES = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?"
# Month- and year-precise wordings, most specific first; day-precise ones come from _DAY_PATTERNS.
_WHEN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I), "ago"),
    (re.compile(rf"\b(?i:in|during|since|by|through|throughout|until|of)\s+(?:(?i:early|late|mid-?)\s*)?{_MONTH_NAMES},?\s+{_YEAR}\b"), "month"),
    (re.compile(rf"\b(?:(?i:early|late|mid-?)\s*)?{_MONTH_NAMES},?\s+{_YEAR}\b"), "month"),
    (re.compile(rf"\b(?:(?P<last>(?i:last|this|past))\s+|(?i:in|during|since|until|by)\s+(?:(?i:early|late|mid-?)\s*)?|(?i:early|late|mid-?)\s*(?:(?i:in)\s+)?){_MONTH_NAMES}(?![\w-])"), "month_only"),
    (re.compile(r"\b(?P<rel>last|this|(?:earlier|later)\s+this|the\s+previous|the\s+past)\s+(?P<unit>month|year)\b", re.I), "relative"),
    (re.compile(rf"\b(?:in|during|since|by|of|throughout)\s+(?:(?:early|late|mid-?)\s*)?{_YEAR}\b(?![-/]\d)", re.I), "year"),
    (re.compile(rf"\b(?i:an?|the|his|her|their|its)\s+(?:(?i:early|late|mid-?)\s*)?{_MONTH_NAMES}\s+{_BETWEEN}{_EVENT}"), "month_only"),
    (re.compile(rf"\b(?i:an?|the|his|her|their|its)\s+{_YEAR}\s+{_BETWEEN}{_EVENT}"), "year"),
    # a campaign is a topic ("attacked his 2021 campaign") but a time while it runs ("during her 2022 re-election campaign"),
    # and so is the time one spends on it ("spent much of his 2023 campaign vowing that ...")
    (re.compile(rf"\b(?:(?i:during|throughout|on)|(?i:spent|spending|spends)\s+(?:(?i:much|most|all|part|months|weeks)\s+of\s+)?)"
                rf"\s*(?i:the|his|her|their|its)\s+{_YEAR}\s+{_BETWEEN}(?i:campaign|race|primary|bid)(?![\w-])"),
     "year"),
    (re.compile(r"\blast\s+(?P<unit>week|weekend)\b", re.I), "week"),
    (re.compile(r"\b(?:(?:over|during)\s+the|this\s+past)\s+(?P<unit>weekend)\b", re.I), "recent_weekend"),
    (re.compile(r"\b(?P<rel>last|this|(?:early|earlier|late)\s+this)\s+(?P<unit>night|morning|afternoon|evening)\b", re.I), "part"),
)


def _months_back(published: dt.date, months: int) -> dt.date:
    index = published.year * 12 + (published.month - 1) - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _when_of(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    g = m.groupdict()
    if kind == "ago":
        if published is None:
            return None
        n = _count(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if not n:
            return None
        if unit == "day":
            return published - dt.timedelta(days=n), DatePrecision.DAY
        if unit == "week":
            return published - dt.timedelta(weeks=n), DatePrecision.DAY
        if unit == "month":
            return _months_back(published, n), DatePrecision.MONTH
        return dt.date(published.year - n, 1, 1), DatePrecision.YEAR
    if kind == "month":
        return dt.date(int(g["year"]), _MONTHS[g["month"].lower().rstrip(".")], 1), DatePrecision.MONTH
    if kind == "month_only":
        if published is None:
            return None
        month = _MONTHS[g["month"].lower().rstrip(".")]
        year = published.year if month <= published.month else published.year - 1
        if (g.get("last") or "").lower() in ("last", "past") and month == published.month:
            year -= 1  # "last March", written in March, is a year back
        return dt.date(year, month, 1), DatePrecision.MONTH
    if kind == "relative":
        if published is None:
            return None
        rel = " ".join(g["rel"].lower().split())
        back = 1 if rel in ("last", "the previous", "the past") else 0
        if g["unit"].lower() == "month":
            return _months_back(published, back), DatePrecision.MONTH
        return dt.date(published.year - back, 1, 1), DatePrecision.YEAR
    if kind == "week":
        return _week_of(g["unit"].lower(), published)
    if kind == "recent_weekend":
        return _recent_weekend(published)
    if kind == "part":
        if published is None:
            return None
        return published - dt.timedelta(days=1 if g["rel"].lower() == "last" else 0), DatePrecision.DAY
    return dt.date(int(g["year"]), 1, 1), DatePrecision.YEAR


def _within_a_month(first: dt.date, last: dt.date) -> tuple[dt.date, DatePrecision] | None:
    """A stretch of days as the month that holds it all; None when it runs over two months (no finer honest date)."""
    if first > last or (first.year, first.month) != (last.year, last.month):
        return None
    return dt.date(first.year, first.month, 1), DatePrecision.MONTH


def _week_of(unit: str, published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    """"last week" or "last weekend": the calendar week (Monday to Sunday) or weekend before the publication's, as
    the month that holds all its days. A week is no day, and the contract's precisions are day, month and year: the
    month is the finest that is true. ("this week" stays with the publication date, which it is near.)"""
    if published is None:
        return None
    monday = published - dt.timedelta(days=published.weekday())
    first = monday - dt.timedelta(days=7 if unit == "week" else 2)
    return _within_a_month(first, monday - dt.timedelta(days=1))


def _recent_weekend(published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    """"over the weekend", "this past weekend": the latest Saturday and Sunday up to the publication day, as the
    month that holds both (as for "last weekend")."""
    if published is None:
        return None
    saturday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=5)
    if published < saturday:
        saturday -= dt.timedelta(days=7)
    return _within_a_month(saturday, min(published, saturday + dt.timedelta(days=1)))


@dataclass(frozen=True)
class BackReference:
    """A time told from one the text has just named: "that year" (shift 0), "the next day" (1), "the week before"
    (-1), "two months later" (2, counted). ``unit`` is day, week, month or year; a counted week is seven days on
    ("a week later"), an uncounted one the calendar week ("the following week")."""

    start: int
    end: int
    unit: str
    shift: int
    counted: bool = False


_PART_OF_DAY = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day"}
_BACK_UNIT = r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)(?![\w-])"
# "before", "earlier", "later" end the phrase: "a day before the vote" counts from the vote, not from the named time
_BACK_END = r"(?!\s+(?:the|an?|his|her|their|its|this|that|these|those|than|[a-z]+ing)\b)"
_BACK_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?:that|the\s+same|that\s+same)\s+{_BACK_UNIT}", re.I), "same"),
    (re.compile(rf"\bthe\s+(?:next|following|ensuing)\s+{_BACK_UNIT}", re.I), "next"),
    (re.compile(r"\bthe\s+(?:previous|prior|preceding)\s+(?P<unit>day|morning|evening|night|week)(?![\w-])", re.I), "before"),
    (re.compile(rf"\bthe\s+(?P<unit>day|night|week|month|year)\s+(?:before|earlier){_BACK_END}", re.I), "before"),
    (re.compile(rf"\b{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|afterwards?|earlier|before){_BACK_END}",
                re.I), "count"),
)


def find_back_references(text: str) -> list[BackReference]:
    """Every time in ``text`` told from one named before it ("that year", "the following morning", "a week later"),
    left to right; what they stand for needs that earlier time (:func:`resolve_back`)."""
    out: list[BackReference] = []
    for pattern, kind in _BACK_PATTERNS:
        for m in pattern.finditer(text):
            if any(b.start < m.end() and m.start() < b.end for b in out):
                continue
            unit = m.group("unit").lower().rstrip("s")
            unit = _PART_OF_DAY.get(unit, unit)
            if kind == "count":
                n = _count(m.group("n"))
                if not n:
                    continue
                back = m.group("dir").lower() in ("earlier", "before")
                out.append(BackReference(m.start(), m.end(), unit, -n if back else n, counted=True))
            else:
                out.append(BackReference(m.start(), m.end(), unit, {"same": 0, "next": 1, "before": -1}[kind]))
    return sorted(out, key=lambda b: b.start)


def resolve_back(ref: BackReference, anchor: When, published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    """The date ``ref`` stands for, told from ``anchor``, to the precision both allow: "the next day" after a day is
    a day, after a month only that month; "that month" after a year is unknown (None). Never after ``published``."""
    d, p, n = anchor.date, anchor.precision, ref.shift
    found: tuple[dt.date, DatePrecision] | None = None
    if ref.unit == "year":
        found = dt.date(d.year + n, 1, 1), DatePrecision.YEAR
    elif ref.unit == "month" and p is not DatePrecision.YEAR:
        found = _months_back(d, -n), DatePrecision.MONTH
    elif ref.unit == "week" and p is DatePrecision.DAY:
        moved = d + dt.timedelta(weeks=n)
        if ref.counted:
            found = moved, DatePrecision.DAY
        else:
            monday = moved - dt.timedelta(days=moved.weekday())
            found = _within_a_month(monday, monday + dt.timedelta(days=6))
    elif ref.unit == "day" and p is DatePrecision.DAY:
        found = d + dt.timedelta(days=n), DatePrecision.DAY
    elif ref.unit in ("day", "week") and p is DatePrecision.MONTH and abs(n) <= 1:
        found = dt.date(d.year, d.month, 1), DatePrecision.MONTH  # "the next morning" after "in July": July
    if found is None or (published is not None and found[0] > published):
        return None
    return found


def names_an_event(word: str) -> bool:
    """Whether ``word`` is a spoken or written piece or a gathering a date can modify ("interview", "study", "rally")."""
    return re.fullmatch(_EVENT, word) is not None


# a day that names an event ("at the Oct. 22 hearing", "in a Nov. 3 interview") is that event's, however far back
_DATED_EVENT = re.compile(rf"\s+{_BETWEEN}{_EVENT}")
_LAST_WEEKDAY = re.compile(r"\blast\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def find_when(text: str, published: dt.date | None) -> list[When]:
    """Every date ``text`` gives for when something happened, to its precision, left to right.

    Nothing after ``published`` is returned (a plan, not a past statement); without a
    publication date only wordings that carry their own year resolve."""
    out: list[When] = []

    def free(a: int, b: int) -> bool:
        return not any(w.start < b and a < w.end for w in out)

    for d in find_days(text, published):
        day = d.date
        if published is not None and day.year < published.year and not re.search(r"\d{4}", text[d.start : d.end]) \
                and (published - day).days > 92 and not _DATED_EVENT.match(text, d.end):
            continue  # "Nov. 1" far behind publication: most likely a date still to come, not last year's
        if published is not None and day == published and _LAST_WEEKDAY.match(text, d.start):
            day = published - dt.timedelta(days=7)  # "last Monday", written on a Monday
        out.append(When(d.start, d.end, day, DatePrecision.DAY))
    for pattern, kind in _WHEN_PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            found = _when_of(kind, m, published)
            if found is not None:
                out.append(When(m.start(), m.end(), found[0], found[1]))
    if published is not None:
        out = [w for w in out if w.date <= published]
    return sorted(out, key=lambda w: w.start)


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


# periods told from the publication date: a span that runs to it ("so far this year", "this month", "since the start of
# the month", "in the past week") or one that ended before it ("last week", "last month", "last year"); "later this
# year" is still to come and no period of a count
_TO_DATE = re.compile(
    r"\b(?:(?:so\s+far|thus\s+far|to\s+date|until\s+now|up\s+to\s+now)\s+(?:in\s+)?this\s+(?P<u1>year|month|week)"
    r"|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<u2>year|month|week)"
    r"|(?<!later\s)(?<!next\s)(?:earlier\s+)?this\s+(?P<u3>year|month|week)(?!\s+(?:and|or)\s+next)(?!['’]s?\s+(?:budget|plan|forecast|target))"
    r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?P<u4>year|month|week|24\s+hours))\b", re.IGNORECASE)
_LAST = re.compile(r"\b(?<!the\s)last\s+(?P<unit>year|month|week)\b(?!['’]s?\s+(?:end|close))", re.IGNORECASE)


def _span(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()}/{last.isoformat()}"


def find_relative_periods(text: str, published: dt.date | None) -> list[Period]:
    """Periods ``text`` gives relative to ``published`` (see the module's notes), left to right; none without a date."""
    if published is None:
        return []
    out: list[Period] = []
    for m in _TO_DATE.finditer(text):
        unit = next(u for u in m.group("u1", "u2", "u3", "u4") if u).lower()
        if m.group("u4"):  # a rolling span that ends at publication
            back = {"year": 365, "month": 30, "week": 7}.get(unit, 1)
            out.append(Period(m.start(), m.end(), _span(published - dt.timedelta(days=back), published)))
            continue
        if unit == "year":
            first = dt.date(published.year, 1, 1)
        elif unit == "month":
            first = published.replace(day=1)
        else:
            first = published - dt.timedelta(days=published.weekday())
        out.append(Period(m.start(), m.end(), _span(first, published)))
    for m in _LAST.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in out):
            continue
        unit = m.group("unit").lower()
        if unit == "year":
            value = str(published.year - 1)
        elif unit == "month":
            first = _months_back(published, 1)
            value = f"{first.year}-{first.month:02d}"
        else:
            monday = published - dt.timedelta(days=published.weekday())
            value = _span(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
        out.append(Period(m.start(), m.end(), value))
    return sorted(out, key=lambda p: p.start)
