"""The list under the chart, redrawn in two parts (assets/event-list.js): the first 100
items with the chart, the others just after that frame. What a person gets in the end is
the whole list, in order, with nothing left from the list before."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.event_list import MAX_ITEMS
from core.load.text import fold
from tests.browser.conftest import LiveServer, open_app, watched
from tests.support.synth import write_timeline

FIRST = 100  # assets/event-list.js

# Every length the list has had since `watchList()`: one entry per batch of changes.
WATCH = """() => {
  const list = document.getElementById('event-list');
  window.listLengths = [];
  new MutationObserver(() => window.listLengths.push(list.children.length))
    .observe(list, {childList: true});
}"""

# A list as the server sends it (components/event_list.py `entries`), of `n` events.
ENTRIES = """n => ({
  items: Array.from({length: n}, (_, i) => ({id: 'made-' + i, when: String(1900 + i),
    title: 'Made ' + i, glyph: '●', colour: '#000000', kind: 'Kind', sourced: true,
    thumb: null, lane: null})),
  selected: null, empty: null, more: null, no_source: {mark: '?', title: '?'}
})"""


@pytest.fixture(scope="module")
def long_server(tmp_path_factory):
    server = LiveServer(write_timeline(MAX_ITEMS + 100, tmp_path_factory.mktemp("long")))
    yield server
    server.stop()


@pytest.fixture
def long_page(page, long_server):
    page.base = long_server.url
    with watched(page, long_server.url):
        yield page


def test_a_redraw_shows_the_first_hundred_with_the_chart_then_the_whole_list(long_page):
    open_app(long_page)
    items = long_page.locator("#event-list .event-item")
    expect(items).to_have_count(MAX_ITEMS)
    long_page.evaluate(WATCH)
    long_page.locator("#list-sort input[value='title']").check()
    long_page.wait_for_function(f"() => window.listLengths.at(-1) === {MAX_ITEMS + 1}")
    expect(long_page.locator("#event-list li").last).to_have_class("empty list-more")
    expect(items).to_have_count(MAX_ITEMS)
    lengths = long_page.evaluate("window.listLengths")
    assert lengths[0] == FIRST, lengths  # the frame with the chart
    assert lengths[-1] == MAX_ITEMS + 1, lengths  # then every item, and the note
    titles = [
        fold(title) for title in long_page.locator("#event-list .event-title").all_text_contents()
    ]
    assert titles == sorted(titles)  # in the order asked for, across the two parts


def test_a_list_drawn_again_before_its_rest_came_keeps_nothing_of_it(long_page):
    open_app(long_page)
    long_page.evaluate(
        f"""() => {{ const entries = ({ENTRIES});
            window.eventList.draw(entries(250));
            window.eventList.draw(entries(3)); }}"""
    )
    long_page.wait_for_timeout(300)  # well past the frame the first list's rest awaited
    expect(long_page.locator("#event-list .event-item")).to_have_count(3)


def test_a_focused_item_far_down_keeps_the_focus_through_a_redraw(long_page):
    open_app(long_page)
    long_page.evaluate(f"() => window.eventList.draw(({ENTRIES})(250))")
    far = long_page.locator("#event-list .event-item").nth(FIRST + 50)
    far.focus()
    focused = long_page.evaluate(
        f"""() => {{ window.eventList.draw(({ENTRIES})(250));
            return document.activeElement.getAttribute('data-event'); }}"""
    )
    assert focused == f"made-{FIRST + 50}"


def test_the_first_hundred_do_not_move_when_the_rest_comes(long_page):
    """In two columns, the first items stand in the first column until the rest has come,
    where they stay: balanced over both columns at once, the second column's items would
    be replaced a frame later."""
    open_app(long_page)
    assert (
        long_page.evaluate("getComputedStyle(document.getElementById('event-list')).columnCount")
        == "2"
    )
    long_page.evaluate(
        """() => { const list = document.getElementById('event-list');
            const where = () => Array.from(list.querySelectorAll('.event-item'))
              .slice(0, 100).map(item => { const box = item.getBoundingClientRect();
                                           return [Math.round(box.x), Math.round(box.y)]; });
            window.places = [];
            new MutationObserver(() => window.places.push(where()))
              .observe(list, {childList: true}); }"""
    )
    long_page.locator("#list-sort input[value='title']").check()
    long_page.wait_for_function("() => window.places.length >= 2")
    first, last = long_page.evaluate("[window.places[0], window.places.at(-1)]")
    assert len(first) == FIRST
    assert first == last
