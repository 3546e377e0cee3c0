"""The exported handout opens from disk, with no server and no network, and shows it all."""

from __future__ import annotations

from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.publish.offline import handout_html
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)


def test_exported_html_works_from_file_with_no_network(page, tmp_path):
    out = tmp_path / "handout.html"
    out.write_text(handout_html(TIMELINE, ""), encoding="utf-8")
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "request",
        lambda req: None if req.url.startswith(("file:", "data:")) else outside.append(req.url),
    )
    page.goto(out.as_uri())
    page.wait_for_selector(".figure .js-plotly-plot .scatterlayer .point")
    total = len(TIMELINE.events)
    marks = page.locator(".figure .scatterlayer .trace .point")
    expect(marks).to_have_count(total)  # the interactive figure, drawn by inline plotly.js
    expect(page.locator("section.event")).to_have_count(total)
    for title in TIMELINE.events["title_en"]:
        expect(page.locator("section.event h3", has_text=title).first).to_be_visible()
    assert page.locator("ol.references li").count() >= 20
    assert errors == [] and outside == [], (errors, outside)
