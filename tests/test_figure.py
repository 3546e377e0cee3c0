"""The figure builder: one mark per event, honest imprecision, labels that do not collide."""

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.chart.figure import FigureOptions, build_figure
from core.chart.labels import _Lane, place_labels, short_label
from core.chart.lanes import lanes_figure
from core.chart.style import PALETTE, kind_style
from core.load.loader import load_timeline
from tests.conftest import BUILT_IN, TINY

TINY_TL = load_timeline(TINY / "events.csv")


def marker_traces(fig):
    return [t for t in fig.data if t.customdata is not None]


def test_one_marker_per_event_with_its_id():
    fig = build_figure(TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras)
    ids = [row[0] for trace in marker_traces(fig) for row in trace.customdata]
    assert sorted(ids) == sorted(TINY_TL.events["id"])


def test_hover_shows_date_and_title():
    fig = build_figure(TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras, FigureOptions(lang="fr"))
    rows = {row[0]: row for trace in marker_traces(fig) for row in trace.customdata}
    assert list(rows["sham-trial"][1:]) == ["6 août 2009", "Essai contre placebo"]
    assert all("%{customdata[1]}" in t.hovertemplate for t in marker_traces(fig))


def test_approximate_and_window_dates_are_hollow_exact_ones_filled():
    fig = build_figure(TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras)
    symbols = {}
    for trace in marker_traces(fig):
        for row, symbol in zip(trace.customdata, trace.marker.symbol, strict=True):
            symbols[row[0]] = symbol
    assert symbols["approx-device"].endswith("-open")
    assert symbols["experiments"].endswith("-open")
    assert not symbols["first-case"].endswith("-open")
    assert not symbols["sham-trial"].endswith("-open")


def bars_px(fig) -> list[tuple[float, float, float, float]]:
    """Each filled bar as (start, end, its middle's lane, its height in px)."""
    layout = fig.layout
    plot = layout.height - layout.margin.t - layout.margin.b
    px_per_lane = plot / (layout.yaxis.range[0] - layout.yaxis.range[1])
    bars = []
    for trace in fig.data:
        if trace.fill != "toself":
            continue
        corners = list(zip(trace.x, trace.y, strict=True))
        for i in range(0, len(corners), 5):  # four corners and a gap
            xs = [c[0] for c in corners[i : i + 4]]
            ys = [c[1] for c in corners[i : i + 4]]
            assert corners[i + 4] == (None, None)
            middle = (min(ys) + max(ys)) / 2
            bars.append((min(xs), max(xs), middle, (max(ys) - min(ys)) * px_per_lane))
    return bars


def test_periods_and_precision_are_drawn_as_bars():
    fig = build_figure(TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras)
    bars = bars_px(fig)
    # the 2009/2013 period: 9 px tall, on its event's lane
    period = next(bar for bar in bars if bar[3] == pytest.approx(9, abs=0.01))
    assert period[0] == pytest.approx(2009.0) and period[1] == pytest.approx(2014.0)
    assert period[2] == pytest.approx(round(period[2]), abs=1e-3)  # centred on a lane
    assert {round(bar[3], 1) for bar in bars} == {4.0, 9.0}  # precision bars are 4 px
    assert len(bars) == len(TINY_TL.events) - 1  # the window's bar is dotted: a line
    lines = [t for t in fig.data if t.mode == "lines"]
    assert lines and all(t.line.dash == "dot" for t in lines)  # the window, the whiskers


def test_bars_are_as_tall_in_px_on_any_chart():
    """The bars' height in the data is worked out from the chart's: on a chart fitted to
    a screen (lecture mode), and in lanes, they are as many px tall as on the page."""
    events, vocabulary, eras = TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras
    fitted = build_figure(events, vocabulary, eras, FigureOptions(plot_height_px=700))
    fitted.update_layout(height=700 + fitted.layout.margin.t + fitted.layout.margin.b)
    in_lanes = go.Figure(lanes_figure(events, vocabulary, eras, FigureOptions(), "kind"))
    for fig in (fitted, in_lanes):
        assert {round(bar[3], 1) for bar in bars_px(fig)} == {4.0, 9.0}


def test_each_kind_has_its_own_colour_and_shape():
    styles = [kind_style(kind, TINY_TL.vocabulary) for kind in TINY_TL.vocabulary.kinds]
    assert len(set(styles)) == len(styles)
    assert {colour for colour, _ in styles} <= set(PALETTE)


