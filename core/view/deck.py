"""Lecture mode without Dash: which events a presentation shows, in which order, where each
step leads, and what the audience sees in build mode.

A presentation is a `Deck`: an ordered tuple of event ids. It comes from the same address
as the main page (`core.view.address`): an explicit `ids=a,b,c` list is presented in that order;
otherwise the filters decide and events come in date order. The current event lives in the
path (`/present/<event-id>`), so a reload or a shared link lands on the same step.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

import pandas as pd

from core.i18n import Message, message
from core.load.model import Timeline
from core.quiz.steps import deck_entries, events_of, parse_step
from core.view.address import ViewState, to_query
from core.view.selection import Filters, apply_filters

PRESENT_PREFIX = "/present/"
# What a key asks for; the keys themselves are bound in assets/present.js.
ACTIONS = ("next", "previous", "first", "last")


@dataclass(frozen=True)
class Deck:
    ids: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)

    def current(self, requested: str | None) -> str | None:
        """The event to show: the one asked for if it is in the deck, else the first."""
        if requested in self.ids:
            return requested
        return self.ids[0] if self.ids else None

    def position(self, event_id: str | None) -> int:
        """0-based place of an event in the deck (0 for an event that is not in it)."""
        return self.ids.index(event_id) if event_id in self.ids else 0

    def step(self, event_id: str | None, action: str) -> str | None:
        """Where `action` leads from `event_id`; the ends of the deck do not wrap."""
        if not self.ids:
            return None
        last = len(self.ids) - 1
        here = self.position(self.current(event_id))
        target = {
            "next": min(here + 1, last),
            "previous": max(here - 1, 0),
            "first": 0,
            "last": last,
        }[action]
        return self.ids[target]

    def neighbours(self, event_id: str | None) -> tuple[str | None, str | None]:
        """(previous, next) of an event, None at either end."""
        here = self.position(self.current(event_id))
        previous = self.ids[here - 1] if here > 0 else None
        following = self.ids[here + 1] if here + 1 < len(self.ids) else None
        return previous, following

    def shown_in_build(self, event_id: str | None) -> tuple[str, ...]:
        """Build mode: the events the lecture has reached, up to and including this one
        (a question's events once its answer is shown)."""
        if not self.ids:
            return ()
        reached = self.ids[: self.position(self.current(event_id)) + 1]
        return tuple(events_of(reached, answered_only=True))


def filters_of(state: ViewState) -> Filters:
    return Filters(kinds=state.kinds, tags=state.tags or None, years=state.years, query=state.query)


def deck_for(timeline: Timeline, state: ViewState) -> Deck:
    """The presentation an address asks for: `ids` in their order, else the filtered events."""
    if state.ids:  # events, and questions as two steps each (core/quiz/steps.py)
        return Deck(deck_entries(state.ids, timeline))
    shown = apply_filters(timeline.events, filters_of(state), state.lang)
    return Deck(tuple(shown["id"]))


def deck_notices(state: ViewState, deck: Deck, requested: str | None) -> tuple[Message, ...]:
    """What of a lecture's address is ignored: the parts `parse_query` could not use, a
    question in `ids` the dates cannot answer (its events overlap or tie: left out of the
    deck, core/quiz/steps.py), and an event in the path that is not in the presentation
    (the first one is shown instead)."""
    notices = list(state.notices)
    for entry in state.ids or ():
        step = parse_step(entry)
        if step is not None and step.token not in deck.ids:
            notices.append(message("notice_question_no_answer", value=entry[:60]))
    if requested is not None and requested not in deck.ids:
        notices.append(message("notice_not_in_presentation", value=requested[:30]))
    return tuple(notices)


def deck_events(timeline: Timeline, deck: Deck) -> pd.DataFrame:
    """The deck's events as rows of the timeline frame, in deck order."""
    by_id = timeline.events.set_index("id", drop=False)
    return by_id.loc[events_of(deck.ids)].reset_index(drop=True)


def x_extent(events: pd.DataFrame) -> tuple[float, float] | None:
    """The dates the whole deck covers: fixed across steps, so the axis never jumps."""
    if events.empty:
        return None
    return float(events["fuzzy_start"].min()), float(events["fuzzy_end"].max())


def event_from_path(pathname: str | None, prefix: str = PRESENT_PREFIX) -> str | None:
    """The event id in `/present/<id>`, or None for `/present/` itself."""
    path = pathname or ""
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix) :].strip("/")
    return unquote(rest.split("/", 1)[0]) or None  # a question step's ":" may come as %3A


def present_href(
    event_id: str | None, state: ViewState, view: str = "", prefix: str = PRESENT_PREFIX
) -> str:
    """The address of one step: `/present/<id>?<the main page's query>[&view=presenter]`."""
    return prefix + (event_id or "") + to_query(state.with_(event=None, x_range=None, view=view))
