"""The few EDTF forms the converters read and write, and calendar arithmetic for them.

The app stores every date as an EDTF string (Library of Congress Extended Date/Time
Format). Converters from other timeline tools only need the plain forms, `1984`,
`1984-05`, `1984-05-03`, with astronomical years written on four digits as EDTF writes
them (`0476`, `0000` for 1 BCE, `-0043` for 44 BCE), plus, for export, the qualifiers and
shapes a tool without them has to spell out: `1984~`, `1984?`, `1984%`, `1984/1989`,
`[1984..1989]`, `198X`, `19XX`.

Everything here is proleptic Gregorian on astronomical years (year 0 exists), which is
what EDTF, ISO 8601 and JavaScript's Date use. Only the standard library is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MIN_YEAR",
    "MAX_YEAR",
    "MONTH_NAMES",
    "Part",
    "Shape",
    "days_in_month",
    "edtf",
    "human",
    "parse_part",
    "parse_shape",
]

# Years EDTF writes on four digits (a sign aside); the app's dates have no other kind.
MIN_YEAR, MAX_YEAR = -9999, 9999

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_PART = re.compile(r"^(?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<q>[~?%]?)$")
_UNSPECIFIED = re.compile(r"^(?P<digits>\d{3}X|\d{2}XX)(?P<q>[~?%]?)$")
_WINDOW = re.compile(r"^\[(?P<first>[^\[\].]+)\.\.(?P<last>[^\[\].]+)\]$")


def is_leap(year: int) -> bool:
    """Proleptic Gregorian leap year, astronomical numbering (0, -4, -400 are leap)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True, slots=True)
class Part:
    """One calendar date at year, month or day precision, with its EDTF qualifier."""

    year: int  # astronomical
    month: int | None = None
    day: int | None = None
    qualifier: str = ""  # "", "~", "?" or "%"

    @property
    def plain(self) -> str:
        return edtf(self.year, self.month, self.day)

    @property
    def first(self) -> tuple[int, int, int]:
        """The first day it may be, as (year, month, day)."""
        return (self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> tuple[int, int, int]:
        """The last day it may be, as (year, month, day)."""
        month = self.month or 12
        return (self.year, month, self.day or days_in_month(self.year, month))


@dataclass(frozen=True, slots=True)
class Shape:
    """A date as the app writes it: a point, a period (`a/b`) or a window (`[a..b]`).

    `start` and `end` are the plain bounds; `end` is None for a single date.
    `exact` is False when the EDTF says more than plain bounds can (qualifiers, a window,
    an unspecified decade or century), which a tool without them must say in words.
    """

    start: Part
    end: Part | None
    exact: bool
    text: str  # the EDTF as given


def edtf(year: int, month: int | None = None, day: int | None = None) -> str:
    """EDTF for an astronomical year and optional month and day: 1984-05-03, -0043, 0000."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
    text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def parse_part(text: str) -> Part:
    """One plain or qualified EDTF date (`1984`, `-0043-03-15`, `2008-05~`); ValueError if not."""
    m = _PART.match(text.strip())
    if not m:
        raise ValueError(
            f"expected an EDTF date such as 1984, 1984-05 or 1984-05-03; found '{text}'"
        )
    year = int(m["year"])
    month = int(m["month"]) if m["month"] else None
    day = int(m["day"]) if m["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"expected a month from 01 to 12; found '{text}'")
    if month is not None and day is not None and not 1 <= day <= days_in_month(year, month):
        raise ValueError(f"expected a day that exists in that month; found '{text}'")
    return Part(year, month, day, m["q"])


def _parse_bound(text: str) -> tuple[Part, Part, bool]:
    """A part that may be an unspecified decade or century: (first, last, exact)."""
    unspecified = _UNSPECIFIED.match(text.strip())
    if unspecified:
        digits = unspecified["digits"]
        width = 10 ** digits.count("X")
        first = int(digits.replace("X", "0"))
        return Part(first), Part(first + width - 1), False
    part = parse_part(text)
    plain = Part(part.year, part.month, part.day)
    return plain, plain, not part.qualifier


def parse_shape(text: str) -> Shape:
    """Parse the date forms the app writes; ValueError naming what was expected if not."""
    raw = (text or "").strip()
    if not raw:
        raise ValueError("expected a date; found nothing")
    window = _WINDOW.match(raw)
    if window:
        first, _, _ = _parse_bound(window["first"])
        _, last, _ = _parse_bound(window["last"])
        return Shape(first, last, False, raw)
    if raw.count("/") == 1:
        left, right = raw.split("/")
        first, _, exact_first = _parse_bound(left)
        _, last, exact_last = _parse_bound(right)
        return Shape(first, last, exact_first and exact_last, raw)
    first, last, exact = _parse_bound(raw)
    return Shape(first, last if last != first else None, exact, raw)


def _human_year(year: int) -> str:
    return f"{1 - year} BCE" if year <= 0 else str(year)


def _human_part(text: str) -> str:
    """One EDTF part in English words: '3 May 1984', 'c. 1984', '44 BCE?', '1980s'."""
    text = text.strip()
    unspecified = _UNSPECIFIED.match(text)
    if unspecified:
        words = unspecified["digits"].replace("X", "0") + "s"
        q = unspecified["q"]
    else:
        part = parse_part(text)
        words = _human_year(part.year)
        if part.month is not None:
            words = f"{MONTH_NAMES[part.month - 1]} {words}"
            if part.day is not None:
                words = f"{part.day} {words}"
        q = part.qualifier
    if q in ("~", "%"):
        words = f"c. {words}"
    if q in ("?", "%"):
        words = f"{words}?"
    return words


def human(text: str) -> str:
    """An EDTF date the app writes, in English words, for tools that cannot say it in EDTF.

    >>> human("1984~"), human("[1984..1989]"), human("-0043-03-15?"), human("1984/1989?")
    ('c. 1984', 'between 1984 and 1989', '15 March 44 BCE?', '1984 – 1989?')
    """
    raw = text.strip()
    window = _WINDOW.match(raw)
    if window:
        return f"between {_human_part(window['first'])} and {_human_part(window['last'])}"
    if raw.count("/") == 1:
        left, right = raw.split("/")
        return f"{_human_part(left)} – {_human_part(right)}"
    return _human_part(raw)
