"""`python app.py export`: a real PDF, an HTML file that needs no network, 1920x1080 images.

These start WeasyPrint and a headless Chromium (Kaleido), so they take some seconds each.
"""

from __future__ import annotations

import re
import struct

import pytest

from core.load.loader import load_timeline
from core.publish.offline import export
from tests.conftest import BUILT_IN
from tests.support.axis import ticks_in_range
from tests.test_cli import run

BUILT = load_timeline(BUILT_IN)


def test_html_export_is_one_file_with_plotly_inline_and_nothing_fetched(tmp_path):
    out = tmp_path / "handout.html"
    result = run("export", "--format", "html", "--out", str(out), "--query", "kind=trial")
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Plotly" in page and len(page) > 1_000_000  # plotly.js itself, inline
    assert not re.search(r"<(script|img|iframe)[^>]+src=[\"']?(https?:)?//", page)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", page)
    assert not re.search(r"url\([\"']?(https?:)?//", page)
    trials = BUILT.events[BUILT.events["kind"] == "trial"]
    assert page.count('<section class="event"') == len(trials)


def test_pdf_export_writes_a_pdf(tmp_path):
    out = tmp_path / "handout.pdf"
    result = run(
        "export", "--format", "pdf", "--out", str(out), "--lang", "fr", "--paper", "letter"
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000


def test_export_rejects_an_unknown_format(tmp_path):
    result = run("export", "--format", "docx", "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_png_slide_is_1920_by_1080():
    data = export(BUILT, "png", "ids=nice-ta279-2013,galibert-amiens-1984")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1920, 1080)


@pytest.mark.parametrize("query", ["", "lang=fr&from=2009"])
def test_svg_slide_is_1920_by_1080(query):
    svg = export(BUILT, "svg", query).decode("utf-8")
    assert svg.startswith("<svg") and 'width="1920" height="1080"' in svg[:400]


def test_the_handouts_chart_names_the_year_bce_it_starts_at(tmp_path):
    """Its range is the events' with room either side: "500 av. J.-C." is drawn under the
    first mark, not left out at the chart's edge."""
    from core.publish.offline import HANDOUT_WIDTH, selection, timeline_figure

    (tmp_path / "events.csv").write_text(
        "date,title\nVe-IVe s. av. J.-C.,Classical Greece\nXVe-XVIe siècle,Renaissance\n",
        encoding="utf-8",
    )
    timeline = load_timeline(tmp_path / "events.csv")
    state, events = selection(timeline, "lang=fr")
    xaxis = timeline_figure(timeline, state, events, HANDOUT_WIDTH).to_plotly_json()["layout"][
        "xaxis"
    ]
    assert xaxis["range"][0] < -499  # room before the first event
    inside = [label for _, label in ticks_in_range(xaxis)]
    assert inside[0] == "500 av. J.-C." and all(inside)


def test_a_handout_without_references_has_no_empty_references_section(tmp_path):
    from core.publish.offline import handout_html

    (tmp_path / "events.csv").write_text("date,title\n1984,First case\n", encoding="utf-8")
    page = handout_html(load_timeline(tmp_path / "events.csv"), "lang=fr")
    assert "<h2>Références</h2>" not in page and 'class="references"' not in page
    assert "1 événement. Il ne cite aucune référence." in page
    cited = handout_html(load_timeline(BUILT_IN), "")
    assert "<h2>References</h2>" in cited
    assert "25 events. Every reference cited is listed at the end" in cited
