"""A lecturer's own minimal timeline, end to end without a browser: no kind column draws in
one colour and hides nothing, events without a source are marked, new data keeps the
filters that still make sense, and the banner says what is wrong as plain text."""

from __future__ import annotations

import pytest
from dash import html

from components import banner, event_list, filters
from components.filters import fit_values, has_kinds, kind_options
from core.chart.figure import FigureOptions, build_figure
from core.i18n import message
from core.load.loader import load_timeline
from core.load.problems import WARNING, Problem
from core.load.store import TimelineStore
from core.view.address import known_from, lanes_offered
from core.view.selection import Filters, apply_filters
from tests.conftest import BUILT_IN, TINY


@pytest.fixture
def minimal(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("Date,Title\n1984,First case\nc. 1987,First paper\n", encoding="utf-8")
    return load_timeline(path)


def texts(component) -> list[str]:
    """Every string in a Dash component tree, in order."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        return [s for child in component for s in texts(child)]
    children = getattr(component, "children", None)
    return texts(children) if children is not None else []


def test_no_kind_column_draws_one_colour_and_the_kind_filter_hides_nothing(minimal):
    assert not has_kinds(minimal)
    values = [option["value"] for option in kind_options(minimal, "en")]
    shown = apply_filters(minimal.events, Filters.from_inputs(values, [], None, ""))
    assert len(shown) == 2
    figure = build_figure(shown, minimal.vocabulary, minimal.eras, FigureOptions())
    colours = {t.marker.color for t in figure.data if t.mode == "markers"}
    assert len(colours) == 1


def find(component, id_: str):
    """The component of id `id_` in a Dash component tree, or None."""
    if getattr(component, "id", None) == id_:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str):
            found = find(child, id_)
            if found is not None:
                return found
    return None


def test_filters_the_data_has_nothing_for_are_not_offered(minimal):
    """No kind, no topic: no empty "Topics" heading, no lanes of everything in one."""
    panel = filters.layout(minimal, "2 of 2")
    assert find(panel, "kind-field").hidden is True
    assert find(panel, "tag-field").hidden is True
    assert find(panel, "lanes-field").hidden is True
    assert lanes_offered(minimal) == ()
    assert known_from(minimal).lanes == frozenset()
    built_in = load_timeline(BUILT_IN)
    panel = filters.layout(built_in, "25 of 25")
    assert not any(find(panel, f).hidden for f in ("kind-field", "tag-field", "lanes-field"))
    assert lanes_offered(built_in) == ("kind", "tag")


def test_events_without_a_source_carry_a_visible_mark(minimal):
    listed = event_list.entries(minimal.events, "fr", None, minimal.vocabulary)
    assert listed["items"] and not any(item["sourced"] for item in listed["items"])
    assert listed["no_source"]["mark"] == "sans source"
    cited = load_timeline(TINY / "events.csv")
    listed = event_list.entries(cited.events, "en", None, cited.vocabulary)
    assert all(item["sourced"] for item in listed["items"])


# (kinds offered before, kinds chosen, tags chosen, years chosen, expected after)
FITS = [
    # everything was chosen: the new kind shows, the full year range stays full
    (["procedure", "publication"], None, [], [1984, 2013], None),
    # a kind the person unticked stays unticked; a tag that disappeared is dropped
    (["procedure", "publication"], ["procedure"], ["magic"], [1990, 2000], "narrowed"),
]


@pytest.mark.parametrize(("offered", "kinds", "tags", "years", "case"), FITS)
def test_new_data_keeps_the_filters_that_still_make_sense(offered, kinds, tags, years, case):
    timeline = load_timeline(TINY / "events.csv")
    present = timeline.kinds_present()
    old = [{"value": k} for k in offered]
    new_kinds, new_tags, new_years = fit_values(
        timeline, old, kinds or offered, tags, years, (1984, 2013)
    )
    new_ones = [k for k in present if k not in offered]
    if case is None:
        assert new_kinds == present and new_years == list(timeline.year_range)
    else:
        assert new_kinds == [k for k in present if k == "procedure" or k in new_ones]
        assert new_tags == [] and new_years == [1990, 2000]


def test_the_banner_lists_errors_first_as_text_and_caps_the_list():
    problems = [Problem("events.csv", 9, "sources", message("problem_no_source"), WARNING)] + [
        Problem("events.csv", n, "id", message("problem_bad_id", example="b", found=f"<b>{n}"))
        for n in range(2, 30)
    ]
    content = banner.render(problems, "events.csv", "en")
    words = texts(content)
    assert words[0] == "events.csv has 28 error(s): still showing the last version that loaded"
    items = content[2].children
    assert len(items) == banner.SHOWN_PROBLEMS + 1
    assert texts(items[0]) == [
        "error: events.csv, row 2, column 'id': expected lowercase letters, digits and hyphens "
        "(e.g. b), found '<b>2'"
    ]
    assert texts(items[-1]) == ["… and 9 more."]
    assert all(isinstance(item, html.Li) for item in items)
    assert banner.render([], "events.csv", "en") == []


@pytest.mark.parametrize(
    "break_it",
    [
        lambda folder: (folder / "events.csv").unlink(),
        lambda folder: (folder / "events.csv").write_bytes(b"PK\x03\x04 not a zip"),
        lambda folder: (folder / "sources.csv").write_text("id,title\n" + "x," * 200 + "\n"),
    ],
    ids=["deleted", "garbage", "too wide"],
)
def test_the_banner_names_the_file_not_where_it_is_on_the_server(tiny_dir, break_it):
    store = TimelineStore(tiny_dir / "events.csv", check_every_s=0)
    break_it(tiny_dir)
    words = " ".join(texts(banner.render(store.problems, store.path.name, "en")))
    assert store.problems and "error: " in words
    assert str(tiny_dir) not in words and "/tmp" not in words


@pytest.fixture
def crowded(tmp_path):
    """More events than anyone can read at once: 3,000 in one century."""
    rows = "\n".join(f"{1900 + n % 100},Event {n}" for n in range(3000))
    (tmp_path / "events.csv").write_text("date,title\n" + rows + "\n", encoding="utf-8")
    return load_timeline(tmp_path / "events.csv")


def test_a_crowded_timeline_is_grouped_and_lists_the_first_ones(crowded):
    figure = build_figure(crowded.events, crowded.vocabulary, crowded.eras, FigureOptions())
    assert "3,000 events" in figure.layout.annotations[0].text  # grouped: see test_large.py
    listed = event_list.entries(crowded.events, "en", None, crowded.vocabulary)
    assert len(listed["items"]) == event_list.MAX_ITEMS
    assert listed["more"] == (
        f"… and {3000 - event_list.MAX_ITEMS} more events: narrow the filters or search to see them."
    )


def test_kinds_without_a_vocabulary_each_get_their_own_colour(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,title,kind\n1984,A,case\n1987,B,paper\n1990,C,case\n", encoding="utf-8")
    timeline = load_timeline(path)
    assert has_kinds(timeline) and timeline.kinds_present() == ["case", "paper"]
    figure = build_figure(timeline.events, timeline.vocabulary, timeline.eras, FigureOptions())
    colours = [t.marker.color for t in figure.data if t.mode == "markers"]
    assert len(colours) == len(set(colours)) == 2
