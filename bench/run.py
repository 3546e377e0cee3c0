"""Run the benchmark suite and print its results as Markdown tables.

    .venv/bin/python -m bench.run            # full run (about 9 minutes on 2 cores)
    .venv/bin/python -m bench.run --quick    # smaller run (about 3 minutes)

See bench/README.md for what each figure means and the latest results.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import browser, peer, server
from core.load.loader import load_timeline
from core.view.address import ViewState
from core.view.deck import deck_for
from tests.support import synth

SEARCH_WORD = "cement"  # in about a third of the synthetic titles and summaries


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.split("\n")[1]
    load = os.getloadavg()
    return (
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
        f"{os.cpu_count()} cores ({cpu}), memory: {' '.join(memory.split()[1:2])} total, "
        f"load average before the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def varied(body: dict) -> Callable[[random.Random], dict]:
    """The captured filter request with other kinds and years each time: nearly every
    request is one the server has not answered before (a class all choosing differently)."""
    values = {item["id"]: item.get("value") for item in body["inputs"]}
    kinds, (first, last) = values["filter-kind"], values["filter-years"]

    def make(rng: random.Random) -> dict:
        chosen = {
            "filter-kind": rng.sample(kinds, rng.randint(1, len(kinds))),
            "filter-years": sorted(rng.sample(range(first, last + 1), 2)),
        }
        inputs = [
            {**item, "value": chosen[item["id"]]} if item["id"] in chosen else item
            for item in body["inputs"]
        ]
        return {**body, "inputs": inputs}

    return make


def fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def ratio(ours: float | None, theirs: float | None) -> str:
    return "–" if not ours or not theirs else f"{ours / theirs:.2f}"


def bound(result) -> str:
    """A mark on a "shown" figure that is only a lower bound in some runs."""
    return f" (≥, {result.shown_bounds} runs)" if result.shown_bounds else ""


def print_peers(compared: list) -> None:
    """Ours against each peer, each size's runs taken in turn, in the same browser."""
    median = browser.BrowserResult.median
    names = ", ".join(
        p.title() for p in peer.PEERS if any(name == p.name for _, name, *_ in compared)
    )
    print(
        f"\nAgainst {names} (pinned in bench/package.json, assets/vendor/vendor.json, "
        "requirements.txt), "
        "headless Chromium at 1280x800, "
        "median of each size's runs:\n"
    )
    print(
        "| events | peer | ours: first paint, frame begun / shown (ms) | ours: interactive (ms) "
        "| peer: drawn, frame begun / shown (ms) | first paint / peer: begun, shown "
        "| interactive / peer | load average |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for size, name, ours, theirs, load in compared:
        painted, shown, drawn = (
            median(ours.painted_ms),
            median(ours.shown_ms),
            median(ours.drawn_ms),
        )
        peer_drawn, peer_shown = median(theirs.drawn_ms), median(theirs.shown_ms)
        print(
            f"| {size:,} | {name} | {fmt(painted)} / {fmt(shown)}{bound(ours)} | {fmt(drawn)} "
            f"| {fmt(peer_drawn)} / {fmt(peer_shown)}{bound(theirs)} "
            f"| {ratio(painted, peer_drawn)}, {ratio(shown, peer_shown)} "
            f"| {ratio(drawn, peer_drawn)} | {load[0]:.2f} |",
            flush=True,
        )
        for failure in theirs.failures:
            print(f"  ({size:,} events, {name}: a run failed: {failure})", file=sys.stderr)


def print_floor(compared: list) -> None:
    """plotly.js alone and Dash alone against vis-timeline, from the same runs: how near
    vis-timeline a page drawn with plotly.js, and a Dash app, can come (bench/peer.py)."""
    median = browser.BrowserResult.median
    drawn = {(size, name): median(theirs.drawn_ms) for size, name, _, theirs, _ in compared}
    ours = {size: median(result.drawn_ms) for size, _, result, _, _ in compared}
    floors = (peer.PLOTLY, peer.DASH_ALONE)
    sizes = [
        size
        for size in dict.fromkeys(size for size, *_ in compared)
        if (size, peer.VIS.name) in drawn and all((size, p.name) in drawn for p in floors)
    ]
    if not sizes:
        return
    print(f"\nThe floors under ours: {', '.join(p.title() for p in floors)}\n")
    print(
        "| events | plotly.js alone: drawn, frame begun (ms) | Dash alone (ms) "
        "| vis-timeline (ms) | plotly.js alone / vis-timeline | Dash alone / vis-timeline "
        "| ours interactive / Dash alone |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        alone, dash, vis = (drawn[size, p.name] for p in (*floors, peer.VIS))
        print(
            f"| {size:,} | {fmt(alone)} | {fmt(dash)} | {fmt(vis)} | {ratio(alone, vis)} "
            f"| {ratio(dash, vis)} | {ratio(ours[size], dash)} |",
            flush=True,
        )


def print_lecture(app_dir: Path, runs: int) -> None:
    """Lecture mode on the built-in timeline (25 events): PageDown to the next card drawn."""
    data = app_dir / "data" / "events.csv"
    timeline = load_timeline(data)
    ids = deck_for(timeline, ViewState()).ids
    deck = [(i, timeline.event(i)["title_en"]) for i in ids]
    app = server.Gunicorn(data, workers=2, threads=4, root=app_dir)
    try:
        times = browser.measure_lecture(f"{app.url}/present/{ids[0]}", deck, runs)
    finally:
        app.stop()
    median = browser.BrowserResult.median
    print(f"\nLecture mode, {len(ids)} events: a step (PageDown to the next card and ring drawn)\n")
    print("| steps | median (ms) | slowest (ms) |")
    print("|---:|---:|---:|")
    print(
        f"| {len(times)} | {fmt(median(times))} | {fmt(max(times) if times else None)} |",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes, runs and seconds")
    parser.add_argument("--sizes", type=int, nargs="*", help="timeline sizes (events)")
    parser.add_argument("--runs", type=int, help="browser runs per size (median reported)")
    parser.add_argument("--load-seconds", type=float, help="length of each load run")
    parser.add_argument("--load-size", type=int, default=1000, help="timeline size for load runs")
    parser.add_argument("--think", type=float, default=1.0, help="clients' mean think time (s)")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--app-dir", default=None, help="checkout of the app to measure (default: this one)"
    )
    parser.add_argument("--no-load", action="store_true", help="skip the load runs")
    parser.add_argument(
        "--no-peers",
        action="store_true",
        help="skip the runs of vis-timeline, TimelineJS, plotly.js alone and Dash alone",
    )
    parser.add_argument("--no-lecture", action="store_true", help="skip lecture mode's steps")
    parser.add_argument("--data-dir", default=None, help="where synthetic timelines are kept")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([30, 1000, 10000] if args.quick else [30, 1000, 10000, 100000])
    runs = args.runs or (3 if args.quick else 5)
    load_seconds = args.load_seconds or (6 if args.quick else 12)
    app_dir = Path(args.app_dir).resolve() if args.app_dir else server.ROOT
    data_dir = Path(args.data_dir or Path(tempfile.gettempdir()) / "timeline-bench")

    print(f"Machine: {machine()}\n", flush=True)
    print(
        "| events | server start (s) | memory RSS / unique (MB) | first visit (KB) "
        "| first paint, frame begun / shown (ms) | interactive (ms) "
        "| filter → redraw, frame begun / painted (ms) | search → redraw, begun / painted (ms) "
        "| search request → redraw (ms) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    peers = [] if args.no_peers else peer.installed()
    compared = []
    for size in sizes:
        folder = data_dir / str(size)
        if not (folder / "events.csv").exists():
            synth.write_timeline(size, folder)
        app = server.Gunicorn(folder / "events.csv", workers=2, threads=4, root=app_dir)
        # the same timeline in each peer, run by run with ours (browser.measure)
        sites = [peer.serve(p, folder / "events.csv") for p in peers if p.measured_at(size)]
        try:
            result, theirs = browser.measure(
                app.url + "/",
                runs,
                SEARCH_WORD,
                peers=[(site.peer.name, site.url, site.peer.marks) for site in sites],
            )
            rss, unique = app.memory_mb()
        finally:
            app.stop()
            for site in sites:
                site.stop()
        median = browser.BrowserResult.median
        kb = median(result.first_visit_bytes)
        print(
            f"| {size:,} | {app.start_s:.1f} | {rss:.0f} / {unique:.0f} | {fmt(kb and kb / 1024)} "
            f"| {fmt(median(result.painted_ms))} / {fmt(median(result.shown_ms))}{bound(result)} "
            f"| {fmt(median(result.drawn_ms))} "
            f"| {fmt(median(result.filter_ms))} / {fmt(median(result.filter_painted_ms))} "
            f"| {fmt(median(result.search_ms))} / {fmt(median(result.search_painted_ms))} "
            f"| {fmt(median(result.search_request_ms))} |",
            flush=True,
        )
        for failure in result.failures:
            print(f"  ({size:,} events: a run failed: {failure})", file=sys.stderr)
        load = os.getloadavg()
        for name, measured in theirs.items():
            compared.append((size, name, result, measured, load))
            drawn = median(measured.drawn_ms)
            shown = median(measured.shown_ms)
            print(
                f"  ({size:,} events, {name}: {fmt(drawn)} / {fmt(shown)} ms)",
                file=sys.stderr,
            )
    if compared:
        print_peers(compared)
        print_floor(compared)
    if not args.no_lecture:
        print_lecture(app_dir, runs)
    if args.no_load:
        return 0

    size = args.load_size
    folder = data_dir / str(size)
    if not (folder / "events.csv").exists():
        synth.write_timeline(size, folder)
    print(
        f"\nLoad: gunicorn --workers {args.workers} --threads {args.threads} --preload, "
        f"{size:,} events, each client repeats its request after a think time of "
        f"{args.think:g} s on average, {load_seconds:g} s per run.\n"
    )
    print("| request | clients | requests/s | p50 (ms) | p95 (ms) | requests | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|", flush=True)
    app = server.Gunicorn(
        folder / "events.csv", workers=args.workers, threads=args.threads, root=app_dir
    )
    try:
        # The callback URL carries a token of this server: capture the request here.
        captured = None
        for _attempt in range(3):
            visit, _ = browser.measure(app.url + "/", 1, SEARCH_WORD, timeout_s=120)
            captured = visit.filter_request
            if captured:
                break
        if captured is None:
            raise RuntimeError(f"no filter request was captured from the page: {visit.failures}")
        for name, url, payload in (
            ("page (GET /)", app.url + "/", None),
            ("filter, all the same (POST callback)", captured["url"], captured["body"]),
            ("filter, each different (POST callback)", captured["url"], varied(captured["body"])),
        ):
            for clients in (50, 300):
                r = server.load(url, clients, load_seconds, args.think, payload)
                print(
                    f"| {name} | {clients} | {r.throughput:,.0f} | {r.p50_ms:.0f} "
                    f"| {r.p95_ms:.0f} | {r.requests:,} | {r.errors} |",
                    flush=True,
                )
    finally:
        app.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
