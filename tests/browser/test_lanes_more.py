"""Lanes that do not fit the screen fold into "N more", in a real Chromium: a button under
the chart shows them all (and folds them again), by mouse or keyboard, kept in the
address; a phone folds more than a tall screen; Reset clears lanes; lanes by group are
offered only for data that has groups; above MAX_MARKS events, each lane grouped."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from core.chart.lanes import split_lanes
from core.chart.overview import MAX_MARKS
from core.load.loader import load_timeline
from tests.browser.conftest import LiveServer, axe_violations, open_app, watched
from tests.browser.test_lanes import TIMELINE, click_event, no_overlap, wait_for_lanes

TAGS = split_lanes(TIMELINE.events, "tag", TIMELINE.vocabulary, "en")


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    from tests.support.synth import write_timeline

    path = write_timeline(MAX_MARKS * 2, tmp_path_factory.mktemp("large-lanes"))
    server = LiveServer(path)
    server.timeline = load_timeline(path)
    yield server
    server.stop()


def meta(page) -> dict:
    return page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.meta || {}"
    )


def wait_for_folded(page, folded: bool) -> None:
    """Until the chart shows lanes folded (some in "N more") or every lane."""
    page.wait_for_function(
        "folded => { const g = document.querySelector('#timeline .js-plotly-plot');"
        " const m = g && g.layout.meta; return m && m.lanes &&"
        " (m.lanes_folded > 0) === folded; }",
        arg=folded,
    )
    page.wait_for_timeout(300)


def lane_labels(page) -> list[str]:
    return page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.annotations"
        ".filter(a => a.yref === 'y').map(a => a.text.replace(/<\\/?b>/g, ''))"
    )


def test_folded_lanes_show_with_the_button_and_the_keyboard(app_page):
    open_app(app_page, "?lanes=tag")
    wait_for_lanes(app_page, "tag")
    wait_for_folded(app_page, True)
    folded = meta(app_page)["lanes_folded"]
    button = app_page.locator("#lanes-more")
    expect(button).to_have_text(f"Show {folded} more lanes")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert lane_labels(app_page)[-1].startswith(f"{folded} more: ")
    no_overlap(app_page)

    button.focus()  # a real button, reached by Tab: Enter and Space work
    app_page.keyboard.press("Enter")
    wait_for_folded(app_page, False)
    expect(app_page).to_have_url(f"{app_page.base}/?lanes=tag&lanes_all=1")
    expect(button).to_have_text("Fewer lanes")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_be_focused()
    assert lane_labels(app_page) == [lane.label for lane in TAGS.lanes]  # each its own label
    texts = no_overlap(app_page)
    assert all(lane.label in texts for lane in TAGS.lanes)

    app_page.keyboard.press("Space")
    wait_for_folded(app_page, True)
    expect(app_page).to_have_url(f"{app_page.base}/?lanes=tag")
    expect(button).to_have_text(f"Show {folded} more lanes")


def test_every_lane_from_a_shared_link_clicks_true_and_passes_axe(app_page):
    open_app(app_page, "?lanes=tag&lanes_all=1&lang=fr")
    wait_for_folded(app_page, False)
    expect(app_page.locator("#lanes-more")).to_have_text("Moins de couloirs")
    no_overlap(app_page)
    last = TAGS.lanes[-1]  # the bottom lane, folded on a laptop's screen
    event = TIMELINE.events.iloc[last.rows[-1]]
    click_event(app_page, event["id"], nth=len(event["tags"]) - 1)
    expect(app_page.locator("#detail-title")).to_have_text(event["title_fr"])
    assert axe_violations(app_page) == []


def test_a_mark_in_n_more_still_opens_its_event(app_page):
    open_app(app_page, "?lanes=tag")
    wait_for_folded(app_page, True)
    drawn = len(TAGS.lanes) - meta(app_page)["lanes_folded"]
    folded_only = next(
        e
        for e in TIMELINE.events.to_dict("records")
        if e["tags"] and not {lane.key for lane in TAGS.lanes[:drawn]} & set(e["tags"])
    )
    click_event(app_page, folded_only["id"])
    expect(app_page.locator("#detail-title")).to_have_text(folded_only["title_en"])
    assert axe_violations(app_page) == []


def test_a_phone_folds_more_lanes_than_a_tall_screen(app_page):
    drawn = {}
    for width, height in ((360, 640), (1280, 1600)):
        app_page.set_viewport_size({"width": width, "height": height})
        open_app(app_page, "?lanes=tag")
        wait_for_lanes(app_page, "tag")
        app_page.wait_for_function(
            "h => { const m = document.querySelector('#timeline .js-plotly-plot').layout.meta;"
            " return m.lanes_rows !== undefined && m.view !== undefined; }",
            arg=height,
        )
        app_page.wait_for_load_state("networkidle")
        now = meta(app_page)
        drawn[width] = now["lanes_total"] - now["lanes_folded"]
        chart = app_page.locator("#timeline").bounding_box()
        assert now["lanes_folded"] == 0 or chart["height"] <= height  # folded: fits the screen
        no_overlap(app_page)
        # nothing wider than the screen (the list's "lane: ..." wraps on a phone)
        assert app_page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert drawn[360] < drawn[1280]


def test_reset_clears_lanes_and_every_lane(app_page):
    open_app(app_page, "?lanes=tag&lanes_all=1")
    wait_for_folded(app_page, False)
    app_page.get_by_role("button", name="Reset filters").click()
    expect(app_page.get_by_role("radio", name="None")).to_be_checked()
    app_page.wait_for_function(
        "() => !document.querySelector('#timeline .js-plotly-plot').layout.meta.lanes"
    )
    expect(app_page).to_have_url(f"{app_page.base}/")
    expect(app_page.locator("#lanes-more")).to_be_hidden()
    app_page.get_by_role("radio", name="By topic").check()  # folded again: lanes_all went too
    wait_for_folded(app_page, True)
    expect(app_page).to_have_url(f"{app_page.base}/?lanes=tag")


def test_no_lanes_by_group_on_data_without_groups(app_page):
    open_app(app_page, "?lanes=group")
    expect(app_page.get_by_role("radio", name="By kind")).to_be_visible()
    expect(app_page.get_by_role("radio", name="By group")).to_have_count(0)
    expect(app_page.locator("#url-notice")).to_contain_text(
        "no groups in this data: lanes by group ignored"
    )
    expect(app_page.get_by_role("radio", name="None")).to_be_checked()
    assert "lanes" not in meta(app_page)


def test_above_max_marks_each_lane_is_drawn_grouped(page, large):
    kinds = split_lanes(large.timeline.events, "kind", large.timeline.vocabulary, "fr")
    with watched(page, large.url):
        open_app(page, "?lanes=kind&lang=fr")
        wait_for_lanes(page, "kind")
        page.wait_for_function(
            "() => document.querySelector('#timeline .js-plotly-plot').layout.meta.lanes_rows"
        )
        assert lane_labels(page) == [lane.label for lane in kinds.lanes]  # all fit: a row each
        no_overlap(page)
        expect(page.locator("#lanes-more")).to_be_hidden()
        assert axe_violations(page) == []
