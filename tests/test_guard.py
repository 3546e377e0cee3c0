"""Every request is bounded and checked: a 4xx with one clear line for anything the page
could not have sent, never a 500 or a traceback, under any server.

The malformed callback requests are table-driven over the main redraw (the chart, the
count, the list): each row is one wrong shape of a request the page really sends.
"""

from __future__ import annotations

import copy
import json
import logging
import socket
import string
import threading

import pytest
from dash._utils import to_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.serving import make_server
from werkzeug.test import EnvironBuilder

import guard
from app import create_app
from guard.headers import QuietRequestHandler
from guard.limits import MAX_ADDRESS_BYTES, MAX_BODY_BYTES
from guard.schema import COUNT, Choice, Json, ListOf, Number, OrNone, Record, Said, Text
from tests.conftest import TINY, callback_body

CALLBACK = "/_dash-update-component"


@pytest.fixture(scope="module")
def app():
    return create_app(TINY / "events.csv")


@pytest.fixture(scope="module")
def server(app):
    return app.server.test_client()


REDRAW_VALUES = {
    "filter-kind": ["research", "trial"],
    "filter-tag": [],
    "filter-years": [1984, 2013],
    "search": "trial",
    "lang": "en",
    "selected": None,
    "chart-width": 900,
    "list-sort": "date",
    "view-range": None,
    "data-version": "v",
}


@pytest.fixture(scope="module")
def redraw(app) -> dict:
    """The request the page sends when a kind is ticked."""
    body = callback_body(app, "timeline", REDRAW_VALUES)
    body["changedPropIds"] = ["filter-kind.value"]
    return body


def changed(mutate):
    """A change made in place: the same body, changed."""

    def change(body: dict) -> dict:
        mutate(body)
        return body

    return change


def with_value(component: str, value):
    return changed(
        lambda body: next(i for i in body["inputs"] if i["id"] == component).update(value=value)
    )


def setting(key: str, value):
    return changed(lambda body: body.__setitem__(key, value))


def without(key: str):
    return changed(lambda body: body.pop(key))


def nested(depth: int):
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def first_input(mutate):
    return changed(lambda body: mutate(body["inputs"][0]))


