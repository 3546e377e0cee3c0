"""What the page ships: no unused bundles, and versioned static files cached for a year."""

import hashlib
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from app import create_app
from tests.conftest import ROOT, TINY

ASSETS = ROOT / "assets"


@pytest.fixture(scope="module")
def client():
    return create_app(TINY / "events.csv").server.test_client()


def script_sources(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_the_page_lists_the_small_plotly_and_no_datatable(client):
    sources = script_sources(client)
    assert any("/assets/vendor/plotly-basic-" in src for src in sources)
    assert not any("dash_table" in src for src in sources)
    assert not any("plotly.min.js" in src for src in sources)


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
