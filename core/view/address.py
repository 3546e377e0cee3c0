"""What a person set on the page, as a query string and back: the address is the state.

A shared link, a reload, Back and Forward all come down to `parse_query` and `to_query`.
Parsing never fails: unknown or malformed parameters are dropped, each with a short
notice (a `Message`, written in the page's language where it is shown), and the rest of
the address still applies.

Parameters (all optional; absent means the default view):

    lang=fr            page language
    kind=trial,device  kinds shown (absent: all; empty: none)
    tag=osteoporosis   topics (an event matches if it has any)
    from=1990&to=2010  year range, inclusive
    q=NICE             free-text search
    event=nice-ta279   the event whose details are open
    sort=title         order of the list of events: date (default), title or kind
    x0=1995.5&x1=2012  the visible date range of the chart
    ids=a,b,c          an ordered selection of events (presentation order); an entry may
                       be a question, quiz:order:a~b~c or quiz:first:a~b (core/quiz/steps.py)
    build=1            presentation: events appear as the lecture reaches them
    view=presenter     presentation: the presenter's view (notes, next event, clock)
    embed=1            the chart and the details only, for an <iframe> in a course page
    lanes=kind         the chart's events in lanes by kind, group (from the data) or tag
    lanes_all=1        every lane drawn, none folded into "N more" (with lanes=)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from core.i18n import DEFAULT_LANG, Message, message
from core.load.model import LANGS
from core.quiz.steps import is_question

MAX_QUERY = 200
MAX_NOTICES = 20  # said of one address (a page shows the first five)
MAX_AXIS_YEARS = 1_000_000  # the chart's visible range is kept within +-this (zooming out)
BUILD_ON, BUILD_OFF = ("1", "true", "yes"), ("0", "false", "no", "")
SORTS = ("date", "title", "kind")  # the first is the default
LANES = ("kind", "group", "tag")  # core.chart.lanes.LANE_BYS; absent: no lanes


@dataclass(frozen=True)
class Known:
    """What the loaded timeline has, to check an address against."""

    kinds: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    years: tuple[int, int] = (0, 1)
    lanes: frozenset[str] = frozenset(LANES)  # "group" only if some event has a group


@dataclass(frozen=True)
class ViewState:
    lang: str = DEFAULT_LANG
    kinds: tuple[str, ...] | None = None
    tags: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    query: str = ""
    event: str | None = None
    sort: str = SORTS[0]
    x_range: tuple[float, float] | None = None
    ids: tuple[str, ...] | None = None
    build: bool = False
    view: str = ""
    embed: bool = False
    lanes: str = ""
    lanes_all: bool = False
    notices: tuple[Message, ...] = field(default=(), compare=False)  # what was ignored

    def with_(self, **changes) -> ViewState:
        return replace(self, **changes)


PARAMS = (
    "lang",
    "kind",
    "tag",
    "from",
    "to",
    "q",
    "event",
    "sort",
    "x0",
    "x1",
    "ids",
    "build",
    "view",
    "embed",
    "lanes",
    "lanes_all",
)
VIEWS = ("presenter",)


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _on_axis(low: float, high: float) -> tuple[float, float]:
    """A visible range kept within the axis's bounds (`MAX_AXIS_YEARS` either way)."""
    return max(low, -MAX_AXIS_YEARS), min(high, MAX_AXIS_YEARS)


