"""Exploring by clicking: the chart and the chosen event's details stay on screen together."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from core.load.loader import load_timeline
from tests.browser.conftest import open_app
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
IN_VIEW = """s => { const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""


def open_at_width(page) -> None:
    """Open the app and wait for the chart's redraw for the width the page packs it for
    (assets/chart-width.js: the marks move)."""
    open_app(page)
    page.wait_for_function(
        """() => { const gd = document.querySelector('#timeline .js-plotly-plot');
                   return gd.layout.meta.plot_width_px === window.timelinePacking(gd); }"""
    )


def click_mark(page, event_id: str) -> None:
    box = page.evaluate(
        """id => { for (const p of document.querySelectorAll('#timeline .scatterlayer .point')) {
                     const d = p.__data__;
                     if (d && d.data && d.data[0] === id) {
                       let r = p.getBoundingClientRect();
                       if (r.bottom > innerHeight || r.top < 0) {  // on a phone: scroll to it
                         p.scrollIntoView({block: 'center'}); r = p.getBoundingClientRect(); }
                       return [r.x + r.width / 2, r.y + r.height / 2]; } } }""",
        event_id,
    )
    page.mouse.click(*box)


@pytest.mark.parametrize("width", [1280, 1600])
def test_clicking_marks_one_after_another_keeps_chart_and_details_in_view(app_page, width):
    app_page.set_viewport_size({"width": width, "height": 800})
    open_at_width(app_page)
    for event_id in ("vertos-2-2010", "first-paper-1987", "nice-ta279-2013"):
        click_mark(app_page, event_id)
        title = app_page.locator("#detail-title")
        expect(title).to_have_text(TIMELINE.event(event_id)["title_en"])
        expect(title).to_be_focused()
        app_page.wait_for_timeout(400)  # past the smooth scroll a phone would get
        assert app_page.evaluate("scrollY") == 0
        assert app_page.evaluate(IN_VIEW, "#timeline")
        assert app_page.evaluate(IN_VIEW, "#detail-title")
        assert app_page.evaluate(IN_VIEW, "#detail-close")
    # The filters are hidden while the details stand in their place; Escape brings them back.
    expect(app_page.locator("#search")).to_be_hidden()
    app_page.keyboard.press("Escape")
    expect(app_page.locator("#detail-title")).to_have_count(0)
    expect(app_page.locator("#search")).to_be_visible()


def test_closing_the_details_gives_focus_back_to_the_list(app_page):
    open_app(app_page)
    item = app_page.locator('#event-list [data-event="first-paper-1987"]')
    item.focus()
    app_page.keyboard.press("Enter")
    expect(app_page.locator("#detail-title")).to_be_focused()
    app_page.keyboard.press("Escape")
    expect(app_page.locator('#event-list [data-event="first-paper-1987"]')).to_be_focused()


@pytest.mark.parametrize("how", ["Escape", "close button"])
def test_closing_details_chosen_on_the_chart_gives_focus_back_to_the_chart(app_page, how):
    open_at_width(app_page)
    click_mark(app_page, "first-paper-1987")
    expect(app_page.locator("#detail-title")).to_be_focused()
    app_page.wait_for_timeout(400)  # a second mark while the details are open
    click_mark(app_page, "vertos-2-2010")
    expect(app_page.locator("#detail-title")).to_have_text(
        TIMELINE.event("vertos-2-2010")["title_en"]
    )
    expect(app_page.locator("#detail-title")).to_be_focused()
    if how == "Escape":
        app_page.keyboard.press("Escape")
    else:
        app_page.locator("#detail-close").click()
    expect(app_page.locator("#detail-title")).to_have_count(0)
    chart = app_page.locator("#chart-section")
    expect(chart).to_be_focused()  # not the page itself: Tab goes on from the chart
    assert app_page.evaluate("scrollY") == 0
    # what a screen reader announces there: the chart's description
    expect(chart).to_have_accessible_name(app_page.locator("#chart-description").text_content())


def test_a_double_click_on_a_mark_opens_it_and_keeps_the_zoom(app_page):
    """People double-click to open things: Plotly's double click would reset the axes."""
    open_at_width(app_page)
    view = "() => document.querySelector('#timeline .js-plotly-plot').layout.meta.view"
    before = app_page.evaluate(view)
    app_page.evaluate(
        """() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                                 {'xaxis.range': [1985, 1995]})"""
    )
    # the server has drawn the zoomed range (its labels packed for it: the marks move)
    app_page.wait_for_function(f"() => ({view})() !== {json.dumps(before)}")
    app_page.wait_for_timeout(300)
    box = app_page.evaluate(
        """id => { for (const p of document.querySelectorAll('#timeline .scatterlayer .point')) {
                     const d = p.__data__;
                     if (d && d.data && d.data[0] === id) {
                       const r = p.getBoundingClientRect();
                       return [r.x + r.width / 2, r.y + r.height / 2]; } } }""",
        "first-paper-1987",
    )
    app_page.mouse.move(*box)
    app_page.mouse.dblclick(*box)
    expect(app_page.locator("#detail-title")).to_have_text(
        TIMELINE.event("first-paper-1987")["title_en"]
    )
    app_page.wait_for_load_state("networkidle")
    shown = app_page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range"
    )
    assert shown == pytest.approx([1985, 1995], abs=0.5)
    assert "1985" in app_page.url  # the address keeps it too


def test_on_a_phone_the_details_come_up_under_the_chart(app_page):
    app_page.set_viewport_size({"width": 360, "height": 740})
    open_at_width(app_page)
    click_mark(app_page, "nice-ta279-2013")
    title = app_page.locator("#detail-title")
    expect(title).to_be_focused()
    app_page.wait_for_timeout(600)
    assert app_page.evaluate(IN_VIEW, "#detail-title")
