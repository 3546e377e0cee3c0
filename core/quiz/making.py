"""A round of questions made from a timeline's events and a seed.

The same events and the same seed make the same round, on any machine and any Python: the
only random numbers used are those of `random.Random.random()`, whose sequence for a given
seed Python promises never to change (its `choice`, `shuffle` and `sample` carry no such
promise). A lecturer can therefore send one address to a class and everyone gets the same
questions, in the same order, with the same choices shown in the same order.

A round mixes three kinds of question (see core/quiz/rules.py for what each may ask):

- ORDER: put 3 or 4 events in order, earliest first;
- YEAR: in which year did an event happen (a range counts for approximate dates);
- FIRST: which of two events came first.

Each event is asked about at most once by year, each pair at most once, and a round has
fewer than `n` questions only when the events cannot support more.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from core.quiz.rules import Dated, apart, first_year, in_order, last_year, year_answer

ORDER, YEAR, FIRST = "order", "year", "first"
KINDS = (ORDER, YEAR, FIRST)
DEFAULT_QUESTIONS = 10
MAX_QUESTIONS = 30
ORDER_SIZE = 4  # events in an order question, or 3 when the events cannot give 4
POOL = 400  # a round is made from at most this many events, drawn at random
CLOSE_SHARE = 0.05  # a year this far off (a share of the span, at least 1) is "close"


@dataclass(frozen=True)
class Question:
    """One question: `shown` is the events in the order the student sees them; `answer`
    the right order (ORDER), or the one that came first (FIRST, a 1-tuple); `years` the
    first and last year that count as right (YEAR)."""

    kind: str
    shown: tuple[str, ...]
    answer: tuple[str, ...] = ()
    years: tuple[int, int] | None = None

    def events(self) -> tuple[str, ...]:
        """The events the question is about, in date order when that is the answer."""
        return self.answer if self.kind == ORDER else self.shown

    def to_dict(self) -> dict:
        data: dict = {"kind": self.kind, "shown": list(self.shown), "answer": list(self.answer)}
        if self.years is not None:
            data["years"] = list(self.years)
        return data


@dataclass(frozen=True)
class Round:
    seed: str
    questions: tuple[Question, ...]
    span: tuple[int, int]  # the first and last year of the events asked about
    close: int  # a year answer at most this many years off is "close"

    @property
    def year_range(self) -> tuple[int, int]:
        """The years a year answer may be: the span, widened by `close` (which also takes
        in what an approximate date at either end counts as right)."""
        return max(1, self.span[0] - self.close), self.span[1] + self.close

    def __len__(self) -> int:
        return len(self.questions)


def close_years(span: tuple[int, int]) -> int:
    """How far off a year answer may be and still count as close: 5% of the span, at least 1."""
    return max(1, round((span[1] - span[0]) * CLOSE_SHARE))


def dated(events: pd.DataFrame) -> list[Dated]:
    """The rules' view of a frame of events (see core/load/loader.py for its columns)."""
    columns = [events[c].tolist() for c in ("id", "fuzzy_start", "fuzzy_end", "shape")]
    return [Dated(*row) for row in zip(*columns, strict=True)]


class _Draw:
    """Random choices from `random()` alone (see the module's docstring)."""

    def __init__(self, seed: str):
        self.rng = random.Random(f"timeline-quiz:{seed}")

    def below(self, n: int) -> int:
        return min(int(self.rng.random() * n), n - 1)

    def shuffled(self, items: Sequence) -> list:
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items

    def sample(self, items: Sequence, k: int) -> list:
        """`k` of `items` in random order (a partial shuffle: no copy of a large frame)."""
        if len(items) <= k:
            return self.shuffled(items)
        picked = list(range(len(items)))
        for i in range(k):
            j = i + self.below(len(items) - i)
            picked[i], picked[j] = picked[j], picked[i]
        return [items[p] for p in picked[:k]]

    def rotated(self, items: Sequence) -> list:
        """`items` from a random starting point, wrapping round."""
        if not items:
            return []
        start = self.below(len(items))
        return [*items[start:], *items[:start]]


