"""How the page is shipped: only the JavaScript it uses, and static files cached for long.

A stock Dash 4 page ships about 6 MB of JavaScript. Two pieces of it this app never uses:

- the full plotly.js (4.8 MB, every trace type): the chart draws only `scatter` traces,
  so `assets/vendor/` holds the plotly.js *basic* bundle (scatter, bar, pie; 1.2 MB) of the
  same version. It sets `window.Plotly` before Dash starts, and dcc.Graph loads its own
  plotly.js only when `window.Plotly` is missing;
- the DataTable bundle, which Dash 4 lists on every page whether or not a DataTable is in
  the layout: `LeanDash` leaves its script tag out;
- Babel's polyfill (core-js 2, for browsers older than any a class uses): it replaced
  some of the browser's own functions with slower ones (String.prototype.trim, which
  Plotly's drawing calls thousands of times: 10-18 ms of a 10,000-event redraw). The one
  part of it Dash still uses, the `regeneratorRuntime` of its lazy-loaded components (the
  chart), is in `assets/vendor/` on its own (regenerator-runtime 0.14.1, 25 KB).

Both come from their npm packages through scripts/vendor.py, which records the package,
version and checksum of each in assets/vendor/vendor.json (a test checks them, and that the
plotly.js bundle is the version the installed plotly expects).

Dash works out its list of scripts, and with it which files it may serve, on the first
request it gets. A script request that reaches another thread meanwhile is refused with a
500 ("dash is not a registered library"), and the page stays blank: under gunicorn with
threads this happened on first visits. `prepare` makes that first request before serving.

A class asks the same questions: 300 students ticking the same kinds send the same callback
request, and every visit asks for the same page. `AnswerCache` keeps the finished
(serialised, compressed) answers of callbacks that depend on nothing but their inputs
(`callback_key`) and of the page's components for each version of the data (`layout_key`),
so a repeated request costs a dictionary lookup (0.1 ms in-process) instead of encoding and
compressing a 1,000-event figure again (1.1-1.6 ms with orjson and zstd or gzip level 1;
about 6 ms before those).

A page with its first view drawn in (prerender.py) keeps Dash's script tags in a
`<template>` until the browser reports its first contentful paint, then adds them in
order and starts Dash (`scripts_after_first_paint`): fetched and compiled at once, they
took the two cores from the first frame's layout and raster, and it was shown 100-130 ms
later (bench/README.md). plotly.js comes first among them: the largest by far (1.2 MB), it
takes the longest to fetch and compile (about 300 ms here), and needs none of the others.
Asked for 20th, behind the app's own small scripts, it came in last and held everything
back; asked for first, it is fetched and compiled while the others come in.

The static files (scripts, stylesheets, fonts) are compressed once for each encoding and
kept (`StaticCompressed`): a first visit asks for 25 of them at once, and compressing them
again on each visit took 15-35 ms of the server's time (all of them, one after another).

Dash asks for the chart's code (dcc's `async-graph.js`) only once it has drawn the layout;
`preload_chart` names it in the page's head (on a page with a first view, in the template
with the scripts), so it loads with the other scripts: the first drawing of the chart came
60-90 ms sooner (30 events, medians of 7 runs, twice). The same
for the years' slider (`async-slider.js`), which Dash asked for after the page's
components had arrived.

Files under /assets/ are asked for with their modification time (`?m=...`), or, for the
fonts that style.css names, a version (`?v=...`), so they can be cached for a year like
Dash's own fingerprinted bundles; a changed file gets a new address.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from dash import Dash
from flask import Flask, g, request
from flask_compress import Compress

from guard.headers import QuietRequestHandler
from guard.limits import MAX_BODY_BYTES

if TYPE_CHECKING:
    from prerender import FirstView

# Dash's own bundles carry a version fingerprint and are already cached for a year.
ASSET_MAX_AGE = 365 * 24 * 3600
_UNUSED_SCRIPTS = re.compile(
    r'<script src="[^"]*/_dash-component-suites/dash/'
    r'(dash_table/[^"]*|deps/polyfill@[^"]*)">\s*</script>\n?'
)


_LOCAL_STYLESHEET = re.compile(
    r'<link rel="stylesheet" href="([^"?]*/assets/)([^"?]+\.css)\?m=[^"]*">'
)
_RELATIVE_URL = re.compile(r'url\("(?![a-z]+:|/)([^"]+)"\)')


_SCRIPT_SOURCE = re.compile(r'<script src="([^"]+)"></script>\n?')
_SCRIPT_PRELOAD = re.compile(r'<link rel="preload" href="[^"]+" as="script">(?:\n\s*)?')
_FONT_PRELOAD = re.compile(r'<link rel="preload" href="[^"]+" as="font"[^>]*>(?:\n\s*)?')
DASH_START = '<script id="_dash-renderer" type="application/javascript">var renderer = new DashRenderer();</script>'
# Starts Dash's scripts once the browser has shown the page's first frame (the first
# view): fetched and compiled while that frame was rastered, 2 MB of script took the
# same two cores and held it back by 100-200 ms (`scripts_after_first_paint`). Their tags
# wait in a <template> (inert: not fetched, not run); they are added in their order
# (async = false), then Dash's renderer starts, as on Dash's own page. Where the browser
# says nothing of its paints, at the next frame; where it paints nothing (a page opened in
# the background), after a second at most.
_AFTER_FIRST_PAINT = """(function () {
  var template = document.getElementById("dash-scripts").content;
  var waiting = template.querySelectorAll("script[src]");
  var sources = Array.prototype.map.call(waiting, function (s) { return s.getAttribute("src"); });
  var started = false;
  function start() {
    if (started) { return; }
    started = true;
    Array.prototype.forEach.call(template.querySelectorAll("link"), function (link) {
      document.head.appendChild(link.cloneNode());  /* Dash's lazy chunks, asked for now */
    });
    sources.forEach(function (source, index) {
      var script = document.createElement("script");
      script.src = source;
      script.async = false;
      if (index === sources.length - 1) {
        script.onload = function () { window.renderer = new DashRenderer(); };
      }
      document.body.appendChild(script);
    });
  }
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.indexOf("paint") >= 0) {
    new PerformanceObserver(function (list) {
      if (list.getEntries().some(function (e) { return e.name === "first-contentful-paint"; })) {
        start();
      }
    }).observe({type: "paint", buffered: true});
  } else {
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
  setTimeout(start, 1000);
})();"""


def scripts_after_first_paint(
    scripts: str, renderer: str, preloads: Iterable[str] = ()
) -> tuple[str, str] | None:
    """Dash's `scripts` and `renderer` for a page whose first view is in its HTML: the
    inline scripts as they were (they only name clientside functions), and in place of
    the script tags and the renderer, one script that loads them after the first paint,
    asking first for what the `preloads` (`<link rel="preload">` tags) name. None when
    the renderer is not Dash's plain one (renderer hooks): left as it is."""
    if renderer.strip() != DASH_START:
        return None
    sources = _SCRIPT_SOURCE.findall(scripts)
    # plotly.js first (see the module's docstring), the others in Dash's order
    sources.sort(key=lambda source: "/vendor/plotly" not in source)
    tags = "".join(f'<script src="{source}"></script>' for source in sources)
    links = "".join(link.strip() for link in preloads)
    inline = _SCRIPT_SOURCE.sub("", scripts)
    waiting = f'<template id="dash-scripts">{links}{tags}</template>'
    return f"{waiting}\n{inline}", f'<script id="_dash-renderer">{_AFTER_FIRST_PAINT}</script>'


