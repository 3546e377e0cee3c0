"""Previous and Next in the details: a student walks the events of the list in its order,
with the keyboard or the mouse, without going back to the chart or the list."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.view.sorting import sort_events
from tests.browser.conftest import open_app
from tests.browser.test_detail_beside import IN_VIEW, click_mark, open_at_width
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
IDS = list(TIMELINE.events["id"])
# The chart's ring (the trace "selected") is on this event's mark.
RINGED = """id => {
  const data = document.querySelector('#timeline .js-plotly-plot').data;
  const ring = data.find(t => t.name === 'selected');
  const mark = data.flatMap(t => (t.customdata || []).map((c, i) => [c && c[0], t.x[i], t.y[i]]))
    .find(m => m[0] === id);
  return Boolean(ring && mark && ring.x[0] === mark[1] && ring.y[0] === mark[2]);
}"""


def title_of(event_id: str, lang: str = "en") -> str:
    return TIMELINE.event(event_id)[f"title_{lang}"]


def test_next_walks_the_list_with_the_focus_kept_on_it_to_the_end(app_page):
    open_app(app_page)
    app_page.locator(f'#event-list [data-event="{IDS[-3]}"]').focus()
    app_page.keyboard.press("Enter")
    expect(app_page.locator("#detail-title")).to_be_focused()
    # chosen in the list, its title is read: the status line (a live region) says nothing
    expect(app_page.locator("#detail-position")).to_contain_text(f"{len(IDS) - 2} / {len(IDS)}")
    expect(app_page.locator("#detail-position-said")).to_have_text("")
    app_page.keyboard.press("Shift+Tab")  # Previous and Next come just before the title
    next_step = app_page.locator("#detail-next")
    expect(next_step).to_be_focused()
    for event_id in IDS[-2:]:
        app_page.keyboard.press("Enter")
        expect(app_page.locator("#detail-title")).to_have_text(title_of(event_id))
        expect(next_step).to_be_focused()  # Enter again goes on
        expect(app_page).to_have_url(f"{app_page.base}/?event={event_id}")
        expect(app_page.locator(f'#event-list [data-event="{event_id}"]')).to_have_attribute(
            "aria-pressed", "true"
        )
    position = f"{len(IDS)} / {len(IDS)}"
    expect(app_page.locator("#detail-position")).to_contain_text(position)
    expect(app_page.locator("#detail-position")).to_contain_text(
        f"Event {len(IDS)} of {len(IDS)}: {title_of(IDS[-1])}"
    )
    # the last event: Next is there, says it goes nowhere, and does nothing
    expect(next_step).to_have_attribute("aria-disabled", "true")
    app_page.keyboard.press("Enter")
    app_page.wait_for_timeout(400)
    expect(app_page.locator("#detail-title")).to_have_text(title_of(IDS[-1]))
    expect(next_step).to_be_focused()
    # Previous goes back; Escape closes, on the list's item of the event shown last
    app_page.locator("#detail-previous").click()
    expect(app_page.locator("#detail-title")).to_have_text(title_of(IDS[-2]))
    app_page.keyboard.press("Escape")
    expect(app_page.locator("#detail-title")).to_have_count(0)
    expect(app_page.locator(f'#event-list [data-event="{IDS[-2]}"]')).to_be_focused()


def test_the_steps_follow_the_filters_and_the_lists_order_in_french(app_page):
    open_app(app_page, "?lang=fr&kind=trial&sort=title")
    trials = TIMELINE.events[TIMELINE.events["kind"] == "trial"]
    by_title = list(sort_events(trials, "title", "fr", TIMELINE.vocabulary)["id"])
    app_page.locator(f'#event-list [data-event="{by_title[0]}"]').click()
    expect(app_page.locator("#detail-title")).to_have_text(title_of(by_title[0], "fr"))
    expect(app_page.locator("#detail-previous")).to_have_attribute("aria-disabled", "true")
    for event_id in by_title[1:3]:
        app_page.locator("#detail-next").click()
        expect(app_page.locator("#detail-title")).to_have_text(title_of(event_id, "fr"))
    expect(app_page.locator("#detail-next")).to_contain_text("Suivant")
    expect(app_page.locator("#detail-position")).to_contain_text(f"3 / {len(by_title)}")
    expect(app_page.locator("#detail-nav")).to_have_attribute(
        "aria-label", "Les événements dans l'ordre de la liste"
    )


def test_beside_the_chart_the_steps_stay_in_view_and_the_chart_rings_each_event(app_page):
    open_at_width(app_page)
    click_mark(app_page, "vertos-2-2010")
    expect(app_page.locator("#detail-title")).to_be_focused()
    row = IDS.index("vertos-2-2010")
    for event_id in IDS[row + 1 : row + 4]:
        app_page.locator("#detail-next").click()
        expect(app_page.locator("#detail-title")).to_have_text(title_of(event_id))
        app_page.wait_for_function(RINGED, arg=event_id)
    # scrolled to its references, the details keep Previous and Next at their top
    app_page.evaluate("document.getElementById('event-detail').scrollTop = 10000")
    app_page.wait_for_timeout(200)
    assert app_page.evaluate(IN_VIEW, "#detail-next")
    assert app_page.evaluate(IN_VIEW, "#timeline")
    assert app_page.evaluate("scrollY") == 0
    # in the narrow column, the title each goes to is its tooltip, not text cut short
    expect(app_page.locator("#detail-next-title")).to_be_hidden()
    expect(app_page.locator("#detail-next")).to_have_attribute("title", title_of(IDS[row + 4]))


def test_where_the_details_are_wide_each_step_names_the_event_it_goes_to(app_page):
    app_page.set_viewport_size({"width": 900, "height": 800})
    open_app(app_page, f"?embed=1&event={IDS[5]}")
    expect(app_page.locator("#detail-next-title")).to_be_visible()
    expect(app_page.locator("#detail-next-title")).to_have_text(title_of(IDS[6]))
    expect(app_page.locator("#detail-previous-title")).to_have_text(title_of(IDS[4]))
    app_page.locator("#detail-next").click()
    expect(app_page.locator("#detail-title")).to_have_text(title_of(IDS[6]))
    expect(app_page).to_have_url(f"{app_page.base}/?event={IDS[6]}&embed=1")


def test_a_zoomed_chart_pans_to_an_event_chosen_outside_it_and_keeps_its_zoom(app_page):
    open_app(app_page, "?x0=1985&x1=1995")
    app_page.locator('#event-list [data-event="vertos-2-2010"]').click()
    expect(app_page.locator("#detail-title")).to_have_text(title_of("vertos-2-2010"))
    expect(app_page).to_have_url(re.compile(r"event=vertos-2-2010&x0=2005\.\d+&x1=2015\.\d+$"))
    app_page.wait_for_function(RINGED, arg="vertos-2-2010")
    app_page.wait_for_function(  # the redraw for the new range (after the address's)
        "() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range[0] > 2000"
    )
    low, high = app_page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range"
    )
    assert high - low == pytest.approx(10)  # the zoom kept
    ring = app_page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').data"
        ".find(t => t.name === 'selected').x[0]"
    )
    assert low + 4 < ring < high - 4  # brought to the middle
    # the next event is in view already: the chart stays where it is
    app_page.locator("#detail-next").click()
    expect(app_page.locator("#detail-title")).to_have_text(
        title_of(IDS[IDS.index("vertos-2-2010") + 1])
    )
    app_page.wait_for_timeout(500)
    assert app_page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range"
    ) == [low, high]


def test_on_the_details_title_the_arrow_keys_step_and_the_focus_follows(app_page):
    open_app(app_page, "?lang=fr")
    app_page.locator(f'#event-list [data-event="{IDS[1]}"]').focus()
    app_page.keyboard.press("Enter")
    title = app_page.locator("#detail-title")
    expect(title).to_be_focused()
    app_page.keyboard.press("ArrowRight")
    expect(title).to_have_text(title_of(IDS[2], "fr"))
    expect(title).to_be_focused()
    expect(title).to_have_attribute("data-shows", IDS[2])
    for event_id in (IDS[1], IDS[0], IDS[0]):  # the first: Left goes nowhere
        app_page.keyboard.press("ArrowLeft")
        expect(title).to_have_text(title_of(event_id, "fr"))
        expect(title).to_be_focused()
    # the whole timeline is in view: the chart did not pan (no x0, x1 in the address)
    expect(app_page).to_have_url(f"{app_page.base}/?lang=fr&event={IDS[0]}")
    # a search typed at once after Escape keeps the focus (the list's item, which Escape
    # gives it back to once the list is drawn again, does not take it), and there the
    # arrow keys move the caret
    app_page.keyboard.press("Escape")
    app_page.locator("#search").fill("abc")
    app_page.locator("#search").press("ArrowLeft")
    app_page.wait_for_timeout(300)
    expect(title).to_have_count(0)
    assert app_page.evaluate(
        "() => { const b = document.getElementById('search'); return [b.value, b.selectionStart, document.activeElement.id]; }"
    ) == ["abc", 2, "search"]


def test_on_a_phone_the_steps_stay_at_hand_as_the_details_are_read(app_page):
    app_page.set_viewport_size({"width": 390, "height": 844})
    open_app(app_page, "?event=vertos-2-2010&lang=fr")
    app_page.evaluate("document.querySelector('#event-detail .references').scrollIntoView()")
    app_page.wait_for_timeout(200)
    assert app_page.evaluate("scrollY") > 300  # the page scrolled, not the details
    assert app_page.evaluate(IN_VIEW, "#detail-next")
    app_page.locator("#detail-next").click()
    row = IDS.index("vertos-2-2010")
    expect(app_page.locator("#detail-title")).to_have_text(title_of(IDS[row + 1], "fr"))
