"""An interactive historical timeline for teaching: the Dash app and its command line.

python app.py                      serve the built-in timeline on http://127.0.0.1:8050
python app.py --data my/events.csv serve another timeline
python app.py --check [FILE]       check a timeline's files and report every problem
gunicorn app:server                serve a class (TIMELINE_DATA picks the events file)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dash import Dash, dcc, html

from components import detail, event_list, filters, footer, header, timeline
from core.i18n import DEFAULT_LANG, t
from core.problems import DataError, report
from core.store import TimelineStore
from serving import LeanDash, cache_assets

HERE = Path(__file__).parent
DEFAULT_DATA = HERE / "data" / "events.csv"
DATA_ENV = "TIMELINE_DATA"


def create_app(data_path: str | Path = DEFAULT_DATA) -> Dash:
    """Build the app on one events file. Raises `DataError` if the data has errors."""
    store = TimelineStore(data_path)
    app = LeanDash(
        __name__,
        title=t(DEFAULT_LANG, "app_title"),
        update_title=None,
        compress=True,
        serve_locally=True,
        assets_folder=str(HERE / "assets"),
    )
    app.layout = html.Div(
        className="app",
        children=[
            html.A(
                t(DEFAULT_LANG, "skip_link"), href="#main", id="skip-link", className="skip-link"
            ),
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="selected", data=None),
            header.layout(),
            html.Main(
                id="main",
                tabIndex="-1",
                className="layout",
                children=[
                    filters.layout(store.current()),
                    html.Div(
                        className="content",
                        children=[timeline.layout(), detail.layout(), event_list.layout()],
                    ),
                ],
            ),
            footer.layout(),
        ],
    )
    app.server.config["TIMELINE_DATA"] = str(store.path)
    cache_assets(app.server)
    header.register(app)
    filters.register(app, store.current)
    timeline.register(app, store.current)
    detail.register(app, store.current)
    footer.register(app)
    return app


def __getattr__(name: str):
    """`server` for `gunicorn app:server`, built on first use from $TIMELINE_DATA."""
    if name != "server":
        raise AttributeError(name)
    path = os.environ.get(DATA_ENV) or DEFAULT_DATA
    try:
        return create_app(path).server
    except DataError as exc:
        print(report(exc.problems), file=sys.stderr)
        raise SystemExit(f"Not serving {path}: fix the errors above.") from None


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
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8050, help="port to listen on (default 8050)")
    parser.add_argument(
        "--debug", action="store_true", help="Dash debug mode (reloads on code changes)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
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
    from core.loader import load_timeline

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


if __name__ == "__main__":
    sys.exit(main())
