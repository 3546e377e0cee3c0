"""The page header: the timeline's title and subtitle, the language switch (id `lang`), the
link to lecture mode; in the embed view, only the title and a link to the whole timeline.

The title and subtitle are the timeline's own (its front matter, `core.load.frontmatter`);
a timeline with no subtitle gets a line saying what the page is. The language is kept in
the address with the rest of the view (components/urlsync.py), so a shared link opens in
the same language.
"""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, dcc, html

from components.texts import register_texts
from core.i18n import DEFAULT_LANG, t
from core.load.model import LANGS, FrontMatter, Timeline
from guard import expect
from guard.schema import Choice


def subtitle(front: FrontMatter, lang: str) -> str:
    return front.subtitle(lang) or t(lang, "app_subtitle")


def layout(front: FrontMatter, lang: str = DEFAULT_LANG) -> html.Header:
    return html.Header(
        className="site-header",
        children=[
            html.Div(
                className="titles",
                children=[
                    html.H1(front.title(lang), id="app-title"),
                    html.P(subtitle(front, lang), id="app-subtitle", className="subtitle"),
                ],
            ),
            html.Div(
                className="lang-switch",
                role="group",
                **{"aria-labelledby": "lang-label"},
                children=[
                    html.Span(t(lang, "language"), id="lang-label", className="visually-hidden"),
                    dcc.RadioItems(
                        id="lang",
                        options=[
                            {"label": html.Span("English", lang="en"), "value": "en"},
                            {"label": html.Span("Français", lang="fr"), "value": "fr"},
                        ],
                        value=lang,
                        inline=True,
                        className="lang-options",
                    ),
                ],
            ),
            html.Div(
                className="header-links",
                children=[
                    # The self-test; assets/quiz.js gives it the page's current query string.
                    html.A(
                        t(lang, "quiz_link"),
                        id="quiz-link",
                        href="/quiz/",
                        className="quiz-link",
                    ),
                    # Lecture mode; assets/present.js gives it the page's current query string.
                    html.A(
                        t(lang, "present_link"),
                        id="present-link",
                        href="/present/",
                        className="present-link",
                    ),
                ],
            ),
            # Shown only in the embed view (assets/embed.js), where the header is just the
            # title and this: the whole timeline, same view, in a new tab.
            html.A(
                t(lang, "embed_open"),
                id="embed-open",
                href="/",
                target="_blank",
                rel="noopener",
                className="embed-open",
            ),
        ],
    )


def register(app: Dash, get_timeline: Callable[[], Timeline]) -> None:
    expect(app, {("lang", "value"): Choice(*LANGS)})
    # The page's language, for screen readers' voices and for hyphenation.
    app.clientside_callback(
        "function (lang) { document.documentElement.lang = lang || 'en'; return lang; }",
        Output("lang-label", "lang"),
        Input("lang", "value"),
    )
    # The tab's title: the heading, in the same language (and the data's title as it is
    # now: the page's <title> was the data's when the app started).
    app.clientside_callback(
        "function (title) { document.title = title; return title; }",
        Output("app-title", "data-document-title"),
        Input("app-title", "children"),
    )

    register_texts(
        app,
        {
            ("app-title", "children"): lambda lang: get_timeline().front.title(lang),
            ("app-subtitle", "children"): lambda lang: subtitle(get_timeline().front, lang),
            ("embed-open", "children"): "embed_open",
            ("lang-label", "children"): "language",
            ("present-link", "children"): "present_link",
            ("quiz-link", "children"): "quiz_link",
        },
    )
