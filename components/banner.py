"""The data banner (id `data-problems`) and the poll that brings new data to an open page.

Every `POLL_MS` the page asks the server for the data's version (`data-version`); only
when it changed do the chart, list and filters redraw, so an idle page costs one tiny
request every two seconds. When the files on disk are broken the banner lists their
problems, as text, above the chart, which keeps showing the last good data.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from core.i18n import DEFAULT_LANG, t
from core.load.problems import ERROR, Problem
from core.load.store import TimelineStore
from guard import expect
from guard.schema import COUNT, OrNone, Text

POLL_MS = 2000
SHOWN_PROBLEMS = 20  # the rest is one --check away
VERSION_CHARS = 500  # TimelineStore.version: the files' times and sizes


def layout(store: TimelineStore, lang: str = DEFAULT_LANG) -> html.Div:
    """The poll, the version the page was built on, and the banner: shown at once when
    the files on disk are broken as the page opens (no later change of version is
    coming to reveal it)."""
    version = store.version  # first: a reload in between then makes the poll redraw
    problems = store.problems
    return html.Div(
        children=[
            dcc.Interval(id="data-poll", interval=POLL_MS),
            dcc.Store(id="data-version", data=version),
            html.Div(
                id="data-problems",
                className="data-problems",
                role="alert",
                hidden=not problems,
                children=render(problems, store.path.name, lang),
            ),
        ]
    )


def render(problems: list[Problem], file_name: str, lang: str) -> list:
    """The banner's content: what is wrong, that nothing is lost, how to see everything."""
    if not problems:
        return []
    ordered = sorted(problems, key=lambda p: p.severity != ERROR)  # errors first, stable
    errors = sum(p.severity == ERROR for p in problems)
    items = [html.Li(p.line(lang)) for p in ordered[:SHOWN_PROBLEMS]]
    if len(ordered) > SHOWN_PROBLEMS:
        items.append(html.Li(t(lang, "data_problems_more", count=len(ordered) - SHOWN_PROBLEMS)))
    return [
        html.H2(t(lang, "data_problems_title", file=file_name, errors=errors)),
        html.P(t(lang, "data_problems_kept")),
        html.Ul(items, className="problem-list"),
        html.P(t(lang, "data_problems_check", file=file_name), className="problem-hint"),
    ]


def register(app: Dash, store: TimelineStore) -> None:
    expect(
        app,
        {
            ("data-poll", "n_intervals"): OrNone(COUNT),
            ("data-version", "data"): OrNone(Text(VERSION_CHARS)),
        },
    )

    @app.callback(
        Output("data-version", "data"),
        Input("data-poll", "n_intervals"),
        State("data-version", "data"),
        prevent_initial_call=True,
    )
    def poll(_n: int, known: str | None):
        version = store.version
        if version == known:
            raise PreventUpdate  # nothing changed: nothing redraws
        return version

    @app.callback(
        Output("data-problems", "children"),
        Output("data-problems", "hidden"),
        Input("data-version", "data"),
        Input("lang", "value"),
        prevent_initial_call=True,  # the layout already holds it (tests/test_first_view.py)
    )
    def show(_version: str, lang: str):
        problems = store.problems
        return render(problems, store.path.name, lang), not problems
