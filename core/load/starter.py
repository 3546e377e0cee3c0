"""A new timeline to start from: `python app.py --new my-history/events.csv`.

It writes a copy of `data/template.csv` (one row per kind of date people type), with a
UTF-8 byte-order mark so that Excel opens its accents right. It never overwrites a file.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "template.csv"


def write_starter(path: str | Path) -> Path:
    """Write the template to `path` (creating its folder); FileExistsError if it exists."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.read_text(encoding="utf-8")
    with target.open("x", encoding="utf-8-sig", newline="") as handle:  # "x": never overwrite
        handle.write(text.replace("\n", "\r\n"))  # what spreadsheets write and expect
    return target
