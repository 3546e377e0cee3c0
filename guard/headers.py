"""Security headers on every answer, with a Content-Security-Policy that lets only the
app's own scripts run.

Dash writes some scripts into the page itself: one per clientside callback given as text,
and the line that starts its renderer (the handout page holds plotly.js and its figure).
The policy allows exactly those, by their SHA-256 hashes, read from each HTML answer as it
leaves the app: they change when Dash or a callback does, and the hashes follow. Any other
inline script or event handler (one smuggled in through the data or the address) would not
run, nor would `eval`; scripts load from the app's own address only.

Styles: React writes `style` attributes (Dash components' `style` props) and plotly.js adds
`<style>` elements for its chart as it draws, which no hash can name ahead of time, so
`style-src` allows 'unsafe-inline'. A style does not run code.

Framing: the embed view lets a lecturer put the timeline in a page of their course, so any
page may frame it unless the person serving it says which may, with
TIMELINE_FRAME_ANCESTORS (the sources of CSP's `frame-ancestors`, for example
"'self' https://moodle.example.edu"). Unset, no `frame-ancestors` is sent: `*` would still
refuse a course page opened from a file.

No `Server` header names a version: waitress and gunicorn name themselves without one;
Flask's development server added "Werkzeug/3.1.9 Python/3.11.2", which `QuietRequestHandler`
leaves out.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from functools import lru_cache

from flask import Flask, Response
from werkzeug.serving import WSGIRequestHandler

FRAME_ENV = "TIMELINE_FRAME_ANCESTORS"
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",  # see above
    # plotly.js draws exported images from data: URLs, the presenter's PNG/SVG buttons
    # (assets/present.js) from blob: ones; the handout carries its pictures as data:
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",  # the handout page carries its fonts in itself
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SOURCE = re.compile(r"^[\w'*:/.\-]+$")  # one source of frame-ancestors: no ; , or spaces
_DATA_TYPES = re.compile(r"\btype\s*=\s*[\"']?application/json", re.IGNORECASE)


def inline_scripts(page: str) -> list[str]:
    """The scripts written in an HTML page that a browser runs (not those in comments,
    nor data blocks such as Dash's `<script type="application/json">` configuration)."""
    return [
        text
        for attributes, text in _SCRIPT.findall(_COMMENT.sub("", page))
        if not re.search(r"\bsrc\s*=", attributes) and not _DATA_TYPES.search(attributes)
    ]


@lru_cache(maxsize=512)
def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def frame_ancestors(value: str | None) -> str | None:
    """The `frame-ancestors` sources from a setting, checked; None for no restriction."""
    if value is None or not value.strip():
        return None
    sources = value.split()
    bad = [source for source in sources if not _SOURCE.match(source)]
    if bad:
        raise ValueError(
            f"{FRAME_ENV}: expected sources such as 'self' or https://moodle.example.edu, "
            f"separated by spaces; found {bad[0]!r}"
        )
    return " ".join(sources)


def policy(scripts: list[str], ancestors: str | None, remote_media: bool = False) -> str:
    """The Content-Security-Policy of an answer whose page runs these inline `scripts`;
    with `remote_media`, pictures may come from any https address (media.py)."""
    directives = dict(POLICY)
    if remote_media:
        directives["img-src"] += " https:"
    if scripts:
        hashes = " ".join(dict.fromkeys(script_hash(text) for text in scripts))
        directives["script-src"] += " " + hashes
    if ancestors:
        directives["frame-ancestors"] = ancestors
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def base_headers(ancestors: str | None, remote_media: bool = False) -> list[tuple[str, str]]:
    """The headers of an answer with no inline script (an error page, a file)."""
    return [
        *HEADERS.items(),
        ("Content-Security-Policy", policy([], ancestors, remote_media)),
    ]


def install(server: Flask, ancestors: str | None, remote_media: bool = False) -> None:
    """Add the headers to every answer `server` makes. Call after flask-compress is set
    up: Flask runs the later `after_request` functions first, so the page is read here
    before it is compressed. An answer that sets its own, stricter policy (an SVG picture,
    media.py) keeps it."""

    def secure(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if "Content-Security-Policy" in response.headers:
            return response
        scripts: list[str] = []  # a page not readable here (streamed, compressed) runs none
        readable = not response.is_streamed and "Content-Encoding" not in response.headers
        if response.mimetype == "text/html" and readable:
            scripts = inline_scripts(response.get_data(as_text=True))
        response.headers["Content-Security-Policy"] = policy(scripts, ancestors, remote_media)
        return response

    server.after_request(secure)


def setting() -> str | None:
    """The frame-ancestors the person serving the app set, checked (see above)."""
    return frame_ancestors(os.environ.get(FRAME_ENV))


class QuietRequestHandler(WSGIRequestHandler):
    """Flask's development server, without its versions in the `Server` header."""

    def version_string(self) -> str:
        return "timeline"
