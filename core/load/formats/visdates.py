"""vis-timeline's start and end values read as EDTF dates, the way vis-timeline reads them.

vis-timeline (8.x) turns an item's `start` and `end` into moments with its `convert`:
numbers, strings of digits and ASP.NET '/Date(ms)/' are milliseconds since 1970-01-01 UTC;
other strings go to moment.js, which reads ISO 8601 ('2013-04-24', '2013-04-24T10:00:00Z',
'1984-05', expanded years such as '-000044'). Here:

- an ISO date keeps the precision it was written with (year, month or day), and its
  calendar date as written, in the offset it was written in; a time of day other than
  midnight is kept as text ('10:00:00 UTC', '23:30 -05:00'), since the app's EDTF dates
  carry none;
- milliseconds give a UTC day (and a UTC time when not midnight), computed without
  `datetime`, which stops at year 1;
- a string of one to four digits is a year: vis-timeline would read '1984' as 1984 ms
  after 1970, which a file that says '1984' cannot mean. '-44' is read as the ISO
  (astronomical) year -44, that is 45 BCE, with a warning, since vis-timeline reads it as
  2044; ISO writes it '-000044';
- years outside -9999..9999 (the app's dates have four digits) and dates that do not
  exist are errors, with an "expected ...; found ..." message.
"""

from __future__ import annotations

import math
import re

from core.i18n import Message, message

from .converted import quote
from .edtfparts import MAX_YEAR, MIN_YEAR, Part, days_in_month

__all__ = ["VisDateError", "parse_vis_date"]

MS_PER_DAY = 86_400_000
JS_DATE_LIMIT_MS = 8.64e15  # JavaScript's Date holds 100 million days either side of 1970

_ISO = re.compile(
    r"^(?P<year>[+-]\d{6}|\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?)"
    r"\s*(?P<zone>[zZ]|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
_SHORT_YEAR = re.compile(r"^-?\d{1,4}$")
_MILLISECONDS = re.compile(r"^\d{5,}$")
_ASP_DATE = re.compile(r"^/?Date\((-?\d+)", re.IGNORECASE)


class VisDateError(ValueError):
    """A start or end that is not a date; `what` says what was expected and found."""

    def __init__(self, what: Message):
        super().__init__(str(what))
        self.what = what


def _not_a_date(found: object) -> VisDateError:
    return VisDateError(message("vis_bad_date", found=quote(found)))


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """Days since 1970-01-01 as a proleptic Gregorian (astronomical year, month, day).

    Howard Hinnant's civil_from_days; Python's datetime stops at year 1.
    """
    days += 719_468
    era = days // 146_097
    doe = days - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def _from_milliseconds(ms: float) -> tuple[Part, str]:
    if not math.isfinite(ms) or abs(ms) > JS_DATE_LIMIT_MS:
        raise _not_a_date(ms)
    whole = math.floor(ms)
    days, rest = divmod(whole, MS_PER_DAY)
    year, month, day = _civil_from_days(days)
    seconds = rest // 1000
    hh, mm, ss = seconds // 3600, seconds // 60 % 60, seconds % 60
    time = ""
    if rest:
        time = f"{hh:02d}:{mm:02d}" + (f":{ss:02d}" if ss else "") + " UTC"
    return _checked(year, month, day, ms), time


def _checked(year: int, month: int | None, day: int | None, found: object) -> Part:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise VisDateError(
            message("vis_year_range", low=str(MIN_YEAR), high=str(MAX_YEAR), found=quote(found))
        )
    if month is not None and not 1 <= month <= 12:
        raise VisDateError(message("vis_bad_month", found=quote(found)))
    if month is not None and day is not None and not 1 <= day <= days_in_month(year, month):
        raise VisDateError(message("vis_bad_day", found=quote(found)))
    return Part(year, month, day)


def parse_vis_date(value: object) -> tuple[Part, str, Message | None]:
    """A vis-timeline start or end as (EDTF part, time of day as written or '', warning or '').

    Raises VisDateError with an "expected ...; found ..." message.
    """
    if isinstance(value, bool) or value is None:
        raise _not_a_date(value)
    if isinstance(value, int | float):
        return (*_from_milliseconds(float(value)), None)
    if not isinstance(value, str):
        raise _not_a_date(value)
    text = value.strip()
    asp = _ASP_DATE.match(text)
    if asp:
        return (*_from_milliseconds(float(asp.group(1))), None)
    if _SHORT_YEAR.match(text):
        note = None
        if text.startswith("-"):
            year = int(text)
            note = message(
                "vis_short_negative_year",
                iso=f"-{-year:06d}",
                found=quote(value),
                year=str(year),
                bce=str(1 - year),
            )
        return _checked(int(text), None, None, value), "", note
    if _MILLISECONDS.match(text):
        return (*_from_milliseconds(float(text)), None)
    m = _ISO.match(text)
    if not m:
        raise _not_a_date(value)
    year = int(m["year"])
    month = int(m["month"]) if m["month"] else None
    day = int(m["day"]) if m["day"] else None
    part = _checked(year, month, day, value)
    time = m["time"] or ""
    if time:
        hour, minute, second = (time.replace(",", ".").split(":") + ["0", "0"])[:3]
        if int(hour) > 23 or int(minute) > 59 or float(second) >= 60:
            raise VisDateError(message("vis_bad_time", found=quote(value)))
        if int(hour) == 0 and int(minute) == 0 and float(second) == 0:
            time = ""
        elif m["zone"]:
            time += " UTC" if m["zone"] in "zZ" else f" {m['zone']}"
    return part, time, None