def inline_stylesheets(links: str, folder: Path) -> str:
    """The page's own stylesheets (`<link>`s to /assets/) as `<style>` elements: a first
    view needs no request but the page's to be painted (each stylesheet was a request the
    browser waited for, queued behind the scripts on a busy server). Their fonts come in
    them too, as `data:` addresses: the first paint came 30-40 ms sooner than with them
    preloaded (30 events, bench/README.md), for about 35 KB more a page. Their other
    relative `url()`s are made to start from /assets/."""

    def address(base: str, relative: str) -> str:
        name = relative.split("?", 1)[0]
        if name.endswith(".woff2") and (folder / name).is_file():
            return f'url("data:font/woff2;base64,{_base64(folder / name)}")'
        return f'url("{base}{relative}")'

    def inline(match: re.Match) -> str:
        base, name = match.groups()
        css = (folder / name).read_text(encoding="utf-8")
        css = _RELATIVE_URL.sub(lambda m: address(base, m.group(1)), css)
        return "<style>" + css.replace("</", "<\\/") + "</style>"

    return _LOCAL_STYLESHEET.sub(inline, links)


@lru_cache(maxsize=16)
def _base64(path: Path) -> str:
    return base64.b64encode(path.read_bytes()).decode("ascii")


# Dash's page for the main page and the self-test, with a language on <html> (set again on
# each switch, see header.py) and its scripts in a plain <div>: a second <footer> would be a
# second "contentinfo" landmark.
INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div>
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


