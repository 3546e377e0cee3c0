"""Dates as historians write them: EDTF strings, their bounds, and how a person reads them.

Every date in the data is an EDTF string (Library of Congress Extended Date/Time Format),
parsed by the `edtf` package. We keep three things from it:

- where it sits on the axis, as decimal years (so BCE dates work: Python's `date` stops at 1);
- how wide it is (a year-only date covers its whole year) and how fuzzy (`~` approximate,
  `?` uncertain);
- what shape it has: a point, a period (`1984/1989`), or a single date known only to lie
  somewhere in a window (`[1984..1989]`, EDTF's "one of a set").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

import edtf

from core.i18n import DEFAULT_LANG, Message, message, ordinal, t
from core.load.problems import shorten

POINT, PERIOD, WINDOW = "point", "period", "window"

# One EDTF part, e.g. "1984", "2008-05~", "-0044?", "198X", "-01XX", "1XXX". Qualifiers may
# stand at the end.
_PART = re.compile(
    r"^(?P<year>-?(?:\d{4}|\d{3}X|\d{2}XX|\dXXX))(?:-(?P<month>\d{2}))?(?:-(?P<day>\d{2}))?"
    r"(?P<q>[~?%]?)$"
)

_SIMPLE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?[~?%]?$")
# A window of two plain years, "[1984..1989]", and an unspecified decade or century, "198X~".
_WINDOW = re.compile(r"^\[(?P<first>\d{4})\.\.(?P<last>\d{4})\]$")
_UNSPECIFIED = re.compile(r"^(?P<digits>-?(?:\d{3}X|\d{2}XX))[~?%]?$")
# Two centuries, neither qualified and on the same side of year 1: "15th–16th centuries".
_CENTURIES = re.compile(r"^(?P<first>-?\d{2})XX/(?P<last>-?\d{2})XX$")


class DateError(ValueError):
    """A date string that is not a usable EDTF date. `what` says what was expected, in any
    language; str() of it in English."""

    def __init__(self, what: Message):
        self.what = what
        super().__init__(what.text(DEFAULT_LANG))


@dataclass(frozen=True, slots=True)
class When:
    """A parsed date: its text, its place on the axis and its shape."""

    text: str
    start: float  # decimal year of the first day it may be
    end: float  # decimal year just after the last day it may be
    fuzzy_start: float  # start widened by one unit of precision when approximate or uncertain
    fuzzy_end: float
    shape: str  # POINT, PERIOD or WINDOW
    precision: str  # day, month, year, decade, century or millennium (of the first part)
    approximate: bool
    uncertain: bool

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2

    @property
    def year(self) -> int:
        """The calendar year of the start (astronomical: 0 is 1 BCE)."""
        return int(self.start // 1)

    @property
    def last_year(self) -> int:
        return int((self.end - 1e-9) // 1)


EXAMPLES = message("date_examples_edtf")  # the forms EDTF itself has


# Days in each month, and days before each month, for common and leap years: a table look-up
# rather than calendar calls, since 100,000 events make half a million of these.
_MONTH_DAYS = {
    leap: (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31) for leap in (False, True)
}
_DAYS_BEFORE = {leap: tuple(sum(days[:m]) for m in range(12)) for leap, days in _MONTH_DAYS.items()}


def _is_leap(year: int) -> bool:
    return calendar.isleap(year % 400 or 400)  # proleptic Gregorian, BCE years included


def _decimal_year(year: int, month: int, day: int) -> float:
    """Day `day` of `month` in `year` as a fraction of the year (astronomical year numbering)."""
    leap = _is_leap(year)
    day_of_year = _DAYS_BEFORE[leap][month - 1] + day - 1
    return year + day_of_year / (366 if leap else 365)


def days_in_month(year: int, month: int) -> int:
    return _MONTH_DAYS[_is_leap(year)][month - 1]


def _after(year: int, month: int, day: int) -> float:
    """The decimal year at the end of the given day."""
    if day < days_in_month(year, month):
        return _decimal_year(year, month, day + 1)
    if month < 12:
        return _decimal_year(year, month + 1, 1)
    return float(year + 1)


def _part_precision(part: str) -> str:
    m = _PART.match(part)
    if not m:
        return "year"
    if m["day"]:
        return "day"
    if m["month"]:
        return "month"
    if m["year"].endswith("XXX"):
        return "millennium"
    if m["year"].endswith("XX"):
        return "century"
    if m["year"].endswith("X"):
        return "decade"
    return "year"


_UNIT = {
    "day": 1 / 365,
    "month": 1 / 12,
    "year": 1.0,
    "decade": 10.0,
    "century": 100.0,
    "millennium": 1000.0,
}


def _simple_bounds(raw: str) -> tuple[float, float, str] | None:
    """Bounds of the common forms (1984, 2008-05~, 2013-04-24, 1984/1989, [1984..1989],
    198X) without edtf.

    The `edtf` parser takes 25 to 130 ms a date; these forms are nearly every date in real
    files, and tests check that this path agrees with `edtf` on them. Anything else,
    or anything invalid, returns None and goes to `edtf`.
    """
    window = _WINDOW.match(raw)
    if window:
        return float(window["first"]), float(int(window["last"]) + 1), WINDOW
    parts = raw.split("/")
    if len(parts) > 2:
        return None
    bounds = []
    for part in parts:
        if unspecified := _UNSPECIFIED.match(part):
            bounds.append(_unspecified_bounds(unspecified["digits"]))
            continue
        m = _SIMPLE.match(part)
        if not m:
            return None
        year, month, day = int(m["year"]), int(m["month"] or 0), int(m["day"] or 0)
        if m["month"] and not 1 <= month <= 12:
            return None
        if m["day"] and not 1 <= day <= days_in_month(year, month):
            return None
        first = _decimal_year(year, month or 1, day or 1)
        last = _after(year, month or 12, day or days_in_month(year, month or 12))
        bounds.append((first, last))
    return bounds[0][0], bounds[-1][1], PERIOD if len(parts) == 2 else POINT


def _unspecified_bounds(digits: str) -> tuple[float, float]:
    """A decade or century (198X, 14XX; -04XX is 500 to 401 BCE, as edtf reads it): its
    first year and the year after its last."""
    width = 10 ** digits.count("X")
    base = int(digits.replace("X", "0"))
    if digits.startswith("-"):  # counted back from year 0: -04XX runs from -499 to -400
        return float(base - width + 1), float(base + 1)
    return float(base), float(base + width)


def _edtf_bounds(raw: str) -> tuple[float, float, str]:
    try:
        parsed = edtf.parse_edtf(raw)
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
        if isinstance(lower, float) or isinstance(upper, float):  # open or unknown end
            raise TypeError(raw)
    except (edtf.EDTFParseException, TypeError, ValueError, AttributeError) as exc:
        raise DateError(message("date_expected", examples=EXAMPLES, found=shorten(raw))) from exc
    if isinstance(parsed, edtf.MultipleDates | edtf.Season):
        raise DateError(message("date_no_seasons", examples=EXAMPLES, found=shorten(raw)))
    if isinstance(parsed, edtf.OneOfASet):
        shape = WINDOW
    elif isinstance(parsed, edtf.Interval | edtf.Level1Interval | edtf.Level2Interval):
        shape = PERIOD
    else:
        shape = POINT
    start = _decimal_year(lower.tm_year, lower.tm_mon, lower.tm_mday)
    end = _after(upper.tm_year, upper.tm_mon, upper.tm_mday)
    return start, end, shape


@lru_cache(maxsize=65536)
def parse_when(text: str) -> When:
    """Parse an EDTF string into a `When`; raise `DateError` saying what was expected."""
    raw = (text or "").strip()
    if not raw:
        raise DateError(message("date_expected_nothing", examples=EXAMPLES))
    if raw.startswith("/") or raw.endswith("/") or "/.." in raw or "../" in raw:
        raise DateError(message("date_open_end", found=shorten(raw)))
    start, end, shape = _simple_bounds(raw) or _edtf_bounds(raw)
    if end <= start:
        raise DateError(message("date_end_before_start", date=raw))

    parts = raw.strip("[]").replace("..", "/").split("/")
    precision = _part_precision(parts[0])
    approximate = "~" in raw or "%" in raw
    uncertain = "?" in raw or "%" in raw
    pad = _UNIT[precision] if (approximate or uncertain) else 0.0
    return When(raw, start, end, start - pad, end + pad, shape, precision, approximate, uncertain)


def _format_unspecified(digits: str, negative: bool, lang: str) -> tuple[str, str]:
    """A decade, century or millennium (198X, 20XX, 1XXX, -01XX) as a person writes it, and
    the key of the text that says it is approximate (French: "vers les années 1980")."""
    width = digits.count("X")
    prefix = int(digits.rstrip("X") or 0)
    if width == 1:
        first = prefix * 10
        if negative:  # -019X is 200 to 191 BCE, which has no name of its own
            return t(lang, "date_years_bce", first=first + 10, last=first + 1), "date_approximate"
        if first == 0:  # 000X runs from 1 BCE to 9
            return (
                f"{_format_part('0000', lang)} – {_format_part('0009', lang)}",
                "date_approximate",
            )
        return t(lang, "date_decade", decade=first), "date_approximate_decade"
    key = "date_century" if width == 2 else "date_millennium"
    roman_numerals = t(lang, "date_century_numerals") == "roman"
    text = t(
        lang, key + ("_bce" if negative else ""), ordinal=ordinal(prefix + 1, lang, roman_numerals)
    )
    return text, "date_approximate_century"


def year_as_written(year: int, lang: str) -> str:
    """An astronomical year as people write it: 1984, 1, 1 BCE (year 0), 500 BCE (-499)."""
    return str(year) if year >= 1 else t(lang, "date_bce", year=str(1 - year))


def _format_part(part: str, lang: str) -> str:
    """One EDTF part as a person writes it: '24 April 2013', 'mai 2008', 'c. 1984', '44 BCE',
    '21st century', 'XXIe siècle'. Every word comes from the locales (core/locales/*/dates.json)."""
    m = _PART.match(part)
    if not m:
        return part
    year_text = m["year"]
    approximate = "date_approximate"
    if "X" in year_text:
        text, approximate = _format_unspecified(
            year_text.lstrip("-"), year_text.startswith("-"), lang
        )
    else:
        year = int(year_text)
        text = year_as_written(year, lang)
        if m["month"]:
            month = t(lang, f"month_{int(m['month'])}")
            if m["day"]:
                day = int(m["day"])
                day_text = t(lang, "date_first_day") if day == 1 else str(day)
                text = t(lang, "date_day_month_year", day=day_text, month=month, year=text)
            else:
                text = t(lang, "date_month_year", month=month, year=text)
    q = m["q"]
    if q in ("~", "%"):
        text = t(lang, approximate, date=text)
    if q in ("?", "%"):
        text = t(lang, "date_uncertain", date=text)
    return text


def format_when(when: When | str, lang: str = "en") -> str:
    """The date as a person writes it, in English or French.

    >>> format_when(parse_when("2013-04-24"))
    '24 April 2013'
    >>> format_when(parse_when("1984~"), "fr")
    'vers 1984'
    """
    text = when.text if isinstance(when, When) else when
    if text.startswith("[") and ".." in text:
        first, last = (_format_part(p, lang) for p in text.strip("[]").split("..", 1))
        return t(lang, "date_between", first=first, last=last)
    if (centuries := _CENTURIES.match(text)) and (
        centuries["first"].startswith("-") == centuries["last"].startswith("-")
    ):
        numbers = [abs(int(centuries[n])) + 1 for n in ("first", "last")]
        roman_numerals = t(lang, "date_century_numerals") == "roman"
        first, last = (ordinal(n, lang, roman_numerals) for n in numbers)
        bce = "_bce" if centuries["first"].startswith("-") else ""
        return t(lang, "date_centuries" + bce, first=first, last=last)
    if "/" in text:
        first, last = (_format_part(p, lang) for p in text.split("/", 1))
        return f"{first}–{last}" if " " not in first + last else f"{first} – {last}"
    return _format_part(text, lang)


@lru_cache(maxsize=20_000)
def when_text(text: str, lang: str) -> str:
    """`format_when` of a date as written in the data, remembered: every redraw writes the
    dates of the events it shows (hovers, the list), mostly the same ones again."""
    return format_when(text, lang)
