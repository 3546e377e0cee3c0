"""The list of the filtered events under the chart (id `event-list`).

It is the keyboard's way to the events: each item is a button; choosing one opens the
same detail panel as clicking the chart (see assets/select.js). An event with no source
carries a visible "no source" mark, so a gap in the evidence is never silent.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from core.dates import format_when
from core.i18n import DEFAULT_LANG, t

# More than this and the list would weigh megabytes: the rest is one filter away.
MAX_ITEMS = 500


def items(events: pd.DataFrame, lang: str, selected: str | None = None) -> list:
    if events.empty:
        return [html.Li(t(lang, "no_events"), className="empty")]
    more = len(events) - MAX_ITEMS
    if more > 0:
        return [
            *items(events.iloc[:MAX_ITEMS], lang, selected),
            html.Li(t(lang, "list_more", count=more), className="empty list-more"),
        ]
    return [
        html.Li(
            html.Button(
                [
                    html.Span(format_when(date, lang), className="event-date"),
                    html.Span(title, className="event-title"),
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
        for event_id, date, title, sources in zip(
            events["id"], events["date"], events[f"title_{lang}"], events["sources"], strict=True
        )
    ]


def layout() -> html.Section:
    return html.Section(
        className="event-list-section",
        **{"aria-labelledby": "events-heading"},
        children=[
            html.H2(t(DEFAULT_LANG, "events_heading"), id="events-heading"),
            html.Ol(id="event-list", className="event-list"),
        ],
    )
