"""An event's picture as the page and lecture mode show it: a figure with its alternative
text, caption and credit, or, for a remote picture the page may not fetch, a link to it.

Texts from the CSV go in as text; the picture's address is the app's own `/media/...` or
an http(s) address checked at load (`core.publish.pictures.picture_for`). The picture is
drawn with <img>, so an SVG's scripts never run.
"""

from __future__ import annotations

from dash import html

from core.i18n import t
from core.publish.pictures import Picture


def _box(picture: Picture) -> dict | None:
    """The picture's proportions for the stylesheet (style.css `.app .picture-img`), which
    sizes its box before it arrives: nothing moves when it comes."""
    if not (picture.width and picture.height):
        return None
    return {"--picture-w": str(picture.width), "--picture-h": str(picture.height)}


def figure(picture: Picture | None, lang: str, class_name: str) -> html.Figure | None:
    """The figure for `picture` (None gives None), its classes starting with `class_name`."""
    if picture is None:
        return None
    notes = [
        html.Span(picture.caption, className="picture-caption") if picture.caption else None,
        html.Span(picture.credit, className="picture-credit") if picture.credit else None,
    ]
    if picture.src is None:  # remote, and remote media are not allowed: a link instead
        link = html.A(
            [
                picture.alt or picture.link,
                html.Span(" " + t(lang, "opens_new_tab"), className="visually-hidden"),
            ],
            href=picture.link,
            target="_blank",
            rel="noopener noreferrer",
        )
        return html.Figure(
            className=f"{class_name} picture is-remote",
            children=[
                html.P([t(lang, "picture_remote"), " ", link], className="picture-link"),
                html.Figcaption([n for n in notes if n]) if any(notes) else None,
            ],
        )
    return html.Figure(
        className=f"{class_name} picture",
        children=[
            html.Img(
                src=picture.src, alt=picture.alt, className="picture-img", style=_box(picture)
            ),
            html.Figcaption([n for n in notes if n]) if any(notes) else None,
        ],
    )
