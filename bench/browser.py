"""Browser measurements in headless Chromium (Playwright, Debian's /usr/bin/chromium).

Each figure is taken inside the page, on the page's own clock (`performance.now()`, whose
zero is navigation start):

- *first paint*: the first animation frame in which the timeline's marks are in the page,
  whoever drew them (the first view the server sends, or Plotly), watched by a
  requestAnimationFrame loop injected before any page script runs;
- *shown*: when the browser actually put that frame on the screen. A frame that begins
  is not yet shown: style, layout, paint and raster follow, and the page's scripts may run
  first. Chromium says when it showed the first frame with content (the paint timing
  entry `first-contentful-paint`); when the marks were in the page by then, that frame
  holds them and its time is this figure. When they came later (drawn by script after a
  first frame without them), the first figure is kept, a lower bound, and marked. The
  first paint figure alone flattered a page whose marks arrive in its HTML: the frame
  begins early, but is shown 100-200 ms later (2026-11-28, bench/README.md);
- *interactive*: the first frame in which Plotly's chart has its marks and the first view
  is gone (Dash mounted, the interactive chart drawn);
- *filter* and *search*: from the input event (a click on a kind, a word typed in the
  search box) to the next frame after Plotly's `plotly_afterplot`, as it begins and once
  the page has laid it out and painted it (a task the frame's animation callback queues
  runs after that work; raster and display, on other threads, follow); search is also
  timed from the callback request it causes (the box sends each keystroke at once).

Every run uses a fresh browser context, so the first visit is a cold cache.
"""

from __future__ import annotations

import contextlib
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.support.chromium import CHROMIUM, FLAGS

# Injected before the page's scripts: note the first frame where the chart shows marks, and
# keep the time of each Plotly redraw.
WATCH = """
(() => {
  window.__bench = {drawn: null, painted: null, afterplots: [], frames: [], posts: []};
  const fetch = window.fetch;
  window.fetch = function (url, options) {
    const address = typeof url === 'string' ? url : (url && url.url) || String(url);
    if (address.includes('_dash-update-component')) {
      window.__bench.posts.push(performance.now());
    }
    return fetch.apply(this, arguments);
  };
  function marks(gd) {
    return gd.querySelectorAll('.scatterlayer .point, .scatterlayer .textpoint').length;
  }
  function poll() {
    const gd = document.querySelector('#timeline .js-plotly-plot');
    // an event's mark, or a group's (a large timeline's marks stand for several events)
    if (window.__bench.painted === null && (document.querySelector('#first-view .first-chart-marks path')
        || (gd && marks(gd) > 0))) {
      window.__bench.painted = performance.now();
    }
    if (gd && gd._fullData && gd._fullData.length && marks(gd) > 0
        && !document.getElementById('first-view')) {
      window.__bench.drawn = performance.now();
      // the frame after each redraw: when it begins, and when the page has laid it out and
      // painted it (a task queued from its animation frame runs once the frame's work is done)
      gd.on('plotly_afterplot', () => requestAnimationFrame(() => {
        const begun = performance.now();
        window.__bench.afterplots.push(begun);
        setTimeout(() => window.__bench.frames.push([begun, performance.now()]), 0);
      }));
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();
"""

# When Chromium showed the page's first frame with content (null: not yet).
FIRST_CONTENTFUL = """() => {
  const entry = performance.getEntriesByType('paint')
    .find(e => e.name === 'first-contentful-paint');
  return entry ? entry.startTime : null;
}"""

# Runs in the page: do `action`, resolve with the time to the frame after the first redraw
# after it (for a search, the first after its callback request) as it begins, the time from
# that request to the same frame, and the time to that frame laid out and painted.
TIMED = """
async ([action, arg]) => {
  // A person types in a box that has had the focus since they clicked it: its focus (and
  // the style and layout that brings) comes before the keystroke, not in its time.
  if (action !== 'click') {
    document.getElementById('search').focus();
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  const start = performance.now();
  const before = window.__bench.afterplots.length;
  if (action === 'click') {
    document.querySelector(arg).click();
  } else {
    const box = document.getElementById('search');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(box, arg);
    box.dispatchEvent(new Event('input', {bubbles: true}));
  }
  // A search redraws only once its request is sent: a redraw before that is not its own.
  const deadline = start + 30000;
  let after, post, painted;
  while (painted === undefined && performance.now() < deadline) {
    await new Promise(r => setTimeout(r, 2));
    post = window.__bench.posts.find(t => t >= start);
    const redraws = window.__bench.afterplots.slice(before);
    after = action === 'click' ? redraws[0]
      : (post === undefined ? undefined : redraws.find(t => t > post));
    const frame = window.__bench.frames.find(([begun]) => begun === after);
    painted = after === undefined || frame === undefined ? undefined : frame[1];
  }
  return painted === undefined ? null
    : [after - start, post === undefined ? null : after - post, painted - start];
}
"""


