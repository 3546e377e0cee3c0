"""The chart fitted to a projector: type that grows with the screen, a focus that moves
without moving the marks, and no label over a mark on any screen or slide."""

from __future__ import annotations

import pytest

from core.chart.options import margins
from core.chart.projector import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    projected_figure,
    projected_label_px,
    slide_figure,
)
from core.load.loader import load_timeline
from core.view.deck import Deck, x_extent
from tests.conftest import BUILT_IN
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


def lecture(current: str, size, build: bool = False) -> dict:
    deck = Deck(tuple(IDS))
    previous, following = deck.neighbours(current)
    figure = projected_figure(
        EVENTS,
        TIMELINE,
        "en",
        current,
        x_extent(EVENTS),
        size,
        focus=[i for i in (current, previous, following) if i],
        shown=deck.shown_in_build(current) if build else None,
    )
    return figure.to_plotly_json()


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
    labels_trace = next(t for t in figure["data"] if t.get("name") == "labels")
    assert labels_trace["textfont"]["size"] >= (22 if "1920" in screen else 16)
    assert 700 in labels_trace["textfont"]["weight"]  # the event told, in bold
    plot = Box(0, 0, *plot_size(figure, size))
    assert all(box.inside(plot) for _, box in labels)


def test_a_step_moves_the_labels_not_the_marks():
    size = SCREENS["lecture 1280x720"]
    before, after = lecture(IDS[10], size), lecture(IDS[11], size)
    assert marks_of(before) == marks_of(after)
    assert before["layout"]["xaxis"]["range"] == after["layout"]["xaxis"]["range"]
    assert before["layout"]["yaxis"]["range"] == after["layout"]["yaxis"]["range"]


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
