"""TimelineJS sheets in and out: read a Knight Lab TimelineJS template, write one back.

Lecturers often have a timeline already made as a TimelineJS Google Sheet (or its CSV
download). `convert` turns that sheet into the app's rows, and `to_csv` writes the app's
events as a TimelineJS template CSV, so that a timeline can go either way.

The sheet is read the way TimelineJS 3 reads it (`ConfigFactory.js`,
`extractEventFromCSVObject` and `handleRow`, checked against version 3.9.11):

- columns are found by name; we also accept any case and spacing ('end year'), and
  TimelineJS's older 'Tag' column for Group;
- cells are trimmed; in Year, Month and Day, spaces and commas are removed, as TimelineJS
  does ('1,984' is 1984);
- Type 'title' makes the title slide (the first one only; TimelineJS reads a second one as
  an event, and so do we), Type 'era' an era; any other Type is read as an event;
- a row whose cells are all empty is skipped.

Dates. TimelineJS takes a negative Year as a year BCE: it shows Year -44 as "44 BCE" (its
English era suffix), and has no year 0 in its labels. EDTF counts astronomically, with a
year 0 that is 1 BCE, so 44 BCE is `-0043`. We map TimelineJS year y < 0 to EDTF y + 1
(-1 -> `0000`, -44 -> `-0043`), and back with EDTF a <= 0 to a - 1. Year 0 is refused,
since a sheet cannot mean it (TimelineJS would label it "0"). Times are not part of EDTF
dates here: Time and End Time are kept as written in `time` and `end_time`.

Where TimelineJS says nothing, we are stricter, and say everything at once: every problem
in the sheet, by its spreadsheet row and TimelineJS column name. TimelineJS silently skips
a row with no Year, lets JavaScript roll Month 13 or 30 February over into the next
month or year, takes a Day without a Month as a day of January, and never checks that an
end comes after its start; each of these is an error here.

Text cells are HTML in TimelineJS; they become plain text through `html_to_text`, and
`to_csv` writes them back as HTML. Display Date and Group are decoded twice, as TimelineJS
shows them (it strips their markup, then puts the text left in the page as HTML). One
row's cells are checked in `timelinejs_cells`; the writing is in `timelinejs_write`; this
module is the reading of a whole sheet.
"""

from __future__ import annotations

import csv
import io

from core.i18n import message

from .converted import ERROR, Converted, Problem, quote
from .htmltext import html_to_text
from .timelinejs_cells import (
    HEADERS,
    SheetRow,
    astronomical_to_tjs_year,
    tjs_year_to_astronomical,
    valid_time,
)
from .timelinejs_write import to_csv

__all__ = [
    "HEADERS",
    "Converted",
    "Problem",
    "astronomical_to_tjs_year",
    "convert",
    "is_timelinejs",
    "parse_csv",
    "tjs_year_to_astronomical",
    "to_csv",
    "valid_time",
]


def _norm(name: object) -> str:
    return " ".join(str(name or "").split()).casefold()


_CANONICAL = {_norm(h): h for h in HEADERS}
_REQUIRED = ("Year", "Headline")


def is_timelinejs(header: list[str]) -> bool:
    """Whether a header row is TimelineJS's: Year, Headline and at least two more of its columns.

    >>> is_timelinejs([" year", "MONTH", "Day", "headline"])
    True
    >>> is_timelinejs(["date", "title", "summary"])
    False
    """
    names = {_norm(cell) for cell in header}
    if not all(_norm(name) in names for name in _REQUIRED):
        return False
    known = (set(_CANONICAL) | {"tag"}) - {_norm(name) for name in _REQUIRED}
    return len(names & known) >= 2


def parse_csv(text: str) -> list[list[str]]:
    """A CSV text as rows of cells (row i is spreadsheet row i + 1), as `convert` takes it."""
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


