"""The page's controls and the address agree: a view survives controls -> state -> controls."""

from hypothesis import given, settings

from core.view.address import ViewState, parse_query, to_query
from core.view.controls import Controls, controls_from_state, state_from_controls
from tests.test_urlstate import KNOWN, states

ALL_KINDS = ["device", "guideline", "trial"]


def canonical(state: ViewState) -> ViewState:
    """What the controls can express: kinds in filter order, all kinds as no filter."""
    kinds = state.kinds
    if kinds is not None:
        kinds = None if set(kinds) == set(ALL_KINDS) else tuple(k for k in ALL_KINDS if k in kinds)
    return state.with_(kinds=kinds, years=None if state.years == KNOWN.years else state.years)


@given(states())
@settings(max_examples=200)
def test_controls_show_the_state_and_give_it_back(state):
    state = canonical(state)
    controls = controls_from_state(state, ALL_KINDS, KNOWN.years)
    base = ViewState(ids=state.ids, build=state.build, view=state.view, embed=state.embed)
    again = state_from_controls(controls, base, ALL_KINDS, KNOWN.years)
    assert again == state
    assert parse_query(to_query(again), KNOWN) == state


def test_untouched_controls_are_the_empty_address():
    controls = Controls("en", ALL_KINDS[::-1], [], [1984, 2018], " ", None, "date", "", None, None)
    assert to_query(state_from_controls(controls, ViewState(), ALL_KINDS, KNOWN.years)) == ""


def test_a_presentation_in_the_address_is_kept_when_a_filter_changes():
    base = parse_query("?ids=first-case,sham-trial&build=1", KNOWN)
    controls = Controls("fr", ["trial"], [], None, "", None, None, None, None, None)
    query = to_query(state_from_controls(controls, base, ALL_KINDS, KNOWN.years))
    assert query == "?lang=fr&kind=trial&ids=first-case%2Csham-trial&build=1"


def test_the_embed_view_stays_embedded_when_a_control_changes():
    base = parse_query("?embed=1&kind=trial", KNOWN)
    controls = Controls("fr", ["trial"], [], None, "", "sham-trial", None, None, None, None)
    query = to_query(state_from_controls(controls, base, ALL_KINDS, KNOWN.years))
    assert query == "?lang=fr&kind=trial&event=sham-trial&embed=1"


def test_the_controls_are_in_the_order_the_address_sync_sets_them():
    from dataclasses import fields

    from components.urlsync import CONTROLS

    names = [f.name for f in fields(Controls)]
    expected = [
        "lang",
        "kinds",
        "tags",
        "years",
        "query",
        "event",
        "sort",
        "lanes",
        "lanes_all",
        "x_range",
    ]
    assert names == expected
    assert [c for c, _ in CONTROLS] == [
        "lang",
        "filter-kind",
        "filter-tag",
        "filter-years",
        "search-settled",
        "selected",
        "list-sort",
        "filter-lanes",
        "lanes-all",
        "view-range",
    ]
