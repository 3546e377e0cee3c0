"""The detail panel (id `event-detail`): one event with its picture, source note and
references (`detail-body`), and above them Previous and Next (`detail-nav`), which step
through the events in the order of the list under the chart.

The body depends on the event alone; the steps on the filters and the list's order too,
so they come with the list's data from the chart's redraw (components/timeline.py,
`steps`). A step keeps the focus on its button, and a status line says which event is
now shown, for a screen reader.

Everything from the CSV goes in as text children, never as HTML; links are built by
`core.publish.citations`, or are the http(s) addresses in a summary (`split_links`), and
open in a new tab with rel="noopener". A remote picture is
drawn only when the person serving allows remote media (`remote`); else it is a link.
"""

from __future__ import annotations

import pandas as pd
from dash import Dash, Input, Output, html

from components.picture import figure
from components.share import REFERENCE_FORMATS, references_url
from core.i18n import DEFAULT_LANG, message, t
from core.load.dates import format_when
from core.load.model import Timeline
from core.load.schema import MAX_CELL_CHARS
from core.load.text import split_links
from core.publish.citations import format_reference, reference_links, source_note
from core.publish.pictures import picture_for
from core.view.sorting import place_in
from guard import expect
from guard.schema import OrNone, Text


def empty(lang: str) -> list:
    return [html.P(t(lang, "detail_empty"), className="detail-empty")]


def _reference(source: dict, lang: str) -> html.Li:
    links = [
        html.A(
            [label, html.Span(" " + t(lang, "opens_new_tab"), className="visually-hidden")],
            href=url,
            target="_blank",
            rel="noopener noreferrer",
            className="ref-link",
        )
        for label, url in reference_links(source)
    ]
    note = source_note(source, lang)
    return html.Li(
        [
            html.Span(format_reference(source), className="ref-text"),
            html.Span(links, className="ref-links") if links else None,
            html.Span(note, className="ref-note") if note else None,
        ]
    )


def _reference_files(event_id: str, lang: str) -> html.P:
    """Links to the event's references as files, for a reference manager."""
    links = []
    for fmt, name in REFERENCE_FORMATS.items():
        if links:
            links.append(" · ")
        links.append(html.A(name, href=references_url(event_id, fmt), download=""))
    return html.P([t(lang, "detail_reference_files"), " ", *links], className="ref-files")


def _linked(text: str, lang: str) -> list:
    """A summary with its http(s) addresses as links (`split_links`), the rest as text."""
    return [
        html.A(
            [piece, html.Span(" " + t(lang, "opens_new_tab"), className="visually-hidden")],
            href=piece,
            target="_blank",
            rel="noopener noreferrer",
        )
        if is_link
        else piece
        for piece, is_link in split_links(text)
    ]


def render(timeline: Timeline, event_id: str | None, lang: str, remote: bool = False) -> list:
    event = timeline.event(event_id) if event_id else None
    if event is None:
        return empty(lang)
    vocabulary = timeline.vocabulary
    certainty = event["certainty"]
    facts = [
        (t(lang, "date"), event[f"display_date_{lang}"] or format_when(event["date"], lang)),
        (t(lang, "place"), event[f"place_{lang}"]),
        (t(lang, "people"), ", ".join(event["people"])),
        (t(lang, "kind_label"), vocabulary.kind_label(event["kind"], lang)),
        (t(lang, "topics"), ", ".join(vocabulary.tag_label(tag, lang) for tag in event["tags"])),
        (t(lang, "group_label"), event["group"]),
    ]
    rows = []
    for label, value in facts:
        if value:
            rows += [html.Dt(label), html.Dd(value)]
    rows += [
        html.Dt(t(lang, "certainty")),
        html.Dd(
            [
                html.Span(
                    t(lang, f"certainty_short_{certainty}"),
                    className=f"badge certainty-{certainty or 'none'}",
                ),
                " ",
                html.Span(t(lang, f"certainty_{certainty}"), className="certainty-text"),
            ]
        ),
    ]
    sources = [timeline.sources[s] for s in event["sources"] if s in timeline.sources]
    references = (
        [
            html.Ol([_reference(source, lang) for source in sources], className="references"),
            _reference_files(event_id, lang),
        ]
        if sources
        else [html.P(t(lang, "no_source"), className="no-source")]
    )
    return [
        html.Div(
            className="detail-head",
            children=[
                # data-shows: which event, so that focus waits for this title, not the
                # one before it (assets/select.js)
                html.H2(
                    event[f"title_{lang}"],
                    id="detail-title",
                    tabIndex="-1",
                    **{"data-shows": event_id},
                ),
                html.Button(
                    "×",
                    id="detail-close",
                    className="close-button",
                    title=t(lang, "close"),
                    **{"aria-label": t(lang, "close"), "data-close": "detail"},
                ),
            ],
        ),
        figure(picture_for(timeline, event, lang, remote), lang, "detail-picture"),
        html.Dl(rows, className="facts"),
        html.P(_linked(event[f"summary_{lang}"], lang), className="summary")
        if event[f"summary_{lang}"]
        else None,
        html.H3(t(lang, "source_note")) if event[f"note_{lang}"] else None,
        html.P(event[f"note_{lang}"], className="source-note") if event[f"note_{lang}"] else None,
        html.H3(t(lang, "references")),
        *references,
    ]


