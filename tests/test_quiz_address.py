"""The self-test's address, and what the page is sent for it."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from dash import Dash, html

from core.i18n import strings
from core.load.loader import load_timeline
from core.quiz.address import parse_quiz, quiz_query, without_seed
from core.quiz.making import DEFAULT_QUESTIONS, YEAR
from core.quiz.payload import payload, quiz_events, round_for
from core.view.address import known_from
from quiz import page as quiz_page
from tests.conftest import BUILT_IN, ROOT, callback_body

TIMELINE = load_timeline(BUILT_IN)
KNOWN = known_from(TIMELINE)


@pytest.mark.parametrize(
    ("search", "seed", "n", "notices"),
    [
        ("?seed=42", "42", DEFAULT_QUESTIONS, 0),
        ("?seed=lecture-3&n=5", "lecture-3", 5, 0),
        ("?seed=42&n=30", "42", 30, 0),
        ("?seed=42&n=0", "42", DEFAULT_QUESTIONS, 1),
        ("?seed=42&n=31", "42", DEFAULT_QUESTIONS, 1),
        ("?seed=42&n=ten", "42", DEFAULT_QUESTIONS, 1),
        ("?seed=%3Cscript%3E", None, DEFAULT_QUESTIONS, 1),
        ("?seed=" + "x" * 33, None, DEFAULT_QUESTIONS, 1),
        ("", None, DEFAULT_QUESTIONS, 0),
        # the main page's display parameters mean nothing here and are dropped quietly
        ("?seed=1&event=nice-ta279-2013&sort=title&x0=1990&x1=2000&view=presenter", "1", 10, 0),
    ],
)
def test_seed_and_number_of_questions(search, seed, n, notices):
    address = parse_quiz(search, KNOWN)
    assert address.n == n
    assert len(address.notices) == notices
    if seed is None:
        assert address.new_seed and address.seed.isdigit() and len(address.seed) == 6
    else:
        assert not address.new_seed and address.seed == seed


def test_the_canonical_address_keeps_the_filters_and_round_trips():
    address = parse_quiz("?kind=trial&lang=fr&n=5&seed=abc&sort=title", KNOWN)
    assert quiz_query(address) == "?lang=fr&kind=trial&seed=abc&n=5"
    assert quiz_query(address, lang="en") == "?kind=trial&seed=abc&n=5"
    assert parse_quiz(quiz_query(address), KNOWN) == address
    assert without_seed(address) == "?lang=fr&kind=trial&n=5"


def test_filters_and_ids_choose_the_events():
    trials = parse_quiz("?kind=trial&seed=1", KNOWN)
    assert set(quiz_events(TIMELINE, trials)["kind"]) == {"trial"}
    chosen = ["galibert-amiens-1984", "nice-ta279-2013", "vertos-4-2018"]
    exact = parse_quiz("?ids=" + ",".join(chosen) + "&kind=trial&seed=1", KNOWN)
    assert sorted(quiz_events(TIMELINE, exact)["id"]) == sorted(chosen)
    quiz, _ = round_for(TIMELINE, exact)
    assert {e for q in quiz.questions for e in q.shown} <= set(chosen)
    # a lecture's address, questions to the hall and all: their events are asked about too
    lecture = parse_quiz("?ids=galibert-amiens-1984,quiz:first:vapour-2016~vertos-2-2010", KNOWN)
    assert set(quiz_events(TIMELINE, lecture)["id"]) == {
        "galibert-amiens-1984",
        "vapour-2016",
        "vertos-2-2010",
    }


def test_the_payload_explains_every_event_asked_about_as_text():
    address = parse_quiz("?seed=7&lang=fr", KNOWN)
    sent = payload(TIMELINE, address)
    json.dumps(sent)  # plain JSON
    asked = {e for q in sent["questions"] for e in q["shown"]}
    assert set(sent["events"]) == asked
    assert sent["address"] == "/quiz/?lang=fr&seed=7"
    assert sent["new_round"] == "/quiz/?lang=fr"
    for event_id, info in sent["events"].items():
        event = TIMELINE.event(event_id)
        assert info["title"] == event["title_fr"] and info["summary"] == event["summary_fr"]
        assert info["href"] == f"/?lang=fr&event={event_id}"
        for reference in info["references"]:
            assert all(urlsplit(url).scheme == "https" for _, url in reference["links"])
    # the date as written, in the page's language
    year_ids = [q["shown"][0] for q in sent["questions"] if q["kind"] == YEAR]
    assert year_ids and all(sent["events"][i]["when"] for i in year_ids)
    windows = "?ids=darrason-experiments,galibert-amiens-1984,kyphon-fda-1998&seed=1"
    for seed in range(5):  # the window is asked about in an order question: "between"
        sent = payload(TIMELINE, parse_quiz(windows.replace("seed=1", f"seed={seed}"), KNOWN))
        if "darrason-experiments" in sent["events"]:
            assert sent["events"]["darrason-experiments"]["when"] == "between 1984 and 1989"
            break
    else:
        raise AssertionError("the window was never asked about")
    assert set(sent["texts"]) >= {k for k in strings("fr") if k.startswith("quiz_")}


def test_the_page_is_served(client):
    page = client.get("/quiz/?seed=1")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "quiz.js" in html and "plotly-basic" not in html  # no chart, no chart code
    # no inline script of ours (a Content-Security-Policy need not allow any): Dash's own two
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*\bid=\"([^\"]+)\"", html)
    assert inline == ["_dash-config", "_dash-renderer"]
    assert html.count("<script") == html.count("<script src=") + 2


def _round(search: str) -> dict:
    """The round the server sends for an address, as the browser asks for it."""
    main = Dash(__name__)
    main.layout = html.Div()
    app = quiz_page.create(main, lambda: TIMELINE, ROOT / "assets")
    body = callback_body(app, "quiz-round", {"quiz-url": search})
    answer = main.server.test_client().post("/quiz/_dash-update-component", json=body)
    return answer.get_json()["response"]


def test_the_server_sends_the_round_the_address_asks_for():
    answer = _round("?seed=5&n=3&lang=fr&kind=trial")
    sent = answer["quiz-round"]["data"]
    address = parse_quiz("?seed=5&n=3&lang=fr&kind=trial", KNOWN)
    assert sent == json.loads(json.dumps(payload(TIMELINE, address)))
    assert len(sent["questions"]) == 3
    assert answer["quiz-lang"]["href"] == "/quiz/?kind=trial&seed=5&n=3"  # same round, English
    assert answer["quiz-home"]["href"] == "/?lang=fr&kind=trial"
    assert answer["quiz-document"]["data"]["lang"] == "fr"
    assert _round("?kind=trial&n=3&lang=fr&seed=5")["quiz-round"]["data"] == sent


def test_without_a_seed_each_visit_gets_a_new_round_named_in_its_address():
    first, second = (_round("")["quiz-round"]["data"] for _ in range(2))
    assert first["address"] != second["address"]
    assert first["address"].startswith("/quiz/?seed=")
