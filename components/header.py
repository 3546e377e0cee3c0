"""The page header: title, subtitle and the language switch (id `lang`).

The language is kept in the address with the rest of the view (components/urlsync.py),
so a shared link opens in the same language.
"""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html

from components.texts import register_texts
from core.i18n import DEFAULT_LANG, t
from core.load.model import LANGS
from guard import expect
from guard.schema import Choice


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


def register(app: Dash) -> None:
    expect(app, {("lang", "value"): Choice(*LANGS)})
    # The page's language, for screen readers' voices and for hyphenation.
    app.clientside_callback(
        "function (lang) { document.documentElement.lang = lang || 'en'; return lang; }",
        Output("lang-label", "lang"),
        Input("lang", "value"),
    )
    # The tab's title, in the same language as the heading.
    app.clientside_callback(
        "function (title) { document.title = title; return title; }",
        Output("app-title", "data-document-title"),
        Input("app-title", "children"),
        prevent_initial_call=True,  # the page's <title> holds it already
    )

    register_texts(
        app,
        {
            ("app-title", "children"): "app_title",
            ("app-subtitle", "children"): "app_subtitle",
            ("lang-label", "children"): "language",
            ("present-link", "children"): "present_link",
        },
    )