# Written at the end of the first view: notes what a person clicks in it from the moment it
# is on the screen, before any other script has loaded (Dash's come after the first paint),
# for assets/first-view.js to do again on the interactive page when it takes the first
# view's place (a list item, a link for a page without scripts, then waits for it); and
# opens or folds the first view's filters on a phone at once (the interactive page's
# button is assets/filters-toggle.js's). The policy allows it by its
# hash, as it does Dash's own inline scripts.
FIRST_CLICKS = """<script>(function () {
  var clicks = window.timelineFirstClicks = [];
  document.getElementById("first-view").addEventListener("click", function (event) {
    var plain = event.button === 0 &&
      !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (plain) { clicks.push(event.target); }
    /* a list item is a link, for a page without scripts: here a plain click waits for the
       interactive page to open its event, and one for a new tab or window opens the link;
       past 15 s with no interactive page (its scripts failed), every click opens it */
    var link = event.target.closest && event.target.closest("a[data-first-event]");
    if (link && plain && performance.now() < 15000) { event.preventDefault(); }
    var button = event.target.closest && event.target.closest("#fp-filters-toggle");
    var panel = document.getElementById("fp-filters-panel");
    if (!button || !panel) { return; }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("is-open", open);
  }, true);
})();</script>"""


class LeanDash(Dash):
    """Dash without the script tags of component bundles the app does not use, with the
    page's first view drawn in (`first_view`, see prerender.py) when the app has one, its
    stylesheets then inlined (`inline_stylesheets`), and whose development server does not
    name its versions (guard/headers.py)."""

    first_view: Callable[[str], FirstView | None] | None = None  # the address's query -> page

    def interpolate_index(self, **kwargs) -> str:
        kwargs["scripts"] = _UNUSED_SCRIPTS.sub("", kwargs.get("scripts", ""))
        drawn = self.first_view(request.query_string.decode("latin-1")) if self.first_view else None
        if drawn:
            folder = Path(self.config.assets_folder)
            kwargs["css"] = inline_stylesheets(kwargs.get("css", ""), folder)
            # Right before Dash's root: style.css hides the root while this is there.
            kwargs["app_entry"] = (
                f'<div id="first-view" class="first-view">{drawn.html}{FIRST_CLICKS}</div>'
                f"{kwargs['app_entry']}"
            )
            kwargs["title"] = escape(drawn.title)
            # the script preloads of the page's head (preload_chart) wait with the scripts
            preloads = _SCRIPT_PRELOAD.findall(self.index_string)
            late = scripts_after_first_paint(
                kwargs["scripts"], kwargs.get("renderer", ""), preloads
            )
            if late:
                kwargs["scripts"], kwargs["renderer"] = late
            page = super().interpolate_index(**kwargs)
            head, body = page.split("<body>", 1)
            head = _FONT_PRELOAD.sub("", head)  # the fonts are in the page (inline_stylesheets)
            if late:
                head = _SCRIPT_PRELOAD.sub("", head)
            page = f"{head}<body>{body}"
            # the address's language (en or fr, from core.view.address) from the first byte
            return page.replace('<html lang="en">', f'<html lang="{drawn.lang}">', 1)
        return super().interpolate_index(**kwargs)

    def run(self, *args, **kwargs) -> None:
        kwargs.setdefault("request_handler", QuietRequestHandler)
        super().run(*args, **kwargs)


# Answers made per request (callbacks, pages) in the fastest good encoding the browser
# takes. For a 55 KB callback answer (a 1,000-event timeline, filtered): zstd level 3,
# 0.11 ms and 10.4 KB; brotli level 4, 0.40 ms, 10.2 KB; gzip level 6 (Dash's choice),
# 0.70 ms, 9.3 KB; gzip level 1, 0.25 ms, 12.2 KB. Browsers offer zstd and brotli only
# over HTTPS or to localhost, so a class on a school network over plain HTTP gets gzip:
# level 1 there, as nginx does for what it compresses on the fly.
COMPRESSION = {
    "COMPRESS_ALGORITHM": ["zstd", "br", "gzip"],
    "COMPRESS_LEVEL": 1,  # gzip
    "COMPRESS_BR_LEVEL": 4,
    "COMPRESS_ZSTD_LEVEL": 3,
}


def compress(server: Flask) -> None:
    """Compress what the server sends (see COMPRESSION), with zstd, brotli or deflate.
    The static files (scripts, stylesheets, fonts) are compressed once per encoding and
    kept (`StaticCompressed`)."""
    server.config.update(COMPRESSION)
    kept = StaticCompressed()
    server.config.update(COMPRESS_CACHE_BACKEND=lambda: kept, COMPRESS_CACHE_KEY=kept.key)
    Compress(server)
    server.after_request(kept.whole)  # runs before Compress's: the last added runs first