# (what is wrong, how the body becomes wrong)
MALFORMED = [
    # the body itself
    ("JSON null", lambda body: None),
    ("JSON []", lambda body: []),
    ("a string", lambda body: "redraw"),
    ("a number", lambda body: 1),
    ("an empty object", lambda body: {}),
    ("an unknown key", setting("hack", 1)),
    # which callback
    ("no output", without("output")),
    ("output null", setting("output", None)),
    ("output a number", setting("output", 3)),
    ("output of no callback", setting("output", "nothing.children")),
    ("output of a clientside callback", setting("output", "lang-label.lang")),
    ("output of another callback", setting("output", "url-notice.children")),
    # its outputs
    ("no outputs", without("outputs")),
    ("outputs null", setting("outputs", None)),
    ("outputs empty", setting("outputs", [])),
    ("outputs one dict", setting("outputs", {"id": "timeline", "property": "figure"})),
    ("outputs of another component", changed(lambda body: body["outputs"][0].update(id="x"))),
    ("outputs with a key more", changed(lambda body: body["outputs"][0].update(x=1))),
    ("outputs one short", changed(lambda body: body["outputs"].pop())),
    # its inputs
    ("no inputs", without("inputs")),
    ("inputs null", setting("inputs", None)),
    ("inputs empty", setting("inputs", [])),
    ("inputs an object", setting("inputs", {"lang": "en"})),
    ("too few inputs", changed(lambda body: body["inputs"].pop())),
    (
        "too many inputs",
        changed(lambda body: body["inputs"].append(copy.deepcopy(body["inputs"][0]))),
    ),
    ("inputs in another order", changed(lambda body: body["inputs"].reverse())),
    ("an input null", changed(lambda body: body["inputs"].__setitem__(0, None))),
    ("an input a list", changed(lambda body: body["inputs"].__setitem__(0, []))),
    ("an input without id", first_input(lambda item: item.pop("id"))),
    ("an input of another id", first_input(lambda item: item.update(id="lang"))),
    ("an input of another property", first_input(lambda item: item.update(property="options"))),
    ("an input with an id object", first_input(lambda item: item.update(id={"type": "x"}))),
    ("an input with a key more", first_input(lambda item: item.update(extra=1))),
    ("state where it has none", setting("state", [{"id": "lang", "property": "value"}])),
    ("state null", setting("state", None)),
    # what changed
    ("changed null", setting("changedPropIds", None)),
    ("changed a string", setting("changedPropIds", "filter-kind.value")),
    ("changed not an input", setting("changedPropIds", ["reset.n_clicks"])),
    ("changed a pattern id", setting("changedPropIds", ['{"a":1}.value'])),
    ("changed a number", setting("changedPropIds", [1])),
    ("changed a list", setting("changedPropIds", [["filter-kind.value"]])),
    ("changed an object", setting("changedPropIds", [{"id": "lang"}])),
    ("changed too many", setting("changedPropIds", ["filter-kind.value"] * 50)),
    ("parsed changed a string", setting("parsedChangedPropsIds", "x")),
    ("parsed changed nested", setting("parsedChangedPropsIds", [nested(50)])),
    # the values: language
    ("lang null", with_value("lang", None)),
    ("lang unknown", with_value("lang", "de")),
    ("lang upper case", with_value("lang", "EN")),
    ("lang a number", with_value("lang", 1)),
    ("lang a list", with_value("lang", ["en"])),
    ("lang nested junk", with_value("lang", nested(200))),
    # kinds and tags
    ("kinds a string", with_value("filter-kind", "trial")),
    ("kinds of numbers", with_value("filter-kind", [1, 2])),
    ("kinds with null", with_value("filter-kind", [None])),
    ("kinds nested", with_value("filter-kind", [["trial"]])),
    ("kinds an object", with_value("filter-kind", {"$ne": 1})),
    ("kinds a huge list", with_value("filter-kind", ["trial"] * 5000)),
    ("kinds a huge name", with_value("filter-kind", ["k" * 20_000])),
    ("tags a string", with_value("filter-tag", "osteoporosis")),
    ("tags of objects", with_value("filter-tag", [{}])),
    # the year range
    ("years a string", with_value("filter-years", "1990-2000")),
    ("years null", with_value("filter-years", None)),
    ("years one", with_value("filter-years", [1990])),
    ("years three", with_value("filter-years", [1990, 2000, 2010])),
    ("years of strings", with_value("filter-years", ["1990", "2000"])),
    ("years with null", with_value("filter-years", [None, 2000])),
    ("years with a fraction", with_value("filter-years", [1990.5, 2000])),
    ("years huge", with_value("filter-years", [10**30, 2000])),
    ("years booleans", with_value("filter-years", [True, False])),
    ("years an object", with_value("filter-years", {"from": 1990})),
    # the search
    ("search a number", with_value("search", 1)),
    ("search a list", with_value("search", ["trial"])),
    ("search an object", with_value("search", {"$regex": ".*"})),
    ("search one character too long", with_value("search", "x" * 201)),
    ("search of 80 KB", with_value("search", "trial " * 13_000)),
    ("search of 200 KB", with_value("search", "x" * 200_000)),
    # the rest
    ("selected a number", with_value("selected", 1)),
    ("selected a list", with_value("selected", ["first-case"])),
    ("selected huge", with_value("selected", "x" * 20_000)),
    ("width a string", with_value("chart-width", "900")),
    ("width negative", with_value("chart-width", -1)),
    ("width huge", with_value("chart-width", 1e12)),
    ("width a list", with_value("chart-width", [900])),
    ("width true", with_value("chart-width", True)),
    ("sort unknown", with_value("list-sort", "random")),
    ("sort a number", with_value("list-sort", 1)),
    ("range three numbers", with_value("view-range", [1, 2, 3])),
    ("range of strings", with_value("view-range", ["1990", "2000"])),
    ("range a string", with_value("view-range", "1990,2000")),
    ("range an object", with_value("view-range", {"x0": 1990})),
    ("version a number", with_value("data-version", 1)),
    ("version a list", with_value("data-version", [])),
    ("version huge", with_value("data-version", "v" * 1000)),
]


