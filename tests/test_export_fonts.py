"""Exported slides and handouts: set in the app's font, with no label over a mark.

The SVG is read back as a file (its text and marker paths, placed by their transforms),
so the check is on what a person opens, not on the figure that made it. These start
Kaleido's Chromium or WeasyPrint: a few seconds each.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from core.chart.metrics import FONT_FILES
from core.load.loader import load_timeline
from core.publish.fonts import FAMILY, embed_in_svg, fonts_for_chromium
from core.publish.offline import HANDOUT_WIDTH, export, image, selection, timeline_figure
from tests.conftest import BUILT_IN
from tests.support.chart_boxes import covered
from tests.support.svg_boxes import svg_boxes

BUILT = load_timeline(BUILT_IN)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("query", ["", "lang=fr", "kind=trial&kind=guideline"])
def test_a_slide_svg_has_large_labels_none_over_a_mark(query):
    svg = export(BUILT, "svg", query).decode("utf-8")
    labels, marks, sizes = svg_boxes(svg)
    assert labels and marks
    assert covered(labels, marks) == []
    assert min(sizes) >= 22  # a 1920x1080 slide, read from the back of a hall
    assert all(box.left >= 0 and box.right <= 1920 for _, box in labels)


def test_a_slide_svg_carries_the_apps_font_inside_it():
    svg = export(BUILT, "svg", "").decode("utf-8")
    root = ET.fromstring(svg)
    style = "".join(node.text or "" for node in root.iter(f"{SVG}style"))
    embedded = re.findall(
        r'font-family:"([^"]+)";font-weight:(\d+).*?base64,([A-Za-z0-9+/=]+)', style
    )
    assert {(family, int(weight)) for family, weight, _ in embedded} == {
        (FAMILY, 400),
        (FAMILY, 700),
    }
    for _, weight, data in embedded:
        assert base64.b64decode(data) == FONT_FILES[int(weight)].read_bytes()
    families = {
        re.search(r"font-family:\s*([^;]+)", node.get("style", "")).group(1)
        for node in root.iter(f"{SVG}text")
    }
    assert families and all(family.strip("'\"").startswith(FAMILY) for family in families)


def test_embedding_the_font_keeps_the_svg_whole():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10"><text>x</text></svg>'
    embedded = ET.fromstring(embed_in_svg(svg))
    assert embedded.find(f"{SVG}text").text == "x"
    assert "@font-face" in embedded.find(f"{SVG}defs/{SVG}style").text


def test_the_pdf_handout_is_set_in_the_apps_font_figure_included(tmp_path):
    reader = PdfReader(__import__("io").BytesIO(export(BUILT, "pdf", "")))
    fonts = set()

    def collect(resources) -> None:
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        for inner in (resources.get("/XObject") or {}).values():
            if "/Resources" in inner.get_object():
                collect(inner.get_object()["/Resources"])

    for page in reader.pages:
        collect(page["/Resources"])
    assert fonts and all(name.startswith("Atkinson-Hyperlegible") for name in fonts), fonts
    first_page = reader.pages[0].extract_text()
    assert "First cement injection, Amiens" in first_page  # a label of the figure


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's fc-match is absent")
def test_the_png_renderer_finds_the_apps_font():
    with fonts_for_chromium() as folder:
        assert folder is not None
        found = subprocess.run(
            ["fc-match", "--format=%{family}", FAMILY],
            capture_output=True,
            text=True,
            env=dict(os.environ),
            check=True,
        ).stdout
    assert FAMILY in found
    assert "FONTCONFIG_FILE" not in os.environ or os.environ["FONTCONFIG_FILE"] != str(folder)


def test_the_pdf_handouts_figure_has_no_label_over_a_mark():
    state, events = selection(BUILT, "")
    figure = timeline_figure(BUILT, state, events, HANDOUT_WIDTH)
    figure.update_layout(width=HANDOUT_WIDTH, height=figure.layout.height)
    labels, marks, _ = svg_boxes(image(figure, "svg").decode("utf-8"))
    assert len(labels) == len(BUILT.events)
    assert covered(labels, marks) == []
