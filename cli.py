"""The `timeline` command: serve a timeline, check its files, start a new one, export it.

    timeline serve [--data FILE] [--host H] [--port P] [--remote-media]
                   [--frame-ancestors SOURCES] [--debug]
    timeline check [FILE]
    timeline new FILE
    timeline export --format pdf|html|png|svg|timelinejs --out FILE [--data FILE] [--query Q] [--lang L]

`python app.py ...` runs the same command, and keeps its older spelling working
(`python app.py --check FILE`, `--new FILE`, `--data FILE --port P`).

Exit codes: 0 done; 1 the data has errors; 2 wrong usage (an unknown option, a bad
--query, a folder that does not exist); 3 something this machine lacks (Chromium for
images, the pango libraries for the PDF).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

OK, DATA_ERRORS, USAGE, MISSING = 0, 1, 2, 3
DATA_ENV = "TIMELINE_DATA"
DEFAULT_DATA = Path(__file__).parent / "data" / "events.csv"
COMMANDS = ("serve", "check", "new", "export")
SHEET_FORMAT = "timelinejs"  # export: the timeline as a TimelineJS sheet (CSV)
SERVER_THREADS = 8  # a page visit is a dozen small requests; a class sends them at once


def default_data() -> str:
    return os.environ.get(DATA_ENV) or str(DEFAULT_DATA)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="An interactive historical timeline for teaching.",
        epilog="Exit codes: 0 done, 1 errors in the data, 2 wrong usage, 3 missing software.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = commands.add_parser("serve", help="serve a timeline in the browser (the default)")
    _serve_options(serve)

    check = commands.add_parser("check", help="report every problem in a timeline's files")
    check.add_argument("file", nargs="?", help="events file (default: --data or the built-in)")
    check.add_argument("--data", default=default_data(), help=argparse.SUPPRESS)

    new = commands.add_parser("new", help="write a starter events file to fill in")
    new.add_argument("file", help="where to write it (never overwrites a file)")

    from core.publish.handout import PAPERS
    from core.publish.offline import FORMATS

    export = commands.add_parser(
        "export", help="write the handout (PDF, HTML) or a slide image (PNG, SVG)"
    )
    export.add_argument("--format", choices=(*FORMATS, SHEET_FORMAT), required=True)
    export.add_argument("--out", required=True, help="file to write")
    export.add_argument("--data", default=default_data(), help="events file (default: built-in)")
    export.add_argument("--lang", default=None, help="en or fr (same as lang= in --query)")
    export.add_argument(
        "--query", default="", help='the page\'s query, e.g. "kind=trial&from=2009"'
    )
    export.add_argument("--paper", choices=tuple(PAPERS), default="a4", help="handout paper size")
    return parser


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        default=default_data(),
        help=f"events file to serve (default: the built-in timeline, or ${DATA_ENV})",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port to listen on (8050)")
    parser.add_argument(
        "--remote-media",
        action="store_true",
        help="let pages load pictures given as http(s) addresses (default: shown as links; "
        "lecture halls are offline); same as TIMELINE_REMOTE_MEDIA=1",
    )
    parser.add_argument(
        "--frame-ancestors",
        default=None,
        metavar="SOURCES",
        help="which pages may frame the timeline (CSP frame-ancestors, e.g. "
        "\"'self' https://moodle.example.edu\"; default: any page); "
        "same as TIMELINE_FRAME_ANCESTORS",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="Flask's development server, reloading on code changes (not for a class)",
    )


def _legacy_parser() -> argparse.ArgumentParser:
    """`python app.py --check FILE`, `--new FILE`, `--data FILE --port P`: still accepted."""
    parser = argparse.ArgumentParser(prog="app.py", description="Serve or check a timeline.")
    _serve_options(parser)
    parser.add_argument("--check", nargs="?", const="", metavar="FILE", help="same as 'check'")
    parser.add_argument("--new", metavar="FILE", help="same as 'new'")
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    if argv[:1] and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        args = build_parser().parse_args(argv)
        return args
    args = _legacy_parser().parse_args(argv)
    if args.new:
        return argparse.Namespace(command="new", file=args.new)
    if args.check is not None:
        return argparse.Namespace(command="check", file=args.check or None, data=args.data)
    args.command = "serve"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    run = {"serve": serve, "check": check, "new": new, "export": export}[args.command]
    return run(args)


def serve(args: argparse.Namespace) -> int:
    from app import create_app
    from core.load.problems import DataError, report
    from guard.headers import frame_ancestors, setting

    try:  # checked before loading anything: a typo in a setting is not a traceback
        args.frame_ancestors = frame_ancestors(args.frame_ancestors) or setting()
    except ValueError as exc:
        print(f"Not starting: {exc}.", file=sys.stderr)
        return USAGE
    print(f"Loading {args.data}...", flush=True)
    try:
        app = create_app(
            args.data,
            remote_media=args.remote_media or None,
            frame_ancestors=args.frame_ancestors,
        )
    except DataError as exc:
        print(report(exc.problems), file=sys.stderr)
        print(
            f"Not starting: fix the errors above in {args.data}, or check it with "
            f"'timeline check {args.data}'.",
            file=sys.stderr,
        )
        return DATA_ERRORS
    if args.debug:
        app.run(host=args.host, port=args.port, debug=True)
        return OK
    from waitress import serve as waitress_serve

    from guard.limits import MAX_BODY_BYTES

    address = f"http://{args.host}:{args.port}/"
    print(f"Serving on {address} (press Ctrl+C to stop)", flush=True)
    try:
        waitress_serve(
            app.server,
            host=args.host,
            port=args.port,
            threads=SERVER_THREADS,
            ident="",  # no "Server: waitress" banner
            # refused before waitress keeps it (it buffers a body before the app sees it),
            # chunked bodies included, which carry no Content-Length for guard/limits.py
            max_request_body_size=MAX_BODY_BYTES,
            _quiet=True,
        )
    except OSError as exc:  # the port is taken, or the address is not this machine's
        print(f"Cannot listen on {args.host}:{args.port}: {exc.strerror}.", file=sys.stderr)
        return USAGE
    return OK


def check(args: argparse.Namespace) -> int:
    from core.load.loader import load_timeline
    from core.load.problems import DataError, report

    path = args.file or args.data
    try:
        loaded = load_timeline(path)
    except DataError as exc:
        print(report(exc.problems))
        return DATA_ERRORS
    print(report(loaded.warnings))
    print(
        f"{path}: {len(loaded.events)} events, {len(loaded.sources)} references, "
        f"{len(loaded.eras)} eras"
    )
    return OK


def new(args: argparse.Namespace) -> int:
    from core.load.starter import write_starter

    folder = Path(args.file).parent
    beside = [
        path for path in (folder / "sources.csv", folder / "timeline.csv") if not path.exists()
    ]
    try:
        written = write_starter(args.file)
    except FileExistsError:
        print(f"Not writing {args.file}: it already exists (choose another name).", file=sys.stderr)
        return DATA_ERRORS
    except OSError as exc:
        print(f"Cannot write {args.file}: {exc.strerror}.", file=sys.stderr)
        return USAGE
    also = "".join(f" and {path}" for path in beside)
    print(f"Wrote {written}{also}. Fill it in, then: timeline check {written}")
    return OK


def export(args: argparse.Namespace) -> int:
    from core.load.loader import load_timeline
    from core.load.problems import DataError, report
    from core.publish import offline
    from core.publish.pictures import remote_from_env

    started = time.perf_counter()
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"Cannot write {out}: the folder {out.parent} does not exist.", file=sys.stderr)
        return USAGE
    query = args.query.lstrip("?")
    if args.lang:
        query = f"{query}&lang={args.lang}" if query else f"lang={args.lang}"
    print(f"Loading {args.data}...", flush=True)
    try:
        timeline = load_timeline(args.data)
    except DataError as exc:
        print(report(exc.problems), file=sys.stderr)
        return DATA_ERRORS
    state, events = offline.selection(timeline, query)
    if state.notices:
        for notice in state.notices:
            print(f"error: --query: {notice}", file=sys.stderr)
        print(
            "Nothing written: the page would ignore these. Fix --query or --lang.", file=sys.stderr
        )
        return USAGE
    if args.format == SHEET_FORMAT:
        from core.publish.timelinejs import to_sheet

        out.write_bytes(to_sheet(timeline, events, state.lang))
        print(f"Wrote {out} ({len(events)} events) as a TimelineJS sheet")
        return OK
    needs = offline.missing_software(args.format)
    if needs:
        print(needs, file=sys.stderr)
        return MISSING
    print(f"Drawing {len(events)} events as {args.format.upper()}...", flush=True)
    data = offline.export(timeline, args.format, query, args.paper, remote_from_env())
    out.write_bytes(data)
    print(f"Wrote {out} ({len(events)} events) in {time.perf_counter() - started:.1f} s")
    return OK
