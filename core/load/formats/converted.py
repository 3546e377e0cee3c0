"""What a converter from another timeline tool gives back, whatever the tool.

Each converter (TimelineJS sheets, vis-timeline JSON) reads a file into the same
`Converted`: the events as rows in the app's own column names, a title, eras, and every
problem found, each named by the file's own row (or item) and the tool's own column (or
field) name, so that a person can find it in the file they have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.i18n import Message

__all__ = ["ERROR", "EVENT_KEYS", "WARNING", "Converted", "Problem", "quote"]

ERROR, WARNING = "error", "warning"
SHOWN = 60  # how much of a found value a message quotes
# The keys of every event a converter gives, in the app's column names.
EVENT_KEYS = (
    "date",
    "end",
    "time",
    "end_time",
    "title",
    "summary",
    "display_date",
    "group",
    "image",
    "image_credit",
    "image_caption",
    "image_thumbnail",
)

# (spreadsheet row or None, column or None, what, "error" | "warning"): the loader adds the
# file's name to make it a core.load.problems.Problem.
Problem = tuple[int | None, str | None, Message, str]


@dataclass
class Converted:
    """What a converter read from a file, in the app's own terms, and what was wrong."""

    events: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    title: dict[str, Any] | None = None
    eras: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p[3] == ERROR]


def quote(value: object) -> str:
    """A found value as a message quotes it: on one line, cut after SHOWN characters."""
    text = " ".join(str(value).split())
    if len(text) > SHOWN:
        text = text[: SHOWN - 1] + "…"
    return f"'{text}'"
