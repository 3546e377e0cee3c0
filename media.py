"""The timeline's pictures at /media/<event id>[?size=thumb], and whether remote ones may be
fetched by the page.

Only files the loaded timeline names are served: the event id is looked up in
`Timeline.pictures` (checked at load: inside the data folder, of a known type, not too
large); no part of the request is ever joined to a path. Photographs are sent resized for
the screen (`core.publish.pictures`). SVG is sent as `image/svg+xml` with a policy that
lets nothing in it run or load (`SVG_POLICY`), and the page only ever shows it with <img>,
where browsers never run an SVG's scripts either.

Remote pictures (an http(s) address in `image`) are fetched by the page only when the
person serving allows it: `TIMELINE_REMOTE_MEDIA=1`, or `create_app(remote_media=True)`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from flask import Flask, Response, abort, request

from core.load.model import Timeline
from core.publish.pictures import MEDIA_PATH, WIDTHS, picture_bytes

REMOTE_CONFIG = "TIMELINE_REMOTE_MEDIA"
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def register(server: Flask, get_timeline: Callable[[], Timeline], remote: bool) -> None:
    server.config[REMOTE_CONFIG] = remote

    def picture(event_id: str) -> Response:
        path = get_timeline().pictures.get(event_id)
        if path is None:
            abort(404)
        width = WIDTHS.get(request.args.get("size", "full"), WIDTHS["full"])
        try:
            info = path.stat()
            # Asked again at each visit, answered "not modified" while the file is the same.
            stamp = f"{path}|{info.st_mtime_ns}|{info.st_size}|{width}"
            tag = hashlib.sha256(stamp.encode()).hexdigest()[:32]
            if request.if_none_match.contains(tag):
                response = Response(status=304)
            else:
                data, mime = picture_bytes(path, width)
                response = Response(data, mimetype=mime)
        except OSError:  # changed or removed on disk since it was checked
            abort(404)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if path.suffix.lower() == ".svg":
            response.headers["Content-Security-Policy"] = SVG_POLICY
        response.set_etag(tag)
        response.cache_control.no_cache = True
        return response

    server.add_url_rule(f"{MEDIA_PATH}<event_id>", "timeline_picture", picture)
