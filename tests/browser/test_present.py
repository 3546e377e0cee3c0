"""Lecture mode in a real Chromium: keys, the address, build mode, the presenter view, size."""

from __future__ import annotations

import re
import struct

import pytest
from playwright.sync_api import expect

from core.load.loader import load_timeline
from tests.browser.conftest import axe_violations, wait_present_drawn
from tests.conftest import BUILT_IN
from tests.support.chart_boxes import covered
from tests.support.svg_boxes import svg_boxes

TIMELINE = load_timeline(BUILT_IN)
IDS = list(TIMELINE.events["id"])
TITLES = dict(zip(IDS, TIMELINE.events["title_en"], strict=True))
MARKS = "#present-graph .scatterlayer .trace .point"
RING = "#present-graph .present-focus .present-ring"  # drawn over the chart (present.js)


def open_present(page, path: str = "") -> None:
    page.goto(page.base + "/present/" + path)
    page.wait_for_selector(MARKS)
    expect(page.locator("#present-title")).not_to_be_empty()
    # the keys act on the deck the server sent, and the step is drawn again for the
    # chart's real size: wait for both
    wait_present_drawn(page)


def expect_event(page, event_id: str) -> None:
    expect(page.locator("#present-title")).to_have_text(TITLES[event_id])
    assert re.search(rf"/present/{event_id}(\?|$)", page.url), page.url


@pytest.mark.parametrize(
    ("start", "keys", "end"),
    [
        (0, ["ArrowRight"], 1),
        (0, ["ArrowDown", "Space", "PageDown"], 3),
        (5, ["ArrowLeft", "ArrowUp", "PageUp"], 2),
        (5, ["End"], len(IDS) - 1),
        (5, ["Home"], 0),
        (len(IDS) - 1, ["ArrowRight"], len(IDS) - 1),  # the last event stays the last
    ],
)
def test_keys_step_through_the_events(app_page, start, keys, end):
    open_present(app_page, IDS[start])
    expect_event(app_page, IDS[start])
    for key in keys:
        app_page.keyboard.press(key)
    expect_event(app_page, IDS[end])


def test_reload_and_a_shared_link_land_on_the_same_event_back_and_forward_step(app_page):
    open_present(app_page, "?kind=guideline")
    guidelines = list(TIMELINE.events[TIMELINE.events["kind"] == "guideline"]["id"])
    expect_event(app_page, guidelines[0])
    expect(app_page.locator("#present-step")).to_have_text(f"1 / {len(guidelines)}")
    app_page.keyboard.press("ArrowRight")
    app_page.keyboard.press("ArrowRight")
    expect_event(app_page, guidelines[2])
    assert "kind=guideline" in app_page.url
    app_page.reload()
    expect_event(app_page, guidelines[2])
    expect(app_page.locator("#present-step")).to_have_text(f"3 / {len(guidelines)}")
    app_page.go_back()
    expect_event(app_page, guidelines[1])
    app_page.go_back()
    expect_event(app_page, guidelines[0])
    app_page.go_forward()
    expect_event(app_page, guidelines[1])
    shared = app_page.context.new_page()
    shared.goto(app_page.url)
    expect(shared.locator("#present-title")).to_have_text(TITLES[guidelines[1]])
    shared.close()


def test_an_ordered_list_of_ids_is_presented_in_its_order(app_page):
    chosen = ["nice-ta279-2013", "galibert-amiens-1984", "invest-nejm-2009"]
    open_present(app_page, "?ids=" + ",".join(chosen))
    for event_id in chosen:
        expect_event(app_page, event_id)
        app_page.keyboard.press("PageDown")
    expect(app_page.locator("#present-step")).to_have_text("3 / 3")


def test_build_mode_draws_only_the_events_reached(app_page):
    open_present(app_page, IDS[2] + "?build=1")
    expect(app_page.locator(MARKS)).to_have_count(3)
    expect(app_page.locator(RING)).to_have_count(1)  # round the current one
    axis = app_page.locator("#present-graph .xtick text").all_text_contents()
    app_page.keyboard.press("ArrowRight")
    expect(app_page.locator(MARKS)).to_have_count(4)
    app_page.keyboard.press("End")
    expect(app_page.locator(MARKS)).to_have_count(len(IDS))
    expect(app_page.locator(RING)).to_have_count(1)
    assert app_page.locator("#present-graph .xtick text").all_text_contents() == axis


