"""A timeline of one's own in a real Chromium: its title everywhere, its pictures with their
alternative text, an SVG's scripts never running, and the embed view inside a course page."""

from __future__ import annotations

import re
from html import escape

import pytest
from playwright.sync_api import expect

from core.load.loader import load_timeline
from core.publish.offline import handout_html
from tests.browser.conftest import LiveServer, open_app, wait_present_drawn, watched
from tests.browser.conftest import axe_violations as _axe
from tests.support.pictured import (
    AUTHORS,
    DRAWING_ALT,
    PHOTO_ALT,
    REMOTE,
    SUBTITLE,
    TITLE,
    write_evil_timeline,
    write_pictured_timeline,
)


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    server = LiveServer(write_pictured_timeline(tmp_path_factory.mktemp("bridges")))
    yield server
    server.stop()


@pytest.fixture
def bridges(page, pictured):
    """A page on the pictured timeline, checked for console errors and outside requests."""
    with watched(page, pictured.url):
        yield page


def open_present(page, path: str) -> None:
    page.goto(page.base + "/present/" + path)
    page.wait_for_selector("#present-graph .scatterlayer .point")
    expect(page.locator("#present-title")).not_to_be_empty()
    # the keys act on the deck the server sent, and the step is drawn again for the
    # chart's real size: wait for both
    wait_present_drawn(page)


def loaded(image) -> int:
    """The natural width of an <img> once it has loaded (0 if it could not be drawn)."""
    image.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    image.page.wait_for_function("img => img.complete", arg=image.element_handle())
    return image.evaluate("img => img.naturalWidth")


def test_the_title_is_the_timelines_own_everywhere(bridges):
    open_app(bridges)
    expect(bridges.locator("h1")).to_have_text(TITLE["en"])
    expect(bridges.locator("#app-subtitle")).to_have_text(SUBTITLE["en"])
    expect(bridges).to_have_title(TITLE["en"])
    expect(bridges.locator("#cite-text")).to_have_text(
        re.compile("^" + re.escape(f"{', '.join(AUTHORS)}. {TITLE['en']}: an interactive"))
    )
    expect(bridges.locator("#front-about")).to_have_text(
        "Licence: CC BY 4.0. Written in English and French."
    )
    bridges.get_by_text("Français").click()
    expect(bridges.locator("h1")).to_have_text(TITLE["fr"])
    expect(bridges).to_have_title(TITLE["fr"])
    expect(bridges.locator("#app-subtitle")).to_have_text(SUBTITLE["fr"])
    with bridges.expect_download() as info:
        bridges.locator("#export-csv").click()
    assert info.value.suggested_filename == "bridges-of-lyon-events.csv"

    open_present(bridges, "passerelle?lang=fr")
    expect(bridges).to_have_title(f"Une passerelle · Cours\u00a0: {TITLE['fr']}")
    open_present(bridges, "passerelle?view=presenter")
    expect(bridges).to_have_title(f"A footbridge · Lecture: {TITLE['en']}")
    with bridges.expect_download() as info:
        bridges.locator("[data-image=svg]").click()
    assert info.value.suggested_filename == "bridges-of-lyon-slide.svg"

    bridges.goto(bridges.base + "/handout?lang=fr")
    expect(bridges.locator("h1")).to_have_text(TITLE["fr"])
    expect(bridges.locator(".subtitle")).to_have_text(SUBTITLE["fr"])
    expect(bridges).to_have_title(TITLE["fr"])


def test_the_pictures_show_with_their_alternative_text_and_remote_ones_stay_links(bridges):
    open_app(bridges, "?event=pont-romain")
    photo = bridges.locator("#event-detail img")
    expect(photo).to_have_attribute("alt", PHOTO_ALT["en"])
    assert loaded(photo) == 1600  # 2400 px on disk, sent resized
    expect(bridges.locator("#event-detail figcaption")).to_contain_text("Drawing by the tests")

    thumbs = bridges.locator("#event-list img.event-thumb")
    expect(thumbs).to_have_count(2)
    assert loaded(thumbs.nth(0)) == 160  # the photograph, made small for the list
    assert loaded(thumbs.nth(1)) == 300  # the drawing, as it is (SVG draws at any size)
    for index in range(2):
        expect(thumbs.nth(index)).to_have_attribute("alt", "")  # the title beside says it

    bridges.locator('#event-list [data-event="passerelle"]').click()
    drawing = bridges.locator("#event-detail img")
    expect(drawing).to_have_attribute("alt", DRAWING_ALT["en"])
    assert loaded(drawing) == 300

    bridges.locator('#event-list [data-event="pont-lointain"]').click()
    expect(bridges.locator("#event-detail h2")).to_have_text("A bridge far away")
    expect(bridges.locator("#event-detail img")).to_have_count(0)
    link = bridges.locator(f'#event-detail a[href="{REMOTE}"]')
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(bridges.locator("#event-detail figcaption")).to_have_text("Someone else's photograph")
    # `watched` fails the test if anything was fetched from pictures.example.org


