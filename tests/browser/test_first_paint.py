"""The page's first view, drawn by the server: there before any script runs, replaced by
the interactive chart without anything moving, clean for axe."""

from __future__ import annotations

import pytest

from components.timeline import plot_width
from core.chart.figure import figure_dict
from core.chart.options import FigureOptions
from core.chart.ticks import ticks
from core.load.loader import load_timeline
from tests.browser.conftest import axe_violations as _axe
from tests.browser.conftest import open_app, watched
from tests.conftest import BUILT_IN

FIRST_MARKS = """() => Object.fromEntries([...document.querySelectorAll(
    '#first-view [data-event-id]')].filter(e => e.getBoundingClientRect().width > 0).map(e => {
    const r = e.getBoundingClientRect();
    return [e.getAttribute('data-event-id'), [r.x + r.width / 2, r.y + r.height / 2]]; }))"""
PLOTLY_MARKS = """() => { const out = {};
    document.querySelectorAll('#timeline .scatterlayer .point').forEach(p => {
      const d = p.__data__; const r = p.getBoundingClientRect();
      if (d && d.data && d.data[0] && !(d.data[0] in out)) {
        out[d.data[0]] = [r.x + r.width / 2, r.y + r.height / 2]; } });
    return out; }"""
TEXTS = """([box, selector]) => [...document.querySelectorAll(box + ' ' + selector)]
    .filter(e => e.getBoundingClientRect().width > 0).map(e => {
    const r = e.getBoundingClientRect(); return [e.textContent, Math.round(r.x), Math.round(r.y)]; })"""
PACKED = "() => document.querySelector('#timeline .js-plotly-plot').layout.meta"
GRAPH_WIDTH = "() => Math.round(document.getElementById('timeline').getBoundingClientRect().width)"
BOX = """s => { const r = document.querySelector(s).getBoundingClientRect();
    return [r.x, r.y, r.width, r.height]; }"""
# Before any page script: note where the interactive chart's marks, labels and ticks are at
# the moment the first view goes (later, a phone's chart is redrawn for its real width).
AT_SWAP = (
    """
window.__shifts = [];  // [when, how much]: Chromium's layout-shift entries
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) { window.__shifts.push([e.startTime, e.value]); } }))
  .observe({type: 'layout-shift', buffered: true});
document.addEventListener('DOMContentLoaded', () => {
  const watch = new MutationObserver(() => {
    if (document.getElementById('first-view')) { return; }
    watch.disconnect();
    const texts = """
    + TEXTS
    + """;
    window.__atSwap = {
      when: performance.now(),
      chart: ("""
    + BOX
    + """)('#timeline'),
      marks: ("""
    + PLOTLY_MARKS
    + """)(),
      labels: texts(['#timeline', '.textpoint text']),
      ticks: texts(['#timeline', '.xtick text']),
      said: [...document.querySelectorAll('#events-heading, #reset, #key-title, #skip-link')]
        .map(e => e.textContent),
    };
  });
  watch.observe(document.body, {childList: true});
});
"""
)


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def first_view_of(page, url: str) -> dict:
    page.goto(url)
    return {
        "marks": page.evaluate(FIRST_MARKS),
        "labels": page.evaluate(TEXTS, ["#first-view", ".first-chart-labels text"]),
        "ticks": page.evaluate(TEXTS, ["#first-view", ".first-chart-ticks text"]),
        "chart": page.evaluate(BOX, "#first-view .first-graph"),
        "said": page.evaluate(
            """() => ['#fp-events-heading', '#fp-reset', '#fp-key-title', '#fp-skip-link']
                .map(s => document.querySelector(s)).filter(Boolean).map(e => e.textContent)"""
        ),
    }


