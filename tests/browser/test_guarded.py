"""The page, lecture mode and the handout run under their Content-Security-Policy with no
violation (`watched` fails a test on any console error, and Chromium reports every
violation as one: the first test proves it), and the timeline can be framed by a course
page unless the person serving it says otherwise."""

from __future__ import annotations

import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from guard.limits import MAX_ADDRESS_BYTES
from tests.browser.conftest import LiveServer, open_app
from tests.browser.conftest import axe_violations as _axe
from tests.browser.test_present import IDS, open_present
from tests.conftest import TINY


def script_src(response) -> str:
    policy = response.headers["content-security-policy"]
    return next(d for d in policy.split(";") if d.strip().startswith("script-src"))


def test_a_script_the_policy_does_not_name_is_refused_and_reported(page, live_server):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live_server.url + "/")
    page.wait_for_selector("#timeline .scatterlayer .point")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in error for error in errors), errors


def test_the_page_runs_under_its_policy(app_page):
    response = app_page.goto(app_page.base + "/?kind=trial,guideline")
    assert "sha256-" in script_src(response) and "unsafe" not in script_src(response)
    open_app(app_page, "?lang=fr")
    app_page.locator("#filter-kind input").first.click()
    app_page.fill("#search", "ciment")
    expect(app_page.locator("#event-list [data-event]").first).to_be_visible()
    app_page.locator("#event-list [data-event]").first.click()
    expect(app_page.locator("#detail-title")).not_to_be_empty()
    app_page.keyboard.press("Escape")  # the details stand in the filters' place: back to them
    app_page.locator("#reset").click()
    app_page.wait_for_load_state("networkidle")


def test_lecture_mode_runs_under_its_policy(app_page):
    response = app_page.goto(app_page.base + "/present/")
    assert "sha256-" in script_src(response)
    open_present(app_page, IDS[0] + "?build=1")
    app_page.keyboard.press("ArrowRight")
    expect(app_page.locator("#present-step")).to_have_text(f"2 / {len(IDS)}")
    open_present(app_page, IDS[0] + "?view=presenter")
    with app_page.expect_download() as download:
        app_page.locator('[data-image="png"]').click()
    assert download.value.path().read_bytes().startswith(b"\x89PNG")


def test_lecture_mode_says_what_of_its_address_it_ignored(app_page):
    open_present(app_page, "ghost?build=2")
    notice = app_page.locator("#present-notice")
    expect(notice).to_contain_text("unknown build value '2' ignored")
    expect(notice).to_contain_text("event 'ghost' not in this presentation, ignored")
    notice.get_by_role("button").click()
    expect(notice).to_be_empty()


def test_a_dismissed_notice_stays_dismissed_when_the_window_changes_size(app_page):
    """A new size redraws the chart on the server; it is not a new address to tell about."""
    open_present(app_page, "ghost?build=2")
    notice = app_page.locator("#present-notice")
    expect(notice).to_contain_text("ignored")
    app_page.wait_for_load_state("networkidle")
    notice.get_by_role("button").click()
    expect(notice).to_be_empty()
    with app_page.expect_response(
        lambda r: (
            "_dash-update-component" in r.url and "present-size" in (r.request.post_data or "")
        )
    ):
        app_page.set_viewport_size({"width": 1000, "height": 700})
    app_page.wait_for_load_state("networkidle")
    expect(notice).to_be_empty()


def test_the_handout_runs_under_its_policy(app_page):
    response = app_page.goto(app_page.base + "/handout?kind=trial")
    assert "sha256-" in script_src(response)
    app_page.wait_for_selector(".js-plotly-plot .scatterlayer .point")
    app_page.wait_for_load_state("networkidle")


@pytest.fixture
def course_page():
    """A course page on another port (another origin) that frames the timeline at `?src=`."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if "?src=" not in self.path:  # the browser's own requests (an icon)
                self.send_response(204)
                self.end_headers()
                return
            target = self.path.split("?src=", 1)[1]
            body = f'<!DOCTYPE html><title>Course</title><iframe src="{target}" width="900" height="700"></iframe>'
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *_args):
            pass

    served = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=served.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{served.server_port}/?src="
    served.shutdown()


def test_a_course_page_can_frame_the_timeline(page, live_server, course_page):
    errors: list[str] = []
    hosts: set[str] = set()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(course_page + live_server.url + "/")
    inside = page.frame_locator("iframe")
    expect(inside.locator("#timeline .scatterlayer .point").first).to_be_attached()
    inside.locator("#filter-kind input").first.click()
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert hosts == {urlsplit(course_page).netloc, urlsplit(live_server.url).netloc}


@pytest.fixture(scope="module")
def closed_server():
    server = LiveServer(TINY / "events.csv", frame_ancestors="'self'")
    yield server
    server.stop()


def test_framing_is_refused_where_the_person_serving_it_says_so(page, closed_server, course_page):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(course_page + closed_server.url + "/")
    page.wait_for_timeout(1500)
    assert any("frame-ancestors" in error for error in errors), errors
    assert page.frame_locator("iframe").locator("#timeline").count() == 0


@pytest.mark.parametrize("width", [1280, 360])
def test_the_lecture_notice_passes_axe(app_page, width):
    app_page.set_viewport_size({"width": width, "height": 800})
    open_present(app_page, "ghost?build=2")
    expect(app_page.locator("#present-notice")).to_contain_text("ghost")
    assert _axe(app_page) == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_page_for_an_address_too_long_passes_axe(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(live_server.url + "/?q=" + "x" * MAX_ADDRESS_BYTES)
    assert response.status == 414
    expect(page.locator("h1")).to_have_text(["This link is too long", "Ce lien est trop long"])
    assert _axe(page) == []
    width_used = page.evaluate("() => document.documentElement.scrollWidth")
    assert width_used <= width
