"""The filter column: kind (`filter-kind`), topics (`filter-tag`), years (`filter-years`),
free-text search (`search`), the live count (`event-count`) and a reset button.

When the data on disk changes (`data-version`), the options, the year range and the
chosen values follow it; a timeline without kinds hides the kind filter. On a narrow
screen everything but the count folds away behind a "Filters" button."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from core.chart.style import GLYPHS, kind_style
from core.i18n import DEFAULT_LANG, t
from core.load.dates import year_as_written
from core.load.model import Timeline
from core.load.schema import MAX_CELL_CHARS
from core.view.address import LANES, MAX_QUERY, lanes_offered
from guard import expect
from guard.schema import COUNT, YEAR, Choice, Json, ListOf, OrNone, Record, Text

# The legend marks drawn in the filter, one per plotly marker symbol.
# The search box sends each keystroke; a pause this long ends a search: for the address
# (components/urlsync.py) and for what a screen reader announces of the count.
SETTLE_MS = 700

# A clientside callback of one value that answers it at once or, while the search box has
# the focus (a person typing), once typing pauses; calls overtaken by a newer one answer
# nothing. `name` keeps each use's calls apart.
SETTLE_JS = """function (value) {{
    const box = document.getElementById("search");
    if (!box || document.activeElement !== box) {{ return value; }}
    const calls = window.timelineSettleCalls = window.timelineSettleCalls || {{}};
    const call = calls["{name}"] = (calls["{name}"] || 0) + 1;
    return new Promise(resolve => setTimeout(() => resolve(
        call === calls["{name}"] ? value : window.dash_clientside.no_update
    ), {ms}));
}}"""


def kind_options(timeline: Timeline, lang: str) -> list[dict]:
    options = []
    for kind in timeline.kinds_present():
        colour, symbol = kind_style(kind, timeline.vocabulary)
        label = html.Span(
            [
                html.Span(
                    GLYPHS[symbol],
                    className="glyph",
                    style={"color": colour},
                    **{"aria-hidden": "true"},
                ),
                timeline.vocabulary.kind_label(kind, lang) or "—",
            ]
        )
        options.append({"label": label, "value": kind})
    return options


def tag_options(timeline: Timeline, lang: str) -> list[dict]:
    vocabulary = timeline.vocabulary
    options = []
    for tag in timeline.tags_present():
        term = vocabulary.tags.get(tag)
        group = vocabulary.groups.get(term.group) if term else None
        label = vocabulary.tag_label(tag, lang)
        options.append({"label": f"{group.label(lang)}: {label}" if group else label, "value": tag})
    return options


def year_marks(first: int, last: int, lang: str = DEFAULT_LANG) -> dict[int, str]:
    """The years slider's marks: its ends, and round years between them, as people count
    them (before year 1, 500 BCE is at -499: core/chart/ticks.py)."""
    span = max(last - first, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000, 10**9) if span / s <= 7)
    rounds = [*range(max(first - first % step + step, step), last, step)]  # CE: 500, 1000
    rounds += [1 - k * step for k in range(max(1, (1 - last) // step), (1 - first) // step + 1)]
    marks = {
        y: year_as_written(y, lang)
        for y in sorted(rounds)
        if first < y < last and y - first >= step * 0.8 and last - y >= step * 0.8
    }
    return {first: year_as_written(first, lang), **marks, last: year_as_written(last, lang)}


def has_kinds(timeline: Timeline) -> bool:
    """Whether the kind filter means anything: a timeline with no kind column has none."""
    return any(timeline.kinds_present())


def fit_values(
    timeline: Timeline,
    old_kinds: list[dict],
    kinds: list[str] | None,
    tags: list[str] | None,
    years: list[int] | None,
    old_range: tuple[int, int],
) -> tuple[list[str], list[str], list[int]]:
    """The filter values carried over to new data: choices that still exist are kept, new
    kinds are shown, and a year range that was "everything" stays everything."""
    present = timeline.kinds_present()
    offered = {option["value"] for option in old_kinds or []}
    chosen = set(kinds or [])
    new_kinds = [k for k in present if k in chosen or k not in offered]
    new_tags = [tag for tag in tags or [] if tag in set(timeline.tags_present())]
    first, last = timeline.year_range
    if not years or list(years) == list(old_range):
        new_years = [first, last]
    else:
        low = min(max(years[0], first), last)
        new_years = [low, max(min(years[1], last), low)]
    return new_kinds, new_tags, new_years


def lane_options(lang: str, offered: tuple[str, ...] = LANES) -> list[dict]:
    """Draw the chart without lanes, or in lanes by kind, group or topic (`lanes=` in the
    address): those the data has (`core.view.address.lanes_offered`)."""
    return [{"label": t(lang, f"lanes_{by or 'none'}"), "value": by} for by in ("", *offered)]


def layout(timeline: Timeline, count: str, lang: str = DEFAULT_LANG) -> html.Aside:
    """The filters, set to show everything, above the `count` of events shown."""
    first, last = timeline.year_range
    return html.Aside(
        className="filters",
        id="filters-panel",
        **{"aria-labelledby": "filters-heading"},
        children=[
            html.H2(t(lang, "filters"), id="filters-heading"),
            # On a phone the filters fold away behind this button (assets/filters-toggle.js).
            html.Button(
                t(lang, "show_filters"),
                id="filters-toggle",
                type="button",
                className="filters-toggle",
                **{"aria-expanded": "false", "aria-controls": "filters-body"},
            ),
            html.P(count, id="event-count", className="count"),
            # What a screen reader says of the count: at once for a click, once typing
            # pauses for a search (the count itself follows each keystroke).
            html.P(
                id="count-status",
                className="visually-hidden",
                role="status",
                **{"aria-live": "polite"},
            ),
            html.Div(
                id="filters-body",
                className="filters-body",
                children=[
                    html.Label(
                        t(lang, "search"),
                        htmlFor="search",
                        id="search-label",
                        className="field-label",
                    ),
                    dcc.Input(
                        id="search",
                        type="search",
                        debounce=False,  # the chart follows each keystroke
                        value="",
                        maxLength=MAX_QUERY,  # what an address keeps, and the server takes
                        autoComplete="off",
                        placeholder=t(lang, "search_placeholder"),
                        className="search-input",
                    ),
                    # "Did you mean …?" for a search that finds nothing, drawn from the
                    # list's data by assets/event-list.js (core/view/suggest.py)
                    html.P(id="search-suggest", className="search-suggest"),
                    html.Fieldset(
                        className="field",
                        id="kind-field",
                        hidden=not has_kinds(timeline),
                        children=[
                            html.Legend(t(lang, "kind"), id="kind-legend"),
                            dcc.Checklist(
                                id="filter-kind",
                                options=kind_options(timeline, lang),
                                value=timeline.kinds_present(),
                                className="kind-options",
                            ),
                        ],
                    ),
                    # Few topics: a list of checkboxes, simpler than a dropdown by keyboard and
                    # screen reader (an event matches if it has any of the ticked topics).
                    html.Fieldset(
                        className="field",
                        id="tag-field",
                        hidden=not timeline.tags_present(),
                        children=[
                            html.Legend(t(lang, "tags"), id="tag-label"),
                            dcc.Checklist(
                                id="filter-tag",
                                options=tag_options(timeline, lang),
                                value=[],
                                className="tag-options",
                            ),
                        ],
                    ),
                    html.Fieldset(
                        className="field",
                        id="lanes-field",
                        hidden=not lanes_offered(timeline),
                        children=[
                            html.Legend(t(lang, "lanes"), id="lanes-legend"),
                            dcc.RadioItems(
                                id="filter-lanes",
                                options=lane_options(lang, lanes_offered(timeline)),
                                value="",
                                className="lane-options",
                            ),
                        ],
                    ),
                    html.Div(
                        t(lang, "years"),
                        id="years-label",
                        className="field-label",
                        # the handles' names, in the page's language (assets/year-tooltip.js)
                        **{
                            "data-first": t(lang, "years_first"),
                            "data-last": t(lang, "years_last"),
                        },
                    ),
                    dcc.RangeSlider(
                        id="filter-years",
                        min=first,
                        max=last,
                        step=1,
                        value=[first, last],
                        marks=year_marks(first, last, lang),
                        allowCross=False,
                        # years before 1 as people count them (assets/year-tooltip.js)
                        tooltip={"placement": "bottom", "transform": "yearAsPeopleCount"},
                    ),
                    html.Button(t(lang, "reset"), id="reset", className="reset-button", n_clicks=0),
                ],
            ),
        ],
    )


def register(app: Dash, get_timeline) -> None:
    choices = OrNone(ListOf(Text(MAX_CELL_CHARS)))  # kinds or tags ticked
    expect(
        app,
        {
            ("filter-kind", "value"): choices,
            ("filter-tag", "value"): choices,
            ("filter-kind", "options"): ListOf(Record(value=Text(MAX_CELL_CHARS), others=Json())),
            ("filter-years", "value"): ListOf(YEAR, length=2),
            ("filter-years", "min"): YEAR,
            ("filter-years", "max"): YEAR,
            ("search", "value"): OrNone(Text(MAX_QUERY)),
            ("reset", "n_clicks"): OrNone(COUNT),
            ("filter-lanes", "value"): OrNone(Choice("", *LANES)),
        },
    )
    app.clientside_callback(
        SETTLE_JS.format(name="count", ms=SETTLE_MS),
        Output("count-status", "children"),
        Input("event-count", "children"),
        prevent_initial_call=True,  # nothing to announce as the page opens
    )

    @app.callback(
        Output("filters-heading", "children"),
        Output("search-label", "children"),
        Output("search", "placeholder"),
        Output("kind-legend", "children"),
        Output("filter-kind", "options"),
        Output("tag-label", "children"),
        Output("filter-tag", "options"),
        Output("lanes-legend", "children"),
        Output("filter-lanes", "options"),
        Output("years-label", "children"),
        Output("years-label", "data-first"),
        Output("years-label", "data-last"),
        Output("filter-years", "marks"),
        Output("reset", "children"),
        Output("filters-toggle", "children"),
        Input("lang", "value"),
        Input("data-version", "data"),  # new kinds or tags on disk
        prevent_initial_call=True,  # the layout already holds it (tests/test_first_view.py)
    )
    def filter_text(lang: str, _version: str):
        timeline = get_timeline()
        return (
            t(lang, "filters"),
            t(lang, "search"),
            t(lang, "search_placeholder"),
            t(lang, "kind"),
            kind_options(timeline, lang),
            t(lang, "tags"),
            tag_options(timeline, lang),
            t(lang, "lanes"),
            lane_options(lang, lanes_offered(timeline)),
            t(lang, "years"),
            t(lang, "years_first"),
            t(lang, "years_last"),
            year_marks(*timeline.year_range, lang),
            t(lang, "reset"),
            t(lang, "show_filters"),
        )

    @app.callback(
        Output("kind-field", "hidden"),
        Output("tag-field", "hidden"),
        Output("lanes-field", "hidden"),
        Output("filter-years", "min"),
        Output("filter-years", "max"),
        Output("filter-kind", "value"),
        Output("filter-tag", "value"),
        Output("filter-years", "value"),
        Output("search", "value"),
        Output("filter-lanes", "value"),
        Output("lanes-all", "data", allow_duplicate=True),
        Input("reset", "n_clicks"),
        Input("data-version", "data"),
        State("filter-lanes", "value"),
        State("filter-kind", "options"),
        State("filter-kind", "value"),
        State("filter-tag", "value"),
        State("filter-years", "value"),
        State("filter-years", "min"),
        State("filter-years", "max"),
        prevent_initial_call=True,
    )
    def fit(_clicks, _version, lanes, old_kinds, kinds, tags, years, old_first, old_last):
        """Reset brings everything back (no lanes); new data keeps what still makes sense
        (lanes by group only while some event has a group)."""
        timeline = get_timeline()
        first, last = timeline.year_range
        offered = lanes_offered(timeline)
        # what the data has to filter and draw by (the marks: filter_text, above)
        shape = (not has_kinds(timeline), not timeline.tags_present(), not offered, first, last)
        if ctx.triggered_id == "reset":
            return *shape, timeline.kinds_present(), [], [first, last], "", "", False
        values = fit_values(timeline, old_kinds, kinds, tags, years, (old_first, old_last))
        lost = bool(lanes) and lanes not in offered
        return *shape, *values, no_update, "" if lost else no_update, no_update
