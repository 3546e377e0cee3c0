"""The benchmark's peers get the same events as ours: one item or slide per event, its dates."""

from __future__ import annotations

import datetime
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


def test_a_peer_is_measured_only_up_to_its_largest_size():
    assert peer.TIMELINEJS.measured_at(10_000)
    assert not peer.TIMELINEJS.measured_at(100_000)
    assert peer.VIS.measured_at(100_000)
