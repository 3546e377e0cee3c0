"""The same synthetic timelines drawn by vis-timeline, for a side-by-side measure.

vis-timeline (a widely used JavaScript timeline, version pinned in bench/package.json) is
installed in bench/ only (`npm install --prefix bench`) and served here, never by the app:
one HTML page holding the events as JSON, its script and stylesheet, from a plain static
server on 127.0.0.1 (uncompressed: on the loopback, bytes cost next to nothing). It is
given the best case: the data in the page (no second request), its own default options,
one item per event (a range for periods and windows, a box for dated points).
"""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import shutil
import tempfile
import threading
from pathlib import Path

from core.load.dates import POINT
from core.load.loader import load_timeline

HERE = Path(__file__).resolve().parent
VIS = HERE / "node_modules" / "vis-timeline"
SCRIPT = VIS / "standalone" / "umd" / "vis-timeline-graph2d.min.js"
STYLE = VIS / "styles" / "vis-timeline-graph2d.min.css"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>vis-timeline</title>
<link rel="stylesheet" href="vis.css"><script src="vis.js"></script></head>
<body><div id="timeline"></div>
<script id="events" type="application/json">{data}</script>
<script src="page.js"></script></body></html>"""

DRAW = """var items = JSON.parse(document.getElementById("events").textContent);
new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(items), {});
"""


def installed() -> bool:
    return SCRIPT.exists() and STYLE.exists()


def _iso(year: float) -> str:
    """A decimal year (as the loader gives it) as an ISO date and time."""
    whole = int(year // 1)
    first = datetime.datetime(max(whole, 1), 1, 1)
    after = datetime.datetime(max(whole, 1) + 1, 1, 1)
    return (first + (after - first) * (year - whole)).isoformat()


def items(events_csv: Path) -> list[dict]:
    events = load_timeline(events_csv).events
    out = []
    for event_id, title, shape, start, end in zip(
        events["id"],
        events["title_en"],
        events["shape"],
        events["start"],
        events["end"],
        strict=True,
    ):
        item = {"id": event_id, "content": title, "start": _iso(start)}
        if shape != POINT:
            item["end"] = _iso(end)
        else:
            item["start"] = _iso((start + end) / 2)
        out.append(item)
    return out


class PeerServer:
    """The vis-timeline page for one timeline, on a free port of 127.0.0.1."""

    def __init__(self, events_csv: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="timeline-peer-"))
        shutil.copy(SCRIPT, self.folder / "vis.js")
        shutil.copy(STYLE, self.folder / "vis.css")
        data = json.dumps(items(events_csv)).replace("</", "<\\/")
        (self.folder / "index.html").write_text(PAGE.format(data=data), encoding="utf-8")
        (self.folder / "page.js").write_text(DRAW, encoding="utf-8")
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
