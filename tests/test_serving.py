"""What the page ships: no unused bundles, and versioned static files cached for a year."""

import base64
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from app import create_app
from core.load.store import CHECK_EVERY_S
from guard.limits import MAX_BODY_BYTES
from serving import (
    DASH_START,
    AnswerCache,
    StaticCompressed,
    callback_key,
    scripts_after_first_paint,
)
from tests.conftest import ROOT, TINY, callback_body

ASSETS = ROOT / "assets"


def script_sources(client) -> list[str]:
    """The page's scripts, in order (they wait in a <template> until the first paint)."""
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_the_page_lists_the_small_plotly_and_no_datatable_nor_polyfill(client):
    sources = script_sources(client)
    assert any("/assets/vendor/plotly-basic-" in src for src in sources)
    assert not any("dash_table" in src for src in sources)
    assert not any("plotly.min.js" in src for src in sources)
    assert not any("polyfill" in src for src in sources)
    # what Dash's lazy-loaded chart needs of the polyfill, before Dash's own scripts
    runtime = next(i for i, src in enumerate(sources) if "regenerator-runtime" in src)
    assert runtime < next(i for i, src in enumerate(sources) if "dash_renderer" in src)


def test_the_chart_library_is_asked_for_and_run_first(client):
    # the longest to fetch and compile: asked for behind the 20 others, it came last
    sources = script_sources(client)
    assert "/assets/vendor/plotly-basic-" in sources[0]
    rest = [s for s in sources[1:] if "_dash-component-suites" in s]
    assert [s.split("/")[-1].split(".v4")[0].split("@")[0] for s in rest] == [
        "react",
        "react-dom",
        "prop-types",
        "dash_renderer",
        "dash_core_components",
        "dash_core_components-shared",
        "dash_html_components",
    ]  # Dash's own in Dash's order


def test_static_files_are_compressed_once_per_encoding(monkeypatch):
    import flask_compress.flask_compress as compressor

    app = create_app(TINY / "events.csv").server
    calls = []
    real = compressor._compress_data
    monkeypatch.setattr(compressor, "_compress_data", lambda *a: calls.append(a[2]) or real(*a))
    src = next(s for s in script_sources(app.test_client()) if "plotly-basic" in s)
    suite = next(s for s in script_sources(app.test_client()) if "dash_renderer" in s)
    bodies = {}
    for address in (src, src, f"{src}&other=1", src, suite, suite):
        for encoding in ("zstd", "gzip"):
            answer = app.test_client().get(address, headers={"Accept-Encoding": encoding})
            assert answer.headers["Content-Encoding"] == encoding
            bodies.setdefault((address.split("&")[0], encoding), set()).add(answer.data)
    assert sorted(calls) == ["gzip", "gzip", "zstd", "zstd"]  # each file, each encoding
    assert all(len(kept) == 1 for kept in bodies.values())  # the same bytes every time
    plain = app.test_client().get(src).data
    assert gzip.decompress(next(iter(bodies[(src, "gzip")]))) == plain
    assert len(app.config["COMPRESS_CACHE_BACKEND"]().kept.values) == 4  # no entry for a query


def test_a_changed_static_file_is_compressed_anew(tiny_dir, tmp_path, monkeypatch):
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    monkeypatch.setattr("app.HERE", tmp_path)  # the app's assets from a copy
    app = create_app(tiny_dir / "events.csv").server
    script = assets / "embed.js"
    first = app.test_client().get("/assets/embed.js?m=1", headers={"Accept-Encoding": "gzip"}).data
    script.write_text(script.read_text() + "\n/* changed */\n")
    os.utime(script, (time.time() + 5, time.time() + 5))
    again = app.test_client().get("/assets/embed.js?m=1", headers={"Accept-Encoding": "gzip"}).data
    assert b"/* changed */" not in gzip.decompress(first)
    assert b"/* changed */" in gzip.decompress(again)


