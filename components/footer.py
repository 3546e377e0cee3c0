"""The page footer: what the data is and that the page works offline."""

from __future__ import annotations

from dash import Dash, Input, Output, html

from core.i18n import DEFAULT_LANG, t


def layout() -> html.Footer:
    return html.Footer(t(DEFAULT_LANG, "footer"), id="footer", className="site-footer")


def register(app: Dash) -> None:
    @app.callback(
        Output("footer", "children"), Output("skip-link", "children"), Input("lang", "value")
    )
    def footer_text(lang: str):
        return t(lang, "footer"), t(lang, "skip_link")
