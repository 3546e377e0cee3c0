"""Timelines made with other tools, read as rows in the app's own columns.

A lecturer who made a timeline with TimelineJS (a Google Sheet saved as CSV or .xlsx) or
with vis-timeline (a JSON file of items) points `--data` at it as it is. A sheet is
recognised by its header (TimelineJS's Year, Headline and the like), a JSON file by its
name; `core.load.formats` converts either into the app's columns, and the loader then
checks the rows as it checks its own, so every problem is named by the file's own row
(a sheet's row; a vis-timeline item's position) and the tool's own column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from core.i18n import message
from core.load import limits
from core.load.formats import timelinejs, visjson
from core.load.formats.converted import Converted
from core.load.problems import WARNING, Problem, shorten
from core.load.reading import read_table
from core.load.schema import EVENT_COLUMNS, rows_of

JSON_SUFFIX = ".json"
# What each tool calls the app's columns, so that a message names the column a person sees.
COLUMN_NAMES = {
    "timelinejs": {
        "date": "Year",
        "end": "End Year",
        "title": "Headline",
        "summary": "Text",
        "image": "Media",
        "image_alt": "Alt Text",
        "image_credit": "Media Credit",
        "image_caption": "Media Caption",
        "display_date": "Display Date",
        "group": "Group",
    },
    "vis": {"date": "start", "title": "content", "summary": "title", "image": "content"},
}
TIME_COLUMNS = {
    "timelinejs": {"time": "Time", "end_time": "End Time"},
    "vis": {"time": "start", "end_time": "end"},
}
TITLE_CHARS = 80  # a title taken from the text when a row has none


@dataclass
class Foreign:
    """What another tool's file holds, in the app's columns (as read_rows gives rows)."""

    tool: str  # "timelinejs" or "vis"
    column_names: dict[str, str]  # the app's column -> the tool's, for messages
    events: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    title_row: tuple[int, dict[str, str]] | None = None
    eras: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def _header(table: list[list[str]]) -> list[str]:
    return next((row for row in table if any(str(c).strip() for c in row)), [])


def is_timelinejs_sheet(table: list[list[str]] | None) -> bool:
    """Whether a table read from a CSV or workbook is a TimelineJS template."""
    return table is not None and timelinejs.is_timelinejs(_header(table))


def _events(converted: Converted) -> list[tuple[int, dict[str, str]]]:
    """The converted events in the app's columns: plain text columns serve both languages."""
    rows = []
    for number, event in converted.events:
        row = {
            "date": event["date"],
            "end": event["end"],
            "title": event["title"] or _first_line(event["summary"]),
            "summary": event["summary"],
            "display_date": event["display_date"],
            "group": event["group"],
            "image": event["image"],
            "image_credit": event["image_credit"],
            "image_caption": event["image_caption"],
            "image_alt": event.get("image_alt", ""),
        }
        rows.append((number, row))
    return rows


def _first_line(text: str) -> str:
    """A title for a row that has only a text (TimelineJS shows such a slide untitled)."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


def _foreign(tool: str, converted: Converted, name: str, problems: list[Problem]) -> Foreign:
    problems.extend(
        Problem(name, row, column, what, severity)
        for row, column, what, severity in converted.problems
    )
    # The app's dates have no time of day: say so once, where the first one is.
    timed = next(((row, e) for row, e in converted.events if e["time"] or e["end_time"]), None)
    if timed is not None:
        row, event = timed
        column = TIME_COLUMNS[tool]["time" if event["time"] else "end_time"]
        found = shorten(event["time"] or event["end_time"])
        what = message("foreign_time_ignored", found=found)
        problems.append(Problem(name, row, column, what, WARNING))
    title = converted.title
    title_row = None
    if title is not None:
        title_row = (title["row"], {"title": title["title"], "summary": title["subtitle"]})
    eras = [
        (number, {"start": era["start"], "end": era["end"], "label_en": era["label"]})
        for number, era in converted.eras
    ]
    return Foreign(tool, COLUMN_NAMES[tool], _events(converted), title_row, eras)


def read_timelinejs(table: list[list[str]], name: str, problems: list[Problem]) -> Foreign:
    """A TimelineJS sheet (rows of text cells, row i is spreadsheet row i + 1)."""
    return _foreign("timelinejs", timelinejs.convert(table, name), name, problems)


def read_vis_json(path: Path, problems: list[Problem]) -> Foreign | None:
    """A vis-timeline JSON file, or None (with a problem) when it is not JSON at all."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > limits.MAX_JSON_BYTES:  # parsed whole: bounded tighter than a CSV
            what = limits.file_too_large(size, limits.MAX_JSON_BYTES)
            problems.append(Problem(name, None, None, what))
            return None
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        problems.append(Problem(name, None, None, message("problem_file_missing")))
        return None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problems.append(
            Problem(name, None, None, message("problem_file_unreadable", reason=reason))
        )
        return None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        problems.append(
            Problem(name, None, None, message("vis_not_json", error=type(exc).__name__))
        )
        return None
    items = data.get("items") if isinstance(data, dict) else data
    if isinstance(items, list) and len(items) > limits.MAX_ROWS:
        what = message("problem_too_many_rows", limit=limits.MAX_ROWS, split=limits.SPLIT_SAID)
        problems.append(Problem(name, None, None, what))
        return None
    return _foreign("vis", visjson.convert(data, name), name, problems)


def event_rows(
    path: Path, problems: list[Problem]
) -> tuple[list[tuple[int, dict]], tuple[int, dict] | None, Foreign | None]:
    """The events file's rows in the app's columns, whatever tool made it, the title row
    another tool's file gives, and that file's reading (None for the app's own format)."""
    if path.suffix.lower() == JSON_SUFFIX:
        foreign = read_vis_json(path, problems)
        if foreign is None:
            return [], None, None
        return foreign.events, foreign.title_row, foreign
    table = read_table(path, problems)
    if table is None:
        return [], None, None
    if is_timelinejs_sheet(table):
        foreign = read_timelinejs(table, path.name, problems)
        return foreign.events, foreign.title_row, foreign
    return rows_of(table, path.name, EVENT_COLUMNS, problems), None, None


def unique_ids(events: list[dict]) -> None:
    """Ids made from titles, made unique: another tool's file has no id column to fix."""
    seen: dict[str, int] = {}
    for event in events:
        base = event["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            event["id"] = f"{base}-{seen[base]}"