def test_without_build_mode_every_event_is_drawn(app_page):
    open_present(app_page, IDS[2])
    expect(app_page.locator(MARKS)).to_have_count(len(IDS))
    expect(app_page.locator(RING)).to_have_count(1)


def test_the_presenter_view_follows_the_audience_and_back(app_page):
    open_present(app_page, IDS[0])
    presenter = app_page.context.new_page()
    presenter.goto(app_page.base + "/present/" + IDS[0] + "?view=presenter")
    expect(presenter.locator("#presenter-next-title")).to_contain_text(TITLES[IDS[1]])
    expect(presenter.locator("#presenter-elapsed")).to_have_text(re.compile(r"^\d+:\d\d$"))
    app_page.bring_to_front()
    app_page.keyboard.press("ArrowRight")
    expect_event(app_page, IDS[1])
    # The other window is a background tab here, which Chromium throttles; on two screens
    # both are visible. Allow for that on a loaded machine.
    follows = {"timeout": 20_000}
    expect(presenter.locator("#present-title")).to_have_text(TITLES[IDS[1]], **follows)
    expect(presenter.locator("#presenter-next-title")).to_contain_text(TITLES[IDS[2]])
    assert "view=presenter" in presenter.url
    presenter.bring_to_front()
    presenter.keyboard.press("End")
    expect(app_page.locator("#present-title")).to_have_text(TITLES[IDS[-1]], **follows)
    assert app_page.url.endswith("/present/" + IDS[-1])
    presenter.close()


def test_escape_leaves_to_the_main_page_with_the_same_selection(app_page):
    open_present(app_page, "nice-ta279-2013?kind=guideline&lang=fr")
    app_page.keyboard.press("Escape")
    app_page.wait_for_url(re.compile(r"/\?"))
    assert "/present/" not in app_page.url
    assert "kind=guideline" in app_page.url and "lang=fr" in app_page.url


def test_the_main_page_present_link_carries_the_filters(app_page):
    app_page.goto(app_page.base + "/?kind=trial")
    app_page.wait_for_selector("#timeline .scatterlayer .point")
    app_page.locator("#present-link").click()
    app_page.wait_for_url(re.compile(r"/present/\?kind=trial"))
    trials = TIMELINE.events[TIMELINE.events["kind"] == "trial"]
    expect(app_page.locator("#present-step")).to_have_text(f"1 / {len(trials)}")


@pytest.mark.parametrize(
    ("width", "height", "title_px", "body_px"), [(1920, 1080, 40, 26), (1280, 720, 30, 21)]
)
def test_type_is_large_and_nothing_leaves_the_screen(app_page, width, height, title_px, body_px):
    app_page.set_viewport_size({"width": width, "height": height})
    longest = TIMELINE.events.loc[TIMELINE.events["summary_en"].str.len().idxmax(), "id"]
    open_present(app_page, longest)
    sizes = app_page.evaluate(
        """() => ['present-title', 'present-summary'].map(id =>
            parseFloat(getComputedStyle(document.getElementById(id)).fontSize))"""
    )
    assert sizes[0] >= title_px and sizes[1] >= body_px, sizes
    overflow = app_page.evaluate(
        """() => {
            const doc = document.documentElement;
            const card = document.getElementById('present-summary').getBoundingClientRect();
            return [doc.scrollWidth - innerWidth, doc.scrollHeight - innerHeight,
                    card.bottom - document.querySelector('.present-bar').getBoundingClientRect().top];
        }"""
    )
    assert all(value <= 0 for value in overflow), overflow


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_on_a_phone_the_bar_under_the_talk_fits_the_screen(app_page, lang):
    """A student following the talk on a phone: every link of the bar is on the screen,
    each on one line, the step count too (the keys' hint is for a keyboard)."""
    app_page.set_viewport_size({"width": 390, "height": 844})
    open_present(app_page, IDS[0] + f"?lang={lang}")
    boxes = app_page.evaluate(
        """() => [...document.querySelectorAll('.present-bar > *')]
            .filter(e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().left >= 0)
            .map(e => { const r = e.getBoundingClientRect(); const line = parseFloat(
                getComputedStyle(e).lineHeight) || 24;
                return [e.id, r.left, r.right, r.height, line]; })"""
    )
    assert {"present-previous", "present-next", "present-step", "present-leave"} <= {
        box[0] for box in boxes
    }
    for name, left, right, height, line in boxes:
        assert left >= 0 and right <= 390, (name, left, right)
        assert height < 1.6 * line, (name, height)  # one line, not a column of words
    assert app_page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<svg")])
