"""The overview of a large timeline: events grouped by kind and by a few pixels of time.

Above `MAX_MARKS` events, one mark per event would mean tens of thousands of SVG nodes
and labels that cannot fit. Instead each kind gets one row, and the events of that kind
falling in the same `BIN_PX`-wide slice of the chart become one mark, its size growing
with the count, its hover saying how many and when. The number of marks is then bounded
by the chart's width, not by the data: 100,000 events draw as fast as 1,000. Zooming in
or filtering until fewer than `MAX_MARKS` events remain shows each event again.

A slice is as wide as the largest mark (`BIN_PX`), so the marks of a row stand side by
side rather than over each other, and a redraw has fewer of them: Plotly styles each mark
on its own, twice, most of a 10,000-event redraw's time in the browser (bench/README.md).
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from core.chart.style import kind_style
from core.i18n import t
from core.load.model import Vocabulary

MAX_MARKS = 1500  # above this many events, the chart groups them
MAX_GROUP_PX = 24  # the largest group's mark
BIN_PX = MAX_GROUP_PX  # width of one group on the chart


def group_events(
    events: pd.DataFrame, first: float, last: float, plot_width_px: float
) -> pd.DataFrame:
    """One row per (kind, slice of time) with its count and its first and last year, by
    kind then time. NumPy on the kinds' codes: pandas' groupby on the kinds' names was
    half of a 10,000-event redraw's time on the server."""
    bins = max(1, int(plot_width_px / BIN_PX))
    middle = (events["start"].to_numpy(dtype=float) + events["end"].to_numpy(dtype=float)) / 2
    inside = (middle >= first) & (middle <= last)
    middle = middle[inside]
    codes, kinds = pd.factorize(
        events["kind"].to_numpy(dtype=object)[inside], use_na_sentinel=False
    )
    slot = np.clip(((middle - first) / (last - first) * bins).astype(int), 0, bins - 1)
    keys, group, count = np.unique(codes * bins + slot, return_inverse=True, return_counts=True)
    low = np.full(len(keys), np.inf)
    high = np.full(len(keys), -np.inf)
    np.minimum.at(low, group, middle)
    np.maximum.at(high, group, middle)
    return pd.DataFrame(
        {
            "kind": np.asarray(kinds, dtype=object)[keys // bins],
            "slot": keys % bins,
            "count": count,
            "x": np.bincount(group, weights=middle) / count,
            "low": low,
            "high": high,
        }
    )


def add_groups(
    fig,  # core.chart.figure.Parts
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    kinds: list[str],
    first: float,
    last: float,
    plot_width_px: float,
    lang: str,
) -> int:
    """Draw the grouped marks, one row per kind in `kinds`; return the number of rows."""
    grouped = group_events(events, first, last, plot_width_px)
    for row, kind in enumerate(kinds):
        part = grouped[grouped["kind"] == kind]
        if part.empty:
            continue
        colour, symbol = kind_style(kind, vocabulary)
        name = html.escape(vocabulary.kind_label(kind, lang) if kind else "—", quote=False)
        counts = part["count"].to_numpy()
        years = [
            f"{int(low // 1)}" if int(low // 1) == int(high // 1) else f"{int(low)}–{int(high)}"
            for low, high in zip(part["low"], part["high"], strict=True)
        ]
        fig.add_trace(
            dict(
                type="scatter",
                x=part["x"].to_numpy().round(3),
                y=[row] * len(part),
                mode="markers",
                name=name,
                legendgroup=kind,
                marker={
                    # no outline: one of its colour would only widen the mark by a pixel,
                    # as the size's extra pixel does, and Plotly would colour each outline
                    # at each redraw (7 of 64 ms at 10,000 events, in turn)
                    "size": np.minimum(7 + 3 * np.log2(counts), MAX_GROUP_PX + 1).round(1),
                    "color": colour,
                    "symbol": symbol,
                    "opacity": 0.85,
                    "line": {"width": 0},
                },
                # no customdata, which is for an event's id: a group is not clickable, and
                # Plotly would mark each point that has some with a class, at each redraw
                hovertext=[
                    f"<b>{name}: {t(lang, 'grouped_hover', count=count)}</b><br>{year}"
                    for year, count in zip(years, counts, strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                cliponaxis=False,
            )
        )
    return len(kinds)