@pytest.mark.parametrize("width", [1280, 360])
def test_without_scripts_the_chart_its_labels_and_the_list_are_there(
    no_script_page, live_server, width
):
    no_script_page.set_viewport_size({"width": width, "height": 800})
    first = first_view_of(no_script_page, live_server.url + "/")
    events = load_timeline(BUILT_IN).events
    assert set(first["marks"]) == set(events["id"])
    assert len(first["labels"]) == len(events)
    assert [text for text, _, _ in first["ticks"]]
    for x, y in first["marks"].values():  # inside the chart's box, on the page
        left, top, w, h = first["chart"]
        assert left - 20 <= x <= left + w + 20 and top <= y <= top + h
    items = no_script_page.locator("#first-view .event-item")
    assert items.count() == len(events)
    assert (
        no_script_page.locator("#first-view #fp-event-count")
        .inner_text()
        .startswith(f"{len(events)} of")
    )


def test_without_scripts_the_lists_events_open_their_details(no_script_page, live_server):
    """Each item is a link to the address with its event: the server draws the details."""
    no_script_page.goto(live_server.url + "/?lang=fr&kind=trial")
    no_script_page.click("#fp-event-list [data-first-event='vertos-2-2010']")
    no_script_page.wait_for_url("**event=vertos-2-2010**")
    assert "kind=trial" in no_script_page.url and "lang=fr" in no_script_page.url
    title = no_script_page.text_content("#fp-detail-title")
    assert title == "Essai randomisé ouvert VERTOS II"
    selected = no_script_page.get_attribute(
        "#fp-event-list [data-first-event='vertos-2-2010']", "aria-current"
    )
    assert selected == "true"


def test_when_the_pages_scripts_never_come_the_list_still_opens_events(page, live_server):
    """A plain click waits for the interactive page; 15 s without it, the link is followed."""
    page.route(
        "**/_dash-component-suites/**",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )
    page.goto(live_server.url + "/")
    item = "#fp-event-list [data-first-event='vertos-2-2010']"
    page.click(item)
    page.wait_for_timeout(300)
    assert "event=" not in page.url  # waiting for the interactive page
    page.wait_for_function("() => performance.now() > 15000", timeout=20000)
    page.click(item)
    page.wait_for_url("**event=vertos-2-2010**")
    assert page.text_content("#fp-detail-title") == "VERTOS II open randomised trial"


@pytest.mark.parametrize(
    ("query", "width"),
    [
        ("", 1280),
        ("", 360),
        ("?kind=trial,publication&event=vertos-2-2010", 1280),
        ("?lang=fr&event=vertos-2-2010", 1280),
        ("?lang=fr", 360),
        ("?lanes=kind", 1280),
        ("", 1920),  # wider than the first view was packed for: its packing is kept
        ("", 390),
        ("?lang=fr", 768),
    ],
    ids=[
        "desktop",
        "phone",
        "address",
        "french",
        "french-phone",
        "lanes",
        "wide",
        "phone-390",
        "french-tablet",
    ],
)
def test_the_interactive_chart_takes_its_place_without_moving_anything(
    no_script_page, page, live_server, query, width
):
    no_script_page.set_viewport_size({"width": width, "height": 800})
    first = first_view_of(no_script_page, live_server.url + "/" + query)
    assert first["marks"]
    page.set_viewport_size({"width": width, "height": 800})
    with watched(page, live_server.url):
        page.add_init_script(AT_SWAP)
        page.goto(live_server.url + "/" + query)
        page.wait_for_function("() => window.__atSwap")
        at_swap = page.evaluate("window.__atSwap")
        page.wait_for_timeout(200)
        # From the frame before the first view goes; before, the first view alone is on
        # screen, and only the web fonts' arrival moves its text (at 360 px the title
        # takes one line less: 0.033).
        shifts = sum(
            value
            for when, value in page.evaluate("window.__shifts")
            if when >= at_swap["when"] - 20
        )
        page.wait_for_load_state("networkidle")
    chart, drawn, labels = at_swap["chart"], at_swap["marks"], at_swap["labels"]
    plotly_ticks = at_swap["ticks"]
    assert chart == pytest.approx(first["chart"], abs=1)
    assert set(drawn) == set(first["marks"])
    for event_id, (x, y) in first["marks"].items():
        assert drawn[event_id] == pytest.approx([x, y], abs=1), event_id
    assert sorted(labels) == sorted(first["labels"]) or all(
        abs(a[1] - b[1]) <= 1 and abs(a[2] - b[2]) <= 1 and a[0] == b[0]
        for a, b in zip(sorted(labels), sorted(first["labels"]), strict=True)
    )
    assert [t for t, _, _ in plotly_ticks] == [t for t, _, _ in first["ticks"]]
    assert shifts < 0.01  # Chromium's own measure of layout shift
    # What takes the first view's place speaks the same language (no flash of another)
    assert sorted(at_swap["said"]) == sorted(first["said"])


