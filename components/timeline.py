"""The chart (id `timeline`), its key, and the callback that filters and redraws.

One callback turns the filter values into the filtered events and outputs everything
that shows them (figure, count, list), so the events are filtered once per change.

The page arrives with the first view already in it (`first_view`: every event, in the
default language), so the chart draws without waiting for a callback; the callback runs
only when something changes it (a control, the address, the chart's real width).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from http.cookies import CookieError, SimpleCookie
from typing import NamedTuple

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask import has_request_context, request

from components import detail, event_list, lanes_more
from core.chart.figure import FigureOptions, figure_dict
from core.chart.lanes import lanes_figure, rows_for_height, split_lanes
from core.chart.options import lanes_for_height
from core.chart.overview import MAX_MARKS
from core.i18n import DEFAULT_LANG, t
from core.load.store import TimelineStore
from core.view.address import lanes_offered
from core.view.selection import Filters, apply_filters
from core.view.sorting import sort_events
from core.view.suggest import suggestion
from guard import expect
from guard.schema import Choice, Number, OrNone

# The redraw depends on nothing but its inputs (the data's version among them), so its
# finished answers may be kept and served again (serving.callback_key).
CACHED_OUTPUTS = ("timeline.figure",)
RENDER_CACHE = 256  # distinct views kept per worker; a 1,000-event view is about 0.3 MB
KEY_ITEMS = ("key_exact", "key_approx", "key_span", "key_period", "key_window")
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    # a double click on a mark opens it (its first click does), and keeps the zoom: by
    # default Plotly would reset the axes; the toolbar's Reset axes does that. No tip
    # saying "Double-click to zoom back out", then.
    "doubleClick": False,
    "showTips": False,
    # no "Share chart" (it would send the data to a web service): the page works offline
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toImage", "sendChartToCloud"],
}
# The toolbar's buttons, as Plotly names them, and the words for them in the locales.
TOOLBAR = {
    "Zoom": "toolbar_zoom",
    "Pan": "toolbar_pan",
    "Zoom in": "toolbar_zoom_in",
    "Zoom out": "toolbar_zoom_out",
    "Reset axes": "toolbar_reset",
}


def graph_config(lang: str) -> dict:
    """The chart's configuration, its toolbar's names in the page's language (what a
    mouse's tooltip and a screen reader say of each button)."""
    words = {plotly: t(lang, key) for plotly, key in TOOLBAR.items()}
    return {**GRAPH_CONFIG, "locale": lang, "locales": {lang: {"dictionary": words}}}


MAX_SCREEN_PX = 20_000  # what assets/chart-width.js may report
WIDTH_STEP = 40  # px: labels are packed for widths this far apart, so a class shares views
GRAPH_MARGINS_PX = 32  # the graph's width less its plot's (both margins)
# The chart's width as this browser last reported it (assets/chart-width.js), so that a
# second visit opens on a chart packed for it, first view and interactive chart alike,
# with no redraw for the width and nothing moving when it comes.
WIDTH_COOKIE = "chart_width"


def remembered_width(cookies: Mapping[str, str] | None = None) -> int | None:
    """The graph's width from the request's cookie (`WIDTH_COOKIE`), if it holds one."""
    if cookies is None:
        cookies = request.cookies if has_request_context() else {}
    value = cookies.get(WIDTH_COOKIE, "")
    return int(value) if value.isdigit() and len(value) <= 5 else None


class View(NamedTuple):
    """What shows the filtered events: the callback's outputs, in order."""

    figure: dict
    count: str
    entries: dict  # the list, for assets/event-list.js
    description: str
    lanes_button: str = ""  # "Show N more lanes" or "Fewer lanes"; "": no button


