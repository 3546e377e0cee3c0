"""A TimelineJS sheet served as it is, in a real Chromium: its title, its events in the
list with the date as written, the details with a summary's link and no script run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, open_app, watched
from tests.browser.conftest import axe_violations as _axe
from tests.test_foreign import sheet_text

ROWS = (
    {"Headline": "Bridges of Paris", "Text": "From a sheet", "Type": "title"},
    {
        "Year": "1578",
        "Display Date": "Spring 1578",
        "Headline": "Pont Neuf begun",
        "Text": "<p>Read https://example.org/pont-neuf first.</p>"
        "<script>document.title='hacked'</script><a href='javascript:alert(1)'>click</a>",
        "Group": "Stone",
    },
    {"Year": "1607", "End Year": "1610", "Headline": "Place Dauphine", "Group": "Squares"},
    {"Year": "1550", "End Year": "1650", "Headline": "Renaissance", "Type": "era"},
)


@pytest.fixture(scope="module")
def sheet_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("tljs") / "sheet.csv"
    path.write_text(sheet_text(*ROWS), encoding="utf-8")
    server = LiveServer(path)
    yield server
    server.stop()


@pytest.fixture
def sheet_page(page, sheet_server):
    with watched(page, sheet_server.url):
        yield page


def test_a_timelinejs_sheet_is_served_as_it_is(sheet_page):
    open_app(sheet_page)
    expect(sheet_page.locator("h1")).to_have_text("Bridges of Paris")
    item = sheet_page.locator('#event-list [data-event="pont-neuf-begun-1578"]')
    expect(item).to_contain_text("Spring 1578")
    item.click()
    detail = sheet_page.locator("#event-detail")
    expect(detail).to_contain_text("Spring 1578")
    expect(detail).to_contain_text("Stone")
    link = detail.get_by_role("link", name="https://example.org/pont-neuf")
    expect(link).to_have_attribute("href", "https://example.org/pont-neuf")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    assert detail.locator("a[href^='javascript']").count() == 0
    assert sheet_page.title() != "hacked"
    assert _axe(sheet_page) == []


def test_a_sheet_reads_in_french_too(sheet_page):
    open_app(sheet_page, "?lang=fr&event=place-dauphine-1607")
    expect(sheet_page.locator("#event-detail")).to_contain_text("Groupe")
    expect(sheet_page.locator("#event-detail")).to_contain_text("Squares")
