"""Pictures where they are shown and served: /media/<event id>, the details, lecture mode,
the list, the handout; remote pictures only as links unless allowed."""

from __future__ import annotations

import base64
import io
import re
from html import unescape

import pytest
from PIL import Image

from app import create_app
from components import detail, event_list
from components.footer import about, citation
from core.load.loader import load_timeline
from core.publish import pictures
from core.publish.handout import render_handout
from core.publish.pictures import WIDTHS, data_uri, picture_for
from lecture.cards import card
from media import SVG_POLICY
from tests.support.pictured import (
    AUTHORS,
    DRAWING_ALT,
    PHOTO_ALT,
    REMOTE,
    TITLE,
    write_evil_timeline,
    write_pictured_timeline,
)
from tests.test_own_timeline import texts


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pictured")
    write_pictured_timeline(folder)
    write_evil_timeline(folder / "evil")
    return folder


@pytest.fixture(scope="module")
def timeline(folder):
    return load_timeline(folder / "events.csv")


@pytest.fixture(scope="module")
def client(folder):
    return create_app(folder / "events.csv", remote_media=False).server.test_client()


def components(tree, kind: str) -> list:
    """Every Dash component of one type (html.Img, html.A...) in a tree."""
    found = []
    if isinstance(tree, list | tuple):
        for child in tree:
            found += components(child, kind)
    elif tree is not None and not isinstance(tree, str):
        if type(tree).__name__ == kind:
            found.append(tree)
        found += components(getattr(tree, "children", None), kind)
    return found


def test_a_photograph_is_sent_resized_for_the_screen_and_for_the_list(client):
    full = client.get("/media/pont-romain")
    assert full.status_code == 200 and full.mimetype == "image/png"
    assert Image.open(io.BytesIO(full.data)).size == (WIDTHS["full"], 800)  # 2400 x 1200
    thumb = client.get("/media/pont-romain?size=thumb")
    assert Image.open(io.BytesIO(thumb.data)).size == (WIDTHS["thumb"], 80)
    assert full.headers["X-Content-Type-Options"] == "nosniff"
    # the app's policy (guard/headers.py), not the SVG's sandbox
    assert full.headers["Content-Security-Policy"] != SVG_POLICY


def test_an_svg_is_sent_as_it_is_under_a_policy_that_runs_and_loads_nothing(client, folder):
    response = client.get("/media/passerelle")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.data == (folder / "media" / "square.svg").read_bytes()
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Frame-Options" not in response.headers


