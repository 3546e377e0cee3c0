"""The app's events written as a TimelineJS template CSV that TimelineJS reads back.

`to_csv` writes the template's 18 columns and Alt Text (`HEADERS`), a title row (Type 'title'), one row per
event and one per era (Type 'era'), such that TimelineJS 3 reads every row without error
and `timelinejs.convert` reads back every field it maps. What TimelineJS cannot say is
spelled out:

- EDTF years are astronomical; TimelineJS's are not (`astronomical_to_tjs_year`: 0000 is
  Year -1, -0043 is Year -44);
- qualifiers (1984~, 1984?, 1984%), windows ([1984..1989]) and unspecified decades or
  centuries (198X) have no TimelineJS form: their plain bounds are written, and the date in
  English words ('c. 1984', 'between 1984 and 1989', '1980s') goes to Display Date when
  the event has none;
- text cells are HTML in TimelineJS: they are escaped, lines joined by <br>, paragraphs
  (blank lines) put in <p>, and a leading = + - @ is written as its entity, so that a
  spreadsheet opening the file never runs it as a formula; Display Date and Group are
  escaped twice, since TimelineJS decodes them twice (`_html_line`);
- 29 February before year 1 is in TimelineJS's BCE calendar 1 March (`shows_exactly`): its
  date in words goes to Display Date too;
- an era whose end equals its start would lose its end in TimelineJS (it drops an end
  equal to the start, then refuses the era), so the end is written as the last day of the
  span, or for a one-day era its last minute (End Time 23:59).
"""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any

from .edtfparts import Part, human, parse_shape
from .timelinejs_cells import HEADERS, astronomical_to_tjs_year

__all__ = ["shows_exactly", "to_csv"]

_FORMULA_START = "=+-@"


def _guard(cell: str) -> str:
    """An HTML cell a spreadsheet will not run: a leading = + - @ becomes its entity."""
    if cell and cell[0] in _FORMULA_START:
        return f"&#{ord(cell[0])};{cell[1:]}"
    return cell


def _html_line(text: str) -> str:
    """Plain text as one line for Display Date and Group, escaped twice.

    TimelineJS reads these two cells' text (its stripMarkup, which decodes the cell's
    HTML once) and then puts that text in the page as HTML (which decodes it again): escaped
    once, the text '<b>x</b>' would show as a bold x.
    """
    once = html.escape(" ".join((text or "").split()), quote=False)
    return _guard(html.escape(once, quote=False))


def _plain_line(text: str) -> str:
    """Plain text for Alt Text, which TimelineJS gives the picture as it is (not as HTML):
    one line; a leading = + - @ gets a space before it, which a spreadsheet takes as text
    and TimelineJS trims."""
    line = " ".join(text.split())
    return f" {line}" if line and line[0] in _FORMULA_START else line


def _html_text(text: str) -> str:
    """Plain text as HTML: escaped, lines joined by <br>, paragraphs (blank lines) in <p>."""
    text = (text or "").strip()
    if not text:
        return ""
    paragraphs = [p.strip() for p in re.split(r"\n[^\S\n]*\n\s*", text) if p.strip()]
    parts = [
        "<br>".join(html.escape(line.strip(), quote=False) for line in p.split("\n"))
        for p in paragraphs
    ]
    if len(parts) == 1:
        return _guard(parts[0])
    return "".join(f"<p>{part}</p>" for part in parts)


def _date_cells(part: Part | None) -> list[str]:
    if part is None:
        return ["", "", ""]
    return [
        str(astronomical_to_tjs_year(part.year)),
        str(part.month) if part.month is not None else "",
        str(part.day) if part.day is not None else "",
    ]


def _bce_leap_day(part: Part | None) -> bool:
    """29 February before year 1, which TimelineJS cannot show (see `shows_exactly`)."""
    return part is not None and part.year <= 0 and (part.month, part.day) == (2, 29)


