"""Large timelines: grouped marks above MAX_MARKS, titles on hover above MAX_LABELS."""

import pytest

from components.timeline import in_range
from core.chart.figure import MAX_LABELS, FigureOptions, build_figure, figure_dict
from core.chart.labels import MAX_LANES
from core.chart.overview import BIN_PX, MAX_MARKS
from core.load.loader import load_timeline
from tests.support.synth import write_timeline


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    return load_timeline(write_timeline(MAX_MARKS * 2, folder))


def marks(figure: dict) -> list[dict]:
    """The traces of events' marks: each point carries its event's id."""
    return [t for t in figure["data"] if t.get("customdata") is not None]


def groups(figure: dict) -> list[dict]:
    """The traces of grouped marks: each point says, on hover, how many events and when."""
    return [t for t in figure["data"] if t.get("hovertext") is not None]


def counted(traces: list[dict]) -> int:
    """The events the groups of `traces` hold, as their hovers say ("Kind: 12 events")."""
    return sum(
        int(text.split("</b>")[0].split(": ")[1].split()[0].replace(",", ""))
        for trace in traces
        for text in trace["hovertext"]
    )


def test_above_max_marks_events_are_grouped_by_kind_and_slice_of_time(large):
    figure = figure_dict(large.events, large.vocabulary, large.eras, FigureOptions())
    traces = groups(figure)
    kinds = large.kinds_present()
    assert [t["y"][0] for t in traces] == list(range(len(kinds)))  # one row per kind
    points = sum(len(t["x"]) for t in traces)
    assert points <= len(kinds) * (880 // BIN_PX)
    assert counted(traces) == len(large.events)  # every event is in exactly one group
    assert not marks(figure)  # groups, not events: nothing to open with a click
    assert not [t for t in figure["data"] if t.get("mode") == "text"]
    assert "grouped" in figure["layout"]["annotations"][0]["text"]


def test_the_grouped_figure_is_valid_plotly(large):
    fig = build_figure(large.events, large.vocabulary, large.eras, FigureOptions(lang="fr"))
    assert "regroupés" in fig.layout.annotations[0].text


def test_zooming_in_shows_each_event_again(large):
    low, high = 1950.0, 1953.0
    shown = in_range(large.events, low, high)
    assert 0 < len(shown) <= MAX_MARKS
    figure = figure_dict(shown, large.vocabulary, large.eras, FigureOptions(x_range=(low, high)))
    ids = [row[0] for t in marks(figure) for row in t["customdata"]]
    assert sorted(ids) == sorted(shown["id"])


def test_above_max_labels_titles_go_to_hover_and_marks_stay_on_few_lanes(large):
    events = large.events.iloc[: MAX_LABELS + 50]
    figure = figure_dict(events, large.vocabulary, large.eras, FigureOptions())
    assert not [t for t in figure["data"] if t.get("mode") == "text"]
    lanes = [y for t in marks(figure) for y in t["y"]]
    assert len(lanes) == len(events)
    assert max(lanes) < MAX_LANES


@pytest.mark.parametrize("by", ["kind", "tag"])
def test_above_max_marks_each_lane_is_grouped_with_its_label(large, by):
    from core.chart.lanes import lanes_figure, split_lanes

    split = split_lanes(large.events, by, large.vocabulary, "en")
    figure = lanes_figure(large.events, large.vocabulary, large.eras, FigureOptions(), by)
    labels = [a["text"] for a in figure["layout"]["annotations"] if a.get("yref") == "y"]
    assert labels == [f"<b>{lane.label}</b>" for lane in split.lanes]
    traces = groups(figure)
    assert not marks(figure)  # groups, not events
    kinds = len(large.kinds_present())
    points = sum(len(t["x"]) for t in traces)
    assert points <= len(split.lanes) * kinds * (880 // BIN_PX)  # bounded by the width
    assert counted(traces) == sum(len(lane.rows) for lane in split.lanes)  # each lane's events
    label_rows = {a["y"] for a in figure["layout"]["annotations"] if a.get("yref") == "y"}
    assert not label_rows & {y for t in traces for y in t["y"]}  # a label's row is its own
    for room in (10, 30):
        meta = lanes_figure(large.events, large.vocabulary, [], FigureOptions(), by, room)[
            "layout"
        ]["meta"]
        drawn = meta["lanes_total"] - meta["lanes_folded"]
        assert meta["lanes_rows"] <= room or drawn == 1  # the first lane is always drawn
