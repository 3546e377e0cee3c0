"""Previous and Next in the details: through the events of the list, in its order."""

import pytest

from app import create_app, page
from components import detail
from core.load.loader import load_timeline
from core.load.store import TimelineStore
from core.view.sorting import sort_events
from prerender import first_view
from tests.conftest import BUILT_IN, callback_body

TIMELINE = load_timeline(BUILT_IN)
EVENTS = TIMELINE.events
IDS = list(EVENTS["id"])


def shown(steps: dict) -> dict:
    """The steps' properties by (element, property)."""
    return {
        (element, prop): value for element, props in steps.items() for prop, value in props.items()
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_chosen_event_has_the_events_either_side_of_it_in_the_list(lang):
    row = 10
    steps = shown(detail.steps(EVENTS, IDS[row], lang))
    assert steps[("detail-nav", "hidden")] is False
    assert steps[("detail-previous", "data-event")] == IDS[row - 1]
    assert steps[("detail-next", "data-event")] == IDS[row + 1]
    assert steps[("detail-next", "aria-disabled")] == "false"
    assert steps[("detail-next-title", "children")] == EVENTS[f"title_{lang}"].iat[row + 1]
    assert steps[("detail-next", "title")] == EVENTS[f"title_{lang}"].iat[row + 1]
    assert steps[("detail-next-word", "children")] == {"en": "Next", "fr": "Suivant"}[lang]
    assert steps[("detail-position-shown", "children")] == f"11 / {len(IDS)}"
    said = steps[("detail-position-said", "children")]
    assert said.endswith(EVENTS[f"title_{lang}"].iat[row]) and "11" in said


def test_at_either_end_of_the_list_the_step_past_it_is_there_but_goes_nowhere():
    first = shown(detail.steps(EVENTS, IDS[0], "en"))
    assert first[("detail-previous", "aria-disabled")] == "true"
    assert first[("detail-previous", "data-event")] is None  # assets/select.js needs one
    assert first[("detail-previous-word", "children")] == "Previous"  # still labelled
    assert first[("detail-next", "data-event")] == IDS[1]
    last = shown(detail.steps(EVENTS, IDS[-1], "en"))
    assert last[("detail-next", "aria-disabled")] == "true"
    assert last[("detail-next", "data-event")] is None
    assert last[("detail-previous", "data-event")] == IDS[-2]


@pytest.mark.parametrize("selected", [None, "no-such-event"])
def test_without_a_chosen_event_in_the_list_there_is_no_step(selected):
    steps = shown(detail.steps(EVENTS, selected, "en"))
    assert steps[("detail-nav", "hidden")] is True
    assert steps[("detail-next", "data-event")] is None
    assert steps[("detail-previous", "data-event")] is None


def test_the_steps_follow_the_filters_and_the_lists_order():
    # the redraw draws them: trials only, by title; from the first trial by title, Next
    # is the second by title, not the next trial in time
    app = create_app(BUILT_IN)
    trials = EVENTS[EVENTS["kind"] == "trial"]
    by_title = list(sort_events(trials, "title", "en", TIMELINE.vocabulary)["id"])
    assert by_title != list(trials["id"])
    values = {
        "filter-kind": ["trial"],
        "filter-years": list(TIMELINE.year_range),
        "lang": "en",
        "list-sort": "title",
        "selected": by_title[0],
    }
    body = callback_body(app, "timeline", values)
    answer = app.server.test_client().post("/_dash-update-component", json=body).get_json()
    steps = answer["response"]["event-list-data"]["data"]["steps"]
    assert steps["detail-nav"]["hidden"] is False
    assert steps["detail-next"]["data-event"] == by_title[1]
    assert steps["detail-previous"]["aria-disabled"] == "true"
    assert steps["detail-position-shown"]["children"] == f"1 / {len(by_title)}"
    # an event the filters leave out: no steps
    values["selected"] = EVENTS[EVENTS["kind"] == "device"]["id"].iat[0]
    body = callback_body(app, "timeline", values)
    answer = app.server.test_client().post("/_dash-update-component", json=body).get_json()
    assert answer["response"]["event-list-data"]["data"]["steps"]["detail-nav"]["hidden"] is True


def test_a_page_opened_on_an_event_has_its_steps_drawn_in():
    store = TimelineStore(BUILT_IN)
    html = first_view(store, f"event={IDS[3]}&lang=fr", page).html
    nav = html.split('id="fp-detail-nav"', 1)[1].split("</nav>", 1)[0]
    assert f'data-event="{IDS[2]}"' in nav and f'data-event="{IDS[4]}"' in nav
    assert "Suivant" in nav and f"4 / {len(IDS)}" in nav

    def attributes(page_html: str) -> list[str]:
        return page_html.split('id="fp-detail-nav"', 1)[1].split(">", 1)[0].split()

    assert "hidden" not in attributes(html)
    assert "hidden" in attributes(first_view(store, "", page).html)  # nothing chosen