def test_the_ticks_follow_plotlys_choice_at_any_range(app_page):
    app_page.goto(app_page.base + "/")
    app_page.wait_for_function("() => !document.getElementById('first-view')")
    for first, last in [(1990, 1991), (1900, 2030), (-500, 2000), (1995.5, 2012.25)]:
        shown = app_page.evaluate(
            """async ([a, b]) => { const gd = document.querySelector('#timeline .js-plotly-plot');
                 await Plotly.relayout(gd, {'xaxis.range': [a, b]});
                 return gd._fullLayout.xaxis._vals.map(v => v.x); }""",
            [first, last],
        )
        nticks = app_page.evaluate(
            "() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.nticks"
        )
        assert shown == pytest.approx(ticks(first, last, nticks)), (first, last)


@pytest.mark.parametrize("width", [1280, 360])
def test_the_first_view_is_clean_for_axe(page, live_server, width):
    # The page's scripts never arrive: what is left is the first view, as a slow or
    # script-less browser shows it.
    page.set_viewport_size({"width": width, "height": 800})
    page.route(
        "**/_dash-component-suites/**",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )
    page.goto(live_server.url + "/?event=vertos-2-2010")
    assert page.locator("#first-view [data-event-id]").count() > 0
    assert _axe(page) == []


def test_a_second_visit_on_a_phone_opens_packed_for_it_and_nothing_moves(app_page):
    app_page.set_viewport_size({"width": 360, "height": 740})
    app_page.goto(app_page.base + "/")
    app_page.wait_for_function("() => document.cookie.includes('chart_width=')")  # the first visit
    app_page.wait_for_load_state("networkidle")
    app_page.add_init_script(AT_SWAP)
    app_page.goto(app_page.base + "/")  # the second
    app_page.wait_for_function("() => window.__atSwap")
    at_swap = app_page.evaluate("window.__atSwap")
    app_page.wait_for_load_state("networkidle")
    app_page.wait_for_timeout(300)
    # No redraw for the width: the chart is as the first view was (the earlier test shows
    # the two agree at the swap), 900 px tall rather than the 660 px of a wider screen.
    assert app_page.evaluate(BOX, "#timeline") == pytest.approx(at_swap["chart"], abs=1)
    assert at_swap["chart"][3] > 700


def test_dashs_scripts_are_fetched_once_the_first_view_is_on_screen(page, live_server):
    """Fetched and compiled while the first frame was rastered, Dash's 2 MB of script held
    that frame back by 100-200 ms on two cores (bench/README.md); now they wait for it."""
    page.goto(live_server.url + "/")
    page.wait_for_selector("#timeline .js-plotly-plot .scatterlayer .point")  # Dash ran
    shown = page.evaluate(
        """() => performance.getEntriesByType('paint')
            .filter(e => e.name === 'first-contentful-paint').map(e => e.startTime)[0]"""
    )
    fetched = page.evaluate(
        """() => performance.getEntriesByType('resource')
            .filter(r => /dash_renderer|plotly-basic|react-dom/.test(r.name))
            .map(r => r.startTime)"""
    )
    assert shown is not None and len(fetched) == 3
    assert min(fetched) >= shown


