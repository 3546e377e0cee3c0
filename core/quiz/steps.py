"""Question steps in lecture mode: a question to the hall between events.

In `ids=` (lecture mode's ordered list, core/view/deck.py) an entry may be a question:

    quiz:order:a~b~c     put events a, b and c (3 to 6 of them) in order
    quiz:first:a~b       which of a and b came first

The ids are joined with `~`, which is neither a comma (the list's separator) nor changed
by an address (`+` would turn into a space), e.g.
`/present/?ids=galibert-amiens-1984,quiz:first:kyphon-fda-1998~vertos-2-2010,vertos-4-2018`.

Each question is two steps of the deck: the question, then its answer (the same entry
followed by `:answer`), so the answer is revealed by the next key press, and Back hides it
again. The events are shown in an order made from the entry itself, the same in the
audience's and the presenter's windows, and never already in order. A question the data
cannot answer (events whose dates overlap or tie, an unknown id) is left out of the deck,
by the rules of the self-test (core/quiz/rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.load.model import Timeline
from core.quiz.making import FIRST, ORDER, Question, dated, shown_for
from core.quiz.rules import in_order

PREFIX = "quiz:"
ANSWER = ":answer"
SEPARATOR = "~"
SIZES = {ORDER: (3, 6), FIRST: (2, 2)}
_ENTRY = re.compile(r"^quiz:(?P<kind>order|first):(?P<ids>[^:~]+(?:~[^:~]+)+)(?P<answer>:answer)?$")


@dataclass(frozen=True)
class Step:
    token: str  # the question as written in `ids=`, e.g. "quiz:first:a~b"
    kind: str  # ORDER or FIRST
    ids: tuple[str, ...]  # as written
    answer: bool = False  # the step that shows the answer

    @property
    def entry(self) -> str:
        """The step's name in the deck, and in the address (`/present/<entry>`)."""
        return self.token + (ANSWER if self.answer else "")


def parse_step(entry: str | None) -> Step | None:
    """The question step an entry names, or None (an event id, or not a question)."""
    match = _ENTRY.match(entry or "")
    if not match:
        return None
    ids = tuple(match["ids"].split(SEPARATOR))
    low, high = SIZES[match["kind"]]
    if len(set(ids)) != len(ids) or not low <= len(ids) <= high:
        return None
    token = entry[: -len(ANSWER)] if match["answer"] else entry
    return Step(token, match["kind"], ids, bool(match["answer"]))


def is_question(entry: str, events: Iterable[str] | frozenset[str]) -> bool:
    """Whether an `ids=` entry is a question about known events (not yet whether their
    dates allow it: that needs the timeline, see `deck_entries`)."""
    step = parse_step(entry)
    return step is not None and not step.answer and set(step.ids) <= set(events)


def question_of(timeline: Timeline, step: Step) -> Question | None:
    """The step's question with its answer, or None when the dates give no single answer."""
    events = timeline.events
    rows = events[events["id"].isin(step.ids)]
    if len(rows) != len(step.ids):
        return None
    ordered = in_order(dated(rows))
    if ordered is None:
        return None
    answer = tuple(e.id for e in ordered)
    shown = shown_for(step.token, step.kind, answer)
    return Question(step.kind, shown, answer=answer if step.kind == ORDER else answer[:1])


def deck_entries(ids: Iterable[str], timeline: Timeline) -> tuple[str, ...]:
    """A deck from `ids=`: its events, and each question as two steps (question, answer);
    unknown events and questions without a single answer are left out."""
    known = set(timeline.events["id"])
    entries: list[str] = []
    for entry in ids:
        if entry in known:
            entries.append(entry)
            continue
        step = parse_step(entry)
        if step and not step.answer and question_of(timeline, step):
            entries += [step.token, step.token + ANSWER]
    return tuple(dict.fromkeys(entries))


def events_of(entries: Iterable[str], answered_only: bool = False) -> list[str]:
    """The events deck entries are about, each once, in order: an event itself, a
    question's events (with `answered_only`, only once its answer is shown)."""
    ids: list[str] = []
    for entry in entries:
        step = parse_step(entry)
        if step is None:
            ids.append(entry)
        elif step.answer or not answered_only:
            ids += step.ids
    return list(dict.fromkeys(ids))
