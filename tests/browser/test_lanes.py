"""Lanes in a real Chromium: by kind on the built-in timeline, by group on a TimelineJS
sheet; each lane labelled, no two labels overlapping, a click opening the right event."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from core.chart.lanes import split_lanes
from core.load.loader import load_timeline
from tests.browser.conftest import LiveServer, open_app, watched
from tests.browser.conftest import axe_violations as _axe
from tests.browser.test_present import IDS, open_present
from tests.conftest import BUILT_IN
from tests.test_foreign import sheet_text

TIMELINE = load_timeline(BUILT_IN)
GROUPED = (
    {"Year": "1578", "Headline": "Pont Neuf begun", "Group": "Stone"},
    {"Year": "1607", "Headline": "Place Dauphine", "Group": "Squares"},
    {"Year": "1609", "Headline": "Pont Marie", "Group": "Stone"},
    {"Year": "1612", "Headline": "Place Royale", "Group": "Squares"},
)
LABELS = "#timeline .textpoint text, #timeline .annotation-text"


@pytest.fixture(scope="module")
def grouped_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("lanes") / "sheet.csv"
    path.write_text(sheet_text(*GROUPED), encoding="utf-8")
    server = LiveServer(path)
    yield server
    server.stop()


def wait_for_lanes(page, by: str) -> None:
    page.wait_for_function(
        "by => { const g = document.querySelector('#timeline .js-plotly-plot');"
        " return g && g.layout.meta && g.layout.meta.lanes === by; }",
        arg=by,
    )
    page.wait_for_timeout(300)


def no_overlap(page) -> list[str]:
    """The texts on the chart (event labels and lane labels), checked never to overlap."""
    boxes = page.eval_on_selector_all(
        LABELS,
        "nodes => nodes.filter(n => n.textContent).map(n => { const b = n.getBoundingClientRect();"
        " return [b.left, b.top, b.right, b.bottom, n.textContent]; })",
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"labels overlap: {a[4]!r} and {b[4]!r}"
    return [box[4] for box in boxes]


def click_event(page, event_id: str, nth: int = 0) -> None:
    """Click the nth mark of an event (an event with two topics has two)."""
    page.evaluate(
        """([id, nth]) => {
            const graph = document.querySelector('#timeline .js-plotly-plot');
            const traces = document.querySelectorAll('#timeline .scatterlayer .trace');
            let seen = 0;
            graph.data.forEach((trace, k) => {
                (trace.customdata || []).forEach((row, j) => {
                    if (row[0] === id && seen++ === nth) {
                        const point = traces[k].querySelectorAll('.point')[j];
                        point.scrollIntoView({block: 'center'});
                        const box = point.getBoundingClientRect();
                        window.__target = [box.left + box.width / 2, box.top + box.height / 2];
                    }
                });
            });
        }""",
        [event_id, nth],
    )
    x, y = page.evaluate("window.__target")
    page.mouse.click(x, y)


def test_lanes_by_kind(app_page):
    open_app(app_page, "?lanes=kind")
    wait_for_lanes(app_page, "kind")
    texts = no_overlap(app_page)
    split = split_lanes(TIMELINE.events, "kind", TIMELINE.vocabulary, "en")
    folded = app_page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.meta.lanes_folded"
    )
    for lane in split.fold(len(split.lanes) - folded).lanes:  # those the screen holds
        assert lane.label in texts
    expect(app_page.get_by_role("radio", name="By kind")).to_be_checked()
    event = TIMELINE.events.iloc[-1]
    click_event(app_page, event["id"])
    expect(app_page.locator("#detail-title")).to_have_text(event["title_en"])
    assert _axe(app_page) == []


def test_an_event_with_two_topics_opens_from_either_lane(app_page):
    open_app(app_page, "?lanes=tag")
    wait_for_lanes(app_page, "tag")
    no_overlap(app_page)
    event = next(e for e in TIMELINE.events.to_dict("records") if len(e["tags"]) > 1)
    click_event(app_page, event["id"], nth=1)
    expect(app_page.locator("#detail-title")).to_have_text(event["title_en"])


def test_choosing_lanes_in_the_page_puts_them_in_the_address(app_page):
    open_app(app_page)
    app_page.get_by_role("radio", name="By topic").check()
    wait_for_lanes(app_page, "tag")
    expect(app_page).to_have_url(f"{app_page.base}/?lanes=tag")


def test_lanes_by_group_from_a_sheet(page, grouped_server):
    with watched(page, grouped_server.url):
        open_app(page, "?lanes=group&lang=fr")
        wait_for_lanes(page, "group")
        texts = no_overlap(page)
        assert "Stone" in texts and "Squares" in texts
        click_event(page, "place-royale-1612")
        expect(page.locator("#detail-title")).to_have_text("Place Royale")
        assert _axe(page) == []


def test_lecture_mode_names_its_lanes_in_one_column(app_page):
    app_page.set_viewport_size({"width": 1280, "height": 720})
    open_present(app_page, IDS[0] + "?lanes=kind")
    app_page.wait_for_load_state("networkidle")  # drawn again for its real size
    names = app_page.eval_on_selector_all(
        "#present-graph .annotation-text",
        # a lane's name is bold markup (<b>); the event told is labelled in a bold font
        "nodes => nodes.filter(n => n.querySelector('b, [style*=bold]'))"
        ".map(n => n.getBoundingClientRect().left)",
    )
    assert len(names) >= 3
    assert max(names) - min(names) <= 1  # left-aligned, whatever each name's length
