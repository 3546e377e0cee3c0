"""How TimelineJS 3 reads the cells of one sheet row, and what we check in them.

TimelineJS (`ConfigFactory.js` `extractEventFromCSVObject`, `DateUtil.js` `parseTime`,
`TLDate.js`) trims every cell, removes spaces and commas from Year, Month and Day
(`clean_integer`: '1,984' is 1984), and builds a JavaScript Date from the parts without
checking them. Here every part is checked, and each problem is reported with the sheet's
row number and TimelineJS's column name.

Years. TimelineJS shows a negative Year as a year BCE: Year -44 reads "44 BCE" (its
English era suffix), and nothing in a sheet can mean a year 0 (TimelineJS would label it
"0"). EDTF counts astronomically, with a year 0 that is 1 BCE, so 44 BCE is `-0043`.
`tjs_year_to_astronomical` maps y < 0 to y + 1, and `astronomical_to_tjs_year` maps
back a <= 0 to a - 1; Year 0 is an error.
"""

from __future__ import annotations

import re

from core.i18n import Message, message
from core.load.text import is_web_address

from .converted import ERROR, WARNING, Problem, quote
from .edtfparts import MAX_YEAR, MIN_YEAR, MONTH_NAMES, Part, days_in_month
from .htmltext import html_to_text

__all__ = [
    "HEADERS",
    "SheetRow",
    "astronomical_to_tjs_year",
    "clean_integer",
    "tjs_year_to_astronomical",
    "valid_time",
]

# The TimelineJS template's columns, in its order.
HEADERS: list[str] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",  # the picture's alternative text (TimelineJS 3's media.alt)
    "Type",
    "Group",
    "Background",
]

_INTEGER = re.compile(r"^-?\d+$")
_DIGITS = re.compile(r"^\d+$")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]+):")


def clean_integer(value: str) -> str:
    """TimelineJS's clean_integer: spaces and commas go ('1,984' -> '1984')."""
    return re.sub(r"[\s,]+", "", value)


def tjs_year_to_astronomical(year: int) -> int:
    """TimelineJS's Year (-44 shown as 44 BCE) as an astronomical year (-43). Not for 0."""
    if year == 0:
        raise ValueError("TimelineJS has no year 0")
    return year + 1 if year < 0 else year


def astronomical_to_tjs_year(year: int) -> int:
    """An astronomical (EDTF) year as TimelineJS's Year: 0 -> -1, -43 -> -44."""
    return year - 1 if year <= 0 else year


def _written(year: str, month: str = "", day: str = "") -> str:
    """A sheet date as TimelineJS shows it, for messages: '15 March 44 BCE'."""
    y = int(year)
    text = f"{-y} BCE" if y < 0 else str(y)
    if month:
        text = f"{MONTH_NAMES[int(month) - 1]} {text}"
        if day:
            text = f"{int(day)} {text}"
    return text


def _js_parse_int(text: str) -> int | None:
    """JavaScript's parseInt(text, 10): leading digits after spaces and a sign, or None."""
    m = re.match(r"^\s*([+-]?\d+)", text)
    return int(m.group(1)) if m else None


def valid_time(text: str) -> bool:
    """Whether TimelineJS's parseTime reads this time (minutes and seconds also 0-59 here)."""
    period = None
    m = re.search(r"(\s*[AaPp]\.?[Mm]\.?\s*)$", text)
    if m:
        period = m.group().strip()
        text = text[: text.rfind(period)].strip()
    no_separators = re.match(r"^\s*(\d{1,2})(\d{2})\s*$", text)
    if no_separators:
        parts = list(no_separators.groups())
    else:
        parts = text.split(":")
        if len(parts) == 1:
            parts = text.split(".")
    if len(parts) > 4:
        return False
    hour = _js_parse_int(parts[0])
    if hour is None:
        return False
    if period and period[0].lower() == "p" and hour != 12:
        hour += 12
    elif period and period[0].lower() == "a" and hour == 12:
        hour = 0
    if not 0 <= hour <= 23:
        return False
    if len(parts) > 1:
        minute = _js_parse_int(parts[1])
        if minute is None or not 0 <= minute <= 59:
            return False
    if len(parts) > 2:
        rest = re.split(r"[.,]", parts[2]) + parts[3:]
        if len(rest) > 2:
            return False
        second = _js_parse_int(rest[0])
        if second is None or not 0 <= second <= 59:
            return False
        if len(rest) == 2 and _js_parse_int(rest[1]) is None:
            return False
    return True


