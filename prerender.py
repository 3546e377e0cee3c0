"""The page drawn on the server: its first view as plain HTML, shown before any script runs.

A Dash page is empty until its scripts have loaded and run, fetched its components and
lazy-loaded the chart's code: about half a second on a fast machine, seconds on a school's
laptop. The server already knows everything the first view shows (the address's view is
computed and cached), so it sends it drawn: the page's components written out as HTML,
the chart as an SVG of the same geometry as Plotly's (`core.chart.svg`), and the list of
events. The interactive page is built underneath it, hidden, and takes its place once its
chart is drawn (assets/first-view.js): nothing moves, since both are laid out by the same
stylesheet from the same components. With scripts off, the first view stays: the chart,
its labels, the list and the footer are all there to read.

Everything written here is escaped by this module (`html.escape`, quotes included), and
the ids are prefixed (`fp-`) so that the two pages never share one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape
from typing import NamedTuple

from dash.development.base_component import Component

from components import detail
from components.timeline import View, plot_width, remembered_width, render
from core.chart.svg import figure_svg
from core.load.store import TimelineStore
from core.view.address import ViewState, known_from, parse_query, to_query
from core.view.controls import controls_from_state
from core.view.selection import Filters

PREFIX = "fp-"
# A first visit's page does not know the screen's width: it holds the chart packed for a
# 1280 px screen and for a 360 px phone (the narrowest the page is made for), and its
# stylesheet shows the one for the screen (assets/first-view.css). The interactive chart
# keeps that packing while it has the room, and its lanes (its height) when it has less
# (assets/chart-width.js), so nothing moves.
PHONE_GRAPH_PX = 336  # the graph's width on a 360 px screen
ID_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "for")
NOT_DRAWN = {"Store", "Location", "Interval", "Download"}
VOID = {"input", "br", "hr", "img"}
RENAMED = {"className": "class", "htmlFor": "for", "tabIndex": "tabindex"}
SKIPPED = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state"}


def _css(style: Mapping) -> str:
    return ";".join(
        f"{re.sub(r'([A-Z])', lambda m: '-' + m.group(1).lower(), name)}:{value}"
        for name, value in style.items()
    )


def _attributes(props: Mapping) -> str:
    out = []
    for name, value in props.items():
        if name in SKIPPED or value is None or value is False:
            continue
        name = RENAMED.get(name, name)
        if name == "style" and isinstance(value, Mapping):
            value = _css(value)
        elif isinstance(value, list | dict):
            continue
        if name == "id" or name in ID_REFERENCES:
            value = " ".join(PREFIX + part for part in str(value).split())
        elif name == "href" and str(value).startswith("#"):
            value = "#" + PREFIX + str(value)[1:]
        if value is True:
            out.append(f" {escape(name.lower())}")
        else:
            out.append(
                f" {escape(name if name.startswith(('aria-', 'data-')) else name.lower())}"
                f'="{escape(str(value))}"'
            )
    return "".join(out)


class Writer:
    """Writes a tree of Dash components as HTML: html.* components as their elements,
    and the few dcc components the page uses as what Dash draws for them."""

    def __init__(self, values: Mapping[str, object], fills: Mapping[str, str]) -> None:
        self.values = values  # control id -> the value the address gives it
        self.fills = fills  # element id -> HTML to put in it (drawn by a script otherwise)

    def write(self, node) -> str:
        if node is None or node is False:
            return ""
        if isinstance(node, list | tuple):
            return "".join(self.write(child) for child in node)
        if not isinstance(node, Component):
            return escape(str(node))
        props = node.to_plotly_json()["props"]
        kind = node._type
        if node._namespace == "dash_html_components":
            tag = kind.lower()
            inner = self.fills.get(props.get("id")) or self.write(props.get("children"))
            if tag in VOID:
                return f"<{tag}{_attributes(props)}>"
            return f"<{tag}{_attributes(props)}>{inner}</{tag}>"
        if kind in NOT_DRAWN:
            return ""
        method = getattr(self, f"_{kind.lower()}", None)
        return method(props) if method else ""

    def _graph(self, props: dict) -> str:
        figure = props.get("figure") or {}
        meta = figure.get("layout", {}).get("meta", {})
        key = meta.get("view", "") if isinstance(meta, dict) else ""
        classes = f"dash-graph first-graph {props.get('className', '')}".strip()
        drawn = self.fills.get(props["id"]) or self.chart(figure, "")
        return (
            f'<div id="{PREFIX}{escape(props["id"])}" class="{escape(classes)}" '
            f'data-view="{escape(key)}">{drawn}</div>'
        )

    @staticmethod
    def chart(figure: dict, css_class: str) -> str:
        """The figure as SVG, in a block saying which width it was packed for."""
        meta = figure.get("layout", {}).get("meta", {})
        width = meta.get("plot_width_px", "") if isinstance(meta, dict) else ""
        return (
            f'<div class="first-chart-box {css_class}" data-plot-width="{escape(str(width))}">'
            f"{figure_svg(figure)}</div>"
        )

    def _options(self, props: dict, kind: str) -> str:
        value = self.values.get(props["id"], props.get("value"))
        chosen = set(value) if isinstance(value, list) else {value}
        inline = " dash-radioitems-inline" if props.get("inline") else ""
        labels = []
        for option in props.get("options", []):
            checked = option["value"] in chosen
            labels.append(
                f'<label class="dash-options-list-option{" selected" if checked else ""}{inline}">'
                f'<span class="dash-options-list-option-wrapper"><input type="{kind}" '
                f'name="{PREFIX}{escape(props["id"])}" value="{escape(str(option["value"]))}" '
                f'class="dash-options-list-option-checkbox"{" checked" if checked else ""}>'
                f'</span><span class="dash-options-list-option-text">'
                f"{self.write(option['label'])}</span></label>"
            )
        group = "dash-radioitems" if kind == "radio" else "dash-checklist"
        classes = f"dash-options-list {group} {props.get('className', '')}".strip()
        return (
            f'<div id="{PREFIX}{escape(props["id"])}" class="{escape(classes)}">'
            f"{''.join(labels)}</div>"
        )

    def _radioitems(self, props: dict) -> str:
        return self._options(props, "radio")

    def _checklist(self, props: dict) -> str:
        return self._options(props, "checkbox")

    def _input(self, props: dict) -> str:
        value = self.values.get(props["id"], props.get("value"))
        shown = {
            "id": props["id"],
            "className": "dash-input-element",
            "type": props.get("type", "text"),
            "placeholder": props.get("placeholder"),
            "autoComplete": props.get("autoComplete"),
            "value": value or "",
        }
        classes = f"dash-input-container dash-input {props.get('className', '')}".strip()
        return f'<div class="{escape(classes)}"><input{_attributes(shown)}></div>'

    def _rangeslider(self, props: dict) -> str:
        # Room for the slider, which only its script can draw.
        return f'<div id="{PREFIX}{escape(props["id"])}" class="dash-slider-container first-slider"></div>'

    def _link(self, props: dict) -> str:
        return f"<a{_attributes(props)}>{self.write(props.get('children'))}</a>"


def _lane_and_thumb(entry: dict) -> str:
    """The lane(s) the chart draws an event in, and its picture's thumbnail (decorative),
    as assets/event-list.js draws them."""
    lane = f'<span class="event-lane">{escape(entry["lane"])}</span>' if entry.get("lane") else ""
    thumb = (
        f'<img class="event-thumb" src="{escape(entry["thumb"])}" alt="" loading="lazy" '
        'width="64" height="48">'
        if entry.get("thumb")
        else ""
    )
    return lane + thumb


def event_items(entries: dict, href: Callable[[str], str]) -> str:
    """The list of events as assets/event-list.js draws it (text only), each item a link
    to the address with its event open (`href`): with scripts off, or before they have
    run, the list still opens events. A plain click on it waits for the interactive page
    (serving.py FIRST_CLICKS, assets/first-view.js); one for a new tab opens the link."""
    out = []
    for entry in entries["items"]:
        selected = entry["id"] == entries.get("selected")
        current = ' aria-current="true"' if selected else ""
        mark = ""
        if not entry["sourced"]:
            mark = (
                f'<span class="no-source-mark" title="{escape(entries["no_source"]["title"])}">'
                f"{escape(entries['no_source']['mark'])}</span>"
            )
        out.append(
            f'<li><a class="event-item{" is-selected" if selected else ""}" '
            f'href="{escape(href(entry["id"]))}" data-first-event="{escape(entry["id"])}"'
            f"{current}>"
            f'<span class="event-date">{escape(entry["when"])}</span>'
            f'<span class="event-title">{escape(entry["title"])}</span>'
            f'<span class="event-kind"><span class="glyph" aria-hidden="true" '
            f'style="color:{escape(entry["colour"])}">{escape(entry["glyph"])}</span>'
            f"{escape(entry['kind'])}</span>{_lane_and_thumb(entry)}{mark}</a></li>"
        )
    for note, cls in ((entries.get("empty"), "empty"), (entries.get("more"), "empty list-more")):
        if note:
            out.append(f'<li class="{cls}">{escape(note)}</li>')
    return "".join(out)


def address_view(
    store: TimelineStore, query: str, width: int | None = None
) -> tuple[ViewState, View, dict]:
    """The view an address asks for, as the page's redraw draws it for a chart of `width`
    (by default the width this browser reported last, else a 1280 px screen's), and the
    values its controls take."""
    timeline = store.current()
    state = parse_query(query, known_from(timeline))
    controls = controls_from_state(state, timeline.kinds_present(), timeline.year_range)
    filters = Filters.from_inputs(controls.kinds, controls.tags, controls.years, controls.query)
    view = render(
        store.current,
        filters,
        state.lang,
        state.event,
        plot_width(width or remembered_width()),
        state.x_range,
        state.sort,
        store.version,
        state.lanes,
        every=state.lanes_all,
    )
    values = {
        "lang": controls.lang,
        "filter-kind": controls.kinds,
        "filter-tag": controls.tags,
        "search": controls.query,
        "list-sort": controls.sort,
    }
    return state, view, values


class FirstView(NamedTuple):
    """The page at an address, drawn: its HTML, language and tab title."""

    html: str
    lang: str
    title: str


def first_view(store: TimelineStore, query: str, page: Callable[..., Component]) -> FirstView:
    """The first view of the page at this address, in the address's language."""
    state, view, values = address_view(store, query)
    # each event's link: this address with it open (relative, so under any path prefix)
    fills = {
        "event-list": event_items(
            view.entries, lambda event_id: to_query(state.with_(event=event_id))
        )
    }
    if offer := view.entries.get("suggest"):  # "Did you mean …?", as assets/event-list.js draws it
        fills["search-suggest"] = (
            f'{escape(offer["before"])}<button type="button" class="link-button" '
            f'data-search="{escape(offer["query"])}">{escape(offer["query"])}</button>'
            f"{escape(offer['after'])}"
        )
    if remembered_width() is None:  # a first visit: a phone's chart too, shown on phones
        _, narrow, _ = address_view(store, query, PHONE_GRAPH_PX)
        fills["timeline"] = Writer.chart(view.figure, "first-chart-wide") + Writer.chart(
            narrow.figure, "first-chart-narrow"
        )
    tree = page(store, view, state.lang)
    if state.event:
        panel = detail.render(store.current(), state.event, state.lang)
        fills["detail-body"] = Writer(values, {}).write(panel)
    title = store.current().front.title(state.lang)
    return FirstView(Writer(values, fills).write(tree), state.lang, title)
