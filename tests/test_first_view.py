"""The page arrives with its first view drawn in: the same one the redraw would send."""

import json
from html.parser import HTMLParser

import pytest
from plotly.utils import PlotlyJSONEncoder

from app import create_app, page
from components.timeline import WIDTH_STEP, first_view, plot_width
from core.chart.figure import FigureOptions
from core.load.loader import load_timeline
from core.load.store import TimelineStore
from core.view.address import known_from, parse_query
from prerender import first_view as first_page
from tests.conftest import BUILT_IN, TINY, callback_body


def by_id(layout) -> dict:
    return {c.id: c for c in layout._traverse() if isinstance(getattr(c, "id", None), str)}


def plain(value):
    """As the browser gets it: JSON, with Dash components as their props."""
    return json.loads(json.dumps(value, cls=PlotlyJSONEncoder))


def test_the_page_opens_on_what_the_redraw_callback_would_answer():
    app = create_app(TINY / "events.csv")
    parts = by_id(app.layout())
    values = {
        name: getattr(parts[name], prop)
        for name, prop in [
            ("filter-kind", "value"),
            ("filter-tag", "value"),
            ("filter-years", "value"),
            ("search", "value"),
            ("lang", "value"),
            ("list-sort", "value"),
            ("data-version", "data"),
        ]
    }
    body = callback_body(app, "timeline", values)
    answer = app.server.test_client().post("/_dash-update-component", json=body).get_json()
    response = answer["response"]
    assert response["timeline"]["figure"] == plain(parts["timeline"].figure)
    assert response["event-count"]["children"] == parts["event-count"].children
    assert response["event-list-data"]["data"] == plain(parts["event-list-data"].data)
    assert response["chart-description"]["children"] == parts["chart-description"].children
    assert "6 of 6 events" in parts["event-count"].children
    assert len(parts["event-list-data"].data["items"]) == 6


def test_a_new_page_shows_the_data_as_it_is_now(tiny_dir):
    store = TimelineStore(tiny_dir / "events.csv", check_every_s=0)
    before = first_view(store)
    lines = (tiny_dir / "events.csv").read_text(encoding="utf-8").splitlines()
    (tiny_dir / "events.csv").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    after = by_id(page(store))
    assert len(after["event-list-data"].data["items"]) == len(before.entries["items"]) - 1


def test_the_chart_width_is_rounded_down_so_similar_screens_share_a_view():
    assert plot_width(None) == FigureOptions.plot_width_px
    assert plot_width(916) == plot_width(950) == 880  # 884 and 918 px of room
    assert plot_width(955) == 920
    assert plot_width(10) == 200
    assert plot_width(100_000) == 8000
    for width in range(300, 3000, 7):
        assert width - 32 - WIDTH_STEP < plot_width(width) <= width - 32


def test_the_page_config_names_the_components_but_not_the_events():
    # Dash puts its validation layout in every page's HTML; the events come with the layout
    # (and, drawn, in the first view: prerender.py), not a second time in Dash's config.
    client = create_app(TINY / "events.csv").server.test_client()
    page_html = client.get("/").get_data(as_text=True)
    config = page_html.split('id="_dash-config"', 1)[1].split("</script>", 1)[0]
    assert "event-list-data" in config
    assert "First paper" not in config
    assert "First paper" in page_html.split('id="_dash-config"', 1)[0]  # the first view
    assert "First paper" in client.get("/_dash-layout").get_data(as_text=True)


# What the page opens with, from its layout alone: callbacks on nothing else but these can
# skip their first call if the layout already holds what they would draw.
PAGE_STATE = {"lang.value", "data-version.data", "selected.data", "url-notices.data"}