@dataclass
class BrowserResult:
    drawn_ms: list[float] = field(default_factory=list)  # interactive
    painted_ms: list[float] = field(default_factory=list)  # first paint
    shown_ms: list[float] = field(default_factory=list)  # first paint, the frame shown
    shown_bounds: int = 0  # runs where `shown` is only a lower bound (see `shown`)
    filter_ms: list[float] = field(default_factory=list)
    filter_painted_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    search_painted_ms: list[float] = field(default_factory=list)
    search_request_ms: list[float] = field(default_factory=list)
    first_visit_bytes: list[int] = field(default_factory=list)
    first_visit_requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    filter_request: dict | None = None  # one /_dash-update-component POST, for the load test

    @staticmethod
    def median(values: list[float]) -> float | None:
        return statistics.median(values) if values else None

    def note_shown(self, page, painted: float) -> None:
        """Keep when the frame with the marks was shown (see the module's docstring)."""
        contentful = page.evaluate(FIRST_CONTENTFUL)
        if contentful is not None and painted <= contentful:
            self.shown_ms.append(contentful)
        else:
            self.shown_ms.append(painted)
            self.shown_bounds += 1


def measure(
    url: str,
    runs: int,
    search_word: str,
    timeout_s: float = 60,
    peers: Sequence[tuple[str, str, str]] = (),
    peer_timeout_s: float = 240,
) -> tuple[BrowserResult, dict[str, BrowserResult]]:
    """Open `url` `runs` times in fresh contexts; time drawing, a filter and a search. With
    `peers` ((name, page of the same events, CSS selector of its items) each: bench/peer.py),
    open each as often, run by run in the same browser, each side going first in turn: all
    meet the same moments of a shared machine, and a ratio of their medians compares like
    with like."""
    result = BrowserResult()
    theirs = {name: BrowserResult() for name, _url, _marks in peers}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for run in range(runs):
                sides = [
                    (
                        result,
                        lambda run=run: _one_run(
                            browser, url, search_word, result, timeout_s, capture=run == 0
                        ),
                    )
                ]
                for name, peer_url, marks in peers:
                    sides.append(
                        (
                            theirs[name],
                            lambda u=peer_url, m=marks, r=theirs[name]: _peer_run(
                                browser, u, m, r, peer_timeout_s
                            ),
                        )
                    )
                turn = run % len(sides)
                for side, run_it in sides[turn:] + sides[:turn]:
                    try:
                        run_it()
                    except PlaywrightError as exc:  # a timed-out run is reported, not fatal
                        side.failures.append(str(exc).splitlines()[0])
        finally:
            browser.close()
    return result, theirs


def _one_run(browser, url, search_word, result, timeout_s, capture) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(timeout_s * 1000)
    page.add_init_script(WATCH)
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    posts = []
    if capture:
        page.on(
            "request",
            lambda r: posts.append(r) if r.method == "POST" and "_dash-update" in r.url else None,
        )
    page.goto(url)
    # a function, not an expression: Playwright would eval an expression, which the page's
    # Content-Security-Policy refuses (guard/headers.py)
    page.wait_for_function("() => window.__bench && window.__bench.drawn !== null")
    result.drawn_ms.append(page.evaluate("window.__bench.drawn"))
    painted = page.evaluate("window.__bench.painted")
    result.painted_ms.append(painted)
    page.wait_for_function(FIRST_CONTENTFUL)
    result.note_shown(page, painted)
    _settle(page)
    page.wait_for_timeout(300)  # let the width report's redraw settle
    total = 0
    for request in responses:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    result.first_visit_bytes.append(total)
    result.first_visit_requests = [r.url for r in responses]

    posts.clear()
    elapsed = page.evaluate(TIMED, ["click", "#filter-kind input[type=checkbox]"])
    if elapsed is not None:
        result.filter_ms.append(elapsed[0])
        result.filter_painted_ms.append(elapsed[2])
    _settle(page)  # so that a late redraw is not taken for the next action's
    if capture:
        for request in posts:
            body = request.post_data_json
            if body and "timeline.figure" in body.get("output", ""):
                result.filter_request = {"url": request.url, "body": body}
    page.evaluate(TIMED, ["click", "#filter-kind input[type=checkbox]"])  # back to all kinds
    _settle(page)
    elapsed = page.evaluate(TIMED, ["search", search_word])
    if elapsed is not None:
        result.search_ms.append(elapsed[0])
        result.search_painted_ms.append(elapsed[2])
        if elapsed[1] is not None:
            result.search_request_ms.append(elapsed[1])
    context.close()


