"""The slide the presenter's PNG and SVG buttons draw, at /slide.json?<the lecture's query>.

The same 1920x1080 slide `timeline export --format png|svg` writes (core/chart/projector.py):
the whole selection, every label that fits at a projector's size, none over a mark. The
page draws it with Plotly and puts the app's font inside the image (assets/present.js),
so the slide looks like the app whatever fonts the presenter's computer has.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, request

from core.load.model import Timeline
from core.publish.offline import selection, slide_figure

SLIDE_PATH = "/slide.json"


def register(server: Flask, get_timeline: Callable[[], Timeline]) -> None:
    def slide() -> Response:
        timeline = get_timeline()
        state, events = selection(timeline, request.query_string.decode("utf-8", "replace"))
        figure = slide_figure(timeline, state, events)
        return Response(figure.to_json(), mimetype="application/json")

    server.add_url_rule(SLIDE_PATH, "timeline_slide", slide)
