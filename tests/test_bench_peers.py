"""The benchmark's peers get the same events as ours: one item or slide per event, its dates."""

from __future__ import annotations

import datetime
import json
import urllib.request
from pathlib import Path

import pytest

from bench import peer
from core.load.dates import POINT
from core.load.loader import load_timeline

BUILT_IN = Path(__file__).resolve().parent.parent / "data" / "events.csv"


@pytest.fixture(scope="module")
def events():
    return load_timeline(BUILT_IN).events


def test_vis_timeline_gets_a_box_per_dated_point_and_a_range_per_period(events):
    items = peer.vis_items(events)
    assert [item["id"] for item in items] == list(events["id"])
    for item, shape in zip(items, events["shape"], strict=True):
        assert ("end" in item) == (shape != POINT)
        if "end" in item:
            assert item["start"] < item["end"]


def test_timelinejs_gets_a_slide_per_event_with_its_title_and_dates(events):
    slides = peer.timelinejs_data(events)["events"]
    assert [slide["unique_id"] for slide in slides] == list(events["id"])
    assert [slide["text"]["headline"] for slide in slides] == list(events["title_en"])
    # the first event, Amiens 1984: a year, given as its middle day, with no end
    assert events.iloc[0]["date"] == "1984"
    assert slides[0]["start_date"] == {"year": 1984, "month": 7, "day": 2}
    for slide, shape in zip(slides, events["shape"], strict=True):
        assert ("end_date" in slide) == (shape != POINT)
        if "end_date" in slide:
            start = datetime.date(**slide["start_date"])
            assert start <= datetime.date(**slide["end_date"])


def test_plotly_alone_gets_a_mark_per_event_at_its_middle_with_its_title(events):
    points = peer.plotly_points(events)
    assert points["text"] == list(events["title_en"])
    # Amiens 1984, a year: the middle of 1984; a period: between its ends
    assert points["x"][0] == 1984.5
    for x, start, end in zip(points["x"], events["start"], events["end"], strict=True):
        assert start <= x <= end
    assert set(points["y"]) == set(range(min(len(events), peer.PLOTLY_ROWS)))


def test_plotly_alone_draws_with_the_app_s_own_copy_of_plotly_js():
    assert peer.PLOTLY.installed()  # no npm install needed: the file the app serves
    (served, source), *_ = peer.PLOTLY.files
    assert (peer.VENDOR / source).is_file()
    assert peer.PLOTLY.version() in source  # plotly-basic-<version>.min.js


def test_a_peer_is_measured_only_up_to_its_largest_size():
    assert peer.TIMELINEJS.measured_at(10_000)
    assert not peer.TIMELINEJS.measured_at(100_000)
    assert peer.VIS.measured_at(100_000)
    assert peer.PLOTLY.measured_at(10_000)
    assert not peer.PLOTLY.measured_at(100_000)


def test_dash_alone_is_a_dash_app_whose_layout_is_the_chart_of_every_event(events):
    site = peer.serve(peer.DASH_ALONE, BUILT_IN)
    try:
        with urllib.request.urlopen(site.url, timeout=30) as answer:
            page = answer.read().decode()
        with urllib.request.urlopen(site.url + "_dash-layout", timeout=30) as answer:
            layout = json.load(answer)
    finally:
        site.stop()
    assert "/assets/plotly.js" in page  # the app's plotly.js, not dcc's own bundle
    assert layout["type"] == "Graph"
    # the same chart as plotly.js alone's page: one trace of every event
    assert layout["props"]["figure"] == peer.plotly_figure(events)
    assert peer.PLOTLY.data(events) == peer.plotly_figure(events)
    (trace,) = layout["props"]["figure"]["data"]
    assert trace["hovertext"] == list(events["title_en"])
    assert peer.DASH_ALONE.marks == peer.PLOTLY.marks
