"""A search that finds nothing is offered the timeline's own spelling of its words."""

import pytest

from app import create_app, page
from core.load.loader import load_timeline
from core.load.store import TimelineStore
from core.view.selection import Filters, apply_filters
from core.view.suggest import suggestion
from prerender import first_view
from tests.conftest import BUILT_IN, callback_body

TIMELINE = load_timeline(BUILT_IN)


@pytest.mark.parametrize(
    ("lang", "typed", "offered"),
    [
        ("fr", "kyphoplastie", "cyphoplastie"),  # the French page writes it with a c
        ("en", "cyphoplasty", "kyphoplasty"),
        ("fr", "vertebroplstie", "vertébroplastie"),  # as the text writes it, accents too
        ("fr", "galibret", "Galibert"),  # a name keeps its capital
        ("fr", "kyphoplastie essai", "cyphoplastie essai"),  # only the word that is wrong
        ("en", "Cemnt", "cement"),
    ],
)
def test_a_misspelt_search_is_offered_the_timelines_spelling(lang, typed, offered):
    assert len(apply_filters(TIMELINE.events, Filters(query=typed), lang)) == 0
    assert suggestion(TIMELINE, Filters(query=typed), lang) == offered
    assert len(apply_filters(TIMELINE.events, Filters(query=offered), lang)) > 0


@pytest.mark.parametrize(
    ("filters", "why"),
    [
        (Filters(query="xyzzy"), "nothing like it"),
        (Filters(query="nice amiens"), "each word is there, not both in one event"),
        (Filters(kinds=("trial",), query="galibret"), "Galibert, but in no trial"),
        (
            Filters(query="kyphoplastie creation kyphon societe ballonnet"),
            "more words than it takes",
        ),
    ],
)
def test_no_offer_that_would_find_nothing_either(filters, why):
    assert len(apply_filters(TIMELINE.events, filters, "fr")) == 0, why
    assert suggestion(TIMELINE, filters, "fr") is None, why


def test_the_offer_comes_with_the_lists_data_only_when_nothing_is_found():
    app = create_app(BUILT_IN)
    client = app.server.test_client()

    def answer(query: str) -> dict:
        values = {"filter-years": list(TIMELINE.year_range), "lang": "fr", "search": query}
        body = callback_body(app, "timeline", values)
        response = client.post("/_dash-update-component", json=body).get_json()["response"]
        return response["event-list-data"]["data"]

    offer = answer("kyphoplastie")["suggest"]
    assert offer == {"before": "Vouliez-vous dire ", "query": "cyphoplastie", "after": " ?"}
    assert "suggest" not in answer("cyphoplastie")


def test_a_page_opened_on_a_misspelt_search_has_the_offer_drawn_in():
    html = first_view(TimelineStore(BUILT_IN), "q=cyphoplasty", page).html
    offer = html.split('id="fp-search-suggest"', 1)[1].split("</p>", 1)[0]
    assert 'data-search="kyphoplasty"' in offer and "Did you mean " in offer
    plain = first_view(TimelineStore(BUILT_IN), "q=kyphoplasty", page).html
    assert "data-search=" not in plain
