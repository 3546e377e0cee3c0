"""Lecture mode steps in the browser, from what the first answer sent: a step makes no
request at all, the ring moves to the event shown, a key pressed while the server answers
keeps its step, and build mode still asks the server."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_present_drawn
from tests.browser.test_present import IDS, TITLES, expect_event, open_present

# The ring's centre on the screen (drawn over the chart by assets/present.js), and where
# Plotly puts an event's mark, by its own axes: the two are compared.
RING = """() => { const ring = document.querySelector('#present-graph .present-focus .present-ring');
    if (!ring) { return null; }
    const b = ring.getBoundingClientRect();
    return [b.left + b.width / 2, b.top + b.height / 2]; }"""
MARK = """id => { const gd = document.querySelector('#present-graph .js-plotly-plot');
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const paper = gd.querySelector('.main-svg').getBoundingClientRect();
    for (const t of gd.data) { if (!t.customdata) continue;
      const i = t.customdata.findIndex(row => row && row[0] === id);
      if (i >= 0) return [paper.left + xa._offset + xa.l2p(xa.d2l(t.x[i])),
                          paper.top + ya._offset + ya.l2p(ya.d2l(t.y[i]))]; }
    return null; }"""
ON_MARK = f"""id => {{ const ring = ({RING})(), mark = ({MARK})(id);
    return ring !== null && mark !== null && Math.abs(ring[0] - mark[0]) < 1
      && Math.abs(ring[1] - mark[1]) < 1; }}"""


def ringed(page, event_id: str) -> None:
    """Waits for the ring to be drawn round `event_id`'s mark, to the pixel."""
    page.wait_for_function(ON_MARK, arg=event_id)


def step_requests(page) -> list[int]:
    """The status of each answer to a step the page asked the server to draw (200: drawn,
    with the card). A report of the chart's new size is not a step: the server draws the
    chart again for it, as it should."""
    statuses: list[int] = []

    def note(response):
        request = response.request
        if "_dash-update-component" not in request.url:
            return
        if "present-ask.data" in json.loads(request.post_data or "{}").get("changedPropIds", []):
            statuses.append(response.status)

    page.on("response", note)
    return statuses


def all_requests(page) -> list[str]:
    """Every callback request the page makes from now on (their triggers)."""
    seen: list[str] = []

    def note(request):
        if "_dash-update-component" in request.url:
            seen.append(json.loads(request.post_data or "{}").get("changedPropIds"))

    page.on("request", note)
    return seen


def test_a_step_is_drawn_without_the_server_and_moves_the_ring(app_page):
    open_present(app_page, IDS[0])
    app_page.wait_for_load_state("networkidle")
    statuses = step_requests(app_page)
    requests = all_requests(app_page)
    for event_id in IDS[1:4]:
        app_page.keyboard.press("PageDown")
        expect_event(app_page, event_id)
        ringed(app_page, event_id)
        expect(app_page.locator("#present-step")).to_have_text(
            f"{IDS.index(event_id) + 1} / {len(IDS)}"
        )
    app_page.locator("#present-next").click()  # the bar's links step as the keys do
    expect_event(app_page, IDS[4])
    app_page.locator("#present-previous").click()
    expect_event(app_page, IDS[3])
    app_page.go_back()  # Back steps back, in the browser too
    expect_event(app_page, IDS[4])
    app_page.go_back()
    expect_event(app_page, IDS[3])
    app_page.go_back()
    expect_event(app_page, IDS[2])
    app_page.wait_for_load_state("networkidle")
    assert statuses == [], statuses
    assert requests == [], requests  # not even one the server has nothing to do for
    expect(app_page).to_have_title(re.compile("^" + re.escape(TITLES[IDS[2]])))


def test_build_mode_still_asks_the_server_for_each_step(app_page):
    open_present(app_page, IDS[0] + "?build=1")
    app_page.wait_for_load_state("networkidle")
    statuses = step_requests(app_page)
    app_page.keyboard.press("PageDown")
    expect_event(app_page, IDS[1])
    expect(app_page.locator("#present-graph .scatterlayer .trace .point")).not_to_have_count(0)
    app_page.wait_for_load_state("networkidle")
    assert statuses == [200]


def test_a_key_pressed_while_the_server_answers_is_not_undone(app_page):
    """The chart's size, reported just after the first view, has the server draw the step
    of the address again; a key pressed before that answer has come keeps its step."""
    open_present(app_page, IDS[0])
    app_page.wait_for_load_state("networkidle")
    held = []

    def hold(route):
        sent = json.loads(route.request.post_data or "{}")
        if "present-size.data" in sent.get("changedPropIds", []):
            held.append(route)
        else:
            route.continue_()

    app_page.route("**/_dash-update-component*", hold)
    app_page.set_viewport_size({"width": 1000, "height": 760})  # reported after 200 ms
    for _ in range(100):
        if held:
            break
        app_page.wait_for_timeout(50)
    assert held, "the new size was not reported"
    app_page.keyboard.press("PageDown")
    expect_event(app_page, IDS[1])
    held[0].continue_()
    app_page.wait_for_load_state("networkidle")
    app_page.wait_for_timeout(300)
    expect_event(app_page, IDS[1])
    assert app_page.evaluate(ON_MARK, IDS[1])
    expect(app_page).to_have_title(re.compile("^" + re.escape(TITLES[IDS[1]])))


