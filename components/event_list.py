"""The list of the filtered events under the chart (id `event-list`), in the order chosen.

It is the chart's accessible twin and the quickest way to skim: each item is a button
with the date, the kind (the filter's glyph and colour, and its name) and the title;
choosing one opens the same detail panel as clicking the chart (see assets/select.js).
An event with a picture file shows a small thumbnail of it (decorative: the title beside
it says what the event is); a remote picture gets none, as the list would fetch it.
The order (`list-sort`: date, title or kind) is kept in the address. An event with no
source carries a visible "no source" mark, so a gap in the evidence is never silent.

The server sends the list as plain data (`entries`, into the `event-list-data` store) and
assets/event-list.js draws it with the DOM: as Dash components, the renderer spent about
0.45 s on each redraw of 100 items (six components each), longer than everything else.
A redraw (a filter, a search) draws the first 100 items in the frame with the chart and
the others just after it: laying out 300 was a fifth of a search's redraw at 10,000
events. The order is the same, and a focused item keeps its focus.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from dash import Dash, Input, Output, dcc, html

from core.chart.lanes import split_lanes
from core.chart.style import GLYPHS, kind_style
from core.i18n import DEFAULT_LANG, t
from core.load.dates import when_text
from core.load.model import Vocabulary
from core.publish.pictures import media_url
from core.view.address import SORTS
from guard import expect
from guard.schema import Choice, OrNone

# More is one filter away; a longer list is no longer skimmable.
MAX_ITEMS = 300


def sort_options(lang: str) -> list[dict]:
    return [{"label": t(lang, f"sort_{order}"), "value": order} for order in SORTS]


def entries(
    events: pd.DataFrame,
    lang: str,
    selected: str | None,
    vocabulary: Vocabulary,
    pictures: Mapping[str, Path] | None = None,
    lanes: str = "",
) -> dict:
    """The list as data for assets/event-list.js: the first `MAX_ITEMS` events (with the
    thumbnail's address of those in `pictures`), the texts it shows around them, and which
    one is selected."""
    pictures = pictures or {}
    shown = events.iloc[:MAX_ITEMS]
    kinds = {}
    for kind in dict.fromkeys(shown["kind"]):
        colour, symbol = kind_style(kind, vocabulary)
        kinds[kind] = (GLYPHS[symbol], colour, vocabulary.kind_label(kind, lang) or "—")
    more = len(events) - len(shown)
    split = split_lanes(shown, lanes, vocabulary, lang) if lanes else None

    def lane(row: int) -> str | None:
        if split is None:
            return None
        return t(lang, "lane_of", lanes=", ".join(split.lanes_of(row)))

    return {
        "items": [
            {
                "id": event_id,
                "when": display or when_text(date, lang),
                "title": title,
                "glyph": kinds[kind][0],
                "colour": kinds[kind][1],
                "kind": kinds[kind][2],
                "sourced": bool(sources),
                "thumb": media_url(event_id, "thumb") if event_id in pictures else None,
                "lane": lane(row),
            }
            for row, (event_id, date, display, title, kind, sources) in enumerate(
                zip(
                    shown["id"].tolist(),
                    shown["date"].tolist(),
                    shown[f"display_date_{lang}"].tolist(),
                    shown[f"title_{lang}"].tolist(),
                    shown["kind"].tolist(),
                    shown["sources"].tolist(),
                    strict=True,
                )
            )
        ],
        "selected": selected,
        "empty": t(lang, "no_events") if events.empty else None,
        "more": t(lang, "list_more", count=more) if more > 0 else None,
        "no_source": {"mark": t(lang, "no_source_mark"), "title": t(lang, "no_source")},
    }


def list_class(entries: dict) -> str:
    """The list's class: with room for thumbnails when an item has one (style.css)."""
    pictured = any(entry.get("thumb") for entry in entries.get("items", ()))
    return "event-list has-thumbs" if pictured else "event-list"


def layout(first: dict, lang: str = DEFAULT_LANG) -> html.Section:
    """The list's section, holding `first` (the `entries` the page opens on)."""
    return html.Section(
        className="event-list-section",
        **{"aria-labelledby": "events-heading"},
        children=[
            html.Div(
                className="list-head",
                children=[
                    html.H2(t(lang, "events_heading"), id="events-heading"),
                    html.Div(
                        className="sort-control",
                        role="group",
                        **{"aria-labelledby": "sort-label"},
                        children=[
                            html.Span(t(lang, "sort_by"), id="sort-label"),
                            dcc.RadioItems(
                                id="list-sort",
                                options=sort_options(lang),
                                value=SORTS[0],
                                inline=True,
                                className="sort-options",
                            ),
                        ],
                    ),
                ],
            ),
            dcc.Store(id="event-list-data", data=first),
            # drawn by assets/event-list.js; its class says from the start whether items
            # keep room for a thumbnail, so that the first view (prerender.py) has it too
            html.Ol(id="event-list", className=list_class(first)),
        ],
    )


def register(app: Dash) -> None:
    expect(app, {("list-sort", "value"): OrNone(Choice(*SORTS))})

    @app.callback(
        Output("sort-label", "children"),
        Output("list-sort", "options"),
        Input("lang", "value"),
        prevent_initial_call=True,  # the layout already holds it (tests/test_first_view.py)
    )
    def sort_text(lang: str):
        return t(lang, "sort_by"), sort_options(lang)

    app.clientside_callback(
        "function (data) { return window.eventList.draw(data); }",
        Output("event-list", "data-count"),
        Input("event-list-data", "data"),
    )