def test_eras_are_shaded_and_labelled():
    fig = build_figure(TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras, FigureOptions(lang="fr"))
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert [(r.x0, r.x1) for r in rects] == [(1984.0, 1990.0), (2009.0, 2014.0)]
    labels = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert labels == ["Les années d'Amiens", "Le débat sur les preuves"]


def test_markup_in_titles_is_escaped_not_rendered():
    events = TINY_TL.events.copy()
    events.loc[0, "title_en"] = '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>'
    fig = build_figure(events, TINY_TL.vocabulary, TINY_TL.eras)
    texts = [str(x) for t in fig.data for x in (t.text if t.text is not None else [])]
    texts += [str(row[2]) for t in marker_traces(fig) for row in t.customdata]
    assert not any("<a" in x or "<img" in x for x in texts)
    assert any("&lt;a href" in x for x in texts)


def test_selected_event_is_ringed():
    fig = build_figure(
        TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras, FigureOptions(selected="debate")
    )
    ring = [t for t in fig.data if t.name == "selected"]
    assert len(ring) == 1 and ring[0].x[0] == pytest.approx(2009.0)
    # drawn whole at the axis's ends, like the marks (lecture mode's axis ends at its events)
    assert ring[0].cliponaxis is False


def test_no_events_gives_an_empty_chart_not_an_error():
    fig = build_figure(TINY_TL.events.iloc[0:0], TINY_TL.vocabulary, TINY_TL.eras)
    assert marker_traces(fig) == []
    assert fig.layout.xaxis.range[0] < 1984


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_labels_of_the_built_in_timeline_never_overlap_within_a_lane(lang):
    timeline = load_timeline(BUILT_IN)
    events = timeline.events
    first, last, px_per_year = 1982.0, 2021.0, 880 / 39
    placements = place_labels(events, lang, px_per_year, first, last)
    boxes = []
    for p, title in zip(placements, events[f"title_{lang}"], strict=True):
        width = len(short_label(title)) * 7.0 / px_per_year  # at most 7 px a character, measured
        left, right = (
            (p.label_x, p.label_x + width)
            if p.label_side == "right"
            else (p.label_x - width, p.label_x)
        )
        assert first <= left and right <= last, title
        boxes.append((p.lane, left, right))
    for lane in {b[0] for b in boxes}:
        spans = sorted((left, right) for number, left, right in boxes if number == lane)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start


def test_era_labels_wrap_and_give_way_on_narrow_charts():
    wide = build_figure(
        TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras, FigureOptions(plot_width_px=1600)
    )
    assert [a.text for a in wide.layout.annotations] == ["The Amiens years", "The evidence debate"]
    narrow = build_figure(
        TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras, FigureOptions(plot_width_px=400)
    )
    assert [a.text for a in narrow.layout.annotations] == ["The Amiens<br>years"]
    tiny = build_figure(
        TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras, FigureOptions(plot_width_px=120)
    )
    assert len(tiny.layout.annotations) == 0
    assert len([s for s in tiny.layout.shapes if s.type == "rect"]) == 2  # the shading stays


def test_a_visible_range_is_shown_exactly_and_is_a_new_ui_revision():
    events, vocabulary, eras = TINY_TL.events, TINY_TL.vocabulary, TINY_TL.eras
    default = build_figure(events, vocabulary, eras)
    zoomed = build_figure(events, vocabulary, eras, FigureOptions(x_range=(1995.5, 2001.25)))
    assert list(zoomed.layout.xaxis.range) == [1995.5, 2001.25]
    assert list(default.layout.xaxis.range) != [1995.5, 2001.25]
    assert zoomed.layout.uirevision != default.layout.uirevision


stretch = st.tuples(st.floats(-50, 50, allow_nan=False), st.floats(0.01, 20, allow_nan=False)).map(
    lambda p: (p[0], p[0] + p[1])
)


@settings(max_examples=300, deadline=None)
@given(taken=st.lists(stretch, max_size=12), asked=st.lists(stretch, min_size=1, max_size=6))
def test_a_lane_fits_a_stretch_exactly_when_it_overlaps_none(taken, asked):
    # The lane answers most checks from the stretch reaching furthest right; the answer
    # must be the same as comparing with every stretch it holds.
    lane = _Lane()
    held = []
    for left, right in taken:
        if lane.fits(left, right):
            lane.take(left, right)
            held.append((left, right))
    for left, right in asked:
        overlaps = any(left < end and right > start for start, end in held)
        assert lane.fits(left, right) is not overlaps
