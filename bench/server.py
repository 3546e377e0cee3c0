"""Start the app under gunicorn (or `python app.py`) on 127.0.0.1, time its start, read its
memory, load it.

The load test drives only 127.0.0.1, with a bounded asyncio client (aiohttp): each of N
clients repeats one request, waits a think time, and repeats, until a fixed deadline;
every response is checked (status 200 and a non-empty body).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """`gunicorn app:server` in a subprocess, as the README tells a teacher to run it."""

    def __init__(
        self, data: Path, workers: int, threads: int, timeout_s: float = 240, root: Path = ROOT
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "TIMELINE_DATA": str(data)}
        command = [str(GUNICORN), "app:server", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(workers), "--threads", str(threads), "--preload"]
        command += ["--no-control-socket", "--log-level", "warning", "--timeout", "120"]
        command += ["--limit-request-line", "8190"]  # as the README serves a class
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = started + timeout_s
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited: {self.process.stderr.read().decode()[-2000:]}"
                )
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.perf_counter() > deadline:
                self.stop()
                raise RuntimeError(f"gunicorn did not answer within {timeout_s} s")
            time.sleep(0.05)
        self.start_s = time.perf_counter() - started

    def memory_mb(self) -> tuple[float, float]:
        """(resident memory of the master plus its workers, unique memory of the same) in MB.

        Workers forked after `--preload` share the loaded timeline until they write to it,
        so the resident sum counts shared pages once per process; the unique (USS-like)
        figure, from /proc/PID/smaps_rollup's private pages, does not."""
        pids = [self.process.pid] + _children(self.process.pid)
        rss = private = 0
        for pid in pids:
            try:
                text = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            for line in text.splitlines():
                name, _, rest = line.partition(":")
                if name == "Rss":
                    rss += int(rest.split()[0])
                elif name in ("Private_Clean", "Private_Dirty"):
                    private += int(rest.split()[0])
        return rss / 1024, private / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class DefaultServer:
    """`python app.py` in a subprocess: the server a lecturer starts by default."""

    def __init__(self, data: Path, root: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "app.py", "--data", str(data), "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("python app.py did not answer within 240 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


@dataclass
class LoadResult:
    clients: int
    seconds: float
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds


def load(
    url: str,
    clients: int,
    seconds: float,
    think_s: float,
    body: dict | Callable[[random.Random], dict] | None = None,
) -> LoadResult:
    """`clients` concurrent clients repeating one GET (or POST of `body`) for `seconds`.
    `body` may be a function of each client's random generator, for a new body each time."""
    return asyncio.run(_load(url, clients, seconds, think_s, body))


async def _load(url, clients, seconds, think_s, body) -> LoadResult:
    import aiohttp

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=30)
    # What Chromium asks for from a server on the school's network over plain HTTP (brotli
    # and zstd it offers only over HTTPS or to localhost).
    headers = {"Accept-Encoding": "gzip, deflate"}

    async def client(number: int) -> None:
        nonlocal errors
        rng = random.Random(number)
        await asyncio.sleep(rng.uniform(0, think_s or 0.01))  # do not all start at once
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                if body is None:
                    request = session.get(url, headers=headers)
                else:
                    payload = body(rng) if callable(body) else body
                    request = session.post(url, json=payload, headers=headers)
                async with request as response:
                    data = await response.read()
                    if response.status != 200 or not data:
                        errors += 1
            except (aiohttp.ClientError, TimeoutError):
                errors += 1
            else:
                latencies.append(time.perf_counter() - started)
            if think_s:
                await asyncio.sleep(rng.uniform(0.5 * think_s, 1.5 * think_s))

    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(q: float) -> float:
        if not latencies:
            return float("nan")
        return 1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))]

    return LoadResult(clients, elapsed, len(latencies), errors, percentile(0.5), percentile(0.95))