def test_opening_the_page_asks_the_server_only_for_the_address_and_the_width(page, live_server):
    """The page holds its first view: opening it asks for nothing more than the address's
    check and the chart's redraw for the width it reported (a store starting as None sent
    the redraw and the details once more, components/urlsync.py)."""
    asked = []
    page.on(
        "request",
        lambda r: (
            asked.append(r.post_data_json["output"])
            if r.method == "POST" and "_dash-update-component" in r.url
            else None
        ),
    )
    page.goto(live_server.url + "/")
    page.wait_for_selector("#timeline .js-plotly-plot .scatterlayer .point")
    page.wait_for_load_state("networkidle")
    assert not [output for output in asked if "event-detail" in output], asked
    assert len([output for output in asked if "timeline.figure" in output]) <= 1, asked


def _held_until_acted(page, url: str, act) -> None:
    """Open `url` with Dash's layout held back, so that the first view stays on the screen
    (as on a slow laptop) while `act` uses it; then let the interactive page come."""
    held = []
    page.route("**/_dash-layout", lambda route: held.append(route))
    page.goto(url)
    page.wait_for_selector("#first-view")
    act(page)
    page.wait_for_function("() => true")  # a round trip: the page has seen the clicks
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    held[0].continue_()
    page.wait_for_function("() => !document.getElementById('first-view')")
    page.wait_for_load_state("networkidle")


def test_a_search_and_filters_set_before_the_page_is_ready_are_kept(app_page):
    """Typed and ticked in the first view, they were taken back when the interactive page
    took its place (seconds on a school's laptop): the person saw their search vanish."""

    def act(page):
        page.click("#fp-lang input[value=fr]")
        page.click("#fp-filter-kind input[value=trial]")
        page.click("#fp-list-sort input[value=title]")
        page.click("#fp-search")
        page.keyboard.type("cyphoplastie")

    _held_until_acted(app_page, app_page.base + "/", act)
    app_page.wait_for_function(
        "() => document.getElementById('event-count').textContent.startsWith('7 ')"
    )
    assert app_page.evaluate("document.documentElement.lang") == "fr"
    assert app_page.input_value("#search") == "cyphoplastie"
    unticked = app_page.evaluate(
        "[...document.querySelectorAll('#filter-kind input')].filter(e => !e.checked)"
        ".map(e => e.value)"
    )
    assert unticked == ["trial"]
    assert app_page.is_checked("#list-sort input[value=title]")
    assert app_page.evaluate("document.activeElement.id") == "search"  # typing goes on
    titles = app_page.locator("#event-list .event-title").all_text_contents()
    assert titles == sorted(titles, key=str.casefold) and len(titles) == 7
    app_page.wait_for_function("() => location.search.includes('q=cyphoplastie')")
    assert "lang=fr" in app_page.url and "sort=title" in app_page.url


def test_an_event_chosen_before_the_page_is_ready_opens_once_it_is(app_page):
    _held_until_acted(
        app_page,
        app_page.base + "/",
        lambda page: page.click("#fp-event-list [data-first-event='vertos-2-2010']"),
    )
    app_page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'detail-title'"
    )
    assert app_page.text_content("#detail-title") == "VERTOS II open randomised trial"
    assert "event=vertos-2-2010" in app_page.url
    app_page.keyboard.press("Escape")  # back to where the person chose it: the list
    app_page.wait_for_function(
        "() => document.activeElement.getAttribute('data-event') === 'vertos-2-2010'"
    )


def test_an_event_opened_in_a_new_tab_from_the_first_view_is_left_to_that_tab(app_page):
    tabs = []

    def act(page):
        with page.context.expect_page() as opened:
            page.click("#fp-event-list [data-first-event='vertos-2-2010']", modifiers=["Control"])
        tabs.append(opened.value)

    _held_until_acted(app_page, app_page.base + "/", act)
    tabs[0].wait_for_load_state()
    assert "event=vertos-2-2010" in tabs[0].url
    app_page.wait_for_timeout(500)  # the replay, if any, would have chosen it by now
    assert "event=" not in app_page.url
    assert app_page.locator("#event-list [aria-pressed='true']").count() == 0