def plot_width(graph_width: int | None) -> int:
    """The plot area's width for a graph this wide (its margins are 32 px), rounded down to
    a multiple of `WIDTH_STEP`, so that nearly equal screens get the same view (and labels
    packed for a little less room than they have, never more)."""
    if not isinstance(graph_width, int | float) or graph_width <= 0:
        return FigureOptions.plot_width_px
    width = max(200, min(int(graph_width) - GRAPH_MARGINS_PX, 8000))
    return max(200, width // WIDTH_STEP * WIDTH_STEP)


def view_key(filters: Filters, lang: str, selected: str | None, x_range, lanes: str = "") -> str:
    """A short name for what a chart shows (whatever order the kinds were ticked in), in
    its figure's `meta`: the page's first picture waits for the interactive chart to show
    the same before giving way to it (prerender.py, assets/first-view.js)."""
    kinds = None if filters.kinds is None else sorted(filters.kinds)
    tags = None if filters.tags is None else sorted(filters.tags)
    wanted = (kinds, tags, filters.years, filters.query, lang, selected or None, x_range)
    if lanes:  # drawn in lanes: another picture (without, the name stays what it was)
        wanted = (*wanted, lanes)
    return hashlib.sha1(repr(wanted).encode()).hexdigest()[:12]


def width_key(environ: dict) -> int:
    """The plot width a request's page is drawn for (serving.layout_key)."""
    cookies = SimpleCookie()
    try:
        cookies.load(environ.get("HTTP_COOKIE", ""))
    except CookieError:
        return plot_width(None)
    width = remembered_width({name: morsel.value for name, morsel in cookies.items()})
    return plot_width(width)


def describe(
    shown, timeline, filters: Filters, lang: str, lanes: str = "", drawn: int | None = None
) -> str:
    """The chart in words: how many events, over which years, how many of each kind, and
    the lanes it draws them in (the first `drawn`, the others folded; None: all), with
    how many events in each."""
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
    if kinds:
        text = f"{text} {t(lang, 'by_kind', kinds=', '.join(kinds))}"
    if lanes and not shown.empty:
        split = split_lanes(shown, lanes, timeline.vocabulary, lang)
        split = split if drawn is None else split.fold(drawn)
        said = ", ".join(f"{lane.label} ({len(lane.rows)})" for lane in split.lanes)
        if split.folded:  # named, with their counts: folded on the chart, not in words
            names = ", ".join(f"{lane.label} ({len(lane.rows)})" for lane in split.folded)
            more = t(lang, "lanes_more_named", more=split.more_label(lang), names=names)
            said = f"{said}; {more}"
        text = f"{text} {t(lang, 'lanes_summary', lanes=said)}"
    return text


def in_range(events, low: float, high: float):
    """The events that touch [low, high] on the axis."""
    return events[(events["fuzzy_end"] >= low) & (events["fuzzy_start"] <= high)]


@lru_cache(maxsize=RENDER_CACHE)
def render(
    get_timeline,
    filters,
    lang,
    selected,
    width_px,
    x_range,
    sort,
    version,
    lanes="",
    room_rows: int = rows_for_height(None),
    every: bool = False,
    kept_px: int | None = None,
) -> View:
    """Everything that shows the filtered events. Pure in its arguments, the data's version
    among them (live reload changes it), so cached: a class choosing the same filters is
    served from memory. Lanes take at most `room_rows` rows, the others folded, unless
    `every` lane is asked for. A chart narrower than `kept_px`, the plot width a first
    visit's first view was packed for, keeps the height it has there, in as many lanes as
    that holds, its labels shortened to fit them: nothing under it moves when it replaces
    the first view."""
    timeline = get_timeline()
    shown = apply_filters(timeline.events, filters, lang)
    kept_lanes = None
    if kept_px and kept_px > width_px and not lanes:
        kept = render(get_timeline, filters, lang, selected, kept_px, x_range, sort, version)
        kept_lanes = lanes_for_height(kept.figure["layout"]["height"])
    options = FigureOptions(
        lang=lang, selected=selected, plot_width_px=width_px, x_range=x_range, lanes=kept_lanes
    )
    drawn = shown if x_range is None or len(shown) <= MAX_MARKS else in_range(shown, *x_range)
    button = ""
    lanes_drawn = None
    if lanes:
        figure = lanes_figure(
            drawn, timeline.vocabulary, timeline.eras, options, lanes, None if every else room_rows
        )
        meta = figure["layout"]["meta"]
        button = lanes_more.button_text(meta, lang, room_rows, every)
        lanes_drawn = meta.get("lanes_total", 0) - meta.get("lanes_folded", 0)
    else:
        figure = figure_dict(drawn, timeline.vocabulary, timeline.eras, options)
    figure["layout"]["meta"]["view"] = view_key(filters, lang, selected, x_range, lanes)
    total = len(timeline.events)
    count = t(lang, "count_one" if len(shown) == 1 else "count", shown=len(shown), total=total)
    listed = sort_events(shown, sort, lang, timeline.vocabulary)
    description = describe(shown, timeline, filters, lang, lanes, lanes_drawn)
    entries = event_list.entries(
        listed, lang, selected, timeline.vocabulary, timeline.pictures, lanes
    )
    entries["steps"] = detail.steps(listed, selected, lang)  # the details' Previous and Next
    fixed = suggestion(timeline, filters, lang) if shown.empty and filters.query else None
    if fixed:  # "Did you mean {query}?", the query a button (assets/event-list.js)
        before, after = t(lang, "search_suggest").split("{query}")
        entries["suggest"] = {"before": before, "query": fixed, "after": after}
    return View(figure, count, entries, description, button)


def first_view(store: TimelineStore) -> View:
    """The view the page opens on: what the callback would answer to the controls as the
    layout sets them (every kind, no tag, every year, no search, in the default language),
    for the chart's width this browser reported last time, if any."""
    timeline = store.current()
    filters = Filters.from_inputs(timeline.kinds_present(), [], list(timeline.year_range), "")
    return render(
        store.current,
        filters,
        DEFAULT_LANG,
        None,
        plot_width(remembered_width()),
        None,
        "date",
        store.version,
    )


def packed_graph_width(figure: dict) -> int | None:
    """The graph width `plot_width` turns into the plot width `figure` was packed for."""
    packed = figure.get("layout", {}).get("meta", {}).get("plot_width_px")
    return packed + GRAPH_MARGINS_PX if isinstance(packed, int) else None


def layout(view: View, lang: str = DEFAULT_LANG) -> html.Section:
    # The width the layout's chart was packed for, known from the start: where the chart
    # has that packing, assets/chart-width.js has nothing to report (the chart was drawn
    # again, the same, on every first visit).
    packed = packed_graph_width(view.figure)
    return html.Section(
        id="chart-section",
        className="chart",
        # focus comes back here when the details of an event chosen on the chart close
        # (assets/select.js): the marks cannot take it
        tabIndex=-1,
        **{"aria-labelledby": "chart-description", "data-packed-width": packed},
        children=[
            html.P(view.description, id="chart-description", className="visually-hidden"),
            dcc.Store(id="chart-width", data=packed),
            dcc.Store(id="chart-height"),  # the screen's, for lanes (assets/chart-width.js)
            dcc.Store(id="chart-keep"),  # the first view's packing, its height kept (idem)
            dcc.Graph(
                id="timeline",
                figure=view.figure,
                config=graph_config(lang),
                className="timeline-graph",
            ),
            *lanes_more.layout(view.lanes_button),  # "Show N more lanes", "Fewer lanes"
            html.Details(
                className="chart-key",
                children=[
                    html.Summary(t(lang, "key_title"), id="key-title"),
                    html.Ul([html.Li(t(lang, key), id=key) for key in KEY_ITEMS]),
                ],
            ),
        ],
    )


def register(app: Dash, get_timeline) -> None:
    expect(
        app,
        {
            ("chart-width", "data"): OrNone(Number(0, MAX_SCREEN_PX)),
            ("chart-height", "data"): OrNone(Number(0, MAX_SCREEN_PX)),
            ("chart-keep", "data"): OrNone(Number(0, MAX_SCREEN_PX)),
            ("lanes-all", "data"): OrNone(Choice(True, False)),
        },
    )

    @app.callback(
        Output("timeline", "figure"),
        Output("timeline", "config"),
        Output("event-count", "children"),
        Output("event-list-data", "data"),
        Output("chart-description", "children"),
        Output("lanes-more", "children"),
        Output("lanes-more", "hidden"),
        Output("lanes-more", "aria-expanded"),
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
        Input("filter-lanes", "value"),
        Input("lanes-all", "data"),
        Input("chart-height", "data"),
        # set with the width it goes with (assets/chart-width.js): not a redraw of its own
        State("chart-keep", "data"),
        prevent_initial_call=True,  # the page holds the first view (first_view)
    )
    def redraw(
        kinds, tags, years, query, lang, selected, width, sort, view_range, version, *lanes_in
    ):
        lanes, every, height, keep = lanes_in
        filters = Filters.from_inputs(kinds, tags, years, query)
        x_range = tuple(view_range) if view_range else None
        sort = sort or "date"
        if lanes not in lanes_offered(get_timeline()):
            lanes = ""
        if not lanes and set(ctx.triggered_prop_ids or ()) == {"chart-height.data"}:
            # the screen's height counts only for lanes: without them the chart is the
            # same (a first visit reports the height, then the width: one redraw, not two)
            raise PreventUpdate
        view = render(
            get_timeline,
            filters,
            lang,
            selected,
            plot_width(width),
            x_range,
            sort,
            version,
            lanes,
            rows_for_height(height) if lanes else rows_for_height(None),
            bool(lanes) and every is True,
            plot_width(keep) if keep else None,
        )
        expanded = "true" if view.lanes_button and every is True else "false"
        # with the figure, so that Plotly draws the toolbar anew (dcc.Graph draws again
        # only for a new figure); only for a new language, or Plotly would each time
        config = graph_config(lang) if "lang.value" in (ctx.triggered_prop_ids or ()) else no_update
        figure, *rest = view[:4]
        return figure, config, *rest, view.lanes_button, not view.lanes_button, expanded

    lanes_more.register(app)

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
            const id = point.customdata[0];
            // the details brought up on a phone, the focus on them (assets/select.js)
            if (window.timelineSelect) { window.timelineSelect.chosenOnChart(id); }
            return id;
        }""",
        Output("selected", "data", allow_duplicate=True),
        Input("timeline", "clickData"),
        State("selected", "data"),
        prevent_initial_call=True,
    )
