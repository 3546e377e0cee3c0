"""The list of the filtered events under the chart (id `event-list`).

It is the keyboard's way to the events: each item is a button; choosing one opens the
same detail panel as clicking the chart (see assets/select.js).
"""

from __future__ import annotations

import pandas as pd
from dash import html

from core.dates import format_when
from core.i18n import DEFAULT_LANG, t

# A longer list would cost the page more than it helps: past this, filters and search do.
LIST_MAX = 300


def items(events: pd.DataFrame, lang: str, selected: str | None = None) -> list:
    if events.empty:
        return [html.Li(t(lang, "no_events"), className="empty")]
    more = []
    if len(events) > LIST_MAX:
        more = [
            html.Li(t(lang, "list_more", listed=LIST_MAX, shown=len(events)), className="empty")
        ]
        events = events.iloc[:LIST_MAX]
    return [
        html.Li(
            html.Button(
                [
                    html.Span(format_when(date, lang), className="event-date"),
                    html.Span(title, className="event-title"),
                ],
                className="event-item" + (" is-selected" if event_id == selected else ""),
                type="button",
                **{
                    "data-event": event_id,
                    "aria-pressed": "true" if event_id == selected else "false",
                },
            )
        )
        for event_id, date, title in zip(
            events["id"], events["date"], events[f"title_{lang}"], strict=True
        )
    ] + more


def layout() -> html.Section:
    return html.Section(
        className="event-list-section",
        **{"aria-labelledby": "events-heading"},
        children=[
            html.H2(t(DEFAULT_LANG, "events_heading"), id="events-heading"),
            html.Ol(id="event-list", className="event-list"),
        ],
    )
