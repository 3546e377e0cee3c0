"""The button under a chart in lanes: "Show N more lanes" when lanes that do not fit the
screen fold into "N more", "Fewer lanes" once every lane is drawn.

A real button (Tab, Enter, Space) next to the chart it controls. A click flips the
`lanes-all` store (assets/lanes.js, no inline script), which the address keeps as
`lanes_all=1` (components/urlsync.py) and the chart's redraw reads
(components/timeline.py, which also sets the button's text and whether it shows).
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, dcc, html
from dash.dependencies import ClientsideFunction

from core.i18n import t


def button_text(meta: dict, lang: str, room_rows: int, every: bool) -> str:
    """The button's text for a chart in lanes (`meta`: its figure's): "Show N more lanes"
    when some fold, "Name the events in every lane" when some are drawn as marks alone, "Fewer lanes" when every lane is drawn and they take more than the
    `room_rows` the screen has; "" (no button) otherwise."""
    folded = meta.get("lanes_folded", 0)
    if folded:
        return t(lang, "lanes_show_more_one" if folded == 1 else "lanes_show_more", count=folded)
    if meta.get("lanes_unlabelled", 0):
        return t(lang, "lanes_show_labels")
    return t(lang, "lanes_fewer") if every and meta.get("lanes_rows", 0) > room_rows else ""


def layout(text: str) -> list:
    """The store of whether every lane is drawn, and the button (hidden without `text`)."""
    return [
        dcc.Store(id="lanes-all", data=False),
        html.Button(
            text,
            id="lanes-more",
            type="button",
            className="small-button lanes-more",
            hidden=not text,
            **{"aria-controls": "timeline", "aria-expanded": "false"},
        ),
    ]


def register(app: Dash) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="lanes", function_name="toggle"),
        Output("lanes-all", "data", allow_duplicate=True),
        Input("lanes-more", "n_clicks"),
        State("lanes-all", "data"),
        prevent_initial_call=True,
    )
