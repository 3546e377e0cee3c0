"""The first visit loads only what the page uses."""

from tests.browser.conftest import open_app


def test_first_visit_loads_neither_the_full_plotly_nor_the_datatable(app_page):
    urls: list[str] = []
    app_page.on("request", lambda request: urls.append(request.url))
    open_app(app_page)
    app_page.wait_for_load_state("networkidle")
    assert any("plotly-basic" in url for url in urls)
    assert not any("plotly.min.js" in url for url in urls), urls
    assert not any("dash_table" in url for url in urls), urls
