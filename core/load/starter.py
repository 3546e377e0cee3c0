"""A new timeline to start from: `python app.py --new my-history/events.csv`.

It writes a copy of `data/template.csv` (one row per kind of date people type) and, beside
it, `timeline.csv` from `data/timeline-template.csv` (the timeline's title, authors and
licence), with a UTF-8 byte-order mark so that Excel opens their accents right. It never
overwrites a file: an existing `timeline.csv` is left as it is.
"""

from __future__ import annotations

from pathlib import Path

from core.load.frontmatter import FRONT_FILE

DATA = Path(__file__).resolve().parents[2] / "data"
TEMPLATE = DATA / "template.csv"
FRONT_TEMPLATE = DATA / "timeline-template.csv"


def _write_copy(template: Path, target: Path) -> None:
    text = template.read_text(encoding="utf-8")
    with target.open("x", encoding="utf-8-sig", newline="") as handle:  # "x": never overwrite
        handle.write(text.replace("\n", "\r\n"))  # what spreadsheets write and expect


def write_starter(path: str | Path) -> Path:
    """Write the template to `path` (creating its folder), and `timeline.csv` beside it if
    there is none; FileExistsError if `path` exists."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_copy(TEMPLATE, target)
    front = target.parent / FRONT_FILE
    if not front.exists():
        _write_copy(FRONT_TEMPLATE, front)
    return target
