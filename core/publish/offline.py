"""`timeline export`: the handout as PDF or one self-contained HTML file, and the
timeline as a 1920x1080 slide image (PNG or SVG), all without a server.

    timeline export --format pdf|html|png|svg --out FILE [--data PATH] [--lang fr]
                         [--query "kind=trial&from=2009"] [--paper a4|letter]

The selection is the same as lecture mode's (`core.view.deck.deck_for`): the query
string's `ids` in their order, else its filters. Images are drawn by Kaleido in the local
Chromium with MathJax off and plotly.js from the installed package, so nothing is fetched;
the PDF is laid out by WeasyPrint. Every one is set in the app's font, Atkinson
Hyperlegible (core/publish/fonts.py): embedded in the SVG and the PDF, and given to
Kaleido's Chromium for the PNG.
"""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import plotly.graph_objects as go

from core.chart.figure import FigureOptions, build_figure
from core.chart.lanes import lanes_figure
from core.chart.projector import slide_figure as projected_slide
from core.load.model import Timeline
from core.publish.fonts import embed_in_svg, fonts_for_chromium
from core.publish.handout import render_handout
from core.publish.pictures import remote_from_env
from core.view.address import ViewState, known_from, parse_query
from core.view.deck import deck_events, deck_for, x_extent

FORMATS = ("pdf", "html", "png", "svg")
# The printable width of A4 or Letter with the handout's margins, in CSS pixels: labels are
# packed for it, so they never overlap on paper (and only spread out on a wider screen).
HANDOUT_WIDTH = 680
# Without mathjax=False, Kaleido's page loads MathJax from a CDN; plotly.js comes from the
# installed plotly package.
KALEIDO_OPTIONS = {"mathjax": False}


def selection(timeline: Timeline, query: str) -> tuple[ViewState, object]:
    state = parse_query(query, known_from(timeline))
    return state, deck_events(timeline, deck_for(timeline, state))


def timeline_figure(timeline: Timeline, state: ViewState, events, width: int) -> go.Figure:
    # the events' extent with room either side, and for the first tick's label (x_bounds)
    options = FigureOptions(lang=state.lang, plot_width_px=width - 32)
    if state.lanes:  # lanes=kind|group|tag in the address; every one (paper does not unfold)
        return go.Figure(
            lanes_figure(events, timeline.vocabulary, timeline.eras, options, state.lanes)
        )
    return build_figure(events, timeline.vocabulary, timeline.eras, options)


def slide_figure(timeline: Timeline, state: ViewState, events) -> go.Figure:
    """A 1920x1080 slide, sized for a projector like lecture mode (core/chart/projector.py)."""
    return projected_slide(events, timeline, state.lang, x_extent(events), state.lanes)


def image(figure: go.Figure, fmt: str) -> bytes:
    """PNG or SVG bytes of a figure, drawn by Kaleido in the local Chromium, offline, in
    the app's font (embedded in an SVG)."""
    import kaleido

    browser = find_browser()
    if browser:
        os.environ["BROWSER_PATH"] = browser
    options = {"format": fmt, "width": figure.layout.width, "height": figure.layout.height}
    with fonts_for_chromium():
        drawn = kaleido.calc_fig_sync(figure, opts=options, kopts=KALEIDO_OPTIONS)
    return embed_in_svg(drawn) if fmt == "svg" else drawn


def handout_html(timeline: Timeline, query: str, paper: str = "a4", remote: bool = False) -> str:
    """One HTML file that works from disk: plotly.js, fonts, data and pictures all inline
    (`remote`: whether pictures given as http(s) addresses are drawn, else linked)."""
    state, events = selection(timeline, query)
    figure = timeline_figure(timeline, state, events, HANDOUT_WIDTH)
    config = {"displaylogo": False, "responsive": True, "scrollZoom": False}
    config["toImageButtonOptions"] = {"filename": timeline.front.file_stem}
    div = figure.to_html(
        full_html=False, include_plotlyjs=True, include_mathjax=False, config=config
    )
    return render_handout(timeline, events, state.lang, paper, div, remote)


def handout_pdf(timeline: Timeline, query: str, paper: str = "a4", remote: bool = False) -> bytes:
    """The handout as PDF, the figure drawn as SVG so it prints sharp."""
    from weasyprint import HTML

    state, events = selection(timeline, query)
    figure = timeline_figure(timeline, state, events, HANDOUT_WIDTH)
    figure.update_layout(width=HANDOUT_WIDTH, height=figure.layout.height)
    svg = base64.b64encode(image(figure, "svg")).decode("ascii")
    img = f'<img src="data:image/svg+xml;base64,{svg}" alt="">'
    page = render_handout(timeline, events, state.lang, paper, img, remote)
    return HTML(string=page).write_pdf()


def export(
    timeline: Timeline, fmt: str, query: str = "", paper: str = "a4", remote: bool | None = None
) -> bytes:
    """The export's bytes; `remote` (default: $TIMELINE_REMOTE_MEDIA) says whether the
    handout draws pictures given as http(s) addresses or links them."""
    remote = remote_from_env() if remote is None else remote
    if fmt == "html":
        return handout_html(timeline, query, paper, remote).encode("utf-8")
    if fmt == "pdf":
        return handout_pdf(timeline, query, paper, remote)
    state, events = selection(timeline, query)
    return image(slide_figure(timeline, state, events), fmt)


# Where Chromium or Chrome is found when BROWSER_PATH does not say: on PATH under these
# names, then where the installers put it on macOS and Windows.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER_PLACES = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
)


def find_browser() -> str | None:
    """The Chromium or Chrome that draws images: $BROWSER_PATH, else the first one found."""
    if os.environ.get("BROWSER_PATH"):
        return os.environ["BROWSER_PATH"]
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    return next((place for place in BROWSER_PLACES if Path(place).exists()), None)


def missing_software(fmt: str) -> str | None:
    """One line saying what to install for `fmt`, or None when nothing is missing."""
    if fmt in ("png", "svg", "pdf") and find_browser() is None:
        return (
            "Cannot draw the timeline: no Chromium or Chrome found. Install one "
            "(Debian or Ubuntu: apt-get install chromium), or set BROWSER_PATH to its program."
        )
    if fmt == "pdf":
        try:
            import weasyprint  # noqa: F401 - loads pango when imported
        except OSError:
            return (
                "Cannot lay out the PDF: the pango libraries are missing. Install them "
                "(Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
                "libharfbuzz-subset0), or export --format html and print it from a browser."
            )
    return None
