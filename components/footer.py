"""The page footer: what the data is, how to cite the timeline, and when its data changed.

The citation names the timeline's authors and title (its front matter), and a line gives
its licence and languages when the timeline states them.

The version is the date the data last changed (`TimelineStore.changed`: the last commit of
the data files when they are in git as committed, else the newest file of the folder),
so a citation names the state of the data a student read; the address is filled in by the
browser, which is the only one to know under which name the page was reached.
"""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, html

from components.texts import register_texts
from core.i18n import DEFAULT_LANG, t
from core.load.dates import format_when
from core.load.model import FrontMatter, Timeline


def citation(front: FrontMatter, changed: str, lang: str) -> str:
    """'Authors. Title: an interactive teaching timeline. Version of <date>.'"""
    text = t(lang, "cite_text", title=front.title(lang), date=format_when(changed, lang))
    return f"{', '.join(front.authors)}. {text}" if front.authors else text


def about(front: FrontMatter, lang: str) -> str:
    """The timeline's licence and languages, as it states them ('' if it does not)."""
    parts = []
    if front.licence:
        parts.append(t(lang, "footer_licence", licence=front.licence))
    if front.languages:
        names = [t(lang, f"language_{code}") for code in front.languages]
        listed = (
            names[0]
            if len(names) == 1
            else t(lang, "and_list", first=", ".join(names[:-1]), last=names[-1])
        )
        parts.append(t(lang, "footer_languages", languages=listed))
    return " ".join(parts)


def layout(changed: str, front: FrontMatter, lang: str = DEFAULT_LANG) -> html.Footer:
    """`changed` is the ISO date the data last changed; `front` the timeline's front matter."""
    when = format_when(changed, lang)
    return html.Footer(
        id="footer",
        className="site-footer",
        **{"data-changed": changed},
        children=[
            html.P(t(lang, "footer"), id="footer-text"),
            html.P(
                id="cite",
                className="cite",
                children=[
                    html.Strong(t(lang, "cite_heading"), id="cite-heading"),
                    " ",
                    html.Span(citation(front, changed, lang), id="cite-text"),
                    " ",
                    html.Span(id="cite-url", className="cite-url"),
                ],
            ),
            html.P(t(lang, "data_changed", date=when), id="data-changed"),
            html.P(about(front, lang), id="front-about"),
        ],
    )


def register(app: Dash, changed: Callable[[], str], get_timeline: Callable[[], Timeline]) -> None:
    """`changed` gives the ISO date the data last changed (it moves when the files do)."""

    register_texts(
        app,
        {
            ("footer-text", "children"): "footer",
            ("skip-link", "children"): "skip_link",
            ("cite-heading", "children"): "cite_heading",
            ("cite-text", "children"): lambda lang: citation(get_timeline().front, changed(), lang),
            ("front-about", "children"): lambda lang: about(get_timeline().front, lang),
            ("data-changed", "children"): lambda lang: t(
                lang, "data_changed", date=format_when(changed(), lang)
            ),
        },
    )

    # The address without the view's query: the timeline itself, as a reader would cite it.
    app.clientside_callback(
        "function (path) { return window.location.origin + (path || '/'); }",
        Output("cite-url", "children"),
        Input("url", "pathname"),
    )
