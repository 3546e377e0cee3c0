"""Every answer the app makes carries its security headers, and each page's policy names
exactly the inline scripts that page holds (the browser tests check that the page runs
under it with no violation)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from dash import Input, Output

from app import create_app
from guard.headers import FRAME_ENV, inline_scripts
from guard.limits import MAX_ADDRESS_BYTES, MAX_BODY_BYTES
from tests.conftest import TINY, callback_body


@pytest.fixture(scope="module")
def app():
    return create_app(TINY / "events.csv")


def first_script(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return re.search(r'<script src="([^"]*_dash-component-suites[^"]*)"', page).group(1)


REDRAW = {"filter-years": [1900, 2100], "lang": "en", "filter-kind": None, "search": ""}
# (answer, method, path, what the request sends): answers of every kind the app makes
REQUESTS = [
    ("page", "get", "/", {}),
    ("page with an address", "get", "/?lang=fr&q=trial", {}),
    ("lecture mode", "get", "/present/", {}),
    ("an event in lecture mode", "get", "/present/first-case?build=1", {}),
    ("handout", "get", "/handout", {}),
    ("self-test", "get", "/quiz/?seed=abc", {}),
    ("the presenter's slide", "get", "/slide.json?kind=trial", {}),
    ("layout", "get", "/_dash-layout", {}),
    ("layout again (from memory)", "get", "/_dash-layout", {}),
    ("dependencies", "get", "/_dash-dependencies", {}),
    ("style sheet", "get", "/assets/style.css", {}),
    ("favicon", "get", "/_favicon.ico", {}),
    ("unknown file", "get", "/assets/nope.js", {}),
    ("unknown bundle", "get", "/_dash-component-suites/nope/x.js", {}),
    ("callback", "post", "/_dash-update-component", "redraw"),
    ("refused callback", "post", "/_dash-update-component", {"json": []}),
    ("address too long", "get", "/?q=" + "x" * MAX_ADDRESS_BYTES, {}),
    (
        "body too large",
        "post",
        "/_dash-update-component",
        {"data": b"x" * (MAX_BODY_BYTES + 1), "content_type": "application/json"},
    ),
]


@pytest.mark.parametrize(("name", "method", "path", "sent"), REQUESTS, ids=[r[0] for r in REQUESTS])
def test_every_answer_carries_the_security_headers(app, name, method, path, sent):
    if sent == "redraw":
        sent = {"json": callback_body(app, "timeline", REDRAW)}
    response = getattr(app.server.test_client(), method)(path, **sent)
    assert response.status_code < 500, name
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    directives = dict(
        d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";")
    )
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in directives["script-src"]
    assert "frame-ancestors" not in directives  # any page may frame it unless told otherwise
    assert "X-Frame-Options" not in headers and "Server" not in headers


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("path", ["/", "/present/", "/handout", "/quiz/"])
def test_a_page_allows_exactly_the_inline_scripts_it_holds(app, path):
    response = app.server.test_client().get(path)
    page = response.get_data(as_text=True)
    executed = re.findall(
        r"<script>(.*?)</script>", re.sub(r"<!--.*?-->", "", page, flags=re.S), re.S
    )
    executed += re.findall(r'<script id="_dash-renderer"[^>]*>(.*?)</script>', page, re.S)
    executed += re.findall(r'<script type="text/javascript">(.*?)</script>', page, re.S)
    assert executed, "every page here runs an inline script"
    script_src = dict(
        d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";")
    )["script-src"].split()
    assert script_src[0] == "'self'"
    assert sorted(set(script_src[1:])) == sorted({sha256(text) for text in executed})


def test_the_policy_follows_the_page_when_its_scripts_change():
    app = create_app(TINY / "events.csv")
    before = app.server.test_client().get("/").headers["Content-Security-Policy"]
    added = "function (text) { return text.length; }"
    app.clientside_callback(added, Output("footer-text", "title"), Input("footer-text", "children"))
    after = app.server.test_client().get("/?q=x")  # another address: pages are kept per address
    policy = after.headers["Content-Security-Policy"]
    scripts = inline_scripts(after.get_data(as_text=True))
    new = [text for text in scripts if added in text]
    assert len(new) == 1 and sha256(new[0]) not in before and sha256(new[0]) in policy
    assert all(sha256(text) in policy for text in scripts)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<script>a()</script>", ["a()"]),
        ('<script src="/x.js"></script><script>b()</script>', ["b()"]),
        ('<script type="application/json">{"a": 1}</script>', []),
        ("<!--[if IE]><script>alert(1)</script><![endif]--><p>", []),
        ('<SCRIPT type="text/javascript">\nc()\n</SCRIPT >', ["\nc()\n"]),
    ],
)
def test_inline_scripts(page, expected):
    assert inline_scripts(page) == expected


def test_the_person_serving_it_says_which_pages_may_frame_it(monkeypatch):
    allowed = "'self' https://moodle.example.edu"
    app = create_app(TINY / "events.csv", frame_ancestors=allowed)
    policy = app.server.test_client().get("/").headers["Content-Security-Policy"]
    assert f"frame-ancestors {allowed}" in policy
    monkeypatch.setenv(FRAME_ENV, "'none'")
    policy = (
        create_app(TINY / "events.csv")
        .server.test_client()
        .get("/present/")
        .headers["Content-Security-Policy"]
    )
    assert policy.endswith("frame-ancestors 'none'")


@pytest.mark.parametrize("value", ["'self'; script-src *", "a,b", "'unsafe-inline'\"", "<x>"])
def test_a_framing_setting_that_would_change_the_policy_is_refused(value):
    with pytest.raises(ValueError, match=FRAME_ENV):
        create_app(TINY / "events.csv", frame_ancestors=value)


def test_a_framing_setting_stays_on_one_line():
    app = create_app(TINY / "events.csv", frame_ancestors="https://a.example\n  'self'")
    policy = app.server.test_client().get("/").headers["Content-Security-Policy"]
    assert policy.endswith("frame-ancestors https://a.example 'self'")


def image_sources(app, path: str) -> list[str]:
    policy = app.server.test_client().get(path).headers["Content-Security-Policy"]
    return dict(d.strip().split(" ", 1) for d in policy.split(";"))["img-src"].split()


@pytest.mark.parametrize("path", ["/", "/present/", "/handout", "/quiz/"])
def test_pictures_come_from_https_addresses_only_when_remote_media_are_allowed(app, path):
    # data: for the handout's pictures and plotly's images, blob: for the presenter's slide
    assert image_sources(app, path) == ["'self'", "data:", "blob:"]
    remote = create_app(TINY / "events.csv", remote_media=True)
    assert image_sources(remote, path) == ["'self'", "data:", "blob:", "https:"]