def _settle(page, timeout_s: float = 15) -> None:
    """Wait until the page has made no request for 0.5 s, for at most `timeout_s`."""
    with contextlib.suppress(PlaywrightError):
        page.wait_for_load_state("networkidle", timeout=timeout_s * 1000)


# A peer's page (bench/peer.py): the first frame with its items in the page. It draws once,
# interactive at once, so this is both its first paint and its interactive time.
WATCH_PEER = """
((marks) => {
  window.__peer = {drawn: null};
  function poll() {
    if (document.querySelector(marks)) {
      window.__peer.drawn = performance.now();
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})(%s);
"""


def _peer_run(browser, url: str, marks: str, result: BrowserResult, timeout_s: float) -> None:
    """Open a peer's page once in a fresh context; time its first drawing of `marks`."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_s * 1000)
        page.add_init_script(WATCH_PEER % json.dumps(marks))
        # Not until "load": at 100,000 events vis-timeline's 12 MB page loads for minutes.
        page.goto(url, wait_until="commit")
        page.wait_for_function("() => window.__peer && window.__peer.drawn !== null")
        drawn = page.evaluate("window.__peer.drawn")
        result.drawn_ms.append(drawn)
        result.painted_ms.append(drawn)
        page.wait_for_function(FIRST_CONTENTFUL)
        result.note_shown(page, drawn)
    finally:
        context.close()


# Lecture mode: from a key (PageDown) to the first frame showing the next card with the
# chart's ring on its event. The step is drawn when the card's title is the next event's
# and the ring has been drawn again since the key: over the chart by the page
# (.present-ring, assets/present.js), or, in a version that had Plotly draw it, by a redraw
# of the chart (Plotly's afterplot); the frame after that one is the first painted with
# both.
STEP = """
async ([key, title]) => {
  const graph = document.querySelector('#present-graph .js-plotly-plot');
  const ringBefore = document.querySelector('#present-graph .present-ring');
  let redrawn = false;
  const mark = () => { redrawn = true; };
  graph.on('plotly_afterplot', mark);
  const start = performance.now();
  document.dispatchEvent(new KeyboardEvent('keydown', {key: key, bubbles: true}));
  const deadline = start + 30000;
  while (performance.now() < deadline) {
    await new Promise(r => requestAnimationFrame(r));
    const card = document.getElementById('present-title');
    const ring = document.querySelector('#present-graph .present-ring');
    if (card && card.textContent === title && (redrawn || (ring && ring !== ringBefore))) {
      await new Promise(r => requestAnimationFrame(r));
      graph.removeListener('plotly_afterplot', mark);
      return performance.now() - start;
    }
  }
  return null;
}
"""


def measure_lecture(
    url: str, deck: list[tuple[str, str]], runs: int, steps: int = 5
) -> list[float]:
    """Step through lecture mode at `url` (a deck of (id, title)), `steps` steps per run;
    the time of each step, from the key to the frame that shows it."""
    times: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for _run in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                try:
                    page = context.new_page()
                    page.set_default_timeout(60000)
                    page.goto(url)
                    page.wait_for_selector("#present-graph .scatterlayer .point")
                    page.wait_for_function(
                        "() => document.documentElement.getAttribute('data-present-deck') > 0"
                    )
                    _settle(page)
                    for _event_id, title in deck[1 : steps + 1]:
                        elapsed = page.evaluate(STEP, ["PageDown", title])
                        if elapsed is not None:
                            times.append(elapsed)
                        page.wait_for_timeout(300)  # a lecturer does not press twice a frame
                        _settle(page, 5)
                except PlaywrightError as exc:
                    print(f"  (lecture step: a run failed: {str(exc).splitlines()[0]})")
                finally:
                    context.close()
        finally:
            browser.close()
    return times
