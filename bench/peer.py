"""The same synthetic timelines drawn by the tools teachers use today, side by side with ours.

vis-timeline and TimelineJS (versions pinned in bench/package.json) are installed in bench/
only (`npm ci --prefix bench`) and served here, never by the app: one HTML page holding the
events as JSON, the tool's script and stylesheet, from a plain static server on 127.0.0.1
(uncompressed: on the loopback, bytes cost next to nothing). Each is given its best case:
the data in the page (no second request), its own default options (TimelineJS without its
web fonts, which it would fetch from the internet), one item per event.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from core.load.dates import POINT
from core.load.loader import load_timeline

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{name}</title>
<link rel="icon" href="data:,">{head}</head>
<body>{body}
<script id="events" type="application/json">{data}</script>
<script src="page.js"></script></body></html>"""


def _moment(year: float) -> datetime.datetime:
    """A decimal year (as the loader gives it) as a date and time."""
    whole = int(year // 1)
    first = datetime.datetime(max(whole, 1), 1, 1)
    after = datetime.datetime(max(whole, 1) + 1, 1, 1)
    return first + (after - first) * (year - whole)


def _spans(events: pd.DataFrame):
    """(id, title, summary, start, end or None) of each event: a point at its middle."""
    for event_id, title, summary, shape, start, end in zip(
        events["id"],
        events["title_en"],
        events["summary_en"],
        events["shape"],
        events["start"],
        events["end"],
        strict=True,
    ):
        if shape == POINT:
            yield event_id, title, summary, _moment((start + end) / 2), None
        else:
            yield event_id, title, summary, _moment(start), _moment(end)


def vis_items(events: pd.DataFrame) -> list[dict]:
    """vis-timeline's items: a range for periods and windows, a box for dated points."""
    out = []
    for event_id, title, _summary, start, end in _spans(events):
        item = {"id": event_id, "content": title, "start": start.isoformat()}
        if end is not None:
            item["end"] = end.isoformat()
        out.append(item)
    return out


def _tl_date(moment: datetime.datetime) -> dict:
    return {"year": moment.year, "month": moment.month, "day": moment.day}


def timelinejs_data(events: pd.DataFrame) -> dict:
    """TimelineJS's JSON: one slide per event, its title and summary, its dates to the day."""
    slides = []
    for event_id, title, summary, start, end in _spans(events):
        slide = {
            "unique_id": event_id,
            "start_date": _tl_date(start),
            "text": {"headline": title, "text": summary},
        }
        if end is not None:
            slide["end_date"] = _tl_date(end)
        slides.append(slide)
    return {"events": slides}


@dataclass(frozen=True)
class Peer:
    """A timeline tool to measure ours against."""

    name: str
    package: str  # its folder in bench/node_modules
    files: tuple[tuple[str, str], ...]  # (where the page asks for it, where it is in the package)
    head: str
    body: str
    draw: str  # page.js: draws the events of the page's JSON
    data: Callable[[pd.DataFrame], object]
    marks: str  # a CSS selector: the page has drawn its items
    largest: int | None = None  # the most events it is measured with (None: every size)

    def measured_at(self, size: int) -> bool:
        return self.largest is None or size <= self.largest

    def installed(self) -> bool:
        return all((MODULES / self.package / source).exists() for _served, source in self.files)

    def version(self) -> str:
        meta = json.loads((MODULES / self.package / "package.json").read_text(encoding="utf-8"))
        return meta["version"]

    def title(self) -> str:
        return f"{self.name} {self.version()}"


VIS = Peer(
    name="vis-timeline",
    package="vis-timeline",
    files=(
        ("vis.js", "standalone/umd/vis-timeline-graph2d.min.js"),
        ("vis.css", "styles/vis-timeline-graph2d.min.css"),
    ),
    head='<link rel="stylesheet" href="vis.css"><script src="vis.js"></script>',
    body='<div id="timeline"></div>',
    draw="""var items = JSON.parse(document.getElementById("events").textContent);
new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(items), {});
""",
    data=vis_items,
    marks="#timeline .vis-item",
)

# TimelineJS finds its language file (js/locale/en.json) next to its script, whose tag it
# recognises by this id; its icons are in css/icons/.
TIMELINEJS = Peer(
    name="TimelineJS",
    package="@knight-lab/timelinejs",
    files=(
        ("js/timeline.js", "dist/js/timeline.js"),
        ("js/locale/en.json", "dist/js/locale/en.json"),
        ("css/timeline.css", "dist/css/timeline.css"),
        *(
            (f"css/icons/tl-icons.{ext}", f"dist/css/icons/tl-icons.{ext}")
            for ext in ("eot", "svg", "ttf", "woff", "woff2")
        ),
    ),
    head='<link rel="stylesheet" href="css/timeline.css">'
    '<script id="timeline-script-tag" src="js/timeline.js"></script>',
    body='<div id="timeline-embed" style="width: 100%; height: 100vh"></div>',
    draw="""var data = JSON.parse(document.getElementById("events").textContent);
window.timeline = new TL.Timeline("timeline-embed", data, {font: null});
""",
    data=timelinejs_data,
    marks="#timeline-embed .tl-timemarker",
    # a slide and a marker per event, all built before the first is shown: 11 s for
    # 10,000 events here (2026-11-29), so 100,000 would hold the run for many minutes
    largest=10_000,
)

PEERS = (VIS, TIMELINEJS)


def installed() -> list[Peer]:
    return [peer for peer in PEERS if peer.installed()]


class PeerServer:
    """`peer`'s page for one timeline, on a free port of 127.0.0.1."""

    def __init__(self, peer: Peer, events_csv: Path) -> None:
        self.peer = peer
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-peer-"))
        for served, source in peer.files:
            (self.folder / served).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(MODULES / peer.package / source, self.folder / served)
        data = json.dumps(peer.data(load_timeline(events_csv).events)).replace("</", "<\\/")
        page = PAGE.format(name=peer.name, head=peer.head, body=peer.body, data=data)
        (self.folder / "index.html").write_text(page, encoding="utf-8")
        (self.folder / "page.js").write_text(peer.draw, encoding="utf-8")
        handler = functools.partial(_Quiet, directory=str(self.folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        shutil.rmtree(self.folder, ignore_errors=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request in the bench's output
        pass
