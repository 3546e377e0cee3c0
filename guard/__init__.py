"""What the app takes from a network, and what it answers with: bounded, checked, headed.

A lecturer serves the timeline to a class over the campus network, and any student can
send the server anything. Everything here lives in the app itself (WSGI middleware and
Flask hooks), so it holds under any server: Flask's development server, waitress, gunicorn.

- guard/limits.py: the address's and the body's length, before anything reads them
  (414, 413, 400);
- guard/callbacks.py and guard/schema.py: each callback request against what the page
  can send (400), with the expected values declared beside each component (`expect`);
- guard/headers.py: Content-Security-Policy (the page's inline scripts by hash),
  nosniff, Referrer-Policy, and the framing a person serving the app allows;
- here: a 404, not a 500, for a Dash bundle that does not exist.
"""

from __future__ import annotations

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response

from guard import callbacks, headers
from guard.callbacks import expect, pattern
from guard.limits import MAX_BODY_BYTES, RequestLimits

__all__ = ["expect", "install", "pattern"]
APPS = "timeline.dash_apps"  # server.extensions[APPS]: the Dash apps guarded on a server


def install(
    app: Dash, *others: Dash, frame_ancestors: str | None = None, remote_media: bool = False
) -> None:
    """Guard `app`'s server and the Dash apps on it (`others`, such as lecture mode).
    Call once every callback is registered and every WSGI layer is in place: the limits
    go outside them all. `frame_ancestors` overrides $TIMELINE_FRAME_ANCESTORS;
    `remote_media` lets pages show pictures from http(s) addresses (media.py)."""
    server = app.server
    server.extensions[APPS] = (app, *others)
    for dash_app in server.extensions[APPS]:
        callbacks.install(dash_app)
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES  # Flask's own check, behind ours
    ancestors = headers.frame_ancestors(frame_ancestors) or headers.setting()

    @server.errorhandler(DependencyException)
    def unknown_bundle(_error: Exception) -> Response:
        # Dash's message lists every file it serves: not for the page
        return Response("Not found.\n", 404, mimetype="text/plain")

    headers.install(server, ancestors, remote_media)
    server.wsgi_app = RequestLimits(
        server.wsgi_app, lambda: headers.base_headers(ancestors, remote_media)
    )
