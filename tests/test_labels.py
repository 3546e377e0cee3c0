"""Labels measured in the app's font, packed and placed so that none covers a mark."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.chart.figure import FigureOptions, figure_dict
from core.chart.focus import Geometry, place_focus
from core.chart.labels import LABEL_FONT_PX, mark_half_px
from core.chart.metrics import fit_text, line_height_px, text_width_px
from core.chart.options import lanes_for_height, margins, page_height
from core.load.loader import load_timeline
from tests.conftest import BUILT_IN
from tests.support.chart_boxes import Box, covered
from tests.support.figure_boxes import figure_boxes
from tests.support.synth import write_timeline

TIMELINE = load_timeline(BUILT_IN)


@pytest.mark.parametrize(
    ("text", "size", "weight", "drawn"),
    [  # widths Chromium gave these labels (getBoundingClientRect), to the pixel
        ("INVEST sham-controlled trial", 15, 400, 192.6),
        ("VAPOUR sham-controlled trial", 15, 400, 198.2),
        ("VERTOS IV sham-controlled trial", 15, 400, 214.9),
    ],
)
def test_widths_are_the_fonts_own(text, size, weight, drawn):
    assert text_width_px(text, size, weight) == pytest.approx(drawn, abs=2)
    # one average character width (the old measure) is 10% off on capitals
    assert text_width_px("NICE TA279", 15) > len("NICE TA279") * 0.47 * 15 * 1.1


def test_bold_is_wider_and_width_grows_with_size():
    assert text_width_px("Kyphon founded", 16, 700) > text_width_px("Kyphon founded", 16)
    assert text_width_px("Kyphon founded", 24) == pytest.approx(
        text_width_px("Kyphon founded", 16) * 1.5
    )


def test_characters_the_font_lacks_are_counted_wide():
    assert text_width_px("椎体形成術", 15) == pytest.approx(5 * 15)
    assert text_width_px("Ωμέγα", 15) >= 5 * 0.6 * 15


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=80), st.floats(min_value=0, max_value=600))
def test_a_fitted_label_fits_and_is_the_start_of_the_title(title, room):
    text = fit_text(title, room, 16)
    assert text_width_px(text, 16) <= room or text == ""
    assert (
        text == title or text == "" or (text.endswith("…") and title.startswith(text[:-1].rstrip()))
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("plot_width", [328, 700, 880, 1240, 1860])
def test_on_the_page_no_label_covers_a_mark_at_any_width(lang, plot_width):
    for selected in (None, "nice-ta279-2013", "vertos-iv-2018"):
        options = FigureOptions(lang=lang, plot_width_px=plot_width, selected=selected)
        figure = figure_dict(TIMELINE.events, TIMELINE.vocabulary, TIMELINE.eras, options)
        lanes = int(figure["layout"]["yaxis"]["range"][0] + 0.4)
        edges = margins()
        labels, marks = figure_boxes(figure, page_height(lanes) - edges["t"] - edges["b"])
        assert len(labels) == len(TIMELINE.events)
        assert covered(labels, marks) == []
        plot = Box(0, 0, plot_width, 10_000)
        assert all(box.inside(plot) for _, box in labels), "a label runs off the chart"


def test_a_bigger_timeline_on_a_phone_has_no_label_over_a_mark(tmp_path):
    timeline = load_timeline(write_timeline(300, tmp_path / "synth"))
    options = FigureOptions(plot_width_px=328)
    figure = figure_dict(timeline.events, timeline.vocabulary, timeline.eras, options)
    lanes = int(figure["layout"]["yaxis"]["range"][0] + 0.4)
    labels, marks = figure_boxes(figure, page_height(lanes) - 96)
    assert labels and covered(labels, marks) == []


def _random_geometry(draw) -> Geometry:
    count = draw(st.integers(min_value=1, max_value=40))
    xs = np.array(draw(st.lists(st.floats(0, 1200), min_size=count, max_size=count)))
    lanes = np.array(draw(st.lists(st.integers(0, 6), min_size=count, max_size=count)))
    spans = np.array(draw(st.lists(st.floats(0, 200), min_size=count, max_size=count)))
    mark = draw(st.sampled_from([15, 16, 24]))
    return Geometry(
        x=xs,
        y=30 + lanes * 28.0,
        bar_left=xs - spans / 3,
        bar_right=xs + spans,
        shape=np.array(["point"] * count, dtype=object),
        width=1200,
        height=250,
        mark_px=mark,
        ringed=0,
    )


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_focus_labels_never_cover_a_mark_a_bar_or_each_other(data):
    geometry = _random_geometry(data.draw)
    rows = data.draw(st.lists(st.integers(0, len(geometry.x) - 1), max_size=4, unique=True))
    size = data.draw(st.sampled_from([16, 22, 24]))
    wanted = [(row, "Updated position statement (8 societies)", 400, "right") for row in rows]
    placed = place_focus(geometry, wanted, size)
    half = mark_half_px(geometry.mark_px)
    boxes = []
    for label in placed:
        wide = text_width_px(label.text, size, label.weight)
        left = label.x if label.side == "right" else label.x - wide
        y = geometry.y[label.row]
        box = Box(left, y - line_height_px(size) / 2, left + wide, y + line_height_px(size) / 2)
        assert box.left >= 0 and box.right <= geometry.width
        for other in range(len(geometry.x)):
            x, oy = geometry.x[other], geometry.y[other]
            if other != label.row:
                assert not box.covers(Box(x - half, oy - half, x + half, oy + half), slack=0)
                bar = Box(geometry.bar_left[other], oy - 5, geometry.bar_right[other], oy + 5)
                assert geometry.bar_right[other] <= geometry.bar_left[other] or not box.covers(
                    bar, slack=0
                )
        assert all(not box.covers(before, slack=0) for before in boxes)
        boxes.append(box)


def test_focus_labels_come_in_the_order_asked_and_the_chosen_one_is_bold():
    geometry = Geometry(
        x=np.array([100.0, 600.0, 1100.0]),
        y=np.array([40.0, 40.0, 40.0]),
        bar_left=np.array([100.0, 600.0, 1100.0]),
        bar_right=np.array([100.0, 600.0, 1100.0]),
        shape=np.array(["point"] * 3, dtype=object),
        width=1200,
        height=100,
        mark_px=16,
    )
    wanted = [(1, "NICE guidance TA279", 700, "right"), (0, "Kyphon founded", 400, "right")]
    placed = place_focus(geometry, wanted, 16)
    assert [(p.row, p.text, p.weight) for p in placed] == [
        (1, "NICE guidance TA279", 700),
        (0, "Kyphon founded", 400),
    ]


def test_a_label_with_no_room_is_left_to_hover():
    crowded = np.arange(0, 1200, 20, dtype=float)  # a mark every 20 px along one lane
    geometry = Geometry(
        x=crowded,
        y=np.full(len(crowded), 40.0),
        bar_left=crowded,
        bar_right=crowded,
        shape=np.array(["point"] * len(crowded), dtype=object),
        width=1200,
        height=100,
        mark_px=LABEL_FONT_PX,
    )
    assert place_focus(geometry, [(10, "Kyphon founded", 400, "right")], 16) == []


@pytest.mark.parametrize(("plot_width", "kept_width"), [(600, 880), (240, 280), (480, 1240)])
def test_a_chart_asked_for_fewer_lanes_shortens_its_labels_to_fit_them(plot_width, kept_width):
    """A first visit narrower than its first view keeps the first view's lanes (its height):
    the labels are packed for less room, and still cover no mark and stay on the chart."""
    events, vocabulary, eras = TIMELINE.events, TIMELINE.vocabulary, TIMELINE.eras
    kept = figure_dict(events, vocabulary, eras, FigureOptions(plot_width_px=kept_width))
    free = figure_dict(events, vocabulary, eras, FigureOptions(plot_width_px=plot_width))
    lanes = lanes_for_height(kept["layout"]["height"])
    assert free["layout"]["height"] > kept["layout"]["height"]  # packed freely: taller
    options = FigureOptions(plot_width_px=plot_width, lanes=lanes)
    figure = figure_dict(events, vocabulary, eras, options)
    assert figure["layout"]["height"] == kept["layout"]["height"]
    assert figure["layout"]["yaxis"]["range"] == kept["layout"]["yaxis"]["range"]
    labels, marks = figure_boxes(figure, page_height(lanes) - margins()["t"] - margins()["b"])
    assert len(labels) == len(events)  # every event still labelled, if shorter
    assert covered(labels, marks) == []
    assert all(box.inside(Box(0, 0, plot_width, 10_000)) for _, box in labels)
    assert sum(map(len, _label_texts(figure))) < sum(map(len, _label_texts(free)))


def test_a_chart_kept_at_the_least_height_takes_every_lane_that_height_holds():
    events = TIMELINE.events[TIMELINE.events["kind"].isin(["trial", "publication"])]

    def drawn(width: int, lanes: int | None = None) -> dict:
        options = FigureOptions(plot_width_px=width, lanes=lanes)
        return figure_dict(events, TIMELINE.vocabulary, TIMELINE.eras, options)

    kept = drawn(880)
    assert kept["layout"]["height"] == page_height(1)  # the least: its 5 lanes, room for 7
    assert lanes_for_height(kept["layout"]["height"]) == 7
    seven, five = drawn(600, 7), drawn(600, 5)
    assert seven["layout"]["height"] == five["layout"]["height"] == kept["layout"]["height"]
    assert sum(map(len, _label_texts(seven))) > sum(map(len, _label_texts(five)))


@pytest.mark.parametrize("lanes", [1, 7, 8, 17, 40])
def test_the_lanes_a_height_holds_are_those_it_was_drawn_for(lanes):
    assert lanes_for_height(page_height(lanes)) == max(lanes, 7)


def test_a_chart_asked_for_more_lanes_than_it_needs_keeps_the_height_asked_for():
    options = FigureOptions(plot_width_px=1240, lanes=30)
    figure = figure_dict(TIMELINE.events, TIMELINE.vocabulary, TIMELINE.eras, options)
    free = figure_dict(
        TIMELINE.events, TIMELINE.vocabulary, TIMELINE.eras, FigureOptions(plot_width_px=1240)
    )
    assert figure["layout"]["height"] == page_height(30)
    assert _label_texts(figure) == _label_texts(free)  # the labels packed as they would be


def test_labels_with_no_room_for_the_lanes_asked_for_leave_only_marks():
    options = FigureOptions(plot_width_px=240, lanes=1)
    figure = figure_dict(TIMELINE.events, TIMELINE.vocabulary, TIMELINE.eras, options)
    assert _label_texts(figure) == []


def _label_texts(figure: dict) -> list[str]:
    return [
        text
        for trace in figure["data"]
        if trace.get("mode") == "text"
        for text in trace.get("text", [])
        if text
    ]
