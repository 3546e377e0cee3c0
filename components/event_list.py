"""The list of the filtered events under the chart (id `event-list`), in the order chosen.

It is the chart's accessible twin and the quickest way to skim: each item is a button
with the date, the kind (the filter's glyph and colour, and its name) and the title;
choosing one opens the same detail panel as clicking the chart (see assets/select.js).
The order (`list-sort`: date, title or kind) is kept in the address. An event with no
source carries a visible "no source" mark, so a gap in the evidence is never silent.
"""

from __future__ import annotations

import pandas as pd
from dash import Dash, Input, Output, dcc, html

from components.filters import GLYPHS
from core.dates import format_when
from core.figure import kind_style
from core.i18n import DEFAULT_LANG, t
from core.model import Vocabulary
from core.urlstate import SORTS

# Past this the browser spends seconds drawing the list (measured at 1,000 events: 500 items
# took about 20 s, 100 about 5 s, with the chart): the rest is one filter away.
MAX_ITEMS = 100


def sort_options(lang: str) -> list[dict]:
    return [{"label": t(lang, f"sort_{order}"), "value": order} for order in SORTS]


def items(events: pd.DataFrame, lang: str, selected: str | None, vocabulary: Vocabulary) -> list:
    if events.empty:
        return [html.Li(t(lang, "no_events"), className="empty")]
    more = len(events) - MAX_ITEMS
    if more > 0:
        return [
            *items(events.iloc[:MAX_ITEMS], lang, selected, vocabulary),
            html.Li(t(lang, "list_more", count=more), className="empty list-more"),
        ]
    kinds = {}
    for kind in dict.fromkeys(events["kind"]):
        colour, symbol = kind_style(kind, vocabulary)
        glyph = html.Span(
            GLYPHS[symbol], className="glyph", style={"color": colour}, **{"aria-hidden": "true"}
        )
        kinds[kind] = (glyph, vocabulary.kind_label(kind, lang) or "—")
    return [
        html.Li(
            html.Button(
                [
                    html.Span(format_when(date, lang), className="event-date"),
                    html.Span(title, className="event-title"),
                    html.Span([kinds[kind][0], kinds[kind][1]], className="event-kind"),
                    None
                    if sources
                    else html.Span(
                        t(lang, "no_source_mark"),
                        className="no-source-mark",
                        title=t(lang, "no_source"),
                    ),
                ],
                className="event-item" + (" is-selected" if event_id == selected else ""),
                type="button",
                **{
                    "data-event": event_id,
                    "aria-pressed": "true" if event_id == selected else "false",
                },
            )
        )
        for event_id, date, title, kind, sources in zip(
            events["id"],
            events["date"],
            events[f"title_{lang}"],
            events["kind"],
            events["sources"],
            strict=True,
        )
    ]


def layout() -> html.Section:
    return html.Section(
        className="event-list-section",
        **{"aria-labelledby": "events-heading"},
        children=[
            html.Div(
                className="list-head",
                children=[
                    html.H2(t(DEFAULT_LANG, "events_heading"), id="events-heading"),
                    html.Div(
                        className="sort-control",
                        role="group",
                        **{"aria-labelledby": "sort-label"},
                        children=[
                            html.Span(t(DEFAULT_LANG, "sort_by"), id="sort-label"),
                            dcc.RadioItems(
                                id="list-sort",
                                options=sort_options(DEFAULT_LANG),
                                value=SORTS[0],
                                inline=True,
                                className="sort-options",
                            ),
                        ],
                    ),
                ],
            ),
            html.Ol(id="event-list", className="event-list"),
        ],
    )


def register(app: Dash) -> None:
    @app.callback(
        Output("sort-label", "children"),
        Output("list-sort", "options"),
        Input("lang", "value"),
    )
    def sort_text(lang: str):
        return t(lang, "sort_by"), sort_options(lang)