def shows_exactly(date: str) -> bool:
    """Whether TimelineJS shows this EDTF date as it is, from its Year, Month and Day alone.

    Not a date with more than plain bounds (1984~, [1984..1989], 198X), nor 29 February
    before year 1: TimelineJS counts a BCE Year on JavaScript's calendar and labels it one
    year off (Year -45 is JavaScript's year -45, a common year, labelled 45 BCE), so the 29
    February of 45 BCE (EDTF -0044-02-29, a leap year) shows as 1 March. Such dates need
    their words in Display Date.
    """
    shape = parse_shape(date)
    return shape.exact and not (_bce_leap_day(shape.start) or _bce_leap_day(shape.end))


_COLUMN = {h.replace(" ", "_").lower(): h for h in HEADERS}  # media_credit -> Media Credit


def _row(**cells: str) -> list[str]:
    """A CSV row from cells named like keyword arguments (end_year for End Year)."""
    by_header = {_COLUMN[k]: v for k, v in cells.items()}
    return [by_header.get(h, "") for h in HEADERS]


def _event_row(event: dict[str, str]) -> list[str]:
    shape = parse_shape(event.get("date", ""))
    start, end, exact = shape.start, shape.end, shows_exactly(shape.text)
    end_text = (event.get("end") or "").strip()
    if end_text:
        if "/" in shape.text or shape.text.startswith("["):
            raise ValueError(
                f"date {shape.text!r} is already a period; found also the end {end_text!r}"
            )
        end_shape = parse_shape(end_text)
        end = end_shape.end or end_shape.start
        exact = exact and end_shape.end is None and shows_exactly(end_text)
    display = event.get("display_date") or ""
    if not display and not exact:
        display = human(shape.text) + (f" – {human(end_text)}" if end_text else "")
    year, month, day = _date_cells(start)
    end_year, end_month, end_day = _date_cells(end)
    return _row(
        year=year,
        month=month,
        day=day,
        time=event.get("time") or "",
        end_year=end_year,
        end_month=end_month,
        end_day=end_day,
        end_time=(event.get("end_time") or "") if end is not None else "",
        display_date=_html_line(display),
        headline=_html_text(event.get("title") or ""),
        text=_html_text(event.get("summary") or ""),
        media=event.get("image") or "",
        media_credit=_html_text(event.get("image_credit") or ""),
        media_caption=_html_text(event.get("image_caption") or ""),
        media_thumbnail=event.get("image_thumbnail") or "",
        alt_text=_plain_line(event.get("image_alt") or ""),
        group=_html_line(event.get("group") or ""),
    )


def _era_row(era: dict[str, str]) -> list[str]:
    start = parse_shape(era["start"]).start
    end_shape = parse_shape(era["end"])
    end = end_shape.end or end_shape.start
    end_time = ""
    if end == start:
        # TimelineJS drops an end equal to the start, then refuses an era without an end:
        # say the same span with the end's last day (or, for one day, its last minute).
        if end.day is None:
            last = end.last
            end = Part(last[0], last[1], last[2])
        else:
            end_time = "23:59"
    year, month, day = _date_cells(start)
    end_year, end_month, end_day = _date_cells(end)
    return _row(
        year=year,
        month=month,
        day=day,
        end_year=end_year,
        end_month=end_month,
        end_day=end_day,
        end_time=end_time,
        headline=_html_text(era.get("label") or ""),
        type="era",
    )


def to_csv(
    events: list[dict[str, str]], title: dict[str, Any] | None, eras: list[dict[str, str]]
) -> str:
    """The app's events, title and eras as a TimelineJS template CSV.

    Events are dicts with the keys `convert` gives (`date` and `end` in EDTF; missing keys
    are empty). A date TimelineJS cannot say (1984~, 1984?, [1984..1989], 198X) is written
    as its plain bounds, with the date in words in Display Date when that is empty.
    Raises ValueError on a date that is not EDTF as the app writes it.
    """
    rows: list[list[str]] = [list(HEADERS)]
    if title:
        rows.append(
            _row(
                headline=_html_text(title.get("title") or ""),
                text=_html_text(title.get("subtitle") or ""),
                media=title.get("image") or "",
                type="title",
            )
        )
    rows.extend(_event_row(event) for event in events)
    rows.extend(_era_row(era) for era in eras)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()