def test_the_static_files_kept_compressed_are_bounded():
    kept = StaticCompressed(max_entries=3, max_bytes=100)
    for i in range(5):
        kept.set(f"zstd;/assets/{i}.js|etag", b"x" * 10)
    assert list(kept.kept.values) == [f"zstd;/assets/{i}.js|etag" for i in (2, 3, 4)]
    kept.set("zstd;/assets/big.js|etag", b"x" * 95)  # over the bytes: the oldest go
    assert list(kept.kept.values) == ["zstd;/assets/big.js|etag"]
    kept.set("zstd;/assets/huge.js|etag", b"x" * 101)  # over it alone: not kept
    assert kept.get("zstd;/assets/huge.js|etag") is None
    kept.set("zstd;", b"an answer")  # anything but a static file
    assert kept.get("zstd;") is None and len(kept.kept.values) == 1


def test_dashs_scripts_wait_in_a_template_for_the_first_paint(client):
    page = client.get("/").get_data(as_text=True)
    waiting = page.split('<template id="dash-scripts">', 1)[1].split("</template>", 1)[0]
    outside = page.replace(waiting, "")
    assert not re.findall(r"<script src=", outside)  # nothing fetched before the first paint
    assert re.findall(r'<script src="([^"]+)"', waiting) == script_sources(client)
    starter = re.search(r'<script id="_dash-renderer">(.*?)</script>', page, re.S).group(1)
    assert "first-contentful-paint" in starter and "new DashRenderer()" in starter


def test_only_dashs_plain_renderer_is_started_late():
    tags = (
        '<script src="/a.js"></script>\n<script>var x = 1;</script>\n<script src="/b.js"></script>'
    )
    scripts, starter = scripts_after_first_paint(tags, DASH_START)
    assert scripts.startswith(
        '<template id="dash-scripts"><script src="/a.js"></script><script src="/b.js"></script>'
    )
    assert "<script>var x = 1;</script>" in scripts  # inline scripts run as before
    hooked = DASH_START.replace("new DashRenderer()", "new DashRenderer(hooks)")
    assert scripts_after_first_paint(tags, hooked) is None


def test_the_page_asks_for_the_charts_code_with_dashs(client):
    page = client.get("/").get_data(as_text=True)
    head, body = page.split("<body>", 1)
    assert 'as="script"' not in head  # nothing but the first view before the first paint
    waiting = body.split('<template id="dash-scripts">', 1)[1].split("</template>", 1)[0]
    scripts = re.findall(r'<link rel="preload" href="([^"]+)" as="script">', waiting)
    assert [href.rsplit("/", 1)[1] for href in scripts] == ["async-graph.js", "async-slider.js"]
    assert waiting.index("async-slider.js") < waiting.index("<script")  # asked for first
    for href in scripts:
        assert client.get(href).status_code == 200


def test_the_page_with_its_first_view_is_kept_per_address_until_the_data_changes(tiny_dir):
    client = create_app(tiny_dir / "events.csv").server.test_client()
    assert client.get("/", headers=GZIP).headers["X-Cache"] == "miss"
    assert client.get("/", headers=GZIP).headers["X-Cache"] == "hit"
    assert client.get("/?kind=trial", headers=GZIP).headers["X-Cache"] == "miss"
    assert client.get("/_dash-dependencies").headers["X-Cache"] in ("miss", "hit")
    assert client.get("/_dash-dependencies").headers["X-Cache"] == "hit"
    events = tiny_dir / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("First paper", "Premier"))
    time.sleep(CHECK_EVERY_S + 0.1)  # the store looks at the files at most this often
    fresh = client.get("/", headers=GZIP)
    assert fresh.headers["X-Cache"] == "miss"
    assert "Premier" in gzip.decompress(fresh.get_data()).decode()


def test_versioned_assets_are_cached_for_a_year_and_compressed(client):
    src = next(s for s in script_sources(client) if "plotly-basic" in s)
    response = client.get(src, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] in ("zstd", "br")
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "no-cache" not in response.headers["Cache-Control"]


def test_scripts_are_served_to_a_crowd_arriving_at_once(client):
    # Dash sets itself up on its first request; script requests that reached other threads
    # meanwhile were refused with a 500 ("dash is not a registered library"), and the page
    # stayed blank: it happened on first visits under gunicorn with threads.
    scripts = [s for s in script_sources(client) if "_dash-component-suites" in s]
    fresh = create_app(TINY / "events.csv").server
    start = threading.Barrier(len(scripts) * 2)

    def fetch(src: str) -> int:
        start.wait()
        return fresh.test_client().get(src).status_code

    with ThreadPoolExecutor(len(scripts) * 2) as pool:
        codes = list(pool.map(fetch, scripts * 2))
    assert codes == [200] * len(scripts) * 2


