"""The page header: title, subtitle and the language switch (id `lang`).

The language is also read from and written to the address (`?lang=fr`), so a shared
link opens in the same language.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from dash import Dash, Input, Output, ctx, dcc, html, no_update

from core.i18n import DEFAULT_LANG, pick_lang, t


def layout() -> html.Header:
    return html.Header(
        className="site-header",
        children=[
            html.Div(
                className="titles",
                children=[
                    html.H1(t(DEFAULT_LANG, "app_title"), id="app-title"),
                    html.P(
                        t(DEFAULT_LANG, "app_subtitle"), id="app-subtitle", className="subtitle"
                    ),
                ],
            ),
            html.Div(
                className="lang-switch",
                role="group",
                **{"aria-labelledby": "lang-label"},
                children=[
                    html.Span(
                        t(DEFAULT_LANG, "language"), id="lang-label", className="visually-hidden"
                    ),
                    dcc.RadioItems(
                        id="lang",
                        options=[
                            {"label": html.Span("English", lang="en"), "value": "en"},
                            {"label": html.Span("Français", lang="fr"), "value": "fr"},
                        ],
                        value=DEFAULT_LANG,
                        inline=True,
                        className="lang-options",
                    ),
                ],
            ),
            # Lecture mode; assets/present.js gives the link the page's current query string.
            html.A(
                t(DEFAULT_LANG, "present_link"),
                id="present-link",
                href="/present/",
                className="present-link",
            ),
        ],
    )


def lang_from_search(search: str | None) -> str:
    values = parse_qs((search or "").lstrip("?")).get("lang", [])
    return pick_lang(values[0] if values else None)


def search_with_lang(search: str | None, lang: str) -> str:
    params = parse_qs((search or "").lstrip("?"))
    params["lang"] = [lang]
    return "?" + urlencode(params, doseq=True)


def register(app: Dash) -> None:
    @app.callback(
        Output("lang", "value"),
        Output("url", "search"),
        Input("url", "search"),
        Input("lang", "value"),
    )
    def sync_lang(search: str | None, lang: str | None):
        """The address decides on load; the switch decides after that."""
        if ctx.triggered_id == "lang":
            return no_update, search_with_lang(search, pick_lang(lang))
        wanted = lang_from_search(search)
        return (wanted if wanted != lang else no_update), no_update

    @app.callback(
        Output("app-title", "children"),
        Output("app-subtitle", "children"),
        Output("lang-label", "children"),
        Output("present-link", "children"),
        Input("lang", "value"),
    )
    def header_text(lang: str):
        return (
            t(lang, "app_title"),
            t(lang, "app_subtitle"),
            t(lang, "language"),
            t(lang, "present_link"),
        )