@pytest.mark.parametrize("width", [1280, 360])
def test_a_pictures_box_is_kept_before_it_arrives(page, pictured, width):
    """The details' photograph (2400 x 1200) takes its room before its bytes come, so the
    text under it does not jump when they do."""
    page.set_viewport_size({"width": width, "height": 800})
    held = []
    page.route("**/media/pont-romain", lambda route: held.append(route))  # never answered
    page.goto(pictured.url + "/?event=pont-romain", wait_until="domcontentloaded")
    photo = page.locator("#event-detail img")
    expect(photo).to_have_attribute("alt", PHOTO_ALT["en"])
    page.wait_for_function("() => !document.getElementById('first-view')")
    assert page.evaluate("img => img.complete && img.naturalWidth", photo.element_handle()) in (
        0,
        False,
    )  # not arrived
    box = photo.bounding_box()
    assert box["width"] > 100 and box["width"] / box["height"] == pytest.approx(2.0, abs=0.05)
    for route in held:
        route.abort()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_lecture_card_shows_the_picture_large_beside_the_text(bridges, size):
    bridges.set_viewport_size({"width": size[0], "height": size[1]})
    open_present(bridges, "pont-romain")
    picture = bridges.locator("#present-card img")
    expect(picture).to_have_attribute("alt", PHOTO_ALT["en"])
    assert loaded(picture) == 1600
    box = picture.bounding_box()
    title = bridges.locator("#present-title").bounding_box()
    assert box["x"] > title["x"] + title["width"] - 1  # beside the text
    assert box["width"] >= size[0] * 0.3  # large
    assert box["y"] + box["height"] <= size[1]  # on the screen
    caption = bridges.locator("#present-card figcaption").bounding_box()
    assert caption["y"] + caption["height"] <= size[1] - 30  # above the bar
    assert _axe(bridges) == []


def test_the_presenter_view_shows_the_picture(bridges):
    open_present(bridges, "passerelle?view=presenter&lang=fr")
    expect(bridges.locator("#present-card img")).to_have_attribute("alt", DRAWING_ALT["fr"])
    assert loaded(bridges.locator("#present-card img")) == 300
    assert _axe(bridges) == []


@pytest.mark.parametrize(
    ("query", "width"),
    [("?event=pont-romain", 1280), ("?event=pont-lointain&lang=fr", 360), ("?embed=1", 1280)],
    ids=["picture", "remote-phone-fr", "embed"],
)
def test_axe_finds_no_violation_with_pictures(bridges, query, width):
    bridges.set_viewport_size({"width": width, "height": 800})
    open_app(bridges, query)
    bridges.wait_for_timeout(500)
    assert _axe(bridges) == []


def test_copy_embed_code_gives_an_iframe_of_this_view(bridges):
    bridges.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_app(bridges, "?event=passerelle&lang=fr")
    expect(bridges.locator("#copy-embed")).to_have_text("Copier le code d'intégration")
    bridges.locator("#copy-embed").click()
    expect(bridges.locator("#copy-status")).to_contain_text("Code d'intégration copié")
    code = bridges.evaluate("() => navigator.clipboard.readText()")
    src = escape(f"{bridges.base}/?event=passerelle&lang=fr&embed=1", quote=True)
    assert code.startswith(f'<iframe src="{src}" title="{TITLE["fr"]}" ')
    assert code.endswith("></iframe>")


