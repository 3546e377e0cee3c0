"""Scoring an answer, and the score as the page writes it."""

from __future__ import annotations

import pytest

from core.quiz.making import FIRST, ORDER, YEAR, Question
from core.quiz.scoring import CLOSE, RIGHT, WRONG, format_score, score

C_1984 = Question(YEAR, ("e",), years=(1983, 1985))
EXACT = Question(YEAR, ("e",), years=(2013, 2013))
FOUR = Question(ORDER, ("c", "a", "d", "b"), answer=("a", "b", "c", "d"))
TWO = Question(FIRST, ("b", "a"), answer=("a",))


@pytest.mark.parametrize(
    ("question", "answer", "close", "verdict", "off_by"),
    [
        (C_1984, 1984, 2, RIGHT, 0),
        (C_1984, 1983, 2, RIGHT, 0),  # approximate: the whole range counts
        (C_1984, 1985, 2, RIGHT, 0),
        (C_1984, 1987, 2, CLOSE, 2),
        (C_1984, 1981, 2, CLOSE, 2),
        (C_1984, 1988, 2, WRONG, 3),
        (EXACT, 2013, 1, RIGHT, 0),
        (EXACT, 2012, 1, CLOSE, 1),
        (EXACT, 2011, 1, WRONG, 2),
        (EXACT, 1963, 50, CLOSE, 50),  # scaled to the span: a long timeline forgives more
        (FOUR, ["a", "b", "c", "d"], 2, RIGHT, 0),
        (FOUR, ["b", "a", "c", "d"], 2, CLOSE, 0),  # one swap of neighbours away
        (FOUR, ["a", "b", "d", "c"], 2, CLOSE, 0),
        (FOUR, ["a", "c", "b", "d"], 2, CLOSE, 0),
        (FOUR, ["c", "b", "a", "d"], 2, WRONG, 0),  # three pairs the wrong way round
        (FOUR, ["d", "c", "b", "a"], 2, WRONG, 0),
        (FOUR, ["a", "b", "c"], 2, WRONG, 0),  # not the events asked about
        (FOUR, ["a", "b", "c", "x"], 2, WRONG, 0),
        (TWO, "a", 2, RIGHT, 0),
        (TWO, "b", 2, WRONG, 0),
    ],
)
def test_verdicts(question, answer, close, verdict, off_by):
    result = score(question, answer, close)
    assert (result.verdict, result.off_by) == (verdict, off_by)
    assert result.points == {RIGHT: 1.0, CLOSE: 0.5, WRONG: 0.0}[verdict]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="expected a question kind"):
        score(Question("guess", ("a",)), "a", 1)


@pytest.mark.parametrize(
    ("points", "answered", "lang", "text"),
    [
        (3, 5, "en", "3 / 5"),
        (3.0, 5, "fr", "3 sur 5"),
        (2.5, 5, "en", "2.5 / 5"),
        (2.5, 5, "fr", "2,5 sur 5"),
        (0, 0, "en", "0 / 0"),
        (10, 10, "fr", "10 sur 10"),
    ],
)
def test_the_score_as_written(points, answered, lang, text):
    assert format_score(points, answered, lang) == text
