"""The timeline written as a TimelineJS sheet: a way out as well as a way in.

`timeline export --format timelinejs --out sheet.csv` writes the events shown (the
address's filters apply), the title and the eras as TimelineJS's template CSV, in one
language, through `core.load.formats.timelinejs.to_csv`. A date TimelineJS cannot say
(c. 1984, the 1980s, between 1984 and 1989, 29 February 45 BCE) is written as its bounds,
with the date as the app writes it in that language in Display Date, unless the event has
its own. TimelineJS 3.9.11's own parser reads the result back in the tests
(tests/test_timelinejs_parser.py).
"""

from __future__ import annotations

import pandas as pd

from core.load.dates import format_when
from core.load.formats.timelinejs import to_csv
from core.load.formats.timelinejs_write import shows_exactly
from core.load.model import Timeline


def _event(event: dict, lang: str) -> dict[str, str]:
    date = event["date"]
    display = event[f"display_date_{lang}"]
    if not display and not shows_exactly(date):
        display = format_when(date, lang)
    return {
        "date": date,
        "display_date": display,
        "title": event[f"title_{lang}"],
        "summary": event[f"summary_{lang}"],
        "image": event["image"],
        "image_credit": event[f"image_credit_{lang}"],
        "image_caption": event[f"image_caption_{lang}"],
        "image_alt": event[f"image_alt_{lang}"],
        "group": event.get("group", ""),
    }


def to_sheet(timeline: Timeline, events: pd.DataFrame, lang: str) -> bytes:
    """The `events` of `timeline` (all, or those a view shows), its title and eras, as a
    TimelineJS template CSV in `lang`, encoded as UTF-8."""
    front = timeline.front
    title = {"title": front.title(lang), "subtitle": front.subtitle(lang)}
    eras = [
        {"start": era.dates[0], "end": era.dates[1], "label": era.label(lang)}
        for era in timeline.eras
        if all(era.dates)
    ]
    rows = [_event(event, lang) for event in events.to_dict("records")]
    return to_csv(rows, title, eras).encode("utf-8")
