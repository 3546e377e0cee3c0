"""Load and abuse: how normal clients fare while others send oversized and malformed requests.

    .venv/bin/python -m bench.abuse                    # gunicorn as the README serves a class
    .venv/bin/python -m bench.abuse --server default   # `python app.py`
    .venv/bin/python -m bench.abuse --app-dir DIR      # another checkout (a "before" figure)

Normal clients each repeat, after a think time, one of two requests: the page (GET /) or
a filter redraw with other kinds and years each time (the callback the page sends when a
kind is ticked, built from the server's own /_dash-dependencies and /_dash-layout, so no
browser is needed). Abusers, meanwhile, send as fast as they can, in turn, every bad
request of `abuses` on a fresh connection. The normal clients' latencies (p50, p95) and
errors, and what each abuse got back (its status, from the app or from the server in front
of it), are printed as Markdown tables (see bench/README.md). `--abusers 0` gives the same
normal load alone, to compare.

Everything goes to 127.0.0.1 only, and is bounded: a fixed run length, a cap on requests,
a 30 s timeout on each.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import server
from bench.run import machine
from tests.support import synth

CALLBACK = "/_dash-update-component"
TIMEOUT_S = 30
MAX_REQUESTS = 200_000  # per run, all clients together: a bound whatever the machine does
BIG = 2 * 1024 * 1024  # bytes of an oversized body (the app takes 256 KiB)


def fetch_json(url: str):
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
        return json.loads(response.read())


def props(layout) -> dict[str, dict]:
    """{component id: its props} for every component of a /_dash-layout answer."""
    found: dict[str, dict] = {}

    def walk(node) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict) and "props" in node:
            if isinstance(node["props"].get("id"), str):
                found[node["props"]["id"]] = node["props"]
            walk(node["props"].get("children"))

    walk(layout)
    return found


def redraw_request(url: str):
    """A function of a random generator giving a filter redraw the page could send."""
    callbacks = fetch_json(url + "/_dash-dependencies")
    spec = next(c for c in callbacks if "timeline.figure" in c["output"])
    components = props(fetch_json(url + "/_dash-layout"))
    kinds = [option["value"] for option in components["filter-kind"]["options"]]
    first, last = components["filter-years"]["min"], components["filter-years"]["max"]
    outputs = [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
        for part in spec["output"].strip(".").split("...")
    ]

    def make(rng: random.Random) -> dict:
        values = {
            "filter-kind": rng.sample(kinds, rng.randint(1, len(kinds))),
            "filter-tag": [],
            "filter-years": sorted(rng.sample(range(first, last + 1), 2)),
            "search": "",
            "lang": rng.choice(["en", "fr"]),
            "list-sort": "date",
            "chart-width": 1200,
        }
        inputs = [
            {**item, "value": values[item["id"]]} if item["id"] in values else dict(item)
            for item in spec["inputs"]
        ]
        return {
            "output": spec["output"],
            "outputs": outputs,
            "inputs": inputs,
            "changedPropIds": ["filter-kind.value"],
        }

    return make


def abuses(make_redraw) -> dict[str, bytes | None]:
    """Each bad request as the raw bytes sent (None: made when sent, see `send`)."""
    valid = make_redraw(random.Random(0))

    def post(body: bytes, extra: str = "") -> bytes:
        head = (
            f"POST {CALLBACK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n"
        )
        return head.encode() + body

    def with_value(component: str, value) -> bytes:
        body = json.loads(json.dumps(valid))
        next(i for i in body["inputs"] if i["id"] == component)["value"] = value
        return post(json.dumps(body).encode())

    def get(path: str) -> bytes:
        return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()

    return {
        "body of 2 MB": post(b"[" + b"1," * (BIG // 2) + b"1]"),
        "chunked body of 2 MB, no length": None,
        "Content-Length: -1": (
            f"POST {CALLBACK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: -1\r\nConnection: close\r\n\r\n{}"
        ).encode(),
        "search of 80 KB": with_value("search", "cement " * 11_500),
        "search of 200 KB": with_value("search", "x" * 200_000),
        "lang null": with_value("lang", None),
        "years a string": with_value("filter-years", "1990-2000"),
        "body JSON null": post(b"null"),
        "100,000 nested lists": post(b"[" * 100_000 + b"]" * 100_000),
        "address of 4,050 bytes": get("/?q=" + "x" * 4_047),
        "address of 9 KB": get("/?q=" + "x" * 9_000),
        "unknown bundle": get("/_dash-component-suites/nope/x.js"),
    }


async def send(name: str, raw: bytes | None, port: int) -> str:
    """One bad request on its own connection; what came back (a status, or how it failed)."""
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port), TIMEOUT_S
        )
    except (OSError, TimeoutError):
        return "no connection"
    try:
        if raw is None:  # chunked: a length nobody gave, read only as far as the app wants
            writer.write(
                f"POST {CALLBACK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode()
            )
            chunk = b"x" * 65536
            for _ in range(BIG // len(chunk)):
                writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                await writer.drain()
            writer.write(b"0\r\n\r\n")
        else:
            writer.write(raw)
        await asyncio.wait_for(writer.drain(), TIMEOUT_S)
    except (ConnectionError, TimeoutError):
        pass  # the server may answer and close before all is sent
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT_S)
        status = head.split()[1].decode()
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.lower().split(b"\r\n")
                if line.startswith(b"content-length:")
            ),
            0,
        )
        await asyncio.wait_for(reader.readexactly(length), TIMEOUT_S)  # then hang up, as a
        # browser does once it has the whole answer
        # the app's own answers carry its policy; the server's do not
        status += " app" if b"content-security-policy" in head.lower() else " server"
    except TimeoutError:
        status = "timeout"
    except (ConnectionError, IndexError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        status = "closed"
    finally:
        writer.close()
    return status


async def run(url: str, clients: int, abusers: int, seconds: float, think_s: float):
    import aiohttp

    port = int(url.rsplit(":", 1)[1])
    make_redraw = redraw_request(url)
    bad = abuses(make_redraw)
    latencies: dict[str, list[float]] = {"page": [], "filter": []}
    errors: collections.Counter = collections.Counter()
    answers: dict[str, collections.Counter] = {name: collections.Counter() for name in bad}
    deadline = time.monotonic() + seconds
    sent = 0

    async def normal(number: int, session) -> None:
        nonlocal sent
        rng = random.Random(number)
        await asyncio.sleep(rng.uniform(0, think_s))
        while time.monotonic() < deadline and sent < MAX_REQUESTS:
            sent += 1
            kind = "page" if number % 2 else "filter"
            started = time.perf_counter()
            try:
                if kind == "page":
                    request = session.get(url + "/")
                else:
                    request = session.post(url + CALLBACK, json=make_redraw(rng))
                async with request as response:
                    data = await response.read()
                    if response.status != 200 or not data:
                        errors[kind, f"status {response.status}"] += 1
                    else:
                        latencies[kind].append(time.perf_counter() - started)
            except (aiohttp.ClientError, TimeoutError) as exc:
                errors[kind, type(exc).__name__] += 1
            await asyncio.sleep(rng.uniform(0.5 * think_s, 1.5 * think_s))

    async def abuser(number: int) -> None:
        nonlocal sent
        names = list(bad)
        turn = number
        while time.monotonic() < deadline and sent < MAX_REQUESTS:
            sent += 1
            name = names[turn % len(names)]
            turn += 1
            answers[name][await send(name, bad[name], port)] += 1

    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    headers = {"Accept-Encoding": "gzip, deflate"}
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers) as s:
        await asyncio.gather(
            *(normal(n, s) for n in range(clients)), *(abuser(n) for n in range(abusers))
        )
    return latencies, errors, answers


def percentile(values: list[float], q: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=["gunicorn", "default"], default="gunicorn")
    parser.add_argument("--clients", type=int, default=50, help="normal clients")
    parser.add_argument("--abusers", type=int, default=12, help="clients sending bad requests")
    parser.add_argument("--seconds", type=float, default=12, help="length of the run")
    parser.add_argument("--think", type=float, default=1.0, help="normal clients' think time")
    parser.add_argument("--size", type=int, default=1000, help="events in the timeline")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--app-dir", default=None, help="checkout of the app to measure")
    args = parser.parse_args(argv)
    root = Path(args.app_dir).resolve() if args.app_dir else server.ROOT
    folder = Path(tempfile.gettempdir()) / "timeline-bench" / str(args.size)
    if not (folder / "events.csv").exists():
        synth.write_timeline(args.size, folder)
    if args.server == "gunicorn":
        app = server.Gunicorn(folder / "events.csv", args.workers, args.threads, root=root)
        served = f"gunicorn --workers {args.workers} --threads {args.threads} --preload"
    else:
        app = server.DefaultServer(folder / "events.csv", root)
        served = "python app.py"
    try:
        latencies, errors, answers = asyncio.run(
            run(app.url, args.clients, args.abusers, args.seconds, args.think)
        )
        rss, unique = app.memory_mb() if isinstance(app, server.Gunicorn) else (None, None)
    finally:
        app.stop()
    print(f"Machine: {machine()}\n")
    print(
        f"Served by {served} ({root.name}), {args.size:,} events; {args.clients} normal "
        f"clients (think time {args.think:g} s) and {args.abusers} abusers for "
        f"{args.seconds:g} s.\n"
    )
    print("| normal request | requests | p50 (ms) | p95 (ms) | errors |")
    print("|---|---:|---:|---:|---:|")
    for kind, label in (("page", "page (GET /)"), ("filter", "filter, each different")):
        values = latencies[kind]
        failed = {reason: n for (which, reason), n in errors.items() if which == kind}
        reasons = ", ".join(f"{reason} × {n}" for reason, n in failed.items())
        print(
            f"| {label} | {len(values):,} | {percentile(values, 0.5)} "
            f"| {percentile(values, 0.95)} | {sum(failed.values())}{f' ({reasons})' if reasons else ''} |"
        )
    print("\n| abuse | sent | answers |")
    print("|---|---:|---|")
    for name, counter in answers.items():
        got = ", ".join(f"{status} × {count:,}" for status, count in counter.most_common())
        print(f"| {name} | {sum(counter.values()):,} | {got} |")
    if rss is not None:
        print(
            f"\nMemory after the run (master and workers): {rss:.0f} MB resident, {unique:.0f} MB unique."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
