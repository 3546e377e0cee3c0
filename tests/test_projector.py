"""The chart fitted to a projector: type that grows with the screen, a focus that moves
without moving the marks, and no label over a mark on any screen or slide."""

from __future__ import annotations

import csv

import plotly.graph_objects as go
import pytest

from core.chart.options import margins
from core.chart.projector import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    _as_layout_items,
    projected_figure,
    projected_label_px,
    slide_figure,
    split_focus,
)
from core.load.loader import load_timeline
from core.view.deck import Deck, x_extent
from tests.conftest import BUILT_IN
from tests.support.axis import ticks_in_range
from tests.support.chart_boxes import Box, covered
from tests.support.figure_boxes import figure_boxes
from tests.support.synth import write_timeline

TIMELINE = load_timeline(BUILT_IN)
EVENTS = TIMELINE.events
IDS = list(EVENTS["id"])
# The charts lecture mode draws at these screens (the page reports the chart's size).
SCREENS = {
    "lecture 1280x720": (1229, 403),
    "lecture 1920x1080": (1843, 605),
    "presenter 1280x720": (1229, 274),
    "presenter 1920x1080": (1843, 410),
}


@pytest.mark.parametrize(
    ("size", "at_least", "at_most"),
    [((1229, 403), 16, 17), ((1843, 605), 22, 26), ((1229, 274), 16, 17), ((800, 300), 16, 16)],
)
def test_labels_grow_with_the_screen(size, at_least, at_most):
    assert at_least <= projected_label_px(*size) <= at_most


def lecture_figure(current: str, size, build=False, lanes="", stepping=True) -> go.Figure:
    """The chart lecture mode draws at `current` (`stepping`: as it draws it)."""
    deck = Deck(tuple(IDS))
    previous, following = deck.neighbours(current)
    return projected_figure(
        EVENTS,
        TIMELINE,
        "en",
        current,
        x_extent(EVENTS),
        size,
        focus=[i for i in (current, previous, following) if i],
        shown=deck.shown_in_build(current) if build else None,
        lanes=lanes,
        stepping=stepping,
    )


def lecture(current: str, size, build: bool = False) -> dict:
    return lecture_figure(current, size, build).to_plotly_json()


def label_slots(figure: dict) -> list[dict]:
    return [note for note in figure["layout"]["annotations"] if note.get("name") == "label"]


def ring_of(figure: dict) -> dict:
    (ring,) = [shape for shape in figure["layout"]["shapes"] if shape.get("name") == "ring"]
    return ring


def plot_size(figure: dict, size) -> tuple[float, float]:
    edges = figure["layout"]["margin"]
    return size[0] - edges["l"] - edges["r"], size[1] - edges["t"] - edges["b"]


def marks_of(figure: dict) -> dict[str, tuple[float, int]]:
    return {
        row[0]: (x, y)
        for trace in figure["data"]
        if trace.get("customdata") is not None
        for row, x, y in zip(trace["customdata"], trace["x"], trace["y"], strict=True)
    }


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("current", ["galibert-amiens-1984", "nice-ta279-2013", IDS[-1]])
def test_the_event_told_and_its_neighbours_are_labelled_large_and_over_no_mark(screen, current):
    size = SCREENS[screen]
    figure = lecture(current, size)
    labels, marks = figure_boxes(figure, plot_size(figure, size)[1])
    titles = dict(zip(EVENTS["id"], EVENTS["title_en"], strict=True))
    assert 1 <= len(labels) <= 3
    assert covered(labels, marks) == []
    texts = [text for text, _ in labels]
    told = titles[current]
    assert any(told == text or told.startswith(text[:-1]) for text in texts), texts
    fonts = [note["font"] for note in label_slots(figure) if note["visible"]]
    assert min(font["size"] for font in fonts) >= (22 if "1920" in screen else 16)
    assert 700 in [font["weight"] for font in fonts]  # the event told, in bold
    plot = Box(0, 0, *plot_size(figure, size))
    assert all(box.inside(plot) for _, box in labels)


