"""The boxes a figure's labels and marks take on screen, worked out from the figure itself.

For the fast tests: the same rule as the browser's (tests/support/chart_boxes.py), with
each label as wide as the app's font makes it (core/chart/metrics.py) and as tall as
Chromium draws it, and each mark as wide as the widest marker. The browser tests check
that these sums match what is drawn.
"""

from __future__ import annotations

from core.chart.labels import mark_half_height_px, mark_half_px
from core.chart.metrics import line_height_px, text_width_px
from tests.support.chart_boxes import Box


def figure_boxes(figure: dict, plot_height_px: float) -> tuple[list[tuple[str, Box]], list[Box]]:
    """(text, box) of each label and the box of each mark, in pixels of the plot."""
    layout = figure["layout"]
    first, last = layout["xaxis"]["range"]
    bottom, top = layout["yaxis"]["range"]
    width = layout["meta"]["plot_width_px"]

    def px(x: float, y: float) -> tuple[float, float]:
        return (x - first) / (last - first) * width, (y - top) / (bottom - top) * plot_height_px

    labels, marks = [], []
    for trace in figure["data"]:
        if trace.get("mode") == "text":
            font = trace["textfont"]
            weights = font.get("weight", 400)
            for i, (x, y, text) in enumerate(
                zip(trace["x"], trace["y"], trace["text"], strict=True)
            ):
                if not text:
                    continue
                weight = weights[i] if isinstance(weights, list) else weights
                size = font["size"]
                left, middle = px(x, y)
                wide = text_width_px(text, size, weight)
                if trace["textposition"][i].endswith("left"):
                    left -= wide
                half = line_height_px(size) / 2
                labels.append((text, Box(left, middle - half, left + wide, middle + half)))
        elif trace.get("mode") == "markers":
            size = trace["marker"]["size"]
            ring = trace.get("name") == "selected"
            across = size / 2 + 1.5 if ring else mark_half_px(size)
            down = size / 2 + 1.5 if ring else mark_half_height_px(size)
            for x, y in zip(trace["x"], trace["y"], strict=True):
                cx, cy = px(x, y)
                marks.append(Box(cx - across, cy - down, cx + across, cy + down))
    return labels, marks