# Where the server's static files are: the app's own, each with a validator (ETag) made
# from the file's modification time and size, and Dash's, from the installed packages.
DASH_FILES = "/_dash-component-suites/"
STATIC_PATHS = ("/assets/", DASH_FILES)


class Kept:
    """Values kept in memory under their keys, at most `max_bytes` of them (each counted
    by `size`) and `max_entries`, the least recently used going first; thread-safe."""

    def __init__(
        self, max_bytes: int, max_entries: int | None = None, size: Callable = len
    ) -> None:
        self.max_bytes, self.max_entries, self.size = max_bytes, max_entries, size
        self.values: OrderedDict = OrderedDict()
        self.total = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.values.get(key)
            if found is not None:
                self.values.move_to_end(key)
            return found

    def put(self, key, value) -> None:
        """Keep `value`, unless it alone is larger than the room (nothing else goes)."""
        if self.size(value) > self.max_bytes:
            return
        with self.lock:
            if key in self.values:
                return
            self.values[key] = value
            self.total += self.size(value)
            while self.values and (
                self.total > self.max_bytes
                or (self.max_entries is not None and len(self.values) > self.max_entries)
            ):
                _, old = self.values.popitem(last=False)
                self.total -= self.size(old)


class StaticCompressed:
    """The static files compressed, kept per file and encoding (see the module's
    docstring). Kept under the file's path and ETag, never its query: nothing an address
    adds makes a new entry, a changed file has a new ETag, and at most `max_entries` and
    `max_bytes` are kept (the oldest go first); in use, about 3 MB. Flask-Compress asks
    this cache (its COMPRESS_CACHE_BACKEND) about every answer it compresses: the others
    get the empty key, never kept."""

    def __init__(self, max_entries: int = 256, max_bytes: int = 32 * 2**20) -> None:
        self.kept = Kept(max_bytes, max_entries)

    @staticmethod
    def key(req) -> str:
        """The cache key of a request for a static file (with the algorithm Flask-Compress
        puts before it): its path and the file's ETag; "" for anything else."""
        etag = g.get("static_etag")
        return f"{req.path}|{etag}" if etag else ""

    def whole(self, response):
        """A static file's answer as bytes, rather than sent in pieces, so that Flask-Compress
        compresses it whole through this cache; the others as they are."""
        etag, weak = response.get_etag()
        if request.path.startswith(DASH_FILES):
            etag, weak = "installed", False  # Dash's files change only with Dash itself
        if (
            request.method == "GET"
            and request.path.startswith(STATIC_PATHS)
            and response.status_code == 200
            and etag
            and not weak
            and "Content-Encoding" not in response.headers
        ):
            response.direct_passthrough = False
            response.set_data(response.get_data())
            g.static_etag = etag
        return response

    def get(self, key: str) -> bytes | None:
        return None if key.endswith(";") else self.kept.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            self.kept.put(key, value)


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


CHART_CHUNK = "/_dash-component-suites/dash/dcc/async-graph.js"
SLIDER_CHUNK = "/_dash-component-suites/dash/dcc/async-slider.js"  # the years' slider


FONT_URL = re.compile(r'url\("(fonts/[^"]+\.woff2\?v=[0-9a-f]+)"\)')


def preload_chart(app: Dash, stylesheet: Path | None = None) -> None:
    """Name the chart's code in the page's head (see above), and the fonts `stylesheet`
    uses: asked for with the stylesheet rather than after it, they are there when the
    page is first painted, so its text does not reflow when they arrive (at 360 px the
    title took another line height, moving all below it). A page with a first view has
    its fonts in itself (`inline_stylesheets`), and these links are taken out of it."""
    links = [
        f'<link rel="preload" href="{app.get_relative_path(chunk)}" as="script">'
        for chunk in (CHART_CHUNK, SLIDER_CHUNK)
    ]
    if stylesheet is not None:
        links += [
            f'<link rel="preload" href="{app.get_asset_url(font)}" as="font" '
            'type="font/woff2" crossorigin>'
            for font in FONT_URL.findall(stylesheet.read_text(encoding="utf-8"))
        ]
    head = "\n        ".join(links)
    app.index_string = app.index_string.replace("{%css%}", f"{head}\n        {{%css%}}")


