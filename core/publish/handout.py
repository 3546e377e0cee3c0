"""The handout: every event of a selection with its summary and source note, the timeline
figure, and the references, as one print-ready HTML page (A4 or Letter).

The page is rendered by Jinja2 with autoescaping on, so nothing from the CSV can become
markup; the only markup passed in is the figure, which the caller builds with Plotly (an
interactive `to_html` div for the HTML handout, an image for the PDF). Fonts and the
events' pictures are inlined (`data:` addresses), so the file works with no server and no
network; a remote picture is a link unless remote media are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from core.i18n import t
from core.load.dates import format_when
from core.load.model import Timeline
from core.publish.citations import format_reference, reference_links, source_note
from core.publish.fonts import font_data
from core.publish.pictures import Picture, inline_picture

PAPERS = {"a4": "A4", "letter": "Letter"}
_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
)


@dataclass(frozen=True)
class HandoutEvent:
    id: str
    title: str
    when: str
    summary: str
    note: str
    refs: tuple[int, ...]  # numbers in the reference list
    picture: Picture | None = None


@dataclass(frozen=True)
class HandoutReference:
    text: str
    links: tuple[tuple[str, str], ...]
    note: str


def numbered(
    timeline: Timeline, events: pd.DataFrame, lang: str, remote: bool = False
) -> tuple[list[HandoutEvent], list[HandoutReference]]:
    """The events with reference numbers and pictures, and the references numbered by
    first citation."""
    order: dict[str, int] = {}
    items = []
    for event in events.to_dict("records"):
        cited = [s for s in event["sources"] if s in timeline.sources]
        for source_id in cited:
            order.setdefault(source_id, len(order) + 1)
        where = ", ".join(
            p for p in (format_when(event["date"], lang), event[f"place_{lang}"]) if p
        )
        items.append(
            HandoutEvent(
                id=event["id"],
                title=event[f"title_{lang}"],
                when=where,
                summary=event[f"summary_{lang}"],
                note=event[f"note_{lang}"],
                refs=tuple(order[s] for s in cited),
                picture=inline_picture(timeline, event, lang, remote),
            )
        )
    references = []
    for source_id in order:
        source = timeline.sources[source_id]
        references.append(
            HandoutReference(
                text=format_reference(source),
                links=tuple(reference_links(source)),
                note=source_note(source, lang),
            )
        )
    return items, references


def render_handout(
    timeline: Timeline,
    events: pd.DataFrame,
    lang: str,
    paper: str,
    figure_html: str,
    remote: bool = False,
) -> str:
    """The handout page. `figure_html` is trusted markup made by Plotly, never CSV text."""
    paper = paper if paper in PAPERS else "a4"
    items, references = numbered(timeline, events, lang, remote)
    front = timeline.front
    return _ENV.get_template("handout.html").render(
        lang=lang,
        paper=paper,
        page_size=PAPERS[paper],
        fonts=font_data(),
        title=front.title(lang),
        subtitle=front.subtitle(lang),
        authors=", ".join(front.authors),
        licence=t(lang, "footer_licence", licence=front.licence) if front.licence else "",
        picture_remote=t(lang, "picture_remote"),
        lede=t(
            lang,
            "handout_generated"
            + ("_one" if len(items) == 1 else "")
            + ("" if references else "_no_refs"),
            count=len(items),
        ),
        figure=Markup(figure_html),  # noqa: S704 - built by Plotly from escaped labels
        events_heading=t(lang, "handout_events"),
        events=items,
        source_note=t(lang, "source_note"),
        no_source=t(lang, "handout_no_source"),
        references_heading=t(lang, "handout_references"),
        references=references,
    )
