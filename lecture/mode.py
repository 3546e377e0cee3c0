"""Lecture mode: a second Dash app at /present/ on the main app's Flask server.

`/present/<event-id>?<the main page's query>` shows one event at a time, large, with the
timeline above it; `&build=1` draws only the events reached so far; `&view=presenter` is
the presenter's screen (notes, next event, clock). Keys, full screen, and keeping two
windows in step (BroadcastChannel) live in assets/present.js: the keys step through the
deck this page sends it (`present-deck`) and push a history entry, so Back and Forward
step back; the previous/next links are `dcc.Link`s, which do the same for a mouse.
A step may be a question to the hall instead of an event (`ids=...,quiz:first:a~b,...`,
core/quiz/steps.py, lecture/question.py): the chart gives way to the question, then to
its answer at the next key press.

A step is made in the browser: with the first view of a talk, the server sends every
step's card, presenter panel, links and focus (`present-steps`, for decks of up to
`BROWSER_STEPS` events). A key draws its step straight into the components from there
(assets/present.js, Dash's `set_props`) and tells Dash's address only once the step is on
the screen; so do the links of the bar and a step taken in the other window. An address
reached otherwise (Back, Forward) is drawn from the same steps by a clientside callback.
The server is not asked: about 100 ms a step with a round trip and a whole new figure.
The focus, the ring round the event told and the labels of it and its neighbours, is not
part of the chart: the page draws it over the chart (core/chart/projector.py,
`split_focus`), so a step leaves Plotly alone and the marks never move. In build mode the
chart itself changes at each step (only the events reached are drawn), and a talk with
questions hides its chart on them, so the browser asks the server to draw each step
(`present-ask`), as it does for longer decks; the server's answer brings the step's focus
(`present-focus`) with its chart.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.dependencies import ClientsideFunction

from components.timeline import graph_config
from components.urlsync import notice
from core.chart.projector import projected_figure, split_focus
from core.i18n import DEFAULT_LANG, t
from core.load.model import Timeline
from core.quiz.steps import parse_step
from core.view.address import ViewState, known_from, parse_query, to_query
from core.view.deck import (
    PRESENT_PREFIX,
    deck_events,
    deck_for,
    deck_notices,
    event_from_path,
    present_href,
    x_extent,
)
from guard import expect
from guard.limits import MAX_ADDRESS_CHARS
from guard.schema import ListOf, Number, OrNone, Text
from lecture import handout_route
from lecture.cards import card, presenter
from lecture.question import answer_panel, step_card
from serving import LeanDash

MAX_SCREEN_PX = 20_000
# The main page's scripts act on elements this page does not have: leave them out.
MAIN_PAGE_SCRIPTS = r"^(chart-width|lanes|select|event-list|filters-toggle|copy-link|embed)\.js$"
BROWSER_STEPS = 60  # decks up to this long step in the browser (each step drawn once, sent)
NAV = (
    ("first", "present_first"),
    ("previous", "present_previous"),
    ("next", "present_next"),
    ("last", "present_last"),
)


def create(
    main: Dash,
    get_timeline: Callable[[], Timeline],
    assets_folder: str | Path,
    remote: bool = False,
) -> Dash:
    """The presentation app, sharing the main app's server, assets and data; `remote`:
    whether remote pictures may be fetched."""
    app = LeanDash(  # without the bundles the page does not use (serving.py)
        __name__,
        server=main.server,
        url_base_pathname=PRESENT_PREFIX,
        # Dash writes it into <title> as it is: a timeline's title is text, not markup
        title=escape(
            t(DEFAULT_LANG, "present_title", title=get_timeline().front.title(DEFAULT_LANG))
        ),
        update_title=None,
        compress=False,  # the shared server compresses already (serving.compress)
        serve_locally=True,
        assets_folder=str(assets_folder),
        assets_ignore=MAIN_PAGE_SCRIPTS,
    )
    app.layout = layout()
    register(app, get_timeline, remote)
    return app


def layout() -> html.Div:
    return html.Div(
        id="present-root",
        className="present",
        children=[
            dcc.Location(id="present-url", refresh=False),
            dcc.Store(id="present-size"),
            dcc.Store(id="present-deck"),
            dcc.Store(id="present-steps"),  # every step, for steps made in the browser
            dcc.Store(id="present-focus"),  # the ring and labels over the chart, of the
            # step the server drew (assets/present.js draws them)
            dcc.Store(id="present-stepped"),
            # a count, raised by the browser for each step it cannot make: the server makes it
            dcc.Store(id="present-ask"),
            dcc.Store(id="present-document"),  # the page's title and language
            # What the address asked for that could not be used (see `notices`).
            html.Div([], id="present-notice", className="url-notice", role="status"),
            html.Main(  # the page's one main landmark: chart, card and presenter's panel
                className="present-stage",
                children=[
                    html.Section(
                        className="present-chart",
                        **{"aria-label": t(DEFAULT_LANG, "present_chart_label")},
                        children=dcc.Graph(
                            id="present-graph",
                            # the main page's (its PNG and SVG: the presenter's buttons)
                            config=graph_config(DEFAULT_LANG),
                            className="present-graph",
                        ),
                    ),
                    html.Article(  # focusable: the presenter's card scrolls on a small screen
                        id="present-card",
                        className="present-card",
                        tabIndex="0",
                        **{"aria-live": "polite"},
                    ),
                    html.Div(id="presenter", className="presenter"),
                ],
            ),
            html.Nav(
                className="present-bar",
                children=[
                    *[
                        dcc.Link(t(DEFAULT_LANG, key), id=f"present-{name}", href=PRESENT_PREFIX)
                        for name, key in NAV
                    ],
                    html.Span(id="present-step", className="present-step"),
                    html.Span(t(DEFAULT_LANG, "present_keys"), id="present-keys"),
                    html.A(
                        t(DEFAULT_LANG, "present_presenter_link"),
                        id="present-presenter-link",
                        href=PRESENT_PREFIX,
                        target="_blank",
                    ),
                    html.A(t(DEFAULT_LANG, "present_leave"), id="present-leave", href="/"),
                ],
            ),
        ],
    )


def document_title(timeline: Timeline, current: str | None, lang: str) -> str:
    """The page's title: the event shown (or "Question"), then what the page is."""
    event = timeline.event(current) if current else None
    talk = t(lang, "present_title", title=timeline.front.title(lang))
    if parse_step(current):
        return f"{t(lang, 'quiz_step_question')} · {talk}"
    return f"{event[f'title_{lang}']} · {talk}" if event else talk


