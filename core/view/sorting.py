"""The order of the list of events: by date (the chart's order), title or kind."""

from __future__ import annotations

import pandas as pd

from core.load.model import Vocabulary
from core.load.text import fold


def sort_events(events: pd.DataFrame, by: str, lang: str, vocabulary: Vocabulary) -> pd.DataFrame:
    """`events` in the order asked for; ties keep date order. Unknown orders mean date.
    `events` come in date order (`loader.DATE_ORDER`, which filtering keeps): sorting again
    took 0.1 s at 100,000 events, for every redraw."""
    by_date = events
    if by == "title":
        key = by_date[f"title_{lang}"].map(fold)
    elif by == "kind":
        order = {kind: i for i, kind in enumerate(vocabulary.kinds)}
        key = by_date["kind"].map(lambda kind: f"{order.get(kind, len(order)):05d} {kind}")
    else:
        return by_date
    return by_date.assign(_key=key).sort_values("_key", kind="stable").drop(columns="_key")
