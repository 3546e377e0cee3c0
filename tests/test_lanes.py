"""Lanes: each event in the lane of its kind, group or topics; the last lanes fold."""

from __future__ import annotations

import pandas as pd
import pytest

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


def test_lanes_past_the_limit_fold_into_n_more():
    events = pd.DataFrame({"kind": list("abcde"), "tags": [()] * 5, "group": list("abcde")})
    split = split_lanes(events, "group", Vocabulary(), "en", max_lanes=3)
    assert [lane.key for lane in split.lanes] == ["a", "b"]
    assert [lane.key for lane in split.folded] == ["c", "d", "e"]
    assert split.more_label("en") == "3 more"
    assert split.lanes_of(4) == ("e",)


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
    from core.chart.projector import projected_figure
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
    lane_labels = [a.text for a in slide.layout.annotations if a.yref == "y"]
    assert len(lane_labels) == len(split_lanes(events, "tag", timeline.vocabulary, "en").lanes)


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


def test_folded_lanes_are_drawn_together_under_n_more():
    from core.chart.figure import FigureOptions
    from core.chart.lanes import lanes_figure
    from core.load.loader import load_timeline
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    events = timeline.events
    figure = lanes_figure(events, timeline.vocabulary, [], FigureOptions(), "kind", max_lanes=3)
    labels = [a["text"] for a in figure["layout"]["annotations"] if a.get("yref") == "y"]
    assert len(labels) == 3 and labels[-1].startswith("<b>6 more: ")
    marks = [i for ids in ids_by_row(figure).values() for i in ids]
    assert sorted(marks) == sorted(events["id"])
