"""Self-study and sharing in a real Chromium: links, Back/Forward, the list, keyboard,
phones, exports, and axe-core on every view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rispy
from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.load.text import fold
from core.view.selection import Filters, apply_filters
from core.view.sorting import sort_events
from tests.browser.conftest import axe_violations, open_app
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
TOTAL = len(TIMELINE.events)
ITEMS = "#event-list [data-event]"


def count_text(shown: int) -> str:
    return f"{shown} of {TOTAL} events"


def test_a_shared_link_opens_the_same_view(app_page):
    query = "?lang=fr&kind=trial,guideline&q=vertebroplastie&event=nice-ta279-2013&sort=title"
    open_app(app_page, query)
    shown = apply_filters(
        TIMELINE.events, Filters(kinds=("trial", "guideline"), query="vertebroplastie"), "fr"
    )
    expect(app_page.locator("#event-count")).to_have_text(f"{len(shown)} événements sur {TOTAL}")
    expect(app_page.locator("#search")).to_have_value("vertebroplastie")
    expect(app_page.locator("#list-sort input[value=title]")).to_be_checked()
    expect(app_page.locator("#detail-title")).to_have_text(
        TIMELINE.event("nice-ta279-2013")["title_fr"]
    )
    titles = app_page.locator(f"{ITEMS} .event-title").all_text_contents()
    assert titles == sorted(titles, key=fold) and len(titles) == len(shown)
    expect(app_page).to_have_url(re.compile(re.escape(query) + "$"))  # left as it was shared


def test_changes_are_written_to_the_address_and_back_and_forward_restore_them(app_page):
    open_app(app_page)
    app_page.fill("#search", "NICE")
    expect(app_page).to_have_url(re.compile(r"\?q=NICE$"))
    app_page.locator(f'{ITEMS}[data-event="nice-ta279-2013"]').click()
    expect(app_page).to_have_url(re.compile(r"\?q=NICE&event=nice-ta279-2013$"))
    app_page.get_by_text("Français").click()
    expect(app_page).to_have_url(re.compile(r"\?lang=fr&q=NICE&event=nice-ta279-2013$"))

    app_page.go_back()
    expect(app_page.locator("h1")).to_have_text("History of percutaneous vertebroplasty")
    expect(app_page.locator("#detail-title")).to_have_text(
        TIMELINE.event("nice-ta279-2013")["title_en"]
    )
    app_page.go_back()
    expect(app_page.locator("#detail-title")).to_have_count(0)
    expect(app_page.locator("#search")).to_have_value("NICE")
    app_page.go_back()
    expect(app_page.locator("#search")).to_have_value("")
    expect(app_page.locator("#event-count")).to_have_text(count_text(TOTAL))
    app_page.go_forward()
    expect(app_page.locator("#search")).to_have_value("NICE")
    shown = len(apply_filters(TIMELINE.events, Filters(query="NICE")))
    expect(app_page.locator("#event-count")).to_have_text(count_text(shown))


def test_the_chart_follows_each_keystroke_and_the_address_takes_the_word_once(app_page):
    open_app(app_page)
    searched = []

    def note(request):
        body = request.post_data_json if "_dash-update" in request.url else None
        if body and "timeline.figure" in body.get("output", ""):
            searched.append(next(i["value"] for i in body["inputs"] if i["id"] == "search"))

    app_page.on("request", note)
    entries = app_page.evaluate("history.length")
    app_page.evaluate(
        """() => { window.said = []; const status = document.getElementById('count-status');
                   new MutationObserver(() => window.said.push(status.textContent))
                       .observe(status, {childList: true, subtree: true, characterData: true}); }"""
    )
    app_page.locator("#search").press_sequentially("NICE", delay=80)
    shown = len(apply_filters(TIMELINE.events, Filters(query="NICE")))
    expect(app_page.locator("#event-count")).to_have_text(count_text(shown))
    expect(app_page).to_have_url(re.compile(r"\?q=NICE$"))
    # redrawn while typing, not only once the word was there
    assert len({"N", "NI", "NIC"} & set(searched)) >= 2, searched
    app_page.wait_for_timeout(1000)  # longer than the pause that settles a search
    assert app_page.evaluate("history.length") == entries + 1  # one entry for the word
    # a screen reader hears the count once, for the word, not for each letter
    said = [text for text in app_page.evaluate("window.said") if text]
    assert said and set(said) == {count_text(shown)}, said

    app_page.click("#reset")
    expect(app_page).to_have_url(re.compile(r"/$"))
    expect(app_page.locator("#search")).to_have_value("")
    app_page.wait_for_timeout(1000)
    assert app_page.evaluate("history.length") == entries + 2  # and one for Reset
    app_page.go_back()
    expect(app_page.locator("#search")).to_have_value("NICE")
    expect(app_page.locator("#event-count")).to_have_text(count_text(shown))


def test_a_malformed_link_opens_the_default_view_with_a_notice(app_page):
    open_app(app_page, "?kind=magic&from=abc&event=%3Cscript%3E&x0=nan&utm_source=mail")
    notice = app_page.locator("#url-notice")
    expect(notice).to_contain_text("unknown kind 'magic' ignored")
    expect(notice).to_contain_text("unknown event '<script>' ignored")
    expect(app_page.locator("#event-count")).to_have_text(count_text(TOTAL))
    app_page.get_by_text("Français").click()
    expect(notice).to_contain_text("ont été ignorées")
    expect(notice).to_contain_text("type inconnu «\u00a0magic\u00a0» ignoré")
    expect(notice).to_contain_text("événement inconnu «\u00a0<script>\u00a0» ignoré")
    expect(notice).not_to_contain_text("unknown")
    notice.get_by_role("button", name="Fermer l'avis").click()
    expect(notice).to_be_empty()


def test_panning_the_chart_puts_the_visible_range_in_the_address(app_page):
    app_page.goto(app_page.base + "/?x0=1995&x1=2005")  # the first events are off the chart
    # The page opens on every event, then draws the range of the address.
    app_page.wait_for_function(
        """() => { const graph = document.querySelector('#timeline .js-plotly-plot');
                   const range = graph && graph.layout.xaxis.range;
                   return range && range[0] === 1995 && range[1] === 2005; }"""
    )
    app_page.wait_for_load_state("networkidle")  # a drag during a redraw would be lost
    # the interactive chart is under the server's first view until that gives way to it
    app_page.wait_for_function("() => !document.getElementById('first-view')")
    graph = app_page.locator("#timeline .js-plotly-plot")
    box = graph.locator(".nsewdrag").first.bounding_box()
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    app_page.mouse.move(*middle)
    app_page.mouse.down()
    app_page.mouse.move(middle[0] + 200, middle[1], steps=5)
    app_page.mouse.up()
    expect(app_page).not_to_have_url(re.compile(r"x0=1995&"))
    expect(app_page).to_have_url(re.compile(r"\?x0=19\d\d(\.\d+)?&x1=\d{4}(\.\d+)?$"))
    app_page.go_back()
    expect(app_page).to_have_url(re.compile(r"\?x0=1995&x1=2005$"))
    app_page.wait_for_function(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range[0] === 1995"
    )


@pytest.mark.parametrize(
    ("order", "key"),
    [
        ("title", lambda e: fold(e["title_en"])),
        ("kind", lambda e: list(TIMELINE.vocabulary.kinds).index(e["kind"])),
    ],
)
def test_the_list_sorts_by_title_and_kind_and_shows_each_kind(app_page, order, key):
    open_app(app_page)
    app_page.locator(f"#list-sort input[value={order}]").check()
    expect(app_page).to_have_url(re.compile(rf"\?sort={order}$"))
    app_page.wait_for_function(
        "order => document.querySelector('#list-sort input[value=' + order + ']').checked",
        arg=order,
    )
    expected = list(sort_events(TIMELINE.events, order, "en", TIMELINE.vocabulary)["id"])
    app_page.wait_for_function(
        "ids => JSON.stringify([...document.querySelectorAll('#event-list [data-event]')]"
        ".map(i => i.dataset.event)) === JSON.stringify(ids)",
        arg=expected,
    )
    ids = app_page.locator(ITEMS).evaluate_all("items => items.map(i => i.dataset.event)")
    keys = [key(TIMELINE.event(event_id)) for event_id in ids]
    assert keys == sorted(keys)
    first = TIMELINE.event(ids[0])
    kind = TIMELINE.vocabulary.kind_label(first["kind"], "en")
    expect(app_page.locator(ITEMS).first.locator(".event-kind")).to_have_text(re.compile(kind))


def test_keyboard_only_skip_link_filters_list_and_detail(app_page):
    open_app(app_page)
    app_page.keyboard.press("Tab")
    skip = app_page.locator("#skip-link")
    expect(skip).to_be_focused()
    app_page.keyboard.press("Enter")
    expect(app_page.locator("#main")).to_be_focused()
    # Tab order: search first, then the kinds; every stop has a visible focus ring
    app_page.keyboard.press("Tab")
    expect(app_page.locator("#search")).to_be_focused()
    app_page.keyboard.type("Kallmes", delay=60)  # about as fast as a person types
    expect(app_page.locator("#search")).to_have_value("Kallmes")
    shown = len(apply_filters(TIMELINE.events, Filters(query="Kallmes")))
    expect(app_page.locator("#event-count")).to_have_text(count_text(shown))
    outline = app_page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    item = app_page.locator(ITEMS).first
    for _ in range(40):
        app_page.keyboard.press("Tab")
        if app_page.evaluate("() => document.activeElement.dataset.event !== undefined"):
            break
    expect(item).to_be_focused()
    app_page.keyboard.press("Enter")
    expect(app_page.locator("#detail-title")).to_be_focused()
    expect(app_page).to_have_url(re.compile(r"event="))


def test_a_360px_phone_has_no_sideways_scroll_and_folding_filters(app_page):
    app_page.set_viewport_size({"width": 360, "height": 740})
    open_app(app_page, "?event=nice-ta279-2013")
    expect(app_page.locator("#detail-title")).to_be_visible()
    toggle = app_page.locator("#filters-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(app_page.locator("#search")).to_be_hidden()
    toggle.focus()
    app_page.keyboard.press("Enter")  # a keyboard (or a switch) opens it too
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(app_page.locator("#search")).to_be_visible()
    overflow = app_page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    font = app_page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert font >= 16
    small = app_page.evaluate(
        """() => [...document.querySelectorAll(
                'button, #event-list button, .kind-options label, #lang label, #list-sort label')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.id || el.getAttribute('aria-label') || el.textContent.slice(0, 20),
                        el.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)"""
    )
    assert small == []


def test_copy_link_copies_the_address(app_page):
    app_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_app(app_page, "?q=NICE")
    app_page.locator("#copy-link").click()
    expect(app_page.locator("#copy-status")).to_contain_text("Link copied")
    assert app_page.evaluate("() => navigator.clipboard.readText()") == app_page.url


@pytest.mark.parametrize(("button", "suffix"), [("export-ris", ".ris"), ("export-json", ".json")])
def test_export_downloads_the_references_of_the_events_shown(app_page, button, suffix):
    open_app(app_page, "?q=NICE")
    with app_page.expect_download() as info:
        app_page.locator(f"#{button}").click()
    download = info.value
    assert (
        download.suggested_filename == f"history-of-percutaneous-vertebroplasty-references{suffix}"
    )
    text = Path(download.path()).read_text(encoding="utf-8")
    shown = apply_filters(TIMELINE.events, Filters(query="NICE"))
    cited = {s for sources in shown["sources"] for s in sources}
    titles = rispy.loads(text) if suffix == ".ris" else json.loads(text)
    assert len(titles) == len(cited)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_details_offer_the_events_own_references_as_files(app_page, lang):
    open_app(app_page, f"?event=vertos-2-2010&lang={lang}")
    files = app_page.locator("#detail-body .ref-files")
    expect(files).to_contain_text(
        {"en": "Add these references to your library:", "fr": "Ajouter ces références"}[lang]
    )
    with app_page.expect_download() as info:
        files.get_by_role("link", name="RIS").click()
    download = info.value
    assert download.suggested_filename == (
        "history-of-percutaneous-vertebroplasty-vertos-2-2010-references.ris"
    )
    entries = rispy.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert [entry["doi"] for entry in entries] == ["10.1016/S0140-6736(10)60954-3"]
    assert app_page.url == f"{app_page.base}/?event=vertos-2-2010&lang={lang}"  # it stayed


def test_cite_note_and_data_date_are_shown(app_page):
    open_app(app_page)
    expect(app_page.locator("#cite")).to_contain_text("Version of")
    expect(app_page.locator("#cite-url")).to_have_text(app_page.base + "/")
    expect(app_page.locator("#data-changed")).to_contain_text("Data last changed:")


@pytest.mark.parametrize(
    ("query", "width"),
    [("", 1280), ("?event=nice-ta279-2013", 1280), ("?lang=fr&sort=kind", 1280), ("", 360)],
    ids=["default", "event-selected", "french", "phone"],
)
def test_axe_finds_no_violation(app_page, query, width):
    app_page.set_viewport_size({"width": width, "height": 800})
    open_app(app_page, query)
    if query:
        expect(app_page).to_have_url(re.compile(re.escape(query) + "$"))
    app_page.wait_for_timeout(500)
    assert axe_violations(app_page) == []


def test_a_change_made_as_the_page_opens_reaches_the_address(app_page):
    # Each redraw also makes Plotly report a relayout (autosize). Sent to the address
    # callback, it started a call that made Dash drop the one before it, the one writing
    # "lang=fr" into the address: the page was French, the link to share it English.
    triggers: list[list[str]] = []

    def note(request):
        body = request.post_data_json if "_dash-update" in request.url else None
        if body and "url.search" in body.get("output", ""):
            triggers.append(body.get("changedPropIds", []))

    app_page.on("request", note)
    app_page.goto(app_page.base + "/")
    app_page.wait_for_selector("#timeline .scatterlayer .point")  # not waiting for the rest
    app_page.get_by_text("Français").click()
    expect(app_page.locator("h1")).to_have_text("Histoire de la vertébroplastie percutanée")
    expect(app_page).to_have_url(re.compile(r"\?lang=fr$"))
    app_page.wait_for_load_state("networkidle")
    assert all({"url.search", "lang.value"} & set(changed) for changed in triggers), triggers


@pytest.mark.parametrize(
    ("lang", "typed", "offered", "words"),
    [
        ("fr", "kyphoplastie", "cyphoplastie", "Vouliez-vous dire"),
        ("en", "cyphoplasty", "kyphoplasty", "Did you mean"),
    ],
)
def test_a_misspelt_search_offers_the_timelines_spelling(app_page, lang, typed, offered, words):
    open_app(app_page, f"?lang={lang}")
    app_page.locator("#search").fill(typed)
    offer = app_page.locator("#search-suggest")
    expect(offer).to_contain_text(f"{words} {offered}")
    expect(app_page.locator("#event-count")).to_contain_text("0 ")
    assert axe_violations(app_page) == []
    offer.get_by_role("button", name=offered).click()
    expect(app_page.locator("#search")).to_have_value(offered)
    expect(app_page.locator("#search")).to_be_focused()  # to type on from there
    expect(offer).to_be_hidden()
    found = len(apply_filters(TIMELINE.events, Filters(query=offered), lang))
    assert found > 0
    expect(app_page.locator("#event-list [data-event]")).to_have_count(found)
    expect(app_page).to_have_url(re.compile(f"q={offered}"))
