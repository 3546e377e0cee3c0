"""Text from a CSV is shown as text: markup and script in it never run."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, open_app, wait_present_drawn
from tests.conftest import TINY, read_csv, write_csv

HOSTILE_TITLE = '<img src=x onerror="alert(1)">Cement & <b>bold</b>'
HOSTILE_NOTE = "<script>alert('note')</script> javascript:alert(2)"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name in ("sources.csv", "eras.csv", "vocabulary.csv"):
        shutil.copy(TINY / name, folder / name)
    rows = read_csv(TINY / "events.csv")
    rows[0]["title_en"] = HOSTILE_TITLE
    rows[0]["note_en"] = HOSTILE_NOTE
    rows[0]["people"] = "<svg onload=alert(3)>"
    rows[1]["sources"] = ""  # a warning, not an error: shown with a "no source" mark
    write_csv(folder / "events.csv", rows)
    server = LiveServer(folder / "events.csv")
    yield server
    server.stop()


def test_markup_in_the_csv_is_shown_as_text(page, hostile_server):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.base = hostile_server.url
    open_app(page)
    expect(page.locator("#event-list")).to_contain_text(HOSTILE_TITLE)
    page.locator('#event-list [data-event="first-case"]').click()
    detail = page.locator("#event-detail")
    expect(detail.locator("h2")).to_have_text(HOSTILE_TITLE)
    expect(detail).to_contain_text(HOSTILE_NOTE)
    expect(detail).to_contain_text("<svg onload=alert(3)>")
    assert page.locator("#event-detail img, #event-detail script, #event-detail svg").count() == 0
    chart_labels = page.locator("#timeline .textpoint text").all_text_contents()
    assert any("<img src=x" in label for label in chart_labels)
    assert page.locator("#timeline image").count() == 0
    no_source = page.locator('#event-list [data-event="first-paper"] .no-source-mark')
    expect(no_source).to_have_text("no source")
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert dialogs == []


def test_markup_in_a_title_is_text_on_the_lecture_chart_too(page, hostile_server):
    """Lecture mode's labels are drawn over the chart by the page (assets/present.js), as
    text."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server.url + "/present/first-case")
    wait_present_drawn(page)
    expect(page.locator("#present-title")).to_have_text(HOSTILE_TITLE)
    labels = page.locator("#present-graph .present-focus .present-label")
    expect(labels.filter(has_text="<b>bold</b>")).to_have_count(1)
    assert labels.filter(has_text="<img src=x").count() == 1
    assert page.locator("#present-graph .present-focus :not(circle, svg, text)").count() == 0
    assert dialogs == []
