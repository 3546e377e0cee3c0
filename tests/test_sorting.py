"""The list of events in each order a student can choose."""

import pytest

from core.loader import fold, load_timeline
from core.sorting import sort_events
from tests.conftest import BUILT_IN

TIMELINE = load_timeline(BUILT_IN)
EVENTS = TIMELINE.events.sample(frac=1, random_state=4)  # shuffled: the order must be made


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
    assert _dates(sort_events(EVENTS, by, "en", TIMELINE.vocabulary)) == _dates(TIMELINE.events)
