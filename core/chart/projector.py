"""The timeline fitted to a projector: lecture mode's chart and the 1920x1080 slide size.

On a projector labels are drawn larger than on the page. Packing them for a plot narrower
by the same ratio leaves each one the room it needs, so none overlap; if the lanes that
takes do not fit the chart's height, the labels shrink and are packed again.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.chart.figure import FigureOptions, build_figure
from core.chart.labels import LABEL_FONT_PX
from core.chart.lanes import lanes_figure
from core.load.model import Timeline

SLIDE_WIDTH, SLIDE_HEIGHT = 1920, 1080  # slide images, and the presenter's PNG and SVG
SLIDE_SIZE = {"width": SLIDE_WIDTH, "height": SLIDE_HEIGHT}
PROJECTED_LABEL_PX = 19
MIN_LABEL_PX = 12
MARGINS_PX = 96  # the figure's top and bottom margins


def label_px(figure: go.Figure, height: float) -> float:
    """The label size that fits the lanes in a chart this tall: 19 px at most, 12 at least."""
    lanes = figure.layout.yaxis.range[0] + 0.4
    per_lane = (height - MARGINS_PX) / max(lanes + 0.4, 1)
    return max(float(MIN_LABEL_PX), min(PROJECTED_LABEL_PX, per_lane * 0.62))


def projected_figure(
    events: pd.DataFrame,
    timeline: Timeline,
    lang: str,
    selected: str | None,
    x_range: tuple[float, float] | None,
    size: tuple[float, float],
    lanes: str = "",
) -> go.Figure:
    """`events` drawn for a chart of `size` (width, height) px on a projector; in lanes by
    `lanes` (kind, group or tag) when the address asks for them."""
    width, height = size
    plot_width = max(200, int(width) - 32)
    size_px = PROJECTED_LABEL_PX
    for _ in range(3):
        options = FigureOptions(
            lang=lang,
            selected=selected,
            x_range=x_range,
            plot_width_px=int(plot_width * LABEL_FONT_PX / size_px),
        )
        if lanes:
            drawn = lanes_figure(events, timeline.vocabulary, timeline.eras, options, lanes)
            figure = go.Figure(drawn)
        else:
            figure = build_figure(events, timeline.vocabulary, timeline.eras, options)
        fits = label_px(figure, height)
        if fits >= size_px:
            break
        size_px = fits
    figure.update_traces(textfont_size=size_px, selector={"name": "labels"})
    figure.update_xaxes(tickfont_size=PROJECTED_LABEL_PX)
    figure.update_layout(height=None, autosize=True)
    return figure
