"""Sharing and export: "copy link" and "copy embed code" buttons, and the filtered events
as files for study.

The link is the address itself (components/urlsync.py keeps it up to date); the embed code
is an <iframe> of the same address with `embed=1` (the chart and the details only), titled
with the timeline's title. Both are copied in the browser (assets/copy-link.js), with a
confirmation in a live region. Exports are built by `core.publish.references` from the
same filters as the chart: the events as CSV, and their references as BibTeX, RIS and
CSL-JSON, in files named after the timeline.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from components.texts import register_texts
from core.i18n import DEFAULT_LANG, t
from core.load.model import FrontMatter
from core.publish.references import FORMATS, export
from core.view.selection import Filters, apply_filters
from guard import expect
from guard.schema import COUNT, OrNone

BUTTONS = {fmt: f"export-{fmt}" for fmt in FORMATS}


def layout(front: FrontMatter, lang: str = DEFAULT_LANG) -> html.Section:
    return html.Section(
        className="share",
        **{"aria-labelledby": "share-heading"},
        children=[
            html.H2(t(lang, "share_heading"), id="share-heading"),
            html.Div(
                className="share-row",
                children=[
                    html.Button(
                        t(lang, "copy_link"),
                        id="copy-link",
                        type="button",
                        className="small-button",
                        **{"data-copied": t(lang, "link_copied")},
                    ),
                    html.Button(
                        t(lang, "copy_embed"),
                        id="copy-embed",
                        type="button",
                        className="small-button",
                        **{"data-copied": t(lang, "embed_copied"), "data-title": front.title(lang)},
                    ),
                    html.Span(id="copy-status", className="copy-status", role="status"),
                ],
            ),
            html.Div(
                className="share-row",
                role="group",
                **{"aria-labelledby": "export-label"},
                children=[
                    html.Span(t(lang, "export_label"), id="export-label"),
                    *[
                        html.Button(
                            t(lang, f"export_{fmt}"),
                            id=button,
                            type="button",
                            className="small-button",
                            n_clicks=0,
                        )
                        for fmt, button in BUTTONS.items()
                    ],
                ],
            ),
            dcc.Download(id="download"),
        ],
    )


def register(app: Dash, get_timeline) -> None:
    expect(app, {(button, "n_clicks"): OrNone(COUNT) for button in BUTTONS.values()})

    @app.callback(
        Output("download", "data"),
        *[Input(button, "n_clicks") for button in BUTTONS.values()],
        State("filter-kind", "value"),
        State("filter-tag", "value"),
        State("filter-years", "value"),
        State("search", "value"),
        State("lang", "value"),
        prevent_initial_call=True,
    )
    def download(*values):
        kinds, tags, years, query, lang = values[len(BUTTONS) :]
        fmt = next((f for f, b in BUTTONS.items() if b == ctx.triggered_id), None)
        if fmt is None:
            return no_update
        timeline = get_timeline()
        shown = apply_filters(timeline.events, Filters.from_inputs(kinds, tags, years, query), lang)
        suffix, mime = FORMATS[fmt]
        text = export(fmt, shown, timeline.sources)
        filename = f"{timeline.front.file_stem}-{suffix}"
        if fmt == "csv":  # a byte-order mark, so that Excel reads the accents as UTF-8
            return dcc.send_bytes(("\ufeff" + text).encode("utf-8"), filename, type=mime)
        return dcc.send_string(text, filename, type=mime)

    register_texts(
        app,
        {
            ("share-heading", "children"): "share_heading",
            ("copy-link", "children"): "copy_link",
            ("copy-link", "data-copied"): "link_copied",
            ("copy-embed", "children"): "copy_embed",
            ("copy-embed", "data-copied"): "embed_copied",
            ("copy-embed", "data-title"): lambda lang: get_timeline().front.title(lang),
            ("export-label", "children"): "export_label",
            **{(button, "children"): f"export_{fmt}" for fmt, button in BUTTONS.items()},
        },
    )
