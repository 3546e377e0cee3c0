"""Lecture mode's addresses on the shared server, and exports that never reach the network."""

from __future__ import annotations

import json
import re

import pytest

from core.publish.offline import KALEIDO_OPTIONS


@pytest.mark.parametrize(
    "path", ["/present/", "/present/sham-trial", "/present/sham-trial?kind=trial&build=1", "/"]
)
def test_every_presentation_address_serves_a_page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"_dash-renderer" in response.data or b"dash_renderer" in response.data


def test_lecture_mode_shows_what_of_its_address_was_ignored(client):
    from app import create_app
    from tests.conftest import TINY, callback_body

    app = create_app(TINY / "events.csv")
    lecture = app.server.extensions["timeline.dash_apps"][1]
    body = callback_body(
        lecture,
        "present-notice",
        {"present-url": "/present/ghost", "present-size": [1200, 600]},
    )
    body["inputs"][1]["value"] = "?build=2&lang=fr"  # present-url.search
    answer = app.server.test_client().post("/present/_dash-update-component", json=body)
    assert answer.status_code == 200
    shown = json.dumps(
        answer.get_json()["response"]["present-notice"]["children"], ensure_ascii=False
    )
    assert "Certaines parties de ce lien" in shown
    assert (  # in the page's language
        "valeur inconnue «\u00a02\u00a0» du paramètre build ignorée; "
        "événement «\u00a0ghost\u00a0» absent de cette présentation, ignoré." in shown
    )


def test_the_presentation_leaves_out_the_main_page_scripts(client):
    scripts = re.findall(r'src="([^"]+)"', client.get("/present/").get_data(as_text=True))
    assert any("assets/present.js" in s for s in scripts)
    main_only = r"assets/(chart-width|lanes|select|event-list|filters-toggle|copy-link)\.js"
    assert not any(re.search(main_only, s) for s in scripts)
    # nor the bundles the main page leaves out (serving.LeanDash)
    assert not any(re.search(r"dash_table|polyfill", s) for s in scripts)
    main = re.findall(r'src="([^"]+)"', client.get("/").get_data(as_text=True))
    assert any("assets/select.js" in s for s in main)


@pytest.mark.parametrize(("paper", "size"), [("a4", "A4"), ("letter", "Letter"), ("", "A4")])
def test_the_handout_page_prints_on_the_chosen_paper(client, paper, size):
    page = client.get(f"/handout?kind=trial&paper={paper}").get_data(as_text=True)
    assert f"size: {size};" in page
    assert page.count('<section class="event"') == 1  # the tiny timeline has one trial


def test_kaleido_is_started_with_nothing_to_fetch():
    from kaleido._page_generator import PageGenerator

    page = PageGenerator(**{"mathjax": KALEIDO_OPTIONS["mathjax"]}).generate_index()
    sources = re.findall(r'src="([^"]+)"', page)
    assert sources and all(s.startswith("file://") for s in sources), sources


@pytest.mark.parametrize(
    ("query", "events"), [("", 6), ("?kind=trial&view=presenter", 1), ("?ids=sham-trial", 1)]
)
def test_the_presenters_slide_is_the_selection_at_1920_by_1080(client, query, events):
    response = client.get("/slide.json" + query)
    assert response.status_code == 200 and response.mimetype == "application/json"
    figure = response.get_json()
    assert (figure["layout"]["width"], figure["layout"]["height"]) == (1920, 1080)
    ids = [
        row[0] for trace in figure["data"] if trace.get("customdata") for row in trace["customdata"]
    ]
    assert len(ids) == events
    labels = next(trace for trace in figure["data"] if trace.get("name") == "labels")
    assert labels["textfont"]["size"] >= 22
