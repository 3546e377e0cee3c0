"""The address is the state: every control is read from it and written back to it.

On load, on Back and on Forward, `dcc.Location` sets `url.search`; the callback parses it
(`core.urlstate.parse_query`) and sets every control, the selected event, the list order
and the visible range. When a person changes any of them, the same callback writes the
canonical query (`to_query`), which `dcc.Location(refresh=False)` pushes as a new history
entry. Dash allows a loop between an input and an output only inside one callback, hence
one callback for both ways; it writes nothing that is already there, so it never feeds
itself. Parts of an address it cannot use are dropped with a short, dismissable notice.
"""

from __future__ import annotations

from dataclasses import astuple

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from core.controls import Controls, controls_from_state, state_from_controls
from core.i18n import t
from core.urlstate import known_from, parse_query, range_from_relayout, to_query

CONTROLS = (
    ("lang", "value"),
    ("filter-kind", "value"),
    ("filter-tag", "value"),
    ("filter-years", "value"),
    ("search", "value"),
    ("selected", "data"),
    ("list-sort", "value"),
    ("view-range", "data"),
)


def layout() -> html.Div:
    """The notice for odd addresses (a polite live region) and the visible-range store."""
    return html.Div(
        [
            dcc.Store(id="view-range", data=None),
            dcc.Store(id="url-notices", data=[]),
            html.Div(id="url-notice", className="url-notice", role="status"),
        ]
    )


def notice(notices: tuple[str, ...], lang: str) -> list:
    if not notices:
        return []
    return [
        html.P([t(lang, "url_notice"), " ", "; ".join(notices[:5]) + "."]),
        html.Button(
            t(lang, "dismiss"),
            id={"type": "dismiss-notice", "index": 0},
            type="button",
            className="small-button",
        ),
    ]


def register(app: Dash, get_timeline) -> None:
    @app.callback(
        Output("url", "search"),
        *[
            Output(component, prop, allow_duplicate=component not in ("lang", "list-sort"))
            for component, prop in CONTROLS
        ],
        Output("url-notices", "data"),
        Input("url", "search"),
        *[Input(component, prop) for component, prop in CONTROLS[:-1]],
        Input("timeline", "relayoutData"),
        State("view-range", "data"),
        # The first call reads the address the page was opened with.
        prevent_initial_call="initial_duplicate",
    )
    def sync(search, *values):
        *current, relayout, view_range = values
        timeline = get_timeline()
        all_kinds, year_range = timeline.kinds_present(), timeline.year_range
        unchanged = [no_update] * len(CONTROLS)
        # The address wins when it changed (with anything else at the same time, as on load).
        if ctx.triggered_id is None or "url.search" in ctx.triggered_prop_ids:
            if search is None:
                return no_update, *unchanged, no_update
            state = parse_query(search, known_from(timeline))
            wanted = astuple(controls_from_state(state, all_kinds, year_range))  # CONTROLS order
            now = [*current, view_range]
            outputs = [w if w != n else no_update for w, n in zip(wanted, now, strict=True)]
            return no_update, *outputs, list(state.notices)

        x_range = view_range
        if "timeline.relayoutData" in ctx.triggered_prop_ids:
            x_range = range_from_relayout(relayout, tuple(view_range) if view_range else None)
            x_range = list(x_range) if x_range else None
            if x_range == view_range and len(ctx.triggered_prop_ids) == 1:
                return no_update, *unchanged, no_update  # a resize: nothing a person set
        controls = Controls(*current, x_range=x_range)
        base = parse_query(search, known_from(timeline))
        query = to_query(state_from_controls(controls, base, all_kinds, year_range))
        range_out = x_range if x_range != view_range else no_update
        if query == (search or ""):
            return no_update, *unchanged[:-1], range_out, no_update
        return query, *unchanged[:-1], range_out, no_update

    @app.callback(
        Output("url-notice", "children"), Input("url-notices", "data"), Input("lang", "value")
    )
    def show_notice(notices: list[str] | None, lang: str):
        return notice(tuple(notices or ()), lang)

    @app.callback(
        Output("url-notices", "data", allow_duplicate=True),
        Input({"type": "dismiss-notice", "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def dismiss(clicks):
        return [] if any(clicks) else no_update