def test_a_step_moves_the_labels_not_the_marks():
    size = SCREENS["lecture 1280x720"]
    before, after = lecture(IDS[10], size), lecture(IDS[11], size)
    assert marks_of(before) == marks_of(after)
    assert before["layout"]["xaxis"]["range"] == after["layout"]["xaxis"]["range"]
    assert before["layout"]["yaxis"]["range"] == after["layout"]["yaxis"]["range"]


def test_a_step_sends_the_chart_unchanged_and_only_a_new_focus():
    # the page draws the ring and the labels over the chart (assets/present.js): at a step
    # Plotly is given nothing new
    size = SCREENS["lecture 1920x1080"]
    before, was = split_focus(lecture_figure(IDS[10], size))
    after, now = split_focus(lecture_figure(IDS[11], size))
    assert before.to_plotly_json() == after.to_plotly_json()
    chart = after.to_plotly_json()
    assert not any(trace.get("name") in ("labels", "selected") for trace in chart["data"])
    assert not [n for n in chart["layout"].get("annotations", ()) if n.get("name") == "label"]
    assert not [s for s in chart["layout"].get("shapes", ()) if s.get("name") == "ring"]
    assert was != now
    (ring,) = now["rings"]
    assert (ring["x"], ring["y"]) == marks_of(chart)[IDS[11]]
    assert ring["r"] > 0 and ring["width"] == 3
    assert len(now["labels"]) == 3  # the event told and its two neighbours
    told = [label for label in now["labels"] if label["weight"] == 700]
    assert [label["text"] for label in told] == [TIMELINE.event(IDS[11])["title_en"]]
    assert {label["anchor"] for label in now["labels"]} <= {"left", "right"}
    # a plain number and no template: at a redraw (a new size) the layout reaches Plotly
    # deep-copied, and Plotly compares these two as they are
    assert isinstance(chart["layout"]["meta"], int) and "template" not in chart["layout"]


@pytest.mark.parametrize("current", [IDS[0], IDS[-1]])
def test_the_first_and_last_events_are_labelled_with_their_one_neighbour(current):
    size = SCREENS["lecture 1280x720"]
    _, focus = split_focus(lecture_figure(current, size))
    assert len(focus["labels"]) == 2 and len(focus["rings"]) == 1


def test_a_focus_label_is_plain_text_whatever_the_title(tmp_path):
    # Plotly reads a little HTML, so the chart's text is escaped; the page sets a focus
    # label as text (never as markup), so it gets the title as it is
    title = 'Tags <b>bold</b> & <img src=x onerror="alert(1)">'
    with (tmp_path / "events.csv").open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["date", "title"], ["1990", "First"], ["2000", title]])
    timeline = load_timeline(tmp_path / "events.csv")
    events = timeline.events
    told = str(events["id"].iloc[1])
    figure = projected_figure(
        events,
        timeline,
        "en",
        told,
        x_extent(events),
        (1232, 560),
        focus=list(events["id"]),
        stepping=True,
    )
    _, focus = split_focus(figure)
    texts = [label["text"] for label in focus["labels"]]
    assert timeline.event(told)["title_en"] == title and title in texts, texts


@pytest.mark.parametrize("current", [IDS[0], IDS[-1]])
def test_the_ring_round_an_event_at_either_end_of_the_axis_is_whole(current):
    # a shape on the axes is clipped to the plot: the axis leaves room for it
    size = SCREENS["lecture 1280x720"]
    figure = lecture(current, size)
    labels, marks = figure_boxes(figure, plot_size(figure, size)[1])
    ring = ring_of(figure)
    (box,) = [m for m in marks if m.right - m.left == pytest.approx(2 * (ring["x1"] + 1.5))]
    width = plot_size(figure, size)[0]
    assert box.left >= 0 and box.right <= width


