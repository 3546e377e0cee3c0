"""Lanes: each event in the lane of its kind, group or topics; the last lanes fold."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.chart.lanes import NO_LANE, split_lanes
from core.load.model import Term, Vocabulary

VOCABULARY = Vocabulary(
    kinds={k: Term(k, {"en": k.title(), "fr": k.upper()}) for k in ("trial", "device")},
    tags={k: Term(k, {"en": k.title(), "fr": k.upper()}) for k in ("spine", "cement")},
)
EVENTS = pd.DataFrame(
    {
        "kind": ["device", "trial", "", "trial"],
        "tags": [("cement", "spine"), ("spine",), (), ("cement",)],
        "group": ["Clinic", "", "Trials", "Clinic"],
    }
)


@pytest.mark.parametrize(
    ("by", "lanes"),
    [
        ("kind", [("trial", (1, 3)), ("device", (0,)), (NO_LANE, (2,))]),
        ("tag", [("spine", (0, 1)), ("cement", (0, 3)), (NO_LANE, (2,))]),
        ("group", [("Clinic", (0, 3)), ("Trials", (2,)), (NO_LANE, (1,))]),
    ],
)
def test_each_event_is_in_the_lane_of_its_kind_group_or_topics(by, lanes):
    split = split_lanes(EVENTS, by, VOCABULARY, "en")
    assert [(lane.key, lane.rows) for lane in split.lanes] == lanes
    assert split.folded == ()


def test_an_event_with_two_topics_is_in_both_lanes_as_the_same_row():
    split = split_lanes(EVENTS, "tag", VOCABULARY, "fr")
    assert split.lanes_of(0) == ("SPINE", "CEMENT")
    assert split.lanes[-1].label == "Autres"


def test_lanes_past_those_drawn_fold_into_n_more_and_unfold_again():
    events = pd.DataFrame({"kind": list("abcde"), "tags": [()] * 5, "group": list("abcde")})
    every = split_lanes(events, "group", Vocabulary(), "en")
    assert every.folded == () and every.more_label("en") is None
    split = every.fold(2)
    assert [lane.key for lane in split.lanes] == ["a", "b"]
    assert [lane.key for lane in split.folded] == ["c", "d", "e"]
    assert split.more_label("en") == "3 more"
    assert split.more_label("fr") == "3 de plus"
    assert split.lanes_of(4) == ("e",)  # a folded event still says its own lane
    assert split.fold(5) == every
    assert every.fold(0).lanes == every.lanes[:1]  # one lane is always drawn


@pytest.mark.parametrize(
    ("height_px", "rows"),
    [
        (640, 16),  # a phone held upright (360x640)
        (800, 21),  # a 1280x800 laptop
        (1080, 31),  # a projector or a tall screen
        (None, 21),  # not said yet: a laptop's
        (0, 21),
        ("800", 21),  # anything but a number
        (200, 2),  # too short for any: still a lane and its label
        (10**9, 661),  # bounded
    ],
)
def test_the_rows_lanes_may_take_come_from_the_screens_height(height_px, rows):
    from core.chart.lanes import rows_for_height

    assert rows_for_height(height_px) == rows


@pytest.mark.parametrize(
    ("plot_px", "pitch_px", "rows"),
    [(880, 40, 21), (440, 40, 10), (40, 40, 2)],
)
def test_the_rows_on_a_projector_come_from_its_plot_and_the_label_size(plot_px, pitch_px, rows):
    from core.chart.lanes import rows_for_plot

    assert rows_for_plot(plot_px, pitch_px) == rows


@pytest.mark.parametrize(
    ("heights", "room", "fold", "drawn"),
    [
        ([2, 3, 2], 7, 99, 3),  # all fit: none folds
        ([2, 3, 2], 20, 99, 3),
        ([2, 2, 2, 2, 2], 7, 2, 2),  # 2 + 2 + a 2-row "N more" = 6; a third lane would not fit
        ([2, 2, 2, 2, 2], 8, 2, 3),  # 2 + 2 + 2 + 2
        ([2, 2, 2, 2, 2], 8, 4, 2),  # a tall "N more" leaves room for fewer lanes
        ([5, 5, 5], 4, 3, 1),  # nothing fits: the first lane is drawn all the same
        ([1, 1, 1, 1], 1, 1, 1),
    ],
)
def test_as_many_lanes_are_drawn_as_fit_with_their_n_more(heights, room, fold, drawn):
    from core.chart.lanes import lanes_that_fit

    assert lanes_that_fit(heights, room, lambda k: fold) == drawn


@given(
    st.lists(st.integers(1, 12), min_size=1, max_size=12),
    st.integers(1, 80),
    st.integers(1, 12),
)
def test_what_is_drawn_fits_unless_only_one_lane_is_left(heights, room, fold):
    from core.chart.lanes import lanes_that_fit

    drawn = lanes_that_fit(heights, room, lambda k: fold)
    assert 1 <= drawn <= len(heights)
    used = sum(heights[:drawn]) + (fold if drawn < len(heights) else 0)
    assert used <= room or drawn == 1
    if drawn < len(heights):  # one more lane would not have fitted
        assert sum(heights[: drawn + 1]) + fold > room or drawn + 1 == len(heights)


def test_an_unknown_way_to_split_is_refused():
    with pytest.raises(ValueError, match="kind, group, tag"):
        split_lanes(EVENTS, "colour", VOCABULARY, "en")


def ids_by_row(figure: dict) -> dict[float, list[str]]:
    rows: dict[float, list[str]] = {}
    for trace in figure["data"]:
        for y, custom in zip(trace.get("y", []), trace.get("customdata") or [], strict=False):
            rows.setdefault(y, []).append(custom[0])
    return rows


@pytest.mark.parametrize("by", ["kind", "tag", "group"])
def test_the_lanes_figure_draws_every_event_below_its_lane_label(by):
    from core.chart.figure import FigureOptions
    from core.chart.lanes import lanes_figure
    from core.load.loader import load_timeline
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    events = timeline.events
    figure = lanes_figure(events, timeline.vocabulary, timeline.eras, FigureOptions(), by)
    split = split_lanes(events, by, timeline.vocabulary, "en")
    labels = [a for a in figure["layout"]["annotations"] if a.get("yref") == "y"]
    assert [a["text"] for a in labels] == [f"<b>{lane.label}</b>" for lane in split.lanes]
    label_rows = {a["y"] for a in labels}
    drawn = ids_by_row(figure)
    assert not label_rows & set(drawn)  # a lane's label has its row to itself
    marks = [i for ids in drawn.values() for i in ids]
    assert set(marks) == set(events["id"])
    assert len(marks) == sum(len(lane.rows) for lane in split.lanes)
    bottom, top = figure["layout"]["yaxis"]["range"]
    assert all(top < y < bottom for y in drawn)


def test_the_handout_and_lecture_mode_draw_lanes_when_the_address_asks():
    from core.chart.labels import lane_pitch_px
    from core.chart.lanes import rows_for_plot
    from core.chart.options import margins
    from core.chart.projector import projected_figure, projected_label_px
    from core.load.loader import load_timeline
    from core.publish.offline import selection, timeline_figure
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    state, events = selection(timeline, "lanes=kind")
    handout = timeline_figure(timeline, state, events, 1000)
    assert handout.layout.meta["lanes"] == "kind"
    assert "lanes" not in (
        timeline_figure(timeline, state.with_(lanes=""), events, 1000).layout.meta
    )
    slide = projected_figure(events, timeline, "en", None, None, (1232, 560), lanes="tag")
    assert slide.layout.meta["lanes"] == "tag"
    labels = [a.text for a in slide.layout.annotations if a.yref == "y"]
    total = len(split_lanes(events, "tag", timeline.vocabulary, "en").lanes)
    folded = slide.layout.meta["lanes_folded"]
    assert slide.layout.meta["lanes_total"] == total
    # as many lanes as the screen's height holds at the projector's label size, then "N more"
    assert len(labels) == total - folded + (1 if folded else 0)
    label_px = projected_label_px(1232, 560)
    edges = margins(label_px)
    room = rows_for_plot(560 - edges["t"] - edges["b"], lane_pitch_px(label_px, label_px))
    assert slide.layout.meta["lanes_rows"] <= room or len(labels) <= 2
    tall = projected_figure(events, timeline, "en", None, None, (1232, 2000), lanes="tag")
    assert tall.layout.meta["lanes_folded"] < folded or folded == 0
    every = timeline_figure(timeline, state.with_(lanes="tag"), events, 1000)
    assert every.layout.meta["lanes_folded"] == 0  # paper does not unfold: every lane


def test_the_text_summary_and_the_list_say_each_events_lane():
    from components.event_list import entries
    from components.timeline import describe
    from core.load.loader import load_timeline
    from core.view.selection import Filters
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    events = timeline.events
    filters = Filters.from_inputs(timeline.kinds_present(), [], list(timeline.year_range), "")
    text = describe(events, timeline, filters, "fr", "kind")
    split = split_lanes(events, "kind", timeline.vocabulary, "fr")
    assert f"En couloirs : {split.lanes[0].label} ({len(split.lanes[0].rows)})" in text
    assert "couloir" not in describe(events, timeline, filters, "fr")
    listed = entries(events, "en", None, timeline.vocabulary, lanes="tag")["items"]
    first = events.iloc[0]
    wanted = ", ".join(timeline.vocabulary.tag_label(tag, "en") for tag in first["tags"])
    assert listed[0]["lane"] == f"lane: {wanted}"
    assert entries(events, "en", None, timeline.vocabulary)["items"][0]["lane"] is None


def lane_labels(figure: dict) -> list[str]:
    return [a["text"] for a in figure["layout"]["annotations"] if a.get("yref") == "y"]


def test_folded_lanes_are_drawn_together_under_n_more():
    from core.chart.figure import FigureOptions
    from core.chart.lanes import lanes_figure
    from core.load.loader import load_timeline
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    events = timeline.events
    every = lanes_figure(events, timeline.vocabulary, [], FigureOptions(), "kind")
    total = every["layout"]["meta"]["lanes_total"]
    assert len(lane_labels(every)) == total and every["layout"]["meta"]["lanes_folded"] == 0
    room = 2 * total - 1  # not even a row of marks under each lane's name
    figure = lanes_figure(events, timeline.vocabulary, [], FigureOptions(), "kind", room)
    meta = figure["layout"]["meta"]
    labels = lane_labels(figure)
    assert meta["lanes_folded"] >= 2 and len(labels) == total - meta["lanes_folded"] + 1
    assert labels[-1].startswith(f"<b>{meta['lanes_folded']} more: ")
    assert meta["lanes_rows"] <= room
    marks = [i for ids in ids_by_row(figure).values() for i in ids]
    assert sorted(marks) == sorted(events["id"])


def event_labels(figure: dict) -> list[str]:
    return [
        text
        for trace in figure["data"]
        if trace.get("mode") and "text" in trace["mode"]
        for text in trace.get("text") or []
        if text
    ]


def test_short_of_room_the_last_lanes_lose_their_labels_before_any_lane_folds():
    from core.chart.figure import FigureOptions
    from core.chart.lanes import lanes_figure
    from core.load.loader import load_timeline
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    events = timeline.events
    every = lanes_figure(events, timeline.vocabulary, [], FigureOptions(), "kind")
    total = every["layout"]["meta"]["lanes_total"]
    room = every["layout"]["meta"]["lanes_rows"] - 3
    figure = lanes_figure(events, timeline.vocabulary, [], FigureOptions(), "kind", room)
    meta = figure["layout"]["meta"]
    assert meta["lanes_folded"] == 0 and meta["lanes_unlabelled"] >= 1
    assert len(lane_labels(figure)) == total  # every lane, named
    assert meta["lanes_rows"] <= room
    assert 0 < len(event_labels(figure)) < len(event_labels(every))
    marks = [i for ids in ids_by_row(figure).values() for i in ids]
    assert sorted(marks) == sorted(events["id"])  # each event still drawn, once


@pytest.mark.parametrize(
    ("labelled", "bare", "room", "expected"),
    [
        ([3, 3, 3], [2, 2, 2], 9, [True, True, True]),
        ([3, 3, 3], [2, 2, 2], 8, [True, True, False]),
        ([3, 3, 3], [2, 2, 2], 7, [True, False, False]),
        ([3, 3, 3], [2, 2, 2], 6, [False, False, False]),
        ([3, 3, 3], [2, 2, 2], 5, None),
        ([5, 2, 2], [2, 2, 2], 7, [False, True, True]),  # a long lane gives way, not the rest
    ],
)
def test_which_lanes_keep_their_labels(labelled, bare, room, expected):
    from core.chart.lanes import labelled_that_fit

    assert labelled_that_fit(labelled, bare, room) == expected


@pytest.mark.parametrize("width_px", [328, 880, 1800])
def test_a_taller_screen_draws_more_lanes_and_every_lane_has_its_label(width_px):
    from core.chart.figure import FigureOptions
    from core.chart.lanes import lanes_figure, rows_for_height
    from core.load.loader import load_timeline
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    options = FigureOptions(plot_width_px=width_px)
    drawn = []
    for height in (400, 640, 800, 1080, 2000):
        rows = rows_for_height(height)
        figure = lanes_figure(timeline.events, timeline.vocabulary, [], options, "tag", rows)
        meta = figure["layout"]["meta"]
        drawn.append(meta["lanes_total"] - meta["lanes_folded"])
        assert meta["lanes_rows"] <= rows or drawn[-1] == 1
    assert drawn == sorted(drawn) and drawn[0] < drawn[-1]
    every = lanes_figure(timeline.events, timeline.vocabulary, [], options, "tag")
    split = split_lanes(timeline.events, "tag", timeline.vocabulary, "en")
    assert lane_labels(every) == [f"<b>{lane.label}</b>" for lane in split.lanes]
    assert every["layout"]["height"] > 800  # the chart grows for its lanes


def test_lanes_by_group_are_offered_only_for_data_with_groups():
    from components.filters import lane_options
    from core.load.loader import load_timeline
    from core.view.address import known_from, lanes_offered
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    assert not timeline.has_groups
    assert [o["value"] for o in lane_options("en", lanes_offered(timeline))] == ["", "kind", "tag"]
    assert known_from(timeline).lanes == {"kind", "tag"}
    grouped = replace(timeline, events=timeline.events.assign(group="Clinic"))
    assert grouped.has_groups
    assert [o["value"] for o in lane_options("fr", lanes_offered(grouped))] == [
        "",
        "kind",
        "group",
        "tag",
    ]
    assert known_from(grouped).lanes == {"kind", "group", "tag"}


@pytest.mark.parametrize(
    ("meta", "every", "text"),
    [
        ({"lanes_folded": 3, "lanes_rows": 20}, False, "Show 3 more lanes"),
        ({"lanes_folded": 1, "lanes_rows": 20}, False, "Show 1 more lane"),
        ({"lanes_folded": 0, "lanes_rows": 40}, True, "Fewer lanes"),  # taller than the screen
        ({"lanes_folded": 0, "lanes_rows": 20}, True, ""),  # all fit: nothing to fold
        ({"lanes_folded": 0, "lanes_rows": 20}, False, ""),
    ],
)
def test_the_button_under_the_chart_shows_or_folds_the_lanes(meta, every, text):
    from components.lanes_more import button_text

    assert button_text(meta, "en", 21, every) == text


def test_the_page_shows_folded_lanes_when_asked():
    from components.timeline import render
    from core.load.loader import load_timeline
    from core.view.selection import Filters
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    filters = Filters.from_inputs(timeline.kinds_present(), [], list(timeline.year_range), "")
    args = (lambda: timeline, filters, "fr", None, 880, None, "date", "v1", "tag")
    folded = render(*args, 8)
    assert folded.lanes_button.startswith("Afficher ")
    count = folded.figure["layout"]["meta"]["lanes_folded"]
    folded_lanes = split_lanes(timeline.events, "tag", timeline.vocabulary, "fr").lanes[-count:]
    named = ", ".join(f"{lane.label} ({len(lane.rows)})" for lane in folded_lanes)
    assert f"; {count} de plus : {named}." in folded.description  # folded, still said
    every = render(*args, 8, True)
    assert every.figure["layout"]["meta"]["lanes_folded"] == 0
    assert every.lanes_button == "Moins de couloirs"
    assert "de plus" not in every.description
    assert every.figure["layout"]["height"] > folded.figure["layout"]["height"]
