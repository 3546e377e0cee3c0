"""A new timeline to start from: `timeline new my-history/events.csv`.

It writes a copy of `data/template/events.csv` (one row per way people write a date, each
citing a source) and, when the folder has no `sources.csv` yet, a copy of the template's
`sources.csv` (the one source they cite, to fill in): a starter whose own check finds
nothing to say. Beside a `sources.csv` of one's own, which it leaves alone, the rows cite
nothing (they cannot cite a source that file may not have) and the check says so. Beside
them it writes `timeline.csv` (the timeline's title, authors and licence) from
`data/template/timeline.csv`, unless the folder has one.

Files are written with a UTF-8 byte-order mark, so that Excel opens their accents right,
and never over an existing file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from core.load.frontmatter import FRONT_FILE

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "data" / "template"
TEMPLATE = TEMPLATE_DIR / "events.csv"
TEMPLATE_SOURCES = TEMPLATE_DIR / "sources.csv"
TEMPLATE_FRONT = TEMPLATE_DIR / FRONT_FILE


def _write(target: Path, text: str) -> None:
    with target.open("x", encoding="utf-8-sig", newline="") as handle:  # "x": never overwrite
        handle.write(text.replace("\n", "\r\n"))  # what spreadsheets write and expect


def _without_sources(text: str) -> str:
    """The template's rows with their sources cells emptied."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, "sources": ""} for row in rows)
    return out.getvalue()


def write_starter(path: str | Path) -> Path:
    """Write the template to `path` (creating its folder), its sources.csv and timeline.csv
    beside it where there are none; FileExistsError if `path` exists. Returns `path`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    events = TEMPLATE.read_text(encoding="utf-8")
    sources = target.parent / "sources.csv"
    if sources.exists():
        _write(target, _without_sources(events))
    else:
        _write(target, events)
        _write(sources, TEMPLATE_SOURCES.read_text(encoding="utf-8"))
    front = target.parent / FRONT_FILE
    if not front.exists():
        _write(front, TEMPLATE_FRONT.read_text(encoding="utf-8"))
    return target