def test_a_picture_asked_again_is_not_modified(client):
    first = client.get("/media/passerelle")
    again = client.get("/media/passerelle", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


@pytest.mark.parametrize(
    "path",
    [
        "/media/pont-neuf",  # an event with no picture
        "/media/pont-lointain",  # a remote picture: never served from here
        "/media/nothing",
        "/media/media/arch.png",  # a file's path is not an address
        "/media/..%2Fevents.csv",
        "/media/%2E%2E/timeline.csv",
    ],
)
def test_nothing_but_a_named_picture_is_served(client, path):
    response = client.get(path)
    assert response.status_code == 404 or response.mimetype == "text/html"  # the app's page
    assert not response.data.startswith(b"\x89PNG")
    assert b"id,kind,date" not in response.data and b"authors,licence" not in response.data


def test_the_picture_is_looked_up_in_the_timeline_not_joined_to_the_request(folder, timeline):
    assert timeline.pictures == {
        "pont-romain": (folder / "media" / "arch.png").resolve(),
        "passerelle": (folder / "media" / "square.svg").resolve(),
    }


def test_a_remote_picture_is_a_link_unless_remote_media_are_allowed(timeline):
    event = timeline.event("pont-lointain")
    offline = picture_for(timeline, event, "fr")
    assert offline.src is None and offline.link == REMOTE
    assert offline.credit == "Someone else's photograph"
    allowed = picture_for(timeline, event, "fr", remote=True)
    assert allowed.src == REMOTE and allowed.link is None
    assert picture_for(timeline, timeline.event("pont-neuf"), "en") is None


def test_the_details_show_the_picture_with_its_alternative_text_caption_and_credit(timeline):
    panel = detail.render(timeline, "pont-romain", "fr")
    (image,) = components(panel, "Img")
    assert image.src == "/media/pont-romain" and image.alt == PHOTO_ALT["fr"]
    words = texts(panel)
    assert "L'arche, dessinée pour le test" in words and "Drawing by the tests (CC0)" in words


def test_the_details_link_a_remote_picture_and_draw_it_only_when_allowed(timeline):
    offline = detail.render(timeline, "pont-lointain", "en")
    assert components(offline, "Img") == []
    links = [a for a in components(offline, "A") if a.href == REMOTE]
    assert len(links) == 1 and links[0].rel == "noopener noreferrer"
    assert "Someone else's photograph" in texts(offline)
    allowed = detail.render(timeline, "pont-lointain", "en", remote=True)
    assert [i.src for i in components(allowed, "Img")] == [REMOTE]


def test_the_lecture_card_shows_the_picture_large_beside_the_text(timeline):
    shown = card(timeline, "passerelle", "en")
    (image,) = components(shown, "Img")
    assert image.alt == DRAWING_ALT["en"] and image.src == "/media/passerelle"
    assert "present-picture" in shown[1].className


def test_the_list_has_a_thumbnail_for_each_picture_file_only(timeline):
    listed = event_list.entries(timeline.events, "en", None, timeline.vocabulary, timeline.pictures)
    thumbs = {item["id"]: item["thumb"] for item in listed["items"]}
    assert thumbs == {
        "pont-romain": "/media/pont-romain?size=thumb",
        "passerelle": "/media/passerelle?size=thumb",
        "pont-lointain": None,
        "pont-neuf": None,
    }


def test_the_handout_carries_its_pictures_inside_and_links_remote_ones(timeline):
    page = render_handout(timeline, timeline.events, "fr", "a4", "<div></div>")
    sources = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', page)
    assert [unescape(alt) for _, alt in sources] == [PHOTO_ALT["fr"], DRAWING_ALT["fr"]]
    assert all(
        src.startswith(("data:image/png;base64,", "data:image/svg+xml;base64,"))
        for src, _ in sources
    )
    assert "/media/" not in page
    assert f'<a href="{REMOTE}">' in page  # a link, never an <img> from another site
    assert f'src="{REMOTE}"' not in page
    assert f"<h1>{TITLE['fr']}</h1>" in page
    assert "Ada Martin, Li Wei · Licence\u00a0: CC BY 4.0" in page


def test_a_picture_inline_is_resized_like_on_screen(folder):
    uri = data_uri((folder / "media" / "arch.png").resolve())
    data = uri.split(",", 1)[1]
    assert Image.open(io.BytesIO(base64.b64decode(data))).width == WIDTHS["full"]


def test_a_resized_picture_is_made_once(folder, monkeypatch):
    path = (folder / "media" / "arch.png").resolve()
    pictures.picture_bytes(path, 321)
    monkeypatch.setattr(pictures, "_resized", lambda *args: pytest.fail("resized again"))
    assert Image.open(io.BytesIO(pictures.picture_bytes(path, 321)[0])).width == 321


def test_the_footer_cites_the_authors_and_title_and_states_the_licence(timeline):
    assert citation(timeline.front, "2026-01-05", "en") == (
        f"{', '.join(AUTHORS)}. {TITLE['en']}: an interactive teaching timeline. "
        "Version of 5 January 2026."
    )
    assert (
        about(timeline.front, "fr") == "Licence\u00a0: CC BY 4.0. Rédigée en anglais et français."
    )


def test_the_page_says_the_timelines_title_not_the_built_in_one(client):
    page = client.get("/").get_data(as_text=True)
    assert f"<title>{TITLE['en']}</title>" in page
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert TITLE["en"] in layout and "ertebroplast" not in layout
    lecture = client.get("/present/").get_data(as_text=True)
    assert f"<title>Lecture: {TITLE['en']}</title>" in lecture
    handout = client.get("/handout?lang=fr").get_data(as_text=True)
    assert f"<title>{TITLE['fr']}</title>" in handout


def test_an_svg_with_a_script_is_accepted_and_served_so_that_it_cannot_run(folder):
    evil = create_app(folder / "evil" / "events.csv").server.test_client()
    response = evil.get("/media/evil")
    assert response.mimetype == "image/svg+xml"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["/", "/_dash-layout", "/present/", "/handout", "/media/passerelle"]
)
def test_nothing_the_app_serves_stops_a_course_page_from_framing_it(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert "frame-ancestors" not in response.headers.get("Content-Security-Policy", "")
