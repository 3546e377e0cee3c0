"""What can be wrong with a timeline's files, said so a person can fix it.

Every problem names the file, the row as a spreadsheet numbers it (the header is row 1),
the column, and what was expected versus what was found. The loader collects them all
and raises them together, never one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"
SHOWN_CHARS = 80  # how much of a found value a message quotes


def shorten(value: str, limit: int = SHOWN_CHARS) -> str:
    """A found value fit to quote in a message: long ones cut, with their length."""
    if len(value) <= limit:
        return value
    return f"{value[: limit - 1]}… ({len(value):,} characters)"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int | None  # spreadsheet row number; None for whole-file problems
    column: str | None
    message: str  # "expected X, found Y"
    severity: str = ERROR

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class TimelineError(Exception):
    """Base class for everything the app reports about its input."""


class DataError(TimelineError):
    """The timeline's files have errors; `problems` holds every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == ERROR]
        super().__init__(f"{len(errors)} error(s) in the timeline data")


def report(problems: list[Problem]) -> str:
    """A plain-text report: errors first, then warnings, one per line, with a count."""
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity == WARNING]
    lines = [f"error: {p}" for p in errors] + [f"warning: {p}" for p in warnings]
    lines.append(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return "\n".join(lines)
