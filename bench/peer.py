"""The same synthetic timelines drawn by the tools teachers use today, side by side with ours.

vis-timeline and TimelineJS (versions pinned in bench/package.json) are installed in bench/
only (`npm ci --prefix bench`) and served here, never by the app: one HTML page holding the
events as JSON, the tool's script and stylesheet, from a plain static server on 127.0.0.1
(uncompressed: on the loopback, bytes cost next to nothing). Each is given its best case:
the data in the page (no second request), its own default options (TimelineJS without its
web fonts, which it would fetch from the internet), one item per event.

Two more are not teachers' tools but the floors under ours, each event a mark (one trace,
no labels), with the plotly.js file the app serves (assets/vendor/): "plotly.js alone", a
static page that draws them and does nothing else, and "Dash alone", the least a Dash app
with that chart can be (one `dcc.Graph` in its layout, no callback, Dash's defaults), served
by waitress from this process. What a page drawn with plotly.js, or a Dash app, spends
beyond vis-timeline's page, ours cannot make up; what ours spends beyond "Dash alone" is its
own.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import waitress.server
from dash import Dash, dcc
from dash import __version__ as DASH_VERSION

from core.load.dates import POINT
from core.load.loader import load_timeline

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
VENDOR = HERE.parent / "assets" / "vendor"  # the app's own copies (scripts/vendor.py)

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


# Marks on as many rows as the app's chart has at most without lanes: where each goes
# matters little to Plotly's time, how many there are does.
PLOTLY_ROWS = 20


def plotly_points(events: pd.DataFrame) -> dict:
    """plotly.js alone: each event a mark at its middle (a decimal year, as our chart's
    axis has it), its title on hover."""
    middles = ((events["start"] + events["end"]) / 2).round(3)
    return {
        "x": middles.tolist(),
        "y": [index % PLOTLY_ROWS for index in range(len(events))],
        "text": events["title_en"].tolist(),
    }


def plotly_figure(events: pd.DataFrame) -> dict:
    """The chart of plotly.js alone and of Dash alone: the events as marks, one trace."""
    points = plotly_points(events)
    trace = {"type": "scatter", "mode": "markers", "x": points["x"], "y": points["y"]}
    trace.update(hovertext=points["text"], hoverinfo="text")
    layout = {"margin": {"l": 16, "r": 16, "t": 16, "b": 40}, "yaxis": {"visible": False}}
    return {"data": [trace], "layout": layout}


def _vendored(package: str) -> dict:
    """What assets/vendor/vendor.json says of `package`'s copy in the app."""
    entries = json.loads((VENDOR / "vendor.json").read_text(encoding="utf-8"))
    return next(entry for entry in entries if entry["package"] == package)


class _Sized:
    """What every peer has: the most events it is measured with (None: every size)."""

    largest: int | None

    def measured_at(self, size: int) -> bool:
        return self.largest is None or size <= self.largest


@dataclass(frozen=True)
class Peer(_Sized):
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
    vendored: bool = False  # the app's own copy (assets/vendor/), not bench/node_modules

    @property
    def folder(self) -> Path:
        return VENDOR if self.vendored else MODULES / self.package

    def installed(self) -> bool:
        return all((self.folder / source).exists() for _served, source in self.files)

    def version(self) -> str:
        if self.vendored:
            return _vendored(self.package)["version"]
        meta = json.loads((self.folder / "package.json").read_text(encoding="utf-8"))
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

PLOTLY = Peer(
    name="plotly.js alone",
    package="plotly.js-basic-dist-min",
    files=(("plotly.js", _vendored("plotly.js-basic-dist-min")["file"]),),
    head='<script src="plotly.js"></script>',
    body='<div id="timeline" style="height: 600px"></div>',
    draw="""var figure = JSON.parse(document.getElementById("events").textContent);
Plotly.newPlot("timeline", figure.data, figure.layout, {responsive: true});
""",
    data=plotly_figure,
    marks="#timeline .scatterlayer path.point",
    # the floor matters where ours groups no events (the targets at 30 and 1,000); past
    # 10,000 it draws a mark per event where ours groups them (100,000: many seconds)
    largest=10_000,
    vendored=True,
)


@dataclass(frozen=True)
class DashPeer(_Sized):
    """The least Dash app with our chart's library: served by `DashServer`, not a page."""

    name: str = "Dash alone"
    marks: str = PLOTLY.marks
    largest: int | None = PLOTLY.largest

    def installed(self) -> bool:
        return PLOTLY.installed()

    def version(self) -> str:
        return DASH_VERSION

    def title(self) -> str:
        return f"{self.name} {self.version()} (plotly.js {PLOTLY.version()})"


DASH_ALONE = DashPeer()

PEERS = (VIS, TIMELINEJS, PLOTLY, DASH_ALONE)


def installed() -> list[Peer | DashPeer]:
    return [peer for peer in PEERS if peer.installed()]


def serve(peer: Peer | DashPeer, events_csv: Path) -> PeerServer | DashServer:
    """`peer` drawing the timeline of `events_csv`, on a free port of 127.0.0.1."""
    return (
        DashServer(peer, events_csv) if isinstance(peer, DashPeer) else PeerServer(peer, events_csv)
    )


class PeerServer:
    """`peer`'s page for one timeline, on a free port of 127.0.0.1."""

    def __init__(self, peer: Peer, events_csv: Path) -> None:
        self.peer = peer
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-peer-"))
        for served, source in peer.files:
            (self.folder / served).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(peer.folder / source, self.folder / served)
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


class DashServer:
    """Dash alone for one timeline: a Dash app whose layout is the chart, waitress's
    threads serving it as they serve the app (`timeline serve`), compressed as ours is."""

    def __init__(self, peer: DashPeer, events_csv: Path) -> None:
        self.peer = peer
        # Dash puts every script of its assets folder in its page: plotly.js, which
        # dcc.Graph then uses (as in the app) rather than its own full bundle
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-dash-alone-"))
        (_served, source), *_ = PLOTLY.files
        shutil.copy(PLOTLY.folder / source, self.folder / "plotly.js")
        app = Dash(__name__, assets_folder=str(self.folder), compress=True)
        figure = plotly_figure(load_timeline(events_csv).events)
        app.layout = dcc.Graph(id="timeline", style={"height": "600px"}, figure=figure)
        # its threads all busy at times, as a first visit asks for a dozen files at once
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        self.server = waitress.server.create_server(app.server, host="127.0.0.1", port=0, threads=4)
        self.url = f"http://127.0.0.1:{self.server.effective_port}/"
        threading.Thread(target=self.server.run, daemon=True).start()

    def stop(self) -> None:
        self.server.close()
        shutil.rmtree(self.folder, ignore_errors=True)