def _figure(timeline: Timeline, deck, current: str | None, state: ViewState, size):
    """The deck on the chart, the event told and its neighbours labelled. The axis and the
    lanes are the whole deck's, fixed across steps, so a step moves labels, not marks."""
    events = deck_events(timeline, deck)
    previous, following = deck.neighbours(current)
    focus = [event_id for event_id in (current, previous, following) if event_id]
    # build mode: the story unfolds, only what the lecture has reached is drawn
    shown = deck.shown_in_build(current) if state.build else None
    width, height = size if isinstance(size, list) and len(size) == 2 else (1232, 560)
    ringed = None if parse_step(current) else current  # a question step rings no event
    figure = projected_figure(
        events,
        timeline,
        state.lang,
        ringed,
        x_extent(events),
        (width, height),
        focus=focus,
        shown=shown,
        lanes=state.lanes,
        stepping=True,
    )
    figure.update_layout(uirevision=to_query(state.with_(view="")))
    return figure


def _export_links(state: ViewState, file_stem: str) -> list:
    lang = state.lang
    query = to_query(state.with_(view="", event=None, x_range=None))
    joiner = "&" if query else "?"
    return [
        html.H2(t(lang, "present_export")),
        *[
            html.Button(
                fmt.upper(),
                className="present-button",
                type="button",
                **{"data-image": fmt, "data-filename": f"{file_stem}-slide"},
            )
            for fmt in ("png", "svg")
        ],
        html.H2(t(lang, "present_handout")),
        *[
            html.A(
                t(lang, f"present_handout_{paper}"),
                href=f"{handout_route.HANDOUT_PATH}{query}{joiner}paper={paper}",
                target="_blank",
            )
            for paper in ("a4", "letter")
        ],
    ]


def _links(deck, current: str | None, state: ViewState) -> list[str]:
    """The hrefs of one step: first, previous, next, last, the presenter's view, leave."""
    return [
        *[present_href(deck.step(current, name), state, state.view) for name, _ in NAV],
        present_href(current, state, "presenter"),
        "/" + to_query(state.with_(view="", event=None if parse_step(current) else current)),
    ]


def _step_text(deck, current: str | None, lang: str) -> str:
    if not deck.ids:
        return ""
    return t(lang, "present_step", n=deck.position(current) + 1, total=len(deck))


def _steps(timeline: Timeline, deck, state: ViewState, size, remote: bool) -> dict | None:
    """Every step of the talk, for the browser to show without asking (see above)."""
    if state.build or not deck.ids or len(deck) > BROWSER_STEPS:
        return None
    if any(parse_step(step) for step in deck.ids):
        return None
    lang = state.lang
    presenting = state.view == "presenter"
    exports = _export_links(state, timeline.front.file_stem) if presenting else []
    steps = {}
    for current in deck.ids:
        _, following = deck.neighbours(current)
        figure = _figure(timeline, deck, current, state, size)
        steps[current] = {
            "card": card(timeline, current, lang, remote),
            "presenter": presenter(timeline, current, following, lang, exports)
            if presenting
            else [],
            "step": _step_text(deck, current, lang),
            "links": _links(deck, current, state),
            "document": {"lang": lang, "title": document_title(timeline, current, lang)},
            "focus": split_focus(figure)[1],
        }
    return steps


