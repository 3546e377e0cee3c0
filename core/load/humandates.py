"""Dates as people type them in a spreadsheet, turned into EDTF before `parse_when` reads them.

Accepted besides EDTF itself (English and French):

    c. 1984, ca. 1984, circa 1984, about 1984, vers 1984, v. 1984     -> 1984~
    24/04/2013, 24.04.2013, 24-04-2013 (day first; or month first when the day is over 12) -> 2013-04-24
    April 2013, Apr 2013, avril 2013, 24 April 2013, 1er mai 2008     -> 2013-04, 2008-05-01
    1984-1989, 1984 - 1989, 1984 to 1989, de 1984 à 1989               -> 1984/1989
    44 BC, 44 BCE, 44 av. J.-C., 476, AD 476                           -> -0043, 0476
    1980s, années 1980                                                  -> 198X
    15th century, XVe siècle, 15e s., 5th century BC, Ve s. av. J.-C.   -> 14XX, -04XX
    XVe-XVIe siècle, 15th to 16th centuries, Ve-IVe s. av. J.-C.       -> 14XX/15XX, -04XX/-03XX
    04/2013, 4/2013 (month and year)                                    -> 2013-04

A day/month order that cannot be told (03/04/2013) is refused, with both readings written
the unambiguous way. Anything else is passed to `parse_when` unchanged, which says what
it expected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.i18n import Message, message, roman
from core.load.dates import EXAMPLES, DateError, When, days_in_month, parse_when
from core.load.problems import shorten
from core.load.text import fold

_MONTH_NAMES = {
    1: ("january", "jan", "janvier", "janv"),
    2: ("february", "feb", "fevrier", "fev", "fevr"),
    3: ("march", "mar", "mars"),
    4: ("april", "apr", "avril", "avr"),
    5: ("may", "mai"),
    6: ("june", "jun", "juin"),
    7: ("july", "jul", "juillet", "juil"),
    8: ("august", "aug", "aout"),
    9: ("september", "sep", "sept", "septembre"),
    10: ("october", "oct", "octobre"),
    11: ("november", "nov", "novembre"),
    12: ("december", "dec", "decembre"),
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}

# What the loader's date messages offer: the forms people type, then EDTF's own.
HUMAN_EXAMPLES = message("date_examples_human")

_CIRCA = re.compile(
    r"^(?:circa|ca|c|about|around|approximately|approx|vers|environ|env|v)\.?\s*(?:le\s+)?"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_BCE_WORDS = r"(?:bc|bce|b\.c\.|b\.c\.e\.|av\.?\s*j\.?\s*-?\s*c\.?|avant\s+j\.?\s*-?\s*c\.?)"
_BCE = re.compile(rf"^(?P<year>\d{{1,4}})\s*{_BCE_WORDS}$", re.IGNORECASE)
# A century, in figures or Roman numerals (read on folded text: siecle, eme)
_CENTURY = re.compile(
    r"^(?P<number>\d{1,2}|[ivxl]+)\s*"
    r"(?:(?:st|nd|rd|th)?\s+(?:century|centuries|cent\.|c\.)|(?:e|eme|er|ere)\s+(?:siecles?|s\.?))"
    rf"(?:\s*(?P<bce>{_BCE_WORDS})|\s*(?:ad|ce|ap\.?\s*j\.?\s*-?\s*c\.?))?$",
)
# Two centuries, the words after the second only: "XVe-XVIe siècle", "15th to 16th
# centuries", "du Ve au IVe s. av. J.-C." (the second is read with _CENTURY)
_CENTURY_RANGE = re.compile(
    r"^(?:from\s+|du\s+|de\s+)?(?P<first>\d{1,2}|[ivxl]+)(?:st|nd|rd|th|e|eme|er|ere)?"
    r"\s*(?:[-–—]|\s(?:to|au|a)\s)\s*(?P<last>.+)$"
)
# Roman numerals of centuries, as the app writes them (core.i18n.roman): "xv" -> 15
_ROMAN = {roman(n).lower(): n for n in range(1, 100)}
_MONTH_YEAR = re.compile(r"^(?P<month>\d{1,2})[/.-](?P<year>\d{4})$")
_CE = re.compile(
    r"^(?:ad\s*|ap\.?\s*j\.?\s*-?\s*c\.?\s*)?(?P<year>\d{1,4})(?:\s*(?:ad|ce))?$", re.I
)
_NUMERIC_DAY = re.compile(r"^(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})$")
_NAMED_MONTH = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:er|st|nd|rd|th)?\s+)?(?P<month>[a-z]+)\.?\s+(?P<day2>\d{1,2}(?:st|nd|rd|th)?,\s*)?(?P<year>\d{4})$",
    re.IGNORECASE,
)
_DECADE = re.compile(r"^(?:annees\s+)?(?P<decade>\d{3})0\s*'?s?$", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"^(?P<first>\d{3,4})\s*[-–—]\s*(?P<last>\d{4})$")
_WORD_RANGE = re.compile(
    r"^(?:from\s+|de\s+|du\s+)?(?P<first>.+?)\s*(?:\s[-–—]\s|[–—]|\sto\s|\s[aà]\s|\sau\s|\suntil\s|\still\s)\s*(?P<last>.+)$",
    re.IGNORECASE,
)


def _year(year: int) -> str:
    """An astronomical year as EDTF writes it: 1984, 0476, 0000 (1 BCE), -0043 (44 BCE)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _day_month(a: int, b: int, year: int, raw: str) -> str:
    """dd/mm/yyyy, or mm/dd/yyyy when only that order makes sense; refuse when both do."""
    if a > 12 and b > 12 or a == 0 or b == 0:
        raise DateError(message("date_day_and_month", found=raw))
    if a == b or a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    else:
        first = f"{year:04d}-{b:02d}-{a:02d}"  # read day first
        second = f"{year:04d}-{a:02d}-{b:02d}"  # read month first
        raise DateError(
            message(
                "date_ambiguous",
                found=raw,
                first=first,
                first_reading=message("date_day_month", day=str(a), month=_month_name(b)),
                second=second,
                second_reading=message("date_day_month", day=str(b), month=_month_name(a)),
            )
        )
    days = days_in_month(year, month)
    if day > days:
        raise DateError(
            message(
                "date_no_such_day", found=raw, month=_month_name(month), year=str(year), days=days
            )
        )
    return f"{year:04d}-{month:02d}-{day:02d}"