def test_a_mark_clicked_on_the_first_views_chart_opens_its_event_once_the_page_is_ready(
    app_page,
):
    """On a slow laptop the first view's chart is there seconds before the interactive one
    (3.8 s with the CPU slowed four times): a click on a mark was lost."""
    mark = "#first-view [data-event-id='vertos-2-2010']:visible"
    _held_until_acted(app_page, app_page.base + "/", lambda page: page.locator(mark).first.click())
    app_page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'detail-title'"
    )
    assert app_page.text_content("#detail-title") == "VERTOS II open randomised trial"
    assert "event=vertos-2-2010" in app_page.url
    app_page.keyboard.press("Escape")  # back to the chart, as after a click on its mark
    app_page.wait_for_function("() => document.activeElement.id === 'chart-section'")


@pytest.mark.parametrize("presses", [1, 2])
def test_on_a_phone_the_filters_stay_as_the_first_view_left_them(app_page, presses):
    """Opened (or opened and closed) in the first view, however early: the interactive
    page's filters are as the person last saw them, not folded again at the swap."""
    app_page.set_viewport_size({"width": 390, "height": 800})
    seen = {}

    def act(page):
        for _ in range(presses):
            page.click("#fp-filters-toggle")
        seen["open"] = page.get_attribute("#fp-filters-toggle", "aria-expanded")

    _held_until_acted(app_page, app_page.base + "/", act)
    expected = "true" if presses == 1 else "false"
    assert seen["open"] == expected
    assert app_page.get_attribute("#filters-toggle", "aria-expanded") == expected
    assert app_page.is_visible("#filter-kind") == (presses == 1)


def test_a_first_visit_wider_than_its_first_view_keeps_that_packing_until_a_resize(app_page):
    """The first view is packed for a 1280 px screen; on a wider one the interactive chart
    keeps that packing (its labels fit, with room to spare, and nothing moves at the swap)
    until the window is resized, and the next visit is packed for the real width."""
    app_page.set_viewport_size({"width": 1920, "height": 1080})
    open_app(app_page)
    packed = (
        """() => document.querySelector('#timeline .js-plotly-plot').layout.meta.plot_width_px"""
    )
    assert app_page.evaluate(packed) == FigureOptions.plot_width_px
    width = app_page.evaluate(
        "() => Math.round(document.getElementById('timeline').getBoundingClientRect().width)"
    )
    assert f"chart_width={width}" in app_page.evaluate("document.cookie")  # the real width
    app_page.set_viewport_size({"width": 1600, "height": 1000})
    room = app_page.evaluate(
        "() => Math.round(document.getElementById('timeline').getBoundingClientRect().width)"
    )
    app_page.wait_for_function(f"() => ({packed})() === {plot_width(room)}")
    assert plot_width(room) > FigureOptions.plot_width_px


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_a_first_visit_packed_as_its_page_came_sends_no_redraw_for_its_width(app_page, size):
    """Where the chart has the packing the page came with (a 1280 px screen, a wider one
    keeping it), nothing is asked for its width: the chart was drawn a second time, the
    same, on every first visit. What comes after is packed for that same width."""
    width, height = size
    app_page.set_viewport_size({"width": width, "height": height})
    app_page.add_init_script(
        """window.__draws = 0; document.addEventListener('DOMContentLoaded', () => {
          const wait = setInterval(() => {
            const graph = document.querySelector('#timeline .js-plotly-plot');
            if (graph && graph.on) { clearInterval(wait); graph.on('plotly_afterplot',
              () => { window.__draws += 1; }); } }, 5); });"""
    )
    asked = []
    app_page.on(
        "request",
        lambda r: (
            asked.append(r.post_data_json)
            if "_dash-update-component" in r.url and "timeline.figure" in (r.post_data or "")
            else None
        ),
    )
    open_app(app_page)
    app_page.wait_for_timeout(500)
    widths = [a for a in asked if "chart-width.data" in a.get("changedPropIds", [])]
    assert widths == []
    assert app_page.evaluate("window.__draws") == 1
    cookie = app_page.evaluate("document.cookie")  # the real width, for the next visit
    assert f"chart_width={app_page.evaluate(GRAPH_WIDTH)}" in cookie
    app_page.click("#filter-kind input[type=checkbox]")  # a redraw, for the same packing
    app_page.wait_for_function("() => window.__draws === 2")
    assert app_page.evaluate(PACKED)["plot_width_px"] == FigureOptions.plot_width_px
    app_page.set_viewport_size({"width": 1000, "height": 800})  # a new size: packed for it
    app_page.wait_for_function(f"() => ({PACKED})().plot_width_px < {FigureOptions.plot_width_px}")
    assert app_page.evaluate(PACKED)["plot_width_px"] == plot_width(app_page.evaluate(GRAPH_WIDTH))