def _header(table: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The index of the header row and each TimelineJS column's position in it."""
    for index, row in enumerate(table):
        if any(str(cell or "").strip() for cell in row):
            columns: dict[str, int] = {}
            for position, cell in enumerate(row):
                name = _CANONICAL.get(_norm(cell))
                if name is None and _norm(cell) == "tag":
                    name = "Tag"
                if name is not None and name not in columns:
                    columns[name] = position
            if "Group" not in columns and "Tag" in columns:
                columns["Group"] = columns["Tag"]
            return index, columns
    return None


def convert(table: list[list[str]], file_name: str) -> Converted:
    """Read a TimelineJS sheet (rows of text cells) into the app's events, title and eras.

    Every problem is collected in `problems`; a row with an error gives no event.
    `file_name` is only quoted in whole-file messages.
    """
    result = Converted()
    found = _header(table)
    if found is None:
        result.problems.append(
            (
                None,
                None,
                message("tljs_empty_file", file=file_name),
                ERROR,
            )
        )
        return result
    header_index, columns = found
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        result.problems.append(
            (
                header_index + 1,
                None,
                message("tljs_missing_columns", missing=", ".join(missing)),
                ERROR,
            )
        )
        return result
    width = len(table[header_index])
    title_row: int | None = None
    background_seen = False
    for index in range(header_index + 1, len(table)):
        raw = table[index]
        if not any(str(cell or "").strip() for cell in raw[:width]):
            continue  # an empty row, as TimelineJS skips it
        cells = {
            name: str(raw[pos] if pos < len(raw) and raw[pos] is not None else "").strip()
            for name, pos in columns.items()
        }
        row = SheetRow(index + 1, cells, result.problems)
        if row["Background"] and not background_seen:
            background_seen = True
            row.warn(
                "Background",
                message("tljs_background"),
            )
        kind = row["Type"].casefold()
        if kind not in ("", "title", "era"):
            row.warn(
                "Type",
                message("tljs_unknown_type", found=quote(row["Type"])),
            )
            kind = ""
        if kind == "title" and title_row is not None:
            if row["Year"]:
                row.warn(
                    "Type",
                    message("tljs_second_title_event", row=str(title_row)),
                )
                kind = ""
            else:
                row.warn(
                    "Type",
                    message("tljs_second_title_ignored", row=str(title_row)),
                )
                continue
        _read(row, kind, result)
        if kind == "title" and not row.failed and title_row is None:
            title_row = row.number
    if not result.events and not result.errors:
        result.problems.append(
            (
                None,
                None,
                message("tljs_no_events", file=file_name),
                ERROR,
            )
        )
    return result


def _stripped_text(cell: str) -> str:
    """A Display Date or Group cell as TimelineJS shows it: it takes the cell's text
    (decoding the HTML once), then puts that text in the page as HTML (decoding it again).

    >>> _stripped_text("&lt;b&gt;Ides&lt;/b&gt;"), _stripped_text("R &amp;amp; D")
    ('Ides', 'R & D')
    """
    return html_to_text(html_to_text(cell))


def _read(row: SheetRow, kind: str, result: Converted) -> None:
    start = row.date("")
    end = row.date("End ")
    if not row["Year"] and kind != "title":
        key = "tljs_era_no_year" if kind == "era" else "tljs_event_no_year"
        row.error("Year", message(key))
    if not row["End Year"] and any(row[c] for c in ("End Month", "End Day", "End Time")):
        given = ", ".join(c for c in ("End Month", "End Day", "End Time") if row[c])
        row.error("End Year", message("tljs_end_parts_no_year", given=given))
    if kind == "era" and not row["End Year"]:
        row.error("End Year", message("tljs_era_no_end"))
    if row["Time"] and not valid_time(row["Time"]):
        row.error("Time", message("tljs_bad_time", found=quote(row["Time"])))
    if row["End Time"] and not valid_time(row["End Time"]):
        row.error("End Time", message("tljs_bad_time", found=quote(row["End Time"])))
    if start is not None and end is not None and end.last < start.first:
        row.error(
            "End Year",
            message("tljs_end_before_start", start=row.written(""), end=row.written("End ")),
        )
    headline = html_to_text(row["Headline"])
    text = html_to_text(row["Text"])
    if kind == "era" and not headline:
        row.warn("Headline", message("tljs_era_no_headline"))
    image, quoted = row.media("Media")
    thumbnail, _ = row.media("Media Thumbnail")
    if quoted:
        text = f"{text}\n\n{quoted}" if text else quoted
    if kind != "era" and not headline and not text:
        row.error("Headline", message("tljs_no_headline"))
    if row.failed:
        return
    if kind == "title":
        result.title = {"title": headline, "subtitle": text, "image": image, "row": row.number}
        return
    if start is None or (kind == "era" and end is None):
        return  # not reached: a row without them has an error
    if kind == "era":
        result.eras.append(
            (row.number, {"start": start.plain, "end": end.plain, "label": headline})
        )
        return
    result.events.append(
        (
            row.number,
            {
                "date": start.plain,
                "end": end.plain if end is not None else "",
                "time": row["Time"],
                "end_time": row["End Time"],
                "title": headline,
                "summary": text,
                "display_date": _stripped_text(row["Display Date"]),
                "group": _stripped_text(row["Group"]),
                "image": image,
                "image_credit": html_to_text(row["Media Credit"]),
                "image_caption": html_to_text(row["Media Caption"]),
                "image_thumbnail": thumbnail,
                # plain text: TimelineJS gives it to the picture as it is, not as HTML
                "image_alt": " ".join(row["Alt Text"].split()),
            },
        )
    )
