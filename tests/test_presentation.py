"""Lecture mode's decisions: which events, in which order, where a key leads, what build shows."""

import pytest

from core.load.loader import load_timeline
from core.view.address import ViewState
from core.view.deck import (
    Deck,
    deck_events,
    deck_for,
    deck_notices,
    event_from_path,
    present_href,
    x_extent,
)
from tests.conftest import TINY, read_csv, write_csv

DECK = Deck(("a", "b", "c", "d"))
TIMELINE = load_timeline(TINY / "events.csv")
DATE_ORDER = (
    "first-case",
    "experiments",
    "first-paper",
    "approx-device",
    "debate",
    "sham-trial",
)


@pytest.mark.parametrize(
    ("here", "action", "expected"),
    [
        ("a", "next", "b"),
        ("c", "next", "d"),
        ("d", "next", "d"),  # the end does not wrap round to the start
        ("c", "previous", "b"),
        ("a", "previous", "a"),
        ("c", "first", "a"),
        ("b", "last", "d"),
        (None, "next", "b"),  # /present/ with no event is the first step
        ("ghost", "next", "b"),  # an event outside the deck counts as the first
    ],
)
def test_keys_step_through_the_deck(here, action, expected):
    assert DECK.step(here, action) == expected


@pytest.mark.parametrize(
    ("here", "expected"),
    [("a", (None, "b")), ("b", ("a", "c")), ("d", ("c", None)), ("ghost", (None, "b"))],
)
def test_neighbours(here, expected):
    assert DECK.neighbours(here) == expected


@pytest.mark.parametrize(
    ("here", "shown"),
    [("a", ("a",)), ("c", ("a", "b", "c")), ("d", DECK.ids), (None, ("a",))],
)
def test_build_mode_shows_the_events_reached_so_far(here, shown):
    assert DECK.shown_in_build(here) == shown


def test_an_empty_deck_goes_nowhere():
    empty = Deck(())
    assert empty.current("a") is None
    assert empty.step("a", "next") is None
    assert empty.shown_in_build("a") == ()
    assert empty.neighbours(None) == (None, None)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (ViewState(), DATE_ORDER),
        (ViewState(kinds=("trial", "guideline")), ("debate", "sham-trial")),
        (ViewState(years=(1984, 1986)), ("first-case", "experiments")),
        (ViewState(query="sham"), ("sham-trial",)),
        # an explicit list is presented in its own order, whatever the filters say
        (
            ViewState(ids=("sham-trial", "first-case"), kinds=("device",)),
            ("sham-trial", "first-case"),
        ),
        (ViewState(ids=("ghost",)), ()),
    ],
)
def test_the_address_decides_what_is_presented(state, expected):
    assert deck_for(TIMELINE, state).ids == expected


def test_deck_events_come_in_deck_order_and_cover_a_fixed_range():
    deck = Deck(("sham-trial", "first-case"))
    events = deck_events(TIMELINE, deck)
    assert list(events["id"]) == ["sham-trial", "first-case"]
    first, last = x_extent(events)
    assert first == pytest.approx(1984.0) and last > 2009.5
    assert x_extent(events.iloc[0:0]) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/present/", None),
        ("/present", None),
        ("/present/sham-trial", "sham-trial"),
        ("/present/sham-trial/", "sham-trial"),
        ("/elsewhere/sham-trial", None),
        (None, None),
    ],
)
def test_event_from_path(path, expected):
    assert event_from_path(path) == expected


@pytest.mark.parametrize(
    ("event", "state", "view", "expected"),
    [
        ("a", ViewState(), "", "/present/a"),
        (None, ViewState(lang="fr"), "", "/present/?lang=fr"),
        ("a", ViewState(kinds=("trial",), build=True), "", "/present/a?kind=trial&build=1"),
        ("a", ViewState(event="b", x_range=(1.0, 2.0)), "presenter", "/present/a?view=presenter"),
    ],
)
def test_present_href_keeps_the_selection_and_drops_page_only_state(event, state, view, expected):
    assert present_href(event, state, view) == expected


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            {"notes_en": "Ask why.", "notes_fr": "Demander pourquoi."},
            ("Ask why.", "Demander pourquoi."),
        ),
        ({"notes": "Same in both."}, ("Same in both.", "Same in both.")),
        ({"notes_en": "Only English."}, ("Only English.", "Only English.")),
        ({}, ("", "")),
    ],
)
def test_presenter_notes_are_read_per_language_with_fallbacks(tiny_dir, columns, expected):
    rows = read_csv(TINY / "events.csv")
    rows[0].update(columns)
    header = list(rows[0]) + [c for c in columns if c not in rows[0]]
    write_csv(tiny_dir / "events.csv", rows, header)
    event = load_timeline(tiny_dir / "events.csv").event("first-case")
    assert (event["notes_en"], event["notes_fr"]) == expected


@pytest.mark.parametrize(
    ("search", "requested", "expected"),
    [
        ("", None, ()),
        ("", "b", ()),
        ("?sort=random", "b", ("unknown sort order 'random' ignored",)),
        ("", "ghost", ("event 'ghost' not in this presentation, ignored",)),
        (
            "?build=maybe",
            "x" * 100,
            (
                "unknown build value 'maybe' ignored",
                f"event '{'x' * 30}' not in this presentation, ignored",
            ),
        ),
    ],
)
def test_what_a_lecture_address_asks_and_cannot_have_gets_a_notice(search, requested, expected):
    from core.view.address import Known, parse_query

    state = parse_query(search, Known(events=frozenset(DECK.ids)))
    assert tuple(str(n) for n in deck_notices(state, DECK, requested)) == expected


def test_a_question_the_dates_cannot_answer_is_left_out_with_a_notice():
    """The two NEJM trials of 6 August 2009 tie: "which came first?" has no answer."""
    from core.load.loader import load_timeline
    from core.view.address import known_from, parse_query
    from core.view.deck import deck_for
    from tests.conftest import BUILT_IN

    timeline = load_timeline(BUILT_IN)
    tie = "quiz:first:buchbinder-nejm-2009~invest-nejm-2009"
    fine = "quiz:first:kyphon-fda-1998~vertos-2-2010"
    state = parse_query(f"?ids=galibert-amiens-1984,{tie},{fine}", known_from(timeline))
    deck = deck_for(timeline, state)
    assert tie not in deck.ids and fine in deck.ids
    said = [str(n) for n in deck_notices(state, deck, None)]
    assert said == [
        f"question '{tie}' left out: its events' dates overlap or tie, so it has no single answer"
    ]
    french = [n.text("fr") for n in deck_notices(state, deck, None)]
    assert len(french) == 1 and tie in french[0] and "écartée" in french[0]
