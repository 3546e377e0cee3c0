"""What can be wrong with a timeline's files, said so a person can fix it, in their language.

Every problem names the file, the row as a spreadsheet numbers it (the header is row 1),
the column, and what was expected versus what was found. The loader collects them all
and raises them together, never one at a time.

What a problem says is a `Message` (a key in core/locales/*/problems.json and its values),
written in English for the command line (`report`) and in the page's language in the
banner (`Problem.text`): the same problem reads the same in both places.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import DEFAULT_LANG, Message, message, t

ERROR, WARNING = "error", "warning"
SHOWN_CHARS = 80  # how much of a found value a message quotes


def shorten(value: str, limit: int = SHOWN_CHARS) -> str | Message:
    """A found value fit to quote in a message: long ones cut, with their length."""
    if len(value) <= limit:
        return value
    return message("value_shortened", start=value[: limit - 1], length=len(value))


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int | None  # spreadsheet row number; None for whole-file problems
    column: str | None
    what: Message  # "expected X, found Y"
    severity: str = ERROR

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """Where and what, in `lang`: "events.csv, row 7, column 'date': expected ..."."""
        where = [self.file]
        if self.row is not None:
            where.append(t(lang, "problem_row", row=str(self.row)))
        if self.column:
            where.append(t(lang, "problem_column", column=self.column))
        return t(lang, "problem_at", where=", ".join(where), what=self.what.text(lang))

    def line(self, lang: str = DEFAULT_LANG) -> str:
        """The problem with its severity first: "error: events.csv, row 7, ..."."""
        return t(
            lang,
            "problem_line",
            severity=t(lang, f"severity_{self.severity}"),
            text=self.text(lang),
        )

    @property
    def message(self) -> str:
        """What is wrong, in English (as `--check` prints it)."""
        return self.what.text(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


class TimelineError(Exception):
    """Base class for everything the app reports about its input."""


class DataError(TimelineError):
    """The timeline's files have errors; `problems` holds every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == ERROR]
        super().__init__(f"{len(errors)} error(s) in the timeline data")


def report(problems: list[Problem], lang: str = DEFAULT_LANG) -> str:
    """A plain-text report: errors first, then warnings, one per line, with a count."""
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity == WARNING]
    lines = [p.line(lang) for p in errors + warnings]
    lines.append(t(lang, "problems_count", errors=len(errors), warnings=len(warnings)))
    return "\n".join(lines)