@pytest.mark.parametrize(("case", "change"), MALFORMED, ids=[case for case, _ in MALFORMED])
def test_a_malformed_redraw_gets_a_400_with_one_clear_line(server, redraw, caplog, case, change):
    body = change(copy.deepcopy(redraw))
    with caplog.at_level(logging.INFO):
        response = server.post(CALLBACK, json=body)
    text = response.get_data(as_text=True)
    assert response.status_code == 400, (case, text[:300])
    assert text.startswith("Bad callback request: ") and text.count("\n") == 1, text[:300]
    assert len(text) < 400 and "Traceback" not in text
    assert "expected" in text
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert all(len(r.getMessage()) < 400 for r in caplog.records)  # never the request in full


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"nonsense", b"\xff\xfe\x00", b"[" * 100_000, b'{"output": NaN}'],
    ids=["empty", "cut", "not json", "binary", "deep", "nan"],
)
def test_a_body_that_is_not_json_gets_a_400(server, raw):
    response = server.post(CALLBACK, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.get_data(as_text=True) == "Bad callback request: expected a JSON body\n" or (
        response.get_data(as_text=True).startswith("Bad callback request: expected")
    )


def test_the_request_the_page_sends_is_answered(server, redraw):
    response = server.post(CALLBACK, json=redraw)
    assert response.status_code == 200
    assert json.loads(response.get_data())["response"]["event-count"]["children"]


def component_values(layout) -> dict[str, object]:
    """{"id.property": value} for every property set in a layout."""
    values: dict[str, object] = {}

    def walk(node) -> None:
        if isinstance(node, list | tuple):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "to_plotly_json"):
            return
        props = node.to_plotly_json()["props"]
        if isinstance(props.get("id"), str):
            for name, value in props.items():
                values[f"{props['id']}.{name}"] = value
        walk(props.get("children"))

    walk(layout)
    return values


@pytest.mark.parametrize("which", [0, 1, 2], ids=["page", "lecture mode", "self-test"])
def test_every_callback_takes_what_the_page_holds_as_it_opens(app, server, which):
    dash_app = app.server.extensions[guard.APPS][which]
    prefix = dash_app.config.routes_pathname_prefix
    layout = dash_app.layout() if callable(dash_app.layout) else dash_app.layout
    values = component_values(layout)
    checked = 0
    for output, spec in dash_app.callback_map.items():
        if "callback" not in spec or any(i["id"].startswith("{") for i in spec["inputs"]):
            continue
        body = {
            "output": output,
            "outputs": outputs_of(output),
            "inputs": [value_of(item, values) for item in spec["inputs"]],
            "state": [value_of(item, values) for item in spec["state"]],
            "changedPropIds": [],
        }
        response = server.post(
            prefix + "_dash-update-component", data=to_json(body), content_type="application/json"
        )
        assert response.status_code in (200, 204), (output, response.get_data(as_text=True))
        checked += 1
    assert checked >= (10 if prefix == "/" else 1)


def value_of(item: dict, values: dict) -> dict:
    key = f"{item['id']}.{item['property']}"
    return {**item, "value": values.get(key)} if key in values else dict(item)


def outputs_of(output: str):
    from dash._utils import split_callback_id

    return split_callback_id(output)