def test_the_presenter_downloads_a_slide_image_from_the_page(app_page, fmt, magic):
    open_present(app_page, IDS[0] + "?view=presenter")
    with app_page.expect_download() as download:
        app_page.locator(f'[data-image="{fmt}"]').click()
    data = download.value.path().read_bytes()
    assert data.startswith(magic)
    if fmt == "png":
        assert struct.unpack(">II", data[16:24]) == (1920, 1080)
    else:
        svg = data.decode("utf-8")
        assert 'width="1920" height="1080"' in svg[:600]
        # the slide the export command draws: every label that fits, large, none over a
        # mark, and the app's font inside the file
        labels, marks, sizes = svg_boxes(svg)
        assert len(labels) == len(IDS) and min(sizes) >= 22
        assert covered(labels, marks) == []
        assert '@font-face{font-family:"Atkinson Hyperlegible";font-weight:400' in svg
        assert "data:font/woff2;base64,d09GMg" in svg  # the woff2 file itself ("wOF2")


def test_f_toggles_full_screen(app_page):
    open_present(app_page, IDS[0])
    app_page.keyboard.press("f")
    app_page.wait_for_function("() => document.fullscreenElement !== null")
    app_page.keyboard.press("F")
    app_page.wait_for_function("() => document.fullscreenElement === null")
    expect_event(app_page, IDS[0])  # F is not a step


def test_the_title_and_language_of_the_page_follow_the_talk(app_page):
    event = TIMELINE.event(IDS[2])
    open_present(app_page, IDS[2] + "?lang=fr")
    expect(app_page).to_have_title(
        f"{event['title_fr']} · Cours\u00a0: Histoire de la vertébroplastie percutanée"
    )
    assert app_page.evaluate("document.documentElement.lang") == "fr"
    app_page.keyboard.press("ArrowRight")
    expect(app_page).to_have_title(re.compile("^" + re.escape(TIMELINE.event(IDS[3])["title_fr"])))


def test_space_on_a_focused_button_presses_it_rather_than_stepping(app_page):
    open_present(app_page, IDS[0] + "?view=presenter")
    app_page.wait_for_load_state("networkidle")  # the presenter's panel is drawn again once
    app_page.evaluate(
        """() => { window.pressed = 0; document.addEventListener('click', event => {
                   if (event.target.id === 'presenter-restart') { window.pressed += 1; } }); }"""
    )
    app_page.locator("#presenter-restart").focus()
    app_page.keyboard.press("Space")
    app_page.wait_for_function("() => window.pressed === 1")
    expect_event(app_page, IDS[0])
    app_page.locator("#present-next").focus()  # a link: Space steps, as on the page itself
    app_page.keyboard.press("Space")
    expect_event(app_page, IDS[1])


@pytest.mark.parametrize(
    "query",
    ["", "?view=presenter", "?build=1", "?lang=fr&view=presenter&build=1"],
    ids=["audience", "presenter", "build", "french-presenter-build"],
)
def test_axe_finds_no_violation_in_any_lecture_view(app_page, query):
    open_present(app_page, IDS[2] + query)
    if "presenter" in query:
        expect(app_page.locator("#presenter-next-title")).not_to_be_empty()
    app_page.wait_for_load_state("networkidle")
    assert axe_violations(app_page) == []


def test_the_lecture_charts_toolbar_is_in_its_language_and_shares_nothing(app_page):
    """No "Share chart" (it would send the data away), and French words on a French talk."""
    open_present(app_page, IDS[0] + "?lang=fr")
    buttons = app_page.evaluate(
        "() => [...document.querySelectorAll('#present-graph .modebar-btn')]"
        ".map(b => b.getAttribute('aria-label'))"
    )
    assert "Voir toute la frise" in buttons and "Déplacer" in buttons
    assert not any("Share" in (b or "") for b in buttons)
