"""What a figure is drawn for: the options every view of the chart passes to the builder.

The page passes its language, width and chosen event; lecture mode and the slides also
the label and mark sizes fitted to the screen, the events in focus and those shown
(core/chart/projector.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.chart.labels import LABEL_FONT_PX, MARK_PX

LANE_PX = 30  # a lane's height on the page


@dataclass(frozen=True)
class FigureOptions:
    lang: str = "en"
    plot_width_px: int = 880  # the plot area at 1280x800 with the filter column beside it
    selected: str | None = None
    x_range: tuple[float, float] | None = (
        None  # shown as given; default: the events' extent, padded
    )
    label_px: float = LABEL_FONT_PX  # event labels; the axis's figures match, eras a little smaller
    mark_px: float = MARK_PX
    room_px: float | None = None  # the most a label is packed for (default: half the plot; 0: none)
    focus: tuple[str, ...] | None = None  # only these are labelled, where there is room (lecture)
    shown: frozenset[str] | None = None  # only these are drawn, all packed (lecture's build mode)
    plot_height_px: float | None = None  # the plot's height, for a chart sized to a screen
    # Exactly this many lanes, labels shortened (or left to hover) to fit them: the height a
    # first visit's chart keeps from the first view packed for more room (components/timeline.py)
    lanes: int | None = None


def margins(label_px: float = LABEL_FONT_PX) -> dict[str, int]:
    """Room above the plot for two lines of era labels, below it for the axis's figures."""
    scale = label_px / LABEL_FONT_PX
    side = max(16, round(16 * scale))  # a mark at the axis's end is drawn whole
    return {"l": side, "r": side, "t": round(56 * scale), "b": round(40 * scale)}


def page_height(lane_count: int) -> int:
    """The chart's height on the page: a lane's height for each lane, and the margins."""
    return max(380, 150 + lane_count * LANE_PX)


def lanes_for_height(height: int) -> int:
    """The most lanes a chart `height` px tall holds on the page (`page_height`'s inverse)."""
    return max(1, (height - 150) // LANE_PX)


def plot_height(options: FigureOptions, lane_count: int) -> float:
    """The plot's height: the screen's when the chart is fitted to one, else the page's."""
    if options.plot_height_px:
        return options.plot_height_px
    edges = margins(options.label_px)
    return page_height(lane_count) - edges["t"] - edges["b"]
