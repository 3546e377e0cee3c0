"""The chart drawn as SVG on the server (core/chart/svg.py) and the page's first view
(prerender.py): the same marks, at the same places, as the figure; data stays text."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from app import create_app
from core.chart.figure import FigureOptions, figure_dict
from core.chart.lanes import lanes_figure
from core.chart.metrics import text_width_px
from core.chart.svg import figure_svg
from core.chart.ticks import historical_ticks, tick_step, ticks
from core.load.loader import load_timeline
from serving import FIRST_CLICKS
from tests.conftest import BUILT_IN, TINY, read_csv, write_csv
from tests.support.axis import ticks_in_range
from tests.support.synth import write_timeline

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = [  # each short enough to be shown whole as a label
    '<script>alert("x")</script>',
    "Smith & Jones <b>b</b> 'q' \"d\"",
    "&amp; &lt;i&gt; <br> no break",
]


def figure_of(path, **options) -> dict:
    timeline = load_timeline(path)
    return figure_dict(
        timeline.events, timeline.vocabulary, timeline.eras, FigureOptions(**options)
    )


def parsed(figure: dict) -> ET.Element:
    return ET.fromstring(figure_svg(figure))  # well-formed XML, or this raises


def percent(value: str) -> float:
    return float(value.rstrip("%"))


def marks(root: ET.Element) -> dict[str, tuple[float, float]]:
    """Each event's mark: its id and where it stands (x in % of the plot, y in px)."""
    found = {}
    for holder in root.iter(f"{SVG}svg"):
        for path in holder.findall(f"{SVG}path"):
            if "data-event-id" in path.attrib:
                found[path.get("data-event-id")] = (
                    percent(holder.get("x")),
                    float(holder.get("y")),
                )
    return found


@pytest.mark.parametrize("path", [TINY / "events.csv", BUILT_IN])
def test_each_event_has_one_mark_where_the_figure_puts_it(path):
    figure = figure_of(path)
    layout = figure["layout"]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    top = layout["margin"]["t"]
    plot_height = layout["height"] - top - layout["margin"]["b"]
    expected = {}
    for trace in figure["data"]:
        if trace.get("mode") == "markers" and trace.get("customdata"):
            for x, y, row in zip(trace["x"], trace["y"], trace["customdata"], strict=True):
                expected[row[0]] = (
                    (x - x0) / (x1 - x0) * 100,
                    top + (y1 - y) / (y1 - y0) * plot_height,
                )
    drawn = marks(parsed(figure))
    assert set(drawn) == set(expected) == set(load_timeline(path).events["id"])
    for event_id, (x, y) in expected.items():
        assert drawn[event_id] == pytest.approx((x, y), abs=0.01)


@pytest.mark.parametrize("path", [TINY / "events.csv", BUILT_IN])
def test_each_bar_is_drawn_where_its_line_would_stand(path):
    """The bars are filled rectangles in the figure (marks.bars_as_fills) and in the first
    view: each covers what a line of the bar's width from its start to its end covered."""
    timeline = load_timeline(path)
    lines = figure_dict(timeline.events, timeline.vocabulary, timeline.eras, filled=False)
    figure = figure_of(path)
    layout = figure["layout"]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    top = layout["margin"]["t"]
    plot_height = layout["height"] - top - layout["margin"]["b"]
    expected = []
    for trace in lines["data"]:
        if trace.get("mode") != "lines" or "dash" in trace["line"]:
            continue
        half = trace["line"]["width"] / 2
        for i in range(0, len(trace["x"]), 3):
            middle = top + (y1 - trace["y"][i]) / (y1 - y0) * plot_height
            left = (trace["x"][i] - x0) / (x1 - x0) * 100
            width = (trace["x"][i + 1] - trace["x"][i]) / (x1 - x0) * 100
            expected.append((trace["line"]["color"], left, width, middle - half, 2 * half))
    drawn = [
        (
            group.get("fill"),
            percent(rect.get("x")),
            percent(rect.get("width")),
            float(rect.get("y")),
            float(rect.get("height")),
        )
        for group in parsed(figure).iter(f"{SVG}g")
        if group.get("fill") and group.get("opacity")
        for rect in group.findall(f"{SVG}rect")
    ]
    assert len(expected) >= len(load_timeline(path).events) - 3  # the windows' are dotted
    assert len(drawn) == len(expected)

    def order(bar):
        return bar[0], round(bar[1], 1), round(bar[3])

    for found, wanted in zip(sorted(drawn, key=order), sorted(expected, key=order), strict=True):
        assert found[0] == wanted[0]
        assert found[1:] == pytest.approx(wanted[1:], abs=0.02)


