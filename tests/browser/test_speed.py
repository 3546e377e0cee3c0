"""What keeps the page fast: a lean first visit, grouped large timelines, no waiting redraws."""

import re

import pytest
from playwright.sync_api import expect

from components.timeline import in_range
from core.chart.overview import MAX_MARKS
from core.load.loader import load_timeline
from tests.browser.conftest import LiveServer, open_app
from tests.conftest import BUILT_IN
from tests.support.synth import write_timeline

POINTS = "#timeline .scatterlayer .trace .point"


def test_first_visit_loads_neither_the_full_plotly_nor_the_datatable(app_page):
    urls: list[str] = []
    app_page.on("request", lambda request: urls.append(request.url))
    open_app(app_page)
    app_page.wait_for_load_state("networkidle")
    assert any("plotly-basic" in url for url in urls)
    assert not any("plotly.min.js" in url for url in urls), urls
    assert not any("dash_table" in url for url in urls), urls
    # the chart's code is asked for early (serving.preload_chart), and once
    assert len([url for url in urls if url.endswith("/dcc/async-graph.js")]) == 1, urls


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    server = LiveServer(write_timeline(MAX_MARKS * 2, tmp_path_factory.mktemp("large")))
    yield server
    server.stop()


def test_a_large_timeline_is_grouped_then_zoom_shows_each_event(page, large_server):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(large_server.url + "/")
    page.wait_for_selector("#timeline .scatterlayer .point")
    page.wait_for_load_state("networkidle")  # the redraw for the chart's real width
    expect(page.locator("#timeline .annotation-text").first).to_contain_text("grouped")
    events = load_timeline(large_server.app.server.config["TIMELINE_DATA"]).events
    assert page.locator(POINTS).count() < len(events) / 2
    # a group's hover says its kind, how many events and when (core/chart/overview.py)
    box = page.locator(POINTS).nth(3).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = page.locator("#timeline .hoverlayer .hovertext")
    expect(hover).to_have_count(1)
    assert re.fullmatch(r"[^:]+: [\d,]+ events?\d{4}(–\d{4})?", hover.text_content())
    page.evaluate(
        """() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                                 {'xaxis.range': [1950, 1953]})"""
    )
    expected = len(in_range(events, 1950, 1953))
    page.wait_for_function(
        """n => { const gd = document.querySelector('#timeline .js-plotly-plot');
                  return gd.data.filter(t => t.customdata && t.customdata.length
                                             && t.customdata[0][0]).reduce(
                      (sum, t) => sum + t.customdata.length, 0) === n; }""",
        arg=expected,
    )
    assert errors == []


def test_the_chart_redraws_without_waiting_for_the_address(app_page):
    # The address callback is held back: the redraw must not wait for it (it did, costing a
    # round trip at every click), and the address follows once it answers.
    open_app(app_page)
    held = []

    def hold_the_address(route):
        body = route.request.post_data_json or {}
        if body.get("output", "").startswith("..url.search"):
            held.append(route)
        else:
            route.continue_()

    app_page.route("**/_dash-update-component*", hold_the_address)
    app_page.get_by_role("checkbox", name="Publication").uncheck()
    total = len(load_timeline(BUILT_IN).events)
    expect(app_page.locator("#event-count")).not_to_contain_text(f"{total} of {total}")
    assert held and app_page.url.endswith("/")
    for route in held:
        route.continue_()
    app_page.unroute("**/_dash-update-component*")
    expect(app_page).to_have_url(re.compile(r"\?kind="))
