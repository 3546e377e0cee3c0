"""What a student or lecturer does on the page, in a real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.view.selection import Filters, apply_filters
from tests.browser.conftest import open_app
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
TOTAL = len(TIMELINE.events)
POINTS = "#timeline .scatterlayer .trace .point"


def expected_count(**filters) -> int:
    return len(apply_filters(TIMELINE.events, Filters(**filters), filters.pop("lang", "en")))


def expect_shown(page, shown: int, lang: str = "en") -> None:
    text = f"{shown} of {TOTAL} events" if lang == "en" else f"{shown} événements sur {TOTAL}"
    expect(page.locator("#event-count")).to_have_text(text)
    expect(page.locator(POINTS)).to_have_count(shown)
    expect(page.locator("#event-list [data-event]")).to_have_count(shown)


def test_page_shows_every_event(app_page):
    open_app(app_page)
    expect_shown(app_page, TOTAL)
    labels = app_page.locator("#timeline .textpoint text").all_text_contents()
    assert len(labels) == TOTAL
    assert "First cement injection, Amiens" in labels


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (360, 740)])
def test_labels_stay_on_the_chart_and_never_overlap(app_page, size):
    width, height = size
    app_page.set_viewport_size({"width": width, "height": height})
    open_app(app_page)
    app_page.wait_for_function(  # packed as the page draws it (assets/chart-width.js)
        """() => {
            const graph = document.querySelector('#timeline .js-plotly-plot');
            const packedFor = graph.layout.meta && graph.layout.meta.plot_width_px;
            const room = graph.getBoundingClientRect().width - 32;
            return packedFor === window.timelinePacking(graph) && packedFor <= room;
        }"""
    )
    app_page.wait_for_timeout(300)
    boxes = app_page.eval_on_selector_all(
        "#timeline .textpoint text",
        "nodes => nodes.map(n => { const b = n.getBoundingClientRect();"
        " return [b.left, b.top, b.right, b.bottom, n.textContent]; })",
    )
    assert len(boxes) == TOTAL
    plot = app_page.locator("#timeline .main-svg").first.bounding_box()
    for left, _top, right, _bottom, text in boxes:
        assert plot["x"] <= left and right <= plot["x"] + plot["width"], (
            f"label off the chart: {text}"
        )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"labels overlap: {a[4]!r} and {b[4]!r}"


def test_kind_filter_changes_the_chart_and_the_count(app_page):
    open_app(app_page)
    app_page.get_by_role("checkbox", name="Clinical trial").uncheck()
    kinds = [k for k in TIMELINE.kinds_present() if k != "trial"]
    expect_shown(app_page, expected_count(kinds=tuple(kinds)))


def test_topic_filter(app_page):
    open_app(app_page)
    app_page.locator("#filter-tag").get_by_role("checkbox", name=re.compile("Kyphoplasty")).check()
    expect_shown(app_page, expected_count(tags=("kyphoplasty",)))


def test_year_range_filter_with_the_keyboard(app_page):
    open_app(app_page)
    first, last = TIMELINE.year_range
    low, high = app_page.locator("#filter-years [role=slider]").all()
    low.focus()
    for _ in range(2009 - first):
        app_page.keyboard.press("ArrowRight")
    high.focus()
    for _ in range(last - 2013):
        app_page.keyboard.press("ArrowLeft")
    expect_shown(app_page, expected_count(years=(2009, 2013)))


def test_search_and_reset(app_page):
    open_app(app_page)
    app_page.fill("#search", "NICE")
    expect_shown(app_page, expected_count(query="NICE"))
    app_page.fill("#search", "Galibert")  # a person, and an author of references
    expect_shown(app_page, expected_count(query="Galibert"))
    app_page.get_by_role("checkbox", name="Publication").uncheck()
    app_page.click("#reset")
    expect_shown(app_page, TOTAL)
    expect(app_page.locator("#search")).to_have_value("")


def test_clicking_an_event_shows_its_source_note_and_references(app_page):
    open_app(app_page)
    event = TIMELINE.event("nice-ta279-2013")
    point = app_page.locator(POINTS).nth(_point_index(app_page, "nice-ta279-2013"))
    box = point.bounding_box()
    app_page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    detail = app_page.locator("#event-detail")
    expect(detail.locator("h2")).to_have_text(event["title_en"])
    expect(detail).to_contain_text("24 April 2013")
    expect(detail).to_contain_text(event["note_en"][:60])
    expect(detail).to_contain_text("National Institute for Health and Care Excellence")
    link = detail.get_by_role("link", name=re.compile("NICE TA279"))
    expect(link).to_have_attribute("href", "https://www.nice.org.uk/guidance/ta279")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    expect(app_page.locator("#event-list .is-selected")).to_have_attribute(
        "data-event", "nice-ta279-2013"
    )


def test_keyboard_chooses_an_event_and_escape_closes_it(app_page):
    open_app(app_page)
    item = app_page.locator('#event-list [data-event="first-paper-1987"]')
    item.focus()
    app_page.keyboard.press("Enter")
    title = app_page.locator("#detail-title")
    expect(title).to_have_text(TIMELINE.event("first-paper-1987")["title_en"])
    expect(title).to_be_focused()
    expect(app_page.locator("#event-detail")).to_contain_text("PMID: 3600949")
    pubmed = app_page.locator("#event-detail").get_by_role("link", name=re.compile("PubMed"))
    expect(pubmed).to_have_attribute("href", "https://pubmed.ncbi.nlm.nih.gov/3600949/")
    app_page.keyboard.press("Escape")
    expect(app_page.locator("#detail-title")).to_have_count(0)


def test_language_switch_translates_page_and_content(app_page):
    open_app(app_page)
    app_page.get_by_text("Français").click()
    expect(app_page.locator("h1")).to_have_text("Histoire de la vertébroplastie percutanée")
    expect_shown(app_page, TOTAL, lang="fr")
    expect(app_page.locator("#event-list")).to_contain_text(
        TIMELINE.event("nice-ta279-2013")["title_fr"]
    )
    expect(app_page.locator("#event-list")).to_contain_text("24 avril 2013")
    expect(app_page).to_have_url(re.compile(r"\?lang=fr$"))
    # the tab's title and the page's language follow
    expect(app_page).to_have_title("Histoire de la vertébroplastie percutanée")
    assert app_page.evaluate("document.documentElement.lang") == "fr"


def test_lang_in_the_address_opens_the_page_in_french(app_page):
    open_app(app_page, "?lang=fr")
    expect(app_page.locator("h1")).to_have_text("Histoire de la vertébroplastie percutanée")
    expect(app_page.locator("#lang input[value=fr]")).to_be_checked()
    labels = app_page.locator("#timeline .textpoint text").all_text_contents()
    assert TIMELINE.event("galibert-amiens-1984")["title_fr"] in labels


def test_every_file_the_page_loads_comes_from_the_app(app_page):
    resources: list[str] = []
    app_page.on("request", lambda request: resources.append(request.url))
    open_app(app_page)
    app_page.wait_for_load_state("networkidle")
    assert all(url.startswith((app_page.base, "data:")) for url in resources), resources
    # the vendored font, in the page itself (serving.inline_stylesheets), allowed by its
    # Content-Security-Policy and in use, both weights
    loaded = app_page.evaluate(
        """() => document.fonts.ready.then(() => [...document.fonts]
            .filter(f => f.family.includes('Atkinson') && f.status === 'loaded')
            .map(f => String(f.weight)).sort())"""
    )
    assert loaded == ["400", "700"]


def _point_index(page, event_id: str) -> int:
    """The index, among all drawn points, of the point for `event_id` (from Plotly's data)."""
    return page.evaluate(
        """id => {
            const graph = document.querySelector('#timeline .js-plotly-plot');
            let index = 0;
            for (const trace of graph._fullData) {
                if (!trace.customdata || trace.mode !== 'markers') continue;
                for (const row of trace.customdata) {
                    if (row[0] === id) return index;
                    index += 1;
                }
            }
            return -1;
        }""",
        event_id,
    )


def test_list_titles_keep_room_beside_long_kind_names(app_page):
    # In French, "Recommandation ou prise de position" once squeezed its title to a letter a line.
    open_app(app_page, "?lang=fr")
    widths = app_page.eval_on_selector_all(
        "#event-list .event-title", "nodes => nodes.map(n => n.getBoundingClientRect().width)"
    )
    assert len(widths) == TOTAL
    assert min(widths) > 100, widths


TOOLBAR = "() => [...document.querySelectorAll('#timeline .modebar-btn')].map(b => b.getAttribute('aria-label'))"


def test_the_charts_toolbar_speaks_the_pages_language(app_page):
    """Plotly names its buttons in English: here in the page's language, and after the
    language switch; a filter afterwards does not take the words back."""
    open_app(app_page)
    assert app_page.evaluate(TOOLBAR) == [
        "Zoom to a box",
        "Move",
        "Zoom in",
        "Zoom out",
        "Show the whole timeline",
    ]
    app_page.get_by_text("Français").click()
    expect(app_page.locator('#timeline .modebar-btn[data-val="reset"]')).to_have_attribute(
        "aria-label", "Voir toute la frise"
    )
    app_page.locator("#filter-kind input[type=checkbox]").first.click()
    expect(app_page.locator("#event-count")).not_to_have_text(re.compile(r"^25 "))
    app_page.wait_for_timeout(300)
    assert app_page.evaluate(TOOLBAR) == [
        "Zoomer sur une zone",
        "Déplacer",
        "Zoom avant",
        "Zoom arrière",
        "Voir toute la frise",
    ]
