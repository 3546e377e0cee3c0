"""What lecture mode shows of a question step (core/quiz/steps.py): the question to the
hall, then its answer; the presenter sees the answer from the start.

The events are lettered (A, B, C...) so the hall can call out an answer. Everything from
the CSV goes in as text children, never as HTML.
"""

from __future__ import annotations

from dash import html

from core.i18n import t
from core.load.dates import when_text
from core.load.model import Timeline
from core.quiz.making import ORDER, Question
from core.quiz.steps import Step, parse_step, question_of

LETTERS = "ABCDEF"


def _prompt(step: Step, lang: str) -> str:
    return t(lang, "quiz_step_order" if step.kind == ORDER else "quiz_step_first")


def _choices(timeline: Timeline, question: Question, lang: str) -> html.Ol:
    return html.Ol(
        [
            html.Li(
                [
                    html.Span(f"{LETTERS[i]}.", className="present-letter"),
                    " ",
                    html.Span(timeline.event(event_id)[f"title_{lang}"]),
                ],
                **{"data-event": event_id},
            )
            for i, event_id in enumerate(question.shown)
        ],
        id="present-question-list",
        className="present-question-list",
    )


def _answer(timeline: Timeline, question: Question, lang: str, list_id: str) -> html.Ol:
    """The events in date order (the first one first), each with its letter and its date
    as written."""
    letters = {event_id: LETTERS[i] for i, event_id in enumerate(question.shown)}
    if question.kind == ORDER:
        ordered = question.answer
    else:
        ordered = (*question.answer, *(e for e in question.shown if e not in question.answer))
    items = []
    for event_id in ordered:
        event = timeline.event(event_id)
        items.append(
            html.Li(
                [
                    html.Span(f"{letters[event_id]}.", className="present-letter"),
                    " ",
                    html.Span(when_text(event["date"], lang), className="present-answer-when"),
                    " ",
                    html.Span(event[f"title_{lang}"]),
                ],
                **{"data-event": event_id},
            )
        )
    return html.Ol(items, id=list_id, className="present-question-list is-answer")


def step_card(timeline: Timeline, step: Step, lang: str) -> list:
    """The audience's card: the question, or (the next step) its answer."""
    question = question_of(timeline, step)
    if question is None:
        return [html.P(t(lang, "present_empty"), className="present-empty")]
    label = t(lang, "quiz_step_answer" if step.answer else "quiz_step_question")
    body = (
        _answer(timeline, question, lang, "present-answer-list")
        if step.answer
        else _choices(timeline, question, lang)
    )
    return [
        html.P(label, className="present-question-label"),
        html.H1(_prompt(step, lang), id="present-title", className="present-card-title"),
        body,
    ]


def answer_panel(timeline: Timeline, step: Step, lang: str) -> html.Section:
    """The presenter's view of the answer, shown from the question step on."""
    question = question_of(timeline, step)
    return html.Section(
        className="presenter-notes",
        children=[
            html.H2(t(lang, "quiz_step_the_answer")),
            _answer(timeline, question, lang, "presenter-answer") if question else None,
        ],
    )


def entry_label(timeline: Timeline, entry: str | None, lang: str) -> str | None:
    """What the presenter's "Next" says of a question step, or None for an event."""
    step = parse_step(entry)
    if step is None:
        return None
    if step.answer:
        return t(lang, "quiz_step_label_answer")
    if step.kind == ORDER:
        return t(lang, "quiz_step_label_order", count=len(step.ids))
    return t(lang, "quiz_step_label_first")