def _century(number: str, bce: bool) -> str | None:
    """EDTF for a century: the 15th is 14XX (1400-1499, as people count the 1400s), the
    5th BCE -04XX (500-401 BCE); as the app writes them back ("15th century")."""
    n = int(number) if number.isdigit() else _ROMAN.get(number)
    if not n or n > 99:
        return None
    return f"-{n - 1:02d}XX" if bce else f"{n - 1:02d}XX"


def _month_name(month: int) -> Message:
    return message(f"month_{month}")


def _single(text: str, raw: str) -> str | None:
    """EDTF for one date (not a range) typed by a person, or None if it is no known form."""
    folded = fold(text)
    if (m := _CIRCA.match(text)) and (m["rest"][0].isdigit() or to_edtf(m["rest"]) != m["rest"]):
        inner = to_edtf(m["rest"])
        # c. 1984? is approximate and uncertain: EDTF writes that with %
        return "/".join(p[:-1] + "%" if p.endswith("?") else p + "~" for p in inner.split("/"))
    if m := _BCE.match(folded):
        return _year(1 - int(m["year"]))
    if m := _CE.match(folded):
        return _year(int(m["year"]))
    if m := _NUMERIC_DAY.match(text):
        return _day_month(int(m["a"]), int(m["b"]), int(m["year"]), raw)
    if m := _NAMED_MONTH.match(folded):
        month = MONTHS.get(m["month"])
        if month is not None:
            day = m["day"] or (re.match(r"\d+", m["day2"])[0] if m["day2"] else None)
            edtf = f"{m['year']}-{month:02d}"
            return f"{edtf}-{int(day):02d}" if day else edtf
    if (m := _DECADE.match(folded)) and (folded.startswith("annees") or folded.endswith("s")):
        return m["decade"] + "X"
    if m := _CENTURY.match(folded):
        return _century(m["number"], bool(m["bce"]))
    if (m := _MONTH_YEAR.match(text)) and 1 <= int(m["month"]) <= 12:
        return f"{m['year']}-{int(m['month']):02d}"
    return None


def to_edtf(text: str) -> str:
    """The EDTF form of a date as typed; text that is no known human form comes back as is.

    >>> to_edtf("vers 1984"), to_edtf("24/04/2013"), to_edtf("44 BC"), to_edtf("1984-1989")
    ('1984~', '2013-04-24', '-0043', '1984/1989')
    """
    raw = " ".join((text or "").split())
    if m := _YEAR_RANGE.match(raw):
        return f"{_year(int(m['first']))}/{m['last']}"
    single = _single(raw, raw)
    if single is not None:
        return single
    if (m := _CENTURY_RANGE.match(fold(raw))) and (last := _CENTURY.match(m["last"])):
        bce = bool(last["bce"])
        first, second = _century(m["first"], bce), _century(last["number"], bce)
        if first and second:
            return f"{first}/{second}"
    if (m := _WORD_RANGE.match(raw)) and "/" not in raw:
        first, last = _single(m["first"], raw), _single(m["last"], raw)
        first = first or (m["first"] if re.fullmatch(r"-?\d{4}", m["first"]) else None)
        last = last or (m["last"] if re.fullmatch(r"-?\d{4}", m["last"]) else None)
        if first and last:
            return f"{first}/{last}"
    return raw


@lru_cache(maxsize=65536)  # a timeline repeats its dates; 100,000 rows parse each once
def parse_human(text: str) -> When:
    """Parse a date as people type it; raise `DateError` naming what they typed."""
    raw = " ".join((text or "").split())
    edtf = to_edtf(raw)
    try:
        return parse_when(edtf)
    except DateError as exc:
        # offer the forms people type, not EDTF's alone
        values = tuple(
            (name, HUMAN_EXAMPLES if value == EXAMPLES else value)
            for name, value in exc.what.values
        )
        what = Message(exc.what.key, values)
        if edtf != raw:
            what = message("date_read_from", what=what, typed=shorten(raw))
        raise DateError(what) from None
