"""Question steps in lecture mode: their syntax in `ids=`, the deck they make, and what
the audience and the presenter see."""

from __future__ import annotations

import re

import pytest

from core.load.loader import load_timeline
from core.quiz.making import FIRST, ORDER
from core.quiz.steps import deck_entries, events_of, is_question, parse_step, question_of
from core.view.address import known_from, parse_query, to_query
from core.view.deck import deck_events, deck_for, event_from_path
from lecture.mode import document_title
from lecture.question import answer_panel, entry_label, step_card
from tests.conftest import BUILT_IN, ROOT

TIMELINE = load_timeline(BUILT_IN)
KNOWN = known_from(TIMELINE)
ORDER_STEP = "quiz:order:vertos-4-2018~first-paper-1987~kyphon-fda-1998"
FIRST_STEP = "quiz:first:vapour-2016~vertos-2-2010"


@pytest.mark.parametrize(
    ("entry", "kind", "ids", "answer"),
    [
        ("quiz:order:a~b~c", ORDER, ("a", "b", "c"), False),
        ("quiz:order:a~b~c:answer", ORDER, ("a", "b", "c"), True),
        ("quiz:first:a~b", FIRST, ("a", "b"), False),
        ("quiz:first:a~b~c", None, None, None),  # "first" compares two
        ("quiz:order:a~b", None, None, None),  # two in order is "first"
        ("quiz:order:a~b~c~d~e~f~g", None, None, None),  # at most six
        ("quiz:order:a~a~b", None, None, None),
        ("quiz:year:a", None, None, None),
        ("quiz:first:a b", None, None, None),
        ("galibert-amiens-1984", None, None, None),
        ("", None, None, None),
    ],
)
def test_the_syntax(entry, kind, ids, answer):
    step = parse_step(entry)
    if kind is None:
        assert step is None
    else:
        assert (step.kind, step.ids, step.answer, step.entry) == (kind, ids, answer, entry)


def test_questions_survive_the_address_and_build_two_steps_each():
    search = f"?ids=galibert-amiens-1984,{ORDER_STEP},{FIRST_STEP},cochrane-2018"
    state = parse_query(search, KNOWN)
    assert state.notices == ()
    assert parse_query(to_query(state), KNOWN) == state  # round trip, commas and all
    deck = deck_for(TIMELINE, state)
    assert deck.ids == (
        "galibert-amiens-1984",
        ORDER_STEP,
        ORDER_STEP + ":answer",
        FIRST_STEP,
        FIRST_STEP + ":answer",
        "cochrane-2018",
    )
    assert deck.step(ORDER_STEP, "next") == ORDER_STEP + ":answer"  # the next key: the answer
    assert list(deck_events(TIMELINE, deck)["id"]) == [
        "galibert-amiens-1984",
        *parse_step(ORDER_STEP).ids,
        *parse_step(FIRST_STEP).ids,
        "cochrane-2018",
    ]
    # build mode: a question's events appear once its answer is shown
    assert deck.shown_in_build(ORDER_STEP) == ("galibert-amiens-1984",)
    assert set(deck.shown_in_build(ORDER_STEP + ":answer")) == {
        "galibert-amiens-1984",
        *parse_step(ORDER_STEP).ids,
    }


@pytest.mark.parametrize(
    "entry",
    [
        "quiz:first:buchbinder-nejm-2009~invest-nejm-2009",  # the same day: no one answer
        "quiz:first:darrason-experiments~first-paper-1987",  # [1984..1989] and 1987 overlap
        "quiz:order:galibert-amiens-1984~extension-osteoporosis-metastases~vapour-2016",
        "quiz:first:galibert-amiens-1984~no-such-event",
    ],
)
def test_a_question_without_one_answer_is_left_out(entry):
    state = parse_query(f"?ids=galibert-amiens-1984,{entry}", KNOWN)
    assert deck_for(TIMELINE, state).ids == ("galibert-amiens-1984",)


def test_unknown_events_in_a_question_are_ignored_with_a_notice():
    assert not is_question("quiz:first:galibert-amiens-1984~nope", KNOWN.events)
    state = parse_query("?ids=quiz:first:galibert-amiens-1984~nope", KNOWN)
    assert state.ids is None and len(state.notices) == 1


def test_the_same_question_is_shown_the_same_way_and_never_in_order():
    question = question_of(TIMELINE, parse_step(ORDER_STEP))
    assert question.answer == ("first-paper-1987", "kyphon-fda-1998", "vertos-4-2018")
    assert question.shown != question.answer
    assert question_of(TIMELINE, parse_step(ORDER_STEP + ":answer")) == question
    first = question_of(TIMELINE, parse_step(FIRST_STEP))
    assert first.answer == ("vertos-2-2010",) and set(first.shown) == {
        "vapour-2016",
        "vertos-2-2010",
    }


def test_the_step_in_the_path_may_come_encoded():
    assert event_from_path("/present/quiz%3Afirst%3Aa~b%3Aanswer") == "quiz:first:a~b:answer"
    assert event_from_path("/present/quiz:first:a~b") == "quiz:first:a~b"


def texts(component) -> str:
    """Every text in a Dash component tree, in order."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(texts(c) for c in component if c is not None)
    children = getattr(component, "children", None)
    return texts(children) if children is not None else ""


def test_the_audience_sees_the_question_then_the_answer_with_dates_as_written():
    asking = texts(step_card(TIMELINE, parse_step(ORDER_STEP), "en"))
    assert "Put these in order" in asking and "First paper on vertebroplasty" in asking
    assert "1987" not in asking  # no date given away
    answer = texts(step_card(TIMELINE, parse_step(ORDER_STEP + ":answer"), "fr"))
    assert answer.index("1987") < answer.index("2 juillet 1998") < answer.index("9 mai 2018")
    # the presenter sees the answer while the hall is still thinking
    ahead = texts(answer_panel(TIMELINE, parse_step(FIRST_STEP), "en"))
    assert ahead.index("2010") < ahead.index("22 August 2016")
    assert entry_label(TIMELINE, FIRST_STEP + ":answer", "en") == "The answer to the question"
    assert entry_label(TIMELINE, "cochrane-2018", "en") is None
    assert document_title(TIMELINE, FIRST_STEP, "fr").startswith("Question · ")


def test_events_of_entries():
    entries = ["a", "quiz:first:b~c", "quiz:first:b~c:answer", "a", "quiz:order:d~e~f"]
    assert events_of(entries) == ["a", "b", "c", "d", "e", "f"]
    assert events_of(entries, answered_only=True) == ["a", "b", "c"]
    assert deck_entries(["nope"], TIMELINE) == ()


def test_the_readme_example_makes_a_question_step():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"`/present/(\?ids=[^`]*quiz:[^`]*)`", readme)
    deck = deck_for(TIMELINE, parse_query(example, KNOWN))
    questions = [entry for entry in deck.ids if parse_step(entry)]
    assert len(questions) == 2 and questions[1] == questions[0] + ":answer"
