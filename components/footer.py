"""The page footer: what the data is, how to cite the timeline, and when its data changed.

The version is the date the data last changed (`TimelineStore.changed`: the last commit of
the data files when they are in git as committed, else the newest file of the folder),
so a citation names the state of the data a student read; the address is filled in by the
browser, which is the only one to know under which name the page was reached.
"""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, html

from components.texts import register_texts
from core.i18n import DEFAULT_LANG, t
from core.load.dates import format_when


def layout(changed: str) -> html.Footer:
    """`changed` is the ISO date the data last changed."""
    lang = DEFAULT_LANG
    when = format_when(changed, lang)
    return html.Footer(
        id="footer",
        className="site-footer",
        **{"data-changed": changed},
        children=[
            html.P(t(lang, "footer"), id="footer-text"),
            html.P(
                id="cite",
                className="cite",
                children=[
                    html.Strong(t(lang, "cite_heading"), id="cite-heading"),
                    " ",
                    html.Span(t(lang, "cite_text", date=when), id="cite-text"),
                    " ",
                    html.Span(id="cite-url", className="cite-url"),
                ],
            ),
            html.P(t(lang, "data_changed", date=when), id="data-changed"),
        ],
    )


def register(app: Dash, changed: Callable[[], str]) -> None:
    """`changed` gives the ISO date the data last changed (it moves when the files do)."""

    register_texts(
        app,
        {
            ("footer-text", "children"): "footer",
            ("skip-link", "children"): "skip_link",
            ("cite-heading", "children"): "cite_heading",
            ("cite-text", "children"): lambda lang: t(
                lang, "cite_text", date=format_when(changed(), lang)
            ),
            ("data-changed", "children"): lambda lang: t(
                lang, "data_changed", date=format_when(changed(), lang)
            ),
        },
    )

    # The address without the view's query: the timeline itself, as a reader would cite it.
    app.clientside_callback(
        "function (path) { return window.location.origin + (path || '/'); }",
        Output("cite-url", "children"),
        Input("url", "pathname"),
    )
