"""A timeline's front matter: its title, subtitle, authors, licence and languages.

Two places say it, both editable in a spreadsheet:

- a row of the events file whose `kind` is `title` (TimelineJS's convention): its title
  and summary become the timeline's title and subtitle; it is not an event;
- `timeline.csv` beside the events file: one row under a header of `FRONT_COLUMNS`.

The title row wins over `timeline.csv` for the title and subtitle. With neither, the
title is made from the file's name ('my-history/events.csv' -> 'My history'), so no
subject is ever shown that the timeline did not give.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.i18n import Message, message
from core.load.model import LANGS, FrontMatter
from core.load.problems import WARNING, Problem, shorten
from core.load.schema import FRONT_COLUMNS, read_rows, text_in
from core.load.text import split_list

FRONT_FILE = "timeline.csv"
TITLE_KIND = "title"
# Names that say nothing of a timeline: its folder's name says more.
GENERIC_STEMS = {"events", "event", "timeline", "data", "export", "sheet1", "feuil1"}


def neutral_title(events_path: str | Path) -> str:
    """A title from the file's name: 'my-history/events.csv' -> 'My history'."""
    path = Path(events_path)
    name = path.stem
    if name.lower() in GENERIC_STEMS and path.parent.name:
        name = path.resolve().parent.name
    words = " ".join(name.replace("_", " ").replace("-", " ").split())
    return (words[:1].upper() + words[1:]) if words else "Timeline"


def check_title_row(
    row_number: int, row: dict, first: tuple[int, dict] | None, bad: Callable[[str, Message], None]
) -> tuple[int, dict]:
    """The events file's row of kind `title` (not an event): the first one, checked;
    `bad(column, message)` reports a problem on this row."""
    if first is not None:
        bad("kind", message("front_second_title", kind=TITLE_KIND, row=str(first[0])))
        return first
    if not any(text_in(row, "title", lang) for lang in LANGS):
        bad("title", message("front_no_title"))
    return (row_number, row)


def _texts(row: dict, name: str) -> dict[str, str]:
    """{lang: text} of a per-language field: its own column, else the plain one."""
    return {lang: text for lang in LANGS if (text := row.get(f"{name}_{lang}") or row.get(name))}


def _read_front_file(path: Path, problems: list[Problem]) -> tuple[int, dict[str, str]]:
    """The file's one row (spreadsheet row, cells); a row after it is a warning."""
    rows = read_rows(path, FRONT_COLUMNS, problems)
    for row_number, _ in rows[1:]:
        problems.append(
            Problem(
                path.name,
                row_number,
                None,
                message("front_extra_row", row=str(rows[0][0])),
                WARNING,
            )
        )
    return rows[0] if rows else (2, {})


def load_front_matter(
    events_path: Path, title_row: tuple[int, dict] | None, problems: list[Problem]
) -> FrontMatter:
    """The front matter of the timeline whose events file is `events_path`; `title_row`
    is its row of kind `title` (spreadsheet row, cells), if it has one."""
    path = events_path.parent / FRONT_FILE
    row_number, front = _read_front_file(path, problems) if path.exists() else (2, {})
    languages = split_list(front.get("languages", ""))
    unknown = [lang for lang in languages if lang not in LANGS]
    if unknown:
        problems.append(
            Problem(
                path.name,
                row_number,
                "languages",
                message("front_languages", found=shorten(unknown[0])),
            )
        )
    titles, subtitles = _texts(front, "title"), _texts(front, "subtitle")
    if title_row is not None:
        row = title_row[1]
        titles = _texts(row, "title") or titles
        subtitles = _texts(row, "summary") or subtitles
    return FrontMatter(
        titles=titles,
        subtitles=subtitles,
        authors=split_list(front.get("authors", "")),
        licence=front.get("licence", ""),
        languages=tuple(lang for lang in languages if lang in LANGS),
        fallback_title=neutral_title(events_path),
    )