@pytest.mark.parametrize(
    ("width", "lang"),
    [(1024, "en"), (1024, "fr"), (320, "en")],
    ids=["projector", "projector-french", "small-phone"],
)
def test_a_first_visit_narrower_than_its_first_view_keeps_its_height_until_a_resize(
    no_script_page, page, live_server, width, lang
):
    """The first view is packed for a 1280 px screen or a 360 px phone. On a narrower one
    (a 1024 px projector, a 320 px phone), the interactive chart is packed for its own
    width in the first view's height, its labels shorter: nothing under it moves when it
    takes the first view's place. A resize packs it for the new width, freely."""
    url = f"{live_server.url}/?lang={lang}"
    no_script_page.set_viewport_size({"width": width, "height": 800})
    first = first_view_of(no_script_page, url)
    page.set_viewport_size({"width": width, "height": 800})
    with watched(page, live_server.url):
        page.add_init_script(AT_SWAP)
        page.goto(url)
        page.wait_for_function("() => window.__atSwap")
        at_swap = page.evaluate("window.__atSwap")
        real = plot_width(page.evaluate(GRAPH_WIDTH))
        page.wait_for_function(f"() => ({PACKED})().plot_width_px === {real}")
        page.wait_for_load_state("networkidle")
        shifts = sum(
            v for when, v in page.evaluate("window.__shifts") if when >= at_swap["when"] - 20
        )
        assert at_swap["chart"] == pytest.approx(first["chart"], abs=1)
        assert page.evaluate(BOX, "#timeline") == pytest.approx(first["chart"], abs=1)
        assert shifts < 0.01  # Chromium's own measure of layout shift
        timeline = load_timeline(BUILT_IN)
        free = figure_dict(
            timeline.events,
            timeline.vocabulary,
            timeline.eras,
            FigureOptions(lang=lang, plot_width_px=real),
        )
        assert free["layout"]["height"] > first["chart"][3]  # packed freely: taller
        # every event still has its label, if shorter, and none is cut by the chart's edge
        labels = page.evaluate(TEXTS, ["#timeline", ".textpoint text"])
        assert len([text for text, _, _ in labels if text]) == len(timeline.events)
        graph = page.evaluate(BOX, "#timeline")
        assert all(graph[0] <= x <= graph[0] + graph[2] for _, x, _ in labels)

        page.set_viewport_size({"width": width + 60, "height": 800})
        wider = plot_width(page.evaluate(GRAPH_WIDTH))
        options = FigureOptions(lang=lang, plot_width_px=wider)
        free = figure_dict(timeline.events, timeline.vocabulary, timeline.eras, options)
        height = free["layout"]["height"]
        page.wait_for_function(
            f"""() => ({PACKED})().plot_width_px === {wider} && Math.round(
                document.getElementById('timeline').getBoundingClientRect().height) === {height}"""
        )
        assert height > first["chart"][3]