def test_a_body_over_the_limit_is_refused_before_it_is_read(app):
    class Unread:
        def read(self, *_args):
            raise AssertionError("the body was read")

    status, body = call(app, CONTENT_LENGTH=str(MAX_BODY_BYTES + 1), **{"wsgi.input": Unread()})
    assert status == "413 Content Too Large"
    assert f"at most {MAX_BODY_BYTES:,} bytes" in body


def call(app, **environ: object) -> tuple[str, str]:
    """The status and text of the app's answer to a callback POST with this `environ`."""
    request = EnvironBuilder(path=CALLBACK, method="POST", data=b"{}").get_environ()
    request.update(environ)
    caught = []
    body = app.server.wsgi_app(request, lambda status, headers: caught.append(status))
    return caught[0], b"".join(body).decode()


@pytest.mark.parametrize("length", ["-1", "abc", "1e3", "٣", "+2"])
def test_a_length_that_is_not_a_number_of_bytes_gets_a_400(app, length):
    status, text = call(app, CONTENT_LENGTH=length)
    assert status == "400 Bad Request"
    assert "expected a Content-Length that is a number of bytes" in text


def test_a_chunked_body_is_read_up_to_the_limit_only(app):
    class Endless:
        read_bytes = 0

        def read(self, size=-1):
            assert size > 0
            self.read_bytes += size
            return b"x" * size

    stream = Endless()
    status, _ = call(
        app, CONTENT_LENGTH="", HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": stream}
    )
    assert status == "413 Content Too Large"
    assert stream.read_bytes <= MAX_BODY_BYTES + 65536


@pytest.fixture(scope="module")
def live(app):
    served = make_server(
        "127.0.0.1", 0, app.server, threaded=True, request_handler=QuietRequestHandler
    )
    threading.Thread(target=served.serve_forever, daemon=True).start()
    yield served.server_port
    served.shutdown()


def raw_request(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_a_negative_length_does_not_hang_the_development_server(live):
    answer = raw_request(
        live,
        b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n"
        b"Content-Type: application/json\r\n\r\n{}",
    )
    assert answer.startswith(b"HTTP/1.1 400")


def test_the_development_server_names_no_version(live):
    answer = raw_request(
        live, b"GET /_favicon.ico HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    head = answer.split(b"\r\n\r\n")[0].decode().lower()
    assert "server: timeline" in head
    assert "werkzeug" not in head and "python" not in head


def test_an_address_too_long_gets_a_page_in_both_languages(server):
    response = server.get("/?q=" + "x" * MAX_ADDRESS_BYTES)
    assert response.status_code == 414
    page = response.get_data(as_text=True)
    assert '<section lang="en"><h1>This link is too long</h1>' in page
    assert '<section lang="fr"><h1>Ce lien est trop long</h1>' in page
    assert "4,000 characters; this one has 4,004" in page
    assert 'href="/"' in page
    assert server.get("/?q=" + "x" * (MAX_ADDRESS_BYTES - 10)).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/plotly/x.js",
        "/_dash-component-suites/dash/../../app.py",
        "/present/_dash-component-suites/nope/x.js",
        "/assets/nope.js",
        "/assets/../app.py",
        "/present/assets/nope.css",
    ],
)
def test_an_unknown_file_gets_a_404_that_lists_nothing(server, path):
    response = server.get(path)
    assert response.status_code == 404
    assert "registered" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("schema", "good", "bad"),
    [
        (Text(3), ["", "abc"], ["abcd", None, 1, ["a"]]),
        (Choice("en", "fr"), ["en", "fr"], ["EN", None, 1, ""]),
        (Choice(1), [1], [True, 1.0, "1"]),
        (Number(0, 10, whole=True), [0, 10], [-1, 11, 1.5, True, "1", None]),
        (Number(0, 10), [0.5, 10], [float("nan"), float("inf"), 10**400]),
        (COUNT, [0, 3], [-1, 2**60, None]),
        (ListOf(Text(2), 2), [[], ["a", "b"]], [["a", "b", "c"], "ab", [1], None]),
        (ListOf(Number(0, 1), length=2), [[0, 1]], [[0], [0, 1, 1]]),
        (OrNone(Text(2)), [None, "a"], ["abc", 1]),
        (Record(value=Text(5)), [{"value": "a"}], [{}, {"value": 1}, {"value": "a", "x": 1}, []]),
        (Record(value=Text(5), others=Json()), [{"value": "a", "label": {"x": [1]}}], [{"x": 1}]),
        (Json(max_depth=2), [None, 1, "a", [1, [2]], {"a": {"b": 1}}], [[[[1]]], float("nan")]),
        (
            Said({"notice_x": frozenset({"value"}), "notice_y": frozenset()}, max_chars=3),
            [{"key": "notice_x", "values": {"value": "abc"}}, {"key": "notice_y", "values": {}}],
            [
                {"key": "nope", "values": {}},  # a key with no text: would raise as written
                {"key": "notice_x", "values": {}},  # a placeholder with no value: the same
                {"key": "notice_x", "values": {"value": "abcd"}},
                {"key": "notice_x", "values": {"value": [1]}},
                {"key": "notice_y"},
                "notice_y",
            ],
        ),
    ],
)
def test_schemas(schema, good, bad):
    assert [value for value in good if not schema.fits(value)] == []
    assert [value for value in bad if schema.fits(value)] == []
    for value in bad:
        assert schema.check(value).count("expected") >= 1


