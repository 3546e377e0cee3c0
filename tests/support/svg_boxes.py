"""An SVG slide's labels and marks as boxes, read from the file itself.

Plotly's SVG places each marker path and each label by the translations of the groups
around it; a label's width is the app's font's (core/chart/metrics.py), its box as tall as
Chromium draws it. The same rule as in the browser then applies (chart_boxes.covered).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from core.chart.metrics import text_width_px
from tests.support.chart_boxes import Box

SVG = "{http://www.w3.org/2000/svg}"
TRANSLATE = re.compile(r"translate\(\s*([-\d.e]+)[ ,]*([-\d.e]*)\s*\)")


def _offset(node, x: float, y: float) -> tuple[float, float]:
    found = TRANSLATE.search(node.get("transform", ""))
    if found:
        x, y = x + float(found.group(1)), y + float(found.group(2) or 0)
    return x, y


def svg_boxes(svg: str) -> tuple[list[tuple[str, Box]], list[Box], list[float]]:
    """(text, box) of each event label, each marker's box, and the labels' sizes."""
    labels, marks, sizes = [], [], []

    def walk(node, x: float, y: float, in_text: bool) -> None:
        x, y = _offset(node, x, y)
        classes = node.get("class", "").split()
        if node.tag == f"{SVG}path" and "point" in classes:
            extent = max(abs(float(n)) for n in re.findall(r"-?[\d.]+", node.get("d", "")))
            stroke = re.search(r"stroke-width:\s*([\d.]+)", node.get("style", ""))
            extent += float(stroke.group(1)) / 2 if stroke else 0
            marks.append(Box(x - extent, y - extent, x + extent, y + extent))
        if node.tag == f"{SVG}text" and in_text and (node.text or "").strip():
            style = node.get("style", "")
            size = float(re.search(r"font-size:\s*([\d.]+)px", style).group(1))
            bold = re.search(r"font-weight:\s*(bold|700)", style) is not None
            width = text_width_px(node.text, size, 700 if bold else 400)
            left = x + float(node.get("x", 0))
            if node.get("text-anchor") == "end":
                left -= width
            base = y + float(node.get("y", 0))
            labels.append(
                (node.text, Box(left, base - 0.92 * size, left + width, base + 0.28 * size))
            )
            sizes.append(size)
        for child in node:
            walk(child, x, y, in_text or "textpoint" in classes)

    walk(ET.fromstring(svg), 0.0, 0.0, False)
    return labels, marks, sizes