def test_each_font_address_carries_the_start_of_its_hash(client):
    fonts = re.findall(r'url\("(fonts/[^"?]+)\?v=([^"]+)"\)', (ASSETS / "style.css").read_text())
    assert len(fonts) == 2
    for path, version in fonts:
        assert hashlib.sha256((ASSETS / path).read_bytes()).hexdigest().startswith(version), path
        response = client.get(f"/assets/{path}?v={version}")
        assert "max-age=31536000" in response.headers["Cache-Control"]


def test_unversioned_assets_are_revalidated(client):
    response = client.get("/assets/style.css")
    assert "max-age=31536000" not in response.headers.get("Cache-Control", "")


@pytest.fixture(scope="module")
def tiny_app():
    return create_app(TINY / "events.csv")


REDRAW = {
    "filter-kind": None,
    "filter-tag": [],
    "filter-years": [1900, 2100],
    "search": "",
    "lang": "en",
    "list-sort": "date",
}
GZIP = {"Accept-Encoding": "gzip"}


def test_a_repeated_redraw_is_answered_from_memory(tiny_app):
    client = tiny_app.server.test_client()
    body = callback_body(tiny_app, "timeline", {**REDRAW, "search": "paper"})
    first = client.post("/_dash-update-component", json=body, headers=GZIP)
    body["changedPropIds"] = ["lang.value"]  # which input changed does not matter
    again = client.post("/_dash-update-component", json=body, headers=GZIP)
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.headers["X-Cache"] == "miss"
    assert again.headers["X-Cache"] == "hit"
    assert again.headers["Content-Encoding"] == "gzip"
    assert again.get_data() == first.get_data()
    answer = json.loads(gzip.decompress(again.get_data()))
    titles = [item["title"] for item in answer["response"]["event-list-data"]["data"]["items"]]
    assert titles == ["First paper"]


def test_other_inputs_or_encodings_are_answered_afresh(tiny_app):
    client = tiny_app.server.test_client()
    body = callback_body(tiny_app, "timeline", {**REDRAW, "lang": "fr"})
    assert client.post("/_dash-update-component", json=body, headers=GZIP).headers["X-Cache"] in (
        "miss",
        "hit",
    )
    other = client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": ""})
    assert other.headers["X-Cache"] == "miss"
    assert "Content-Encoding" not in other.headers
    body = callback_body(tiny_app, "timeline", {**REDRAW, "lang": "fr", "search": "zzz"})
    fresh = client.post("/_dash-update-component", json=body, headers=GZIP)
    assert fresh.headers["X-Cache"] == "miss"


def test_callbacks_not_listed_and_failures_are_never_kept(tiny_app):
    client = tiny_app.server.test_client()
    body = callback_body(tiny_app, "key-title", {"lang": "fr"})
    for _ in range(2):
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200
        assert "X-Cache" not in response.headers
    broken = callback_body(tiny_app, "timeline", {**REDRAW, "list-sort": ["not", "an", "order"]})
    for _ in range(2):
        response = client.post("/_dash-update-component", json=broken)
        assert response.status_code == 400  # guard/callbacks.py
        assert response.headers["X-Cache"] == "miss"


@pytest.mark.parametrize("length", ["-1", "abc", "٣", str(MAX_BODY_BYTES + 1)])
def test_the_cache_reads_no_body_the_limits_would_refuse(length):
    class Unread:
        def read(self, *_args):
            raise AssertionError("read")  # -1 read until the client gave up

    reached = []

    def app(environ, start_response):
        reached.append(environ["wsgi.input"])
        start_response("400 Bad Request", [])
        return [b""]

    cache = AnswerCache(app, [callback_key(["timeline.figure"])])
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/_dash-update-component",
        "CONTENT_LENGTH": length,
        "wsgi.input": Unread(),
    }
    cache(environ, lambda *_args: None)
    assert len(reached) == 1 and isinstance(reached[0], Unread)


