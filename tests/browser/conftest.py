"""Real-browser fixtures: the app served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Every page a test opens is watched: at the end of the test, the browser console must
have no error and no request may have gone anywhere but the app's own host. The host
resolver flags make any outside request fail loudly, as it would in a lecture hall.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from app import create_app
from guard.headers import QuietRequestHandler
from tests.conftest import BUILT_IN, ROOT
from tests.support.chromium import CHROMIUM
from tests.support.chromium import FLAGS as CHROMIUM_FLAGS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


class LiveServer:
    """A Dash app on a free port of 127.0.0.1, in a background thread, served by Flask's
    development server as `python app.py --debug` serves it. `options` go to create_app."""

    def __init__(self, data_path, **options):
        self.path = data_path
        self.app = create_app(data_path, **options)
        self.server = make_server(
            "127.0.0.1", 0, self.app.server, threaded=True, request_handler=QuietRequestHandler
        )
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    server = LiveServer(BUILT_IN)
    yield server
    server.stop()


@contextmanager
def watched(page, url: str) -> Iterator:
    """The page, with its console errors and outside requests checked when the block ends."""
    errors: list[str] = []
    foreign: list[str] = []
    host = urlsplit(url).netloc
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "request",
        lambda req: foreign.append(req.url) if urlsplit(req.url).netloc not in (host, "") else None,
    )
    page.base = url
    yield page
    assert errors == [], f"browser console errors: {errors}"
    assert foreign == [], f"requests that left the app's host: {foreign}"


@pytest.fixture
def app_page(page, live_server):
    """A page on the app, with its console errors and outside requests checked at the end."""
    with watched(page, live_server.url):
        yield page


def open_app(page, query: str = "") -> None:
    """Open the app and wait until the chart is drawn, the count filled in, and the first
    callbacks (the address, the chart's width) answered: the page arrives with a chart
    already drawn, and a test acting at once would race them."""
    page.goto(page.base + "/" + query)
    # attached: on a zoomed chart (x0, x1) the first marks are out of view, hidden
    page.wait_for_selector("#timeline .scatterlayer .point", state="attached")
    page.wait_for_function("() => document.getElementById('event-count').textContent.length > 0")
    page.wait_for_load_state("networkidle")
    # the page is interactive once the server's first view has given way to Dash's
    page.wait_for_function("() => !document.getElementById('first-view')")


def wait_present_drawn(page) -> None:
    """Wait until lecture mode has its deck (its keys work) and the step on the screen was
    drawn for the chart's real size: the size is reported once the first step is shown,
    and the server's answer replaces the card (assets/present.js, data-present-sized)."""
    page.wait_for_function(
        "() => Number(document.documentElement.dataset.presentDeck) > 0"
        " && document.documentElement.dataset.presentSized === '1'"
    )


def axe_violations(page) -> list[dict]:
    """What axe-core finds wrong with the page as it is now: each rule broken, with where.
    Evaluated through the browser's DevTools, which the page's Content-Security-Policy does
    not stop; a <script> tag added to the page would be refused (guard/headers.py)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => { const r = await axe.run(document);"
        " return r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})); }"
    )
