"""An interactive historical timeline for teaching: the Dash app and its command line.

python app.py                      serve the built-in timeline on http://127.0.0.1:8050
python app.py --data my/events.csv serve another timeline
python app.py --check [FILE]       check a timeline's files and report every problem
python app.py --new FILE           write a starter events file to fill in (never overwrites)
python app.py export --format pdf|html|png|svg --out FILE [--query ...]   handout, slide image
gunicorn app:server                serve a class (TIMELINE_DATA picks the events file)
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from dash import Dash, dcc, html

import guard
from components import (
    banner,
    detail,
    event_list,
    filters,
    footer,
    header,
    share,
    timeline,
    urlsync,
)
from core.i18n import DEFAULT_LANG, t
from core.load.problems import DataError, report
from core.load.store import TimelineStore
from lecture import handout_route, mode
from serving import (
    AnswerCache,
    LeanDash,
    cache_assets,
    callback_key,
    compress,
    layout_key,
    preload_chart,
    prepare,
)

HERE = Path(__file__).parent
DEFAULT_DATA = HERE / "data" / "events.csv"
DATA_ENV = "TIMELINE_DATA"
# Dash's page, with a language on <html> (set again on each switch, see header.py) and
# its scripts in a plain <div>: a second <footer> would be a second "contentinfo" landmark.
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


def create_app(data_path: str | Path = DEFAULT_DATA, frame_ancestors: str | None = None) -> Dash:
    """Build the app on one events file. Raises `DataError` if the data has errors.
    `frame_ancestors`: which pages may frame it (guard/headers.py; default: any, or
    $TIMELINE_FRAME_ANCESTORS)."""
    store = TimelineStore(data_path)
    app = LeanDash(
        __name__,
        title=t(DEFAULT_LANG, "app_title"),
        update_title=None,
        compress=False,  # serving.compress: in the encodings chosen there, not only gzip
        serve_locally=True,
        assets_folder=str(HERE / "assets"),
    )
    app.index_string = INDEX
    compress(app.server)
    preload_chart(app)
    # Dash checks callbacks against this and puts it in every page's HTML: the page's
    # components without the events drawn in them (with them, each visit sent 40 KB more).
    app.validation_layout = page(store, timeline.View({}, "", {}, ""))
    # A function, so that each page load is built on the data as it is now on disk.
    app.layout = lambda: page(store)
    app.server.config["TIMELINE_DATA"] = str(store.path)
    cache_assets(app.server)
    header.register(app)
    banner.register(app, store)
    filters.register(app, store.current)
    timeline.register(app, store.current)
    detail.register(app, store.current)
    event_list.register(app)
    share.register(app, store.current)
    urlsync.register(app, store.current)
    footer.register(app, store.changed)
    lecture = mode.create(app, store.current, HERE / "assets")  # lecture mode at /present/
    handout_route.register(app.server, store.current)  # /handout
    keys = [callback_key(timeline.CACHED_OUTPUTS), layout_key(lambda: store.version)]
    app.server.wsgi_app = AnswerCache(app.server.wsgi_app, keys)
    guard.install(app, lecture, frame_ancestors=frame_ancestors)  # outside it all
    prepare(app)
    return app


def page(store: TimelineStore, view: timeline.View | None = None) -> html.Div:
    """The whole page, on the timeline the store holds now, showing `view` (by default
    every event, as the page opens)."""
    view = view or timeline.first_view(store)
    return html.Div(
        className="app",
        children=[
            html.A(
                t(DEFAULT_LANG, "skip_link"), href="#main", id="skip-link", className="skip-link"
            ),
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="selected", data=None),
            header.layout(),
            urlsync.layout(),
            html.Main(
                id="main",
                tabIndex="-1",
                className="layout",
                children=[
                    filters.layout(store.current(), view.count),
                    html.Div(
                        className="content",
                        children=[
                            banner.layout(store),
                            timeline.layout(view),
                            detail.layout(),
                            event_list.layout(view.entries),
                            share.layout(),
                        ],
                    ),
                ],
            ),
            footer.layout(store.changed()),
        ],
    )


def __getattr__(name: str):
    """`server` for `gunicorn app:server`, built on first use from $TIMELINE_DATA."""
    if name != "server":
        raise AttributeError(name)
    path = os.environ.get(DATA_ENV) or DEFAULT_DATA
    try:
        server = create_app(path).server
    except DataError as exc:
        print(report(exc.problems), file=sys.stderr)
        raise SystemExit(f"Not serving {path}: fix the errors above.") from None
    # What is built so far (the app, the data, the first view) lives as long as the
    # process: the garbage collector need not look through it again at every pass
    # (0.3 ms of a 4.5 ms redraw at 1,000 events).
    gc.freeze()
    return server


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve or check an interactive timeline.")
    parser.add_argument(
        "--data",
        default=os.environ.get(DATA_ENV) or str(DEFAULT_DATA),
        help="events CSV to serve (default: the built-in timeline, or $TIMELINE_DATA)",
    )
    parser.add_argument(
        "--check",
        nargs="?",
        const="",
        metavar="FILE",
        help="check FILE (default: --data) and exit: 0 if it has no errors, 1 otherwise",
    )
    parser.add_argument(
        "--new",
        metavar="FILE",
        help="write a starter events file at FILE (from data/template.csv) and exit",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8050, help="port to listen on (default 8050)")
    parser.add_argument(
        "--debug", action="store_true", help="Dash debug mode (reloads on code changes)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:  # its own options, in core/export.py
        from core.publish import offline

        return offline.main(argv[1:], os.environ.get(DATA_ENV) or str(DEFAULT_DATA))
    args = parse_args(argv)
    if args.new:
        return new(args.new)
    if args.check is not None:
        return check(args.check or args.data)
    try:
        app = create_app(args.data)
    except DataError as exc:
        print(report(exc.problems), file=sys.stderr)
        print(
            f"Not starting: fix the errors above in {args.data}, or check it with "
            f"'python app.py --check {args.data}'.",
            file=sys.stderr,
        )
        return 1
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def check(path: str) -> int:
    from core.load.loader import load_timeline

    try:
        loaded = load_timeline(path)
    except DataError as exc:
        print(report(exc.problems))
        return 1
    print(report(loaded.warnings))
    print(
        f"{path}: {len(loaded.events)} events, {len(loaded.sources)} references, {len(loaded.eras)} eras"
    )
    return 0


def new(path: str) -> int:
    from core.load.starter import write_starter

    try:
        written = write_starter(path)
    except FileExistsError:
        print(f"Not writing {path}: it already exists (choose another name).", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Cannot write {path}: {exc.strerror}.", file=sys.stderr)
        return 1
    print(f"Wrote {written}. Fill it in, then: python app.py --check {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