class SheetRow:
    """One sheet row: its cells by TimelineJS column name, and where to report problems."""

    def __init__(self, number: int, cells: dict[str, str], problems: list[Problem]):
        self.number = number
        self.cells = cells
        self.problems = problems
        self.failed = False

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def error(self, column: str | None, what: Message) -> None:
        self.failed = True
        self.problems.append((self.number, column, what, ERROR))

    def warn(self, column: str | None, what: Message) -> None:
        self.problems.append((self.number, column, what, WARNING))

    def date(self, prefix: str) -> Part | None:
        """The date in Year/Month/Day (prefix '') or End Year/... (prefix 'End '), or None.

        None when there is no year, or when the parts are wrong (then with an error).
        """
        year_col, month_col, day_col = f"{prefix}Year", f"{prefix}Month", f"{prefix}Day"
        year_text = clean_integer(self[year_col])
        month_text = clean_integer(self[month_col])
        day_text = clean_integer(self[day_col])
        if not year_text:
            return None
        ok = True
        year = None
        if not _INTEGER.match(year_text):
            self.error(year_col, message("tljs_bad_year", found=quote(self[year_col])))
            ok = False
        elif int(year_text) == 0:
            self.error(year_col, message("tljs_year_zero"))
            ok = False
        else:
            year = tjs_year_to_astronomical(int(year_text))
            if not MIN_YEAR <= year <= MAX_YEAR:
                self.error(
                    year_col,
                    message(
                        "tljs_year_range",
                        low=str(MIN_YEAR - 1),
                        high=str(MAX_YEAR),
                        found=quote(self[year_col]),
                    ),
                )
                ok = False
        month = None
        if month_text:
            if not _DIGITS.match(month_text) or not 1 <= int(month_text) <= 12:
                self.error(month_col, message("tljs_bad_month", found=quote(self[month_col])))
                ok = False
            else:
                month = int(month_text)
        day = None
        if day_text:
            if not month_text:
                self.error(
                    day_col,
                    message(
                        "tljs_day_no_month",
                        month=month_col,
                        day=day_col,
                        found=quote(self[day_col]),
                    ),
                )
                ok = False
            elif not _DIGITS.match(day_text):
                self.error(day_col, message("tljs_bad_day", found=quote(self[day_col])))
                ok = False
            elif year is not None and month is not None:
                last = days_in_month(year, month)
                if not 1 <= int(day_text) <= last:
                    self.error(
                        day_col,
                        message(
                            "tljs_day_range",
                            last=str(last),
                            month=_written(year_text, month_text),
                            found=quote(self[day_col]),
                        ),
                    )
                    ok = False
                else:
                    day = int(day_text)
        if not ok or year is None:
            return None
        return Part(year, month, day)

    def written(self, prefix: str) -> str:
        """The (valid) date in this row's Year/Month/Day or End ... cells, as TimelineJS shows it."""
        return _written(
            *(clean_integer(self[f"{prefix}{part}"]) for part in ("Year", "Month", "Day"))
        )

    def media(self, column: str) -> tuple[str, str]:
        """A Media cell as (image path or http(s) address, text to add to the summary).

        TimelineJS also takes HTML as media (a <blockquote>, an <iframe> embed): its text, if
        any, goes to the summary. Other schemes (javascript:, data:) are dropped. Both warn.
        """
        value = self[column]
        if not value:
            return "", ""
        if value.startswith("<"):
            text = html_to_text(value)
            key = "tljs_media_html_text" if text else "tljs_media_html_ignored"
            self.warn(column, message(key, found=quote(value)))
            return "", text
        scheme = _SCHEME.match(value)
        if scheme and not is_web_address(value):
            self.warn(column, message("tljs_media_scheme", scheme=scheme.group(1).lower()))
            return "", ""
        return value, ""