def steps(listed: pd.DataFrame, selected: str | None, lang: str) -> dict:
    """What Previous and Next show for the `selected` event in `listed` (the list, in its
    order), as {element id: {property: value}}: each with the title of the event it goes
    to (at an end of the list, `aria-disabled`: a disabled button would drop the focus of
    someone who stepped there), and where the event stands. Hidden when it is not in the
    list. The page starts from them (`layout`); the list's data carries them, and
    assets/event-list.js sets them on the same elements, so the button pressed keeps the
    focus (as outputs of the redraw, 9 more components to update cost each filter 5-8 ms;
    as new children, new elements, and the focus would drop to the page)."""
    place = place_in(listed, selected)
    ids, titles = listed.get("id"), listed.get(f"title_{lang}")

    def step(row: int | None, way: str) -> dict:
        to = {"data-event": None, "aria-disabled": "true", "title": None}
        title = ""
        if row is not None:
            to = {"data-event": ids.iat[row], "aria-disabled": "false", "title": titles.iat[row]}
            title = titles.iat[row]
        return {
            f"detail-{way}": to,
            f"detail-{way}-word": {"children": t(lang, f"detail_{way}")},
            f"detail-{way}-title": {"children": title},
        }

    if place is None:
        return {"detail-nav": {"hidden": True}, **step(None, "previous"), **step(None, "next")}
    position, total = place.row + 1, place.total
    said = message("detail_position", position=position, total=total, title=titles.iat[place.row])
    shown = message("detail_position_shown", position=position, total=total)  # 1,234 / 10,000
    return {
        "detail-nav": {"hidden": False},
        **step(place.previous, "previous"),
        **step(place.next, "next"),
        "detail-position-shown": {"children": shown.text(lang)},
        "detail-position-said": {"children": said.text(lang)},
    }


def _nav(shown: dict, lang: str) -> html.Nav:
    shown = shown or steps(pd.DataFrame(), None, lang)

    def text(element: str) -> str:
        return shown.get(element, {}).get("children", "")

    def button(way: str) -> html.Button:
        arrow = html.Span("←" if way == "previous" else "→", **{"aria-hidden": "true"})
        word = html.Span(text(f"detail-{way}-word"), id=f"detail-{way}-word")
        props = shown[f"detail-{way}"]
        return html.Button(
            [
                html.Span(
                    [arrow, " ", word] if way == "previous" else [word, " ", arrow],
                    className="step-word",
                ),
                html.Span(
                    text(f"detail-{way}-title"), id=f"detail-{way}-title", className="step-title"
                ),
            ],
            id=f"detail-{way}",
            type="button",
            className=f"step-button step-{way}",
            title=props["title"],
            **{"data-event": props["data-event"], "aria-disabled": props["aria-disabled"]},
        )

    return html.Nav(
        id="detail-nav",
        className="detail-nav",
        hidden=shown["detail-nav"]["hidden"],
        **{"aria-label": t(lang, "detail_nav")},
        children=[
            button("previous"),
            html.P(
                id="detail-position",
                role="status",
                className="step-position",
                children=[
                    html.Span(
                        text("detail-position-shown"),
                        id="detail-position-shown",
                        **{"aria-hidden": "true"},
                    ),
                    html.Span(
                        text("detail-position-said"),
                        id="detail-position-said",
                        className="visually-hidden",
                    ),
                ],
            ),
            button("next"),
        ],
    )


def layout(shown: dict | None = None, lang: str = DEFAULT_LANG) -> html.Section:
    """The panel, Previous and Next above its body (`shown`: `steps` of the view the page
    opens on; none, hidden)."""
    return html.Section(
        id="event-detail",
        className="detail",
        **{"aria-label": t(lang, "detail_heading")},
        children=[_nav(shown, lang), html.Div(id="detail-body", children=empty(lang))],
    )


def register(app: Dash, get_timeline, remote: bool = False) -> None:
    # The selected event (the store `selected`, set by a click on the chart or the list)
    expect(app, {("selected", "data"): OrNone(Text(MAX_CELL_CHARS))})

    @app.callback(
        Output("detail-body", "children"),
        Output("event-detail", "aria-label"),
        Output("detail-nav", "aria-label"),
        Input("selected", "data"),
        Input("lang", "value"),
        prevent_initial_call=True,  # the layout already holds it (tests/test_first_view.py)
    )
    def show(event_id: str | None, lang: str):
        panel = render(get_timeline(), event_id, lang, remote)
        return panel, t(lang, "detail_heading"), t(lang, "detail_nav")