def test_callbacks_skipped_on_load_would_draw_what_the_page_already_has():
    app = create_app(TINY / "events.csv")
    client = app.server.test_client()
    parts = by_id(app.layout())

    def values(items):
        return [
            {**item, "value": plain(getattr(parts[item["id"]], item["property"], None))}
            for item in items
        ]

    skipped = [
        dep
        for dep in client.get("/_dash-dependencies").get_json()
        if dep["prevent_initial_call"]
        and not dep.get("clientside_function")
        and all(f"{i['id']}.{i['property']}" in PAGE_STATE for i in dep["inputs"])
    ]
    assert len(skipped) >= 8
    for dep in skipped:
        outputs = [
            dict(zip(("id", "property"), part.split("."), strict=True))
            for part in dep["output"].strip(".").split("...")
        ]
        body = {
            "output": dep["output"],
            "outputs": outputs if dep["output"].startswith("..") else outputs[0],
            "inputs": values(dep["inputs"]),
            "state": values(dep["state"]),
            "changedPropIds": [],
        }
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code in (200, 204), dep["output"]
        if response.status_code == 204:
            continue
        for component, props in response.get_json()["response"].items():
            for prop, value in props.items():
                held = plain(getattr(parts[component], prop, None))
                assert value == held, f"{component}.{prop}: the page has {held!r}, not {value!r}"


def test_a_second_visit_opens_on_a_chart_packed_for_the_width_reported_last_time(tiny_dir):
    client = create_app(tiny_dir / "events.csv").server.test_client()
    client.set_cookie("chart_width", "400")  # a phone's graph, as chart-width.js keeps it
    layout = client.get("/_dash-layout").get_json()
    graph = next(c for c in _components(layout) if c.get("props", {}).get("id") == "timeline")
    assert graph["props"]["figure"]["layout"]["meta"]["plot_width_px"] == plot_width(400) == 360
    page_html = client.get("/").get_data(as_text=True)
    assert 'data-view="' in page_html
    client.set_cookie("chart_width", "")  # none, or anything else: the default width
    layout = client.get("/_dash-layout").get_json()
    graph = next(c for c in _components(layout) if c.get("props", {}).get("id") == "timeline")
    assert graph["props"]["figure"]["layout"]["meta"]["plot_width_px"] == plot_width(None)
    client.set_cookie("chart_width", "<script>")
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(("cookie", "graph_width"), [("", 912), ("400", 392), ("1600", 1592)])
def test_the_page_says_what_width_its_chart_is_packed_for(tiny_dir, cookie, graph_width):
    # so that assets/chart-width.js asks for no redraw where the chart has that packing,
    # and the redraws after it are packed the same (plot_width of it: the figure's)
    client = create_app(tiny_dir / "events.csv").server.test_client()
    client.set_cookie("chart_width", cookie)
    found = {
        c["props"].get("id"): c["props"]
        for c in _components(client.get("/_dash-layout").get_json())
    }
    packed = found["timeline"]["figure"]["layout"]["meta"]["plot_width_px"]
    assert found["chart-width"]["data"] == graph_width
    assert found["chart-section"]["data-packed-width"] == graph_width
    assert plot_width(graph_width) == packed


def _components(node):
    """Every component in a layout as the browser gets it (JSON)."""
    if isinstance(node, dict):
        if "props" in node:
            yield node
        for value in node.get("props", node).values():
            yield from _components(value)
    elif isinstance(node, list):
        for item in node:
            yield from _components(item)


@pytest.mark.parametrize(
    ("changed", "lanes", "status"),
    [
        ("chart-height.data", None, 204),  # the same chart: no redraw
        ("chart-height.data", "kind", 200),  # as many lanes as fit the new height
        ("chart-width.data", None, 200),  # labels packed for the new width
    ],
)
def test_a_new_screen_height_redraws_only_a_chart_in_lanes(changed, lanes, status):
    # a first visit reports the height, then the width: the chart was drawn twice
    app = create_app(TINY / "events.csv")
    values = {"chart-width": 1000, "chart-height": 720, "filter-lanes": lanes}
    assert _redraw(app, by_id(app.layout()), values, changed).status_code == status


def _redraw(app, parts: dict, values: dict, changed: str):
    """The chart's redraw, the controls as the page opens, with `values` and `changed`."""
    controls = {name: parts[name].value for name in ("filter-kind", "filter-tag", "filter-years")}
    body = callback_body(app, "timeline", {**controls, "lang": "en", **values})
    body["changedPropIds"] = [changed]
    return app.server.test_client().post("/_dash-update-component", json=body)


