"""How an answer is scored: right (1 point), close (half a point) or wrong (0).

- YEAR: right inside the years that count (c. 1984: 1983 to 1985); close when at most
  `Round.close` years off (5% of the timeline's span, at least one year); else wrong.
- ORDER: right in the right order; close when one swap of two neighbours would make it
  right; else wrong.
- FIRST: right or wrong.

The browser scores a round itself (assets/quiz.js, so no answer leaves it); these are the
rules it follows, and tests/browser/test_quiz.py checks that the two agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.i18n import t
from core.quiz.making import FIRST, ORDER, YEAR, Question

RIGHT, CLOSE, WRONG = "right", "close", "wrong"
POINTS = {RIGHT: 1.0, CLOSE: 0.5, WRONG: 0.0}


@dataclass(frozen=True)
class Verdict:
    verdict: str  # RIGHT, CLOSE or WRONG
    off_by: int = 0  # YEAR: years between the guess and the nearest year that counts

    @property
    def points(self) -> float:
        return POINTS[self.verdict]


def score_year(question: Question, guess: int, close: int) -> Verdict:
    first, last = question.years or (0, 0)
    off = max(first - guess, guess - last, 0)
    if off == 0:
        return Verdict(RIGHT)
    return Verdict(CLOSE if off <= close else WRONG, off)


def _swaps(given: Sequence[str], answer: Sequence[str]) -> int:
    """How many pairs are the wrong way round (0: right; 1: one swap of neighbours away)."""
    place = {event_id: i for i, event_id in enumerate(answer)}
    ranks = [place.get(event_id, -1) for event_id in given]
    return sum(a > b for i, a in enumerate(ranks) for b in ranks[i + 1 :])


def score_order(question: Question, given: Sequence[str]) -> Verdict:
    if sorted(given) != sorted(question.answer):
        return Verdict(WRONG)
    swaps = _swaps(given, question.answer)
    return Verdict(RIGHT if swaps == 0 else CLOSE if swaps == 1 else WRONG)


def score_first(question: Question, chosen: str) -> Verdict:
    return Verdict(RIGHT if (chosen,) == question.answer else WRONG)


def score(question: Question, answer, close: int) -> Verdict:
    """Any question's verdict: `answer` is a year (YEAR), a list of ids (ORDER) or an id."""
    if question.kind == YEAR:
        return score_year(question, int(answer), close)
    if question.kind == ORDER:
        return score_order(question, list(answer))
    if question.kind == FIRST:
        return score_first(question, str(answer))
    raise ValueError(
        f"expected a question kind of {ORDER}, {YEAR} or {FIRST}; found {question.kind}"
    )


def format_points(points: float, lang: str) -> str:
    """3, 2.5 (English) or 2,5 (French)."""
    text = f"{points:g}"
    return text.replace(".", t(lang, "quiz_decimal_mark"))


def format_score(points: float, answered: int, lang: str) -> str:
    """The running score as the page shows it: '2.5 / 5', '2,5 sur 5'."""
    return t(lang, "quiz_score", points=format_points(points, lang), total=answered)