def test_the_least_recently_used_answers_go_first_past_the_size_limit():
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/json")])
        return [environ["wsgi.input"].read()]

    def request(n: int) -> str:
        return json.dumps({"outputs": [{"id": "timeline", "property": "figure"}], "inputs": [n]})

    room = len(request(1)) * 3 + 10  # three answers fit, not four
    cache = AnswerCache(app, [callback_key(["timeline.figure"])], max_bytes=room)

    def post(n: int) -> str:
        body = request(n).encode()
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/_dash-update-component",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
        headers = {}
        assert b"".join(cache(environ, lambda s, h, e=None: headers.update(h))) == body
        return headers["X-Cache"]

    assert [post(n) for n in (1, 2, 3, 1)] == ["miss", "miss", "miss", "hit"]
    assert post(4) == "miss"  # no room for a fourth: 2, the least recently used, goes
    assert [post(n) for n in (1, 3, 4)] == ["hit", "hit", "hit"]
    assert post(2) == "miss"
    assert cache.answers.total <= room


def test_the_page_layout_is_kept_until_the_data_changes(tiny_dir):
    client = create_app(tiny_dir / "events.csv").server.test_client()
    first = client.get("/_dash-layout", headers=GZIP)
    again = client.get("/_dash-layout", headers=GZIP)
    assert (first.headers["X-Cache"], again.headers["X-Cache"]) == ("miss", "hit")
    assert again.get_data() == first.get_data()
    assert client.get("/_dash-layout").headers["X-Cache"] == "hit"  # built before serving
    lecture = client.get("/present/_dash-layout", headers=GZIP)  # another app, another page
    assert lecture.headers["X-Cache"] == "miss"
    assert lecture.get_data() != first.get_data()
    events = tiny_dir / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("First paper", "Premier"))
    time.sleep(CHECK_EVERY_S + 0.1)  # the store looks at the files at most this often
    changed = client.get("/_dash-layout", headers=GZIP)
    assert changed.headers["X-Cache"] == "miss"
    page = gzip.decompress(changed.get_data()).decode()
    assert "Premier" in page and "First paper" not in page


@pytest.mark.parametrize(
    ("accepted", "encoding"),
    [
        ("gzip, deflate, br, zstd", "zstd"),  # Chromium and Firefox, over HTTPS or localhost
        ("gzip, deflate, br", "br"),
        ("gzip, deflate", "gzip"),  # browsers over plain HTTP, as on a school network
    ],
)
def test_answers_come_in_the_fastest_encoding_the_browser_takes(tiny_app, accepted, encoding):
    client = tiny_app.server.test_client()
    body = callback_body(tiny_app, "timeline", {**REDRAW, "search": "study"})
    answer = client.post(
        "/_dash-update-component", json=body, headers={"Accept-Encoding": accepted}
    )
    assert answer.headers["Content-Encoding"] == encoding
    page = client.get("/", headers={"Accept-Encoding": accepted})
    assert page.headers["Content-Encoding"] == encoding


def test_one_compressor_for_both_apps(tiny_app):
    # Lecture mode shares the server; a second compressor would set Dash's gzip-only list.
    hooks = [hook.__qualname__ for hook in tiny_app.server.after_request_funcs[None]]
    assert hooks.count("Compress.after_request") == 1
    assert tiny_app.server.config["COMPRESS_ALGORITHM"] == ["zstd", "br", "gzip"]


def test_the_page_brings_its_stylesheets_in_itself_with_their_fonts(client):
    page = client.get("/").get_data(as_text=True)
    head = page.split("</head>", 1)[0]
    assert '<link rel="stylesheet"' not in head  # no request to wait for before painting
    assert head.count("<style>") == len(list((ROOT / "assets").glob("*.css")))
    assert 'as="font"' not in head and ".woff2" not in head  # no font to ask for
    inlined = re.findall(r'url\("data:font/woff2;base64,([^"]+)"\)', head)
    files = sorted((ROOT / "assets" / "fonts").glob("*.woff2"))
    assert sorted(base64.b64decode(data) for data in inlined) == sorted(
        path.read_bytes() for path in files
    )
    lecture = client.get("/present/").get_data(as_text=True)  # no first view: linked as before
    assert re.search(r'<link rel="stylesheet" href="[^"]*/assets/style\.css', lecture)