def test_the_selected_event_is_ringed():
    figure = figure_of(TINY / "events.csv", selected="first-paper")
    ring = next(t for t in figure["data"] if t.get("name") == "selected")
    root = parsed(figure)
    rings = [
        holder
        for holder in root.iter(f"{SVG}svg")
        for path in holder.findall(f"{SVG}path")
        if path.get("fill") == "none" and "data-event-id" not in path.attrib
    ]
    assert len(rings) == 1
    x0, x1 = figure["layout"]["xaxis"]["range"]
    assert percent(rings[0].get("x")) == pytest.approx(
        (ring["x"][0] - x0) / (x1 - x0) * 100, abs=0.001
    )


def test_every_label_and_era_of_the_figure_is_drawn_as_text():
    figure = figure_of(BUILT_IN)
    texts = ["".join(node.itertext()) for node in parsed(figure).iter(f"{SVG}text")]
    labels = next(t for t in figure["data"] if t.get("name") == "labels")["text"]
    for label in labels:
        assert label in texts
    eras = [a["text"].replace("<br>", "") for a in figure["layout"]["annotations"]]
    assert eras and all(era in texts for era in eras)


@pytest.mark.parametrize(
    ("first", "last", "nticks", "step"),
    [
        (1982.2867, 2020.8028, 10, 5),  # the built-in timeline at 880 px, as Plotly drew it
        (0, 100, 10, 20),  # a rough step of exactly 1, 2 or 5 times 10^n goes up
        (0, 100, 5, 50),
        (1990, 1991, 10, 0.2),
        (-500, 2000, 10, 500),
        (1, 1.5, 6, 0.1),
    ],
)
def test_tick_steps_follow_plotlys_rule(first, last, nticks, step):
    assert tick_step(first, last, nticks) == pytest.approx(step)


def test_ticks_start_from_zero_and_stay_in_the_range():
    assert ticks(1982.3, 2020.8, 10) == [1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020]
    assert ticks(-12, 12, 5) == [-10, -5, 0, 5, 10]


ANCIENT = "date,title\nVe siècle av. J.-C.,Herodotus\n44 BC,Caesar\n1er siècle,Pliny\n476,Rome\n"


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        # Plotly's step (500), at whole years as people count them: 500 BCE is -499
        (
            -600,
            1600,
            "en",
            [(-999, "1000 BCE"), (-499, "500 BCE"), (1, "1"), (500, "500"), (1000, "1000")],
        ),
        (-600, 1600, "fr", [(-499, "500 av. J.-C."), (1, "1"), (500, "500")]),
        # a step of 1: 1 BCE (year 0) and 1 side by side
        (-3, 3, "en", [(-1, "2 BCE"), (0, "1 BCE"), (1, "1"), (2, "2")]),
        # a step of 2 leaves no room for year 1
        (-5, 5, "en", [(-3, "4 BCE"), (-1, "2 BCE"), (2, "2"), (4, "4")]),
        # all BCE
        (-3000, -2000, "en", [(-2799, "2800 BCE"), (-2599, "2600 BCE")]),
    ],
)
def test_an_axis_before_year_1_has_its_ticks_at_years_as_people_count_them(
    first, last, lang, expected
):
    values, labels = historical_ticks(first, last, 10, lang)
    assert values == sorted(values)
    shown = list(zip(values, labels, strict=True))
    assert all(tick in shown for tick in expected), shown
    step = round(tick_step(first, last, 10))  # a step apart, give or take year 0
    assert all(abs(b - a - step) <= 1 for a, b in zip(values, values[1:], strict=False))