def test_build_mode_draws_the_events_reached_where_the_whole_deck_puts_them():
    size = SCREENS["lecture 1920x1080"]
    whole, built = lecture(IDS[5], size), lecture(IDS[5], size, build=True)
    drawn = marks_of(built)
    assert set(drawn) == set(IDS[:6])
    assert all(marks_of(whole)[event_id] == place for event_id, place in drawn.items())
    labels, marks = figure_boxes(built, plot_size(built, size)[1])
    assert len(labels) == 2 and covered(labels, marks) == []  # the next is not drawn yet


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_slide_labels_every_event_large_and_over_no_mark(lang):
    figure = slide_figure(EVENTS, TIMELINE, lang, x_extent(EVENTS)).to_plotly_json()
    assert (figure["layout"]["width"], figure["layout"]["height"]) == (SLIDE_WIDTH, SLIDE_HEIGHT)
    labels, marks = figure_boxes(figure, plot_size(figure, (SLIDE_WIDTH, SLIDE_HEIGHT))[1])
    assert len(labels) == len(EVENTS)
    assert covered(labels, marks) == []
    assert figure["layout"]["margin"] == margins(projected_label_px(SLIDE_WIDTH, SLIDE_HEIGHT))


def test_a_slide_of_many_events_labels_what_has_room_and_covers_no_mark(tmp_path):
    timeline = load_timeline(write_timeline(200, tmp_path / "synth"))
    events = timeline.events
    figure = slide_figure(events, timeline, "en", x_extent(events)).to_plotly_json()
    labels, marks = figure_boxes(figure, plot_size(figure, (SLIDE_WIDTH, SLIDE_HEIGHT))[1])
    assert labels and covered(labels, marks) == []


def test_in_lanes_every_label_and_ring_of_the_event_told_is_kept():
    # by topic, an event is drawn in each of its topics' lanes: ringed and labelled in each
    current = next(i for i, tags in zip(IDS, EVENTS["tags"], strict=True) if len(tags) >= 2)
    traces = lecture_figure(current, (1843, 2000), lanes="tag", stepping=False)
    before = traces.to_plotly_json()
    after = _as_layout_items(traces).to_plotly_json()
    rings = [
        (x, y)
        for t in before["data"]
        if t.get("name") == "selected"
        for x, y in zip(t["x"], t["y"], strict=True)
    ]
    texts = [text for t in before["data"] if t.get("name") == "labels" for text in t["text"]]
    title = TIMELINE.event(current)["title_en"]
    assert len(rings) >= 2 and texts.count(title) >= 2  # in two lanes
    shapes = [s for s in after["layout"]["shapes"] if s.get("name") == "ring"]
    assert [(s["xanchor"], s["yanchor"]) for s in shapes] == rings
    assert [n["text"] for n in label_slots(after) if n["visible"]] == [t for t in texts if t]


@pytest.mark.parametrize("stepping", [True, False])
def test_a_lecture_before_year_1_names_the_year_its_axis_starts_at(tmp_path, stepping):
    """A lecture's range is its deck's (x_extent), given, not chosen by Plotly: the axis
    still starts early enough for its first tick's label ("500 av. J.-C.") to be drawn."""
    (tmp_path / "events.csv").write_text(
        "date,title\nVe-IVe s. av. J.-C.,Classical Greece\nXVe-XVIe siècle,Renaissance\n",
        encoding="utf-8",
    )
    timeline = load_timeline(tmp_path / "events.csv")
    figure = projected_figure(
        timeline.events,
        timeline,
        "fr",
        None,
        x_extent(timeline.events),
        (1232, 560),
        stepping=stepping,
    ).to_plotly_json()
    xaxis = figure["layout"]["xaxis"]
    inside = [label for _, label in ticks_in_range(xaxis)]
    assert inside[0] == "500 av. J.-C." and all(inside)


@pytest.mark.parametrize("screen", ["lecture 1280x720", "lecture 1920x1080"])
def test_in_lanes_the_event_told_is_labelled_even_in_a_lane_without_room_for_labels(screen):
    # by kind at these sizes the lanes have no room to label every event: they are drawn
    # as marks only, and the event told (and its neighbours, where they have room) still
    # get their labels
    current = "princeps-article-1989"
    figure = lecture_figure(current, SCREENS[screen], lanes="kind")
    _, focus = split_focus(figure)
    (told,) = [label for label in focus["labels"] if label["weight"] == 700]
    title = TIMELINE.event(current)["title_en"]
    assert told["text"] == title or title.startswith(told["text"][:-1])
    labels, marks = figure_boxes(
        figure.to_plotly_json(), plot_size(figure.to_plotly_json(), SCREENS[screen])[1]
    )
    assert covered(labels, marks) == []