def parse_query(search: str | None, known: Known) -> ViewState:
    """The view an address asks for, with a notice for each part that was ignored."""
    raw = parse_qs((search or "").lstrip("?"), keep_blank_values=True)
    params = {key: values[-1] for key, values in raw.items()}
    notices: list[Message] = [
        message("notice_unknown_parameter", name=key[:30]) for key in params if key not in PARAMS
    ]
    state: dict = {}

    if "lang" in params:
        if params["lang"] in LANGS:
            state["lang"] = params["lang"]
        else:
            notices.append(message("notice_unknown_language", value=params["lang"][:10]))
    for name, key, allowed in (("kinds", "kind", known.kinds), ("tags", "tag", known.tags)):
        if key in params:
            values = _list(params[key])
            good = tuple(v for v in values if v in allowed)
            notices += [
                message(f"notice_unknown_{key}", value=v[:30]) for v in values if v not in allowed
            ]
            state[name] = good if (good or not values) else None
            if name == "tags" and state[name] is None:
                state[name] = ()
    years = [params.get("from"), params.get("to")]
    if any(years):
        first, last = known.years
        numbers = [_number(y) if y else None for y in years]
        if any(y is not None and n is None for y, n in zip(years, numbers, strict=True)):
            notices.append(message("notice_bad_years"))
        else:
            low = int(numbers[0]) if numbers[0] is not None else first
            high = int(numbers[1]) if numbers[1] is not None else last
            low, high = max(first, min(low, last)), max(first, min(high, last))
            state["years"] = (min(low, high), max(low, high))
    if "q" in params:
        state["query"] = params["q"][:MAX_QUERY]
        if len(params["q"]) > MAX_QUERY:
            notices.append(message("notice_cut_query", most=MAX_QUERY))
    if "event" in params and params["event"]:
        if params["event"] in known.events:
            state["event"] = params["event"]
        else:
            notices.append(message("notice_unknown_event", value=params["event"][:30]))
    if "sort" in params:
        if params["sort"] in SORTS:
            state["sort"] = params["sort"]
        else:
            notices.append(message("notice_unknown_sort", value=params["sort"][:10]))
    if "x0" in params or "x1" in params:
        x0, x1 = _number(params.get("x0", "")), _number(params.get("x1", ""))
        if x0 is None or x1 is None or x0 >= x1:
            notices.append(message("notice_bad_range"))
        else:
            state["x_range"] = _on_axis(x0, x1)
    if "ids" in params:
        values = _list(params["ids"])
        usable = [v for v in values if v in known.events or is_question(v, known.events)]
        good = tuple(dict.fromkeys(usable))
        notices += [
            message("notice_unknown_event", value=v[:30]) for v in values if v not in usable
        ]
        state["ids"] = good or None
    if "build" in params:
        state["build"] = params["build"] in BUILD_ON
        if params["build"] not in BUILD_ON + BUILD_OFF:
            notices.append(message("notice_unknown_build", value=params["build"][:10]))
    if "embed" in params:
        state["embed"] = params["embed"] in BUILD_ON
    if params.get("lanes"):
        if params["lanes"] in known.lanes:
            state["lanes"] = params["lanes"]
        elif params["lanes"] in LANES:
            notices.append(message("notice_no_groups"))
        else:
            notices.append(message("notice_unknown_lanes", value=params["lanes"][:10]))
    if "lanes_all" in params and state.get("lanes"):  # without lanes, it means nothing
        state["lanes_all"] = params["lanes_all"] in ("1", "true", "yes")
    if params.get("view"):
        if params["view"] in VIEWS:
            state["view"] = params["view"]
        else:
            notices.append(message("notice_unknown_view", value=params["view"][:30]))
    return ViewState(**state, notices=tuple(notices[:MAX_NOTICES]))


def _compact(number: float) -> str:
    return f"{number:.3f}".rstrip("0").rstrip(".")


def to_query(state: ViewState) -> str:
    """The canonical query string for a view: defaults left out, so the default view is ''."""
    params: list[tuple[str, str]] = []
    if state.lang != DEFAULT_LANG:
        params.append(("lang", state.lang))
    if state.kinds is not None:
        params.append(("kind", ",".join(state.kinds)))
    if state.tags:
        params.append(("tag", ",".join(state.tags)))
    if state.years is not None:
        params += [("from", str(state.years[0])), ("to", str(state.years[1]))]
    if state.query:
        params.append(("q", state.query))
    if state.event:
        params.append(("event", state.event))
    if state.sort != SORTS[0]:
        params.append(("sort", state.sort))
    if state.x_range is not None:
        params += [("x0", _compact(state.x_range[0])), ("x1", _compact(state.x_range[1]))]
    if state.ids:
        params.append(("ids", ",".join(state.ids)))
    if state.build:
        params.append(("build", "1"))
    if state.view:
        params.append(("view", state.view))
    if state.embed:
        params.append(("embed", "1"))
    if state.lanes:
        params.append(("lanes", state.lanes))
        if state.lanes_all:
            params.append(("lanes_all", "1"))
    return "?" + urlencode(params) if params else ""


def lanes_offered(timeline) -> tuple[str, ...]:
    """The ways to draw lanes that mean something for this data, in LANES order: by kind,
    group or topic only if some event has one (one lane of everything is no lanes)."""
    has = {
        "kind": any(timeline.kinds_present()),
        "group": timeline.has_groups,
        "tag": bool(timeline.tags_present()),
    }
    return tuple(by for by in LANES if has[by])


def known_from(timeline) -> Known:
    """The `Known` of a loaded `core.load.model.Timeline`."""
    return Known(
        kinds=frozenset(timeline.kinds_present()),
        tags=frozenset(timeline.tags_present()),
        events=frozenset(timeline.events["id"]),
        years=timeline.year_range,
        lanes=frozenset(lanes_offered(timeline)),
    )


def range_from_relayout(
    relayout: dict | None, current: tuple[float, float] | None
) -> tuple[float, float] | None:
    """The visible date range after a Plotly relayout event (pan, zoom, reset of the axes).

    Events that do not touch the x axis (a resize) leave `current` as it was.
    """
    relayout = relayout or {}
    if relayout.get("xaxis.autorange"):
        return None
    pair = relayout.get("xaxis.range")
    if not (isinstance(pair, list | tuple) and len(pair) == 2):
        pair = (relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]"))
    try:
        low, high = (round(float(x), 3) for x in pair)
    except (TypeError, ValueError):
        return current
    if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
        return current
    return _on_axis(low, high)
