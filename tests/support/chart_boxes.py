"""Where a drawn chart's labels and marks are, and which labels cover a mark.

`MEASURE` runs in the page: for the Plotly chart under a selector it returns every label
(text drawn by a scatter trace, or lecture mode's labels drawn over the chart: its box,
font size and text) and every mark (the marker paths, the ring round a chosen event among
them, a marker or lecture mode's circle), as boxes on the screen. `covered` is
the rule the issue about projector-grade charts set: a label covers a mark when their
boxes overlap by more than 2 px each way. The same rule checks an exported SVG
(tests/test_slide_svg.py), so the browser and the file are held to one standard.
"""

from __future__ import annotations

from dataclasses import dataclass

SLACK_PX = 2.0

MEASURE = """(selector) => {
    const root = document.querySelector(selector);
    if (!root) { return null; }
    const box = n => { const b = n.getBoundingClientRect();
                       return [b.left, b.top, b.right, b.bottom]; };
    const plot = root.querySelector('.main-svg');
    // lecture mode's labels and ring are drawn over the chart (assets/present.js)
    const notes = [...root.querySelectorAll('.present-focus text.present-label')];
    const rings = [...root.querySelectorAll('.present-focus .present-ring')];
    const labels = [...root.querySelectorAll('.scatterlayer .textpoint text'), ...notes]
        .filter(n => n.textContent.trim().length > 0)
        .map(n => ({box: box(n), text: n.textContent,
                    size: parseFloat(getComputedStyle(n).fontSize),
                    family: getComputedStyle(n).fontFamily}));
    const marks = [...root.querySelectorAll('.scatterlayer .points path.point'), ...rings]
        .map(n => ({box: box(n)}));
    return {labels, marks, plot: plot ? box(plot) : null,
            chart: box(root), viewport: [innerWidth, innerHeight]};
}"""


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: Box) -> tuple[float, float]:
        """How far the two boxes overlap across and down (negative: apart)."""
        return (
            min(self.right, other.right) - max(self.left, other.left),
            min(self.bottom, other.bottom) - max(self.top, other.top),
        )

    def covers(self, other: Box, slack: float = SLACK_PX) -> bool:
        across, down = self.overlap(other)
        return across > slack and down > slack

    def inside(self, other: Box, slack: float = SLACK_PX) -> bool:
        return (
            self.left >= other.left - slack
            and self.right <= other.right + slack
            and self.top >= other.top - slack
            and self.bottom <= other.bottom + slack
        )


def covered(labels: list[tuple[str, Box]], marks: list[Box]) -> list[str]:
    """The labels (their text) that cover at least one mark."""
    return [text for text, label in labels if any(label.covers(mark) for mark in marks)]


def same_label(shown: str, title: str) -> bool:
    """A label is the title, or the title's start with an ellipsis."""
    return shown == title or (shown.endswith("…") and title.startswith(shown[:-1].rstrip()))


def label_on_screen(found: dict, title: str) -> Box | None:
    """The label of `title` if it is drawn within the chart and the page's width."""
    boxes = [box for text, box in found["labels"] if same_label(text, title)]
    view = found["viewport"]
    for box in boxes:
        if box.inside(found["chart"]) and view.left <= box.left and box.right <= view.right:
            return box
    return None


def measure(page, selector: str) -> dict:
    """The chart's labels and marks as `Box`es, with each label's text and font size."""
    found = page.evaluate(MEASURE, selector)
    assert found is not None, f"no chart at {selector}"
    return {
        "labels": [(item["text"], Box(*item["box"])) for item in found["labels"]],
        "sizes": [item["size"] for item in found["labels"]],
        "families": {item["family"] for item in found["labels"]},
        "marks": [Box(*item["box"]) for item in found["marks"]],
        "chart": Box(*found["chart"]),
        "viewport": Box(0, 0, *found["viewport"]),
    }