def register(app: Dash, get_timeline: Callable[[], Timeline], remote: bool = False) -> None:
    address = OrNone(Text(MAX_ADDRESS_CHARS))
    expect(
        app,
        {
            ("present-url", "pathname"): address,
            ("present-url", "search"): address,
            # the chart's size, from assets/present.js
            ("present-size", "data"): OrNone(ListOf(Number(0, MAX_SCREEN_PX), length=2)),
            ("present-ask", "data"): OrNone(Number(0, 1e15, whole=True)),
        },
    )

    @app.callback(
        Output("present-graph", "figure"),
        Output("present-graph", "config"),
        Output("present-card", "children"),
        Output("presenter", "children"),
        Output("present-root", "className"),
        Output("present-step", "children"),
        *[Output(f"present-{name}", "href") for name, _ in NAV],
        *[Output(f"present-{name}", "children") for name, _ in NAV],
        Output("present-presenter-link", "href"),
        Output("present-presenter-link", "children"),
        Output("present-leave", "href"),
        Output("present-leave", "children"),
        Output("present-keys", "children"),
        Output("present-deck", "data"),
        Output("present-document", "data"),
        Output("present-steps", "data"),
        Output("present-focus", "data"),
        Output("present-notice", "children"),
        Input("present-ask", "data"),
        Input("present-url", "search"),
        Input("present-size", "data"),
        State("present-url", "pathname"),
    )
    def show(_ask, search, size, pathname):
        timeline = get_timeline()
        state = parse_query(search, known_from(timeline))
        lang = state.lang
        deck = deck_for(timeline, state)
        requested = event_from_path(pathname)
        current = deck.current(requested)
        presenting = state.view == "presenter"
        question = parse_step(current)  # a question to the hall (core/quiz/steps.py), or None
        _, following = deck.neighbours(current)
        figure, focus = split_focus(_figure(timeline, deck, current, state, size))
        links = _links(deck, current, state)
        return (
            figure,
            graph_config(lang),  # with the figure: dcc.Graph draws again only for a figure
            step_card(timeline, question, lang)
            if question
            else card(timeline, current, lang, remote),
            presenter(
                timeline,
                current,
                following,
                lang,
                _export_links(state, timeline.front.file_stem),
                answer_panel(timeline, question, lang) if question else None,
            )
            if presenting
            else [],
            "present"
            + (" is-presenter" if presenting else "")
            + (" is-question" if question else ""),
            _step_text(deck, current, lang),
            *links[:4],
            *[t(lang, key) for _, key in NAV],
            links[4],
            t(lang, "present_presenter_link"),
            "/" + to_query(state.with_(view="", event=None if question else current)),
            t(lang, "present_leave"),
            t(lang, "present_keys"),
            {"ids": list(deck.ids), "shown": current},
            {"lang": lang, "title": document_title(timeline, current, lang)},
            _steps(timeline, deck, state, size, remote),
            focus,
            # a new size of the chart (present.js) is not a new address: a notice the
            # person has dismissed stays dismissed
            no_update
            if set(ctx.triggered_prop_ids or ()) == {"present-size.data"}
            else notice(deck_notices(state, deck, requested), lang, "dismiss-present-notice"),
        )

    app.clientside_callback(
        """function (clicks) {
            return clicks.some(Boolean) ? [] : window.dash_clientside.no_update;
        }""",
        Output("present-notice", "children", allow_duplicate=True),
        Input({"type": "dismiss-present-notice", "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )

    # A step in the browser, from what `show` sent (present-steps): the card, the panel,
    # the links, the page's title, and the ring and labels drawn over the chart.
    app.clientside_callback(
        ClientsideFunction(namespace="present", function_name="show"),
        Output("present-card", "children", allow_duplicate=True),
        Output("presenter", "children", allow_duplicate=True),
        Output("present-step", "children", allow_duplicate=True),
        *[Output(f"present-{name}", "href", allow_duplicate=True) for name, _ in NAV],
        Output("present-presenter-link", "href", allow_duplicate=True),
        Output("present-leave", "href", allow_duplicate=True),
        Output("present-document", "data", allow_duplicate=True),
        Output("present-ask", "data"),
        Input("present-url", "pathname"),
        State("present-steps", "data"),
        prevent_initial_call=True,
    )

    # The tab's title (and each history entry's) names the event; screen readers read the
    # page in its language.
    app.clientside_callback(
        """function (doc) {
            if (!doc) { return window.dash_clientside.no_update; }
            document.title = doc.title;
            document.documentElement.lang = doc.lang;
            return doc.lang;
        }""",
        Output("present-root", "lang"),
        Input("present-document", "data"),
    )

    # After each step: give the keys the deck, draw the step's ring and labels over the
    # chart, tell other windows (BroadcastChannel), and report the chart's size.
    app.clientside_callback(
        ClientsideFunction(namespace="present", function_name="stepped"),
        Output("present-stepped", "data"),
        Input("present-deck", "data"),
        State("present-size", "data"),
        State("present-steps", "data"),
        State("present-focus", "data"),
    )
