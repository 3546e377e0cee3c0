"""Which events a person asked to see: by kind, tag, year range and free-text search.

Pure pandas on the columns the loader computed, so a filter over 100,000 events is a few
vectorised comparisons, not a Python loop. The search looks for each of its words (each
once, `search_terms`) among the events the words before it left, the longest word first:
the first pass leaves few, so a search of many words costs little more than one (a pass
per word over every event took 9 s at 100,000 events for one letter typed 100 times).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.load.text import fold
from core.view.address import MAX_QUERY


@dataclass(frozen=True)
class Filters:
    """What is selected. `None` means "no filter"; an empty tuple means "nothing selected"."""

    kinds: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None  # an event matches if it has any of these tags
    years: tuple[int, int] | None = None  # inclusive calendar years
    query: str = ""

    @classmethod
    def from_inputs(
        cls,
        kinds: Iterable[str] | None,
        tags: Iterable[str] | None,
        years: Iterable[int] | None,
        query: str | None,
    ) -> Filters:
        """Build from the values of the page's controls (lists, or None when untouched)."""
        year_pair = tuple(int(y) for y in years) if years else None
        return cls(
            kinds=tuple(kinds) if kinds is not None else None,
            tags=tuple(tags) if tags else None,  # no tag chosen: no tag filter
            years=year_pair if year_pair and len(year_pair) == 2 else None,
            query=(query or "")[:MAX_QUERY].strip(),
        )


def apply_filters(events: pd.DataFrame, filters: Filters, lang: str = "en") -> pd.DataFrame:
    """The events that pass every filter, in their original order (`events` itself when
    all of them pass). The mask is a NumPy array: combining pandas Series was a third of a
    1,000-event redraw."""
    mask = _without_search(events, filters)
    terms = search_terms(filters.query)
    if terms:
        texts = events[f"search_{lang}"].to_numpy(dtype=object)
        rows = np.flatnonzero(mask)
        for term in terms:  # `term in text` in a generator: faster than any NumPy string op
            found = (term in text for text in texts[rows])
            rows = rows[np.fromiter(found, dtype=bool, count=len(rows))]
        mask[:] = False
        mask[rows] = True
    return events if mask.all() else events.loc[mask]


def finds_any(events: pd.DataFrame, filters: Filters, lang: str = "en") -> bool:
    """Whether some event passes every filter: `apply_filters` stopping at the first one
    (a search for a common word at 100,000 events: a fraction of a millisecond, not 0.1 s)."""
    mask = _without_search(events, filters)
    terms = search_terms(filters.query)
    if not terms:
        return bool(mask.any())
    texts = events[f"search_{lang}"].to_numpy(dtype=object)[mask]
    return any(all(term in text for term in terms) for text in texts)


def _without_search(events: pd.DataFrame, filters: Filters) -> np.ndarray:
    """The events that pass the filters other than the search, as a mask."""
    mask = np.ones(len(events), dtype=bool)
    if filters.kinds is not None:
        mask &= events["kind"].isin(filters.kinds).to_numpy(dtype=bool)
    if filters.tags is not None:
        wanted = set(filters.tags)
        mask &= events["tags"].map(lambda tags: not wanted.isdisjoint(tags)).to_numpy(dtype=bool)
    if filters.years is not None:
        first, last = filters.years
        mask &= (events["end"].to_numpy() > first) & (events["start"].to_numpy() < last + 1)
    return mask


def search_terms(query: str) -> tuple[str, ...]:
    """The words an event's text must all contain: folded, each once, none inside another
    (which the other already asks for), the longest (likely the rarest) first."""
    words = sorted(set(fold(query).split()), key=len, reverse=True)
    kept: list[str] = []
    for word in words:
        if not any(word in longer for longer in kept):
            kept.append(word)
    return tuple(kept)
