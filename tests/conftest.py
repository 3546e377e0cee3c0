"""Shared fixtures: tiny timelines on disk, and (in tests/browser) a live app in Chromium.

`tiny_dir` is a copy of tests/data/tiny that a test may change freely; `write_events`
writes an events.csv there from a header and rows, so a loader test states exactly the
file it checks.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis's tests check properties, not timings: its default deadline (200 ms an example)
# failed a round trip that took 275 ms once while CI shared the machine, and 1 ms when run
# again. Every test here runs without one; speed is the benchmark's business (bench/).
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "tiny"
BUILT_IN = ROOT / "data" / "events.csv"


@pytest.fixture(scope="module")
def client():
    """A test client of the app built on the tiny timeline (one per test module)."""
    from app import create_app

    return create_app(TINY / "events.csv").server.test_client()


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    target = tmp_path / "tiny"
    shutil.copytree(TINY, target)
    return target


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> Path:
    header = header or list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def callback_body(app, output_id: str, values: dict) -> dict:
    """The request a browser sends for the callback that outputs `output_id`."""
    spec = next(spec for key, spec in app.callback_map.items() if f"{output_id}." in key)
    output = next(key for key in app.callback_map if f"{output_id}." in key)
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in output.strip(".").split("...")
    ]
    inputs = [{**item, "value": values.get(item["id"])} for item in spec["inputs"]]
    state = [{**item, "value": values.get(item["id"])} for item in spec["state"]]
    return {
        "output": output,
        "outputs": outputs,
        "inputs": inputs,
        "state": state,
        "changedPropIds": [],
    }