def out_of_order(draw: _Draw, answer: tuple[str, ...]) -> tuple[str, ...]:
    """The events of an order question as shown: shuffled, and never already in order."""
    shown = tuple(draw.shuffled(answer))
    if shown == answer:
        shown = answer[1:] + answer[:1]
    return shown


def shown_for(seed: str, kind: str, answer: tuple[str, ...]) -> tuple[str, ...]:
    """How a question's events are shown, the same wherever the same seed is used: out of
    order (ORDER), or either way round (FIRST)."""
    draw = _Draw(seed)
    return out_of_order(draw, answer) if kind == ORDER else tuple(draw.shuffled(answer))


class _Maker:
    def __init__(self, pool: list[Dated], draw: _Draw):
        self.pool = pool
        self.draw = draw
        self.asked_years: set[str] = set()
        self.asked_sets: set[frozenset[str]] = set()
        self.used: dict[str, int] = {}  # how often each event was in a question so far

    def _fresh_first(self, items: list[Dated]) -> list[Dated]:
        """Events seen least often first, each group in the order given."""
        return sorted(items, key=lambda e: self.used.get(e.id, 0))

    def _note(self, ids: Sequence[str]) -> None:
        for event_id in ids:
            self.used[event_id] = self.used.get(event_id, 0) + 1

    def year(self) -> Question | None:
        for event in self._fresh_first(self.draw.rotated(self.pool)):
            years = year_answer(event)
            if years and event.id not in self.asked_years:
                self.asked_years.add(event.id)
                self._note([event.id])
                return Question(YEAR, (event.id,), years=years)
        return None

    def first(self) -> Question | None:
        candidates = self._fresh_first(self.draw.rotated(self.pool))
        others = self._fresh_first(self.draw.rotated(self.pool))
        for a in candidates:
            for b in others:
                pair = frozenset((a.id, b.id))
                if a.id != b.id and pair not in self.asked_sets and apart(a, b):
                    self.asked_sets.add(pair)
                    self._note(pair)
                    earlier = in_order([a, b])[0].id
                    shown = tuple(self.draw.shuffled((a.id, b.id)))
                    return Question(FIRST, shown, answer=(earlier,))
        return None

    def order(self) -> Question | None:
        for size in (ORDER_SIZE, 3):
            starts = self._fresh_first(self.draw.rotated(self.pool))
            others = self._fresh_first(self.draw.rotated(self.pool))
            for start in starts[:50]:  # enough tries to find a chain wherever there is one
                chosen = [start]
                for event in others:
                    if len(chosen) == size:
                        break
                    if all(apart(event, other) for other in chosen):
                        chosen.append(event)
                ids = frozenset(e.id for e in chosen)
                if len(chosen) == size and ids not in self.asked_sets:
                    self.asked_sets.add(ids)
                    self._note(ids)
                    answer = tuple(e.id for e in in_order(chosen))
                    return Question(ORDER, out_of_order(self.draw, answer), answer=answer)
        return None


def span_of(events: pd.DataFrame) -> tuple[int, int]:
    """The first and last calendar year the events touch (their dates as written, not
    widened for approximation)."""
    if events.empty:
        return (0, 0)
    return first_year(float(events["start"].min())), last_year(float(events["end"].max()))


def make_round(events: pd.DataFrame, seed: str, n: int = DEFAULT_QUESTIONS) -> Round:
    """A round of up to `n` questions about `events`, the same for the same seed."""
    draw = _Draw(seed)
    # only the events drawn are looked at: a round on 100,000 events costs what one on 400 does
    pool = dated(events.iloc[draw.sample(range(len(events)), POOL)])
    maker = _Maker(pool, draw)
    span = span_of(events)
    questions: list[Question] = []
    turn = draw.shuffled(KINDS)  # the kinds take turns, in an order the seed picks
    failed: set[str] = set()
    while len(questions) < n and len(failed) < len(turn):
        for kind in turn:
            if len(questions) == n:
                break
            if kind in failed:
                continue
            question = getattr(maker, kind)()
            if question is None:
                failed.add(kind)
            else:
                questions.append(question)
    return Round(seed, tuple(questions), span, close_years(span))
