"""Reading publication dates from the forms inputs use (ISO, RFC 2822, struct_time)."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

__all__ = ["parse_date"]

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y%m%d")


def parse_date(value: object) -> dt.date | None:
    """The calendar date in ``value`` or None when it holds none.

    Accepts dates, datetimes, ``time.struct_time`` (feedparser), ISO strings
    ("2025-03-05", "2025-03-05T10:00:00Z"), RFC 2822 ("Wed, 05 Mar 2025 10:00:00
    GMT") and a few written forms ("5 March 2025", "March 5, 2025").
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
