"""What lecture mode shows of one event: the audience's card and the presenter's panel.

The card shows the event's picture large, beside the text (above it on a narrow screen),
with its caption and credit. Everything from the CSV goes in as text children, never as
HTML; the picture is drawn with <img> (components/picture.py).
"""

from __future__ import annotations

from dash import html

from components.picture import figure
from core.i18n import t
from core.load.dates import format_when
from core.load.model import Timeline
from core.publish.pictures import picture_for
from lecture.question import entry_label


def card(timeline: Timeline, event_id: str | None, lang: str, remote: bool = False) -> list:
    """The audience's card: title, date and place, summary, the source note (shown in the
    presenter view only) and the picture."""
    event = timeline.event(event_id) if event_id else None
    if event is None:
        return [html.P(t(lang, "present_empty"), className="present-empty")]
    where = ", ".join(
        part
        for part in (
            format_when(event["date"], lang),
            event[f"place_{lang}"],
            timeline.vocabulary.kind_label(event["kind"], lang) if event["kind"] else "",
        )
        if part
    )
    text = html.Div(
        className="present-text",
        children=[
            html.H1(event[f"title_{lang}"], id="present-title", className="present-card-title"),
            html.P(where, className="present-when"),
            html.P(event[f"summary_{lang}"], id="present-summary", className="present-summary"),
            html.P(event[f"note_{lang}"], className="present-note")
            if event[f"note_{lang}"]
            else None,
        ],
    )
    return [text, figure(picture_for(timeline, event, lang, remote), lang, "present-picture")]


def presenter(
    timeline: Timeline,
    event_id: str | None,
    next_id: str | None,
    lang: str,
    links: list,
    notes: html.Section | None = None,
) -> list:
    """The presenter's panel: notes for now (or `notes` given, such as a question's
    answer), what comes next, the clock, exports."""
    event = timeline.event(event_id) if event_id else None
    following = timeline.event(next_id) if next_id else None
    own_notes = event[f"notes_{lang}"] if event else ""
    next_text = entry_label(timeline, next_id, lang) or (
        f"{following[f'title_{lang}']} ({format_when(following['date'], lang)})"
        if following
        else t(lang, "present_end")
    )
    return [
        notes
        or html.Section(
            className="presenter-notes",
            children=[
                html.H2(t(lang, "present_notes")),
                html.P(own_notes or t(lang, "present_no_notes"), id="presenter-notes-text"),
            ],
        ),
        html.Section(
            className="presenter-next",
            children=[
                html.H2(t(lang, "present_next_up")),
                html.P(next_text, id="presenter-next-title"),
            ],
        ),
        html.Section(
            className="presenter-clock",
            children=[
                html.H2(t(lang, "present_elapsed")),
                html.P("0:00", id="presenter-elapsed", className="clock-figure"),
                html.Button(
                    t(lang, "present_restart_clock"),
                    id="presenter-restart",
                    className="present-button",
                    type="button",
                ),
                html.H2(t(lang, "present_clock")),
                html.P("", id="presenter-time", className="clock-figure"),
            ],
        ),
        html.Section(className="presenter-exports", children=links),
    ]
