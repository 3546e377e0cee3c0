"""Lecture mode steps in the browser, from what the first answer sent: no server call draws
a step, the ring moves to the event shown, and build mode still asks the server."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from tests.browser.test_present import IDS, TITLES, expect_event, open_present

RING = """() => { const gd = document.querySelector('#present-graph .js-plotly-plot');
    const ring = (gd.layout.shapes || []).find(s => s.name === 'ring');
    return ring ? [ring.xanchor, ring.yanchor] : null; }"""
MARK = """id => { const gd = document.querySelector('#present-graph .js-plotly-plot');
    for (const t of gd.data) { if (!t.customdata) continue;
      const i = t.customdata.findIndex(row => row && row[0] === id);
      if (i >= 0) return [t.x[i], t.y[i]]; } return null; }"""


def drawn_answers(page) -> list[int]:
    """The status of each answer to a step (the address's path changed) that redraws the
    card (200: drawn by the server). A report of the chart's new size is not a step: the
    server draws the chart again for it, as it should."""
    statuses: list[int] = []

    def note(response):
        request = response.request
        body = request.post_data or ""
        if "_dash-update-component" not in request.url or "present-card" not in body:
            return
        if "present-url.pathname" in json.loads(body).get("changedPropIds", []):
            statuses.append(response.status)

    page.on("response", note)
    return statuses


def test_a_step_is_drawn_without_the_server_and_moves_the_ring(app_page):
    open_present(app_page, IDS[0])
    app_page.wait_for_load_state("networkidle")
    statuses = drawn_answers(app_page)
    for event_id in IDS[1:4]:
        app_page.keyboard.press("PageDown")
        expect_event(app_page, event_id)
        app_page.wait_for_function(
            f"() => ({RING})() !== null && ({RING})()[0] === ({MARK})({event_id!r})[0]"
        )
        assert app_page.evaluate(RING) == app_page.evaluate(MARK, event_id)
        expect(app_page.locator("#present-step")).to_have_text(
            f"{IDS.index(event_id) + 1} / {len(IDS)}"
        )
    app_page.go_back()  # Back steps back, in the browser too
    expect_event(app_page, IDS[2])
    app_page.wait_for_load_state("networkidle")
    assert 200 not in statuses, statuses
    expect(app_page).to_have_title(re.compile("^" + re.escape(TITLES[IDS[2]])))


def test_build_mode_still_asks_the_server_for_each_step(app_page):
    open_present(app_page, IDS[0] + "?build=1")
    app_page.wait_for_load_state("networkidle")
    statuses = drawn_answers(app_page)
    app_page.keyboard.press("PageDown")
    expect_event(app_page, IDS[1])
    expect(app_page.locator("#present-graph .scatterlayer .trace .point")).not_to_have_count(0)
    app_page.wait_for_load_state("networkidle")
    assert 200 in statuses
