"""The address is the state: round trips, and odd addresses that open the default view."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.view.address import (
    LANES,
    MAX_NOTICES,
    SORTS,
    Known,
    ViewState,
    parse_query,
    range_from_relayout,
    to_query,
)

KNOWN = Known(
    kinds=frozenset({"trial", "device", "guideline"}),
    tags=frozenset({"osteoporosis", "implant"}),
    events=frozenset({"first-case", "nice-ta279", "sham-trial"}),
    years=(1984, 2018),
)

subsets = lambda pool: st.lists(st.sampled_from(sorted(pool)), unique=True).map(tuple)  # noqa: E731


@st.composite
def states(draw):
    low = draw(st.integers(1984, 2018))
    x0 = draw(st.integers(-100000, 100000)) / 1000
    return ViewState(
        lang=draw(st.sampled_from(["en", "fr"])),
        kinds=draw(st.none() | subsets(KNOWN.kinds)),
        tags=draw(subsets(KNOWN.tags)),
        years=draw(st.none() | st.just((low, draw(st.integers(low, 2018))))),
        query=draw(st.text(max_size=40).map(str.strip)),
        event=draw(st.none() | st.sampled_from(sorted(KNOWN.events))),
        sort=draw(st.sampled_from(SORTS)),
        x_range=draw(st.none() | st.just((x0, round(x0 + draw(st.integers(1, 5000)) / 1000, 3)))),
        ids=draw(st.none() | subsets(KNOWN.events).filter(bool)),
        build=draw(st.booleans()),
        view=draw(st.sampled_from(["", "presenter"])),
        embed=draw(st.booleans()),
        lanes=(lanes := draw(st.sampled_from(("", *LANES)))),
        lanes_all=bool(lanes) and draw(st.booleans()),
    )


@given(states())
@settings(max_examples=300)
def test_every_view_survives_a_round_trip_through_the_address(state):
    parsed = parse_query(to_query(state), KNOWN)
    assert parsed == state
    assert parsed.notices == ()


@given(st.text(max_size=200))
def test_any_address_parses_without_error(search):
    assert isinstance(parse_query(search, KNOWN), ViewState)


def test_the_default_view_is_an_empty_query():
    assert to_query(ViewState()) == ""
    assert parse_query("", KNOWN) == ViewState()


@pytest.mark.parametrize(
    ("search", "expected", "notice"),
    [
        ("?lang=de", ViewState(), "unknown language 'de' ignored"),
        ("?kind=trial,magic", ViewState(kinds=("trial",)), "unknown kind 'magic' ignored"),
        ("?kind=magic", ViewState(), "unknown kind 'magic' ignored"),
        ("?tag=nope", ViewState(), "unknown tag 'nope' ignored"),
        ("?from=abc&to=2000", ViewState(), "malformed year range ignored"),
        ("?from=1000&to=3000", ViewState(years=(1984, 2018)), None),
        ("?from=2010&to=1990", ViewState(years=(1990, 2010)), None),
        ("?event=<script>", ViewState(), "unknown event '<script>' ignored"),
        ("?sort=title", ViewState(sort="title"), None),
        ("?sort=date", ViewState(), None),
        ("?sort=random", ViewState(), "unknown sort order 'random' ignored"),
        ("?x0=2000&x1=1990", ViewState(), "malformed visible range ignored"),
        ("?x0=nan&x1=inf", ViewState(), "malformed visible range ignored"),
        ("?utm_source=mail", ViewState(), "unknown parameter 'utm_source' ignored"),
        (
            "?ids=nice-ta279,ghost,first-case",
            ViewState(ids=("nice-ta279", "first-case")),
            "unknown event 'ghost' ignored",
        ),
        ("?kind=", ViewState(kinds=()), None),
        ("?view=presenter", ViewState(view="presenter"), None),
        ("?view=<b>", ViewState(), "unknown view '<b>' ignored"),
        ("?q=" + "x" * 500, ViewState(query="x" * 200), "search cut to its first 200 characters"),
        ("?q=" + "x" * 200, ViewState(query="x" * 200), None),
        ("?x0=-1e300&x1=1e12", ViewState(x_range=(-1e6, 1e6)), None),
        (
            "?" + "&".join(f"p{n}" for n in range(500)),
            ViewState(),
            "unknown parameter 'p19' ignored",
        ),
        ("?build=1", ViewState(build=True), None),
        ("?build=no", ViewState(), None),
        ("?build=2", ViewState(), "unknown build value '2' ignored"),
        ("?build=<b>" + "x" * 50, ViewState(), "unknown build value '<b>xxxxxxx' ignored"),
        ("?embed=1&kind=trial", ViewState(embed=True, kinds=("trial",)), None),
        ("?embed=0", ViewState(), None),
        ("?lanes=kind", ViewState(lanes="kind"), None),
        ("?lanes=group&lang=fr", ViewState(lanes="group", lang="fr"), None),
        ("?lanes=colour", ViewState(), "unknown lanes 'colour' ignored (kind, group or tag)"),
        ("?lanes=tag&lanes_all=1", ViewState(lanes="tag", lanes_all=True), None),
        ("?lanes=tag&lanes_all=0", ViewState(lanes="tag"), None),
        ("?lanes_all=1", ViewState(), None),  # without lanes, nothing to unfold
    ],
)
def test_odd_addresses_open_what_they_can_with_a_notice(search, expected, notice):
    state = parse_query(search, KNOWN)
    assert state == expected
    said = [n.text("en") for n in state.notices]
    assert (notice in said) if notice else said == []
    assert len(state.notices) <= MAX_NOTICES


UNGROUPED = replace(KNOWN, lanes=frozenset({"kind", "tag"}))  # no event has a group


def test_lanes_by_group_on_data_without_groups_fall_back_with_a_notice():
    state = parse_query("?lanes=group&lanes_all=1&kind=trial", UNGROUPED)
    assert state == ViewState(kinds=("trial",))
    assert [n.text("en") for n in state.notices] == [
        "no groups in this data: lanes by group ignored"
    ]
    assert parse_query("?lanes=group", KNOWN).lanes == "group"


@pytest.mark.parametrize(
    ("search", "notice"),
    [
        ("?lang=de", "langue inconnue « de » ignorée"),
        ("?kind=magic", "type inconnu « magic » ignoré"),
        ("?tag=nope", "thème inconnu « nope » ignoré"),
        ("?from=abc&to=2000", "plage d'années mal formée ignorée"),
        ("?event=<script>", "événement inconnu « <script> » ignoré"),
        ("?sort=random", "ordre de tri inconnu « random » ignoré"),
        ("?lanes=x", "couloirs inconnus « x » ignorés (kind, group ou tag)"),
        ("?lanes=group", "groupes absents de ces données : couloirs par groupe ignorés"),
        ("?x0=nan&x1=inf", "plage visible mal formée ignorée"),
        ("?utm_source=mail", "paramètre inconnu « utm_source » ignoré"),
        ("?view=<b>", "vue inconnue « <b> » ignorée"),
        ("?q=" + "x" * 201, "recherche coupée à ses 200 premiers caractères"),
        ("?build=2", "valeur inconnue « 2 » du paramètre build ignorée"),
    ],
)
def test_notices_read_in_french_on_the_french_page(search, notice):
    (said,) = parse_query(search, UNGROUPED).notices
    assert said.text("fr").replace("\u00a0", " ") == notice


@pytest.mark.parametrize(
    ("relayout", "current", "expected"),
    [
        ({"xaxis.range[0]": 1990.12345, "xaxis.range[1]": 2001}, None, (1990.123, 2001.0)),
        ({"xaxis.range": [1995, 2005]}, (1, 2), (1995.0, 2005.0)),
        ({"xaxis.autorange": True}, (1995, 2005), None),
        ({"autosize": True}, (1995, 2005), (1995, 2005)),
        (None, (1995, 2005), (1995, 2005)),
        ({"xaxis.range[0]": "abc", "xaxis.range[1]": 2001}, None, None),
        ({"xaxis.range[0]": 2001, "xaxis.range[1]": 1990}, (1, 2), (1, 2)),
        ({"xaxis.range[0]": float("nan"), "xaxis.range[1]": 1990}, None, None),
        ({"xaxis.range": [-3e7, 4e9]}, None, (-1e6, 1e6)),  # zoomed out and out
    ],
)
def test_the_visible_range_follows_pan_zoom_and_reset(relayout, current, expected):
    assert range_from_relayout(relayout, current) == expected