PATH_BASES = [
    "/_dash-component-suites/dash/",
    "/_dash-component-suites/plotly/",
    "/_dash-component-suites/",
    "/present/_dash-component-suites/dash/",
    "/assets/",
    "/present/assets/",
    "/present/",
    "/handout/",
    "/quiz/",
    "/quiz/_dash-component-suites/dash/",
    "/media/",
    "/slide.json",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(PATH_BASES),
    st.text(string.ascii_letters + string.digits + "./_-@%~:", max_size=40),
    st.sampled_from(["get", "post", "head", "delete"]),
)
def test_no_path_gets_a_500(server, base, rest, method):
    assert getattr(server, method)(base + rest).status_code < 500


def _nested(inner: st.SearchStrategy) -> st.SearchStrategy:
    # a function, not a lambda: hypothesis reads a lambda's source to see that it recurses,
    # and cannot read one written over several lines
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    _nested,
    max_leaves=12,
)
KEYS = ["output", "outputs", "inputs", "state", "changedPropIds", "parsedChangedPropsIds", "x"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_no_callback_request_gets_a_500(server, redraw, data):
    body = copy.deepcopy(redraw)
    where = data.draw(st.sampled_from(["body", "key", "input", "item"]))
    if where == "body":
        body = data.draw(JSON)
    elif where == "key":
        body[data.draw(st.sampled_from(KEYS))] = data.draw(st.lists(JSON, max_size=3) | JSON)
    else:
        item = data.draw(st.sampled_from(body["inputs"]))
        if where == "input":
            item["value"] = data.draw(JSON)
        else:
            item[data.draw(st.sampled_from(["id", "property", "value", "x"]))] = data.draw(JSON)
    response = server.post(CALLBACK, data=json.dumps(body), content_type="application/json")
    assert response.status_code < 500, response.get_data(as_text=True)[:300]


def test_a_notice_the_page_could_not_have_kept_gets_a_400(app, server):
    """The address's notices come back from the page as messages (their key and values):
    one with a key the app has no text for would have raised as it was written out."""
    body = callback_body(app, "url-notice", {"url-notices": [], "lang": "en"})
    body["outputs"] = body["outputs"][0]  # one output: sent as itself, not in a list
    body["inputs"][0]["value"] = [{"key": "problem_nope", "values": {}}]
    response = server.post(CALLBACK, data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    body["inputs"][0]["value"] = [{"key": "notice_unknown_view", "values": {"value": "x"}}]
    response = server.post(CALLBACK, data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert "unknown view 'x' ignored" in response.get_data(as_text=True)
