"""The chart (id `timeline`), its key, and the callback that filters and redraws.

One callback turns the filter values into the filtered events and outputs everything
that shows them (figure, count, list), so the events are filtered once per change.

The page arrives with the first view already in it (`first_view`: every event, in the
default language), so the chart draws without waiting for a callback; the callback runs
only when something changes it (a control, the address, the chart's real width).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from dash import Dash, Input, Output, State, dcc, html

from components import event_list
from core.chart.figure import FigureOptions, figure_dict
from core.chart.overview import MAX_MARKS
from core.i18n import DEFAULT_LANG, t
from core.load.store import TimelineStore
from core.view.filters import Filters, apply_filters
from core.view.sorting import sort_events
from guard import expect
from guard.schema import Number, OrNone

# The redraw depends on nothing but its inputs (the data's version among them), so its
# finished answers may be kept and served again (serving.callback_key).
CACHED_OUTPUTS = ("timeline.figure",)
RENDER_CACHE = 256  # distinct views kept per worker; a 1,000-event view is about 0.3 MB
KEY_ITEMS = ("key_exact", "key_approx", "key_span", "key_period", "key_window")
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    # no "Share chart" (it would send the data to a web service): the page works offline
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toImage", "sendChartToCloud"],
}


MAX_SCREEN_PX = 20_000  # what assets/chart-width.js may report
WIDTH_STEP = 40  # px: labels are packed for widths this far apart, so a class shares views


class View(NamedTuple):
    """What shows the filtered events: the callback's outputs, in order."""

    figure: dict
    count: str
    entries: dict  # the list, for assets/event-list.js
    description: str


def plot_width(graph_width: int | None) -> int:
    """The plot area's width for a graph this wide (its margins are 32 px), rounded down to
    a multiple of `WIDTH_STEP`, so that nearly equal screens get the same view (and labels
    packed for a little less room than they have, never more)."""
    if not isinstance(graph_width, int | float) or graph_width <= 0:
        return FigureOptions.plot_width_px
    width = max(200, min(int(graph_width) - 32, 8000))
    return max(200, width // WIDTH_STEP * WIDTH_STEP)


def describe(shown, timeline, filters: Filters, lang: str) -> str:
    """The chart in words: how many events, over which years, how many of each kind."""
    first, last = filters.years or timeline.year_range
    if not shown.empty:
        first = max(first, int(shown["start"].min() // 1))
        last = min(last, int((shown["end"].max() - 1e-9) // 1))
    counts = shown["kind"].value_counts(sort=False)
    kinds = [
        f"{counts[kind]} {timeline.vocabulary.kind_label(kind, lang) or '—'}"
        for kind in timeline.kinds_present()
        if kind in counts
    ]
    text = t(lang, "timeline_label", shown=len(shown), first=first, last=last)
    return f"{text} {t(lang, 'by_kind', kinds=', '.join(kinds))}" if kinds else text


def in_range(events, low: float, high: float):
    """The events that touch [low, high] on the axis."""
    return events[(events["fuzzy_end"] >= low) & (events["fuzzy_start"] <= high)]


@lru_cache(maxsize=RENDER_CACHE)
def render(get_timeline, filters, lang, selected, width_px, x_range, sort, version) -> View:
    """Everything that shows the filtered events. Pure in its arguments, the data's version
    among them (live reload changes it), so cached: a class choosing the same filters is
    served from memory."""
    timeline = get_timeline()
    shown = apply_filters(timeline.events, filters, lang)
    options = FigureOptions(lang=lang, selected=selected, plot_width_px=width_px, x_range=x_range)
    drawn = shown if x_range is None or len(shown) <= MAX_MARKS else in_range(shown, *x_range)
    figure = figure_dict(drawn, timeline.vocabulary, timeline.eras, options)
    total = len(timeline.events)
    count = t(lang, "count_one" if len(shown) == 1 else "count", shown=len(shown), total=total)
    listed = sort_events(shown, sort, lang, timeline.vocabulary)
    return View(
        figure,
        count,
        event_list.entries(listed, lang, selected, timeline.vocabulary, timeline.pictures),
        describe(shown, timeline, filters, lang),
    )


def first_view(store: TimelineStore) -> View:
    """The view the page opens on: what the callback would answer to the controls as the
    layout sets them (every kind, no tag, every year, no search, in the default language)."""
    timeline = store.current()
    filters = Filters.from_inputs(timeline.kinds_present(), [], list(timeline.year_range), "")
    return render(
        store.current, filters, DEFAULT_LANG, None, plot_width(None), None, "date", store.version
    )


def layout(view: View) -> html.Section:
    return html.Section(
        className="chart",
        **{"aria-labelledby": "chart-description"},
        children=[
            html.P(view.description, id="chart-description", className="visually-hidden"),
            dcc.Store(id="chart-width"),
            dcc.Graph(
                id="timeline", figure=view.figure, config=GRAPH_CONFIG, className="timeline-graph"
            ),
            html.Details(
                className="chart-key",
                children=[
                    html.Summary(t(DEFAULT_LANG, "key_title"), id="key-title"),
                    html.Ul([html.Li(t(DEFAULT_LANG, key), id=key) for key in KEY_ITEMS]),
                ],
            ),
        ],
    )


def register(app: Dash, get_timeline) -> None:
    expect(app, {("chart-width", "data"): OrNone(Number(0, MAX_SCREEN_PX))})

    @app.callback(
        Output("timeline", "figure"),
        Output("event-count", "children"),
        Output("event-list-data", "data"),
        Output("chart-description", "children"),
        Input("filter-kind", "value"),
        Input("filter-tag", "value"),
        Input("filter-years", "value"),
        Input("search", "value"),
        Input("lang", "value"),
        Input("selected", "data"),
        Input("chart-width", "data"),
        Input("list-sort", "value"),
        Input("view-range", "data"),
        Input("data-version", "data"),  # new data on disk (components/banner.py)
        prevent_initial_call=True,  # the page holds the first view (first_view)
    )
    def redraw(kinds, tags, years, query, lang, selected, width, sort, view_range, version):
        filters = Filters.from_inputs(kinds, tags, years, query)
        x_range = tuple(view_range) if view_range else None
        sort = sort or "date"
        return render(
            get_timeline, filters, lang, selected, plot_width(width), x_range, sort, version
        )

    @app.callback(
        Output("key-title", "children"),
        *[Output(key, "children") for key in KEY_ITEMS],
        Output("events-heading", "children"),
        Input("lang", "value"),
        prevent_initial_call=True,  # the layout already holds it (tests/test_first_view.py)
    )
    def key_text(lang: str):
        return t(lang, "key_title"), *[t(lang, key) for key in KEY_ITEMS], t(lang, "events_heading")

    # A click on a marker selects its event; the list's buttons do the same (assets/select.js).
    app.clientside_callback(
        """function (click) {
            const point = click && click.points && click.points[0];
            if (!point || !point.customdata || !point.customdata[0]) {
                return window.dash_clientside.no_update;  // nothing, or a group of events
            }
            setTimeout(function () {
                const detail = document.getElementById("event-detail");
                if (detail) { detail.scrollIntoView({behavior: "smooth", block: "nearest"}); }
            }, 250);
            return point.customdata[0];
        }""",
        Output("selected", "data", allow_duplicate=True),
        Input("timeline", "clickData"),
        State("selected", "data"),
        prevent_initial_call=True,
    )
