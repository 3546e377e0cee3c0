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
    return [t for t in figure["data"] if t.get("customdata") is not None]


def test_above_max_marks_events_are_grouped_by_kind_and_slice_of_time(large):
    figure = figure_dict(large.events, large.vocabulary, large.eras, FigureOptions())
    traces = marks(figure)
    kinds = large.kinds_present()
    assert [t["y"][0] for t in traces] == list(range(len(kinds)))  # one row per kind
    points = sum(len(t["x"]) for t in traces)
    assert points <= len(kinds) * (880 // BIN_PX)
    counts = sum(int(row[2].split(": ")[1].split()[0]) for t in traces for row in t["customdata"])
    assert counts == len(large.events)  # every event is in exactly one group
    assert all(row[0] is None for t in traces for row in t["customdata"])  # not clickable
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


def test_lanes_asked_for_above_max_marks_are_not_drawn_and_the_page_says_so(large):
    from components.timeline import render
    from core.view.selection import Filters

    filters = Filters.from_inputs(large.kinds_present(), [], list(large.year_range), "")
    view = render(lambda: large, filters, "en", None, 880, None, "date", "v1", "kind")
    assert view.figure["layout"]["meta"]["lanes_not_drawn"] == "kind"
    assert "lanes" not in view.figure["layout"]["meta"]
    shown = f"{len(large.events):,}"
    assert view.lanes_note == (
        f"Lanes are drawn for up to {MAX_MARKS:,} events: narrow the filters or zoom in"
        f" to see these {shown} in lanes."
    )
    assert view.lanes_note in view.description and "In lanes" not in view.description
    assert view.lanes_button == ""
    narrowed = render(
        lambda: large, filters, "en", None, 880, (1990.0, 1991.0), "date", "v1", "kind"
    )
    assert narrowed.lanes_note == "" and narrowed.figure["layout"]["meta"]["lanes"] == "kind"