def test_an_axis_from_year_1_on_keeps_plotlys_own_ticks():
    assert historical_ticks(1, 2020, 10, "en") is None
    assert "tickvals" not in figure_of(BUILT_IN)["layout"]["xaxis"]


def test_the_first_view_draws_the_ticks_of_an_axis_that_reaches_bce(tmp_path):
    (tmp_path / "events.csv").write_text(ANCIENT, encoding="utf-8")
    for lang, word in (("en", "BCE"), ("fr", "av. J.-C.")):
        figure = figure_of(tmp_path / "events.csv", lang=lang)
        xaxis = figure["layout"]["xaxis"]
        inside = [label for _, label in ticks_in_range(xaxis)]
        assert any(word in label for label in inside) and "1" in inside
        root = parsed(figure)
        ticks_group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "first-chart-ticks")
        drawn = ["".join(node.itertext()) for node in ticks_group.iter(f"{SVG}text")]
        assert drawn == inside  # no "-500" with a hyphen where Plotly will write "500 BCE"


RENAISSANCE = "date,title\nVe-IVe s. av. J.-C.,Classical Greece\nXVe-XVIe siècle,Renaissance\n"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [320, 880, 1600])
def test_the_axis_makes_room_to_name_its_first_year_bce(tmp_path, lang, width):
    """Its first tick's label is wide ("500 av. J.-C.") and would pass the chart's edge:
    the range starts early enough for it to be drawn, not left out."""
    (tmp_path / "events.csv").write_text(RENAISSANCE, encoding="utf-8")
    figure = figure_of(tmp_path / "events.csv", lang=lang, plot_width_px=width)
    xaxis = figure["layout"]["xaxis"]
    first, last = xaxis["range"]
    inside = ticks_in_range(xaxis)
    assert first < -499  # the events' first year, 500 BCE
    assert all(label for _, label in inside)  # none left out, at either end
    assert inside[0][1].endswith("BCE" if lang == "en" else "av. J.-C.")
    value, label = inside[0]
    x = (value - first) * width / (last - first)
    assert x - text_width_px(label, 15) / 2 >= -figure["layout"]["margin"]["l"]


def test_a_range_the_person_chose_is_kept_exactly(tmp_path):
    (tmp_path / "events.csv").write_text(RENAISSANCE, encoding="utf-8")
    figure = figure_of(tmp_path / "events.csv", lang="fr", x_range=(-499.5, 1600.0))
    assert figure["layout"]["xaxis"]["range"] == [-499.5, 1600.0]


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_titles_stay_text(tiny_dir, title):
    rows = read_csv(tiny_dir / "events.csv")
    rows[0]["title_en"] = title
    write_csv(tiny_dir / "events.csv", rows)
    figure = figure_of(tiny_dir / "events.csv")
    svg = figure_svg(figure)
    root = ET.fromstring(svg)
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))
    assert "<script" not in svg and "<b>" not in svg
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert title in texts  # shown as the characters it has, as Plotly shows it


def test_a_large_timeline_is_drawn_grouped_as_plotly_draws_it(tmp_path):
    figure = figure_of(write_timeline(3000, tmp_path / "big"))
    root = parsed(figure)
    drawn = sum(
        1
        for holder in root.iter(f"{SVG}svg")
        for _ in holder.findall(f"{SVG}path")
        if holder.get("overflow") == "visible"
    )
    expected = sum(len(t["x"]) for t in figure["data"] if t.get("mode") == "markers")
    assert drawn == expected and 0 < drawn < 3000
    assert "grouped" in "".join(root.itertext())


