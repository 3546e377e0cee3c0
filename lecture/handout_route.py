"""The print-ready handout page at /handout?<the main page's query>&paper=a4|letter.

The same page `timeline export --format html` writes (core/publish/offline.py): the browser's
Print gives the PDF on A4 or Letter.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from flask import Flask, Response, request

from core.load.model import Timeline
from core.publish.offline import handout_html

HANDOUT_PATH = "/handout"


def register(server: Flask, get_timeline: Callable[[], Timeline], remote: bool = False) -> None:
    """`remote`: whether pictures given as http(s) addresses are drawn, else linked."""

    def handout() -> Response:
        params = parse_qsl(request.query_string.decode("utf-8", "replace"))
        paper = next((value for key, value in params if key == "paper"), "a4")
        query = urlencode([(key, value) for key, value in params if key != "paper"])
        page = handout_html(get_timeline(), query, paper, remote)
        return Response(page, mimetype="text/html")

    server.add_url_rule(HANDOUT_PATH, "timeline_handout", handout)
