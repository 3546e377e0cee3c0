"""The address is the state: every control is read from it and written back to it.

On load, on Back and on Forward, `dcc.Location` sets `url.search`; the callback parses it
(`core.view.address.parse_query`) and sends the controls that must change (`address-controls`),
which a clientside callback sets: every control, the selected event, the list order and
the visible range. When a person changes any of them, the same callback writes the
canonical query (`to_query`), which `dcc.Location(refresh=False)` pushes as a new history
entry. Dash allows a loop between an input and an output only inside one callback, hence
one callback for both ways; it writes nothing that is already there (once the controls
are set from the address it runs again, finds the address right, and stops there, with
no new history entry). It sets the controls through a store, not directly, because Dash
holds a callback until every running callback that could change one of its inputs has
answered: with the controls among this callback's outputs, the chart's redraw waited a
round trip for the address at every click. Parts of an address it cannot use are dropped
with a short, dismissable notice.

The search box redraws the chart at every keystroke; the address takes its value only
once typing pauses for `SETTLE_MS` (`search-settled`), so typing a word makes one history
entry, not one per letter. A value set other than by typing (Reset, Back) settles at once.
"""

from __future__ import annotations

import json
from dataclasses import astuple

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from components.filters import SETTLE_JS, SETTLE_MS
from core.i18n import Message, placeholders, t
from core.view.address import (
    MAX_AXIS_YEARS,
    MAX_NOTICES,
    MAX_QUERY,
    known_from,
    parse_query,
    range_from_relayout,
    to_query,
)
from core.view.controls import Controls, controls_from_state, state_from_controls
from guard import expect, pattern
from guard.limits import MAX_ADDRESS_CHARS
from guard.schema import COUNT, Json, ListOf, Number, OrNone, Record, Said, Text

# A notice the page keeps (`Message.to_data`): one of the address's notices, whose values
# parse_query cuts to at most 30 characters
NOTICE = Said(placeholders("notice_"), max_chars=100)
CONTROLS = (
    ("lang", "value"),
    ("filter-kind", "value"),
    ("filter-tag", "value"),
    ("filter-years", "value"),
    ("search-settled", "data"),  # the search box's value once typing pauses (below)
    ("selected", "data"),
    ("list-sort", "value"),
    ("filter-lanes", "value"),
    ("lanes-all", "data"),  # every lane drawn, none folded ("Show N more lanes")
    ("view-range", "data"),
)


def layout() -> html.Div:
    """The notice for odd addresses (a polite live region) and the visible-range store."""
    return html.Div(
        [
            # No `data=None`, here or on any store a callback reads: on mounting, a memory
            # store whose data is None sets it to undefined, a change that fired the redraw
            # and the details on every page load (a round trip before the first drawing).
            dcc.Store(id="view-range"),
            dcc.Store(id="address-controls"),  # {"component.prop": value} to set
            dcc.Store(id="chart-axis"),  # the chart's relayouts that move its x axis
            dcc.Store(id="search-settled", data=""),  # the search, once typing pauses
            dcc.Store(id="url-notices", data=[]),
            html.Div([], id="url-notice", className="url-notice", role="status"),
        ]
    )


def notice(notices: tuple[Message, ...], lang: str, button: str = "dismiss-notice") -> list:
    """What was ignored of the address, in the page's language, with a button (of pattern
    id type `button`) to dismiss it."""
    if not notices:
        return []
    said = "; ".join(n.text(lang) for n in notices[:5])
    return [
        html.P([t(lang, "url_notice"), " ", said + "."]),
        html.Button(
            t(lang, "dismiss"),
            id={"type": button, "index": 0},
            type="button",
            className="small-button",
        ),
    ]