def prepare(app: Dash) -> None:
    """Make Dash's first-request setup now, and build the page's first view, before any
    browser asks (under `gunicorn --preload`, before the workers are forked, so each starts
    ready: at 100,000 events the first view takes about 0.4 s)."""
    client = app.server.test_client()
    for path in ("", "_dash-layout"):  # the page, then its first view, built once for all
        response = client.get(app.config.requests_pathname_prefix + path)
        if response.status_code != 200:
            raise RuntimeError(f"The page could not be built: HTTP {response.status_code}")


Key = Callable[[dict, bytes], "bytes | None"]
CACHED_BODY_BYTES = 64 * 1024  # a redraw request is 1-4 KB; longer ones are not kept


def callback_key(outputs: Iterable[str]) -> Key:
    """Keys for the answers of callbacks whose outputs include one of `outputs`
    (`"component.property"`): their outputs, inputs and state (not which input changed)
    and the encodings the browser accepts. Such a callback must depend on nothing else,
    the data's version being one of its inputs."""
    wanted_outputs = frozenset(outputs)

    def key(environ: dict, body: bytes) -> bytes | None:
        if environ.get("REQUEST_METHOD") != "POST" or not environ.get("PATH_INFO", "").endswith(
            "_dash-update-component"
        ):
            return None
        if len(body) > CACHED_BODY_BYTES:
            return None  # not one a class repeats: not worth reading twice
        try:
            request = json.loads(body)
            outputs = {f"{o['id']}.{o['property']}" for o in request["outputs"]}
        except (ValueError, KeyError, TypeError, RecursionError):
            return None  # not a callback request this cache knows: Dash answers it
        if not outputs & wanted_outputs:
            return None
        wanted = [request["outputs"], request.get("inputs"), request.get("state")]
        wanted += [environ.get("SCRIPT_NAME", "") + environ["PATH_INFO"]]  # one per Dash app
        wanted.append(environ.get("HTTP_ACCEPT_ENCODING", ""))
        return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).digest()

    return key


def layout_key(version: Callable[[], str], width_of: Callable[[dict], object] | None = None) -> Key:
    """Keys for what the pages ask for as they open, built from the data and the address
    alone: their components (`/_dash-layout`, and `/present/_dash-layout` of lecture mode),
    their callbacks (`_dash-dependencies`), and the main page itself (`/`, with its first
    view drawn in: about 11 ms to build at 25 events). The key: the address with its query,
    the data's `version`, the encodings the browser accepts and what `width_of` says of
    the request (the chart width the page is drawn for)."""

    def key(environ: dict, _body: bytes) -> bytes | None:
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") != "GET" or not (
            path.endswith(("_dash-layout", "_dash-dependencies")) or path == "/"
        ):
            return None
        query = environ.get("QUERY_STRING", "") if path == "/" else ""
        path = environ.get("SCRIPT_NAME", "") + path  # one per Dash app
        accepted = environ.get("HTTP_ACCEPT_ENCODING", "")
        width = width_of(environ) if width_of else ""
        return f"{path}?{query} {version()} {accepted} {width}".encode()

    return key


class AnswerCache:
    """WSGI middleware: answers repeated requests from memory.

    `keys` give each request its key, or None for a request not to keep; only 200 answers
    are kept, at most `max_bytes` of them per process, the least recently used going first.
    Each answer says whether it came from memory (`X-Cache: hit`) or not (`miss`)."""

    def __init__(self, app: Callable, keys: Iterable[Key], max_bytes: int = 64 * 2**20):
        self.app = app
        self.keys = list(keys)
        self.answers = Kept(max_bytes, size=lambda answer: len(answer[2]))

    def __call__(self, environ: dict, start_response: Callable):
        body = b""
        length = environ.get("CONTENT_LENGTH", "")
        # guard/limits.py refuses other lengths before this; read nothing it would refuse
        readable = length.isascii() and length.isdigit() and 0 < int(length) <= MAX_BODY_BYTES
        if environ.get("REQUEST_METHOD") == "POST" and readable:
            body = environ["wsgi.input"].read(int(length))
            environ["wsgi.input"] = io.BytesIO(body)
        key = next((k for k in (make(environ, body) for make in self.keys) if k), None)
        if key is None:
            return self.app(environ, start_response)
        answer = self.answers.get(key)
        if answer is not None:
            status, headers, content = answer
            start_response(status, [*headers, ("X-Cache", "hit")])
            return [content]
        caught: list = []

        def catch(status, headers, exc_info=None):
            caught[:] = [status, headers]
            return start_response(status, [*headers, ("X-Cache", "miss")], exc_info)

        result = self.app(environ, catch)
        try:
            content = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if caught and caught[0].startswith("200"):
            self.answers.put(key, (caught[0], caught[1], content))
        return [content]
