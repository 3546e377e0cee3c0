"""Readable from the back of the hall: the chart's labels as Chromium draws them, in every
view and at every size a lecture or a student meets, none over a mark.

Measured as a person would see them: each label's and each mark's box on the screen
(tests/support/chart_boxes.py), a label covering a mark when they overlap by more than
2 px each way. The event chosen is NICE TA279, as in the issue's table.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from core.chart.metrics import text_width_px
from core.load.loader import load_timeline
from tests.browser.conftest import axe_violations
from tests.conftest import BUILT_IN
from tests.support.chart_boxes import covered, label_on_screen, measure

TIMELINE = load_timeline(BUILT_IN)
CHOSEN = "nice-ta279-2013"
TITLE = TIMELINE.event(CHOSEN)["title_en"]
LECTURE = f"/present/{CHOSEN}"
PRESENTER = f"/present/{CHOSEN}?view=presenter"
MAIN = f"/?event={CHOSEN}"

# The chart's plot as wide as the labels were packed for: after the page has told the
# server its real size (assets/present.js, assets/chart-width.js). The main page packs for
# a width rounded down to 40 px, or on a first visit the first view's when it has the room.
FITTED = """([selector, exact]) => {
    const graph = document.querySelector(selector + ' .js-plotly-plot');
    const meta = graph && graph.layout.meta;
    if (!graph || !graph._fullLayout || !meta) { return false; }
    // lecture mode's meta is the width itself (core/chart/projector.py)
    const room = graph._fullLayout._size.w, packed = meta.plot_width_px || meta;
    return exact ? Math.abs(room - packed) < 2
      : packed <= room + 1 && packed === window.timelinePacking(graph);
}"""


def open_fitted(page, path: str, selector: str, exact: bool) -> dict:
    page.goto(page.base + path)
    page.wait_for_selector(f"{selector} .scatterlayer .point")
    page.wait_for_function(FITTED, arg=[selector, exact])
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)  # Plotly's last redraw
    return measure(page, selector)


def assert_measured_as_packed(found: dict) -> None:
    """Each label is as wide on screen as the app's font metrics said (what it was packed by)."""
    for (text, box), size in zip(found["labels"], found["sizes"], strict=True):
        widths = [text_width_px(text, size, weight) for weight in (400, 700)]
        drawn = box.right - box.left
        assert any(abs(drawn - width) <= 0.03 * width + 1 for width in widths), (text, drawn)
    assert all(family.startswith('"Atkinson Hyperlegible"') for family in found["families"])


@pytest.mark.parametrize(
    ("path", "size", "least_px"),
    [
        (LECTURE, (1280, 720), 16),
        (LECTURE, (1920, 1080), 22),
        (PRESENTER, (1280, 720), 16),
        (PRESENTER, (1920, 1080), 16),
    ],
    ids=["lecture-1280x720", "lecture-1920x1080", "presenter-1280x720", "presenter-1920x1080"],
)
def test_lecture_labels_are_large_clear_of_marks_and_the_event_told_is_labelled(
    app_page, path, size, least_px
):
    app_page.set_viewport_size({"width": size[0], "height": size[1]})
    found = open_fitted(app_page, path, "#present-graph", exact=True)
    assert found["labels"], "no label drawn"
    assert min(found["sizes"]) >= least_px, found["sizes"]
    assert covered(found["labels"], found["marks"]) == []
    told = label_on_screen(found, TITLE)
    assert told is not None and told.inside(found["viewport"]), [t for t, _ in found["labels"]]
    assert len(found["marks"]) == len(TIMELINE.events) + 1  # every event, and the ring
    assert_measured_as_packed(found)


@pytest.mark.parametrize("size", [(360, 740), (768, 1024), (1280, 800), (1920, 1080)])
def test_main_page_labels_every_event_none_over_a_mark(app_page, size):
    app_page.set_viewport_size({"width": size[0], "height": size[1]})
    found = open_fitted(app_page, MAIN, "#timeline", exact=False)
    assert len(found["labels"]) == len(TIMELINE.events)
    assert min(found["sizes"]) >= 15
    assert covered(found["labels"], found["marks"]) == []
    assert label_on_screen(found, TITLE) is not None
    assert_measured_as_packed(found)


@pytest.mark.parametrize("width", [760, 1280])
def test_handout_figure_has_no_label_over_a_mark(app_page, width):
    app_page.set_viewport_size({"width": width, "height": 900})
    app_page.goto(app_page.base + "/handout")
    app_page.wait_for_selector(".figure .scatterlayer .point")
    app_page.evaluate("document.fonts.ready")
    app_page.wait_for_timeout(300)
    found = measure(app_page, ".figure")
    assert len(found["labels"]) == len(TIMELINE.events)
    assert covered(found["labels"], found["marks"]) == []


def test_a_step_moves_the_focus_and_no_mark(app_page):
    app_page.set_viewport_size({"width": 1280, "height": 720})
    before = open_fitted(app_page, LECTURE, "#present-graph", exact=True)
    app_page.keyboard.press("ArrowRight")
    following = TIMELINE.events["id"].tolist()[TIMELINE.events["id"].tolist().index(CHOSEN) + 1]
    expect(app_page.locator("#present-title")).to_have_text(TIMELINE.event(following)["title_en"])
    app_page.wait_for_timeout(500)
    after = measure(app_page, "#present-graph")
    # the ring moves to the next event; every other mark stays where it was
    assert sorted(b.left for b in before["marks"][:-1]) == pytest.approx(
        sorted(b.left for b in after["marks"][:-1]), abs=0.5
    )
    assert label_on_screen(after, TIMELINE.event(following)["title_en"]) is not None
    assert covered(after["labels"], after["marks"]) == []


@pytest.mark.parametrize("path", [LECTURE, PRESENTER])
def test_axe_finds_no_violation_in_lecture_mode(app_page, path):
    app_page.set_viewport_size({"width": 1280, "height": 720})
    open_fitted(app_page, path, "#present-graph", exact=True)
    # axe by the browser's DevTools: a script tag would be refused by the page's policy
    assert axe_violations(app_page) == []
