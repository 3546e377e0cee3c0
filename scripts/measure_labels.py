"""Measure the chart's labels in a real Chromium: their size, and how many cover a mark.

    .venv/bin/python scripts/measure_labels.py [EVENT_ID [SCREENSHOT_FOLDER]]

Serves the built-in timeline on 127.0.0.1, opens each view at each size with the event
chosen (default: NICE TA279), and prints a Markdown table: the chart's height, the label
sizes, the labels over a mark (boxes overlapping by more than 2 px each way) and whether
the chosen event's label is on screen. The same measure as tests/browser/test_labels.py.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from core.load.loader import load_timeline  # noqa: E402
from tests.browser.conftest import LiveServer  # noqa: E402
from tests.conftest import BUILT_IN  # noqa: E402
from tests.support.chart_boxes import covered, label_on_screen, measure  # noqa: E402
from tests.support.chromium import CHROMIUM, FLAGS  # noqa: E402

VIEWS = [
    ("lecture", "/present/{event}", "#present-graph", (1280, 720)),
    ("lecture", "/present/{event}", "#present-graph", (1920, 1080)),
    ("presenter view", "/present/{event}?view=presenter", "#present-graph", (1920, 1080)),
    ("presenter view", "/present/{event}?view=presenter", "#present-graph", (1280, 720)),
    ("main page", "/?event={event}", "#timeline", (360, 740)),
    ("main page", "/?event={event}", "#timeline", (768, 1024)),
    ("main page", "/?event={event}", "#timeline", (1280, 800)),
    ("main page", "/?event={event}", "#timeline", (1920, 1080)),
    ("handout (HTML)", "/handout", ".figure", (1280, 800)),
]


def main() -> None:
    chosen = sys.argv[1] if len(sys.argv) > 1 else "nice-ta279-2013"
    title = load_timeline(BUILT_IN).event(chosen)["title_en"]
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    server = LiveServer(BUILT_IN)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, path, selector, (width, height) in VIEWS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(server.url + path.format(event=chosen))
            page.wait_for_selector(f"{selector} .scatterlayer .point")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1200)  # the redraw for the chart's real size
            found = measure(page, selector)
            chart = found["chart"]
            sizes = sorted(set(round(s, 1) for s in found["sizes"])) or [0]
            over = covered(found["labels"], found["marks"])
            on_screen = label_on_screen(found, title) is not None
            if shots:
                page.screenshot(
                    path=str(shots / f"{name.split()[0]}-{width}x{height}.png"), full_page=True
                )
            rows.append(
                f"| {name}, {width}x{height} | {chart.bottom - chart.top:.0f} px | "
                f"{'–'.join(f'{s:g}' for s in (sizes[0], sizes[-1]) if s) or '–'} px | "
                f"{len(over)} of {len(found['labels'])} | {'yes' if on_screen else 'no'} |"
            )
            page.close()
        browser.close()
    server.stop()
    print("| view | chart height | label size | labels over a mark | chosen label on screen |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
