"""Sharing and export: "copy link" and "copy embed code" buttons, and the filtered events
as files for study.

The link is the address itself (components/urlsync.py keeps it up to date); the embed code
is an <iframe> of the same address with `embed=1` (the chart and the details only), titled
with the timeline's title. Both are copied in the browser (assets/copy-link.js), with a
confirmation in a live region. Exports are built by `core.publish.references` from the
same filters as the chart: the events as CSV, and their references as BibTeX, RIS and
CSL-JSON, in files named after the timeline. One event's references can also be fetched
by themselves, at `/references/<event id>.<bib|ris|json>` (`register_routes`): the details
link to them, so that a student reading an event adds its papers to Zotero or EndNote.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from flask import Flask, Response, abort

from components.texts import register_texts
from core.i18n import DEFAULT_LANG, t
from core.load.model import FrontMatter, Timeline
from core.publish.references import FORMATS, cited_sources, export
from core.view.selection import Filters, apply_filters
from guard import expect
from guard.schema import COUNT, OrNone

BUTTONS = {fmt: f"export-{fmt}" for fmt in FORMATS}
REFERENCES_PATH = "/references"
REFERENCE_FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}  # and their names


def references_url(event_id: str, fmt: str) -> str:
    """Where one event's references are, in one of `REFERENCE_FORMATS`."""
    return f"{REFERENCES_PATH}/{quote(event_id)}.{fmt}"


def register_routes(server: Flask, get_timeline: Callable[[], Timeline]) -> None:
    """`/references/<event id>.<format>`: the references one event cites, as a file to
    download; 404 for an event, a format or references that do not exist."""

    def event_references(event_id: str, fmt: str) -> Response:
        timeline = get_timeline()
        if fmt not in REFERENCE_FORMATS:
            abort(404)
        events = timeline.events[timeline.events["id"] == event_id]
        if events.empty or not cited_sources(events, timeline.sources):
            abort(404)
        suffix, mime = FORMATS[fmt]
        filename = f"{timeline.front.file_stem}-{event_id}-{suffix}"  # ids are slugs
        return Response(
            export(fmt, events, timeline.sources),
            mimetype=mime,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    server.add_url_rule(f"{REFERENCES_PATH}/<event_id>.<fmt>", "event_references", event_references)


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