def register(app: Dash, get_timeline) -> None:
    expect(
        app,
        {
            ("url", "search"): OrNone(Text(MAX_ADDRESS_CHARS)),
            ("search-settled", "data"): OrNone(Text(MAX_QUERY)),
            ("view-range", "data"): OrNone(
                ListOf(Number(-MAX_AXIS_YEARS, MAX_AXIS_YEARS), length=2)
            ),
            # a relayout of the chart's x axis: {"xaxis.range[0]": 1990.5, ...}
            ("chart-axis", "data"): OrNone(Record(others=Json(max_depth=2))),
            ("url-notices", "data"): OrNone(ListOf(NOTICE, MAX_NOTICES)),
            (pattern({"type": "dismiss-notice", "index": ALL}), "n_clicks"): OrNone(COUNT),
        },
    )

    @app.callback(
        Output("url", "search"),
        Output("address-controls", "data"),
        Output("url-notices", "data"),
        Input("url", "search"),
        *[Input(component, prop) for component, prop in CONTROLS[:-1]],
        Input("chart-axis", "data"),
        State("view-range", "data"),
        # The first call reads the address the page was opened with.
        prevent_initial_call="initial_duplicate",
    )
    def sync(search, *values):
        *current, relayout, view_range = values
        timeline = get_timeline()
        all_kinds, year_range = timeline.kinds_present(), timeline.year_range
        # The address wins when it changed (with anything else at the same time, as on load).
        if ctx.triggered_id is None or "url.search" in ctx.triggered_prop_ids:
            if search is None:
                return no_update, no_update, no_update
            state = parse_query(search, known_from(timeline))
            wanted = astuple(controls_from_state(state, all_kinds, year_range))  # CONTROLS order
            now = [*current, view_range]
            changes = {
                f"{component}.{prop}": w
                for (component, prop), w, n in zip(CONTROLS, wanted, now, strict=True)
                if w != n
            }
            return no_update, changes or no_update, [n.to_data() for n in state.notices]

        x_range = view_range
        if "chart-axis.data" in ctx.triggered_prop_ids:
            x_range = range_from_relayout(relayout, tuple(view_range) if view_range else None)
            x_range = list(x_range) if x_range else None
            if x_range == view_range and len(ctx.triggered_prop_ids) == 1:
                return no_update, no_update, no_update  # a resize: nothing a person set
        controls = Controls(*current, x_range=x_range)
        base = parse_query(search, known_from(timeline))
        state = state_from_controls(controls, base, all_kinds, year_range)
        range_out = {"view-range.data": x_range} if x_range != view_range else no_update
        # Equal when the controls were just set from the address (on load, Back, Forward):
        # then the address stays as it is, with no new history entry.
        return to_query(state) if state != base else no_update, range_out, no_update

    # Only a pan, a zoom or a reset of the axis reaches `sync`: every redraw also sends a
    # relayout (autosize), and a call of `sync` it started made Dash drop the answer of
    # the call before it, the one writing a person's change into the address.
    app.clientside_callback(
        """function (relayout) {
            const moved = relayout && Object.keys(relayout).some(
                key => key.startsWith("xaxis.range") || key === "xaxis.autorange");
            return moved ? relayout : window.dash_clientside.no_update;
        }""",
        Output("chart-axis", "data"),
        Input("timeline", "relayoutData"),
        prevent_initial_call=True,
    )

    # The address sets the controls, and the search box with its settled value.
    names = [f"{component}.{prop}" for component, prop in CONTROLS] + ["search-settled.data"]
    app.clientside_callback(
        f"""function (changes) {{
            const names = {json.dumps(names)};
            const keep = window.dash_clientside.no_update;
            return names.map(name => (changes && name in changes) ? changes[name] : keep);
        }}""",
        *[
            Output(component, prop, allow_duplicate=component not in ("lang", "list-sort"))
            for component, prop in CONTROLS
        ],
        Output("search", "value", allow_duplicate=True),
        Input("address-controls", "data"),
        prevent_initial_call=True,
    )

    # The search for the address: once typing pauses (see above).
    app.clientside_callback(
        SETTLE_JS.format(name="address", ms=SETTLE_MS),
        Output("search-settled", "data", allow_duplicate=True),
        Input("search", "value"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("url-notice", "children"),
        Input("url-notices", "data"),
        Input("lang", "value"),
        prevent_initial_call=True,  # the layout already holds it (tests/test_first_view.py)
    )
    def show_notice(notices: list[dict] | None, lang: str):
        return notice(tuple(Message.from_data(n) for n in notices or ()), lang)

    @app.callback(
        Output("url-notices", "data", allow_duplicate=True),
        Input({"type": "dismiss-notice", "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def dismiss(clicks):
        return [] if any(clicks) else no_update
