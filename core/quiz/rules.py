"""What the data supports asking, decided from the dates alone.

- "In which year?" only for a single date known to within `MAX_YEARS` calendar years, in
  year 1 or later: an approximate or uncertain year (c. 1984, 1984?) counts the years it
  may be (1983 to 1985) as right; a window wider than that (`[1984..1989]`, `198X`) and a
  period (`1984/1989`, `1984~/1989~`) are never asked.
- "Which came first?" and "Put in order" only for events that are strictly apart: the
  first ends, its fuzziness included (`fuzzy_end`, see core/load/dates.py), no later than
  the next one starts (`fuzzy_start`). Events whose dates overlap or tie (two trials
  published the same day, 1984 and May 1984, c. 1984 and 1986) are never compared, so
  every such question has exactly one right answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from core.load.dates import PERIOD

MAX_YEARS = 3  # a year question's right answers span at most this many calendar years
_EPSILON = 1e-9  # decimal years are sums of fractions: 1985.0 may arrive as 1984.9999999


@dataclass(frozen=True, slots=True)
class Dated:
    """An event as the rules see it: its id and how far its date may reach."""

    id: str
    fuzzy_start: float
    fuzzy_end: float  # just after the last day it may be
    shape: str = "point"

    @property
    def years(self) -> tuple[int, int]:
        """The first and last calendar year the date may fall in."""
        return first_year(self.fuzzy_start), last_year(self.fuzzy_end)


def first_year(start: float) -> int:
    return math.floor(start + _EPSILON)


def last_year(end: float) -> int:
    return math.ceil(end - _EPSILON) - 1


def year_answer(event: Dated) -> tuple[int, int] | None:
    """The years that count as right for "In which year?", or None when not to ask it."""
    if event.shape == PERIOD:
        return None
    first, last = event.years
    if first < 1 or last - first + 1 > MAX_YEARS:
        return None
    return first, last


def before(a: Dated, b: Dated) -> bool:
    """Whether `a` certainly came before `b`: it ends, fuzziness included, by b's start."""
    return a.fuzzy_end <= b.fuzzy_start + _EPSILON


def apart(a: Dated, b: Dated) -> bool:
    """Whether one of the two certainly came first (no overlap, no tie)."""
    return before(a, b) or before(b, a)


def in_order(events: Sequence[Dated]) -> tuple[Dated, ...] | None:
    """The events from first to last if every two of them are apart, else None."""
    ordered = tuple(sorted(events, key=lambda e: (e.fuzzy_start, e.fuzzy_end, e.id)))
    if all(before(a, b) for a, b in zip(ordered, ordered[1:], strict=False)):
        return ordered
    return None