@pytest.mark.parametrize(("viewport", "frame"), [(360, 320), (1280, 1200)])
def test_the_embed_view_fits_an_iframe_and_keeps_the_address(bridges, viewport, frame):
    bridges.set_viewport_size({"width": viewport, "height": 900})
    src = f"{bridges.base}/?lang=fr&from=1180&to=1900&embed=1"
    bridges.set_content(  # a course page, from no server at all (another origin than the app)
        f'<!doctype html><html lang="fr"><title>Cours</title><body style="margin:8px">'
        f'<h1>Mon cours</h1><iframe src="{src}" title="{TITLE["fr"]}" '
        f'style="width:{frame}px;height:800px;border:0"></iframe></body></html>'
    )
    inner = bridges.frame_locator("iframe")
    inner.locator("#timeline .scatterlayer .point").first.wait_for()
    for hidden in ("#app-subtitle", "#lang", "#present-link", "#filters-panel", "footer", ".share"):
        expect(inner.locator(hidden).first).to_be_hidden()
    expect(inner.locator("h1")).to_have_text(TITLE["fr"])
    expect(inner.locator("#timeline")).to_be_visible()
    inner.locator('#event-list [data-event="passerelle"]').click()
    expect(inner.locator("#event-detail img")).to_have_attribute("alt", DRAWING_ALT["fr"])
    frame_page = next(f for f in bridges.frames if f != bridges.main_frame)
    frame_page.wait_for_url(re.compile(r"event=passerelle"))
    assert re.search(r"\?lang=fr&from=1180&to=1900&event=passerelle&embed=1$", frame_page.url)
    overflow = frame_page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    chart = inner.locator("#timeline").bounding_box()
    assert chart["width"] >= frame - 40
    expect(inner.locator("#embed-open")).to_have_text("Ouvrir toute la frise (nouvel onglet)")
    inner.locator("#embed-open").hover()
    href = inner.locator("#embed-open").get_attribute("href")
    assert href == "/?lang=fr&from=1180&to=1900&event=passerelle"
    # The course page cannot read where the student is in the timeline.
    read = bridges.evaluate(
        """() => { try { return document.querySelector('iframe').contentWindow.location.href; }
                   catch (error) { return 'blocked'; } }"""
    )
    assert read == "blocked"


def test_an_svgs_scripts_never_run(page, tmp_path):
    server = LiveServer(write_evil_timeline(tmp_path / "evil"))
    try:
        with watched(page, server.url):
            open_app(page, "?event=evil")
            drawing = page.locator("#event-detail img")
            expect(drawing).to_have_attribute("alt", "An orange square")
            assert loaded(drawing) == 200  # drawn, as a picture
            page.wait_for_timeout(300)
            expect(page).to_have_title("Evil")  # named after its folder; not 'pwned'
            assert page.evaluate("() => window.svgRan") is None
        # Opened on its own (a student following the address), it runs nothing either.
        messages: list[str] = []
        finished: list[str] = []
        blocked: list[tuple[str, str]] = []
        page.on("console", lambda message: messages.append(message.text))
        page.on("requestfinished", lambda request: finished.append(request.url))
        page.on("requestfailed", lambda request: blocked.append((request.url, request.failure)))
        page.goto(server.url + "/media/evil")
        page.wait_for_timeout(300)
        assert page.title() != "pwned"
        assert page.evaluate("() => window.svgRan") is None
        assert any("sandboxed" in message for message in messages)  # the browser said no
        # The picture it names on another site is stopped by the policy, never asked for.
        assert server.url + "/media/evil" in finished
        assert [url for url in finished if not url.startswith(server.url)] == []
        assert blocked == [("https://tracker.example.org/pixel.png", "csp")]
    finally:
        server.stop()


def test_the_one_file_handout_carries_its_pictures_offline(page, tmp_path):
    timeline = load_timeline(write_pictured_timeline(tmp_path / "bridges"))
    out = tmp_path / "handout.html"
    out.write_text(handout_html(timeline, "lang=fr"), encoding="utf-8")
    outside: list[str] = []
    page.on(
        "request",
        lambda req: None if req.url.startswith(("file:", "data:")) else outside.append(req.url),
    )
    page.goto(out.as_uri())
    expect(page.locator("h1")).to_have_text(TITLE["fr"])
    pictures = page.locator("figure.picture img")
    expect(pictures).to_have_count(2)
    assert [pictures.nth(i).get_attribute("alt") for i in range(2)] == [
        PHOTO_ALT["fr"],
        DRAWING_ALT["fr"],
    ]
    assert [loaded(pictures.nth(i)) for i in range(2)] == [1600, 300]
    expect(page.locator(f'figure.picture a[href="{REMOTE}"]')).to_have_count(1)
    assert outside == []
