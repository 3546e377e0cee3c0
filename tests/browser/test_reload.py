"""Live reload in a real browser: a broken save shows a banner and keeps the last good
chart; the fixed save replaces the data on the open page, with no reload by hand."""

from __future__ import annotations

import os
import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, axe_violations, open_app, watched
from tests.conftest import TINY, read_csv, write_csv

HOSTILE_KIND = '<img src=x onerror="alert(1)">'
WAIT_MS = 10_000  # the store looks every second, the page asks every two


@pytest.fixture
def served(tmp_path):
    """The app serving a copy of the tiny timeline that the test may overwrite."""
    folder = tmp_path / "reload"
    shutil.copytree(TINY, folder)
    server = LiveServer(folder / "events.csv")
    yield server
    server.stop()


@pytest.fixture
def reload_page(page, served):
    with watched(page, served.url):
        yield page


def save(path, rows, seconds: int) -> None:
    """Save as a spreadsheet would, with a modification time `seconds` later."""
    write_csv(path, rows)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def test_a_broken_save_shows_a_banner_and_the_fixed_save_shows_new_data(reload_page, served):
    page = reload_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page)
    banner = page.locator("#data-problems")
    expect(banner).to_be_hidden()
    expect(page.locator("#event-count")).to_have_text("6 of 6 events")
    points = page.locator("#timeline .scatterlayer .point")
    drawn = points.count()

    rows = read_csv(TINY / "events.csv")
    broken = [dict(row) for row in rows]
    broken[0]["date"] = "03/04/2013"
    broken[2]["kind"] = HOSTILE_KIND
    save(served.path, broken, 1)

    expect(banner).to_be_visible(timeout=WAIT_MS)
    expect(banner).to_contain_text(
        "events.csv, row 2, column 'date': expected an unambiguous date; found '03/04/2013'"
    )
    expect(banner).to_contain_text(f"found '{HOSTILE_KIND}'")  # as text, never as markup
    assert banner.locator("img").count() == 0
    # the chart, count and list still show the last good data
    expect(page.locator("#event-count")).to_have_text("6 of 6 events")
    assert points.count() == drawn

    fixed = [dict(row) for row in rows]
    fixed.append({**rows[1], "id": "fixed-event", "date": "24/04/2013", "title_en": "Fixed event"})
    save(served.path, fixed, 2)

    expect(banner).to_be_hidden(timeout=WAIT_MS)
    expect(page.locator("#event-count")).to_have_text("7 of 7 events")
    expect(page.locator("#event-list")).to_contain_text("Fixed event")
    expect(page.locator("#event-list")).to_contain_text("24 April 2013")
    assert dialogs == []


def test_a_page_opened_while_the_file_is_broken_shows_the_banner_at_once(reload_page, served):
    page = reload_page
    open_app(page)
    broken = [dict(row) for row in read_csv(TINY / "events.csv")]
    broken[0]["date"] = "03/04/2013"
    save(served.path, broken, 1)
    expect(page.locator("#data-problems")).to_be_visible(timeout=WAIT_MS)  # the store saw it

    # A colleague opens the page now: no change of version is coming to reveal the banner.
    open_app(page)
    banner = page.locator("#data-problems")
    assert banner.is_visible()
    expect(banner).to_contain_text("events.csv, row 2, column 'date'")
    expect(page.locator("#event-count")).to_have_text("6 of 6 events")  # the last good data


def test_the_banner_speaks_the_language_of_the_page(reload_page, served):
    page = reload_page
    open_app(page, "?lang=fr")
    broken = [dict(row) for row in read_csv(TINY / "events.csv")]
    broken[0]["date"] = "03/04/2013"
    broken[1]["sources"] = "ghost"
    save(served.path, broken, 1)
    banner = page.locator("#data-problems")
    expect(banner).to_be_visible(timeout=WAIT_MS)
    expect(banner).to_contain_text("contient 2 erreur(s)")
    expect(banner).to_contain_text(
        "erreur\u00a0: events.csv, ligne 2, colonne «\u00a0date\u00a0»\u00a0: "
        "attendu une date sans ambiguïté\u00a0; trouvé «\u00a003/04/2013\u00a0» "
        "(jour et mois ambigus\u00a0: écrivez 2013-04-03 (3 avril) ou 2013-03-04 (4 mars))"
    )
    expect(banner).to_contain_text("trouvé «\u00a0ghost\u00a0»")
    expect(banner).not_to_contain_text("expected")
    expect(banner).not_to_contain_text("found")

    open_app(page, "?lang=fr")  # a page opened now says it in French too
    expect(page.locator("#data-problems")).to_contain_text("ligne 2, colonne «\u00a0date\u00a0»")
    assert axe_violations(page) == []
