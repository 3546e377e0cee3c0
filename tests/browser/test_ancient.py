"""A timeline before year 1, in a real Chromium: dates typed as centuries and BCE years, an
axis whose ticks name years BCE in the page's language (never Plotly's "−500"), the same
in the first view as in the chart that replaces it, and after a zoom."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, open_app, watched

ANCIENT = (
    "date,title\n"
    "Ve siècle av. J.-C.,Herodotus writes his Histories\n"
    "44 BC,Death of Caesar\n"
    "1er siècle,Pliny the Elder\n"
    "476,End of the Western Empire\n"
)
TICKS = "() => [...document.querySelectorAll('#timeline .xtick text')].map(t => t.textContent)"


@pytest.fixture(scope="module")
def ancient_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("ancient") / "events.csv"
    path.write_text(ANCIENT, encoding="utf-8")
    server = LiveServer(path)
    yield server
    server.stop()


@pytest.fixture
def ancient_page(page, ancient_server):
    with watched(page, ancient_server.url):
        yield page


@pytest.mark.parametrize(("lang", "bce"), [("en", "BCE"), ("fr", "av. J.-C.")])
def test_the_axis_names_years_bce_in_the_first_view_and_the_chart(ancient_page, lang, bce):
    html = ancient_page.request.get(f"{ancient_page.base}/?lang={lang}").text()
    first_view = html.split('class="first-chart-ticks"', 1)[1].split("</g>", 1)[0]
    first_ticks = re.findall(r">([^<>]+)</text>", first_view)
    open_app(ancient_page, f"?lang={lang}")
    ticks = ancient_page.evaluate(TICKS)
    assert ticks == first_ticks
    assert any(tick.endswith(bce) for tick in ticks) and "1" in ticks
    assert not any("\u2212" in tick or tick.startswith("-") for tick in ticks)
    item = ancient_page.locator("#event-list [data-event]").first
    expect(item).to_contain_text("Ve siècle av. J.-C." if lang == "fr" else "5th century BCE")


def test_a_zoom_before_year_1_keeps_the_years_named(ancient_page):
    open_app(ancient_page)
    ancient_page.evaluate(
        """() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                                 {'xaxis.range': [-120, 20]})"""
    )
    # the server draws the new range, its ticks 20 years apart (before, 100 apart): 20 BCE
    # is at -19
    ancient_page.wait_for_function(
        "() => [...document.querySelectorAll('#timeline .xtick text')]"
        ".some(t => t.textContent === '20 BCE')"
    )
    ticks = ancient_page.evaluate(TICKS)
    assert "1" in ticks and "100 BCE" in ticks
    assert not any("\u2212" in tick or tick.startswith("-") for tick in ticks)


def test_the_years_slider_names_years_bce_in_the_pages_language(ancient_page):
    open_app(ancient_page)
    slider = ancient_page.locator("#filter-years")
    expect(slider).to_contain_text("500 BCE")  # its first end: Herodotus's century
    assert "-499" not in slider.inner_text()
    # its tooltip too (assets/year-tooltip.js); its boxes hold numbers: -499
    handle = ancient_page.locator("#filter-years [role=slider]").first
    handle.focus()
    expect(ancient_page.locator("#filter-years .dash-slider-tooltip").first).to_have_text("500 BCE")
    # what a screen reader says of the handle: the same words, not dcc's -499
    expect(handle).to_have_attribute("aria-valuetext", "500 BCE")
    expect(handle).to_have_attribute("aria-label", "First year")  # not dcc's "Minimum"
    last = ancient_page.locator("#filter-years [role=slider]").last
    expect(last).to_have_attribute("aria-label", "Last year")
    expect(last).to_have_attribute("aria-valuetext", "476")
    ancient_page.keyboard.press("ArrowRight")
    expect(handle).to_have_attribute("aria-valuenow", "-498")
    expect(handle).to_have_attribute("aria-valuetext", "499 BCE")
    ancient_page.keyboard.press("ArrowLeft")
    expect(handle).to_have_attribute("aria-valuetext", "500 BCE")
    ancient_page.get_by_text("Français").click()
    expect(slider).to_contain_text("500 av. J.-C.")
    expect(handle).to_have_attribute("aria-valuetext", "500 av. J.-C.")
    expect(handle).to_have_attribute("aria-label", "Première année")
    expect(last).to_have_attribute("aria-label", "Dernière année")
    ancient_page.locator("#filter-years [role=slider]").first.focus()
    expect(ancient_page.locator("#filter-years .dash-slider-tooltip").first).to_have_text(
        "500 av. J.-C."
    )


MARKS = """() => [...document.querySelectorAll('#filter-years .dash-slider-mark')]
    .filter(m => getComputedStyle(m).display !== 'none')
    .map(m => { const r = m.getBoundingClientRect(); return [m.textContent, r.left, r.right]; })"""
PANEL = (
    "() => { const r = document.getElementById('filters-body').getBoundingClientRect();"
    " return [r.left, r.right]; }"
)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_years_sliders_end_marks_stay_inside_the_filters(ancient_page, width):
    """Its first mark, "500 av. J.-C.", is wide: drawn from the slider's start, not centred
    on it past the panel's edge. On a phone only the two ends are named, whichever order
    dcc writes them in (a year before 1 comes last)."""
    ancient_page.set_viewport_size({"width": width, "height": 800})
    open_app(ancient_page, "?lang=fr")
    if width < 800:
        ancient_page.locator("#filters-toggle").click()
    expect(ancient_page.locator("#filter-years")).to_contain_text("500 av. J.-C.")
    marks = ancient_page.evaluate(MARKS)
    left, right = ancient_page.evaluate(PANEL)
    assert all(left - 1 <= start and end <= right + 1 for _, start, end in marks), marks
    texts = [text for text, _, _ in sorted(marks, key=lambda m: m[1])]
    assert texts[0] == "500 av. J.-C." and texts[-1] == "476"
    if width < 800:
        assert texts == ["500 av. J.-C.", "476"]
