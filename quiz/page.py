"""The self-test: a third Dash app at /quiz/ on the main app's Flask server.

`/quiz/?<the main page's filters>&seed=...&n=...` (core/quiz/address.py). The server makes
the round from the address and sends it once, with its explanations and texts, in
`quiz-round` (core/quiz/payload.py); assets/quiz.js then asks the questions, checks the
answers and keeps the score in the browser, so no answer is ever sent back. The page's
frame (titles, links, the privacy note) is Dash's; the stage (`quiz-stage`) is drawn by the
script alone, and Dash never redraws it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dash import Dash, Input, Output, dcc, html
from dash.dependencies import ClientsideFunction

from core.i18n import DEFAULT_LANG, Message, t
from core.load.dates import year_as_written
from core.load.model import LANGS, Timeline
from core.quiz.address import QUIZ_PREFIX, parse_quiz, quiz_query
from core.quiz.payload import payload
from core.view.address import known_from, to_query
from guard import expect
from guard.limits import MAX_ADDRESS_CHARS
from guard.schema import OrNone, Text
from serving import INDEX, LeanDash

# What the other pages use and this one does not: their scripts, lecture mode's style and
# the chart's 1.2 MB plotly.js bundle (this page draws no chart).
OTHER_ASSETS = (
    r"^(chart-width|lanes|select|event-list|filters-toggle|copy-link|present)\.js$"
    r"|^present\.css$|^plotly-basic.*\.js$"
)


def create(main: Dash, get_timeline: Callable[[], Timeline], assets_folder: str | Path) -> Dash:
    """The self-test app, sharing the main app's server, assets and data."""
    app = LeanDash(  # without the bundles the page does not use (serving.py)
        __name__,
        server=main.server,
        url_base_pathname=QUIZ_PREFIX,
        title=t(DEFAULT_LANG, "quiz_title"),
        update_title=None,
        compress=False,  # the shared server compresses already (serving.compress)
        serve_locally=True,
        assets_folder=str(assets_folder),
        assets_ignore=OTHER_ASSETS,
    )
    app.index_string = INDEX
    app.layout = layout()
    register(app, get_timeline)
    return app


def layout() -> html.Div:
    lang = DEFAULT_LANG
    return html.Div(
        id="quiz-root",
        className="quiz",
        children=[
            html.A(t(lang, "skip_link"), href="#quiz-main", id="quiz-skip", className="skip-link"),
            dcc.Location(id="quiz-url", refresh=False),
            dcc.Store(id="quiz-round"),
            dcc.Store(id="quiz-document"),  # the page's title and language
            dcc.Store(id="quiz-started"),  # the round the script has started
            html.Header(
                className="site-header quiz-header",
                children=[
                    html.Div(
                        className="titles",
                        children=[
                            html.H1(t(lang, "quiz_title"), id="quiz-title"),
                            html.P("", id="quiz-subtitle", className="subtitle"),
                        ],
                    ),
                    html.Nav(
                        className="quiz-nav",
                        **{"aria-label": t(lang, "quiz_title")},
                        children=[
                            html.A(t(lang, "quiz_home"), id="quiz-home", href="/"),
                            html.A(
                                t(lang, "quiz_other_lang"),
                                id="quiz-lang",
                                href=QUIZ_PREFIX + "?lang=fr",
                                lang="fr",
                            ),
                        ],
                    ),
                ],
            ),
            html.Main(
                id="quiz-main",
                tabIndex="-1",
                className="quiz-main",
                children=[
                    html.Div(id="quiz-notice", className="url-notice", role="status"),
                    html.P(id="quiz-about", className="quiz-about"),
                    html.Section(
                        id="quiz-stage",
                        className="quiz-stage",
                        **{
                            "aria-labelledby": "quiz-title",
                            "data-loading": t(lang, "quiz_loading"),
                        },
                    ),
                ],
            ),
            html.Footer(
                className="site-footer",
                children=html.P(t(lang, "quiz_privacy"), id="quiz-privacy"),
            ),
        ],
    )


def _notice(notices: tuple[Message, ...], lang: str) -> list:
    if not notices:
        return []
    said = "; ".join(notice.text(lang) for notice in notices[:5])
    return [html.P([t(lang, "url_notice"), " ", said + "."])]


def _about(sent: dict, lang: str) -> str:
    """What the round is: how many questions, on how many events, over which years."""
    count = len(sent["questions"])
    if not count:
        return ""
    first, last = sent["span"]
    key = "quiz_about_one" if count == 1 else "quiz_about"
    return t(
        lang,
        key,
        count=count,
        events=sent["events_count"],
        first=year_as_written(first, lang),  # 500 BCE, not -499
        last=year_as_written(last, lang),
    )


def register(app: Dash, get_timeline: Callable[[], Timeline]) -> None:
    expect(app, {("quiz-url", "search"): OrNone(Text(MAX_ADDRESS_CHARS))})

    @app.callback(
        Output("quiz-round", "data"),
        Output("quiz-title", "children"),
        Output("quiz-subtitle", "children"),
        Output("quiz-home", "href"),
        Output("quiz-home", "children"),
        Output("quiz-lang", "href"),
        Output("quiz-lang", "children"),
        Output("quiz-lang", "lang"),
        Output("quiz-privacy", "children"),
        Output("quiz-notice", "children"),
        Output("quiz-about", "children"),
        Output("quiz-stage", "data-loading"),
        Output("quiz-document", "data"),
        Input("quiz-url", "search"),
    )
    def show(search: str | None):
        timeline = get_timeline()
        address = parse_quiz(search, known_from(timeline))
        lang = address.state.lang
        other = next(code for code in LANGS if code != lang)
        sent = payload(timeline, address)
        return (
            sent,
            t(lang, "quiz_title"),
            timeline.front.title(lang),
            "/" + to_query(address.state),
            t(lang, "quiz_home"),
            QUIZ_PREFIX + quiz_query(address, lang=other),
            t(lang, "quiz_other_lang"),  # the other language's name, in that language
            other,
            t(lang, "quiz_privacy"),
            _notice(address.notices, lang),
            _about(sent, lang),
            t(lang, "quiz_loading"),
            {"lang": lang, "title": t(lang, "quiz_page_title", title=timeline.front.title(lang))},
        )

    # The tab's title and the page's language; then the round itself (assets/quiz.js).
    app.clientside_callback(
        ClientsideFunction(namespace="quiz", function_name="document"),
        Output("quiz-root", "lang"),
        Input("quiz-document", "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="quiz", function_name="start"),
        Output("quiz-started", "data"),
        Input("quiz-round", "data"),
    )