@pytest.mark.parametrize("base", ["/", "/present/", "/quiz/"])
def test_no_store_a_callback_reads_starts_as_none(base):
    # dcc.Store sets a memory store whose data is None to undefined as it mounts: a change,
    # which fired the chart's redraw and the details on every page load
    client = create_app(TINY / "events.csv").server.test_client()
    read = {
        item["id"]
        for dep in client.get(base + "_dash-dependencies").get_json()
        for item in dep["inputs"] + dep["state"]
        if isinstance(item["id"], str)
    }
    stores = [
        c["props"]
        for c in _components(client.get(base + "_dash-layout").get_json())
        if c.get("type") == "Store"
    ]
    assert stores
    starting_as_none = [s["id"] for s in stores if "data" in s and s["data"] is None]
    assert [name for name in starting_as_none if name in read] == []


def _first_list(query: str) -> tuple[dict, list[dict]]:
    """The first view's list at this address: the list's attributes, and each item's
    attributes with the names of its parts (parsed as a browser would)."""

    class Items(HTMLParser):
        def __init__(self):
            super().__init__()
            self.list, self.items, self.inside = {}, [], False

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if attrs.get("id") == "fp-event-list":
                self.list, self.inside = attrs, True
            elif self.inside and tag in ("a", "button") and "event-item" in attrs.get("class", ""):
                self.items.append({"tag": tag, **attrs, "parts": []})
            elif self.inside and self.items and (tag == "img" or tag == "span"):
                self.items[-1]["parts"].append(attrs.get("class", ""))

        def handle_endtag(self, tag):
            if tag == "ol":
                self.inside = False

    parser = Items()
    parser.feed(first_page(TimelineStore(BUILT_IN), query, page).html)
    return parser.list, parser.items


def test_the_first_views_list_opens_events_by_links_that_keep_the_address():
    """With scripts off, or before they have run, an item still opens its event: a link to
    this address with it (a plain click waits for the interactive page instead)."""
    _, items = _first_list("lang=fr&kind=trial,publication&sort=title")
    assert items and all(item["tag"] == "a" for item in items)
    known = known_from(load_timeline(BUILT_IN))
    for item in items:
        state = parse_query(item["href"].lstrip("?"), known)
        assert state.event == item["data-first-event"]
        assert (state.lang, state.sort, set(state.kinds)) == (
            "fr",
            "title",
            {"trial", "publication"},
        )


def test_the_first_views_list_has_the_thumbnails_and_the_open_event_marked():
    """As assets/event-list.js draws it: the items move nowhere when it takes over."""
    attrs, items = _first_list("event=vertos-2-2010")
    assert "has-thumbs" in attrs["class"].split()
    pictured = [item for item in items if "event-thumb" in item["parts"]]
    assert pictured and len(pictured) < len(items)
    current = [item["data-first-event"] for item in items if item.get("aria-current") == "true"]
    assert current == ["vertos-2-2010"]


@pytest.mark.parametrize(
    ("width", "keep", "kept"),
    [
        (632, 912, True),  # a 1024 px screen's chart, the first view packed for 1280 px
        (632, None, False),  # a second visit, or after a resize: packed freely
        (1240, 912, False),  # wider than the first view: chart-width.js keeps its packing
    ],
)
def test_a_chart_narrower_than_its_first_view_keeps_the_first_views_height(width, keep, kept):
    app = create_app(BUILT_IN)
    parts = by_id(app.layout())
    answer = _redraw(app, parts, {"chart-width": width, "chart-keep": keep}, "chart-width.data")
    layout = answer.get_json()["response"]["timeline"]["figure"]["layout"]
    first = parts["timeline"].figure["layout"]  # packed for 1280 px
    assert layout["meta"]["plot_width_px"] == plot_width(width)
    assert (layout["height"] == first["height"]) == kept
