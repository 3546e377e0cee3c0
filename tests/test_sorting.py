"""The list of events in each order a student can choose."""

import pytest

from core.load.loader import load_timeline
from core.load.text import fold
from core.view.sorting import Place, place_in, sort_events
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
EVENTS = TIMELINE.events[TIMELINE.events["kind"] != "device"]  # filtered, in date order


def _dates(frame):
    return list(zip(frame["start"], frame["end"], frame["id"], strict=True))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_by_title_in_alphabetical_order_ignoring_case_and_accents(lang):
    titles = list(sort_events(EVENTS, "title", lang, TIMELINE.vocabulary)[f"title_{lang}"])
    assert [fold(t) for t in titles] == sorted(fold(t) for t in titles)
    assert titles != list(TIMELINE.events[f"title_{lang}"])


def test_by_kind_in_filter_order_then_by_date():
    shown = sort_events(EVENTS, "kind", "en", TIMELINE.vocabulary)
    order = list(TIMELINE.vocabulary.kinds)
    kinds = list(shown["kind"])
    assert kinds == sorted(kinds, key=order.index)
    for kind in set(kinds):
        group = shown[shown["kind"] == kind]
        assert _dates(group) == sorted(_dates(group))


@pytest.mark.parametrize("by", ["date", "nonsense"])
def test_by_date_is_the_charts_order(by):
    assert _dates(sort_events(EVENTS, by, "en", TIMELINE.vocabulary)) == sorted(_dates(EVENTS))


def test_the_loader_puts_events_in_date_order_whatever_the_file_order(tiny_dir):
    # sort_events relies on it: the list's date order is the loader's.
    path = tiny_dir / "events.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    events = load_timeline(path).events
    assert _dates(events) == sorted(_dates(events))
    assert list(events["id"]) != [row.split(",")[0] for row in reversed(rows)]


@pytest.mark.parametrize("by", ["date", "title", "kind"])
def test_an_events_place_is_in_the_lists_order(by):
    listed = sort_events(EVENTS, by, "en", TIMELINE.vocabulary)
    ids = list(listed["id"])
    middle = ids[len(ids) // 2]
    place = place_in(listed, middle)
    assert place == Place(len(ids) // 2, len(ids), len(ids) // 2 - 1, len(ids) // 2 + 1)
    assert ids[place.previous] == ids[ids.index(middle) - 1]


def test_the_first_and_last_events_have_no_neighbour_past_the_end():
    ids = list(EVENTS["id"])
    assert place_in(EVENTS, ids[0]) == Place(0, len(ids), None, 1)
    assert place_in(EVENTS, ids[-1]) == Place(len(ids) - 1, len(ids), len(ids) - 2, None)
    alone = EVENTS.iloc[:1]
    assert place_in(alone, ids[0]) == Place(0, 1, None, None)


def test_an_event_not_in_the_list_has_no_place():
    device = TIMELINE.events[TIMELINE.events["kind"] == "device"]["id"].iloc[0]
    assert place_in(EVENTS, device) is None  # filtered out
    assert place_in(EVENTS, None) is None
    assert place_in(EVENTS, "") is None
    assert place_in(EVENTS.iloc[:0], EVENTS["id"].iloc[0]) is None