def test_the_page_arrives_with_its_first_view_drawn(tiny_dir):
    rows = read_csv(tiny_dir / "events.csv")
    rows[0]["title_en"] = HOSTILE[0]
    rows[1]["title_en"] = HOSTILE[1]
    write_csv(tiny_dir / "events.csv", rows)
    client = create_app(tiny_dir / "events.csv").server.test_client()
    page = client.get("/").get_data(as_text=True)
    first = page.split('<div id="first-view"', 1)[1].split('<div id="react-entry-point"', 1)[0]
    wide, narrow = first.split('class="first-chart-box first-chart-wide"')[1].split(
        'class="first-chart-box first-chart-narrow"'
    )
    assert wide.count("data-event-id=") == len(rows)  # packed for a 1280 px screen
    assert narrow.split("</div>")[0].count("data-event-id=") == len(rows)  # and for a phone
    assert 'data-plot-width="880"' in first and 'data-plot-width="280"' in first
    assert first.count('class="event-item') == len(rows)  # the list, drawn too
    # the one script is the app's own, which notes clicks until the page is ready
    assert first.count(FIRST_CLICKS) == 1
    assert "<script" not in first.replace(FIRST_CLICKS, "") and "&lt;script&gt;" in first
    assert "Smith &amp; Jones &lt;b&gt;b&lt;/b&gt;" in first
    ids = re.findall(r' id="([^"]+)"', first)
    assert ids and all(i.startswith("fp-") for i in ids)  # never the interactive page's ids
    assert len(ids) == len(set(ids))


def test_the_first_view_follows_the_address():
    client = create_app(TINY / "events.csv").server.test_client()
    page = client.get("/?kind=publication&event=first-paper").get_data(as_text=True)
    first = page.split('<div id="first-view"', 1)[1].split('<div id="react-entry-point"', 1)[0]
    publications = [r for r in read_csv(TINY / "events.csv") if r["kind"] == "publication"]
    assert 0 < first.count("data-event-id=") == 2 * len(publications)  # wide and narrow
    assert 'id="fp-detail-title"' in first  # the chosen event's details are open
    assert "First paper" in first


def test_an_address_in_french_gets_its_first_view_in_french():
    client = create_app(TINY / "events.csv").server.test_client()
    page = client.get("/?lang=fr&event=first-paper").get_data(as_text=True)
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">')
    first = page.split('<div id="first-view"', 1)[1].split('<div id="react-entry-point"', 1)[0]
    for said in ("Aller au contenu principal", "Réinitialiser les filtres", "Événements"):
        assert said in first
    assert "Premier article" in first and "Le premier article." in first  # the data's French
    assert "Reset filters" not in first and "First paper" not in first
    english = client.get("/?event=first-paper").get_data(as_text=True)
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">') and "First paper" in english


def test_a_timeline_title_is_text_in_every_tab_title(tmp_path):
    shutil.copytree(TINY, tmp_path / "t")
    (tmp_path / "t" / "timeline.csv").write_text(
        "title_en,title_fr\n</title><script>alert(1)</script>,T & <b>\n", encoding="utf-8"
    )
    client = create_app(tmp_path / "t" / "events.csv").server.test_client()
    for address in ("/", "/?lang=fr", "/present/"):
        page = client.get(address).get_data(as_text=True)
        title = page.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "<" not in title, (address, title)
        assert "<script>alert" not in page


def test_each_lane_is_named_in_bold_at_its_row():
    timeline = load_timeline(BUILT_IN)
    options = FigureOptions(lang="en", plot_width_px=880)
    figure = lanes_figure(timeline.events, timeline.vocabulary, timeline.eras, options, "kind")
    names = [a for a in figure["layout"]["annotations"] if a.get("yref") == "y"]
    assert len(names) >= 2
    root = parsed(figure)
    axes = figure["layout"]
    top, height = axes["margin"]["t"], axes["height"] - axes["margin"]["t"] - axes["margin"]["b"]
    low, high = axes["yaxis"]["range"]
    for name in names:
        said = name["text"].removeprefix("<b>").removesuffix("</b>")
        node = next(n for n in root.iter(f"{SVG}text") if "".join(n.itertext()) == said)
        assert node.get("font-weight") == "bold"  # not "<b>" written out
        row_y = top + (high - name["y"]) / (high - low) * height
        baseline = float(next(node.iter(f"{SVG}tspan")).get("y"))
        assert 0 < baseline - row_y < name["font"]["size"]  # on its row, not at the bottom