def test_a_click_for_a_new_tab_on_the_bar_opens_a_tab_and_leaves_this_one(app_page):
    """(The new tab then joins the talk where it is, by design: see assets/present.js.)"""
    open_present(app_page, IDS[0])
    with app_page.context.expect_page() as opened:
        app_page.locator("#present-next").click(modifiers=["ControlOrMeta"])
    opened.value.close()
    app_page.wait_for_timeout(300)
    expect_event(app_page, IDS[0])


def test_the_page_says_when_its_step_is_drawn_for_the_charts_real_size(app_page):
    """data-present-sized (assets/present.js): "0" while a redraw for the chart's size is on
    its way, "1" once the step on the screen was drawn for it. The card then stays the one
    shown; a card taken before is replaced by the redraw for the size (the CI failure this
    attribute fixed: a test held a picture the redraw then took away)."""
    app_page.goto(app_page.base + "/present/" + IDS[0])
    app_page.wait_for_function("() => Number(document.documentElement.dataset.presentDeck) > 0")
    app_page.evaluate("() => { window.early = document.getElementById('present-title'); }")
    sized = app_page.evaluate("() => document.documentElement.dataset.presentSized")
    wait_present_drawn(app_page)  # deck in, and "1"
    app_page.evaluate("() => { window.settled = document.getElementById('present-title'); }")
    app_page.wait_for_load_state("networkidle")
    app_page.wait_for_timeout(500)
    assert app_page.evaluate("() => window.settled.isConnected")
    if sized == "0":  # the first step was drawn for a guess at the size: drawn again since
        assert not app_page.evaluate("() => window.early.isConnected")
    app_page.set_viewport_size({"width": 1000, "height": 700})
    # at once on a resize: the size is reported 200 ms later
    app_page.wait_for_function("() => document.documentElement.dataset.presentSized === '0'")
    app_page.wait_for_function("() => document.documentElement.dataset.presentSized === '1'")
    expect_event(app_page, IDS[0])


LABEL = """title => { const told = [...document.querySelectorAll(
      '#present-graph .present-focus .present-label')].find(n => n.textContent === title);
    if (!told) { return null; }
    const b = told.getBoundingClientRect();
    return [b.left, b.right, (b.top + b.bottom) / 2]; }"""


def test_the_ring_and_the_labels_stay_on_their_marks_as_the_chart_is_panned(app_page):
    """They are drawn over the chart by the page (assets/present.js), from Plotly's axes as
    they are: during a drag that pans the chart, and after it."""
    open_present(app_page, IDS[3])
    ringed(app_page, IDS[3])
    title = TITLES[IDS[3]]
    ring, label = app_page.evaluate(RING), app_page.evaluate(LABEL, title)
    assert label is not None and abs(label[2] - ring[1]) < 2  # beside the mark, level with it
    box = app_page.locator("#present-graph .nsewdrag").first.bounding_box()
    x, y = box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5
    app_page.mouse.move(x, y)
    app_page.mouse.down()
    app_page.mouse.move(x + 60, y, steps=3)
    app_page.mouse.move(x + 120, y, steps=3)
    app_page.wait_for_timeout(100)
    assert app_page.evaluate(ON_MARK, IDS[3])  # while the chart moves under the mouse
    app_page.mouse.up()
    ringed(app_page, IDS[3])
    moved_ring, moved_label = app_page.evaluate(RING), app_page.evaluate(LABEL, title)
    assert moved_ring[0] - ring[0] == pytest.approx(120, abs=2)
    assert moved_label[0] - label[0] == pytest.approx(moved_ring[0] - ring[0], abs=1.5)


def test_a_step_taken_back_at_once_keeps_the_title_and_links_of_the_step_shown(app_page):
    """The links and the page's title come once the step is on the screen (when the
    browser is idle): not those of a step left before then."""
    open_present(app_page, IDS[0])
    app_page.evaluate(  # the idle moment held back, so that Back surely comes first
        """() => { const idle = window.requestIdleCallback;
            window.requestIdleCallback = (task, options) => setTimeout(() => idle(task, options), 1500); }"""
    )
    app_page.keyboard.press("PageDown")
    expect_event(app_page, IDS[1])
    app_page.go_back()
    expect_event(app_page, IDS[0])
    app_page.wait_for_timeout(2500)  # the held moment has come and gone
    expect_event(app_page, IDS[0])
    expect(app_page).to_have_title(re.compile("^" + re.escape(TITLES[IDS[0]])))
    assert f"/present/{IDS[1]}" in app_page.locator("#present-next").get_attribute("href")
