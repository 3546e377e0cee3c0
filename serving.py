"""How the page is shipped: only the JavaScript it uses, and static files cached for long.

A stock Dash 4 page ships about 6 MB of JavaScript. Two pieces of it this app never uses:

- the full plotly.js (4.8 MB, every trace type): the chart draws only `scatter` traces,
  so `assets/vendor/` holds the plotly.js *basic* bundle (scatter, bar, pie; 1.2 MB) of the
  same version. It sets `window.Plotly` before Dash starts, and dcc.Graph loads its own
  plotly.js only when `window.Plotly` is missing;
- the DataTable bundle, which Dash 4 lists on every page whether or not a DataTable is in
  the layout: `LeanDash` leaves its script tag out.

Dash works out its list of scripts, and with it which files it may serve, on the first
request it gets. A script request that reaches another thread meanwhile is refused with a
500 ("dash is not a registered library"), and the page stays blank: under gunicorn with
threads this happened on first visits. `prepare` makes that first request before serving.

Files under /assets/ are asked for with their modification time (`?m=...`), or, for the
fonts that style.css names, a version (`?v=...`), so they can be cached for a year like
Dash's own fingerprinted bundles; a changed file gets a new address.
"""

from __future__ import annotations

import re

from dash import Dash
from flask import Flask, request

# Dash's own bundles carry a version fingerprint and are already cached for a year.
ASSET_MAX_AGE = 365 * 24 * 3600
_UNUSED_SCRIPTS = re.compile(
    r'<script src="[^"]*/_dash-component-suites/dash/dash_table/[^"]*">\s*</script>\n?'
)


class LeanDash(Dash):
    """Dash without the script tags of component bundles the app does not use."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["scripts"] = _UNUSED_SCRIPTS.sub("", kwargs.get("scripts", ""))
        return super().interpolate_index(**kwargs)


def cache_assets(server: Flask, assets_path: str = "/assets/") -> None:
    """Let browsers keep versioned asset files for a year instead of asking again each visit."""

    @server.after_request
    def long_cache(response):
        if (
            request.path.startswith(assets_path)
            and ("m" in request.args or "v" in request.args)
            and response.status_code == 200
        ):
            response.cache_control.no_cache = None  # set by send_file when it has no max age
            response.cache_control.public = True
            response.cache_control.max_age = ASSET_MAX_AGE
            response.cache_control.immutable = True
        return response


def prepare(app: Dash) -> None:
    """Make Dash's first-request setup now, before any browser asks (and, under
    `gunicorn --preload`, before the workers are forked, so each starts ready)."""
    response = app.server.test_client().get(app.config.requests_pathname_prefix)
    if response.status_code != 200:
        raise RuntimeError(f"The page could not be built: HTTP {response.status_code}")
